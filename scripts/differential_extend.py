#!/usr/bin/env python
"""Derive extra differential specs (``<demo>__more``) from the kept specs of a make_specs.py run.

A developer tool, run by hand (never by the tests); it drives the read-only differential tools
in ``../shared/tools/differential`` (see their README.md)::

    cd /work/main
    .venv/bin/python scripts/differential_extend.py [--src /tmp/diff] [--out /tmp/diff_more] [--only a,b]
    DIFF_OUT=/tmp/diff_more .venv/bin/python ../shared/tools/differential/record.py
    DIFF_OUT=/tmp/diff_more .venv/bin/python ../shared/tools/differential/replay.py \\
        --python .venv/bin/python --reasons 15 > /tmp/diff_more/replay.log

The interpreter needs real Gradio.  For every kept spec of ``<src>/specs.json`` the app is built
with real Gradio in a worker process, as make_specs.py does (same source, working directory = a
fresh copy of the demo folder), and a spec ``<demo>__more`` is written whose steps are:

1. open session A;
2. a ``set`` for each observed component a person can edit (visible, and interactive by the
   front end's rule), declaration order: Dropdown/Radio -> the last choice's value (another one
   if that is the current value; a list for a multiselect Dropdown), CheckboxGroup -> [first
   choice's value], Slider -> its maximum (minimum + step if already there), Checkbox -> the
   opposite, Number -> current + 1 (1 if empty), ColorPicker -> "#ff0000";
3. the original spec's Button clicks again (only if it had any), so functions see the new inputs;
4. a click on the last sample of the first page of every visible Dataset with a click listener (what
   clicking a ``gr.Examples`` sample does: the Dataset's value becomes the index, then ``click``),
   followed by the Button clicks again;
5. open session B.

Specs with nothing for steps 2 and 4 are skipped.  A spec is kept only if make_specs.record_twice
accepts it (every event playable by the protocol driver, two identical recordings).  Not
drivable without editing the tools: ``select`` (or any event) WITH event data, since neither
adapter's ``trigger`` nor run_case's step format passes any.  Writes ``<out>/specs.json`` =
``{"kept": [...], "dropped": {...}}``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import sys
import time
import warnings
from typing import Any

TOOLS = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools", "differential"))
_spec = importlib.util.spec_from_file_location("common", os.path.join(TOOLS, "common.py"))
assert _spec and _spec.loader
C = importlib.util.module_from_spec(_spec)
sys.modules["common"] = C  # make_specs.py imports it by that name
_spec.loader.exec_module(C)  # also puts TOOLS on sys.path

# Visible Datasets only: a person clicks none other (ChatInterface's own, when its examples
# show in the chatbot, is hidden in Gradio and not made in gradio_nb).
DATASET = (
    'sorted((b for b in demo.blocks.values() if type(b).__name__ == "Dataset" and b.visible is not False),'
    " key=lambda b: b._id)[{}]"
)


def _editable(demo: Any) -> set[int]:
    """Ids a person can edit: the front end's rule for ``interactive=None`` (an input of an event
    is editable, an output only is not, an unused one only if it has no value)."""
    ins = {b._id for fn in demo.fns.values() for b in fn.inputs}
    outs = {b._id for fn in demo.fns.values() for b in fn.outputs}
    ok = set()
    for b in demo.blocks.values():
        inter = getattr(b, "interactive", None)
        if getattr(b, "visible", True) is False:
            continue
        if inter or (inter is None and (b._id in ins or (b._id not in outs and not getattr(b, "value", None)))):
            ok.add(b._id)
    return ok


def new_value(gr: Any, comp: Any) -> tuple[bool, Any]:
    """(drivable, the value a user edit sets) for one component."""
    cur = None if callable(comp.value) else comp.value
    if isinstance(comp, (gr.Dropdown, gr.Radio)) and comp.choices:
        values = [c[1] if isinstance(c, (list, tuple)) else c for c in comp.choices]
        if getattr(comp, "multiselect", False):
            return True, [values[-1]]
        other = [v for v in reversed(values) if v != cur]
        return bool(other), other[0] if other else None
    if isinstance(comp, gr.CheckboxGroup) and comp.choices:
        c = comp.choices[0]
        return True, [c[1] if isinstance(c, (list, tuple)) else c]
    if isinstance(comp, gr.Slider):
        return True, comp.maximum if cur != comp.maximum else comp.minimum + comp.step
    if isinstance(comp, gr.Checkbox):
        return True, not cur
    if isinstance(comp, gr.Number):
        return True, 1 if cur is None else cur + 1
    if isinstance(comp, gr.ColorPicker):
        return True, "#ff0000"
    return False, None


def more_spec(spec: dict) -> dict | None:
    """The ``__more`` spec of a kept spec (cwd = its demo folder), or None: nothing to drive."""
    import gradio as gr
    import gradio_driver as gd

    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ns = gd.build_namespace(spec["source"], "gradio")
    demo, editable = ns["demo"], _editable(ns["demo"])
    comps = {}
    for name in spec["observe"]:
        c = ns[name]
        comps.setdefault(c._id, (name, c))  # a component bound to two names is set once
    sets = []
    for cid in sorted(comps):
        name, c = comps[cid]
        ok, v = new_value(gr, c)
        if ok and cid in editable:
            sets.append({"op": "set", "session": "A", "target": name, "value": gd.encode(v)})
    clicks = [s for s in spec["steps"] if s["op"] == "trigger" and s["session"] == "A" and s["event"] == "click"]
    clicked = {tid for fn in demo.fns.values() for tid, ev in fn.targets if ev == "click"}
    datasets = eval(DATASET.format(":"), {"demo": demo})
    samples = []
    for k, d in enumerate(datasets):
        if d._id in clicked and d.samples:
            target = DATASET.format(k)
            samples += [{"op": "set", "session": "A", "target": target,
                         "value": min(len(d.samples), d.samples_per_page or len(d.samples)) - 1},
                        {"op": "trigger", "session": "A", "target": target, "event": "click"}] + clicks
    if not sets and not samples:
        return None
    steps = [{"op": "open", "session": "A"}] + sets + (clicks if sets else []) + samples
    steps.append({"op": "open", "session": "B"})
    return dict(spec, name=spec["name"] + "__more", steps=steps,
                doc=spec["doc"] + " Extra steps by scripts/differential_extend.py.")


def worker(root: str, spec_path: str, out_path: str) -> None:
    import make_specs as M

    spec = json.load(open(spec_path))
    C.enter_demo_dir(root, spec["demo_dir"])
    try:
        new, why = more_spec(spec), "nothing to set or click"
    except BaseException as e:  # noqa: BLE001
        new, why = None, f"build error: {type(e).__name__}: {str(e)[:150]}"
    if new is not None:
        _, why = M.record_twice(new)
    C.write_json(out_path, {"spec": new, "drop": why or None})
    sys.stdout.flush()
    os._exit(0)  # do not wait for the launched servers' threads


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="/tmp/diff")
    ap.add_argument("--out", default="/tmp/diff_more")
    ap.add_argument("--only", default="")
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--worker", nargs=3, metavar=("ROOT", "SPEC", "OUT"))
    a = ap.parse_args(argv)
    if a.worker:
        return worker(*a.worker)
    src = json.load(open(os.path.join(a.src, "specs.json")))
    only = set(filter(None, a.only.split(",")))
    os.makedirs(C.WORK, exist_ok=True)
    os.makedirs(a.out, exist_ok=True)
    kept, dropped = [], {}
    for s in src["kept"]:
        if only and s["name"] not in only:
            continue
        t0 = time.time()
        sp, op = os.path.join(C.WORK, s["name"] + ".more-in.json"), os.path.join(C.WORK, s["name"] + ".more.json")
        C.write_json(sp, s)
        r, why = C.run_worker(sys.executable, [os.path.abspath(__file__), "--worker", src["demos_root"], sp, op],
                              a.timeout)
        if r is not None and not r["drop"]:
            kept.append(r["spec"])
            print(f"keep {s['name']}__more ({time.time() - t0:.1f}s) steps={len(r['spec']['steps'])}", flush=True)
        else:
            dropped[s["name"] + "__more"] = r["drop"] if r is not None else why
            print(f"drop {s['name']}__more ({time.time() - t0:.1f}s): {dropped[s['name'] + '__more'][:200]}",
                  flush=True)
    stats = {"source_specs": len(src["kept"]), "kept": len(kept)}
    C.write_json(os.path.join(a.out, "specs.json"), {"gradio": src.get("gradio"), "demos_root": src["demos_root"],
                                                      "stats": stats, "dropped": dropped, "kept": kept})
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
