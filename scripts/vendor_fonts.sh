#!/usr/bin/env bash
# Rebuild js/vendor/fonts/ from the npm registry: Gradio Default theme's fonts (Source Sans Pro
# for text, IBM Plex Mono for code; weights 400 and 600, the two Gradio's page loads), latin
# subset only, as woff2 with each package's licence. They are also written, base64-encoded, as
# @font-face rules with data: URLs into js/vendor/fonts/fonts.css: a view module's CSS is a
# <style> text with no URL to fetch from, and the page must never reach a CDN. That CSS travels
# with the app stylesheet (gradio_nb/widgets.py), once per page.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm package, font family, file stem
FONTS=(
  "@fontsource/source-sans-pro@5.3.0|Source Sans Pro|source-sans-pro"
  "@fontsource/ibm-plex-mono@5.3.0|IBM Plex Mono|ibm-plex-mono"
)
# Fonts of the other built-in themes: files only (not in fonts.css); an app whose theme names
# one gets its @font-face rules with its theme's CSS (gradio_nb/styling.py).
THEME_FONTS=(
  "@fontsource/montserrat@5.3.0|Montserrat|montserrat"
)
WEIGHTS=(400 600)
out=js/vendor/fonts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
css="$out/fonts.css"
echo "/* Gradio Default theme's fonts, latin subset (rebuilt by scripts/vendor_fonts.sh; do not edit). */" > "$css"
# fetch SPEC STEM: the package's latin woff2 files (WEIGHTS) and its licence into $out
fetch() {
  local dir="$work/$2"
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$1" >/dev/null && tar xzf ./*.tgz)
  cp "$dir/package/LICENSE" "$out/LICENSE-$2"
  for weight in "${WEIGHTS[@]}"; do
    cp "$dir/package/files/$2-latin-$weight-normal.woff2" "$out/"
  done
}
# list TITLE ENTRY...: the README's lines for these fonts
list() {
  echo "$1"
  echo
  shift
  for entry in "$@"; do
    IFS='|' read -r spec family stem <<< "$entry"
    echo "- $spec ($family): $stem-latin-{400,600}-normal.woff2, licence: LICENSE-$stem (SIL Open Font License 1.1)"
  done
}
for entry in "${FONTS[@]}"; do
  IFS='|' read -r spec family stem <<< "$entry"
  fetch "$spec" "$stem"
  for weight in "${WEIGHTS[@]}"; do
    printf "@font-face { font-family: '%s'; font-style: normal; font-weight: %s; font-display: swap; src: url(data:font/woff2;base64,%s) format('woff2'); }\n" \
      "$family" "$weight" "$(base64 -w0 "$out/$stem-latin-$weight-normal.woff2")" >> "$css"
  done
done
for entry in "${THEME_FONTS[@]}"; do
  IFS='|' read -r spec family stem <<< "$entry"
  fetch "$spec" "$stem"
done
{
  list "# Vendored fonts (rebuilt by scripts/vendor_fonts.sh; do not edit)" "${FONTS[@]}"
  echo
  echo "fonts.css: the Default theme's files as @font-face rules with data: URLs ($(wc -c < "$css") bytes)."
  echo
  list "Other themes' fonts (sent only with an app whose theme names them):" "${THEME_FONTS[@]}"
} > "$out/README.md"
