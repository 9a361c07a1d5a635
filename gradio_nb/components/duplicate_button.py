"""``gradio.components.duplicate_button``: ``DuplicateButton``, which gradio_nb keeps in :mod:`.special_buttons`."""

from __future__ import annotations

from .special_buttons import DuplicateButton

__all__ = ["DuplicateButton"]
