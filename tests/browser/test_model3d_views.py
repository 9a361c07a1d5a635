"""gr.Model3D drawn in JupyterLab with the page cut off from the network: the sample models
(Duck.glb, Bunny.obj, Fox.gltf, sofia.stl) draw with the three.js the kernel sent (a WebGL canvas
whose pixels are not all the clear colour), the mouse orbits the camera and the reset button
puts it back, a glTF's animation plays, and an .stl uploaded from the page reaches the function and is drawn. Any request
leaving 127.0.0.1 is aborted and counted: there must be none."""

from __future__ import annotations

import base64
import json
import struct
from urllib.parse import urlparse

from playwright.sync_api import Page, expect

from .conftest import keep_shot, output_dir
from .test_choice import field, notebook
from .test_lab_notebooks import run_all

APP = '''
from pathlib import Path
import gradio_nb as gr

with gr.Blocks() as demo:
    duck = gr.Model3D(gr.get_model3d("Duck.glb"), label="Duck", clear_color=(1, 1, 1, 1), height=260)
    bunny = gr.Model3D(gr.get_model3d("Bunny.obj"), label="Bunny", height=260)
    fox = gr.Model3D(gr.get_model3d("Fox.gltf"), label="Fox", height=200)
    sofia = gr.Model3D(gr.get_model3d("sofia.stl"), label="Sofia", display_mode="wireframe", height=200)
    moving = gr.Model3D("moving.gltf", label="Moving", height=200)
    external = gr.Model3D("ext/tri.gltf", label="External", height=200)
    up = gr.Model3D(label="Upload", interactive=True, height=220)
    got = gr.Textbox(label="Got")

    def received(path):
        head = Path(path).read_text().split()[:2]
        return f"{Path(path).name}:{Path(path).stat().st_size}:{' '.join(head)}"

    up.upload(received, up, got)
demo
'''

STL = "solid up\n" + "".join(
    f"facet normal 0 0 1\nouter loop\nvertex {a} 0 0\nvertex {b} 0 0\nvertex {a} 1 {c}\nendloop\nendfacet\n"
    for a, b, c in ((0, 1, 0), (1, 2, 0.5), (2, 3, 1))
) + "endsolid up\n"



def triangle_gltf(uri: str | None = None) -> tuple[str, bytes]:
    """A glTF triangle with a looping one-second animation sliding it along x, and its buffer:
    embedded as a data URI, or (``uri`` given) to be written beside it under that URI."""
    positions = struct.pack("<9f", 0, 0, 0, 1, 0, 0, 0, 1, 0)
    times = struct.pack("<3f", 0, 0.5, 1)
    moves = struct.pack("<9f", -1, 0, 0, 1, 0, 0, -1, 0, 0)
    blob = positions + times + moves
    return json.dumps({
        "asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}], "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
        "buffers": [{"byteLength": len(blob), "uri": uri or "data:application/octet-stream;base64," + base64.b64encode(blob).decode()}],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 36}, {"buffer": 0, "byteOffset": 36, "byteLength": 12},
                        {"buffer": 0, "byteOffset": 48, "byteLength": 36}],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3", "min": [0, 0, 0], "max": [1, 1, 0]},
            {"bufferView": 1, "componentType": 5126, "count": 3, "type": "SCALAR", "min": [0], "max": [1]},
            {"bufferView": 2, "componentType": 5126, "count": 3, "type": "VEC3"},
        ],
        "animations": [{"channels": [{"sampler": 0, "target": {"node": 0, "path": "translation"}}],
                        "samplers": [{"input": 1, "output": 2}]}],
    }), blob


# How many of a canvas's pixels differ from its clear colour (RGBA 0..255), read back through a
# 2D canvas (the WebGL drawing buffer is preserved, so it is still there after the frame).
COUNT = """([el, clear]) => {
    const canvas = el.querySelector("canvas.gnb-model3d-canvas");
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d");
    ctx.drawImage(canvas, 0, 0);
    const px = ctx.getImageData(0, 0, copy.width, copy.height).data;
    let differing = 0;
    for (let i = 0; i < px.length; i += 4) {
        const far = Math.abs(px[i] - clear[0]) + Math.abs(px[i + 1] - clear[1]) + Math.abs(px[i + 2] - clear[2]) + Math.abs(px[i + 3] - clear[3]);
        if (far > 24) differing++;
    }
    return { differing, total: px.length / 4, width: canvas.width, url: canvas.toDataURL() };
}"""


def block(app, label: str):
    return app.locator(".gnb-model3d", has=app.page.locator(".gnb-model3d-label", has_text=label))


def drawn(page: Page, el, clear: tuple[int, int, int, int]) -> dict:
    # three.js reaches the page through the kernel's comm: on a loaded CI machine the first view
    # can take longer than Playwright's default 30 s to appear
    el.wait_for(state="attached", timeout=90_000)
    page.wait_for_function("(el) => !!el.dataset.drawn", arg=el.element_handle(), timeout=60_000)
    return page.evaluate(COUNT, [el.element_handle(), list(clear)])


def test_models_draw_offline_orbit_reset_and_upload(lab, page: Page, tmp_path) -> None:
    outside: list[str] = []

    def route(r) -> None:
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("blob:", "data:")) or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    (lab.root / "moving.gltf").write_text(triangle_gltf()[0])
    # a .gltf whose buffer is a file beside it (its URI percent-encoded): sent by the kernel too
    (lab.root / "ext").mkdir(exist_ok=True)
    text, blob = triangle_gltf("tri%20data.bin")
    (lab.root / "ext" / "tri.gltf").write_text(text)
    (lab.root / "ext" / "tri data.bin").write_bytes(blob)
    (lab.root / "model3d.ipynb").write_text(notebook(APP))
    run_all(page, lab.notebook_url("model3d.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)

    # Each sample draws: a real canvas, a good share of it not the clear colour
    white, transparent = (255, 255, 255, 255), (0, 0, 0, 0)
    # (a wireframe covers less of the canvas than a solid)
    for label, clear, least in (("Duck", white, 0.02), ("Bunny", transparent, 0.02), ("Fox", transparent, 0.02),
                                ("Sofia", transparent, 0.004)):
        el = block(app, label)
        seen = drawn(page, el, clear)
        assert seen["width"] > 100, (label, seen["width"])
        assert least < seen["differing"] / seen["total"] < 0.98, (label, seen["differing"], seen["total"])
        assert el.locator(".gnb-model3d-note").inner_text() == "", label
        if label == "Duck":  # one for the README
            keep_shot(el, "model3d_duck.png")
        else:
            el.screenshot(path=str(output_dir() / f"model3d_{label.lower()}.png"))

    # The mouse orbits the camera (the image changes); reset puts the camera back exactly
    duck = block(app, "Duck")
    before = drawn(page, duck, white)["url"]
    duck.scroll_into_view_if_needed()
    box = duck.locator("canvas").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 120, box["y"] + box["height"] / 2 + 30, steps=10)
    page.mouse.up()
    orbited = page.evaluate(COUNT, [duck.element_handle(), list(white)])
    assert orbited["url"] != before and orbited["differing"] > 0
    duck.locator(".gnb-model3d-reset").click()
    assert page.evaluate(COUNT, [duck.element_handle(), list(white)])["url"] == before

    # A glTF's animation plays, as in Gradio's viewer: the frames change by themselves
    moving = block(app, "Moving")
    moving.scroll_into_view_if_needed()
    first = drawn(page, moving, transparent)
    assert first["differing"] > 0
    page.wait_for_timeout(300)
    assert page.evaluate(COUNT, [moving.element_handle(), list(transparent)])["url"] != first["url"]

    external = block(app, "External")
    external.scroll_into_view_if_needed()
    assert drawn(page, external, transparent)["differing"] > 0
    assert external.locator(".gnb-model3d-note").inner_text() == ""

    # An .stl picked in the upload block reaches the function and is drawn
    path = tmp_path / "upload.stl"
    path.write_text(STL)
    up = block(app, "Upload")
    expect(up.locator(".gnb-model3d-empty")).to_be_visible()
    up.locator("input[type=file]").set_input_files(str(path))
    expect(field(app, "Got")).to_have_value(f"upload.stl:{len(STL.encode())}:solid up", timeout=30_000)
    seen = drawn(page, up, transparent)
    assert seen["differing"] > 0
    expect(up.locator(".gnb-model3d-clear")).to_be_visible()
    up.screenshot(path=str(output_dir() / "model3d_upload.png"))

    assert outside == [], outside
    assert not [e for e in page.console_errors if "model3d" in e.lower() or "three" in e.lower()], page.console_errors
