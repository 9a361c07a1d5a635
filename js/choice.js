// Choice views: Dropdown (single and multiselect), Radio and CheckboxGroup, one module chosen
// by `kind`. Gradio's page behaviour: a pick sets the value, then reports a select event
// ({index, value, selected}); a Dropdown also reports key_up ({key, input_value}), focus and
// blur. Every label is set as textContent: choices are user data, never HTML.

const same = (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The label block shared by every kind (the kit's header: label, info), in the block. */
function heading(el, kind, header) {
  el.classList.add("gnb-choice", `gnb-choice-${kind}`);
  const { title, info, sync } = header(el, { label: "gnb-choice-label", info: "gnb-choice-info" });
  el.append(title, info);
  return { title, sync };
}

// The value travels with the event: the front end may hold a value update back (while an
// earlier one is unanswered), never a custom message, which could then run first.
function send(model, event, data) {
  const state = { value: model.get("value") };
  model.send(data === undefined ? { event, state } : { event, data, state });
}

function setValue(model, value) {
  model.set("value", value);
  model.save_changes();
}

const values = (model) => model.get("options").map((o) => o[1]);
const labelOf = (model, v) => {
  const i = values(model).findIndex((x) => same(x, v));
  return i >= 0 ? model.get("options")[i][0] : String(v);
};
const asList = (v) => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]);

// -- CheckboxGroup and Radio: a box per choice ------------------------------------------------

function renderBoxes(model, el, kind, header) {
  const { title, sync: syncHeader } = heading(el, kind, header);
  const wrap = document.createElement("div");
  wrap.className = "gnb-choice-boxes";
  wrap.setAttribute("role", kind === "radio" ? "radiogroup" : "group");
  el.append(wrap);
  const name = `gnb-radio-${Math.random().toString(36).slice(2)}`;
  let all = null; // the select-all box

  const toggle = (i, checked) => {
    const v = values(model)[i];
    const current = asList(model.get("value"));
    // As Gradio's page: a ticked value goes to the end, so the order is the order of ticks.
    const next = checked ? [...current.filter((x) => !same(x, v)), v] : current.filter((x) => !same(x, v));
    setValue(model, next);
    send(model, "select", { index: i, value: v, selected: checked });
  };

  const draw = () => {
    wrap.replaceChildren();
    const disabled = model.get("disabled");
    model.get("options").forEach(([label, v], i) => {
      const item = document.createElement("label");
      item.className = "gnb-choice-item";
      const box = document.createElement("input");
      box.type = kind === "radio" ? "radio" : "checkbox";
      if (kind === "radio") box.name = name;
      box.disabled = disabled;
      box.dataset.index = String(i);
      box.title = String(v);
      box.addEventListener("change", () => {
        if (kind === "radio") {
          setValue(model, v);
          send(model, "select", { value: v, index: i });
        } else {
          toggle(i, box.checked);
        }
      });
      const text = document.createElement("span");
      text.textContent = label;
      item.append(box, text);
      wrap.append(item);
    });
    if (kind === "checkboxgroup" && model.get("show_select_all") && !disabled) {
      const head = document.createElement("label");
      head.className = "gnb-choice-all";
      all = document.createElement("input");
      all.type = "checkbox";
      all.title = "Select/Deselect All";
      all.addEventListener("change", () => {
        const every = values(model);
        setValue(model, asList(model.get("value")).length === every.length ? [] : every.slice());
      });
      head.append(all);
      title.after(head);
    } else {
      all?.parentElement?.remove();
      all = null;
    }
    show();
  };

  const show = () => {
    const value = model.get("value");
    const ticked = asList(value);
    for (const box of wrap.querySelectorAll("input")) {
      const v = values(model)[Number(box.dataset.index)];
      box.checked = kind === "radio" ? same(value, v) : ticked.some((x) => same(x, v));
      box.parentElement.classList.toggle("gnb-selected", box.checked);
    }
    if (all) {
      const n = ticked.length;
      all.checked = n > 0 && n === values(model).length;
      all.indeterminate = n > 0 && !all.checked;
    }
  };

  model.on("change:value", show);
  for (const trait of ["options", "disabled", "show_select_all", "rtl"]) model.on(`change:${trait}`, draw);
  for (const trait of ["label", "show_label", "info", "pending"]) model.on(`change:${trait}`, syncHeader);
  el.dir = model.get("rtl") ? "rtl" : "";
  model.on("change:rtl", () => (el.dir = model.get("rtl") ? "rtl" : ""));
  syncHeader();
  draw();
}

// -- Dropdown: a filter field over a list of options -------------------------------------------

function renderDropdown(model, el, multi, header) {
  const { sync: syncHeader } = heading(el, multi ? "multiselect" : "dropdown", header);
  const box = document.createElement("div");
  box.className = "gnb-choice-box";
  const tokens = document.createElement("span");
  tokens.className = "gnb-choice-tokens";
  const input = document.createElement("input");
  input.className = "gnb-choice-input";
  input.setAttribute("role", "combobox");
  input.autocomplete = "off";
  const list = document.createElement("ul");
  list.className = "gnb-choice-options";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  box.append(tokens, input);
  el.append(box, list);

  let active = null; // index of the highlighted option
  let shown = []; // indices of the options listed now
  let typed = false; // the user typed since the field showed the value

  const selectedList = () => asList(model.get("value"));
  const full = () => multi && model.get("max_choices") !== null && selectedList().length >= model.get("max_choices");

  const showValue = () => {
    const value = model.get("value");
    if (multi) {
      tokens.replaceChildren();
      for (const v of selectedList()) {
        const chip = document.createElement("span");
        chip.className = "gnb-choice-token";
        const text = document.createElement("span");
        text.textContent = labelOf(model, v);
        chip.append(text);
        if (!model.get("disabled")) {
          const remove = document.createElement("button");
          remove.type = "button";
          remove.className = "gnb-choice-remove";
          remove.textContent = "×";
          remove.title = "Remove";
          remove.addEventListener("mousedown", (e) => e.preventDefault());
          remove.addEventListener("click", () => unpick(v));
          chip.append(remove);
        }
        tokens.append(chip);
      }
    } else if (document.activeElement !== input) {
      input.value = value === null || value === undefined ? "" : labelOf(model, value);
      typed = false;
    }
    draw();
  };

  const draw = () => {
    list.replaceChildren();
    const options = model.get("options");
    const chosen = selectedList();
    for (const i of shown) {
      const [label, v] = options[i];
      const item = document.createElement("li");
      item.className = "gnb-choice-option";
      item.setAttribute("role", "option");
      item.dataset.index = String(i);
      const picked = chosen.some((x) => same(x, v));
      item.classList.toggle("gnb-selected", picked);
      item.classList.toggle("gnb-active", i === active);
      item.setAttribute("aria-selected", String(picked));
      item.textContent = (picked ? "✓ " : "") + label;
      item.addEventListener("mousedown", (e) => e.preventDefault()); // keep the focus
      item.addEventListener("click", () => choose(i));
      list.append(item);
    }
    list.hidden = document.activeElement !== input || shown.length === 0 || full();
  };

  const filter = () => {
    const text = typed && model.get("filterable") ? input.value.toLowerCase() : "";
    shown = model.get("options").flatMap(([label], i) => (String(label).toLowerCase().includes(text) ? [i] : []));
    if (active !== null && !shown.includes(active)) active = shown.length ? shown[0] : null;
  };

  const pick = (v, index) => {
    if (multi) {
      if (full()) return;
      setValue(model, [...selectedList(), v]);
      send(model, "select", { index, value: v, selected: true });
    } else {
      setValue(model, v);
      send(model, "select", { index, value: v, selected: true });
    }
  };
  const unpick = (v) => {
    const i = values(model).findIndex((x) => same(x, v));
    setValue(model, selectedList().filter((x) => !same(x, v)));
    send(model, "select", { index: i, value: v, selected: false });
  };
  const choose = (i) => {
    const v = values(model)[i];
    if (multi && selectedList().some((x) => same(x, v))) unpick(v);
    else pick(v, i);
    input.value = multi ? "" : model.get("options")[i][0];
    typed = false;
    active = null;
    if (!multi || full()) input.blur();
    else {
      filter();
      draw();
    }
  };
  // Typed text that is not an option's label: a custom value, if allowed.
  const commitTyped = () => {
    const text = input.value;
    const labels = model.get("options").map((o) => String(o[0]));
    const at = labels.indexOf(text);
    if (at >= 0) {
      if (!multi || !selectedList().some((x) => same(x, values(model)[at]))) pick(values(model)[at], at);
    } else if (model.get("allow_custom_value") && (text !== "" || !multi)) {
      if (!multi || !selectedList().includes(text)) pick(text, -1);
    }
    if (multi) input.value = "";
    typed = false;
  };

  input.addEventListener("focus", () => {
    typed = false;
    active = null;
    filter();
    draw();
    send(model, "focus");
  });
  input.addEventListener("blur", () => {
    if (typed && model.get("allow_custom_value")) commitTyped();
    if (multi) input.value = "";
    typed = false;
    active = null;
    list.hidden = true;
    send(model, "blur");
    showValue();
  });
  input.addEventListener("input", () => {
    typed = true;
    filter();
    active = model.get("allow_custom_value") || !shown.length ? null : shown[0];
    draw();
  });
  input.addEventListener("keydown", (e) => {
    if (e.isComposing) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!shown.length) return;
      const at = active === null ? -1 : shown.indexOf(active);
      const step = e.key === "ArrowDown" ? 1 : -1;
      active = shown[(at + step + shown.length + (at < 0 && step < 0 ? 1 : 0)) % shown.length];
      draw();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (active !== null) choose(active);
      else {
        commitTyped();
        if (!multi) input.blur();
      }
    } else if (e.key === "Escape") {
      list.hidden = true;
    } else if (e.key === "Backspace" && multi && input.value === "" && selectedList().length) {
      setValue(model, selectedList().slice(0, -1));
    }
  });
  input.addEventListener("keyup", (e) => send(model, "key_up", { key: e.key, input_value: input.value }));

  const props = () => {
    input.disabled = model.get("disabled");
    input.readOnly = !model.get("filterable");
    input.setAttribute("aria-label", model.get("label") || "Dropdown");
    el.classList.toggle("gnb-disabled", model.get("disabled"));
    filter();
    showValue();
  };
  model.on("change:value", showValue);
  for (const trait of ["options", "disabled", "filterable", "max_choices", "allow_custom_value"]) {
    model.on(`change:${trait}`, props);
  }
  for (const trait of ["label", "show_label", "info", "pending"]) model.on(`change:${trait}`, syncHeader);
  syncHeader();
  props();
}

function render({ model, el, header }) {
  // Listeners go through `on`, so that a redraw for a new kind can take them all away.
  let listening = [];
  const scoped = {
    get: (name) => model.get(name),
    set: (name, value) => model.set(name, value),
    save_changes: () => model.save_changes(),
    send: (...args) => model.send(...args),
    on: (name, fn) => {
      listening.push([name, fn]);
      model.on(name, fn);
    },
  };
  const draw = () => {
    for (const [name, fn] of listening) model.off(name, fn);
    listening = [];
    el.replaceChildren();
    for (const cls of [...el.classList]) if (cls.startsWith("gnb-choice")) el.classList.remove(cls);
    const kind = model.get("kind");
    if (kind === "radio" || kind === "checkboxgroup") renderBoxes(scoped, el, kind, header);
    else renderDropdown(scoped, el, kind === "multiselect", header);
  };
  draw();
  // A gr.update(multiselect=...) changes the kind: draw anew.
  model.on("change:kind", draw);
  return () => {
    for (const [name, fn] of listening) model.off(name, fn);
    model.off("change:kind", draw);
  };
}

export default { render };
