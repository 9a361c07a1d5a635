#!/usr/bin/env python3
"""Generate the sample media that gradio_nb ships in gradio_nb/media_assets/.

Every file is made here, from code (Pillow, numpy, the standard library): nothing is copied
from Gradio or downloaded. The file names are those that Gradio's `gradio.media` helpers and
Gradio's demos look up (`get_image("cheetah1.jpg")`, `get_audio("cantina.wav")`,
`get_file("titanic.csv")`, `get_model3d("Bunny.obj")` ...), so such calls find a file; the
contents are simple synthetic pictures, tones, tables and shapes.

The sample videos (`a.mp4`, `b.mp4`, `world.mp4`: test patterns with a tone) and MP3s
(`cate_blanch.mp3`, `cate_blanch_2.mp3`, `heath_ledger.mp3`: tones) need an encoder, ffmpeg,
which gradio_nb itself never needs: they are made only where ffmpeg is installed (Debian's
`apt-get install ffmpeg`) and committed; without it the committed ones are kept as they are.

Run from the repository root:  .venv/bin/python scripts/make_media_assets.py
The output is deterministic (fixed seeds), so re-running it leaves git clean.
"""

from __future__ import annotations

import csv
import json
import math
import random
import shutil
import struct
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent / "gradio_nb" / "media_assets"

# ---------------------------------------------------------------- images


def _gradient(w: int, h: int, c0, c1, diagonal: bool = False) -> Image.Image:
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    t = (x / max(w - 1, 1) + y / max(h - 1, 1)) / 2 if diagonal else x / max(w - 1, 1)
    c0 = np.array(c0, np.float32)
    c1 = np.array(c1, np.float32)
    arr = c0 + (c1 - c0) * t[..., None]
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8), "RGB")


def _checkerboard(w: int, h: int, cell: int, a, b) -> Image.Image:
    y, x = np.mgrid[0:h, 0:w]
    mask = ((x // cell + y // cell) % 2).astype(bool)
    arr = np.where(mask[..., None], np.array(a, np.uint8), np.array(b, np.uint8))
    return Image.fromarray(arr.astype(np.uint8), "RGB")


def _spotted(w: int, h: int, seed: int, bg, spot) -> Image.Image:
    """A warm gradient with dark spots (a 'cheetah'-ish pattern)."""
    img = _gradient(w, h, bg, (min(bg[0] + 40, 255), min(bg[1] + 30, 255), bg[2]), diagonal=True)
    d = ImageDraw.Draw(img)
    rng = random.Random(seed)
    for _ in range(70):
        cx, cy, r = rng.randrange(w), rng.randrange(h), rng.randrange(4, 10)
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=spot)
    return img


def make_images(out: Path) -> None:
    out.mkdir(parents=True)
    w, h = 256, 192

    _spotted(w, h, 1, (214, 160, 70), (60, 40, 20)).save(out / "cheetah.jpg", quality=80)
    _spotted(w, h, 2, (200, 150, 80), (50, 35, 25)).save(out / "cheetah1.jpg", quality=80)

    # lion.jpg: a sun-like disc with rays over a savanna gradient
    img = _gradient(w, h, (250, 210, 120), (180, 120, 40), diagonal=True)
    d = ImageDraw.Draw(img)
    cx, cy = w // 2, h // 2
    for k in range(24):
        a = 2 * math.pi * k / 24
        d.line([cx, cy, cx + 90 * math.cos(a), cy + 90 * math.sin(a)], fill=(150, 80, 20), width=5)
    d.ellipse([cx - 50, cy - 50, cx + 50, cy + 50], fill=(235, 170, 60), outline=(120, 60, 10), width=3)
    img.save(out / "lion.jpg", quality=80)

    # tower.jpg: a sky gradient with a lattice tower
    img = _gradient(w, h, (120, 170, 230), (230, 240, 255))
    img = img.transpose(Image.Transpose.ROTATE_90).resize((w, h))
    d = ImageDraw.Draw(img)
    d.polygon([(w // 2, 10), (w // 2 - 50, h - 5), (w // 2 + 50, h - 5)], outline=(60, 60, 70), width=3)
    for y in range(30, h, 18):
        half = 50 * (y - 10) / (h - 15)
        d.line([w // 2 - half, y, w // 2 + half, y], fill=(60, 60, 70), width=2)
    img.save(out / "tower.jpg", quality=80)

    # groot.jpeg: greens, a trunk and leaves
    img = _gradient(w, h, (30, 90, 40), (140, 200, 110), diagonal=True)
    d = ImageDraw.Draw(img)
    d.rectangle([w // 2 - 15, h // 2, w // 2 + 15, h], fill=(100, 65, 30))
    d.ellipse([w // 2 - 70, 15, w // 2 + 70, h // 2 + 30], fill=(40, 130, 50))
    img.save(out / "groot.jpeg", quality=80)

    # bus.png: a yellow bus made of shapes on a road
    img = Image.new("RGB", (w, h), (200, 225, 245))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 140, w, h], fill=(90, 90, 95))
    d.rounded_rectangle([30, 60, 226, 145], radius=12, fill=(245, 195, 30), outline=(40, 40, 40), width=3)
    for x in range(42, 200, 36):
        d.rectangle([x, 72, x + 26, 100], fill=(170, 210, 235), outline=(40, 40, 40))
    for x in (70, 186):
        d.ellipse([x - 16, 130, x + 16, 162], fill=(30, 30, 30))
    img.save(out / "bus.png", optimize=True)

    # logo.png / hf-logo_transpng.png: transparent, a ring and a smile
    for name, color in (("logo.png", (255, 124, 0, 255)), ("hf-logo_transpng.png", (255, 200, 40, 255))):
        img = Image.new("RGBA", (128, 128), (0, 0, 0, 0))
        d = ImageDraw.Draw(img)
        d.ellipse([8, 8, 120, 120], fill=color, outline=(60, 40, 20, 255), width=4)
        d.ellipse([38, 40, 52, 56], fill=(60, 40, 20, 255))
        d.ellipse([76, 40, 90, 56], fill=(60, 40, 20, 255))
        d.arc([36, 50, 92, 100], 20, 160, fill=(60, 40, 20, 255), width=5)
        img.save(out / name, optimize=True)

    # avatar.png: a head-and-shoulders silhouette in a circle
    img = Image.new("RGBA", (96, 96), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse([0, 0, 95, 95], fill=(120, 140, 200, 255))
    d.ellipse([30, 16, 66, 52], fill=(240, 240, 250, 255))
    d.pieslice([14, 56, 82, 124], 180, 360, fill=(240, 240, 250, 255))
    img.save(out / "avatar.png", optimize=True)

    # screenshot.gif: a small animated GIF, a square moving over a checkerboard
    frames = []
    for i in range(8):
        f = _checkerboard(96, 64, 8, (230, 230, 230), (200, 200, 200))
        d = ImageDraw.Draw(f)
        x = 4 + i * 10
        d.rectangle([x, 20, x + 20, 44], fill=(220, 60, 60))
        frames.append(f.convert("P", palette=Image.Palette.ADAPTIVE, colors=16))
    frames[0].save(out / "screenshot.gif", save_all=True, append_images=frames[1:], duration=120, loop=0)


# ---------------------------------------------------------------- audio

SR = 16000


def _write_wav(path: Path, samples: np.ndarray, sr: int = SR) -> None:
    pcm = (np.clip(samples, -1, 1) * 32767 * 0.8).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes(pcm.tobytes())


def _envelope(n: int, attack: float = 0.01, release: float = 0.05) -> np.ndarray:
    env = np.ones(n)
    a, r = int(attack * SR), int(release * SR)
    env[:a] = np.linspace(0, 1, a)
    env[n - r:] = np.linspace(1, 0, r)
    return env


def _tone(freqs, seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    s = sum(np.sin(2 * np.pi * f * t) for f in freqs) / len(freqs)
    return s * _envelope(len(t))


def make_audio(out: Path) -> None:
    out.mkdir(parents=True)
    _write_wav(out / "audio_sample.wav", _tone([440.0], 1.0))                      # A4 tone
    _write_wav(out / "recording1.wav", _tone([261.63], 1.0))                       # C4 (main_note)
    # cantina.wav: a short melody of major chords
    chords = [[261.63, 329.63, 392.0], [349.23, 440.0, 523.25], [392.0, 493.88, 587.33], [261.63, 329.63, 392.0]]
    _write_wav(out / "cantina.wav", np.concatenate([_tone(c, 0.4) for c in chords]))
    # sax.wav: a note with harmonics and vibrato
    t = np.arange(int(1.2 * SR)) / SR
    f = 233.08 * (1 + 0.01 * np.sin(2 * np.pi * 5 * t))
    phase = 2 * np.pi * np.cumsum(f) / SR
    s = sum(np.sin(k * phase) / k for k in range(1, 6)) / 2.3
    _write_wav(out / "sax.wav", s * _envelope(len(t), 0.05, 0.2))


# ---------------------------------------------------------------- video and MP3 (need ffmpeg)

#: Flags that make ffmpeg's output the same on every run (no encoder version, no dates).
_BITEXACT = ["-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1"]


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-y", "-loglevel", "error", *args], check=True)


def make_video(out: Path) -> None:
    """Two-second H.264/AAC MP4 test patterns with a tone (browsers play them as they are)."""
    out.mkdir(parents=True)
    for name, pattern, freq in [("a.mp4", "testsrc2", 440), ("b.mp4", "smptebars", 330), ("world.mp4", "testsrc", 523)]:
        _ffmpeg(
            "-f", "lavfi", "-i", f"{pattern}=size=160x120:rate=15:duration=2",
            "-f", "lavfi", "-i", f"sine=frequency={freq}:sample_rate=22050:duration=2",
            "-c:v", "libx264", "-preset", "veryslow", "-crf", "32", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "32k", "-ac", "1", "-shortest", "-movflags", "+faststart", *_BITEXACT,
            str(out / name),
        )


def make_mp3(out: Path) -> None:
    """Two-second MP3 tones, next to the WAV samples."""
    for name, expr in [
        ("cate_blanch.mp3", "sine=frequency=220:sample_rate=44100:duration=2"),
        ("cate_blanch_2.mp3", "sine=frequency=247:sample_rate=44100:duration=2"),
        ("heath_ledger.mp3", "sine=frequency=196:sample_rate=44100:duration=2"),
    ]:
        _ffmpeg("-f", "lavfi", "-i", expr, "-c:a", "libmp3lame", "-b:a", "48k", "-ac", "1", "-write_xing", "0",
                *_BITEXACT, str(out / name))


# ---------------------------------------------------------------- data files


def make_data(out: Path) -> None:
    out.mkdir(parents=True)
    (out / "sample.txt").write_text(
        "This is a sample text file shipped with gradio_nb.\n"
        "It is generated by scripts/make_media_assets.py.\n"
        "The quick brown fox jumps over the lazy dog.\n"
    )

    with open(out / "time.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["time", "value", "price"])
        for i in range(48):
            w.writerow([f"2024-01-01 {i // 2:02d}:{30 * (i % 2):02d}:00", round(10 + 5 * math.sin(i / 4), 3), round(100 + i * 0.5, 2)])

    # titanic.csv: synthetic passengers with the Kaggle Titanic columns (not the real data)
    rng = random.Random(1912)
    cols = ["PassengerId", "Survived", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Ticket", "Fare", "Cabin", "Embarked"]
    with open(out / "titanic.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for pid in range(1, 201):
            pclass = rng.choice([1, 2, 3, 3, 3])
            sex = rng.choice(["male", "female"])
            survived = int(rng.random() < (0.7 if sex == "female" else 0.2) + (0.15 if pclass == 1 else 0))
            age = "" if rng.random() < 0.15 else round(rng.uniform(1, 75))
            fare = round(rng.uniform(5, 15) * (4 - pclass) ** 2, 4)
            cabin = f"{rng.choice('ABCDE')}{rng.randrange(1, 120)}" if pclass == 1 else ""
            w.writerow([pid, survived, pclass, f"Passenger {pid}", sex, age, rng.choice([0, 0, 0, 1, 2]),
                        rng.choice([0, 0, 0, 1, 2]), f"T{10000 + pid}", fare, cabin, rng.choice("SSSCQ")])

    lines = ["Hello, and welcome.", "This is a sample subtitle.", "Thanks for listening."]
    srt = "".join(f"{i + 1}\n00:00:0{2 * i},000 --> 00:00:0{2 * i + 1},500\n{t}\n\n" for i, t in enumerate(lines))
    (out / "s1.srt").write_text(srt)
    vtt = "WEBVTT\n\n" + "".join(f"00:00:0{2 * i}.000 --> 00:00:0{2 * i + 1}.500\n{t}\n\n" for i, t in enumerate(lines))
    (out / "s2.vtt").write_text(vtt)
    (out / "s3.json").write_text(json.dumps(
        [{"start": 2.0 * i, "end": 2.0 * i + 1.5, "text": t} for i, t in enumerate(lines)], indent=2) + "\n")
    labels = ["cat", "dog", "bird", "fish", "horse", "cheetah", "lion", "bus", "tower", "tree"]
    (out / "imagenet_labels.json").write_text(json.dumps(labels, indent=2) + "\n")


# ---------------------------------------------------------------- 3D models


def _cube():
    v = [(x, y, z) for x in (-0.5, 0.5) for y in (-0.5, 0.5) for z in (-0.5, 0.5)]
    # faces as index quads (0-based), counter-clockwise seen from outside
    quads = [(0, 1, 3, 2), (4, 6, 7, 5), (0, 4, 5, 1), (2, 3, 7, 6), (0, 2, 6, 4), (1, 5, 7, 3)]
    tris = [t for a, b, c, d in quads for t in ((a, b, c), (a, c, d))]
    return v, tris


def _icosphere():
    p = (1 + 5 ** 0.5) / 2
    v = [(-1, p, 0), (1, p, 0), (-1, -p, 0), (1, -p, 0), (0, -1, p), (0, 1, p),
         (0, -1, -p), (0, 1, -p), (p, 0, -1), (p, 0, 1), (-p, 0, -1), (-p, 0, 1)]
    n = (1 + p * p) ** 0.5
    v = [(x / n, y / n, z / n) for x, y, z in v]
    f = [(0, 11, 5), (0, 5, 1), (0, 1, 7), (0, 7, 10), (0, 10, 11), (1, 5, 9), (5, 11, 4), (11, 10, 2),
         (10, 7, 6), (7, 1, 8), (3, 9, 4), (3, 4, 2), (3, 2, 6), (3, 6, 8), (3, 8, 9), (4, 9, 5),
         (2, 4, 11), (6, 2, 10), (8, 6, 7), (9, 8, 1)]
    return v, f


def _write_obj(path: Path, name: str, verts, faces) -> None:
    lines = [f"# {name}: generated by gradio_nb scripts/make_media_assets.py", f"o {name}"]
    lines += [f"v {x:.6f} {y:.6f} {z:.6f}" for x, y, z in verts]
    lines += ["f " + " ".join(str(i + 1) for i in face) for face in faces]
    path.write_text("\n".join(lines) + "\n")


def _normal(a, b, c):
    u = [b[i] - a[i] for i in range(3)]
    w = [c[i] - a[i] for i in range(3)]
    n = [u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]]
    ln = math.sqrt(sum(x * x for x in n)) or 1.0
    return [x / ln for x in n]


def _gltf_parts(verts, tris):
    pos = b"".join(struct.pack("<3f", *p) for p in verts)
    idx = b"".join(struct.pack("<3H", *t) for t in tris)
    pad = (-len(pos)) % 4
    buf = pos + b"\0" * pad + idx
    buf += b"\0" * ((-len(buf)) % 4)
    doc = {
        "asset": {"version": "2.0", "generator": "gradio_nb make_media_assets.py"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1, "material": 0}]}],
        "materials": [{"pbrMetallicRoughness": {"baseColorFactor": [0.95, 0.8, 0.1, 1.0]}}],
        "buffers": [{"byteLength": len(buf)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": len(pos), "target": 34962},
            {"buffer": 0, "byteOffset": len(pos) + pad, "byteLength": len(idx), "target": 34963},
        ],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": len(verts), "type": "VEC3",
             "min": [min(p[i] for p in verts) for i in range(3)], "max": [max(p[i] for p in verts) for i in range(3)]},
            {"bufferView": 1, "componentType": 5123, "count": 3 * len(tris), "type": "SCALAR"},
        ],
    }
    return doc, buf


def make_models(out: Path) -> None:
    import base64

    out.mkdir(parents=True)
    sphere_v, sphere_f = _icosphere()
    cube_v, cube_t = _cube()
    _write_obj(out / "Bunny.obj", "Bunny", sphere_v, sphere_f)
    _write_obj(out / "face.obj", "face", cube_v, cube_t)

    # sofia.stl: ASCII STL of the icosphere
    lines = ["solid sofia"]
    for f in sphere_f:
        a, b, c = (sphere_v[i] for i in f)
        lines.append("  facet normal {:.6f} {:.6f} {:.6f}".format(*_normal(a, b, c)))
        lines.append("    outer loop")
        lines += ["      vertex {:.6f} {:.6f} {:.6f}".format(*p) for p in (a, b, c)]
        lines += ["    endloop", "  endfacet"]
    lines.append("endsolid sofia")
    (out / "sofia.stl").write_text("\n".join(lines) + "\n")

    # Fox.gltf: glTF 2.0 JSON with the buffer embedded as a data URI (a cube)
    doc, buf = _gltf_parts(cube_v, cube_t)
    doc["buffers"][0]["uri"] = "data:application/octet-stream;base64," + base64.b64encode(buf).decode()
    (out / "Fox.gltf").write_text(json.dumps(doc, indent=1) + "\n")

    # Duck.glb: binary glTF 2.0 (header + JSON chunk + BIN chunk) of the icosphere
    doc, buf = _gltf_parts(sphere_v, sphere_f)
    js = json.dumps(doc, separators=(",", ":")).encode()
    js += b" " * ((-len(js)) % 4)
    total = 12 + 8 + len(js) + 8 + len(buf)
    glb = struct.pack("<4sII", b"glTF", 2, total)
    glb += struct.pack("<I4s", len(js), b"JSON") + js
    glb += struct.pack("<I4s", len(buf), b"BIN\0") + buf
    (out / "Duck.glb").write_bytes(glb)


def main() -> None:
    # Without ffmpeg the committed video and MP3 samples are kept: set them aside first.
    keep = Path(tempfile.mkdtemp())
    has_ffmpeg = shutil.which("ffmpeg") is not None
    if ROOT.exists() and not has_ffmpeg:
        for p in [*ROOT.glob("videos/*"), *ROOT.glob("audio/*.mp3")]:
            (keep / p.parent.name).mkdir(exist_ok=True)
            shutil.copy2(p, keep / p.parent.name / p.name)
    if ROOT.exists():
        shutil.rmtree(ROOT)
    make_images(ROOT / "images")
    make_audio(ROOT / "audio")
    if has_ffmpeg:
        make_video(ROOT / "videos")
        make_mp3(ROOT / "audio")
    else:
        print("ffmpeg not found: the committed sample videos and MP3s are kept")
        for folder in keep.iterdir():
            (ROOT / folder.name).mkdir(exist_ok=True)
            for p in folder.iterdir():
                shutil.copy2(p, ROOT / folder.name / p.name)
    shutil.rmtree(keep)
    make_data(ROOT / "data")
    make_models(ROOT / "models3d")
    total = 0
    for p in sorted(ROOT.rglob("*")):
        if p.is_file():
            total += p.stat().st_size
            print(f"{p.stat().st_size:8d}  {p.relative_to(ROOT)}")
    print(f"{total:8d}  total")
    assert total < 1_000_000, "media assets must stay under 1 MB"


if __name__ == "__main__":
    main()
