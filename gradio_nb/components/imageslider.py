"""``gradio.components.imageslider``: ``ImageSlider``, which gradio_nb keeps in :mod:`.image_slider`."""

from __future__ import annotations

from ..unavailable import DATA_MODEL, module_getattr
from .image_slider import ImageSlider

__all__ = ["ImageSlider"]

__getattr__ = module_getattr(__name__, ("SliderData",), DATA_MODEL)
