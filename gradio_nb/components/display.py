"""Display-only components: ``gr.Markdown`` and ``gr.JSON``, shown as sanitized HTML."""

from __future__ import annotations

import copy
import html
import inspect
import json
import math
import warnings
from collections.abc import Callable
from typing import Any, ClassVar

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle

from ..events import listener
from ..exceptions import Error
from ..markdown import to_safe_html
from ..widgets import shared
from .base import Component


class _HTMLView(Component):
    """A component shown as an ``ipywidgets.HTML`` whose markup is derived from the value."""

    def to_html(self, payload: Any) -> str:
        raise NotImplementedError

    def make_widget(self, payload: Any, interactive: bool) -> widgets.HTML:
        widget = widgets.HTML(layout=shared(widgets.Layout), style=shared(HTMLStyle))
        widget._gnb_payload = payload  # the value, kept in the kernel beside its markup
        widget.value = self.to_html(payload)
        self.sync_props(widget, interactive)
        return widget

    def read_widget(self, widget: widgets.HTML) -> Any:
        return widget._gnb_payload

    def write_widget(self, widget: widgets.HTML, payload: Any) -> None:
        widget._gnb_payload = payload
        widget.value = self.to_html(payload)

    def sync_props(self, widget: widgets.HTML, interactive: bool) -> None:
        widget.value = self.to_html(widget._gnb_payload)
        self._style_widget(widget)

    def _label_html(self) -> str:
        if self.label and self.show_label:
            return f'<div class="gnb-label" style="font-size:0.85em;font-weight:600">{html.escape(self.label)}</div>'
        return ""


class Markdown(_HTMLView):
    """Markdown text, rendered with markdown-it-py and sanitized with nh3.

    ``sanitize_html`` cannot be switched off. ``latex_delimiters``, ``rtl``,
    ``header_links``, ``height``, ``max_height``, ``min_height``, ``buttons`` and
    ``line_breaks`` are accepted and ignored. Events: ``change``, and ``copy`` as in Gradio 6
    (the notebook view has no copy button: it fires only from :meth:`Session.trigger`).
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "copy")
    copy = listener("copy", "Run ``fn`` when the text is copied (``gr.CopyData``); see the class doc.")

    def __init__(
        self,
        value: str | Callable[[], str] | None = None,
        *,
        latex_delimiters: Any = None,
        rtl: bool = False,
        sanitize_html: bool = True,
        line_breaks: bool = False,
        header_links: bool = False,
        height: Any = None,
        max_height: Any = None,
        min_height: Any = None,
        buttons: Any = None,
        padding: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else inspect.cleandoc(str(value))

    def sync_props(self, widget: widgets.HTML, interactive: bool) -> None:
        # Gradio's prose typography (js/app.css) applies under this class.
        if "gnb-prose" not in widget._dom_classes:
            widget.add_class("gnb-prose")
        super().sync_props(widget, interactive)

    def to_html(self, payload: Any) -> str:
        return to_safe_html(payload or "")  # Gradio's Markdown draws no label, shown or not


class JSON(_HTMLView):
    """A JSON value, shown pretty-printed. A string is parsed as JSON first.

    ``open``, ``show_indices``, ``height``, ``max_height``, ``min_height`` and ``buttons``
    are accepted and ignored.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change",)

    def __init__(
        self,
        value: Any = None,
        *,
        open: bool = False,
        show_indices: bool = False,
        height: Any = None,
        max_height: Any = 500,
        min_height: Any = None,
        buttons: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)

    def postprocess(self, value: dict | list | str | None) -> Any:
        """What Gradio's JSON shows: a JSON string parsed; anything else through orjson with
        NumPy support (arrays as nested lists, NumPy scalars as numbers); an object orjson
        cannot encode (a DataFrame, a set, a datetime, ...) as its ``str``, or the JSON that
        ``str`` spells. Integral floats come back as ints, as from Gradio's page (S19).
        Failures are Gradio's: ``gr.Error`` for a string that is not JSON, orjson's
        ``TypeError`` (e.g. a dict key that is not a str) otherwise."""
        if value is None:
            return None
        if not isinstance(value, (str, dict, list)) and not callable(value):
            warnings.warn(
                f"JSON component received unexpected type {type(value)}. "
                "Expected a string (including a valid JSON string), dict, list, or Callable.",
                UserWarning,
                stacklevel=2,
            )
        import orjson

        if isinstance(value, str):
            try:
                return js_numbers(orjson.loads(value))
            except orjson.JSONDecodeError as err:
                raise Error(f"Invalid JSON string: {err}") from err

        def default(obj: Any) -> Any:
            # As Gradio: an object whose str is JSON is shown as that JSON, else as its str.
            try:
                return orjson.loads(str(obj))
            except orjson.JSONDecodeError:
                return str(obj)

        encoded = orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_PASSTHROUGH_DATETIME, default=default)
        return js_numbers(orjson.loads(encoded))

    def preprocess(self, payload: Any) -> Any:
        return copy.deepcopy(payload)

    def to_html(self, payload: Any) -> str:
        text = "" if payload is None else json.dumps(payload, indent=2, ensure_ascii=False)
        return self._label_html() + f'<pre class="gnb-json" style="margin:0">{html.escape(text)}</pre>'


def js_numbers(value: Any) -> Any:
    """``value`` as it comes back from the page: JSON has one number type (``2.0`` is ``2``)."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [js_numbers(v) for v in value]
    if isinstance(value, dict):
        return {k: js_numbers(v) for k, v in value.items()}
    return value
