"""Attacks through component values, from Gradio's security advisories, tried on gradio_nb.

Each test's docstring names the advisories it comes from (GHSA / CVE ids; Gradio's own
regression test where there is one). gradio_nb has no ``/file=`` or ``/upload`` route: a value
travels between the kernel and the page as widget state over Jupyter comm messages (bytes as
binary buffers). So the attacks become:

* **a function returns a path (or a file payload) a visitor chose** to a component that shows
  a file: Gradio's rule for returned paths (``gradio_nb.file_paths``) must refuse it with an
  error shown in the app, and no byte of the file may reach the page;
* **a page forges what it sends**: a widget state ``update`` (what a comm ``update`` message
  does: ``Widget.set_state``, which takes only synced traits) or a custom message (uploads,
  downloads, clicks) naming a file: the function must not receive that path or its bytes;
* **URLs** as values: nothing is fetched by the kernel (SSRF);
* **uploads** over ``max_file_size``, mislabeled, or named ``../``;
* **markup** from a visitor shown as HTML (XSS).

"Reaches the page" is checked on every comm message the test's widgets send (their state when
opened and every update, custom messages and their binary buffers): the comm every widget
opens is replaced by one that records. The target file holds a unique marker and lies outside
every folder a function may return from (the working directory, the system's temporary
folder, Gradio's upload folder), as ``/etc/passwd`` does. The served test drives a real
one-process server (``gradio-nb serve``) with the simulated visitor of ``tests/visitors.py``
and checks every frame the visitor receives.

Browser-level XSS (vectors typed into a served app, nothing runs) is
``tests/browser/test_sanitize.py``; the headless XSS tests here only add values that arrive
through an event (Textbox -> function -> output) and the components that test does not cover.
"""

from __future__ import annotations

import io
import json
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import comm
import PIL.Image
import pytest
import traitlets
from comm.base_comm import BaseComm

import gradio_nb as gr
from gradio_nb.file_paths import is_in_or_equal, upload_folder
from gradio_nb.message_guard import message_problem
from gradio_nb.serve import Server
from gradio_nb.widgets import JS

from .probes import serve
from visitors import Visitor

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


# -- what the page receives ----------------------------------------------------------------------
class RecordingComm(BaseComm):
    """A comm that sends nothing and records every message it would have sent to the page:
    ``(comm_id, msg_type, data, buffers)``."""

    log: ClassVar[list[tuple[str, str, Any, list[bytes]]]] = []

    def publish_msg(self, msg_type: str, data: Any = None, metadata: Any = None, buffers: Any = None, **keys: Any) -> None:
        RecordingComm.log.append((self.comm_id, msg_type, data, [bytes(b) for b in buffers or []]))


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, Any, list[bytes]]]:
    """Every comm message the widgets made in the test send to the page."""
    RecordingComm.log = []
    monkeypatch.setattr(comm, "create_comm", lambda **kwargs: RecordingComm(**kwargs))
    return RecordingComm.log


def carrying(log: list[tuple[str, str, Any, list[bytes]]], marker: bytes) -> list[str]:
    """The messages in ``log`` that hold ``marker`` (in their JSON or a binary buffer)."""
    return [
        f"{kind} on {comm_id}" for comm_id, kind, data, buffers in log
        if marker in json.dumps(data, default=repr).encode() or any(marker in b for b in buffers)
    ]  # fmt: skip


# -- the file a visitor is after -----------------------------------------------------------------
@dataclass
class Target:
    """A file outside every folder a function may return from, holding ``marker``."""

    path: Path
    marker: bytes
    folder: Path  # its own folder (the test may put an app folder, links, ... beside it)


def allowed_roots() -> list[str]:
    """The folders a function may return files from with no ``allowed_paths``."""
    return [os.getcwd(), tempfile.gettempdir(), upload_folder()]


@pytest.fixture
def target() -> Iterator[Target]:
    """A file with a unique marker, in a folder of its own outside the working directory, the
    system's temporary folder and Gradio's upload folder (as ``/etc/passwd`` is)."""
    for base in ("/var/tmp", "/dev/shm", str(Path.home())):
        if not (os.path.isdir(base) and os.access(base, os.W_OK)):
            continue
        folder = Path(tempfile.mkdtemp(prefix="gnb_target_", dir=base))
        if any(is_in_or_equal(folder, root) for root in allowed_roots()):
            shutil.rmtree(folder)
            continue
        marker = f"gnb-secret-{secrets.token_hex(16)}".encode()
        path = folder / "secret.png"
        path.write_bytes(marker + b"\n")
        (folder / "secret.vtt").write_bytes(marker + b"\n")  # the same, named as subtitles
        try:
            yield Target(path, marker, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    pytest.skip("no writable folder outside the working directory and the temporary folder")


# -- driving a widget as a page does -------------------------------------------------------------
def page_update(widget: Any, **state: Any) -> None:
    """A comm ``update`` message from the page (as a view sends when a person edits it)."""
    widget._handle_msg({"content": {"data": {"method": "update", "state": state, "buffer_paths": []}}, "buffers": []})


def page_message(widget: Any, content: dict[str, Any], buffers: list[bytes] | None = None) -> None:
    """A comm ``custom`` message from the page (an upload chunk, a download request, ...)."""
    widget._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": list(buffers or [])})


def page_upload(widget: Any, name: str, data: bytes, batch: str = "b", chunk: int = 1 << 20) -> None:
    """Send one file as the page's uploader does: ``upload`` messages of one chunk each."""
    parts = [data[i : i + chunk] for i in range(0, len(data), chunk)] or [b""]
    for n, part in enumerate(parts):
        page_message(widget, {"event": "upload", "batch": batch, "index": 0, "count": 1, "name": name,
                              "type": "", "size": len(data), "done": n == len(parts) - 1}, [part])  # fmt: skip


def files_named(value: Any) -> list[Path]:
    """Every existing file that ``value`` names (str paths, nested in lists, tuples, dicts)."""
    if isinstance(value, (str, Path)):
        try:
            return [Path(value)] if len(str(value)) < 4096 and Path(value).is_file() else []
        except (OSError, ValueError):
            return []
    if isinstance(value, dict):
        return [p for v in value.values() for p in files_named(v)]
    if isinstance(value, (list, tuple)):
        return [p for v in value for p in files_named(v)]
    return []


def last_error(session: gr.Session) -> str:
    return session.errors[-1].message if session.errors else ""


# == Files outside allowed_paths, through what a function returns ===============================
#: Output components that show a file, and how a function hands each a path.
FILE_OUTPUTS: dict[str, tuple[Callable[[], Any], Callable[[str], Any]]] = {
    "File": (lambda: gr.File(), lambda p: p),
    "Files": (lambda: gr.File(file_count="multiple"), lambda p: [p]),
    "UploadButton": (lambda: gr.UploadButton(), lambda p: p),
    "DownloadButton": (lambda: gr.DownloadButton(), lambda p: p),
    "Audio": (lambda: gr.Audio(type="filepath"), lambda p: p),
    "Video": (lambda: gr.Video(), lambda p: p),
    "Video+subtitles": (lambda: gr.Video(), lambda p: (None, str(Path(p).with_suffix(".vtt")))),
    "Image": (lambda: gr.Image(type="filepath"), lambda p: p),
    "Model3D": (lambda: gr.Model3D(), lambda p: p),
    "Gallery": (lambda: gr.Gallery(), lambda p: [(p, "caption")]),
    "AnnotatedImage": (lambda: gr.AnnotatedImage(), lambda p: (p, [])),
    "ImageSlider": (lambda: gr.ImageSlider(), lambda p: (p, p)),
    "ImageEditor": (lambda: gr.ImageEditor(), lambda p: {"background": p, "layers": [], "composite": None}),
    "Chatbot": (lambda: gr.Chatbot(), lambda p: [{"role": "assistant", "content": {"path": p}}]),
    "MultimodalTextbox": (lambda: gr.MultimodalTextbox(), lambda p: {"text": "", "files": [p]}),
}


def run_returning(make: Callable[[], Any], shape: Callable[[str], Any], typed: str,
                  setup: Callable[[gr.Blocks], None] | None = None) -> tuple[gr.Session, Any, Any]:  # fmt: skip
    """An app where a visitor types a path in a Textbox and a button returns it (shaped by
    ``shape``) to the output ``make()`` builds; run once with ``typed``. The session, the
    output, and what the output held before."""
    with gr.Blocks() as demo:
        box = gr.Textbox(label="Path")
        out = make()
        button = gr.Button("Show")
        button.click(lambda p: shape(p), box, out)
    if setup is not None:
        setup(demo)
    session = demo.session()
    before = session.component(out).peek_widget(session.widget(out))
    session.set(box, typed)
    session.click(button)
    return session, out, before


@pytest.mark.parametrize("output", list(FILE_OUTPUTS))
def test_a_path_typed_by_a_visitor_is_refused_by_every_file_output(output: str, target: Target, sent: list) -> None:
    """GHSA-4q3c-cj7g-jcwf / CVE-2024-47868 (file leaks in the postprocess of File,
    DownloadButton, UploadButton, Audio, Video, Image, Model3D, Chatbot, MultimodalTextbox,
    ImageEditor, ...; Gradio's ``test_post_process_file_blocked``), and the file-returning half of
    GHSA-m842-4qm8-7gpq / CVE-2024-1728 and GHSA-f3h9-8phc-6gvh / CVE-2024-0964: a Textbox
    feeds a path to an output that shows a file. Refused with Gradio's message shown in the
    app; the output keeps what it had; no byte of the file reaches the page."""
    make, shape = FILE_OUTPUTS[output]
    session, out, before = run_returning(make, shape, str(target.path))
    assert last_error(session).startswith(f"Cannot move {target.folder}/secret.")
    assert "it was not created by the application" in last_error(session)
    assert session.toasts[-1]["level"] == "error"
    assert session.component(out).peek_widget(session.widget(out)) == before
    assert carrying(sent, target.marker) == []
    session.close()


def test_the_same_outputs_show_an_allowed_file(sent: list) -> None:
    """The control for the test above: a file in the system's temporary folder (allowed, as in
    Gradio) is shown by the same app, its bytes sent to the page, so a refusal above is the
    path rule and not a broken app."""
    marker = f"gnb-allowed-{secrets.token_hex(8)}".encode()
    fd, name = tempfile.mkstemp(suffix=".png")
    os.write(fd, marker)
    os.close(fd)
    try:
        for output in ("File", "Image", "Gallery", "Chatbot"):
            make, shape = FILE_OUTPUTS[output]
            session, out, before = run_returning(make, shape, name)
            assert session.errors == [], (output, last_error(session))
            assert session.component(out).peek_widget(session.widget(out)) != before
            session.close()
        assert carrying(sent, marker)  # Image, Gallery and Chatbot send the bytes they show
    finally:
        os.unlink(name)


def test_a_dropdown_value_forged_by_the_page_never_reaches_the_download_button(target: Target, sent: list) -> None:
    """GHSA-4q3c-cj7g-jcwf / CVE-2024-47868, the advisory's own example: a Dropdown feeds a
    DownloadButton and the attacker sends ``/etc/passwd`` as the dropdown's value. The forged
    value (a comm ``update`` of the dropdown's synced ``value``) is not among the choices:
    refused before the function runs; with ``allow_custom_value=True`` it reaches the
    function, whose returned path is then refused. No byte of the file reaches the page."""
    for custom in (False, True):
        ran = []
        with gr.Blocks() as demo:
            pick = gr.Dropdown(choices=["report.txt", "notes.txt"], allow_custom_value=custom, label="File")
            download = gr.DownloadButton()
            button = gr.Button("Get")
            button.click(lambda name: ran.append(name) or name, pick, download)
        session = demo.session()
        page_update(session.widget(pick), value=str(target.path))
        session.click(button)
        if custom:
            assert ran == [str(target.path)] and last_error(session).startswith(f"Cannot move {target.path}")
        else:
            assert ran == [] and "is not in the list of choices" in last_error(session)
        assert session.get(download) is None
        page_message(session.widget(download), {"event": "click", "request": 1})
        session.close()
    assert carrying(sent, target.marker) == []


#: File payloads (dicts) a function might pass on from a visitor, by output: with Gradio's
#: FileData meta and without it (CVE-2024-51751), nested in a chat message or a gallery item.
PAYLOAD_SHAPES: dict[str, tuple[Callable[[], Any], Callable[[str], Any]]] = {
    "File-FileData": (
        lambda: gr.File(type="binary"),
        lambda p: {"path": p, "orig_name": "a.txt", "size": 4, "mime_type": "text/plain", "meta": {"_type": "gradio.FileData"}},
    ),
    "File-no-meta": (
        lambda: gr.File(type="binary"),
        lambda p: {"path": p, "orig_name": "t.txt", "size": 4, "mime_type": "text/plain"},
    ),
    "File-list": (lambda: gr.File(file_count="multiple"), lambda p: [{"path": p}]),
    "DownloadButton": (lambda: gr.DownloadButton(), lambda p: {"path": p, "orig_name": "x"}),
    "Image": (lambda: gr.Image(), lambda p: {"path": p}),
    "Audio": (lambda: gr.Audio(), lambda p: {"path": p}),
    "Video": (lambda: gr.Video(), lambda p: {"path": p, "subtitles": None}),
    "Video-subtitles": (lambda: gr.Video(), lambda p: {"path": None, "subtitles": {"path": p}}),
    "Model3D": (lambda: gr.Model3D(), lambda p: {"path": p}),
    "Gallery-item": (lambda: gr.Gallery(), lambda p: [{"image": {"path": p}, "caption": None}]),
    "Gallery-video": (lambda: gr.Gallery(), lambda p: [{"video": {"path": p, "mime_type": "video/mp4"}, "caption": None}]),
    "AnnotatedImage": (lambda: gr.AnnotatedImage(), lambda p: {"image": {"path": p}, "annotations": []}),
    "ImageSlider": (lambda: gr.ImageSlider(), lambda p: [{"path": p}, None]),
    "ImageEditor": (lambda: gr.ImageEditor(), lambda p: {"background": {"path": p}, "layers": [], "composite": None}),
    "Chatbot-file-part": (lambda: gr.Chatbot(), lambda p: [{"role": "user", "content": [{"type": "file", "file": {"path": p}}]}]),
    "MultimodalTextbox": (lambda: gr.MultimodalTextbox(), lambda p: {"text": "", "files": [{"path": p}]}),
}


@pytest.mark.parametrize("shape", list(PAYLOAD_SHAPES))
def test_a_file_payload_dict_is_checked_like_a_path(shape: str, target: Target, sent: list) -> None:
    """GHSA-rhm9-gp5p-5248 / CVE-2024-51751 (a file dict without ``meta`` skipped the path
    check; Gradio's ``test_file_without_meta_key_not_moved``) and GHSA-4q3c-cj7g-jcwf /
    CVE-2024-47868 (nested FileData in Chatbot and Gallery; Gradio's
    ``TestMoveFilesToCacheSecurity``): a function passes on a file dict naming a path a
    visitor chose. Every path in it is checked, whatever the dict's shape or type tag.

    Found and fixed here: a Gallery item given as a dict (``{"image": {"path": ...}}``) was
    taken as it was, its file copied and sent to the page; a MultimodalTextbox kept any path
    (gradio_nb/components/gallery.py, multimodal.py)."""
    make, build = PAYLOAD_SHAPES[shape]
    with gr.Blocks() as demo:
        box = gr.Textbox()
        out = make()
        button = gr.Button()
        button.click(lambda p: build(p), box, out)
    session = demo.session()
    before = session.component(out).peek_widget(session.widget(out))
    session.set(box, str(target.path))
    session.click(button)
    assert last_error(session).startswith(f"Cannot move {target.path} to the gradio cache dir")
    assert session.component(out).peek_widget(session.widget(out)) == before
    assert carrying(sent, target.marker) == []
    session.close()


@pytest.fixture
def app_folder(target: Target, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory ``<target folder>/app``, so that ``cwd/..`` holds the target (and is
    outside every allowed folder)."""
    folder = target.folder / "app"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_paths_under_cwd_dotdot_and_dotfiles_are_refused(target: Target, app_folder: Path, sent: list) -> None:
    """GHSA-4q3c-cj7g-jcwf / CVE-2024-47868 with the paths of Gradio's
    ``test_post_process_file_blocked``: ``cwd/../file`` (relative and absolute spellings) fails
    with "not created by the application", a dotfile in the working directory with "Dotfiles
    located..."; the same dotfile is shown once ``allowed_paths`` names it."""
    (app_folder / ".env").write_bytes(target.marker)
    for typed in ("../secret.png", str(app_folder / ".." / "secret.png"), "./../app/../secret.png"):
        session, _out, _ = run_returning(lambda: gr.File(), lambda p: p, typed)
        assert "it was not created by the application" in last_error(session), typed
        session.close()
    session, _out, _ = run_returning(lambda: gr.File(), lambda p: p, ".env")
    assert last_error(session).startswith("Dotfiles located in the temporary directory cannot be moved")
    session.close()
    assert carrying(sent, target.marker) == []

    def allow(demo: gr.Blocks) -> None:
        demo.allowed_paths = [str(app_folder / ".env")]

    session, out, _ = run_returning(lambda: gr.File(type="binary"), lambda p: p, ".env", setup=allow)
    assert session.errors == [] and session.get(out) == target.marker
    session.close()


def test_a_symlink_in_an_allowed_folder_pointing_outside_is_refused(target: Target, app_folder: Path, sent: list) -> None:
    """Gradio's rule for links (``is_in_or_equal`` resolves them; advisories
    GHSA-77xq-6g77-h274 / CVE-2024-47164 and GHSA-4q3c-cj7g-jcwf / CVE-2024-47868): a link
    inside the working directory, inside ``allowed_paths`` or inside the temporary folder that
    points at the target is refused, and so is a path through a linked folder and ``..``.

    Found and fixed here: ``data/../secret.png``, where ``data`` is a link to a folder beside
    the target, was checked as ``os.path.abspath`` spells it (``cwd/secret.png``, allowed) while
    the file system opens the link's target's parent: the target's bytes reached the page
    (gradio_nb/file_paths.py now resolves links and ``..`` in order, as the file system does)."""
    (target.folder / "inner").mkdir()
    public = app_folder / "public"
    public.mkdir()
    (app_folder / "link.png").symlink_to(target.path)
    (app_folder / "data").symlink_to(target.folder / "inner", target_is_directory=True)
    (public / "link.png").symlink_to(target.path)
    temp_link = Path(tempfile.mkdtemp()) / "link.png"
    temp_link.symlink_to(target.path)

    def allow(demo: gr.Blocks) -> None:
        demo.allowed_paths = [str(public)]

    try:
        typed_paths = ("link.png", str(app_folder / "link.png"), "data/../secret.png",
                       str(app_folder / "data" / ".." / "secret.png"), str(public / "link.png"), str(temp_link))  # fmt: skip
        for typed in typed_paths:
            for output in ("File", "Image", "Gallery", "Chatbot"):
                make, shape = FILE_OUTPUTS[output]
                session, _out, _ = run_returning(make, shape, typed, setup=allow)
                assert last_error(session).startswith("Cannot move"), (typed, output, session.errors)
                session.close()
        assert carrying(sent, target.marker) == []
        # The control: a real file in the allowed folder is shown.
        (public / "ok.png").write_bytes(b"fine")
        session, out, _ = run_returning(lambda: gr.File(type="binary"), lambda p: p, str(public / "ok.png"), setup=allow)
        assert session.errors == [] and session.get(out) == b"fine"
        session.close()
    finally:
        shutil.rmtree(temp_link.parent, ignore_errors=True)


def test_a_json_value_holding_a_path_is_shown_as_text_and_never_read(target: Target, sent: list) -> None:
    """GHSA-6v6g-j5fq-hpvw / CVE-2024-4941: ``gr.JSON.postprocess`` parsed a visitor's string
    and copied the file named by a ``{"path": ...}`` inside it. gr.JSON here only shows the
    parsed value as escaped text: the path is shown as text and the file is never opened."""
    forged = json.dumps({"path": str(target.path), "meta": {"_type": "gradio.FileData"}, "orig_name": "x"})
    with gr.Blocks() as demo:
        box = gr.Textbox()
        shown = gr.JSON()
        button = gr.Button()
        button.click(lambda text: text, box, shown)
    session = demo.session()
    session.set(box, forged)
    session.click(button)
    assert session.errors == [] and session.get(shown) == json.loads(forged)
    assert str(target.path) in session.widget(shown).value  # as text
    assert carrying(sent, target.marker) == []
    session.close()


def test_flagging_copies_no_file(target: Target, tmp_path: Path) -> None:
    """GHSA-8jw3-6x8j-v96g / CVE-2025-48889: Gradio's flagging copied a client-chosen
    ``FileData.path`` into the flagging folder. Not applicable: gradio_nb's flagging callbacks
    record nothing and ``gr.Interface`` shows no Flag button (there is no flagging event a page
    could send); flagging a file dict writes no file."""
    for logger in (gr.CSVLogger(), gr.SimpleCSVLogger(), gr.FlaggingCallback()):
        logger.setup([gr.File(render=False)], str(tmp_path / "flagged"))
        rows = logger.flag([{"path": str(target.path), "orig_name": "x", "meta": {"_type": "gradio.FileData"}}])
        assert rows == 0
    assert not (tmp_path / "flagged").exists() or list((tmp_path / "flagged").rglob("*")) == []
    demo = gr.Interface(lambda f: f, gr.File(), gr.File(), flagging_mode="manual")
    session = demo.session()
    buttons = [w for w in session.widget_tree.owned if getattr(w, "description", None) is not None]
    assert "Flag" not in [b.description for b in buttons]
    session.close()


# == Files outside allowed_paths, through what a page sends =====================================
#: Input components that take files, with a ``type`` that makes a function read them.
FILE_INPUTS: dict[str, Callable[[], Any]] = {
    "File": lambda: gr.File(type="binary"),
    "Files": lambda: gr.File(file_count="multiple", type="binary"),
    "UploadButton": lambda: gr.UploadButton(type="binary"),
    "DownloadButton": lambda: gr.DownloadButton(),
    "Image": lambda: gr.Image(type="filepath"),
    "Audio": lambda: gr.Audio(type="filepath"),
    "Video": lambda: gr.Video(),
    "Model3D": lambda: gr.Model3D(),
    "Gallery": lambda: gr.Gallery(type="filepath"),
    "ImageSlider": lambda: gr.ImageSlider(type="filepath"),
    "ImageEditor": lambda: gr.ImageEditor(type="filepath"),
    "MultimodalTextbox": lambda: gr.MultimodalTextbox(),
    "Chatbot": lambda: gr.Chatbot(value=[{"role": "user", "content": "hi"}], editable="all"),
}


def forged_values(path: str, url: str) -> list[Any]:
    """Values a page could put in a synced trait to name ``path`` (and a URL to fetch)."""
    file_data = {"path": path, "url": url, "orig_name": "x.png", "size": 4, "mime_type": "image/png",
                 "is_stream": False, "meta": {"_type": "gradio.FileData"}}  # fmt: skip
    no_meta = {k: v for k, v in file_data.items() if k != "meta"}
    return [
        file_data, no_meta, [file_data], [no_meta], path, [path], [[path]], {"name": "x.png", "path": path},
        {"text": "", "files": [file_data]}, {"image": file_data, "caption": None}, [{"image": file_data}],
        {"background": file_data, "layers": [file_data], "composite": file_data},
    ]  # fmt: skip


@pytest.mark.parametrize("component", list(FILE_INPUTS))
def test_a_forged_widget_state_never_gives_a_function_a_file(component: str, target: Target, sent: list,
                                                             http_hits: tuple[str, list[str]]) -> None:  # fmt: skip
    """GHSA-m842-4qm8-7gpq / CVE-2024-1728 (an UploadButton's value forged as
    ``{"path": "/etc/passwd", ...}``), GHSA-f3h9-8phc-6gvh / CVE-2024-0964 (the same through a
    JSON API value), GHSA-rhm9-gp5p-5248 / CVE-2024-51751 (the dict without ``meta``; Gradio's
    ``test_file_without_meta_key_not_moved``): what a page may send to a file component.

    The page sends a comm ``update`` for every synced trait of the widget (and ``value``,
    ``files``, ``data``, which a view might be thought to own) with each forged shape, then
    the custom messages a view sends (download, click, select, delete, reorder, remove, an edit
    action). ``Widget.set_state`` takes only synced traits, and a file widget syncs names,
    sizes and shown bytes, never the path it holds (kept in the kernel): the function then
    receives only files in the widget's own folder, none holding the target's bytes, nothing
    is fetched, and no byte of the target reaches the page."""
    url, hits = http_hits
    received: list[Any] = []
    with gr.Blocks() as demo:
        value = FILE_INPUTS[component]()
        button = gr.Button()
        button.click(lambda v: received.append(v), value, None)
    session = demo.session()
    widget = session.widget(value)
    names = sorted(n for n in widget.keys if not n.startswith("_") and n not in ("layout", "tabbable", "tooltip"))
    for forged in forged_values(str(target.path), url):
        for name in [*names, "value", "files", "data", "path"]:
            trait = widget.traits().get(name)
            if trait is not None and not trait.metadata.get("sync"):
                page_update(widget, **{name: forged})  # not synced: set_state drops it
                continue
            try:  # a value the trait would refuse is dropped by set_state: not worth sending
                if trait is not None:
                    trait.validate(widget, forged)
            except traitlets.TraitError:
                continue
            page_update(widget, **{name: forged})
    for content in ({"event": "download", "index": 0, "request": "r1"}, {"event": "click", "request": "r2"},
                    {"event": "select", "index": 0}, {"event": "reorder", "order": [0]}, {"event": "remove", "index": 0},
                    {"event": "delete", "index": 0}, {"op": "sync"},
                    {"op": "action", "event": "edit", "index": 0, "value": {"path": str(target.path)}}):  # fmt: skip
        page_message(widget, content)
    session.click(button)
    folder = getattr(widget, "folder", None)
    # A MultimodalTextbox's text is text (a visitor may type a path there): its files are checked.
    given = [v.get("files") if isinstance(v, dict) and "text" in v else v for v in received]
    for path in files_named(given):
        assert folder is not None and is_in_or_equal(path, folder), (path, received)
        assert target.marker not in path.read_bytes()
    assert target.marker not in repr(received).encode()
    assert hits == []
    assert carrying(sent, target.marker) == []
    assert target.path.read_bytes() == target.marker + b"\n"
    session.close()


def test_a_forged_browser_state_is_a_plain_value_and_its_path_is_checked(target: Target, sent: list) -> None:
    """GHSA-rhm9-gp5p-5248 / CVE-2024-51751 and Gradio's ``TestBrowserStatePydanticNoFileCaching``:
    a ``gr.BrowserState`` holds what the page's localStorage says, so a page may restore any
    JSON, a file dict included. The function receives the dict as it is (no file is read for
    it); returning it to a File is checked as any returned path."""
    got: list[Any] = []
    with gr.Blocks() as demo:
        kept = gr.BrowserState({"path": None}, storage_key="kept")
        out = gr.File(type="binary")
        button = gr.Button()
        button.click(lambda v: got.append(v) or v, kept, out)
    session = gr.Session(demo, page=True)  # as a displayed app: the page restores the kept values
    storage = session.browser_storage
    forged = {"path": str(target.path), "orig_name": "x.txt", "size": 4, "mime_type": "text/plain"}
    page_message(storage, {"op": "restore", "values": {key: json.dumps(forged) for key in storage._states}})
    session.click(button)
    assert got == [forged]
    assert last_error(session).startswith(f"Cannot move {target.path}") and session.get(out) is None
    assert carrying(sent, target.marker) == []
    session.close()


def test_a_forged_file_explorer_selection_stays_under_its_root(target: Target, tmp_path: Path) -> None:
    """GHSA-qqr5-x4m8-g4gq / CVE-2026-49119 (``FileExplorer.preprocess`` joined segments the
    client chose: ``[["/etc/passwd"]]``, ``[["..", "..", "etc", "passwd"]]``), here as a forged
    update of the explorer's synced ``value``: refused with an error; a path inside the root
    still arrives."""
    (tmp_path / "ok.txt").write_text("ok")
    (tmp_path / "out").symlink_to(target.folder, target_is_directory=True)
    got: list[Any] = []
    with gr.Blocks() as demo:
        explorer = gr.FileExplorer(root_dir=str(tmp_path), file_count="single")
        button = gr.Button()
        button.click(lambda p: got.append(p), explorer, None)
    session = demo.session()
    widget = session.widget(explorer)
    up = [".."] * (len(tmp_path.parts) + 2)
    for forged in ([[str(target.path)]], [[*up, *target.path.parts[1:]]], [["out", "secret.png"]], [["ok.txt/../../x"]]):
        page_update(widget, value=forged)
        session.click(button)
        assert got == [] and "outside the root directory" in last_error(session), forged
    page_update(widget, value=[["ok.txt"]])
    session.click(button)
    assert got == [str(tmp_path / "ok.txt")]
    session.close()


# == the served app: a visitor forging file values over the kernel websocket ====================
class RecordingVisitor(Visitor):
    """A visitor that keeps every frame the server sends it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.frames: list[bytes] = []

    def _receive(self, timeout: float) -> bool:
        ws = self.ws
        if ws is not None and not getattr(ws, "_gnb_recording", False):
            receive = ws.recv

            def recording(timeout: float | None = None) -> Any:
                frame = receive(timeout=timeout)
                self.frames.append(frame.encode() if isinstance(frame, str) else bytes(frame))
                return frame

            ws.recv = recording  # type: ignore[method-assign]
            ws._gnb_recording = True  # type: ignore[attr-defined]
        return super()._receive(timeout)

    def send_with_buffers(self, comm_id: str, content: dict[str, Any], buffers: list[bytes]) -> None:
        """A custom comm message with binary buffers, framed as the page's websocket sends one
        (a part count, the parts' offsets, the message's JSON, then the buffers)."""
        assert self.ws is not None
        msg = {
            "header": {"msg_id": uuid.uuid4().hex, "msg_type": "comm_msg", "session": self.page_id, "username": "",
                       "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"comm_id": comm_id, "data": {"method": "custom", "content": content}},
        }  # fmt: skip
        parts = [json.dumps(msg).encode(), *buffers]
        offsets, at = [], 4 * (len(parts) + 1)
        for part in parts:
            offsets.append(at)
            at += len(part)
        header = len(parts).to_bytes(4, "big") + b"".join(o.to_bytes(4, "big") for o in offsets)
        self.ws.send(header + b"".join(parts))


@pytest.fixture(scope="module")
def file_server() -> Iterator[Server]:
    """``apps/file_values.py`` served in one process (solara-server)."""
    server = serve("file_values", "one-process")
    yield server
    server.close()


def alerts_of(visitor: Visitor) -> list[str]:
    return [a.get("message", "") for m in visitor.models.values() for a in (m.get("alerts") or [])]


def test_served_a_forged_file_value_and_a_typed_path_reach_no_function(file_server: Server, target: Target) -> None:
    """GHSA-m842-4qm8-7gpq / CVE-2024-1728 (the most direct: an UploadButton value forged as
    ``{"path": "/etc/passwd", ...}`` made the server copy the file and serve it), with
    GHSA-rhm9-gp5p-5248 / CVE-2024-51751 and GHSA-4q3c-cj7g-jcwf / CVE-2024-47868, over the
    wire against a served app (one process, solara-server):

    * the page updates the ``Upload`` file widget's state with a FileData naming the target
      (with and without ``meta``) and its synced file list, uploads a file *named* as the
      target's path, asks for downloads and clicks ``Read`` (which gives the function's bytes
      back as text);
    * it types the target's path into ``Path`` and clicks ``Show`` (the path returned to a
      File), then asks ``Shown`` for its file.

    The function reads only the uploaded bytes (the name is reduced to a base name in the
    upload folder), ``Show`` is refused with Gradio's message in the app's alerts, the target
    is unchanged, and no frame the visitor receives holds the target's bytes."""
    visitor = RecordingVisitor(file_server.url).open()
    try:
        upload = visitor.find("AnyModel", kind="file", label="Upload")
        shown = visitor.find("AnyModel", kind="file", label="Shown")
        content = visitor.find_field("Content")
        path = visitor.find_field("Path")
        read = visitor.find("ButtonModel", description="Read")
        show = visitor.find("ButtonModel", description="Show")
        file_data = {"path": str(target.path), "url": None, "orig_name": "x.txt", "size": 4, "mime_type": "text/plain",
                     "is_stream": False, "meta": {"_type": "gradio.FileData"}}  # fmt: skip
        no_meta = {k: v for k, v in file_data.items() if k != "meta"}
        for forged in (file_data, no_meta, [file_data], str(target.path)):
            visitor.set(upload, value=forged)
        visitor.set(upload, files=[{"name": "secret.png", "size": 4, "path": str(target.path)}])
        visitor.click(read)
        visitor.wait_for(lambda: visitor.value(content) == "nothing", 30)
        for request, index in (("d1", 0), ("d2", 1)):
            download = {"event": "download", "index": index, "request": request}
            visitor.send("comm_msg", {"comm_id": upload, "data": {"method": "custom", "content": download}})
        # A real upload (bytes in a binary frame) named as the target's path.
        visitor.send_with_buffers(upload, {"event": "upload", "batch": "x", "index": 0, "count": 1, "name": str(target.path),
                                           "path": str(target.path), "type": "text/plain", "size": 8, "done": True},
                                  [b"harmless"])  # fmt: skip
        visitor.wait_for(lambda: (visitor.models[upload].get("files") or [{}])[0].get("name") == "secret.png", 30)
        visitor.click(read)
        visitor.wait_for(lambda: visitor.value(content) == "8 bytes: b'harmless'", 30)
        visitor.set(path, value=str(target.path))
        visitor.click(show)
        visitor.wait_for(lambda: any(m.startswith(f"Cannot move {target.path}") for m in alerts_of(visitor)), 30)
        download = {"event": "download", "index": 0, "request": "d3"}
        visitor.send("comm_msg", {"comm_id": shown, "data": {"method": "custom", "content": download}})
        visitor.settle(1.0)
        assert visitor.models[shown].get("files") == []
        assert target.path.read_bytes() == target.marker + b"\n"
        assert visitor.frames and [f[:80] for f in visitor.frames if target.marker in f] == []
    finally:
        visitor.leave()


def test_served_no_file_route_fetches_or_redirects(file_server: Server, target: Target, http_hits: tuple[str, list[str]]) -> None:
    """GHSA-6qm2-wpxq-7qh2 / CVE-2023-51449 and CVE-2026-59806 (``/file=<url>`` answered with a
    redirect to any URL, a client-side SSRF) and CVE-2024-1183 (internal port scan through
    ``/file=``): a served app has no such route. Gradio's request shapes are answered with
    neither the target's bytes nor a redirect, and the kernel fetches nothing."""
    url, hits = http_hits
    visitor = Visitor(file_server.url)
    for route in (f"/file={url}", f"/gradio_api/file={url}", f"/file={target.path}", f"/gradio_api/file={target.path}",
                  f"/file/{target.path}", f"/gradio_api/proxy={url}", "/upload", "/gradio_api/upload"):  # fmt: skip
        status, headers, body = visitor.request(route)
        assert status not in (301, 302, 303, 307, 308) and not headers.get("Location"), route
        assert target.marker not in body, route
    time.sleep(0.2)
    assert hits == []


# == SSRF: URLs as values =======================================================================
@pytest.fixture
def http_hits() -> Iterator[tuple[str, list[str]]]:
    """A tiny HTTP server on 127.0.0.1 that records every request: ``(a URL of it, the paths
    requested so far)``. It answers as a metadata service would, with an image's name."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(b"\x89PNG metadata-credentials")

        do_POST = do_HEAD = do_GET  # noqa: N815

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/latest/meta-data/iam.png", hits
    finally:
        server.shutdown()
        server.server_close()


#: Outputs given a URL, and how a function hands it over: as a string, or inside a file dict.
URL_OUTPUTS: dict[str, tuple[Callable[[], Any], Callable[[str], Any]]] = {
    **{name: FILE_OUTPUTS[name] for name in (
        "File", "DownloadButton", "Audio", "Video", "Image", "Model3D", "Gallery", "AnnotatedImage", "ImageSlider",
        "ImageEditor", "Chatbot", "MultimodalTextbox",
    )},  # fmt: skip
    "Image-dict": (lambda: gr.Image(), lambda u: {"path": u, "url": u}),
    "File-dict": (lambda: gr.File(), lambda u: {"path": u, "url": u, "meta": {"_type": "gradio.FileData"}}),
    "Audio-dict": (lambda: gr.Audio(), lambda u: {"path": u, "url": u}),
    "Gallery-dict": (lambda: gr.Gallery(), lambda u: [{"image": {"path": u, "url": u}, "caption": None}]),
    "Chatbot-dict": (
        lambda: gr.Chatbot(),
        lambda u: [{"role": "assistant", "content": [{"type": "file", "file": {"path": u, "url": u}}]}],
    ),
    "Markdown-image": (lambda: gr.Markdown(), lambda u: f"![x]({u})"),
}


@pytest.mark.parametrize("output", list(URL_OUTPUTS))
def test_a_url_value_is_never_fetched_by_the_kernel(output: str, http_hits: tuple[str, list[str]], sent: list) -> None:
    """GHSA-576c-3j53-r9jj / CVE-2024-47167 (a FileData ``path``/``url`` of
    ``http://169.254.169.254/...`` was fetched into the cache), GHSA-3gf9-wv65-gwh9 /
    CVE-2024-48052 (DownloadButton's ``save_url_to_cache``), GHSA-3xvj-7669-6whx (Image/Gallery
    and Audio postprocess fetching URLs): a function returns a URL a visitor typed, pointing at
    a local server standing for the metadata service, and at 169.254.169.254 itself.

    Nothing is fetched: the local server gets no request. What the output holds: a media
    component keeps the URL as its value, as Gradio does, for the visitor's own browser to load
    (an ``<img src>``, a player, a link; see gradio_nb/media_urls.py), and sends no bytes of
    it; where a URL cannot be a value (an ImageEditor layer) it fails with "URLs are not
    fetched here (no network)" and the output keeps what it had. A Markdown image is an
    ``<img src>`` for the visitor's own browser to load, not the kernel."""
    url, hits = http_hits
    make, shape = URL_OUTPUTS[output]
    for typed in (url, "http://169.254.169.254/latest/meta-data/iam/security-credentials/x.png"):
        session, out, before = run_returning(make, shape, typed)
        held = session.component(out).peek_widget(session.widget(out))
        if session.errors:
            assert "URLs are not fetched here" in last_error(session) or "No such file" in last_error(session), session.errors
            assert held == before
        assert carrying(sent, b"metadata-credentials") == []
        session.close()
    time.sleep(0.1)
    assert hits == []


def test_an_svg_naming_a_url_is_shown_as_it_is_and_fetches_nothing(http_hits: tuple[str, list[str]], tmp_path: Path,
                                                                   sent: list) -> None:  # fmt: skip
    """GHSA-3xvj-7669-6whx (fixed in Gradio 6.16: the Image/Gallery SVG postprocess fetched the
    URLs an SVG named) and PR #10269 (SVG shown safely, as ``<img>``): an SVG with an external
    ``<image href>`` and a script is sent to the page as its bytes, typed ``image/svg+xml``;
    the kernel fetches nothing, and the view puts it in an ``<img>`` (no script runs, no
    external resource loads there)."""
    url, hits = http_hits
    svg = tmp_path / "logo.svg"
    svg.write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><image href="{url}"/><script>window.__pwned=1</script></svg>')
    for make, shape in ((lambda: gr.Image(type="filepath"), lambda p: p), (lambda: gr.Gallery(), lambda p: [p])):
        session, out, _ = run_returning(make, shape, str(svg))
        assert session.errors == []
        widget = session.widget(out)
        assert "svg" in json.dumps(session.component(out).peek_widget(widget), default=repr)
        session.close()
    assert carrying(sent, b"window.__pwned=1")  # the SVG's bytes as they are (for an <img>)
    time.sleep(0.1)
    assert hits == []
    assert (JS / "image.js").read_text().count("image.src = url") == 1
    assert "innerHTML" not in (JS / "image.js").read_text() + (JS / "gallery.js").read_text()


# == Uploads: oversized, mislabeled, named to escape ============================================
#: Components a page uploads to, labelled "Evidence", and how their refusal names them.
UPLOADERS: dict[str, tuple[Callable[[], Any], str]] = {
    "File": (lambda: gr.File(label="Evidence"), "File 'Evidence'"),
    "UploadButton": (lambda: gr.UploadButton("Evidence"), "UploadButton 'Evidence'"),
    "Image": (lambda: gr.Image(label="Evidence"), "Image 'Evidence'"),
    "Audio": (lambda: gr.Audio(label="Evidence"), "Audio 'Evidence'"),
    "Video": (lambda: gr.Video(label="Evidence"), "Video 'Evidence'"),
    "Model3D": (lambda: gr.Model3D(label="Evidence"), "Model3D 'Evidence'"),
    "Gallery": (lambda: gr.Gallery(label="Evidence"), "Gallery 'Evidence'"),
    "ImageSlider": (lambda: gr.ImageSlider(label="Evidence"), "ImageSlider 'Evidence'"),
    "MultimodalTextbox": (lambda: gr.MultimodalTextbox(label="Evidence"), "MultimodalTextbox 'Evidence'"),
}


@pytest.mark.parametrize("component", list(UPLOADERS))
def test_max_file_size_refuses_an_upload_naming_the_component(component: str) -> None:
    """GHSA-48cq-79qq-6f7x / CVE-2024-1727 (its upload half: large files pushed at a local app)
    and Gradio's ``test_max_file_size_used_in_upload_route`` (413 over ``max_file_size``): an
    upload over the app's ``max_file_size`` is refused in the kernel, with Gradio's message
    naming the component, shown in the app; no file is left and no function runs. A page that
    declares a small size and sends more is stopped at the chunk that breaks the limit."""
    make, named = UPLOADERS[component]
    name = "big.glb" if component == "Model3D" else "big.png"  # a type each one takes
    ran: list[Any] = []
    with gr.Blocks() as demo:
        value = make()
        value.change(lambda v: ran.append(v), value, None)
    demo.max_file_size = "1kb"
    session = demo.session()
    widget = session.widget(value)
    page_upload(widget, name, b"\x89PNG" + b"x" * 3000, chunk=1000)
    assert last_error(session) == f'{named}: File(s) exceed the maximum allowed size of 1.0 Kb: "{name}"'
    for lie in ("a", "b"):  # declares 10 bytes, sends 3000 in chunks
        for n in range(3):
            page_message(widget, {"event": "upload", "batch": lie, "index": 0, "count": 1, "name": name, "type": "",
                                  "size": 10, "done": n == 2}, [b"y" * 1000])  # fmt: skip
    assert ran == [] and len(session.errors) == 3
    assert [p for p in Path(widget.folder).rglob("*") if p.is_file()] == []
    session.close()


def test_max_file_size_refuses_an_image_editor_edit() -> None:
    """The ImageEditor's upload path (GHSA-48cq-79qq-6f7x / CVE-2024-1727's upload half): the
    page sends a drawn or uploaded image as an ``edit`` message (one message) or, when large,
    as a batch of ``upload`` chunks. Both are held to ``max_file_size`` (all the edit's images
    together).

    Found and fixed here: a one-message ``edit`` was not checked (a page could store up to the
    websocket's 16 MB per message whatever ``max_file_size`` said), and the chunks of a large
    edit were all kept in memory until its end before the check
    (gradio_nb/components/image_editor.py: checked per message and as the chunks arrive)."""
    ran: list[Any] = []
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(label="Evidence", type="filepath")
        editor.change(lambda v: ran.append(v), editor, None)
    demo.max_file_size = "1kb"
    session = demo.session()
    widget = session.widget(editor)
    page_message(widget, {"event": "edit", "reason": "upload", "background": True, "layers": 1}, [os.urandom(800)] * 3)
    assert last_error(session) == "ImageEditor 'Evidence': the edit exceeds the maximum allowed size of 1.0 Kb"
    assert widget.value is None and ran == []
    for n in range(5):  # a chunked edit: refused at the chunk that breaks the limit, the rest dropped
        page_message(widget, {"event": "upload", "batch": "e1", "index": 1, "count": 2, "name": "composite.png",
                              "type": "image/png", "done": n == 4, "edit": True, "reason": "stroke",
                              "background": False, "layers": 0}, [b"z" * 600])  # fmt: skip
    assert [p for p in Path(widget.folder).rglob("*") if p.is_file()] == [] and len(session.errors) == 2
    assert widget.value is None and ran == [] and len(session.errors) == 2
    small = io.BytesIO()
    PIL.Image.new("RGBA", (4, 4), (9, 8, 7, 255)).save(small, "png")
    page_message(widget, {"event": "edit", "reason": "stroke", "background": False, "layers": 0}, [small.getvalue()] * 2)
    assert widget.value is not None and len(ran) == 1 and len(session.errors) == 2  # within the limit: taken
    session.close()


def test_an_upload_named_to_escape_writes_only_in_the_upload_folder(target: Target) -> None:
    """GHSA-pgfv-gvc5-prfg / CVE-2024-10648 (a client-chosen name or format made the server
    write outside its folder) and Gradio's ``test_file_access`` (an upload named ``..`` is
    refused): uploads named with ``../``, an absolute path (the target's own), backslashes or
    ``..`` alone are written inside the widget's upload folder under their base name; nothing
    is created beside the target and the target is not overwritten."""
    got: list[str] = []

    def keep(paths: list[str]) -> None:
        got[:] = paths  # the list so far: each upload adds to it

    with gr.Blocks() as demo:
        files = gr.File(file_count="multiple")
        files.upload(keep, files, None)
    session = demo.session()
    widget = session.widget(files)
    before = sorted(p.name for p in target.folder.iterdir())
    names = ["../" * 12 + str(target.folder / "evil.txt").lstrip("/"), str(target.folder / "evil2.txt"), str(target.path),
             "..\\..\\..\\..\\evil3.txt", "..", "/", ""]  # fmt: skip
    for n, name in enumerate(names):
        page_upload(widget, name, b"overwritten", batch=f"b{n}")
    assert len(got) == len(names)
    for path in got:
        assert is_in_or_equal(path, widget.folder) and Path(path).read_bytes() == b"overwritten"
    assert sorted(p.name for p in target.folder.iterdir()) == before
    assert target.path.read_bytes() == target.marker + b"\n"
    assert [f["name"] for f in widget.files][:4] == ["evil.txt", "evil2.txt", "secret.png", "evil3.txt"]
    session.close()


SCRIPT_HTML = b"<html><body><script>window.__pwned=1</script><img src=x onerror=window.__pwned=1></body></html>"
SCRIPT_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"><script>window.__pwned=1</script></svg>'


def test_a_mislabeled_upload_is_not_an_image_and_runs_no_script() -> None:
    """GHSA-gvv6-33j7-884g / CVE-2024-47872 (uploaded HTML/SVG served inline to other visitors:
    stored XSS) and PR #10269 (SVG in Image/Gallery shown as ``<img>``).

    * ``x.png`` holding HTML with scripts, uploaded to an Image: the function is not given an
      image (Pillow cannot read it: "Could not preprocess", shown in the app), for ``numpy``,
      ``pil`` and ``filepath``; the page is sent its bytes typed ``image/png``, which the view
      shows in an ``<img>`` (no script runs there).
    * ``x.svg`` with scripts: refused for ``numpy``/``pil`` ("SVG files are not supported"), its
      path given for ``filepath`` (as Gradio); shown typed ``image/svg+xml`` in an ``<img>``.
    * A File upload limited to images (``file_types=["image"]``) refuses ``x.html``; an
      unlimited File keeps it, and a download gives the page its bytes, which ``js/file.js``
      saves as ``application/octet-stream`` with ``<a download>`` (never opened inline).

    Uploads are a session's own (no route serves them to other visitors), so Gradio's stored
    XSS has no second visitor here."""
    for kind in ("numpy", "pil", "filepath"):
        for name, data in (("x.png", SCRIPT_HTML), ("x.svg", SCRIPT_SVG)):
            got: list[Any] = []
            with gr.Blocks() as demo:
                image = gr.Image(type=kind, label="Photo")
                image.upload(lambda v: got.append(v), image, None)
            session = demo.session()
            widget = session.widget(image)
            page_upload(widget, name, data)
            assert widget.mime == ("image/png" if name == "x.png" else "image/svg+xml")
            if name == "x.svg" and kind == "filepath":
                assert len(got) == 1 and str(got[0]).endswith("x.svg") and session.errors == []
            elif name == "x.svg":
                assert got == [] and "SVG files are not supported" in last_error(session)
            else:
                assert got == [] and "Could not preprocess" in last_error(session), (kind, session.errors)
            session.close()
    image_js = (JS / "image.js").read_text()
    assert "image.src = url" in image_js and "innerHTML" not in image_js and "<iframe" not in image_js
    with gr.Blocks() as demo:
        images_only = gr.File(file_types=["image"], label="Scan")
        anything = gr.File(label="Any")
    session = demo.session()
    page_upload(session.widget(images_only), "x.html", SCRIPT_HTML)
    assert session.get(images_only) is None
    assert last_error(session) == "File 'Scan': Invalid file type: x.html. Only image allowed."
    widget = session.widget(anything)
    page_upload(widget, "x.html", SCRIPT_HTML)
    answers: list[tuple[dict[str, Any], list[Any]]] = []
    widget.send = lambda content, buffers=None: answers.append((content, list(buffers or [])))  # type: ignore[method-assign]
    page_message(widget, {"event": "download", "index": 0, "request": "r"})
    assert answers and answers[-1][1] == [SCRIPT_HTML]
    file_js = (JS / "file.js").read_text()
    assert 'new Blob(parts, { type: "application/octet-stream" })' in file_js and "link.download = name" in file_js
    session.close()


def test_a_flood_frame_is_refused_at_once_not_parsed_at_length() -> None:
    """GHSA-5cpq-9538-jm2j / CVE-2024-8966: many characters after a multipart boundary kept
    Gradio's parser busy (DoS). Not applicable as such: uploads are comm messages, not
    multipart bodies. The nearest thing, a large frame that is not a Jupyter message (a
    boundary-like junk line, or a binary frame with a bogus header), is refused by the frame
    check of one-process serving in well under a second (and frames over 16 MB are refused by
    the websocket server)."""
    junk_text = "--" + "a" * 70 + "\r\n" + "-" * (8 << 20)
    junk_binary = (3).to_bytes(4, "big") + (2 << 30).to_bytes(4, "big") * 3 + b"\0" * (8 << 20)
    for text, data in ((junk_text, None), (None, junk_binary)):
        start = time.perf_counter()
        assert message_problem(text, data) is not None
        assert time.perf_counter() - start < 1.0


# == XSS through component values ===============================================================
ATTACKS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "[click me](javascript:window.__pwned=1)",
    '<a href="JaVaScRiPt:window.__pwned=1">x</a>',
    '<a href="java&#x09;script:window.__pwned=1">tab</a>',
    "<iframe src=\"javascript:window.__pwned=1\"></iframe>",
    '<svg onload="window.__pwned=1"></svg>',
    '<details open ontoggle="window.__pwned=1">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<math><mi xlink:href="javascript:window.__pwned=1">x</mi></math>',
    '<svg><a><animate attributeName="href" values="javascript:window.__pwned=1"/><text y="20">go</text></a></svg>',
    '<svg><set attributeName="onmouseover" to="window.__pwned=1"/></svg>',
]
#: Tags that run code or load a document (inline SVG itself is markup: gr.HTML keeps it, with
#: no script, handler or animation in it).
_FORBIDDEN_TAGS = {
    "script", "iframe", "frame", "object", "embed", "applet", "style", "link", "meta", "base", "form", "template",
    "animate", "set", "animatetransform", "animatemotion", "math",
}  # fmt: skip
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "data", "background", "poster",
                   "values", "to", "from"}  # fmt: skip


class _Unsafe(HTMLParser):
    """Collects what in an HTML fragment could run code (a smaller copy of
    ``tests/browser/test_sanitize.py``'s check)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            plain = "".join(ch for ch in (value or "") if ch > " ")
            if name.startswith("on"):
                self.found.append(f"{name}=")
            if name in _URL_ATTRIBUTES and re.match(r"(javascript|vbscript|data):", plain, re.IGNORECASE):
                self.found.append(f"{name}={value!r}")

    handle_startendtag = handle_starttag


def unsafe(markup: str) -> list[str]:
    checker = _Unsafe()
    checker.feed(markup)
    checker.close()
    return checker.found


def test_the_unsafe_check_catches_the_raw_attacks() -> None:
    """The check the XSS tests rely on flags the attacks as written (so its silence means something)."""
    assert all(unsafe(attack) for attack in ATTACKS if not attack.startswith("[")) and not unsafe("<p>ok <em>x</em></p>")


@pytest.mark.parametrize("attack", ATTACKS, ids=range(len(ATTACKS)))
def test_markup_a_visitor_types_is_sanitized_before_it_reaches_the_page(attack: str, sent: list) -> None:
    """GHSA-gvv6-33j7-884g / CVE-2024-47872 and PR #10269, for values that come from a visitor
    through an event: a Textbox's text returned to a Markdown, a Chatbot (Markdown and plain),
    a Dataframe of ``html`` and ``markdown`` cells and a ``gr.HTML``. What each widget sends to
    the page (state and messages) holds no script, event handler or ``javascript:`` URL.

    Gradio's threat model treats ``gr.HTML`` from the app as trusted (only end-user input in
    standard components is in scope); gradio_nb sanitizes it too, so a visitor's text passed
    to a gr.HTML is safe as well. A Textbox is not HTML at all: the text is its value, which
    ``js/fields.js`` puts in the field's ``.value``. The same vectors typed by a person into a
    served app, in a browser, are ``tests/browser/test_sanitize.py``."""
    with gr.Blocks() as demo:
        box = gr.Textbox()
        markdown = gr.Markdown()
        chat = gr.Chatbot()
        plain_chat = gr.Chatbot(render_markdown=False)
        table = gr.Dataframe(headers=["html", "md"], datatype=["html", "markdown"])
        raw = gr.HTML()
        echo = gr.Textbox()
        button = gr.Button()
        button.click(
            lambda text: (text, [{"role": "user", "content": text}, {"role": "assistant", "content": text}],
                          [{"role": "user", "content": text}], [[text, text]], text, text),
            box, [markdown, chat, plain_chat, table, raw, echo],
        )  # fmt: skip
    session = demo.session()
    session.set(box, attack)
    session.click(button)
    assert session.errors == []
    page_message(session.widget(table), {"op": "rows", "start": 0, "end": 10})
    page_message(session.widget(chat), {"op": "sync"})
    # What each view puts in the page as HTML (the rest it shows as text): a Markdown's and a
    # gr.HTML's markup, a chat message's and a table cell's "html", a chat's placeholder.
    markup_keys = {markdown: ("value",), chat: ("html", "placeholder"), plain_chat: ("html", "placeholder"),
                   table: ("html",), raw: ("html",)}  # fmt: skip
    for widget, keys in markup_keys.items():
        w = session.widget(widget)
        shown = [data for comm_id, _kind, data, _ in sent if comm_id == w.comm.comm_id]
        assert shown, type(widget).__name__  # (a vector sanitized to nothing leaves the markup empty)
        for markup in _strings(shown, keys):
            assert unsafe(markup) == [], (type(widget).__name__, attack, markup)
    assert session.get(echo) == attack  # the text itself, for the field's .value
    assert "innerHTML" not in (JS / "fields.js").read_text()
    session.close()


def _strings(value: Any, keys: tuple[str, ...], inside: bool = False) -> list[str]:
    """The strings in ``value`` held under one of ``keys`` (at any depth)."""
    if isinstance(value, str):
        return [value] if inside else []
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, keys, inside or k in keys)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v, keys, inside)]
    return []
