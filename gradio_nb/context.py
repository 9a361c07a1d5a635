"""Where components being declared go: the innermost open ``Blocks`` and layout."""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

from .unavailable import module_getattr

if TYPE_CHECKING:
    from .blocks import BlockContext, Blocks

#: The ``Blocks`` whose ``with`` statement is open, if any.
root_block: ContextVar[Blocks | None] = ContextVar("gradio_nb_root_block", default=None)
#: The innermost open layout (a ``Row``, a ``Column``, ... or the ``Blocks`` itself).
parent_block: ContextVar[BlockContext | None] = ContextVar("gradio_nb_parent_block", default=None)
#: The render region whose function is running (see :mod:`gradio_nb.rendering`), if any.
render_scope: ContextVar[object | None] = ContextVar("gradio_nb_render_scope", default=None)

__getattr__ = module_getattr(
    __name__,
    ("Context", "LocalContext", "get_render_context", "set_render_context", "get_blocks_context"),
    "is how Gradio tracks the Blocks being declared; gradio_nb keeps that in this module's context variables.",
)
