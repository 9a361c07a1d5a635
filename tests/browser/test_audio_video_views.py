"""gr.Audio and gr.Video drawn in JupyterLab: an Audio output plays its bytes from a blob: URL
(a duration is known, play reaches the kernel), a WAV chosen in the page reaches the function
as (sample_rate, samples), a Video shows a <video> with a blob: source."""

from __future__ import annotations

import re
import wave

import numpy as np
from playwright.sync_api import Page, expect

from .conftest import keep_shot
from .test_choice import field, notebook
from .test_lab_notebooks import run_all

APP = '''
import numpy as np
import gradio_nb as gr

with gr.Blocks() as demo:
    tone = gr.Audio((8000, (np.sin(np.arange(12000) / 3) * 8000).astype(np.int16)), label="Tone")
    picked = gr.Audio(label="Upload audio")
    clip = gr.Video(gr.get_video("world.mp4"), label="Clip")
    seen = gr.Textbox(label="Seen")
    picked.upload(lambda a: f"received {a[0]} {len(a[1])} {a[1].dtype}", picked, seen)
    tone.play(lambda: "played", None, seen)
demo
'''


def test_audio_plays_uploads_and_video_shows(lab, page: Page, tmp_path) -> None:
    (lab.root / "media.ipynb").write_text(notebook(APP))
    run_all(page, lab.notebook_url("media.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    seen = field(app, "Seen")

    tone = app.locator(".gnb-audio", has=page.locator(".gnb-audio-label", has_text="Tone")).locator("audio")
    expect(tone).to_have_attribute("src", re.compile(r"^blob:"), timeout=15_000)
    page.wait_for_function("a => a.readyState >= 1 && a.duration > 0", arg=tone.element_handle(), timeout=15_000)
    assert abs(tone.evaluate("a => a.duration") - 1.5) < 0.05  # 12000 samples at 8000 Hz
    tone.evaluate("a => { a.muted = true; return a.play().catch(() => null); }")
    expect(seen).to_have_value("played", timeout=10_000)

    path = tmp_path / "voice.wav"
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(16000)
        f.writeframes(np.arange(4321, dtype=np.int16).tobytes())
    picked = app.locator(".gnb-audio", has=page.locator(".gnb-audio-label", has_text="Upload audio"))
    picked.locator("input[type=file]").set_input_files(str(path))
    expect(seen).to_have_value("received 16000 4321 int16", timeout=15_000)
    expect(picked.locator("audio")).to_have_attribute("src", re.compile(r"^blob:"), timeout=10_000)

    video = app.locator(".gnb-video", has=page.locator(".gnb-video-label", has_text="Clip")).locator("video")
    expect(video).to_have_attribute("src", re.compile(r"^blob:"), timeout=15_000)

    keep_shot(page.locator(".gradio-nb"), "audio_video_views.png")
    assert page.console_errors == [], page.console_errors


RECORDER = '''
import gradio_nb as gr

with gr.Blocks() as demo:
    voice = gr.Audio(sources=["microphone"], label="Voice")
    heard = gr.Textbox(label="Heard")
    voice.stop_recording(lambda a: f"recorded {a[0]} {len(a[1])} {a[1].dtype}", voice, heard)
demo
'''


def test_a_microphone_recording_reaches_the_function(lab, page: Page) -> None:
    """Record with the browser's microphone (chromium's fake device, allowed without a
    prompt), stop: the function receives (sample_rate, samples) of the recording."""
    (lab.root / "recorder.ipynb").write_text(notebook(RECORDER))
    run_all(page, lab.notebook_url("recorder.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    app.get_by_role("button", name=re.compile("Record")).click()
    stop = app.get_by_role("button", name=re.compile("Stop"))
    expect(stop).to_be_visible(timeout=10_000)
    page.wait_for_timeout(1500)
    stop.click()
    heard = field(app, "Heard")
    expect(heard).to_have_value(re.compile(r"^recorded \d+ \d+ int16$"), timeout=20_000)
    rate, length = (int(x) for x in heard.input_value().split()[1:3])
    assert rate > 0 and length > rate // 2, (rate, length)  # over half a second of sound
    assert page.console_errors == [], page.console_errors
