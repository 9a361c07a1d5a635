"""What every compat file shares: the scenario registry, and the comparison of one scenario run
with real Gradio (``GradioDriver``) and with gradio_nb (``NbDriver``).

A scenario is a function ``scenario(gr, driver) -> {name: observation}`` (see ``test_compat.py``).
Import this module after ``real_gradio.require()``: it needs real Gradio.
"""

from __future__ import annotations

import copy
from typing import Any, Callable

import gradio

import gradio_nb
from drivers import GradioDriver, NbDriver

Scenario = Callable[[Any, Any], "dict[str, Any]"]


class Scenarios(dict):
    """Scenarios by name: ``{name: (function, expected observations of real Gradio)}``.

    ``xfail`` holds, by name, the precise difference from Gradio of the scenarios that are
    expected to fail on gradio_nb (a gradio_nb bug).
    """

    def __init__(self) -> None:
        super().__init__()
        self.xfail: dict[str, str] = {}

    def scenario(self, xfail: str | None = None, **expected: Any) -> Callable[[Scenario], Scenario]:
        """Register a scenario; ``expected`` are observations real Gradio must show (by name)."""

        def register(fn: Scenario) -> Scenario:
            self[fn.__name__] = (fn, expected)
            if xfail:
                self.xfail[fn.__name__] = xfail
            return fn

        return register

    def test(self) -> Callable[[str], None]:
        """The pytest test that runs every scenario against both (``test_compat = SCENARIOS.test()``)."""
        import pytest

        @pytest.mark.parametrize("name", sorted(self))
        def test_compat(name: str) -> None:
            fn, expected = self[name]
            if name in self.xfail:
                pytest.xfail(self.xfail[name])
            compare(name, fn, expected)

        return test_compat


def shape(value: Any) -> Any:
    """The types of ``value``, recursively (so that 2 == 2.0 or (1, 2) == [1, 2] do not pass)."""
    if isinstance(value, dict):
        return {repr(k): shape(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [shape(v) for v in value])
    return type(value).__name__


def snap(sess: Any, *components: Any) -> Any:
    """Deep copies of what ``components`` hold now (one value, or a list of values)."""
    values = [copy.deepcopy(sess.get(c)) for c in components]
    return values[0] if len(values) == 1 else values


def run(fn: Scenario, gr: Any, driver: Any) -> dict[str, Any]:
    """``fn(gr, driver)``, closing the driver's sessions afterwards."""
    try:
        return fn(gr, driver)
    finally:
        driver.close_all()


def compare(name: str, fn: Scenario, expected: dict[str, Any]) -> None:
    """Run scenario ``name`` with real Gradio and assert its ``expected`` observations (value and
    type), then with gradio_nb and assert every observation equals Gradio's (value and type)."""
    real = run(fn, gradio, GradioDriver())
    for key, value in expected.items():
        assert key in real, f"{name}: no observation {key!r}"
        assert (real[key], shape(real[key])) == (value, shape(value)), (
            f"{name}: real Gradio's {key!r} is {real[key]!r}, not {value!r} as GRADIO_SEMANTICS.md says "
            "(the Gradio driver's emulation of its front end is wrong?)"
        )
    ours = run(fn, gradio_nb, NbDriver())
    differing = {
        key: {"gradio": real.get(key), "gradio_nb": ours.get(key)}
        for key in dict.fromkeys([*real, *ours])
        if key not in real or key not in ours or (real[key], shape(real[key])) != (ours[key], shape(ours[key]))
    }
    assert not differing, f"{name}: gradio_nb differs from Gradio: {differing}"
