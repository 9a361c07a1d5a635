"""Every notebook in JupyterLab: run all, every app renders without errors, and a person's
interactions give what the seed guide promises. One screenshot per app."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import ROOT, SCREENSHOTS, keep_shot, output_dir

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def app_count(name: str) -> int:
    """How many apps the saved notebook displays (their text/plain says so)."""
    nb = json.loads((ROOT / "notebooks" / name).read_text())
    return sum(
        1
        for cell in nb["cells"]
        for out in cell.get("outputs", [])
        if "".join(out.get("data", {}).get("text/plain", "")).startswith("gradio_nb app")
    )


def run_all(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => window.jupyterapp?.shell?.currentWidget?.sessionContext", timeout=90_000)
    page.evaluate(
        """async () => {
            const panel = window.jupyterapp.shell.currentWidget;
            await panel.context.ready;
            await panel.sessionContext.ready;
            await window.jupyterapp.commands.execute('notebook:run-all-cells');
        }"""
    )
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-Notebook .jp-InputArea-prompt')];
            const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel;
            return kernel?.status === 'idle' && prompts.length > 0 && prompts.every(p => !p.textContent.includes('*'));
        }""",
        timeout=120_000,
    )


def textbox(app, label: str):
    return app.locator(".gnb-textbox", has=app.page.locator(".gnb-label", has_text=label)).locator("input, textarea")


def counter(page: Page, apps) -> None:
    app = apps.nth(0)
    for _ in range(3):
        app.get_by_role("button", name="Increment").click()
    expect(textbox(app, "Current Count")).to_have_value("Count: 3")


def chat(page: Page, apps) -> None:
    app = apps.nth(0)
    box = app.locator(".gnb-textbox textarea")
    box.fill("Hello from the browser")
    box.press("Enter")
    bubbles = app.locator(".gnb-bubble")
    expect(bubbles).to_have_count(2, timeout=15_000)
    expect(bubbles.nth(0)).to_have_text("Hello from the browser")
    assert bubbles.nth(1).inner_text() in ("How are you?", "Nice day!", "Interesting!")
    expect(box).to_have_value("")
    app.get_by_role("button", name="Clear").click()
    expect(bubbles).to_have_count(0)


def multi_step(page: Page, apps) -> None:
    app = apps.nth(0)
    textbox(app, "Name").fill("Ada")
    app.get_by_role("button", name="Submit Name").click()
    expect(textbox(app, "Status")).to_have_value("Hello Ada! Now enter your age.")
    app.locator(".gnb-number input").fill("36")
    app.get_by_role("button", name="Submit Age").click()
    expect(textbox(app, "Status")).to_have_value("Thanks! You are 36 years old.")


def click_counter(page: Page, apps) -> None:
    app = apps.nth(0)
    for _ in range(2):
        app.get_by_role("button", name="Click Me!").click()
    expect(textbox(app, "Click History")).to_have_value("Click #1\nClick #2")


def interface_state(page: Page, apps) -> None:
    app = apps.nth(0)
    field = app.locator(".gnb-textbox textarea").first
    for word in ["one", "two"]:
        field.fill(word)
        field.press("Enter")
        expect(app.locator(".gnb-textbox textarea").nth(1)).to_have_value("one" if word == "one" else "one\ntwo")


def state_vs_visible(page: Page, apps) -> None:
    app = apps.nth(0)
    for _ in range(3):
        app.get_by_role("button", name="Increment").click()
    expect(app.locator(".gnb-number input")).to_have_value("3")


def clearing(page: Page, apps) -> None:
    app = apps.nth(0)
    app.get_by_role("button", name="Increment").click()
    expect(textbox(app, "Messages")).to_have_value("Count: 1")
    app.get_by_role("button", name="Reset").click()
    expect(textbox(app, "Status")).to_have_value("State cleared")
    clear_app = apps.nth(1)
    clear_app.get_by_role("button", name="Clear").click()
    expect(clear_app.locator(".gnb-textbox textarea")).to_have_value("")
    assert clear_app.locator(".gnb-alert").count() == 0


def isolation(page: Page, apps) -> None:
    app = apps.nth(0)
    app.get_by_role("button", name="Increment").click()
    expect(app.locator(".gnb-number input")).to_have_value("1")


def conditional(page: Page, apps) -> None:
    app = apps.nth(0)
    app.locator(".gnb-number", has=page.locator(".gnb-label", has_text="Value")).locator("input").fill("15")
    app.get_by_role("button", name="Check and Add").click()
    expect(textbox(app, "Status")).to_have_value("Added 15 to state")


def chain(page: Page, apps) -> None:
    app = apps.nth(0)
    textbox(app, "Input").fill("hello")
    app.get_by_role("button", name="Process").click()
    expect(textbox(app, "After Step 1")).to_have_value("HELLO")
    expect(textbox(app, "After Step 2")).to_have_value("HELLO!!!")


def streaming_chat(page: Page, apps) -> None:
    app = apps.nth(0)
    box = app.locator(".gnb-textbox textarea")
    box.fill("hi")
    box.press("Enter")
    bubbles = app.locator(".gnb-bubble")
    expect(bubbles).to_have_count(2, timeout=15_000)
    expect(bubbles.nth(1)).to_contain_text("That makes 1 messages from you.")
    calc = apps.nth(2)
    calc.get_by_role("button", name="Divide").click()
    expect(calc.locator(".gnb-alert-error")).to_contain_text("Cannot divide by zero")


def index(page: Page, apps) -> None:
    app = apps.nth(0)
    textbox(app, "Name").fill("browser")
    textbox(app, "Name").press("Enter")
    expect(textbox(app, "Greeting")).to_have_value("Hello browser!")


def media_and_plots(page: Page, apps) -> None:
    """The filter changes the image shown (its bytes: a new blob URL) and Undo brings it back;
    the plot draws with no network; a text file chosen in the page comes back upper-cased."""
    filters = apps.nth(0)
    image = filters.locator("img.gnb-image-img")
    expect(image).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
    first = image.get_attribute("src")
    filters.get_by_role("button", name="Invert").click()
    expect(textbox(filters, "History")).to_have_value("1 edit(s) to undo", timeout=10_000)
    expect(image).not_to_have_attribute("src", first)
    filters.get_by_role("button", name="Undo").click()
    expect(textbox(filters, "History")).to_have_value("0 edit(s) to undo", timeout=10_000)
    waves = apps.nth(1)
    expect(waves.locator("svg .mark-line path").first).to_be_attached(timeout=60_000)
    keep_shot(waves, "media_and_plots-plot.png")
    files = apps.nth(2)
    sample = output_dir() / "notes.txt"
    sample.write_text("shout this")
    files.locator("input[type=file]").first.set_input_files(str(sample))
    expect(textbox(files, "Read")).to_have_value("10 characters", timeout=20_000)
    expect(files).to_contain_text("notes_upper.txt")


def dynamic_apps(page: Page, apps) -> None:
    """A task typed and sent with Enter appears under Incomplete; Done moves it under
    Complete (a re-render); the timer counts in the page until Stop; a keyed box keeps its
    text when Add Box re-renders, and Merge joins the boxes."""
    todo = apps.nth(0)
    task = textbox(todo, "Task Name")
    task.fill("Water the plants")
    task.press("Enter")
    expect(todo.get_by_role("heading", name="Incomplete Tasks (1)", exact=True)).to_be_visible(timeout=15_000)
    expect(task).to_have_value("")
    todo.get_by_role("button", name="Done", exact=True).click()
    complete = todo.get_by_role("heading", name="Complete Tasks (1)", exact=True)
    expect(complete).to_be_visible(timeout=15_000)
    expect(todo.get_by_role("heading", name="Incomplete Tasks (0)", exact=True)).to_be_visible()
    expect(todo.get_by_role("button", name="Done", exact=True)).to_have_count(0)
    done = todo.locator(".gnb-column .gnb-textbox").locator("input, textarea")  # the render's boxes
    expect(done).to_have_count(1)
    expect(done).to_have_value("Water the plants")
    assert done.bounding_box()["y"] > complete.bounding_box()["y"], "the task is not under Complete Tasks"

    clock = apps.nth(1)
    count = clock.locator(".gnb-number input")
    page.wait_for_function("el => Number(el.value) >= 1", arg=count.element_handle(), timeout=15_000)
    clock.get_by_role("button", name="Stop", exact=True).click()
    page.wait_for_timeout(500)  # a tick already under way, if any
    stopped = count.input_value()
    page.wait_for_timeout(2_500)
    expect(count).to_have_value(stopped)

    merge = apps.nth(2)
    textbox(merge, "Box 0").fill("hello")
    merge.get_by_role("button", name="Add Box", exact=True).click()
    expect(textbox(merge, "Box 1")).to_be_visible(timeout=15_000)
    expect(textbox(merge, "Box 0")).to_have_value("hello")
    textbox(merge, "Box 1").fill("world")
    merge.get_by_role("button", name="Merge", exact=True).click()
    expect(textbox(merge, "Merged Output")).to_have_value("hello world", timeout=15_000)


INTERACTIONS: dict[str, Callable[[Page, object], None]] = {
    "00_index.ipynb": index,
    "01_counter.ipynb": counter,
    "02_chat_history.ipynb": chat,
    "03_multi_step.ipynb": multi_step,
    "04_click_counter.ipynb": click_counter,
    "05_interface_state.ipynb": interface_state,
    "07_state_vs_visible.ipynb": state_vs_visible,
    "09_clearing_state.ipynb": clearing,
    "10_session_isolation.ipynb": isolation,
    "12_conditional_updates.ipynb": conditional,
    "13_chains.ipynb": chain,
    "streaming_and_chat.ipynb": streaming_chat,
    "media_and_plots.ipynb": media_and_plots,
    "dynamic_apps.ipynb": dynamic_apps,
}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_its_apps_work(lab, page: Page, name: str) -> None:
    run_all(page, lab.notebook_url(name))
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert errors.count() == 0, errors.all_inner_texts()
    assert page.locator("text=Error displaying widget").count() == 0
    apps = page.locator(".gradio-nb")
    expect(apps).to_have_count(app_count(name), timeout=30_000)
    interact = INTERACTIONS.get(name)
    if interact is not None:
        interact(page, apps)
    stem = Path(name).stem
    for i in range(apps.count()):
        if not apps.nth(i).is_visible():
            continue  # an app of States only shows nothing, as in Gradio
        shot = output_dir() / f"{stem}-{i}.png"
        apps.nth(i).screenshot(path=str(shot))
        if i == 0:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, SCREENSHOTS / f"{stem}.png")
    assert page.console_errors == [], page.console_errors


def test_cells_run_again_after_a_reload_with_the_same_kernel(lab, browser) -> None:
    """Reloading JupyterLab keeps the kernel; its widgets are restored into the new page while
    the person already runs cells again. New apps must not refer to a shared model the new
    page has not restored yet ("widget model not found")."""
    for visit in range(2):
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        run_all(page, lab.notebook_url("04_click_counter.ipynb"))
        app = page.locator(".gradio-nb").last
        try:
            expect(page.locator(".gradio-nb")).to_have_count(1, timeout=30_000)
        except AssertionError:
            raise AssertionError(f"visit {visit}: {errors}") from None
        app.get_by_role("button", name="Click Me!").click()
        expect(textbox(app, "Click History")).to_have_value("Click #1")
        assert [e for e in errors if "beforeunload" not in e] == [], (visit, errors)
        context.close()
