"""``gr.Walkthrough`` and ``gr.Step``, which gradio_nb keeps in :mod:`gradio_nb.components.navigation`."""

from __future__ import annotations

from ..components.navigation import Step, Walkthrough

__all__ = ["Step", "Walkthrough"]
