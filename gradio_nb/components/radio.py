"""``gradio.components.radio``: ``Radio``, which gradio_nb keeps in :mod:`.inputs`."""

from __future__ import annotations

from .inputs import Radio

__all__ = ["Radio"]
