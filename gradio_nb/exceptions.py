"""Exceptions a user function raises to talk to the person using the app."""

from __future__ import annotations


class Error(Exception):
    """Raise inside an event function to show ``message`` in the app as an error.

    As in Gradio, the event stops, none of its outputs change, and the app keeps working.
    ``duration`` is how many seconds the message stays (``None`` or 0: until closed);
    ``visible=False`` records the error on the session without showing it.
    ``print_exception`` is accepted for Gradio compatibility; a notebook shows no server log.
    """

    def __init__(
        self,
        message: str = "Error raised.",
        duration: float | None = 10,
        visible: bool = True,
        title: str = "Error",
        print_exception: bool = True,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.duration = duration
        self.visible = visible
        self.title = title
        self.print_exception = print_exception

    def __str__(self) -> str:
        return repr(self.message)


class ComponentProcessingError(ValueError):
    """A component could not preprocess an input or postprocess an output (Gradio's text)."""
