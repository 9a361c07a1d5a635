"""``gr.Audio``: sound shown from its bytes in the browser's player, uploaded or recorded.

The kernel sends the page the file's bytes in a ``t.Bytes`` trait (a binary comm buffer,
never base64); the view (``js/audio.js``) plays them through a Blob URL and draws a waveform
from the samples the browser decodes. Files a person picks, drops or records travel back in
chunks (:mod:`gradio_nb.uploads`) into the widget's own temporary folder.

WAV (PCM) is read and written by :mod:`gradio_nb.wav`, as Gradio's pydub path reads it; the
player widget is :mod:`gradio_nb.components.media_widget`, shared with ``gr.Video``. Other
formats (MP3, OGG, FLAC, ...) are played by the browser as they are; turning
them into samples (``type="numpy"``) or into another ``format`` needs ffmpeg, which is used
when it is on PATH and otherwise refused with a ``gr.Error`` (as Gradio fails without it).
"""

from __future__ import annotations

import dataclasses
import shutil
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import traitlets as t

from ..conversions import beside, ffmpeg
from ..events import listener
from ..exceptions import Error
from ..file_paths import local_file, readable, returned_payload
from ..media_urls import is_http_url, url_payload
from ..uploads import scratch_folder
from ..wav import is_wav, read_wav, sniff_suffix, wav_bytes
from ..widgets import sync_label
from .base import FormComponent, ShowsPayload
from .media_widget import MediaWidget, connect_media

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

    SHOWN_LABEL = "Audio"

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
            sync_label(self, widget)
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
