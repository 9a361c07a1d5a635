"""``gradio.components.markdown``: ``Markdown``, which gradio_nb keeps in :mod:`.display`."""

from __future__ import annotations

from .display import Markdown

__all__ = ["Markdown"]
