"""``gr.MultimodalTextbox``: text with attached files.

The view (``js/multimodal.js``) sends the files a person attaches as binary buffers of comm
messages, in chunks; the kernel writes them into a temporary folder of the widget's own
(removed when the widget is closed, so when its session is) and the function receives their
paths, as Gradio gives the paths of uploaded files.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..file_paths import returned_payload
from ..media_urls import check_not_url
from ..uploads import Uploads, guess_mimetype
from ..widgets import _Field, on_view_event, sync_label
from .base import FormComponent

_VALID_SOURCES = ["upload", "microphone"]


get_mimetype = guess_mimetype


def is_valid_file(path: str, file_types: list[str]) -> bool:
    """Whether ``path`` is one of ``file_types`` ("image", ".png", "file", ...), as Gradio checks."""
    mime = get_mimetype(path)
    name = Path(path).name.lower()
    for kind in file_types:
        if kind == "file":
            return True
        if kind.startswith("."):
            kind = kind.lower()
            if len(name) > len(kind) and name.endswith(kind):
                return True
        elif mime is not None and mime.startswith(f"{kind}/"):
            return True
    return False


def accept_attribute(file_types: list[str] | None) -> str:
    """The file picker's ``accept`` for Gradio's ``file_types`` ("image" -> "image/*")."""
    if not file_types or "file" in file_types:
        return ""
    return ",".join(kind if kind.startswith(".") or "/" in kind else f"{kind}/*" for kind in file_types)


def file_data(file: Any) -> dict[str, Any]:
    """A file as the page holds it (Gradio's ``FileData`` fields): path, name, MIME type."""
    if isinstance(file, (str, Path)):
        path = str(file)
        return {"path": path, "orig_name": Path(path).name, "mime_type": get_mimetype(path), "size": None}
    if isinstance(file, dict):
        if "path" not in file:
            raise Error(f"MultimodalTextbox: a file given as a dict needs a 'path', got {file!r}.")
        return {"orig_name": Path(str(file["path"])).name, "mime_type": None, "size": None, **copy.deepcopy(file)}
    path = getattr(file, "path", None)  # a FileData-like object
    if isinstance(path, str):
        return file_data({"path": path, "orig_name": getattr(file, "orig_name", None) or Path(path).name,
                          "mime_type": getattr(file, "mime_type", None), "size": getattr(file, "size", None)})
    raise Error(f"MultimodalTextbox: a file must be a path or a dict with a 'path', got {type(file).__name__}.")


class MultimodalWidget(Uploads, _Field):
    """Text plus attached files. ``text`` and the list of file names shown (``files``) are
    synced; the payload (``value``: text and the files' paths) stays in the kernel.

    The view sends ``{"event": "upload", "batch", "index", "count", "name", "type", "done"}``
    messages, each with one binary chunk of a file, and ``{"event": "remove", "index"}``.
    """

    _view_file = "multimodal"
    kind = t.Unicode("multimodal").tag(sync=True)
    text = t.Unicode("").tag(sync=True)
    files = t.List(t.Dict()).tag(sync=True)
    lines = t.Int(1).tag(sync=True)
    max_lines = t.Int(20).tag(sync=True)
    submit_btn = t.Unicode("").tag(sync=True)
    stop_btn = t.Unicode("").tag(sync=True)
    upload = t.Bool(True).tag(sync=True)
    accept = t.Unicode("").tag(sync=True)
    file_count = t.Unicode("single").tag(sync=True)
    max_plain_text_length = t.Int(1000).tag(sync=True)
    rtl = t.Bool(False).tag(sync=True)
    text_align = t.Unicode("").tag(sync=True)
    autofocus = t.Bool(False).tag(sync=True)
    #: The payload ``{"text": str, "files": [FileData dicts]}``; kernel-only.
    value = t.Dict({"text": "", "files": []})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._show(self.value)
        self.observe(lambda change: self._show(change["new"]), names="value")
        self.observe(self._typed, names="text")
        self.on_msg(self._view_message)

    def accepts_uploads(self) -> bool:
        return not self.disabled and self.upload

    def _show(self, value: dict[str, Any]) -> None:
        with self.hold_sync():
            if self.text != value.get("text", ""):
                self.text = value.get("text", "")
            shown = [{"name": f.get("orig_name") or Path(f["path"]).name, "mime_type": f.get("mime_type") or ""}
                     for f in value.get("files", [])]
            if shown != self.files:
                self.files = shown

    def _typed(self, change: dict[str, Any]) -> None:
        if self.value.get("text") != change["new"]:
            self.value = {**self.value, "text": change["new"]}

    def _view_message(self, _widget: Any, content: Any, buffers: list[Any]) -> None:
        if not isinstance(content, dict):
            return
        if content.get("event") in ("upload", "remove") and (self.disabled or not self.upload):
            return  # the page offers neither here: a message asking for it is refused
        if content.get("event") == "upload":
            self._receive(content, buffers)
        elif content.get("event") == "remove":
            index = content.get("index")
            files = list(self.value.get("files", []))
            if isinstance(index, int) and 0 <= index < len(files):
                del files[index]
                self.value = {**self.value, "files": files}

    def _receive(self, content: dict[str, Any], buffers: list[Any]) -> None:
        """Write one chunk; when every file of the batch is whole, attach them all at once."""
        added = self.receive(content, buffers)
        if added:
            self.value = {**self.value, "files": [*self.value.get("files", []), *added]}


class MultimodalTextbox(FormComponent):
    """A text field with attached files: the function receives ``{"text": str, "files": [paths]}``.

    Enter submits a single-line box (``lines=1``), Shift+Enter a multi-line one, and so does
    the submit button (``submit_btn``: True, or its text); ``stop_btn`` shows a button that
    fires ``stop``. Files attached with the button or dropped on the field are written into
    a temporary folder of the session's (removed when it closes). ``file_types`` limits what
    the picker offers and what the function accepts (``gr.Error`` otherwise), ``file_count``
    ("single", "multiple", "directory") what one pick may choose. Text pasted longer than
    ``max_plain_text_length`` is attached as ``pasted_text.txt``, as in Gradio. A function
    may return a string, or a dict with "text" and "files" (paths, or dicts with a "path"); a
    returned path must be one Gradio would serve (:mod:`gradio_nb.file_paths`: the working
    directory, the system's temporary folder, ``allowed_paths``, never ``blocked_paths``),
    else Gradio's ``InvalidPathError``.

    Differences: files a function returns are shown by name and passed on at the path given
    (Gradio copies them into its cache first); the "microphone" source, ``autoscroll`` and
    ``html_attributes`` are accepted and ignored.
    """

    IN_FORM = True

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "select", "submit", "focus", "blur", "stop")
    UPDATABLE = (
        *FormComponent.UPDATABLE,
        "sources", "file_types", "file_count", "lines", "max_lines", "placeholder", "container", "scale",
        "min_width", "autofocus", "autoscroll", "preserved_by_key", "text_align", "rtl", "submit_btn", "stop_btn",
        "max_plain_text_length", "html_attributes",
    )
    _VIEW_EVENTS = ("select", "submit", "focus", "blur", "stop")
    submit = listener("submit", "Run ``fn`` when the user presses Enter (Shift+Enter if ``lines > 1``) or the submit button.")
    stop = listener("stop", "Run ``fn`` when the user presses the stop button (``stop_btn``).")
    focus = listener("focus", "Run ``fn`` when the text field gets the keyboard focus.")
    blur = listener("blur", "Run ``fn`` when the text field loses the keyboard focus.")
    select = listener("select", "Run ``fn`` when the user selects text; ``gr.SelectData`` gets it and its [start, end].")

    def __init__(
        self,
        value: str | dict[str, Any] | Callable[[], Any] | None = None,
        *,
        sources: Sequence[str] | str | None = None,
        file_types: list[str] | None = None,
        file_count: str = "single",
        lines: int = 1,
        max_lines: int = 20,
        placeholder: str | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        text_align: str | None = None,
        rtl: bool = False,
        submit_btn: str | bool | None = True,
        stop_btn: str | bool | None = False,
        max_plain_text_length: int = 1000,
        html_attributes: Any = None,
        **kwargs: Any,
    ) -> None:
        self.sources = self._check_sources(sources)
        if file_types is not None and not isinstance(file_types, list):
            raise ValueError(f"Parameter file_types must be a list. Received {file_types.__class__.__name__}")
        self.file_types = file_types
        self.file_count = file_count
        self.lines = lines
        self.max_lines = max(lines, max_lines)
        self.placeholder = placeholder
        self.submit_btn = submit_btn
        self.stop_btn = stop_btn
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.max_plain_text_length = max_plain_text_length
        self.html_attributes = html_attributes
        self.rtl = rtl
        self.text_align = text_align
        super().__init__(value, **kwargs)

    @staticmethod
    def _check_sources(sources: Sequence[str] | str | None) -> list[str]:
        if sources is None:
            return ["upload"]
        if isinstance(sources, str) and sources in _VALID_SOURCES:
            return [sources]
        if not isinstance(sources, list):
            raise ValueError(f"`sources` must be a list consisting of elements in {_VALID_SOURCES}")
        for source in sources:
            if source not in _VALID_SOURCES:
                raise ValueError(f"`sources` must a list consisting of elements in {_VALID_SOURCES}")
        return list(sources)

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "sources" in props:
            self.sources = self._check_sources(self.sources)
        if "lines" in props or "max_lines" in props:
            self.max_lines = max(self.lines, self.max_lines)

    # -- value pipeline ----------------------------------------------------------------------
    def preprocess(self, payload: dict[str, Any] | None) -> dict[str, Any] | None:
        """``{"text": str, "files": [paths]}``; a file not of ``file_types`` raises ``gr.Error``,
        as does a file given as a URL (kept for the page; the kernel fetches none)."""
        if payload is None:
            return None
        files = payload.get("files") or []
        for f in files:
            check_not_url(f.get("path"), "MultimodalTextbox")
        if self.file_types is not None:
            for f in files:
                if not is_valid_file(f["path"], self.file_types):
                    raise Error(
                        f"Invalid file type: {f.get('mime_type')}. Please upload a file that is one of "
                        f"these formats: {self.file_types}"
                    )
        return {"text": payload.get("text", ""), "files": [f["path"] for f in files]}

    def postprocess(self, value: Any) -> dict[str, Any]:
        """A string is the text; a dict may have "text" and "files"; ``None`` empties it."""
        if value is None:
            return {"text": "", "files": []}
        if not isinstance(value, (dict, str)):
            raise ValueError(
                "MultimodalTextbox expects a string or a dictionary with optional keys 'text' and 'files'. "
                f"Received {value.__class__.__name__}"
            )
        if isinstance(value, str):
            return {"text": value, "files": []}
        text = value.get("text", "")
        files = value.get("files")
        # Each file's path follows Gradio's rule for returned files (gradio_nb.file_paths).
        root = getattr(self, "root", None)
        files = [returned_payload(file_data(f), root) for f in files] if isinstance(files, list) else []
        if not isinstance(text, str):
            raise TypeError(f"Expected 'text' to be a string, but got {type(text).__name__}")
        return {"text": text, "files": files}

    # -- widget ------------------------------------------------------------------------------
    def make_widget(self, payload: Any, interactive: bool) -> MultimodalWidget:
        widget = MultimodalWidget(value=copy.deepcopy(payload))
        self.sync_props(widget, interactive)
        return widget

    def read_widget(self, widget: MultimodalWidget) -> Any:
        return copy.deepcopy(widget.value)

    def write_widget(self, widget: MultimodalWidget, payload: Any) -> None:
        widget.value = copy.deepcopy(payload)

    def sync_props(self, widget: MultimodalWidget, interactive: bool) -> None:
        with widget.hold_sync():
            sync_label(self, widget)
            widget.info = self.info or ""
            widget.placeholder = self.placeholder or ""
            widget.disabled = not interactive
            widget.lines = self.lines
            widget.max_lines = self.max_lines
            widget.submit_btn = _button_text(self.submit_btn, "➤")
            widget.stop_btn = _button_text(self.stop_btn, "■")
            widget.upload = "upload" in self.sources
            widget.accept = accept_attribute(self.file_types)
            widget.file_count = self.file_count
            widget.max_plain_text_length = self.max_plain_text_length
            widget.rtl = bool(self.rtl)
            widget.text_align = self.text_align or ""
            widget.autofocus = bool(self.autofocus)
        self._style_widget(widget)

    def connect(self, widget: MultimodalWidget, event: str, fire: Callable[..., None]) -> bool:
        if event in self._VIEW_EVENTS:
            on_view_event(widget, event, fire)
            return True
        return False


def _button_text(setting: str | bool | None, icon: str) -> str:
    """A button's text: "" for no button, the icon for True, else the given text."""
    if setting is True:
        return icon
    return setting if isinstance(setting, str) else ""

