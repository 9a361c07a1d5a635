// Picker views: ColorPicker (a colour swatch and a hex field) and DateTime (a text field in
// Gradio's format with a native calendar beside it). One module, the view chosen by `kind`.
// Events other than value changes travel as {event: name} messages.

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const NOW_RE = /^(?:\s*now\s*(?:-\s*\d+\s*[dmhs])?)?\s*$/;
const HEX_RE = /^#[0-9a-fA-F]{6}$/;

/** The label and info lines every picker shows (the kit's header), kept in step with the model;
 * with no label, the kernel sends Gradio's title ("Color Picker", "Date"). */
function labelled(model, el, kind, header) {
  el.classList.add("gnb-picker", `gnb-picker-${kind}`);
  const wrap = document.createElement("label");
  wrap.className = "gnb-picker-wrap";
  const { title, info, sync } = header(el, { label: "gnb-picker-label", info: "gnb-picker-info" });
  const row = document.createElement("span");
  row.className = "gnb-picker-row";
  wrap.append(title, info, row);
  el.append(wrap);
  for (const name of ["label", "show_label", "info", "pending"]) model.on(`change:${name}`, sync);
  sync();
  return row;
}

// The value travels with the event: the front end may hold a value update back, never a
// custom message (see on_view_event in gradio_nb/widgets.py).
function send(model, event) {
  model.send({ event, state: { value: model.get("value") } });
}

function commit(model, value) {
  if (model.get("value") === value) return;
  model.set("value", value);
  model.save_changes();
}

// -- ColorPicker ------------------------------------------------------------------------------

function renderColor(model, el, header) {
  const row = labelled(model, el, "color", header);
  const swatch = document.createElement("input");
  swatch.type = "color";
  swatch.className = "gnb-picker-swatch";
  const hex = document.createElement("input");
  hex.type = "text";
  hex.className = "gnb-picker-input";
  hex.spellcheck = false;
  row.append(swatch, hex);

  const show = () => {
    const v = model.get("value");
    // The native input only takes #rrggbb; other forms (names, rgba) show in the text field.
    swatch.value = v && HEX_RE.test(v) ? v.toLowerCase() : "#000000";
    if (document.activeElement !== hex) hex.value = v ?? "";
  };
  const props = () => {
    swatch.disabled = hex.disabled = model.get("disabled");
  };
  swatch.addEventListener("input", () => {
    hex.value = swatch.value;
    commit(model, swatch.value);
  });
  swatch.addEventListener("change", () => send(model, "release"));
  hex.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || e.isComposing) return;
    e.preventDefault();
    commit(model, hex.value.trim());
    send(model, "submit");
  });
  hex.addEventListener("change", () => commit(model, hex.value.trim()));
  // focus/blur of the whole picker, not of each of its two inputs.
  el.addEventListener("focusin", (e) => {
    if (!el.contains(e.relatedTarget)) send(model, "focus");
  });
  el.addEventListener("focusout", (e) => {
    if (!el.contains(e.relatedTarget)) send(model, "blur");
  });
  model.on("change:value", show);
  model.on("change:disabled", props);
  props();
  show();
}

// -- DateTime ---------------------------------------------------------------------------------

function validText(text, includeTime) {
  if (text === "") return true;
  return (includeTime ? DATETIME_RE : DATE_RE).test(text) || NOW_RE.test(text);
}

function renderDateTime(model, el, header) {
  const row = labelled(model, el, "datetime", header);
  const field = document.createElement("input");
  field.type = "text";
  field.className = "gnb-picker-input";
  field.spellcheck = false;
  const calendar = document.createElement("input");
  calendar.className = "gnb-picker-calendar";
  calendar.title = "Pick a date";
  row.append(field, calendar);

  const includeTime = () => model.get("include_time");
  // Gradio commits the text on Enter and on blur, and only when it is in the format.
  const submitText = () => {
    const text = field.value;
    if (!validText(text, includeTime())) return;
    commit(model, text);
  };
  const show = () => {
    const v = model.get("value") ?? "";
    field.value = v;
    field.classList.toggle("gnb-invalid", !validText(v, includeTime()));
    const local = includeTime() ? v.replace(" ", "T") : v;
    calendar.value = (includeTime() ? DATETIME_RE : DATE_RE).test(v) ? local : "";
  };
  const props = () => {
    calendar.type = includeTime() ? "datetime-local" : "date";
    calendar.step = "1";
    field.placeholder = includeTime() ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD";
    field.disabled = calendar.disabled = model.get("disabled");
    calendar.hidden = model.get("disabled");
    show();
  };
  field.addEventListener("input", () => {
    field.classList.toggle("gnb-invalid", !validText(field.value, includeTime()));
  });
  field.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || e.isComposing) return;
    e.preventDefault();
    submitText();
    send(model, "submit");
  });
  field.addEventListener("blur", submitText);
  calendar.addEventListener("change", () => {
    if (!calendar.value) return;
    let text = calendar.value.replace("T", " ");
    if (includeTime() && text.length === 16) text += ":00"; // browsers drop ":00" seconds
    field.value = text;
    commit(model, text);
  });
  model.on("change:value", show);
  model.on("change:disabled", props);
  model.on("change:include_time", props);
  props();
}

function render({ model, el, header }) {
  if (model.get("kind") === "datetime") renderDateTime(model, el, header);
  else renderColor(model, el, header);
}

export default { render };
