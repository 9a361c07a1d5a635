"""Compat scenarios for gr.File, gr.Files, gr.UploadButton, gr.DownloadButton: what a function
receives for each ``file_count`` and ``type``, a returned path or list read back, the errors
for a disallowed path and a wrong file type. The same interactions against real Gradio and
gradio_nb.

Paths differ by engine (Gradio's cache folder, the session's temporary folder), so a received
path is recorded as what a user can see of it: its file name, its content, whether it is the
path given, and whether it is in the system's temporary folder.
"""

import os
import tempfile
from pathlib import Path

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario


class _WithFiles:
    """``gradio_nb`` with its file components, until the package exports them (then ``gr`` itself)."""

    def __init__(self, gr):
        from gradio_nb.components import file

        self._gr, self._file = gr, file

    def __getattr__(self, name):
        if name in ("File", "Files", "UploadButton", "DownloadButton"):
            return getattr(self._file, name)
        return getattr(self._gr, name)


def with_files(gr):
    """``gr`` with File, Files, UploadButton and DownloadButton (see :class:`_WithFiles`)."""
    if gr is gradio:
        return gr
    try:
        gr.File(render=False)
        return gr
    except NotImplementedError:
        return _WithFiles(gr)


def sample(name, data):
    """A new file ``name`` holding ``data`` in a folder of its own."""
    path = os.path.join(tempfile.mkdtemp(), name)
    Path(path).write_bytes(data)
    return path


def seen(value, given=()):
    """A received value in plain terms: bytes as they are, a path as its name and content."""
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, list):
        return [seen(v, given) for v in value]
    path = str(value)
    return {"type": type(value).__name__ if isinstance(value, bytes) else "str", "name": Path(path).name,
            "data": Path(path).read_bytes(), "given": path in given,
            "in_temp": Path(path).resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())}


@scenario(single={"type": "str", "name": "a.txt", "data": b"alpha", "given": False, "in_temp": True})
def filepath_single_and_multiple(gr, driver):
    """type="filepath": one path for "single" (a copy with the file's name), a list for "multiple"
    and for gr.Files."""
    gr = with_files(gr)
    a, b = sample("a.txt", b"alpha"), sample("b.csv", b"1,2\n")
    with gr.Blocks() as demo:
        single = gr.File()
        multiple = gr.File(file_count="multiple")
        files = gr.Files()
    sess = driver.open(demo)
    sess.set(single, a)
    sess.set(multiple, [a, b])
    sess.set(files, [b])
    given = (a, b)
    return {"single": seen(sess.get(single), given), "multiple": seen(sess.get(multiple), given),
            "files": seen(sess.get(files), given)}


@scenario(single=b"\x00\x01bin")
def binary_single_and_multiple(gr, driver):
    """type="binary": the file's bytes, a list of them for several files."""
    gr = with_files(gr)
    a, b = sample("a.bin", b"\x00\x01bin"), sample("b.bin", b"\xff")
    with gr.Blocks() as demo:
        single = gr.File(type="binary")
        multiple = gr.File(file_count="multiple", type="binary")
        button = gr.UploadButton(type="binary", file_count="multiple")
    sess = driver.open(demo)
    sess.set(single, a)
    sess.set(multiple, [a, b])
    sess.set(button, [b, a])
    return {"single": sess.get(single), "multiple": sess.get(multiple), "upload_button": sess.get(button)}


@scenario()
def returned_paths_read_back(gr, driver):
    """A function returns a path, a list of paths and a Path; the next function receives copies
    with the files' names (single, multiple, DownloadButton, UploadButton)."""
    gr = with_files(gr)
    a, b = sample("report.pdf", b"%PDF-1.4"), sample("data.json", b"{}")
    got = []
    with gr.Blocks() as demo:
        one = gr.File()
        many = gr.Files()
        download = gr.DownloadButton()
        upload = gr.UploadButton(file_count="multiple")
        make = gr.Button()
        read = gr.Button()
        make.click(lambda: (a, [a, b], Path(b), [b]), None, [one, many, download, upload])
        read.click(lambda *values: got.extend(values), [one, many, download, upload], None)
    sess = driver.open(demo)
    sess.click(make)
    sess.click(read)
    return {"received": seen(got, (a, b)), "errors": sess.errors()}


@scenario()
def disallowed_path_error(gr, driver):
    """A returned path outside the working directory, the temp folder and allowed_paths: Gradio's
    InvalidPathError message, and the output keeps its value; once in allowed_paths, it shows."""
    gr = with_files(gr)
    a = sample("kept.txt", b"kept")
    with gr.Blocks() as demo:
        out = gr.File(a)
        bad = gr.Button()
        bad.click(lambda: "/etc/hostname", None, out)
    demo.has_launched = True  # Gradio checks paths once the app runs (a notebook app always runs)
    sess = driver.open(demo)
    sess.click(bad)
    first = {"errors": sess.errors(), "value": seen(sess.get(out))}
    demo.allowed_paths = ["/etc"]
    sess.click(bad)
    return {**first, "allowed": seen(sess.get(out))["name"], "errors_after": len(sess.errors())}


@scenario()
def blocked_path_error(gr, driver):
    """blocked_paths wins over the temporary folder, with Gradio's message."""
    gr = with_files(gr)
    a = sample("secret.txt", b"s")
    with gr.Blocks() as demo:
        out = gr.File()
        bad = gr.Button()
        bad.click(lambda: a, None, out)
    demo.has_launched = True
    demo.blocked_paths = [str(Path(a).parent)]
    sess = driver.open(demo)
    sess.click(bad)
    folder = str(Path(a).parent)
    return {"errors": [(t, m.replace(folder, "<folder>")) for t, m in sess.errors()], "value": sess.get(out)}


@scenario()
def wrong_file_type_error(gr, driver):
    """A file of a type not in file_types reaching a function: Gradio's preprocess error."""
    gr = with_files(gr)
    exe = sample("setup.exe", b"MZ")
    pdf = sample("paper.PDF", b"%PDF")
    got = []
    with gr.Blocks() as demo:
        f = gr.File(file_types=[".pdf", "image"])
        go = gr.Button()
        go.click(lambda p: got.append(Path(p).name), f, None)
    sess = driver.open(demo)
    sess.set(f, exe)
    sess.click(go)
    sess.set(f, pdf)
    sess.click(go)
    return {"errors": sess.errors(), "got": got}


@scenario(selected=[[1, "b.txt"]])
def select_and_events(gr, driver):
    """select carries the file's index and name; upload/clear fire their listeners."""
    gr = with_files(gr)
    a, b = sample("a.txt", b"a"), sample("b.txt", b"b")
    log = []
    with gr.Blocks() as demo:
        f = gr.File([a, b], file_count="multiple")

        def on_select(evt: gr.SelectData):
            log.append([evt.index, evt.value])

        f.select(on_select, None, None)
        f.upload(lambda files: log.append(["upload", [Path(p).name for p in files]]), f, None)
        f.clear(lambda: log.append(["clear"]), None, None)
    sess = driver.open(demo)
    sess.trigger(f, "select", {"index": 1, "value": "b.txt"})
    sess.trigger(f, "upload")
    sess.set(f, None)
    sess.trigger(f, "clear")
    return {"selected": log[:1], "log": log, "value": sess.get(f)}


test_compat = SCENARIOS.test()
