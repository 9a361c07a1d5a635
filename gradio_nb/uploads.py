"""Files sent from the page to the kernel: receiving them into a widget's own temporary folder.

A view sends each file a person picks or drops as binary buffers of comm messages, in chunks
(``{"event": "upload", "batch", "index", "count", "name", "type", "size", "done"}``, one chunk
per message, never base64; ``size``, the file's whole size, is optional: a file that ends at
another size is not whole, and its batch is dropped). :class:`Uploads` is
the widget side: mixed into a widget class before its ipywidgets base, it writes the chunks
into a temporary folder of the widget's own (made on the first upload, removed when the widget
is closed, collected, or at exit) and hands back the batch's files once every one of them is
whole. Each chunk is one quick comm message, so a large upload never holds the kernel for long.

Limits, checked in the kernel (the page's ``accept=`` is only a hint): the app's
``max_file_size`` (``Blocks.launch(max_file_size="5mb")``, as Gradio parses it) and the
component's ``file_types``. A refused batch leaves no file behind, and its error is shown in
the app (and recorded in ``Session.errors``) with Gradio's message, naming the component.
"""

from __future__ import annotations

import atexit
import mimetypes
import shutil
import tempfile
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar

from .exceptions import Error


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


class FileSize:
    """Byte multiples for ``max_file_size``: ``launch(max_file_size=5 * gr.FileSize.MB)``."""

    B = 1
    KB = 1 << 10
    MB = 1 << 20
    GB = 1 << 30
    TB = 1 << 40


def parse_file_size(size: str | int | None) -> int | None:
    """Bytes from Gradio's ``max_file_size`` (an int, or "<n><unit>" with b/kb/mb/gb/tb, any
    case, spaces ignored); None for no limit. Gradio's ``utils._parse_file_size``."""
    if size is None or isinstance(size, int):
        return size
    text = str(size).replace(" ", "").upper()
    digits = len(text) - len(text.lstrip("0123456789"))
    unit = text[digits:]
    if not digits or not unit or not hasattr(FileSize, unit):
        raise ValueError(f'Invalid file size unit: {unit} in {size!r}; expected e.g. 5 * gr.FileSize.MB, "5mb" or "1 gb".')
    return int(text[:digits]) * getattr(FileSize, unit)


def format_size(size: float) -> str:
    """A size as Gradio's page writes it in its upload error ("5.0 Mb": powers of 1024)."""
    units = ["b", "Kb", "Mb", "Gb", "Tb", "Pb"]
    size, step = abs(float(size)), 0
    while size >= 1024 and step < len(units) - 1:
        size /= 1024
        step += 1
    return f"{size:.1f} {units[step]}"


def is_valid_file(name: str, file_types: list[str] | None, mime_type: str | None = None) -> bool:
    """Whether a file named ``name`` is one of ``file_types`` (extensions like ".pdf", or
    categories "image", "audio", "video", "text"; "file" is any): Gradio's ``is_valid_file``."""
    if not file_types:
        return True
    mime = guess_mimetype(name) or mime_type
    lower = Path(name).name.lower()
    for kind in file_types:
        if kind == "file":
            return True
        if kind.startswith("."):
            if len(lower) > len(kind) and lower.endswith(kind.lower()):
                return True
        elif mime is not None and mime.startswith(f"{kind}/"):
            return True
    return False


def accept_attribute(file_types: list[str] | None) -> str:
    """The file picker's ``accept=`` for ``file_types``, as Gradio's page builds it."""
    if not file_types:
        return ""
    kinds = []
    for kind in file_types:
        if kind.startswith(".") or kind.endswith("/*"):
            kinds.append(kind)
        elif kind in ("image", "video", "audio", "text", "file"):
            kinds.append(f"{kind}/*")
        else:
            kinds.append(f".{kind}")
    return "*" if "file/*" in kinds else ", ".join(kinds)


_scratch: list[str] = []


def scratch_folder(prefix: str = "gradio_nb_") -> Path:
    """A new folder in this kernel's scratch folder, for files a component makes before a
    widget takes its own copy (a conversion, subtitles): removed when the kernel exits, never
    a person's own folder."""
    if not _scratch or not Path(_scratch[-1]).is_dir():  # made on first use (again if removed)
        root = tempfile.mkdtemp(prefix="gradio_nb_scratch_")
        _scratch.append(root)
        atexit.register(shutil.rmtree, root, True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=_scratch[-1]))


class UploadRefused(Exception):
    """An upload broke a limit: ``message`` says which, as shown to the person."""


class Uploads:
    """Mixin for a widget that receives files from its view (put it before the widget base).

    :meth:`receive` takes one upload message with its buffers and returns, when the message
    completes its batch, the batch's files in order (Gradio ``FileData`` dicts: ``path``,
    ``orig_name``, ``mime_type``, ``size``), else None. :meth:`accepts_uploads` (by default:
    the widget is not ``disabled``) refuses messages the page would not send. A batch that
    breaks a limit (:meth:`upload_limits`) is dropped whole, its files deleted, and
    :meth:`refused` shows why.
    """

    _folder: str | None = None
    _cleanup: weakref.finalize | None = None
    #: The component this widget shows now (its ``file_types``, its app's ``max_file_size``):
    #: kept up to date by the session's widget tree.
    upload_component: Any = None
    #: ``report_error(error, where)``: shows an error of the widget's (a refused upload, a file
    #: gone before its download) in the app; set by the session's widget tree (a widget never
    #: imports its session).
    report_error: Any = None
    #: Whether a batch whose file arrives at another size than the page declared (a chunk
    #: lost) is dropped: an editor's canvas cut short is no value; an upload keeps what came.
    drops_incomplete: ClassVar[bool] = False

    def __init__(self, **kwargs: Any) -> None:
        self._uploads: dict[tuple[Any, int], dict[str, Any]] = {}  # (batch, index) -> file being written
        self._batches: dict[Any, list[tuple[int, dict[str, Any]]]] = {}  # batch -> files written
        self._refused: set[Any] = set()  # batches refused or dropped: their later chunks are dropped
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

    def adopt(self, path: str | Path, beside: Sequence[str | Path] = ()) -> Path:
        """``path`` if it is in this widget's folder, else a copy of it there (as Gradio copies
        a file a function returns into its cache: a function later receives a copy of its own),
        with the files ``beside`` it (relative paths, such as a glTF's buffers) copied along."""
        # Deferred: a cycle, file_paths imports media_urls, which imports this module.
        from .file_paths import is_in_or_equal

        source = Path(path)
        if is_in_or_equal(source, self.folder):
            return source
        target = self.new_file(source.name)
        shutil.copyfile(source, target)
        for relative in beside:
            (target.parent / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source.parent / relative, target.parent / relative)
        return target

    def close(self) -> None:
        """Close the widget and remove its folder."""
        super().close()  # type: ignore[misc]
        if self._cleanup is not None:
            self._cleanup()

    def accepts_uploads(self) -> bool:
        """Whether the page offers uploads here now (a message asking otherwise is refused)."""
        return not getattr(self, "disabled", False)

    # -- limits ------------------------------------------------------------------------------
    def _component(self) -> Any:
        return self.upload_component

    def upload_limits(self) -> tuple[int | None, list[str] | None]:
        """``(max_file_size in bytes or None, file_types or None)`` for uploads here now: the
        app's ``max_file_size`` and the component's ``file_types``."""
        component = self._component()
        if component is None:
            return None, None
        try:  # launch() keeps bytes; an app may also set the attribute as Gradio's Blocks has it
            limit = parse_file_size(getattr(getattr(component, "root", None), "max_file_size", None))
        except (ValueError, TypeError):
            limit = None  # a malformed setting: Gradio's launch would have refused it
        types = getattr(component, "file_types", None)
        if getattr(component, "file_count", None) == "directory":
            types = None  # as Gradio: file_types is ignored for a directory
        return limit, (list(types) if types else None)

    def _describe(self) -> str:
        component = self._component()
        if component is None:
            return "Upload"
        label = getattr(component, "label", None)
        kind = type(component).__name__
        return f"{kind} {label!r}" if label else kind

    def refused(self, message: str, batch: Any = None) -> None:
        """Tell the person an upload was refused: the view is told (it stops showing it as under
        way, and stops sending ``batch``) and the app shows the error (in ``Session.errors``)."""
        try:
            self.send({"event": "upload_refused", "message": message, "batch": batch})  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a closed widget: nobody to tell
            pass
        if self.report_error is not None:
            self.report_error(Error(message), f"the upload to {self._describe()}")

    def _check(self, content: dict[str, Any], entry: dict[str, Any], extra: int) -> None:
        limit, types = self.upload_limits()
        name = entry["orig_name"]
        if types and not is_valid_file(name, types, entry.get("mime_type")):
            raise UploadRefused(
                f"{self._describe()}: Invalid file type: {name}. Only {', '.join(types)} allowed."
            )
        declared = content.get("size")
        size = max(entry["size"] + extra, int(declared) if isinstance(declared, (int, float)) else 0)
        if limit is not None and size > limit:
            raise UploadRefused(
                f'{self._describe()}: File(s) exceed the maximum allowed size of {format_size(limit)}: "{name}"'
            )

    def _drop_batch(self, batch: Any) -> None:
        """Delete every file of ``batch``, whole or partly written, and forget it."""
        doomed = [e for (b, _i), e in self._uploads.items() if b == batch]
        doomed += [e for _i, e in self._batches.pop(batch, [])]
        for key in [k for k in self._uploads if k[0] == batch]:
            del self._uploads[key]
        for entry in doomed:
            shutil.rmtree(Path(entry["path"]).parent, ignore_errors=True)

    def _abandon(self, batch: Any, content: dict[str, Any]) -> None:
        """Drop ``batch`` at its message ``content``, and the chunks of it still to come."""
        self._drop_batch(batch)
        last = content.get("done") and int(content.get("index", 0)) >= int(content.get("count", 1)) - 1
        if not last:
            # The page may stop sending it, so its last chunk may never come: only the latest
            # dropped batches are remembered (their chunks in flight are dropped).
            self._refused = {*list(self._refused)[-63:], batch}

    # -- receiving ---------------------------------------------------------------------------
    def receive(self, content: dict[str, Any], buffers: list[Any]) -> list[dict[str, Any]] | None:
        """Write one chunk; the batch's files (in order) when all of them are whole, else None."""
        if not self.accepts_uploads():
            return None
        batch, index = content.get("batch"), int(content.get("index", 0))
        if batch in self._refused:
            if content.get("done") and int(content.get("index", 0)) >= int(content.get("count", 1)) - 1:
                self._refused.discard(batch)  # its last message: nothing more will come
            return None
        entry = self._uploads.get((batch, index))
        if entry is None:
            name = str(content.get("name") or "file")
            path = self.new_file(name)
            # Its name is the one it is stored under (no "..", no folder in any spelling).
            entry = {"path": str(path), "orig_name": path.name,
                     "mime_type": content.get("type") or guess_mimetype(name), "size": 0}
            self._uploads[(batch, index)] = entry
        try:
            self._check(content, entry, sum(len(memoryview(chunk).cast("B")) for chunk in buffers))
        except UploadRefused as err:
            self._abandon(batch, content)
            self.refused(str(err), batch)
            return None
        with open(entry["path"], "ab") as out:
            for chunk in buffers:
                out.write(chunk)
                entry["size"] += len(memoryview(chunk).cast("B"))
        if not content.get("done"):
            return None
        declared = content.get("size")
        if self.drops_incomplete and isinstance(declared, (int, float)) and entry["size"] != declared:
            # Not the file the page read (a chunk lost): the batch is not whole, and is dropped.
            self._abandon(batch, content)
            return None
        del self._uploads[(batch, index)]
        done = self._batches.setdefault(batch, [])
        done.append((index, entry))
        if len(done) < int(content.get("count", 1)):
            return None
        del self._batches[batch]
        return [e for _, e in sorted(done, key=lambda item: item[0])]


class UploadedValue(Uploads):
    """Mixin for a widget whose value the page replaces by an upload or clears (Image,
    ImageSlider, Model3D, Audio and Video): put it before the widget base.

    The view sends upload messages (see :class:`Uploads`) and ``{"event": "clear"}``. The
    widget first applies what the page did (:meth:`uploaded`, or :meth:`show` of
    :meth:`cleared` unless it is ``disabled``), then calls the session's handler of the event
    in :attr:`handlers` (set with :func:`gradio_nb.widgets.add_handler`), if there is one.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: event name -> the session's fire for it ("upload", "clear", ...).
        self.handlers: dict[str, Callable[..., None]] = {}
        self.on_msg(self._upload_or_clear)  # type: ignore[attr-defined]

    def show(self, payload: Any) -> None:
        """Hold ``payload`` as the value and send the page what it shows (each widget's own)."""
        raise NotImplementedError

    def uploaded(self, files: list[dict[str, Any]], content: dict[str, Any]) -> str:
        """Show a batch of uploaded ``files`` (by default the last one, as the value) and
        return the event it fires (by default "upload")."""
        self.show({"path": files[-1]["path"], "orig_name": files[-1]["orig_name"]})
        return "upload"

    def cleared(self) -> Any:
        """The value a clear leaves (by default None)."""
        return None

    def _fire(self, event: str) -> None:
        handler = self.handlers.get(event)
        if handler is not None:
            handler()

    def _upload_or_clear(self, _widget: Any, content: Any, buffers: list[Any]) -> None:
        if not isinstance(content, dict):
            return
        event = content.get("event")
        if event == "upload":
            files = self.receive(content, buffers)
            if files:
                self._fire(self.uploaded(files, content))
        elif event == "clear" and not getattr(self, "disabled", False):
            self.show(self.cleared())
            self._fire("clear")
