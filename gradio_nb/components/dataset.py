"""``gr.Dataset``: a clickable gallery or table of samples (what ``gr.Examples`` shows).

The value is the index of the clicked sample (``None`` before any click), as in Gradio's
front end. The view (``js/dataset.js``) receives each sample as display text only; the
samples themselves stay in the kernel.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..widgets import _View, sync_label
from .base import Component
from .state import State

_TYPES = ("values", "index", "tuple")


class DatasetWidget(_View):
    """The samples as cells of text, shown as a gallery of cards or as a table.

    A click in the view (or :meth:`click_sample`, its headless twin) sets ``value`` to the
    sample's index and then calls the ``click`` and ``select`` callbacks, in that order, as
    Gradio's front end dispatches them; ``change`` (from observing ``value``) comes after.
    """

    _view_file = "dataset"
    label = t.Unicode("Examples").tag(sync=True)
    show_label = t.Bool(True).tag(sync=True)
    headers = t.List(t.Unicode()).tag(sync=True)
    #: Display text of each sample's cells (``None``: an empty cell, a hidden gallery card).
    cells = t.List(t.List()).tag(sync=True)
    gallery = t.Bool(True).tag(sync=True)
    samples_per_page = t.Int(10).tag(sync=True)
    #: The index of the last clicked sample.
    value = t.Int(None, allow_none=True).tag(sync=True)
    #: Each sample as Gradio's front end holds it (the ``select`` event's ``value``); kernel only.
    rows = t.List()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._callbacks: dict[str, list[Callable[..., None]]] = {"click": [], "select": []}
        self.on_msg(self._view_message)

    def on_sample(self, event: str, callback: Callable[..., None]) -> None:
        """Call ``callback`` on each ``"click"`` (no argument) or ``"select"`` (the event data)."""
        self._callbacks[event].append(callback)

    def click_sample(self, index: int) -> None:
        """Do what a click on sample ``index`` (over all pages) does in the view."""
        if not 0 <= index < len(self.rows):
            raise IndexError(f"Dataset: no sample {index}; it has {len(self.rows)} samples.")
        data = {"index": index, "value": self.rows[index]}
        # Notifications held: the click and select listeners run before ``change``, as in
        # Gradio, where the front end dispatches click at once and change on its next tick.
        with self.hold_trait_notifications():
            self.value = index
            for callback in self._callbacks["click"]:
                callback()
            for callback in self._callbacks["select"]:
                callback(data)

    def _view_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "click":
            index = content.get("index")
            if isinstance(index, int) and 0 <= index < len(self.rows):
                self.click_sample(index)


def component_instance(spec: Any) -> Component:
    """A component from a shortcut string or an instance (Gradio's ``components=`` forms);
    a ``State`` (a Component in Gradio) is accepted too."""
    from . import get_component_instance  # the registry imports this module

    comp = get_component_instance(spec, render=False)
    if not isinstance(comp, (Component, State)):
        raise TypeError("All components in a `Dataset` must be subclasses of `Component`")
    return comp  # type: ignore[return-value]


def process_example(component: Component, value: Any) -> Any:
    """A sample value as the Dataset holds it: the component's ``process_example`` if it has
    one (as in Gradio), else its ``postprocess``; a value it cannot take is kept as given."""
    method = getattr(component, "process_example", None) or component.postprocess
    try:
        return method(value)
    except Exception:  # shown as text rather than failing the whole Dataset
        return value


def _number_text(value: float | int) -> str:
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))  # JS shows 2.0 as 2
    return str(value)


def example_text(component: Component | None, value: Any) -> str | None:
    """What a Dataset cell shows for a processed sample value, as Gradio's example views do:
    a choice's label, ``true``/``false``, a file's name, else the value as text.

    A component may define ``example_text(value)`` to choose its own text.
    """
    custom = getattr(component, "example_text", None)
    if callable(custom):
        return custom(value)
    if value is None:
        return None
    choices = getattr(component, "choices", None)
    if isinstance(choices, list) and choices and all(isinstance(c, tuple) and len(c) == 2 for c in choices):
        values = value if isinstance(value, list) else [value]
        return ", ".join(str(label) for v in values for label, choice in choices if choice == v)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, dict):
        name = value.get("orig_name") or value.get("path") or value.get("url")
        if isinstance(name, str):
            return os.path.basename(name)
    if isinstance(value, os.PathLike):
        return os.path.basename(os.fspath(value))
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(t if t is not None else "" for t in (example_text(None, v) for v in value))
    return str(value)


class Dataset(Component):
    """Samples shown as clickable cards (one component, or ``sample_labels``) or as a table.

    The value is the index of the clicked sample. A function gets, by ``type``: ``"values"``
    the sample as given (a list, one value per component), ``"index"`` its index,
    ``"tuple"`` ``(index, sample)``; ``None`` before any click. ``samples``, ``headers``
    (by default the components' labels), ``components`` (instances or shortcut strings),
    ``layout``, ``samples_per_page`` (pages of that many), ``sample_labels``, ``label`` and
    ``show_label`` are honoured and ``gr.update`` may change them. Events: ``click``,
    ``select`` (``gr.SelectData``: ``index``, ``value`` the sample as shown) and ``change``.
    ``component_props``, ``container``, ``scale``, ``min_width`` and ``proxy_url`` are
    accepted and ignored. Headless, ``sess.trigger(dataset, "click", {"index": 1})``
    clicks sample 1 (see :func:`gradio_nb.examples.click_example`).
    """

    SHOWN_LABEL = "Examples"

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "click", "select")
    UPDATABLE = (
        "label", "show_label", "components", "component_props", "samples", "raw_samples", "headers", "type",
        "layout", "samples_per_page", "elem_id", "elem_classes", "container", "scale",
        "min_width", "proxy_url", "sample_labels",
    )  # fmt: skip
    click = listener("click", "Run ``fn`` when the user clicks a sample (the value is its index).")
    select = listener("select", "Run ``fn`` when the user clicks a sample; ``gr.SelectData`` has its index and value.")

    def __init__(
        self,
        *,
        label: str | None = None,
        show_label: bool = True,
        components: Sequence[Component | str] | None = None,
        component_props: list[dict[str, Any]] | None = None,
        samples: list[list[Any]] | None = None,
        headers: list[str] | None = None,
        type: str = "values",
        layout: str | None = None,
        samples_per_page: int = 10,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        proxy_url: str | None = None,
        sample_labels: list[str] | None = None,
    ) -> None:
        self.components = list(components or [])
        self.component_props = component_props
        self.samples = samples  # type: ignore[assignment]
        self.headers = headers  # type: ignore[assignment]
        self.type = type
        self.layout = layout
        self.samples_per_page = samples_per_page
        self.sample_labels = sample_labels
        self.container, self.scale, self.min_width, self.proxy_url = container, scale, min_width, proxy_url
        self._headers_given = headers is not None
        self._derive()
        super().__init__(
            None, label=label, show_label=show_label, visible=visible, elem_id=elem_id,
            elem_classes=elem_classes, render=render, key=key, preserved_by_key=preserved_by_key,
        )  # fmt: skip

    def _derive(self) -> None:
        """Components as instances, ``raw_samples`` as given, ``samples`` as processed for
        showing (Gradio's attributes), headers from the labels unless given."""
        if self.type not in _TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {self.type}. Please choose from one of: {list(_TYPES)}")
        self._components = [component_instance(c) for c in self.components]
        self.raw_samples: list[list[Any]] = [[]] if self.samples is None else list(self.samples)
        self.samples = [
            [process_example(comp, value) for comp, value in zip(self._components, sample)]
            for sample in self.raw_samples
        ]
        if not self._headers_given:
            labels = [c.label for c in self._components]
            self.headers = [] if all(lb is None for lb in labels) else [lb or "" for lb in labels]

    def _after_props(self, props: dict[str, Any]) -> None:
        # As Gradio, which makes a new Dataset from its arguments and the update's.
        super()._after_props(props)
        if {"samples", "raw_samples", "components", "type", "headers"} & set(props):
            # A returned ``gr.Dataset(samples=...)`` brings its samples as given in
            # ``raw_samples`` (its ``samples`` were processed with its own components).
            if "raw_samples" in props or "samples" not in props:
                self.samples = self.raw_samples
            self.components = list(self.components or [])
            self._headers_given = self._headers_given or "headers" in props
            self._derive()

    # -- value pipeline ----------------------------------------------------------------------
    def preprocess(self, payload: int | None) -> Any:
        """The clicked sample by ``type``: its values, its index, or ``(index, values)``."""
        if payload is None:
            return None
        if self.type == "index":
            return payload
        if self.type == "values":
            return self.raw_samples[payload]
        return payload, self.raw_samples[payload]

    def postprocess(self, value: Any) -> int | None:
        """An index is kept; a list of values becomes the index of that sample (else None)."""
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        if isinstance(value, list):
            try:
                return self.samples.index(value)
            except ValueError:
                warnings.warn(
                    "The `Dataset` component does not support updating the dataset data by providing "
                    "a set of list values. Instead, you should return a new Dataset(samples=...) object.",
                    stacklevel=2,
                )
                return None
        raise Error(f"Dataset: cannot select {value!r} ({type(value).__name__}): expected a sample index or a sample's values.")

    # -- showing -----------------------------------------------------------------------------
    def is_gallery(self) -> bool:
        """Cards for one component (or with ``sample_labels``), unless ``layout="table"``."""
        return (len(self._components) < 2 or self.sample_labels is not None) and self.layout != "table"

    def shown_rows(self) -> list[list[Any]]:
        """Each sample as Gradio's front end holds it: its processed values, or ``[label]``."""
        if self.sample_labels:
            return [[label] for label in self.sample_labels]
        return self.samples

    def cells(self) -> list[list[str | None]]:
        """The display text of every cell."""
        if self.sample_labels:
            return [[None if label is None else str(label)] for label in self.sample_labels]
        return [
            [example_text(comp, value) for comp, value in zip(self._components, sample)]
            for sample in self.samples
        ]

    def make_widget(self, payload: Any, interactive: bool) -> DatasetWidget:
        widget = DatasetWidget(value=payload)
        self.sync_props(widget, interactive)
        return widget

    def sync_props(self, widget: DatasetWidget, interactive: bool) -> None:
        sync_label(self, widget)
        widget.headers = [str(h) for h in self.headers or []]
        widget.rows = self.shown_rows()
        widget.cells = self.cells()
        widget.gallery = self.is_gallery()
        widget.samples_per_page = max(1, int(self.samples_per_page))
        self._style_widget(widget)

    def connect(self, widget: DatasetWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "click":
            widget.on_sample("click", fire)
            return True
        if event == "select":
            widget.on_sample("select", fire)
            return True
        return False

    def drive(self, widget: DatasetWidget, event: str, data: dict[str, Any] | None) -> bool:
        """A driver's ``click``/``select`` with ``{"index": i}``: click sample ``i`` as a
        person would (value set, then click, select and change listeners); False otherwise."""
        if event in ("click", "select") and isinstance(data, dict) and "index" in data:
            index = data["index"]
            widget.click_sample(index[0] if isinstance(index, (list, tuple)) else int(index))
            return True
        return False

    def __repr__(self) -> str:
        shown = f"label={self.label!r}, " if self.label else ""
        return f"Dataset({shown}{len(self.raw_samples)} samples)"
