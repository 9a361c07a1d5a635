"""``gr.Timer``: fires ``tick`` every ``value`` seconds while active; shows nothing."""

from __future__ import annotations

import math
from typing import Any, ClassVar

import traitlets

from ..events import listener
from .base import Component


class TimerHandle(traitlets.HasTraits):
    """One session's copy of a timer: its interval and whether it runs. A kernel-side
    object, not a widget (a timer has nothing to show); the session's clock watches it."""

    value = traitlets.Any(1)
    active = traitlets.Bool(True)
    closed = traitlets.Bool(False)

    def close(self) -> None:
        """Stop for good: the session (or the re-render that made it) is gone."""
        self.closed = True


class Timer(Component):
    """Ticks every ``value`` seconds while ``active``: ``timer.tick(fn, inputs, outputs)``
    runs ``fn`` on each tick, in each session on its own clock.

    A displayed app's timers run on the kernel's event loop while the app is visible in the
    page (as Gradio's run while the page is visible), and stop when its output is cleared or
    its session closed; a headless session's timers tick as ``session.advance(seconds)``
    moves its clock. ``gr.Timer(active=False)`` or ``gr.update(active=...)`` returned to it
    stops or starts it, ``gr.Timer(2)`` changes its interval (each restarts the interval).
    A tick while the previous one's function is still running is skipped.
    """

    def breaks_grouping(self) -> bool:
        """Shows nothing: the form fields around it stay in one form, as in Gradio."""
        return False

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "tick")
    UPDATABLE = ("active",)
    tick = listener("tick", "Run ``fn`` at each tick of the timer.")

    def __init__(self, value: float = 1, *, active: bool = True, render: bool = True) -> None:
        self.active = active
        super().__init__(value=value, render=render)

    @classmethod
    def of_every(cls, every: float | Timer) -> Timer:
        """The timer of a component's ``every=``: ``every`` itself if it is a Timer, else a
        new one ticking every ``every`` seconds."""
        return every if isinstance(every, Timer) else cls(every)

    def postprocess(self, value: Any) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
            raise ValueError(f"gr.Timer: the value is the interval in seconds, a positive number; got {value!r}.")
        return value

    def make_widget(self, payload: Any, interactive: bool) -> TimerHandle:
        return TimerHandle(value=1 if payload is None else payload, active=bool(self.active))

    def read_widget(self, widget: TimerHandle) -> float:
        return widget.value

    def write_widget(self, widget: TimerHandle, payload: Any) -> None:
        if payload is not None:
            widget.value = payload

    def sync_props(self, widget: TimerHandle, interactive: bool) -> None:
        widget.active = bool(self.active)


# A component's every= makes its timer here: the base class knows no Timer.
Component.every_timer = Timer.of_every

__all__ = ["Timer", "TimerHandle"]
