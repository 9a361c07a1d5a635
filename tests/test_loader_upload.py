"""The page side of uploads, written once in js/kit.js and given to every view that takes
files: ``upload(files, extra)`` sends the chunked ``upload`` messages gradio_nb/uploads.py
reads (run under node with a stand-in model), and ``dropZone(...)`` wires a picker, clicks,
drag-and-drop and paste (with stand-in elements). The kernel side reads the very messages the
page sent."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from gradio_nb.uploads import Uploads

JS = Path(__file__).resolve().parent.parent / "js"
NODE = shutil.which("node")
MB = 1 << 20

SCRIPT = r"""
import(process.argv[2]).then(async ({ upload, dropZone }) => {
  const sent = [];
  const model = { send: (content, _callbacks, buffers) => sent.push({ content, buffers }) };
  const record = (messages) => messages.map(({ content, buffers }) => ({
    ...content, bytes: buffers.map((b) => b.byteLength), sum: buffers.reduce((s, b) => s + new Uint8Array(b).reduce((a, x) => a + x, 0), 0),
    data: buffers.map((b) => Buffer.from(b).toString("hex")).join(""),
  }));
  const big = new Uint8Array(2.5 * (1 << 20)).map((_x, i) => (i * 7) % 251);
  const out = {};

  const pending = upload(model, [new File([big], "big.bin", { type: "application/octet-stream" })]);
  out.before_resolve = sent.length;  // nothing is sent before the file is read
  await pending;
  out.big = record(sent.splice(0)).map(({ data, ...m }) => m);
  out.bigHex = Buffer.from(big).toString("hex").slice(0, 64);

  await upload(model, [new File(["hello"], "a.txt", { type: "text/plain" }), new File([""], "empty.csv", { type: "text/csv" })],
    { source: "upload" });
  out.pair = record(sent.splice(0));

  await upload(model, [new Blob(["RIFF"], { type: "audio/wav" })], { name: "audio.wav", source: "record" });
  await upload(model, [new Blob(["x"])]);
  await upload(model, []);
  out.nameless = record(sent.splice(0));

  // dropZone with stand-in elements: events are plain objects handed to the listeners.
  const element = () => {
    const listeners = {};
    const classes = new Set();
    return {
      listeners, classes, clicks: 0, value: "picked", files: [],
      addEventListener: (type, f) => (listeners[type] ??= []).push(f),
      fire: (type, e = {}) => { e.preventDefault = () => { e.prevented = true; }; (listeners[type] || []).forEach((f) => f(e)); return e; },
      classList: { add: (c) => classes.add(c), remove: (c) => classes.delete(c), has: (c) => classes.has(c) },
      click() { this.clicks += 1; },
    };
  };
  let open = true;
  let pastes = true;
  const got = [];
  const zone = element(), picker = element(), clicker = element();
  dropZone({ zone, accepts: () => open, onFiles: (files) => got.push(files.map((f) => f.name)), dragClass: "drag",
    picker, clickers: [clicker], paste: () => pastes });
  const f1 = new File(["1"], "one.png"), f2 = new File(["2"], "two.png");
  const dz = {};
  dz.textDrag = zone.fire("dragover", { dataTransfer: { types: ["text/plain"] } }).prevented ?? false;
  dz.fileDrag = zone.fire("dragover", { dataTransfer: { types: ["Files"] } }).prevented ?? false;
  dz.classWhileDragging = zone.classList.has("drag");
  zone.fire("dragleave");
  dz.classAfterLeave = zone.classList.has("drag");
  zone.fire("dragover", { dataTransfer: { types: ["Files"] } });
  dz.drop = zone.fire("drop", { dataTransfer: { files: [f1, f2] } }).prevented ?? false;
  dz.classAfterDrop = zone.classList.has("drag");
  clicker.fire("click");
  dz.pickerClicks = picker.clicks;
  picker.files = [f2];
  picker.fire("change");
  dz.pickerValue = picker.value;
  dz.focusable = zone.tabIndex;
  zone.fire("paste", { clipboardData: { files: [f1] } });
  pastes = false;
  dz.pasteOff = zone.fire("paste", { clipboardData: { files: [f1] } }).prevented ?? false;
  open = false;
  dz.closedDrag = zone.fire("dragover", { dataTransfer: { types: ["Files"] } }).prevented ?? false;
  dz.closedDrop = zone.fire("drop", { dataTransfer: { files: [f1] } }).prevented ?? false;
  clicker.fire("click");
  dz.closedClicks = picker.clicks;
  dz.got = got;
  out.dropZone = dz;
  process.stdout.write(JSON.stringify(out));
});
"""


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    if NODE is None:
        pytest.skip("node is not installed")
    script = tmp_path_factory.mktemp("loader") / "upload.cjs"
    script.write_text(SCRIPT)
    done = subprocess.run([NODE, str(script), (JS / "kit.js").as_uri()], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_big_file_goes_in_one_mebibyte_chunks_with_its_whole_size(run):
    big = run["big"]
    assert run["before_resolve"] == 0
    assert [m["bytes"] for m in big] == [[MB], [MB], [MB // 2]]
    assert [m["done"] for m in big] == [False, False, True]
    assert {m["batch"] for m in big} == {big[0]["batch"]}
    for m in big:
        assert (m["event"], m["index"], m["count"], m["name"], m["type"], m["size"]) == (
            "upload", 0, 1, "big.bin", "application/octet-stream", 5 * MB // 2)
    expected = sum((i * 7) % 251 for i in range(5 * MB // 2))
    assert sum(m["sum"] for m in big) == expected  # every byte, once


def test_a_batch_of_two_files_goes_one_file_after_the_other(run):
    pair = run["pair"]
    assert [(m["index"], m["count"], m["name"], m["type"], m["size"], m["done"], m["source"]) for m in pair] == [
        (0, 2, "a.txt", "text/plain", 5, True, "upload"),
        (1, 2, "empty.csv", "text/csv", 0, True, "upload"),  # an empty file: one empty chunk
    ]
    assert pair[0]["data"] == b"hello".hex() and pair[1]["bytes"] == [0]
    assert pair[0]["batch"] == pair[1]["batch"] != run["big"][0]["batch"]


def test_a_nameless_blob_takes_the_given_name_or_file(run):
    nameless = run["nameless"]
    assert len(nameless) == 2  # an empty list sends nothing
    assert (nameless[0]["name"], nameless[0]["type"], nameless[0]["source"]) == ("audio.wav", "audio/wav", "record")
    assert (nameless[1]["name"], nameless[1]["type"]) == ("file", "")
    assert "source" not in nameless[1]


def test_the_kernel_reads_the_messages_the_page_sends(run):
    class Receiver(Uploads):
        """Uploads alone, without a widget."""

    receiver = Receiver()
    got = None
    for m in run["big"] + run["pair"]:
        content = {k: v for k, v in m.items() if k not in ("bytes", "sum", "data")}
        # the big file's bytes are not echoed back (only their sum): stand-ins of their size
        data = bytes.fromhex(m["data"]) if "data" in m else bytes(m["bytes"][0])
        result = receiver.receive(content, [data])
        if result is not None:
            got = (got or []) + [result]
    big, pair = got
    assert [f["orig_name"] for f in big] == ["big.bin"] and big[0]["size"] == 5 * MB // 2
    assert [(f["orig_name"], f["mime_type"], f["size"]) for f in pair] == [
        ("a.txt", "text/plain", 5), ("empty.csv", "text/csv", 0)]
    assert Path(pair[0]["path"]).read_bytes() == b"hello"
    receiver._cleanup()


def test_drop_zone_takes_dropped_picked_and_pasted_files_only_while_it_accepts(run):
    dz = run["dropZone"]
    assert dz["textDrag"] is False and dz["fileDrag"] is True  # only a drag carrying files
    assert dz["classWhileDragging"] and not dz["classAfterLeave"] and not dz["classAfterDrop"]
    assert dz["drop"] is True and dz["pickerClicks"] == 1 and dz["pickerValue"] == ""
    assert dz["focusable"] == 0  # a zone that takes paste can be focused
    assert dz["got"] == [["one.png", "two.png"], ["two.png"], ["one.png"]]  # drop, pick, paste
    assert dz["pasteOff"] is False
    assert dz["closedDrag"] is False and dz["closedDrop"] is False and dz["closedClicks"] == 1
