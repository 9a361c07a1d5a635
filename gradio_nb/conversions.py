"""Media files converted in the kernel: ffmpeg, when installed, and the folder a converted
file is written to (never a person's own folder). Used by ``gr.Audio`` and ``gr.Video``.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .exceptions import Error
from .uploads import scratch_folder


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
