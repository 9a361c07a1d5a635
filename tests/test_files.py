"""gr.File, gr.Files, gr.UploadButton, gr.DownloadButton: values in and out as Gradio's, the file
list the page shows (names and sizes, no bytes), bytes sent on demand in binary chunks, uploads
from the page, events with their data, allowed paths, per-session cleanup."""

from __future__ import annotations

import os
from pathlib import Path

import ipywidgets
import pytest

import gradio_nb as gr
from gradio_nb.components import file as file_module
from gradio_nb.components.file import DownloadButton, File, Files, FileWidget, UploadButton
from gradio_nb.event_data import DeletedFileData, DownloadData, SelectData
from gradio_nb.file_paths import InvalidPathError


def play_upload(widget, files, chunk=4, declare_size=True, batch="b1"):
    """Send ``files`` ([(name, bytes)]) as the page does: one message per chunk, binary buffers."""
    for index, (name, data) in enumerate(files):
        parts = [data[i : i + chunk] for i in range(0, len(data), chunk)] or [b""]
        for n, part in enumerate(parts):
            content = {"event": "upload", "batch": batch, "index": index, "count": len(files), "name": name,
                       "type": "", "done": n == len(parts) - 1}
            if declare_size:
                content["size"] = len(data)
            widget._handle_custom_msg(content, [memoryview(part)])


def sent(widget, monkeypatch):
    """Record what the kernel sends the view: [(content, buffers)]."""
    messages = []
    monkeypatch.setattr(widget, "send", lambda content, buffers=None: messages.append((content, buffers or [])))
    return messages


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"hello file")
    return path


def files_left(widget):
    return [p for p in Path(widget.folder).rglob("*") if p.is_file()]


# -- values ------------------------------------------------------------------------------------
def test_single_filepath_receives_a_copy_with_the_name(sample):
    with gr.Blocks() as demo:
        f = File()
    sess = demo.session()
    sess.set(f, str(sample))
    got = sess.get(f)
    w = sess.widget(f)
    assert isinstance(got, str) and Path(got).name == "report.txt" and got != str(sample)
    assert Path(w.folder) in Path(got).parents and Path(got).read_bytes() == b"hello file"
    assert w.files == [{"name": "report.txt", "size": 10}]


def test_binary_and_multiple(sample, tmp_path):
    other = tmp_path / "b.csv"
    other.write_bytes(b"1,2")
    with gr.Blocks() as demo:
        single_bin = File(type="binary")
        many = File(file_count="multiple")
        many_bin = Files(type="binary")
    sess = demo.session()
    sess.set(single_bin, sample)  # a Path is a path too
    sess.set(many, [str(sample), str(other)])
    sess.set(many_bin, str(sample))  # one file into a multiple component: a list of one
    assert sess.get(single_bin) == b"hello file"
    assert [Path(p).name for p in sess.get(many)] == ["report.txt", "b.csv"]
    assert sess.get(many_bin) == [b"hello file"]
    assert Files().file_count == "multiple"
    assert sess.widget(many).files == [{"name": "report.txt", "size": 10}, {"name": "b.csv", "size": 3}]


def test_postprocess_payload_is_gradios_filedata(sample):
    payload = File().postprocess(str(sample))
    assert payload == {"path": str(sample), "orig_name": "report.txt", "size": 10, "mime_type": None}
    assert File().postprocess([str(sample)]) == [payload]
    assert File().postprocess(None) is None and File().preprocess(None) is None
    with pytest.raises(FileNotFoundError):
        File().postprocess("/no/such/file.bin")
    # A URL is kept, unfetched (tests/test_media_values.py)
    assert File().postprocess("https://example.com/a.pdf")["path"] == "https://example.com/a.pdf"


def test_constructor_checks_as_gradio():
    with pytest.raises(ValueError, match="file_count must be one of"):
        File(file_count="many")
    with pytest.raises(ValueError, match="file_types must be a list"):
        File(file_types=".pdf")
    with pytest.raises(ValueError, match="Invalid value for parameter `type`"):
        File(type="file")
    with pytest.raises(ValueError, match="Invalid value for parameter `type`"):
        UploadButton(type="numpy")
    with pytest.warns(UserWarning, match="ignored"):
        UploadButton(file_count="directory", file_types=[".txt"])


def test_returned_file_list_no_bytes_in_the_page_state(sample):
    with gr.Blocks() as demo:
        out = File()
        btn = gr.Button()
        btn.click(lambda: [str(sample), str(sample)], None, out)
    sess = demo.session()
    sess.click(btn)
    w = sess.widget(out)
    assert isinstance(w, FileWidget)
    assert w.files == [{"name": "report.txt", "size": 10}] * 2
    _, _, buffers = ipywidgets.widgets.widget._remove_buffers(w.get_state())
    assert buffers == []  # nothing of the file is sent in advance
    assert "value" not in w.get_state()  # the payload stays in the kernel
    assert not sess.errors


def test_file_types_refused_at_preprocess_with_gradios_message(tmp_path):
    bad = tmp_path / "x.exe"
    bad.write_bytes(b"MZ")
    with gr.Blocks() as demo:
        f = File(file_types=[".pdf", "image"])
        out = gr.Textbox()
        f.change(lambda p: p, f, out)
    sess = demo.session()
    sess.set(f, str(bad))
    assert sess.errors[-1].message == (
        "Invalid file type. Please upload a file that is one of these formats: ['.pdf', 'image']"
    )
    assert sess.widget(f).accept == ".pdf, image/*"


# -- downloads ---------------------------------------------------------------------------------
def test_click_sends_the_bytes_then_and_fires_download(sample, monkeypatch):
    got = []
    with gr.Blocks() as demo:
        f = File(str(sample))

        def on_download(evt: gr.DownloadData):
            got.append((evt.file.path, evt.file["orig_name"]))

        f.download(on_download, None, None)
    sess = demo.session()
    w = sess.widget(f)
    messages = sent(w, monkeypatch)
    w._handle_custom_msg({"event": "download", "index": 0, "request": "r1"}, [])
    assert len(messages) == 1
    content, buffers = messages[0]
    assert content == {"event": "download_data", "request": "r1", "name": "report.txt", "mime": "text/plain", "done": True}
    assert b"".join(bytes(b) for b in buffers) == b"hello file"
    assert got == [(w.value["path"], "report.txt")]


def test_big_file_goes_in_chunks(tmp_path, monkeypatch):
    data = os.urandom(file_module.CHUNK * 2 + 123)
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    with gr.Blocks() as demo:
        f = File(str(path))
    sess = demo.session()
    w = sess.widget(f)
    messages = sent(w, monkeypatch)
    w._handle_custom_msg({"event": "download", "index": 0, "request": "r"}, [])
    assert [m[0]["done"] for m in messages] == [False, False, True]
    assert b"".join(bytes(b) for _, bufs in messages for b in bufs) == data
    assert all(len(bufs) == 1 and len(bufs[0]) <= file_module.CHUNK for _, bufs in messages)


def test_download_button_click_saves_and_fires_click(sample, monkeypatch):
    clicks = []
    with gr.Blocks() as demo:
        d = DownloadButton("Get it", str(sample))
        d.click(lambda p: clicks.append(Path(p).name), d, None)
    sess = demo.session()
    w = sess.widget(d)
    assert w.kind == "download_button" and w.label == "Get it"
    messages = sent(w, monkeypatch)
    w._handle_custom_msg({"event": "click", "request": "q"}, [])
    assert clicks == ["report.txt"]
    assert b"".join(bytes(b) for b in messages[0][1]) == b"hello file" and messages[0][0]["name"] == "report.txt"
    assert DownloadButton().postprocess(str(sample)) == {"path": str(sample), "orig_name": "report.txt"}
    sess.click(d)  # headless: the event only
    assert clicks == ["report.txt", "report.txt"]
    sess.set(d, None)
    w._handle_custom_msg({"event": "click", "request": "e"}, [])
    assert messages[-1] == ({"event": "download_data", "request": "e", "done": True, "empty": True}, [])


# -- uploads and events ------------------------------------------------------------------------
def test_upload_reaches_the_function_then_upload_and_change_fire():
    log = []
    with gr.Blocks() as demo:
        f = File()
        f.upload(lambda p: log.append(("upload", Path(p).name, Path(p).read_bytes())), f, None)
        f.change(lambda p: log.append(("change", Path(p).name if p else None)), f, None)
    sess = demo.session()
    w = sess.widget(f)
    play_upload(w, [("notes.md", b"# title\nbody")])
    assert ("upload", "notes.md", b"# title\nbody") in log and ("change", "notes.md") in log
    assert w.files == [{"name": "notes.md", "size": 12}]


def test_multiple_uploads_add_files_and_delete_clear_select():
    log = []
    with gr.Blocks() as demo:
        f = File(file_count="multiple")

        def on_delete(evt: gr.DeletedFileData):
            log.append(("delete", Path(evt.file.path).name, evt.file.orig_name))

        def on_select(evt: gr.SelectData):
            log.append(("select", evt.index, evt.value))

        f.delete(on_delete, None, None)
        f.select(on_select, None, None)
        f.clear(lambda: log.append(("clear",)), None, None)
    sess = demo.session()
    w = sess.widget(f)
    play_upload(w, [("a.txt", b"aa"), ("b.txt", b"bbb")])
    play_upload(w, [("c.txt", b"c")], batch="b2")
    assert [Path(p).name for p in sess.get(f)] == ["a.txt", "b.txt", "c.txt"]
    w._handle_custom_msg({"event": "select", "index": 1}, [])
    w._handle_custom_msg({"event": "delete", "index": 0}, [])
    assert [Path(p).name for p in sess.get(f)] == ["b.txt", "c.txt"]
    w._handle_custom_msg({"event": "reorder", "order": [1, 0]}, [])
    assert [Path(p).name for p in sess.get(f)] == ["c.txt", "b.txt"]
    w._handle_custom_msg({"event": "clear"}, [])
    assert sess.get(f) is None and w.files == []
    assert log == [("select", 1, "b.txt"), ("delete", "a.txt", "a.txt"), ("clear",)]


def test_event_data_classes_headless(sample):
    seen = []
    with gr.Blocks() as demo:
        f = File(str(sample))

        def on_select(evt: gr.SelectData):
            seen.append(type(evt))

        def on_delete(evt: gr.DeletedFileData):
            seen.append(type(evt))

        def on_download(evt: gr.DownloadData):
            seen.append(type(evt))

        f.select(on_select, None, None)
        f.delete(on_delete, None, None)
        f.download(on_download, None, None)
    sess = demo.session()
    sess.trigger(f, "select", {"index": 0, "value": "report.txt"})
    sess.trigger(f, "delete", {"path": "x", "orig_name": "x"})
    sess.trigger(f, "download", {"path": "x", "orig_name": "x"})
    assert seen == [SelectData, DeletedFileData, DownloadData]


def test_a_static_file_is_not_editable():
    with gr.Blocks() as demo:
        out = File()
        btn = gr.Button()
        btn.click(lambda: None, None, out)
    sess = demo.session()
    w = sess.widget(out)
    assert w.disabled
    play_upload(w, [("a.txt", b"aa")])
    assert sess.get(out) is None and files_left(w) == []


def test_upload_button_click_upload_and_value():
    log = []
    with gr.Blocks() as demo:
        u = UploadButton("Pick files", file_count="multiple", type="binary", variant="primary")
        u.click(lambda: log.append("click"), None, None)
        u.upload(lambda files: log.append(files), u, None)
    sess = demo.session()
    w = sess.widget(u)
    assert (w.kind, w.label, w.variant, w.disabled) == ("upload_button", "Pick files", "primary", False)
    w._handle_custom_msg({"event": "click"}, [])
    play_upload(w, [("a.bin", b"\x00\x01"), ("b.bin", b"\x02")])
    assert log == ["click", [b"\x00\x01", b"\x02"]]
    play_upload(w, [("c.bin", b"\x03")], batch="b2")
    assert sess.get(u) == [b"\x03"]  # a new pick replaces the files


def test_upload_button_single_filepath_and_update():
    with gr.Blocks() as demo:
        u = UploadButton(file_types=[".csv"])
        btn = gr.Button()
        btn.click(lambda: gr.update(file_types=[".json", "text"], label="JSON please"), None, u)
    sess = demo.session()
    w = sess.widget(u)
    assert w.label == "Upload a File" and w.accept == ".csv"
    play_upload(w, [("t.csv", b"a,b")])
    got = sess.get(u)
    assert isinstance(got, str) and Path(got).name == "t.csv"
    sess.click(btn)
    assert w.accept == ".json, text/*" and w.label == "JSON please"


def test_updatable_props():
    assert {"file_count", "file_types", "type", "height", "allow_reordering", "label"} <= set(File.UPDATABLE)
    assert {"variant", "size", "type", "file_count", "file_types"} <= set(UploadButton.UPDATABLE)
    assert {"variant", "size"} <= set(DownloadButton.UPDATABLE)
    assert File.EVENTS == ("change", "select", "clear", "upload", "delete", "download")
    assert UploadButton.EVENTS == ("change", "click", "upload")
    assert DownloadButton.EVENTS == ("change", "click")


# -- allowed paths -----------------------------------------------------------------------------
def test_returning_a_path_outside_the_allowed_folders_is_refused():
    with gr.Blocks() as demo:
        out = File()
        dl = DownloadButton()
        btn = gr.Button()
        btn2 = gr.Button()
        btn.click(lambda: "/etc/hostname", None, out)
        btn2.click(lambda: "/etc/hostname", None, dl)
    sess = demo.session()
    sess.click(btn)
    sess.click(btn2)
    assert [(e.title, e.type) for e in sess.errors] == [("Error", "Error")] * 2
    assert sess.errors[0].message.startswith("Cannot move /etc/hostname to the gradio cache dir because it was not created")
    assert "or add /etc to the allowed_paths parameter of launch()." in sess.errors[0].message
    assert sess.get(out) is None and sess.get(dl) is None
    demo.allowed_paths = ["/etc"]
    sess.click(btn)
    assert len(sess.errors) == 2 and Path(sess.get(out)).read_bytes() == Path("/etc/hostname").read_bytes()


def test_blocked_paths_win_and_defaults_are_not_checked(sample):
    with gr.Blocks() as demo:
        out = File("/etc/hostname")  # a declared value is not a function's return: as Gradio, kept
        btn = gr.Button()
        btn.click(lambda: str(sample), None, out)
    demo.blocked_paths = [str(sample.parent)]
    sess = demo.session()
    assert Path(sess.get(out)).name == "hostname"
    sess.click(btn)
    assert "it is located in one of the blocked_paths" in sess.errors[-1].message
    with pytest.raises(InvalidPathError):
        from gradio_nb.file_paths import check_allowed

        check_allowed(sample, demo)


# -- cleanup -----------------------------------------------------------------------------------
def test_sessions_leave_no_upload_behind(sample):
    with gr.Blocks() as demo:
        f = File()
        u = UploadButton()
        out = File()
        f.upload(lambda p: p, f, out)
    folders = []
    for i in range(100):
        sess = demo.session()
        play_upload(sess.widget(f), [(f"f{i}.txt", b"x" * 50)])
        play_upload(sess.widget(u), [(f"u{i}.txt", b"y" * 20)])
        folders += [sess.widget(c).folder for c in (f, u, out)]
        assert Path(sess.get(out)).is_file()
        sess.close()
    assert len(set(folders)) == 300
    assert not any(Path(folder).exists() for folder in folders)


def test_deleted_and_downloaded_file_read_as_attributes_headless(tmp_path: Path) -> None:
    """``sess.trigger`` with the plain dict a page sends: ``evt.file.path`` works as in Gradio."""
    doc = tmp_path / "doc.txt"
    doc.write_text("x")
    seen = []
    with gr.Blocks() as demo:
        f = gr.File(str(doc))

        def on_delete(evt: gr.DeletedFileData):
            seen.append(("delete", evt.file.path, evt.file["orig_name"]))

        def on_download(evt: gr.DownloadData):
            seen.append(("download", evt.file.path, isinstance(evt.file, gr.FileData)))

        f.delete(on_delete, None, None)
        f.download(on_download, None, None)
    sess = demo.session()
    sess.trigger(f, "delete", {"path": str(doc), "orig_name": "doc.txt"})
    sess.trigger(f, "download", {"path": str(doc)})
    assert seen == [("delete", str(doc), "doc.txt"), ("download", str(doc), True)]
    sess.close()


def test_a_returned_payload_dict_is_no_way_round_the_allowed_paths() -> None:
    """``{"path": ...}`` returned as is is checked like a returned path (File, Image, Video)."""
    import shutil
    import tempfile

    outside = Path(tempfile.mkdtemp(dir="/var/tmp")) / "secret.txt"
    outside.write_text("secret")
    try:
        with gr.Blocks() as demo:
            outputs = [gr.File(), gr.Image(), gr.Video(), gr.Audio(), gr.Model3D()]
            buttons = [gr.Button() for _ in outputs]
            for out, btn in zip(outputs, buttons):
                btn.click(lambda: {"path": str(outside)}, None, out)
        sess = demo.session()
        for n, btn in enumerate(buttons, 1):
            sess.click(btn)
            assert len(sess.errors) == n and "Cannot move" in sess.errors[-1].message, sess.errors[-1].message
        assert all(sess.get(out) is None for out in outputs)
        sess.close()
    finally:
        shutil.rmtree(outside.parent)


def test_download_button_of_a_missing_file_answers_and_says_so(monkeypatch):
    """A DownloadButton whose file is gone answers the page (nothing to save) and shows an
    error naming it; it takes no uploads."""
    with gr.Blocks() as demo:
        d = DownloadButton("Get it", "/no/such/report.txt")
    sess = demo.session()
    w = sess.widget(d)
    messages = sent(w, monkeypatch)
    w._handle_custom_msg({"event": "click", "request": "q"}, [])
    assert messages[0] == ({"event": "download_data", "request": "q", "done": True, "empty": True}, [])
    assert len(sess.errors) == 1 and "DownloadButton" in sess.errors[0].message and "report.txt" in sess.errors[0].message
    play_upload(w, [("evil.txt", b"x")])
    assert not w.accepts_uploads()
    with pytest.raises(FileNotFoundError, match="No such file or directory: '/no/such/report.txt'"):
        sess.get(d)  # as Gradio: the missing file is an error when a function would read it
    sess.close()
