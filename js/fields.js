// Labelled input fields: the Textbox, Number and Slider views (one module, chosen by `kind`).


/** Build the label block (the kit's header in a <label>) and wire the traits every field shares. */
function labelled(model, el, kind, header) {
  el.classList.add("gnb-field", `gnb-${kind}`);
  const wrap = document.createElement("label");
  wrap.className = "gnb-field-wrap";
  const { title, info, sync } = header(el, { info: "gnb-info" });
  wrap.append(title, info);
  el.append(wrap);
  for (const name of ["label", "show_label", "info", "pending"]) {
    model.on(`change:${name}`, sync);
  }
  sync();
  return wrap;
}

// Textbox view: Gradio's submit semantics. Enter submits a single-line box, Shift+Enter a
// multi-line one; every press sends one submit message even if the text did not change,
// and blur sends none.

function renderTextbox(model, el, header) {
  const wrap = labelled(model, el, "textbox", header);
  let field = null;

  const build = () => {
    const lines = model.get("lines");
    const kind = model.get("type");
    // As Gradio: text is always a textarea (a single-line box keeps newlines it is given);
    // only password and email fields are inputs.
    const next = document.createElement(kind === "text" ? "textarea" : "input");
    if (kind === "text") {
      next.rows = lines;
      next.style.maxHeight = `${model.get("max_lines") * 1.5 + 0.8}em`;
      next.style.resize = lines > 1 ? "vertical" : "none";
    } else {
      next.type = kind;
    }
    next.className = "gnb-input";
    next.value = model.get("value");
    next.placeholder = model.get("placeholder");
    next.disabled = model.get("disabled");
    const fit = () => {
      if (kind !== "text") return;
      next.style.height = "auto";
      // Not drawn (in an unchosen tab) it measures 0: its rows give its height until drawn.
      if (next.scrollHeight) next.style.height = `${next.scrollHeight + 2}px`;
    };
    next.addEventListener("input", () => {
      model.set("value", next.value);
      model.save_changes();
      fit();
    });
    next.addEventListener("gnb-fit", fit);
    next.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" || e.isComposing) return;
      const submits = lines > 1 ? e.shiftKey : !e.shiftKey;
      if (!submits) return;
      e.preventDefault();
      if (model.get("value") !== next.value) {
        model.set("value", next.value);
        model.save_changes();
      }
      model.send({ event: "submit", state: { value: model.get("value") } }); // the value first, even if its update is held back
    });
    if (field) field.replaceWith(next);
    else wrap.append(next);
    field = next;
    requestAnimationFrame(fit);
  };
  build();

  // Gradio's copy button (buttons=["copy"]): the text to the clipboard, and a copy event.
  const copy = document.createElement("button");
  copy.type = "button";
  copy.className = "gnb-copy";
  copy.textContent = "Copy";
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
    } catch (_) {
      /* no clipboard (an insecure page): the event still fires */
    }
    model.send({ event: "copy", data: { value: field.value } });
  });
  wrap.append(copy);
  const showCopy = () => (copy.hidden = !model.get("copy_button"));
  model.on("change:copy_button", showCopy);
  showCopy();

  model.on("change:value", () => {
    if (field.value !== model.get("value")) {
      field.value = model.get("value");
      field.dispatchEvent(new Event("gnb-fit"));
    }
  });
  model.on("change:placeholder", () => (field.placeholder = model.get("placeholder")));
  model.on("change:disabled", () => (field.disabled = model.get("disabled")));
  model.on("change:lines", build);
  model.on("change:max_lines", build);
  model.on("change:type", build);
}


// Number view: a number field that may be empty (null), as Gradio's Number after a clear.

function renderNumber(model, el, header) {
  const wrap = labelled(model, el, "number", header);
  const field = document.createElement("input");
  field.type = "number";
  field.className = "gnb-input";
  wrap.append(field);

  const show = () => {
    const v = model.get("value");
    const shown = v === null || v === undefined ? "" : String(v);
    // "1.0" typed stays as typed when it equals the value; an empty field always shows it
    // (Number("") is 0, so a value of 0 would otherwise never appear).
    if (field.value !== shown && (field.value === "" || Number(field.value) !== v)) field.value = shown;
  };
  const props = () => {
    field.step = String(model.get("step"));
    field.min = model.get("minimum") ?? "";
    field.max = model.get("maximum") ?? "";
    field.disabled = model.get("disabled");
    field.placeholder = model.get("placeholder");
  };
  const read = () => (field.value === "" ? null : Number(field.value));
  field.addEventListener("input", () => {
    const v = read();
    if (v !== null && Number.isNaN(v)) return;
    model.set("value", v);
    model.save_changes();
  });
  field.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || e.isComposing) return;
    e.preventDefault();
    model.send({ event: "submit", state: { value: model.get("value") } }); // the value first, even if its update is held back
  });
  model.on("change:value", show);
  for (const name of ["step", "minimum", "maximum", "disabled", "placeholder"]) {
    model.on(`change:${name}`, props);
  }
  props();
  show();
}


// Slider view, as Gradio draws it: title (and info) with a number box and a reset button on
// its line, the range under them between its minimum and maximum. Dragging sets the value
// as it goes; letting go (or leaving the number box) sends a release message.

function renderSlider(model, el, header) {
  const wrap = labelled(model, el, "range", header);
  const head = document.createElement("div");
  head.className = "gnb-range-head";
  el.append(head);
  head.append(wrap);
  const tools = document.createElement("div");
  tools.className = "gnb-range-tools";
  const number = document.createElement("input");
  number.type = "number";
  number.className = "gnb-range-number";
  const reset = document.createElement("button");
  reset.type = "button";
  reset.className = "gnb-range-reset";
  reset.textContent = "\u21ba";
  reset.setAttribute("aria-label", "Reset to default value");
  tools.append(number, reset);
  head.append(tools);
  const row = document.createElement("div");
  row.className = "gnb-range-row";
  const low = document.createElement("span");
  low.className = "gnb-range-limit";
  const range = document.createElement("input");
  range.type = "range";
  range.className = "gnb-range-input";
  const high = document.createElement("span");
  high.className = "gnb-range-limit";
  row.append(low, range, high);
  el.append(row);
  // Keys move the range and step the number box: not JupyterLab's shortcuts (suppressed here),
  // and not the notebook's own key handling above the output (which prevents arrow keys).
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  for (const input of [range, number]) input.addEventListener("keydown", (e) => e.stopPropagation());

  const set = (v) => {
    if (Number.isNaN(v) || v === model.get("value")) return;
    model.set("value", v);
    model.save_changes();
  };
  const release = () => model.send({ event: "release", state: { value: model.get("value") } });
  const show = () => {
    const v = model.get("value");
    const [lo, hi] = [model.get("minimum"), model.get("maximum")];
    range.value = String(v);
    if (document.activeElement !== number || Number(number.value) !== v) number.value = String(v);
    range.style.setProperty("--gnb-range-progress", `${hi > lo ? ((v - lo) / (hi - lo)) * 100 : 0}%`);
  };
  const props = () => {
    for (const input of [range, number]) {
      input.min = String(model.get("minimum"));
      input.max = String(model.get("maximum"));
      input.step = String(model.get("step"));
      input.disabled = model.get("disabled");
    }
    reset.disabled = model.get("disabled");
    reset.hidden = !model.get("reset_button");
    low.textContent = String(model.get("minimum"));
    high.textContent = String(model.get("maximum"));
    const name = model.get("label");
    number.setAttribute("aria-label", `number input for ${name}`);
    range.setAttribute("aria-label", `range slider for ${name}`);
    show();
  };
  range.addEventListener("input", () => set(Number(range.value)));
  range.addEventListener("pointerup", release);
  number.addEventListener("pointerup", release); // its spinner arrows, as Gradio's
  // Gradio releases on the pointer only; a key that moved the range releases here too, so
  // that a keyboard user's release listeners run.
  const moves = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End"];
  range.addEventListener("keyup", (e) => moves.includes(e.key) && release());
  number.addEventListener("input", () => number.value !== "" && set(Number(number.value)));
  number.addEventListener("blur", () => {
    // As Gradio: leaving the box releases, and a value past the range is brought back to it.
    const v = Math.min(Math.max(model.get("value"), model.get("minimum")), model.get("maximum"));
    set(v);
    show();
    release();
  });
  reset.addEventListener("click", () => {
    set(model.get("initial"));
    release();
  });
  model.on("change:value", show);
  for (const name of ["minimum", "maximum", "step", "disabled", "reset_button", "label"]) {
    model.on(`change:${name}`, props);
  }
  props();
}


function render({ model, el, header }) {
  const kind = model.get("kind");
  if (kind === "number") renderNumber(model, el, header);
  else if (kind === "slider") renderSlider(model, el, header);
  else renderTextbox(model, el, header);
}

export default { render };
