"""Run every Python example of the Gradio guides next to the seed with real Gradio and with
gradio_nb (only the import changed): print which build with each, and which behave as in Gradio.

Usage: ``python scripts/check_guides.py [GUIDES_DIR]`` (default ``../shared/guides``). An
example is a ```python block of a guide; one that does not build with Gradio here (a missing
package, the network) is reported as such and not held against gradio_nb. Each example runs
in a child process per engine (``scripts/guide_runner.py``) with a time limit, in a temporary
folder, and never launches a server.

The behaviour check: the child opens a session with the compat drivers
(``tests/compat/drivers.py``: real Gradio's backend with its page emulated, and gradio_nb's
headless session) and runs the same script of actions, derived from the declaration only
(see ``guide_runner.py``), taking a snapshot of the values shown after load and after each
action. Per example the line ends with the behaviour verdict:

* ``behaves OK``: the same snapshots;
* ``behaves DIFF <action>: gradio <...> / gradio_nb <...>``: the first differing snapshot;
* ``NONDET``: two Gradio runs differ (random, time, uuid); the values that differed between
  them are masked and the rest compared, so ``behaves OK (NONDET: n masked)`` still checks;
* ``behaves FAIL <error>``: gradio_nb could not be driven; ``behaves SKIP`` when Gradio could
  not (a driver limitation, e.g. generators), which counts as not checked.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
RUNNER = Path(__file__).resolve().with_name("guide_runner.py")
NONDET = "<NONDET>"  # a value that differed between two Gradio runs
SHORT = 140  # characters of each side shown in a DIFF line


def examples(folder: Path) -> list[tuple[str, str]]:
    """(name, code) of every Python block of every guide in ``folder``."""
    found = []
    for guide in sorted(folder.glob("*.md")):
        for n, code in enumerate(BLOCK.findall(guide.read_text()), 1):
            if "import gradio" in code:  # a snippet, not an app, otherwise
                found.append((f"{guide.stem}#{n}", code))
    return found


def run(engine: str, script: Path, seed: int = 0) -> tuple[str, Any]:
    """Build and drive ``script`` with ``engine`` in a child whose ``random`` is seeded with
    ``seed``: (build outcome, behaviour), the behaviour being the list of snapshots or an
    ``"ERR ..."`` string."""
    try:
        done = subprocess.run([sys.executable, str(RUNNER), engine, str(script), str(seed)], cwd=script.parent,
                              capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return "ERR timeout", "ERR timeout"
    out = done.stdout.splitlines()
    results = [line.removeprefix("RESULT ") for line in out if line.startswith("RESULT ")]
    if not results:
        return f"ERR exit {done.returncode}: {done.stderr.strip()[-160:]}", "ERR no build"
    behaviours = [line.removeprefix("BEHAVIOUR ") for line in out if line.startswith("BEHAVIOUR ")]
    if not behaviours:
        behaviour: Any = f"ERR exit {done.returncode}: {done.stderr.strip()[-160:]}"
    elif behaviours[-1].startswith("ERR "):
        behaviour = behaviours[-1]
    else:
        behaviour = json.loads(behaviours[-1])
    return results[-1], behaviour


def merge(a: Any, b: Any) -> Any:
    """``a`` with every value that differs in ``b`` replaced by NONDET (a part whose shape
    differs, e.g. a list of another length, is NONDET as a whole)."""
    if isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys():
        return {k: merge(a[k], b[k]) for k in a}
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [merge(x, y) for x, y in zip(a, b)]
    return a if a == b else NONDET


def mask(template: Any, value: Any) -> Any:
    """``value`` with NONDET wherever ``template`` has it."""
    if template == NONDET:
        return NONDET
    if isinstance(template, dict) and isinstance(value, dict) and template.keys() == value.keys():
        return {k: mask(template[k], value[k]) for k in template}
    if isinstance(template, list) and isinstance(value, list) and len(template) == len(value):
        return [mask(x, y) for x, y in zip(template, value)]
    return value


def count(value: Any, leaf: Any) -> int:
    if isinstance(value, dict):
        return sum(count(v, leaf) for v in value.values())
    if isinstance(value, list):
        return sum(count(v, leaf) for v in value)
    return value == leaf


def short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHORT else text[: SHORT - 3] + "..."


def first_difference(theirs: list[Any], ours: list[Any]) -> str:
    """The first snapshot that differs, both sides, only the parts that differ."""
    for n in range(max(len(theirs), len(ours))):
        a = theirs[n] if n < len(theirs) else None
        b = ours[n] if n < len(ours) else None
        if a == b:
            continue
        if a is None or b is None:
            return f"snapshot {n + 1}: gradio {short(a)} / gradio_nb {short(b)}"
        action = a.get("action")
        parts = [k for k in a if k != "action" and a.get(k) != b.get(k)] + [k for k in b if k not in a]
        if b.get("action") != action:
            return f"snapshot {n + 1}: gradio {short(a)} / gradio_nb {short(b)}"
        key = parts[0]
        return f"after {action!r}, {key}: gradio {short(a.get(key))} / gradio_nb {short(b.get(key))}"
    return "no difference"


def shape(theirs: list[Any], ours: list[Any]) -> tuple[str, set[str], set[str]]:
    """Where the two apps differ in what they declare: (a note, or "" if they declare the same
    components and the script has the same actions; the component names both have; the
    actions both ran)."""
    names = [[name for name, _value in shots[0]["values"]] if shots else [] for shots in (theirs, ours)]
    actions = [[shot["action"] for shot in shots] for shots in (theirs, ours)]
    shared_names = set(names[0]) & set(names[1])
    shared_actions = set(actions[0]) & set(actions[1])
    notes = []
    for side, own, other in (("gradio", 0, 1), ("gradio_nb", 1, 0)):
        shown = dict((theirs, ours)[own][0]["values"]) if (theirs, ours)[own] else {}
        extra = [f"{n} {short(shown.get(n))}" for n in names[own] if n not in shared_names]
        extra_actions = [a for a in actions[own] if a not in shared_actions and a.split(" ")[1] in shared_names]
        if extra or extra_actions:
            notes.append(f"only {side} has " + ", ".join(extra + [repr(a) for a in extra_actions]))
    return "; ".join(notes), shared_names, shared_actions


def restrict(shots: list[Any], names: set[str], actions: set[str]) -> list[Any]:
    """``shots`` with only the given actions and components."""
    return [
        {**shot, "values": [[n, v] for n, v in shot["values"] if n in names]}
        for shot in shots
        if shot["action"] in actions
    ]


def behaviour(script: Path, theirs: Any, ours: Any) -> tuple[bool, str]:
    """(same as Gradio?, the verdict to print) for one example. Where the two declare different
    components (a ChatInterface's buttons, Interface's Flag button), the verdict names them and
    still compares the components and actions both have."""
    if isinstance(ours, str):
        return False, f"FAIL {ours.removeprefix('ERR ')}"
    if isinstance(theirs, str):
        return False, f"SKIP (Gradio driver could not run it: {theirs.removeprefix('ERR ')})"
    if theirs == ours:
        return True, "OK"
    note, names, actions = shape(theirs, ours)
    gradio, nb = restrict(theirs, names, actions), restrict(ours, names, actions)
    nondet = ""
    if gradio != nb:
        # Differs: is Gradio itself deterministic here? A second run, with another random
        # seed, tells; what differs between its two runs (random, time, uuid) is masked and
        # the rest compared.
        _build, again = run("gradio", script, seed=1)
        if not isinstance(again, str) and again != theirs:
            gradio = merge(gradio, restrict(again, names, actions))
            nb = mask(gradio, nb)
            nondet = f"NONDET: two Gradio runs differ, {count(gradio, NONDET)} values masked"
    if gradio == nb and not note:
        return True, "OK" + (f" ({nondet}; the rest equal)" if nondet else "")
    parts = [part for part in (f"structure: {note}" if note else "", nondet) if part]
    if gradio == nb:
        return False, f"DIFF {'; '.join(parts)}; the rest behaves the same"
    return False, f"DIFF {'; '.join(parts + [first_difference(gradio, nb)])}"


def main(folder: Path) -> None:
    both = gradio_only = same = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, code in examples(folder):
            # Each example in its own folder: what one writes (flagging, caches) cannot reach another.
            where = Path(tmp) / name.replace("#", "_")
            where.mkdir()
            script = where / "app.py"
            script.write_text(code)
            (theirs, their_run), (ours, our_run) = run("gradio", script), run("gradio_nb", script)
            if theirs != "OK":
                print(f"SKIP {name}: does not build with Gradio here ({theirs})")
                continue
            gradio_only += 1
            both += ours == "OK"
            line = f"{'OK  ' if ours == 'OK' else 'FAIL'} {name}" + ("" if ours == "OK" else f": {ours}")
            if ours == "OK":
                ok, verdict = behaviour(script, their_run, our_run)
                same += ok
                line += f" | behaves {verdict}"
            print(line, flush=True)
    print(f"{both}/{gradio_only} guide examples that build with Gradio also build with gradio_nb")
    print(f"{same}/{gradio_only} guide examples behave as in Gradio (same values after load and after each scripted action)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "guides")
