"""``gr.TabbedInterface``: several apps, each in a tab of one app."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .blocks import Blocks
from .components import Markdown
from .layouts import Tab, Tabs


class TabbedInterface(Blocks):
    """Show each of ``interface_list`` (Interfaces or Blocks) in a tab named by ``tab_names``
    (default "Tab 0", "Tab 1", ...), under an optional ``title``; ``tabs_kwargs`` go to the
    ``gr.Tabs``. Each app keeps its events; a session of this app holds all of theirs.
    """

    def __init__(
        self,
        interface_list: Sequence[Blocks],
        tab_names: list[str] | None = None,
        title: str | None = None,
        analytics_enabled: bool | None = None,
        tabs_kwargs: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(title=title or "Gradio", analytics_enabled=analytics_enabled, mode="tabbed_interface", **kwargs)
        names = tab_names if tab_names is not None else [f"Tab {i}" for i in range(len(interface_list))]
        with self:
            if title:
                Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")
            with Tabs(**(tabs_kwargs or {})):
                for interface, name in zip(interface_list, names):
                    with Tab(label=name):
                        interface.render()


__all__ = ["TabbedInterface"]
