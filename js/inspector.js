// The State inspector: each State's name, type, size and summarised value, and the event
// log (newest first). Everything arrives as short strings and is shown as text, never HTML.
function cell(tag, text, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

function states(model) {
  const table = document.createElement("table");
  table.className = "gnb-inspector-states";
  const head = table.createTHead().insertRow();
  for (const title of ["State", "type", "value", "size"]) head.append(cell("th", title));
  const body = table.createTBody();
  for (const row of model.get("states")) {
    const tr = body.insertRow();
    tr.dataset.state = row.name;
    const name = cell("td", row.name, "gnb-inspector-name");
    if (row.kind) name.append(cell("span", row.kind, "gnb-inspector-tag"));
    tr.append(name, cell("td", row.type), cell("td", row.value, "gnb-inspector-value"), cell("td", row.size));
  }
  if (!model.get("states").length) {
    const empty = cell("td", "This app has no State.", "gnb-inspector-empty");
    empty.colSpan = 4;
    body.insertRow().append(empty);
  }
  return table;
}

function entry(record) {
  const item = document.createElement("li");
  item.className = `gnb-inspector-event gnb-inspector-${record.status}`;
  const ms = record.duration * 1000;
  const head = cell("div", `#${record.number} ${record.event}`, "gnb-inspector-head");
  head.append(cell("span", ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`, "gnb-inspector-time"));
  item.append(head);
  if (record.inputs.length) {
    item.append(cell("div", "in: " + record.inputs.map(([n, v]) => `${n} = ${v}`).join(", "), "gnb-inspector-line"));
  }
  for (const c of record.changes) {
    const text = c.how === "set" ? `${c.name}: ${c.before} → ${c.after}` : `${c.name} (${c.how}): ${c.before} → ${c.after}`;
    item.append(cell("div", text, "gnb-inspector-line gnb-inspector-change"));
  }
  if (!record.changes.length && record.status === "ok") item.append(cell("div", "nothing changed", "gnb-inspector-line gnb-inspector-quiet"));
  if (record.error) item.append(cell("div", record.error, "gnb-inspector-line gnb-inspector-error"));
  if (record.status === "cancelled") item.append(cell("div", "cancelled", "gnb-inspector-line gnb-inspector-quiet"));
  return item;
}

function render({ model, el }) {
  el.classList.add("gnb-inspector");
  const draw = () => {
    const log = document.createElement("ol");
    log.className = "gnb-inspector-log";
    for (const record of model.get("log")) log.append(entry(record));
    const total = model.get("events");
    const shown = model.get("log").length;
    const caption = total ? (total > shown ? `Events (latest ${shown} of ${total})` : `Events (${total})`) : "Events: none yet";
    el.replaceChildren(
      cell("div", model.get("title"), "gnb-inspector-title"),
      states(model),
      cell("div", caption, "gnb-inspector-caption"),
      log,
    );
  };
  // One "change" per message from the kernel, however many traits it set: one redraw.
  model.on("change", draw);
  draw();
  return () => model.off("change", draw);
}

export default { render };
