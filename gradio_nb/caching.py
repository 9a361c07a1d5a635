"""``gr.Cache`` (a cache a function asks for as a parameter default, ``c=gr.Cache()``) and
``gr.cache`` (a decorator that caches a function's results by its arguments' content)."""

from __future__ import annotations

import functools
import hashlib
import inspect
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from .alerts import current_session
from .hashing import deep_hash
from .unavailable import module_getattr


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


def cache(
    fn: Callable[..., Any] | None = None,
    *,
    key: Callable[[dict[str, Any]], Any] | None = None,
    max_size: int = 128,
    max_memory: str | int | None = None,
    per_session: bool = False,
) -> Any:
    """Cache ``fn``'s results by the content of its arguments, as Gradio's ``@gr.cache``:
    plain and ``async`` functions keep their result, generators (sync or async) every value
    they yielded, replayed on a hit. ``key`` receives the arguments as a dict (by parameter
    name) and returns what to cache by; ``per_session`` keeps each session's results apart.
    Used as ``@gr.cache``, ``@gr.cache(...)`` or at run time, ``gr.cache(fn)(*args)``."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        store = Cache(max_size=max_size, max_memory=max_memory, per_session=per_session)
        signature = inspect.signature(func)

        def slot(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
            bound = signature.bind_partial(*args, **kwargs)
            return key(dict(bound.arguments)) if key is not None else _content_key((args, kwargs))

        if inspect.isasyncgenfunction(func):

            @functools.wraps(func)
            async def agen(*args: Any, **kwargs: Any) -> Any:
                k = slot(args, kwargs)
                hit = store.get(k)
                if hit is not None:
                    for item in hit["items"]:
                        yield item
                    return
                items = []
                async for item in func(*args, **kwargs):
                    items.append(item)
                    yield item
                store.set(k, items=items)

            return agen
        if inspect.isgeneratorfunction(func):

            @functools.wraps(func)
            def gen(*args: Any, **kwargs: Any) -> Any:
                k = slot(args, kwargs)
                hit = store.get(k)
                if hit is not None:
                    yield from hit["items"]
                    return
                items = []
                for item in func(*args, **kwargs):
                    items.append(item)
                    yield item
                store.set(k, items=items)

            return gen
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def coro(*args: Any, **kwargs: Any) -> Any:
                k = slot(args, kwargs)
                hit = store.get(k)
                if hit is None:
                    hit = {"result": await func(*args, **kwargs)}
                    store.set(k, **hit)
                return hit["result"]

            return coro

        @functools.wraps(func)
        def plain(*args: Any, **kwargs: Any) -> Any:
            k = slot(args, kwargs)
            hit = store.get(k)
            if hit is None:
                hit = {"result": func(*args, **kwargs)}
                store.set(k, **hit)
            return hit["result"]

        return plain

    if fn is not None:
        if not callable(fn):
            raise TypeError(
                "gr.cache(...) expected a callable when used at runtime. "
                "Use gr.cache(fn)(*args) instead of gr.cache(fn(*args))."
            )
        return decorate(fn)
    return decorate


def _content_key(value: Any) -> str:
    """A key for arguments by their content: arrays, DataFrames and containers included."""
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_content_key(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{_content_key(v)}" for k, v in sorted(value.items(), key=lambda kv: repr(kv[0]))) + "}"
    try:
        hash(value)
        return f"{type(value).__name__}:{value!r}"
    except TypeError:
        return _content_hash(value)


__all__ = ["Cache", "cache"]

__getattr__ = module_getattr(
    __name__,
    (
        "cache_hash", "resolve_generator", "CacheMissError", "ProbeCache", "TrackManualCacheUsage",
        "mark_manual_cache_hit", "used_manual_cache", "clear_session_caches",
    ),
    "is part of how Gradio's @gr.cache works inside its server; gradio_nb's gr.cache and gr.Cache have no equivalent.",
)
