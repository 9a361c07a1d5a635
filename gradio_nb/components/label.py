"""``gradio.components.label``: ``Label``, which gradio_nb keeps in :mod:`.labels`."""

from __future__ import annotations

from ..unavailable import DATA_MODEL, module_getattr
from .labels import Label

__all__ = ["Label"]

__getattr__ = module_getattr(__name__, ("LabelConfidence", "LabelData"), DATA_MODEL)
