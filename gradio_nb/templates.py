"""Gradio's component templates: a component with some arguments preset (the Dataframe ones here,
the others with the component they preset)."""

from __future__ import annotations

from typing import Any

from .components.audio import Mic, Microphone
from .components.dataframe import Dataframe
from .components.file import Files
from .components.image_editor import ImageMask, Paint, Sketchpad
from .components.textbox import TextArea
from .components.video import PlayableVideo


class Numpy(Dataframe):
    """A Dataframe whose function receives a numpy array (``type="numpy"``)."""

    def __init__(self, value: Any = None, *, type: str = "numpy", **kwargs: Any) -> None:
        super().__init__(value, type=type, **kwargs)


class Matrix(Dataframe):
    """A Dataframe whose function receives a list of lists (``type="array"``)."""

    def __init__(self, value: Any = None, *, type: str = "array", **kwargs: Any) -> None:
        super().__init__(value, type=type, **kwargs)


class List(Dataframe):
    """A one-column Dataframe whose function receives a list of lists (``type="array"``)."""

    def __init__(self, value: Any = None, *, type: str = "array", col_count: Any = 1, **kwargs: Any) -> None:
        super().__init__(value, type=type, col_count=col_count, **kwargs)


__all__ = [
    "Files", "ImageMask", "List", "Matrix", "Mic", "Microphone", "Numpy", "Paint", "PlayableVideo", "Sketchpad",
    "TextArea",
]
