"""Compat scenarios for gr.Audio and gr.Video: what a function receives from a WAV file for
``type="numpy"`` and ``type="filepath"`` (8, 16, 24-bit, stereo), what a returned
``(sample_rate, array)`` of each dtype becomes when read back, bytes returned, player events,
and a video's path round trip. The same interactions against real Gradio and gradio_nb.

Paths differ between the two (Gradio's cache, gradio_nb's per-session folder): observations
keep a file's name and its decoded samples, never its folder. Audio and Video are imported
from their gradio_nb modules until they are exported as ``gr.Audio``/``gr.Video``.

No ``from __future__ import annotations`` (see test_compat_image.py).
"""

import os
import tempfile
import warnings
import wave
from pathlib import Path

import numpy as np
import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios

from gradio_nb.components.audio import Audio as NbAudio
from gradio_nb.components.video import Video as NbVideo
from gradio_nb.media import get_video

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario

MONO = (np.sin(np.arange(40) / 3) * 12000).astype(np.int16)


def audio_cls(gr):
    return gr.Audio if gr is gradio else NbAudio


def video_cls(gr):
    return gr.Video if gr is gradio else NbVideo


def wav_file(name, width, frames, channels=1, rate=8000):
    path = os.path.join(tempfile.mkdtemp(), name)
    with wave.open(path, "wb") as f:
        f.setnchannels(channels)
        f.setsampwidth(width)
        f.setframerate(rate)
        f.writeframes(frames)
    return path


def describe(value):
    """What a function received, in plain types: a tuple's rate, dtype, shape and samples; a
    path's file name and its WAV header and samples."""
    if value is None:
        return None
    if isinstance(value, tuple):
        rate, data = value
        return ["tuple", type(rate).__name__, rate, str(data.dtype), list(data.shape), data.tolist()]
    if isinstance(value, str):
        out = ["path", Path(value).name]
        if Path(value).suffix.lower() == ".wav":
            with wave.open(value) as r:
                out += [r.getnchannels(), r.getsampwidth(), r.getframerate(), r.readframes(r.getnframes()).hex()]
        else:
            out.append(Path(value).read_bytes() == Path(get_video(Path(value).name)).read_bytes())
        return out
    return [type(value).__name__]


@scenario()
def wav_received_by_type(gr, driver):
    """A WAV file (8, 16, 24-bit, stereo) as the value: type="numpy" receives (rate, samples)
    with pydub's dtypes, type="filepath" a copy with the file's name."""
    Audio = audio_cls(gr)
    files = {
        "u8": wav_file("u8.wav", 1, (np.arange(8) * 30).astype(np.uint8).tobytes()),
        "s16": wav_file("s16.wav", 2, MONO.tobytes(), rate=16000),
        "s24": wav_file("s24.wav", 3, b"".join(int(v).to_bytes(3, "little", signed=True) for v in [1, -2, 300000, -8388608])),
        "stereo": wav_file("stereo.wav", 2, np.arange(12, dtype=np.int16).tobytes(), channels=2),
    }
    got = {}
    with gr.Blocks() as demo:
        numpy_in = [Audio(path) for path in files.values()]
        path_in = [Audio(path, type="filepath") for path in files.values()]
        btn = gr.Button()

        def fn(*values):
            got["numpy"] = [describe(v) for v in values[:4]]
            got["filepath"] = [describe(v) for v in values[4:]]

        btn.click(fn, numpy_in + path_in, None)
    sess = driver.open(demo)
    sess.click(btn)
    return got


@scenario()
def returned_arrays_read_back(gr, driver):
    """A function returns (rate, array) of int16, float64, int32, uint8 and stereo: each is
    written as a 16-bit WAV named audio.wav, read back as samples and as a path."""
    Audio = audio_cls(gr)
    arrays = [
        MONO,
        np.array([0.5, -1.0, 0.25, 0.0]),
        np.array([1, 2, 3], np.int32) * 70000,
        np.array([0, 128, 255], np.uint8),
        np.arange(10, dtype=np.int16).reshape(5, 2),
    ]
    with gr.Blocks() as demo:
        as_numpy = [Audio() for _ in arrays]
        as_path = [Audio(type="filepath") for _ in arrays]
        btn = gr.Button()
        btn.click(lambda: [(22050, a) for a in arrays] * 2, None, as_numpy + as_path)
    sess = driver.open(demo)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sess.click(btn)
    return {"numpy": [describe(sess.get(c)) for c in as_numpy], "path": [describe(sess.get(c)) for c in as_path],
            "errors": sess.errors()}


@scenario()
def returned_bytes_and_path(gr, driver):
    """A function returns the bytes of a WAV file, and a WAV path passed from another Audio."""
    Audio = audio_cls(gr)
    path = wav_file("voice.wav", 2, MONO.tobytes(), rate=11025)
    data = Path(path).read_bytes()
    with gr.Blocks() as demo:
        src = Audio(path, type="filepath")
        from_bytes = Audio(type="filepath")
        from_path = Audio()
        btn = gr.Button()
        btn.click(lambda p: (data, p), src, [from_bytes, from_path])
    sess = driver.open(demo)
    sess.click(btn)
    return {"bytes": describe(sess.get(from_bytes)), "path": describe(sess.get(from_path))}


@scenario(errors=1, value=None)
def bad_return_is_one_error(gr, driver):
    """A return Audio cannot show (a list) is one error; the output keeps its value."""
    Audio = audio_cls(gr)
    with gr.Blocks() as demo:
        out = Audio(type="filepath")
        btn = gr.Button()
        btn.click(lambda: [1, 2, 3], None, out)
    sess = driver.open(demo)
    sess.click(btn)
    return {"errors": len(sess.errors()), "value": sess.get(out)}


@scenario(log=["play", "pause", "play", "stop", "start_recording", "pause_recording"])
def audio_player_events(gr, driver):
    """play, pause, stop and the recording events run their listeners."""
    Audio = audio_cls(gr)
    with gr.Blocks() as demo:
        comp = Audio(wav_file("t.wav", 2, MONO.tobytes()))
        log = gr.State([])
        for name in ("play", "pause", "stop", "start_recording", "pause_recording"):
            getattr(comp, name)(lambda seen, name=name: seen + [name], log, log)
    sess = driver.open(demo)
    for name in ("play", "pause", "play", "stop", "start_recording", "pause_recording"):
        sess.trigger(comp, name)
    return {"log": sess.get(log)}


@scenario()
def video_path_round_trip(gr, driver):
    """A video path set, received (a copy with its name), returned and read back."""
    Video = video_cls(gr)
    got = []
    with gr.Blocks() as demo:
        src = Video(get_video("world.mp4"))
        out = Video()
        log = gr.State([])
        btn = gr.Button()

        def fn(p):
            got.append(describe(p))
            return p

        btn.click(fn, src, out)
        out.end(lambda seen: seen + ["end"], log, log)
        out.stop(lambda seen: seen + ["stop"], log, log)
        out.play(lambda seen: seen + ["play"], log, log)
    sess = driver.open(demo)
    sess.click(btn)
    for name in ("play", "stop", "end"):
        sess.trigger(out, name)
    return {"received": got, "read_back": describe(sess.get(out)), "log": sess.get(log), "errors": sess.errors()}


@scenario(after=None, log=["clear"])
def video_none_and_clear(gr, driver):
    """None, and a video cleared with None, read back as None; clear runs its listener."""
    Video = video_cls(gr)
    with gr.Blocks() as demo:
        comp = Video(get_video("a.mp4"))
        log = gr.State([])
        comp.clear(lambda seen: seen + ["clear"], log, log)
    sess = driver.open(demo)
    before = describe(sess.get(comp))
    sess.set(comp, None)
    sess.trigger(comp, "clear")
    return {"before": before, "after": sess.get(comp), "log": sess.get(log)}


test_compat = SCENARIOS.test()
