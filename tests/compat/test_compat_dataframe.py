"""Compat scenarios for ``gr.Dataframe``: what a function receives for each value form and each
``type=``, what ``.select`` gives, and the round trip of a returned DataFrame, against real
Gradio. Same format as ``test_compat.py``.

NaN cells are left out: the Gradio driver does not emulate the JSON trip that turns them into
null (in a real browser, and in gradio_nb, they come back as ``None``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from harness import Scenarios, compare, snap  # noqa: E402

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario


def described(value: Any) -> Any:
    """A comparable account of what a function received: its type, columns, dtypes, cells."""
    if isinstance(value, pd.DataFrame):
        return ["DataFrame", [str(c) for c in value.columns], [str(d) for d in value.dtypes], value.to_numpy().tolist()]
    if isinstance(value, np.ndarray):
        return ["ndarray", str(value.dtype), list(value.shape), value.tolist()]
    return [type(value).__name__, value]


FRAME = {"name": ["ada", "bob"], "score": [1.5, 2.0], "n": [3, 4], "ok": [True, False]}
FORMS: dict[str, Callable[[], Any]] = {
    "pandas": lambda: pd.DataFrame(FRAME),
    "numpy": lambda: np.array([[1.5, 2.0], [3.0, 4.25]]),
    "ints": lambda: np.arange(6).reshape(3, 2),
    "lists": lambda: [[1, "a", True], [2.5, "b", False]],
    "flat": lambda: [1, 2, 3],
    "dict": lambda: {"headers": ["x", "y"], "data": [[1, 2], [3, 4]]},
    "styler": lambda: pd.DataFrame({"v": [1.25, 2.5]}).style.format("{:.1f}"),
}


def _receives(gr: Any, driver: Any, kind: str) -> dict[str, Any]:
    got: list[Any] = []
    obs: dict[str, Any] = {}
    for name, make in FORMS.items():
        with gr.Blocks() as demo:
            df = gr.Dataframe(make(), type=kind, interactive=True)
            b = gr.Button()
            b.click(lambda v: got.append(described(v)), df, None)
        s = driver.open(demo)
        s.click(b)
        obs[name] = got.pop()
        obs[f"{name}_errors"] = s.errors()
    return obs


@scenario(pandas=["DataFrame", ["name", "score", "n", "ok"], ["str", "float64", "int64", "bool"],
                  [["ada", 1.5, 3, True], ["bob", 2.0, 4, False]]])
def df_type_pandas(gr, driver):
    return _receives(gr, driver, "pandas")


@scenario(ints=["ndarray", "int64", [3, 2], [[0, 1], [2, 3], [4, 5]]])
def df_type_numpy(gr, driver):
    return _receives(gr, driver, "numpy")


@scenario(flat=["list", [[1], [2], [3]]])
def df_type_array(gr, driver):
    return _receives(gr, driver, "array")


@scenario(empty=["DataFrame", ["a", "b"], ["object", "object"], []])
def df_empty_and_headers(gr, driver):
    got: list[Any] = []
    with gr.Blocks() as demo:
        empty = gr.Dataframe(headers=["a", "b"])
        short = gr.Dataframe([[1, 2, 3]], headers=["x", "y"], column_count=2, type="array")
        wide = gr.Dataframe({"data": [[1, 2, 3]], "headers": ["p"]})
        b = gr.Button()
        b.click(lambda *v: got.extend(described(x) for x in v), [empty, short, wide], None)
    s = driver.open(demo)
    s.click(b)
    return {"empty": got[0], "short": got[1], "wide": got[2], "errors": s.errors()}


@scenario(shown=[[1, 1], "b", [2, "b"], ["a", "b"], True])
def df_select(gr, driver):
    with gr.Blocks() as demo:
        df = gr.Dataframe([[1, "a"], [2, "b"]], headers=["n", "s"])
        out = gr.JSON()

        def on_select(evt):
            return [evt.index, evt.value, evt.row_value, evt.col_value, evt.selected]

        on_select.__annotations__ = {"evt": gr.SelectData}  # a class, not the text this module's annotations are
        df.select(on_select, None, out)
    s = driver.open(demo)
    s.trigger(df, "select", {"index": [1, 1], "value": "b", "row_value": [2, "b"], "col_value": ["a", "b"]})
    return {"shown": snap(s, out), "errors": s.errors()}


@scenario(after=["DataFrame", ["n", "double"], ["int64", "int64"], [[1, 2], [2, 4], [5, 10]]])
def df_round_trip(gr, driver):
    with gr.Blocks() as demo:
        source = gr.Dataframe(pd.DataFrame({"n": [1, 2]}), interactive=True)
        result = gr.Dataframe()
        count = gr.Number()
        b = gr.Button()
        b.click(lambda d: d.assign(double=d["n"] * 2), source, result)
        result.change(lambda d: len(d), result, count)
    s = driver.open(demo)
    s.click(b)
    obs = {"first": described(s.get(result)), "count1": s.get(count)}
    s.set(source, pd.DataFrame({"n": [1, 2, 5]}))  # as a user's edit
    s.click(b)
    obs["after"] = described(s.get(result))
    obs["count2"] = s.get(count)
    obs["errors"] = s.errors()
    return obs


@scenario(changes=1, total=10)
def df_user_edit_fires_change(gr, driver):
    changes: list[Any] = []
    with gr.Blocks() as demo:
        df = gr.Dataframe([[1, 2]], headers=["a", "b"], datatype="number", interactive=True, type="array")
        total = gr.Number()
        df.change(lambda rows: (changes.append(1), sum(sum(r) for r in rows))[1], df, total)
    s = driver.open(demo)
    s.set(df, {"headers": ["a", "b"], "data": [[1, 9]]})
    return {"changes": len(changes), "total": s.get(total), "errors": s.errors()}


@scenario(
    added=["DataFrame", ["name", "score"], ["str", "str"], [["", ""]]],
    filled=["DataFrame", ["name", "score"], ["str", "object"], [["ada", 3], ["", ""]]],
)
def df_rows_added_by_a_person(gr, driver):
    """An empty input table given rows by its "+" bar or cell menu: Gradio's page adds rows of
    ``""`` cells (a typed number cell is a number in gradio_nb: set here as such)."""
    got: list[Any] = []
    with gr.Blocks() as demo:
        df = gr.Dataframe(headers=["name", "score"], datatype=["str", "number"], interactive=True)
        b = gr.Button()
        b.click(lambda d: got.append(described(d)), df, None)
    s = driver.open(demo)
    s.set(df, {"headers": ["name", "score"], "data": [["", ""]]})
    s.click(b)
    s.set(df, {"headers": ["name", "score"], "data": [["ada", 3], ["", ""]]})
    s.click(b)
    return {"added": got[0], "filled": got[1], "errors": s.errors()}


@scenario(held=["DataFrame", ["x"], ["float64"], [[0.5], [2.0]]])
def df_update_value_and_props(gr, driver):
    with gr.Blocks() as demo:
        df = gr.Dataframe([[1]], headers=["a"])
        b = gr.Button()
        b.click(lambda: gr.update(value=pd.DataFrame({"x": [0.5, 2.0]}), label="New", max_height=300), None, df)
    s = driver.open(demo)
    s.click(b)
    return {"held": described(s.get(df)), "errors": s.errors()}


# =============================================================================================
# The test
# =============================================================================================


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_dataframe_same_as_gradio(name: str, no_sleep: None) -> None:
    compare(name, *SCENARIOS[name])
