"""gr.Audio and gr.Video: values in and out for each type, WAV read and written as Gradio does,
bytes sent to the page as a binary buffer, uploads and recordings from the page, player events,
updates, bad values, and the shipped sample videos and MP3s."""

from __future__ import annotations

import io
import shutil
import wave
from pathlib import Path

import ipywidgets
import numpy as np
import pytest

import gradio_nb as gr
from gradio_nb import media
from gradio_nb.components import media_widget as media_widget_module
from gradio_nb.components.audio import (
    Audio,
    AudioWidget,
    WaveformOptions,
)
from gradio_nb.components.video import Video, VideoWidget
from gradio_nb.wav import read_wav, wav_bytes

HAS_FFMPEG = shutil.which("ffmpeg") is not None


def wav(tmp_path: Path, name: str, width: int, frames: bytes, channels: int = 1, rate: int = 8000) -> Path:
    path = tmp_path / name
    with wave.open(str(path), "wb") as f:
        f.setnchannels(channels)
        f.setsampwidth(width)
        f.setframerate(rate)
        f.writeframes(frames)
    return path


def upload(widget, batch, name, data, chunk=7, source=None):
    """Send one file as the page does: one message per chunk, each with a binary buffer."""
    chunks = [data[i : i + chunk] for i in range(0, len(data), chunk)] or [b""]
    for n, part in enumerate(chunks):
        content = {"event": "upload", "batch": batch, "index": 0, "count": 1, "name": name, "type": "",
                   "done": n == len(chunks) - 1}
        if source:
            content["source"] = source
        widget._handle_custom_msg(content, [memoryview(part)])


def one(cls=Audio, **kwargs):
    with gr.Blocks() as demo:
        comp = cls(**kwargs)
    sess = demo.session()
    return sess, comp, sess.widget(comp)


def no_ffmpeg(monkeypatch):
    real = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "ffmpeg" else real(name, *a, **k))


# -- WAV as Gradio reads and writes it ----------------------------------------------------------
def test_read_wav_sample_widths_as_gradio(tmp_path):
    # The values real Gradio 6.31 (pydub) gives for these files, measured.
    u8 = (np.arange(6) * 37).astype(np.uint8)
    rate, got = read_wav(wav(tmp_path, "u8.wav", 1, u8.tobytes()))
    assert rate == 8000 and got.dtype == np.int8 and got.tolist() == [-128, -91, -54, -17, 20, 57]
    raw24 = b"".join(int(v).to_bytes(3, "little", signed=True) for v in [1, -2, 300000, -8388608])
    _, got = read_wav(wav(tmp_path, "s24.wav", 3, raw24))
    assert got.dtype == np.int32 and got.tolist() == [256, -257, 76800000, -2147483393]
    s32 = np.array([0, 37, -5, 2**31 - 1], np.int32)
    _, got = read_wav(wav(tmp_path, "s32.wav", 4, s32.tobytes()))
    assert got.dtype == np.int32 and got.tolist() == s32.tolist()
    stereo = np.array([[1, 2], [3, 4], [5, 6]], np.int16)
    _, got = read_wav(wav(tmp_path, "st.wav", 2, stereo.tobytes(), channels=2))
    assert got.dtype == np.int16 and got.shape == (3, 2) and (got == stereo).all()


def test_read_wav_refuses_what_is_not_wav(tmp_path):
    bad = tmp_path / "x.wav"
    bad.write_bytes(b"not a wav at all")
    with pytest.raises(gr.Error, match="Audio: 'x.wav' is not a WAV"):
        read_wav(bad)


def test_written_wav_is_16_bit_with_gradios_conversions():
    def frames(data):
        with wave.open(io.BytesIO(wav_bytes(16000, data))) as r:
            assert r.getsampwidth() == 2 and r.getframerate() == 16000
            return r.getnchannels(), np.frombuffer(r.readframes(99), "<i2").tolist()

    with pytest.warns(UserWarning, match="from float64 to 16-bit int"):
        assert frames(np.array([0.5, -1.0, 0.25])) == (1, [16383, -32767, 8191])
    with pytest.warns(UserWarning):
        assert frames(np.array([1, 2, 3], np.int32) * 70000) == (1, [1, 2, 3])
    with pytest.warns(UserWarning):
        assert frames(np.array([0, 128, 255], np.uint8)) == (1, [-32768, 128, 32767])
    assert frames(np.array([[1, 2], [3, 4]], np.int16)) == (2, [1, 2, 3, 4])
    with pytest.warns(UserWarning):
        assert frames(np.zeros(3)) == (1, [0, 0, 0])  # silence stays silence (no NaN)
    with pytest.raises(gr.Error, match="Audio: cannot convert samples of type complex128"):
        wav_bytes(8000, np.zeros(3, complex))


# -- values in and out --------------------------------------------------------------------------
def test_numpy_round_trip_and_filepath():
    samples = (np.sin(np.arange(800) / 5) * 1000).astype(np.int16)
    seen = []
    with gr.Blocks() as demo:
        src = Audio()
        out = Audio(type="filepath")
        btn = gr.Button()
        btn.click(lambda a: a, src, out)
        out.change(lambda p: seen.append(Path(p).name), out, None)
    sess = demo.session()
    sess.set(src, (8000, samples))
    rate, got = sess.get(src)
    assert rate == 8000 and got.dtype == np.int16 and (got == samples).all()
    sess.click(btn)
    path = sess.get(out)
    assert Path(path).name == "audio.wav" and seen == ["audio.wav"]
    assert read_wav(path)[0] == 8000 and (read_wav(path)[1] == samples).all()
    w = sess.widget(out)
    assert Path(w.folder) in Path(path).parents  # in the session's own folder


def test_given_file_is_copied_with_its_name(tmp_path):
    path = wav(tmp_path, "voice.wav", 2, np.arange(10, dtype=np.int16).tobytes())
    sess, comp, w = one(value=str(path), type="filepath")
    got = sess.get(comp)
    assert Path(got).name == "voice.wav" and got != str(path) and Path(got).read_bytes() == path.read_bytes()
    assert w.mime == "audio/wav" and w.data == path.read_bytes()
    sess.close()
    assert not Path(got).exists()  # removed with the session


def test_bytes_value_named_by_its_header():
    data = wav_bytes(8000, np.arange(4, dtype=np.int16))
    assert Audio().postprocess(data)["orig_name"] == "audio.wav"
    assert Audio().postprocess(b"ID3\x04rest")["orig_name"] == "audio.mp3"
    sess, comp, _ = one(value=data)
    assert sess.get(comp)[1].tolist() == [0, 1, 2, 3]


def test_bytes_travel_as_a_binary_buffer():
    sess, comp, w = one()
    assert isinstance(w, AudioWidget) and w.data == b""
    sess.set(comp, (8000, np.arange(100, dtype=np.int16)))
    assert w.data[:4] == b"RIFF" and w.mime == "audio/wav"
    _, _, buffers = ipywidgets.widgets.widget._remove_buffers(w.get_state())
    assert any(bytes(b)[:4] == b"RIFF" for b in buffers)  # a buffer, not base64 text
    assert "data" not in w.value
    sess.set(comp, None)
    assert w.data == b"" and sess.get(comp) is None


@pytest.mark.parametrize("value, match", [
    ([8000, [1, 2]], "Audio: cannot show a list"),
    ((8000,), "Audio: expected a tuple"),
    ((8000, np.zeros((2, 2, 2))), "Audio: expected samples of shape"),
    (("x", np.zeros(3)), "Audio: expected a tuple"),
])
def test_bad_values_are_gr_errors_naming_audio(value, match):
    with pytest.raises(gr.Error, match=match):
        Audio().postprocess(value)


def test_a_missing_file_is_kept_as_gradio_keeps_it():
    """Audio and Video keep a path to a missing file (the app builds; the page says so)."""
    with gr.Blocks() as demo:
        sound = Audio("/no/such/sax.wav")
        clip = Video("/no/such/clip.mp4")
    sess = demo.session()
    for comp, name in ((sound, "sax.wav"), (clip, "clip.mp4")):
        w = sess.widget(comp)
        assert w.value["path"].endswith(name) and w.data == b"" and w.message == f"{name}: file not found."
    sess.close()


def test_bad_return_shows_an_error_and_keeps_the_output():
    with gr.Blocks() as demo:
        out = Audio()
        btn = gr.Button()
        btn.click(lambda: 42, None, out)
    sess = demo.session()
    sess.click(btn)
    assert len(sess.errors) == 1 and "Audio" in sess.errors[0].message and sess.get(out) is None


def test_constructor_checks_as_gradio():
    with pytest.raises(ValueError, match="type"):
        Audio(type="pil")
    with pytest.raises(ValueError, match="sources"):
        Audio(sources=["webcam"])
    with pytest.raises(ValueError, match="format"):
        Audio(format="ogg")
    with pytest.raises(ValueError, match="streaming"):
        Audio(sources="upload", streaming=True)
    assert Audio().sources == ["upload", "microphone"] and Audio(streaming=True).sources == ["microphone"]
    assert Audio(format="WAV").format == "wav"
    assert Audio(waveform_options={"waveform_color": "red"}).waveform_options == WaveformOptions(waveform_color="red")


def test_non_wav_as_numpy_without_ffmpeg_is_refused(monkeypatch):
    mp3 = media.get_audio("cate_blanch.mp3")
    no_ffmpeg(monkeypatch)
    sess, comp, w = one(value=mp3)
    assert w.mime == "audio/mpeg" and w.data[:3] == b"ID3"  # the browser plays it as it is
    with pytest.raises(gr.Error, match="Audio: cannot decode 'cate_blanch.mp3'.*WAV files only"):
        sess.get(comp)
    sess2, comp2, _ = one(value=mp3, type="filepath")
    assert Path(sess2.get(comp2)).name == "cate_blanch.mp3"
    with pytest.raises(gr.Error, match="needs ffmpeg"):
        Audio(format="wav").postprocess(mp3)


@pytest.mark.skipif(not HAS_FFMPEG, reason="ffmpeg not installed")
def test_non_wav_as_numpy_with_ffmpeg_is_decoded():
    sess, comp, _ = one(value=media.get_audio("cate_blanch.mp3"))
    rate, got = sess.get(comp)
    assert rate == 44100 and got.dtype == np.int16 and 1.9 * 44100 < len(got) < 2.2 * 44100


def test_mp3_format_without_ffmpeg_sends_wav_with_a_warning(monkeypatch):
    no_ffmpeg(monkeypatch)
    with pytest.warns(UserWarning, match="sent as WAV"):
        payload = Audio(format="mp3").postprocess((8000, np.arange(4, dtype=np.int16)))
    assert payload["orig_name"] == "audio.wav" and payload["data"][:4] == b"RIFF"


def test_filepath_format_wav_rewrites_a_wav_of_another_name(tmp_path):
    path = wav(tmp_path, "clip.WAVE", 1, bytes([0, 128, 255]))
    with pytest.warns(UserWarning, match="from int8 to 16-bit"):  # as Gradio's conversion warns
        sess, comp, _ = one(value=str(path), type="filepath", format="wav")
    got = sess.get(comp)
    assert got.endswith(".wav") and read_wav(got)[1].dtype == np.int16


# -- events from the page -----------------------------------------------------------------------
def test_upload_record_clear_and_player_events():
    events = []
    with gr.Blocks() as demo:
        comp = Audio()
        comp.upload(lambda a: events.append(("upload", len(a[1]))), comp, None)
        comp.stop_recording(lambda a: events.append(("stop_recording", len(a[1]))), comp, None)
        comp.change(lambda a: events.append(("change", None if a is None else len(a[1]))), comp, None)
        comp.clear(lambda: events.append(("clear",)), None, None)
        for name in ("play", "pause", "stop", "start_recording", "pause_recording"):
            getattr(comp, name)(lambda name=name: events.append((name,)), None, None)
    sess = demo.session()
    w = sess.widget(comp)
    data = wav_bytes(8000, np.arange(50, dtype=np.int16))
    upload(w, "b1", "../../tune.wav", data)
    assert Path(w.value["path"]).name == "tune.wav" and Path(w.folder) in Path(w.value["path"]).parents
    assert events == [("change", 50), ("upload", 50)]
    events.clear()
    w._handle_custom_msg({"event": "start_recording"}, [])
    w._handle_custom_msg({"event": "pause_recording"}, [])
    upload(w, "b2", "audio.wav", wav_bytes(8000, np.arange(20, dtype=np.int16)), source="record")
    assert events == [("start_recording",), ("pause_recording",), ("change", 20), ("stop_recording", 20)]
    events.clear()
    for name in ("play", "pause", "stop"):
        w._handle_custom_msg({"event": name}, [])
    w._handle_custom_msg({"event": "clear"}, [])
    assert events == [("play",), ("pause",), ("stop",), ("change", None), ("clear",)]
    events.clear()
    sess.trigger(comp, "play")
    sess.trigger(comp, "stop")
    assert events == [("play",), ("stop",)]
    with pytest.raises(ValueError, match="no 'end' event"):
        sess.trigger(comp, "end")


def test_a_non_interactive_audio_refuses_uploads():
    with gr.Blocks() as demo:
        comp = Audio(interactive=False)
    sess = demo.session()
    w = sess.widget(comp)
    assert w.disabled
    upload(w, "b", "x.wav", wav_bytes(8000, np.zeros(4, np.int16)))
    assert w.value is None


def test_update_props_reach_the_widget():
    with gr.Blocks() as demo:
        comp = Audio(label="Before")
        btn = gr.Button()
        btn.click(lambda: gr.update(label="After", sources=["upload"], autoplay=True, loop=True,
                                    waveform_options={"waveform_color": "#123456", "show_recording_waveform": False}),
                  None, comp)
    sess = demo.session()
    w = sess.widget(comp)
    assert w.record and w.waveform and not w.autoplay
    sess.click(btn)
    assert (w.label, w.record, w.upload, w.autoplay, w.loop) == ("After", False, True, True, True)
    assert w.waveform_color == "#123456" and not w.waveform


# -- Video ------------------------------------------------------------------------------------
def test_video_path_round_trip_and_bytes():
    src = media.get_video("world.mp4")
    seen = []
    with gr.Blocks() as demo:
        a = Video()
        b = Video(label="Out")
        btn = gr.Button()
        btn.click(lambda p: (seen.append(Path(p).name), p)[1], a, b)
    sess = demo.session()
    sess.set(a, src)
    sess.click(btn)
    got = sess.get(b)
    assert seen == ["world.mp4"] and Path(got).name == "world.mp4" and got != src
    w = sess.widget(b)
    assert isinstance(w, VideoWidget) and w.mime == "video/mp4" and w.data == Path(src).read_bytes()
    _, _, buffers = ipywidgets.widgets.widget._remove_buffers(w.get_state())
    assert any(bytes(b)[4:8] == b"ftyp" for b in buffers)


def test_video_subtitles_tuple_and_parameter(tmp_path):
    srt = tmp_path / "s.srt"
    srt.write_text("1\n00:00:00,500 --> 00:00:01,250\nHello\n")
    sess, comp, w = one(Video)
    sess.set(comp, (media.get_video("a.mp4"), str(srt)))
    assert w.subtitles.startswith("WEBVTT") and "00:00:00.500 --> 00:00:01.250" in w.subtitles
    assert Path(sess.get(comp)).name == "a.mp4"
    sess.set(comp, media.get_video("b.mp4"))
    assert w.subtitles == ""
    _, _, w2 = one(Video, value=media.get_video("b.mp4"), subtitles=[{"text": "Hi", "timestamp": [0, 1.5]}])
    assert "00:00:00.000 --> 00:00:01.500\nHi" in w2.subtitles
    with pytest.raises(ValueError, match="missing required 'text'"):
        Video(subtitles=[{"timestamp": [0, 1]}])


@pytest.mark.parametrize("value, match", [
    (42, "Video: cannot show a int"),
    (("a", "b", "c"), "Video: expected a path or a tuple"),
])
def test_video_bad_values(value, match):
    with pytest.raises(gr.Error, match=match):
        Video().postprocess(value)


def test_video_conversions_without_ffmpeg(monkeypatch):
    no_ffmpeg(monkeypatch)
    with pytest.raises(gr.Error, match="Video: converting 'a.mp4' to webm needs ffmpeg"):
        Video(format="webm").postprocess(media.get_video("a.mp4"))
    assert Video(format="mp4").postprocess(media.get_video("a.mp4"))["orig_name"] == "a.mp4"
    sess, comp, _ = one(Video, value=media.get_video("a.mp4"), sources=["webcam"])
    assert comp.include_audio is False
    with pytest.warns(UserWarning, match="sound is kept"):
        assert Path(sess.get(comp)).name == "a.mp4"


def test_video_upload_and_player_events():
    events = []
    with gr.Blocks() as demo:
        comp = Video()
        comp.upload(lambda p: events.append(("upload", Path(p).name)), comp, None)
        for name in ("play", "pause", "stop", "end", "clear"):
            getattr(comp, name)(lambda name=name: events.append((name,)), None, None)
    sess = demo.session()
    w = sess.widget(comp)
    upload(w, "v", "clip.mp4", Path(media.get_video("b.mp4")).read_bytes(), chunk=4096)
    for name in ("play", "pause", "stop", "end", "clear"):
        w._handle_custom_msg({"event": name}, [])
    assert events == [("upload", "clip.mp4"), ("play",), ("pause",), ("stop",), ("end",), ("clear",)]
    assert sess.get(comp) is None
    sess.trigger(comp, "end")
    assert events[-1] == ("end",)


def test_video_too_large_is_not_sent(monkeypatch):
    monkeypatch.setattr(media_widget_module, "MAX_SHOWN_BYTES", 1000)
    sess, comp, w = one(Video, value=media.get_video("a.mp4"))
    assert w.data == b"" and "too large" in w.message and Path(sess.get(comp)).name == "a.mp4"


def test_video_update_props():
    with gr.Blocks() as demo:
        comp = Video()
        btn = gr.Button()
        btn.click(lambda: Video(height=240, width="50%", loop=True, label="New"), None, comp)
    sess = demo.session()
    sess.click(btn)
    w = sess.widget(comp)
    assert (w.height, w.width, w.loop, w.label) == ("240px", "50%", True, "New")


# -- shipped samples --------------------------------------------------------------------------
def test_sample_videos_and_mp3s_are_shipped():
    for name in ("a.mp4", "b.mp4", "world.mp4"):
        data = Path(media.get_video(name)).read_bytes()
        assert data[4:8] == b"ftyp" and len(data) < 100_000
    assert Path(media.get_video()).suffix == ".mp4"
    for name in ("cate_blanch.mp3", "cate_blanch_2.mp3", "heath_ledger.mp3"):
        assert Path(media.get_audio(name)).read_bytes()[:3] == b"ID3"
    with pytest.raises(FileNotFoundError, match="Media file not found"):
        media.get_video("nope.mp4")


def test_conversions_never_write_beside_a_persons_file(tmp_path, monkeypatch):
    path = wav(tmp_path, "clip.wave", 2, np.arange(8, dtype=np.int16).tobytes())
    # tmp_path is not a temporary folder for this test: it stands for a person's own folder
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "elsewhere"))
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "elsewhere"))
    got = Audio(type="filepath", format="wav").preprocess({"path": str(path)})
    assert Path(got).name == "clip.wav" and Path(got).parent != tmp_path and Path(got).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.wave", "elsewhere"]


def test_subtitles_must_be_srt_vtt_or_json(tmp_path) -> None:
    """A subtitle file of another type is refused with Gradio's message, the video unchanged;
    an update's subtitle file passes the allowed-paths rule too."""
    from gradio_nb.media import get_video

    secret = tmp_path / "secret.cfg"
    secret.write_text("password")
    with gr.Blocks() as demo:
        video = gr.Video()
        bad = gr.Button()
        bad.click(lambda: (get_video("world.mp4"), str(secret)), None, video)
    sess = demo.session()
    sess.click(bad)
    assert len(sess.errors) == 1 and "Please choose a file with one of these extensions" in sess.errors[0].message
    assert sess.get(video) is None and sess.widget(video).subtitles == ""
    with pytest.raises(ValueError, match="extensions"):
        gr.Video(subtitles=str(secret))
    sess.close()
