"""``gradio.components.clear_button``: ``ClearButton``, which gradio_nb keeps in :mod:`.button`."""

from __future__ import annotations

from .button import ClearButton

__all__ = ["ClearButton"]
