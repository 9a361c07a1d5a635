"""The login of a served app (``launch(auth=...)``) in Chromium, in both serving modes.

A visitor without a login lands on ``/login``; a wrong password shows "Incorrect Credentials"
(and not the app); the right one shows the app, which knows who logged in (gr.Request.username)
and works; ``/logout`` sends the visitor back to the login page, and the app stays behind it.
No request leaves 127.0.0.1. The one-process run keeps the login page's screenshots, light
and dark, for the docs (``docs/screenshots/login_light.png``, ``login_dark.png``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from gradio_nb.serve import Server, start_server

from .conftest import free_port, keep_shot

APP = Path(__file__).resolve().parents[1] / "security" / "apps" / "login_counter.py"
MODES = ("one-process", "kernel-per-visitor")
ON_LOGIN = re.compile(r"/login(\?[^/]*)?$")
APP_TIMEOUT = 90_000  # the machine may be loaded; a kernel per visitor starts a kernel first
PAGE_TIMEOUT = 30_000


@pytest.fixture(params=MODES)
def served(request: pytest.FixtureRequest) -> Iterator[tuple[str, Server]]:
    server = start_server(APP, port=free_port(), mode=request.param, timeout=90)
    request.addfinalizer(server.close)
    yield request.param, server


def field(page: Page, label: str):
    return page.locator(".gnb-textbox", has=page.get_by_text(label, exact=True)).locator("textarea")


def expect_login_page(page: Page) -> None:
    expect(page).to_have_url(ON_LOGIN, timeout=PAGE_TIMEOUT)
    expect(page.get_by_role("heading", name="Login")).to_be_visible(timeout=PAGE_TIMEOUT)
    expect(page.locator("#username")).to_be_visible()
    expect(page.locator("#password")).to_be_visible()


def expect_no_app(page: Page) -> None:
    expect(page.get_by_role("button", name="Increment")).to_have_count(0)
    expect(page.locator(".gnb-textbox")).to_have_count(0)


def background(page: Page) -> str:
    return page.evaluate("() => getComputedStyle(document.body).backgroundColor")


def submit(page: Page, username: str, password: str) -> int:
    """Fill in and send the login form; the HTTP status of the page it answers with."""
    page.locator("#username").fill(username)
    page.locator("#password").fill(password)
    with page.expect_response(lambda r: urlparse(r.url).path.rstrip("/").endswith("/login") and r.request.method == "POST",
                              timeout=PAGE_TIMEOUT) as answer:  # fmt: skip
        page.get_by_role("button", name="Login").click()
    return answer.value.status


def test_login_wrong_password_app_and_logout(browser: Browser, served: tuple[str, Server]) -> None:
    mode, server = served
    url = server.url.rstrip("/")
    outside: list[str] = []

    def route(r) -> None:
        address = r.request.url
        if address.startswith(("blob:", "data:")) or urlparse(address).hostname in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            outside.append(address)
            r.abort()

    context = browser.new_context(viewport={"width": 1000, "height": 800})
    try:
        page = context.new_page()
        page.route("**/*", route)

        # 1. No login yet: the app's URL leads to the login page.
        page.goto(url + "/")
        expect_login_page(page)
        expect(page.get_by_text("Class members only.")).to_be_visible()  # the auth_message
        expect_no_app(page)

        # 2. A wrong password: "Incorrect Credentials", still the login page, no app.
        assert submit(page, "teacher", "wrong-password") == 400
        expect(page.get_by_text("Incorrect Credentials")).to_be_visible(timeout=PAGE_TIMEOUT)
        expect_login_page(page)
        expect_no_app(page)

        # 3. The right password: the app, knowing who logged in, and working.
        assert submit(page, "teacher", "s3cret") in (200, 303)
        expect(page).not_to_have_url(ON_LOGIN, timeout=PAGE_TIMEOUT)
        expect(page.get_by_role("button", name="Increment")).to_be_visible(timeout=APP_TIMEOUT)
        expect(field(page, "Logged in as")).to_have_value("teacher", timeout=APP_TIMEOUT)
        count = field(page, "Current Count")
        expect(count).to_be_visible(timeout=PAGE_TIMEOUT)
        for _ in range(2):
            page.get_by_role("button", name="Increment").click()
        expect(count).to_have_value("Count: 2", timeout=PAGE_TIMEOUT)
        expect(page.get_by_text("Incorrect Credentials")).to_have_count(0)

        # 4. Logging out: back to the login page, and the app stays behind it.
        page.goto(url + "/logout")
        expect_login_page(page)
        expect_no_app(page)
        page.goto(url + "/")
        expect_login_page(page)
        expect_no_app(page)

        # 5. The login page's look, light and dark (both modes); the docs' screenshots from one run.
        page.goto(url + "/login")
        expect_login_page(page)
        expect(page.locator("html")).not_to_have_attribute("data-theme", "dark")
        assert background(page) == "rgb(255, 255, 255)", background(page)
        if mode == "one-process":
            keep_shot(page, "login_light.png")
        page.goto(url + "/login?__theme=dark")
        expect_login_page(page)
        expect(page.locator("html")).to_have_attribute("data-theme", "dark")
        dark = background(page)
        assert dark not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), dark
        assert sum(map(int, re.findall(r"\d+", dark)[:3])) < 3 * 64, f"not a dark background: {dark}"
        if mode == "one-process":
            keep_shot(page, "login_dark.png")

        assert outside == [], f"requests left 127.0.0.1: {outside[:5]}"
        page.close(run_before_unload=True)
    finally:
        context.close()
