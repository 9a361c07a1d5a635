"""``gr.Audio``: sound shown from its bytes in the browser's player, uploaded or recorded.

The kernel sends the page the file's bytes in a ``t.Bytes`` trait (a binary comm buffer,
never base64); the view (``js/audio.js``) plays them through a Blob URL and draws a waveform
from the samples the browser decodes. Files a person picks, drops or records travel back in
chunks (:mod:`gradio_nb.uploads`) into the widget's own temporary folder.

WAV (PCM) is read and written with the standard library and numpy, as Gradio's pydub path
reads it. Other formats (MP3, OGG, FLAC, ...) are played by the browser as they are; turning
them into samples (``type="numpy"``) or into another ``format`` needs ffmpeg, which is used
when it is on PATH and otherwise refused with a ``gr.Error`` (as Gradio fails without it).
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import tempfile
import warnings
import wave
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..file_paths import local_file, readable, returned_payload
from ..media_urls import is_http_url, url_payload
from ..uploads import Uploads, guess_mimetype, scratch_folder
from ..widgets import MAX_SHOWN_BYTES, _View, add_handler, on_view_event
from .base import FormComponent, ShowsPayload

_VALID_SOURCES = ["upload", "microphone"]
_VALID_TYPES = ["numpy", "filepath"]
_VALID_FORMATS = ["wav", "mp3"]


@dataclasses.dataclass
class WaveformOptions:
    """Options of the waveform shown by ``gr.Audio`` (Gradio's fields).

    ``waveform_color`` and ``waveform_progress_color`` colour the waveform drawn above the
    player (a click on it seeks); ``show_recording_waveform=False`` shows the browser's plain
    player only. Accepted and ignored: ``skip_length`` (the browser's player has no skip
    buttons), ``trim_region_color`` and ``sample_rate`` (there is no trimming editor here).
    """

    waveform_color: str | None = None
    waveform_progress_color: str | None = None
    trim_region_color: str | None = None
    show_recording_waveform: bool = True
    skip_length: int | float = 5
    sample_rate: int = 44100


# -- files ------------------------------------------------------------------------------------
def ffmpeg(*args: str, what: str) -> None:
    """Run ffmpeg (when installed) or raise a ``gr.Error`` saying ``what`` needed it."""
    exe = shutil.which("ffmpeg")
    if exe is None:
        raise Error(f"{what} needs ffmpeg, which is not installed (gradio_nb reads and writes WAV without it).")
    done = subprocess.run([exe, "-y", "-loglevel", "error", *args], capture_output=True, check=False)
    if done.returncode:
        raise Error(f"{what} failed: ffmpeg says {done.stderr.decode(errors='replace').strip()}")


def beside(path: str | Path) -> Path:
    """The folder for a file converted from ``path``: its own folder when that is a temporary
    one (a session's upload folder, as Gradio writes next to its cached file), else a new
    temporary folder (never a person's own folder, nor the package's samples)."""
    parent = Path(path).resolve().parent
    if Path(tempfile.gettempdir()).resolve() in parent.parents:
        return parent
    return scratch_folder("gradio_nb_media_")


def sniff_suffix(data: bytes) -> str:
    """The extension of audio bytes by their header (as Gradio's ``detect_audio_format``)."""
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return ".wav"
    if data[:3] == b"ID3" or data[:2] == b"\xff\xfb":
        return ".mp3"
    return ""


def is_wav(path: str | Path) -> bool:
    """Whether the file is a RIFF/WAVE file (whatever its name says)."""
    with open(path, "rb") as f:
        return sniff_suffix(f.read(12)) == ".wav"


def _chunks(data: bytes) -> dict[bytes, bytes]:
    """The first chunk of each kind of a RIFF/WAVE file's body."""
    found: dict[bytes, bytes] = {}
    pos = 12
    while pos + 8 <= len(data):
        kind, size = data[pos : pos + 4], int.from_bytes(data[pos + 4 : pos + 8], "little")
        # A streamed file may say 0 or 0xFFFFFFFF for its data: take what is there.
        body = data[pos + 8 : pos + 8 + size] if kind != b"data" or 0 < size < len(data) else data[pos + 8 :]
        found.setdefault(kind, body)
        pos += 8 + size + (size & 1)
    return found


def read_wav(path: str | Path) -> tuple[int, Any]:
    """``(sample_rate, samples)`` of a WAV file, as Gradio (through pydub) reads it.

    8-bit PCM gives int8 (shifted to signed), 16-bit int16, 24-bit int32 (shifted up a byte,
    as pydub does), 32-bit int32; float WAV gives int32 at full scale (what ffmpeg's
    conversion gives Gradio). Mono is ``(n,)``, more channels ``(n, channels)``.
    """
    import numpy as np

    data = Path(path).read_bytes()
    if sniff_suffix(data) != ".wav":
        raise Error(f"Audio: {Path(path).name!r} is not a WAV file.")
    chunks = _chunks(data)
    fmt, body = chunks.get(b"fmt "), chunks.get(b"data")
    if fmt is None or body is None or len(fmt) < 16:
        raise Error(f"Audio: {Path(path).name!r} is a damaged WAV file (no fmt or data chunk).")
    tag, channels, rate = int.from_bytes(fmt[0:2], "little"), int.from_bytes(fmt[2:4], "little"), int.from_bytes(fmt[4:8], "little")
    bits = int.from_bytes(fmt[14:16], "little")
    if tag == 0xFFFE and len(fmt) >= 26:  # WAVE_FORMAT_EXTENSIBLE: the real tag opens the GUID
        tag = int.from_bytes(fmt[24:26], "little")
    width = (bits + 7) // 8
    if channels < 1 or (tag, width) not in {(1, 1), (1, 2), (1, 3), (1, 4), (3, 4), (3, 8)}:
        raise Error(f"Audio: cannot read {Path(path).name!r}: a WAV of format {tag} with {bits}-bit samples.")
    body = body[: len(body) - len(body) % (width * channels)]
    if tag == 3:
        floats = np.frombuffer(body, "<f4" if width == 4 else "<f8").astype(np.float64)
        samples = np.rint(np.clip(floats, -1.0, 1.0) * 2147483647).astype(np.int32)
    elif width == 1:
        samples = (np.frombuffer(body, np.uint8).astype(np.int16) - 128).astype(np.int8)
    elif width == 3:
        raw = np.frombuffer(body, np.uint8).reshape(-1, 3)
        # As pydub: the 3 bytes become the top of an int32, the low byte 0xFF when negative.
        low = np.where(raw[:, 2] >= 0x80, 0xFF, 0x00).astype(np.uint8)
        samples = np.column_stack([low, raw]).copy().view("<i4").reshape(-1)
    else:
        samples = np.frombuffer(body, "<i2" if width == 2 else "<i4").astype(np.int16 if width == 2 else np.int32)
    if channels > 1:
        samples = samples.reshape(-1, channels)
    return rate, samples


def to_int16(data: Any) -> Any:
    """Samples as int16, by Gradio's rules: floats scaled by their peak, int32 divided by
    65536, unsigned shifted to signed (with Gradio's warning); other types refused."""
    import numpy as np

    message = "Trying to convert audio automatically from {} to 16-bit int format."
    if data.dtype == np.int16:
        return data
    if data.dtype.kind == "f":
        warnings.warn(message.format(data.dtype), stacklevel=3)
        data = data.astype(np.float64)
        peak = np.abs(data).max() if data.size else 0
        if peak == 0 or not np.isfinite(peak):
            return np.zeros(data.shape, np.int16)
        return (data / peak * 32767).astype(np.int16)
    conversions = {
        np.dtype(np.int32): lambda d: (d / 65536).astype(np.int16),
        np.dtype(np.uint16): lambda d: (d.astype(np.int32) - 32768).astype(np.int16),
        np.dtype(np.uint8): lambda d: (d.astype(np.int32) * 257 - 32768).astype(np.int16),
        np.dtype(np.int8): lambda d: (d.astype(np.int16) * 256).astype(np.int16),
    }
    if data.dtype not in conversions:
        raise Error(f"Audio: cannot convert samples of type {data.dtype} to 16-bit audio.")
    warnings.warn(message.format(data.dtype), stacklevel=3)
    return conversions[data.dtype](data)


def wav_bytes(sample_rate: int, data: Any) -> bytes:
    """A 16-bit PCM WAV of ``data`` (``(n,)`` mono or ``(n, channels)``), as Gradio writes it."""
    data = to_int16(data)
    out = io.BytesIO()
    with wave.open(out, "wb") as f:
        f.setnchannels(1 if data.ndim == 1 else data.shape[1])
        f.setsampwidth(2)
        f.setframerate(int(sample_rate))
        f.writeframes(data.astype("<i2").tobytes())
    return out.getvalue()


# -- the widget shared with Video -------------------------------------------------------------
class MediaWidget(Uploads, _View):
    """A player of a file's bytes (``data``, a binary buffer, with its MIME type), or of the
    ``http(s)://`` URL the value is (``src``: the page loads it); the payload (``value``:
    ``{"path", "orig_name"}`` or None) stays in the kernel.

    The view sends upload messages (see :mod:`gradio_nb.uploads`; a recording has
    ``"source": "record"``), ``{"event": "clear"}`` and the player's events by name.
    """

    label = t.Unicode("").tag(sync=True)
    show_label = t.Bool(True).tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    pending = t.Bool(False).tag(sync=True)
    upload = t.Bool(True).tag(sync=True)
    record = t.Bool(False).tag(sync=True)
    autoplay = t.Bool(False).tag(sync=True)
    loop = t.Bool(False).tag(sync=True)
    data = t.Bytes(b"").tag(sync=True)
    mime = t.Unicode("").tag(sync=True)
    #: The ``http(s)://`` URL the page plays the value from (a value given as a URL), or "".
    src = t.Unicode("").tag(sync=True)
    #: Shown instead of the player (a file too large to send, say); empty for none.
    message = t.Unicode("").tag(sync=True)
    value = t.Dict(None, allow_none=True)
    #: The MIME type assumed for a file whose name tells none.
    default_mime = "application/octet-stream"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: event name -> the session's fire for it ("upload", "clear", "stop_recording").
        self.handlers: dict[str, Callable[..., None]] = {}
        self.on_msg(self._view_message)

    def accepts_uploads(self) -> bool:
        return not self.disabled and (self.upload or self.record)

    def show(self, payload: dict[str, Any] | None) -> None:
        """Hold ``payload`` and send its bytes to the page (written to a file first if it has
        only bytes; a file from elsewhere is copied in, as Gradio copies it into its cache)."""
        if payload is None:
            with self.hold_sync():
                self.data, self.mime, self.src, self.message = b"", "", "", ""
                self.value = None
            return
        payload = dict(payload)
        data = payload.pop("data", None)
        if data is not None and not payload.get("path"):
            path = self.new_file(payload.get("orig_name") or "file")
            path.write_bytes(data)
            payload["path"] = str(path)
        elif is_http_url(payload["path"]):
            name = payload.get("orig_name") or payload["path"]
            with self.hold_sync():  # the page plays it from there; the kernel fetches nothing
                self.data, self.mime, self.src, self.message = b"", guess_mimetype(name) or "", payload["path"], ""
                self.extra(payload)
                self.value = payload
            return
        elif not Path(payload["path"]).is_file():
            name = payload.get("orig_name") or Path(payload["path"]).name
            with self.hold_sync():
                self.data, self.mime, self.src, self.message = b"", "", "", f"{name}: file not found."
                self.extra({})
                self.value = payload
            return
        else:
            payload["path"] = str(self.adopt(payload["path"]))
        name = payload.get("orig_name") or Path(payload["path"]).name
        size = Path(payload["path"]).stat().st_size
        message = ""
        if size > MAX_SHOWN_BYTES:
            data = b""
            message = f"{name} is too large to show here ({size / 2**20:.0f} MB; at most {MAX_SHOWN_BYTES // 2**20} MB)."
        elif data is None:
            data = Path(payload["path"]).read_bytes()
        with self.hold_sync():
            self.data, self.mime, self.src, self.message = data, guess_mimetype(name) or self.default_mime, "", message
            self.extra(payload)
            self.value = payload

    def extra(self, payload: dict[str, Any]) -> None:
        """Show what else the payload carries (a video's subtitles)."""

    def _view_message(self, _widget: Any, content: Any, buffers: list[Any]) -> None:
        if not isinstance(content, dict):
            return
        event = content.get("event")
        if event == "upload":
            files = self.receive(content, buffers)
            if files:
                self.show({"path": files[-1]["path"], "orig_name": files[-1]["orig_name"]})
                handler = self.handlers.get("stop_recording" if content.get("source") == "record" else "upload")
                if handler is not None:
                    handler()
        elif event == "clear" and not self.disabled:
            self.show(None)
            if "clear" in self.handlers:
                self.handlers["clear"]()


def connect_media(widget: MediaWidget, event: str, fire: Callable[..., None], events: Sequence[str]) -> bool:
    """Wire ``event`` of a media widget: upload, clear and a finished recording change the
    value first (the widget does it), the player's events are sent by the view as they are."""
    if event in ("upload", "clear", "stop_recording"):
        add_handler(widget, event, fire)
        return True
    if event in events:
        on_view_event(widget, event, fire)
        return True
    return False


class AudioWidget(MediaWidget):
    """An audio player with a waveform; a recorder when ``record`` is on."""

    _view_file = "audio"
    default_mime = "audio/wav"
    editable = t.Bool(True).tag(sync=True)
    waveform = t.Bool(True).tag(sync=True)
    waveform_color = t.Unicode("").tag(sync=True)
    progress_color = t.Unicode("").tag(sync=True)
    recording = t.Bool(False).tag(sync=True)


# -- the component ----------------------------------------------------------------------------
class Audio(ShowsPayload, FormComponent):
    """Sound: uploaded or recorded by a person (``interactive``), or played from a return.

    A function receives, by ``type``: ``"numpy"`` a tuple ``(sample_rate, samples)`` (int16
    for 16-bit WAV; int8/int32 for 8/24/32-bit, as Gradio), ``"filepath"`` the path of a copy
    in the session's temporary folder. It may return a path, ``bytes`` of a file, or a tuple
    ``(sample_rate, array)``, written as a 16-bit WAV (floats scaled by their peak, as Gradio).
    An ``http(s)://`` URL is kept as the value and played by the page from there (not
    converted to ``format``); the kernel fetches nothing, so a function given it gets a
    ``gr.Error`` (Gradio downloads it first), as it does for a path to a missing file.

    Non-WAV files play in the browser as they are. ``type="numpy"`` of one, ``format="mp3"``
    and other conversions need ffmpeg: used when on PATH, else a ``gr.Error`` (a returned array
    with ``format="mp3"`` is written as WAV, with a warning). Uploads of any audio format are
    kept as they are (not decoded in the page).

    Events: ``change``, ``input``, ``upload``, ``clear``, ``play``, ``pause``, ``stop`` (the
    end of the sound, as Gradio's page sends it), ``start_recording``, ``pause_recording``,
    ``stop_recording`` (a recording from the microphone, where the browser allows it, arrives
    as ``audio.wav``), ``stream`` (accepted; never sent: a notebook records whole clips, it
    does not stream them). A streamed output (``streaming=True``) shows each chunk as it comes.

    Accepted and ignored: ``buttons`` (the browser's player has its own download menu),
    ``subtitles``, ``playback_position``, ``waveform_options.trim_region_color`` and
    ``sample_rate`` (no trimming editor).
    """

    widget_class = AudioWidget
    EVENTS: ClassVar[tuple[str, ...]] = (
        "stream", "change", "clear", "play", "pause", "stop", "start_recording", "pause_recording",
        "stop_recording", "upload", "input",
    )
    UPDATABLE = (
        *FormComponent.UPDATABLE,
        "sources", "type", "format", "autoplay", "loop", "editable", "waveform_options", "recording", "streaming",
        "buttons", "subtitles", "playback_position", "container", "scale", "min_width",
    )
    #: Events the view sends as they happen (the others change the value first).
    PLAYER_EVENTS: ClassVar[tuple[str, ...]] = ("play", "pause", "stop", "start_recording", "pause_recording")

    stream = listener("stream", "Accepted for Gradio compatibility: a notebook records whole clips, it sends no stream.")
    clear = listener("clear", "Run ``fn`` when the user clears the audio.")
    play = listener("play", "Run ``fn`` when the user starts playing the audio.")
    pause = listener("pause", "Run ``fn`` when the audio is paused.")
    stop = listener("stop", "Run ``fn`` when the audio reaches its end.")
    start_recording = listener("start_recording", "Run ``fn`` when the user starts recording.")
    pause_recording = listener("pause_recording", "Run ``fn`` when the user pauses recording.")
    stop_recording = listener("stop_recording", "Run ``fn`` when the user stops recording (the recording is the value).")
    upload = listener("upload", "Run ``fn`` when the user uploads an audio file.")

    def __init__(
        self,
        value: Any = None,
        *,
        sources: Sequence[str] | str | None = None,
        type: str = "numpy",
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool = True,
        streaming: bool = False,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        format: str | None = None,
        autoplay: bool = False,
        editable: bool = True,
        buttons: Any = None,
        waveform_options: WaveformOptions | dict[str, Any] | None = None,
        loop: bool = False,
        recording: bool = False,
        subtitles: Any = None,
        playback_position: float = 0,
    ) -> None:
        self.streaming = streaming
        self.sources = self._check_sources(sources, streaming)
        if type not in _VALID_TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: {' '.join(_VALID_TYPES)}")
        if streaming and "microphone" not in self.sources:
            raise ValueError("Audio streaming only available if sources includes 'microphone'.")
        if format is not None and format.lower() not in _VALID_FORMATS:
            raise ValueError(f"Invalid value for parameter `format`: {format}. Please choose from one of: {' '.join(_VALID_FORMATS)}")
        self.type = type
        self.format = format and format.lower()
        self.autoplay = autoplay
        self.loop = loop
        self.editable = editable
        self.buttons = buttons
        self.waveform_options = self._check_waveform(waveform_options)
        self.recording = recording
        self.subtitles = subtitles
        self.playback_position = playback_position
        super().__init__(
            value, label=label, every=every, inputs=inputs, show_label=show_label, container=container, scale=scale,
            min_width=min_width, interactive=interactive, visible=visible, elem_id=elem_id, elem_classes=elem_classes,
            render=render, key=key, preserved_by_key=preserved_by_key,
        )

    @staticmethod
    def _check_sources(sources: Sequence[str] | str | None, streaming: bool = False) -> list[str]:
        if sources is None:
            return ["microphone"] if streaming else list(_VALID_SOURCES)
        if isinstance(sources, str) and sources in _VALID_SOURCES:
            return [sources]
        if not isinstance(sources, (list, tuple)) or any(s not in _VALID_SOURCES for s in sources):
            raise ValueError(f"`sources` must be a list consisting of elements in {_VALID_SOURCES}")
        return list(sources)

    @staticmethod
    def _check_waveform(options: WaveformOptions | dict[str, Any] | None) -> WaveformOptions:
        if options is None:
            return WaveformOptions()
        if isinstance(options, dict):
            return WaveformOptions(**options)
        return options

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "sources" in props:
            self.sources = self._check_sources(self.sources, self.streaming)
        if "waveform_options" in props:
            self.waveform_options = self._check_waveform(self.waveform_options)
        if "type" in props and self.type not in _VALID_TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {self.type}. Please choose from one of: {' '.join(_VALID_TYPES)}")

    # -- value pipeline ----------------------------------------------------------------------
    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """``{"path", "orig_name"}`` for a file, ``{"data": bytes, "orig_name"}`` for bytes or
        a ``(sample_rate, array)`` tuple (a WAV, Gradio's ``audio.wav``); None for None."""
        import numpy as np

        if value is None:
            return None
        if isinstance(value, dict) and ("path" in value or "data" in value):
            return returned_payload(value, getattr(self, "root", None))  # a payload already
        if isinstance(value, (bytes, bytearray)):
            return {"data": bytes(value), "orig_name": "audio" + sniff_suffix(bytes(value))}
        if isinstance(value, tuple):
            if len(value) != 2:
                raise Error(f"Audio: expected a tuple (sample_rate, samples), got a tuple of {len(value)} items.")
            rate, samples = value
            try:
                rate, samples = int(rate), np.asarray(samples)
            except (TypeError, ValueError) as err:
                raise Error(f"Audio: expected a tuple (sample_rate: int, samples: numpy array); {err}.") from err
            if samples.ndim not in (1, 2) or rate <= 0:
                raise Error(f"Audio: expected samples of shape (n,) or (n, channels) and a positive sample rate; "
                            f"got shape {samples.shape} at {rate} Hz.")
            data = wav_bytes(rate, samples)
            if self.format == "mp3":
                return self._as_mp3(data)
            return {"data": data, "orig_name": "audio.wav"}
        if is_http_url(value):
            return url_payload(value)
        if isinstance(value, (str, Path)):
            # As Gradio: a missing file is kept (the page has nothing to play); reading it fails.
            text = local_file(value, "Audio", getattr(self, "root", None), must_exist=False)
            if Path(text).is_file() and self.format is not None and Path(text).suffix.lower() != f".{self.format}":
                return {"path": self._convert(text), "orig_name": f"{Path(text).stem}.{self.format}"}
            return {"path": text, "orig_name": Path(text).name}
        raise Error(f"Audio: cannot show a {type(value).__name__}; expected a file path, bytes or a tuple "
                    "(sample_rate, numpy array).")

    def _as_mp3(self, wav: bytes) -> dict[str, Any]:
        """A WAV re-encoded as MP3 with ffmpeg, or kept as WAV (with a warning) without it."""
        if shutil.which("ffmpeg") is None:
            warnings.warn("Audio(format='mp3'): ffmpeg is not installed, so the audio is sent as WAV.", stacklevel=3)
            return {"data": wav, "orig_name": "audio.wav"}
        folder = scratch_folder("gradio_nb_audio_")
        (folder / "audio.wav").write_bytes(wav)
        ffmpeg("-i", str(folder / "audio.wav"), str(folder / "audio.mp3"), what="Audio(format='mp3')")
        return {"path": str(folder / "audio.mp3"), "orig_name": "audio.mp3"}

    def _convert(self, path: str) -> str:
        """``path`` converted to ``format`` in a new temporary folder (WAV to WAV by
        rewriting it; anything else through ffmpeg)."""
        folder = scratch_folder("gradio_nb_audio_")
        out = folder / f"{Path(path).stem}.{self.format}"
        if self.format == "wav" and is_wav(path):
            out.write_bytes(wav_bytes(*read_wav(path)))
        else:
            ffmpeg("-i", path, str(out), what=f"Audio: converting {Path(path).name!r} to {self.format}")
        return str(out)

    def preprocess(self, payload: dict[str, Any] | None) -> Any:
        """``(sample_rate, samples)`` or a path, by ``type`` (converted to ``format`` if set)."""
        if payload is None:
            return None
        path = payload.get("path")
        if not path:
            if payload.get("data") is None:
                raise Error("Audio: the value has no file.")
            folder = scratch_folder("gradio_nb_audio_")
            path = str(folder / (payload.get("orig_name") or "audio.wav"))
            Path(path).write_bytes(payload["data"])
        path = readable(path, type(self).__name__)
        if self.type == "numpy":
            if is_wav(path):
                return read_wav(path)
            if shutil.which("ffmpeg") is None:
                raise Error(f"Audio: cannot decode {Path(path).name!r} into samples (type='numpy'): gradio_nb reads "
                            "WAV files only, unless ffmpeg is installed. Upload a WAV, or use type='filepath'.")
            out = scratch_folder("gradio_nb_audio_") / "audio.wav"
            ffmpeg("-i", path, "-acodec", "pcm_s16le", str(out), what=f"Audio: decoding {Path(path).name!r}")
            return read_wav(out)
        if self.format is not None and Path(path).suffix.lower() != f".{self.format}":
            out = beside(path) / f"{Path(path).stem}.{self.format}"
            if self.format == "wav" and is_wav(path):
                out.write_bytes(wav_bytes(*read_wav(path)))
            else:
                ffmpeg("-i", path, str(out), what=f"Audio: converting {Path(path).name!r} to {self.format}")
            return str(out)
        return str(path)

    # -- widget ------------------------------------------------------------------------------
    def sync_props(self, widget: AudioWidget, interactive: bool) -> None:
        options = self.waveform_options
        with widget.hold_sync():
            widget.label = self.label or ""
            widget.show_label = self.show_label
            widget.disabled = not interactive
            widget.upload = "upload" in self.sources
            widget.record = "microphone" in self.sources
            widget.autoplay = bool(self.autoplay)
            widget.loop = bool(self.loop)
            widget.editable = bool(self.editable)
            widget.recording = bool(self.recording)
            widget.waveform = bool(options.show_recording_waveform)
            widget.waveform_color = options.waveform_color or ""
            widget.progress_color = options.waveform_progress_color or ""
        self._style_widget(widget)

    def connect(self, widget: AudioWidget, event: str, fire: Callable[..., None]) -> bool:
        return connect_media(widget, event, fire, self.PLAYER_EVENTS)


class Microphone(Audio):
    """An Audio recorded from the microphone (Gradio's template: ``sources`` is always
    ``["microphone"]``, whatever is given)."""

    def __init__(self, value: Any = None, *, sources: Any = None, **kwargs: Any) -> None:
        super().__init__(value, sources=["microphone"], **kwargs)


#: Gradio's short name for :class:`Microphone`.
Mic = Microphone
