"""Compat scenarios for media values Gradio keeps as they are: a Gallery of ``http(s)://`` URLs
(kept as ``FileData(path=url, url=url)``, and a function reading them refused: Gradio's server
would download them, and its SSRF guard refuses 127.0.0.1; gradio_nb fetches nothing), and
values naming missing files (the app builds and opens without an error; a function reading one
gets an error naming the path). The same app against real Gradio and gradio_nb.

The URLs name 127.0.0.1 port 9, where nothing listens: neither engine may reach it (Gradio's
guard refuses the address before connecting, gradio_nb never connects).

Not compared here: gradio_nb's own sample media returned by a function (tests/test_media_values.py).
Gradio 6.31 refuses its own (``gradio/media_assets``) unless it lies under the working
directory or ``allowed_paths``; gradio_nb always allows its sample folder (README, "Where
gradio_nb differs").
"""

import copy
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

URL = "http://127.0.0.1:9/pictures/a.png"
VIDEO_URL = "http://127.0.0.1:9/clips/b.mp4"


def held(sess, component):
    """What the page holds for ``component`` (not preprocessed: no file is read)."""
    inner = getattr(sess, "_sess", None)
    if inner is not None:  # gradio_nb: the widget's payload
        return copy.deepcopy(inner.component(component).peek_widget(inner.widget(component)))
    return copy.deepcopy(sess.held[component._id])  # real Gradio: the driver's page


def gallery_items(value):
    """A held Gallery's items as (kind, path, url, name, type, caption)."""
    out = []
    for item in value or []:
        kind = "video" if "video" in item else "image"
        f = item[kind]
        out.append([kind, f["path"], f.get("url"), f.get("orig_name"), f.get("mime_type"), item.get("caption")])
    return out


def first_path(value):
    """The file path a held one-file, Gallery or ImageSlider value names."""
    if isinstance(value, list):
        value = value[0]
    if isinstance(value, dict) and ("image" in value or "video" in value):
        value = value.get("image") or value.get("video")
    return value["path"]


@scenario(
    declared=[["image", URL, URL, "a.png", "image/png", None], ["video", VIDEO_URL, VIDEO_URL, "b.mp4", "video/mp4", "clip"]],
    returned=[["image", URL, URL, "a.png", "image/png", "cap"]],
    load_errors=[],
    ran=0,
)
def gallery_urls_kept(gr, driver):
    """A Gallery declared with URLs, and one a function fills with a URL: each item holds the
    URL as its path and url, its name and type; reading the gallery runs no function and shows
    one error (Gradio's download is refused, gradio_nb fetches nothing)."""
    ran = []
    with gr.Blocks() as demo:
        g = gr.Gallery([URL, (VIDEO_URL, "clip")])
        out = gr.Gallery()
        fill = gr.Button()
        fill.click(lambda: [(URL, "cap")], None, out)
        read = gr.Button()
        read.click(lambda v: ran.append(v), g, None)
    demo.has_launched = True  # Gradio checks files once the app runs (a notebook app always runs)
    sess = driver.open(demo)
    load_errors = sess.errors()
    sess.click(fill)
    returned = gallery_items(held(sess, out))
    sess.click(read)
    return {"declared": gallery_items(held(sess, g)), "returned": returned, "load_errors": load_errors,
            "ran": len(ran), "read_errors": len(sess.errors()), "still": gallery_items(held(sess, g))[0][1]}


def _missing():
    return str(Path(tempfile.mkdtemp()) / "gone" / "missing.png")


@scenario(load_errors=[], ran=0)
def missing_files_build_and_fail_when_read(gr, driver):
    """A Gallery, an Image, an ImageSlider, an Audio and a Video naming missing files: the app
    builds and opens with no error, each keeps the path; a function reading each runs not and
    shows one error, the same text in both: "Cannot move <path> ... not uploaded by a user"."""
    path = _missing()
    folder = str(Path(path).parent)
    sound, clip = f"{folder}/a.wav", f"{folder}/a.mp4"
    ran = []
    with gr.Blocks() as demo:
        comps = [gr.Gallery([path]), gr.Gallery([(path, "c")], type="numpy"), gr.Image(path),
                 gr.ImageSlider((path, path)), gr.Audio(sound, type="filepath"), gr.Video(clip)]
        buttons = []
        for comp in comps:
            btn = gr.Button()
            btn.click(lambda v: ran.append(v), comp, None)
            buttons.append(btn)
    demo.has_launched = True
    sess = driver.open(demo)
    load_errors = sess.errors()
    kept = [first_path(held(sess, c)) for c in comps]
    named = []
    for btn in buttons:
        before = len(sess.errors())
        sess.click(btn)
        new = sess.errors()[before:]
        named.append([message.replace(folder, "<folder>") for _title, message in new])
    return {"load_errors": load_errors, "kept": kept == [path, path, path, path, sound, clip], "ran": len(ran),
            "named": named}


@scenario(errors=[], ran=0)
def missing_file_returned_to_a_gallery(gr, driver):
    """A function returning a missing file into a Gallery: no error (the page shows nothing),
    the item keeps the path and its name; the next function reading it gets one error."""
    path = _missing()
    ran = []
    with gr.Blocks() as demo:
        out = gr.Gallery()
        fill = gr.Button()
        fill.click(lambda: [(path, "c")], None, out)
        read = gr.Button()
        read.click(lambda v: ran.append(v), out, None)
    demo.has_launched = True
    sess = driver.open(demo)
    sess.click(fill)
    errors = sess.errors()
    items = [[p == path, name, caption] for _k, p, _u, name, _t, caption in gallery_items(held(sess, out))]
    sess.click(read)
    return {"errors": errors, "items": items, "ran": len(ran), "read_errors": len(sess.errors())}



@scenario(ran=0)
def missing_editor_files_named_in_gradios_order(gr, driver):
    """An ImageEditor given a missing background and a missing layer: a function reading it
    runs not, and the error names the background (Gradio reads background, layers, composite)."""
    path = _missing()
    folder = str(Path(path).parent)
    ran = []
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(type="numpy")
        fill = gr.Button()
        fill.click(lambda: {"background": f"{folder}/bg.png", "layers": [f"{folder}/layer.png"], "composite": None},
                   None, editor)  # fmt: skip
        read = gr.Button()
        read.click(lambda v: ran.append(v), editor, None)
    demo.has_launched = True
    sess = driver.open(demo)
    sess.click(fill)
    filled = sess.errors()
    sess.click(read)
    named = [message.replace(folder, "<folder>") for _title, message in sess.errors()[len(filled):]]
    return {"filled": filled, "ran": len(ran), "named": named}

test_compat = SCENARIOS.test()
