"""``gradio.components.html``: ``HTML``, which gradio_nb keeps in :mod:`.text`."""

from __future__ import annotations

from .text import HTML

__all__ = ["HTML"]
