"""``gr.Sidebar``: Gradio's sidebar, shown as a collapsible panel."""

from __future__ import annotations

from typing import Any

from .collapsible import Collapsible


class Sidebar(Collapsible):
    """Gradio's sidebar, shown where it is declared as a collapsible panel (a notebook
    output has no page edge to dock it to); ``width`` and ``position`` are accepted and
    ignored. Its ``label`` (not shown by Gradio) titles the panel, "Sidebar" by default."""

    UPDATABLE = ("label", "open", "width")

    def __init__(
        self,
        label: str | None = None,
        open: bool = True,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        width: int | str = 320,
        position: str = "left",
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.width = width
        self.position = position
        super().__init__(label, open, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _title(self) -> str:
        return self.label or "Sidebar"


__all__ = ["Sidebar"]
