#!/usr/bin/env bash
# Rebuild js/vendor/ from the npm registry: the Vega, Vega-Lite and vega-embed browser builds
# that gr.LinePlot/ScatterPlot/BarPlot and altair charts in gr.Plot are drawn with, at pinned
# versions (Gradio 6.31's front end uses the same majors), with each package's licence beside it.
# The page never loads them from a CDN: the kernel sends them (gradio_nb/components/plot.py).
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGES=(vega@6.2.0 vega-lite@6.4.1 vega-embed@7.0.2)
out=js/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for spec in "${PACKAGES[@]}"; do
  name=${spec%@*}
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
  mkdir -p "$work/$name"
  tar xzf "$work/$name"-*.tgz -C "$work/$name"
  cp "$work/$name/package/build/$name.min.js" "$out/$name.min.js"
  cp "$work/$name/package/LICENSE" "$out/LICENSE-$name"
done
{
  echo "# Vendored browser builds (rebuilt by scripts/vendor_js.sh; do not edit)"
  echo
  for spec in "${PACKAGES[@]}"; do
    name=${spec%@*}
    echo "- $spec: $name.min.js (npm registry), licence: LICENSE-$name ($(head -1 "$out/LICENSE-$name"))"
  done
  echo
  echo "vega.min.js bundles d3 modules (ISC licence, Mike Bostock) and topojson-client (ISC);"
  echo "vega-embed.min.js bundles vega-tooltip, vega-themes, vega-interpreter (BSD-3-Clause,"
  echo "UW Interactive Data Lab), fast-json-patch (MIT), json-stringify-pretty-compact (MIT),"
  echo "semver (ISC) and tslib (0BSD), as their own builds on npm do."
} > "$out/README.md"
