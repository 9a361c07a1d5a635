"""How a function's return value maps onto an event's outputs (Gradio's rules, S9)."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .updates import is_update, skip

if TYPE_CHECKING:
    from .blocks import Block


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
    from .blocks import Block

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
