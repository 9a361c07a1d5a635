// gr.Dialogue view: one row per line (a speaker menu, a text field, add and delete buttons), a
// "Plain Text" switch and a text area, as Gradio's page. The kernel keeps the value and sends
// `lines` and `text` (formatted with the app's Python formatter); the view sends each
// committed edit as a message: {op: "lines"}, {op: "text"}, {op: "plain"}, {event: "submit"}.
// A text field commits on Enter or when it loses focus, not per keystroke. All text is set as
// values or textContent, never as HTML.

// Gradio's default speaker colours (shown when the dialogue is read-only).
const PALETTE = [
  "rgba(254, 202, 202, 0.7)", "rgba(209, 250, 229, 0.7)", "rgba(219, 234, 254, 0.7)",
  "rgba(254, 243, 199, 0.7)", "rgba(233, 213, 255, 0.7)", "rgba(204, 251, 241, 0.7)",
  "rgba(254, 215, 170, 0.7)", "rgba(207, 250, 254, 0.7)", "rgba(217, 249, 157, 0.7)",
  "rgba(252, 231, 243, 0.7)",
];

function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The tag being typed at the cursor: the text after the last ":" with no space in it. */
function tagQuery(text, cursor) {
  const colon = text.lastIndexOf(":", cursor - 1);
  if (colon < 0 || text.substring(colon + 1, cursor).includes(" ")) return null;
  return { colon, search: text.substring(colon + 1, cursor) };
}

/** A menu of tags under a text field: offered after ":", inserted by click, Enter or Tab. */
function tagMenu(model, field, onInsert) {
  const menu = make("div", "gnb-dialogue-tags");
  menu.hidden = true;
  let shown = [];
  let active = 0;
  const close = () => {
    menu.hidden = true;
    shown = [];
  };
  const insert = (tag) => {
    const cursor = field.selectionStart ?? field.value.length;
    const query = tagQuery(field.value, cursor);
    if (!query) return close();
    const before = field.value.substring(0, query.colon);
    field.value = `${before}${tag} ${field.value.substring(cursor)}`;
    const at = before.length + tag.length + 1;
    field.setSelectionRange(at, at);
    close();
    onInsert();
  };
  const draw = () => {
    menu.replaceChildren(
      ...shown.map((tag, i) => {
        const item = make("div", "gnb-dialogue-tag", tag);
        item.setAttribute("role", "option");
        item.classList.toggle("gnb-active", i === active);
        item.addEventListener("mousedown", (e) => {
          e.preventDefault(); // keep the field focused: the insertion is part of its edit
          insert(tag);
        });
        return item;
      }),
    );
  };
  const update = () => {
    const tags = model.get("tags");
    const query = tags.length ? tagQuery(field.value, field.selectionStart ?? 0) : null;
    const search = query ? query.search.toLowerCase() : "";
    shown = query ? tags.filter((tag) => !search || tag.toLowerCase().includes(search)) : [];
    active = 0;
    menu.hidden = !shown.length;
    draw();
  };
  /** Handle a key for the menu; true if it was the menu's. */
  const key = (e) => {
    if (menu.hidden) return false;
    if (e.key === "Escape") close();
    else if (e.key === "ArrowDown") active = Math.min(active + 1, shown.length - 1);
    else if (e.key === "ArrowUp") active = Math.max(active - 1, 0);
    else if (e.key === "Enter" || e.key === "Tab") insert(shown[active]);
    else return false;
    e.preventDefault();
    if (!menu.hidden) draw();
    return true;
  };
  field.addEventListener("blur", close);
  return { menu, update, key };
}

function render({ model, el, header }) {
  el.classList.add("gnb-dialogue");
  const head = make("div", "gnb-dialogue-head");
  const { title, info, sync: syncHeader } = header(el, { info: "gnb-info" });
  const copy = make("button", "gnb-dialogue-copy", "Copy");
  copy.type = "button";
  head.append(title, copy);
  const switchLabel = make("label", "gnb-dialogue-switch");
  const switchBox = document.createElement("input");
  switchBox.type = "checkbox";
  switchLabel.append(switchBox, document.createTextNode(" Plain Text"));
  const rows = make("div", "gnb-dialogue-lines");
  const plainArea = make("div", "gnb-dialogue-plain");
  const textarea = make("textarea", "gnb-input gnb-dialogue-textarea");
  textarea.rows = 5;
  const plainTags = tagMenu(model, textarea, () => {});
  plainArea.append(textarea, plainTags.menu);
  const submit = make("button", "gnb-dialogue-submit");
  submit.type = "button";
  el.append(head, info, switchLabel, rows, plainArea, submit);

  let lines = []; // the lines as shown, with this view's uncommitted edits
  let focusAfter = null; // the row whose text field gets the focus after a redraw
  let hovered = null; // the speaker whose lines are highlighted (read-only)

  const speakers = () => model.get("speakers");
  const disabled = () => model.get("disabled");
  const textOnly = () => model.get("ui_mode") === "text" || !speakers().length;
  const commit = () => {
    if (JSON.stringify(lines) === JSON.stringify(model.get("lines"))) return;
    model.send({ op: "lines", lines });
  };
  const commitText = () => {
    if (textarea.value !== model.get("text")) model.send({ op: "text", text: textarea.value });
  };
  const colour = (speaker) => {
    const map = model.get("color_map");
    if (Object.keys(map).length) return map[speaker] || "transparent";
    const i = speakers().indexOf(speaker);
    return i < 0 ? "transparent" : PALETTE[i % PALETTE.length];
  };

  const row = (line, i) => {
    const box = make("div", "gnb-dialogue-line");
    box.dataset.speaker = line.speaker;
    let speaker;
    if (disabled()) {
      speaker = make("div", "gnb-dialogue-speaker gnb-dialogue-speaker-static", line.speaker);
      speaker.addEventListener("mouseenter", () => ((hovered = line.speaker), recolour()));
      speaker.addEventListener("mouseleave", () => ((hovered = null), recolour()));
    } else {
      speaker = make("select", "gnb-dialogue-speaker");
      const names = speakers().includes(line.speaker) || !line.speaker ? speakers() : [line.speaker, ...speakers()];
      for (const name of names) speaker.append(new Option(name, name));
      speaker.value = line.speaker;
      speaker.addEventListener("change", () => {
        lines[i] = { ...lines[i], speaker: speaker.value };
        box.dataset.speaker = speaker.value;
        commit();
      });
    }
    const cell = make("div", "gnb-dialogue-text");
    const field = make("textarea", "gnb-input gnb-dialogue-field");
    field.rows = 1;
    field.value = line.text;
    field.placeholder = model.get("placeholder");
    field.disabled = disabled();
    const fit = () => {
      field.style.height = "auto";
      field.style.height = `${field.scrollHeight + 2}px`;
    };
    const tags = tagMenu(model, field, () => {
      lines[i] = { ...lines[i], text: field.value };
      fit();
    });
    field.addEventListener("input", () => {
      lines[i] = { ...lines[i], text: field.value };
      tags.update();
      fit();
    });
    field.addEventListener("focus", tags.update);
    field.addEventListener("keydown", (e) => {
      if (tags.key(e) || e.key !== "Enter" || e.shiftKey || e.isComposing) return;
      e.preventDefault(); // Enter commits the line; Shift+Enter starts a new line in it
      commit();
    });
    field.addEventListener("blur", commit);
    cell.append(field, tags.menu);
    box.append(speaker, cell);
    if (!disabled()) {
      const max = model.get("max_lines");
      const add = make("button", "gnb-dialogue-add", "+");
      add.type = "button";
      add.title = "Add new line";
      add.setAttribute("aria-label", "Add new line");
      add.style.visibility = max !== null && i >= max - 1 ? "hidden" : ""; // the columns stay aligned
      add.addEventListener("click", () => {
        lines.splice(i + 1, 0, { speaker: speakers()[0] ?? "", text: "" });
        focusAfter = i + 1;
        draw();
        commit();
      });
      const remove = make("button", "gnb-dialogue-delete", "×");
      remove.type = "button";
      remove.title = "Remove current line";
      remove.setAttribute("aria-label", "Remove current line");
      remove.style.visibility = i === 0 ? "hidden" : ""; // as Gradio: the first line stays
      remove.addEventListener("click", () => {
        lines.splice(i, 1);
        draw();
        commit();
      });
      box.append(add, remove);
    }
    requestAnimationFrame(fit);
    return box;
  };

  const recolour = () => {
    for (const box of rows.children) {
      const speaker = box.dataset.speaker;
      const on = disabled() && (hovered === null || hovered === speaker);
      box.style.setProperty("--gnb-speaker-bg", on ? colour(speaker) : "transparent");
    }
  };

  const draw = () => {
    rows.replaceChildren(...lines.map(row));
    recolour();
    if (focusAfter !== null) {
      rows.children[focusAfter]?.querySelector(".gnb-dialogue-field")?.focus();
      focusAfter = null;
    }
  };

  const readLines = () => {
    const held = model.get("lines");
    // Our own commit coming back: keep the rows (and the focus, an open menu) as they are.
    if (held.length && JSON.stringify(held) === JSON.stringify(lines)) return;
    // An empty dialogue shows one empty line to type in (it is not a value until edited).
    lines = held.length ? held.map((l) => ({ ...l })) : [{ speaker: speakers()[0] ?? "", text: "" }];
    draw();
  };

  const layout = () => {
    const onlyText = textOnly();
    const both = model.get("ui_mode") === "both" && !onlyText;
    const plain = onlyText || (both && model.get("plain"));
    switchLabel.hidden = !both;
    switchBox.checked = plain;
    switchBox.disabled = false;
    rows.hidden = plain;
    plainArea.hidden = !plain;
    textarea.disabled = disabled();
    textarea.placeholder = model.get("placeholder");
    syncHeader();
    title.textContent = model.get("label") || "Dialogue"; // Gradio's title when unlabelled
    title.hidden = !model.get("show_label");
    copy.hidden = !model.get("copy_button") || !model.get("show_label");
    const label = model.get("submit_label");
    submit.hidden = label === null || disabled();
    submit.textContent = label || "➤";
    submit.setAttribute("aria-label", label || "Submit");
    el.classList.toggle("gnb-disabled", disabled());
  };
  const showText = () => {
    if (document.activeElement !== textarea) textarea.value = model.get("text");
  };

  switchBox.addEventListener("change", () => {
    if (disabled()) model.set("plain", switchBox.checked); // read-only: only this view's display
    else model.send({ op: "plain", on: switchBox.checked });
  });
  textarea.addEventListener("input", plainTags.update);
  textarea.addEventListener("focus", plainTags.update);
  textarea.addEventListener("keydown", (e) => plainTags.key(e));
  textarea.addEventListener("blur", commitText);
  submit.addEventListener("click", () => {
    if (!plainArea.hidden) commitText();
    model.send({ event: "submit" });
  });
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(model.get("text"));
      copy.textContent = "Copied";
      setTimeout(() => (copy.textContent = "Copy"), 1000);
    } catch (_) {
      /* no clipboard on an insecure page */
    }
  });

  model.on("change:lines", readLines);
  model.on("change:text", showText);
  for (const name of ["speakers", "disabled", "color_map", "max_lines", "placeholder"]) {
    model.on(`change:${name}`, () => (layout(), readLines()));
  }
  for (const name of ["plain", "ui_mode", "label", "show_label", "info", "copy_button", "submit_label", "pending"]) {
    model.on(`change:${name}`, layout);
  }
  layout();
  readLines();
  showText();
}

export default { render };
