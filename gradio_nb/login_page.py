"""The login page of a served app with ``launch(auth=...)``, in the app's look.

Gradio's login form: a "Login" heading, the app's ``auth_message`` (HTML, the author's own),
Username and Password fields and a primary button; a failed try shows "Incorrect Credentials".
Its colours and font are the app's theme variables, light and dark: dark follows the
browser's preference, and ``?__theme=dark`` / ``?__theme=light`` as in Gradio.
"""

from __future__ import annotations

from html import escape
from typing import Any

from . import themes

#: The theme variables the page uses.
_USED = (
    "body_background_fill", "body_text_color", "body_text_color_subdued", "block_background_fill",
    "block_border_color", "block_radius", "block_shadow", "input_background_fill", "input_border_color",
    "input_border_color_focus", "input_radius", "button_primary_background_fill",
    "button_primary_background_fill_hover", "button_primary_text_color", "button_large_radius",
    "error_text_color", "error_background_fill", "error_border_color", "font",
)  # fmt: skip

_CSS = """
body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
  background: var(--gnb-body-background-fill); color: var(--gnb-body-text-color);
  font-family: var(--gnb-font); }
.login { width: min(400px, 90vw); padding: 24px; box-sizing: border-box;
  background: var(--gnb-block-background-fill); border: 1px solid var(--gnb-block-border-color);
  border-radius: var(--gnb-block-radius); box-shadow: var(--gnb-block-shadow); }
h1 { font-size: 1.5rem; margin: 0 0 12px; }
.message { margin-bottom: 12px; }
label { display: block; font-size: 0.875rem; margin: 12px 0 6px; }
input { width: 100%; box-sizing: border-box; padding: 8px 10px; font: inherit;
  color: var(--gnb-body-text-color); background: var(--gnb-input-background-fill);
  border: 1px solid var(--gnb-input-border-color); border-radius: var(--gnb-input-radius); }
input:focus { outline: none; border-color: var(--gnb-input-border-color-focus); }
button { width: 100%; margin-top: 18px; padding: 10px; font: inherit; font-weight: 600; cursor: pointer;
  border: none; border-radius: var(--gnb-button-large-radius);
  background: var(--gnb-button-primary-background-fill); color: var(--gnb-button-primary-text-color); }
button:hover { background: var(--gnb-button-primary-background-fill-hover); }
.error { margin-top: 12px; padding: 8px 10px; border-radius: var(--gnb-input-radius);
  color: var(--gnb-error-text-color); background: var(--gnb-error-background-fill);
  border: 1px solid var(--gnb-error-border-color); }
"""


def _declarations(values: dict[str, str]) -> str:
    return " ".join(f"--gnb-{n.replace('_', '-')}: {values['--gnb-' + n.replace('_', '-')]};" for n in _USED)


def login_style(theme: Any = None) -> str:
    """The page's stylesheet in ``theme``'s look (an app's ``theme``: a theme, a built-in
    theme's name, or ``None`` for the Default theme). Made once per server."""
    light, dark = _theme_of(theme).css_variables()
    dark_vars = _declarations(dark)
    return (
        f":root {{ {_declarations(light)} }}\n"
        f":root[data-theme=dark] {{ {dark_vars} }}\n"
        f"@media (prefers-color-scheme: dark) {{ :root:not([data-theme=light]) {{ {dark_vars} }} }}\n"
        + _CSS
    )


def _theme_of(theme: Any) -> themes.ThemeClass:
    if isinstance(theme, str):
        return themes.theme_named(theme)
    return theme if isinstance(theme, themes.ThemeClass) else themes.Default()


def login_page(title: str, style: str, message: str | None = None, failed: bool = False,
               mode: str | None = None, action: str = "login") -> str:  # fmt: skip
    """The login page's HTML. ``message`` is the app's ``auth_message`` (HTML, shown as it
    is: it is the author's, as in Gradio); ``style`` is :func:`login_style`'s; ``mode`` "dark" or "light" fixes the theme;
    ``action`` is where the form posts (relative: it works under any ``root_path``)."""
    chosen = f' data-theme="{mode}"' if mode in ("dark", "light") else ""
    note = f'<div class="message">{message}</div>' if message else ""
    error = '<div class="error" role="alert">Incorrect Credentials</div>' if failed else ""
    return f"""<!doctype html>
<html lang="en"{chosen}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{style}</style></head>
<body><form class="login" method="post" action="{escape(action)}">
<h1>Login</h1>{note}
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Login</button>{error}
</form></body></html>"""
