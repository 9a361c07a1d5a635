"""gradio_nb.media: Gradio's sample-media helpers, on gradio_nb's own generated files."""

from __future__ import annotations

import csv
import inspect
import json
import struct
import wave
from pathlib import Path

import pytest
from PIL import Image

import gradio_nb.media as media

ROOT = Path(media.__file__).parent / "media_assets"


def _is_image(p: str) -> bool:
    with Image.open(p) as im:
        im.verify()
    return True


def _is_wav(p: str) -> bool:
    with wave.open(p) as w:
        return w.getnframes() > 0 and w.getframerate() > 0


def _is_model(p: str) -> bool:
    path = Path(p)
    if path.suffix == ".obj":
        lines = path.read_text().splitlines()
        return any(x.startswith("v ") for x in lines) and any(x.startswith("f ") for x in lines)
    if path.suffix == ".stl":
        text = path.read_text()
        return text.startswith("solid") and "facet normal" in text
    if path.suffix == ".gltf":
        return json.loads(path.read_text())["asset"]["version"] == "2.0"
    if path.suffix == ".glb":
        data = path.read_bytes()
        magic, version, length = struct.unpack("<4sII", data[:12])
        return magic == b"glTF" and version == 2 and length == len(data)
    return False


def _is_audio(p: str) -> bool:
    """A WAV, or an MP3 (an ID3 tag or an MPEG frame sync at the start)."""
    head = Path(p).read_bytes()[:4]
    if p.endswith(".mp3"):
        return head[:3] == b"ID3" or (head[0] == 0xFF and head[1] & 0xE0 == 0xE0)
    return _is_wav(p)


def _is_video(p: str) -> bool:
    """An MP4: an ISO media file whose first box is ``ftyp``."""
    return Path(p).read_bytes()[4:8] == b"ftyp"


def _is_data(p: str) -> bool:
    path = Path(p)
    if path.suffix == ".json":
        json.loads(path.read_text())
    elif path.suffix == ".csv":
        rows = list(csv.reader(path.open()))
        assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows)
    else:
        assert path.read_text().strip()
    return True


CASES = [
    (media.get_image, "images", _is_image, ["cheetah.jpg", "cheetah1.jpg", "bus.png", "logo.png", "tower.jpg"]),
    (media.get_audio, "audio", _is_audio, ["cantina.wav", "recording1.wav", "sax.wav", "audio_sample.wav", "cate_blanch.mp3", "heath_ledger.mp3"]),
    (media.get_video, "videos", _is_video, ["world.mp4", "a.mp4", "b.mp4"]),
    (media.get_model3d, "models3d", _is_model, ["Bunny.obj", "face.obj", "Duck.glb", "Fox.gltf", "sofia.stl"]),
    (media.get_file, "data", _is_data, ["titanic.csv", "time.csv", "s1.srt", "s2.vtt", "s3.json", "sample.txt"]),
]


def test_same_public_functions_and_signatures_as_gradio():
    gmedia = pytest.importorskip("gradio.media")
    for name in ("get_image", "get_video", "get_audio", "get_model3d", "get_file"):
        ours, theirs = getattr(media, name), getattr(gmedia, name)
        assert list(inspect.signature(ours).parameters) == list(inspect.signature(theirs).parameters)
        assert inspect.signature(ours).parameters["filename"].default is None
    assert [p.name for p in media.MEDIA_PATHS] == [p.name for p in gmedia.MEDIA_PATHS]


@pytest.mark.parametrize("fn,folder,check,names", CASES, ids=[c[1] for c in CASES])
def test_by_name(fn, folder, check, names):
    for name in names:
        p = fn(name)
        assert isinstance(p, str) and Path(p).is_absolute() and Path(p).is_file()
        assert Path(p) == (ROOT / folder / name).absolute()
        assert check(p)


@pytest.mark.parametrize("fn,folder,check,names", CASES, ids=[c[1] for c in CASES])
def test_at_random(fn, folder, check, names):
    seen = set()
    for _ in range(40):
        p = fn()
        assert Path(p).is_file() and Path(p).parent == (ROOT / folder).absolute()
        assert check(p)
        seen.add(p)
    assert len(seen) > 1  # random, not always the same file


@pytest.mark.parametrize("fn", [media.get_image, media.get_audio, media.get_model3d, media.get_file, media.get_video])
def test_url_is_returned_unchanged(fn):
    assert fn("https://example.com/x.bin") == "https://example.com/x.bin"


@pytest.mark.parametrize("fn", [media.get_image, media.get_audio, media.get_model3d, media.get_file, media.get_video])
def test_missing_name_raises_file_not_found_as_gradio(fn):
    with pytest.raises(FileNotFoundError, match="Media file not found: .*no_such_file.xyz"):
        fn("no_such_file.xyz")


def test_names_used_by_gradio_demos_are_found():
    # every by-name lookup in Gradio's demos
    for fn, name in [
        (media.get_video, "world.mp4"), (media.get_video, "a.mp4"), (media.get_video, "b.mp4"),
        (media.get_audio, "cate_blanch.mp3"), (media.get_audio, "heath_ledger.mp3"),
        (media.get_image, "logo.png"), (media.get_image, "cheetah1.jpg"), (media.get_image, "cheetah.jpg"),
        (media.get_image, "bus.png"), (media.get_audio, "cantina.wav"), (media.get_audio, "recording1.wav"),
        (media.get_file, "titanic.csv"), (media.get_file, "s1.srt"), (media.get_file, "s2.vtt"),
    ]:
        assert Path(fn(name)).is_file()


def test_titanic_has_kaggle_columns():
    header = next(csv.reader(open(media.get_file("titanic.csv"))))
    for col in ("PassengerId", "Survived", "Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked"):
        assert col in header


def test_assets_are_small():
    assert sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file()) < 1_000_000
