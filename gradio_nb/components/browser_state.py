"""``gr.BrowserState``: a State kept in the browser's localStorage, restored when the page loads."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, ClassVar

from ..inspection import block_name
from ..persist import encode
from .state import State

if TYPE_CHECKING:
    from ..blocks import Blocks
    from ..session import Session


def _jsonable(value: Any) -> Any:
    """Pydantic models are stored as their dicts, as Gradio does."""
    dump = getattr(value, "model_dump", None)
    return dump() if callable(dump) and not isinstance(value, type) else value


class BrowserState(State):
    """A value kept in the browser's localStorage, per notebook and ``storage_key``.

    As in Gradio: a displayed app reads the kept value when its page loads (its ``load``
    events see it), every write by an event is kept, and ``None`` reaches a function as
    ``default_value``. A value must be JSON (checked when it is written: a clear error, and
    the event writes nothing); it is read back with ``json``, never pickle.

    Differences, for notebooks: ``storage_key`` defaults to the app's title and the
    BrowserState's variable name (Gradio: a random key per server start, which a kernel per
    visitor would never find again); ``secret`` is accepted and not used (the value is kept
    as plain JSON in the visitor's own browser). A headless session has no browser: it
    starts from ``default_value`` and keeps nothing.
    """

    _in_browser: ClassVar[bool] = True

    def __init__(
        self,
        default_value: Any = None,
        *,
        storage_key: str | None = None,
        secret: str | None = None,
        render: bool = True,
    ) -> None:
        self.default_value = _jsonable(default_value)
        self.storage_key = storage_key
        self.secret = secret
        super().__init__(self.default_value, render=render)
        self._encode(self.default_value)  # a default that could never be kept fails here

    def local_key(self, blocks: Blocks) -> str:
        """The localStorage key of this BrowserState in ``blocks`` (within its notebook)."""
        if self.storage_key:
            return self.storage_key

        return f"{blocks.title}:{block_name(blocks, self)}"

    def preprocess(self, payload: Any) -> Any:
        """``None`` becomes (a copy of) ``default_value``, as Gradio's BrowserState does."""
        return copy.deepcopy(self.default_value) if payload is None else payload

    def postprocess(self, value: Any) -> Any:
        """Pydantic models become dicts; anything else is kept as returned."""
        return _jsonable(value)

    def _encode(self, value: Any) -> str:
        key = self.local_key(self.root) if self.root is not None else self.storage_key
        return encode(_jsonable(value), f"gr.BrowserState(storage_key={key!r})")

    def _keep(self, session: Session, text: str | None) -> None:
        storage = session.browser_storage
        if storage is not None and text is not None:
            storage.store(self.local_key(session.blocks), text)

    def __repr__(self) -> str:
        return f"BrowserState(storage_key={self.storage_key!r})"
