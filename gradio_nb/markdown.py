"""Markdown to safe HTML: markdown-it-py renders, nh3 (ammonia) sanitizes.

Everything user-supplied that is shown as HTML (Markdown components, chat messages) goes
through :func:`to_safe_html`: scripts, event-handler attributes, ``javascript:`` links and
iframes never reach the page.
"""

from __future__ import annotations

import html
from functools import cache, lru_cache
from typing import Any


@cache
def _renderer() -> Any:
    # Imported on first use: an app with no Markdown or Chatbot never pays for it.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True, "linkify": False, "breaks": False}).enable(["table", "strikethrough"])


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
    }
    return nh3.Cleaner(tags=tags, attributes=attributes, link_rel="noopener noreferrer")


def sanitize(markup: str) -> str:
    """Remove everything that could run code from an HTML fragment."""
    return _cleaner().clean(markup)


@lru_cache(maxsize=4096)
def to_safe_html(text: str, render_markdown: bool = True) -> str:
    """Render ``text`` as Markdown (or escape it) and sanitize the resulting HTML."""
    if not render_markdown:
        return html.escape(text).replace("\n", "<br>")
    return sanitize(_renderer().render(text))
