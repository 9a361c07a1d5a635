"""``gr.Examples``: sample inputs shown as a ``gr.Dataset``; a click loads them into the inputs.

As in Gradio, a click runs a listener (``Examples.load_input_event``) that writes the
sample's values, through each input's ``postprocess``, into the inputs; with
``run_on_click=True`` (or ``cache_examples``: see :class:`Examples`) the function then runs
on them and shows its outputs.
"""

from __future__ import annotations

import copy
import csv
import os
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import context
from .components.base import Component
from .components.dataset import Dataset
from .components.state import State
from .updates import update

if TYPE_CHECKING:
    from .blocks import Block
    from .events import Dependency
    from .session import Session

LOG_FILE = "log.csv"
_UNCHANGED = object()  # an input a sample leaves as it is (a hidden column of an updated sample)


def _read_examples(examples: Any, inputs: list[Block]) -> list[list[Any]]:
    """Gradio's forms of ``examples`` as a list of samples (lists)."""
    if examples is None:
        raise ValueError("The parameter `examples` cannot be None")
    if isinstance(examples, list) and (len(examples) == 0 or isinstance(examples[0], list)):
        return examples
    if isinstance(examples, list) and len(inputs) == 1:
        return [[e] for e in examples]  # one input: a plain list of values
    if isinstance(examples, str):
        folder = Path(examples)
        if not folder.exists():
            raise FileNotFoundError(f"Could not find examples directory: {examples}")
        log = folder / LOG_FILE
        if not log.exists():
            if len(inputs) == 1:
                return [[e] for e in os.listdir(folder)]
            raise FileNotFoundError("Could not find log file (required for multiple inputs): " + LOG_FILE)
        with open(log, newline="") as logs:
            rows = list(csv.reader(logs))
        return [row[: len(inputs)] for row in rows[1:]]  # without the header and extra columns
    raise ValueError(
        "The parameter `examples` must either be a string directory or a list"
        "(if there is only 1 input component) or (more generally), a nested "
        "list, where each sublist represents a set of inputs."
    )


def _cache_setting(cache_examples: Any, fn: Any, outputs: Any) -> bool:
    if cache_examples is None:
        env = os.getenv("GRADIO_CACHE_EXAMPLES", "").lower()
        return env in ("true", "lazy") and fn is not None and outputs is not None
    if cache_examples in (True, False):
        return bool(cache_examples)
    raise ValueError(f"The `cache_examples` parameter should be either True or False, not {cache_examples}")


class Examples:
    """Example inputs, shown as a clickable :class:`~gradio_nb.components.dataset.Dataset`
    (``.dataset``) where the Examples is created; a click loads a sample into ``inputs``.

    ``examples``: a list of samples (lists, one value per input), a list of values for one
    input, or a folder (with a ``log.csv`` for several inputs). Inputs whose value is ``None``
    in every sample are left out. ``run_on_click=True`` runs ``fn`` on the loaded inputs and
    shows its return in ``outputs``. ``cache_examples=True`` (or the ``GRADIO_CACHE_EXAMPLES``
    environment variable) needs ``fn`` and ``outputs``, as in Gradio; nothing is cached here:
    ``fn`` runs on each click instead (with ``preprocess``/``postprocess``), and, as Gradio
    shows a cached example at load, on example ``preload`` when a session opens (eager mode,
    when no input has a value of its own). ``examples_per_page``, ``label``,
    ``example_labels``, ``visible_columns``, ``visible`` and ``elem_id`` are honoured;
    ``cache_mode``, ``batch``, ``api_name``, ``api_description`` and ``api_visibility`` are
    accepted and ignored.

    Created outside a ``Blocks``, it shows nothing and wires nothing (Gradio warns too):
    render ``examples.dataset`` in a Blocks and call ``examples.create()`` there.

    Attributes as in Gradio: ``dataset``, ``load_input_event``, ``examples``, ``inputs``,
    ``outputs``, ``fn``, ``non_none_examples``, ``inputs_with_examples``, ``cache_examples``.
    """

    def __init__(
        self,
        examples: list[Any] | list[list[Any]] | str,
        inputs: Component | Sequence[Component],
        outputs: Component | Sequence[Component] | None = None,
        fn: Callable[..., Any] | None = None,
        cache_examples: bool | None = None,
        cache_mode: str | None = None,
        examples_per_page: int = 10,
        _api_mode: bool = False,
        label: str | None = "Examples",
        elem_id: str | None = None,
        run_on_click: bool = False,
        preprocess: bool = True,
        postprocess: bool = True,
        api_visibility: str = "undocumented",
        api_name: str | None = "load_example",
        api_description: Any = None,
        batch: bool = False,
        *,
        example_labels: list[str] | None = None,
        visible_columns: list[int] | None = None,
        visible: bool = True,
        preload: int | bool = 0,
    ) -> None:
        self.cache_examples: bool | str = _cache_setting(cache_examples, fn, outputs)
        if self.cache_examples and (fn is None or outputs is None):
            raise ValueError("If caching examples, `fn` and `outputs` must be provided")
        mode = cache_mode or os.getenv("GRADIO_CACHE_MODE", "").lower() or None
        if self.cache_examples and mode == "lazy":
            self.cache_examples = "lazy"
        input_list = list(inputs) if isinstance(inputs, Sequence) else [inputs]
        output_list = (list(outputs) if isinstance(outputs, Sequence) else [outputs]) if outputs else []
        samples = _read_examples(examples, input_list)

        has_examples = [False] * len(input_list)
        for sample in samples:
            for index, value in enumerate(sample[: len(input_list)]):
                if value is not None:
                    has_examples[index] = True
        self.examples = samples
        self.inputs = input_list
        self.outputs = output_list
        self.fn = fn
        self.input_has_examples = has_examples
        self.inputs_with_examples = [c for c, keep in zip(input_list, has_examples) if keep]
        self.non_none_examples = [[v for v, keep in zip(sample, has_examples) if keep] for sample in samples]
        self._set_visible_columns(visible_columns)
        if example_labels is not None and len(example_labels) != len(samples):
            raise ValueError(
                "If `example_labels` are provided, the length of `example_labels` must be the same as the number of examples."
            )
        self.example_labels = example_labels
        self.run_on_click = run_on_click
        self.preprocess = preprocess
        self.postprocess = postprocess
        self.preload = preload
        self.batch = batch
        self.api_name = api_name
        self.load_input_event: Dependency | None = None
        self.cache_event: Dependency | None = None
        visible_inputs = [input_list[i] for i in self._visible_indices]
        self.visible_examples = [
            [sample[i] if i < len(sample) else None for i in self._visible_indices] for sample in samples
        ]
        self.dataset = Dataset(
            components=visible_inputs,
            samples=copy.deepcopy(self.visible_examples),
            type="tuple",
            label=label,
            samples_per_page=examples_per_page,
            elem_id=elem_id,
            visible=visible,
            sample_labels=example_labels,
        )
        self.create()

    def _set_visible_columns(self, visible_columns: list[int] | None) -> None:
        count = len(self.inputs)
        if visible_columns is None:
            visible_columns = list(range(count))
        elif not visible_columns:
            raise ValueError("`visible_columns` must contain at least one column index.")
        elif any(isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < count for i in visible_columns):
            raise ValueError("Each index in `visible_columns` must correspond to an input component.")
        with_examples = [i for i, keep in enumerate(self.input_has_examples) if keep]
        shown = set(visible_columns)
        if not shown & set(with_examples):
            shown = set(with_examples)  # no visible column has values: show them all
        self._visible_indices = [i for i in with_examples if i in shown]
        self.visible_input_positions = [pos for pos, i in enumerate(with_examples) if i in shown]

    # -- loading a sample --------------------------------------------------------------------
    def _example_value(self, index: int, sample: list[Any]) -> list[Any]:
        """The value of every input with examples for a clicked sample; hidden columns come
        from the examples given (a sample updated since, without them: left unchanged)."""
        if len(self.visible_input_positions) == len(self.inputs_with_examples):
            return sample
        if index < len(self.non_none_examples) and sample == self.visible_examples[index]:
            return self.non_none_examples[index]
        if len(sample) == len(self.inputs_with_examples):
            return sample
        values: list[Any] = [_UNCHANGED] * len(self.inputs_with_examples)
        for position, value in zip(self.visible_input_positions, sample):
            values[position] = value
        return values

    def _processed(self, values: list[Any]) -> list[Any]:
        """Each value as its input shows it (its ``postprocess``), as Gradio sends it."""
        return [
            value if value is _UNCHANGED else comp.postprocess(value)
            for comp, value in zip(self.inputs_with_examples, values)
        ]

    def _load_example(self, example: tuple[int, list[Any]]) -> Any:
        """The listener of a click: each input's value, and its declared properties back (as
        Gradio's ``gr.update(value=..., **constructor props)``)."""
        index, sample = example
        updates = []
        for comp, value in zip(self.inputs_with_examples, self._processed(self._example_value(index, sample))):
            props = {} if isinstance(comp, State) else _declared_props(comp)
            updates.append(update(**props) if value is _UNCHANGED else update(value=value, **props))
        return updates[0] if len(updates) == 1 else updates

    def _load_example_values(self, example: tuple[int, list[Any]]) -> Any:
        """The listener of a click with ``cache_examples``: the values only (as Gradio's)."""
        index, sample = example
        values = [update() if v is _UNCHANGED else v for v in self._processed(self._example_value(index, sample))]
        return values[0] if len(values) == 1 else values

    # -- wiring ------------------------------------------------------------------------------
    def create(self) -> None:
        """Wire the click listener in the open ``Blocks`` (done at creation when in one)."""
        root = context.root_block.get()
        if root is None:
            warnings.warn(
                "If an Examples object is created outside a Blocks Context, make sure to call "
                "`examples.dataset.render()` and `examples.create()` to render the examples in the interface.",
                stacklevel=3,
            )
            return
        if self.load_input_event is not None:
            return  # wired already
        if self.cache_examples:
            self.cache_event = self.load_input_event = self.dataset.click(
                self._load_example_values, inputs=[self.dataset], outputs=self.inputs_with_examples,
                show_progress="hidden", postprocess=False,
            ).then(
                self.fn, inputs=self.inputs, outputs=self.outputs,
                preprocess=self.preprocess, postprocess=self.postprocess,
            )  # fmt: skip
            self._preload(root)
            return
        self.load_input_event = self.dataset.click(
            self._load_example, inputs=[self.dataset], outputs=self.inputs_with_examples,
            show_progress="hidden", postprocess=False,
        )  # fmt: skip
        if self.run_on_click:
            if self.fn is None:
                raise ValueError("Cannot run_on_click if no function is provided")
            self.load_input_event.then(self.fn, inputs=self.inputs, outputs=self.outputs)

    def _preload(self, root: Any) -> None:
        """With eager caching, Gradio shows example ``preload`` at load: here, by running it."""
        if self.preload is False or self.cache_examples == "lazy" or not self.non_none_examples:
            return
        if any(_has_own_value(c) for c in self.inputs_with_examples):
            return
        index = int(self.preload)
        example = (index, self.visible_examples[index])
        root.load(lambda: self._load_example_values(example), None, self.inputs_with_examples,
                  show_progress="hidden", postprocess=False).then(
            self.fn, inputs=self.inputs, outputs=self.outputs,
            preprocess=self.preprocess, postprocess=self.postprocess,
        )  # fmt: skip


def _declared_props(component: Component) -> dict[str, Any]:
    """The properties ``gr.update`` may change, as the component was declared."""
    props = {}
    for name in component.UPDATABLE:
        value = getattr(component, name, None)
        if value is not None:
            props[name] = copy.copy(value)
    props["visible"] = component.visible
    return props


def _has_own_value(component: Component) -> bool:
    """Whether the app gave ``component`` a value of its own (Gradio: ``value`` was passed)."""
    if isinstance(component, State):
        return component.value is not None
    try:
        fresh = type(component)(render=False)
    except Exception:
        return True
    return component.value not in (None, "", fresh.value)


def click_example(session: Session, target: Examples | Dataset, index: int) -> None:
    """Click sample ``index`` (over all pages) of an ``Examples`` or a ``Dataset`` in
    ``session``, as a person would; returns when the events it started have finished.
    The same as ``session.trigger(dataset, "click", {"index": index})``."""
    dataset = target.dataset if isinstance(target, Examples) else target
    session.trigger(dataset, "click", {"index": index})
