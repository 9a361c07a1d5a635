"""9. Media: a 1-megapixel image output, a 30 fps stream of frames, a 10 MB upload; each side
by side with Gradio 6.31 and with plain ipywidgets.

1. One function output of ``gr.Image`` (1000x1000 RGB, photo-like): every comm message of the
   update (JSON + binary buffers) against the image's own encoded bytes (PIL, default settings,
   as both gr.Image encoders use), for ``format="png"`` and the default webp. Gradio is served on
   127.0.0.1 and driven as its page does: queue/join, the SSE stream of the event (every line
   counted), then GET of the file it wrote to its cache (status line, headers and body counted).
   Plain ipywidgets: ``ipywidgets.Image(value=png)``'s update. Kernel time per output: gradio_nb's
   whole ``sess.click`` (postprocess, encode, file written, comm message built) against Gradio's
   ``Image.postprocess`` (encode, hash, file written to its cache), timed in turn round by round;
   Gradio's time to the page is its join to the file's last byte.
2. A 640x480 numpy frame yielded by a generator paced at 30 fps for 3 s in one headless session:
   frames yielded, frames that reached the comm (one update with a buffer each), achieved rate,
   kernel time per frame (from ``yield`` to the generator's next step: the session applying the
   frame), then the same unpaced for the maximum rate, and paced again with ``format="jpeg"`` to
   show what is left once webp's encoder is out of the way. Gradio's per-frame cost:
   ``Image.postprocess``; Pillow's webp encoding alone is the floor of both.
3. A 10 MB upload through a live ipykernel (jupyter_client), the bench playing the page: the
   ``upload`` comm messages with 1 MB binary buffers exactly as js/file.js sends them to an
   interactive ``gr.File``, whose ``upload`` listener returns the file's size and sha256 to a
   Textbox; timed from the first chunk sent to that Textbox update on iopub. Plain ipywidgets:
   ``FileUpload``'s value set as its front end does (one ``update`` with the file in a buffer),
   observed into a Text. Gradio: POST /gradio_api/upload (multipart, as its page does) then the
   File's upload event (queue/join) until ``process_completed`` with the digest.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from .common import Row, gradio_server, median, per_call_interleaved, record, recording_comms, traffic

ROOT = Path(__file__).resolve().parent.parent
UPLOAD_SIZE = 10 * 1024 * 1024
CHUNK = 1 << 20  # js/file.js and js/image.js: bytes per upload message
FPS, SECONDS = 30, 3.0


# -- inputs ------------------------------------------------------------------------------------
def photo(width: int = 1000, height: int = 1000, seed: int = 0, phase: float = 0.0) -> np.ndarray:
    """A photo-like RGB image: smooth gradients plus mild sensor-like noise, deterministic."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    red = 255 * x / width
    green = 255 * y / height
    blue = 127.5 + 127.5 * np.sin((x + y) / 150 + phase)
    image = np.stack([red, green, blue], -1) + rng.normal(0, 3, (height, width, 3))
    return np.clip(np.rint(image), 0, 255).astype(np.uint8)


def encoded(array: np.ndarray, fmt: str) -> bytes:
    """The image's own bytes in ``fmt``: PIL with default settings, as both gr.Image encoders."""
    import PIL.Image

    out = io.BytesIO()
    PIL.Image.fromarray(array).save(out, fmt)
    return out.getvalue()


def upload_payload(repeat: int) -> bytes:
    """10 MB of random bytes; the first eight say which repeat, so every digest differs."""
    data = bytearray(np.random.default_rng(1).integers(0, 256, UPLOAD_SIZE, dtype=np.uint8).tobytes())
    data[:8] = repeat.to_bytes(8, "little")
    return bytes(data)


def digest(path: str) -> str:
    """What every upload listener returns: the file's size and sha256."""
    data = Path(path).read_bytes()
    return f"{len(data)} {hashlib.sha256(data).hexdigest()}"


def expected(data: bytes) -> str:
    return f"{len(data)} {hashlib.sha256(data).hexdigest()}"


# -- a real Gradio server on 127.0.0.1 -----------------------------------------------------------
GRADIO_APP = """
import sys
import gradio as gr
from bench.b9_media import digest, photo
image = photo()
with gr.Blocks() as demo:
    png_button, webp_button = gr.Button("png"), gr.Button("webp")
    png, webp = gr.Image(format="png"), gr.Image()
    png_button.click(lambda: image, None, png)
    webp_button.click(lambda: image, None, webp)
    upload, out = gr.File(type="filepath"), gr.Textbox()
    upload.upload(digest, upload, out)
demo.queue().launch(server_name="127.0.0.1", server_port=int(sys.argv[1]))
"""


def gradio_event(client: Any, dep: dict[str, Any], data: list[Any]) -> tuple[dict[str, Any], int]:
    """Run one event as Gradio's page does (queue/join, then its SSE stream): the
    ``process_completed`` message and the stream's bytes (every line the page receives)."""
    session = uuid.uuid4().hex
    join = {"data": data, "fn_index": dep["id"], "session_hash": session, "event_data": None,
            "trigger_id": dep["targets"][0][0]}
    client.post("/gradio_api/queue/join", json=join).raise_for_status()
    size = 0
    with client.stream("GET", f"/gradio_api/queue/data?session_hash={session}") as stream:
        for line in stream.iter_lines():
            size += len(line.encode()) + 1
            if "process_completed" in line:
                message = json.loads(line[5:])
                assert message.get("success"), message
                return message, size
    raise RuntimeError("Gradio's stream ended without process_completed")


def response_bytes(response: Any) -> int:
    """Bytes of an HTTP response as they crossed the wire: status line, headers, body."""
    head = len(f"HTTP/1.1 {response.status_code} {response.reason_phrase}\r\n") + 2
    head += sum(len(k) + len(v) + 4 for k, v in response.headers.raw)
    return head + len(response.content)


def gradio_image_output(client: Any, dep: dict[str, Any], repeats: int) -> tuple[int, float]:
    """(bytes to the page, seconds) of one Gradio image output: the event's stream plus the GET
    of the image file, from the join to the last byte of the file (median of ``repeats``)."""
    sizes, times = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        message, streamed = gradio_event(client, dep, [])
        url = message["output"]["data"][0]["url"]
        response = client.get(url)
        response.raise_for_status()
        times.append(time.perf_counter() - start)
        sizes.append(streamed + response_bytes(response))
    return int(median(sizes)), median(times)


def gradio_upload(client: Any, dep: dict[str, Any], data: bytes) -> tuple[float, float]:
    """(seconds for the POST /gradio_api/upload alone, seconds until the upload listener's
    output arrived) for one file, as Gradio's page uploads it."""
    start = time.perf_counter()
    response = client.post(f"/gradio_api/upload?upload_id={uuid.uuid4().hex[:11]}",
                           files={"files": ("big.bin", data, "application/octet-stream")})
    response.raise_for_status()
    uploaded = time.perf_counter() - start
    path = response.json()[0]
    file = {"path": path, "orig_name": "big.bin", "size": len(data), "mime_type": "application/octet-stream",
            "meta": {"_type": "gradio.FileData"}}
    message, _ = gradio_event(client, dep, [file])
    total = time.perf_counter() - start
    assert message["output"]["data"][0] == expected(data), "Gradio: the upload arrived damaged"
    return uploaded, total


# -- 1. one image output -------------------------------------------------------------------------
def nb_image_output(images: list[np.ndarray], fmt: str, rounds: int) -> tuple[int, int, float, float]:
    """(comm messages and bytes of one gradio_nb image output, seconds per output, seconds per Gradio
    ``Image.postprocess`` of the same image): the times interleaved round by round, so that a
    slow spell of the shared machine hits both alike. The gradio_nb function returns the images
    in turn: the same bytes twice would not be sent again."""
    import gradio

    import gradio_nb
    from gradio_nb.components.image import Image

    kwargs = {} if fmt == "webp" else {"format": fmt}
    turn = iter(range(1 << 30))
    cache = tempfile.mkdtemp(prefix="bench_b9_cache_")
    theirs = gradio.Image(**kwargs)
    theirs.GRADIO_CACHE = cache  # its cache in a folder removed after
    with recording_comms() as log:
        with gradio_nb.Blocks() as demo:
            button = gradio_nb.Button("go")
            shown = Image(**kwargs)
            button.click(lambda: images[next(turn) % len(images)], None, shown)
        sess = demo.session()
        try:
            widget = sess.widget(shown)
            before = len(log)
            sess.click(button)
            messages, size = traffic(log, before)
            assert widget.data, "gradio_nb: the image did not reach the widget"
            times = per_call_interleaved({"nb": lambda: sess.click(button),
                                          "gradio": lambda: theirs.postprocess(images[0])}, 1, rounds)
        finally:
            sess.close()
            shutil.rmtree(cache, ignore_errors=True)
    return messages, size, times["nb"], times["gradio"]


def ipywidgets_image_output(data: bytes, fmt: str) -> int:
    import ipywidgets as widgets

    with recording_comms() as log:
        shown = widgets.Image(format=fmt)
        before = len(log)
        shown.value = data
        _, size = traffic(log, before)
        shown.close()
    return size


def gradio_frame_seconds(frames: list[np.ndarray], count: int) -> tuple[float, float]:
    """Median seconds per Gradio ``Image.postprocess`` (encode, hash, write into its cache) of
    ``count`` frames in turn, as the stream's median is taken; and of Pillow's webp encoding
    alone, frame by frame in between (the floor of both)."""
    import gradio

    folder = tempfile.mkdtemp(prefix="bench_b9_cache_")
    try:
        component = gradio.Image()
        component.GRADIO_CACHE = folder
        times, encoding = [], []
        for i in range(count):
            start = time.perf_counter()
            component.postprocess(frames[i % len(frames)])
            times.append(time.perf_counter() - start)
            start = time.perf_counter()
            encoded(frames[i % len(frames)], "webp")
            encoding.append(time.perf_counter() - start)
        return median(times), median(encoding)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- 2. a paced stream of frames -----------------------------------------------------------------
def nb_stream(frames: list[np.ndarray], count: int, fps: float | None, fmt: str = "webp") -> dict[str, float]:
    """Yield ``count`` frames (cycling through ``frames``) into one headless session's
    ``Image(format=fmt)``, paced at ``fps`` (None: as fast as it goes). Frames yielded, frames that reached the comm,
    achieved rate, and the kernel's time per frame (yield to the next step)."""
    import gradio_nb
    from gradio_nb.components.image import Image

    applying: list[float] = []
    yielded = 0

    def stream() -> Iterator[np.ndarray]:
        nonlocal yielded
        start = time.perf_counter()
        for i in range(count):
            if fps is not None:
                time.sleep(max(0.0, start + i / fps - time.perf_counter()))
            before = time.perf_counter()
            yielded += 1
            yield frames[i % len(frames)]
            applying.append(time.perf_counter() - before)

    with recording_comms() as log:
        with gradio_nb.Blocks() as demo:
            button = gradio_nb.Button("go")
            shown = Image(format=fmt)
            button.click(stream, None, shown)
        sess = demo.session()
        try:
            before = len(log)
            start = time.perf_counter()
            sess.click(button)
            elapsed = time.perf_counter() - start
            # One update carrying the image's bytes as a buffer per frame that reached the page.
            sent = sum(1 for kind, _, data in log[before:]
                       if kind == "comm_msg" and ["data"] in (data or {}).get("buffer_paths", []))
        finally:
            sess.close()
    return {"yielded": yielded, "sent": sent, "fps": sent / elapsed, "per_frame": median(applying),
            "worst": max(applying)}


# -- 3. a 10 MB upload over a live kernel ---------------------------------------------------------
KERNEL_SETUP = """
import ipywidgets as widgets
import gradio_nb as gr
from gradio_nb.components.file import File
from bench.b9_media import digest
with gr.Blocks() as demo:
    upload = File(type="filepath")
    out = gr.Textbox()
    upload.upload(digest, upload, out)
sess = demo.session()
plain, plain_out = widgets.FileUpload(), widgets.Text()
def plain_received(change):
    import hashlib
    data = change["new"][0]["content"]
    plain_out.value = f"{len(data)} {hashlib.sha256(data).hexdigest()}"
plain.observe(plain_received, "value")
print(sess.widget(upload).model_id, sess.widget(out).model_id, plain.model_id, plain_out.model_id)
"""


def wait_for_value(kc: Any, comm_id: str, want: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        m = kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        c = m["content"]
        if m["msg_type"] == "comm_msg" and c.get("comm_id") == comm_id:
            value = c["data"].get("state", {}).get("value")
            if value == want:
                return
            if isinstance(value, str) and len(value.split()) == 2:
                raise AssertionError(f"the upload arrived damaged: {value!r}, wanted {want!r}")


def nb_upload(kc: Any, widget_id: str, out_id: str, data: bytes) -> float:
    """Seconds from the first chunk sent (as js/file.js sends them) to the listener's output."""
    batch = uuid.uuid4().hex
    socket_ = kc.shell_channel.socket
    start = time.perf_counter()
    for offset in range(0, len(data), CHUNK):
        done = offset + CHUNK >= len(data)
        content = {"event": "upload", "batch": batch, "index": 0, "count": 1, "name": "big.bin",
                   "type": "application/octet-stream", "size": len(data), "done": done}
        kc.session.send(socket_, "comm_msg", {"comm_id": widget_id, "data": {"method": "custom", "content": content}},
                        buffers=[memoryview(data)[offset:offset + CHUNK]])
    wait_for_value(kc, out_id, expected(data))
    return time.perf_counter() - start


def ipywidgets_upload(kc: Any, widget_id: str, out_id: str, data: bytes) -> float:
    """Seconds from FileUpload's value update (one message, the file in a buffer) to the
    observer's output."""
    state = {"value": [{"name": "big.bin", "type": "application/octet-stream", "size": len(data),
                        "last_modified": int(time.time() * 1000)}]}
    start = time.perf_counter()
    kc.session.send(kc.shell_channel.socket, "comm_msg",
                    {"comm_id": widget_id, "data": {"method": "update", "state": state,
                                                    "buffer_paths": [["value", 0, "content"]]}},
                    buffers=[data])
    wait_for_value(kc, out_id, expected(data))
    return time.perf_counter() - start


def kernel_uploads(payloads: list[bytes]) -> tuple[list[float], list[float]]:
    """(gradio_nb seconds, ipywidgets seconds) per upload, interleaved, over one live kernel."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3", cwd=str(ROOT))
    try:
        ids: list[str] = []
        reply = kc.execute_interactive(KERNEL_SETUP, output_hook=lambda msg: ids.extend(msg["content"].get("text", "").split()), timeout=60)
        assert reply["content"]["status"] == "ok", reply["content"]
        file_id, out_id, plain_id, plain_out_id = ids[:4]
        nb, plain = [], []
        for data in payloads:
            nb.append(nb_upload(kc, file_id, out_id, data))
            plain.append(ipywidgets_upload(kc, plain_id, plain_out_id, data))
        # Let the session remove its upload folder before the kernel goes.
        kc.execute_interactive("sess.close()", timeout=30)
        return nb, plain
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


# -- the bench -------------------------------------------------------------------------------------
def run() -> None:
    print("9. media: a 1-megapixel image output, 30 fps frames, a 10 MB upload")
    image = photo()
    images = [image, photo(seed=1)]
    with gradio_server(GRADIO_APP) as gradio:
        client, config = gradio.client, gradio.config
        deps = [d for d in config["dependencies"] if d.get("backend_fn")]
        png_dep, webp_dep, upload_dep = deps[:3]

        # 1. One image output.
        for fmt, dep in (("png", png_dep), ("webp", webp_dep)):
            own = len(encoded(image, fmt))
            nb_msgs, nb_bytes, nb_s, gr_post = nb_image_output(images, fmt, 5)
            gr_bytes, gr_s = gradio_image_output(client, dep, 5)
            plain = ipywidgets_image_output(encoded(image, fmt), fmt)
            record(Row("9 media", f"1 MP image output ({fmt}): bytes to the page", nb_bytes, "B",
                       f"{nb_msgs} msg{'s, with the busy markers of an event > 0.1 s' if nb_msgs > 1 else ''}; {nb_bytes / own:.3f}x its {fmt} ({own:,} B); Gradio {gr_bytes:,} B ({gr_bytes / nb_bytes:.2f}x); "
                       f"ipywidgets.Image {plain:,} B ({nb_bytes / plain:.3f}x)", "≤ 1.1x its own bytes", nb_bytes <= 1.1 * own))
            record(Row("9 media", f"1 MP image output ({fmt}): kernel time", nb_s * 1e3, "ms",
                       f"Gradio postprocess {gr_post * 1e3:.1f} ms ({gr_post / nb_s:.2f}x); "
                       f"Gradio postprocess + page download over HTTP {gr_s * 1e3:.1f} ms"))

        # 3. A 10 MB upload: gradio_nb and ipywidgets over a live kernel, Gradio over HTTP.
        payloads = [upload_payload(i) for i in range(9)]
        nb_up, plain_up = kernel_uploads(payloads)
        gradio_up = [gradio_upload(client, upload_dep, data) for data in payloads]

    # 2. Frames from a generator paced at 30 fps, then unpaced.
    frames = [photo(640, 480, seed=i, phase=i / 2) for i in range(12)]
    paced = nb_stream(frames, int(FPS * SECONDS), FPS)
    fastest = nb_stream(frames, 60, None)
    jpeg = nb_stream(frames, int(FPS * SECONDS), FPS, "jpeg")
    gr_frame, encoder = gradio_frame_seconds(frames, 30)
    # The webp rate is bounded by Pillow's encoder (Gradio pays it alike): the target is that
    # no frame piles up; the jpeg row shows the rest of the path holds 30 fps.
    record(Row("9 media", f"640x480 frames paced at {FPS} fps: achieved", paced["fps"], "fps",
               f"{paced['sent']} of {paced['yielded']} yielded frames reached the comm, each applied before the next",
               f"all {paced['yielded']} applied, none piled up", paced["sent"] == paced["yielded"]))
    record(Row("9 media", "640x480 frame: kernel time per frame (webp)", paced["per_frame"] * 1e3, "ms",
               f"worst {paced['worst'] * 1e3:.1f} ms; budget at {FPS} fps {1e3 / FPS:.1f} ms; Gradio postprocess {gr_frame * 1e3:.1f} ms ({gr_frame / paced['per_frame']:.2f}x); Pillow's webp encoding alone {encoder * 1e3:.1f} ms"))
    record(Row("9 media", "640x480 frames unpaced: maximum rate", fastest["fps"], "fps",
               f"{fastest['sent']} of {fastest['yielded']} reached the comm; {fastest['per_frame'] * 1e3:.1f} ms per frame"))
    record(Row("9 media", f"640x480 frames paced at {FPS} fps, format=\"jpeg\": achieved", jpeg["fps"], "fps",
               f"{jpeg['sent']} of {jpeg['yielded']} reached the comm; {jpeg['per_frame'] * 1e3:.1f} ms per frame (webp's encoder is the cost)",
               "≥ 27 fps", jpeg["fps"] >= 27 and jpeg["sent"] == jpeg["yielded"]))

    nb_t, plain_t = median(nb_up), median(plain_up)
    gr_post_t, gr_t = median([u for u, _ in gradio_up]), median([t for _, t in gradio_up])
    record(Row("9 media", "10 MB upload to the function (live kernel)", nb_t * 1e3, "ms",
               f"1 MB chunks to gr.File, sha256 checked; ipywidgets FileUpload {plain_t * 1e3:.0f} ms ({nb_t / plain_t:.2f}x); "
               f"Gradio upload + event {gr_t * 1e3:.0f} ms ({gr_t / nb_t:.2f}x; the POST alone {gr_post_t * 1e3:.0f} ms)"))
