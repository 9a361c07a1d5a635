"""Shared fixtures for the headless unit tests of gradio_nb."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

import pytest

from gradio_nb.testing import run_script

#: The State-in-Blocks guide's examples, unchanged (they still say ``import gradio as gr``).
SEED_DIR = Path(__file__).resolve().parent.parent / "examples" / "seed"

SEED_NAMES = [
    "01_counter",
    "02_chat_history",
    "03_multi_step",
    "04_click_counter",
    "05_interface_state",
    "06_complex_state",
    "07_hidden_counter",
    "08_visible_history",
    "09_default_values",
    "10_dynamic_init",
    "11_reset",
    "12_clear_button",
    "13_session_isolation",
    "14_memory",
    "15_conditional",
    "16_chain",
]


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Make ``time.sleep`` instant; returns the list of requested delays."""
    calls: list[float] = []
    monkeypatch.setattr(time, "sleep", lambda seconds: calls.append(seconds))
    return calls


@pytest.fixture
def seed() -> Callable[[str], dict[str, Any]]:
    """Run a seed example (by stem, e.g. ``"01_counter"``) headlessly; return its globals."""
    opened: list[Any] = []

    def load(name: str) -> dict[str, Any]:
        path = SEED_DIR / f"{name}.py"
        assert path.is_file(), f"missing seed example {path}"
        namespace = run_script(path)
        opened.append(namespace["demo"])
        return namespace

    yield load
    for demo in opened:
        demo.close_all()


def messages(*pairs: tuple[str, str]) -> list[dict[str, Any]]:
    """Normalised chat messages as a Gradio 6 function receives them (S20)."""
    return [
        {"role": role, "metadata": None, "content": [{"text": text, "type": "text"}], "options": None}
        for role, text in pairs
    ]
