"""Gradio's flagging callbacks, accepted so that apps which set them up still run.

Flagging saves what a person flagged on Gradio's server. A notebook app has no Flag button,
so these callbacks record nothing; apps that call them directly get no error.
"""

from __future__ import annotations

from typing import Any


class FlaggingCallback:
    """The base of flagging callbacks: ``setup(components, flagging_dir)`` and ``flag(data)``."""

    def setup(self, components: Any, flagging_dir: str) -> None:
        """Accepted and ignored: nothing is flagged in a notebook app."""
        self.components = components
        self.flagging_dir = flagging_dir

    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        """Accepted and ignored; returns 0 (no row was written)."""
        return 0


class CSVLogger(FlaggingCallback):
    """Gradio's CSV flagging callback; accepted, writes nothing (see :class:`FlaggingCallback`)."""

    def __init__(self, simplify_file_data: bool = True, verbose: bool = True, dataset_file_name: str | None = None) -> None:
        self.dataset_file_name = dataset_file_name


class SimpleCSVLogger(CSVLogger):
    """Gradio's simple CSV flagging callback; accepted, writes nothing."""


__all__ = ["CSVLogger", "FlaggingCallback", "SimpleCSVLogger"]
