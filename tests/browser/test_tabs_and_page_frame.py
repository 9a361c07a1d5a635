"""Gradio's tabs and a served page's frame, in Chromium.

The tabs (``tests/served_apps/tabs_and_chat.py``) in JupyterLab, Notebook 7 and served:
Gradio's text tabs (``role=tab`` buttons), the chosen one in the accent colour with a 2 px
underline of it, no border round the panel; a click and the keys Gradio's tabs answer (Tab
to move between them, Enter or Space to choose) switch the panel and fire ``select``; a tab
that is not interactive cannot be chosen; a ChatInterface in a tab has its full message box;
tabs that do not fit are behind "...". Served (from one process, and by Voila with a kernel
per visitor), the page has Gradio's frame: the app's content starts 32 px from the left at
1280 px, 16 px from the top, the page below the app is the app's background in dark mode,
and the footer says what the page is built with, centred at the window's foot.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from gradio_nb.serve import start_server

from .conftest import free_port, output_dir
from .test_choice import field, notebook
from .test_lab_notebooks import run_all
from .test_notebook7 import NOTEBOOK7_OWN

APP = Path(__file__).resolve().parents[1] / "served_apps" / "tabs_and_chat.py"
DEADLINE = 60_000  # ms: a loaded machine


def accent(app: Locator) -> str:
    """The app's accent colour as the page computes it (``rgb(...)``)."""
    return app.evaluate(
        """(root) => { const probe = document.createElement('span');
        probe.style.color = 'var(--gnb-color-accent)'; root.append(probe);
        const colour = getComputedStyle(probe).color; probe.remove(); return colour; }"""
    )


def underline(tab: Locator) -> list[str]:
    """The chosen tab's underline: its colour and height (Gradio draws it as ``::after``)."""
    return tab.evaluate("(b) => { const a = getComputedStyle(b, '::after'); return [a.backgroundColor, a.height]; }")


def check_tabs(page: Page, app: Locator) -> None:
    """The tabs look like Gradio's and switch by click and by keyboard."""
    first, second = app.get_by_role("tab", name="First"), app.get_by_role("tab", name="Second")
    locked, chat = app.get_by_role("tab", name="Locked"), app.get_by_role("tab", name="Chat")
    expect(first).to_have_attribute("aria-selected", "true", timeout=DEADLINE)
    colour = accent(app)
    assert first.evaluate("(b) => getComputedStyle(b).color") == colour
    page.wait_for_function("(b) => getComputedStyle(b, '::after').opacity === '1'", arg=first.element_handle(),
                           timeout=30_000)  # the underline grows in (Gradio's animation)
    assert underline(first) == [colour, "2px"]
    assert second.evaluate("(b) => getComputedStyle(b, '::after').content") == "none"
    tabs = app.locator(".gnb-tabs").first
    panels = tabs.locator(".gnb-tab-panels > .widget-tab-contents")
    assert panels.evaluate("(p) => getComputedStyle(p).borderTopWidth + ' ' + getComputedStyle(p).borderLeftWidth") == "0px 0px"
    expect(tabs.locator(".gnb-tab-panels > .lm-TabBar")).to_be_hidden()
    expect(locked).to_be_disabled()

    # A click
    second.click()
    expect(second).to_have_attribute("aria-selected", "true", timeout=30_000)
    expect(first).to_have_attribute("aria-selected", "false")
    expect(field(app, "In second")).to_be_visible()
    expect(field(app, "In first")).to_be_hidden()
    expect(field(app, "Chosen")).to_have_value("Second:1", timeout=30_000)
    assert underline(second)[1] == "2px"

    # The keyboard, as Gradio's buttons: Tab moves between tabs (past a disabled one), Enter
    # and Space choose the focused one.
    second.focus()
    page.keyboard.press("Shift+Tab")
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(first).to_have_attribute("aria-selected", "true", timeout=30_000)
    expect(field(app, "In first")).to_be_visible()
    expect(field(app, "Chosen")).to_have_value("First:0", timeout=30_000)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(chat).to_be_focused()
    page.keyboard.press(" ")
    expect(chat).to_have_attribute("aria-selected", "true", timeout=30_000)
    expect(field(app, "Chosen")).to_have_value("Chat:3", timeout=30_000)

    # The ChatInterface in its tab: Gradio's message box (its placeholder, a textbox's
    # height), a gap under the chat.
    message = app.get_by_placeholder("Type a message...")
    expect(message).to_be_visible(timeout=30_000)
    box = app.locator(".gnb-field", has=page.get_by_placeholder("Type a message...")).bounding_box()  # Gradio's: 50 px, 16 px under the chat
    chatbot = app.locator(".gnb-chatbot").bounding_box()
    assert box is not None and chatbot is not None
    assert box["height"] >= 46 and box["y"] - (chatbot["y"] + chatbot["height"]) >= 16, (chatbot, box)
    message.fill("hi")
    message.press("Enter")
    expect(app.locator(".gnb-msg-row.gnb-bot .gnb-bubble")).to_have_text(["echo hi"], timeout=30_000)

    # Twelve tabs do not fit: the others are behind "...", and one chosen there joins the bar.
    many = app.locator(".gnb-tabs").nth(1)
    expect(many.get_by_role("tab")).not_to_have_count(12)
    many.get_by_role("button", name="More tabs").click()
    menu = many.locator(".gnb-tab-menu")
    expect(menu).to_be_visible()
    menu.get_by_role("button", name="Tab number 11").click()
    expect(menu).to_be_hidden()
    expect(many.get_by_role("tab", name="Tab number 11")).to_have_attribute("aria-selected", "true", timeout=30_000)
    expect(many.get_by_text("Page 11")).to_be_visible()


@pytest.mark.parametrize("front_end", ["lab", "notebook7"])
def test_tabs_in_a_notebook(request: pytest.FixtureRequest, front_end: str, page: Page) -> None:
    server = request.getfixturevalue(front_end)  # JupyterLab, Notebook 7
    (server.root / "tabs_look.ipynb").write_text(notebook(APP.read_text().replace("import gradio as gr", "import gradio_nb as gr")))
    run_all(page, server.notebook_url("tabs_look.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=DEADLINE)
    check_tabs(page, app)
    expect(app.locator(".gnb-footer")).to_have_count(0)  # a cell has no page frame
    assert "gnb-page" not in (app.get_attribute("class") or "")
    app.screenshot(path=str(output_dir() / f"tabs-{front_end}.png"))
    errors = [e for e in page.console_errors if "Failed to load resource" not in e and e not in NOTEBOOK7_OWN]
    assert errors == [], errors


@pytest.fixture(scope="module")
def served():
    with start_server(APP, port=free_port(), mode="one-process") as server:
        yield server.url.rstrip("/")


def open_served(browser: Browser, url: str, theme: str) -> tuple[Page, Locator]:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{url}/?__theme={theme}")
    app = page.locator(".gradio-nb")
    expect(app.get_by_role("tab", name="First")).to_be_visible(timeout=DEADLINE)
    return page, app


def test_tabs_served_from_one_process(browser: Browser, served: str) -> None:
    page, app = open_served(browser, served, "light")
    check_tabs(page, app)
    page.close(run_before_unload=True)


@pytest.fixture(scope="module", params=["one-process", "kernel-per-visitor"])
def served_each_way(request: pytest.FixtureRequest, served: str):
    if request.param == "one-process":
        yield served
        return
    with start_server(APP, port=free_port(), mode=request.param) as server:  # Voila
        yield server.url.rstrip("/")


def test_a_served_page_has_gradios_frame_and_footer(browser: Browser, served_each_way: str) -> None:
    page, app = open_served(browser, served_each_way, "dark")
    # Measured in Gradio 6.31 at 1280 px: the tabs at (32, 16), 1216 px wide, the first tab's
    # button at (32, 12), the tab's form at (32, 64).
    tabs = app.locator(".gnb-tabs").first.bounding_box()
    first = app.get_by_role("tab", name="First").bounding_box()
    form = app.locator(".gnb-form", has=page.locator(".gnb-label", has_text="In first")).bounding_box()
    assert tabs is not None and first is not None and form is not None
    assert (tabs["x"], tabs["y"], tabs["width"]) == (32, 16, 1216), tabs
    assert (first["x"], first["y"]) == (32, 12) and (form["x"], form["y"]) == (32, 64), (first, form)
    footer = app.locator(".gnb-footer")
    expect(footer).to_have_text("Built with gradio_nb")
    expect(footer).to_be_in_viewport()
    # Gradio's footer: centred, 16 px above the window's foot (an app shorter than the window).
    text = footer.evaluate("(el) => { const r = document.createRange(); r.selectNodeContents(el.querySelector('footer'));"
                           " const b = r.getBoundingClientRect(); return [b.x + b.width / 2, b.bottom]; }")
    assert text[0] == pytest.approx(640, abs=2) and text[1] == pytest.approx(900 - 16, abs=2), text
    # Below the app (the window's bottom edge) the page is the app's background: waited for,
    # as the page's own stylesheets may still be settling on a loaded machine (it once read
    # white there in a full run, and never alone).
    colours = """() => { const root = document.querySelector('.gradio-nb');
        const at = document.elementFromPoint(innerWidth / 2, innerHeight - 2);
        let el = at, bg = 'rgba(0, 0, 0, 0)';
        while (el && bg === 'rgba(0, 0, 0, 0)') { bg = getComputedStyle(el).backgroundColor; el = el.parentElement; }
        return [getComputedStyle(root).backgroundColor, bg, at ? at.className : null]; }"""
    dark = "rgb(15, 15, 17)"  # Gradio's dark page, measured
    try:
        page.wait_for_function(f"() => ({colours})().slice(0, 2).every((c) => c === {dark!r})", timeout=30_000)
    except PlaywrightTimeoutError:
        pass  # the assertion says what the page showed
    seen = page.evaluate(colours)
    assert seen[0] == seen[1] == dark, seen
    page.screenshot(path=str(output_dir() / f"served-frame-dark-{urlparse(served_each_way).port}.png"))
    page.close(run_before_unload=True)
