"""``gradio.components.checkboxgroup``: ``CheckboxGroup``, which gradio_nb keeps in :mod:`.inputs`."""

from __future__ import annotations

from .inputs import CheckboxGroup

__all__ = ["CheckboxGroup"]
