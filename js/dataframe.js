// Dataframe view: a windowed table, drawn as Gradio 6's. The kernel holds the whole table;
// this view holds only the rows it shows plus a margin, asks for missing ones as it scrolls
// ({op: "rows", start, end} -> {op: "rows", version, start, rows, html?, display?, styling?}),
// sends a cell edit as {op: "edit", row, col, value} (the kernel echoes the stored cell as
// {op: "cell", ...}) and a click as {op: "select", row, col}. `version` changes when a new
// table replaces the old, or the kernel sorted or searched it for this view (`sort_by`,
// `query`): the rows held are dropped and asked for again. Rows are drawn by position in the
// listing; `index` (sent when sorted or searched) gives each one's row in the table, which
// is what edits and selections name.
//
// A person changes the table's shape as in Gradio where `row_dynamic`/`col_dynamic` allow:
// the "+" bar under an empty table, and the menu of a selected cell ("⋮", or a right click)
// or of a header ({op: "add_row" | "delete_row" | "add_column" | "delete_column", ...}); the
// kernel makes the new table. The copy button asks the kernel for the table as CSV
// ({op: "copy"} -> {op: "copy", text}) unless a cell is selected (that cell is copied).

const BLOCK = 64; // rows per request unit: a scroll asks for whole blocks
const MARGIN = 40; // rows kept ready above and below the visible ones
const KEEP = 4000; // rows a view keeps before dropping the ones far from view

// Icons of our own drawing on a 24-unit grid, stroked in the text colour.
const SHAPES = {
  copy: '<rect x="8" y="8" width="12" height="12" rx="2"/><path d="M4 16V6a2 2 0 0 1 2-2h10"/>',
  done: '<path d="M5 12.5l4.5 4.5L19 7.5"/>',
  expand: '<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"/>',
  shrink: '<path d="M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5"/>',
  dots: '<circle cx="12" cy="5" r="1.2"/><circle cx="12" cy="12" r="1.2"/><circle cx="12" cy="19" r="1.2"/>',
  up: '<path d="M6 19h12M12 15V5M8 9l4-4 4 4"/>',
  down: '<path d="M6 5h12M12 9v10M8 15l4 4 4-4"/>',
  left: '<path d="M19 6v12M15 12H5M9 8l-4 4 4 4"/>',
  right: '<path d="M5 6v12M9 12h10M15 8l4 4-4 4"/>',
  trash: '<path d="M4 6h16M9 6V4h6v2M6.5 6l1 14h9l1-14"/>',
  asc: '<path d="M12 19V5M7 10l5-5 5 5"/>',
  desc: '<path d="M12 5v14M7 14l5 5 5-5"/>',
  clear: '<path d="M6 6l12 12M18 6L6 18"/>',
};
const svg = (name) =>
  `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${SHAPES[name]}</svg>`;

function iconButton(className, label, shape) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = className;
  const set = (text, name) => {
    button.title = text;
    button.setAttribute("aria-label", text);
    button.innerHTML = svg(name);
  };
  set(label, shape);
  button.set = set;
  return button;
}

/** Text to the clipboard; the hidden-textarea way where the Clipboard API is missing or refused
 * (a page served over plain http from another host). */
async function toClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.style.cssText = "position: fixed; opacity: 0;";
    document.body.append(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done;
  }
}

function render({ model, el, header }) {
  el.classList.add("gnb-dataframe");
  const make = (tag, className) => Object.assign(document.createElement(tag), { className });
  const { title, sync: syncHeader } = header(el, { label: "gnb-df-label", tag: "div" });
  const head = make("div", "gnb-df-head");
  const tools = make("div", "gnb-df-tools");
  head.append(title, tools);
  const search = Object.assign(make("input", "gnb-df-search"), { type: "text" });
  const copyButton = iconButton("gnb-df-tool", "Copy table data", "copy");
  const fullButton = iconButton("gnb-df-tool", "Fullscreen", "expand");
  const frame = make("div", "gnb-df-frame"); // Gradio's bordered table box
  const scroller = make("div", "gnb-df-scroll");
  scroller.tabIndex = 0;
  // Keys typed into the table are the table's: JupyterLab's command-mode shortcuts ("a",
  // "b", "d d", ...) must not act on the notebook meanwhile.
  scroller.dataset.lmSuppressShortcuts = "true";
  const table = make("table", "gnb-df-table");
  const colgroup = document.createElement("colgroup");
  const thead = document.createElement("thead");
  const tbody = document.createElement("tbody");
  table.append(colgroup, thead, tbody);
  scroller.append(table);
  frame.append(scroller);
  const addRow = Object.assign(make("button", "gnb-df-add-row"), { type: "button", textContent: "+" });
  addRow.setAttribute("aria-label", "Add row");
  el.append(head, frame, addRow);

  let cache = new Map(); // position in the listing -> {index, cells, html, display, styling}
  let positions = new Map(); // row of the table -> position in the listing
  let asked = new Set(); // blocks asked for in this version
  let version = model.get("version");
  let rowHeight = 37;
  let adjustments = 0; // row height re-estimates this version (wrapped rows vary: bounded)
  let selected = null; // {row, col, pos}: row of the table, position in the listing
  let chosen = null; // {row, col}: a cell to select once its row arrives (a row just added)
  let editor = null; // {row, col, input}
  let menu = null; // the open cell or header menu
  let shown = [0, 0];

  const editable = (col) => !model.get("disabled") && !model.get("static_columns").includes(col);
  const kind = (col) => model.get("datatype")[col] ?? "str";
  const columns = () => model.get("headers").length;

  // -- asking the kernel for rows ----------------------------------------------------------
  const ask = (start, end) => {
    const n = model.get("shown_rows");
    const first = Math.floor(Math.max(0, start) / BLOCK);
    const last = Math.floor((Math.min(n, end) - 1) / BLOCK);
    let from = null;
    const flush = (upto) => {
      if (from === null) return;
      model.send({ op: "rows", start: from * BLOCK, end: Math.min(n, (upto + 1) * BLOCK) });
      from = null;
    };
    for (let b = first; b <= last; b++) {
      let complete = asked.has(b);
      if (!complete) {
        complete = true;
        for (let r = b * BLOCK; r < Math.min(n, (b + 1) * BLOCK); r++) {
          if (!cache.has(r)) {
            complete = false;
            break;
          }
        }
      }
      if (complete) {
        flush(b - 1);
      } else {
        asked.add(b);
        if (from === null) from = b;
      }
    }
    flush(last);
  };

  const forgetFar = () => {
    if (cache.size <= KEEP) return;
    const [a, b] = shown;
    for (const r of cache.keys()) {
      if (r < a - KEEP / 4 || r > b + KEEP / 4) {
        positions.delete(cache.get(r).index);
        cache.delete(r);
        asked.delete(Math.floor(r / BLOCK));
      }
    }
  };

  // -- drawing ------------------------------------------------------------------------------
  const menuButton = (onclick) => {
    const button = iconButton("gnb-df-menu-button", "Open cell menu", "dots");
    button.setAttribute("aria-haspopup", "menu");
    button.addEventListener("mousedown", (e) => e.stopPropagation());
    button.addEventListener("click", (e) => {
      e.stopPropagation();
      onclick(button);
    });
    return button;
  };

  const headerRow = () => {
    const headers = model.get("headers");
    const widths = model.get("column_widths");
    colgroup.replaceChildren();
    const tr = document.createElement("tr");
    if (model.get("show_row_numbers")) {
      colgroup.append(document.createElement("col"));
      const th = document.createElement("th");
      th.className = "gnb-df-rownum";
      tr.append(th);
    }
    headers.forEach((h, i) => {
      const col = document.createElement("col");
      if (widths[i]) col.style.width = widths[i];
      colgroup.append(col);
      const th = document.createElement("th");
      const sort = model.get("sort_by");
      const mark = sort.length === 2 && sort[0] === i ? (sort[1] === "asc" ? " ▲" : " ▼") : "";
      th.textContent = (h === null || h === undefined ? "" : String(h)) + mark;
      th.title = "Sort";
      th.dataset.col = i;
      // Gradio gives every header a menu (sort, and columns where they may change) when the
      // column count is dynamic.
      if (model.get("col_dynamic")) th.append(menuButton((b) => openMenu(b.closest("th"), -1, i)));
      tr.append(th);
    });
    thead.replaceChildren(tr);
    table.classList.toggle("gnb-df-fixed", widths.length > 0);
  };

  const text = (value) => {
    const s = value === null || value === undefined ? "" : String(value);
    const max = model.get("max_chars");
    return max > 0 && s.length > max ? `${s.slice(0, max)}…` : s;
  };

  /** A cell's text as Gradio's page shows it: a number column reads text as a number where
   * it can ("" shows 0: a row a person adds holds "" yet shows 0 there, as in Gradio). */
  const shownAs = (value, k) => {
    if (k !== "number" || typeof value !== "string") return value;
    const n = Number(value);
    return Number.isNaN(n) ? value : n;
  };

  const fillCell = (td, pos, col, entry) => {
    td.replaceChildren();
    td.className = "gnb-df-cell";
    td.dataset.pos = pos;
    td.dataset.row = entry ? entry.index : "";
    td.dataset.col = col;
    const here = entry && selected && selected.row === entry.index && selected.col === col;
    if (here) td.classList.add("gnb-df-selected");
    if (!entry) {
      td.classList.add("gnb-df-loading");
      return;
    }
    const value = entry.cells[col];
    const styling = entry.styling?.[col];
    td.style.cssText = styling || "";
    if (kind(col) === "bool" && typeof value === "boolean") {
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = value;
      box.disabled = !editable(col);
      box.addEventListener("click", (e) => e.stopPropagation());
      box.addEventListener("change", () => commit(pos, col, box.checked));
      td.append(box);
    } else if ((kind(col) === "markdown" || kind(col) === "html") && entry.html?.[col] !== undefined) {
      td.innerHTML = entry.html[col]; // rendered and sanitized in the kernel
    } else {
      td.textContent = text(entry.display?.[col] ?? shownAs(value, kind(col)));
    }
    // The selected editable cell carries Gradio's "⋮" menu button.
    if (here && editable(col)) td.append(menuButton(() => openMenu(td, entry.index, col)));
  };

  const spacer = (height, span) => {
    // Stands for the rows not drawn, so the scrollbar spans the whole table.
    const tr = document.createElement("tr");
    tr.className = "gnb-df-spacer";
    const td = document.createElement("td");
    td.colSpan = span;
    td.style.height = `${height}px`;
    tr.append(td);
    return tr;
  };

  const draw = () => {
    if (editor) return; // redrawn when the edit ends
    const n = model.get("shown_rows");
    const height = scroller.clientHeight || parseFloat(model.get("max_height")) || 500;
    const first = Math.floor(scroller.scrollTop / rowHeight);
    const start = Math.max(0, Math.min(first, n) - 10);
    const end = Math.min(n, first + Math.ceil(height / rowHeight) + 10);
    shown = [start, end];
    ask(start - MARGIN, end + MARGIN);
    const span = columns() + (model.get("show_row_numbers") ? 1 : 0) || 1;
    const rows = [spacer(start * rowHeight, span)];
    for (let r = start; r < end; r++) {
      const tr = document.createElement("tr");
      tr.className = r % 2 ? "gnb-df-even" : "gnb-df-odd"; // Gradio counts rows from 1
      const entry = cache.get(r);
      if (model.get("show_row_numbers")) {
        const num = document.createElement("td");
        num.className = "gnb-df-rownum";
        num.textContent = String((entry ? entry.index : r) + 1);
        tr.append(num);
      }
      for (let c = 0; c < columns(); c++) {
        const td = document.createElement("td");
        fillCell(td, r, c, entry);
        tr.append(td);
      }
      rows.push(tr);
    }
    rows.push(spacer((n - end) * rowHeight, span));
    tbody.replaceChildren(...(n ? rows : [])); // an empty table is its header alone, as Gradio's
    addRow.hidden = !(model.get("n_rows") === 0 && !model.get("disabled") && model.get("row_dynamic"));
    measure(rows.slice(1, -1));
    pin();
    forgetFar();
  };

  const measure = (rows) => {
    const loaded = rows.filter((tr) => !tr.querySelector(".gnb-df-loading"));
    if (!loaded.length) return;
    const average = loaded.reduce((sum, tr) => sum + tr.getBoundingClientRect().height, 0) / loaded.length;
    if (average > 0 && Math.abs(average - rowHeight) > 1 && adjustments < 3) {
      adjustments += 1;
      rowHeight = average;
      requestAnimationFrame(draw);
    }
  };

  const pin = () => {
    const pinned = model.get("pinned_columns") + (model.get("show_row_numbers") ? 1 : 0);
    if (pinned <= (model.get("show_row_numbers") ? 1 : 0)) return;
    const heads = [...thead.querySelectorAll("th")].slice(0, pinned);
    let left = 0;
    const lefts = heads.map((th) => {
      const at = left;
      left += th.getBoundingClientRect().width;
      return at;
    });
    for (const tr of table.querySelectorAll("tr:not(.gnb-df-spacer)")) {
      [...tr.children].slice(0, pinned).forEach((cell, i) => {
        cell.classList.add("gnb-df-pinned");
        cell.style.left = `${lefts[i]}px`;
      });
    }
  };

  const tool = () => {
    // Gradio's header row: the label, then the search box and the icon buttons at the right;
    // only what is asked for is in the page (a hidden input could still be laid out).
    const buttons = model.get("buttons");
    const mode = model.get("show_search");
    search.placeholder = mode === "filter" ? "Filter..." : "Search...";
    const parts = [];
    if (mode !== "none") parts.push(search);
    if (buttons.includes("copy")) parts.push(copyButton);
    if (buttons.includes("fullscreen")) parts.push(fullButton);
    tools.replaceChildren(...parts);
    head.hidden = !parts.length && title.hidden;
  };

  const props = () => {
    syncHeader();
    tool();
    scroller.style.maxHeight = model.get("max_height");
    el.classList.toggle("gnb-df-wrap", model.get("wrap"));
    el.classList.toggle("gnb-df-editable", !model.get("disabled"));
  };

  // -- cells: select and edit --------------------------------------------------------------
  const cellAt = (pos, col) => tbody.querySelector(`td[data-pos="${pos}"][data-col="${col}"]`);

  /** Mark a cell selected in this view (arrow keys, a row just added: no event, as Gradio). */
  const mark = (pos, col) => {
    const entry = cache.get(pos);
    if (!entry) return false;
    const old = selected && cellAt(selected.pos, selected.col);
    selected = { row: entry.index, col, pos };
    if (old) fillCell(old, Number(old.dataset.pos), Number(old.dataset.col), cache.get(Number(old.dataset.pos)));
    const td = cellAt(pos, col);
    if (td) fillCell(td, pos, col, entry);
    return true;
  };

  /** A click on a cell: selected, and `select` fires in the kernel. */
  const select = (pos, col) => {
    if (mark(pos, col)) model.send({ op: "select", row: selected.row, col });
  };

  const unselect = () => {
    const old = selected && cellAt(selected.pos, selected.col);
    selected = null;
    if (old) fillCell(old, Number(old.dataset.pos), Number(old.dataset.col), cache.get(Number(old.dataset.pos)));
  };

  const commit = (pos, col, value) => {
    const entry = cache.get(pos);
    if (!entry) return;
    if (entry.cells[col] !== value) {
      entry.cells = [...entry.cells];
      entry.cells[col] = value; // shown at once; the kernel's echo brings the stored type
    }
    model.send({ op: "edit", row: entry.index, col, value });
  };

  /** Move the selection by rows and columns (clamped to the listing), scrolled into view. */
  const move = (rows, cols) => {
    if (!selected) return;
    const r = Math.max(0, Math.min(model.get("shown_rows") - 1, selected.pos + rows));
    const c = Math.max(0, Math.min(columns() - 1, selected.col + cols));
    if (r < shown[0] + 1 || r >= shown[1] - 1) scroller.scrollTop = Math.max(0, (r - 2) * rowHeight);
    mark(r, c);
    draw();
  };

  const startEdit = (pos, col, initial) => {
    const td = cellAt(pos, col);
    const entry = cache.get(pos);
    if (!td || !entry || !editable(col) || kind(col) === "bool") return;
    const input = document.createElement("input");
    input.className = "gnb-df-editor";
    const value = entry.cells[col];
    const held = value === null || value === undefined ? "" : String(value);
    input.value = initial ?? held;
    td.replaceChildren(input);
    editor = { pos, col, input, original: held };
    input.focus();
    if (initial === undefined) input.select();
    const finish = (save) => {
      if (!editor || editor.input !== input) return;
      const changed = input.value !== editor.original;
      editor = null;
      if (save && changed) commit(pos, col, input.value);
      draw();
      scroller.focus({ preventScroll: true });
    };
    input.addEventListener("keydown", (e) => {
      e.stopPropagation();
      if (e.key === "Enter" && !e.isComposing) {
        // As in Gradio: Enter keeps the text and goes down a row; Tab goes on editing the
        // next cell.
        e.preventDefault();
        finish(true);
        move(1, 0);
      } else if (e.key === "Tab") {
        e.preventDefault();
        finish(true);
        move(0, e.shiftKey ? -1 : 1);
        if (selected && (selected.pos !== pos || selected.col !== col)) startEdit(selected.pos, selected.col);
      } else if (e.key === "Escape") {
        e.preventDefault();
        finish(false);
      }
    });
    input.addEventListener("blur", () => finish(true));
  };

  // -- the cell and header menus -----------------------------------------------------------
  const closeMenu = () => {
    menu?.remove();
    menu = null;
  };

  /** Gradio's menu for the cell `row`, `col` (row -1: the header of column `col`), by `anchor`. */
  const openMenu = (anchor, row, col) => {
    const again = menu && menu.dataset.row === String(row) && menu.dataset.col === String(col);
    closeMenu();
    if (again) return; // a second click on the same "⋮" closes it
    const items = [];
    const item = (label, shape, message) => items.push([label, shape, message]);
    const open = !model.get("disabled");
    if (row < 0) {
      item("Sort ascending", "asc", () => sortBy([col, "asc"]));
      item("Sort descending", "desc", () => sortBy([col, "desc"]));
      item("Clear sort", "clear", () => sortBy([]));
    } else if (open && model.get("row_dynamic")) {
      item("Add row above", "up", { op: "add_row", at: row });
      item("Add row below", "down", { op: "add_row", at: row + 1 });
      if (model.get("n_rows") > 1) item("Delete row", "trash", { op: "delete_row", row });
    }
    if (open && model.get("col_dynamic")) {
      item("Add column to the left", "left", { op: "add_column", at: col });
      item("Add column to the right", "right", { op: "add_column", at: col + 1 });
      if (columns() > 1) item("Delete column", "trash", { op: "delete_column", col });
    }
    if (!items.length) return;
    menu = document.createElement("div");
    menu.className = "gnb-df-menu";
    menu.setAttribute("role", "menu");
    menu.dataset.row = row;
    menu.dataset.col = col;
    for (const [label, shape, action] of items) {
      const button = document.createElement("button");
      button.type = "button";
      button.setAttribute("role", "menuitem");
      button.innerHTML = svg(shape);
      button.append(label);
      button.addEventListener("click", (e) => {
        e.stopPropagation();
        closeMenu();
        scroller.focus({ preventScroll: true }); // keys typed next are the table's, as in Gradio
        if (typeof action === "function") return action();
        if (action.op === "add_row") chosen = { row: action.at, col: 0 }; // Gradio selects it
        model.send(action);
      });
      menu.append(button);
    }
    el.append(menu);
    // Near the cell's bottom-right corner, kept inside the window (Gradio's placement). Fixed,
    // as the output areas around the view clip what overflows them; placed, then moved by
    // what the page's containing block (a transformed or contained ancestor) shifted.
    const at = anchor.getBoundingClientRect();
    const size = menu.getBoundingClientRect();
    let x = at.right - 30;
    let y = at.bottom - 20;
    if (x + size.width > window.innerWidth) x = at.right - size.width + 10;
    if (y + size.height > window.innerHeight) y = at.bottom - size.height + 10;
    menu.style.left = `${x}px`;
    menu.style.top = `${y}px`;
    const placed = menu.getBoundingClientRect();
    menu.style.left = `${2 * x - placed.left}px`;
    menu.style.top = `${2 * y - placed.top}px`;
  };

  const sortBy = (next) => {
    scroller.scrollTop = 0;
    model.set("sort_by", next);
    model.save_changes();
  };

  // -- copy and fullscreen -----------------------------------------------------------------
  let copying = null; // resolves with the kernel's CSV text
  let copiedTimer = 0;
  const copy = async () => {
    const entry = selected && cache.get(selected.pos);
    let text;
    if (entry) {
      const value = entry.cells[selected.col];
      text = value === null || value === undefined ? "" : String(value);
    } else {
      text = await new Promise((resolve) => {
        copying = resolve;
        model.send({ op: "copy" });
      });
    }
    if (!(await toClipboard(text))) return;
    copyButton.set("Copied to clipboard", "done");
    clearTimeout(copiedTimer);
    copiedTimer = setTimeout(() => copyButton.set("Copy table data", "copy"), 2000);
  };
  copyButton.addEventListener("click", copy);

  const fullscreen = () => {
    if (document.fullscreenElement === el) document.exitFullscreen();
    else el.requestFullscreen?.();
  };
  fullButton.addEventListener("click", fullscreen);
  const onFullscreen = () => {
    const on = document.fullscreenElement === el;
    fullButton.set(on ? "Exit fullscreen mode" : "Fullscreen", on ? "shrink" : "expand");
    requestAnimationFrame(draw); // a new height: other rows are in view
  };
  document.addEventListener("fullscreenchange", onFullscreen);

  // -- the person's clicks and keys --------------------------------------------------------
  let typing = 0;
  search.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      scroller.scrollTop = 0; // a new listing starts at its top
      model.set("query", search.value);
      model.save_changes();
    }, 200);
  });
  search.addEventListener("keydown", (e) => e.stopPropagation());

  addRow.addEventListener("click", () => {
    chosen = { row: model.get("n_rows"), col: 0 };
    model.send({ op: "add_row" });
    scroller.focus({ preventScroll: true });
  });

  tbody.addEventListener("click", (e) => {
    const td = e.target.closest("td.gnb-df-cell");
    if (!td || td.querySelector(".gnb-df-editor")) return;
    closeMenu();
    chosen = null; // a row added but not listed (a search) is not selected later
    select(Number(td.dataset.pos), Number(td.dataset.col));
    scroller.focus({ preventScroll: true });
  });
  tbody.addEventListener("dblclick", (e) => {
    const td = e.target.closest("td.gnb-df-cell");
    if (td) startEdit(Number(td.dataset.pos), Number(td.dataset.col));
  });
  tbody.addEventListener("contextmenu", (e) => {
    const td = e.target.closest("td.gnb-df-cell");
    if (!td || !editable(Number(td.dataset.col)) || !cache.has(Number(td.dataset.pos))) return;
    e.preventDefault();
    e.stopPropagation(); // JupyterLab's own context menu would open over ours
    mark(Number(td.dataset.pos), Number(td.dataset.col));
    openMenu(td, Number(td.dataset.row), Number(td.dataset.col));
  });
  thead.addEventListener("click", (e) => {
    const th = e.target.closest("th[data-col]");
    if (!th) return;
    // Ascending, descending, then as held; the kernel sorts, this view asks for rows again.
    const col = Number(th.dataset.col);
    const sort = model.get("sort_by");
    closeMenu();
    sortBy(sort.length === 2 && sort[0] === col ? (sort[1] === "asc" ? [col, "desc"] : []) : [col, "asc"]);
  });
  scroller.addEventListener("keydown", (e) => {
    if (!selected || editor) return;
    const { pos: row, col } = selected;
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    if (e.key in moves || e.key === "Tab") {
      e.preventDefault();
      e.stopPropagation();
      move(...(moves[e.key] ?? [0, e.shiftKey ? -1 : 1]));
    } else if (e.key === "Enter") {
      e.preventDefault();
      e.stopPropagation();
      startEdit(row, col);
    } else if ((e.key === "Delete" || e.key === "Backspace") && editable(col) && kind(col) !== "bool") {
      e.preventDefault();
      e.stopPropagation();
      commit(row, col, ""); // Gradio empties the cell
      const td = cellAt(row, col);
      if (td) fillCell(td, row, col, cache.get(row));
    } else if ((e.ctrlKey || e.metaKey) && e.key === "c") {
      e.stopPropagation();
      copy();
    } else if (e.key.length === 1 && plain) {
      e.preventDefault();
      e.stopPropagation();
      startEdit(row, col, e.key);
    } else if (e.key === "Escape") {
      closeMenu();
    }
  });
  // A click elsewhere in the page ends the selection and closes a menu, as in Gradio.
  const outside = (e) => {
    if (el.contains(e.target)) return;
    closeMenu();
    if (selected && !editor) unselect();
  };
  document.addEventListener("click", outside);

  let scrolling = 0;
  scroller.addEventListener("scroll", () => {
    if (editor) editor.input.blur();
    closeMenu();
    if (!scrolling) {
      scrolling = requestAnimationFrame(() => {
        scrolling = 0;
        draw();
      });
    }
  });

  // -- kernel messages ---------------------------------------------------------------------
  const onMessage = (msg) => {
    if (msg?.op === "copy") {
      copying?.(msg.text);
      copying = null;
      return;
    }
    if (!msg || msg.version !== version) return; // rows of a table since replaced
    if (msg.op === "rows") {
      msg.rows.forEach((cells, i) => {
        const r = msg.start + i;
        const entry = { cells, index: msg.index ? msg.index[i] : r };
        positions.set(entry.index, r);
        if (msg.html) {
          entry.html = {};
          for (const [col, list] of Object.entries(msg.html)) entry.html[col] = list[i];
        }
        if (msg.display) entry.display = msg.display[i];
        if (msg.styling) entry.styling = msg.styling[i];
        cache.set(r, entry);
      });
      if (chosen && positions.has(chosen.row)) {
        selected = { ...chosen, pos: positions.get(chosen.row) };
        chosen = null;
      }
      if (msg.start < shown[1] && msg.start + msg.rows.length > shown[0]) draw();
    } else if (msg.op === "cell") {
      const pos = positions.get(msg.row);
      const entry = cache.get(pos);
      if (!entry || entry.index !== msg.row) return;
      entry.cells = [...entry.cells];
      entry.cells[msg.col] = msg.value;
      if (msg.html !== undefined) entry.html = { ...entry.html, [msg.col]: msg.html };
      if (entry.display) entry.display = null; // a Styler's text no longer matches the cell
      const td = cellAt(pos, msg.col);
      if (td && !(editor && editor.pos === pos && editor.col === msg.col)) fillCell(td, pos, msg.col, entry);
    }
  };
  const replaced = () => {
    version = model.get("version");
    adjustments = 0;
    cache = new Map();
    positions = new Map();
    asked = new Set();
    if (selected && (selected.row >= model.get("n_rows") || selected.col >= columns())) selected = null;
    if (editor) editor = null;
    closeMenu();
    headerRow();
    draw();
  };

  model.on("msg:custom", onMessage);
  model.on("change:version", replaced);
  for (const name of ["headers", "column_widths", "show_row_numbers", "datatype", "sort_by", "col_dynamic"]) {
    model.on(`change:${name}`, () => {
      headerRow();
      draw();
    });
  }
  for (const name of ["shown_rows", "n_rows", "pinned_columns", "max_chars", "disabled", "static_columns", "row_dynamic"]) {
    model.on(`change:${name}`, draw);
  }
  for (const name of ["label", "show_label", "max_height", "pending", "wrap", "disabled", "show_search", "buttons"]) {
    model.on(`change:${name}`, props);
  }
  props();
  headerRow();
  draw();
  requestAnimationFrame(draw); // laid out now: the real height is known
  return () => {
    model.off("msg:custom", onMessage);
    document.removeEventListener("click", outside);
    document.removeEventListener("fullscreenchange", onFullscreen);
    clearTimeout(copiedTimer);
  };
}

export default { render };
