"""``gradio.components.slider``: ``Slider``, which gradio_nb keeps in :mod:`.inputs`."""

from __future__ import annotations

from .inputs import Slider

__all__ = ["Slider"]
