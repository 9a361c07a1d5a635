"""Gradio's flagging callbacks, accepted so that apps which set them up still run.

Flagging saves what a person flagged on Gradio's server. A notebook app has no Flag button,
so these callbacks record nothing; apps that call them directly get no error.
"""

from __future__ import annotations

from typing import Any

from .unavailable import module_getattr


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


class ClassicCSVLogger(FlaggingCallback):
    """Gradio's pre-5.0 CSV flagging callback; accepted, writes nothing."""

    def __init__(self, simplify_file_data: bool = True) -> None:
        self.simplify_file_data = simplify_file_data


__all__ = ["CSVLogger", "ClassicCSVLogger", "FlaggingCallback", "SimpleCSVLogger"]

__getattr__ = module_getattr(
    __name__,
    ("ChatCSVLogger", "FlagMethod"),
    "is part of the Flag buttons of Gradio's Interface and ChatInterface, which gradio_nb does not show.",
)
