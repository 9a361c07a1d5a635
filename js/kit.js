// The kit of every gradio_nb view: the helpers a view gets beside anywidget's props.
//
// Every widget is an anywidget whose module is js/loader.js, and anywidget sends a widget's
// module with the widget: a thousand textboxes carry a thousand copies of it. So the loader only
// imports a view's real module, which travels once per cell in a shared ViewModule model (its
// code and CSS), once per page; and this kit, one more ViewModule that every other one names
// (its `kit` trait), which the loader imports before the view's module: it puts the module's
// CSS in the page (`addStyle`) and gives each view `helpers(model)`.
//
// A view that draws with a big library (Vega, plotly.js, BokehJS, three.js) names a shared
// Library model in its `_library` trait; the view's `library()` gives that library, evaluated
// once per page per key (name@version). Its code is the model's bytes (a binary buffer), so a
// notebook saved with its widget state, or Voila, has it without asking the kernel.
//
// Views that take files get `upload(files, extra)` (the chunked upload protocol of
// gradio_nb/uploads.py, written once here) and `dropZone(...)` (a picker, click, drag-and-drop
// and paste wiring alike in every such view). `webUrl(value)` passes a media value that is an
// http(s) URL, which the page loads itself (the kernel fetches nothing), and nothing else.
// `header(el, options)` is the title (and info line) above a view, and its busy marker.
//
const libraries = (globalThis.__gradio_nb_libraries ??= new Map()); // key -> Promise

function modelOf(model, trait) {
  return model.widget_manager.get_model(model.get(trait).replace("IPY_MODEL_", ""));
}

/** A short hash of a text (FNV-1a), to tell versions of a module's CSS apart. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The module's CSS in the page once: every cell makes a new module model, with the same CSS,
 * which reuses the <style> already there (a new version of the CSS gets its own). */
function addStyle(name, css) {
  if (!css) return;
  const key = `${name}-${hash(css)}-${css.length}`;
  if ([...document.head.querySelectorAll("style[data-gradio-nb]")].some((s) => s.dataset.gradioNbKey === key)) return;
  const style = document.createElement("style");
  style.dataset.gradioNb = name;
  style.dataset.gradioNbKey = key;
  style.textContent = css;
  document.head.append(style);
}

/** A browser build run with define/module/exports/require hidden, so that it defines its
 * globals whatever module loader (RequireJS in the classic notebook) the page has; they are
 * returned as one object, and put back as they were unless the library must keep them. */
function runScript(code, names, keep) {
  const before = names.map((n) => [n, Object.getOwnPropertyDescriptor(globalThis, n)]);
  new Function("define", "module", "exports", "require", new TextDecoder().decode(code)).call(globalThis);
  const found = Object.fromEntries(names.map((n) => [n, globalThis[n]]));
  if (!keep) {
    for (const [n, old] of before) {
      if (old) Object.defineProperty(globalThis, n, old);
      else delete globalThis[n];
    }
  }
  const missing = names.filter((n) => found[n] === undefined);
  if (missing.length) throw new Error(`it defined no ${missing.join(", ")}`);
  return found;
}

async function evaluate(lib) {
  const code = lib.get("code");
  if (!code || !code.byteLength) throw new Error("its code is empty");
  if (lib.get("kind") === "script") return runScript(code, lib.get("globals") || [], lib.get("keep_globals"));
  const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  try {
    return await import(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The library of the view's model: an ES module's exports, or a script's globals. */
async function library(model) {
  if (!model.get("_library")) throw new Error("the view names no library");
  let lib;
  try {
    lib = await modelOf(model, "_library");
  } catch (err) {
    throw new Error(`its library model is missing (${err?.message || err})`);
  }
  const key = lib.get("key");
  if (!libraries.has(key)) {
    const loading = evaluate(lib).catch((err) => {
      libraries.delete(key); // a later view may try again
      throw new Error(`the ${key} library could not be loaded: ${err?.message || err}`);
    });
    libraries.set(key, loading);
  }
  return libraries.get(key);
}

const CHUNK = 1 << 20; // bytes per upload message: well under any websocket message limit
let batches = 0;

/** A promise of the next macrotask: lets the page (and a kernel's answer) in between chunks. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Send `files` (a FileList, an array of Files or Blobs) to the kernel as one batch of
 * `upload` messages, one binary buffer of at most CHUNK bytes each, one file after the other
 * so that memory holds one file at a time. Each message: `batch`, `index`/`count` (the file's
 * place in the batch), `name` (its relative path in a picked folder, else its name, else
 * `extra.name`, else "file"), `type`, `size` (the whole file's: the kernel refuses a file too
 * big before it arrives), `done` (its last chunk), and `extra`'s other fields (e.g. audio's
 * `source`). Resolves once every chunk is sent. */
async function upload(model, files, extra = {}) {
  const list = [...files];
  if (!list.length) return;
  const { name: fallback = "file", ...fields } = extra;
  const batch = `${Date.now()}-${batches++}`;
  // The kernel's `upload_refused` (its message names no batch) stops the batch under way:
  // the kernel drops the rest of a refused batch anyway, so sending it is waste.
  let refused = false;
  const listen = (msg) => {
    if (msg?.event === "upload_refused" && (msg.batch === undefined || msg.batch === batch)) refused = true;
  };
  model.on?.("msg:custom", listen);
  try {
    for (const [index, file] of list.entries()) {
      const bytes = await file.arrayBuffer();
      const head = { event: "upload", batch, index, count: list.length,
        name: file.webkitRelativePath || file.name || fallback, type: file.type, size: bytes.byteLength };
      let offset = 0;
      do { // an empty file is one empty chunk: the kernel still makes it
        if (refused) return;
        const part = bytes.slice(offset, offset + CHUNK);
        offset += CHUNK;
        model.send({ ...head, done: offset >= bytes.byteLength, ...fields }, undefined, [part]);
        if (offset < bytes.byteLength) await pause();
      } while (offset < bytes.byteLength);
    }
  } finally {
    model.off?.("msg:custom", listen);
  }
}

/** Wire `zone` to take files, handed to `onFiles(files)`: dropped on it (only while
 * `accepts()`, with `dragClass` on it while files are dragged over), picked with the hidden
 * file input `picker` (opened by a click on any of `clickers` while `accepts()`), and, when
 * `paste` is given, pasted into it (while `paste()`; the zone is made focusable for that).
 * Which files a view takes (its type, how many) is the view's `onFiles`'s business. */
function dropZone({ zone, accepts, onFiles, dragClass, picker, clickers = [], paste }) {
  const carriesFiles = (e) => [...(e.dataTransfer?.types || [])].includes("Files");
  zone.addEventListener("dragover", (e) => {
    if (!accepts() || !carriesFiles(e)) return;
    e.preventDefault();
    zone.classList.add(dragClass);
  });
  zone.addEventListener("dragleave", () => zone.classList.remove(dragClass));
  zone.addEventListener("drop", (e) => {
    zone.classList.remove(dragClass);
    if (!accepts() || !e.dataTransfer?.files?.length) return;
    e.preventDefault();
    onFiles([...e.dataTransfer.files]); // the event's list empties once it is handled
  });
  for (const clicker of clickers) {
    clicker.addEventListener("click", () => {
      if (accepts()) picker.click();
    });
  }
  picker?.addEventListener("change", () => {
    onFiles([...picker.files]);
    picker.value = ""; // the same file picked again is a new upload
  });
  if (paste) {
    zone.tabIndex = 0;
    zone.addEventListener("paste", (e) => {
      if (!paste() || !e.clipboardData?.files?.length) return;
      e.preventDefault();
      onFiles([...e.clipboardData.files]);
    });
  }
}

/** `value` if it is an http(s) URL (a media value the page loads itself), else "": never a
 * javascript:, data: or blob: URL from a value, whatever the kernel sent. */
function webUrl(value) {
  return typeof value === "string" && /^https?:\/\//i.test(value) ? value : "";
}

/** The title above a view (Gradio's BlockTitle), a `tag` of class `label`, and, given an `info`
 * class, the info line under it, both for the view to place; `sync()` keeps them and `el`'s
 * busy marker (`gnb-pending`, drawn by js/app.css) in step with the model: the title shows
 * while `show_label` and a label, the info line while there is one. A view calls `sync` from
 * its own, or on a change of label, show_label, info or pending. */
function header(model, el, { label = "gnb-label", info = "", tag = "span" } = {}) {
  const title = document.createElement(tag);
  title.className = label;
  const line = info ? document.createElement("span") : null;
  if (line) line.className = info;
  const sync = () => {
    title.textContent = model.get("label");
    title.hidden = !model.get("show_label") || !model.get("label");
    if (line) {
      line.textContent = model.get("info");
      line.hidden = !model.get("info");
    }
    el.classList.toggle("gnb-pending", model.get("pending"));
  };
  return { title, info: line, sync };
}

/** What a view gets beside anywidget's props: its helpers bound to its model. */
function helpers(model) {
  return {
    library: () => library(model),
    upload: (files, extra) => upload(model, files, extra),
    dropZone,
    webUrl,
    header: (el, options) => header(model, el, options),
  };
}

// library, upload, dropZone and webUrl are exported for the unit tests (tests/test_libraries.py,
// tests/test_loader_upload.py and, for webUrl, tests/test_media_values.py run them under node).
export { addStyle, helpers, library, upload, dropZone, webUrl };
