"""``gradio.components.upload_button``: ``UploadButton``, which gradio_nb keeps in :mod:`.file`."""

from __future__ import annotations

from .file import UploadButton

__all__ = ["UploadButton"]
