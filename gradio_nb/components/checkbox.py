"""``gradio.components.checkbox``: ``Checkbox``, which gradio_nb keeps in :mod:`.inputs`."""

from __future__ import annotations

from .inputs import Checkbox

__all__ = ["Checkbox"]
