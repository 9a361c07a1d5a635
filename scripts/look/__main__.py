"""``python -m scripts.look``: compare how apps look in Gradio and in gradio_nb, over a corpus.

    python -m scripts.look [--corpus DIR] [--app SCRIPT ...] [--only a,b] [--jobs N]
                           [--out DIR] [--keep-worst N] [--fresh] [--retry-failed]

Each app (a folder of the corpus holding ``run.py``, or a script given with ``--app``) is
compared in a process of its own (``scripts/look/app.py``), killed with its servers if it
runs past ``--timeout``. Its result is kept in ``OUT/results/<app>.json``: a second run only
does the apps not done yet (resumable), unless ``--fresh``. The summary
(``OUT/summary.md``, ``OUT/summary.json``) is made from every result of the apps asked for.
Run it from the checkout's root (its gradio_nb is the one served).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from . import report
from .app import result_paths
from .pictures import small_copy
from .servers import ROOT, child_env

CORPUS = ROOT.parent / "shared" / "gradio-demos"
SCREENSHOTS = ROOT / "docs" / "screenshots"


def apps_of(corpus: Path | None, scripts: list[Path], only: set[str]) -> dict[str, Path]:
    """The apps to compare, by name: the corpus's folders with a ``run.py`` (named by
    folder), then the scripts given (named by file, or by folder for a ``run.py``)."""
    found: dict[str, Path] = {}
    if corpus is not None:
        found.update({d.name: d / "run.py" for d in sorted(corpus.iterdir()) if (d / "run.py").is_file()})
    for script in scripts:
        found[script.parent.name if script.name == "run.py" else script.stem] = script.resolve()
    return {name: path for name, path in found.items() if not only or name in only}


#: The process groups of the comparisons running now: ended if the tool itself is stopped.
RUNNING: set[int] = set()


def stop_running(signum: int, _frame: Any) -> None:
    """On SIGTERM (or SIGHUP): end every running comparison's group, servers included, then
    exit (their own ``finally`` would not run: the signal ends the process first)."""
    for group in list(RUNNING):
        end_group(group)
    raise SystemExit(128 + signum)


def run_one(name: str, script: Path, out: Path, timeout_s: float, deadline_s: float) -> dict[str, Any]:
    """Compare one app in a child process (its own process group: on timeout the group,
    servers included, is ended); a child that leaves no result is a failure with its reason."""
    paths = result_paths(out, name)
    paths["json"].unlink(missing_ok=True)
    command = [sys.executable, "-m", "scripts.look.app", str(script), name, str(out), "--deadline", str(deadline_s)]
    process = subprocess.Popen(
        command, cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        stdin=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    RUNNING.add(process.pid)
    try:
        output, _ = process.communicate(timeout=timeout_s)
        reason = f"the comparison crashed: {' '.join(output.strip().splitlines()[-3:])[:600]}"
    except subprocess.TimeoutExpired:
        reason = f"timed out after {timeout_s:g} s"
    finally:
        end_group(process.pid)
        process.wait()
        RUNNING.discard(process.pid)
    if paths["json"].exists():
        return json.loads(paths["json"].read_text())
    result = {"app": name, "script": str(script), "status": "failed", "side": "tool", "reason": reason}
    paths["json"].parent.mkdir(parents=True, exist_ok=True)
    paths["json"].write_text(json.dumps(result, indent=1))
    return result


def end_group(group: int) -> None:
    """End what is left of process group ``group`` (one this tool started): politely, then not."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(group, sig)
            for _ in range(50):  # up to 10 s for it to go
                time.sleep(0.2)
                os.killpg(group, 0)
        except ProcessLookupError:
            return


def cached(out: Path, name: str, retry_failed: bool) -> dict[str, Any] | None:
    path = result_paths(out, name)["json"]
    if not path.exists():
        return None
    result = json.loads(path.read_text())
    return None if retry_failed and result["status"] != "ok" else result


def line(result: dict[str, Any]) -> str:
    """One progress line: the app's figure or why it failed, and how long it took."""
    seconds = result.get("timings", {}).get("total_s", "?")
    if result["status"] != "ok":
        return f"{result['app']}: not compared ({result.get('side')}: {' '.join(str(result.get('reason')).split())[:140]})"
    matched = sum(p["matches"] for p in result["pairs"])
    return f"{result['app']}: {matched}/{len(result['pairs'])} match ({seconds} s)"


def keep_worst(summary: dict[str, Any], results: dict[str, dict[str, Any]], count: int) -> list[Path]:
    """Copy the pair pictures of the ``count`` worst apps (lowest figure, then most components)
    to ``docs/screenshots/look_<app>.png``, small."""
    kept = []
    for app, figure in summary["apps"].items():
        if len(kept) == count:
            break
        picture = results[app].get("picture")
        if figure.matched < figure.total and picture and Path(picture).exists():
            kept.append(small_copy(Path(picture), SCREENSHOTS / f"look_{app}.png"))
    return kept


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help=f"a folder of app folders with run.py (default {CORPUS}, unless --app)")
    ap.add_argument("--app", type=Path, action="append", default=[], help="an app script to compare (repeatable)")
    ap.add_argument("--only", default="", help="app names, comma-separated")
    ap.add_argument("--jobs", type=int, default=1, help="apps compared at once (2 at most on a 2-core machine)")
    ap.add_argument("--out", type=Path, default=ROOT / "look-output", help="results, pictures and the summary")
    ap.add_argument("--keep-worst", type=int, default=0, help="copy the N worst pair pictures to docs/screenshots")
    ap.add_argument("--fresh", action="store_true", help="compare again the apps that have a result")
    ap.add_argument("--retry-failed", action="store_true", help="compare again the apps that failed")
    ap.add_argument("--timeout", type=float, default=600, help="seconds one app may take in all")
    ap.add_argument("--deadline", type=float, default=180, help="seconds a server start or a page may take")
    args = ap.parse_args(argv)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop_running)
    corpus = args.corpus or (None if args.app else CORPUS)
    apps = apps_of(corpus, args.app, {n.strip() for n in args.only.split(",") if n.strip()})
    if not apps:
        print("no app to compare", file=sys.stderr)
        return 2
    out = args.out.resolve()
    results: dict[str, dict[str, Any]] = {}
    todo = []
    for name, script in apps.items():
        done = None if args.fresh else cached(out, name, args.retry_failed)
        if done is not None:
            results[name] = done
        else:
            todo.append((name, script))
    print(f"{len(apps)} apps: {len(results)} already compared, {len(todo)} to compare, {args.jobs} at a time", flush=True)

    def one(job: tuple[str, Path]) -> None:
        result = run_one(job[0], job[1], out, args.timeout, args.deadline)
        results[job[0]] = result
        print(f"[{len(results)}/{len(apps)}] {line(result)}", flush=True)

    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        list(pool.map(one, todo))
    summary = report.summarise([results[name] for name in apps])
    pictures = {app: os.path.relpath(r["picture"], out) for app, r in results.items() if r.get("picture")}
    json_path, md_path = report.write(summary, out, pictures)
    for kept in keep_worst(summary, results, args.keep_worst):
        print(f"kept {kept.relative_to(ROOT)}")
    print(f"overall: {summary['overall']} components match over {summary['apps_compared']} apps "
          f"({len(summary['apps_failed'])} not compared); {md_path}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
