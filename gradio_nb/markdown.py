"""Markdown to safe HTML: markdown-it-py renders, nh3 (ammonia) sanitizes.

Everything user-supplied that is shown as HTML (Markdown components, chat messages) goes
through :func:`to_safe_html`: scripts, event-handler attributes, ``javascript:`` links and
iframes never reach the page.
"""

from __future__ import annotations

import html
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": True, "linkify": False, "breaks": False}).enable(
    ["table", "strikethrough"]
)
_TAGS = nh3.ALLOWED_TAGS | {"details", "summary", "span", "div", "img", "input"}
_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "img": {"src", "alt", "title", "width", "height"},
    "input": {"type", "checked", "disabled"},
    "span": {"class"},
    "div": {"class"},
    "code": {"class"},
}


def sanitize(markup: str) -> str:
    """Remove everything that could run code from an HTML fragment."""
    return nh3.clean(markup, tags=_TAGS, attributes=_ATTRIBUTES, link_rel="noopener noreferrer")


@lru_cache(maxsize=4096)
def to_safe_html(text: str, render_markdown: bool = True) -> str:
    """Render ``text`` as Markdown (or escape it) and sanitize the resulting HTML."""
    if not render_markdown:
        return html.escape(text).replace("\n", "<br>")
    return sanitize(_md.render(text))
