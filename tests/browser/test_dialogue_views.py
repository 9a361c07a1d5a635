"""gr.Dialogue in JupyterLab: a person edits a line's text and speaker and adds a line in the
page; the function sees the new dialogue (one change per committed edit); a tag offered after
":" is inserted; the submit button sends the dialogue on."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import output_dir
from .test_choice import field, notebook
from .test_lab_notebooks import run_all

APP = '''
import gradio_nb as gr

with gr.Blocks() as demo:
    dd = gr.Dialogue(
        value=[{"speaker": "Speaker 1", "text": "Hello"}, {"speaker": "Speaker 2", "text": "Hi"}],
        speakers=["Speaker 1", "Speaker 2"], tags=["(laughs)", "(sighs)"], interactive=True, submit_btn="Send",
    )
    seen = gr.Textbox(label="Seen")
    count = gr.Number(0, label="Changes")
    sent = gr.Textbox(label="Sent")
    dd.change(lambda v, n: (v, n + 1), [dd, count], [seen, count])
    dd.submit(lambda v: "sent: " + v, dd, sent)
    shown = gr.Dialogue(speakers=["Speaker 1", "Speaker 2"], label="Transcript", color_map={"Speaker 2": "rgb(255, 0, 0)"})
    show = gr.Button("Show")
    show.click(lambda: [{"speaker": "Speaker 1", "text": "one"}, {"speaker": "Speaker 2", "text": "<b>two</b>"}], None, shown)
demo
'''


def test_dialogue_edited_in_the_page(lab, page: Page) -> None:
    (lab.root / "dialogue_views.ipynb").write_text(notebook(APP))
    run_all(page, lab.notebook_url("dialogue_views.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    view = app.locator(".gnb-dialogue").first
    rows = view.locator(".gnb-dialogue-line")
    expect(rows).to_have_count(2, timeout=15_000)
    seen, changes = field(app, "Seen"), app.locator(".gnb-number", has=page.locator(".gnb-label", has_text="Changes")).locator("input")

    # A line's text: typing sends nothing; Enter commits it (one change)
    text0 = rows.nth(0).locator(".gnb-dialogue-field")
    text0.fill("Hello there")
    page.wait_for_timeout(500)
    expect(changes).to_have_value("0")
    text0.press("Enter")
    expect(seen).to_have_value("[Speaker 1] Hello there\n[Speaker 2] Hi", timeout=15_000)
    expect(changes).to_have_value("1")

    # A speaker chosen from the menu is committed at once
    rows.nth(1).locator("select.gnb-dialogue-speaker").select_option("Speaker 1")
    expect(seen).to_have_value("[Speaker 1] Hello there\n[Speaker 1] Hi", timeout=15_000)

    # Add a line after the second; its text field has the focus; a tag is offered after ":"
    rows.nth(1).locator(".gnb-dialogue-add").click()
    expect(rows).to_have_count(3)
    text2 = rows.nth(2).locator(".gnb-dialogue-field")
    expect(text2).to_be_focused()
    expect(seen).to_have_value("[Speaker 1] Hello there\n[Speaker 1] Hi\n[Speaker 1] ", timeout=15_000)
    text2.press_sequentially("Bye :si")
    menu = rows.nth(2).locator(".gnb-dialogue-tags")
    expect(menu).to_be_visible()
    expect(menu.locator(".gnb-dialogue-tag")).to_have_text(["(sighs)"])
    text2.press("Enter")  # inserts the tag, commits nothing yet
    expect(text2).to_have_value("Bye (sighs) ")
    rows.nth(2).locator("select.gnb-dialogue-speaker").select_option("Speaker 2")  # the text commits on blur first
    expect(seen).to_have_value("[Speaker 1] Hello there\n[Speaker 1] Hi\n[Speaker 2] Bye (sighs) ", timeout=15_000)

    # Delete the second line; the submit button sends the dialogue on
    rows.nth(1).locator(".gnb-dialogue-delete").click()
    expect(rows).to_have_count(2)
    expect(seen).to_have_value("[Speaker 1] Hello there\n[Speaker 2] Bye (sighs) ", timeout=15_000)
    view.get_by_role("button", name="Send").click()
    expect(field(app, "Sent")).to_have_value("sent: [Speaker 1] Hello there\n[Speaker 2] Bye (sighs) ", timeout=15_000)

    view.screenshot(path=str(output_dir() / "dialogue_lines.png"))

    # The Plain Text switch shows the formatted dialogue
    view.locator(".gnb-dialogue-switch input").check()
    expect(view.locator(".gnb-dialogue-textarea")).to_have_value("[Speaker 1] Hello there\n[Speaker 2] Bye (sighs) ", timeout=15_000)
    view.screenshot(path=str(output_dir() / "dialogue_plain.png"))

    # A read-only dialogue a function fills: speakers as text, coloured by color_map, text not HTML
    app.get_by_role("button", name="Show").click()
    shown = app.locator(".gnb-dialogue").nth(1)
    expect(shown.locator(".gnb-dialogue-speaker-static")).to_have_text(["Speaker 1", "Speaker 2"], timeout=15_000)
    expect(shown.locator(".gnb-dialogue-field").nth(1)).to_have_value("<b>two</b>")
    expect(shown.locator(".gnb-dialogue-field").nth(1)).to_be_disabled()
    expect(shown.locator("select, .gnb-dialogue-add, .gnb-dialogue-delete")).to_have_count(0)
    expect(shown.locator(".gnb-dialogue-speaker-static").nth(1)).to_have_css("background-color", "rgb(255, 0, 0)")
    expect(shown.locator(".gnb-dialogue-field").nth(1)).to_have_css("background-color", "rgb(255, 0, 0)")
    shown.screenshot(path=str(output_dir() / "dialogue_read_only.png"))
    assert not [e for e in page.console_errors if "dialogue" in e.lower()], page.console_errors
