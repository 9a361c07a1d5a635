"""HTML safety: user-supplied text shown as HTML (Chatbot, Markdown) goes through a maintained
sanitizer (nh3), so scripts, ``on*`` attributes, ``javascript:`` links and iframes never
reach the page.

Headless: ``gradio_nb.markdown.to_safe_html`` and the components' rendered HTML, for every
vector in ``apps/sanitize_app.py`` and for random mixes of them (hypothesis).
Browser: the app served by Voila, every vector typed in by a person; ``window.__pwned`` (which
every vector sets if it runs) must stay undefined and the app's DOM must hold no script,
iframe, ``on*`` attribute or ``javascript:`` link. The number of cases tried is printed.
"""

from __future__ import annotations

import html
import importlib.util
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gradio_nb as gr
from gradio_nb.markdown import sanitize, to_safe_html
from figures import record_figure

APPS = Path(__file__).resolve().parent / "apps"
APP = APPS / "sanitize_app.py"


def load_app():
    spec = importlib.util.spec_from_file_location("sanitize_app", APP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


APP_MODULE = load_app()
ATTACKS: list[str] = APP_MODULE.ATTACKS
CASES = {"headless": 0, "browser": 0}




# -- what "safe" means, checked on the HTML a sanitizer produced ----------------------------------
FORBIDDEN_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "style", "link",
    "meta", "base", "form", "svg", "math", "template", "noscript", "xmp", "body", "html", "head",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "data", "background", "poster", "lowsrc", "dynsrc", "ping"}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript):", re.IGNORECASE)


def scheme_of(value: str) -> str:
    """A URL as a browser reads it: entities decoded, whitespace and control chars dropped."""
    decoded = html.unescape(value)
    return "".join(ch for ch in decoded if ch > " " and ch != "\x7f")


class SafetyCheck(HTMLParser):
    """Collects every way the given HTML could run code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and BAD_SCHEME.match(scheme_of(value)):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style" and re.search(r"javascript:|expression\(|url\(", scheme_of(value), re.IGNORECASE):
                self.problems.append(f"<{tag} style={value!r}>")


def problems(markup: str) -> list[str]:
    """Every tag or attribute in ``markup`` that could run code (empty when safe)."""
    checker = SafetyCheck()
    checker.feed(markup)
    checker.close()
    return checker.problems


def test_the_checker_catches_what_it_should():
    """The safety check itself: unsanitized attacks are flagged (so a pass means something)."""
    flagged = [a for a in ATTACKS if problems(a)]
    assert len(flagged) >= len(ATTACKS) * 3 // 4, f"only {len(flagged)} of {len(ATTACKS)} raw vectors flagged"
    assert problems('<a href="java&#x09;script:x()">x</a>')
    assert problems('<a href="&#106;avascript:x()">x</a>')
    assert problems("<img src=x onerror=x()>")
    assert not problems("<p>hello <em>world</em> &lt;script&gt;</p>")


# -- headless: the sanitizer and the components -------------------------------------------------
@pytest.mark.parametrize("attack", ATTACKS, ids=range(len(ATTACKS)))
def test_to_safe_html_neutralises(attack):
    for markup in (to_safe_html(attack), to_safe_html(attack, render_markdown=False), sanitize(attack)):
        assert problems(markup) == [], f"{attack!r} -> {markup!r}"
        CASES["headless"] += 1


@pytest.mark.parametrize("attack", ATTACKS, ids=range(len(ATTACKS)))
def test_components_render_attacks_safely(attack):
    """What the kernel sends to the page for Markdown and Chatbot (both render modes)."""
    with gr.Blocks() as demo:
        md = gr.Markdown(attack, label=attack)
        chat = gr.Chatbot([{"role": "user", "content": attack}, {"role": "assistant", "content": attack}])
        plain = gr.Chatbot([{"role": "user", "content": attack}], render_markdown=False)
        empty = gr.Chatbot(placeholder=attack)
        data = gr.JSON({"text": attack})
    sess = demo.session()
    shown = [
        sess.widget(md).value,
        *(m["html"] for m in sess.widget(chat).messages),
        *(m["html"] for m in sess.widget(plain).messages),
        sess.widget(empty).placeholder,
        sess.widget(data).value,
    ]
    for markup in shown:
        assert problems(markup) == [], f"{attack!r} -> {markup!r}"
        CASES["headless"] += 1
    sess.close()


def test_plain_chatbot_shows_the_text_escaped():
    """``render_markdown=False``: the attack is shown as the literal text the user typed."""
    attack = ATTACKS[1]
    assert html.unescape(to_safe_html(attack, render_markdown=False)) == attack


def test_harmless_markdown_survives():
    """The sanitizer keeps what Markdown is for: emphasis, links, code, tables, images."""
    out = to_safe_html("**bold** [site](https://example.com) `code` ![alt](https://example.com/a.png)\n\n| a |\n|---|\n| 1 |")
    for piece in ("<strong>bold</strong>", 'href="https://example.com"', "<code>code</code>", 'src="https://example.com/a.png"', "<table>"):
        assert piece in out, out


fragments = st.sampled_from(ATTACKS) | st.sampled_from(["<", ">", '"', "'", "=", "/", "&#", ";", "javascript:", "on", "error", "\n", "`", "[", "](", ")"]) | st.text(max_size=6)


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(fragments, min_size=1, max_size=8))
def test_random_mixes_of_attacks_stay_safe(parts):
    text = "".join(parts)
    for markup in (to_safe_html(text), to_safe_html(text, render_markdown=False)):
        assert problems(markup) == [], f"{text!r} -> {markup!r}"
    CASES["headless"] += 2


def test_report_headless_cases():
    record_figure("sanitizer_cases_headless", f"{CASES['headless']} rendered outputs checked ({len(ATTACKS)} vectors)")
    assert CASES["headless"] > len(ATTACKS)


# -- in the browser ----------------------------------------------------------------------------------
DOM_REPORT = """() => {
    const root = document.querySelector('.gradio-nb');
    if (!root) return null;
    // The views' own icons (inline SVG of constant shapes, class gnb-icon) are not content.
    const all = [...root.querySelectorAll('*')].filter(e => !e.closest('.gnb-chat-action, .gnb-icon'));
    const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'data', 'background', 'poster'];
    const bad = /^(javascript|vbscript|data):/i;
    const clean = (v) => [...v].filter(c => c > ' ' && c !== '\\x7f').join('');
    return {
        pwned: typeof window.__pwned,
        dangerous: all.filter(e => ['SCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'BASE', 'META',
            'FORM', 'SVG', 'MATH', 'TEMPLATE', 'NOSCRIPT', 'svg', 'math'].includes(e.tagName)).map(e => e.outerHTML.slice(0, 120)),
        iframesInDocument: document.querySelectorAll('iframe, frame, object, embed').length,
        onAttributes: all.flatMap(e => [...e.attributes].filter(a => a.name.toLowerCase().startsWith('on'))
            .map(a => `${e.tagName} ${a.name}`)),
        badUrls: all.flatMap(e => urlAttrs.filter(n => e.hasAttribute(n) && bad.test(clean(e.getAttribute(n))))
            .map(n => `${e.tagName} ${n}=${e.getAttribute(n)}`)),
        bubbles: root.querySelectorAll('.gnb-bubble').length,
        text: root.innerText,
    };
}"""


@pytest.fixture(scope="module")
def sanitize_server():
    from gradio_nb.serve import start_server

    from .conftest import free_port

    server = start_server(APP, port=free_port(), mode="kernel-per-visitor")
    yield server
    server.close()


def test_attacks_never_run_in_the_browser(browser, sanitize_server):
    from playwright.sync_api import expect

    from .conftest import output_dir

    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(sanitize_server.url)
    box = page.locator(".gnb-textbox", has=page.locator(".gnb-label", has_text="Message")).locator("textarea")
    expect(box).to_be_visible(timeout=60_000)
    initial = len(ATTACKS) * 2  # the Chat and the Plain chatbot start with every vector
    bubbles = page.locator(".gradio-nb .gnb-bubble")
    expect(bubbles).to_have_count(initial, timeout=30_000)
    tried = initial + 2  # + the Markdown holding all of them, + the placeholder
    show = page.get_by_role("button", name="Show as Markdown")
    for i, attack in enumerate(ATTACKS):
        box.fill(attack)
        show.click()  # renders the typed text in the second Markdown
        box.press("Enter")  # echoes it into the chat, as the user's message and the reply
        expect(bubbles).to_have_count(initial + 2 * (i + 1), timeout=15_000)
        tried += 3
    box.fill(ATTACKS[1])
    page.get_by_role("button", name="Fail").click()  # gr.Error with the user's text
    expect(page.locator(".gnb-alert-error")).to_contain_text("onerror", timeout=15_000)
    tried += 1
    time.sleep(1.5)  # let failed image loads fire their error events
    report = page.evaluate(DOM_REPORT)
    page.screenshot(path=str(output_dir() / "sanitize.png"), full_page=True)
    CASES["browser"] = tried
    record_figure(
        "sanitizer_cases_browser",
        f"{tried} attack renderings in the page ({len(ATTACKS)} vectors), window.__pwned is {report['pwned']}, "
        f"dangerous elements {len(report['dangerous'])}, on* attributes {len(report['onAttributes'])}, "
        f"javascript:/data: URLs {len(report['badUrls'])}, alert dialogs {len(dialogs)}",
    )
    context.close()
    assert report["pwned"] == "undefined", "an attack ran: window.__pwned was set"
    assert dialogs == []
    assert report["dangerous"] == []
    assert report["iframesInDocument"] == 0
    assert report["onAttributes"] == []
    assert report["badUrls"] == []
    # the attacks did reach the page, as text: the test is not vacuous
    assert report["bubbles"] == initial + 2 * len(ATTACKS)
    for visible in ("click me", "markdown link", "You said:", "<script>window.__pwned=1</script>"):
        assert visible in report["text"], visible
