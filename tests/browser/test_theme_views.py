"""Gradio's default look in JupyterLab: the app's computed styles are Gradio Default theme's
(light, and dark when JupyterLab's theme is dark, switched live), and nothing outside the app
changes style when an app is shown. Screenshots of the seed counter, light and dark."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Page, expect

from .conftest import keep_shot, output_dir
from .test_choice import notebook
from .test_lab_notebooks import run_all

COUNTER = '''
import gradio_nb as gr

def increment(count):
    count = count + 1
    return count, f"Count: {count}"

with gr.Blocks() as demo:
    state = gr.State(value=0)
    output = gr.Textbox(label="Current Count")
    button = gr.Button("Increment")
    button.click(fn=increment, inputs=state, outputs=[state, output])
    go = gr.Button("Go", variant="primary")
demo
'''

# Gradio Default's values (gradio/themes/default.py, base.py), as the browser computes them.
ORANGE_500 = "rgb(249, 115, 22)"  # button_primary_background_fill = primary_500
NEUTRAL_500 = "rgb(113, 113, 122)"  # block_title_text_color (the label above a Textbox)
WHITE = "rgb(255, 255, 255)"  # block_background_fill, light
NEUTRAL_800 = "rgb(39, 39, 42)"  # body_text_color light; block_background_fill dark
NEUTRAL_100 = "rgb(244, 244, 245)"  # body_text_color, dark
NEUTRAL_200 = "rgb(228, 228, 231)"  # block_title_text_color dark; border_color_primary light


def _seed_shot(page: Page, app, name: str) -> None:
    """Screenshot the seed counter as the seed has it: the test's extra primary button hidden
    for the shot, no hover colour."""
    go = app.get_by_role("button", name="Go").element_handle()  # hidden, it has no role to find
    go.evaluate("e => { e.style.display = 'none'; }")
    page.mouse.move(0, 0)
    keep_shot(app, name)
    go.evaluate("e => { e.style.display = ''; }")


def _label(app):
    return app.locator(".gnb-textbox .gnb-label", has_text="Current Count")


def _block(app):
    return app.locator(".gnb-textbox", has=app.page.locator(".gnb-label", has_text="Current Count"))


def test_primary_button_and_block_label_are_gradio_defaults(lab, page: Page) -> None:
    (lab.root / "theme_counter.ipynb").write_text(notebook(COUNTER))
    run_all(page, lab.notebook_url("theme_counter.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)

    go = app.get_by_role("button", name="Go")
    expect(go).to_have_css("background-color", ORANGE_500)
    expect(go).to_have_css("border-radius", "6px")  # button_large_radius = radius_md
    expect(go).to_have_css("font-size", "16px")  # button_large_text_size = text_lg
    expect(go).to_have_css("font-weight", "600")
    box = go.bounding_box()
    assert box is not None and box["width"] > 0.9 * app.bounding_box()["width"]  # lg: full width, as Gradio
    increment = app.get_by_role("button", name="Increment")
    expect(increment).to_have_css("background-color", NEUTRAL_200)  # secondary = neutral_200

    label = _label(app)
    expect(label).to_have_css("color", NEUTRAL_500)
    expect(label).to_have_css("font-size", "14px")  # block_title_text_size = text_md
    block = _block(app)
    expect(block).to_have_css("background-color", WHITE)
    expect(block).to_have_css("padding", "10px 12px")  # block_padding
    # The field is alone in its Form, as in Gradio: the form draws the block's border and radius.
    form = app.locator(".gnb-form", has=page.locator(".gnb-label", has_text="Current Count"))
    expect(block).to_have_css("border-top-width", "0px")
    expect(form).to_have_css("border-top-color", NEUTRAL_200)
    expect(form).to_have_css("border-top-width", "1px")
    expect(form).to_have_css("border-top-left-radius", "4px")  # block_radius = radius_sm
    # The label sits inside the block, above the field.
    field = block.locator("textarea")
    assert label.bounding_box()["y"] > block.bounding_box()["y"]
    assert label.bounding_box()["y"] + label.bounding_box()["height"] <= field.bounding_box()["y"]
    # Gradio's font, shipped with the package (no network): loaded, not merely named.
    assert "Source Sans Pro" in label.evaluate("e => getComputedStyle(e).fontFamily")
    page.wait_for_function("() => document.fonts.check(\"14px 'Source Sans Pro'\")", timeout=10_000)
    for _ in range(3):
        increment.click()
    expect(field).to_have_value("Count: 3")
    _seed_shot(page, app, "theme_light.png")
    assert not [e for e in page.console_errors if "gradio_nb" in e or "gnb" in e]


@contextmanager
def _dark_lab(page: Page) -> Iterator[None]:
    """JupyterLab's theme set to dark while inside, light again after (the setting persists
    for the rest of the test session)."""
    def change(theme: str, light: str) -> None:
        page.evaluate(f"() => window.jupyterapp.commands.execute('apputils:change-theme', {{theme: {json.dumps(theme)}}})")
        page.wait_for_function(f"() => document.body.dataset.jpThemeLight === {json.dumps(light)}", timeout=30_000)
        # JupyterLab covers the page with its splash while it swaps themes: wait until it is gone.
        page.wait_for_function("() => !document.querySelector('#jupyterlab-splash')", timeout=30_000)

    change("JupyterLab Dark", "false")
    try:
        yield
    finally:
        change("JupyterLab Light", "true")


def test_dark_lab_theme_restyles_the_app_live(lab, page: Page) -> None:
    (lab.root / "theme_dark.ipynb").write_text(notebook(COUNTER))
    run_all(page, lab.notebook_url("theme_dark.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    block, label = _block(app), _label(app)
    expect(block).to_have_css("background-color", WHITE)
    expect(app).to_have_css("color", NEUTRAL_800)
    app.get_by_role("button", name="Increment").click()
    expect(block.locator("textarea")).to_have_value("Count: 1")
    with _dark_lab(page):
        expect(block).to_have_css("background-color", NEUTRAL_800)  # block_background_fill_dark
        expect(app).to_have_css("color", NEUTRAL_100)  # body_text_color_dark
        expect(label).to_have_css("color", NEUTRAL_200)  # block_title_text_color_dark
        expect(app.get_by_role("button", name="Go")).to_have_css("background-color", "rgb(234, 88, 12)")  # primary_600
        _seed_shot(page, app, "theme_dark.png")
    expect(block).to_have_css("background-color", WHITE)
    expect(app).to_have_css("color", NEUTRAL_800)
    expect(label).to_have_css("color", NEUTRAL_500)


OUTSIDE = {
    "cells": [
        {"cell_type": "markdown", "id": "md", "metadata": {}, "source": ["# A heading\n", "\n", "Some *text* with `code` and a [link](https://example.org).\n", "\n", "- an item\n"]},
        {"cell_type": "code", "execution_count": None, "id": "plain", "metadata": {}, "outputs": [],
         "source": ["import ipywidgets as w\n", "w.VBox([w.Button(description='plain'), w.Checkbox(description='tick'), w.FloatSlider(description='slide'), w.HTML('<h2>html</h2>')])"]},
        {"cell_type": "code", "execution_count": None, "id": "app", "metadata": {}, "outputs": [], "source": ["1 + 1"]},
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4, "nbformat_minor": 5,
}

# The computed styles of the notebook's own things, outside any app.
SNAPSHOT = """() => {
    const props = ['color', 'background-color', 'font-family', 'font-size', 'font-weight', 'line-height',
                   'padding', 'margin', 'border', 'border-radius', 'box-shadow', 'width', 'height', 'gap'];
    const outside = (el) => !el.closest('.gradio-nb');
    const pick = {
        markdown: '.jp-MarkdownCell .jp-RenderedMarkdown',
        heading: '.jp-MarkdownCell .jp-RenderedMarkdown h1',
        paragraph: '.jp-MarkdownCell .jp-RenderedMarkdown p',
        code: '.jp-MarkdownCell .jp-RenderedMarkdown code',
        input: '.jp-CodeCell .jp-InputArea-editor',
        editor: '.jp-CodeCell .cm-content',
        button: '.jp-OutputArea .jupyter-button',
        checkbox: '.jp-OutputArea .widget-checkbox',
        slider: '.jp-OutputArea .widget-hslider',
        html: '.jp-OutputArea .widget-html h2',
        box: '.jp-OutputArea .widget-vbox',
        body: 'body',
    };
    const out = {};
    for (const [name, selector] of Object.entries(pick)) {
        const el = [...document.querySelectorAll(selector)].find(outside);
        if (!el) { out[name] = null; continue; }
        const style = getComputedStyle(el);
        out[name] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    }
    return out;
}"""


def test_nothing_outside_the_app_changes_style(lab, page: Page) -> None:
    (lab.root / "theme_outside.ipynb").write_text(json.dumps(OUTSIDE))
    run_all(page, lab.notebook_url("theme_outside.ipynb"))
    expect(page.locator(".jp-OutputArea .jupyter-button", has_text="plain")).to_be_visible(timeout=30_000)
    expect(page.locator(".jp-MarkdownCell h1", has_text="A heading")).to_be_visible()
    page.evaluate(
        """async () => {
            const panel = window.jupyterapp.shell.currentWidget;
            panel.content.activeCellIndex = 2;
            await window.jupyterapp.commands.execute('notebook:enter-command-mode');
        }"""
    )
    before = page.evaluate(SNAPSHOT)
    assert all(before.values()), before  # every element measured is on the page
    assert page.locator('style[data-gradio-nb="alerts"]').count() == 0  # no app stylesheet yet

    # The third cell becomes an app, run in place (the same cell stays active: no style of
    # the notebook's selection changes between the two measures).
    page.evaluate(
        """async (source) => {
            const panel = window.jupyterapp.shell.currentWidget;
            panel.content.model.cells.get(2).sharedModel.setSource(source);
            panel.content.activeCellIndex = 2;
            await window.jupyterapp.commands.execute('notebook:run-cell');
        }""",
        COUNTER.strip(),
    )
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=60_000)
    expect(app.get_by_role("button", name="Go")).to_have_css("background-color", ORANGE_500, timeout=30_000)
    assert page.locator('style[data-gradio-nb="alerts"]').count() == 1  # the app stylesheet, once
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:enter-command-mode')")
    after = page.evaluate(SNAPSHOT)
    for name in before:
        assert after[name] == before[name], (name, {k: (before[name][k], after[name][k]) for k in before[name] if before[name][k] != after[name][k]})


COMPONENTS = '''
import gradio_nb as gr

with gr.Blocks() as demo:
    with gr.Row():
        n = gr.Number(label="Num", value=3, info="a number")
        s = gr.Slider(0, 10, value=4, label="Slide", info="some info")
    with gr.Row():
        c = gr.Checkbox(label="Check me", value=True)
        r = gr.Radio(["a", "b"], value="a", label="Radio")
        d = gr.Dropdown(["x", "y"], label="Drop")
    gr.Markdown("# Title\\nSome *prose* with `code`.\\n\\n- item")
    with gr.Row():
        gr.Button("Prim", variant="primary")
        gr.Button("Stop", variant="stop", size="sm")
        gr.Button("Md", size="md")
    with gr.Group():
        gr.Textbox(label="One")
        gr.Textbox(label="Two")
    fail = gr.Button("Fail", size="md")

    def bad():
        raise gr.Error("Something went wrong")

    fail.click(bad, None, None)
demo
'''


def test_components_in_gradio_blocks(lab, page: Page) -> None:
    (lab.root / "theme_components.ipynb").write_text(notebook(COMPONENTS))
    run_all(page, lab.notebook_url("theme_components.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    slider = app.locator(".gnb-range")
    expect(slider).to_have_css("background-color", WHITE)  # a block, as Gradio's
    expect(slider).to_have_css("border-top-color", NEUTRAL_200)
    track = slider.locator("input[type=range]")
    # The track is filled to the value (4 of 0..10) in slider_color (= the accent, orange 500).
    assert track.evaluate("e => e.style.getPropertyValue('--gnb-range-progress')") == "40%"
    assert track.evaluate("e => getComputedStyle(e).getPropertyValue('--gnb-slider-color').trim()") == "#f97316"
    expect(slider.locator("input[type=number]")).to_have_value("4")
    expect(slider.locator(".gnb-range-limit")).to_have_text(["0", "10"])
    expect(slider.get_by_role("button", name="Reset to default value")).to_be_visible()
    expect(slider.locator(".gnb-label")).to_have_css("color", NEUTRAL_500)
    expect(slider.locator(".gnb-info")).to_have_text("some info")
    # Gradio's info line: under the title (spacing_xs between), block_info_text colour and size.
    num = app.locator(".gnb-number")
    title, info = num.locator(".gnb-label"), num.locator(".gnb-info")
    expect(info).to_have_css("color", "rgb(187, 187, 194)")  # body_text_color_subdued = neutral_400
    expect(info).to_have_css("font-size", "12px")
    gap = info.bounding_box()["y"] - (title.bounding_box()["y"] + title.bounding_box()["height"])
    assert abs(gap - 2) < 1, gap
    tick = app.locator(".gnb-checkbox input[type=checkbox]")
    expect(tick).to_have_css("background-color", ORANGE_500)  # checkbox_background_color_selected
    expect(app.locator(".gnb-choice-item").first).to_have_css("border-top-color", NEUTRAL_200)
    expect(app.locator(".gnb-choice-radio input[type=radio]").first).to_have_css("background-color", ORANGE_500)
    expect(app.locator(".gnb-choice-box")).to_have_css("border-top-left-radius", "4px")  # input_radius
    expect(app.get_by_role("button", name="Stop")).to_have_css("background-color", "rgb(239, 68, 68)")  # cancel fill
    expect(app.get_by_role("button", name="Stop")).to_have_css("font-size", "12px")  # sm
    expect(app.get_by_role("button", name="Md")).to_have_css("font-size", "14px")  # md
    expect(app.locator(".gnb-prose h1")).to_have_css("font-weight", "600")
    # A Group joins its blocks (in one Form): no gap between them (form_gap_width is 0px).
    one, two = (app.locator(".gnb-textbox", has=page.locator(".gnb-label", has_text=t)) for t in ("One", "Two"))
    assert abs(two.bounding_box()["y"] - (one.bounding_box()["y"] + one.bounding_box()["height"])) < 1
    # A toast as Gradio's: its title in the error colour (red-700), on the secondary fill.
    app.get_by_role("button", name="Fail").click()
    toast = app.locator(".gnb-alert-error")
    expect(toast.locator(".gnb-alert-title")).to_have_css("color", "rgb(185, 28, 28)")
    expect(toast).to_have_css("background-color", "rgb(250, 250, 250)")  # background_fill_secondary
    page.mouse.move(0, 0)
    app.screenshot(path=str(output_dir() / "theme_components.png"))
    with _dark_lab(page):
        expect(app.locator(".gnb-range")).to_have_css("background-color", NEUTRAL_800)
        expect(toast.locator(".gnb-alert-title")).to_have_css("color", "rgb(239, 68, 68)")  # red-500, dark
        page.mouse.move(0, 0)
        app.screenshot(path=str(output_dir() / "theme_components_dark.png"))
