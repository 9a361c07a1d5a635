"""The summary of a run over many apps: JSON for tools, Markdown for people.

Made from the per-app result files alone (``results/<app>.json``), so a resumed or partial
run is summed up the same way as a whole one.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from .compare import TOLERANCE_PX, Figure, Pair, as_json, figures, in_gradio_frame, match, sides


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures over the apps compared, and the apps that were not (with why)."""
    # Paired again from the measurements: a result measured before a change of the matching
    # is summed up as a new one would be.
    compared = {r["app"]: match(*sides([Pair.from_dict(p) for p in r["pairs"]])) for r in results if r["status"] == "ok"}
    roots = {r["app"]: (r["frame"]["gradio"]["root"], r["frame"]["gradio_nb"]["root"]) for r in results
             if r["status"] == "ok" and r.get("frame")}  # fmt: skip
    framed = {
        app: [in_gradio_frame(p, *roots[app]) for p in pairs] for app, pairs in compared.items()
        if all(roots.get(app, (None, None)))
    }  # fmt: skip
    failed = [{"app": r["app"], "side": r.get("side"), "reason": short_reason(r.get("reason") or "")} for r in results
              if r["status"] != "ok"]  # fmt: skip
    made = figures(compared)
    in_frame = figures(framed)
    # Worst first: by the figure, then by the figure in Gradio's frame (the frame alone makes
    # most apps 0%: those whose components differ besides come first), then the larger.
    framed_percent = {app: figure.percent for app, figure in in_frame["apps"].items()}
    made["apps"] = dict(sorted(made["apps"].items(),
                               key=lambda kv: (kv[1].percent, framed_percent.get(kv[0], 100.0), -kv[1].total, kv[0])))
    frames = {r["app"]: r.get("frame") for r in results if r["status"] == "ok"}
    seconds = [r["timings"]["total_s"] for r in results if r.get("timings", {}).get("total_s")]
    return {
        "made": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "tolerance_px": TOLERANCE_PX,
        "apps_compared": len(compared),
        "apps_failed": failed,
        "seconds_per_app": round(sum(seconds) / len(seconds), 1) if seconds else None,
        **made,
        "in_gradio_frame": {k: v for k, v in in_frame.items() if k in ("overall", "types", "apps")},
        "frames": frames,
    }


def short_reason(reason: str) -> str:
    """A failure's reason in a line: its first line and, for a server's log tail, the last
    (the exception that ended it)."""
    lines = [line.strip() for line in reason.strip().splitlines() if line.strip()]
    if len(lines) <= 1:
        return lines[0] if lines else ""
    return f"{lines[0]} … {lines[-1]}"


def _delta(box: Any) -> str:
    return " ".join(f"{d:+g}" for d in box) if box else ""


def markdown(summary: dict[str, Any], pictures: dict[str, str]) -> str:
    """The summary as Markdown: the overall figure, the per-type table (worst first), the
    style differences, the per-app figures (worst first, with their pictures), the failures."""
    overall: Figure = summary["overall"]
    lines = [
        "# Looks like Gradio: the comparison",
        "",
        f"Made {summary['made']} by `python -m scripts.look`. A component matches when its box on gradio_nb's "
        f"page is within {summary['tolerance_px']:g} px of Gradio's in x, y, width and height and both show it "
        "(or neither does); both pages 1280 px wide, light theme.",
        "",
        f"**Overall: {overall.matched}/{overall.total} components match ({overall.percent:.1f}%)** over "
        f"{summary['apps_compared']} apps; {len(summary['apps_failed'])} apps not compared (below).",
        "",
        "## Per component type, worst first",
        "",
        "Median delta: gradio_nb minus Gradio (dx dy dw dh, px) over the components of the type that differ.",
        "",
        "| type | matched | total | % | median delta of the differing | why they differ |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for row in summary["types"]:
        why = ", ".join(f"{k} {v}" for k, v in row.reasons.items())
        lines.append(f"| {row.type} | {row.figure.matched} | {row.figure.total} | {row.figure.percent:.0f} | "
                     f"{_delta(row.median_delta)} | {why} |")  # fmt: skip
    framed = summary["in_gradio_frame"]
    lines += ["", "## With the page frame taken out", "",
              "The same, with gradio_nb's boxes moved from its app's root onto Gradio's (x and width scaled "
              "by the roots' widths): what differs still is the components' own doing, not the page's margins.",
              "", f"**{framed['overall']}** components match in Gradio's frame.", "",
              "| type | matched | total | % | median delta of the differing |", "| --- | ---: | ---: | ---: | --- |"]  # fmt: skip
    for row in framed["types"]:
        lines.append(f"| {row.type} | {row.figure.matched} | {row.figure.total} | {row.figure.percent:.0f} | "
                     f"{_delta(row.median_delta)} |")  # fmt: skip
    styles = summary["styles"]
    lines += ["", f"## Style differences (of {styles['compared']} components shown on both sides)", "",
              "| property | differs |", "| --- | ---: |"]  # fmt: skip
    lines += [f"| {prop} | {count} |" for prop, count in styles["differs"].items()]
    lines += ["", "## Per app, worst first", "", "| app | matched | % | % in Gradio's frame | pair picture |",
              "| --- | ---: | ---: | ---: | --- |"]  # fmt: skip
    for app, figure in summary["apps"].items():
        inside = framed["apps"].get(app)
        lines.append(f"| {app} | {figure.matched}/{figure.total} | {figure.percent:.0f} | "
                     f"{f'{inside.percent:.0f}' if inside else ''} | {pictures.get(app, '')} |")  # fmt: skip
    if summary["apps_failed"]:
        lines += ["", "## Apps not compared", "", "| app | side | reason |", "| --- | --- | --- |"]
        for failed in summary["apps_failed"]:
            reason = " ".join(failed["reason"].split())[:240].replace("|", "\\|")
            lines.append(f"| {failed['app']} | {failed['side']} | {reason} |")
    return "\n".join(lines) + "\n"


def write(summary: dict[str, Any], out: Path, pictures: dict[str, str]) -> tuple[Path, Path]:
    """Write ``summary.json`` and ``summary.md`` into ``out``."""
    json_path, md_path = out / "summary.json", out / "summary.md"
    json_path.write_text(json.dumps(as_json(summary), indent=1))
    md_path.write_text(markdown(summary, pictures))
    return json_path, md_path
