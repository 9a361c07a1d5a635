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
// `header(el, options)` is the title (and info line) above a view, and its busy marker; given a
// `badge` icon, the title is drawn as Gradio's label badge in the block's corner (BlockLabel).
// The media views draw Gradio's other shared pieces with `icon()`, `emptyState()`,
// `uploadText()`, `sourceBar()` and `iconButton()`: their CSS (KIT_CSS) rides in this module
// and enters the page once, with the first of them drawn.
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
 * its own, or on a change of label, show_label, info or pending. Given a `badge` (an icon's
 * name), `el` is drawn as Gradio's block without padding (`gnb-media`) and the title sits in
 * Gradio's label badge (`badge`, a <label> for the view to place: js/app.css's
 * gnb-block-label). An unlabelled component's title ("Image", "Gallery", as Gradio's page
 * reads) comes from the kernel in `label` (the component's SHOWN_LABEL). */
function header(model, el, { label = "gnb-label", info = "", tag = "span", badge = "" } = {}) {
  const title = document.createElement(tag);
  title.className = label;
  const line = info ? document.createElement("span") : null;
  if (line) line.className = info;
  let box = null;
  if (badge) {
    kitStyle();
    el.classList.add("gnb-media");
    box = document.createElement("label");
    box.className = "gnb-block-label gnb-badge";
    box.append(icon(badge, "gnb-badge-icon"), title);
  }
  const sync = () => {
    title.textContent = model.get("label");
    title.hidden = !model.get("show_label") || !title.textContent;
    if (box) box.hidden = title.hidden;
    if (line) {
      line.textContent = model.get("info");
      line.hidden = !model.get("info");
    }
    el.classList.toggle("gnb-pending", model.get("pending"));
  };
  return { title, badge: box, info: line, sync };
}

// -- Gradio's shared pieces of the media views ------------------------------------------------
// Icons of our own drawing on a 24-unit grid, stroked in the text colour (nothing fetched).
const ICONS = {
  image: '<rect x="3.5" y="3.5" width="17" height="17" rx="2"/><circle cx="9" cy="9" r="1.75"/><path d="M20.5 15.5l-5-5-11 10"/>',
  upload: '<path d="M4 15.5V19a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3.5"/><path d="M7.5 7.5L12 3l4.5 4.5M12 3v12.5"/>',
  webcam: '<circle cx="12" cy="10.5" r="7.5"/><circle cx="12" cy="10.5" r="3"/><path d="M8.5 17.5L6 21h12l-2.5-3.5"/>',
  clipboard: '<rect x="5" y="4.5" width="14" height="17" rx="2"/><path d="M9 7h6V4.5a3 3 0 0 0-6 0z"/>',
  clear: '<path d="M5.5 5.5l13 13M18.5 5.5l-13 13"/>',
  download: '<path d="M12 3.5v12M7 11l5 5 5-5M4.5 20.5h15"/>',
  play: '<path d="M7 4.5v15l12-7.5z"/>',
  code: '<path d="M8.5 7L3.5 12l5 5M15.5 7l5 5-5 5"/>',
  chart: '<path d="M3.5 3.5v17h17"/><path d="M7 15.5l4-5 3.5 3 5.5-7"/>',
  video: '<rect x="2.5" y="6" width="13" height="12" rx="2"/><path d="M15.5 10.5l6-3.5v10l-6-3.5"/>',
  music: '<path d="M9 18V5l11-2v13"/><circle cx="6" cy="18" r="3"/><circle cx="17" cy="16" r="3"/>',
  file: '<path d="M13.5 3H6.5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V9z"/><path d="M13.5 3v6h6"/>',
  cube: '<path d="M12 2.5l8.5 4.75v9.5L12 21.5l-8.5-4.75v-9.5z"/><path d="M3.5 7.25L12 12l8.5-4.75M12 12v9.5"/>',
  microphone: '<rect x="9" y="2.5" width="6" height="12" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5v4"/>',
};

/** The icon `name` as an inline <svg> in a <span> of class `cls` (aria-hidden: the control
 * carrying it names it). */
function icon(name, cls = "gnb-icon") {
  const span = document.createElement("span");
  span.className = cls;
  span.dataset.icon = name;
  span.setAttribute("aria-hidden", "true");
  span.innerHTML = `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">${ICONS[name] || ""}</svg>`;
  return span;
}

/** Gradio's empty state of an output with no value (its Empty, size "large"): the icon,
 * centred and faded, in a box as tall as Gradio's. */
function emptyState(name) {
  kitStyle();
  const box = document.createElement("div");
  box.className = "gnb-empty";
  box.setAttribute("aria-label", "Empty value");
  box.append(icon(name, "gnb-empty-icon"));
  return box;
}

/** Gradio's upload prompt (UploadText): an icon over "Drop <what> Here - or - Click to
 * Upload", or over the app's `placeholder`; `set({kind, placeholder})` redraws it, for the
 * `kind` of source chosen: "upload", "clipboard" ("Paste from Clipboard") or "webcam" (Gradio's
 * "Click to Access Webcam", before the page asks for the camera). */
function uploadText(what = "File") {
  kitStyle();
  const box = document.createElement("div");
  box.className = "gnb-upload-text";
  const set = ({ kind = "upload", placeholder = "" } = {}) => {
    const lines = kind === "clipboard" ? ["Paste from Clipboard"] : kind === "webcam" ? ["Click to Access Webcam"]
      : placeholder ? [placeholder] : [`Drop ${what} Here`, "- or -", "Click to Upload"];
    const spans = lines.map((text, i) => {
      const span = document.createElement("span");
      span.textContent = text;
      if (lines.length === 3 && i === 1) span.className = "gnb-upload-or";
      return span;
    });
    box.replaceChildren(icon(kind === "upload" ? "upload" : kind, "gnb-upload-icon"), ...spans);
  };
  set();
  return { box, set };
}

const SOURCES = { upload: ["upload", "Upload file"], microphone: ["microphone", "Record audio"],
  webcam: ["webcam", "Capture from camera"],
  clipboard: ["clipboard", "Paste from clipboard"] };

/** Gradio's source toolbar (SelectSource) under an upload area: an icon button per source,
 * in Gradio's order, the `active` one in the accent colour; a click calls `onSelect(source)`.
 * `set(sources, active, why)` redraws it: a source `why(source)` names a reason for is
 * disabled, with the reason as its title (no dead buttons). Gradio draws it only for two
 * sources or more, or for the clipboard alone. */
function sourceBar(onSelect) {
  kitStyle();
  const bar = document.createElement("div");
  bar.className = "gnb-sources";
  bar.setAttribute("role", "toolbar");
  const set = (sources, active, why = () => "") => {
    const shown = Object.keys(SOURCES).filter((s) => sources.includes(s));
    bar.hidden = !(shown.length > 1 || shown.includes("clipboard"));
    bar.replaceChildren(...shown.map((source) => {
      const [name, label] = SOURCES[source];
      const reason = why(source);
      const b = iconButton(reason ? `${label}: ${reason}` : label, name, () => onSelect(source), "gnb-source");
      b.disabled = !!reason;
      b.classList.toggle("gnb-source-active", source === active);
      b.setAttribute("aria-pressed", String(source === active));
      return b;
    }));
  };
  return { bar, set };
}

/** An icon button as Gradio's IconButton (`cls` adds a class), named by `label`. A click
 * does not reach the view under it (a click on the block opens the file picker). */
function iconButton(label, name, onclick, cls = "gnb-icon-button") {
  kitStyle();
  const b = document.createElement("button");
  b.type = "button";
  b.className = cls;
  b.title = label;
  b.setAttribute("aria-label", label);
  b.append(icon(name));
  b.addEventListener("click", (e) => {
    e.stopPropagation();
    onclick(e);
  });
  return b;
}

let styled = false; // this kit module's CSS is in the page (addStyle also keeps one copy a page)
function kitStyle() {
  if (!styled) addStyle("kit", KIT_CSS);
  styled = true;
}

// Their CSS: Gradio's sizes, in the theme's --gnb-* variables (fallbacks: Default, light).
// `gnb-media` is the block a media view draws itself as: Gradio's Block without padding, for
// its badge to sit in the corner; what it hides ([hidden]) stays hidden whatever its display.
const KIT_CSS = `
.gnb-media {
  position: relative; display: flex; flex-direction: column; box-sizing: border-box; width: 100%; min-width: 0;
  overflow: hidden; border: var(--gnb-block-border-width, 1px) solid var(--gnb-block-border-color, #e4e4e7);
  border-radius: var(--gnb-block-radius, 4px); background: var(--gnb-block-background-fill, #fff);
  box-shadow: var(--gnb-block-shadow, none); line-height: var(--gnb-line-sm, 1.4);
}
.gnb-media [hidden], .gnb-badge[hidden] { display: none !important; }
.gnb-badge-icon { display: inline-flex; flex: none; opacity: 0.8; margin-right: 8px;
  width: calc(var(--gnb-block-label-text-size, 12px) - 1px); height: calc(var(--gnb-block-label-text-size, 12px) - 1px); }
:is(.gnb-badge-icon, .gnb-empty-icon, .gnb-upload-icon, .gnb-icon) > svg { display: block; width: 100%; height: 100%; }
.gnb-empty { display: flex; flex: 1 1 auto; justify-content: center; align-items: center; min-height: 236px; }
.gnb-empty-icon { display: block; width: 20px; height: 20px; opacity: 0.5; color: var(--gnb-body-text-color, #27272a); }
.gnb-upload-text { display: flex; flex-direction: column; justify-content: center; align-items: center; box-sizing: border-box;
  min-height: 240px; height: 100%; padding-top: 12px; margin: 0 8px; text-align: center; white-space: pre-line;
  color: var(--gnb-block-label-text-color, #71717a); line-height: var(--gnb-line-md, 1.5); }
@media (min-width: 768px) { .gnb-upload-text { font-size: var(--gnb-text-lg, 16px); } }
.gnb-upload-icon { display: block; width: 30px; height: 27px; margin-bottom: 8px; }
.gnb-upload-icon > svg { width: 27px; height: 27px; }
:not(.gnb-upload-icon)[data-icon="upload"] > svg { width: 90%; height: 90%; } /* Gradio draws it smaller */
.gnb-upload-or { display: flex; color: var(--gnb-body-text-color-subdued, #71717a); }
.gnb-sources { display: flex; flex: none; justify-content: center; align-items: center; box-sizing: border-box; width: 100%;
  height: 40px; border-top: 1px solid var(--gnb-border-color-primary, #e4e4e7); }
.gnb-sources[hidden] { display: none; }
.gnb-source { box-sizing: border-box; width: 22px; height: 22px; margin: 8px 2px; padding: 2px; border: none;
  border-radius: var(--gnb-radius-md, 6px); background: none; color: var(--gnb-neutral-400, #a1a1aa); cursor: pointer; }
.gnb-source:is(:hover, :focus-visible, .gnb-source-active):not(:disabled) { color: var(--gnb-color-accent, #f97316); }
.gnb-source:disabled { opacity: 0.5; cursor: not-allowed; }
.gnb-source .gnb-icon { display: block; width: 100%; height: 100%; }
.gnb-icon-bar { position: absolute; top: var(--gnb-block-label-margin, 0); right: var(--gnb-block-label-margin, 0); z-index: 3;
  display: flex; gap: 4px; align-items: center; padding: 1px; border: 1px solid var(--gnb-border-color-primary, #e4e4e7);
  border-top: none; border-right: none; border-radius: var(--gnb-block-label-right-radius, 0 0 0 3px);
  background: var(--gnb-block-background-fill, #fff); box-shadow: var(--gnb-shadow-drop, rgba(0, 0, 0, 0.05) 0 1px 2px 0); }
.gnb-icon-bar[hidden], .gnb-icon-bar:empty { display: none; }
.gnb-icon-button { display: flex; justify-content: center; align-items: center; margin: 1px; padding: 1px;
  border: 1px solid transparent; border-radius: var(--gnb-radius-xs, 2px); background: var(--gnb-block-background-fill, #fff);
  color: var(--gnb-block-label-text-color, #71717a); cursor: pointer; text-decoration: none; }
.gnb-icon-button:hover { color: var(--gnb-color-accent, #f97316); background: var(--gnb-background-fill-secondary, #fafafa); }
.gnb-icon-button .gnb-icon { display: block; width: 14px; height: 14px; }
`;

/** What a view gets beside anywidget's props: its helpers bound to its model. */
function helpers(model) {
  return {
    library: () => library(model),
    upload: (files, extra) => upload(model, files, extra),
    dropZone,
    webUrl,
    header: (el, options) => header(model, el, options),
    icon,
    emptyState,
    uploadText,
    sourceBar,
    iconButton,
  };
}

// library, upload, dropZone and webUrl are exported for the unit tests (tests/test_libraries.py,
// tests/test_loader_upload.py and, for webUrl, tests/test_media_values.py run them under node).
export { addStyle, helpers, library, upload, dropZone, webUrl };
