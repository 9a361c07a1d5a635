"""``gr.Info``, ``gr.Warning`` and ``gr.Success``, and the records of what a session showed its user."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .session import Session

#: The session whose event function is running (set by the dispatcher).
current_session: ContextVar[Session | None] = ContextVar("gradio_nb_current_session", default=None)


@dataclass(frozen=True)
class ErrorRecord:
    """An error shown to the user: its ``title`` and ``message`` as Gradio shows them.

    ``type`` is the exception's class name (``"Error"`` for ``gr.Error``), ``event`` the
    listener that failed, ``traceback`` the formatted traceback (for debugging, not shown).
    A listener whose ``validator=`` refused its inputs is recorded with ``type`` "validation"
    and, as ``message``, the results as Gradio's protocol sends them (a list of
    ``gr.validate`` dicts, one per input, each with its ``parameter_name``).
    """

    title: str
    message: str | list[dict[str, Any]]
    type: str = "Error"
    event: str = ""
    traceback: str = ""


def Info(message: str = "Info issued.", duration: float | None = 10, visible: bool = True, title: str = "Info") -> None:
    """Show an information toast in the app whose event is running (no-op outside an event)."""
    _notify("info", message, duration, visible, title)


def Warning(message: str = "Warning issued.", duration: float | None = 10, visible: bool = True, title: str = "Warning") -> None:  # noqa: A001
    """Show a warning toast in the app whose event is running (no-op outside an event)."""
    _notify("warning", message, duration, visible, title)


def Success(message: str = "Success.", duration: float | None = 10, visible: bool = True, title: str = "Success") -> None:
    """Show a success toast in the app whose event is running (no-op outside an event)."""
    _notify("success", message, duration, visible, title)


def _notify(level: str, message: str, duration: float | None, visible: bool, title: str) -> None:
    session = current_session.get()
    if session is not None and visible:
        session.show_toast(level, title, str(message), duration)
