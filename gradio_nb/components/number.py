"""``gr.Number``: a numeric field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from ..events import listener
from ..exceptions import Error
from ..widgets import NumberWidget, on_view_event
from .base import FormComponent
from .textbox import sync_field

_JS_INTEGRAL = 1e21  # below this, JSON from the browser writes an integral double as an integer


def as_js_number(x: Any) -> Any:
    """A number as it comes back from the browser: integral floats become ints (S19)."""
    if isinstance(x, float) and x.is_integer() and abs(x) < _JS_INTEGRAL:
        return int(x)
    return x


def _plain_number(value: Any) -> Any:
    """A numpy scalar or numeric string as a Python number; anything else as it is."""
    import numbers

    if isinstance(value, numbers.Number) and hasattr(value, "item"):
        return value.item()
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return value
        return as_js_number(number)
    return value


def round_to_precision(x: float | None, precision: int | None) -> float | int | None:
    """Gradio's rounding: ``None`` keeps the number, 0 gives an int, k rounds to k places."""
    if x is None or precision is None:
        return x
    if precision == 0:
        return int(round(x))
    return round(x, precision)


def check_bounds(x: float | None, minimum: float | None, maximum: float | None) -> None:
    """Raise ``gr.Error`` as Gradio does when ``x`` lies outside ``[minimum, maximum]``."""
    if x is None:
        return
    if minimum is not None and x < minimum:
        raise Error(f"Value {x} is less than minimum value {minimum}.")
    if maximum is not None and x > maximum:
        raise Error(f"Value {x} is greater than maximum value {maximum}.")


class Number(FormComponent):
    """A number. A Number with no value holds 0, as Gradio's front end does.

    The function receives the number as the browser holds it (an integral value as an
    ``int``), rounded to ``precision`` when given; values outside ``minimum``/``maximum``
    raise ``gr.Error``. After a ``ClearButton`` it holds ``None``. ``placeholder`` and
    ``step`` are honoured; ``buttons`` is accepted and ignored.
    """

    SHOWN_LABEL = "Number"

    IN_FORM = True

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "submit", "focus", "blur")
    UPDATABLE = (*FormComponent.UPDATABLE, "precision", "minimum", "maximum", "step", "placeholder")
    submit = listener("submit", "Run ``fn`` when the user presses Enter in the field.")
    focus = listener("focus", "Accepted for Gradio compatibility; focus is not reported by the notebook view.")
    blur = listener("blur", "Accepted for Gradio compatibility; blur is not reported by the notebook view.")

    def __init__(
        self,
        value: float | Callable[[], float] | None = None,
        *,
        precision: int | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        step: float = 1,
        placeholder: str | None = None,
        buttons: Any = None,
        **kwargs: Any,
    ) -> None:
        self.precision = precision
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.placeholder = placeholder
        super().__init__(value, **kwargs)

    def preprocess(self, payload: float | None) -> float | int | None:
        """The number (``None`` if empty), bounds-checked and rounded to ``precision``."""
        if payload is None:
            return None
        check_bounds(payload, self.minimum, self.maximum)
        return round_to_precision(as_js_number(payload), self.precision)

    def postprocess(self, value: float | int | None) -> float | int | None:
        """The number rounded to ``precision``; ``None`` empties the field. A numpy number or a
        numeric string (an example read from a CSV file) counts as its number, as Gradio's page
        reads them; anything else raises ``TypeError`` (Gradio would pass it on unrounded)."""
        if value is None:
            return None
        if not isinstance(value, (bool, int, float)):
            value = _plain_number(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            if self.precision is not None:
                round_to_precision(value, self.precision)  # Gradio's own failure for this value
            raise TypeError(f"expected a number, got {value!r} ({type(value).__name__})")
        return as_js_number(round_to_precision(value, self.precision))

    def initial_payload(self) -> Any:
        payload = super().initial_payload()
        return 0 if payload is None else payload  # S18: the front end mounts an empty Number as 0

    def make_widget(self, payload: Any, interactive: bool) -> NumberWidget:
        widget = NumberWidget(value=payload)
        self.sync_props(widget, interactive)
        return widget

    def read_widget(self, widget: NumberWidget) -> Any:
        return as_js_number(widget.value)

    def sync_props(self, widget: NumberWidget, interactive: bool) -> None:
        widget.step = self.step
        widget.minimum = self.minimum
        widget.maximum = self.maximum
        sync_field(self, widget, interactive)

    def connect(self, widget: NumberWidget, event: str, fire: Callable[[], None]) -> bool:
        if event == "submit":
            on_view_event(widget, "submit", fire)
            return True
        return False
