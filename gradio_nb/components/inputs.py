"""Choice and range inputs on plain ipywidgets: Slider, Checkbox, Dropdown, Radio."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import ipywidgets as widgets

from ..events import listener
from ..exceptions import Error
from .base import FormComponent
from .number import as_js_number, check_bounds, round_to_precision

_STYLE = {"description_width": "initial"}
_FIRST_CHOICE: Any = object()  # Dropdown's default: the first choice (Gradio's DEFAULT_VALUE)


def set_options(widget: widgets.DOMWidget, options: list[tuple[str, Any]]) -> None:
    """Give a selection widget new options, keeping its value (setting options resets it)."""
    if list(zip(widget._options_labels, widget._options_values)) == options:
        return
    value = widget.value
    widget.options = options
    values = [v for _, v in options]
    keep = [v for v in value if v in values] if isinstance(value, tuple) else value
    if isinstance(value, tuple) or value in values:
        widget.value = tuple(keep) if isinstance(value, tuple) else keep


class _Labelled(FormComponent):
    """A plain ipywidget whose ``description`` carries the label."""

    def sync_props(self, widget: widgets.DOMWidget, interactive: bool) -> None:
        widget.description = (self.label or "") if self.show_label else ""
        if self.info:
            widget.tooltip = self.info
        widget.disabled = not interactive
        self._style_widget(widget)


class Slider(_Labelled):
    """A number chosen on a range. Values come back as the browser holds them (integral → int).

    ``randomize`` picks a random start per session; ``buttons`` is accepted and ignored.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "release")
    UPDATABLE = (*FormComponent.UPDATABLE, "minimum", "maximum", "step")
    release = listener("release", "Run ``fn`` when the user releases the slider (here: on each change).")

    def __init__(
        self,
        minimum: float = 0,
        maximum: float = 100,
        value: float | Callable[[], float] | None = None,
        *,
        step: float | None = None,
        precision: int | None = None,
        randomize: bool = False,
        buttons: Any = None,
        **kwargs: Any,
    ) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.step = 1 if step is None else step
        self.precision = precision
        if randomize:
            value = self._random_value
        super().__init__(value, **kwargs)

    def _random_value(self) -> float:
        import random

        steps = int((self.maximum - self.minimum) / self.step)
        return as_js_number(self.minimum + self.step * random.randint(0, steps))

    def preprocess(self, payload: float) -> float | int:
        check_bounds(payload, self.minimum, self.maximum)
        return round_to_precision(as_js_number(payload), self.precision)

    def postprocess(self, value: Any) -> float | int:
        if value is None:
            value = self.minimum
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Error(f"Slider: cannot show {value!r} ({type(value).__name__}): expected a number.")
        return as_js_number(round_to_precision(value, self.precision))

    def make_widget(self, payload: Any, interactive: bool) -> widgets.FloatSlider:
        widget = widgets.FloatSlider(min=self.minimum, max=self.maximum, step=self.step, value=payload, style=_STYLE)
        self.sync_props(widget, interactive)
        return widget

    def read_widget(self, widget: widgets.FloatSlider) -> Any:
        return as_js_number(widget.value)

    def sync_props(self, widget: widgets.FloatSlider, interactive: bool) -> None:
        widget.min, widget.max, widget.step = self.minimum, self.maximum, self.step
        super().sync_props(widget, interactive)


class Checkbox(_Labelled):
    """A boolean. The function receives ``True`` or ``False``."""

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "select")
    select = listener("select", "Run ``fn`` when the box is checked or unchecked (as ``input``).")

    def __init__(self, value: bool | Callable[[], bool] = False, **kwargs: Any) -> None:
        super().__init__(value, **kwargs)

    def postprocess(self, value: Any) -> bool:
        return bool(value)

    def make_widget(self, payload: Any, interactive: bool) -> widgets.Checkbox:
        widget = widgets.Checkbox(value=payload, indent=False)
        self.sync_props(widget, interactive)
        return widget


def normalize_choices(owner: str, choices: Sequence[Any] | None) -> list[tuple[str, Any]]:
    """Gradio's choices: values, or ``(label, value)`` pairs, as a list of pairs."""
    pairs = []
    for choice in choices or []:
        if isinstance(choice, (tuple, list)):
            if len(choice) != 2:
                raise ValueError(f"{owner}: a choice given as a tuple must be (label, value), got {choice!r}.")
            pairs.append((str(choice[0]), choice[1]))
        else:
            pairs.append((str(choice), choice))
    return pairs


class _Choice(_Labelled):
    """Shared value handling of Dropdown and Radio (``type="value"`` or ``"index"``)."""

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "select")
    UPDATABLE = (*FormComponent.UPDATABLE, "choices")
    select = listener("select", "Run ``fn`` when the user picks a choice (as ``input``).")
    multiselect = False

    def _set_choices(self, choices: Sequence[Any] | None, type: str) -> None:
        if type not in ("value", "index"):
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: ['value', 'index']")
        self.type = type
        self.choices = normalize_choices(self.__class__.__name__, choices)

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "choices" in props:
            self.choices = normalize_choices(self.__class__.__name__, self.choices)

    def _values(self) -> list[Any]:
        return [value for _, value in self.choices]

    def _check(self, value: Any) -> None:
        if value is not None and value not in self._values() and not getattr(self, "allow_custom_value", False):
            raise Error(
                f"Value: {value!r} is not in the list of choices: {self._values()}"
            )

    def preprocess(self, payload: Any) -> Any:
        if self.multiselect:
            values = list(payload or [])
            for v in values:
                self._check(v)
            return [self._values().index(v) for v in values] if self.type == "index" else values
        self._check(payload)
        if self.type == "index":
            return None if payload is None else self._values().index(payload)
        return payload

    def postprocess(self, value: Any) -> Any:
        """The value as given; one not among the choices is shown anyway, with a warning."""
        if self.multiselect:
            value = [] if value is None else [value] if isinstance(value, str) else list(value)
            outside = [v for v in value if v not in self._values()]
        else:
            outside = [] if value is None or value in self._values() else [value]
        if outside and not getattr(self, "allow_custom_value", False):
            warnings.warn(
                f"{type(self).__name__}: the value {outside[0]!r} is not in the list of choices "
                f"{self._values()}; it is shown anyway. Set allow_custom_value=True to allow it.",
                stacklevel=2,
            )
        return value

    def _options(self) -> list[tuple[str, Any]]:
        return list(self.choices)

    def _with_custom(self, payload: Any) -> list[tuple[str, Any]]:
        """The choices, plus the shown value(s) when not among them (custom or warned)."""
        options = self._options()
        shown = payload if isinstance(payload, (list, tuple)) else [] if payload is None else [payload]
        options.extend((str(v), v) for v in shown if v not in self._values())
        return options


class Dropdown(_Choice):
    """Pick one choice (or several with ``multiselect=True``).

    With no ``value`` the first choice is selected (none when ``multiselect``), as in Gradio;
    ``value=None`` selects nothing. ``allow_custom_value`` lets a function write a value not
    among the choices; ``max_choices``, ``filterable`` and ``buttons`` are accepted and ignored.
    """

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = _FIRST_CHOICE,
        type: str = "value",
        multiselect: bool | None = None,
        allow_custom_value: bool = False,
        max_choices: int | None = None,
        filterable: bool = True,
        buttons: Any = None,
        **kwargs: Any,
    ) -> None:
        self.multiselect = bool(multiselect)
        self.allow_custom_value = allow_custom_value
        self._set_choices(choices, type)
        if value is _FIRST_CHOICE:
            value = [] if self.multiselect else (self.choices[0][1] if self.choices else None)
        super().__init__(value, **kwargs)

    def make_widget(self, payload: Any, interactive: bool) -> widgets.DOMWidget:
        if self.multiselect:
            widget = widgets.SelectMultiple(options=self._with_custom(payload), value=tuple(payload), style=_STYLE)
        else:
            widget = widgets.Dropdown(options=self._with_custom(payload), value=payload, style=_STYLE)
        self.sync_props(widget, interactive)
        return widget

    def read_widget(self, widget: widgets.DOMWidget) -> Any:
        return list(widget.value) if self.multiselect else widget.value

    def write_widget(self, widget: widgets.DOMWidget, payload: Any) -> None:
        set_options(widget, self._with_custom(payload))
        widget.value = tuple(payload) if self.multiselect else payload

    def sync_props(self, widget: widgets.DOMWidget, interactive: bool) -> None:
        set_options(widget, self._with_custom(widget.value))
        super().sync_props(widget, interactive)


class Radio(_Choice):
    """Pick one choice among radio buttons. ``value=None`` selects nothing."""

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = None,
        type: str = "value",
        rtl: bool = False,
        buttons: Any = None,
        **kwargs: Any,
    ) -> None:
        self._set_choices(choices, type)
        super().__init__(value, **kwargs)

    def make_widget(self, payload: Any, interactive: bool) -> widgets.RadioButtons:
        widget = widgets.RadioButtons(options=self._with_custom(payload), value=payload, style=_STYLE)
        self.sync_props(widget, interactive)
        return widget

    def write_widget(self, widget: widgets.RadioButtons, payload: Any) -> None:
        set_options(widget, self._with_custom(payload))
        widget.value = payload

    def sync_props(self, widget: widgets.RadioButtons, interactive: bool) -> None:
        set_options(widget, self._with_custom(widget.value))
        super().sync_props(widget, interactive)
