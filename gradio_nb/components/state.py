"""``gr.State``: a per-session value that never reaches the browser."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, ClassVar

from ..blocks import Block
from ..events import listener


class State(Block):
    """A hidden value kept per session, on the kernel side.

    ``value`` is deep-copied at construction and again, lazily, for each session on its first
    read; a callable ``value`` is called once now and once for every session. A function
    receives the session's object itself, so mutating it in place sticks (as in Gradio).

    ``time_to_live`` (seconds since the last write) and ``delete_callback`` (called with the
    value when it is dropped) are kept for the session to honour; ``render`` is accepted.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change",)
    change = listener(
        "change",
        "Run ``fn`` when an event that outputs to this State changes its value (by deep hash).",
    )

    def __init__(
        self,
        value: Any = None,
        render: bool = True,
        *,
        time_to_live: float | None = None,
        delete_callback: Callable[[Any], None] | None = None,
    ) -> None:
        self.time_to_live = time_to_live
        self.delete_callback = delete_callback
        self.load_fn: Callable[[], Any] | None = None
        if callable(value):
            self.load_fn = value
            value = value()
        try:
            self.value = copy.deepcopy(value)
        except Exception as err:
            raise TypeError(
                "The initial value of `gr.State` must be able to be deepcopied. "
                f"The initial value of type {type(value)} cannot be deepcopied."
            ) from err
        if self.load_fn is not None:
            # Gradio keeps the callable as the State's declared value (S4, S22).
            self.value = self.load_fn
        self.label: str | None = None
        super().__init__(visible=False, render=render)

    def initial_value(self) -> Any:
        """A new session's value: a fresh deep copy, or the callable's result."""
        if self.load_fn is not None:
            return self.load_fn()
        return copy.deepcopy(self.value)

    def preprocess(self, payload: Any) -> Any:
        """States pass their value through unchanged."""
        return payload

    def postprocess(self, value: Any) -> Any:
        """States store what the function returned, as is."""
        return value

    def __repr__(self) -> str:
        return "State()"

    def __str__(self) -> str:
        return "state"
