"""Count uses of a Session's private members outside ``gradio_nb/session.py``.

``python scripts/session_privates.py [FOLDER ...]`` (default: ``gradio_nb tests``) lists each
``x._name`` where ``_name`` is a private attribute or method of ``Session`` and ``x`` is not
``self``/``cls``, then the totals per folder. The goal is none: the runtime, the front ends
and the tests reach a session through its public interface.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SESSION = ROOT / "gradio_nb" / "session.py"


def private_names(source: str) -> set[str]:
    """The private attributes (assigned on ``self``) and methods of class ``Session``."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name == "Session":
            for n in ast.walk(node):
                if isinstance(n, ast.FunctionDef) and n.name.startswith("_") and not n.name.startswith("__"):
                    names.add(n.name)
                if (
                    isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "self"
                    and n.attr.startswith("_") and not n.attr.startswith("__") and isinstance(n.ctx, ast.Store)
                ):  # fmt: skip
                    names.add(n.attr)
    names.discard("_ipython_display_")  # IPython's display protocol, not a private member
    return names


def uses(folder: Path, names: set[str]) -> list[tuple[Path, int, str]]:
    """Each use of one of ``names`` on something other than ``self``/``cls`` under ``folder``."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        if path == SESSION:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr in names:
                if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                    continue
                found.append((path, node.lineno, ast.unparse(node)))
    return found


def main(folders: list[str]) -> int:
    names = private_names(SESSION.read_text())
    total = 0
    for folder in folders:
        found = uses(ROOT / folder, names)
        for path, line, text in found:
            print(f"{path.relative_to(ROOT)}:{line}: {text}")
        modules = Counter(path for path, _line, _text in found)
        print(f"{folder}: {len(found)} uses in {len(modules)} modules")
        total += len(found)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["gradio_nb", "tests"]))
