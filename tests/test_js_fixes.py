"""Page-side fixes checked under node with stand-ins (as tests/test_loader_upload.py does):
js/loader.js's ``load()`` tries a failed view module again, imports a module's kit (js/kit.js)
first and once, which keeps one <style> per module CSS, not one per cell; ``render`` hands the
view anywidget's props and the kit's helpers; the kit's ``upload()`` stops a batch the kernel
refused."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

JS = Path(__file__).resolve().parent.parent / "js"
NODE = shutil.which("node")

LOADER = r"""
// Blob URLs cannot be imported under node: a Blob's text travels as a data: URL instead.
const RealBlob = globalThis.Blob;
globalThis.Blob = class extends RealBlob {
  constructor(parts, options) { super(parts, options); this.source = parts.map(String).join(""); }
};
URL.createObjectURL = (blob) => `data:text/javascript,${encodeURIComponent(blob.source)}`;
URL.revokeObjectURL = () => {};
const head = { children: [], append(el) { this.children.push(el); },
  querySelectorAll(sel) { return this.children.filter((c) => "gradioNb" in c.dataset); } };
globalThis.document = { head, createElement: (tag) => ({ tag, dataset: {}, textContent: "" }) };

Promise.all([import(process.argv[2]), import(process.argv[3])]).then(async ([loader, { upload }]) => {
  const { load } = loader;
  const out = {};
  // -- load(): a failure is not cached; the kit once, first; one <style> per module CSS ---------
  const libs = {};
  const asked = {};
  let failNext = new Set(["a"]);
  const widget_manager = { get_model: (key) => {
    asked[key] = (asked[key] || 0) + 1;
    if (failNext.has(key)) { failNext.delete(key); return Promise.reject(new Error("not yet")); }
    return Promise.resolve(libs[key]);
  } };
  // A ViewModule model: every module but the kit names the kit.
  const lib = (name, css, code, kit = "IPY_MODEL_kit") => ({ widget_manager, get: (k) => ({ name, css, code, kit }[k]) });
  const view = (id) => ({ widget_manager, get: () => `IPY_MODEL_${id}` });
  libs.kit = lib("kit", "", require("fs").readFileSync(new URL(process.argv[3]), "utf8"), null);
  libs.a = lib("textbox", ".t{}", "export default { n: 1 }");
  libs.b = lib("textbox", ".t{}", "export default { n: 2 }");
  libs.c = lib("textbox", ".t{color:red}", "export default { n: 3 }");
  libs.d = lib("broken", "", "throw new Error('boom')");
  out.first = await load(view("a")).then(() => "ok", (e) => e.message);
  out.second = await load(view("a")).then(([m]) => m.default.n, (e) => e.message);
  out.askedA = asked.a;
  out.b = (await load(view("b")))[0].default.n;
  const before = head.children.length;
  libs.e = lib("textbox", ".t{}", "export default { n: 5 }");
  out.e = (await load(view("e")))[0].default.n;
  out.stylesSame = head.children.length - before;
  out.styles = head.children.length;
  out.c = (await load(view("c")))[0].default.n;
  out.stylesNew = head.children.length - out.styles;
  out.broken = [await load(view("d")).catch((e) => e.message), await load(view("d")).catch((e) => e.message)];
  out.askedD = asked.d;
  out.askedKit = asked.kit;

  // -- render(): the view gets anywidget's props and the kit's helpers bound to its model ------
  libs.r = lib("probe", "", "export default { render: (p) => p }");
  const probe = { widget_manager, get: (k) => (k === "_library" ? "" : "IPY_MODEL_r") };
  const props = await loader.default.render({ model: probe, el: "the element", experimental: 1 });
  out.props = Object.keys(props).sort();
  out.sameProps = props.model === probe && props.el === "the element" && props.experimental === 1;
  out.noLibrary = await props.library().catch((e) => e.message);

  // -- upload(): the kernel's refusal stops the batch under way --------------------------------
  const model = (refuseWith) => {
    const listeners = new Set();
    const m = { sent: [], listeners,
      on: (name, f) => name === "msg:custom" && listeners.add(f),
      off: (name, f) => listeners.delete(f),
      send(content) {
        this.sent.push(content);
        // the kernel refuses the first chunk (the whole size is declared): its answer arrives
        // before the next chunk goes
        if (this.sent.length === 1) setTimeout(() => listeners.forEach((f) => f(refuseWith(content))), 0);
      } };
    return m;
  };
  const big = new Uint8Array(3 * (1 << 20));
  const files = () => [new File([big], "big.bin"), new File(["x"], "small.txt")];
  const refused = model(() => ({ event: "upload_refused", message: "too big" }));
  await upload(refused, files());
  out.refused = refused.sent.map((c) => [c.index, c.done]);
  out.listenersAfter = refused.listeners.size;
  const other = model(() => ({ event: "upload_refused", message: "too big", batch: "another" }));
  await upload(other, files());
  out.otherBatch = other.sent.length;
  const fine = model(() => ({ event: "something_else" }));
  await upload(fine, files());
  out.fine = fine.sent.length;
  process.stdout.write(JSON.stringify(out));
});
"""


@pytest.fixture(scope="module")
def loader(tmp_path_factory):
    if NODE is None:
        pytest.skip("node is not installed")
    script = tmp_path_factory.mktemp("fixes") / "loader.cjs"
    script.write_text(LOADER)
    done = subprocess.run([NODE, str(script), (JS / "loader.js").as_uri(), (JS / "kit.js").as_uri()],
                          capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_view_module_that_failed_to_load_is_tried_again(loader):
    assert loader["first"] == "not yet"
    assert loader["second"] == 1 and loader["askedA"] == 2
    assert loader["broken"] == ["boom", "boom"] and loader["askedD"] == 2  # evaluated again, not cached


def test_the_kit_is_imported_once_for_every_module(loader):
    assert loader["askedKit"] == 1


def test_a_view_gets_the_props_and_the_kit_helpers(loader):
    assert loader["props"] == ["dropZone", "el", "emptyState", "experimental", "header", "icon", "iconButton", "library",
                               "model", "sourceBar", "upload", "uploadText", "webUrl"]
    assert loader["sameProps"]
    assert loader["noLibrary"] == "the view names no library"  # library() is bound to the view's model


def test_each_cell_module_reuses_the_style_of_the_same_css(loader):
    assert loader["b"] == 2 and loader["e"] == 5 and loader["styles"] == 1
    assert loader["stylesSame"] == 0  # another cell's module with the same CSS: no second <style>
    assert loader["c"] == 3 and loader["stylesNew"] == 1  # another version of the CSS: its own


def test_an_upload_the_kernel_refused_stops_sending(loader):
    assert loader["refused"] == [[0, False]]  # 3 MiB and a second file: only the first chunk went
    assert loader["listenersAfter"] == 0
    assert loader["otherBatch"] == 4  # a refusal naming another batch: every chunk goes
    assert loader["fine"] == 4  # 3 chunks of the big file, 1 of the small one
