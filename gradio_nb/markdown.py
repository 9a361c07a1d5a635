"""Markdown to safe HTML: markdown-it-py renders, nh3 (ammonia) sanitizes.

Everything user-supplied that is shown as HTML (Markdown components, chat messages) goes
through :func:`to_safe_html`: scripts, event-handler attributes, ``javascript:`` links and
iframes never reach the page.
"""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache
from typing import Any


@cache
def _renderer() -> Any:
    # Imported on first use: an app with no Markdown or Chatbot never pays for it.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True, "linkify": False, "breaks": False}).enable(["table", "strikethrough"])


#: The ``style`` properties kept (Gradio keeps inline styles: Interface's title is
#: ``<h1 style='text-align: center; ...'>``): how text and boxes look, nothing that places a
#: box over the page (``position``, ``z-index``) or loads a URL (``background``, ``content``).
STYLE_PROPERTIES = frozenset({
    "text-align", "vertical-align", "color", "background-color", "opacity",
    "font-size", "font-weight", "font-style", "font-family", "line-height", "letter-spacing",
    "text-decoration", "text-transform", "white-space",
    "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
    "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
    "border", "border-top", "border-right", "border-bottom", "border-left",
    "border-color", "border-style", "border-width", "border-radius",
    "width", "height", "max-width", "max-height", "min-width", "min-height",
    "display", "gap", "justify-content", "align-items", "flex-direction", "flex-wrap",
})


@cache
def _cleaner() -> Any:
    import nh3

    tags = nh3.ALLOWED_TAGS | {"details", "summary", "span", "div", "img", "input"}
    attributes = {
        **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
        "img": {"src", "alt", "title", "width", "height"},
        "input": {"type", "checked", "disabled"},
        "span": {"class"},
        "div": {"class"},
        "code": {"class"},
        "*": {"style"},
    }
    return nh3.Cleaner(tags=tags, attributes=attributes, link_rel="noopener noreferrer",
                       filter_style_properties=set(STYLE_PROPERTIES), attribute_filter=_filter_style)


#: A style value with any of these is dropped: old browsers ran ``expression(...)`` and
#: ``javascript:``; ``url(`` would fetch; escapes and comments could hide either.
_UNSAFE_STYLE = re.compile(r"expression|javascript:|url\s*\(|\\|/\*|@import", re.IGNORECASE)


def _filter_style(element: str, attribute: str, value: str) -> str | None:
    """Keep a ``style`` attribute's declarations whose property is in :data:`STYLE_PROPERTIES`
    and whose value holds nothing :data:`_UNSAFE_STYLE` names; other attributes as they are."""
    if attribute != "style":
        return value
    kept = []
    for declaration in value.split(";"):
        name, colon, setting = declaration.partition(":")
        if colon and name.strip().lower() in STYLE_PROPERTIES and not _UNSAFE_STYLE.search(setting):
            kept.append(f"{name.strip().lower()}:{setting.strip()}")
    return ";".join(kept) or None


def sanitize(markup: str) -> str:
    """Remove everything that could run code from an HTML fragment."""
    return _cleaner().clean(markup)


@lru_cache(maxsize=4096)
def to_safe_html(text: str, render_markdown: bool = True) -> str:
    """Render ``text`` as Markdown (or escape it) and sanitize the resulting HTML."""
    if not render_markdown:
        return html.escape(text).replace("\n", "<br>")
    return sanitize(_renderer().render(text))
