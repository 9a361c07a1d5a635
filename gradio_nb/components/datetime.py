"""``gradio.components.datetime``: ``DateTime``, which gradio_nb keeps in :mod:`.pickers`."""

from __future__ import annotations

from .pickers import DateTime

__all__ = ["DateTime"]
