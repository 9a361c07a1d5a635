"""Gradio's ``deep_hash``: how it decides that a State changed (S11)."""

from __future__ import annotations

import hashlib
from collections.abc import Hashable
from typing import Any


def deep_hash(obj: Any) -> str:
    """A hash of a nested value: containers by content, other hashables by ``hash()``,
    unhashable objects by ``id()`` (so a dataclass mutated in place hashes the same)."""
    hasher = hashlib.sha256()
    if isinstance(obj, (int, float, str, bytes)):
        items: Any = obj
    elif isinstance(obj, dict):
        items = tuple((k, deep_hash(v)) for k, v in sorted(obj.items(), key=lambda kv: hash(kv[0])))
    elif isinstance(obj, (list, tuple)):
        items = tuple(deep_hash(x) for x in obj)
    elif isinstance(obj, set):
        items = tuple(deep_hash(x) for x in sorted(obj, key=hash))
    elif isinstance(obj, Hashable):
        items = str(hash(obj)).encode("utf-8")
    else:
        items = str(id(obj)).encode("utf-8")
    hasher.update(repr(items).encode("utf-8"))
    return hasher.hexdigest()
