"""Navigation: ``gr.Navbar`` (page links) and the ``gr.Walkthrough`` stepper with its ``gr.Step``s.

Walkthrough and Step are layouts (used as ``with gr.Walkthrough(selected=1): with
gr.Step("One", id=1): ...``) that are also components: a function may return
``gr.Walkthrough(selected=2)`` (or ``gr.update(selected=2)``) to move to another step, and
both have a ``select`` event, as in Gradio.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import ipywidgets as widgets
import traitlets as t

from ..blocks import BlockContext
from ..events import listener
from ..exceptions import Error
from ..widgets import fire_event, shared
from .base import Component
from .display import _HTMLView

if TYPE_CHECKING:
    from ..blocks import BuildContext


# -- Navbar -----------------------------------------------------------------------------------
class Navbar(_HTMLView):
    """The navigation bar of a multipage app: ``main_page_name`` and links ``(name, path)``.

    Shown as a row of names. A notebook app has one page (``demo.route`` pages are not
    served), so a page path is shown as a plain name whose tooltip says so; a path that is a
    web address (``https://...``) is a link opening in a new tab. ``value`` is kept as
    Gradio's page holds it (a list of ``[name, path]`` lists) and passed to functions as is.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change",)
    UPDATABLE = ("main_page_name", "elem_id", "elem_classes")

    def __init__(
        self,
        value: list[tuple[str, str]] | None = None,
        *,
        visible: bool = True,
        main_page_name: str | bool = "Home",
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
    ) -> None:
        self.main_page_name = main_page_name
        super().__init__(value, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def postprocess(self, value: Any) -> list[list[str]] | None:
        """The links as ``[name, path]`` lists (what a page holds after its JSON trip)."""
        if value is None:
            return None
        if not isinstance(value, (list, tuple)) or not all(
            isinstance(pair, (list, tuple)) and len(pair) == 2 for pair in value
        ):
            raise Error(f"Navbar: cannot show {value!r}: expected a list of (name, path) pairs.")
        return [[pair[0], pair[1]] for pair in value]

    def to_html(self, payload: Any) -> str:
        items = []
        if self.main_page_name is not False:
            items.append(f'<span class="gnb-nav-main" style="font-weight:600">{html.escape(str(self.main_page_name))}</span>')
        for name, path in payload or []:
            text = html.escape(str(name))
            target = str(path)
            if target.startswith(("https://", "http://")):
                href = html.escape(target, quote=True)
                items.append(f'<a class="gnb-nav-link" href="{href}" target="_blank" rel="noopener noreferrer">{text}</a>')
            else:
                note = html.escape(f"The page /{target.lstrip('/')} is not available in a notebook.", quote=True)
                items.append(f'<span class="gnb-nav-page" title="{note}" style="opacity:0.75">{text}</span>')
        return (
            '<nav class="gnb-navbar" style="display:flex;gap:1.2em;flex-wrap:wrap;align-items:center;'
            'padding:4px 8px;border-bottom:1px solid var(--jp-border-color2,#ddd)">' + "".join(items) + "</nav>"
        )


# -- Walkthrough and Step -----------------------------------------------------------------------
class _SelectHandlers:
    """The ``select`` listeners' triggers wired to a widget (called with the event's data)."""

    def __init__(self) -> None:
        self.fires: list[Callable[..., None]] = []

    def __call__(self, data: dict[str, Any]) -> None:
        for fire in list(self.fires):
            fire_event(fire, data)


class StepWidget(widgets.VBox):
    """One step's content; its header props live in the kernel (the Walkthrough draws them)."""

    label = t.Unicode("")
    interactive = t.Bool(True)
    shown = t.Bool(True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.selects = _SelectHandlers()


class WalkthroughWidget(widgets.VBox):
    """A step header (one button per step) above the selected step's content.

    ``value`` (kernel-only) is the selected step's id. As Gradio's stepper: only the steps
    before the selected one can be clicked (to go back); steps that are not interactive or
    not visible cannot be selected.
    """

    value = t.Any(None)

    def __init__(self, steps: Sequence[StepWidget], ids: Sequence[Any], selected: Any, owned: Callable[[Any], Any]) -> None:
        self.steps = list(steps)
        self.ids = list(ids)
        self.selects = _SelectHandlers()
        self.header = owned(widgets.HBox(layout=widgets.Layout(flex_flow="row wrap")))
        self.header.add_class("gnb-walkthrough-steps")
        self.body = owned(widgets.VBox(layout=shared(widgets.Layout)))
        self.buttons = []
        for index, step in enumerate(self.steps):
            button = owned(widgets.Button(layout=widgets.Layout(width="auto")))
            button.on_click(lambda _b, i=index: self.click(i))
            self.buttons.append(button)
            step.observe(lambda _c: self.draw(), names=["label", "interactive", "shown"])
        self.header.children = self.buttons
        super().__init__([self.header, self.body], layout=shared(widgets.Layout))
        self.add_class("gnb-walkthrough")
        self.value = self.valid(selected) if self.valid(selected) is not None else self.first()
        self.observe(lambda _c: self.draw(), names="value")
        self.draw()

    def first(self) -> Any:
        """The id of the first step that can be shown, as Gradio selects with none given."""
        for step_id, step in zip(self.ids, self.steps):
            if step.shown and step.interactive:
                return step_id
        return self.ids[0] if self.ids else None

    def valid(self, step_id: Any) -> Any:
        """``step_id`` if that step can be selected now, else ``None``."""
        if step_id in self.ids:
            step = self.steps[self.ids.index(step_id)]
            if step.shown and step.interactive:
                return step_id
        return None

    def index(self) -> int:
        return self.ids.index(self.value) if self.value in self.ids else 0

    def click(self, index: int) -> None:
        """A click on a step's header button: go back to it, then run ``select``."""
        step_id = self.ids[index]
        if index > self.index() or step_id == self.value or self.valid(step_id) is None:
            return
        self.value = step_id  # runs the Walkthrough's change listeners
        data = {"value": self.steps[index].label, "index": index, "id": step_id, "selected": True}
        self.selects(data)
        self.steps[index].selects(data)

    def draw(self) -> None:
        """Show the header's state and the selected step's content."""
        current = self.index()
        for i, (button, step) in enumerate(zip(self.buttons, self.steps)):
            done = i < current
            button.description = f"{'✓' if done else i + 1}  {step.label}"
            button.button_style = "primary" if i == current else ""
            button.disabled = i > current or not step.interactive
            button.layout.display = None if step.shown else "none"
        chosen = [self.steps[current]] if self.steps else []
        if list(self.body.children) != chosen:
            self.body.children = chosen


class Step(Component, BlockContext):
    """One step of a ``Walkthrough``: a header ``label`` and the blocks created inside.

    ``id`` names the step for ``Walkthrough(selected=...)`` (by default its position, from 0).
    ``interactive=False`` makes the step impossible to select; ``scale`` is accepted and
    ignored. ``select`` runs when the person clicks the step's header to go back to it.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("select",)
    UPDATABLE = ("label", "interactive", "elem_id", "elem_classes")
    select = listener("select", "Run ``fn`` when the person selects this step in the header (``gr.SelectData``).")

    def __init__(
        self,
        label: str | None = None,
        visible: bool = True,
        interactive: bool = True,
        *,
        id: int | str | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        scale: int | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.id = id
        self.scale = scale
        super().__init__(
            None,
            label=label,
            interactive=interactive,
            visible=visible,
            elem_id=elem_id,
            elem_classes=elem_classes,
            render=render,
            key=key,
        )

    def get_block_name(self) -> str:
        return "walkthroughstep"

    def make_widget(self, payload: Any, interactive: bool) -> StepWidget:
        raise TypeError("A Step is built by its session, as a layout (see WidgetTree.build).")

    def _build_widget(self, context: BuildContext) -> StepWidget:
        widget = StepWidget(children=self._child_widgets(context), layout=shared(widgets.Layout))
        self.sync_props(widget, True)
        return widget

    def read_widget(self, widget: StepWidget) -> Any:
        return None

    def write_widget(self, widget: StepWidget, payload: Any) -> None:
        """A step holds no value."""

    def sync_props(self, widget: StepWidget, interactive: bool) -> None:
        widget.label = self.label or ""
        widget.interactive = self.interactive is not False
        widget.shown = bool(self.visible)
        for cls in self.elem_classes:
            widget.add_class(cls)

    def connect(self, widget: StepWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "select":
            widget.selects.fires.append(fire)
            return True
        return False


_UNSET: Any = object()


class Walkthrough(Component, BlockContext):
    """A step-by-step layout: a header with the steps' labels and the selected ``Step``.

    ``selected`` is the id of the step shown (the first step when ``None``); a function
    moves to another step by returning ``gr.Walkthrough(selected=id)`` or
    ``gr.update(selected=id)``. ``change`` runs when the step changes, ``select`` when the
    person clicks a previous step in the header (``gr.SelectData``: ``index``, ``value`` the
    label, ``id``). As a function's input, it gives the selected step's id.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "select")
    UPDATABLE = ("selected", "elem_id", "elem_classes")
    select = listener("select", "Run ``fn`` when the person clicks a step in the header (``gr.SelectData``).")

    def __init__(
        self,
        *,
        selected: int | str | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.selected = selected
        self._moved_to: Any = _UNSET
        super().__init__(selected, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def get_block_name(self) -> str:
        return "walkthrough"

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        # Only an update that names `selected` moves to a step; other updates keep the
        # step the person is on.
        self._moved_to = self.selected if "selected" in props else _UNSET

    def _steps(self) -> list[Step]:
        return [child for child in self.children if isinstance(child, Step)]

    def _ids(self) -> list[Any]:
        return [step.id if step.id is not None else i for i, step in enumerate(self._steps())]

    def make_widget(self, payload: Any, interactive: bool) -> WalkthroughWidget:
        raise TypeError("A Walkthrough is built by its session, as a layout (see WidgetTree.build).")

    def _build_widget(self, context: BuildContext) -> WalkthroughWidget:
        steps = self._steps()
        others = [child for child in self.children if not isinstance(child, Step)]
        if others:
            names = ", ".join(type(child).__name__ for child in others)
            raise ValueError(f"Walkthrough: only gr.Step blocks can be placed in a Walkthrough, found {names}.")
        step_widgets = [context.build(step) for step in steps]
        widget = WalkthroughWidget(step_widgets, self._ids(), self.value, context.own)  # type: ignore[arg-type]
        self._style_widget(widget)
        return widget

    def write_widget(self, widget: WalkthroughWidget, payload: Any) -> None:
        target = widget.valid(payload)
        if target is not None:
            widget.value = target

    def sync_props(self, widget: WalkthroughWidget, interactive: bool) -> None:
        if self._moved_to is not _UNSET:
            self.write_widget(widget, self._moved_to)
        self._style_widget(widget)

    def connect(self, widget: WalkthroughWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "select":
            widget.selects.fires.append(fire)
            return True
        return False
