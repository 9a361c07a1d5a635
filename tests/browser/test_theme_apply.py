"""Themes and css= in JupyterLab: each built-in theme's hue and radius reach the app's primary
button and block label (light, and dark when JupyterLab is dark); an app's css= styles that
app only (not the notebook's cells, not another app), and its <style> leaves with its last view."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from gradio_nb import themes

from .conftest import keep_shot
from .test_lab_notebooks import run_all
from .test_theme_views import _dark_lab

THEMES = ["Base", "Default", "Soft", "Glass", "Monochrome", "Ocean", "Origin", "Citrus", "Ember", "Cyberpunk", "Mario", "Neon"]


def _notebook(*sources: str) -> str:
    cells = [
        {"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [], "source": s.strip().splitlines(keepends=True)}
        for i, s in enumerate(sources)
    ]
    return json.dumps({
        "cells": cells,
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5,
    })


def _themed_app(name: str) -> str:
    return f'''
import gradio_nb as gr
with gr.Blocks(theme=gr.themes.{name}()) as demo:
    gr.Textbox(label="Label {name}")
    gr.Button("Go {name}", variant="primary")
demo
'''


# What the browser computes for a CSS value: the theme's value set on a probe outside any app.
PROBE = """([prop, value, read]) => {
    const probe = document.createElement('div');
    probe.style.setProperty(prop, value);
    document.body.append(probe);
    const got = getComputedStyle(probe).getPropertyValue(read);
    probe.remove();
    return got;
}"""


def _computed(page: Page, prop: str, value: str, read: str | None = None) -> str:
    return page.evaluate(PROBE, [prop, value, read or prop])


def _app(page: Page, button: str):
    return page.locator(".gradio-nb", has=page.get_by_role("button", name=button, exact=True))


def test_each_theme_colours_and_rounds_the_primary_button(lab, page: Page) -> None:
    (lab.root / "themes_all.ipynb").write_text(_notebook(*(_themed_app(n) for n in THEMES)))
    run_all(page, lab.notebook_url("themes_all.ipynb"))
    expect(page.locator(".gradio-nb")).to_have_count(len(THEMES), timeout=60_000)
    fills = set()
    for name in THEMES:
        light, _dark = getattr(themes, name)().css_variables()
        app = _app(page, f"Go {name}")
        button = app.get_by_role("button", name=f"Go {name}", exact=True)
        fill = light["--gnb-button-primary-background-fill"]
        expect(button).to_have_css("background-color", _computed(page, "background", fill, "background-color"))
        expect(button).to_have_css("background-image", _computed(page, "background", fill, "background-image"))
        radius = light["--gnb-button-large-radius"]
        expect(button).to_have_css("border-top-left-radius", _computed(page, "border-top-left-radius", radius))
        label = app.locator(".gnb-label", has_text=f"Label {name}")
        expect(label).to_have_css("color", _computed(page, "color", light["--gnb-block-title-text-color"]))
        fills.add((fill, radius))
    assert len(fills) >= 8  # the themes do differ: the test would see a theme that is ignored
    page.mouse.move(0, 0)
    keep_shot(_app(page, "Go Soft"), "theme_soft.png")
    assert not [e for e in page.console_errors if "gnb" in e or "gradio_nb" in e]

    # Dark: JupyterLab's dark theme gives each app its theme's dark values.
    with _dark_lab(page):
        for name in ("Soft", "Ocean", "Default"):
            _light, dark = getattr(themes, name)().css_variables()
            button = _app(page, f"Go {name}").get_by_role("button", name=f"Go {name}", exact=True)
            fill = dark["--gnb-button-primary-background-fill"]
            expect(button).to_have_css("background-color", _computed(page, "background", fill, "background-color"))
            expect(button).to_have_css("background-image", _computed(page, "background", fill, "background-image"))


STYLED = '''
import gradio_nb as gr
with gr.Blocks(elem_id="styled", css="""
    body { background: rgb(9, 9, 9); }
    .gnb-label { color: rgb(1, 2, 3); }
    button { border-radius: 17px; }
    #special textarea { letter-spacing: 3px; }
    @media (min-width: 10px) { #styled .gnb-textbox { outline: 2px solid rgb(4, 5, 6); } }
""") as demo:
    gr.Textbox(label="Styled", elem_id="special")
    gr.Button("Styled go", variant="primary")
demo
'''

PLAIN = '''
import gradio_nb as gr
with gr.Blocks() as plain:
    gr.Textbox(label="Plain", elem_id="special")
    gr.Button("Plain go", variant="primary")
plain
'''

OUTSIDE = '''
import ipywidgets as w
w.VBox([w.Button(description="ipywidget"), w.Textarea(value="text"), w.HTML("<button>html button</button>")])
'''

# The computed styles of what css= names, outside the styled app (the second app, the
# notebook's widgets, the page).
SNAPSHOT = """() => {
    const props = ['color', 'background-color', 'border-radius', 'letter-spacing', 'outline-style', 'outline-color'];
    const outside = (el) => !el.closest('.gradio-nb')?.classList.contains('gnb-id-styled');
    const out = {};
    for (const selector of ['body', '.jp-Notebook', '.jp-OutputArea .jupyter-button', '.jp-OutputArea textarea',
                            '.jp-OutputArea .widget-html button', '.gradio-nb .gnb-label', '.gradio-nb button',
                            '.gradio-nb textarea', '.gradio-nb .gnb-textbox']) {
        const el = [...document.querySelectorAll(selector)].find(outside);
        if (!el) { out[selector] = null; continue; }
        const style = getComputedStyle(el);
        out[selector] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    }
    return out;
}"""


def _run_cell(page: Page, index: int, source: str) -> None:
    page.evaluate(
        """async ([index, source]) => {
            const panel = window.jupyterapp.shell.currentWidget;
            panel.content.model.cells.get(index).sharedModel.setSource(source);
            panel.content.activeCellIndex = index;
            await window.jupyterapp.commands.execute('notebook:run-cell');
            await window.jupyterapp.commands.execute('notebook:enter-command-mode');
        }""",
        [index, source],
    )


def test_css_styles_its_app_and_nothing_else(lab, page: Page) -> None:
    (lab.root / "css_scoped.ipynb").write_text(_notebook(OUTSIDE, PLAIN, "1 + 1"))
    run_all(page, lab.notebook_url("css_scoped.ipynb"))
    expect(page.get_by_role("button", name="Plain go")).to_be_visible(timeout=60_000)
    page.evaluate("() => { window.jupyterapp.shell.currentWidget.content.activeCellIndex = 2; }")
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:enter-command-mode')")
    before = page.evaluate(SNAPSHOT)
    assert all(before.values()), before

    _run_cell(page, 2, STYLED.strip())
    styled = page.locator(".gradio-nb.gnb-id-styled")
    expect(styled).to_have_count(1, timeout=60_000)
    label = styled.locator(".gnb-label", has_text="Styled")
    expect(label).to_have_css("color", "rgb(1, 2, 3)", timeout=30_000)
    expect(styled.get_by_role("button", name="Styled go")).to_have_css("border-top-left-radius", "17px")
    expect(styled).to_have_css("background-color", "rgb(9, 9, 9)")  # body: the app's root
    expect(styled.locator(".gnb-id-special textarea")).to_have_css("letter-spacing", "3px")
    expect(styled.locator(".gnb-textbox").first).to_have_css("outline-color", "rgb(4, 5, 6)")
    assert page.locator("style[data-gradio-nb-app]").count() == 1

    after = page.evaluate(SNAPSHOT)
    assert after == before  # the notebook, the page and the other app look as they did
    page.mouse.move(0, 0)
    keep_shot(styled, "theme_css.png")

    # The <style> goes with the app's last view.
    page.evaluate(
        """async () => {
            const panel = window.jupyterapp.shell.currentWidget;
            panel.content.activeCellIndex = 2;
            await window.jupyterapp.commands.execute('notebook:clear-cell-output');
        }"""
    )
    expect(styled).to_have_count(0, timeout=30_000)
    expect(page.locator("style[data-gradio-nb-app]")).to_have_count(0, timeout=30_000)
    assert not [e for e in page.console_errors if "gnb" in e or "gradio_nb" in e]
