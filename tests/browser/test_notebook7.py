"""Every notebook in Notebook 7 (``jupyter notebook``): run all, every app renders without errors
in the page, and the JupyterLab tests' interactions work there too for a few notebooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import output_dir
from .test_lab_notebooks import INTERACTIONS, NOTEBOOKS, app_count, run_all
from .test_theme_views import NEUTRAL_200, NEUTRAL_500, NEUTRAL_800, WHITE, _dark_lab

# The interactions replayed in Notebook 7 (the others ran in JupyterLab: the same views).
REPLAYED = ("01_counter.ipynb", "02_chat_history.ipynb", "13_chains.ipynb")

# Notebook 7.6.5's own start-up error, raised on its file browser page (/tree) too with no
# notebook open and no setting of ours: its shortcuts plugin reads the schema of a settings
# plugin that failed to load ("Settings failed to load for
# @jupyterlab/application-extension:context-menu"). Not gradio_nb's, so not counted.
NOTEBOOK7_OWN = ("Cannot read properties of undefined (reading 'schema')",)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_notebook7(notebook7, page: Page, name: str) -> None:
    run_all(page, notebook7.notebook_url(name))  # Notebook 7 is a JupyterLab app: same commands
    assert page.evaluate("window.jupyterapp.name") == "Jupyter Notebook"
    stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert stderr.count() == 0, stderr.all_inner_texts()
    assert page.locator("text=Error displaying widget").count() == 0
    apps = page.locator(".gradio-nb")
    expected = app_count(name)
    expect(apps).to_have_count(expected, timeout=30_000)
    # An app of States only draws nothing (as in Gradio): an app not shown has no view but
    # its toasts' area; every other app is drawn.
    for i in range(apps.count()):
        app = apps.nth(i)
        if app.is_visible():
            assert app.bounding_box()["height"] > 10, f"app {i} of {name} drawn empty"
        else:
            views = app.evaluate("e => [...e.children].filter(c => !c.classList.contains('gnb-alerts')).length")
            assert views == 0, f"app {i} of {name} has {views} views but is not shown"
    if name in REPLAYED:
        INTERACTIONS[name](page, apps)
    if expected and apps.first.is_visible():
        apps.first.screenshot(path=str(output_dir() / f"nb7-{Path(name).stem}.png"))
    errors = [e for e in page.console_errors if e not in NOTEBOOK7_OWN]
    assert errors == [], errors


def test_dark_theme_in_notebook7_restyles_the_app_live(notebook7, page: Page) -> None:
    """Notebook 7's theme switched to dark (its own Settings > Theme command): the app takes
    Gradio's dark values at once, and its light ones when the theme is light again."""
    run_all(page, notebook7.notebook_url("01_counter.ipynb"))
    app = page.locator(".gradio-nb").first
    block = app.locator(".gnb-textbox").first
    label = block.locator(".gnb-label")
    expect(block).to_have_css("background-color", WHITE)
    with _dark_lab(page):
        expect(block).to_have_css("background-color", NEUTRAL_800)  # block_background_fill_dark
        expect(label).to_have_css("color", NEUTRAL_200)  # block_title_text_color_dark
        app.screenshot(path=str(output_dir() / "nb7-dark-counter.png"))
    expect(block).to_have_css("background-color", WHITE)
    expect(label).to_have_css("color", NEUTRAL_500)
