"""One app's style: its theme, its ``css=``/``css_paths=``, its ``elem_id``s, and ``?__theme=``.

Every display's root widget (the ``gradio-nb`` VBox) gets the class ``gnb-app-<n>``, unique to
its app (every display of one app shares it). When the app has a theme, CSS or ``elem_id``s
to show, the root holds one small view (:class:`AppStyleWidget`, ``js/app_style.js``) carrying
the app's CSS text, which the page puts in one ``<style>`` per app, removed when the last view
of that app goes. Nothing is sent per event.

- The theme: the variables of the shared contract (``--gnb-<Gradio's variable name>``) whose
  value differs from Gradio's Default theme (whose values ``js/theme.css`` already gives every
  app), or whose Default value refers to such a one, set on the app's root, light and dark.
- ``css=``: every selector is scoped to the app with a real CSS parser (tinycss2): a rule
  ``.x {}`` becomes ``.gnb-app-<n> .x {}``; ``:root``, ``html``, ``body``, ``.gradio-container``
  and ``gradio-app`` mean the app's root; ``.dark .x`` is ``.x`` in the app when it is dark;
  rules nested in ``@media``/``@supports``/``@container``/``@layer`` are scoped alike;
  ``@keyframes`` and ``@font-face`` are kept; rules that cannot be scoped (``@import``,
  ``@page``, ``@namespace``, unknown at-rules) are dropped with a warning. Gradio's variable
  names (``var(--body-text-color)``, ``--button-primary-background-fill: red``) are renamed to
  the contract's, so CSS written for Gradio's theme works. The scope weighs as an id (see
  :func:`css_root`): an app's rules win over the default look's, as in Gradio.
- ``elem_id``: ipywidgets have no DOM id, and one app may be shown many times on a page (an id
  must be unique), so a block's ``elem_id`` is the class ``gnb-id-<elem_id>`` on its widget,
  and ``#<elem_id>`` in ``css=`` is rewritten to ``.gnb-id-<elem_id>``. ``elem_classes`` are
  classes already (``Block._style_widget``).
- ``?__theme=dark`` (or ``light``) in a served page's query string gives the root the class
  ``gnb-dark`` (or ``gnb-light``: light even in a dark JupyterLab).
"""

from __future__ import annotations

import base64
import re
import warnings
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tinycss2
import tinycss2.ast
import tinycss2.serializer
import traitlets as t

from . import themes
from .widgets import JS, _View

if TYPE_CHECKING:
    from .blocks import Blocks
    from .session import Session

#: Selectors that mean the page (in Gradio) and so the app's root here.
_ROOTS = (".gradio-container", "gradio-app", ":root", "html", "body")
#: At-rules whose block holds style rules, scoped like the top level.
_NESTING = {"media", "supports", "container", "layer", "document", "scope", "starting-style"}
#: At-rules kept as they are: they style no element.
_KEPT = {"keyframes", "-webkit-keyframes", "font-face", "property", "counter-style", "font-feature-values", "font-palette-values"}
_JP_DARK = 'body[data-jp-theme-light="false"]'


class AppStyleWidget(_View):
    """An app's CSS (its theme's variables and its scoped ``css=``), put in the page once per
    app by its view, which shows nothing."""

    _view_file = "app_style"
    #: The app's class (``gnb-app-<n>``): the page keeps one ``<style>`` per app and CSS text.
    scope = t.Unicode("").tag(sync=True)
    css = t.Unicode("").tag(sync=True)


def app_class(blocks: Blocks) -> str:
    """The class every display of ``blocks`` has on its root."""
    return f"gnb-app-{blocks._id}"


def id_class(elem_id: str) -> str:
    """The class that stands for ``elem_id`` (a class may hold anything but whitespace)."""
    return "gnb-id-" + re.sub(r"\s+", "-", str(elem_id))


def _dark_selectors(root: str) -> list[str]:
    """Selectors of ``root`` (a compound selector of the app's root) when it is dark: forced
    (``gnb-dark``), or in a dark JupyterLab (unless forced light)."""
    return [f"{root}.gnb-dark", f"{_JP_DARK} {root}:not(.gnb-light)"]


# -- css= ------------------------------------------------------------------------------------
@cache
def _theme_names() -> frozenset[str]:
    return frozenset(n.replace("_", "-") for n in themes.variable_names())


def _rename_variables(tokens: Iterable[Any]) -> None:
    """Rename Gradio's theme variables (``--body-text-color``) to the contract's, in place."""
    for token in tokens:
        if token.type == "ident" and token.value.startswith("--") and token.value[2:] in _theme_names():
            token.value = "--gnb-" + token.value[2:]
            token.lower_value = token.value.lower()
        content = getattr(token, "arguments", None) or getattr(token, "content", None)
        if isinstance(content, list):
            _rename_variables(content)


def _declarations(content: list[Any] | None) -> str:
    tokens = list(content or [])
    _rename_variables(tokens)
    return tinycss2.serialize(tokens)


def _split(tokens: list[Any], sep: str = ",") -> list[list[Any]]:
    parts: list[list[Any]] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == sep:
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _ids_to_classes(tokens: list[Any]) -> None:
    """``#name`` (also inside ``:not(...)``, ``:is(...)``) becomes ``.gnb-id-name``, in place."""
    for i, token in enumerate(tokens):
        if token.type == "hash" and token.is_identifier:
            tokens[i] = tinycss2.ast.LiteralToken(token.source_line, token.source_column, ".")
            tokens.insert(i + 1, tinycss2.ast.IdentToken(token.source_line, token.source_column, tinycss2.serializer.serialize_identifier(id_class(token.value))))
        elif token.type == "function":
            _ids_to_classes(token.arguments)


def _compounds(tokens: list[Any]) -> list[tuple[str, str]]:
    """A selector as (combinator before it, compound selector text) pairs."""
    out: list[tuple[str, str]] = []
    combinator, current = "", ""
    for token in tokens:
        if token.type == "whitespace":
            if current:
                out.append((combinator, current))
                combinator, current = " ", ""
        elif token.type == "literal" and token.value in (">", "+", "~"):
            if current:
                out.append((combinator, current))
                current = ""
            combinator = token.value
        else:
            current += tinycss2.serialize([token])
    if current:
        out.append((combinator, current))
    return out


def _root_part(compound: str, root_ids: tuple[str, ...]) -> str | None:
    """What follows the page's selector at the start of ``compound`` (``""`` for ``body``,
    ``":has(.x)"`` for ``:root:has(.x)``), or None if ``compound`` does not start with one."""
    for name in (*_ROOTS, *root_ids):
        if compound.startswith(name) and compound[len(name):len(name) + 1] in ("", ".", ":", "["):
            return compound[len(name):]
    return None


def _join(parts: list[tuple[str, str]]) -> str:
    text = ""
    for combinator, compound in parts:
        text += f" {compound}" if combinator in ("", " ") else f" {combinator} {compound}"
    return text.strip()


def _scope_selector(tokens: list[Any], root: str, root_ids: tuple[str, ...]) -> list[str]:
    """One selector, scoped to the app (``root``: the app's root as a compound selector, which
    ``root_ids`` also name); Gradio's ``.dark`` (on the page) gives the dark variants."""
    _ids_to_classes(tokens)
    parts = _compounds(tokens)
    dark = False
    at_root = root
    while parts:
        combinator, compound = parts[0]
        if compound == ".dark" or compound.startswith(".dark") and compound[5:6] in (".", ":", "["):
            dark, compound = True, compound[5:]
        rest = _root_part(compound, root_ids) if compound else ""
        if rest is None:
            if compound != parts[0][1]:  # ".dark.x": the root is dark, .x is in the app
                parts[0] = (combinator, compound)
            break
        if re.search(r"\.dark(?![\w-])", rest):  # body.dark, html.dark
            dark, rest = True, re.sub(r"\.dark(?![\w-])", "", rest)
        at_root += rest
        parts = parts[1:]
    rest = _join(parts)
    roots = _dark_selectors(at_root) if dark else [at_root]
    return [f"{r} {rest}" if rest else r for r in roots]


def _scope_rules(rules: list[Any], root: str, root_ids: tuple[str, ...], out: list[str]) -> None:
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for part in _split(list(rule.prelude)) for s in _scope_selector(part, root, root_ids)] if any(
                tok.type != "whitespace" for tok in rule.prelude) else []
            if not selectors:
                continue
            out.append(f"{', '.join(selectors)} {{{_declarations(rule.content)}}}")
        elif rule.type == "at-rule":
            name = rule.lower_at_keyword
            prelude = tinycss2.serialize(rule.prelude).strip()
            if name in _NESTING and rule.content is not None:
                inner: list[str] = []
                _scope_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), root, root_ids, inner)
                out.append(f"@{rule.at_keyword} {prelude} {{\n{chr(10).join(inner)}\n}}")
            elif name in _KEPT:
                out.append(tinycss2.serialize([rule]))
            elif name == "layer" and rule.content is None:
                out.append(f"@layer {prelude};")
            else:
                warnings.warn(f"css=: @{rule.at_keyword} cannot be applied to one app in a notebook; it is left out.", stacklevel=4)
        # parse errors: a browser drops them too


def css_root(scope: str) -> str:
    """The app's root in its scoped ``css=``. The ``:is()`` holds an id (that nothing has), so
    that every rule of ``css=`` outweighs the default look's class-only rules, as Gradio's
    prefix makes an app's CSS outweigh its components' own."""
    return f".gradio-nb.{scope}:is(.{scope}, #{scope})"


def scope_css(css: str, scope: str, root_id: str | None = None) -> str:
    """``css`` with every rule applied to the app whose root has class ``scope`` only
    (``root_id``: the app's own ``elem_id``, which names its root too)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    out: list[str] = []
    _scope_rules(rules, css_root(scope), (f".{id_class(root_id)}",) if root_id else (), out)
    return "\n".join(out)


# -- theme -------------------------------------------------------------------------------------
@cache
def _default_variables() -> tuple[dict[str, str], dict[str, str]]:
    return themes.Default().css_variables()


@cache
def _default_references() -> dict[str, frozenset[str]]:
    """What each variable of ``js/theme.css`` refers to (it keeps the Default theme's
    references: ``--gnb-button-primary-background-fill: var(--gnb-primary-500)``)."""
    default = themes.Default()
    return {
        name: frozenset(re.findall(r"\*(\w+)", f"{getattr(default, name, '')} {getattr(default, name + '_dark', None) or ''}"))
        for name in themes.variable_names()
    }


def _prop(name: str) -> str:
    return "--gnb-" + name.replace("_", "-")


def theme_css(theme: themes.ThemeClass | None, scope: str) -> str:
    """The theme's variables for the app's root, light and dark: those whose value differs
    from the Default theme's (which ``js/theme.css`` gives every app), and those whose
    Default value refers to one of them (in the page it would follow the reference, not the
    theme). Each is set light and dark alike, so that neither falls back to the Default's."""
    if theme is None:
        return ""
    light, dark = theme.css_variables()
    base_light, base_dark = _default_variables()
    chosen = {n for n in themes.variable_names() if light[_prop(n)] != base_light[_prop(n)] or dark[_prop(n)] != base_dark[_prop(n)]}
    references = _default_references()
    grown = True
    while grown:
        more = {n for n, refs in references.items() if n not in chosen and refs & chosen}
        chosen |= more
        grown = bool(more)
    names = [_prop(n) for n in themes.variable_names() if n in chosen]
    if not names:
        return ""
    root = f".gradio-nb.{scope}"
    light_block = "".join(f"{n}: {light[n]}; " for n in names)
    dark_block = "".join(f"{n}: {dark[n]}; " for n in names)
    return f"{root} {{ {light_block}}}\n{', '.join(_dark_selectors(root))} {{ {dark_block}}}"


#: The Default theme's families, in every page already (js/vendor/fonts/fonts.css).
_PAGE_FONTS = frozenset({"Source Sans Pro", "IBM Plex Mono"})


@cache
def _font_face(family: str) -> str:
    """``@font-face`` rules (data: URLs) for a family shipped in js/vendor/fonts besides the
    Default theme's, "" for any other (never fetched: the stack's next family shows)."""
    stem = re.sub(r"\s+", "-", family.strip().lower())
    rules = []
    for weight in (400, 600):
        path = JS / "vendor" / "fonts" / f"{stem}-latin-{weight}-normal.woff2"
        if path.is_file():
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            rules.append(f"@font-face {{ font-family: '{family}'; font-style: normal; font-weight: {weight}; "
                         f"font-display: swap; src: url(data:font/woff2;base64,{data}) format('woff2'); }}")
    return "\n".join(rules)


def theme_fonts_css(theme: themes.ThemeClass | None) -> str:
    """The ``@font-face`` rules of the shipped fonts ``theme`` names (the Soft theme's
    Montserrat) beyond the Default theme's, which every page has."""
    # ``_font``/``_font_mono``: Gradio's own attribute names for a theme's font stacks
    stacks = [*getattr(theme, "_font", []), *getattr(theme, "_font_mono", [])]
    families = dict.fromkeys(f.name for f in stacks if isinstance(f, themes.Font) and f.name not in _PAGE_FONTS)
    return "\n".join(face for face in map(_font_face, families) if face)


def _theme_of(blocks: Blocks) -> themes.ThemeClass | None:
    theme = getattr(blocks, "theme", None)
    if isinstance(theme, str):
        return themes.theme_named(theme)
    return theme if isinstance(theme, themes.ThemeClass) else None


def _css_texts(blocks: Blocks) -> list[str]:
    texts = [blocks.css] if getattr(blocks, "css", None) else []
    paths = getattr(blocks, "css_paths", None) or []
    for path in [paths] if isinstance(paths, (str, Path)) else paths:
        texts.append(Path(path).read_text(encoding="utf-8"))
    return texts


def app_css(blocks: Blocks) -> str:
    """All the CSS ``blocks`` brings: its theme's fonts and variables, then its scoped ``css=`` and
    ``css_paths=`` ("" when none)."""
    scope = app_class(blocks)
    theme = _theme_of(blocks)
    parts = [theme_fonts_css(theme), theme_css(theme, scope), *(scope_css(text, scope, blocks.elem_id) for text in _css_texts(blocks))]
    return "\n".join(p for p in parts if p)


def _theme_mode(session: Session) -> str | None:
    mode = session.visit.query_params.get("__theme", "").lower()
    return mode if mode in ("dark", "light") else None


def apply(session: Session) -> None:
    """Style ``session``'s root as its app asks (see the module's docstring). Call it once
    the root widget and the blocks' widgets are made."""
    blocks = session.blocks
    root = session.view
    root.add_class(app_class(blocks))
    mode = _theme_mode(session)
    if mode is not None:
        root.add_class(f"gnb-{mode}")
    if blocks.elem_id:
        root.add_class(id_class(blocks.elem_id))
    css = app_css(blocks)
    if css:
        style = AppStyleWidget(scope=app_class(blocks), css=css)
        session.widget_tree.own(style)
        root.children = (style, *root.children)
