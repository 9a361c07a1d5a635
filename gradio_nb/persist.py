"""Where ``gr.State(persist=...)`` keeps its value: JSON in a SQLite file, across kernel restarts."""

from __future__ import annotations

import dataclasses
import json
import math
import os
import pathlib
import sqlite3
import sys
import threading
import time
import warnings
from typing import Any

DEFAULT_FILE = "gradio_nb_state.sqlite"  # resolved against the kernel's cwd: next to the notebook

_HINTS = {
    set: "a set cannot be saved as JSON; store a list",
    frozenset: "a frozenset cannot be saved as JSON; store a list",
    tuple: "a tuple would come back as a list; store a list",
    bytes: "bytes cannot be saved as JSON; store a str (e.g. base64)",
    bytearray: "a bytearray cannot be saved as JSON; store a str (e.g. base64)",
}


class PersistError(TypeError):
    """A value that cannot be saved as JSON (or read back the same)."""


def _path_text(path: Any) -> str:
    # A path is None (the value itself) or (parent path, key): spelled out only for an error.
    keys: list[str] = []
    while path is not None:
        path, key = path
        keys.append(f"[{key!r}]")
    return "value" + "".join(reversed(keys))


def _type_name(obj: Any) -> str:
    kind = type(obj)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def _problem(obj: Any) -> str | None:
    """Why ``obj`` itself (not its items) would not come back from JSON equal and of its type."""
    kind = type(obj)
    limit = getattr(sys, "get_int_max_str_digits", int)() if kind is int else 0  # 0: no limit
    # Under 3 * limit bits an int has fewer than `limit` digits: only longer ones pay for str().
    if limit and obj.bit_length() > 3 * limit:
        try:
            str(obj)
        except ValueError:
            return f"an int of more than {limit} digits cannot be read back; store it as a str"
    if kind in (type(None), bool, int, str, list, dict):
        return None
    if kind is float:
        return None if math.isfinite(obj) else "NaN and infinite floats are not valid JSON; store None or a str"
    if kind in _HINTS:
        return _HINTS[kind]
    if dataclasses.is_dataclass(obj):
        return "a dataclass cannot be saved as JSON; store dataclasses.asdict(...) and rebuild it"
    for base in (int, float, str, list, dict):
        if isinstance(obj, base):
            return f"it would come back as a plain {base.__name__}; store {base.__name__}(...)"
    return "only None, bool, int, float, str, list and dict with str keys can be saved as JSON"


def encode(value: Any, where: str) -> str:
    """``value`` as JSON text, or a PersistError naming ``where``, the offending part and what to do."""
    # Iterative, in document order, each item visited once. `active` holds the containers on
    # the current path: meeting one again is a cycle; a list shared by two branches is fine.
    active: set[int] = set()
    stack: list[tuple[Any, Any, bool]] = [(value, None, False)]
    while stack:
        obj, path, leaving = stack.pop()
        if leaving:
            active.discard(id(obj))
            continue
        reason = _problem(obj)
        if reason is None and id(obj) in active:
            reason = "it contains itself (a cycle); store the data without the cycle"
        if reason is not None:
            raise PersistError(f"{where} cannot be saved: {_path_text(path)} is a {_type_name(obj)}; {reason}")
        if type(obj) is list:
            items: Any = enumerate(obj)
        elif type(obj) is dict:
            for key in obj:
                if type(key) is not str:
                    raise PersistError(
                        f"{where} cannot be saved: {_path_text(path)} has the key {key!r} of type "
                        f"{_type_name(key)}; a key that is not a str would come back as a str: use str keys"
                    )
            items = obj.items()
        else:
            continue
        active.add(id(obj))
        stack.append((obj, path, True))
        stack.extend((item, (path, key), False) for key, item in reversed(list(items)))
    try:
        # ensure_ascii (the default) keeps a lone surrogate escaped: SQLite text must be UTF-8.
        return json.dumps(value, allow_nan=False, check_circular=False)
    except RecursionError:
        raise PersistError(f"{where} cannot be saved: the value is nested too deeply for JSON") from None


def decode(text: str) -> Any:
    """JSON text back to a value (``json.loads``; never pickle)."""
    return json.loads(text)


class Store:
    """One SQLite file of persisted States: a table of (name TEXT PRIMARY KEY, value TEXT JSON, updated REAL)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = _resolve(path)
        # One connection shared by threads, under a lock (a sqlite3 connection must not be used
        # by two threads at once), rather than one per call: a save is one statement, not an open.
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def _run(self, sql: str, args: tuple[Any, ...] = (), *, write: bool = False) -> list[Any]:
        with self._lock:
            try:
                if self._db is None:
                    if not write and not self.path.exists():
                        return []  # reading or deleting must not create the file
                    if not self.path.parent.is_dir():
                        raise FileNotFoundError(f"cannot create {self.path}: its folder does not exist")
                    self._db = _connect(self.path)
                return self._db.execute(sql, args).fetchall()
            except sqlite3.DatabaseError as err:
                if isinstance(err, sqlite3.OperationalError):  # e.g. locked for 10 s: not the file's fault
                    raise
                self._close()
                raise ValueError(f"{self.path} is not a SQLite database of gr.State values ({err})") from err

    def load(self, name: str) -> tuple[bool, Any]:
        """``(found, value)``; a row that is not valid JSON warns and counts as not found."""
        rows = self._run("SELECT value FROM states WHERE name = ?", (name,))
        if not rows:
            return False, None
        try:
            return True, decode(rows[0][0])
        except (ValueError, TypeError) as err:
            warnings.warn(f"{self.path}: the saved value of {name!r} is not valid JSON ({err}); ignored", stacklevel=2)
            return False, None

    def save(self, name: str, text: str) -> None:
        """Store ``text`` (already encoded) as ``name``'s value, replacing any earlier one."""
        self._run("INSERT OR REPLACE INTO states VALUES (?, ?, ?)", (name, text, time.time()), write=True)

    def delete(self, name: str) -> None:
        """Forget ``name``'s value (nothing happens if there is none)."""
        self._run("DELETE FROM states WHERE name = ?", (name,))

    def names(self) -> list[str]:
        """The names with a saved value, sorted."""
        return [row[0] for row in self._run("SELECT name FROM states ORDER BY name")]

    def close(self) -> None:
        """Close the connection; the Store opens it again if used later."""
        with self._lock:
            self._close()

    def _close(self) -> None:  # with self._lock held
        if self._db is not None:
            self._db.close()
            self._db = None


def _connect(path: pathlib.Path) -> sqlite3.Connection:
    # timeout: another kernel writing the same file makes us wait, not fail; autocommit keeps
    # every transaction one statement long, so neither kernel holds the lock for long.
    db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    try:
        try:
            db.execute("PRAGMA journal_mode=WAL")  # readers and the writer do not block each other
        except sqlite3.OperationalError:
            pass  # e.g. a network filesystem: the default rollback journal still works
        db.execute("CREATE TABLE IF NOT EXISTS states (name TEXT PRIMARY KEY, value TEXT, updated REAL)")
    except BaseException:
        db.close()
        raise
    return db


def _resolve(path: str | os.PathLike[str]) -> pathlib.Path:
    # Against os.getcwd() now, so a later chdir in the kernel does not move the file.
    return pathlib.Path(os.getcwd(), pathlib.Path(path).expanduser()).resolve()


_stores: dict[pathlib.Path, Store] = {}
_stores_lock = threading.Lock()


def store_for(path: str | os.PathLike[str] | None) -> Store:
    """The process-wide Store of ``path`` (default: DEFAULT_FILE in the current directory), one per resolved path."""
    resolved = _resolve(DEFAULT_FILE if path is None else path)
    with _stores_lock:
        if resolved not in _stores:
            _stores[resolved] = Store(resolved)
        return _stores[resolved]
