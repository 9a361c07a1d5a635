"""``gradio.components.json_component``: ``JSON``, which gradio_nb keeps in :mod:`.display`."""

from __future__ import annotations

from .display import JSON

__all__ = ["JSON"]
