"""The child side of ``scripts/check_guides.py``: build one guide example with one engine, then
drive it through a fixed script of actions and print what it showed.

Usage: ``python scripts/guide_runner.py gradio|gradio_nb SCRIPT [SEED]``. Prints ``RESULT OK`` or
``RESULT ERR <type> <message>`` (does the app build), then ``BEHAVIOUR <json>`` (the list of
snapshots) or ``BEHAVIOUR ERR <message>`` (the app could not be driven). Never launches a server.

The script of actions is derived only from the declaration, the same for both engines:

1. after load: a snapshot;
2. each visible Textbox with a submit listener: set it to "hello", submit, snapshot;
2b. each keyed Textbox a render run made that shows "" (up to 3): set it to "typed N"; one
    snapshot after them;
3. each visible declared Button with a click listener (declared, or made by a render run that
   happened on load), in declaration order: click, snapshot;
4. up to 5 times: click the first button made by a ``@gr.render`` run that was not clicked yet,
   snapshot.

A snapshot is ``{"action": what was just done, "values": [[name, value], ...]}`` for every
declared visible component but States, Timers and BrowserStates, in declaration order, each named
by its kind and rank among that kind ("Textbox#2", not by label: labels may differ);
``"rendered": {fn name: [[kind, value], ...]}`` for every ``@gr.render`` function (when the
driver can say what it rendered; layouts have no value, Gradio's own Form wrappers are left out);
``"errors"``: what was shown to the user so far. Values are made JSON-comparable by :func:`plain`.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any

ACTIONS_ON_RENDERED = 5  # step 4's limit: enough to walk a to-do list, bounded for loops
# Components with no value a person sees: States (BrowserState too: ChatInterface's saved chats)
# and Timers.
NOT_SHOWN = ("State", "BrowserState", "Timer")
# Gradio wraps form components in a Form of its own at each run (not declared by the app).
NOT_DECLARED = ("Form",)
TYPED_BOXES = 3  # keyed rendered Textboxes typed into (step 2b)
TEMP_ROOTS = tuple({tempfile.gettempdir(), os.path.realpath(tempfile.gettempdir())})


def plain(value: Any) -> Any:
    """``value`` as JSON both engines can be compared on: numbers, strings, lists, dicts;
    temporary file paths reduced to their file name (each engine caches files elsewhere);
    any other object as its type name."""
    if value is None or isinstance(value, (bool, int, str)):
        if isinstance(value, str) and os.path.isabs(value) and value.startswith(TEMP_ROOTS):
            return os.path.basename(value)
        return value
    if isinstance(value, float):
        return value if value == value else "nan"  # NaN never equals itself: compare its name
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "model_dump"):  # Gradio's pydantic data models
        return plain(value.model_dump())
    return type(value).__name__


def build(engine: str, script: str) -> dict[str, Any]:
    """Run the example with ``engine``; return its global namespace."""
    if engine == "gradio":
        import gradio as gr

        gr.Blocks.launch = lambda self, *a, **k: None  # no server: the driver plays the page
        namespace: dict[str, Any] = {"__name__": "__main__", "__file__": script}
        exec(compile(Path(script).read_text(), script, "exec"), namespace)  # noqa: S102 - the guide's own example
        return namespace
    from gradio_nb.testing import run_script

    return run_script(script)


def find_app(engine: str, namespace: dict[str, Any]) -> Any:
    """``demo``, else the first Blocks (Interface and ChatInterface are Blocks) in the globals."""
    blocks_class = __import__(engine).Blocks
    candidates = [namespace.get("demo")] + list(namespace.values())
    for value in candidates:
        if isinstance(value, blocks_class):
            return value
    raise LookupError("no Blocks in the example's globals")


class Engine:
    """What the action script needs of one engine, over the compat driver's session."""

    def __init__(self, engine: str, demo: Any) -> None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "compat"))
        import drivers  # noqa: PLC0415 - found on the path just added

        self.engine = engine
        self.demo = demo
        self.driver = drivers.GradioDriver() if engine == "gradio" else drivers.NbDriver()
        self.session = self.driver.open(demo)
        if engine == "gradio":
            self.render_fns = {getattr(r.fn, "__name__", "?"): r.fn for r in demo.renderables}
        else:
            self.render_fns = {
                getattr(r.fn, "__name__", "?"): r.fn for r in demo.blocks.values() if type(r).__name__ == "Renderable"
            }

    # -- the declaration -------------------------------------------------------------------
    def declared(self) -> list[Any]:
        """The app's declared components, but States and Timers (no value a person sees), that
        are visible, in declaration order."""
        component = __import__(self.engine).components.Component
        found = []
        for block in sorted(self.demo.blocks.values(), key=lambda b: b._id):
            if not isinstance(block, component) or type(block).__name__ in NOT_SHOWN:
                continue
            if getattr(block, "visible", True) is False:
                continue
            found.append(block)
        return found

    def has_listener(self, block: Any, event: str) -> bool:
        """Whether ``event`` on ``block`` runs something in this session (declared listeners,
        and those the render runs so far made)."""
        if self.engine == "gradio":
            fns = self.session.state.blocks_config.fns.values()
            return any((block._id, event) in [tuple(t) for t in fn.targets] for fn in fns)
        return bool(self.session._sess.dispatcher.listeners(block._id, event))

    def rendered(self) -> dict[str, list[Any]] | None:
        """Per render function, the blocks its last run made; None if the driver cannot say."""
        if not hasattr(self.session, "rendered"):
            return None
        found = {}
        for name, fn in sorted(self.render_fns.items()):
            try:
                found[name] = list(self.session.rendered(fn))
            except ValueError:  # gradio_nb: the function has not run in this session
                found[name] = []
        return found

    # -- snapshots -------------------------------------------------------------------------
    def value(self, block: Any) -> Any:
        try:
            return plain(self.session.get(block))
        except Exception as err:  # noqa: BLE001 - a value that cannot be read is itself a result
            return f"<get failed: {type(err).__name__}>"

    def snapshot(self, action: str) -> dict[str, Any]:
        shot: dict[str, Any] = {"action": action}
        shot["values"] = [[name, self.value(b)] for name, b in self.named(self.declared())]
        rendered = self.rendered()
        if rendered is not None:
            shot["rendered"] = {
                name: [
                    [type(b).__name__, self.value(b) if self.is_component(b) else None]
                    for b in blocks
                    if type(b).__name__ not in NOT_DECLARED
                ]
                for name, blocks in rendered.items()
            }
        shot["errors"] = [list(e) for e in self.session.errors()]
        return shot

    @staticmethod
    def named(blocks: list[Any]) -> list[tuple[str, Any]]:
        """``blocks`` named by kind and rank among that kind ("Textbox#2"): the same names in
        both engines when they declare the same components, whatever their labels."""
        seen: dict[str, int] = {}
        named = []
        for block in blocks:
            kind = type(block).__name__
            seen[kind] = seen.get(kind, 0) + 1
            named.append((f"{kind}#{seen[kind]}", block))
        return named

    def is_component(self, block: Any) -> bool:
        return isinstance(block, __import__(self.engine).components.Component)


def drive(engine: str, demo: Any) -> list[dict[str, Any]]:
    """Run the fixed action script; return its snapshots."""
    app = Engine(engine, demo)
    shots = [app.snapshot("load")]
    declared = app.declared()
    for name, box in app.named(declared):
        if type(box).__name__ == "Textbox" and app.has_listener(box, "submit"):
            app.session.set(box, "hello")
            app.session.submit(box)
            shots.append(app.snapshot(f"submit {name}"))
    # What keys are for: text a person typed into a keyed box a render made survives the next
    # run. Only boxes shown empty: Gradio 6.31's page resets a keyed box that has a constructor
    # value, where gradio_nb follows Gradio's docs (the typed text stays).
    typed = 0
    for blocks in (app.rendered() or {}).values():
        for block in blocks:
            if typed < TYPED_BOXES and type(block).__name__ == "Textbox" and getattr(block, "key", None) is not None \
                    and app.session.get(block) == "":
                typed += 1
                app.session.set(block, f"typed {typed}")
    if typed:
        shots.append(app.snapshot(f"type into {typed} keyed rendered Textbox(es)"))
    for name, button in app.named(declared):
        if isinstance(button, __import__(engine).Button) and app.has_listener(button, "click"):
            app.session.click(button)
            shots.append(app.snapshot(f"click {name} {button.value!s}"))
    clicked: set[tuple[str, str]] = set()
    for _ in range(ACTIONS_ON_RENDERED):
        target = None
        for name, blocks in (app.rendered() or {}).items():
            seen: dict[str, int] = {}
            for block in blocks:
                if not isinstance(block, __import__(engine).Button):
                    continue
                # A rendered button is new on each run: name it by its key, else by its label
                # and how many buttons with that label come before it.
                label = str(block.value)
                seen[label] = seen.get(label, 0) + 1
                identity = (name, f"key {block.key!r}" if getattr(block, "key", None) is not None else f"{label}#{seen[label]}")
                if identity not in clicked:
                    target = identity, block
                    break
            if target:
                break
        if target is None:
            break
        clicked.add(target[0])
        app.session.click(target[1])
        shots.append(app.snapshot(f"click rendered {target[0][0]}:{target[0][1]}"))
    app.driver.close_all()
    return shots


def main(engine: str, script: str, seed: int = 0) -> None:
    import random

    # Seeded, so that the parent can tell an example's randomness (two seeds, two results)
    # from a difference between the engines.
    random.seed(seed)
    try:
        namespace = build(engine, script)
        demo = find_app(engine, namespace)
    except BaseException as err:  # noqa: BLE001 - SystemExit too: report, never crash the parent
        print("RESULT ERR", type(err).__name__, (str(err).splitlines() or [""])[0][:160])
        return
    print("RESULT OK", flush=True)
    try:
        shots = drive(engine, demo)
    except BaseException as err:  # noqa: BLE001 - a driver limitation or an engine error
        where = traceback.extract_tb(err.__traceback__)[-1]
        print("BEHAVIOUR ERR", type(err).__name__, (str(err).splitlines() or [""])[0][:160],
              f"(at {Path(where.filename).name}:{where.lineno})")
        return
    print("BEHAVIOUR", json.dumps(shots))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
