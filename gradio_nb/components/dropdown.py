"""``gradio.components.dropdown``: ``Dropdown``, which gradio_nb keeps in :mod:`.inputs`."""

from __future__ import annotations

from ..unavailable import module_getattr
from .inputs import Dropdown

__all__ = ["Dropdown"]

__getattr__ = module_getattr(
    __name__,
    ("DefaultValue", "DEFAULT_VALUE"),
    "is Gradio's marker for a Dropdown's default value (its first choice); leave value= out for that.",
)
