"""Two visitors in Chromium on one-process serving (``gradio-nb serve``): each page has its own
counter and chat, a reload is a new session (the old one freed), a closed page frees its
session, and no request leaves 127.0.0.1 (the page's files are served by the process)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from gradio_nb.serve import start_server

from visitors import wait_until

from .conftest import free_port, output_dir

APP = Path(__file__).resolve().parents[1] / "served_apps" / "counter_and_chat.py"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    log = tmp_path_factory.mktemp("pages") / "freed.log"
    log.touch()
    server = start_server(APP, port=free_port(), mode="one-process", env={"GRADIO_NB_TEST_LOG": str(log)})
    yield server, log
    server.close()


def visit(browser: Browser, url: str, outside: list[str]) -> Page:
    page = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()

    def route(r) -> None:
        if r.request.url.startswith(("blob:", "data:")) or urlparse(r.request.url).hostname in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(url)
    expect(page.get_by_role("button", name="Increment")).to_be_visible(timeout=60_000)
    return page


def field(page: Page, label: str):
    return page.locator(".gnb-textbox", has=page.get_by_text(label, exact=True)).locator("textarea")


def visitor_id(page: Page) -> str:
    expect(field(page, "Visitor")).not_to_have_value("", timeout=30_000)
    return field(page, "Visitor").input_value()


def freed(log: Path) -> list[str]:
    return [line.split()[1] for line in log.read_text().splitlines()]


def chat(page: Page, text: str) -> None:
    box = field(page, "Message")
    box.fill(text)
    box.press("Enter")


def test_two_visitors_each_with_their_own_counter_and_chat(browser: Browser, served) -> None:
    server, log = served
    outside: list[str] = []
    a, b = visit(browser, server.url, outside), visit(browser, server.url, outside)
    first_a, first_b = visitor_id(a), visitor_id(b)
    assert first_a != first_b
    for _ in range(3):
        a.get_by_role("button", name="Increment").click()
    b.get_by_role("button", name="Increment").click()
    expect(field(a, "Count")).to_have_value("Count: 3")
    expect(field(b, "Count")).to_have_value("Count: 1")
    chat(a, "hello from a")
    chat(b, "hello from b")
    bot = ".gnb-msg-row.gnb-bot .gnb-bubble"
    expect(a.locator(bot)).to_have_text(["echo hello from a"])
    expect(b.locator(bot)).to_have_text(["echo hello from b"])
    a.screenshot(path=str(output_dir() / "one-process-visitor-a.png"))

    # A reload is a new visitor: a new session, and the old one is freed.
    a.reload()
    expect(a.get_by_role("button", name="Increment")).to_be_visible(timeout=60_000)
    second_a = visitor_id(a)
    assert second_a not in (first_a, first_b)
    expect(field(a, "Count")).to_have_value("")
    expect(a.locator(bot)).to_have_count(0)
    assert wait_until(lambda: first_a in freed(log))
    expect(field(b, "Count")).to_have_value("Count: 1")  # the other page never noticed

    # A closed page frees its session.
    b.close(run_before_unload=True)
    assert wait_until(lambda: first_b in freed(log))
    assert second_a not in freed(log)
    a.close(run_before_unload=True)
    assert wait_until(lambda: second_a in freed(log))
    assert outside == [], f"requests left 127.0.0.1: {outside[:5]}"



def test_timers_streams_and_errors_work_in_a_served_page(browser: Browser) -> None:
    """What runs on a kernel's event loop in a notebook runs on the page's own loop here: a
    gr.Timer ticks, an async generator streams, and a failing function's error is shown."""
    app = APP.parent / "timer_stream_error.py"
    with start_server(app, port=free_port(), mode="one-process") as server:
        page = browser.new_context().new_page()
        page.goto(server.url)
        expect(field(page, "Ticks")).to_have_value("3", timeout=60_000)  # the 0.5 s timer ticked thrice
        field(page, "In").fill("hello")
        page.get_by_role("button", name="Stream").click()
        expect(field(page, "Out")).to_have_value("hello", timeout=30_000)
        page.get_by_role("button", name="Fail").click()
        expect(page.locator(".gnb-alert-message")).to_contain_text("ZeroDivisionError", timeout=30_000)
        page.close(run_before_unload=True)
