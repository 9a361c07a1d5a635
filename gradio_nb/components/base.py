"""The base of every component: value pipeline (pre/postprocess) and widget contract."""

from __future__ import annotations

import copy
import functools
import inspect
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar

from ..blocks import Block, BlockContext
from ..events import listener, on
from ..unavailable import MISSING, SERVER_INTERNAL, missing, module_getattr
from .state import State

if TYPE_CHECKING:
    import ipywidgets


class Component(Block):
    """A block that holds a value.

    Subclasses define how a value a function returns becomes what the browser holds
    (:meth:`postprocess`), how that becomes what the next function receives
    (:meth:`preprocess`), and the widget that shows it (:meth:`make_widget`,
    :meth:`read_widget`, :meth:`write_widget`, :meth:`sync_props`).

    Common parameters as in Gradio: ``value`` (a callable is called for each session),
    ``label``, ``info``, ``show_label``, ``interactive``, ``visible``, ``elem_id``,
    ``elem_classes``, ``render``, ``key``; a callable ``value`` with ``inputs`` is computed
    from them when a session opens and whenever one changes, and ``every`` (seconds, or a
    ``gr.Timer``) computes it again at each tick. ``preserved_by_key`` names what a keyed
    component made again by a ``@gr.render`` keeps. ``container=False`` keeps a form field
    out of the form its neighbours are drawn in; ``scale`` and ``min_width`` size that form
    in a row.
    """

    #: Gradio draws consecutive components of these classes in one ``Form`` (its
    #: ``FormComponent``s: Textbox, Number, Slider, Checkbox, Dropdown, Radio, ...).
    IN_FORM: ClassVar[bool] = False

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input")
    #: Props that ``gr.update(...)`` may change, besides ``value`` and ``visible``.
    UPDATABLE: ClassVar[tuple[str, ...]] = ("label", "info", "show_label", "interactive", "elem_id", "elem_classes")
    #: The title Gradio's page shows for this component when it has no ``label`` ("Radio").
    SHOWN_LABEL: ClassVar[str] = ""
    #: The timer that runs a component's ``every=`` (seconds or a ``gr.Timer``): set by
    #: :mod:`.timer` when it loads, as ``Timer.of_every`` (a base class never imports a subclass).
    every_timer: ClassVar[Callable[[Any], Any]]

    change = listener("change", "Run ``fn`` when the value changes, by a user edit or an event's output.")
    input = listener("input", "Run ``fn`` when the user edits the value (not when an event writes it).")

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        every: Any = None,
        inputs: Any = None,
        **unexpected: Any,
    ) -> None:
        if unexpected:  # as Gradio's TypeError, naming the component the user wrote
            raise TypeError(f"{type(self).__name__}.__init__() got an unexpected keyword argument {next(iter(unexpected))!r}")
        self.label = label
        self.info = info
        self.show_label = True if show_label is None else show_label
        # Some subclasses set these from their own arguments before calling this: kept.
        self.container: bool = getattr(self, "container", container)
        self.scale: int | None = getattr(self, "scale", scale)
        self.min_width: int = getattr(self, "min_width", min_width)
        self.interactive = interactive
        #: What a keyed component made again by a ``@gr.render`` function keeps from its
        #: previous run when a person or an event changed it (Gradio's ``preserved_by_key``).
        self.preserved_by_key: list[str] = [preserved_by_key] if isinstance(preserved_by_key, str) else list(preserved_by_key or [])
        self.load_fn: Callable[[], Any] | None = None
        fn = value if callable(value) else None
        computed = callable(value) and inputs is not None
        if callable(value) and not computed:
            # As Gradio: called once now for the declared value, then once per session.
            self.load_fn = value
            value = value()
        self.value = self.postprocess(None if computed else value)
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)
        if computed and self.root is not None:
            # As Gradio: a value computed from ``inputs`` runs when the app loads and whenever
            # one of them changes (``every=`` is not run here).
            on(None, value, inputs, self, show_progress="hidden")
        if fn is not None and every is not None and self.root is not None:
            # As Gradio: ``every=`` (seconds or a gr.Timer) runs the callable again at each tick.
            timer = Component.every_timer(every)  # type: ignore[misc]
            timer.tick(fn, inputs, self, show_progress="hidden")

    def get_expected_parent(self) -> type[BlockContext] | None:
        """``Form`` for a form field in a container (see ``IN_FORM``), as Gradio's."""
        if not self.IN_FORM or self.container is False:
            return None
        # Deferred: a cycle, the layouts import the components.
        from ..layouts import Form

        return Form

    # -- value pipeline ----------------------------------------------------------------------
    def preprocess(self, payload: Any) -> Any:
        """What a function receives, from what the browser holds."""
        return payload

    def postprocess(self, value: Any) -> Any:
        """What the browser holds, from what a function returned."""
        return value

    def initial_payload(self) -> Any:
        """The value a new session starts with (a callable ``value`` is called now)."""
        if self.load_fn is not None:
            return self.postprocess(self.load_fn())
        return copy.deepcopy(self.value)

    # -- widget contract ---------------------------------------------------------------------
    def make_widget(self, payload: Any, interactive: bool) -> ipywidgets.DOMWidget:
        """A new widget showing ``payload``."""
        raise NotImplementedError

    def read_widget(self, widget: ipywidgets.DOMWidget) -> Any:
        """The payload the widget holds now."""
        return widget.value

    def peek_widget(self, widget: ipywidgets.DOMWidget) -> Any:
        """The payload the widget holds now, for the event log's before/after only (never
        preprocessed): a component whose :meth:`read_widget` does work (writing a file) skips it here."""
        return self.read_widget(widget)

    def write_widget(self, widget: ipywidgets.DOMWidget, payload: Any) -> None:
        """Show ``payload`` in the widget."""
        widget.value = payload

    def _row_size(self) -> dict[str, str] | None:
        # Gradio's Block: ``flex-grow: scale`` and ``min-width: min(min_width px, 100%)`` over a
        # row's ``flex: 1 1 0%; min-width: min(160px, 100%)`` (js/app.css), which stays when both
        # are the defaults.
        parent = self.parent
        if parent is None or not parent.lays_out_across():
            return None
        if self.scale in (None, 1) and self.min_width in (None, 160):
            return None
        grow = 1 if self.scale is None else self.scale
        width = 160 if self.min_width is None else self.min_width
        return {"flex": f"{grow} 1 0%", "min_width": f"min({width}px, 100%)"}

    def sync_props(self, widget: ipywidgets.DOMWidget, interactive: bool) -> None:
        """Copy this component's properties (label, interactivity, ...) onto the widget."""
        self._style_widget(widget)

    def connect(self, widget: ipywidgets.DOMWidget, event: str, fire: Callable[..., None]) -> bool:
        """Call ``fire`` (with the event's payload, if any) when the front end signals
        ``event``; False if not a widget signal."""
        return False

    def drive(self, widget: ipywidgets.DOMWidget, event: str, data: Any) -> bool:
        """Play ``event`` with ``data`` as the page would, for :meth:`Session.trigger`, when the
        page changes the widget before it sends the event (a Dataset's clicked sample); True if
        done, False to fire the event's listeners directly."""
        return False

    # -- updates -----------------------------------------------------------------------------
    def with_props(self, props: dict[str, Any]) -> Component:
        """A copy with ``props`` changed, as a ``gr.update(**props)`` makes for one session."""
        allowed = set(self.UPDATABLE) | {"visible"} | constructor_props(type(self))
        unknown = sorted(set(props) - allowed)
        if unknown:
            raise ValueError(
                f"gr.update() for {self!r}: cannot update {', '.join(unknown)}; "
                f"{type(self).__name__} accepts {', '.join(sorted(allowed | {'value'}))}."
            )
        clone = copy.copy(self)
        for name, value in props.items():
            setattr(clone, name, value)
        clone._after_props(props)
        return clone

    def _after_props(self, props: dict[str, Any]) -> None:
        """Normalise properties after an update (subclasses re-derive what depends on them)."""
        if "elem_classes" in props and isinstance(self.elem_classes, str):
            self.elem_classes = [self.elem_classes]

    def __repr__(self) -> str:
        shown = f"label={self.label!r}" if self.label else ""
        return f"{type(self).__name__}({shown})"

    def __str__(self) -> str:
        return self.get_block_name()


class FormComponent(Component):
    """A component that takes user input (all but State, Markdown, JSON and buttons)."""


class ShowsPayload:
    """Mixin (before the component base) for a component whose widget shows a payload with
    ``show(payload)`` and holds it as ``value``, as every media component's does: the widget
    is made from ``widget_class(**widget_options)``, written with ``show`` and read as a copy."""

    widget_class: ClassVar[type]
    widget_options: ClassVar[dict[str, Any]] = {}

    def make_widget(self, payload: Any, interactive: bool) -> Any:
        widget = self.widget_class(**self.widget_options)
        self.sync_props(widget, interactive)  # type: ignore[attr-defined]
        self.write_widget(widget, payload)
        return widget

    def read_widget(self, widget: Any) -> Any:
        return copy.deepcopy(widget.value)

    def write_widget(self, widget: Any, payload: Any) -> None:
        widget.show(payload)


#: Constructor arguments an update never changes (they wire events or place the block).
_NOT_PROPS = frozenset({"self", "value", "render", "key", "every", "inputs", "preserved_by_key"})


@functools.cache
def constructor_props(cls: type[Component]) -> frozenset[str]:
    """The constructor arguments of ``cls`` (and its bases) that ``gr.update`` may change, as
    Gradio lets an update change any of them; those with no meaning here are kept and ignored."""
    names: set[str] = set()
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        for name, param in inspect.signature(init).parameters.items():
            if param.kind in (param.POSITIONAL_OR_KEYWORD, param.KEYWORD_ONLY) and not callable(getattr(cls, name, None)):
                names.add(name)
    return frozenset(names - _NOT_PROPS)


def props_differing_from_default(component: Block) -> dict[str, Any]:
    """The properties of a component (or layout) built as a return value that it was given or
    that differ from a default one. Returning ``gr.Textbox(value="x", label="New")`` from a
    function updates those props; returning ``gr.Tabs(selected=2)`` selects a tab.
    """
    fresh = type(component)(render=False)
    given = component.given_props()
    props = {}
    names = ("value", "visible", *component.UPDATABLE) if isinstance(component, Component) else ("visible", *component.UPDATABLE)
    for name in names:
        mine = getattr(component, name, None)
        try:
            differs = bool(mine != getattr(fresh, name, None))
        except Exception:  # an array's ambiguous truth value: it was given, so it counts
            differs = True
        if differs or name in given:
            props[name] = mine
    return props


#: Gradio's shortcut strings that are not a class name in lower case.
SHORTCUTS: dict[str, str] = {"textarea": "TextArea", "text": "Textbox", "json": "JSON"}


@functools.cache
def _shortcut_classes() -> dict[str, type[Block]]:
    """Every component and State class gradio_nb exports, by lower-case name (made once)."""
    package = import_module("gradio_nb.components")  # at call time: that package imports this module
    classes = {}
    for name in (*package.__all__, *package.LAZY):
        value = getattr(package, name) if name[:1].isupper() and name not in MISSING else None
        if isinstance(value, type) and issubclass(value, (Component, State)):
            classes[name.lower()] = value
    return classes


def _shortcut_class(spec: str) -> type[Block]:
    """The class a shortcut names: as Gradio, any component or template class in lower case."""
    wanted = SHORTCUTS.get(spec.lower(), spec).lower()
    classes = _shortcut_classes()
    if wanted in classes:
        return classes[wanted]
    if wanted.replace("_", "") in classes:  # as Gradio: "playable_video" is PlayableVideo
        return classes[wanted.replace("_", "")]
    absent = {name.lower(): name for name in MISSING}
    if wanted in absent:
        raise missing(absent[wanted])
    raise ValueError(f"Unknown component shortcut {spec!r}; gradio_nb knows: {', '.join(sorted(classes))}.")


def get_component_instance(spec: str | Block, *, render: bool = False, unrender: bool = False) -> Block:
    """A component from a shortcut string (``"textbox"``) or an instance (returned as is;
    with ``unrender``, taken out of where it was placed, to be placed again)."""
    if isinstance(spec, Block):
        return spec.unrender() if unrender else spec
    if isinstance(spec, str):
        return _shortcut_class(spec)(render=render)
    raise TypeError(f"Expected a component or a shortcut string, got {spec!r} ({type(spec).__name__}).")


def component(cls_name: str, render: bool) -> Component:
    """A component from its shortcut string or class name (Gradio's ``gr.component``)."""
    made = get_component_instance(cls_name, render=render)
    if not isinstance(made, Component):
        raise TypeError(f"Expected a Component instance, but got {made.__class__}")
    return made


__all__ = [
    "SHORTCUTS", "Component", "FormComponent", "ShowsPayload", "component", "constructor_props", "get_component_instance",
    "props_differing_from_default",
]

__getattr__ = module_getattr(__name__, ("ComponentBase", "server", "StreamingInput", "StreamingOutput"), SERVER_INTERNAL)
