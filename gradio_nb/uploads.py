"""Files sent from the page to the kernel: receiving them into a widget's own temporary folder.

A view sends each file a person picks or drops as binary buffers of comm messages, in chunks
(``{"event": "upload", "batch", "index", "count", "name", "type", "done"}``, one chunk per
message, never base64). :class:`Uploads` is the widget side: mixed into a widget class before
its ipywidgets base, it writes the chunks into a temporary folder of the widget's own (made on
the first upload, removed when the widget is closed, collected, or at exit) and hands back the
batch's files once every one of them is whole.
"""

from __future__ import annotations

import mimetypes
import shutil
import tempfile
import weakref
from pathlib import Path, PurePosixPath
from typing import Any


def guess_mimetype(filename: str) -> str | None:
    """The MIME type Gradio gives a file by its name (``mimetypes``, plus a few it fixes)."""
    lower = filename.lower()
    if lower.endswith(".vtt"):
        return "text/vtt"
    if lower.endswith(".webp"):
        return "image/webp"
    mime = mimetypes.guess_type(filename)[0]
    return mime.replace("x-wav", "wav").replace("x-flac", "flac") if mime else None


def safe_relative(name: str) -> Path:
    """A file name from the page as a relative path with no way out of its folder."""
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("", ".", "..", "/")]
    return Path(*parts) if parts else Path("file")


class Uploads:
    """Mixin for a widget that receives files from its view (put it before the widget base).

    :meth:`receive` takes one upload message with its buffers and returns, when the message
    completes its batch, the batch's files in order (Gradio ``FileData`` dicts: ``path``,
    ``orig_name``, ``mime_type``, ``size``), else None. :meth:`accepts_uploads` (by default:
    the widget is not ``disabled``) refuses messages the page would not send.
    """

    _folder: str | None = None
    _cleanup: weakref.finalize | None = None

    def __init__(self, **kwargs: Any) -> None:
        self._uploads: dict[tuple[Any, int], dict[str, Any]] = {}  # (batch, index) -> file being written
        self._batches: dict[Any, list[tuple[int, dict[str, Any]]]] = {}  # batch -> files written
        super().__init__(**kwargs)

    @property
    def folder(self) -> str:
        """This widget's temporary folder (made on first use)."""
        if self._folder is None:
            self._folder = tempfile.mkdtemp(prefix="gradio_nb_upload_")
            # Removed at close, or when the widget is collected, or at exit, whichever is first.
            self._cleanup = weakref.finalize(self, shutil.rmtree, self._folder, True)
        return self._folder

    def new_file(self, name: str) -> Path:
        """A new empty file named ``name`` in a folder of its own inside :attr:`folder`."""
        path = Path(tempfile.mkdtemp(dir=self.folder)) / safe_relative(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
        return path

    def close(self) -> None:
        """Close the widget and remove its folder."""
        super().close()  # type: ignore[misc]
        if self._cleanup is not None:
            self._cleanup()

    def accepts_uploads(self) -> bool:
        """Whether the page offers uploads here now (a message asking otherwise is refused)."""
        return not getattr(self, "disabled", False)

    def receive(self, content: dict[str, Any], buffers: list[Any]) -> list[dict[str, Any]] | None:
        """Write one chunk; the batch's files (in order) when all of them are whole, else None."""
        if not self.accepts_uploads():
            return None
        batch, index = content.get("batch"), int(content.get("index", 0))
        entry = self._uploads.get((batch, index))
        if entry is None:
            name = str(content.get("name") or "file")
            path = self.new_file(name)
            entry = {"path": str(path), "orig_name": Path(name).name or path.name,
                     "mime_type": content.get("type") or guess_mimetype(name), "size": 0}
            self._uploads[(batch, index)] = entry
        with open(entry["path"], "ab") as out:
            for chunk in buffers:
                out.write(chunk)
                entry["size"] += len(chunk)
        if not content.get("done"):
            return None
        del self._uploads[(batch, index)]
        done = self._batches.setdefault(batch, [])
        done.append((index, entry))
        if len(done) < int(content.get("count", 1)):
            return None
        del self._batches[batch]
        return [e for _, e in sorted(done, key=lambda item: item[0])]
