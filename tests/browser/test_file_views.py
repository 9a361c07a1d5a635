"""The file components in JupyterLab: a file chosen in the page reaches the function as a path
with its content; a returned file is listed with its size and downloads on click (its bytes
sent then); a DownloadButton saves its file; an UploadButton's files reach the function."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import output_dir
from .test_choice import field, notebook
from .test_lab_notebooks import run_all

APP = '''
import tempfile
from pathlib import Path
import gradio_nb as gr

made = Path(tempfile.mkdtemp()) / "result.txt"
made.write_bytes(b"made in the kernel " * 100)

with gr.Blocks() as demo:
    chosen = gr.File(label="Your file")
    result = gr.File(label="Result")
    seen = gr.Textbox(label="Seen")
    make = gr.Button("Make")
    save = gr.DownloadButton("Save it", str(made))
    pick = gr.UploadButton("Pick files", file_count="multiple")
    chosen.upload(lambda p: f"got {Path(p).name}: {Path(p).read_text()}", chosen, seen)
    make.click(lambda: str(made), None, result)

    def downloaded(evt: gr.DownloadData):
        return f"downloaded {evt.file.orig_name}"

    result.download(downloaded, None, seen)
    pick.upload(lambda files: "picked " + ",".join(Path(p).name + "=" + Path(p).read_text() for p in files), pick, seen)
demo
'''


def test_files_upload_and_download_in_the_page(lab, page: Page, tmp_path) -> None:
    (lab.root / "file_views.ipynb").write_text(notebook(APP))
    run_all(page, lab.notebook_url("file_views.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    seen = field(app, "Seen")

    # Drawn as Gradio 6.31's (heights measured there by scripts/look at 1280 px): an empty
    # upload is its dashed prompt under the label badge, an empty output its empty state
    chosen = app.locator(".gnb-file", has=page.locator(".gnb-file-label", has_text="Your file"))
    result = app.locator(".gnb-file", has=page.locator(".gnb-file-label", has_text="Result"))
    for block, height in ((chosen, 242), (result, 263.8)):
        expect(block.locator(".gnb-badge")).to_be_visible(timeout=15_000)
        box = block.bounding_box()
        assert box and abs(box["height"] - height) <= 2, (height, box)
    expect(chosen.locator(".gnb-upload-text")).to_contain_text("Drop File Here")
    expect(result.locator(".gnb-empty")).to_be_visible()

    # File: choose a file; the function receives its path, with the content
    doc = tmp_path / "notes.txt"
    doc.write_text("hello from the page")
    chosen.locator("input[type=file]").set_input_files(str(doc))
    expect(seen).to_have_value("got notes.txt: hello from the page", timeout=15_000)
    expect(chosen.locator(".gnb-file-download")).to_have_text("notes.txt")

    # A returned file: listed with its size; a click downloads its bytes, and fires download
    app.get_by_role("button", name="Make").click()
    expect(result.locator(".gnb-file-download")).to_have_text("result.txt", timeout=15_000)
    expect(result.locator(".gnb-file-size")).to_have_text("1.9 KB")
    with page.expect_download() as info:
        result.locator(".gnb-file-download").click()
    download = info.value
    assert download.suggested_filename == "result.txt"
    assert open(download.path(), "rb").read() == b"made in the kernel " * 100
    expect(seen).to_have_value("downloaded result.txt", timeout=10_000)

    # DownloadButton: a click saves its file
    with page.expect_download() as info:
        app.get_by_role("button", name="Save it").click()
    assert open(info.value.path(), "rb").read() == b"made in the kernel " * 100

    # UploadButton: the picker opens on click; the files chosen reach the function
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("A")
    b.write_text("B")
    with page.expect_file_chooser() as chooser:
        app.get_by_role("button", name="Pick files").click()
    chooser.value.set_files([str(a), str(b)])
    expect(seen).to_have_value("picked a.txt=A,b.txt=B", timeout=15_000)

    page.screenshot(path=str(output_dir() / "file_views.png"), full_page=True)
    assert page.console_errors == [], page.console_errors
