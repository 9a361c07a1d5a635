"""``gr.State``: a per-session value that never reaches the browser."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ..blocks import Block
from ..events import listener
from ..persist import DEFAULT_FILE, _resolve, encode, store_for
from ..unavailable import module_getattr

if TYPE_CHECKING:
    from ..session import Session


class State(Block):
    """A hidden value kept per session, on the kernel side.

    ``value`` is deep-copied at construction and again, lazily, for each session on its first
    read; a callable ``value`` is called once now and once for every session. A function
    receives the session's object itself, so mutating it in place sticks (as in Gradio).

    ``time_to_live`` (seconds since the last write) and ``delete_callback`` (called with the
    value when it is dropped) are kept for the session to honour; ``render`` is accepted.

    ``persist="name"`` (a gradio_nb extra) keeps the value in a SQLite file, so that it
    survives a kernel restart: ``persist_path``, by default ``gradio_nb_state.sqlite`` in the
    working directory when the State is made (a notebook's folder). A new session starts from
    the value saved last (by any session; the last write wins), else from ``value``. Each
    write by an event or :meth:`Session.set` is saved; only JSON values can be (None, bool,
    int, float, str, lists, dicts with str keys): anything else is a clear error and the
    event writes nothing. Values are read back with ``json``, never with pickle.
    """

    def breaks_grouping(self) -> bool:
        """Shows nothing: the form fields around it stay in one form, as in Gradio."""
        return False

    _in_browser: ClassVar[bool] = False
    EVENTS: ClassVar[tuple[str, ...]] = ("change",)
    change = listener(
        "change",
        "Run ``fn`` when an event that outputs to this State changes its value (by deep hash).",
    )

    def __init__(
        self,
        value: Any = None,
        render: bool = True,
        *,
        time_to_live: float | None = None,
        delete_callback: Callable[[Any], None] | None = None,
        persist: str | None = None,
        persist_path: str | os.PathLike[str] | None = None,
    ) -> None:
        if persist is not None and (not isinstance(persist, str) or not persist):
            raise ValueError(f"gr.State: `persist` must be a non-empty name (a str), got {persist!r}.")
        self.persist = persist
        self.persist_path: Path | None = None
        if persist is not None:
            # Resolved now, while the working directory is the notebook's folder.
            self.persist_path = _resolve(persist_path if persist_path is not None else DEFAULT_FILE)
        self.time_to_live = time_to_live
        self.delete_callback = delete_callback
        self.load_fn: Callable[[], Any] | None = None
        if callable(value):
            self.load_fn = value
            value = value()
        try:
            self.value = copy.deepcopy(value)
        except Exception as err:
            raise TypeError(
                "The initial value of `gr.State` must be able to be deepcopied. "
                f"The initial value of type {type(value)} cannot be deepcopied."
            ) from err
        if self.load_fn is not None:
            # Gradio keeps the callable as the State's declared value (S4, S22).
            self.value = self.load_fn
        if persist is not None and self.load_fn is None:
            self._encode(self.value)  # a default that could never be saved fails here, at once
        self.label: str | None = None
        super().__init__(visible=False, render=render)

    def log_label(self) -> str:
        """A State has no label, and its value is data: named by its variable in the app."""
        root = self.root
        return (root._var_names.get(self._id) if root is not None else None) or type(self).__name__

    def initial_value(self) -> Any:
        """A new session's value: the saved one for a persisted State, else a fresh deep copy
        of ``value``, or the callable's result."""
        if self.persist is not None:
            found, saved = store_for(self.persist_path).load(self.persist)
            if found:
                return saved
        if self.load_fn is not None:
            return self.load_fn()
        return copy.deepcopy(self.value)

    def _encode(self, value: Any) -> str | None:
        """``value`` as the JSON this State keeps, or ``None`` if it keeps nothing.

        Raises :class:`~gradio_nb.persist.PersistError` for a value JSON cannot hold."""
        if self.persist is None:
            return None

        return encode(value, f"gr.State(persist={self.persist!r})")

    def _keep(self, session: Session, text: str | None) -> None:
        """Save ``text`` (from :meth:`_encode`) where this State's value outlives the session."""
        if self.persist is not None and text is not None:
            store_for(self.persist_path).save(self.persist, text)

    def _forget(self) -> None:
        """Delete the kept value (its ``time_to_live`` passed): the next session starts anew."""
        if self.persist is not None:
            store_for(self.persist_path).delete(self.persist)

    def preprocess(self, payload: Any) -> Any:
        """States pass their value through unchanged."""
        return payload

    def postprocess(self, value: Any) -> Any:
        """States store what the function returned, as is."""
        return value

    def __repr__(self) -> str:
        return f"State(persist={self.persist!r})" if self.persist is not None else "State()"

    def __str__(self) -> str:
        return "state"

__getattr__ = module_getattr(
    __name__,
    ("default_delete_callback",),
    "is the do-nothing default of Gradio's State(delete_callback=); gradio_nb's default is None.",
)
