"""``gr.ColorPicker`` and ``gr.DateTime``: a colour and a date (with time) picked in the page.

Both views live in ``js/pickers.js`` (one module, the view chosen by ``kind``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..widgets import LabelledView, on_view_event, sync_label
from .base import FormComponent


class PickerWidget(LabelledView):
    """A labelled picker field: a colour (``kind="color"``) or a date-time text field
    (``kind="datetime"``). The view sends ``{"event": name}`` messages for ``submit``,
    ``focus``, ``blur`` and ``release``."""

    _view_file = "pickers"
    kind = t.Unicode("color").tag(sync=True)
    value = t.Unicode(None, allow_none=True).tag(sync=True)
    info = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    include_time = t.Bool(True).tag(sync=True)


class _Picker(FormComponent):
    """Shared widget handling of the two pickers."""

    KIND = "color"
    #: Events the view reports by message (the others are value changes).
    MESSAGES: ClassVar[tuple[str, ...]] = ()

    def make_widget(self, payload: Any, interactive: bool) -> PickerWidget:
        widget = PickerWidget(kind=self.KIND, value=payload)
        self.sync_props(widget, interactive)
        return widget

    def sync_props(self, widget: PickerWidget, interactive: bool) -> None:
        sync_label(self, widget)
        widget.info = self.info or ""
        widget.disabled = not interactive
        widget.include_time = getattr(self, "include_time", True)
        self._style_widget(widget)

    def connect(self, widget: PickerWidget, event: str, fire: Callable[..., None]) -> bool:
        if event in self.MESSAGES:
            on_view_event(widget, event, fire)
            return True
        return False


class ColorPicker(_Picker):
    """A colour, as a hex string (``"#ff0000"``).

    The function receives the ``str`` the page holds (``None`` if there is none, as in Gradio;
    the view then shows black). Any returned value is shown as its ``str``. ``submit`` is
    Enter in the hex field, ``release`` the colour dialog closing on a choice; ``focus`` and
    ``blur`` are reported. ``container``, ``scale`` and ``min_width`` are accepted and
    ignored.
    """

    SHOWN_LABEL = "Color Picker"

    KIND = "color"
    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "release", "submit", "focus", "blur")
    MESSAGES = ("release", "submit", "focus", "blur")
    release = listener("release", "Run ``fn`` when the user has picked a colour in the colour dialog.")
    submit = listener("submit", "Run ``fn`` when the user presses Enter in the hex field.")
    focus = listener("focus", "Run ``fn`` when the picker gains focus.")
    blur = listener("blur", "Run ``fn`` when the picker loses focus.")

    def __init__(self, value: str | Callable[[], str] | None = None, **kwargs: Any) -> None:
        super().__init__(value, **kwargs)

    def preprocess(self, payload: str | None) -> str | None:
        """The hex string (``None`` if the page holds none)."""
        return None if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        """Any value is shown as its ``str``; ``None`` holds none."""
        return None if value is None else str(value)


_NOW = re.compile(r"^(?:\s*now\s*(?:-\s*(\d+)\s*([dmhs]))?)?\s*$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"DateTime: unknown timezone {name!r} (expected an IANA name such as 'Europe/Paris').") from None


def localize(naive: datetime, zone: ZoneInfo) -> datetime:
    """``naive`` as a wall-clock time in ``zone``, as ``pytz``'s ``localize`` (Gradio's) does:
    an ambiguous or skipped time (a DST change) is read in standard time."""
    for fold in (0, 1):
        aware = naive.replace(tzinfo=zone, fold=fold)
        if aware.dst() == timedelta(0):
            return aware
    return naive.replace(tzinfo=zone)


class DateTime(_Picker):
    """A date and (with ``include_time``) a time.

    The page holds a string ``"YYYY-MM-DD HH:MM:SS"`` (``"YYYY-MM-DD"`` without time), or a
    relative form ``"now"``, ``"now - 2h"`` (units d, h, m, s). The function receives, as in
    Gradio, by ``type``: ``"timestamp"`` a float (seconds since the epoch), ``"datetime"`` a
    ``datetime`` (aware in ``timezone`` if given, else naive local time), ``"string"`` the text
    (a relative form resolved to the format); an empty field gives ``None``. A function may
    return a ``datetime``, a timestamp (shown in ``timezone``, else local time) or a string.
    Timezones come from the standard library's ``zoneinfo`` (Gradio uses pytz; the instants are
    the same). ``scale``, ``min_width`` and ``buttons`` are accepted and ignored.
    """

    SHOWN_LABEL = "Date"

    IN_FORM = True

    KIND = "datetime"
    EVENTS: ClassVar[tuple[str, ...]] = ("change", "submit")
    MESSAGES = ("submit",)
    UPDATABLE = (*FormComponent.UPDATABLE, "include_time", "type", "timezone")
    submit = listener("submit", "Run ``fn`` when the user presses Enter in the field.")

    def __init__(
        self,
        value: float | str | datetime | None = None,
        *,
        include_time: bool = True,
        type: str = "timestamp",
        timezone: str | None = None,
        label: str | None = None,
        show_label: bool | None = None,
        info: str | None = None,
        every: float | None = None,
        scale: int | None = None,
        min_width: int = 160,
        visible: bool = True,
        interactive: bool | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        buttons: Any = None,
    ) -> None:
        if type not in ("timestamp", "datetime", "string"):
            raise ValueError(f"DateTime: `type` must be one of 'timestamp', 'datetime', 'string', got {type!r}.")
        if timezone is not None:
            _zone(timezone)
        self.type = type
        self.include_time = include_time
        self.timezone = timezone
        super().__init__(
            value,
            label=label,
            show_label=show_label,
            info=info,
            every=every,
            scale=scale,
            min_width=min_width,
            visible=visible,
            interactive=interactive,
            elem_id=elem_id,
            elem_classes=elem_classes,
            render=render,
            key=key,
            preserved_by_key=preserved_by_key,
        )

    @property
    def time_format(self) -> str:
        """The format the page holds: ``%Y-%m-%d %H:%M:%S``, or ``%Y-%m-%d`` without time."""
        return "%Y-%m-%d %H:%M:%S" if self.include_time else "%Y-%m-%d"

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "type" in props and self.type not in ("timestamp", "datetime", "string"):
            raise ValueError(f"DateTime: `type` must be one of 'timestamp', 'datetime', 'string', got {self.type!r}.")
        if props.get("timezone") is not None:
            _zone(self.timezone)  # type: ignore[arg-type]

    def parse(self, text: str) -> datetime:
        """The moment ``text`` names: a relative ``now - N<unit>`` or the component's format."""
        if "now" in text:
            match = _NOW.match(text)
            if not match:
                raise Error(f"DateTime: {text!r} is not a valid relative time (expected 'now' or 'now - 5m', units d, h, m, s).")
            amount = int(match.group(1) or 0)
            return datetime.now() - timedelta(**{_UNITS[match.group(2) or "s"]: amount})
        try:
            moment = datetime.strptime(text, self.time_format)
        except ValueError:
            shown = "YYYY-MM-DD HH:MM:SS" if self.include_time else "YYYY-MM-DD"
            raise Error(f"DateTime: {text!r} is not a date in the format {shown}.") from None
        return localize(moment, _zone(self.timezone)) if self.timezone else moment

    def preprocess(self, payload: str | None) -> float | datetime | str | None:
        """A float, a ``datetime`` or a ``str`` by ``type``; ``None`` for an empty field."""
        if payload is None or payload.strip() == "":
            return None
        if self.type == "string" and "now" not in payload:
            return payload
        moment = self.parse(payload)
        if self.type == "string":
            return moment.strftime(self.time_format)
        if self.type == "datetime":
            return moment
        return moment.timestamp()

    def postprocess(self, value: Any) -> str | None:
        """The string the page shows, from a ``datetime``, a timestamp or a string."""
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.strftime(self.time_format)
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            zone = _zone(self.timezone) if self.timezone else None
            try:
                return datetime.fromtimestamp(value, tz=zone).strftime(self.time_format)
            except (OverflowError, OSError, ValueError) as err:
                raise Error(f"DateTime: cannot show the timestamp {value!r} ({err}).") from None
        raise Error(
            f"DateTime: cannot show {value!r} ({type(value).__name__}): expected a datetime, "
            "a timestamp (a number) or a string."
        )
