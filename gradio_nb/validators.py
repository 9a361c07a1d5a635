"""``gr.validators``: ready-made checks for a listener's ``validator=`` (see ``gr.validate``)."""

from __future__ import annotations

from typing import Any

from .unavailable import module_getattr
from .updates import validate


def is_audio_correct_length(audio: tuple[int, Any], min_length: float | None, max_length: float | None) -> dict[str, Any]:
    """Whether ``audio`` (``(sample rate, samples)``, as ``gr.Audio(type="numpy")`` gives it)
    lasts at least ``min_length`` and at most ``max_length`` seconds (None: no bound), as
    ``gr.validate`` gives it."""
    if min_length is None and max_length is None:
        return validate(True, "")
    rate, samples = audio
    seconds = len(samples) / rate
    if min_length is not None and seconds < min_length:
        return validate(False, f"Audio is too short. It must be at least {min_length} seconds")
    if max_length is not None and seconds > max_length:
        return validate(False, f"Audio is too long. It must be at most {max_length} seconds")
    return validate(True, "")


__all__ = ["is_audio_correct_length"]

__getattr__ = module_getattr(
    __name__,
    ("is_video_correct_length",),
    "measures a video file with ffmpeg, which gradio_nb does not do: check the length in your function instead.",
)
