"""Screenshot pairs: each seed example and a ChatInterface served by real Gradio (left) and shown
by gradio_nb in JupyterLab (right), light and dark, at the same viewport width.

A picture generator first: ``docs/screenshots/pair_<example>.png`` is for a person to compare.
What it asserts: both sides draw the app, and the same short interaction (typed with the same
labels, buttons found by the same names) gives the same visible result on both sides.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from scripts.look.pictures import compose, placeholder
from scripts.look.servers import gradio_server

from .conftest import ROOT, SCREENSHOTS, output_dir
from .pairs import CHAT_APP, FIELDS_APP
from .test_choice import notebook
from .test_lab_notebooks import run_all

VIEWPORT = {"width": 900, "height": 700}
# Apps taller than the viewport get a taller one on both sides (a shot must see all of it).
TALL = {"form_fields": 1300}
SEED = sorted((ROOT / "examples" / "seed").glob("*.py"))

# One interaction per app, the same on both sides. Steps: ("click", button name),
# ("fill", field, text), ("press", field, key), ("value", field, expected value),
# ("text", shown text). A field is its label, or "placeholder:<text>" when it has none.
Step = tuple[str, ...]
INTERACTIONS: dict[str, list[Step]] = {
    "01_counter": [("click", "Increment"), ("value", "Current Count", "Count: 1"),
                   ("click", "Increment"), ("value", "Current Count", "Count: 2")],
    "02_chat_history": [("fill", "placeholder:Type a message...", "Hello there"),
                        ("press", "placeholder:Type a message...", "Enter"), ("text", "Hello there")],
    "03_multi_step": [("fill", "Name", "Ada"), ("click", "Submit Name"),
                      ("value", "Status", "Hello Ada! Now enter your age.")],
    "04_click_counter": [("click", "Click Me!"), ("value", "Click History", "Click #1"),
                         ("click", "Click Me!"), ("value", "Click History", "Click #1\nClick #2")],
    "05_interface_state": [("fill", "text", "one"), ("click", "Submit"), ("value", "output 0", "one")],
    "06_complex_state": [("click", "Initialize Session"), ("value", "Status", "Session initialized"),
                         ("fill", "Message", "hi"), ("click", "Add Message"), ("value", "Status", "Total messages: 1")],
    "07_hidden_counter": [("click", "Increment"), ("value", "Count", "1"),
                          ("click", "Increment"), ("value", "Count", "2")],
    "08_visible_history": [("fill", "Add Entry", "first"), ("click", "Add"), ("value", "History", "\nfirst")],
    "11_reset": [("click", "Increment"), ("value", "Messages", "Count: 1")],
    "15_conditional": [("fill", "Value", "15"), ("click", "Check and Add"), ("value", "Status", "Added 15 to state")],
    "16_chain": [("fill", "Input", "hello"), ("click", "Process"), ("value", "After Step 2", "HELLO!!!")],
    "chat_interface": [("fill", "placeholder:Type a message...", "Hello"),
                       ("press", "placeholder:Type a message...", "Enter"),
                       ("text", "You said: Hello. That makes 1 message(s).")],
    "form_fields": [("fill", "Note", "hot"), ("click", "Order"),
                    ("value", "Summary", "2 x Medium, Pick up, Cheese, extras 3: hot")],
}


def field(root: Locator, name: str) -> Locator:
    if name.startswith("placeholder:"):
        return root.get_by_placeholder(name.split(":", 1)[1], exact=True)
    # By accessible name, not get_by_label: gradio_nb's <label> also holds the (hidden) Copy
    # button, whose text Playwright's label matching counts.
    return root.get_by_role("textbox", name=name, exact=True).or_(root.get_by_role("spinbutton", name=name, exact=True))


def interact(root: Locator, steps: list[Step]) -> None:
    """Play ``steps`` in ``root``; every click waits for its result before the next one
    (Gradio drops a click made while the previous one still runs)."""
    for kind, *args in steps:
        if kind == "click":
            root.get_by_role("button", name=args[0], exact=True).click()
        elif kind == "fill":
            field(root, args[0]).fill(args[1])
        elif kind == "press":
            field(root, args[0]).press(args[1])
        elif kind == "value":
            expect(field(root, args[0])).to_have_value(args[1], timeout=20_000)
        elif kind == "text":
            expect(root.get_by_text(args[0], exact=True).first).to_be_visible(timeout=20_000)


def cases() -> list[tuple[str, Path | None]]:
    return [(p.stem, p) for p in SEED] + [("chat_interface", None), ("form_fields", None)]


@pytest.fixture
def context(browser) -> Iterator[BrowserContext]:
    """A 900×700 context that reaches 127.0.0.1 only (both sides must draw offline)."""
    context = browser.new_context(viewport=VIEWPORT)
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")) else route.abort())
    yield context
    context.close()


def button_texts(root: Locator) -> set[str]:
    """The labels of the visible buttons that have text (icon buttons have none)."""
    return {t.strip() for t in root.get_by_role("button").filter(visible=True).all_inner_texts() if t.strip()}


def gradio_side(context: BrowserContext, url: str, steps: list[Step], stem: str) -> tuple[dict[str, Path], set[str]]:
    shots: dict[str, Path] = {}
    buttons: set[str] = set()
    for theme in ("light", "dark"):
        page = context.new_page()
        page.set_viewport_size({**VIEWPORT, "height": TALL.get(stem, VIEWPORT["height"])})
        page.goto(f"{url}/?__theme={theme}")
        main = page.locator("main").first
        expect(main).to_be_visible(timeout=60_000)
        # Gradio's page says "Loading..." until it has its config: no shot (nor clicks) before.
        page.wait_for_function("() => !document.body.innerText.includes('Loading...')", timeout=60_000)
        page.evaluate("document.fonts.ready.then(() => true)")
        interact(main, steps)
        # the page's own events (demo.load) done: no status tracker still showing
        page.wait_for_function(
            "() => !document.querySelector('main .wrap:not(.hide) :is(.meta-text, .meta-text-center, .progress-text, .eta-bar)')",
            timeout=30_000,
        )
        page.mouse.move(0, 0)  # no button left in its hover colour by the last click
        shots[theme] = output_dir() / f"pair-{stem}-gradio-{theme}.png"
        main.screenshot(path=str(shots[theme]), animations="disabled")
        buttons = button_texts(main)
        page.close()
    return shots, buttons


def set_lab_theme(page: Page, dark: bool) -> None:
    theme = "JupyterLab Dark" if dark else "JupyterLab Light"
    page.evaluate(f"window.jupyterapp.commands.execute('apputils:change-theme', {{theme: {json.dumps(theme)}}})")
    page.wait_for_function(f"() => document.body.dataset.jpThemeLight === '{'false' if dark else 'true'}'", timeout=30_000)
    # the theme's stylesheet is swapped after the attribute: wait until the page paints with it
    page.wait_for_function(
        f"() => getComputedStyle(document.body).getPropertyValue('--jp-layout-color0').trim() {'!=' if dark else '=='} 'white'",
        timeout=30_000,
    )
    page.evaluate("document.fonts.ready.then(() => true)")


def gnb_side(page: Page, lab, source: str, steps: list[Step], stem: str) -> dict[str, Path]:
    name = f"pair_{stem}.ipynb"
    page.set_viewport_size({**VIEWPORT, "height": TALL.get(stem, VIEWPORT["height"])})
    (lab.root / name).write_text(notebook(source))
    run_all(page, lab.notebook_url(name))
    page.evaluate("() => { window.jupyterapp.shell.collapseLeft(); window.jupyterapp.shell.collapseRight(); }")
    apps = page.locator(".gradio-nb")
    expect(apps).to_have_count(1, timeout=30_000)
    app = apps.first
    interact(app, steps)
    expect(app.locator(".gnb-pending")).to_have_count(0, timeout=30_000)  # demo.load done
    page.mouse.move(0, 0)  # as on Gradio's side: no hover colour
    shots: dict[str, Path] = {}
    try:
        for theme in ("light", "dark"):
            set_lab_theme(page, theme == "dark")
            shots[theme] = output_dir() / f"pair-{stem}-gnb-{theme}.png"
            if app.is_visible():
                app.screenshot(path=str(shots[theme]), animations="disabled")
            else:
                placeholder(shots[theme], "gradio_nb: an app of States only draws nothing", theme == "dark")
    finally:
        set_lab_theme(page, False)  # the JupyterLab of the other tests stays light
    return shots


@pytest.mark.parametrize("stem,script", cases(), ids=[c[0] for c in cases()])
def test_gradio_and_gradio_nb_side_by_side(lab, context: BrowserContext, tmp_path, stem: str, script: Path | None) -> None:
    if script is None:
        script = tmp_path / f"{stem}.py"
        script.write_text({"chat_interface": CHAT_APP, "form_fields": FIELDS_APP}[stem])
    steps = INTERACTIONS.get(stem, [])
    with gradio_server(script, output_dir() / f"gradio-{stem}.log") as url:
        gradio, gradio_buttons = gradio_side(context, url, steps, stem)

    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    source = (
        "from gradio_nb.testing import run_script\n"
        f"demo = run_script({str(script)!r})['demo']\n"
        "demo\n"
    )
    gnb = gnb_side(page, lab, source, steps, stem)
    # Both drew the app: the buttons Gradio shows with a text are gradio_nb's too (but
    # Interface's Flag: flagging is a server feature gradio_nb leaves out; and a Slider's
    # reset, not drawn yet).
    gnb_buttons = button_texts(page.locator(".gradio-nb").first)
    assert gradio_buttons - {"Flag", "↺"} <= gnb_buttons, (gradio_buttons, gnb_buttons)
    assert [e for e in errors if "favicon" not in e] == [], errors

    out = compose([(gradio["light"], gnb["light"], False), (gradio["dark"], gnb["dark"], True)],
                  SCREENSHOTS / f"pair_{stem}.png")
    assert out.exists()
