"""WAV (PCM) files read and written with the standard library and numpy, as Gradio reads
them through pydub: the codec behind ``gr.Audio``'s samples (``type="numpy"``) and the WAV a
``(sample_rate, array)`` return becomes. Other formats need ffmpeg (:mod:`gradio_nb.conversions`).
"""

from __future__ import annotations

import io
import warnings
import wave
from pathlib import Path
from typing import Any

from .exceptions import Error


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
    import numpy as np  # an optional dependency: imported when samples are read or written

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
    import numpy as np  # an optional dependency: imported when samples are read or written

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
