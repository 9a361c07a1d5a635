// MultimodalTextbox view: a text field with Gradio's submit keys (as the Textbox view in
// fields.js: Enter submits a single-line box, Shift+Enter a multi-line one), an attach button
// and a drop zone. Attached files travel as binary buffers of comm messages, in chunks (the
// loader's `upload`), never as base64; the kernel writes them and holds their paths. File
// names are set as textContent.

// Icons of our own drawing as inline SVG (an emoji or a glyph may have no font on the page).
const SHAPES = {
  clip: "M21 11.5l-8.5 8.5a5 5 0 0 1-7-7L14 4.5a3.3 3.3 0 0 1 4.7 4.7L10.2 17.7a1.7 1.7 0 0 1-2.4-2.4L15.5 7.6",
  send: "M4 4l17 8-17 8 3-8zM7 12h14",
  stop: "M6 6h12v12H6z",
};

/** An icon of SHAPES as an SVG element (built, not parsed: no innerHTML). */
function icon(name, size = 16) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", String(size));
  svg.setAttribute("height", String(size));
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "gnb-icon");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", SHAPES[name]);
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", "currentColor");
  path.setAttribute("stroke-width", "2");
  path.setAttribute("stroke-linecap", "round");
  path.setAttribute("stroke-linejoin", "round");
  svg.append(path);
  return svg;
}

// The kernel sends these texts for submit_btn=True / stop_btn=True: Gradio draws an icon then.
const ICON_TEXT = { "\u27a4": "send", "\u25a0": "stop" };

/** Show `text` on `button`: Gradio's icon for True, else the text given. */
function label(button, text, name) {
  const shape = ICON_TEXT[text];
  button.classList.toggle("gnb-mm-icon", Boolean(shape));
  button.setAttribute("aria-label", shape ? name : text);
  button.title = shape ? name : "";
  if (shape) button.replaceChildren(icon(shape, shape === "stop" ? 14 : 18));
  else button.textContent = text;
}

function render({ model, el, upload, dropZone, header }) {
  el.classList.add("gnb-mm", "gnb-block");
  const { title, info, sync: syncHeader } = header(el, { label: "gnb-mm-label gnb-label", info: "gnb-mm-info gnb-info" });
  const chips = document.createElement("div");
  chips.className = "gnb-mm-files";
  const row = document.createElement("div");
  row.className = "gnb-mm-row";
  const attach = document.createElement("button");
  attach.type = "button";
  attach.className = "gnb-mm-attach";
  attach.title = "Attach files";
  attach.setAttribute("aria-label", "Attach files");
  attach.append(icon("clip"));
  const picker = document.createElement("input");
  picker.type = "file";
  picker.hidden = true;
  const field = document.createElement("textarea");
  field.className = "gnb-mm-input";
  const submit = document.createElement("button");
  submit.type = "button";
  submit.className = "gnb-mm-submit";
  const stop = document.createElement("button");
  stop.type = "button";
  stop.className = "gnb-mm-stop";
  row.append(attach, field, submit, stop);
  el.append(title, info, chips, row, picker);

  let uploading = Promise.resolve();

  // Batches go one after the other, so that a submit can wait for every one; the kernel
  // attaches a batch's files once all have arrived. A batch that fails does not stop the rest.
  const take = (files) => {
    if (!files.length || model.get("disabled")) return;
    uploading = uploading.then(() => upload(files)).catch((err) => console.error("gradio_nb: upload failed", err));
  };

  const pushText = () => {
    if (model.get("text") !== field.value) {
      model.set("text", field.value);
      model.save_changes();
    }
  };
  // Files still being read go first: a submit must carry what the person attached.
  const doSubmit = () => {
    pushText();
    // The text travels with it: its update may be held back behind an unanswered one.
    uploading.then(() => model.send({ event: "submit", state: { text: model.get("text") } }));
  };

  const fit = () => {
    field.style.height = "auto";
    // Not drawn (in an unchosen tab) it measures 0: its rows give its height until drawn.
    if (field.scrollHeight) field.style.height = `${field.scrollHeight + 2}px`;
  };
  field.addEventListener("input", () => {
    pushText();
    fit();
  });
  field.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || e.isComposing) return;
    const lines = model.get("lines");
    const submits = lines > 1 ? e.shiftKey : !e.shiftKey;
    if (!submits) return;
    e.preventDefault();
    doSubmit();
  });
  field.addEventListener("focus", () => model.send({ event: "focus" }));
  field.addEventListener("blur", () => model.send({ event: "blur" }));
  field.addEventListener("select", () => {
    const index = [field.selectionStart, field.selectionEnd];
    model.send({ event: "select", data: { value: field.value.substring(...index), index } });
  });
  field.addEventListener("paste", (e) => {
    const text = e.clipboardData?.getData("text") ?? "";
    if (text.length > model.get("max_plain_text_length")) {
      e.preventDefault();
      take([new File([text], "pasted_text.txt", { type: "text/plain" })]);
    } else if (e.clipboardData?.files?.length && model.get("upload")) {
      e.preventDefault();
      take([...e.clipboardData.files]);
    }
  });
  submit.addEventListener("click", doSubmit);
  stop.addEventListener("click", () => model.send({ event: "stop" }));
  // The attach button shows only while uploads are on.
  dropZone({ zone: el, accepts: () => model.get("upload") && !model.get("disabled"), onFiles: take,
    dragClass: "gnb-mm-drop", picker, clickers: [attach] });

  const showFiles = () => {
    chips.replaceChildren();
    model.get("files").forEach((file, index) => {
      const chip = document.createElement("span");
      chip.className = "gnb-mm-file";
      chip.title = file.mime_type || "";
      const name = document.createElement("span");
      name.textContent = file.name;
      chip.append(name);
      if (!model.get("disabled")) {
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "gnb-mm-remove";
        remove.title = "Remove";
        remove.textContent = "×";
        remove.addEventListener("click", () => model.send({ event: "remove", index }));
        chip.append(remove);
      }
      chips.append(chip);
    });
    chips.hidden = model.get("files").length === 0;
  };
  const showText = () => {
    if (field.value !== model.get("text")) {
      field.value = model.get("text");
      fit();
    }
  };
  const props = () => {
    syncHeader();
    const disabled = model.get("disabled");
    field.disabled = disabled;
    field.placeholder = model.get("placeholder");
    field.rows = model.get("lines");
    field.style.maxHeight = `${model.get("max_lines") * 1.5 + 0.8}em`;
    field.dir = model.get("rtl") ? "rtl" : "";
    field.style.textAlign = model.get("text_align");
    attach.hidden = !model.get("upload") || disabled;
    picker.accept = model.get("accept");
    picker.multiple = model.get("file_count") !== "single";
    picker.webkitdirectory = model.get("file_count") === "directory";
    label(submit, model.get("submit_btn"), "Submit");
    submit.hidden = !model.get("submit_btn") || disabled;
    label(stop, model.get("stop_btn"), "Stop");
    stop.hidden = !model.get("stop_btn");
    showFiles();
  };
  model.on("change:text", showText);
  model.on("change:files", showFiles);
  for (const name of ["label", "show_label", "info", "pending", "disabled", "placeholder", "lines", "max_lines",
    "rtl", "text_align", "upload", "accept", "file_count", "submit_btn", "stop_btn"]) {
    model.on(`change:${name}`, props);
  }
  props();
  showText();
  if (model.get("autofocus")) requestAnimationFrame(() => field.focus());
  requestAnimationFrame(fit);
}

export default { render };
