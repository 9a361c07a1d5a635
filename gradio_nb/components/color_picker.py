"""``gradio.components.color_picker``: ``ColorPicker``, which gradio_nb keeps in :mod:`.pickers`."""

from __future__ import annotations

from .pickers import ColorPicker

__all__ = ["ColorPicker"]
