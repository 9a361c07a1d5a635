"""``gr.update``, ``gr.skip`` and ``gr.validate``: return values that change properties, leave
outputs alone, or judge inputs."""

from __future__ import annotations

from typing import Any


def update(
    elem_id: str | None = None,
    elem_classes: list[str] | str | None = None,
    visible: bool | None = None,
    **kwargs: Any,
) -> dict[str, Any]:
    """Return this from an event function to update an output's properties.

    ``gr.update(value="x", label="New")`` sets the value and the label; properties not given
    stay as they are. For a ``State`` only ``value`` counts.
    """
    kwargs["__type__"] = "update"
    if elem_id is not None:
        kwargs["elem_id"] = elem_id
    if elem_classes is not None:
        kwargs["elem_classes"] = elem_classes
    if visible is not None:
        kwargs["visible"] = visible
    return kwargs


def skip() -> dict[str, Any]:
    """Return this (for one output, or alone for all of them) to leave outputs unchanged."""
    return {"__type__": "update"}


def is_update(value: Any) -> bool:
    """Whether ``value`` is a ``gr.update``/``gr.skip`` dictionary."""
    return isinstance(value, dict) and value.get("__type__") == "update"


def validate(is_valid: bool, message: str) -> dict[str, Any]:
    """Return one of these per input from a listener's ``validator=``: ``is_valid=False``
    stops the event and shows ``message``."""
    return {"__type__": "validate", "is_valid": is_valid, "message": message}
