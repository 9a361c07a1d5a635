// FileExplorer view: a tree of the kernel's files. Listings come from the kernel on request
// ({op: "ls", path}); ticks go to the kernel ({op: "check", ...}), which answers with a new
// `value` (the selected paths, each a list of parts). Names are set as textContent only.

const key = (parts) => JSON.stringify(parts);

function render({ model, el, header }) {
  el.classList.add("gnb-files");
  const { title, sync: syncHeader } = header(el, { label: "gnb-files-label", tag: "div" });
  const box = document.createElement("div");
  box.className = "gnb-files-box";
  el.append(title, box);

  const waiting = new Map(); // path key -> callbacks waiting for that listing
  const checkboxes = new Map(); // path key -> {input, parts, type}

  const ls = (parts, done) => {
    const k = key(parts);
    if (!waiting.has(k)) {
      waiting.set(k, []);
      model.send({ op: "ls", path: parts });
    }
    waiting.get(k).push(done);
  };

  model.on("msg:custom", (msg) => {
    if (msg && msg.op === "ls") {
      const k = key(msg.path);
      const callbacks = waiting.get(k) || [];
      waiting.delete(k);
      for (const done of callbacks) done(msg.items || []);
    }
  });

  const selected = () => (model.get("value") || []).map(key);

  const refreshChecks = () => {
    const chosen = selected();
    const disabled = model.get("disabled");
    for (const [k, { input, parts, type, valid }] of checkboxes) {
      if (!input.isConnected) {
        checkboxes.delete(k);
        continue;
      }
      input.checked = chosen.includes(k);
      const prefix = k.slice(0, -1); // '["a","b"' : paths inside start with it and a comma
      input.indeterminate =
        type === "folder" && !input.checked && chosen.some((c) => c.startsWith(prefix + ","));
      input.disabled = disabled || (type === "file" && !valid);
      input.closest("li").classList.toggle("gnb-files-chosen", input.checked);
    }
    // A file chosen by the kernel (a function's output) inside a closed folder stays hidden
    // until that folder is opened; its tick is then shown.
  };

  const list = (parts, into, indexPath = []) => {
    const ul = document.createElement("ul");
    ul.className = parts.length === 0 ? "gnb-files-tree gnb-files-root" : "gnb-files-tree";
    into.append(ul);
    ls(parts, (items) => {
      if (items.length === 0 && parts.length === 0) {
        const empty = document.createElement("li");
        empty.className = "gnb-files-empty";
        empty.textContent = "No files";
        ul.append(empty);
      }
      items.forEach((item, i) => ul.append(entry([...parts, item.name], item, [...indexPath, i])));
      refreshChecks();
    });
  };

  const entry = (parts, item, indexPath) => {
    const li = document.createElement("li");
    li.className = `gnb-files-${item.type}`;
    const row = document.createElement("span");
    row.className = "gnb-files-row";
    li.append(row);
    let arrow = null;
    if (item.type === "folder") {
      arrow = document.createElement("button");
      arrow.className = "gnb-files-arrow";
      arrow.type = "button";
      arrow.textContent = "▶";
      arrow.setAttribute("aria-label", "Open folder");
      row.append(arrow);
    } else {
      const spacer = document.createElement("span");
      spacer.className = "gnb-files-spacer";
      row.append(spacer);
    }
    const input = document.createElement("input");
    input.type = "checkbox";
    input.className = "gnb-files-check";
    input.addEventListener("change", () => {
      model.send({ op: "check", path: parts, type: item.type, checked: input.checked });
    });
    checkboxes.set(key(parts), { input, parts, type: item.type, valid: item.valid });
    const name = document.createElement("span");
    name.className = "gnb-files-name";
    name.textContent = item.name;
    name.addEventListener("click", () => {
      model.send({ event: "select", data: { index: indexPath, value: parts.join("/"), selected: true } });
    });
    row.append(input, name);
    if (arrow) {
      let open = false;
      let child = null;
      arrow.addEventListener("click", () => {
        open = !open;
        arrow.textContent = open ? "▼" : "▶";
        arrow.setAttribute("aria-label", open ? "Close folder" : "Open folder");
        if (open && !child) {
          child = document.createElement("div");
          li.append(child);
          list(parts, child, indexPath);
        } else if (child) {
          child.hidden = !open;
        }
      });
    }
    return li;
  };

  const reload = () => {
    box.replaceChildren();
    checkboxes.clear();
    list([], box);
  };
  const props = () => {
    syncHeader();
    title.hidden = !model.get("show_label"); // a title bar even without a label
    box.style.maxHeight = model.get("max_height");
    el.classList.toggle("gnb-files-single", model.get("file_count") === "single");
    refreshChecks();
  };
  for (const name of ["label", "show_label", "max_height", "pending", "file_count", "disabled"]) {
    model.on(`change:${name}`, props);
  }
  model.on("change:value", refreshChecks);
  model.on("change:listing", reload);
  props();
  reload();
}

export default { render };
