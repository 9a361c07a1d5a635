// gr.Code view, drawn as Gradio's block: the code badge on a line of its own, then highlighted
// markup (made by Pygments in the kernel) when read-only, a plain monospace editor when
// interactive, a line-number gutter beside either; a read-only Code with no value shows
// Gradio's large empty state instead, as Gradio 6.31's.

function render({ model, el, header, emptyState }) {
  el.classList.add("gnb-code");
  const { badge, sync: syncHeader } = header(el, { label: "gnb-code-label", badge: "code" });
  const empty = emptyState("code");
  const frame = document.createElement("div");
  frame.className = "gnb-code-frame";
  const gutter = document.createElement("pre");
  gutter.className = "gnb-code-gutter";
  gutter.setAttribute("aria-hidden", "true");
  const view = document.createElement("pre");
  view.className = "gnb-code-hl";
  const editor = document.createElement("textarea");
  editor.className = "gnb-code-editor";
  editor.spellcheck = false;
  frame.append(gutter, view, editor);
  el.append(badge, frame, empty);

  const text = () => model.get("value") ?? "";
  const numbers = () => {
    const shown = model.get("disabled") ? text() : editor.value;
    const count = Math.max(shown.split("\n").length, 1);
    gutter.textContent = Array.from({ length: count }, (_, i) => i + 1).join("\n");
  };
  const size = () => {
    const lines = model.get("lines");
    const max = model.get("max_lines");
    // Gradio's editor is (lines + 1) or (max_lines + 1) times the gutter's line tall, a line
    // it measures at 14 px (its first gutter element's box, before the 16.8 px rows draw)
    frame.style.minHeight = `${(lines === 1 ? 1 : lines + 1) * 14}px`;
    frame.style.maxHeight = max ? `${(max + 1) * 14}px` : "";
  };
  const blank = () => {
    empty.hidden = !model.get("disabled") || !!text();
    frame.hidden = !empty.hidden;
  };
  const props = () => {
    syncHeader();
    blank();
    const editable = !model.get("disabled");
    view.hidden = editable;
    editor.hidden = !editable;
    gutter.hidden = !model.get("show_line_numbers");
    frame.classList.toggle("gnb-code-wrap", model.get("wrap_lines"));
    size();
    numbers();
  };
  const show = () => {
    view.innerHTML = model.get("html"); // Pygments' markup: the code itself is escaped
    if (editor.value !== text()) editor.value = text();
    blank();
    numbers();
  };
  const save = () => {
    model.set("value", editor.value);
    model.save_changes();
    numbers();
  };
  editor.addEventListener("input", save);
  editor.addEventListener("keydown", (e) => {
    if (e.key !== "Tab" || e.shiftKey) return;
    e.preventDefault();
    editor.setRangeText("    ", editor.selectionStart, editor.selectionEnd, "end");
    save();
  });
  editor.addEventListener("scroll", () => (gutter.scrollTop = editor.scrollTop));
  editor.addEventListener("focus", () => model.send({ event: "focus", data: {} }));
  editor.addEventListener("blur", () => model.send({ event: "blur", data: {} }));
  model.on("change:value", show);
  model.on("change:html", show);
  for (const name of ["label", "show_label", "disabled", "lines", "max_lines", "wrap_lines", "show_line_numbers", "pending"]) {
    model.on(`change:${name}`, props);
  }
  props();
  show();
}

export default { render };
