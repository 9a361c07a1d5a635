"""``gradio.components.download_button``: ``DownloadButton``, which gradio_nb keeps in :mod:`.file`."""

from __future__ import annotations

from .file import DownloadButton

__all__ = ["DownloadButton"]
