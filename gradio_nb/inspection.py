"""What a session's event log and State inspector know: names, short reprs, sizes, records.

Everything here is bounded: a summary is at most :data:`SUMMARY_CHARS` characters however big
the value, a fingerprint (used to tell "mutated in place" from "unchanged") gives up after
:data:`FINGERPRINT_NODES` items, so inspecting a large State never costs its size per event.
"""

from __future__ import annotations

import dataclasses
import reprlib
import sys
import types
from collections.abc import Hashable
from itertools import islice
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .blocks import Block, Blocks

SUMMARY_CHARS = 120
#: Types whose values the event log keeps as they are (they cannot change afterwards) and
#: summarises only when the log is read: recording an event stays cheap.
IMMUTABLE = frozenset({int, float, bool, complex, type(None)})
FINGERPRINT_NODES = 2_000
_SCALARS = (*IMMUTABLE, str, bytes)  # compared by value by a fingerprint


@dataclass(slots=True)
class Change:
    """What an event did to one of its outputs (or to a State it received).

    ``how`` is ``"replaced"`` (a new object), ``"mutated in place"`` (the same object, new
    content), ``"set"`` (a visible component got a new value), or ``"unknown"`` (a State too
    large to compare cheaply, returned as the same object). ``before``/``after`` are summaries.
    """

    name: str
    how: str
    before: str
    after: str


@dataclass(slots=True)
class EventRecord:
    """One run of an event listener, as :attr:`Session.history` and the inspector show it.

    ``inputs`` pairs each input's name with a summary of the value the function received;
    ``changes`` lists the outputs (and input States) whose value changed; ``error`` is
    ``"Type: message"`` when the run failed; ``status`` is ``"ok"``, ``"error"``,
    ``"cancelled"`` or ``"invalid"`` (its ``validator=`` stopped it); ``duration`` is in seconds.
    """

    number: int
    event: str
    function: str
    inputs: tuple[tuple[str, str], ...]
    changes: tuple[Change, ...]
    duration: float
    status: str = "ok"
    error: str | None = None

    @property
    def changed(self) -> list[str]:
        """The names of what changed, in output order."""
        return [c.name for c in self.changes]

    def __str__(self) -> str:
        """The record as the inspector shows it, one line per input and change (no timing)."""
        lines = [f"#{self.number} {self.event}" + (f"  [{self.status}]" if self.status != "ok" else "")]
        lines += [f"    in   {name} = {value}" for name, value in self.inputs]
        lines += [f"    {c.how:<16} {c.name}: {c.before} -> {c.after}" for c in self.changes]
        if not self.changes and self.status == "ok":
            lines.append("    nothing changed")
        if self.error:
            lines.append(f"    error: {self.error}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """The record as plain JSON-able data (what the inspector view receives)."""
        return dataclasses.asdict(self)


class _Summary(reprlib.Repr):
    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxlist = self.maxtuple = self.maxset = self.maxfrozenset = self.maxdeque = 6
        self.maxdict = 5
        self.maxstring = 60
        self.maxlong = 40
        self.maxother = 80

    # reprlib sorts a whole dict or set before showing its first items: O(n log n) for a
    # summary of five. These show the first items in their own order.
    def repr_dict(self, obj: dict[Any, Any], level: int) -> str:
        if not obj:
            return "{}"
        if level <= 0:
            return "{...}"
        items = [f"{self.repr1(k, level - 1)}: {self.repr1(v, level - 1)}" for k, v in islice(obj.items(), self.maxdict)]
        return "{" + ", ".join(items) + (", ..." if len(obj) > self.maxdict else "") + "}"

    def repr_set(self, obj: set[Any], level: int) -> str:
        if not obj:
            return "set()"
        if level <= 0:
            return "{...}"
        items = [self.repr1(v, level - 1) for v in islice(obj, self.maxset)]
        return "{" + ", ".join(items) + (", ..." if len(obj) > self.maxset else "") + "}"

    def repr_frozenset(self, obj: frozenset[Any], level: int) -> str:
        return f"frozenset({self.repr_set(set(islice(obj, self.maxset + 1)), level)})" if obj else "frozenset()"

    def repr_instance(self, obj: Any, level: int) -> str:
        # Dataclasses (the guide's UserSession) are shown field by field, within the limits,
        # instead of by their own repr, which would print every element of a long list.
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            if level <= 0:
                return f"{type(obj).__name__}(...)"
            fields = [f"{f.name}={self.repr1(getattr(obj, f.name, None), level - 1)}" for f in dataclasses.fields(obj)]
            return f"{type(obj).__name__}({', '.join(fields)})"
        try:
            text = repr(obj)
        except Exception as err:  # a broken __repr__ must not break the inspector
            return f"<{type(obj).__name__} (repr failed: {type(err).__name__})>"
        return text if len(text) <= self.maxother else text[: self.maxother - 3] + "..."


_summary = _Summary()


def summarize(value: Any) -> str:
    """A short, safe repr of ``value``: at most ``SUMMARY_CHARS`` characters, with the length
    of a long container (``[0, 0, 0, 0, 0, 0, ...] (1,000,000 items)``)."""
    if type(value) in (int, bool, type(None)) or (type(value) is str and len(value) <= 60):
        return repr(value)  # the common case, fast
    try:
        if _is_chat(value):
            return _chat_summary(value)
        table = _table_summary(value)
        if table is not None:
            return table if len(table) <= SUMMARY_CHARS else table[: SUMMARY_CHARS - 3] + "..."
        text = " ".join(_summary.repr(value).split())  # one line: a multi-line repr would break the log
        if isinstance(value, (list, tuple, dict, set, frozenset)) and len(value) > 5:
            text = f"{text} ({len(value):,} items)"
    except Exception as err:  # a value that breaks reprlib must not break the log
        return f"<{type(value).__name__} (summary failed: {type(err).__name__})>"
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 3] + "..."


def _table_summary(value: Any) -> str | None:
    """A table as ``table 3×2 [task, done]: [...], ...`` (a Dataframe's value, with its first
    rows), ``DataFrame 12×3 [...]`` (pandas) or ``ndarray 3×4 of float64``: their reprs span
    lines and say little in 120 characters."""
    module = type(value).__module__
    if isinstance(value, dict) and set(value) >= {"headers", "data"} and isinstance(value["data"], list):
        rows, headers = value["data"], value["headers"] or []
        kind = "table"
    elif module.startswith("pandas") and hasattr(value, "shape") and hasattr(value, "columns"):
        rows, headers, kind = range(value.shape[0]), [str(c) for c in value.columns], "DataFrame"
    elif module.startswith(("numpy", "polars")) and hasattr(value, "shape"):
        shape = "×".join(str(n) for n in value.shape)
        return f"{type(value).__name__} {shape} of {getattr(value, 'dtype', '?')}"
    else:
        return None
    names = ", ".join(str(h) for h in list(headers)[:6]) + (", ..." if len(headers) > 6 else "")
    head = f"{kind} {len(rows):,}×{len(headers)} [{names}]"
    if kind == "table" and rows:  # the first rows, so that a changed cell shows in the log
        head += ": " + ", ".join(_summary.repr(row) for row in rows[:3]) + (", ..." if len(rows) > 3 else "")
    return head


def _is_chat(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(m, dict) and "role" in m and "content" in m for m in value[-3:])


def _chat_text(content: Any) -> str:
    # Gradio 6 normalises content to [{"type": "text", "text": ...}]; a function may return a str.
    if isinstance(content, list):
        content = " ".join(str(part.get("text", "")) if isinstance(part, dict) else str(part) for part in content)
    text = str(content)
    return repr(text if len(text) <= 30 else text[:27] + "...")


def _chat_summary(messages: list[dict[str, Any]]) -> str:
    """A conversation as ``[user: 'Hi', assistant: 'Hello!'] (2 messages)``, latest kept."""
    shown = [f"{m['role']}: {_chat_text(m['content'])}" for m in messages[-2:]]
    more = "..., " if len(messages) > 2 else ""
    text = f"[{more}{', '.join(shown)}] ({len(messages):,} message{'s' if len(messages) != 1 else ''})"
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 3] + "..."


class Summary(str):
    """A value's summary made when its event ran (the value itself may change later)."""

    __slots__ = ()


#: A str up to this long is kept as it is by the event log (a summary would be as long).
KEPT_CHARS = 60


def kept(value: Any) -> Any:
    """What the event log keeps of ``value``: the value itself if it cannot change (a short
    str too), else its :class:`Summary`, made now."""
    kind = type(value)
    if kind in IMMUTABLE or (kind is str and len(value) <= KEPT_CHARS):
        return value
    return Summary(summarize(value))


def shown(kept_value: Any) -> str:
    """The summary of a value the log kept (see :func:`kept`)."""
    return kept_value if type(kept_value) is Summary else summarize(kept_value)


class _TooLarge(Exception):
    pass


def fingerprint(value: Any, budget: int = FINGERPRINT_NODES) -> Any:
    """A comparable snapshot of ``value``'s content, or ``None`` if it has more than
    ``budget`` items. Unlike Gradio's deep hash, a dataclass is compared by its fields, so a
    mutation in place is seen."""
    if isinstance(value, _SCALARS):
        return (type(value), value)
    left = [budget]
    try:
        return _walk(value, left, set())
    except _TooLarge:
        return None


def _walk(value: Any, left: list[int], seen: set[int]) -> Any:
    left[0] -= 1
    if left[0] < 0:
        raise _TooLarge
    if isinstance(value, _SCALARS):
        return (type(value), value)
    if id(value) in seen:
        return ("cycle", id(value))
    seen.add(id(value))
    try:
        if isinstance(value, (dict, list, tuple, set, frozenset)) and len(value) > left[0]:
            raise _TooLarge  # known too large before walking any of it
        if isinstance(value, dict):
            return (dict, tuple((_walk(k, left, seen), _walk(v, left, seen)) for k, v in value.items()))
        if isinstance(value, (set, frozenset)):  # order-free, and no sorting of items
            return (type(value), frozenset(_walk(v, left, seen) for v in value))
        if isinstance(value, (list, tuple)):
            return (type(value), tuple(_walk(v, left, seen) for v in value))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return (type(value), tuple(_walk(getattr(value, f.name, None), left, seen) for f in dataclasses.fields(value)))
        state = getattr(value, "__dict__", None)
        if isinstance(state, dict):
            return (type(value), _walk(state, left, seen))
        if isinstance(value, Hashable):  # datetime, Decimal, enums...: immutable, compared by value
            try:
                hash(value)
                return (type(value), value)
            except TypeError:
                pass
        raise _TooLarge  # opaque and mutable (an array, a bytearray): cannot be compared cheaply
    finally:
        seen.discard(id(value))


def deep_size(value: Any) -> int:
    """Bytes held by ``value`` and everything it contains (each object counted once; modules,
    classes and functions it refers to are not its own and are not counted)."""
    return bounded_size(value, None)[0]


def bounded_size(value: Any, limit: int | None) -> tuple[int, bool]:
    """``(bytes, complete)``: like :func:`deep_size`, but stops after ``limit`` objects, so
    the inspector can show a large State's size without walking all of it."""
    seen: set[int] = set()
    total = 0
    stack = [value]
    while stack:
        if limit is not None and len(seen) >= limit:
            return total, False
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, _NOT_OWNED):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj, 0)
        if isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack.extend(obj)
        elif hasattr(obj, "__dict__") and not isinstance(obj, type):
            stack.append(vars(obj))
        elif hasattr(obj, "__slots__"):
            stack.extend(getattr(obj, s) for s in obj.__slots__ if hasattr(obj, s))
    return total, True


_NOT_OWNED = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType)


def format_size(size: int) -> str:
    """``1234`` → ``"1.2 kB"``."""
    for unit in ("B", "kB", "MB"):
        if size < 1000 or unit == "MB":
            return f"{size:,} {unit}" if unit == "B" else f"{size:,.1f} {unit}"
        size /= 1000  # type: ignore[assignment]
    raise AssertionError("unreachable")


def variable_names(namespace: dict[str, Any], blocks: dict[int, Block]) -> dict[int, str]:
    """The variable names in ``namespace`` that refer to ``blocks`` (public names first)."""
    found: dict[int, str] = {}
    for name, obj in sorted(namespace.items(), key=lambda item: item[0].startswith("_")):
        block_id = getattr(obj, "_id", None)
        if isinstance(block_id, int) and blocks.get(block_id) is obj and block_id not in found:
            found[block_id] = name
    return found


def block_name(blocks: Blocks, block: Block) -> str:
    """How the inspector names ``block``: its variable name where the app was declared, else
    its label, else its type and number among the blocks of that type (``State 2``)."""
    name = blocks._var_names.get(block._id)
    if name:
        return name
    cached = blocks._shown_names.get(block._id)
    if cached is not None:
        return cached
    name = _fallback_name(blocks, block)
    if block._id in blocks.blocks:  # not one a @gr.render run made: those come and go
        blocks._shown_names[block._id] = name
    return name


def _fallback_name(blocks: Blocks, block: Block) -> str:
    label = getattr(block, "label", None)
    if isinstance(label, str) and label:
        return repr(label)
    same = [b for b in blocks.iter_blocks() if type(b) is type(block)]
    return f"{type(block).__name__} {same.index(block) + 1}" if block in same else type(block).__name__
