"""The house as ARCHITECTURE.md draws it: every import of the package (at module level or
deferred inside a function; typing-only imports aside) goes to its own floor or a lower one,
and no module but session.py touches a Session's private members."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "gradio_nb"

#: The floors, lowest first (ARCHITECTURE.md). A module not named here is a floor-0 helper.
FLOORS: dict[str, int] = {
    **dict.fromkeys(
        ("blocks", "components", "layouts", "themes", "events", "renderable", "interface", "chat_interface",
         "tabbed_interface", "examples", "helpers", "templates", "validators", "workflow", "flagging", "caching",
         "mcp", "utils", "styling", "special_args"),
        1,
    ),  # fmt: skip
    **dict.fromkeys(
        ("session", "session_state", "widget_tree", "dispatcher", "rendering", "returns", "timers", "storage",
         "inspector", "expiry"),
        2,
    ),  # fmt: skip
    **dict.fromkeys(
        ("display", "serve", "solara_page", "solara_assets", "voila_server", "cli", "app_scripts", "testing",
         "login", "login_page", "access_guard", "message_guard", "page_frame"),
        3,
    ),  # fmt: skip
    "": 4,  # the package's __init__: gr.* gathers every floor
}

#: Upward imports still there, each with why; this list only shrinks.
KNOWN_UPWARD: dict[tuple[str, str], str] = {}


def _floor_name(module: str) -> str:
    parts = module.split(".")[1:]  # without "gradio_nb"
    return parts[0] if parts else ""


def _imports() -> list[tuple[str, str, int, str]]:
    """(importer, imported, line, file) for every gradio_nb import outside TYPE_CHECKING."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        is_package = parts[-1] == "__init__"
        module = ".".join(parts[:-1] if is_package else parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(child) for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for child in ast.walk(node)
        }  # fmt: skip
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom) and node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                names = [node.module] if node.module else [alias.name for alias in node.names]
                targets = [".".join([*base, name]) for name in names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "gradio_nb":
                targets = [node.module or ""]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.split(".")[0] == "gradio_nb"]
            else:
                continue
            found += [(module, target, node.lineno, str(path)) for target in targets]
    return found


def test_no_import_runs_upward() -> None:
    upward = []
    for importer, imported, line, path in _imports():
        here, there = _floor_name(importer), _floor_name(imported)
        if here == there or (here, there) in KNOWN_UPWARD:
            continue
        if FLOORS.get(there, 0) > FLOORS.get(here, 0):
            upward.append(f"{path}:{line}: {importer} imports {imported}")
    assert upward == []


def test_the_known_upward_imports_are_still_there() -> None:
    """An entry of KNOWN_UPWARD that no longer happens is removed from the list."""
    seen = {(_floor_name(a), _floor_name(b)) for a, b, _line, _path in _imports()}
    assert [pair for pair in KNOWN_UPWARD if pair not in seen] == []


def _session_privates() -> set[str]:
    tree = ast.parse((PACKAGE / "session.py").read_text(encoding="utf-8"))
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Session"]
    names = set()
    for node in ast.walk(cls):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


@pytest.mark.parametrize("folder", ["gradio_nb", "tests", "scripts", "bench"])
def test_no_module_but_session_py_touches_a_session_private(folder: str) -> None:
    """``x._name`` where ``_name`` is a private member of Session and ``x`` is not ``self`` or
    ``cls`` (another class's own private of the same name is reached through ``self``)."""
    private = _session_privates()
    root = PACKAGE.parent / folder
    used = []
    for path in (p for p in root.rglob("*.py") if p != PACKAGE / "session.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in private:
                if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                    continue
                used.append(f"{path}:{node.lineno}: .{node.attr}")
    assert used == []
