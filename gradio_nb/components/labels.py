"""Classification output and annotated text: ``gr.Label`` and ``gr.HighlightedText``."""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..widgets import LabelledView, on_view_event, sync_label
from .base import Component

_LABEL_EXPECTS = (
    "The `Label` output interface expects one of: a string label, or an int label, a "
    "float label, or a dictionary whose keys are labels and values are confidences. "
)


def _js(value: Any) -> Any:
    """A label as it comes back from the page: JSON has one number type (2.0 is 2)."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def _confidence(owner: str, value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{owner}: a confidence must be a number, got {value!r:.80}.") from None


class LabelWidget(LabelledView):
    """The top label and a bar per confidence; a click on a bar sends ``select``."""

    _view_file = "label"
    value = t.Dict().tag(sync=True)
    color = t.Unicode("").tag(sync=True)
    show_heading = t.Bool(True).tag(sync=True)


class Label(Component):
    """A classification result: a label, or labels with confidences shown as bars.

    A function may return a ``str``/``int``/``float`` (shown as the label, and passed on as
    its ``str``), a ``{label: confidence}`` dict (sorted by confidence, cut to
    ``num_top_classes``), a path to a ``.json`` file of Gradio's label data, or ``None``/``{}``
    (empty). As an input the function receives the label, or the ``{label: confidence}`` dict
    (confidences as ``float``), or ``None``, exactly as in Gradio. Honoured: ``num_top_classes``,
    ``color``, ``show_heading``, ``label``, ``show_label``. Accepted and ignored: ``container``,
    ``scale``, ``min_width``, ``buttons``. Events: ``change``, ``select``
    (``SelectData`` with ``index`` and ``value``, the class clicked).
    """

    SHOWN_LABEL = "Label"

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "select")
    UPDATABLE = (
        *Component.UPDATABLE, "num_top_classes", "color", "show_heading", "container", "scale",
        "min_width", "buttons",
    )  # fmt: skip
    select = listener("select", "Run ``fn`` when the user clicks a class (``gr.SelectData``: index, value).")

    def __init__(
        self,
        value: dict[str, float] | str | float | Callable[[], Any] | None = None,
        *,
        num_top_classes: int | None = None,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        color: str | None = None,
        show_heading: bool = True,
        buttons: Any = None,
    ) -> None:
        self.num_top_classes = num_top_classes
        self.color = color
        self.show_heading = show_heading
        self.buttons = buttons
        self.container, self.scale, self.min_width = container, scale, min_width
        super().__init__(
            value, label=label, show_label=show_label, visible=visible, elem_id=elem_id,
            elem_classes=elem_classes, render=render, key=key, every=every, inputs=inputs,
        )  # fmt: skip

    def preprocess(self, payload: dict[str, Any] | None) -> dict[Any, float] | str | int | float | None:
        """The label, or ``{label: confidence}``, or ``None`` for an empty Label."""
        if not payload:
            return None
        confidences = payload.get("confidences")
        if confidences is None:
            return payload.get("label")
        return {c["label"]: float(c["confidence"]) for c in confidences}

    def postprocess(self, value: dict[str | float, float] | str | int | float | None) -> dict[str, Any]:
        """Gradio's label data: ``{"label": ..., "confidences": [{"label", "confidence"}] | None}``."""
        if value is None or (isinstance(value, dict) and not value):
            return {}
        if isinstance(value, str) and value.endswith(".json") and Path(value).exists():
            value = json.loads(Path(value).read_text())
        if isinstance(value, (str, float, int)):
            return {"label": str(value), "confidences": None}
        if isinstance(value, dict):
            if "label" in value and (value.get("confidences") is None or isinstance(value["confidences"], list)):
                # Gradio's own label data (from a .json file, or a Label's payload returned as is)
                confidences = value.get("confidences")
                if confidences is not None:
                    confidences = [
                        {"label": _js(c.get("label")), "confidence": _confidence("Label", c.get("confidence"))}
                        for c in confidences
                    ]
                return {"label": _js(value["label"]), "confidences": confidences}
            ranked = sorted(
                ((k, _confidence("Label", v)) for k, v in value.items()), key=operator.itemgetter(1), reverse=True
            )
            if self.num_top_classes is not None:
                ranked = ranked[: self.num_top_classes]
            return {
                "label": _js(ranked[0][0]) if ranked else None,
                "confidences": [{"label": _js(k), "confidence": v} for k, v in ranked],
            }
        raise ValueError(_LABEL_EXPECTS + f"Instead, got a {type(value)}")

    def make_widget(self, payload: Any, interactive: bool) -> LabelWidget:
        widget = LabelWidget(value=payload or {})
        self.sync_props(widget, interactive)
        return widget

    def write_widget(self, widget: LabelWidget, payload: Any) -> None:
        widget.value = payload or {}

    def sync_props(self, widget: LabelWidget, interactive: bool) -> None:
        sync_label(self, widget)
        widget.color = self.color or ""
        widget.show_heading = bool(self.show_heading)
        self._style_widget(widget)

    def connect(self, widget: LabelWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "select":
            on_view_event(widget, "select", fire)
            return True
        return False


class HighlightedTextWidget(LabelledView):
    """Tokens with their categories (or scores); interactive views edit them."""

    _view_file = "highlightedtext"
    value = t.List(allow_none=True).tag(sync=True)
    color_map = t.Dict().tag(sync=True)
    show_legend = t.Bool(False).tag(sync=True)
    show_inline_category = t.Bool(True).tag(sync=True)
    show_whitespaces = t.Bool(True).tag(sync=True)
    rtl = t.Bool(False).tag(sync=True)
    disabled = t.Bool(True).tag(sync=True)


def _category(value: Any) -> str | float | None:
    """A token's category as Gradio's data model holds it (``str | float | None``)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    raise ValueError(f"HighlightedText: a category must be a str, a number or None, got {value!r:.80}.")


class HighlightedText(Component):
    """Text with highlighted spans, by category or by score (a number from -1 to 1).

    A function may return a list of ``(text, category)`` pairs, or Gradio's dict form
    ``{"text": ..., "entities": [{"entity" or "entity_group", "start", "end"}]}``; as an
    input it receives, as in Gradio, a list of ``{"token": ..., "class_or_confidence": ...}``
    dicts (numbers as ``float``). Honoured: ``color_map``, ``show_legend``,
    ``show_inline_category``, ``combine_adjacent``, ``adjacent_separator``,
    ``show_whitespaces``, ``rtl``, ``interactive`` (remove a highlight with ×, click a label
    to rename it, select text inside a token to highlight it), ``label``, ``show_label``.
    Accepted and ignored: ``container``, ``scale``, ``min_width``, ``buttons``. Events: ``change``, ``select`` (``SelectData``: ``index``, ``value`` as
    ``[token, category]``).
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "select")
    UPDATABLE = (
        *Component.UPDATABLE, "color_map", "show_legend", "show_inline_category", "combine_adjacent",
        "adjacent_separator", "show_whitespaces", "rtl", "container", "scale", "min_width", "buttons",
    )  # fmt: skip
    select = listener("select", "Run ``fn`` when the user clicks a highlighted token (``gr.SelectData``).")

    def __init__(
        self,
        value: list[tuple[str, str | float | None]] | dict | Callable[[], Any] | None = None,
        *,
        color_map: dict[str, str] | None = None,
        show_legend: bool = False,
        show_inline_category: bool = True,
        combine_adjacent: bool = False,
        adjacent_separator: str = "",
        show_whitespaces: bool = True,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        interactive: bool | None = None,
        rtl: bool = False,
        buttons: Any = None,
    ) -> None:
        self.color_map = color_map
        self.show_legend = show_legend
        self.show_inline_category = show_inline_category
        self.combine_adjacent = combine_adjacent
        self.adjacent_separator = adjacent_separator
        self.show_whitespaces = show_whitespaces
        self.rtl = rtl
        self.buttons = buttons
        self.container, self.scale, self.min_width = container, scale, min_width
        super().__init__(
            value, label=label, show_label=show_label, interactive=interactive, visible=visible,
            elem_id=elem_id, elem_classes=elem_classes, render=render, key=key, every=every, inputs=inputs,
        )  # fmt: skip

    def preprocess(self, payload: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
        """The tokens as ``{"token", "class_or_confidence"}`` dicts, as Gradio passes them."""
        if payload is None:
            return None
        return [{"token": str(d["token"]), "class_or_confidence": _category(d.get("class_or_confidence"))} for d in payload]

    def postprocess(self, value: list[tuple[str, str | float | None]] | dict | None) -> list[dict[str, Any]] | None:
        """Tokens from ``(text, category)`` pairs or the ``{"text", "entities"}`` dict; other
        values fail as in Gradio (the dispatcher names the component and the value)."""
        if value is None:
            return None
        if isinstance(value, dict):
            value = self._from_entities(value)
        pairs = []
        for item in value:
            if isinstance(item, dict) and "token" in item:  # a payload returned as it came
                item = (item["token"], item.get("class_or_confidence"))
            if not isinstance(item, (list, tuple)) or len(item) != 2 or not isinstance(item[0], str):
                raise ValueError(f"HighlightedText: expected (text, category) pairs with str text, got {item!r:.80}.")
            pairs.append((item[0], _category(item[1])))
        if self.combine_adjacent:
            pairs = self._combine(pairs)
        return [{"token": self._normalize_token(text), "class_or_confidence": cat} for text, cat in pairs]

    @staticmethod
    def _from_entities(value: dict[str, Any]) -> list[tuple[str, Any]]:
        try:
            text = value["text"]
            entities = value["entities"]
        except KeyError:
            raise ValueError(
                "Expected a dictionary with keys 'text' and 'entities' "
                "for the value of the HighlightedText component."
            ) from None
        if len(entities) == 0:
            return [(text, None)]
        pairs: list[tuple[str, Any]] = []
        index = 0
        for entity in sorted(entities, key=lambda x: x["start"]):
            pairs.append((text[index : entity["start"]], None))
            pairs.append((text[entity["start"] : entity["end"]], entity.get("entity") or entity.get("entity_group")))
            index = entity["end"]
        pairs.append((text[index:], None))
        return pairs

    def _combine(self, pairs: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
        # As Gradio: empty tokens are dropped, equal neighbours joined with the separator.
        output: list[tuple[str, Any]] = []
        for text, category in pairs:
            if not text:
                continue
            if output and output[-1][1] == category:
                output[-1] = (output[-1][0] + self.adjacent_separator + text, category)
            else:
                output.append((text, category))
        return output

    def _normalize_token(self, text: str) -> str:
        return text if self.show_whitespaces else text.strip()

    def make_widget(self, payload: Any, interactive: bool) -> HighlightedTextWidget:
        widget = HighlightedTextWidget(value=payload)
        self.sync_props(widget, interactive)
        return widget

    def read_widget(self, widget: HighlightedTextWidget) -> Any:
        return widget.value

    def sync_props(self, widget: HighlightedTextWidget, interactive: bool) -> None:
        sync_label(self, widget)
        widget.color_map = dict(self.color_map or {})
        widget.show_legend = self.show_legend
        widget.show_inline_category = self.show_inline_category
        widget.show_whitespaces = self.show_whitespaces
        widget.rtl = self.rtl
        widget.disabled = not interactive
        self._style_widget(widget)

    def connect(self, widget: HighlightedTextWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "select":
            on_view_event(widget, "select", fire)
            return True
        return False
