"""gr.Dataframe in JupyterLab: a 10,000-row table drawn windowed, a cell edited in the page
reaches the kernel's function, a click gives ``.select`` the cell's index and value, and a
scroll to the end brings the last rows; an empty input table is filled in by a person (the
"+" bar, the cell menu, typing) and copied, drawn as Gradio 6.31 draws it."""

from __future__ import annotations

import re

import nbformat
from playwright.sync_api import Page, expect

from .test_inspector import shot
from .test_lab_notebooks import run_all, textbox

NOTEBOOK = "dataframe_browser_test.ipynb"
APP = '''
import pandas as pd
import gradio_nb as gr
from gradio_nb.event_data import SelectData

table = pd.DataFrame({"n": range(10_000), "square": [i * i for i in range(10_000)], "name": [f"row {i}" for i in range(10_000)]})

with gr.Blocks() as demo:
    df = gr.Dataframe(table, datatype=["number", "number", "str"], interactive=True, show_row_numbers=True, max_height=300,
                   show_search="search")
    total = gr.Textbox(label="Total")
    picked = gr.Textbox(label="Picked")
    df.change(lambda d: f"{d['n'].sum()} {d['n'].dtype}", df, total)

    def on_select(evt: SelectData):
        return f"{evt.index} {evt.value!r} {evt.row_value!r} {len(evt.col_value)}"

    df.select(on_select, None, picked)
demo
'''


SHOWN = '''
rows = [[f"**bold {i}**", f"<i>html {i}</i><img src=x onerror=\\"window.pwned=1\\">", i % 2 == 0, "a long text " * 8] for i in range(50)]
with gr.Blocks() as shown:
    gr.Dataframe(rows, headers=["md", "html", "flag", "long"], datatype=["markdown", "html", "bool", "str"],
              wrap=True, pinned_columns=1, column_widths=[120, 160, 60, 300], label="Shown", interactive=False)
shown
'''


def test_edit_select_and_scroll_a_windowed_table(lab, page: Page) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(APP), nbformat.v4.new_code_cell(SHOWN)]
    # With no kernelspec JupyterLab asks which kernel to start, and nothing runs.
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(lab.root / NOTEBOOK))
    run_all(page, lab.notebook_url(NOTEBOOK))
    app = page.locator(".gradio-nb").first
    table = app.locator(".gnb-dataframe")
    expect(table.locator("td[data-row='0'][data-col='2']")).to_have_text("row 0", timeout=30_000)
    assert table.locator("tbody tr:not(.gnb-df-spacer)").count() < 100  # only a window is drawn

    cell = table.locator("td[data-row='2'][data-col='0']")
    cell.dblclick()
    editor = table.locator("input.gnb-df-editor")
    expect(editor).to_have_value("2")
    editor.fill("1002")
    editor.press("Enter")
    expected = sum(range(10_000)) + 1000
    expect(textbox(app, "Total")).to_have_value(f"{expected} int64", timeout=20_000)
    expect(cell).to_have_text("1002")

    table.locator("td[data-row='3'][data-col='2']").click()
    expect(textbox(app, "Picked")).to_have_value("[3, 2] 'row 3' [3, 9, 'row 3'] 10000", timeout=20_000)
    expect(table.locator("td.gnb-df-selected")).to_have_count(1)
    shot(app, "dataframe.png")

    # Typing on a selected cell edits it; the keys never reach JupyterLab's shortcuts ("b"
    # would insert a cell below in command mode).
    cells_before = page.locator(".jp-Notebook .jp-Cell").count()
    page.keyboard.press("b")
    editor = table.locator("input.gnb-df-editor")
    expect(editor).to_have_value("b")
    page.keyboard.type("ob")
    page.keyboard.press("Enter")
    expect(table.locator("td[data-row='3'][data-col='2']")).to_have_text("bob")
    assert page.locator(".jp-Notebook .jp-Cell").count() == cells_before
    table.locator("td[data-row='3'][data-col='2']").click()
    expect(textbox(app, "Picked")).to_have_value("[3, 2] 'bob' [3, 9, 'bob'] 10000", timeout=20_000)

    table.locator(".gnb-df-scroll").evaluate("el => { el.scrollTop = el.scrollHeight; }")
    expect(table.locator("td[data-row='9999'][data-col='2']")).to_have_text("row 9999", timeout=20_000)

    # Sorting by a header and searching list other rows; edits and selections still name the
    # table's rows.
    table.locator(".gnb-df-scroll").evaluate("el => { el.scrollTop = 0; }")
    table.locator("th[data-col='1']").click()
    table.locator("th[data-col='1']").click()  # descending
    expect(table.locator("td[data-pos='0'][data-col='2']")).to_have_text("row 9999", timeout=20_000)
    table.locator("td[data-pos='1'][data-col='2']").click()
    expect(textbox(app, "Picked")).to_have_value("[9998, 2] 'row 9998' [9998, 99960004, 'row 9998'] 10000", timeout=20_000)
    table.locator("input.gnb-df-search").fill("row 77")
    expect(table.locator("td[data-pos='0'][data-col='2']")).to_have_text("row 7799", timeout=20_000)  # 111 rows, descending
    table.locator(".gnb-df-scroll").evaluate("el => { el.scrollTop = el.scrollHeight; }")
    expect(table.locator("td[data-pos='110'][data-col='2']")).to_have_text("row 77", timeout=20_000)
    expect(table.locator("td[data-pos='111']")).to_have_count(0)
    table.locator("input.gnb-df-search").fill("")
    table.locator("th[data-col='1']").click()  # as held again
    expect(table.locator("td[data-pos='0'][data-col='2']")).to_have_text("row 0", timeout=20_000)
    expect(textbox(app, "Total")).to_have_value(f"{expected} int64")  # display only: no change event

    # Markdown and html cells: rendered, sanitized; bool cells are checkboxes.
    other = page.locator(".gradio-nb").nth(1).locator(".gnb-dataframe")
    expect(other.locator("td[data-row='0'][data-col='0'] strong")).to_have_text("bold 0", timeout=20_000)
    expect(other.locator("td[data-row='0'][data-col='1'] i")).to_have_text("html 0")
    assert other.locator("td[data-row='0'][data-col='1'] img").get_attribute("onerror") is None
    assert page.evaluate("() => window.pwned") is None
    expect(other.locator("td[data-row='0'][data-col='2'] input[type=checkbox]")).to_be_checked()
    expect(other.locator("td[data-row='1'][data-col='2'] input[type=checkbox]")).not_to_be_checked()
    expect(other.locator("td[data-row='0'][data-col='0']")).to_have_class(re.compile("gnb-df-pinned"))
    shot(other, "dataframe-shown.png")
    assert page.console_errors == [], page.console_errors


FILL = '''
import gradio_nb as gr

with gr.Blocks() as filled:
    people = gr.Dataframe(headers=["name", "score"], datatype=["str", "number"], interactive=True, label="People")
    send = gr.Button("Send")
    received = gr.Textbox(label="Received")
    send.click(lambda d: "; ".join(f"{n}={s!r}" for n, s in d.itertuples(index=False)), people, received)
filled
'''


def text_offset(th) -> float:
    """How far the header's text starts from its cell's left edge, in px."""
    return th.evaluate(
        "th => { const r = document.createRange(); r.selectNodeContents(th.firstChild);"
        " return r.getBoundingClientRect().left - th.getBoundingClientRect().left; }"
    )


def test_a_person_fills_an_empty_input_table(lab, page: Page) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(FILL)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(lab.root / "dataframe_fill_test.ipynb"))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=lab.url)
    run_all(page, lab.notebook_url("dataframe_fill_test.ipynb"))
    app = page.locator(".gradio-nb").first
    table = app.locator(".gnb-dataframe")

    # As Gradio 6.31 draws it: headers and a "+" bar, no rows, no search box; the copy and
    # fullscreen buttons above; a number column's header starts at the left, as a text one's.
    add = table.get_by_role("button", name="Add row")
    expect(add).to_be_visible(timeout=30_000)
    expect(table.locator("th[data-col='1']")).to_have_text("score")
    expect(table.locator("tbody td")).to_have_count(0)
    expect(table.get_by_placeholder("Search...")).to_be_hidden()
    copy = table.get_by_role("button", name="Copy table data")
    expect(copy).to_be_visible()
    expect(table.get_by_role("button", name="Fullscreen")).to_be_visible()
    name_th, score_th = table.locator("th[data-col='0']"), table.locator("th[data-col='1']")
    assert score_th.evaluate("th => getComputedStyle(th).textAlign") == "left"
    assert abs(text_offset(score_th) - 8) <= 1 and abs(text_offset(name_th) - 8) <= 1
    shot(table, "dataframe-empty.png")

    # "+" adds a row and selects its first cell: typing fills it, Enter keeps it.
    add.click()
    expect(table.locator("td.gnb-df-selected[data-row='0'][data-col='0']")).to_have_count(1, timeout=30_000)
    expect(add).to_be_hidden()
    page.keyboard.type("ada")
    page.keyboard.press("Enter")
    expect(table.locator("td[data-row='0'][data-col='0']")).to_have_text("ada", timeout=30_000)
    table.locator("td[data-row='0'][data-col='1']").click()
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    expect(table.locator("td[data-row='0'][data-col='1']")).to_have_text("3", timeout=30_000)

    # The selected cell's menu adds a row below, which is selected in turn.
    table.locator("td[data-row='0'][data-col='0']").click()
    table.locator("td.gnb-df-selected").get_by_role("button", name="Open cell menu").click()
    table.get_by_role("menuitem", name="Add row below").click()
    expect(table.locator("td.gnb-df-selected[data-row='1'][data-col='0']")).to_have_count(1, timeout=30_000)
    page.keyboard.type("bob")
    page.keyboard.press("Enter")
    expect(table.locator("td[data-row='1'][data-col='0']")).to_have_text("bob", timeout=30_000)

    # The function gets what was typed; the cell left empty holds "", as in Gradio.
    app.get_by_role("button", name="Send").click()
    expect(textbox(app, "Received")).to_have_value("ada=3; bob=''", timeout=30_000)
    expect(table.locator("td.gnb-df-selected")).to_have_count(0)  # the click outside ends it
    copy.click()
    expect(table.get_by_role("button", name="Copied to clipboard")).to_be_visible(timeout=30_000)
    assert page.evaluate("() => navigator.clipboard.readText()") == "ada,3\nbob,"
    shot(table, "dataframe-filled.png")
    assert page.console_errors == [], page.console_errors
