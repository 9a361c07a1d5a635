"""``gr.Video``: a video shown from its bytes in the browser's player, uploaded from the page.

The kernel sends the file's bytes as a binary comm buffer (one ``t.Bytes`` trait); the view
(``js/video.js``) plays them through a Blob URL, with subtitles as a WebVTT track. A video
larger than :data:`gradio_nb.widgets.MAX_SHOWN_BYTES` (100 MB) is not sent: the view says
so instead. Uploads travel back in chunks (:mod:`gradio_nb.uploads`).
"""

from __future__ import annotations

import json
import re
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
from ..widgets import css_size, sync_label
from .base import FormComponent, ShowsPayload
from .media_widget import MediaWidget, connect_media

_VALID_SOURCES = ["upload", "webcam"]


def _vtt_time(seconds: float) -> str:
    hours, rest = divmod(float(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def json_to_vtt(subtitles: list[dict[str, Any]]) -> str:
    """WebVTT text of subtitles given as ``[{"text", "timestamp": [start, end]}, ...]``
    (Gradio's checks and messages)."""
    lines = ["WEBVTT", ""]
    for i, subtitle in enumerate(subtitles):
        if not isinstance(subtitle, dict):
            raise ValueError(f"Subtitle at index {i} must be a dictionary")  # noqa: TRY004 - as Gradio
        if "text" not in subtitle:
            raise ValueError(f"Subtitle at index {i} missing required 'text' field")
        if "timestamp" not in subtitle:
            raise ValueError(f"Subtitle at index {i} missing required 'timestamp' field")
        stamp = subtitle["timestamp"]
        if not isinstance(stamp, (list, tuple)) or len(stamp) != 2:
            raise ValueError(f"Subtitle at index {i} 'timestamp' must be a list/tuple of [start, end]")
        lines += [f"{_vtt_time(stamp[0])} --> {_vtt_time(stamp[1])}", str(subtitle["text"]), ""]
    return "\n".join(lines)


#: The subtitle files Gradio takes (its message names them so).
SUBTITLE_TYPES = (".srt", ".vtt", ".json")


def check_subtitle_type(path: str | Path) -> None:
    """Gradio's ``ValueError`` for a subtitle file that is not SRT, VTT or JSON."""
    if Path(path).suffix not in SUBTITLE_TYPES:
        raise ValueError(
            f"Invalid value for parameter `subtitle`: {path}. Please choose a file with one of these extensions: {SUBTITLE_TYPES}"
        )


def subtitles_vtt(path: str) -> str:
    """WebVTT text of a subtitle file: VTT as it is, SRT converted, JSON as :func:`json_to_vtt`."""
    check_subtitle_type(path)
    text = Path(path).read_text(encoding="utf-8-sig")
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        data = json.loads(text)
        if not isinstance(data, list):
            raise ValueError("JSON subtitle file must contain a list of subtitle objects")
        return json_to_vtt(data)
    if suffix == ".srt":
        # SRT's comma before milliseconds is VTT's dot; its cue numbers are harmless cue ids.
        return "WEBVTT\n\n" + re.sub(r"(\d\d:\d\d:\d\d),(\d\d\d)", r"\1.\2", text.replace("\r\n", "\n"))
    return text


class VideoWidget(MediaWidget):
    """A video player (``data``: the file's bytes) with an optional subtitle track."""

    _view_file = "video"
    default_mime = "video/mp4"
    height = t.Unicode("").tag(sync=True)
    width = t.Unicode("").tag(sync=True)
    #: WebVTT text of the subtitles, or "" for none.
    subtitles = t.Unicode("").tag(sync=True)
    #: The webcam is a source: drawn as Gradio's toolbar button, disabled (no recorder here).
    webcam = t.Bool(False).tag(sync=True)

    def extra(self, payload: dict[str, Any]) -> None:
        sub = payload.get("subtitles")
        self.subtitles = subtitles_vtt(sub["path"]) if sub else ""


class Video(ShowsPayload, FormComponent):
    """A video: uploaded by a person (``interactive``), or played from a function's return.

    A function receives the path of a copy of the video in the session's temporary folder
    (converted to ``format`` when set and different). It may return a path, or a tuple
    ``(video_path, subtitle_path)`` whose subtitles (SRT, VTT or JSON) are shown as a track;
    ``subtitles=`` does the same for the declared value. The page gets the bytes as a binary
    buffer (at most 100 MB; larger videos show a message instead of a player). A video given
    as an ``http(s)://`` URL is kept as the value and played by the page from there (not
    converted); the kernel fetches nothing, so a function given it gets a ``gr.Error`` (Gradio
    downloads it first), as it does for a path to a missing file. Subtitles must be local files.

    Formats are played as they are: Gradio re-encodes a video the browser cannot play only
    when ffmpeg is installed, and so does nothing here. Converting to another ``format`` and
    dropping the sound (``include_audio=False``) need ffmpeg: used when on PATH, otherwise a
    ``gr.Error`` (format) or the video unchanged with a warning (sound).

    Events: ``change``, ``input``, ``upload``, ``clear``, ``play``, ``pause``, ``stop`` and
    ``end`` (both when the video ends, as Gradio's page sends them), ``start_recording`` and
    ``stop_recording`` (accepted; there is no webcam recorder here).

    Accepted and ignored: the "webcam" source, ``webcam_options``, ``watermark`` (drawing it
    needs ffmpeg; the video is shown without it), ``buttons``, ``streaming`` (each yielded
    file replaces the last), ``playback_position``.
    """

    SHOWN_LABEL = "Video"

    widget_class = VideoWidget
    EVENTS: ClassVar[tuple[str, ...]] = (
        "change", "clear", "start_recording", "stop_recording", "stop", "play", "pause", "end", "upload", "input",
    )
    UPDATABLE = (
        *FormComponent.UPDATABLE,
        "format", "sources", "height", "width", "include_audio", "autoplay", "loop", "buttons", "streaming",
        "watermark", "webcam_options", "subtitles", "playback_position", "container", "scale", "min_width",
    )
    PLAYER_EVENTS: ClassVar[tuple[str, ...]] = ("play", "pause", "stop", "end", "start_recording")

    clear = listener("clear", "Run ``fn`` when the user clears the video.")
    start_recording = listener("start_recording", "Accepted for Gradio compatibility: no webcam recorder here.")
    stop_recording = listener("stop_recording", "Accepted for Gradio compatibility: no webcam recorder here.")
    stop = listener("stop", "Run ``fn`` when the video reaches its end.")
    play = listener("play", "Run ``fn`` when the user starts playing the video.")
    pause = listener("pause", "Run ``fn`` when the video is paused.")
    end = listener("end", "Run ``fn`` when the video reaches its end.")
    upload = listener("upload", "Run ``fn`` when the user uploads a video.")

    def __init__(
        self,
        value: Any = None,
        *,
        format: str | None = None,
        sources: Sequence[str] | str | None = None,
        height: int | str | None = None,
        width: int | str | None = None,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        webcam_options: Any = None,
        include_audio: bool | None = None,
        autoplay: bool = False,
        buttons: Any = None,
        loop: bool = False,
        streaming: bool = False,
        watermark: Any = None,
        subtitles: str | Path | list[dict[str, Any]] | None = None,
        playback_position: float = 0,
    ) -> None:
        self.sources = self._check_sources(sources)
        self.format = format
        self.height = height
        self.width = width
        self.webcam_options = webcam_options
        self.include_audio = include_audio if include_audio is not None else "upload" in self.sources
        self.autoplay = autoplay
        self.buttons = buttons
        self.loop = loop
        self.streaming = streaming
        self.watermark = watermark
        self.playback_position = playback_position
        self.subtitles = subtitles
        self._subtitle_file = self._subtitle_path(subtitles)
        super().__init__(
            value, label=label, every=every, inputs=inputs, show_label=show_label, container=container, scale=scale,
            min_width=min_width, interactive=interactive, visible=visible, elem_id=elem_id, elem_classes=elem_classes,
            render=render, key=key, preserved_by_key=preserved_by_key,
        )

    @staticmethod
    def _check_sources(sources: Sequence[str] | str | None) -> list[str]:
        if sources is None:
            return list(_VALID_SOURCES)
        if isinstance(sources, str) and sources in _VALID_SOURCES:
            return [sources]
        if not isinstance(sources, (list, tuple)) or any(s not in _VALID_SOURCES for s in sources):
            raise ValueError(f"`sources` must be a list consisting of elements in {_VALID_SOURCES}")
        return list(sources)

    @staticmethod
    def _subtitle_path(subtitles: Any) -> str | None:
        """A subtitle file for ``subtitles=`` (a JSON-style list is written as a VTT file)."""
        if subtitles is None:
            return None
        if isinstance(subtitles, list):
            path = scratch_folder("gradio_nb_video_") / "subtitles.vtt"
            path.write_text(json_to_vtt(subtitles), encoding="utf-8")
            return str(path)
        check_subtitle_type(subtitles)
        return local_file(subtitles, "Video", what="subtitle file")

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "sources" in props:
            self.sources = self._check_sources(self.sources)
        if "subtitles" in props:
            self._subtitle_file = self._subtitle_path(self.subtitles)

    # -- value pipeline ----------------------------------------------------------------------
    def _file(self, value: Any, what: str) -> str:
        return local_file(value, "Video", getattr(self, "root", None), what=what)

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """``{"path", "orig_name"}`` (plus ``"subtitles": {"path"}``) for a path or a
        ``(video, subtitles)`` tuple; None for None."""
        if value is None or (isinstance(value, (tuple, list)) and list(value) == [None, None]):
            return None
        if isinstance(value, dict) and "path" in value:
            return returned_payload(value, getattr(self, "root", None))  # a payload already
        subtitles = self._subtitle_file
        if isinstance(value, (tuple, list)):
            if len(value) != 2:
                raise Error(f"Video: expected a path or a tuple (video, subtitles), got {len(value)} items.")
            value, sub = value
            if sub is not None:
                check_subtitle_type(sub)  # before the video is shown: the output is then unchanged
                subtitles = self._file(sub, "subtitle file")
        if not isinstance(value, (str, Path)):
            raise Error(f"Video: cannot show a {type(value).__name__}; expected a path to a video file.")
        if is_http_url(value):
            payload = url_payload(value)
            if subtitles:
                payload["subtitles"] = {"path": subtitles, "orig_name": Path(subtitles).name}
            return payload
        # As Gradio: a missing video is kept (the page has nothing to play); subtitles must exist.
        path = local_file(value, "Video", getattr(self, "root", None), must_exist=False)
        if Path(path).is_file() and self.format is not None and Path(path).suffix.lower().lstrip(".") != self.format.lower():
            path = self._converted(path, scratch_folder("gradio_nb_video_") / f"{Path(path).stem}.{self.format}")
        payload: dict[str, Any] = {"path": path, "orig_name": Path(path).name}
        if subtitles:
            payload["subtitles"] = {"path": subtitles, "orig_name": Path(subtitles).name}
        return payload

    def _converted(self, src: str, out: Path, *options: str) -> str:
        if not out.exists():
            ffmpeg("-i", src, *options, str(out), what=f"Video: converting {Path(src).name!r} to {out.suffix.lstrip('.')}")
        return str(out)

    def preprocess(self, payload: dict[str, Any] | None) -> str | None:
        """The video's path (converted to ``format``, or without sound, as Gradio does)."""
        if payload is None:
            return None
        if not payload.get("path"):
            raise Error("Video: the value has no file.")
        path = Path(readable(payload["path"], type(self).__name__))
        muted = "" if self.include_audio else "muted_"
        options = () if self.include_audio else ("-an",)
        if self.format is not None and path.suffix.lstrip(".") != self.format:
            return self._converted(str(path), beside(path) / f"{muted}{path.stem}.{self.format}", *options)
        if not self.include_audio:
            if shutil.which("ffmpeg") is None:
                warnings.warn("Video(include_audio=False): ffmpeg is not installed, so the sound is kept.", stacklevel=2)
                return str(path)
            return self._converted(str(path), beside(path) / f"muted_{path.name}", *options)
        return str(path)

    # -- widget ------------------------------------------------------------------------------
    def sync_props(self, widget: VideoWidget, interactive: bool) -> None:
        with widget.hold_sync():
            sync_label(self, widget)
            widget.disabled = not interactive
            widget.upload = "upload" in self.sources
            widget.record = False  # no webcam recorder here
            widget.webcam = "webcam" in self.sources
            widget.autoplay = bool(self.autoplay)
            widget.loop = bool(self.loop)
            widget.height = css_size(self.height)
            widget.width = css_size(self.width)
        self._style_widget(widget)

    def connect(self, widget: VideoWidget, event: str, fire: Callable[..., None]) -> bool:
        return connect_media(widget, event, fire, self.PLAYER_EVENTS)


class PlayableVideo(Video):
    """A Video converted to MP4 for playback (Gradio's template: ``format="mp4"``)."""

    def __init__(self, value: Any = None, *, format: str | None = "mp4", **kwargs: Any) -> None:
        super().__init__(value, format=format, **kwargs)
