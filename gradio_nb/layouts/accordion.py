"""``gr.Accordion``: a collapsible section."""

from __future__ import annotations

from typing import Any

from .collapsible import Collapsible


class Accordion(Collapsible):
    """A collapsible section titled ``label``, open unless ``open=False``."""

    def __init__(
        self,
        label: str | None = None,
        *,
        open: bool = True,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        height: Any = None,
        max_height: Any = None,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        super().__init__(label, open, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


__all__ = ["Accordion"]
