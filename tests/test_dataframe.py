"""gr.Dataframe, headless: value forms in and out, ``type=``, headers and datatypes, cell edits
and selection as the page sends them, prop updates, and the windowing messages and their sizes."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest

import gradio_nb as gr
from bench.common import recording_comms, traffic
from gradio_nb.components.dataframe import MAX_WINDOW, Dataframe, DataframeWidget, cast_cell, js_cell
from gradio_nb.event_data import EditData, SelectData


def widget(sess, df) -> DataframeWidget:
    return sess.widget(df)


def page(sess, df, **content) -> None:
    """Play a message the table's view sends (``op`` "rows", "edit" or "select")."""
    w = widget(sess, df)
    w._view_message(w, content, [])


def edit(sess, df, row: int, col: int, value) -> None:
    page(sess, df, op="edit", row=row, col=col, value=value)


def sent(log, since: int = 0) -> list[dict]:
    """The custom messages (``method: custom``) sent to the page since ``since``."""
    return [d["content"] for kind, _size, d in log[since:] if kind == "comm_msg" and d.get("method") == "custom"]


# -- values in ------------------------------------------------------------------------------
def test_value_forms_become_gradio_payloads():
    df = Dataframe(render=False)
    frame = pd.DataFrame({"a": [1.0, 2.5], "b": ["x", "y"], "c": [True, False], "d": [1, 2]})
    assert df.postprocess(frame) == {
        "headers": ["a", "b", "c", "d"],
        "data": [[1, "x", True, 1], [2.5, "y", False, 2]],  # 1.0 comes back as 1 (S19)
        "metadata": None,
    }
    assert df.postprocess(np.array([[1.5, 2.0]])) == {"headers": ["1", "2"], "data": [[1.5, 2]], "metadata": None}
    assert df.postprocess([[1, "a"], [2, "b"]])["data"] == [[1, "a"], [2, "b"]]
    assert df.postprocess([(1, 2)])["data"] == [[1, 2]]
    assert df.postprocess([1, 2, 3]) == {"headers": ["1"], "data": [[1], [2], [3]], "metadata": None}  # one column
    assert df.postprocess({"data": [[1, 2]], "headers": ["x", "y"]}) == {"headers": ["x", "y"], "data": [[1, 2]], "metadata": None}
    assert df.postprocess({"data": [[1, 2, 3, 4]]})["headers"] == ["1", "2", "3", "4"]  # padded
    assert df.postprocess(None) == {"headers": ["1", "2", "3"], "data": [], "metadata": None}
    assert df.postprocess(pd.DataFrame({"q": []})) == {"headers": ["q"], "data": [], "metadata": None}


def test_cells_are_json_values():
    assert js_cell(np.int64(3)) == 3 and type(js_cell(np.int64(3))) is int
    assert js_cell(np.float32(0.5)) == 0.5
    assert js_cell(float("nan")) is None and js_cell(float("inf")) is None
    assert js_cell(np.bool_(True)) is True
    assert js_cell(pd.Timestamp("2024-01-02")) == "2024-01-02 00:00:00"
    frame = pd.DataFrame({"f": [1.0, np.nan, 2.25], "t": pd.to_datetime(["2024-01-01", None, "2024-01-03"])})
    assert Dataframe(render=False).postprocess(frame)["data"] == [
        [1, "2024-01-01 00:00:00"], [None, None], [2.25, "2024-01-03 00:00:00"],
    ]
    json.dumps(Dataframe(render=False).postprocess(frame))  # all of it is JSON
    nullable = pd.DataFrame({"i": pd.array([1, None], dtype="Int64"), "f": pd.array([0.5, None], dtype="Float64"),
                             "b": pd.array([True, None], dtype="boolean")})
    assert Dataframe(render=False).postprocess(nullable)["data"] == [[1, 0.5, True], [None, None, None]]


def test_a_callable_value_is_called_once_per_session():
    calls = []

    def load():
        calls.append(1)
        return [[len(calls)]]

    with gr.Blocks() as demo:
        df = Dataframe(load, type="array")
    assert calls == [1]  # once for the declared value, as Gradio
    assert demo.session().get(df) == [[2]] and demo.session().get(df) == [[3]]


def test_styler_shows_its_text_and_css(tmp_path):
    frame = pd.DataFrame({"x": [1.23456, 2.0]})
    styler = frame.style.format("{:.1f}").map(lambda v: "color: red" if v > 2 else "")
    payload = Dataframe(render=False).postprocess(styler)
    assert payload["data"] == [[1.23456], [2]]
    assert payload["metadata"]["display_value"] == [["1.2"], ["2.0"]]
    assert payload["metadata"]["styling"] == [[""], [""]]
    csv = tmp_path / "t.csv"
    csv.write_text("p,q\n1,a\n2,b\n")
    assert Dataframe(render=False).postprocess(str(csv)) == {"headers": ["p", "q"], "data": [[1, "a"], [2, "b"]], "metadata": None}


def test_bad_value_is_a_gradio_error_shown_in_the_app():
    with gr.Blocks() as demo:
        df = Dataframe()
        b = gr.Button()
        b.click(lambda: object(), None, df)
    sess = demo.session()
    sess.click(b)
    assert len(sess.errors) == 1
    assert "Dataframe" in sess.errors[0].message and "expected" in sess.errors[0].message


# -- values out -----------------------------------------------------------------------------
def test_type_pandas_builds_the_frame_as_gradio():
    frame = pd.DataFrame({"a": [1.0, 2.5], "b": [1, 2], "s": ["x", "y"], "ok": [True, False]})
    with gr.Blocks() as demo:
        df = Dataframe(frame)
    got = demo.session().get(df)
    assert isinstance(got, pd.DataFrame)
    assert list(got.columns) == ["a", "b", "s", "ok"]
    assert got["a"].dtype == np.float64 and got["b"].dtype == np.int64 and got["ok"].dtype == bool
    pd.testing.assert_frame_equal(got, pd.DataFrame({"a": [1, 2.5], "b": [1, 2], "s": ["x", "y"], "ok": [True, False]}))


@pytest.mark.parametrize(
    ("kind", "check"),
    [
        ("numpy", lambda v: isinstance(v, np.ndarray) and v.tolist() == [[1, 2], [3, 4]]),
        ("array", lambda v: v == [[1, 2], [3, 4]] and type(v) is list),
        ("pandas", lambda v: v.to_dict("list") == {"x": [1, 3], "y": [2, 4]}),
    ],
)
def test_type_says_what_the_function_receives(kind, check):
    got = []
    with gr.Blocks() as demo:
        df = Dataframe([[1, 2], [3, 4]], headers=["x", "y"], type=kind)
        b = gr.Button()
        b.click(got.append, df, None)
    demo.session().click(b)
    assert check(got[0])


def test_array_given_to_a_function_is_a_copy():
    with gr.Blocks() as demo:
        df = Dataframe([[1, 2]], type="array")
        b = gr.Button()
        b.click(lambda rows: rows[0].__setitem__(0, 99), df, None)
    sess = demo.session()
    sess.click(b)
    assert sess.get(df) == [[1, 2]]


def test_empty_table_gives_an_empty_frame_with_headers():
    with gr.Blocks() as demo:
        df = Dataframe(headers=["a", "b"])
    got = demo.session().get(df)
    assert list(got.columns) == ["a", "b"] and len(got) == 0


def test_constructor_checks_as_gradio():
    with pytest.raises(ValueError, match="length of the headers list"):
        Dataframe(headers=["a", "b"], column_count=3, render=False)
    with pytest.raises(ValueError, match="Invalid value for parameter `type`"):
        Dataframe(type="csv", render=False)
    with pytest.warns(UserWarning, match="col_count"):
        assert Dataframe(col_count=4, render=False).column_count == (3, "dynamic")  # as Gradio 6: ignored
    df = Dataframe(render=False, row_count=5, column_widths=[100, "20%"])
    assert df.row_count == (5, "dynamic") and df.column_count == (3, "dynamic")
    assert df.column_widths == ["100px", "20%"]
    assert gr_dataframe_alias() is Dataframe


def test_templates_set_the_type():
    from gradio_nb.templates import List, Matrix, Numpy

    with pytest.warns(UserWarning, match="col_count"):  # Gradio's List passes col_count=1, which warns there too
        listed = List(render=False)
    assert (Numpy(render=False).type, Matrix(render=False).type, listed.type) == ("numpy", "array", "array")


def gr_dataframe_alias():
    from gradio_nb.components.dataframe import DataFrame

    return DataFrame


def test_datatypes_per_column_auto_and_aligned_by_header():
    frame = pd.DataFrame({"n": [1], "s": ["x"], "b": [True], "t": pd.to_datetime(["2024-01-01"])})
    assert Dataframe(frame, datatype="auto", render=False).datatype == ["number", "str", "bool", "date"]
    with gr.Blocks() as demo:
        one = Dataframe([[1, 2]], datatype="number")
        listed = Dataframe([[1, "a", 3]], headers=["x", "y", "z"], datatype=["number", "str"])
    sess = demo.session()
    assert widget(sess, one).datatype == ["number", "number"]
    assert widget(sess, listed).datatype == ["number", "str", "str"]


# -- edits from the page -------------------------------------------------------------------
def test_cell_edit_is_stored_with_the_column_type_and_fires_change_input_edit():
    events = []
    with gr.Blocks() as demo:
        df = Dataframe([[1, "a", True]], headers=["n", "s", "b"], datatype=["number", "str", "bool"], interactive=True)
        total = gr.Number()
        df.change(lambda d: (events.append("change"), float(d["n"].sum()))[1], df, total)
        df.input(lambda: events.append("input"), None, None)

        def on_edit(evt: EditData):
            events.append(("edit", evt.index, evt.value, evt.previous_value))

        df.edit(on_edit, None, None)
    sess = demo.session()
    edit(sess, df, 0, 0, "41.5")
    assert sess.get(df).iloc[0, 0] == 41.5
    assert sess.get(total) == 41.5
    assert events == ["change", "input", ("edit", [0, 0], "41.5", "1")]
    edit(sess, df, 0, 0, "7")
    assert widget(sess, df).value["data"][0][0] == 7 and type(widget(sess, df).value["data"][0][0]) is int
    edit(sess, df, 0, 2, False)
    edit(sess, df, 0, 1, "b")
    assert widget(sess, df).value["data"] == [[7, "b", False]]
    assert sess.errors == []


def test_edit_casts_like_the_page():
    assert cast_cell("3", "number") == 3 and type(cast_cell("3", "number")) is int
    assert cast_cell(" 2.5 ", "number") == 2.5
    assert cast_cell("abc", "number") == "abc"  # not a number: kept as typed, as Gradio does
    assert cast_cell("", "number") is None
    assert cast_cell("true", "bool") is True and cast_cell("0", "bool") is False
    assert cast_cell(5, "str") == "5"


def test_edit_is_refused_where_the_page_cannot_edit():
    with gr.Blocks() as demo:
        shown = Dataframe([[1, 2]], interactive=False)
        partly = Dataframe([[1, 2]], interactive=True, static_columns=[0])
    sess = demo.session()
    edit(sess, shown, 0, 0, "9")
    edit(sess, partly, 0, 0, "9")
    edit(sess, partly, 0, 1, "9")
    edit(sess, partly, 5, 1, "9")  # outside the table: ignored
    assert widget(sess, shown).value["data"] == [[1, 2]]
    assert widget(sess, partly).value["data"] == [[1, "9"]]  # a "str" column (the default) keeps text


def test_an_edit_sends_one_small_cell_message_not_the_window():
    frame = pd.DataFrame(np.arange(100_000 * 10).reshape(100_000, 10), columns=[f"c{i}" for i in range(10)])
    with recording_comms() as log:
        with gr.Blocks() as demo:
            df = Dataframe(frame, interactive=True, datatype="number")
            out = gr.Number()
            df.change(lambda d: int(d.iloc[5, 3]), df, out)
        sess = demo.session()
        page(sess, df, op="rows", start=0, end=100)
        before = len(log)
        edit(sess, df, 5, 3, "123")
        messages = sent(log, before)
        edit_bytes = traffic(log, before)[1]
    assert [m["op"] for m in messages] == ["cell"]
    assert messages[0] == {"op": "cell", "version": widget(sess, df).version, "row": 5, "col": 3, "value": 123}
    assert len(json.dumps({"op": "edit", "row": 5, "col": 3, "value": "123"})) < 2000  # what the page sends
    assert edit_bytes < 2000, edit_bytes  # what the kernel sends back (the echo, the Number's value)
    assert sess.get(out) == 123


# -- selection -----------------------------------------------------------------------------
def test_click_on_a_cell_gives_select_data():
    got = []
    with gr.Blocks() as demo:
        df = Dataframe([[1, "a"], [2, "b"]], headers=["n", "s"])
        out = gr.Textbox()

        def on_select(evt: SelectData, table):
            got.append((evt.index, evt.value, evt.row_value, evt.col_value, evt.selected, list(table.columns)))
            return f"{evt.index}"

        df.select(on_select, df, out)
    sess = demo.session()
    page(sess, df, op="select", row=1, col=1)
    assert got == [([1, 1], "b", [2, "b"], ["a", "b"], True, ["n", "s"])]
    assert sess.get(out) == "[1, 1]"
    sess.trigger(df, "select", {"index": [0, 0], "value": 1, "row_value": [1, "a"], "col_value": [1, 2]})
    assert got[-1][:4] == ([0, 0], 1, [1, "a"], [1, 2])


# -- values from functions -----------------------------------------------------------------
def test_a_returned_table_replaces_the_view_rows():
    with recording_comms() as log:
        with gr.Blocks() as demo:
            df = Dataframe([[1, 2]], headers=["a", "b"])
            b = gr.Button()
            b.click(lambda: pd.DataFrame({"x": range(500), "y": range(500), "z": range(500)}), None, df)
        sess = demo.session()
        w = widget(sess, df)
        version = w.version
        before = len(log)
        sess.click(b)
        assert not sent(log, before)  # no rows are pushed: the view asks for what it shows
        assert w.version == version + 1 and w.n_rows == 500 and w.headers == ["x", "y", "z"]
        page(sess, df, op="rows", start=100, end=160)
        reply = sent(log, before)[-1]
    assert reply["op"] == "rows" and reply["start"] == 100 and reply["version"] == w.version
    assert reply["rows"][0] == [100, 100, 100] and len(reply["rows"]) == 60
    assert sess.get(df).shape == (500, 3)


def test_rows_requests_are_clipped():
    with gr.Blocks() as demo:
        df = Dataframe([[i] for i in range(5000)])
    w = widget(demo.session(), df)
    assert len(w.rows_message(0, 10**9)["rows"]) == MAX_WINDOW
    assert w.rows_message(4990, 6000)["rows"] == [[i] for i in range(4990, 5000)]
    assert w.rows_message(-5, 2)["rows"] == [[0], [1]]
    assert w.rows_message(7000, 8000)["rows"] == []


def test_markdown_and_html_cells_are_sanitized():
    with gr.Blocks() as demo:
        df = Dataframe([["**b**", "<img src=x onerror=alert(1)><i>i</i>"]], datatype=["markdown", "html"])
    message = widget(demo.session(), df).rows_message(0, 1)
    assert message["html"]["0"] == ["<p><strong>b</strong></p>\n"]
    assert "onerror" not in message["html"]["1"][0] and "<i>i</i>" in message["html"]["1"][0]
    assert message["rows"] == [["**b**", "<img src=x onerror=alert(1)><i>i</i>"]]


def test_styler_metadata_travels_with_its_rows():
    styler = pd.DataFrame({"x": [1.5, 3.0]}).style.format("{:.2f}").map(lambda v: "color: red" if v > 2 else "")
    with gr.Blocks() as demo:
        df = Dataframe(styler, interactive=False)
    message = widget(demo.session(), df).rows_message(1, 2)
    assert message["display"] == [["3.00"]] and message["styling"] == [["color: red"]]


# -- updates -------------------------------------------------------------------------------
def test_update_props_reach_the_widget():
    with gr.Blocks() as demo:
        df = Dataframe([[1, 2]], headers=["a", "b"], label="T")
        b = gr.Button()
        b.click(
            lambda: gr.update(label="New", max_height=200, wrap=True, column_widths=[50], show_row_numbers=True,
                              pinned_columns=1, datatype=["number", "str"], interactive=False),
            None, df,
        )
        bad = gr.Button()
        bad.click(lambda: gr.update(nonsense=1), None, df)
    sess = demo.session()
    sess.click(b)
    w = widget(sess, df)
    assert (w.label, w.max_height, w.wrap, w.column_widths, w.show_row_numbers, w.pinned_columns) == (
        "New", "200px", True, ["50px"], True, 1,
    )
    assert w.datatype == ["number", "str"] and w.disabled
    assert w.value["data"] == [[1, 2]]
    sess.click(bad)
    assert "cannot update nonsense" in sess.errors[-1].message
    assert {"headers", "datatype", "type", "column_count", "max_height", "wrap", "pinned_columns"} <= set(Dataframe.UPDATABLE)


def test_returned_component_updates_value_and_props():
    with gr.Blocks() as demo:
        df = Dataframe([[1]])
        b = gr.Button()
        b.click(lambda: Dataframe(value=[[5, 6]], label="L", render=False), None, df)
    sess = demo.session()
    sess.click(b)
    assert widget(sess, df).label == "L" and widget(sess, df).value["data"] == [[5, 6]]


# -- windowing -----------------------------------------------------------------------------
def test_a_large_table_opens_with_little_traffic():
    frame = pd.DataFrame(np.random.default_rng(0).random((100_000, 10)), columns=[f"col{i}" for i in range(10)])
    with recording_comms() as log:
        with gr.Blocks() as demo:
            Dataframe(frame)
        sess = demo.session()
        df = next(b for b in demo.blocks.values() if isinstance(b, Dataframe))
        page(sess, df, op="rows", start=0, end=120)  # what the view asks for first
        _msgs, size = traffic(log)
    assert size < 200_000, size
    assert widget(sess, df).n_rows == 100_000


def test_every_view_message_is_json():
    with gr.Blocks() as demo:
        df = Dataframe(pd.DataFrame({"t": pd.to_datetime(["2024-01-01"]), "n": [np.nan]}))
    w = widget(demo.session(), df)
    json.dumps(w.rows_message(0, 5))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        json.dumps(w.value)


# -- sort and search in the page (display only) --------------------------------------------
def test_sort_and_search_change_what_is_listed_not_the_value():
    got = []
    with gr.Blocks() as demo:
        df = Dataframe([[3, "c"], [1, "a"], [None, "z"], [2, "b"]], headers=["n", "s"], type="array", interactive=True)
        b = gr.Button()
        b.click(got.append, df, None)

        def on_select(evt: SelectData):
            got.append(("select", evt.index, evt.value))

        df.select(on_select, None, None)
    sess = demo.session()
    w = widget(sess, df)
    version = w.version
    w.sort_by = [0, "asc"]  # as the page sets it
    assert w.version == version + 1
    message = w.rows_message(0, 10)
    assert message["rows"] == [[1, "a"], [2, "b"], [3, "c"], [None, "z"]]  # empty cells last
    assert message["index"] == [1, 3, 0, 2]
    w.sort_by = [0, "desc"]
    assert w.rows_message(0, 10)["index"] == [0, 3, 1, 2]
    page(sess, df, op="select", row=0, col=1)  # the page names the table's row, not the position
    edit(sess, df, 3, 1, "B")
    sess.click(b)
    assert got == [("select", [0, 1], "c"), [[3, "c"], [1, "a"], [None, "z"], [2, "B"]]]
    w.sort_by = []
    w.query = "b"
    assert (w.shown_rows, w.rows_message(0, 10)["rows"]) == (1, [[2, "B"]])
    w.query = ""
    assert w.shown_rows == 4 and "index" not in w.rows_message(0, 10)


def test_search_box_shown_as_asked():
    with gr.Blocks() as demo:
        plain = Dataframe([[1]])
        searchable = Dataframe([[1]], show_search="search")
    sess = demo.session()
    assert (widget(sess, plain).show_search, widget(sess, searchable).show_search) == ("none", "search")


def test_sessions_hold_their_own_rows():
    with gr.Blocks() as demo:
        df = Dataframe([[1, 2]], interactive=True, datatype="number")
    one, two = demo.session(), demo.session()
    assert widget(one, df).value["data"][0] is not widget(two, df).value["data"][0]
    widget(one, df).value["data"][0][0] = 99  # even a change in place stays in its session
    assert widget(two, df).value["data"] == [[1, 2]] and df.value["data"] == [[1, 2]]


def test_an_edit_in_a_sorted_table_keeps_the_listing_sorted():
    """The edited value may move its row: the sorted listing is made again (and the views
    asked to fetch their rows anew)."""
    import gradio_nb as gr

    with gr.Blocks() as demo:
        table = gr.Dataframe([[1], [2], [3]], headers=["n"], datatype="number", interactive=True)
    sess = demo.session()
    widget = sess.widget(table)
    widget.sort_by = [0, "asc"]
    version = widget.version
    widget.apply_edit(0, 0, "5")
    assert sess.get(table)["n"].tolist() == [5, 2, 3]
    assert widget._order == [1, 2, 0] and widget.version > version


# -- rows and columns a person adds ------------------------------------------------------------
def test_a_person_fills_an_empty_table_as_in_gradio():
    """The "+" bar and the cell menu add rows of ``""`` cells (what Gradio's page makes), which
    the function receives as Gradio gives them; each change fires change and input."""
    events, got = [], []
    with gr.Blocks() as demo:
        df = Dataframe(headers=["name", "score"], datatype=["str", "number"], interactive=True)
        df.change(lambda d: events.append("change"), df, None)
        df.input(lambda: events.append("input"), None, None)
        b = gr.Button()
        b.click(lambda d: got.append(d), df, None)
    sess = demo.session()
    w = widget(sess, df)
    assert (w.n_rows, w.row_dynamic, w.col_dynamic, w.buttons) == (0, True, True, ["copy", "fullscreen"])
    page(sess, df, op="add_row")
    assert w.value == {"headers": ["name", "score"], "data": [["", ""]], "metadata": None}
    assert events == ["change", "input"]
    edit(sess, df, 0, 0, "ada")
    page(sess, df, op="add_row", at=0)  # the menu's "Add row above"
    sess.click(b)
    assert got[-1].values.tolist() == [["", ""], ["ada", ""]] and list(got[-1].columns) == ["name", "score"]
    edit(sess, df, 0, 1, "3")
    page(sess, df, op="delete_row", row=1)
    assert w.value["data"] == [["", 3]]
    page(sess, df, op="delete_row", row=0)  # the last row stays, as in Gradio
    assert w.n_rows == 1
    assert sess.errors == []


def test_columns_added_and_deleted_take_their_datatypes_by_gradios_rule():
    with gr.Blocks() as demo:
        df = Dataframe([[1, "a"]], headers=["n", "s"], datatype=["number", "str"], interactive=True)
    sess = demo.session()
    w = widget(sess, df)
    w.sort_by = [1, "asc"]
    page(sess, df, op="add_column", at=1)
    assert w.value["headers"] == ["n", "Header 3", "s"] and w.value["data"] == [[1, "", "a"]]
    assert w.datatype == ["number", "str", "str"]  # by name, else by place ("s" is still "str")
    assert w.sort_by == [2, "asc"]  # the sort stays on its column
    page(sess, df, op="add_column")
    assert w.value["headers"][-1] == "Header 4"
    page(sess, df, op="delete_column", col=2)
    assert w.value["headers"] == ["n", "Header 3", "Header 4"] and w.sort_by == []
    assert list(sess.get(df).columns) == ["n", "Header 3", "Header 4"]


def test_shape_changes_only_where_gradio_allows_them():
    with gr.Blocks() as demo:
        fixed = Dataframe([[1, 2]], row_count=(1, "fixed"), column_count=(2, "fixed"), interactive=True)
        shown = Dataframe([[1, 2]], interactive=False)
    sess = demo.session()
    assert (widget(sess, fixed).row_dynamic, widget(sess, fixed).col_dynamic) == (False, False)
    for df in (fixed, shown):
        page(sess, df, op="add_row")
        page(sess, df, op="add_column")
        page(sess, df, op="delete_column", col=0)
        assert widget(sess, df).value["data"] == [[1, 2]]


def test_copy_gives_the_table_as_gradios_csv():
    with recording_comms() as log:
        with gr.Blocks() as demo:
            df = Dataframe([[1, "a,b", True], [2.5, 'say "hi"', None]], buttons=["copy"])
        sess = demo.session()
        before = len(log)
        page(sess, df, op="copy")
        messages = sent(log, before)
    assert messages == [{"op": "copy", "text": '1,"a,b",true\n2.5,"say ""hi""",'}]
    assert widget(sess, df).buttons == ["copy"]
