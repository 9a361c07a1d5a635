"""Run every Python example of the Gradio guides next to the seed with real Gradio and with
gradio_nb (only the import changed), and print which build with each.

Usage: ``python scripts/check_guides.py [GUIDES_DIR]`` (default ``../shared/guides``). An
example is a ```python block of a guide; one that does not build with Gradio here (a missing
package, the network) is reported as such and not held against gradio_nb. Each example runs
in a child process with a time limit, in a temporary folder, and never launches a server.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
# The child: build the app the example declares, without serving it.
GRADIO = """
import sys, gradio as gr
gr.Blocks.launch = lambda self, *a, **k: None
try:
    exec(compile(open(sys.argv[1]).read(), sys.argv[1], "exec"), {"__name__": "__main__"})
except Exception as e:
    print("RESULT ERR", type(e).__name__, (str(e).splitlines() or [""])[0][:160]); sys.exit(0)
print("RESULT OK")
"""
GRADIO_NB = """
import sys
from gradio_nb.testing import run_script
try:
    run_script(sys.argv[1])
except Exception as e:
    print("RESULT ERR", type(e).__name__, (str(e).splitlines() or [""])[0][:160]); sys.exit(0)
print("RESULT OK")
"""


def examples(folder: Path) -> list[tuple[str, str]]:
    """(name, code) of every Python block of every guide in ``folder``."""
    found = []
    for guide in sorted(folder.glob("*.md")):
        for n, code in enumerate(BLOCK.findall(guide.read_text()), 1):
            if "import gradio" in code:  # a snippet, not an app, otherwise
                found.append((f"{guide.stem}#{n}", code))
    return found


def outcome(child: str, script: Path) -> str:
    try:
        done = subprocess.run([sys.executable, "-c", child, str(script)], cwd=script.parent,
                              capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        return "ERR timeout"
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    return lines[-1].removeprefix("RESULT ") if lines else f"ERR exit {done.returncode}: {done.stderr.strip()[-160:]}"


def main(folder: Path) -> None:
    both = gradio_only = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, code in examples(folder):
            script = Path(tmp) / f"{name.replace('#', '_')}.py"
            script.write_text(code)
            theirs, ours = outcome(GRADIO, script), outcome(GRADIO_NB, script)
            if theirs != "OK":
                print(f"SKIP {name}: does not build with Gradio here ({theirs})")
                continue
            gradio_only += 1
            both += ours == "OK"
            print(f"{'OK  ' if ours == 'OK' else 'FAIL'} {name}" + ("" if ours == "OK" else f": {ours}"))
    print(f"{both}/{gradio_only} guide examples that build with Gradio also build with gradio_nb")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "guides")
