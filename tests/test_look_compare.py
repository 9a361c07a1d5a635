"""The look tool's matching and figures (``scripts/look/compare.py``, ``report.py``) on made-up
measurements: no server, no browser."""

from __future__ import annotations

import signal
import subprocess

import pytest

from scripts.look import __main__ as tool
from scripts.look.compare import Measure, Pair, as_json, canonical_type, figures, in_gradio_frame, match, rank, same_style
from scripts.look.report import markdown, summarise

STYLE = {"font_family": '"IBM Plex Sans", sans-serif', "font_size": "14px", "font_weight": "400",
         "color": "rgb(39, 39, 42)", "background": "rgba(0, 0, 0, 0)", "border_width": "1px",
         "border_color": "rgb(228, 228, 231)", "border_radius": "8px"}  # fmt: skip


def shown(type_: str, index: int, box: tuple[float, float, float, float], name: str | None = None, **style: str) -> Measure:
    return Measure(type_, index, f"{type_}{index}", name, None, True, True, box, {**STYLE, **style})


def hidden(type_: str, index: int, found: bool = True) -> Measure:
    return Measure(type_, index, f"{type_}{index}", None, None, found, False, (0, 0, 0, 0) if found else None, {})


def sides() -> tuple[list[Measure], list[Measure]]:
    gradio = [
        shown("textbox", 0, (32, 16, 600, 80), "Name"),
        shown("textbox", 1, (32, 110, 600, 80), "Greeting"),
        shown("button", 0, (32, 200, 600, 40), "Greet"),
        hidden("button", 1),
        shown("slider", 0, (32, 260, 600, 60), "Amount"),
        hidden("markdown", 0),
    ]
    gnb = [
        shown("textbox", 0, (32, 25, 600, 80), "Name"),  # 9 px lower: differs
        shown("textbox", 1, (40, 102, 608, 88), "Greeting", color="rgb(200, 0, 0)"),  # 8 px off everywhere: matches
        hidden("button", 0),  # Gradio shows it: differs
        hidden("button", 1, found=False),  # hidden on both (not drawn at all here): matches
        hidden("markdown", 0),
        shown("checkbox", 0, (32, 330, 600, 30), "Extra"),  # only here
    ]  # no slider: missing
    return gradio, gnb


def test_a_box_9_px_off_differs_and_8_px_off_matches() -> None:
    pairs = {p.label: p for p in match(*sides())}
    name = pairs["textbox#0 'Name'"]
    assert not name.matches and name.reasons == ["dy=+9"] and name.delta == (0, 9, 0, 0)
    greeting = pairs["textbox#1 'Greeting'"]
    assert greeting.matches and greeting.reasons == [] and greeting.delta == (8, -8, 8, 8)
    assert greeting.style_diffs == ["color"] and greeting.names == "same"


def test_visibility_and_missing_components() -> None:
    pairs = {p.label: p for p in match(*sides())}
    assert pairs["button#0 'Greet'"].reasons == ["visible in Gradio only"]
    assert pairs["button#1"].matches  # hidden on both sides, whether drawn or not
    assert pairs["markdown#0"].matches
    assert pairs["slider#0 'Amount'"].reasons == ["missing in gradio_nb"]
    assert pairs["checkbox#0 'Extra'"].reasons == ["missing in Gradio"]
    assert not pairs["slider#0 'Amount'"].matches and not pairs["checkbox#0 'Extra'"].matches


def test_figures_overall_per_type_and_style() -> None:
    made = figures({"app": match(*sides())})
    assert (made["overall"].matched, made["overall"].total) == (3, 7)
    rows = {row.type: row for row in made["types"]}
    assert (rows["textbox"].figure.matched, rows["textbox"].figure.total) == (1, 2)
    assert rows["textbox"].median_delta == (0, 9, 0, 0) and rows["textbox"].reasons == {"dy": 1}
    assert (rows["button"].figure.matched, rows["button"].figure.total) == (1, 2)
    assert rows["markdown"].figure.percent == 100
    # worst first: the types with no match (slider, checkbox) before the half-matched ones
    assert [r.type for r in made["types"]][:2] == ["checkbox", "slider"]
    assert made["types"][-1].type == "markdown"
    assert made["styles"] == {"compared": 2, "differs": {"color": 1}}


def test_the_summary_is_made_from_result_files_alone() -> None:
    results = [
        {"app": "greeter", "status": "ok", "pairs": as_json(match(*sides())), "timings": {"total_s": 30.0}},
        {"app": "broken", "status": "failed", "side": "gradio_nb", "reason": "NotImplementedError: gr.X"},
    ]
    summary = summarise(results)
    assert str(summary["overall"]) == "3/7 (42.9%)" and summary["apps_compared"] == 1
    assert summary["apps_failed"] == [{"app": "broken", "side": "gradio_nb", "reason": "NotImplementedError: gr.X"}]
    text = markdown(summary, {"greeter": "pairs/greeter.png"})
    assert "**Overall: 3/7 components match (42.9%)**" in text
    assert "| textbox | 1 | 2 | 50 | +0 +9 +0 +0 | dy 1 |" in text
    assert "| greeter | 3/7 | 43 |  | pairs/greeter.png |" in text
    assert "| broken | gradio_nb | NotImplementedError: gr.X |" in text
    # a pair read back from JSON is the pair that was written
    pair = match(*sides())[0]
    assert Pair.from_dict(as_json(pair)) == pair


def test_types_ranks_and_styles() -> None:
    # A ClearButton is a "button" in Gradio's config; a Tab is its "tabitem".
    assert canonical_type(["clearbutton", "button", "component"], {"button", "textbox"}) == "button"
    assert canonical_type(["tab", "blockcontext"], set()) == "tabitem"
    ranked = rank([{"type": "state"}, {"type": "textbox"}, {"type": "form"}, {"type": "textbox"}, {"type": "button"}])
    assert [(r["type"], r["index"]) for r in ranked] == [("textbox", 0), ("textbox", 1), ("button", 0)]
    assert same_style("background", "rgba(0, 0, 0, 0)", "rgba(255, 255, 255, 0)")
    assert not same_style("background", "rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert same_style("font_family", '"IBM Plex Sans", ui-sans-serif', "'IBM Plex Sans', sans-serif")
    assert same_style("font_size", "14px", "14.4px") and not same_style("font_size", "14px", "16px")


def test_names_align_the_orders_where_one_side_has_an_extra_component() -> None:
    """An Interface's Flag button (which gradio_nb leaves out) does not shift the buttons after
    it; a component absent on one side and hidden on the other looks the same: a match."""
    gradio = [shown("button", 0, (32, 300, 300, 40), "Clear"), hidden("button", 1), shown("button", 2, (340, 300, 300, 40), "Submit"),
              shown("button", 3, (650, 300, 300, 40), "Flag")]  # fmt: skip
    gradio[1].name = "Stop"
    gnb = [shown("button", 0, (32, 300, 300, 40), "Clear"), shown("button", 1, (340, 300, 300, 40), "Submit")]
    pairs = {p.label: p for p in match(gradio, gnb)}
    assert pairs["button#0 'Clear'"].matches and pairs["button#2 'Submit'"].matches
    assert pairs["button#2 'Submit'"].gradio_nb is gnb[1]
    assert pairs["button#1 'Stop'"].matches and pairs["button#1 'Stop'"].note == "absent in gradio_nb, hidden in the other"
    assert pairs["button#3 'Flag'"].reasons == ["missing in gradio_nb"]


def test_in_gradio_frame_takes_the_page_margins_out() -> None:
    # Gradio's app sits 32 px in, 1216 wide; gradio_nb's at 2, 1276 wide: a full-width
    # textbox is 30 px off and 60 px wider, yet the same in its frame; a 12 px taller one is not.
    gradio = [shown("textbox", 0, (32, 16, 1216, 80)), shown("textbox", 1, (32, 100, 1216, 80))]
    gnb = [shown("textbox", 0, (2, 2, 1276, 80)), shown("textbox", 1, (2, 86, 1276, 92))]
    pairs = match(gradio, gnb)
    assert [p.matches for p in pairs] == [False, False]
    framed = [in_gradio_frame(p, (32, 16, 1216, 500), (2, 2, 1276, 500)) for p in pairs]
    assert framed[0].matches and framed[1].reasons == ["dh=+12"]


def test_stopping_the_tool_ends_the_running_comparisons_and_their_servers() -> None:
    """A SIGTERM to the tool ends each running comparison's process group (its servers are
    in it), which the comparison's own clean-up would not get to do."""
    # a comparison's group: a leader and a "server" it started, which outlives a plain kill of the leader
    leader = subprocess.Popen(["sh", "-c", "sleep 300 & wait"], start_new_session=True)
    tool.RUNNING.add(leader.pid)
    try:
        with pytest.raises(SystemExit) as stopped:
            tool.stop_running(signal.SIGTERM, None)
        assert stopped.value.code == 128 + signal.SIGTERM
        assert leader.wait(10) is not None
        alive = subprocess.run(["pgrep", "-g", str(leader.pid)], capture_output=True, text=True).stdout.split()
        assert alive == []
    finally:
        tool.RUNNING.discard(leader.pid)
        if leader.poll() is None:
            leader.kill()
