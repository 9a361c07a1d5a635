"""The player widget ``gr.Audio`` and ``gr.Video`` share: a file's bytes sent to the page as a
binary buffer (or the ``http(s)://`` URL the page plays), uploads and recordings received in
chunks (:mod:`gradio_nb.uploads`), and the wiring of its events.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import traitlets as t

from ..media_urls import is_http_url, url_name
from ..uploads import UploadedValue, guess_mimetype
from ..widgets import MAX_SHOWN_BYTES, LabelledView, add_handler, on_view_event


class MediaWidget(UploadedValue, LabelledView):
    """A player of a file's bytes (``data``, a binary buffer, with its MIME type), or of the
    ``http(s)://`` URL the value is (``src``: the page loads it); the payload (``value``:
    ``{"path", "orig_name"}`` or None) stays in the kernel.

    The view sends upload messages (see :mod:`gradio_nb.uploads`; a recording has
    ``"source": "record"``), ``{"event": "clear"}`` and the player's events by name.
    """

    disabled = t.Bool(False).tag(sync=True)
    upload = t.Bool(True).tag(sync=True)
    record = t.Bool(False).tag(sync=True)
    autoplay = t.Bool(False).tag(sync=True)
    loop = t.Bool(False).tag(sync=True)
    data = t.Bytes(b"").tag(sync=True)
    mime = t.Unicode("").tag(sync=True)
    #: The ``http(s)://`` URL the page plays the value from (a value given as a URL), or "".
    src = t.Unicode("").tag(sync=True)
    #: Shown instead of the player (a file too large to send, say); empty for none.
    message = t.Unicode("").tag(sync=True)
    value = t.Dict(None, allow_none=True)
    #: The MIME type assumed for a file whose name tells none.
    default_mime = "application/octet-stream"

    def accepts_uploads(self) -> bool:
        """Whether the page may send files: the player is editable and uploads or records."""
        return not self.disabled and (self.upload or self.record)

    def show(self, payload: dict[str, Any] | None) -> None:
        """Hold ``payload`` and send its bytes to the page (written to a file first if it has
        only bytes; a file from elsewhere is copied in, as Gradio copies it into its cache)."""
        if payload is None:
            with self.hold_sync():
                self.data, self.mime, self.src, self.message = b"", "", "", ""
                self.value = None
            return
        payload = dict(payload)
        data = payload.pop("data", None)
        if data is not None and not payload.get("path"):
            path = self.new_file(payload.get("orig_name") or "file")
            path.write_bytes(data)
            payload["path"] = str(path)
        elif is_http_url(payload["path"]):
            name = payload.get("orig_name") or url_name(payload["path"])
            with self.hold_sync():  # the page plays it from there; the kernel fetches nothing
                self.data, self.mime, self.src, self.message = b"", guess_mimetype(name) or "", payload["path"], ""
                self.extra(payload)
                self.value = payload
            return
        elif not Path(payload["path"]).is_file():
            name = payload.get("orig_name") or Path(payload["path"]).name
            with self.hold_sync():
                self.data, self.mime, self.src, self.message = b"", "", "", f"{name}: file not found."
                self.extra({})
                self.value = payload
            return
        else:
            payload["path"] = str(self.adopt(payload["path"]))
        name = payload.get("orig_name") or Path(payload["path"]).name
        size = Path(payload["path"]).stat().st_size
        message = ""
        if size > MAX_SHOWN_BYTES:
            data = b""
            message = f"{name} is too large to show here ({size / 2**20:.0f} MB; at most {MAX_SHOWN_BYTES // 2**20} MB)."
        elif data is None:
            data = Path(payload["path"]).read_bytes()
        with self.hold_sync():
            self.data, self.mime, self.src, self.message = data, guess_mimetype(name) or self.default_mime, "", message
            self.extra(payload)
            self.value = payload

    def extra(self, payload: dict[str, Any]) -> None:
        """Show what else the payload carries (a video's subtitles)."""

    def uploaded(self, files: list[dict[str, Any]], content: dict[str, Any]) -> str:
        """Show the uploaded file; a recording fires "stop_recording", a file "upload"."""
        super().uploaded(files, content)
        return "stop_recording" if content.get("source") == "record" else "upload"


def connect_media(widget: MediaWidget, event: str, fire: Callable[..., None], events: Sequence[str]) -> bool:
    """Wire ``event`` of a media widget: upload, clear and a finished recording change the
    value first (the widget does it), the player's events are sent by the view as they are."""
    if event in ("upload", "clear", "stop_recording"):
        add_handler(widget, event, fire)
        return True
    if event in events:
        on_view_event(widget, event, fire)
        return True
    return False
