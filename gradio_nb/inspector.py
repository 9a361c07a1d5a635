"""The State inspector: a live panel of a session's States and event log, for teaching.

The panel receives summaries only (at most ``SUMMARY_CHARS`` characters per value and the
last ``LOG_SHOWN`` records), never a State's whole value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets
import traitlets as t

from .components.state import State
from .inspection import EventRecord, block_name, bounded_size, format_size, summarize
from .widgets import _View

if TYPE_CHECKING:
    from .session import Session

#: How many of the latest event records the panel shows.
LOG_SHOWN = 30
_SIZE_LIMIT = 10_000  # objects walked to size one State for the panel


class Inspector(_View):
    """A session's State inspector (see :meth:`Session.inspector`).

    ``states`` holds one row per State (name, type, value summary, size, whether it is still
    the untouched default); ``log`` the latest event records, newest first, as plain dicts.
    """

    _view_file = "inspector"
    title = t.Unicode("").tag(sync=True)
    states = t.List(t.Dict()).tag(sync=True)
    log = t.List(t.Dict()).tag(sync=True)
    #: How many events the session has run (the log shows the latest ``LOG_SHOWN``).
    events = t.Int(0).tag(sync=True)

    def __init__(self, session: Session) -> None:
        super().__init__(title=f"State inspector · session {session.number}")
        self._session: Session | None = session
        self.log = [r.as_dict() for r in reversed(session.history[-LOG_SHOWN:])]
        self.events = session._records
        self.refresh()

    def refresh(self, record: EventRecord | None = None) -> None:
        """Show the States' current values, and ``record`` on top of the log if given."""
        session = self._session
        if session is None or session.closed:
            return
        rows = [self._row(session, b) for b in session.blocks.iter_blocks() if isinstance(b, State)]
        if record is not None:
            self.log = [record.as_dict(), *self.log[: LOG_SHOWN - 1]]
            self.events = record.number
        self.states = rows

    @staticmethod
    def _row(session: Session, state: State) -> dict[str, Any]:
        values = session._state._trait_values
        name = f"state_{state._id}"
        untouched = name not in values
        # An untouched State shows its declared default without making the session's copy.
        value = state.value if untouched else values[name]
        size, complete = bounded_size(value, _SIZE_LIMIT) if not untouched else (0, True)
        kind = "persisted" if state.persist is not None else "browser" if state._in_browser else ""
        return {
            "name": block_name(session.blocks, state),
            "type": "callable default" if untouched and state.load_fn is not None else type(value).__name__,
            "value": "(not run yet)" if untouched and state.load_fn is not None else summarize(value),
            "size": "default, not copied yet" if untouched else format_size(size) + ("" if complete else "+"),
            "kind": kind,
        }

    def close(self) -> None:
        self._session = None
        super().close()


def beside(app: ipywidgets.Widget, inspector: Inspector) -> ipywidgets.HBox:
    """The app with its inspector to its right (wrapping below it on a narrow page)."""
    box = ipywidgets.HBox([app, inspector], layout=ipywidgets.Layout(flex_flow="row wrap", align_items="flex-start"))
    box.add_class("gnb-inspected")
    return box
