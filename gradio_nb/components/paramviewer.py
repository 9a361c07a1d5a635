"""``gradio.components.paramviewer``: ``ParamViewer``, which gradio_nb keeps in :mod:`.code`."""

from __future__ import annotations

from ..unavailable import DATA_MODEL, module_getattr
from .code import ParamViewer

__all__ = ["ParamViewer"]

__getattr__ = module_getattr(__name__, ("Parameter",), DATA_MODEL)
