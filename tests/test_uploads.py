"""gradio_nb.uploads (chunked uploads, limits) and gradio_nb.file_paths (Gradio's allowed paths)."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

import pytest

import gradio_nb as gr
from gradio_nb import file_paths
from gradio_nb.components.file import File, UploadButton
from gradio_nb.components.image import Image
from gradio_nb.file_paths import InvalidPathError, check_allowed, is_allowed_file
from gradio_nb.uploads import accept_attribute, format_size, is_valid_file, parse_file_size

MB = 1 << 20


def play(widget, name, data, chunk=MB, declare_size=True, batch="b", index=0, count=1):
    """Send one file as the page does, one chunk per message; the seconds each message took."""
    times = []
    parts = [data[i : i + chunk] for i in range(0, len(data), chunk)] or [b""]
    for n, part in enumerate(parts):
        content = {"event": "upload", "batch": batch, "index": index, "count": count, "name": name, "type": "",
                   "done": n == len(parts) - 1}
        if declare_size:
            content["size"] = len(data)
        start = time.perf_counter()
        widget._handle_custom_msg(content, [memoryview(part)])
        times.append(time.perf_counter() - start)
    return times


def files_in(widget):
    return [p for p in Path(widget.folder).rglob("*") if p.is_file()]


# -- helpers as Gradio's -------------------------------------------------------------------------
def test_parse_file_size_as_gradio():
    assert parse_file_size(None) is None and parse_file_size(1234) == 1234
    assert parse_file_size("5mb") == 5 * MB and parse_file_size("5 MB") == 5 * MB
    assert parse_file_size("10kb") == 10240 and parse_file_size("1gb") == 1 << 30 and parse_file_size("7b") == 7
    with pytest.raises(ValueError, match="Invalid file size unit: XB"):
        parse_file_size("3xb")


def test_format_size_as_gradios_page():
    assert format_size(5 * MB) == "5.0 Mb" and format_size(1024) == "1.0 Kb" and format_size(10) == "10.0 b"


def test_is_valid_file_and_accept():
    assert is_valid_file("a.PDF", [".pdf"]) and not is_valid_file(".pdf", [".pdf"])
    assert is_valid_file("photo.jpg", ["image"]) and not is_valid_file("song.mp3", ["image", ".pdf"])
    assert is_valid_file("anything", ["file"]) and is_valid_file("x", None)
    assert accept_attribute([".pdf", "image", "csv"]) == ".pdf, image/*, .csv"
    assert accept_attribute(["file"]) == "*" and accept_attribute(None) == ""


# -- chunked uploads -----------------------------------------------------------------------------
def test_100_mb_arrives_intact_in_quick_chunks():
    data = os.urandom(100 * MB)
    got = []
    with gr.Blocks() as demo:
        f = File()
        f.upload(lambda p: got.append(hashlib.sha256(Path(p).read_bytes()).hexdigest()), f, None)
    sess = demo.session()
    other = demo.session()
    w = sess.widget(f)
    times = play(w, "big.bin", data)
    assert got == [hashlib.sha256(data).hexdigest()]
    assert len(times) == 100
    # Each message is handled on its own and quickly: the kernel is free between them.
    assert sorted(times)[len(times) // 2] < 0.25
    # Another session meanwhile is untouched, and works.
    assert other.get(f) is None
    sess.close()
    other.close()


def test_interleaved_batches_of_two_sessions():
    with gr.Blocks() as demo:
        f = File(file_count="multiple")
    a, b = demo.session(), demo.session()
    wa, wb = a.widget(f), b.widget(f)
    one, two = os.urandom(5000), os.urandom(7000)
    # chunks of two files of one batch and one of another session, interleaved
    parts1 = [one[i : i + 1000] for i in range(0, 5000, 1000)]
    parts2 = [two[i : i + 1000] for i in range(0, 7000, 1000)]
    for i in range(7):
        if i < 5:
            wa._handle_custom_msg({"event": "upload", "batch": "x", "index": 0, "count": 2, "name": "one",
                                   "done": i == 4}, [parts1[i]])
        wa._handle_custom_msg({"event": "upload", "batch": "x", "index": 1, "count": 2, "name": "two",
                               "done": i == 6}, [parts2[i]])
        wb._handle_custom_msg({"event": "upload", "batch": "y", "index": 0, "count": 1, "name": "two",
                               "done": i == 6}, [parts2[i]])
    assert [Path(p).read_bytes() for p in a.get(f)] == [one, two]
    assert [Path(p).read_bytes() for p in b.get(f)] == [two]


# -- limits --------------------------------------------------------------------------------------
def test_max_file_size_refuses_before_writing_and_shows_the_error():
    fired = []
    with gr.Blocks() as demo:
        f = File(label="Document")
        f.upload(lambda p: fired.append(p), f, None)
    demo.max_file_size = "1kb"  # as Blocks.launch(max_file_size="1kb") keeps it (Gradio's Blocks)
    sess = demo.session()
    w = sess.widget(f)
    messages = []
    w.send = lambda content, buffers=None: messages.append(content)
    play(w, "big.bin", b"x" * 3000, chunk=1000)
    assert fired == [] and sess.get(f) is None and files_in(w) == []
    assert [(e.title, e.message) for e in sess.errors] == [
        ("Error", "File 'Document': File(s) exceed the maximum allowed size of 1.0 Kb: \"big.bin\"")
    ]
    assert messages == [{"event": "upload_refused", "message": sess.errors[0].message, "batch": "b"}]
    assert sess.toasts[-1]["level"] == "error"
    # a file within the limit still goes through afterwards
    play(w, "small.txt", b"ok", batch="c")
    assert Path(sess.get(f)).read_bytes() == b"ok" and len(fired) == 1


def test_a_page_that_lies_about_size_is_stopped_mid_file_and_nothing_is_left():
    with gr.Blocks() as demo:
        f = File(file_count="multiple")
    demo.max_file_size = 2500
    sess = demo.session()
    w = sess.widget(f)
    # first file whole, second one grows beyond the limit with no size declared
    play(w, "a.txt", b"a" * 100, declare_size=False, batch="z", index=0, count=2)
    play(w, "b.txt", b"b" * 4000, chunk=1000, declare_size=False, batch="z", index=1, count=2)
    assert sess.get(f) is None and files_in(w) == []
    assert len(sess.errors) == 1 and "2.4 Kb" in sess.errors[0].message


def test_an_upload_shorter_than_its_declared_size_still_arrives():
    """Only the ImageEditor drops a batch whose file is not the size the page declared (a
    canvas cut short is no value); an upload keeps what came and fires ``upload``."""
    fired = []
    with gr.Blocks() as demo:
        f = File()
        f.upload(lambda p: fired.append(p), f, None)
    sess = demo.session()
    w = sess.widget(f)
    w._handle_custom_msg({"event": "upload", "batch": "s", "index": 0, "count": 1, "name": "short.txt", "type": "",
                          "done": True, "size": 10}, [memoryview(b"abc")])  # fmt: skip
    assert Path(sess.get(f)).read_bytes() == b"abc" and len(fired) == 1 and sess.errors == []

def test_file_types_checked_in_the_kernel():
    with gr.Blocks() as demo:
        u = UploadButton(file_types=[".pdf", "image"])
    sess = demo.session()
    w = sess.widget(u)
    play(w, "virus.exe", b"MZ" * 10)
    assert sess.get(u) is None and files_in(w) == []
    assert sess.errors[-1].message == "UploadButton 'Upload a File': Invalid file type: virus.exe. Only .pdf, image allowed."
    play(w, "cat.png", b"\x89PNG", batch="ok")
    assert Path(sess.get(u)).name == "cat.png"


def test_image_uploads_respect_the_apps_max_file_size():
    with gr.Blocks() as demo:
        img = Image(type="filepath")
    demo.max_file_size = 100
    sess = demo.session()
    w = sess.widget(img)
    play(w, "big.png", b"\x89PNG" + b"\x00" * 500)
    assert sess.get(img) is None and files_in(w) == []
    assert "Image: File(s) exceed the maximum allowed size of 100.0 b" in sess.errors[-1].message


def test_a_malformed_limit_is_no_limit():
    with gr.Blocks() as demo:
        f = File()
    demo.max_file_size = "lots"
    sess = demo.session()
    play(sess.widget(f), "a.txt", b"abc")
    assert Path(sess.get(f)).read_bytes() == b"abc"


# -- allowed paths -------------------------------------------------------------------------------
def test_is_allowed_file_as_gradio(tmp_path):
    blocked = tmp_path / "Secret"
    assert is_allowed_file(tmp_path / "secret" / "a", [blocked], [tmp_path], []) == (False, "in_blocklist")
    assert is_allowed_file(tmp_path / "a", [], [tmp_path], []) == (True, "allowed")
    assert is_allowed_file(tmp_path / "a", [], [], [tmp_path]) == (True, "created")
    assert is_allowed_file("/etc/passwd", [], [tmp_path], []) == (False, "not_created_or_allowed")


def test_check_allowed_rules(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("SECRET=1")
    check_allowed(tmp_path / "data.csv")  # the working directory
    check_allowed(Path(tempfile.gettempdir()) / "x")  # the system's temp folder
    with pytest.raises(InvalidPathError, match="^Dotfiles located in the temporary directory"):
        check_allowed(tmp_path / ".env")

    class App:
        allowed_paths = [str(tmp_path / ".env")]
        blocked_paths = ["/etc/ssl"]

    check_allowed(tmp_path / ".env", App())
    with pytest.raises(InvalidPathError, match=r"blocked_paths \(/etc/ssl\)"):
        check_allowed("/etc/ssl/openssl.cnf", App())
    with pytest.raises(InvalidPathError) as info:
        check_allowed("/etc/hostname")
    assert str(info.value).endswith("or add /etc to the allowed_paths parameter of launch().")
    assert isinstance(info.value, ValueError)


def test_gradio_temp_dir_and_static_paths(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "systemp"))
    with pytest.raises(InvalidPathError):
        check_allowed("/srv/cache/a.txt")
    monkeypatch.setenv("GRADIO_TEMP_DIR", "/srv/cache")
    check_allowed("/srv/cache/a.txt")
    monkeypatch.delenv("GRADIO_TEMP_DIR")
    monkeypatch.setattr(file_paths, "_static_paths", lambda: ["/etc"])
    check_allowed("/etc/hostname")  # a static file is served where it is


def test_launch_options_reach_uploads_and_returns(tmp_path):
    from gradio_nb.display import launch_mode

    with gr.Blocks() as demo:
        f = File()
        out = File()
        btn = gr.Button()
        btn.click(lambda: "/etc/hostname", None, out)
    token = launch_mode.set("headless")
    try:
        sess = demo.launch(max_file_size="1 kb", allowed_paths=["/etc"], blocked_paths=[str(tmp_path)])
    finally:
        launch_mode.reset(token)
    play(sess.widget(f), "big.bin", b"x" * 2000)
    assert sess.get(f) is None and "1.0 Kb" in sess.errors[-1].message
    sess.click(btn)
    assert Path(sess.get(out)).name == "hostname" and len(sess.errors) == 1
    with pytest.raises(InvalidPathError, match="blocked_paths"):
        check_allowed(tmp_path / "x.txt", demo)
