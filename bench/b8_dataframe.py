"""8. A 100,000 x 10 Dataframe: bytes to open it and to edit one cell, against Gradio and a
hand-wired ipywidgets table.

gradio_nb's view asks for the rows it shows plus a margin; the figure counts every comm
message of the session's opening and the view's first request (the one js/dataframe.js makes:
128 rows, two blocks of 64). Gradio sends the whole table in the app's config, and re-sends it
whole with every event that has it as an input or output. The hand-wired baseline is an
``ipywidgets.HTML`` holding an HTML table of the same 128 rows, redrawn whole after an edit
(the plain way to show a window of a table with stock widgets).
"""

from __future__ import annotations

import html
import json
import time

import ipywidgets as widgets
import numpy as np
import pandas as pd

import gradio_nb
from gradio_nb.components.dataframe import Dataframe

from .common import Row, record, recording_comms, traffic

ROWS, COLUMNS, FIRST_WINDOW = 100_000, 10, 128


def frame() -> pd.DataFrame:
    data = np.random.default_rng(0).integers(0, 1_000_000, size=(ROWS, COLUMNS)).astype(float) / 100
    return pd.DataFrame(data, columns=[f"col{i}" for i in range(COLUMNS)])


def html_table(rows: list[list[object]], headers: list[str]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def run() -> None:
    print("8. Dataframe 100,000 x 10: open and one cell edit")
    table = frame()

    # gradio_nb: the session opens, the view asks for its first rows, a cell is edited.
    with recording_comms() as log:
        start = time.perf_counter()
        with gradio_nb.Blocks() as demo:
            df = Dataframe(table, interactive=True, datatype="number")
        sess = demo.session()
        widget = sess.widget(df)
        widget._view_message(widget, {"op": "rows", "start": 0, "end": FIRST_WINDOW}, [])
        nb_open_s = time.perf_counter() - start
        _, nb_open = traffic(log)
        edit = {"op": "edit", "row": 50_000, "col": 3, "value": "12.5"}
        nb_edit_in = len(json.dumps(edit))
        before = len(log)
        widget._view_message(widget, edit, [])
        _, nb_edit_out = traffic(log, before)
    sess.close()

    # Gradio: the config carries the whole table; an event with it as input sends it back whole.
    import gradio
    import orjson

    start = time.perf_counter()
    with gradio.Blocks() as gdemo:
        gdf = gradio.Dataframe(table, interactive=True, datatype="number")
    config = gdemo.get_config_file()
    value = next(c["props"]["value"] for c in config["components"] if c["id"] == gdf._id)
    gr_open = len(orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY))
    gr_open_s = time.perf_counter() - start
    gr_update = len(orjson.dumps(gdf.postprocess(table).model_dump(), option=orjson.OPT_SERIALIZE_NUMPY))

    # Hand-wired: an HTML widget with the first window as an HTML table, redrawn after an edit.
    rows = table.iloc[:FIRST_WINDOW].to_numpy().tolist()
    with recording_comms() as log:
        shown = widgets.HTML(html_table(rows, list(table.columns)))
        _, hw_open = traffic(log)
        rows[3][3] = 12.5
        before = len(log)
        shown.value = html_table(rows, list(table.columns))
        _, hw_edit = traffic(log, before)

    record(Row("8 dataframe", "bytes to open 100k x 10", nb_open, "B", f"Gradio {gr_open:,} B ({gr_open / nb_open:.0f}x); hand-wired HTML window {hw_open:,} B ({nb_open / hw_open:.2f}x)", "≤ 200 kB", nb_open <= 200_000))
    record(Row("8 dataframe", "one cell edit, page to kernel", nb_edit_in, "B", f"Gradio {gr_update:,} B (the whole table as the event's input)", "≤ 2 kB", nb_edit_in <= 2000))
    record(Row("8 dataframe", "one cell edit, kernel to page", nb_edit_out, "B", f"Gradio {gr_update:,} B as an output ({gr_update / max(nb_edit_out, 1):.0f}x); hand-wired {hw_edit:,} B ({hw_edit / max(nb_edit_out, 1):.0f}x)", "≤ 2 kB", nb_edit_out <= 2000))
    record(Row("8 dataframe", "time to open 100k x 10", nb_open_s * 1e3, "ms", f"Gradio build + config {gr_open_s * 1e3:.0f} ms"))
