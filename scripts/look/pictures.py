"""Pair pictures with Pillow: Gradio's screenshot on the left, gradio_nb's on the right, each
with a caption; the look tool also outlines the components that differ.

Shared with the browser tests (``tests/browser/test_gradio_pairs.py`` makes the README's
``pair_*.png`` with :func:`compose` and :func:`placeholder`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

Box = Sequence[float]  # x, y, width, height
RED = (220, 38, 38)


def _caption(text: str, width: int, dark: bool) -> Image.Image:
    strip = Image.new("RGB", (width, 28), (24, 24, 27) if dark else (244, 244, 245))
    draw = ImageDraw.Draw(strip)
    draw.text((10, 7), text, fill=(228, 228, 231) if dark else (39, 39, 42), font=ImageFont.load_default())
    return strip


def trim_bottom(shot: Image.Image, margin: int = 12) -> Image.Image:
    """Drop the empty rows under the app (Gradio's ``main`` fills the viewport's height),
    keeping ``margin`` of them: rows the colour of the bottom-left pixel, edge to edge."""
    background = shot.getpixel((0, shot.height - 1))
    plain = Image.new("RGB", (shot.width, 1), background)
    bottom = shot.height
    while bottom > 1 and ImageChops.difference(shot.crop((0, bottom - 1, shot.width, bottom)), plain).getbbox() is None:
        bottom -= 1
    return shot.crop((0, 0, shot.width, min(shot.height, bottom + margin)))


def compose(
    rows: list[tuple[Path, Path, bool]], out: Path, gap: int = 16,
    names: tuple[str, str] = ("Gradio 6.31", "gradio_nb in JupyterLab"),
) -> Path:  # fmt: skip
    """Save one picture: per row Gradio's shot on the left, gradio_nb's on the right.

    ``rows`` holds (gradio shot, gradio_nb shot, dark?) triples; each cell gets a caption
    (``names``, and light or dark) and is padded to its row's height with the row's background.
    """
    built: list[Image.Image] = []
    for left_path, right_path, dark in rows:
        cells = []
        for path, name in zip((left_path, right_path), names):
            shot = trim_bottom(Image.open(path).convert("RGB"))
            caption = _caption(f"{name} ({'dark' if dark else 'light'})", shot.width, dark)
            cell = Image.new("RGB", (shot.width, shot.height + caption.height))
            cell.paste(caption, (0, 0))
            cell.paste(shot, (0, caption.height))
            cells.append(cell)
        height = max(c.height for c in cells)
        row = Image.new("RGB", (sum(c.width for c in cells) + gap, height), (128, 128, 128))
        x = 0
        for cell in cells:
            # padded with the shot's own background (its bottom-left pixel)
            row.paste(Image.new("RGB", (cell.width, height), cell.getpixel((0, cell.height - 1))), (x, 0))
            row.paste(cell, (x, 0))
            x += cell.width + gap
        built.append(row)
    width = max(r.width for r in built)
    picture = Image.new("RGB", (width, sum(r.height for r in built) + gap * (len(built) - 1)), (128, 128, 128))
    y = 0
    for row in built:
        picture.paste(row, (0, y))
        y += row.height + gap
    out.parent.mkdir(parents=True, exist_ok=True)
    picture.save(out, optimize=True)
    return out


def placeholder(path: Path, text: str, dark: bool, width: int = 400) -> Path:
    """A small picture saying why there is no screenshot (an app of States only draws nothing)."""
    image = Image.new("RGB", (width, 60), (11, 15, 25) if dark else (255, 255, 255))
    ImageDraw.Draw(image).text((10, 22), text, fill=(160, 160, 170), font=ImageFont.load_default())
    image.save(path)
    return path


def outline(shot: Path, boxes: list[tuple[Box, str]], out: Path) -> Path:
    """Save ``shot`` with a red frame round each box (page coordinates: a full-page shot's),
    its label written above it, to ``out``."""
    image = Image.open(shot).convert("RGB")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    for (x, y, w, h), label in boxes:
        draw.rectangle((x - 1, y - 1, x + w + 1, y + h + 1), outline=RED, width=3)
        if label:
            at = (x + 2, max(0, y - 13))
            draw.rectangle(draw.textbbox(at, label, font=font), fill=(255, 255, 255))
            draw.text(at, label, fill=RED, font=font)
    image.save(out)
    return out


def small_copy(picture: Path, out: Path, width: int = 1288) -> Path:
    """A copy of ``picture`` for the docs: at most ``width`` wide (half a pair), in 128 colours (a pair of
    full pages is megabytes otherwise)."""
    image = Image.open(picture).convert("RGB")
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
    out.parent.mkdir(parents=True, exist_ok=True)
    image.quantize(128, method=Image.Quantize.MEDIANCUT).save(out, optimize=True)
    return out
