"""How a function's return value maps onto an event's outputs (Gradio's rules, S9)."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from .blocks import Block
from .components.base import props_differing_from_default
from .updates import is_update, skip


def _shown(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def _arity_text(fn_name: str, outputs: Sequence[Block], values: Sequence[Any], enough: bool) -> str:
    name = f" ({fn_name})" if fn_name else ""
    wanted = ", ".join(b.get_block_name() for b in outputs)
    received = ", ".join(_shown(v) for v in values)
    if enough:
        head = f"A function{name} returned too many output values (needed: {len(outputs)}, returned: {len(values)}). Ignoring extra values."
    else:
        head = f"A  function{name} didn't return enough output values (needed: {len(outputs)}, returned: {len(values)})."
    return f"{head}\n    Output components:\n        [{wanted}]\n    Output values returned:\n        [{received}]"


def _from_component_dict(result: dict[Any, Any], outputs: Sequence[Block]) -> list[Any] | None:
    keys_are_blocks = [isinstance(key, Block) for key in result]
    if not any(keys_are_blocks):
        return None
    if not all(keys_are_blocks):
        raise ValueError(
            "Returned dictionary included some keys as Components. Either all keys must be "
            "Components to assign Component values, or return a List of values to assign "
            "output values in order."
        )
    values: list[Any] = [skip() for _ in outputs]
    for block, value in result.items():
        matches = [i for i, out in enumerate(outputs) if out is block]
        if not matches:
            raise ValueError(f"Returned component {block} not specified as output of function.")
        values[matches[0]] = value
    return values


def map_return(result: Any, outputs: Sequence[Block], fn_name: str) -> list[Any]:
    """One value (or update dict) per output, from what the function returned.

    One output: the value is never unpacked. Several: a tuple/list matched by position, a
    dict keyed by components, or a single ``gr.skip()`` for all. Too few values raise
    ``ValueError`` with Gradio's text; too many warn and are dropped.
    """
    n = len(outputs)
    if isinstance(result, dict) and is_update(result) and len(result) == 1 and n > 1:
        return [skip() for _ in outputs]
    if isinstance(result, dict) and result:
        mapped = _from_component_dict(result, outputs)
        if mapped is not None:
            return mapped
    if n == 1:
        return [result]
    values = list(result) if isinstance(result, (list, tuple)) else [result]
    if len(values) < n:
        raise ValueError(_arity_text(fn_name, outputs, values, enough=False))
    if len(values) > n:
        if not (len(values) == 1 and values[0] is None):
            warnings.warn(_arity_text(fn_name, outputs, values, enough=True), stacklevel=2)
        values = values[:n]
    return values


def output_values(result: Any, outputs: Sequence[Block], fn_name: str) -> Sequence[Any]:
    """One value per output, from what the function returned: the usual returns (N values
    for N outputs, one non-dict for one) as they are, without :func:`map_return`'s checks."""
    count = len(outputs)
    kind = type(result)
    if (kind is tuple or kind is list) and count > 1 and len(result) == count:
        return result  # type: ignore[no-any-return]
    if count == 1 and not isinstance(result, dict):
        return (result,)
    return map_return(result, outputs, fn_name)


#: What a State output is given when its update has no value: nothing is written.
NO_VALUE = object()


def state_value(value: Any) -> Any:
    """What a value returned for a State writes: the value of an update dict, or
    :data:`NO_VALUE` for an update without one (a State has no other props)."""
    if isinstance(value, dict) and value.get("__type__") == "update":
        return value["value"] if "value" in value else NO_VALUE
    return value


def requested_update(value: Any) -> tuple[dict[str, Any], bool, Any] | None:
    """What a value returned for a component or layout asks, if it is an update:
    ``(props to change, whether it gives a value, the value)``; ``None`` for a plain value.

    As Gradio: a returned component (or layout) sets the props it was given, None included
    (``gr.LinePlot(x_lim=None)`` resets the zoom); an update dict's Nones are dropped.
    """
    keep_none = False
    if isinstance(value, Block):  # a returned component or layout: its props that differ
        value = {**props_differing_from_default(value), "__type__": "update"}
        keep_none = True
    elif isinstance(value, SimpleNamespace) and getattr(value, "_is_component_update", False):
        value = {k: v for k, v in vars(value).items() if k != "_is_component_update"} | {"__type__": "update"}
        keep_none = True
    if not is_update(value):
        return None
    props = {k: v for k, v in value.items() if k not in ("__type__", "value") and (keep_none or v is not None)}
    return props, "value" in value, value.get("value")
