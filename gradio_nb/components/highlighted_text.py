"""``gradio.components.highlighted_text``: ``HighlightedText``, which gradio_nb keeps in :mod:`.labels`."""

from __future__ import annotations

from ..unavailable import DATA_MODEL, module_getattr
from .labels import HighlightedText

__all__ = ["HighlightedText"]

__getattr__ = module_getattr(__name__, ("HighlightedToken", "HighlightedTextData"), DATA_MODEL)
