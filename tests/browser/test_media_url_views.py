"""JupyterLab: media values given as http(s) URLs are loaded by the page itself, from a web
server on 127.0.0.1 started by the test (the kernel fetches nothing: every request the server
gets is the browser's). A Gallery's two thumbnails and an Image decode the served PNGs
(``naturalWidth`` is theirs), as do an ImageSlider and a Chatbot file message; an Image a
function fills with a URL shows it too; a Gallery naming a missing file builds and shows the
item as missing."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect
from web_server import serving, write_png

from .conftest import output_dir
from .test_choice import notebook
from .test_lab_notebooks import run_all

APP = '''
import gradio_nb as gr

with gr.Blocks() as demo:
    gallery = gr.Gallery(["{red}", ("{green}", "green")], columns=2, label="Web pictures")
    image = gr.Image("{red}", label="Web image")
    slider = gr.ImageSlider(("{red}", "{green}"), label="Web slider")
    chat = gr.Chatbot([{{"role": "assistant", "content": {{"path": "{green}"}}}}], label="Web chat")
    gone = gr.Gallery(["/no/such/folder/gone.png"], label="Gone")
    returned = gr.Image(label="Returned")
    show = gr.Button("Show")
    show.click(lambda: "{green}", None, returned)
demo
'''

#: The served pictures' widths (their heights differ too): what the page must decode.
RED, GREEN = (24, 16), (30, 20)


def natural_width(locator) -> int:
    return int(locator.evaluate("img => img.complete ? img.naturalWidth : 0"))


def test_url_values_are_loaded_by_the_page(lab, page: Page, tmp_path: Path) -> None:
    folder = tmp_path / "web"
    folder.mkdir()
    write_png(folder / "red.png", (220, 20, 20), RED)
    write_png(folder / "green.png", (20, 200, 20), GREEN)
    with serving(folder) as web:
        red, green = web.url("red.png"), web.url("green.png")
        (lab.root / "media_urls.ipynb").write_text(notebook(APP.format(red=red, green=green)))
        run_all(page, lab.notebook_url("media_urls.ipynb"))
        app = page.locator(".gradio-nb")
        expect(app).to_have_count(1, timeout=90_000)

        gallery = app.locator(".gnb-gallery", has=page.locator(".gnb-gallery-label", has_text="Web pictures"))
        thumbs = gallery.locator(".gnb-gallery-grid .gnb-gallery-thumb img")
        expect(thumbs).to_have_count(2, timeout=90_000)
        expect(thumbs.nth(0)).to_have_attribute("src", red)
        expect(thumbs.nth(1)).to_have_attribute("src", green)
        expect(thumbs.nth(0)).to_have_js_property("naturalWidth", RED[0], timeout=60_000)
        expect(thumbs.nth(1)).to_have_js_property("naturalWidth", GREEN[0], timeout=60_000)

        image = app.locator(".gnb-image", has=page.locator(".gnb-image-label", has_text="Web image")).locator("img")
        expect(image).to_have_attribute("src", red, timeout=60_000)
        expect(image).to_have_js_property("naturalWidth", RED[0], timeout=60_000)

        slider = app.locator(".gnb-slider")
        expect(slider.locator("img.gnb-slider-b")).to_have_attribute("src", green, timeout=60_000)
        expect(slider.locator("img.gnb-slider-b")).to_have_js_property("naturalWidth", GREEN[0], timeout=60_000)

        chat_image = app.locator("img.gnb-chat-file")
        expect(chat_image).to_have_attribute("src", green, timeout=60_000)
        expect(chat_image).to_have_js_property("naturalWidth", GREEN[0], timeout=60_000)

        gone = app.locator(".gnb-gallery", has=page.locator(".gnb-gallery-label", has_text="Gone"))
        expect(gone.locator(".gnb-gallery-missing")).to_have_text("gone.png: file not found", timeout=60_000)

        app.get_by_role("button", name="Show").click()
        returned = app.locator(".gnb-image", has=page.locator(".gnb-image-label", has_text="Returned")).locator("img")
        expect(returned).to_have_attribute("src", green, timeout=60_000)
        expect(returned).to_have_js_property("naturalWidth", GREEN[0], timeout=60_000)
        assert natural_width(thumbs.nth(0)) == RED[0]

        gallery.screenshot(path=str(output_dir() / "media_url_views.png"))
        # Every request came from the page: the kernel fetched nothing.
        assert {"/red.png", "/green.png"} <= set(web.hits)
        assert web.agents and all("Chrome" in agent for agent in web.agents), web.agents
    assert page.console_errors == [], page.console_errors
