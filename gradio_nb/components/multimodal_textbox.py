"""``gradio.components.multimodal_textbox``: ``MultimodalTextbox``, which gradio_nb keeps in :mod:`.multimodal`."""

from __future__ import annotations

from ..unavailable import DATA_MODEL, module_getattr
from .multimodal import MultimodalTextbox

__all__ = ["MultimodalTextbox"]

__getattr__ = module_getattr(__name__, ("MultimodalData", "MultimodalPostprocess", "MultimodalValue"), DATA_MODEL)
