"""Event listeners: ``button.click(fn, inputs, outputs)`` and the chain ``.then``/``.success``.

A listener call records a :class:`Dependency` in the open ``Blocks``; sessions run it.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import context
from .blocks import Block, Blocks
from .event_data import (
    CopyData,
    DeletedFileData,
    DownloadData,
    EditData,
    EventData,
    KeyUpData,
    LikeData,
    RetryData,
    SelectData,
    UndoData,
)
from .special_args import hints, is_special
from .unavailable import module_getattr

if TYPE_CHECKING:
    from .components.base import Component

TRIGGER_MODES = ("once", "multiple", "always_last")


class _Decorator:
    """The default ``fn`` of a listener: called without one, a listener is a decorator
    (``@btn.click(inputs=..., outputs=...)``), as in Gradio."""

    def __repr__(self) -> str:
        return "DECORATOR"


DECORATOR: Any = _Decorator()


def default_trigger_mode(event: str) -> str:
    """Gradio's default ``trigger_mode`` for an event name."""
    if event in ("change", "key_up"):
        return "always_last"
    if event == "stream":
        return "multiple"
    return "once"


class Dependency:
    """One listener: what triggers it, the function, its inputs and outputs, and its chain.

    Returned by every listener method; ``.then``, ``.success`` and ``.failure`` chain more
    listeners after it (after success, after success, after an error respectively).
    """

    def __init__(
        self,
        root: Blocks,
        triggers: list[tuple[Block, str]],
        fn: Callable[..., Any] | None,
        inputs: list[Component],
        outputs: list[Block],
        *,
        inputs_as_dict: bool = False,
        inputs_kwargs: dict[str, Component] | None = None,
        trigger_mode: str = "once",
        show_progress: str = "full",
        preprocess: bool = True,
        postprocess: bool = True,
        js: str | None = None,
        api_name: str | None = None,
        validator: Callable[..., Any] | None = None,
        key: Any = None,
    ) -> None:
        self.root = root
        self.triggers = triggers
        self.fn = fn
        self.inputs = inputs
        self.outputs = outputs
        self.inputs_as_dict = inputs_as_dict
        self.inputs_kwargs = dict(inputs_kwargs or {})
        self.trigger_mode = trigger_mode
        self.show_progress = show_progress
        self.preprocess = preprocess
        self.postprocess = postprocess
        self.js = js
        self.api_name = api_name
        #: Runs first with the same inputs; a ``gr.validate(False, ...)`` it returns stops the event.
        self.validator = validator
        #: Names this listener across the runs of a ``@gr.render`` function: a run of the
        #: previous render's listener still queued is run as the new one with the same key.
        self.key = key
        #: The :class:`~gradio_nb.renderable.Renderable` this listener re-renders, if any.
        self.renderable: Any = None
        #: Listeners whose queued or awaiting runs this one cancels when triggered.
        self.cancels: list[Dependency] = []
        self.on_success: list[Dependency] = []
        self.on_then: list[Dependency] = []
        self.on_failure: list[Dependency] = []

    @property
    def fn_name(self) -> str:
        """The function's name as Gradio shows it in messages ("" for lambdas and ``fn=None``)."""
        name = getattr(self.fn, "__name__", "") if self.fn is not None else ""
        return "" if name == "<lambda>" else name

    def describe(self) -> str:
        """A short human name: ``Button 'Increment'.click -> increment``."""
        if self.triggers:
            trigger = " / ".join(f"{b.log_label()}.{e}" for b, e in self.triggers)
        else:
            trigger = "chained event"
        return f"{trigger} -> {self.fn_name or getattr(self.fn, '__name__', 'no function')}"

    def then(self, fn: Callable[..., Any] | None = None, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Dependency:
        """Run ``fn`` after this listener finishes successfully.

        As in Gradio 6, ``.then`` does not run after an error (only ``.failure`` does).
        """
        return self._chain(self.on_then, "then", fn, inputs, outputs, kwargs)

    def success(self, fn: Callable[..., Any] | None = None, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Dependency:
        """Run ``fn`` after this listener finishes without an error."""
        return self._chain(self.on_success, "success", fn, inputs, outputs, kwargs)

    def failure(self, fn: Callable[..., Any] | None = None, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Dependency:
        """Run ``fn`` after this listener raised an error."""
        return self._chain(self.on_failure, "failure", fn, inputs, outputs, kwargs)

    def _chain(self, into: list[Dependency], kind: str, fn: Any, inputs: Any, outputs: Any, kwargs: dict[str, Any]) -> Dependency:
        dep = make_dependency(self.root, [], kind, fn, inputs, outputs, **kwargs)
        into.append(dep)
        self.root.dependencies.append(dep)
        return dep

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Decorate ``func``: only for a js-only listener made without ``fn`` (Gradio's form
        ``@btn.click(js="...")``), whose backend function ``func`` becomes."""
        decorate = getattr(self, "_decorate", None)
        if decorate is None:
            raise TypeError(f"{self!r} is not a decorator: its listener was given a function already.")
        return decorate(func)

    def __repr__(self) -> str:
        return f"<Dependency {self.describe()}>"


def _normalize_blocks(value: Any, what: str, event: str) -> tuple[list[Any], bool]:
    """Gradio's forms of ``inputs``/``outputs``: None, one block, a sequence, or a set."""
    if value is None:
        return [], False
    if isinstance(value, dict):
        if what == "inputs":
            raise ValueError(
                "`inputs` cannot be a dictionary. To pass component values to the event function "
                "by parameter name, use `inputs_kwargs` instead, e.g. "
                "`inputs_kwargs={'last_name': textbox}`."
            )
        raise ValueError(f"`{what}` of the {event} listener cannot be a dictionary: give a list of components.")
    as_dict = isinstance(value, (set, frozenset))
    if isinstance(value, Block):
        items = [value]
    elif as_dict:
        items = sorted(value, key=lambda b: getattr(b, "_id", 0))
    elif isinstance(value, Sequence) and not isinstance(value, str):
        items = list(value)
    else:
        items = [value]
    for item in items:
        if not isinstance(item, Block):
            raise TypeError(
                f"`{what}` of the {event} listener must be components, got {item!r} "
                f"({type(item).__name__})."
            )
    return items, as_dict


def check_signature(fn: Callable[..., Any], arg_count: int, keyword_names: set[str]) -> None:
    """Warn, as Gradio does, when ``fn`` cannot take ``arg_count`` positional inputs
    (parameters annotated with ``gr.Request`` or ``gr.EventData`` are filled, not counted)."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return  # builtins without a signature
    types = hints(fn)
    min_args = max_args = 0
    unbounded = False
    for param in params:
        if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            if is_special(param, types):
                continue
            if param.default is param.empty and param.name not in keyword_names:
                min_args += 1
            max_args += 1
        elif param.kind == param.VAR_POSITIONAL:
            unbounded = True
    if min_args == max_args and not unbounded and max_args != arg_count:
        warnings.warn(f"Expected {max_args} arguments for function {fn}, received {arg_count}.", stacklevel=4)
    if arg_count < min_args:
        warnings.warn(f"Expected at least {min_args} arguments for function {fn}, received {arg_count}.", stacklevel=4)
    if not unbounded and arg_count > max_args:
        warnings.warn(f"Expected maximum {max_args} arguments for function {fn}, received {arg_count}.", stacklevel=4)


def make_dependency(
    root: Blocks,
    triggers: list[tuple[Block, str]],
    event: str,
    fn: Callable[..., Any] | None = None,
    inputs: Any = None,
    outputs: Any = None,
    *,
    api_name: str | None = None,
    api_description: Any = None,
    scroll_to_output: bool = False,
    show_progress: str = "full",
    show_progress_on: Any = None,
    queue: bool = True,
    batch: bool = False,
    max_batch_size: int = 4,
    preprocess: bool = True,
    postprocess: bool = True,
    cancels: Any = None,
    trigger_mode: str | None = None,
    js: str | None = None,
    concurrency_limit: Any = "default",
    concurrency_id: str | None = None,
    api_visibility: str = "public",
    time_limit: float | None = None,
    stream_every: float = 0.5,
    key: Any = None,
    validator: Any = None,
    inputs_kwargs: dict[str, Any] | None = None,
    show_api: bool = True,
) -> Dependency:
    """Validate a listener's arguments and build its :class:`Dependency` (not yet registered)."""
    if fn is not None and not callable(fn):
        raise TypeError(f"`fn` of the {event} listener must be callable or None, got {fn!r}.")
    if validator is not None and not callable(validator):
        raise TypeError(f"`validator` of the {event} listener must be callable, got {validator!r}.")
    in_blocks, as_dict = _normalize_blocks(inputs, "inputs", event)
    out_blocks, _ = _normalize_blocks(outputs, "outputs", event)
    kw_blocks = dict(inputs_kwargs or {})
    for name, block in kw_blocks.items():
        if not isinstance(block, Block):
            raise TypeError(f"`inputs_kwargs[{name!r}]` of the {event} listener must be a component, got {block!r}.")
    if fn is not None:
        check_signature(fn, 1 if as_dict else len(in_blocks), set(kw_blocks))
    if trigger_mode is None:
        trigger_mode = default_trigger_mode(event)
    if trigger_mode not in TRIGGER_MODES:
        where = " / ".join(f"{b.log_label()}.{e}" for b, e in triggers) or f"a .{event}() listener"
        raise ValueError(
            f"Invalid value for parameter `trigger_mode`: {trigger_mode}. "
            f"Please choose from: {list(TRIGGER_MODES)} (in {where})"
        )
    if show_progress not in ("full", "minimal", "hidden"):
        raise ValueError(
            f"Invalid value for parameter `show_progress`: {show_progress}. "
            "Please choose from: ['full', 'minimal', 'hidden']"
        )
    dep = Dependency(
        root,
        triggers,
        fn,
        in_blocks,
        out_blocks,
        inputs_as_dict=as_dict,
        inputs_kwargs=kw_blocks,
        trigger_mode=trigger_mode,
        show_progress=show_progress,
        preprocess=preprocess,
        postprocess=postprocess,
        js=js,
        api_name=api_name,
        validator=validator,
        key=key,
    )
    dep.cancels = _normalize_cancels(cancels, event)
    return dep


def _normalize_cancels(cancels: Any, event: str) -> list[Dependency]:
    if cancels is None:
        return []
    items = cancels if isinstance(cancels, (list, tuple, set)) else [cancels]
    for item in items:
        if not isinstance(item, Dependency):
            raise TypeError(f"`cancels` of the {event} listener must be events (what a listener returns), got {item!r}.")
    return list(items)


def listen(block: Block, event: str, fn: Any = DECORATOR, *args: Any, **kwargs: Any) -> Any:
    """Register a listener for ``event`` on ``block`` in the open ``Blocks``.

    Without ``fn`` it returns a decorator that registers the function it decorates.
    """
    return _register(lambda root: [(block, event)], event, fn, args, kwargs)


def _register(triggers: Callable[[Blocks], list[tuple[Block, str]]], event: str, fn: Any, args: Any, kwargs: dict[str, Any]) -> Any:
    root = context.root_block.get()
    if root is None:
        raise AttributeError(f"Cannot call {event} outside of a gradio.Blocks context.")
    if fn is DECORATOR:
        # As Gradio: a js-only listener (no fn, but js=) exists even if nothing is decorated.
        placeholder = _register(triggers, event, None, args, kwargs) if isinstance(kwargs.get("js"), str) else None

        def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
            if placeholder is not None:
                root.dependencies.remove(placeholder)
                for block, name in placeholder.triggers:
                    root._listeners[(block._id, name)].remove(placeholder)
            token = context.root_block.set(root)  # the decorator may run after the with-block
            try:
                _register(triggers, event, func, args, kwargs)
            finally:
                context.root_block.reset(token)
            return func

        if placeholder is not None:  # as Gradio: the js-only listener, usable as the decorator
            placeholder._decorate = decorate
            return placeholder
        return decorate
    dep = make_dependency(root, triggers(root), event, fn, *args, **kwargs)
    root._add_dependency(dep)
    return dep


def listener(event: str, doc: str) -> Callable[..., Dependency]:
    """Make the listener method for ``event`` (``click``, ``change``, ...) of a block class."""

    def method(
        self: Block,
        fn: Callable[..., Any] | None = DECORATOR,
        inputs: Any = None,
        outputs: Any = None,
        **kwargs: Any,
    ) -> Dependency:
        return listen(self, event, fn, inputs, outputs, **kwargs)

    method.__name__ = method.__qualname__ = event
    method.__doc__ = (
        f"{doc}\n\nArguments as in Gradio: ``fn`` (omitted: the method is a decorator), "
        "``inputs`` (None, a component, a list, or a "
        "set: the function then gets one dict), ``outputs``, and the keyword options "
        "``trigger_mode``, ``show_progress``, ``inputs_kwargs``, ``preprocess``, ``postprocess``, "
        "``cancels``, ``validator``; "
        "``api_name``, ``queue``, ``concurrency_limit`` and other server options are accepted "
        "and ignored, and ``js`` is not run in the kernel. Returns the :class:`Dependency`."
    )
    method._gradio_event = event  # type: ignore[attr-defined]
    return method


def on(
    triggers: Any = None,
    fn: Callable[..., Any] | None = DECORATOR,
    inputs: Any = None,
    outputs: Any = None,
    **kwargs: Any,
) -> Any:
    """Run ``fn`` when any of ``triggers`` fires, e.g. ``gr.on([btn.click, txt.submit], fn, ...)``.

    With ``triggers=None`` the listener runs when the app loads and on ``change`` of every
    input component. Without ``fn`` it is a decorator: ``@gr.on(inputs=[a, b], outputs=c)``.
    """
    if triggers is None:
        in_blocks, _ = _normalize_blocks(inputs, "inputs", "on")
        in_blocks += list((kwargs.get("inputs_kwargs") or {}).values())

        def pairs(root: Blocks) -> list[tuple[Block, str]]:
            changes = [(b, "change") for b in in_blocks if "change" in getattr(b, "EVENTS", ())]
            return [*changes, (root, "load")]
    else:
        found = []
        for trig in triggers if isinstance(triggers, (list, tuple)) else [triggers]:
            block = getattr(trig, "__self__", None)
            event = getattr(trig, "_gradio_event", None) or _blocks_event(block, trig)
            if block is None or event is None:
                raise TypeError(f"gr.on: each trigger must be a listener such as `button.click`, got {trig!r}.")
            found.append((block, event))

        def pairs(root: Blocks) -> list[tuple[Block, str]]:
            return found

    return _register(pairs, "on", fn, (inputs, outputs), kwargs)


def _blocks_event(block: Any, trig: Any) -> str | None:
    """``demo.load`` / ``demo.unload`` as a trigger of ``gr.on``."""
    name = getattr(trig, "__name__", None)
    return name if isinstance(block, Blocks) and name in ("load", "unload") else None


__all__ = [
    "CopyData", "DeletedFileData", "Dependency", "DownloadData", "EditData", "EventData", "KeyUpData", "LikeData",
    "RetryData", "SelectData", "UndoData", "on",
]

__getattr__ = module_getattr(
    __name__,
    ("set_cancel_events", "EventListenerMethod", "EventListener", "api", "Events"),
    "is part of how Gradio defines and serves its events; in gradio_nb a listener is a block's method (or gr.on).",
)
