"""A Gradio app of several files runs with gradio_nb unmodified: every ``import gradio`` in it
is gradio_nb's, under ``gradio_nb.testing.run_script``, ``gradio-nb serve``, ``gr.run_app`` in a
notebook, and ``python app.py`` where Gradio is not installed; where Gradio is installed,
``python app.py`` and ``import gradio`` are Gradio's as always."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

from gradio_nb.app_scripts import run_app_script
from gradio_nb.testing import run_script

import real_gradio
from visitors import Visitor, wait_until

APP = Path(__file__).parent / "served_apps" / "multi_file" / "app.py"

HAS_GRADIO = real_gradio.INSTALLED


@pytest.fixture
def forget_app_modules() -> Iterator[None]:
    """The app's helper module is imported by the run: forgotten after the test."""
    yield
    sys.modules.pop("parts", None)


def drive(namespace: dict) -> str:
    """Greet Ada in a new headless session of the app the script built."""
    session = namespace["demo"].session()
    button = next(b for b in namespace["demo"].blocks.values() if getattr(b, "value", None) == "Greet")
    session.set(namespace["name"], "Ada")
    session.click(button)
    return session.get(namespace["greeting"])


def test_run_script_runs_a_multi_file_gradio_app_unmodified(forget_app_modules: None) -> None:
    argv = list(sys.argv)
    namespace = run_script(APP)
    assert namespace["gr"].__name__ == "gradio_nb"
    assert sys.modules["parts"].gr.__name__ == "gradio_nb"  # the helper module's own import
    assert namespace["args"].name == "World"  # the app parsed an empty command line, not pytest's
    assert sys.argv == argv
    assert drive(namespace).startswith("Hello Ada (gradio_nb, ")


@pytest.mark.skipif(not HAS_GRADIO, reason="needs real Gradio (the compat extra)")
def test_an_imported_gradio_is_set_aside_for_the_run_and_put_back(forget_app_modules: None) -> None:
    import gradio
    import gradio.themes

    namespace = run_script(APP)
    assert namespace["gr"].__name__ == "gradio_nb"
    assert sys.modules["gradio"] is gradio and sys.modules["gradio.themes"] is gradio.themes
    assert "gradio_nb" not in gradio.__file__


def test_a_serving_run_keeps_the_app_folder_as_python_app_py_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``chdir=True`` (``gradio-nb serve``): a module a function imports at click time is
    found in the app's folder; the script is read as UTF-8 whatever the locale says."""
    monkeypatch.chdir(tmp_path.parent)  # both restored after the test
    monkeypatch.setattr(sys, "path", list(sys.path))
    (tmp_path / "later_words.py").write_text("WORD = 'late'\n", encoding="utf-8")
    script = tmp_path / "app.py"
    script.write_text("import gradio as gr\nTITLE = 'café ☕'\n\ndef word():\n    import later_words\n"
                      "    return later_words.WORD\n", encoding="utf-8")  # fmt: skip
    namespace = run_app_script(script, chdir=True)
    try:
        assert namespace["TITLE"] == "café ☕" and namespace["word"]() == "late"
        assert Path.cwd() == tmp_path
    finally:
        sys.modules.pop("later_words", None)

def test_a_gradio_module_gradio_nb_cannot_have_is_named(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import gradio.networking\n")
    with pytest.raises(NotImplementedError, match=r"gradio\.networking"):
        run_script(script)
    # An ImportError too: a library's ``try: import gradio.X`` / ``except ImportError`` guard
    # takes its fallback.
    script.write_text("try:\n    import gradio.networking\nexcept ImportError:\n    fallback = True\n")
    assert run_script(script)["fallback"]


def test_a_gradio_module_that_does_not_exist_is_a_module_not_found_error(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import gradio.no_such_module\n")
    with pytest.raises(ModuleNotFoundError, match=r"gradio\.no_such_module"):
        run_script(script)


# -- in other processes -------------------------------------------------------------------------
def python_without_gradio(folder: Path) -> Path:
    """A virtual environment with every package of this one but Gradio: a machine where only
    gradio_nb is installed (its ``gradio_nb_alias.pth`` included)."""
    venv.EnvBuilder(symlinks=True, with_pip=False).create(folder)
    site = next(folder.glob("lib/python*/site-packages"))
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if entry.name != "gradio" and not entry.name.startswith("gradio-"):
            (site / entry.name).symlink_to(entry)
    for data in ("share", "etc"):  # Jupyter's data and config (solara's page files among them)
        (folder / data).symlink_to(Path(sys.prefix) / data)
    return folder / "bin" / "python"


def imported_gradio(python: Path | str, env: dict[str, str] | None = None, cwd: Path | None = None) -> dict:
    probe = (
        "import importlib.metadata as m, json\n"
        "try:\n    import gradio\n    name = gradio.__name__\nexcept ModuleNotFoundError:\n    name = None\n"
        "try:\n    version = m.version('gradio')\nexcept m.PackageNotFoundError:\n    version = None\n"
        "print(json.dumps({'module': name, 'version': version}))\n"
    )
    run = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}, cwd=cwd)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return python_without_gradio(tmp_path_factory.mktemp("no_gradio") / "venv")


def test_where_gradio_is_not_installed_import_gradio_is_gradio_nb(bare_python: Path) -> None:
    # Package metadata still says Gradio is absent: libraries with an optional Gradio
    # integration check it, and must not take gradio_nb for Gradio.
    assert imported_gradio(bare_python) == {"module": "gradio_nb", "version": None}
    assert imported_gradio(bare_python, {"GRADIO_NB_NO_GRADIO_ALIAS": "1"}) == {"module": None, "version": None}


def test_a_folder_named_gradio_is_not_taken_for_gradio(bare_python: Path, tmp_path: Path) -> None:
    """Gradio's upload folder (``/tmp/gradio``) is a namespace package for Python started
    in the temp directory: it is not Gradio, and ``import gradio`` stays gradio_nb."""
    (tmp_path / "gradio").mkdir()
    assert imported_gradio(bare_python, cwd=tmp_path) == {"module": "gradio_nb", "version": None}


@pytest.mark.skipif(not HAS_GRADIO, reason="needs real Gradio (the compat extra)")
def test_where_gradio_is_installed_import_gradio_is_gradio() -> None:
    assert imported_gradio(sys.executable)["module"] == "gradio"


def served_greeting(url: str) -> str:
    with Visitor(url) as visitor:
        name, greeting = visitor.find_field("Name"), visitor.find_field("Greeting")
        visitor.set(name, value="Ada")
        visitor.click(visitor.find("ButtonModel", description="Greet"))
        greeted = visitor.wait_for(lambda: visitor.value(greeting), timeout=90)
        assert greeted, "no greeting came back"
        return greeted


needs_serve = pytest.mark.skipif(importlib.util.find_spec("solara") is None, reason="serving needs gradio_nb[serve]")


@needs_serve
def test_python_app_py_serves_the_multi_file_app_where_gradio_is_not_installed(bare_python: Path) -> None:
    process = subprocess.Popen(
        [str(bare_python), "app.py"], cwd=APP.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"}, start_new_session=True,
    )  # fmt: skip
    try:
        lines: list[str] = []

        def url() -> str | None:
            line = process.stdout.readline()  # type: ignore[union-attr]
            lines.append(line)
            assert line or process.poll() is None, "".join(lines)
            return line.split("URL:", 1)[1].strip() if "URL:" in line else None

        served = wait_until(url, timeout=120, every=0)
        assert served, "".join(lines)
        # The click-time import of the helper module is gradio_nb too: the server serves the app.
        assert served_greeting(served) == "Hello Ada (gradio_nb, gradio_nb)"
    finally:
        os.killpg(process.pid, 15)
        process.wait(30)


@needs_serve
def test_gradio_nb_serve_runs_the_multi_file_app_where_gradio_is_installed() -> None:
    from gradio_nb.serve import start_server

    from visitors import free_port

    server = start_server(APP, port=free_port(), mode="one-process", timeout=90)
    try:
        assert served_greeting(server.url) == "Hello Ada (gradio_nb, gradio_nb)"
    finally:
        server.close()


def test_run_app_shows_an_unmodified_app_in_a_notebook(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    cell = f"import gradio_nb as gr\ngr.run_app({str(APP)!r})"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)])
    nbclient.NotebookClient(notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = notebook.cells[0].outputs
    assert [o["output_type"] for o in outputs] == ["display_data"], outputs
    assert "application/vnd.jupyter.widget-view+json" in outputs[0]["data"]


def test_gradio_cli_is_gradios_command_line_not_gradio_nbs(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import gradio.cli\n")
    with pytest.raises(NotImplementedError, match=r"gradio\.cli"):
        run_script(script)
