"""``gr.Cache``: a cache a function asks for as a parameter default, ``c=gr.Cache()``."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any

from .alerts import current_session
from .hashing import deep_hash


class Cache:
    """Entries a function stores and finds again by key: ``c.set(key, **data)``,
    ``c.get(key)`` (the data dict, or ``None``), ``c.keys()``, ``c.clear()``.

    As in Gradio: the least recently used entry goes when there are ``max_size`` (0: no
    limit); keys that cannot be hashed (lists, arrays, DataFrames) are found by content;
    ``per_session=True`` gives every session its own entries, so nothing leaks between the
    displays of an app. ``max_memory`` is accepted and ignored.
    """

    def __init__(self, max_size: int = 128, max_memory: str | int | None = None, per_session: bool = False) -> None:
        self.max_size = max_size
        self.max_memory = max_memory
        self.per_session = per_session
        self._entries: OrderedDict[Any, tuple[Any, dict[str, Any]]] = OrderedDict()
        self._lock = threading.Lock()

    def _slot(self, key: Any) -> Any:
        try:
            hash(key)
            found = ("value", type(key).__name__, key)
        except TypeError:
            found = ("content", _content_hash(key))
        if self.per_session:
            session = current_session.get()
            found = (getattr(session, "session_hash", None), found)
        return found

    def get(self, key: Any) -> dict[str, Any] | None:
        """The data stored under ``key``, or ``None``."""
        slot = self._slot(key)
        with self._lock:
            entry = self._entries.get(slot)
            if entry is None:
                return None
            self._entries.move_to_end(slot)
            return entry[1]

    def set(self, key: Any, **data: Any) -> None:
        """Store ``data`` under ``key`` (replacing what was there)."""
        slot = self._slot(key)
        with self._lock:
            self._entries[slot] = (key, data)
            self._entries.move_to_end(slot)
            while self.max_size and len(self._entries) > self.max_size:
                self._entries.popitem(last=False)

    def keys(self) -> list[Any]:
        """The keys stored (this session's only, with ``per_session=True``)."""
        session = getattr(current_session.get(), "session_hash", None)
        with self._lock:
            return [key for slot, (key, _data) in self._entries.items() if not self.per_session or slot[0] == session]

    def clear(self) -> None:
        """Forget every entry."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def _content_hash(key: Any) -> str:
    """A hash of an unhashable key's content: arrays and images by their bytes, pandas objects
    by pandas' own row hashes, containers element by element."""
    hasher = hashlib.sha256()
    if type(key).__module__.startswith("pandas"):
        import pandas as pd

        hasher.update(pd.util.hash_pandas_object(key, index=True).to_numpy().tobytes())
        hasher.update(repr(list(getattr(key, "columns", []))).encode())
    elif hasattr(key, "tobytes"):  # numpy arrays, PIL images
        hasher.update(repr((getattr(key, "dtype", None), getattr(key, "shape", None), getattr(key, "size", None))).encode())
        hasher.update(key.tobytes())
    else:
        return deep_hash(key)
    return hasher.hexdigest()


__all__ = ["Cache"]
