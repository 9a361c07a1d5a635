"""``@gr.render``: a part of the layout made by a function, again whenever its inputs change.

The decorator places a :class:`Renderable` where it is written (a column, or a row inside a
``gr.Row``) and a listener that runs the function on ``load`` and on each input's ``change``
(or on the given ``triggers``). Each session runs it with its own values: the components and
listeners it makes belong to that session only, and replace those of its previous run (see
:mod:`gradio_nb.rendering`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import context
from .blocks import Block, BlockContext
from .events import _normalize_blocks, make_dependency
from .layouts import Row

if TYPE_CHECKING:
    import ipywidgets

    from .blocks import BuildContext


class Renderable(BlockContext):
    """Where a ``@gr.render`` function's blocks are shown: a column (a row when declared in a
    ``gr.Row``) that each session fills with the blocks of the function's last run."""

    def __init__(self, fn: Callable[..., Any], row: bool) -> None:
        self.fn = fn
        self.row = row
        super().__init__()

    @property
    def label(self) -> str:
        """How the event log names it: the function's name."""
        return f"@gr.render {getattr(self.fn, '__name__', 'function')}"

    def _build_widget(self, context: BuildContext) -> ipywidgets.Widget:
        return context.rendered_box(self)


def render(
    inputs: Sequence[Block] | Block | None = None,
    triggers: Any = None,
    *,
    queue: bool = True,
    trigger_mode: str | None = "always_last",
    concurrency_limit: Any = None,
    concurrency_id: str | None = None,
    show_progress: str = "full",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a function that declares components, layouts and listeners: they are shown
    where the decorator is written, and made anew by each run of the function.

    It runs when a session opens and whenever an input changes (``triggers``, e.g.
    ``[btn.click, demo.load]``, replaces that rule); it receives the inputs' values as a
    listener does. A component with a ``key=`` in one run is the same component in the next:
    it keeps its widget, and the value a person (or an event) gave it. ``queue``,
    ``concurrency_limit`` and ``concurrency_id`` are accepted and ignored. Returns the
    function unchanged.
    """
    root = context.root_block.get()
    if root is None:
        raise ValueError("Reactive render must be inside a Blocks context.")
    if context.render_scope.get() is not None:
        raise ValueError("@gr.render inside a @gr.render function is not supported by gradio_nb.")
    blocks, _ = _normalize_blocks(inputs, "inputs", "render")
    if triggers is None:
        pairs: list[tuple[Block, str]] = [(root, "load"), *((b, "change") for b in blocks if "change" in getattr(b, "EVENTS", ()))]
    else:
        pairs = []
        for trig in triggers if isinstance(triggers, (list, tuple)) else [triggers]:
            block = getattr(trig, "__self__", None)
            event = getattr(trig, "_gradio_event", None) or getattr(trig, "__name__", None)
            if not isinstance(block, Block) or event not in (*getattr(block, "EVENTS", ()), "load", "unload"):
                raise TypeError(f"gr.render: each trigger must be a listener such as `button.click`, got {trig!r}.")
            pairs.append((block, event))

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        place = Renderable(fn, row=isinstance(context.parent_block.get(), Row))
        dep = make_dependency(
            root, pairs, "render", fn, blocks, None, trigger_mode=trigger_mode,
            show_progress=show_progress, postprocess=False,
        )
        dep.outputs = [place]  # what the event log reports the run changed
        dep.renderable = place
        root._add_dependency(dep)
        return fn

    return decorate


__all__ = ["Renderable", "render"]
