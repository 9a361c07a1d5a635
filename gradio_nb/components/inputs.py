"""Choice and range inputs: Slider (a view of ``js/fields.js``), Checkbox (a plain ipywidget)
and the choice components Dropdown, Radio, CheckboxGroup (one light anywidget view,
``js/choice.js``)."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import ipywidgets as widgets
import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..widgets import _Field, on_view_event, sync_label
from .base import FormComponent
from .number import as_js_number, check_bounds, round_to_precision
from .textbox import sync_field

_STYLE = {"description_width": "initial"}
_FIRST_CHOICE: Any = object()  # Dropdown's default: the first choice (Gradio's DEFAULT_VALUE)
#: What ``gr.update`` may change on every form component here, besides value and visible:
#: Gradio's constructor arguments but ``render``, ``key``, ``every``, ``inputs``.
_COMMON = (*FormComponent.UPDATABLE, "container", "scale", "min_width", "preserved_by_key", "buttons")


class _Labelled(FormComponent):
    """A plain ipywidget whose ``description`` carries the label, drawn in a Gradio block
    (``gnb-block`` and ``LOOK``: classes js/app.css styles)."""

    IN_FORM = True

    #: The class that gives this component Gradio's look (see js/app.css).
    LOOK = ""

    def sync_props(self, widget: widgets.DOMWidget, interactive: bool) -> None:
        widget.description = (self.label or self.SHOWN_LABEL) if self.show_label else ""
        if self.info:
            widget.tooltip = self.info
        widget.disabled = not interactive
        for cls in ("gnb-block", self.LOOK):
            if cls not in widget._dom_classes:
                widget.add_class(cls)
        self._style_widget(widget)


class SliderWidget(_Field):
    """Gradio's slider: its title and info, a number box with a reset button (back to
    ``initial``) on the title's line, the range under them between its minimum and maximum.
    The view sends ``{"event": "release"}`` when the person lets go of the range or leaves
    the number box, as Gradio's."""

    kind = t.Unicode("slider").tag(sync=True)
    value = t.Float(0.0).tag(sync=True)
    minimum = t.Float(0.0).tag(sync=True)
    maximum = t.Float(100.0).tag(sync=True)
    step = t.Float(1.0).tag(sync=True)
    #: The value the reset button gives back (the component's value when the session opened).
    initial = t.Float(0.0).tag(sync=True)
    reset_button = t.Bool(True).tag(sync=True)


class Slider(FormComponent):
    """A number chosen on a range. Values come back as the browser holds them (integral → int).

    Drawn as Gradio's: the number box beside the title, its reset button (``buttons=["reset"]``,
    shown unless ``buttons`` leaves it out), the minimum and maximum beside the range;
    ``release`` fires when the person lets go of it. ``randomize`` picks a random start per
    session.
    """

    SHOWN_LABEL = "Slider"

    IN_FORM = True
    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "release")
    UPDATABLE = (*_COMMON, "minimum", "maximum", "step", "precision", "randomize")
    release = listener("release", "Run ``fn`` when the user lets go of the slider (or leaves its number box).")

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
        self.randomize = randomize
        self.buttons = buttons
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

    def make_widget(self, payload: Any, interactive: bool) -> SliderWidget:
        widget = SliderWidget(value=payload, initial=payload)
        self.sync_props(widget, interactive)
        return widget

    def read_widget(self, widget: SliderWidget) -> Any:
        return as_js_number(widget.value)

    def sync_props(self, widget: SliderWidget, interactive: bool) -> None:
        widget.minimum, widget.maximum, widget.step = self.minimum, self.maximum, self.step
        widget.reset_button = self.buttons is None or "reset" in self.buttons
        sync_field(self, widget, interactive)

    def connect(self, widget: SliderWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "release":
            on_view_event(widget, "release", fire)
            return True
        return False


class Checkbox(_Labelled):
    """A boolean. The function receives ``True`` or ``False``. ``buttons`` is accepted and ignored."""

    SHOWN_LABEL = "Checkbox"

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "select")
    UPDATABLE = _COMMON
    LOOK = "gnb-checkbox"
    select = listener("select", "Run ``fn`` when the box is checked or unchecked (as ``input``).")

    def __init__(self, value: bool | Callable[[], bool] = False, *, buttons: Any = None, **kwargs: Any) -> None:
        self.buttons = buttons
        super().__init__(value, **kwargs)

    def postprocess(self, value: Any) -> bool:
        return bool(value)

    def make_widget(self, payload: Any, interactive: bool) -> widgets.Checkbox:
        widget = widgets.Checkbox(value=payload, indent=False)
        self.sync_props(widget, interactive)
        return widget


# -- the choice components ------------------------------------------------------------------


class ChoiceWidget(_Field):
    """The page's view of Dropdown, Radio and CheckboxGroup (``kind`` says which).

    ``options`` holds ``(label, value)`` pairs; ``value`` is a value, ``None``, or a list of
    values (``multiselect`` and ``checkboxgroup``), kept in the order the user picked them.
    The view sends ``{"event": "select" | "key_up" | "focus" | "blur", "data": {...}}``
    messages, after the value change they come with.
    """

    _view_file = "choice"
    kind = t.Unicode("dropdown").tag(sync=True)
    options = t.List().tag(sync=True)
    value = t.Any(None, allow_none=True).tag(sync=True)
    allow_custom_value = t.Bool(False).tag(sync=True)
    max_choices = t.Int(None, allow_none=True).tag(sync=True)
    filterable = t.Bool(True).tag(sync=True)
    show_select_all = t.Bool(False).tag(sync=True)
    rtl = t.Bool(False).tag(sync=True)

    @property
    def _options_labels(self) -> list[str]:
        """The labels shown, in order (as ipywidgets' selection widgets name them)."""
        return [label for label, _ in self.options]

    @property
    def _options_values(self) -> list[Any]:
        """The values of the options, in order."""
        return [value for _, value in self.options]


def normalize_choices(owner: str, choices: Sequence[Any] | None) -> list[tuple[Any, Any]]:
    """Gradio's choices: values, or ``(label, value)`` pairs (lists too), as a list of pairs."""
    pairs = []
    for choice in choices or []:
        if isinstance(choice, (tuple, list)):
            if len(choice) != 2:
                raise ValueError(f"{owner}: a choice given as a tuple must be (label, value), got {choice!r}.")
            pairs.append(tuple(choice))
        else:
            pairs.append((str(choice), choice))
    return pairs


def _not_in_choices(value: Any, values: list[Any]) -> Error:
    return Error(f"Value: {value!r} (type: {type(value)}) is not in the list of choices: {values}")


class _Choice(FormComponent):
    """What Dropdown, Radio and CheckboxGroup share: choices, ``type``, the view.

    ``buttons`` (custom toolbar buttons) is accepted and ignored.
    """

    IN_FORM = True

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "select")
    UPDATABLE = (*_COMMON, "choices", "type")
    #: The view's layout for this class (``ChoiceWidget.kind``).
    KIND = "dropdown"
    #: Events the view reports by message (the others come from the value trait).
    VIEW_EVENTS: ClassVar[tuple[str, ...]] = ("select",)
    select = listener(
        "select",
        "Run ``fn`` when the user picks (or unpicks) a choice; a ``gr.SelectData`` parameter "
        "gets its ``index``, ``value`` and ``selected``.",
    )
    multiselect: bool | None = False
    allow_custom_value = False

    def _set_choices(self, choices: Sequence[Any] | None, type: str) -> None:
        self.choices = normalize_choices(self.__class__.__name__, choices)
        self.type = type
        self._check_type()

    def _check_type(self) -> None:
        if self.type not in ("value", "index"):
            raise ValueError(
                f"Invalid value for parameter `type`: {self.type}. Please choose from one of: ['value', 'index']"
            )

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "choices" in props:
            self.choices = normalize_choices(self.__class__.__name__, self.choices)
        if "type" in props:
            self._check_type()

    def _values(self) -> list[Any]:
        return [value for _, value in self.choices]

    def _index(self, value: Any) -> int | None:
        values = self._values()
        return values.index(value) if value in values else None

    # -- the view ----------------------------------------------------------------------------
    def _kind(self) -> str:
        return self.KIND

    def make_widget(self, payload: Any, interactive: bool) -> ChoiceWidget:
        widget = ChoiceWidget(kind=self._kind(), value=self._shown(payload))
        self.sync_props(widget, interactive)
        return widget

    def _shown(self, payload: Any) -> Any:
        # The widget gets its own list: a function's later mutation of the one it returned
        # must not change what the page holds.
        return list(payload) if isinstance(payload, (list, tuple)) else payload

    def read_widget(self, widget: ChoiceWidget) -> Any:
        return self._shown(widget.value)

    def write_widget(self, widget: ChoiceWidget, payload: Any) -> None:
        widget.value = self._shown(payload)

    def sync_props(self, widget: ChoiceWidget, interactive: bool) -> None:
        with widget.hold_sync():
            widget.kind = self._kind()
            widget.options = [(str(label), value) for label, value in self.choices]
            sync_label(self, widget)
            widget.info = self.info or ""
            widget.disabled = not interactive
            widget.allow_custom_value = bool(self.allow_custom_value)
            widget.max_choices = getattr(self, "max_choices", None)
            widget.filterable = bool(getattr(self, "filterable", True))
            widget.show_select_all = bool(getattr(self, "show_select_all", False))
            widget.rtl = bool(getattr(self, "rtl", False))
        self._style_widget(widget)

    def connect(self, widget: ChoiceWidget, event: str, fire: Callable[..., None]) -> bool:
        if event in self.VIEW_EVENTS:
            on_view_event(widget, event, fire)
            return True
        return False


class Dropdown(_Choice):
    """Pick one choice (or several with ``multiselect=True``) from a filterable list.

    With no ``value`` the first choice is selected (none when ``multiselect``), as in Gradio;
    ``value=None`` selects nothing. ``allow_custom_value=True`` lets the user type a value not
    among the choices (Enter or leaving the field keeps it). ``max_choices`` caps how many the
    page lets the user pick; as in Gradio, the function is not stopped from receiving more
    (a function's own output may hold more). ``filterable=False`` makes the field read-only
    (only picking from the list). ``num_choices_shown`` and ``buttons`` are accepted and ignored.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "select", "focus", "blur", "key_up")
    UPDATABLE = (
        *_Choice.UPDATABLE,
        "multiselect",
        "allow_custom_value",
        "max_choices",
        "num_choices_shown",
        "filterable",
    )
    VIEW_EVENTS = ("select", "focus", "blur", "key_up")
    focus = listener("focus", "Run ``fn`` when the field gets the keyboard focus.")
    blur = listener("blur", "Run ``fn`` when the field loses the keyboard focus.")
    key_up = listener(
        "key_up",
        "Run ``fn`` on each key released in the field; a ``gr.KeyUpData`` parameter gets the "
        "``key`` and the text typed so far (``input_value``).",
    )

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = _FIRST_CHOICE,
        type: str = "value",
        multiselect: bool | None = None,
        allow_custom_value: bool = False,
        max_choices: int | None = None,
        num_choices_shown: int | None = 100,
        filterable: bool = True,
        buttons: Any = None,
        **kwargs: Any,
    ) -> None:
        self._set_choices(choices, type)
        self.multiselect = multiselect
        if value is _FIRST_CHOICE:
            value = [] if multiselect else (self.choices[0][1] if self.choices else None)
        if multiselect and isinstance(value, str):
            value = [value]
        if not multiselect and max_choices is not None:
            warnings.warn("The `max_choices` parameter is ignored when `multiselect` is False.", stacklevel=2)
        if not filterable and allow_custom_value:
            filterable = True
            warnings.warn(
                "The `filterable` parameter cannot be set to False when `allow_custom_value` is True. "
                "Setting `filterable` to True.",
                stacklevel=2,
            )
        if num_choices_shown is not None and num_choices_shown <= 0:
            raise ValueError("The `num_choices_shown` parameter must be greater than 0.")
        self.max_choices = max_choices
        self.num_choices_shown = num_choices_shown
        self.allow_custom_value = allow_custom_value
        self.filterable = filterable
        self.buttons = buttons
        super().__init__(value, **kwargs)

    def _kind(self) -> str:
        return "multiselect" if self.multiselect else "dropdown"

    def preprocess(self, payload: Any) -> Any:
        """The value (or list of values), or their indices with ``type="index"`` (a custom
        value's index is ``None``). A value not among the choices raises ``gr.Error`` unless
        ``allow_custom_value``."""
        if payload is None:
            return None
        values = self._values()
        if not self.allow_custom_value:
            if isinstance(payload, list):
                for value in payload:
                    if value not in values:
                        raise _not_in_choices(value, values)
            elif payload not in values:
                raise Error(f"Value: {payload} is not in the list of choices: {values}")
        if self.type == "index":
            return [self._index(v) for v in payload] if isinstance(payload, list) else self._index(payload)
        return payload

    def _warn_if_invalid_choice(self, value: Any) -> None:
        if self.allow_custom_value or value in self._values():
            return
        warnings.warn(
            "The value passed into gr.Dropdown() is not in the list of choices. Please update the "
            f"list of choices to include: {value} or set allow_custom_value=True.",
            stacklevel=4,
        )

    def postprocess(self, value: Any) -> Any:
        """The value as given (a single one becomes a list when ``multiselect``); one not
        among the choices is shown anyway, with a warning, as Gradio does."""
        if value is None:
            return None
        if self.multiselect:
            if not isinstance(value, list):
                value = [value]
            for item in value:
                self._warn_if_invalid_choice(item)
        else:
            self._warn_if_invalid_choice(value)
        return value


class Radio(_Choice):
    """Pick one choice among radio buttons. ``value=None`` selects nothing.

    ``rtl`` lays the buttons out right to left; ``buttons`` is accepted and ignored. Unlike
    Gradio, a returned value outside the choices also warns (it is shown anyway).
    """

    SHOWN_LABEL = "Radio"

    EVENTS: ClassVar[tuple[str, ...]] = ("select", "change", "input")
    UPDATABLE = (*_Choice.UPDATABLE, "rtl")
    KIND = "radio"

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
        self.rtl = rtl
        self.buttons = buttons
        super().__init__(value, **kwargs)

    def preprocess(self, payload: Any) -> Any:
        """The value, or its index with ``type="index"``; ``None`` when nothing is picked."""
        if payload is None:
            return None
        values = self._values()
        if payload not in values:
            raise _not_in_choices(payload, values)
        return values.index(payload) if self.type == "index" else payload

    def postprocess(self, value: Any) -> Any:
        if value is not None and value not in self._values():
            warnings.warn(
                f"Radio: the value {value!r} is not in the list of choices {self._values()}; it is shown anyway.",
                stacklevel=2,
            )
        return value


class CheckboxGroup(_Choice):
    """A set of checkboxes: the function receives the ticked values (in the order they were
    ticked, as Gradio's page keeps them), or their indices with ``type="index"``.

    ``show_select_all`` adds a box that ticks or unticks them all. ``buttons`` is accepted
    and ignored.
    """

    SHOWN_LABEL = "Checkbox Group"

    UPDATABLE = (*_Choice.UPDATABLE, "show_select_all")
    KIND = "checkboxgroup"

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = None,
        type: str = "value",
        show_select_all: bool = False,
        buttons: Any = None,
        **kwargs: Any,
    ) -> None:
        self._set_choices(choices, type)
        self.show_select_all = show_select_all
        self.buttons = buttons
        super().__init__(value, **kwargs)

    def preprocess(self, payload: list[Any] | None) -> list[Any]:
        """The ticked values, or their indices; a value not among the choices raises ``gr.Error``."""
        payload = list(payload or [])
        values = self._values()
        for value in payload:
            if value not in values:
                raise _not_in_choices(value, values)
        if self.type == "index":
            return [self._index(v) for v in payload]
        return payload

    def postprocess(self, value: Any) -> list[Any]:
        """A list of values to tick (one value alone is a list of one; ``None`` ticks none)."""
        if value is None:
            return []
        if not isinstance(value, list):
            value = [value]
        return value
