"""The State inspector drawn in JupyterLab beside the counter, basket and chat apps, and a
``gr.BrowserState`` kept across a page reload and a kernel restart."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .conftest import keep_shot as shot
from .test_lab_notebooks import run_all, textbox

NOTEBOOK = "inspecting_state.ipynb"


def test_inspector_shows_states_and_events_as_the_apps_run(lab, page: Page) -> None:
    run_all(page, lab.notebook_url(NOTEBOOK))
    inspected = page.locator(".gnb-inspected")
    expect(inspected).to_have_count(5, timeout=30_000)

    counter = inspected.nth(0)
    panel = counter.locator(".gnb-inspector")
    expect(panel.locator(".gnb-inspector-title")).to_contain_text("State inspector")
    expect(panel.locator("tr[data-state='state'] td").nth(2)).to_have_text("0")
    expect(panel.locator(".gnb-inspector-caption")).to_have_text("Events: none yet")
    for _ in range(2):
        counter.get_by_role("button", name="Increment").click()
    expect(textbox(counter, "Current Count")).to_have_value("Count: 2")
    expect(panel.locator("tr[data-state='state'] td").nth(1)).to_have_text("int")
    expect(panel.locator("tr[data-state='state'] td").nth(2)).to_have_text("2")
    events = panel.locator(".gnb-inspector-event")
    expect(events).to_have_count(2)
    expect(panel.locator(".gnb-inspector-caption")).to_have_text("Events (2)")
    expect(events.nth(0).locator(".gnb-inspector-head")).to_contain_text("#2 Button 'Increment'.click -> increment")
    expect(events.nth(0)).to_contain_text("in: state = 1")
    expect(events.nth(0)).to_contain_text("state (replaced): 1 → 2")
    expect(events.nth(0)).to_contain_text("output: 'Count: 1' → 'Count: 2'")
    assert re.fullmatch(r"\d+\.\d\d ms|\d+ ms", events.nth(0).locator(".gnb-inspector-time").inner_text())
    shot(counter, "inspector-counter.png")

    shop = inspected.nth(1)
    shop.get_by_role("button", name="Add (mutate in place)").click()
    shop_panel = shop.locator(".gnb-inspector")
    expect(shop_panel.locator(".gnb-inspector-event").nth(0)).to_contain_text("basket (mutated in place): Basket(items=[]) → Basket(items=['apple'])")
    expect(shop.locator(".gnb-number input")).to_have_value("0")  # .change did not fire (S11)
    shop.get_by_role("button", name="Add (return a new Basket)").click()
    expect(shop_panel.locator(".gnb-inspector-event").nth(0)).to_contain_text("#3 basket.change")
    expect(shop.locator(".gnb-number input")).to_have_value("1")

    chat = inspected.nth(2)
    box = chat.locator(".gnb-textbox textarea")
    box.fill("Hello inspector")
    box.press("Enter")
    expect(chat.locator(".gnb-bubble")).to_have_count(2, timeout=15_000)
    chat_panel = chat.locator(".gnb-inspector")
    expect(chat_panel.locator(".gnb-inspector-empty")).to_have_text("This app has no State.")
    expect(chat_panel.locator(".gnb-inspector-caption")).to_have_text("Events (1)")
    expect(chat_panel.locator(".gnb-inspector-event").nth(0)).to_contain_text("chatbot: [] → [user: 'Hello inspector', assistant:")
    shot(chat, "inspector-chat.png")
    assert page.console_errors == [], page.console_errors


def test_browser_state_survives_a_page_reload_and_a_kernel_restart(lab, page: Page) -> None:
    run_all(page, lab.notebook_url(NOTEBOOK))
    expect(page.locator(".gnb-inspected")).to_have_count(5, timeout=30_000)
    profile = page.locator(".gnb-inspected").nth(4)
    expect(textbox(profile, "Your name")).to_have_value("")
    textbox(profile, "Your name").fill("Ada Lovelace")
    profile.get_by_role("button", name="Save").click()
    kept = page.wait_for_function(
        """() => Object.keys(localStorage).filter(k => k.startsWith('gradio_nb:') && k.endsWith(':profile-name'))
                 .map(k => [k, localStorage.getItem(k)])[0]"""
    ).json_value()
    # Per notebook (JupyterLab gives the kernel the notebook's path) and key.
    assert kept[0].startswith("gradio_nb:") and kept[0].endswith(f"/{NOTEBOOK}:profile-name"), kept[0]
    assert kept[1] == '"Ada Lovelace"'

    page.reload()
    page.wait_for_function("() => window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel", timeout=90_000)
    page.evaluate(
        """async () => {
            const ctx = window.jupyterapp.shell.currentWidget.sessionContext;
            await ctx.ready;
            await ctx.session.kernel.restart();
        }"""
    )
    run_all(page, lab.notebook_url(NOTEBOOK))
    expect(page.locator(".gnb-inspected")).to_have_count(5, timeout=30_000)
    profile = page.locator(".gnb-inspected").nth(4)
    # A new kernel, a new session: the value came back from the browser, through load.
    expect(textbox(profile, "Your name")).to_have_value("Ada Lovelace", timeout=20_000)
    expect(profile.locator(".gnb-inspector tr[data-state='saved'] td").nth(2)).to_have_text("'Ada Lovelace'")
    expect(profile.locator(".gnb-inspector-event").nth(0)).to_contain_text("Blocks.load -> <lambda>")
    # JupyterLab's debugger logs this when the kernel restarts under it; it is not the app's.
    # JupyterLab's own messages around a kernel restart, not the app's.
    lab_own = ("Could not restore the debugger state", "Canceled future for kernel_info_request")
    errors = [e for e in page.console_errors if not e.startswith(lab_own)]
    assert errors == [], errors
