"""Compat scenarios for ColorPicker, DateTime, FileExplorer, the Space buttons and the
Walkthrough's Step select: what functions receive and what the page holds, against real Gradio.
Same format as ``test_compat.py``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios, compare, shape, snap  # noqa: E402

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario

# -- ColorPicker ------------------------------------------------------------------------------
@scenario(start=[None, "#ff0000"], received=["#123456"], shown="#ABCDEF")
def colorpicker_values(gr, driver):
    got = []
    with gr.Blocks() as demo:
        empty = gr.ColorPicker()
        red = gr.ColorPicker("#ff0000", label="Red")
        out = gr.ColorPicker()
        changes = gr.Number(0)
        b = gr.Button("go")
        b.click(lambda c: got.append(c) or "#ABCDEF", red, out)
        out.change(lambda n: n + 1, changes, changes)
        red.submit(lambda c: got.append(("submit", c)), red, None)
    s = driver.open(demo)
    obs = {"start": snap(s, empty, red)}
    s.set(red, "#123456")
    s.click(b)
    obs["received"] = got[:]
    obs["shown"] = snap(s, out)
    obs["changes"] = snap(s, changes)
    s.submit(red)
    obs["after_submit"] = got[-1]
    s.set(red, None)
    obs["cleared"] = snap(s, red)
    obs["errors"] = s.errors()
    return obs


# -- DateTime ---------------------------------------------------------------------------------
def _moment(value: Any) -> Any:
    """A comparable view of what a function received (aware datetimes by their offset)."""
    if hasattr(value, "isoformat"):
        return [type(value).__name__, value.isoformat(), value.tzinfo is not None]
    return value


@scenario(
    string="2024-01-02 03:04:05",
    date_only="2024-01-02",
    utc_timestamp=1704164645.0,
)
def datetime_types_and_timezones(gr, driver):
    fixed = "2024-01-02 03:04:05"
    with gr.Blocks() as demo:
        comps = {
            "timestamp_local": gr.DateTime(fixed),
            "utc_timestamp": gr.DateTime(fixed, timezone="UTC"),
            "paris_timestamp": gr.DateTime(fixed, timezone="Europe/Paris"),
            "datetime_naive": gr.DateTime(fixed, type="datetime"),
            "datetime_tokyo": gr.DateTime(fixed, type="datetime", timezone="Asia/Tokyo"),
            "string": gr.DateTime(fixed, type="string"),
            "date_only": gr.DateTime("2024-01-02", include_time=False, type="string"),
            "date_only_dt": gr.DateTime("2024-01-02", include_time=False, type="datetime"),
            "dst_gap": gr.DateTime("2024-03-10 02:30:00", type="datetime", timezone="US/Eastern"),
            "dst_fold": gr.DateTime("2024-11-03 01:30:00", type="datetime", timezone="US/Eastern"),
            "empty": gr.DateTime(),
        }
    s = driver.open(demo)
    obs = {name: _moment(snap(s, comp)) for name, comp in comps.items()}
    obs["shapes"] = shape([snap(s, c) for c in comps.values()])
    return obs


@scenario(from_timestamp="2024-01-01 23:04:05", from_string="2030-05-06 07:08:09")
def datetime_outputs(gr, driver):
    import datetime as dt

    with gr.Blocks() as demo:
        ny = gr.DateTime(timezone="America/New_York", type="string")
        day = gr.DateTime(include_time=False, type="string")
        b_ts = gr.Button("ts")
        b_str = gr.Button("str")
        b_dt = gr.Button("dt")
        b_ts.click(lambda: 1704168245, None, ny)  # 2024-01-02 04:04:05 UTC
        b_str.click(lambda: "2030-05-06 07:08:09", None, ny)
        b_dt.click(lambda: dt.datetime(2021, 2, 3, 4, 5, 6), None, [day])
    s = driver.open(demo)
    obs = {}
    s.click(b_ts)
    obs["from_timestamp"] = snap(s, ny)
    s.click(b_str)
    obs["from_string"] = snap(s, ny)
    s.click(b_dt)
    obs["date_from_datetime"] = snap(s, day)
    obs["errors"] = s.errors()
    return obs


@scenario(string_now_recent=True, timestamp_recent=True)
def datetime_relative_now(gr, driver):
    with gr.Blocks() as demo:
        as_string = gr.DateTime("now - 1h", type="string")
        as_stamp = gr.DateTime("now - 2d", type="timestamp")
        as_dt = gr.DateTime("now", type="datetime")
    s = driver.open(demo)
    text = snap(s, as_string)
    stamp = snap(s, as_stamp)
    moment = snap(s, as_dt)
    import datetime as dt

    hour_ago = dt.datetime.now() - dt.timedelta(hours=1)
    return {
        "string_now_recent": abs((dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S") - hour_ago).total_seconds()) < 60,
        "timestamp_recent": abs(stamp - (time.time() - 2 * 86400)) < 60,
        "datetime_naive_now": [type(moment).__name__, moment.tzinfo is None, abs((dt.datetime.now() - moment).total_seconds()) < 60],
        "shapes": shape([text, stamp]),
    }


# -- FileExplorer -----------------------------------------------------------------------------
def _tree(tmp: Path) -> Path:
    root = tmp / "root"
    (root / "sub" / "deep").mkdir(parents=True, exist_ok=True)
    for rel in ("a.txt", "b.py", "sub/c.txt", "sub/deep/d.txt"):
        (root / rel).write_text(rel)
    return root


@scenario(multiple_start=None, single_start=None)
def fileexplorer_paths(gr, driver):
    import tempfile

    base = Path(tempfile.mkdtemp())
    root = _tree(base)
    got = []
    with gr.Blocks() as demo:
        many = gr.FileExplorer(root_dir=str(root))
        one = gr.FileExplorer("**/*.txt", root_dir=str(root), file_count="single")
        preset = gr.FileExplorer(root_dir=str(root), value=["a.txt", "sub/deep/d.txt"])
        preset_one = gr.FileExplorer(root_dir=str(root), value="sub/c.txt", file_count="single")
        out = gr.FileExplorer(root_dir=str(root))
        b = gr.Button("go")
        b.click(lambda m, o: got.append([m, o]) or [str(root / "b.py"), "sub/c.txt"], [many, one], out)
    s = driver.open(demo)
    rel = lambda paths: None if paths is None else [os.path.relpath(p, root) if isinstance(p, str) else p for p in paths] if isinstance(paths, list) else os.path.relpath(paths, root)  # noqa: E731
    obs = {
        "multiple_start": snap(s, many),
        "single_start": snap(s, one),
        "preset": rel(snap(s, preset)),
        "preset_one": rel(snap(s, preset_one)),
        "preset_absolute": [p.startswith(str(root)) for p in snap(s, preset)],
    }
    s.set(many, ["a.txt", "sub/c.txt"])
    s.set(one, "sub/deep/d.txt")
    s.click(b)
    obs["received"] = [rel(got[0][0]), rel(got[0][1])]
    obs["output"] = rel(snap(s, out))
    s.set(one, [])
    obs["single_empty"] = snap(s, one)
    obs["errors"] = s.errors()
    return obs


# -- Buttons, Navbar, Walkthrough ---------------------------------------------------------------
# LoginButton is left out: real Gradio's app needs the `gradio[oauth]` extra for it.
@scenario(values=["Duplicate Space", "Share via Link"])
def space_buttons_values(gr, driver):
    with gr.Blocks() as demo:
        dup = gr.DuplicateButton()
        link = gr.DeepLinkButton()
        nav = gr.Navbar([("About", "about"), ("Docs", "https://example.org")], main_page_name="App")
    s = driver.open(demo)
    return {"values": snap(s, dup, link), "navbar": snap(s, nav), "errors": s.errors()}


@scenario(step_select=[1, "Two", True])
def walkthrough_step_select(gr, driver):
    got = []

    def picked(evt):
        got.extend([evt.index, evt.value, evt.selected])

    # Set, not written: with postponed annotations Gradio could not resolve "gr.SelectData".
    picked.__annotations__ = {"evt": gr.SelectData}

    with gr.Blocks() as demo:
        with gr.Walkthrough(selected=2):
            with gr.Step("One", id=1):
                gr.Markdown("first")
            with gr.Step("Two", id=2) as two:
                gr.Markdown("second")
        two.select(picked, None, None)
    s = driver.open(demo)
    s.trigger(two, "select", {"index": 1, "value": "Two", "selected": True})
    return {"step_select": got, "errors": s.errors()}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_same_as_gradio(name: str, no_sleep: None) -> None:
    compare(name, *SCENARIOS[name])
