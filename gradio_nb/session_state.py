"""A session's State values: one trait per ``gr.State`` of the app, read, written, dropped
and expired here.

The values are traits of a per-session ``HasTraits`` object (never synced to the browser),
so the inspector can observe them; each State's default is copied lazily, on first read.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import traitlets

from .blocks import Blocks
from .components.state import State

if TYPE_CHECKING:
    from .session import Session

_MISSING = object()


def state_class(blocks: Blocks) -> type[traitlets.HasTraits]:
    """The ``HasTraits`` class holding one trait per State of ``blocks``.

    Each trait's default is computed lazily, on the session's first read: a deep copy of the
    State's value (or its callable's result), so untouched States cost nothing.
    """
    if blocks._state_class is None:
        namespace: dict[str, Any] = {}
        for block in blocks.iter_blocks():
            if isinstance(block, State):
                name = f"state_{block._id}"
                namespace[name] = traitlets.Any()
                namespace[f"_default_{name}"] = traitlets.default(name)(
                    lambda self, _state=block: _state.initial_value()
                )
        blocks._state_class = type("SessionState", (traitlets.HasTraits,), namespace)
    return blocks._state_class


def trait_name(state: State) -> str:
    """The name of the trait holding ``state``'s value in a session."""
    return f"state_{state._id}"


class StateStore:
    """One session's State values (see the module's docstring).

    ``report_error(error, where)`` shows an error of a ``delete_callback`` in the app: the
    cleanup goes on.
    """

    def __init__(self, blocks: Blocks, report_error: Callable[[BaseException, str], None]) -> None:
        #: The ``HasTraits`` object whose traits are the values (None once closed).
        self.object: traitlets.HasTraits | None = state_class(blocks)()
        #: The last write of each State that has a ``time_to_live``, by State id.
        self.written: dict[int, float] = {}
        self._report_error = report_error

    @property
    def values(self) -> dict[str, Any]:
        """The values this session holds, by trait name (a State not read yet has none);
        reading here never makes a default's copy. The live dict: writing it skips traitlets."""
        if self.object is None:
            raise RuntimeError("This session is closed.")
        return self.object._trait_values

    def knows(self, state: State) -> bool:
        """Whether ``state`` is part of this session: the app's, or made by a @gr.render run."""
        name = trait_name(state)
        return self.object is not None and (self.object.has_trait(name) or name in self.object._trait_values)

    def read(self, state: State) -> Any:
        """This session's value of ``state`` (the first read makes the default's copy)."""
        try:
            return getattr(self.object, trait_name(state))
        except AttributeError:  # made by a @gr.render run, closed, or not part of this app: say which
            return self.object._trait_values[self._trait(state)]  # type: ignore[union-attr]

    def write(self, session: Session, state: State, value: Any, keep: bool = True) -> None:
        """Store ``value`` as this session's value of ``state``; a persisted State or a
        BrowserState also keeps it (where ``session`` keeps it), unless ``keep=False`` (the
        caller kept it already)."""
        name = self._trait(state)
        obj = self.object
        assert obj is not None  # _trait said so
        if keep:
            state._keep(session, state._encode(value))
        if obj._trait_notifiers and obj.has_trait(name):  # someone observes the States
            setattr(obj, name, value)
        else:
            # No observer: skip traitlets' old == new comparison, O(size) for a large State.
            obj._trait_values[name] = value
        if state.time_to_live is not None:
            self.written[state._id] = time.monotonic()

    def drop(self, state: State) -> None:
        """Forget this session's value of ``state`` (next read: the default again),
        calling its ``delete_callback`` with the value if it had one."""
        if self.object is None:
            return
        value = self.object._trait_values.pop(trait_name(state), _MISSING)
        self.written.pop(state._id, None)
        if value is not _MISSING and state.delete_callback is not None:
            try:
                state.delete_callback(value)
            except Exception as err:  # a failing callback must not stop the cleanup
                self._report_error(err, f"delete_callback of {state!r}")

    def expired(self, blocks: Blocks, now: float) -> list[State]:
        """The States of ``blocks`` whose ``time_to_live`` has passed at ``now`` since their
        last write."""
        if not self.written:
            return []
        found = []
        for block in blocks.iter_blocks():
            if isinstance(block, State) and block.time_to_live is not None:
                written = self.written.get(block._id)
                if written is not None and now - written >= block.time_to_live:
                    found.append(block)
        return found

    def close(self) -> None:
        """Forget every value (the session closed; the callers dropped them first)."""
        self.object = None

    def _trait(self, state: State) -> str:
        name = trait_name(state)
        if self.object is None:
            raise RuntimeError("This session is closed.")
        if not self.object.has_trait(name) and name not in self.object._trait_values:  # a rendered State's
            raise ValueError(f"{state!r} is not part of this app.")
        return name
