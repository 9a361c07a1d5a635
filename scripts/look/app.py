"""Comparing one app: serve it with Gradio, then with gradio_nb, measure both pages at 1280 px,
match the components, draw the pair picture and write the app's result JSON.

Run by ``python -m scripts.look`` in a process of its own per app (one that hangs is killed
with its servers and its browser):

    python -m scripts.look.app SCRIPT NAME OUT_DIR [--deadline SECONDS]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
import urllib.request
from importlib.metadata import version
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, sync_playwright

from .compare import Measure, as_json, canonical_type, display_name, match, rank
from .measure import GNB_READY_JS, GRADIO_READY_JS, HEIGHT, WIDTH, box_of, gnb_selectors, gradio_selectors, measure_page
from .pictures import compose, outline
from .servers import gnb_server, gradio_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
#: The app's root on each page: its frame (where the app starts, how wide it is).
GRADIO_ROOT = ".gradio-container main.contain"
GNB_ROOT = ".gradio-nb"


class SideFailed(Exception):
    """One side could not serve or draw the app: the app is listed, not counted."""

    def __init__(self, side: str, reason: str) -> None:
        super().__init__(f"{side}: {reason}")
        self.side, self.reason = side, reason


def result_paths(out: Path, name: str) -> dict[str, Path]:
    """Where an app's files go under the output folder."""
    return {
        "json": out / "results" / f"{name}.json",
        "pair": out / "pairs" / f"{name}.png",
        "work": out / "work" / name,
    }


def gradio_targets(config: dict[str, Any]) -> list[dict[str, Any]]:
    """The components of Gradio's ``/config``, in declaration (id) order, ranked per type."""
    items = []
    for comp in sorted(config["components"], key=lambda c: c["id"]):
        props = comp.get("props", {})
        items.append({
            "type": comp["type"], "key": str(comp["id"]), "name": display_name(props.get("label"), props.get("value")),
            "elem_id": props.get("elem_id"),
        })  # fmt: skip
    return [{**t, "selectors": gradio_selectors(t["key"])} for t in rank(items)]


def gnb_targets(manifest: list[dict[str, Any]], known: set[str]) -> list[dict[str, Any]]:
    """The blocks gradio_nb's served app listed, in declaration order, ranked per type (each
    typed as Gradio's config of the same app types it)."""
    items = [
        {"type": canonical_type(m["types"], known), "key": m["key"], "name": display_name(m["label"], m["value"]),
         "elem_id": m["elem_id"]}
        for m in manifest
    ]  # fmt: skip
    return [{**t, "selectors": gnb_selectors(t["key"])} for t in rank(items)]


def refuse_outside(context: BrowserContext, refused: list[str]) -> None:
    """Let the pages reach 127.0.0.1, data: and blob: only (both sides draw offline)."""

    def route(r: Any) -> None:
        if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    context.route("**/*", route)


def shoot(context: BrowserContext, url: str, targets_of: Any, ready: str, root: str, shot: Path, deadline_s: float
          ) -> tuple[list[Measure], Any, dict[str, float]]:  # fmt: skip
    """Open ``url`` in a 1280-wide page, measure the targets (``targets_of()`` gives them once
    the page is ready), the app's frame and the page height; take the full-page screenshot."""
    page = context.new_page()
    try:
        started = time.monotonic()
        page.goto(url, timeout=deadline_s * 1000)
        page.wait_for_function(ready, timeout=deadline_s * 1000)
        targets = targets_of()
        measures = measure_page(page, targets, ready, root, deadline_s)
        page.mouse.move(0, 0)  # no hover colour anywhere
        frame = {"root": box_of(page, root), "page_height": page.evaluate("document.documentElement.scrollHeight"),
                 "viewport_height": page.viewport_size["height"]}  # type: ignore[index]  # fmt: skip
        page.screenshot(path=str(shot), full_page=True, animations="disabled")
        return measures, frame, {"page_s": round(time.monotonic() - started, 1)}
    finally:
        page.close()


def compare_app(script: Path, name: str, out: Path, deadline_s: float = 240) -> dict[str, Any]:
    """Compare ``script`` served both ways; return (and write) its result."""
    paths = result_paths(out, name)
    work = paths["work"]
    work.mkdir(parents=True, exist_ok=True)
    paths["pair"].parent.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"app": name, "script": str(script), "status": "ok", "timings": {}}
    refused: list[str] = []
    started = time.monotonic()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
            context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
            refuse_outside(context, refused)
            try:
                gradio, known, g_frame = gradio_side(context, script, work, deadline_s, result["timings"])
                gnb, n_frame = gnb_side(context, script, work, known, deadline_s, result["timings"])
            finally:
                context.close()
                browser.close()
    except SideFailed as failed:
        result.update(status="failed", side=failed.side, reason=failed.reason)
    except Exception as err:  # the tool's own trouble: listed too, with where it happened
        result.update(status="failed", side="tool", reason=f"{type(err).__name__}: {err}\n{traceback.format_exc(limit=3)}")
    if result["status"] == "ok":
        pairs = match(gradio, gnb)
        result["pairs"] = as_json(pairs)
        result["frame"] = {"gradio": g_frame, "gradio_nb": n_frame}
        result["found"] = {
            "gradio": sum(1 for m in gradio if m.found), "gradio_nb": sum(1 for m in gnb if m.found),
            "components": len(pairs),
        }  # fmt: skip
        differing = [pair for pair in pairs if not pair.matches]
        shots = []
        for side in ("gradio", "gradio_nb"):
            found = [(getattr(pair, side), pair.label) for pair in differing]
            boxes = [(m.box, label) for m, label in found if m is not None and m.visible and m.box]
            shots.append(outline(work / f"{side}.png", boxes, work / f"{side}-outlined.png"))
        compose([(shots[0], shots[1], False)], paths["pair"],
                names=(f"Gradio {version('gradio')}", "gradio_nb (gradio-nb serve)"))  # fmt: skip
        result["picture"] = str(paths["pair"])
    result["refused_requests"] = sorted({u.split("?")[0] for u in refused})[:20]
    result["timings"]["total_s"] = round(time.monotonic() - started, 1)
    paths["json"].parent.mkdir(parents=True, exist_ok=True)
    paths["json"].write_text(json.dumps(result, indent=1))
    return result


def gradio_side(context: BrowserContext, script: Path, work: Path, deadline_s: float, timings: dict[str, float]
                ) -> tuple[list[Measure], set[str], Any]:  # fmt: skip
    """Serve with Gradio, read its config, measure its page."""
    started = time.monotonic()
    try:
        with gradio_server(script, work / "gradio.log", deadline_s, tag_blocks=True) as url:
            timings["gradio_start_s"] = round(time.monotonic() - started, 1)
            config = json.load(urllib.request.urlopen(f"{url}/config", timeout=30))
            (work / "gradio-config.json").write_text(json.dumps(config, default=str)[:2_000_000])
            targets = gradio_targets(config)
            try:
                measures, frame, page_t = shoot(context, f"{url}/?__theme=light", lambda: targets, GRADIO_READY_JS,
                                                GRADIO_ROOT, work / "gradio.png", deadline_s)  # fmt: skip
            except Exception as err:
                raise SideFailed("gradio", f"page not drawn: {type(err).__name__}: {str(err).splitlines()[0][:300]}") from None
    except RuntimeError as err:
        raise SideFailed("gradio", str(err)[:2000]) from None
    timings["gradio_page_s"] = page_t["page_s"]
    return measures, {c["type"] for c in config["components"]}, frame


def gnb_side(context: BrowserContext, script: Path, work: Path, known: set[str], deadline_s: float,
             timings: dict[str, float]) -> tuple[list[Measure], Any]:  # fmt: skip
    """Serve with gradio_nb (tagged), measure its page."""
    manifest = work / "gnb-manifest.json"
    manifest.unlink(missing_ok=True)
    started = time.monotonic()
    try:
        with gnb_server(script, manifest, work / "gradio_nb.log", deadline_s) as url:
            timings["gnb_start_s"] = round(time.monotonic() - started, 1)

            def targets() -> list[dict[str, Any]]:  # the page's session wrote it when it opened
                return gnb_targets(json.loads(manifest.read_text()), known)

            try:
                measures, frame, page_t = shoot(context, f"{url}/?__theme=light", targets, GNB_READY_JS, GNB_ROOT,
                                                work / "gradio_nb.png", deadline_s)  # fmt: skip
            except Exception as err:
                raise SideFailed("gradio_nb", f"page not drawn: {type(err).__name__}: {str(err).splitlines()[0][:300]}") from None
    except RuntimeError as err:
        raise SideFailed("gradio_nb", str(err)[:2000]) from None
    timings["gnb_page_s"] = page_t["page_s"]
    return measures, frame


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("script", type=Path)
    ap.add_argument("name")
    ap.add_argument("out", type=Path)
    ap.add_argument("--deadline", type=float, default=240, help="seconds each server start and each page may take")
    args = ap.parse_args(argv)
    result = compare_app(args.script.resolve(), args.name, args.out.resolve(), args.deadline)
    print(json.dumps({k: result.get(k) for k in ("app", "status", "side", "reason", "timings")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
