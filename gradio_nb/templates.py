"""Gradio's component templates: a component with some arguments preset."""

from __future__ import annotations

from typing import Any

from .components.dataframe import Dataframe


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


__all__ = ["List", "Matrix", "Numpy"]
