"""Choice components and MultimodalTextbox in JupyterLab, used as a person would: tick boxes,
pick from a multiselect dropdown, type a custom value, attach a file and press Enter."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from .conftest import output_dir
from .test_lab_notebooks import run_all

APP = '''
import gradio_nb as gr
from gradio_nb.event_data import SelectData, KeyUpData

with gr.Blocks() as demo:
    fruit = gr.CheckboxGroup([("Apple", "a"), ("Banana", "b"), ("Cherry", "c")], label="Fruit")
    ticked = gr.Textbox(label="Ticked")
    picked = gr.Textbox(label="Picked")
    tags = gr.Dropdown(["red", "green", "blue"], multiselect=True, max_choices=2, label="Tags")
    tag_out = gr.Textbox(label="Tag values")
    free = gr.Dropdown(["one", "two"], allow_custom_value=True, label="Free")
    free_out = gr.Textbox(label="Free value")
    keys = gr.Textbox(label="Keys")
    size = gr.Radio([("Small", "s"), ("Large", "l")], label="Size")
    size_out = gr.Textbox(label="Size chosen")
    mm = gr.MultimodalTextbox(label="Message")
    mm_out = gr.Textbox(label="Message out")

    def on_select(value, evt: SelectData):
        shown = ",".join(value) if isinstance(value, list) else value
        return f"{evt.index}:{evt.value}:{evt.selected}:{shown}"

    def on_key(evt: KeyUpData):
        return f"{evt.key}/{evt.input_value}"

    def on_submit(value):
        files = [f"{p.rsplit('/', 1)[-1]}={open(p, 'rb').read().decode()}" for p in value["files"]]
        return f"{value['text']}|{';'.join(files)}"

    fruit.change(lambda v: ",".join(v), fruit, ticked)
    fruit.select(on_select, fruit, picked)
    tags.change(lambda v: ",".join(v or []), tags, tag_out)
    free.change(lambda v: repr(v), free, free_out)
    free.key_up(on_key, None, keys)
    size.select(on_select, size, size_out)
    mm.submit(on_submit, mm, mm_out)
demo
'''


def notebook(source: str) -> str:
    return json.dumps({
        "cells": [{"cell_type": "code", "execution_count": None, "id": "app", "metadata": {}, "outputs": [],
                   "source": source.strip().splitlines(keepends=True)}],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5,
    })


def field(app, label: str):
    return app.locator(".gnb-textbox", has=app.page.locator(".gnb-label", has_text=label)).locator("input, textarea")


def choice(app, label: str):
    return app.locator(".gnb-choice", has=app.page.locator(".gnb-choice-label", has_text=label))


def test_choices_and_multimodal_in_the_page(lab, page: Page, tmp_path) -> None:
    (lab.root / "choice_app.ipynb").write_text(notebook(APP))
    run_all(page, lab.notebook_url("choice_app.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)

    # CheckboxGroup: tick two boxes; the function receives both, in the order ticked
    fruit = choice(app, "Fruit")
    fruit.get_by_label("Cherry").check()
    expect(field(app, "Picked")).to_have_value("2:c:True:c")
    fruit.get_by_label("Apple").check()
    expect(field(app, "Ticked")).to_have_value("c,a")
    expect(field(app, "Picked")).to_have_value("0:a:True:c,a")
    fruit.get_by_label("Cherry").uncheck()
    expect(field(app, "Picked")).to_have_value("2:c:False:a")
    expect(field(app, "Ticked")).to_have_value("a")

    # Multiselect Dropdown: pick two; max_choices=2 stops a third
    tags = choice(app, "Tags")
    tags.locator("input").click()
    tags.get_by_role("option", name="blue").click()
    tags.get_by_role("option", name="red").click()
    expect(field(app, "Tag values")).to_have_value("blue,red")
    tags.locator("input").click()
    expect(tags.get_by_role("listbox")).to_be_hidden()
    expect(tags.locator(".gnb-choice-token")).to_have_count(2)
    tags.locator(".gnb-choice-token", has_text="blue").get_by_role("button", name="×").click()
    expect(field(app, "Tag values")).to_have_value("red")

    # Dropdown with a custom value, typed; key_up reports each key with the typed text
    free = choice(app, "Free").locator("input")
    free.click()
    expect(free).to_have_value("one")  # the first choice, as Gradio's default
    free.press("Control+a")
    free.press_sequentially("mine")
    expect(field(app, "Keys")).to_have_value("e/mine")
    free.press("Enter")
    expect(field(app, "Free value")).to_have_value("'mine'")
    free.click()
    choice(app, "Free").get_by_role("option", name="two").click()
    expect(field(app, "Free value")).to_have_value("'two'")

    # Radio: a click picks; select gets its index and value
    choice(app, "Size").get_by_label("Large").check()
    expect(field(app, "Size chosen")).to_have_value("1:l:True:l")

    # MultimodalTextbox: attach a file (sent as binary buffers), type, Enter
    upload = tmp_path / "note.txt"
    upload.write_text("file body")
    mm = app.locator(".gnb-mm")
    mm.locator("input[type=file]").set_input_files(str(upload))
    expect(mm.locator(".gnb-mm-file")).to_contain_text("note.txt")
    mm.locator("textarea").fill("hello")
    mm.locator("textarea").press("Enter")
    expect(field(app, "Message out")).to_have_value("hello|note.txt=file body")

    app.screenshot(path=str(output_dir() / "choice_app.png"))
    assert page.console_errors == [], page.console_errors


SLIDER_APP = '''
import gradio_nb as gr

with gr.Blocks() as demo:
    level = gr.Slider(0, 10, value=4, step=1, label="Level")
    moved = gr.Textbox(label="Moved")
    released = gr.Textbox(label="Released")
    level.input(lambda v: str(v), level, moved)
    level.release(lambda v: f"let go at {v}", level, released)
demo
'''


def test_slider_moves_releases_and_resets_as_gradios(lab, page: Page) -> None:
    """A click on the range moves it (an input event), letting go releases; the number box
    sets it too and is brought back into range when left; reset returns the first value."""
    (lab.root / "slider.ipynb").write_text(notebook(SLIDER_APP))
    run_all(page, lab.notebook_url("slider.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    slider = app.locator(".gnb-range")
    track, number = slider.locator("input[type=range]"), slider.locator("input[type=number]")
    box = track.bounding_box()
    # A click on the track at 60% (the thumb's 16px width taken into account): the value 6.
    track.click(position={"x": 8 + (box["width"] - 16) * 0.6, "y": box["height"] / 2})
    expect(field(app, "Moved")).to_have_value("6", timeout=20_000)
    expect(field(app, "Released")).to_have_value("let go at 6", timeout=20_000)
    expect(number).to_have_value("6")
    assert track.evaluate("e => e.style.getPropertyValue('--gnb-range-progress')") == "60%"
    track.press("ArrowRight")  # the keyboard too (JupyterLab's shortcuts do not take the key)
    expect(field(app, "Released")).to_have_value("let go at 7", timeout=20_000)
    number.fill("42")  # past the maximum: brought back to it when the box is left
    number.blur()
    expect(number).to_have_value("10", timeout=20_000)
    expect(field(app, "Released")).to_have_value("let go at 10", timeout=20_000)
    slider.get_by_role("button", name="Reset to default value").click()
    expect(number).to_have_value("4", timeout=20_000)
    expect(field(app, "Released")).to_have_value("let go at 4", timeout=20_000)
    slider.screenshot(path=str(output_dir() / "slider.png"))
    assert page.console_errors == []
