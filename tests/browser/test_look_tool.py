"""The look comparison tool (``python -m scripts.look``) on one seed app: it serves the counter
with Gradio and with gradio_nb, finds each of its components on both pages and reports them
per type. Run as a person runs it, in a process of its own, bounded in time; its servers are
stopped when it ends (it runs each app in a process group that it ends)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.look.servers import child_env

from .conftest import ROOT

COUNTER = ROOT / "examples" / "seed" / "01_counter.py"


@pytest.mark.usefixtures("browser")  # chromium is there (the fixture fails the test if not)
def test_the_tool_finds_every_component_of_the_counter_on_both_sides(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "scripts.look", "--app", str(COUNTER), "--out", str(tmp_path), "--timeout", "500"],
        cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    result = json.loads((tmp_path / "results" / "01_counter.json").read_text())
    assert result["status"] == "ok", result.get("reason")
    pairs = result["pairs"]
    # the Textbox and the Button (the State draws nothing, the Form only groups)
    assert sorted((p["type"], p["index"]) for p in pairs) == [("button", 0), ("textbox", 0)]
    for pair in pairs:
        for side in ("gradio", "gradio_nb"):
            assert pair[side] is not None and pair[side]["found"] and pair[side]["visible"], (side, pair)
            assert pair[side]["box"][2] > 100 and pair[side]["box"][3] > 20, (side, pair)
        assert pair["names"] in ("same", ""), pair
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert {row["type"] for row in summary["types"]} == {"textbox", "button"}
    assert summary["overall"]["total"] == 2 and summary["apps_compared"] == 1
    assert "| textbox |" in (tmp_path / "summary.md").read_text()
    assert Path(result["picture"]).stat().st_size > 10_000
    assert left_running(str(COUNTER)) == [] and left_running("tagged_app.py") == []


def left_running(needle: str) -> list[str]:
    """The command lines of running processes that hold ``needle`` (a server left behind)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if needle in text and "pytest" not in text:
            found.append(text)
    return found
