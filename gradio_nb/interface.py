"""``gr.Interface``: an app built around one function, its inputs and its outputs."""

from __future__ import annotations

import inspect
import itertools
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .blocks import Block, Blocks, close_all
from .components import Button, ClearButton, Markdown, State, get_component_instance
from .components.base import Component
from .examples import Examples
from .layouts import Accordion, Column, Row
from .special_args import hints, is_special
from .tabbed_interface import TabbedInterface


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


class Interface(Blocks):
    """A ready-made app for ``fn``: input components, a Submit and a Clear button, outputs.

    ``inputs``/``outputs`` are components or Gradio's shortcut strings ("textbox", "number",
    "state", ...). With ``"state"`` (or a ``gr.State``) there must be exactly one state input
    and one state output: they become one State, starting at ``None``. ``live=True`` runs
    ``fn`` on every input change instead of on Submit. ``title``, ``description``,
    ``article``, ``submit_btn``, ``clear_btn`` and ``additional_inputs`` are honoured.
    ``examples`` (with ``examples_per_page``, ``example_labels``) are shown below the inputs
    and outputs as in Gradio (``self.examples_handler``, a :class:`~gradio_nb.examples.Examples`
    of the non-State inputs): a click loads a sample into the inputs. ``cache_examples``
    (and ``preload_example``) are accepted: the function runs on a clicked example instead
    of reading a cache (see ``Examples``). Flagging and the server/API options are accepted
    and ignored.
    """

    def __init__(
        self,
        fn: Callable[..., Any],
        inputs: str | Block | Sequence[str | Block] | None,
        outputs: str | Block | Sequence[str | Block] | None,
        examples: Any = None,
        *,
        cache_examples: Any = None,
        cache_mode: Any = None,
        examples_per_page: int = 10,
        example_labels: Any = None,
        preload_example: Any = 0,
        live: bool = False,
        title: str | None = None,
        description: str | None = None,
        article: str | None = None,
        flagging_mode: Any = None,
        flagging_options: Any = None,
        flagging_dir: str = ".gradio/flagged",
        flagging_callback: Any = None,
        analytics_enabled: bool | None = None,
        batch: bool = False,
        max_batch_size: int = 4,
        api_visibility: str = "public",
        api_name: str | None = None,
        api_description: Any = None,
        submit_btn: str | Button = "Submit",
        stop_btn: str | Button = "Stop",
        clear_btn: str | Button | None = "Clear",
        delete_cache: Any = None,
        show_progress: str = "full",
        fill_width: bool = False,
        allow_duplication: bool = False,
        concurrency_limit: Any = "default",
        additional_inputs: str | Block | Sequence[str | Block] | None = None,
        additional_inputs_accordion: Any = None,
        submit_btn_link: Any = None,
        validator: Any = None,
        deep_link: Any = None,
        time_limit: int | None = 30,
        stream_every: float = 0.5,
        **kwargs: Any,
    ) -> None:
        super().__init__(title=title or "Gradio", analytics_enabled=analytics_enabled, **kwargs)
        self.fn = fn
        self.examples = examples
        self.examples_per_page = examples_per_page
        self.example_labels = example_labels
        self.cache_examples = cache_examples
        self.cache_mode = cache_mode
        self.preload_example = preload_example
        self.examples_handler: Examples | None = None
        self.live = live
        main_inputs = [get_component_instance(i, unrender=True) for i in _as_list(inputs)]
        extra_inputs = [get_component_instance(i, unrender=True) for i in _as_list(additional_inputs)]
        self.input_components: list[Block] = main_inputs + extra_inputs
        self.output_components: list[Block] = [get_component_instance(o, unrender=True) for o in _as_list(outputs)]

        state_in = [i for i, c in enumerate(self.input_components) if isinstance(c, State)]
        state_out = [i for i, c in enumerate(self.output_components) if isinstance(c, State)]
        if state_in or state_out:
            if len(state_in) != 1 or len(state_out) != 1:
                raise ValueError("If using 'state', there must be exactly one state input and one state output.")
            # One State serves both ends; it starts from the input's value (None for "state").
            self.output_components[state_out[0]] = self.input_components[state_in[0]]
            if cache_examples:
                warnings.warn("Cache examples cannot be used with state inputs and outputs. Setting cache_examples to False.")
            self.cache_examples = False

        _default_labels(fn, self.input_components, self.output_components)
        with self:
            if title:
                Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")  # as Gradio's
            if description:
                Markdown(description)
            with Row():
                with Column():
                    for comp in main_inputs:
                        comp.render()
                    if extra_inputs:
                        with Accordion("Additional Inputs", open=False):
                            for comp in extra_inputs:
                                comp.render()
                    with Row():
                        clear = self._clear_button(clear_btn)
                        submit = self._submit_button(submit_btn, live)
                with Column():
                    for comp in self.output_components:
                        if not isinstance(comp, State):
                            comp.render()
            for comp in self.input_components + self.output_components:
                if isinstance(comp, State):
                    comp.render()
            self._attach_events(submit, clear, show_progress)
            self._render_examples(main_inputs, extra_inputs)
            if article:
                Markdown(article)

    def _render_examples(self, main_inputs: list[Block], extra_inputs: list[Block]) -> None:
        """Gradio's examples of an Interface: below the inputs and outputs, for the non-State
        inputs; with additional inputs, only the main inputs' columns are shown."""
        if not self.examples:
            return
        main_count = sum(not isinstance(c, State) for c in main_inputs)
        self.examples_handler = Examples(
            examples=self.examples,
            inputs=[c for c in self.input_components if not isinstance(c, State)],  # type: ignore[misc]
            outputs=[c for c in self.output_components if not isinstance(c, State)],  # type: ignore[misc]
            fn=self.fn,
            cache_examples=self.cache_examples,
            cache_mode=self.cache_mode,
            examples_per_page=self.examples_per_page,
            example_labels=self.example_labels,
            visible_columns=list(range(main_count)) if extra_inputs and main_count else None,
            preload=self.preload_example,
        )

    def _submit_button(self, spec: str | Button, live: bool) -> Button | None:
        if live:
            return None
        if isinstance(spec, Button):
            return spec.render()
        return Button(spec, variant="primary")

    def _clear_button(self, spec: str | Button | None) -> ClearButton | None:
        if spec is None:
            return None
        label = spec.value if isinstance(spec, Button) else spec
        return ClearButton(value=label)

    def _attach_events(self, submit: Button | None, clear: ClearButton | None, show_progress: str) -> None:
        inputs, outputs = self.input_components, self.output_components
        if submit is not None:
            submit.click(self.fn, inputs, outputs, show_progress=show_progress)
        for comp in inputs:
            if self.live and isinstance(comp, Component) and "change" in comp.EVENTS:
                comp.change(self.fn, inputs, outputs, show_progress=show_progress)
            elif not self.live and isinstance(comp, Component) and "submit" in comp.EVENTS:
                comp.submit(self.fn, inputs, outputs, show_progress=show_progress)
        if clear is not None:
            seen: list[Block] = []
            for comp in inputs + outputs:
                if comp not in seen:
                    seen.append(comp)
            clear.add(seen)


def _default_labels(fn: Callable[..., Any], inputs: list[Block], outputs: list[Block]) -> None:
    """Label unlabelled components as Gradio's Interface does: inputs by the function's
    parameter names (those Gradio fills itself skipped; ``input 0``, ... without names),
    outputs ``output`` (one) or ``output 0``, ``output 1``, ..."""
    try:
        names: Iterable[str] = inspect.getfullargspec(fn)[0]
        params = inspect.signature(fn).parameters
        types = hints(fn)
        names = [n for n in names if n in params and not is_special(params[n], types)]
    except (TypeError, ValueError):
        names = (f"input {n}" for n in itertools.count())
    for comp, name in zip(inputs, names):
        if hasattr(comp, "label") and comp.label is None:
            comp.label = name
    for index, comp in enumerate(outputs):
        if hasattr(comp, "label") and comp.label is None:
            comp.label = "output" if len(outputs) == 1 else f"output {index}"


__all__ = ["Interface", "TabbedInterface", "close_all"]
