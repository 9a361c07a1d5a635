"""Served apps in Voila: one kernel per visitor, isolation, no kernel leak, fast clicks,
the busy marker and errors as a person sees them. The tests of what both serving modes must
do alike (busy marker and errors, gr.Request, BrowserState) run in one-process serving too."""

from __future__ import annotations

import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from gradio_nb.serve import Server, start_server

from figures import record_figure
from .conftest import ROOT, children_running, free_port, output_dir

COUNTER = ROOT / "examples" / "seed" / "01_counter.py"
APPS = Path(__file__).resolve().parent / "apps"


def kernels(server: Server) -> int:
    return children_running(server.process.pid, "ipykernel")


def wait_kernels(server: Server, expected: int, within: float = 30) -> int:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if kernels(server) == expected:
            return expected
        time.sleep(0.25)
    return kernels(server)


def open_app(browser: Browser, url: str) -> Page:
    page = browser.new_context().new_page()
    page.goto(url)
    expect(page.get_by_role("button", name="Increment")).to_be_visible(timeout=60_000)
    expect(count_box(page)).to_be_visible(timeout=30_000)  # each view draws when its module has loaded
    return page


def leave(page: Page) -> None:
    """Close the page as a person closing the tab does (beforeunload runs: the beacon goes)."""
    page.close(run_before_unload=True)


def count_box(page: Page):
    return page.locator(".gnb-textbox textarea")


def click(page: Page, times: int) -> None:
    for _ in range(times):
        page.get_by_role("button", name="Increment").click()


@pytest.fixture(scope="module")
def counter_server():
    started = time.monotonic()
    server = start_server(COUNTER, port=free_port(), mode="kernel-per-visitor")
    server.started = started
    yield server
    server.close()
    assert server.process.poll() is not None


def test_first_visitor_sees_the_app(browser, counter_server):
    page = open_app(browser, counter_server.url)
    record_figure("voila_start_to_first_app_s", round(time.monotonic() - counter_server.started, 3))
    page.screenshot(path=str(output_dir() / "voila-counter.png"))
    click(page, 3)
    expect(count_box(page)).to_have_value("Count: 3")
    leave(page)


def test_two_visitors_are_isolated(browser, counter_server):
    a, b = open_app(browser, counter_server.url), open_app(browser, counter_server.url)
    click(a, 3)
    expect(count_box(a)).to_have_value("Count: 3")
    click(b, 1)
    expect(count_box(b)).to_have_value("Count: 1")
    click(a, 1)
    expect(count_box(a)).to_have_value("Count: 4")
    expect(count_box(b)).to_have_value("Count: 1")
    for page in (a, b):
        leave(page)


def test_ten_visitors_at_once_then_no_kernel_left(browser, counter_server):
    pages = [open_app(browser, counter_server.url) for _ in range(10)]
    assert kernels(counter_server) >= 10
    for round_ in range(10):
        for i, page in enumerate(pages):
            if round_ <= i:
                page.get_by_role("button", name="Increment").click()
    for i, page in enumerate(pages):
        expect(count_box(page)).to_have_value(f"Count: {i + 1}")
    pages[0].reload()  # a reload is a new visitor: the old kernel must go
    expect(pages[0].get_by_role("button", name="Increment")).to_be_visible(timeout=60_000)
    expect(count_box(pages[0])).to_have_value("")
    for page in pages:
        leave(page)
    left = wait_kernels(counter_server, 0)
    record_figure("voila_kernels_after_visitors_left", left)
    assert left == 0, f"{left} kernels still running after every visitor left"


def test_shutdown_without_the_xsrf_token_is_refused(browser, counter_server):
    """XSRF protection stays on: a shutdown request without the token is refused."""
    page = open_app(browser, counter_server.url)
    kernel_id = page.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name).find(n => n.includes('/api/kernels/'))"
    )
    assert kernel_id, "the page opened no kernel websocket"
    kernel_id = kernel_id.split("/api/kernels/")[1].split("/")[0].split("?")[0]
    request = urllib.request.Request(f"{counter_server.url}/voila/api/shutdown/{kernel_id}", method="POST", data=b"")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    click(page, 1)
    expect(count_box(page)).to_have_value("Count: 1")  # the visitor's kernel is still there
    leave(page)


@pytest.mark.parametrize("mode", ["kernel-per-visitor", "one-process"])
def test_fifty_quick_clicks_each_round_trip(browser, request, mode):
    """Each click's count comes back before the next (within 5 s each, or the page script
    throws). The round trip is measured and recorded, not asserted: speed lives in bench/;
    Nagle's algorithm (TCP_NODELAY unset) shows here as a ~40 ms median instead of a few ms."""
    if mode == "kernel-per-visitor":
        server = request.getfixturevalue("counter_server")
    else:
        server = start_server(COUNTER, port=free_port(), mode=mode)
        request.addfinalizer(server.close)
    page = open_app(browser, server.url)
    times = page.evaluate(
        """async (n) => {
            const button = [...document.querySelectorAll('button')].find(b => b.textContent === 'Increment');
            const box = document.querySelector('.gnb-textbox textarea');
            const channel = new MessageChannel();
            const tick = () => new Promise(r => { channel.port1.onmessage = r; channel.port2.postMessage(0); });
            const out = [];
            for (let i = 1; i <= n; i++) {
                const want = `Count: ${i}`;
                const t0 = performance.now();
                button.click();
                // the round trip ends when the count shows and the button is enabled again
                while (box.value !== want || button.disabled) {
                    await tick();
                    if (performance.now() - t0 > 5000) throw new Error('no update for ' + want);
                }
                out.push(performance.now() - t0);
            }
            return out;
        }""",
        50,
    )
    assert len(times) == 50
    expect(count_box(page)).to_have_value("Count: 50")
    name = "voila" if mode == "kernel-per-visitor" else "one_process"
    record_figure(f"{name}_click_round_trip_ms", f"median {statistics.median(times):.1f} (min {min(times):.1f}, max {max(times):.1f})")
    leave(page)


@pytest.mark.parametrize("mode", ["kernel-per-visitor", "one-process"])
def test_busy_marker_and_error_in_the_browser(browser, mode):
    with start_server(APPS / "busy_error.py", port=free_port(), mode=mode) as server:
        page = browser.new_context().new_page()
        page.goto(server.url)
        button = page.get_by_role("button", name="Double")
        expect(button).to_be_visible(timeout=60_000)
        doubled = page.locator(".gnb-number", has=page.locator(".gnb-label", has_text="Doubled"))
        button.click()
        expect(button).to_be_disabled()  # the trigger is disabled while the function runs
        expect(doubled).to_have_class(re.compile(r"\bgnb-pending\b"))
        page.screenshot(path=str(output_dir() / "voila-busy.png"))
        expect(doubled.locator("input")).to_have_value("4", timeout=10_000)
        expect(button).to_be_enabled()
        expect(doubled).not_to_have_class(re.compile(r"\bgnb-pending\b"))
        page.locator(".gnb-number", has=page.locator(".gnb-label", has_text="Input")).locator("input").fill("-1")
        button.click()
        alert = page.locator(".gnb-alert-error")
        expect(alert).to_contain_text("Bad input", timeout=10_000)
        expect(alert).to_contain_text("Negative numbers are not allowed")
        expect(doubled.locator("input")).to_have_value("4")  # outputs stay as they were
        page.screenshot(path=str(output_dir() / "voila-error.png"))
        leave(page)


def test_media_and_plots_draw_served_with_no_network(browser):
    """A served app's plots, 3D model, gallery, audio and image draw in Voila with every
    request off 127.0.0.1 refused: their bytes and libraries come from the kernel."""
    outside: list[str] = []

    def route(r) -> None:
        url = r.request.url
        if url.startswith(("blob:", "data:")) or urllib.parse.urlparse(url).hostname in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    with start_server(APPS / "media_app.py", port=free_port(), mode="kernel-per-visitor") as server:
        page = browser.new_context().new_page()
        page.route("**/*", route)
        page.goto(server.url)

        expect(page.locator(".gnb-plot svg .mark-line path").first).to_be_attached(timeout=90_000)
        expect(page.locator("img.gnb-plot-image")).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
        expect(page.locator(".gnb-model3d[data-drawn]")).to_have_count(1, timeout=60_000)
        expect(page.locator(".gnb-gallery img").first).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
        expect(page.locator(".gnb-gallery img").nth(1)).to_have_attribute("src", re.compile(r"^blob:"))
        expect(page.locator("audio").first).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
        image = page.locator("img.gnb-image-img")
        expect(image).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
        before = image.get_attribute("src")
        page.get_by_role("button", name="Flip").click()
        expect(image).not_to_have_attribute("src", before, timeout=10_000)
        page.screenshot(path=str(output_dir() / "voila-media.png"), full_page=True)
        assert outside == [], outside
        leave(page)


def test_gradio_nb_serve_a_notebook(browser):
    with start_server(ROOT / "notebooks" / "01_counter.ipynb", port=free_port(), mode="kernel-per-visitor") as server:
        page = open_app(browser, server.url)
        click(page, 2)
        expect(count_box(page)).to_have_value("Count: 2")
        leave(page)


def run_script(tmp_path: Path, body: str) -> subprocess.Popen:
    script = tmp_path / "app.py"
    script.write_text(COUNTER.read_text().replace("import gradio as gr", "import gradio_nb as gr").replace("demo.launch()", body))
    # Ctrl-C as in a terminal: a test run started in the background (`cmd &` in a script) has
    # SIGINT ignored, which its children would inherit (Python then has no KeyboardInterrupt).
    return subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        stdin=subprocess.DEVNULL, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def test_python_app_py_with_prevent_thread_lock_returns_a_closable_server(tmp_path):
    port = free_port()
    process = run_script(
        tmp_path,
        f'server = demo.launch(server_name="127.0.0.1", server_port={port}, prevent_thread_lock=True)\n'
        "import urllib.request\n"
        "print('status', urllib.request.urlopen(server.url).status)\n"
        "server.close()\nprint('closed', server.process.poll() is not None)\n",
    )
    out, _ = process.communicate(timeout=120)
    assert f"* Running on local URL:  http://127.0.0.1:{port}" in out
    assert "status 200" in out
    assert "closed True" in out


def test_python_app_py_blocks_until_interrupted(tmp_path):
    port = free_port()
    process = run_script(tmp_path, f"demo.launch(server_port={port})\nprint('after launch')")
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.strip() == f"* Running on local URL:  http://127.0.0.1:{port}"
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30).status == 200
        time.sleep(1)
        assert process.poll() is None  # still serving: launch() blocks
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=60)
    assert "after launch" in out  # Ctrl-C ends the server and launch() returns


@pytest.mark.parametrize("mode", ["kernel-per-visitor", "one-process"])
def test_browser_state_is_restored_when_the_page_reloads(browser, mode):
    """A reload is a new session (in Voila, a new kernel): what comes back was kept by the browser."""
    with start_server(APPS / "browser_state.py", port=free_port(), mode=mode) as server:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        name = page.locator(".gnb-textbox", has=page.locator(".gnb-label", has_text="Username")).locator("textarea")
        visits = page.locator(".gnb-number input")
        expect(visits).to_have_value("1", timeout=60_000)  # load ran, after the page sent nothing kept
        name.fill("Ada")
        page.wait_for_function("() => (localStorage.getItem('gradio_nb:' + location.pathname + ':voila-profile') || '').includes('Ada')")
        page.reload()
        expect(visits).to_have_value("2", timeout=60_000)
        expect(name).to_have_value("Ada")
        other = browser.new_context().new_page()  # another browser profile keeps its own
        other.goto(server.url)
        expect(other.locator(".gnb-number input")).to_have_value("1", timeout=60_000)
        expect(other.locator(".gnb-textbox textarea")).to_have_value("")
        leave(other)
        leave(page)
        context.close()


@pytest.mark.parametrize("mode", ["kernel-per-visitor", "one-process"])
def test_request_gives_the_visitors_headers_and_query(browser, mode):
    """gr.Request in a served app: the visitor's own headers and the page's query parameters."""
    with start_server(APPS / "request_app.py", port=free_port(), mode=mode) as server:
        page = browser.new_context(locale="fr-FR").new_page()
        page.goto(server.url + "?room=42")
        button = page.get_by_role("button", name="Who")
        expect(button).to_be_visible(timeout=60_000)
        button.click()
        box = page.locator(".gnb-textbox textarea")
        expect(box).to_have_value(re.compile(r"^Mozilla/5\.0 .* \| lang=fr-FR.* \| q=42$"), timeout=10_000)
        leave(page)


def _block_colours(page: Page) -> dict[str, str]:
    """The counter's field block background and its label colour, as computed."""
    field = page.locator(".gnb-textbox").first
    return field.evaluate(
        """el => { const label = el.querySelector('.gnb-label');
                   return {block: getComputedStyle(el).backgroundColor,
                           label: getComputedStyle(label).color,
                           body: getComputedStyle(document.body).backgroundColor}; }"""
    )


@pytest.mark.parametrize("mode", ["kernel-per-visitor", "one-process"])
def test_dark_voila_gives_a_dark_app_and_the_query_overrides_it(browser, mode):
    """Served with ``--theme dark`` (Voila's dark theme, or solara's), the app takes Gradio's
    dark values (neutral-800 blocks, neutral-200 labels); ``?__theme=light`` makes it light
    again, as in Gradio."""
    with start_server(COUNTER, port=free_port(), theme="dark", mode=mode) as server:
        page = open_app(browser, server.url)
        dark = _block_colours(page)
        assert dark["block"] == "rgb(39, 39, 42)"  # Gradio dark block-background-fill
        assert dark["label"] == "rgb(228, 228, 231)"  # Gradio dark block-title-text-color
        assert dark["body"] != "rgb(255, 255, 255)"  # the server's own page is dark too
        page.screenshot(path=str(output_dir() / "voila-dark.png"))
        page.context.close()
        page = open_app(browser, server.url + "?__theme=light")
        light = _block_colours(page)
        assert light["block"] == "rgb(255, 255, 255)"
        assert light["label"] == "rgb(113, 113, 122)"  # Gradio's neutral-500 label
        page.context.close()
