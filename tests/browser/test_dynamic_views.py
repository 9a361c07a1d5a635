"""``@gr.render`` and ``gr.Timer`` in JupyterLab, used as a person would: a keyed box keeps
its text, its DOM node and its focus when a re-render adds a box; a timer ticks in the page
and stops in the kernel when its output is cleared or its session closed."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from .conftest import keep_shot
from .test_choice import field, notebook
from .test_lab_notebooks import run_all

RENDER_APP = '''
import gradio_nb as gr

with gr.Blocks() as demo:
    count = gr.State(1)
    add = gr.Button("Add")
    add.click(lambda n: n + 1, count, count)

    @gr.render(inputs=count)
    def boxes(n):
        made = [gr.Textbox(key=i, label=f"Box {i}") for i in range(n)]
        merge.click(lambda *texts: " ".join(texts), made, merged)

    merge = gr.Button("Merge")
    merged = gr.Textbox(label="Merged")
demo
'''

# Two cells, one app each: clearing the first cell's output leaves the second app shown.
TIMER_APPS = ['''
import gradio_nb as gr

with gr.Blocks() as first:
    timer = gr.Timer(0.3)
    ticks = gr.Number(0, label="Ticks")
    timer.tick(lambda n: n + 1, ticks, ticks)
s = first.launch()
''', '''
with gr.Blocks() as second:
    timer2 = gr.Timer(0.3)
    ticks2 = gr.Number(0, label="Other ticks")
    timer2.tick(lambda n: n + 1, ticks2, ticks2)
s2 = second.launch()
''']

# Runs code in the notebook's kernel as a later cell would, and returns what it printed.
RUN_IN_KERNEL = """async (code) => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    let out = '';
    const future = kernel.requestExecute({ code });
    future.onIOPub = (msg) => {
        if (msg.header.msg_type === 'stream') out += msg.content.text;
        if (msg.header.msg_type === 'error') out += 'ERROR ' + msg.content.ename + ': ' + msg.content.evalue;
    };
    await future.done;
    return out;
}"""


def notebook_of(cells: list[str]) -> str:
    """A notebook of one code cell per source in ``cells``."""
    nb = json.loads(notebook(cells[0]))
    template = nb["cells"][0]
    nb["cells"] = [{**template, "id": f"cell-{i}", "source": src.strip().splitlines(keepends=True)} for i, src in enumerate(cells)]
    return json.dumps(nb)


def kernel_print(page: Page, expression: str) -> str:
    """What ``print(expression)`` prints in the notebook's kernel."""
    out = page.evaluate(RUN_IN_KERNEL, f"print({expression})").strip()
    assert not out.startswith("ERROR"), out
    return out


def ticks_over(page: Page, session: str, wait_ms: int = 1500) -> tuple[int, int]:
    """The kernel-side tick count of ``session``'s clock, read twice ``wait_ms`` apart."""
    before = int(kernel_print(page, f"{session}.clock.ticks"))
    page.wait_for_timeout(wait_ms)
    after = int(kernel_print(page, f"{session}.clock.ticks"))
    return before, after


def test_keyed_box_keeps_text_node_and_focus_across_a_rerender(lab, page: Page) -> None:
    (lab.root / "render_app.ipynb").write_text(notebook(RENDER_APP))
    run_all(page, lab.notebook_url("render_app.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    box0 = field(app, "Box 0")
    expect(box0).to_be_visible(timeout=30_000)
    expect(field(app, "Box 1")).to_have_count(0)

    box0.click()
    box0.press_sequentially("hello")
    expect(box0).to_have_value("hello")
    # A mark on the element itself: a re-render that rebuilt the box would lose it.
    box0.evaluate("el => { el._gnbMark = 'same node'; }")
    assert box0.evaluate("el => document.activeElement === el")
    # A script click, not a pointer one: the focus stays in Box 0 while the app re-renders.
    app.get_by_role("button", name="Add", exact=True).evaluate("button => button.click()")

    expect(field(app, "Box 1")).to_be_visible(timeout=15_000)
    expect(field(app, "Box 0")).to_have_value("hello")
    assert field(app, "Box 0").evaluate("el => el._gnbMark") == "same node"
    assert field(app, "Box 0").evaluate("el => document.activeElement === el"), "Box 0 lost the focus"

    # The Merge button was made outside the render; its listener, inside, sees both boxes.
    field(app, "Box 1").fill("world")
    app.get_by_role("button", name="Merge", exact=True).click()
    expect(field(app, "Merged")).to_have_value("hello world", timeout=15_000)

    # Another box: the two typed texts stay, the new one is empty, and the merge takes all three.
    app.get_by_role("button", name="Add", exact=True).click()
    expect(field(app, "Box 2")).to_be_visible(timeout=15_000)
    expect(field(app, "Box 0")).to_have_value("hello")
    expect(field(app, "Box 1")).to_have_value("world")
    field(app, "Box 2").fill("again")
    app.get_by_role("button", name="Merge", exact=True).click()
    expect(field(app, "Merged")).to_have_value("hello world again", timeout=15_000)
    keep_shot(app, "dynamic_render.png")
    assert page.console_errors == [], page.console_errors


def test_timer_ticks_in_the_page_and_stops_when_cleared_or_closed(lab, page: Page) -> None:
    (lab.root / "timer_app.ipynb").write_text(notebook_of(TIMER_APPS))
    run_all(page, lab.notebook_url("timer_app.ipynb"))
    apps = page.locator(".gradio-nb")
    expect(apps).to_have_count(2, timeout=30_000)
    number = apps.nth(0).locator(".gnb-number input")
    expect(number).to_be_visible(timeout=30_000)

    # The number visibly goes up with no click: the page shows the kernel's ticks.
    page.wait_for_function("el => Number(el.value) >= 3", arg=number.element_handle(), timeout=20_000)
    seen = int(number.input_value())
    page.wait_for_function(f"el => Number(el.value) > {seen}", arg=number.element_handle(), timeout=10_000)
    keep_shot(apps.nth(0), "dynamic_timer.png")
    before, after = ticks_over(page, "s")
    assert after > before, (before, after)

    # Clearing the first app's output: its view tells the kernel it is gone, and it stops.
    page.evaluate(
        """async () => {
            const panel = window.jupyterapp.shell.currentWidget;
            panel.content.activeCellIndex = 0;
            await window.jupyterapp.commands.execute('notebook:clear-cell-output');
        }"""
    )
    expect(apps).to_have_count(1, timeout=15_000)  # the second app is still shown
    page.wait_for_timeout(600)  # the "gone" message and a tick already running, if any
    before, after = ticks_over(page, "s")
    assert before > 0 and after == before, f"still ticking after the output was cleared: {before} -> {after}"
    assert kernel_print(page, "s.get(ticks) == s.clock.ticks") == "True"

    # The second app still ticks, until its session is closed.
    before, after = ticks_over(page, "s2")
    assert after > before, (before, after)
    kernel_print(page, "s2.close()")
    page.wait_for_timeout(300)
    before, after = ticks_over(page, "s2")
    assert before > 0 and after == before, f"still ticking after close(): {before} -> {after}"
    assert page.console_errors == [], page.console_errors


def test_a_render_region_is_as_tall_as_what_it_shows(lab, page: Page) -> None:
    (lab.root / "render_height.ipynb").write_text(notebook(RENDER_APP))
    run_all(page, lab.notebook_url("render_height.ipynb"))
    app = page.locator(".gradio-nb")
    box0 = app.locator(".gnb-textbox", has=page.locator(".gnb-label", has_text="Box 0"))
    expect(box0).to_be_visible(timeout=30_000)
    merge = app.get_by_role("button", name="Merge", exact=True)
    gap = merge.bounding_box()["y"] - (box0.bounding_box()["y"] + box0.bounding_box()["height"])
    assert gap < 40, f"{gap:.0f}px between the render's last box and the block after it"
