"""Media values as Gradio 6.31 takes them (measured against it; see tests/compat/test_compat_media_values.py):

* gradio_nb's own sample media (``gr.get_image()`` and its siblings) may be returned by a
  function wherever the app runs from; exactly that folder is allowed, links and ``..`` out of
  it are refused as any other file;
* an ``http(s)://`` URL is kept as the value and loaded by the page, never fetched by the
  kernel (the test server gets no request); a function that would receive the file gets a
  ``gr.Error`` naming the component (Gradio downloads it first);
* a value naming a missing file builds, the session opens without an error, and the error
  (Gradio's "Cannot move <path> ... not uploaded by a user") comes when a function reads it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from web_server import Served, serving, write_png

import gradio_nb as gr
from gradio_nb import file_paths
from gradio_nb.file_paths import InvalidPathError, check_allowed
from gradio_nb.media import MEDIA_ROOT

JS = Path(__file__).resolve().parent.parent / "js"


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Served]:
    """A web server on 127.0.0.1 serving a PNG (``a.png``) and a text file (``a.txt``)."""
    write_png(tmp_path / "a.png", (200, 30, 30))
    (tmp_path / "a.txt").write_text("hello")
    with serving(tmp_path) as served:
        yield served


# == 1. Sample media =============================================================================
@pytest.mark.parametrize("getter, component", [
    (lambda: gr.get_image("cheetah1.jpg"), lambda: gr.Image(type="filepath")),
    (lambda: [gr.get_image("cheetah1.jpg"), gr.get_image("bus.png")], lambda: gr.Gallery()),
    (lambda: gr.get_audio("cantina.wav"), lambda: gr.Audio(type="filepath")),
    (lambda: gr.get_video("world.mp4"), lambda: gr.Video()),
    (lambda: gr.get_model3d("Bunny.obj"), lambda: gr.Model3D()),
    (lambda: gr.get_file("titanic.csv"), lambda: gr.File()),
])
def test_sample_media_returned_by_a_function_is_shown_wherever_the_app_runs(
    getter: Callable[[], Any], component: Callable[[], Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The working directory holds neither the package nor the sample (a notebook's folder):
    a function returning ``gr.get_image(...)`` and its siblings shows it, no error."""
    monkeypatch.chdir(tmp_path)
    with gr.Blocks() as demo:
        out = component()
        btn = gr.Button()
        btn.click(getter, None, out)
        got: list[Any] = []
        read = gr.Button()
        read.click(lambda v: got.append(v), out, None)
    sess = demo.session()
    sess.click(btn)
    sess.click(read)
    assert sess.errors == [] and got and got[0] is not None
    sess.close()


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory and a system temporary folder that hold none of ``tmp_path``'s other
    files (pytest's own folders are in the system's temporary folder, which Gradio allows)."""
    (tmp_path / "cwd").mkdir()
    (tmp_path / "systemp").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "systemp"))
    monkeypatch.delenv("GRADIO_TEMP_DIR", raising=False)
    return tmp_path


def test_only_the_sample_media_folder_itself_is_allowed(outside: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sample media folder of our own (the real one is in the package: no links go there):
    its files are allowed; a link in it to a file elsewhere, ``..`` out of it, a sibling
    folder whose name starts alike, and the folder under ``blocked_paths`` are refused."""
    media = outside / "media_assets"
    (media / "images").mkdir(parents=True)
    secret = outside / "secret"
    secret.mkdir()
    write_png(secret / "passwd.png", (0, 0, 0))
    write_png(media / "images" / "ok.png", (0, 0, 0))
    (media / "images" / "link.png").symlink_to(secret / "passwd.png")
    (media / "images" / "dir").symlink_to(secret, target_is_directory=True)
    evil = outside / "media_assets_evil"
    evil.mkdir()
    write_png(evil / "x.png", (0, 0, 0))
    monkeypatch.setattr(file_paths, "MEDIA_ROOT", media)

    check_allowed(media / "images" / "ok.png")
    for refused in (media / "images" / "link.png", media / "images" / "dir" / "passwd.png",
                    f"{media}/images/../../secret/passwd.png", evil / "x.png", secret / "passwd.png"):
        with pytest.raises(InvalidPathError, match="Cannot move .* to the gradio cache dir"):
            check_allowed(refused)

    app = SimpleNamespace(allowed_paths=[], blocked_paths=[str(media)])
    with pytest.raises(InvalidPathError, match="blocked_paths"):
        check_allowed(media / "images" / "ok.png", app)


def test_the_real_sample_folder_opens_nothing_beside_it(outside: Path) -> None:
    """``..`` out of the package's sample folder reaches the package's code: refused, as any
    file outside the working directory, the temporary folder and ``allowed_paths``."""
    check_allowed(MEDIA_ROOT / "images" / "cheetah1.jpg")
    for refused in (MEDIA_ROOT / "images" / ".." / ".." / "__init__.py", MEDIA_ROOT.parent / "media.py"):
        with pytest.raises(InvalidPathError, match="Cannot move"):
            check_allowed(refused)


# == 2. URLs =====================================================================================
def _shown(widget: Any) -> list[str]:
    """The URLs a widget gives its page to load (the kernel sent no bytes of them)."""
    if hasattr(widget, "items"):
        return [item.get("url", "") for item in widget.items]
    if hasattr(widget, "src_a"):
        return [widget.src_a, widget.src_b]
    if hasattr(widget, "src"):
        return [widget.src]
    if hasattr(widget, "files"):
        return [f.get("url", "") for f in widget.files]
    return [f.get("url", "") for m in widget.messages for f in m.get("files", [])]


#: name -> (component given a URL as its value, the value for a URL, how many URLs it shows)
URL_VALUES: dict[str, tuple[Callable[..., Any], Callable[[str], Any], int]] = {
    "Image": (gr.Image, lambda u: u, 1),
    "Gallery": (gr.Gallery, lambda u: [u, (u, "caption")], 2),
    "Audio": (gr.Audio, lambda u: u, 1),
    "Video": (gr.Video, lambda u: u, 1),
    "File": (gr.File, lambda u: u, 1),
    "Files": (gr.Files, lambda u: [u, u], 2),
    "DownloadButton": (lambda v=None: gr.DownloadButton("Get", v), lambda u: u, 1),
    "Model3D": (gr.Model3D, lambda u: u, 1),
    "AnnotatedImage": (gr.AnnotatedImage, lambda u: (u, []), 1),
    "ImageSlider": (gr.ImageSlider, lambda u: (u, u), 2),
    "Chatbot": (gr.Chatbot, lambda u: [{"role": "assistant", "content": {"path": u}}], 1),
}


@pytest.mark.parametrize("name", list(URL_VALUES))
def test_a_url_value_is_kept_for_the_page_and_never_fetched(name: str, web: Served) -> None:
    """Declared and returned by a function: the value holds the URL, the page is given the URL
    to load (no bytes), and the server hears nothing from the kernel."""
    make, value, count = URL_VALUES[name]
    url = web.url("a.png")
    with gr.Blocks() as demo:
        declared = make(value(url))
        out = make()
        btn = gr.Button()
        btn.click(lambda: value(url), None, out)
    sess = demo.session()
    sess.click(btn)
    assert sess.errors == []
    for comp in (declared, out):
        widget = sess.widget(comp)
        assert _shown(widget) == [url] * count
        assert url in repr(sess.component(comp).peek_widget(widget))
        assert getattr(widget, "data", b"") == b""
    sess.close()
    assert web.hits == []


def test_a_gallery_holds_a_url_as_gradio_does(web: Served) -> None:
    """Gradio's GalleryData for a URL: ``path`` and ``url`` are the URL, with its name and type."""
    url = web.url("a.png")
    item = gr.Gallery([(url, "c")]).value[0]
    assert item["caption"] == "c"
    assert {k: item["image"][k] for k in ("path", "url", "orig_name", "mime_type", "size")} == {
        "path": url, "url": url, "orig_name": "a.png", "mime_type": "image/png", "size": None}
    assert web.hits == []


#: name -> an input component holding a URL; a function reading it must not run.
URL_INPUTS: dict[str, Callable[[str], Any]] = {
    "Image": lambda u: gr.Image(u),
    "Image-filepath": lambda u: gr.Image(u, type="filepath"),
    "Gallery": lambda u: gr.Gallery([u]),
    "Audio": lambda u: gr.Audio(u, type="filepath"),
    "Video": lambda u: gr.Video(u),
    "File": lambda u: gr.File(u),
    "File-binary": lambda u: gr.File(u, type="binary"),
    "DownloadButton": lambda u: gr.DownloadButton("Get", u),
    "Model3D": lambda u: gr.Model3D(u),
    "AnnotatedImage": lambda u: gr.AnnotatedImage((u, [])),
    "ImageSlider": lambda u: gr.ImageSlider((u, u)),
}


@pytest.mark.parametrize("name", list(URL_INPUTS))
def test_a_function_given_a_url_gets_an_error_naming_the_component(name: str, web: Served) -> None:
    """Gradio downloads the URL before the function runs; the kernel fetches nothing, so the
    function does not run and the error names the component and says why."""
    url = web.url("a.png")
    ran: list[Any] = []
    with gr.Blocks() as demo:
        comp = URL_INPUTS[name](url)
        btn = gr.Button()
        btn.click(lambda v: ran.append(v), comp, None)
    sess = demo.session()
    sess.click(btn)
    assert ran == [] and len(sess.errors) == 1
    message = sess.errors[0].message
    assert message.startswith(f"{type(comp).__name__}: cannot give the function {url!r}")
    assert "the kernel fetches no URLs" in message
    sess.close()
    assert web.hits == []


def test_a_chatbot_message_keeps_its_url_for_the_function(web: Served) -> None:
    """A chat history reaches the function with the URL as the file's path (Gradio gives its
    downloaded copy): the conversation goes on, nothing is fetched."""
    url = web.url("a.png")
    got: list[Any] = []
    with gr.Blocks() as demo:
        chat = gr.Chatbot([{"role": "assistant", "content": {"path": url}}])
        btn = gr.Button()
        btn.click(lambda history: got.append(history[0]["content"][0]["file"]["path"]), chat, None)
    sess = demo.session()
    sess.click(btn)
    assert sess.errors == [] and got == [url]
    sess.close()
    assert web.hits == []


def test_annotations_over_a_url_are_refused_naming_the_component(web: Served) -> None:
    """Drawing an annotation needs the image's size, which only fetching it would tell."""
    with pytest.raises(gr.Error, match="AnnotatedImage: cannot draw annotations over .*fetches no URLs"):
        gr.AnnotatedImage((web.url("a.png"), [((0, 0, 2, 2), "box")]))
    assert web.hits == []


def test_an_image_editor_refuses_a_url_naming_itself(web: Served) -> None:
    """The editor's canvas needs the image's pixels, which only fetching the URL would give."""
    with gr.Blocks() as demo:
        editor, btn = gr.ImageEditor(), gr.Button()
        btn.click(lambda: {"background": None, "layers": None, "composite": web.url("a.png")}, None, editor)
    sess = demo.session()
    sess.click(btn)
    assert [e.message.split(":")[0] for e in sess.errors] == ["ImageEditor"]
    assert "URLs are not fetched here" in sess.errors[0].message and web.hits == []

def test_only_web_urls_are_kept() -> None:
    """``ftp:`` and ``data:`` values are refused as before (the page loads only http(s))."""
    for value in ("ftp://example.com/a.png", "data:image/png;base64,AAAA"):
        with pytest.raises(gr.Error, match="URLs are not fetched here"):
            gr.Image(value)


# == 3. Missing files ============================================================================
@pytest.fixture
def missing(tmp_path: Path) -> Path:
    """A folder that does not exist."""
    return tmp_path / "gone"


#: name -> (component whose value names a missing file in ``folder``, the path it names)
MISSING: dict[str, Callable[[Path], tuple[Any, str]]] = {
    "Gallery": lambda d: (gr.Gallery([str(d / "a.png")]), str(d / "a.png")),
    "Gallery-captioned": lambda d: (gr.Gallery([(str(d / "a.png"), "c")], type="numpy"), str(d / "a.png")),
    "Image": lambda d: (gr.Image(str(d / "a.png"), type="filepath"), str(d / "a.png")),
    "ImageSlider": lambda d: (gr.ImageSlider((str(d / "a.png"), str(d / "a.png"))), str(d / "a.png")),
    "Audio": lambda d: (gr.Audio(str(d / "a.wav"), type="filepath"), str(d / "a.wav")),
    "Video": lambda d: (gr.Video(str(d / "a.mp4")), str(d / "a.mp4")),
    "Model3D": lambda d: (gr.Model3D(str(d / "a.obj")), str(d / "a.obj")),
    "DownloadButton": lambda d: (gr.DownloadButton("Get", str(d / "a.txt")), str(d / "a.txt")),
}


@pytest.mark.parametrize("name", list(MISSING))
def test_a_missing_file_builds_and_fails_when_a_function_reads_it(name: str, missing: Path) -> None:
    """Gradio builds such an app and opens it without an error (its page shows nothing); the
    error comes when a function would read the file, in Gradio's words: the file was not
    uploaded (it would have been, had it existed); reading the value alone is Python's
    FileNotFoundError naming the absolute path, as Gradio's preprocess raises it."""
    ran: list[Any] = []
    with gr.Blocks() as demo:
        comp, path = MISSING[name](missing)
        btn = gr.Button()
        btn.click(lambda v: ran.append(v), comp, None)
    sess = demo.session()
    assert sess.errors == []
    assert path in repr(sess.component(comp).peek_widget(sess.widget(comp)))
    sess.click(btn)
    assert ran == [] and len(sess.errors) == 1
    assert sess.errors[0].message == f"Cannot move {path} to the gradio cache dir because it was not uploaded by a user."
    with pytest.raises(FileNotFoundError, match=re.escape(f"[Errno 2] No such file or directory: '{path}'")):
        sess.get(comp)
    sess.close()


def test_a_gallery_returned_with_a_missing_file_shows_it_missing(missing: Path) -> None:
    """As Gradio: a function returning a missing file is no error; the page shows the item as
    missing (its name), and the next function reading it gets the error."""
    path = str(missing / "a.png")
    with gr.Blocks() as demo:
        out = gr.Gallery()
        btn = gr.Button()
        btn.click(lambda: [path, (path, "c")], None, out)
        read = gr.Button()
        read.click(lambda v: v, out, None)
    sess = demo.session()
    sess.click(btn)
    widget = sess.widget(out)
    assert sess.errors == [] and [i.get("missing") for i in widget.items] == [True, True]
    assert [i["name"] for i in widget.items] == ["a.png", "a.png"] and all(i["data"] == b"" for i in widget.items)
    sess.click(read)
    assert len(sess.errors) == 1 and sess.errors[0].message.startswith(f"Cannot move {path} to the gradio cache dir")
    sess.close()


def test_file_and_annotated_image_fail_at_build_as_gradio_does(missing: Path) -> None:
    """Gradio's File reads a file's size and its AnnotatedImage the image's, when the value is
    given: both fail at build there, and here (naming the path)."""
    with pytest.raises(FileNotFoundError, match="a.txt"):
        gr.File(str(missing / "a.txt"))
    with pytest.raises(FileNotFoundError, match="a.png"):
        gr.AnnotatedImage((str(missing / "a.png"), []))


def test_building_a_never_rendered_gallery_with_missing_files(missing: Path) -> None:
    """The app of the report: a gallery of missing files, never rendered, builds."""
    with gr.Blocks() as demo:
        gr.Gallery([str(missing / f"{i}.png") for i in range(3)], render=False)
        gr.Textbox("ok")
    sess = demo.session()
    assert sess.errors == []
    sess.close()


WEB_URL_SCRIPT = r"""
import(process.argv[2]).then(({ webUrl }) => {
  const values = ["http://127.0.0.1/a.png", "HTTPS://example.com/a b.png", "javascript:alert(1)", " http://x/a.png",
    "data:image/png;base64,AAAA", "blob:http://x/1", "//example.com/a.png", "/tmp/a.png", null, 3];
  process.stdout.write(JSON.stringify(values.map(webUrl)));
});
"""


def test_the_page_takes_only_http_urls_from_a_value(tmp_path: Path) -> None:
    """The kit's ``webUrl`` (every view takes a value's URL through it) passes http(s) URLs
    only: a ``javascript:`` value in a link's href would run in the notebook's page."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = tmp_path / "web_url.cjs"
    script.write_text(WEB_URL_SCRIPT)
    done = subprocess.run([node, str(script), (JS / "kit.js").as_uri()], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["http://127.0.0.1/a.png", "HTTPS://example.com/a b.png", "", "", "", "", "", "",
                                       "", ""]
    for view in ("image", "gallery", "audio", "video", "file", "model3d", "image_slider", "annotated_image", "chatbot"):
        assert "webUrl" in (JS / f"{view}.js").read_text(), view


@pytest.mark.parametrize(
    "make, file, seen",
    [(gr.Model3D, "shape.glb", lambda w: w.name == "shape.glb"),
     (gr.Audio, "tune.mp3", lambda w: w.mime == "audio/mpeg"),
     (gr.Video, "clip.mp4", lambda w: w.mime == "video/mp4")],
    ids=["Model3D", "Audio", "Video"],
)  # fmt: skip
def test_a_url_payload_without_a_name_is_named_by_the_urls_file(make, file, seen) -> None:
    """A URL payload with no ``orig_name`` (as a page or a function may give one): the widget
    names it by the file the URL ends with, query aside, so its suffix still says the kind."""
    with gr.Blocks() as demo:
        comp = make()
    widget = demo.session().widget(comp)
    widget.show({"path": f"http://127.0.0.1:9/files/{file}?version=2"})
    assert seen(widget)
