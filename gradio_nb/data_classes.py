"""``gradio.data_classes``: how Gradio describes a file (:class:`FileData`, :class:`FileDataDict`).

Gradio's other data classes are the pydantic models of its HTTP API and page config; gradio_nb
has no server, and gives functions plain values, so they raise :class:`NotImplementedError`.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from .event_data import FileData
from .unavailable import DATA_MODEL, module_getattr


class FileDataMeta(TypedDict):
    """The ``meta`` of a file dict: ``{"_type": "gradio.FileData"}``."""

    _type: Literal["gradio.FileData"]


class _FilePath(TypedDict):
    path: str


class FileDataDict(_FilePath, total=False):
    """A file as a dict (``path`` required), as a :class:`FileData` is written out."""

    url: str | None
    size: int | None
    orig_name: str | None
    mime_type: str | None
    is_stream: bool
    meta: FileDataMeta


__all__ = ["FileData", "FileDataDict", "FileDataMeta"]

__getattr__ = module_getattr(
    __name__,
    (
        "CancelBody", "SimplePredictBody", "SimplePredictBodyV2", "PredictBody", "PredictBodyInternal", "ResetBody",
        "VibeEditBody", "VibeCodeBody", "ComponentServerJSONBody", "DataWithFiles", "ComponentServerBlobBody",
        "InterfaceTypes", "GradioBaseModel", "JsonData", "GradioModel", "GradioRootModel", "ListFiles", "BodyCSS",
        "Layout", "Page", "BlocksConfigDict", "MediaStreamChunk", "ImageData", "Base64ImageData", "APIReturnInfo",
        "APIEndpointInfo", "APIInfo",
    ),
    DATA_MODEL,
)
