"""The parameters Gradio fills itself: ``gr.Progress()`` defaults, and parameters annotated with
``gr.Request``, a ``gr.EventData`` class or a component class (Gradio's ``special_args``).

Found once per listener (:func:`special_params`), filled per run (:func:`fill`).
"""

from __future__ import annotations

import inspect
import typing
import warnings
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, NamedTuple

from .blocks import Block
from .event_data import EventData, Header, OAuthProfile, OAuthToken, Request
from .exceptions import Error
from .progress import Progress


class Special(NamedTuple):
    """One positional parameter of a function, as the dispatcher fills it."""

    index: int
    #: "progress", "request", "event", "component" (an input's props), "none" (a header or an
    #: optional login: there is none), "login" (a required login) or "default".
    kind: str
    #: The EventData class, the component class, or the default value.
    what: Any


def hints(fn: Callable[..., Any]) -> dict[str, Any]:
    target = fn if inspect.isfunction(fn) or inspect.ismethod(fn) else getattr(fn, "__call__", None)
    if target is None:
        return {}
    try:
        return typing.get_type_hints(target)
    except Exception:  # unresolvable forward references: Gradio ignores the hints too
        return {}


def _optional_of(hint: Any) -> Any:
    """``X`` for ``Optional[X]`` / ``X | None``, else ``hint``."""
    args = typing.get_args(hint)
    if args and type(None) in args and len(args) == 2:
        return next(a for a in args if a is not type(None))
    return hint


def positional_params(fn: Callable[..., Any]) -> list[inspect.Parameter]:
    """``fn``'s parameters up to the first keyword-only or variadic one."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return []
    found = []
    for param in params:
        if param.kind not in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            break
        found.append(param)
    return found


def is_special(param: inspect.Parameter, types: dict[str, Any]) -> bool:
    """Whether Gradio fills ``param`` itself (a Request, EventData, Header or login annotation)."""
    hint = _optional_of(types.get(param.name))
    return hint in _FILLED or (inspect.isclass(hint) and issubclass(hint, EventData))


_FILLED = (Request, Header, OAuthProfile, OAuthToken)


def special_params(fn: Callable[..., Any] | None) -> tuple[Special, ...]:
    """The positional parameters of ``fn`` that are filled rather than given an input value,
    in order; empty when there are none (the common case costs nothing per run)."""
    if fn is None:
        return ()

    types = hints(fn)
    found: list[Special] = []
    for index, param in enumerate(positional_params(fn)):
        hint = _optional_of(types.get(param.name))
        if isinstance(param.default, Progress):
            found.append(Special(index, "progress", param.default))
        elif hint is Request:
            found.append(Special(index, "request", Request))
        elif hint is Header or (hint in (OAuthProfile, OAuthToken) and hint is not types.get(param.name)):
            found.append(Special(index, "none", None))
        elif hint in (OAuthProfile, OAuthToken):
            found.append(Special(index, "login", hint))
        elif inspect.isclass(hint) and issubclass(hint, EventData):
            found.append(Special(index, "event", hint))
        elif inspect.isclass(hint) and issubclass(hint, Block) and typing.get_origin(hint) is None:
            found.append(Special(index, "component", hint))
        elif param.default is not param.empty:
            found.append(Special(index, "default", param.default))
    if all(s.kind == "default" for s in found):
        return ()  # Python fills defaults itself
    return tuple(found)


#: In :func:`padding`: a parameter with no default, which Gradio fills with ``None``.
REQUIRED: Any = object()


def padding(fn: Callable[..., Any] | None, keyword_names: set[str]) -> tuple[tuple[Any, ...], int]:
    """What each positional parameter of ``fn`` gets when the inputs do not reach it: its
    default, or ``REQUIRED`` (Gradio passes ``None`` and warns "Unexpected argument. Filling
    with None."); and how many inputs it takes for no parameter to be missing. Stops at a
    parameter given by keyword."""
    if fn is None:
        return (), 0
    params = []
    for param in positional_params(fn):
        if param.name in keyword_names:
            break
        params.append(param)
    needed = 1 + max((i for i, p in enumerate(params) if p.default is p.empty), default=-1)
    return tuple(REQUIRED if p.default is p.empty else p.default for p in params), needed


def pad(values: list[Any], fills: tuple[Any, ...]) -> list[Any]:
    """``values`` completed as Gradio's ``special_args`` does (see :func:`padding`): first each
    default whose place the inputs do not reach is inserted there (``list.insert`` past the
    end appends, so a default can land in an earlier parameter's place, as in Gradio), then
    what is still missing is filled in order."""
    for i, fill_value in enumerate(fills):
        if fill_value is not REQUIRED and len(values) <= i:
            values.insert(i, fill_value)
    while len(values) < len(fills):
        fill_value = fills[len(values)]
        if fill_value is REQUIRED:
            warnings.warn("Unexpected argument. Filling with None.", stacklevel=2)
            fill_value = None
        values.append(fill_value)
    return values


def fill(
    specials: tuple[Special, ...],
    values: list[Any],
    *,
    progress: Callable[[Progress], Progress],
    request: Callable[[], Request],
    event: tuple[Any, Any] | None,
    props: Callable[[int], SimpleNamespace | None],
) -> list[Any]:
    """``values`` (the inputs' values) with the filled parameters inserted where Gradio puts
    them. ``event`` is ``(target, payload)`` of the triggering event; ``props(i)`` gives the
    i-th input's component properties for a component-annotated parameter."""
    args = list(values)
    inserted = 0  # parameters filled before this one: they shift the inputs' positions
    for special in specials:
        i, kind, what = special
        if kind == "component":
            if i < len(args):
                shown = props(i - inserted)
                if shown is not None:
                    args[i] = shown
            continue
        inserted += 1
        if kind == "progress":
            args.insert(i, progress(what))
        elif kind == "request":
            args.insert(i, request())
        elif kind == "none":
            args.insert(i, None)
        elif kind == "login":
            raise Error("This action requires a logged in user. Please sign in and retry.")
        elif kind == "event":
            target, payload = event if event is not None else (None, None)
            args.insert(i, what(target, payload))
        elif len(args) <= i:
            args.insert(i, what)
        else:
            inserted -= 1  # an input fills it: nothing was inserted
    return args


__all__ = ["REQUIRED", "Special", "fill", "hints", "is_special", "pad", "padding", "positional_params", "special_params"]
