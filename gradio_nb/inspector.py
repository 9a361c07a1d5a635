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
_UNTOUCHED = object()


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
        self.log = [e[1].record(e).as_dict() for e in reversed(session.log_entries[-LOG_SHOWN:])]
        self.events = session.events_run
        self.refresh()

    def refresh(self, record: EventRecord | None = None) -> None:
        """Show the States' current values, and ``record`` on top of the log if given."""
        session = self._session
        if session is None or session.closed:
            return
        rows = [self._row(session, b) for b in session.blocks.iter_blocks() if isinstance(b, State)]
        with self.hold_sync():  # one message: the view never draws a log without its count
            if record is not None:
                self.events = record.number
                self.log = [record.as_dict(), *self.log[: LOG_SHOWN - 1]]
            self.states = rows

    @staticmethod
    def _row(session: Session, state: State) -> dict[str, Any]:
        # .get: the time_to_live sweeper may drop a value while the panel is drawn.
        value = session.states.values.get(f"state_{state._id}", _UNTOUCHED)
        kind = "persisted" if state.persist is not None else "browser" if state._in_browser else ""
        row = {"name": block_name(session.blocks, state), "kind": kind}
        if value is not _UNTOUCHED:
            size, complete = bounded_size(value, _SIZE_LIMIT)
            return {**row, "type": type(value).__name__, "value": summarize(value), "size": format_size(size) + ("" if complete else "+")}
        # Untouched: shown without making the session's copy (or reading the saved value).
        if state.persist is not None:
            return {**row, "type": "", "value": "(the saved value, not loaded yet)", "size": "not loaded yet"}
        if state.load_fn is not None:
            return {**row, "type": "callable default", "value": "(not run yet)", "size": "not run yet"}
        return {**row, "type": type(state.value).__name__, "value": summarize(state.value), "size": "default, not copied yet"}

    def close(self) -> None:
        self._session = None
        super().close()


def beside(app: ipywidgets.Widget, inspector: Inspector) -> ipywidgets.HBox:
    """The app with its inspector to its right (wrapping below it on a narrow page)."""
    box = ipywidgets.HBox([app, inspector], layout=ipywidgets.Layout(flex_flow="row wrap", align_items="flex-start"))
    box.add_class("gnb-inspected")
    return box
