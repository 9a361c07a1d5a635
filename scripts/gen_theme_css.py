"""Print js/theme.css: Gradio Default's theme variables, renamed --gnb-*, scoped to the app.

Usage: ``python scripts/gen_theme_css.py > js/theme.css`` (needs real Gradio: the compat extra).
It reads the values Gradio computes for its Default theme; the file it prints is gradio_nb's.
"""
import re
import gradio as gr

css = gr.themes.Default()._get_theme_css()
light_src, dark_src = css[css.index(":root {"):].split(":root.dark, :root .dark {")


def decls(block: str) -> list[tuple[str, str]]:
    out = []
    for name, value in re.findall(r"--([a-z0-9_-]+):\s*([^;]*);", block):
        value = value.strip()
        # Gradio's own dark block lists unset values as "--block_shadow: None": not variables.
        if "_" in name or value in ("None", "") or name in ("name", "custom-css"):
            continue
        out.append((name, re.sub(r"var\(--", "var(--gnb-", value)))
    return out


light = decls(light_src)
light_map = dict(light)
dark = [(n, v) for n, v in decls(dark_src) if light_map.get(n) != v]
head = """/* Gradio's Default theme as the app's look: every variable of gradio.themes.Default (light)
 * renamed --gnb-<name> (Gradio's theme variable, `_` -> `-`), scoped to the app's root so
 * that nothing outside an app changes. Component CSS reads only these variables.
 * Generated from Gradio 6's gradio.themes.Default()._get_theme_css() (values kept as Gradio writes them,
 * references between variables kept, so a theme that sets one hue moves every shade that
 * follows it); dark values below, where they differ. */
"""
print(head)
print(".gradio-nb {")
for n, v in light:
    print(f"  --gnb-{n}: {v};")
# Sizes Gradio's page takes from its global tokens (js/theme/src/tokens.css), not the theme.
print("  --gnb-line-sm: 1.4;\n  --gnb-line-md: 1.5;\n  --gnb-line-lg: 1.625;")
# The fixed palette colours Gradio's toasts use (js/theme/src/colors.ts), beside the theme.
for name, value in [("red-500", "#ef4444"), ("red-700", "#b91c1c"), ("yellow-500", "#eab308"), ("yellow-700", "#a16207"),
                    ("green-500", "#22c55e"), ("green-700", "#15803d"), ("grey-500", "#6b7280"), ("grey-700", "#374151")]:
    print(f"  --gnb-color-{name}: {value};")
print("}")
print("""
/* Dark: Gradio's dark values, when the app is told to be dark (gnb-dark) or JupyterLab's theme
 * is dark (its body attribute changes live, so a theme switch restyles the app at once). */""")
print(".gradio-nb.gnb-dark,\nbody[data-jp-theme-light=\"false\"] .gradio-nb:not(.gnb-light) {")
for n, v in dark:
    print(f"  --gnb-{n}: {v};")
print("}")
