"""Finding each component on a page and measuring it (Playwright, in the page's own JS).

Gradio's page: the served app gives each block the class ``gradio-look-<id>``, which
Gradio puts on the block's element (Gradio 6.31 gives it no id of its own). gradio_nb's
page: the served app tags each block's widget with the class ``gnb-look-<id>`` (see
``tagged_app.py``). Either way the page is waited on until it is
loaded, its fonts are ready, its images are in and its layout holds still, then measured
with the viewport made as tall as the page (no inner scrolling: page coordinates are the
full-page screenshot's).
"""

from __future__ import annotations

import time
from typing import Any

from playwright.sync_api import Page

from .compare import Measure

WIDTH = 1280
HEIGHT = 1000
#: The tallest viewport a page is given (a runaway page is cut there).
MAX_HEIGHT = 12000

# For each target ({key, selectors}), the first element a selector finds, its box in page
# coordinates and its computed look. ``checkVisibility`` says whether CSS shows it (an
# ancestor's display:none, a closed tab or accordion); a box of no area is not visible either.
MEASURE_JS = """
(targets) => targets.map((t) => {
  let el = null;
  for (const s of t.selectors) { try { el = document.querySelector(s); } catch (e) {} if (el) break; }
  if (!el) return {key: t.key, found: false, visible: false, box: null, style: {}};
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const shown = el.checkVisibility({visibilityProperty: true}) && r.width > 0 && r.height > 0;
  return {
    key: t.key, found: true, visible: shown,
    box: [r.x + window.scrollX, r.y + window.scrollY, r.width, r.height].map((v) => Math.round(v * 10) / 10),
    style: {
      font_family: cs.fontFamily, font_size: cs.fontSize, font_weight: cs.fontWeight,
      color: cs.color, background: cs.backgroundColor,
      border_width: cs.borderTopWidth, border_color: cs.borderTopColor, border_radius: cs.borderTopLeftRadius,
    },
  };
})
"""

# What stays the same once the page has settled: every box of the targets and the page height.
SIGNATURE_JS = """
(selectors) => JSON.stringify([document.documentElement.scrollHeight, ...selectors.map((s) => {
  const el = document.querySelector(s); if (!el) return null;
  const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round);
})])
"""

# How tall the page's content is: the document, or the lowest of the targets and the app's
# root (an app drawn in an inner scrolling box makes the document no taller than the window).
CONTENT_HEIGHT_JS = """
(selectors) => Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0,
  ...selectors.map((s) => { const el = document.querySelector(s); if (!el) return 0;
    const r = el.getBoundingClientRect(); return r.bottom + window.scrollY + Math.max(0, el.scrollHeight - r.height); }))
"""

FONTS_AND_IMAGES_JS = """
() => document.fonts.status === 'loaded' && Array.from(document.images).every((i) => i.complete)
"""

#: Gradio's page is ready: its config arrived ("Loading..." gone), its root is drawn and no
#: status tracker shows pending work (a demo.load still running).
GRADIO_READY_JS = """
() => document.querySelector('.gradio-container main.contain') !== null
  && !document.body.innerText.includes('Loading...')
  && !document.querySelector('.wrap:not(.hide) :is(.meta-text, .meta-text-center, .progress-text, .eta-bar)')
"""

#: gradio_nb's page is ready: the app's root is drawn and no event (demo.load) is pending.
GNB_READY_JS = """
() => document.querySelector('.gradio-nb') !== null && document.querySelector('.gnb-pending') === null
"""


def gradio_selectors(key: str) -> list[str]:
    """Where Gradio's page draws a component: the element with the class its served app gave
    it (``gradio-look-<id>``, see ``servers.SERVE``)."""
    return [f".gradio-look-{key}"]


def gnb_selectors(key: str) -> list[str]:
    return [f".gnb-look-{key}"]


def wait_ready(page: Page, ready_js: str, selectors: list[str], deadline_s: float) -> None:
    """Wait until ``ready_js`` holds, fonts and images are in, and two readings of the
    layout 0.5 s apart agree (animations, late fonts, images that size their box); the last
    condition gives up quietly after its share of the deadline (a page that never holds
    still, e.g. a spinner, is measured as it is)."""
    end = time.monotonic() + deadline_s
    page.wait_for_function(ready_js, timeout=deadline_s * 1000)
    page.wait_for_function(FONTS_AND_IMAGES_JS, timeout=max(1.0, end - time.monotonic()) * 1000)
    still_until = min(end, time.monotonic() + 15)
    last = None
    while time.monotonic() < still_until:
        now = page.evaluate(SIGNATURE_JS, selectors)
        if now == last:
            return
        last = now
        page.wait_for_timeout(500)


def measure_page(page: Page, targets: list[dict[str, Any]], ready_js: str, root: str, deadline_s: float) -> list[Measure]:
    """Measure each target (a ranked item with ``type``, ``index``, ``key``, ``name``,
    ``elem_id`` and its ``selectors``) once the page is ready, with the viewport as tall as
    the page; ``root`` is the app's root element (included in the page height)."""
    selectors = [t["selectors"][0] for t in targets if t["selectors"]] + [root]
    wait_ready(page, ready_js, selectors, deadline_s)
    height = page.evaluate(CONTENT_HEIGHT_JS, selectors)
    wanted = int(min(MAX_HEIGHT, max(HEIGHT, height)))
    if wanted != page.viewport_size["height"]:  # type: ignore[index]
        page.set_viewport_size({"width": WIDTH, "height": wanted})
        wait_ready(page, ready_js, selectors, deadline_s / 2)
    page.evaluate("window.scrollTo(0, 0)")
    found = {m["key"]: m for m in page.evaluate(MEASURE_JS, [{"key": t["key"], "selectors": t["selectors"]} for t in targets])}
    measures = []
    for t in targets:
        m = found[t["key"]]
        measures.append(
            Measure(t["type"], t["index"], t["key"], t.get("name"), t.get("elem_id"), m["found"], m["visible"],
                    tuple(m["box"]) if m["box"] else None, m["style"])  # fmt: skip
        )
    return measures


def box_of(page: Page, selector: str) -> list[float] | None:
    """The page-coordinate box of the first element ``selector`` finds (the app's frame)."""
    return page.evaluate(
        """(s) => { const el = document.querySelector(s); if (!el) return null; const r = el.getBoundingClientRect();
        return [r.x + window.scrollX, r.y + window.scrollY, r.width, r.height].map((v) => Math.round(v)); }""",
        selector,
    )
