"""Gradio's exceptions: :class:`Error`, which a user function raises to talk to the person
using the app, and the others Gradio raises (kept so that ``except`` clauses match)."""

from __future__ import annotations

from typing import Any


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


class DuplicateBlockError(ValueError):
    """A component or layout was placed in a second ``Blocks``."""


class InvalidComponentError(ValueError):
    """Something that is not a component was given where one is needed."""


class InvalidBlockError(ValueError):
    """An event refers to a block that is not in its ``Blocks``."""


class InvalidApiNameError(ValueError):
    """An ``api_name`` that cannot be used."""


#: Gradio's older name of :class:`InvalidApiNameError`.
InvalidApiName = InvalidApiNameError


class RenderError(Exception):
    """A block was expected to be rendered in the current ``Blocks`` and is not."""


class ModelNotFoundError(Exception):
    """A model to load was not found (``gr.load``: not available in gradio_nb)."""


class ServerFailedToStartError(Exception):
    """Gradio's server did not start. gradio_nb never raises it; it is defined so that an app's
    ``except gr.exceptions.ServerFailedToStartError`` still runs."""


class ReloadError(ValueError):
    """Reloading the app failed (Gradio's reload mode)."""


class GradioVersionIncompatibleError(Exception):
    """An app made for another major version of Gradio."""


class ComponentDefinitionError(NotImplementedError):
    """A custom component class is not defined as Gradio requires."""


class ChecksumMismatchError(Exception):
    """A downloaded file's checksum is not the expected one."""


class ShareCertificateWriteError(RuntimeError):
    """The certificate of a share link could not be written."""


class TooManyRequestsError(Error):
    """The Hugging Face API answered 429 (too many requests)."""

    def __init__(self, message: str = "Too many requests. Please try again later.") -> None:
        super().__init__(message)


def __getattr__(name: str) -> Any:
    """``InvalidPathError``, defined in :mod:`gradio_nb.file_paths` (a ``gr.Error`` too)."""
    if name == "InvalidPathError":
        # file_paths imports this module (for Error): imported here on first use, not at the top.
        from .file_paths import InvalidPathError

        return InvalidPathError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [  # noqa: F822 - InvalidPathError comes from __getattr__
    "ChecksumMismatchError", "ComponentDefinitionError", "ComponentProcessingError", "DuplicateBlockError", "Error",
    "GradioVersionIncompatibleError", "InvalidApiName", "InvalidApiNameError", "InvalidBlockError",
    "InvalidComponentError", "InvalidPathError", "ModelNotFoundError", "ReloadError", "RenderError",
    "ServerFailedToStartError", "ShareCertificateWriteError", "TooManyRequestsError",
]
