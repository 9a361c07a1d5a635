// Dataframe view: a windowed table. The kernel holds the whole table; this view holds only
// the rows it shows plus a margin, asks for missing ones as it scrolls
// ({op: "rows", start, end} -> {op: "rows", version, start, rows, html?, display?, styling?}),
// sends a cell edit as {op: "edit", row, col, value} (the kernel echoes the stored cell as
// {op: "cell", ...}) and a click as {op: "select", row, col}. `version` changes when a new
// table replaces the old, or the kernel sorted or searched it for this view (`sort_by`,
// `query`): the rows held are dropped and asked for again. Rows are drawn by position in the
// listing; `index` (sent when sorted or searched) gives each one's row in the table, which
// is what edits and selections name.

const BLOCK = 64; // rows per request unit: a scroll asks for whole blocks
const MARGIN = 40; // rows kept ready above and below the visible ones
const KEEP = 4000; // rows a view keeps before dropping the ones far from view

function render({ model, el, header }) {
  el.classList.add("gnb-dataframe");
  const { title, sync: syncHeader } = header(el, { tag: "div" });
  const scroller = document.createElement("div");
  scroller.className = "gnb-df-scroll";
  scroller.tabIndex = 0;
  // Keys typed into the table are the table's: JupyterLab's command-mode shortcuts ("a",
  // "b", "d d", ...) must not act on the notebook meanwhile.
  scroller.dataset.lmSuppressShortcuts = "true";
  const table = document.createElement("table");
  table.className = "gnb-df-table";
  const colgroup = document.createElement("colgroup");
  const thead = document.createElement("thead");
  const tbody = document.createElement("tbody");
  table.append(colgroup, thead, tbody);
  scroller.append(table);
  const search = document.createElement("input");
  search.className = "gnb-input gnb-df-search";
  search.type = "search";
  search.placeholder = "Search";
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
  el.append(title, search, scroller);

  let cache = new Map(); // position in the listing -> {index, cells, html, display, styling}
  let positions = new Map(); // row of the table -> position in the listing
  let asked = new Set(); // blocks asked for in this version
  let version = model.get("version");
  let rowHeight = 30;
  let adjustments = 0; // row height re-estimates this version (wrapped rows vary: bounded)
  let selected = null; // {row, col, pos}: row of the table, position in the listing
  let editor = null; // {row, col, input}
  let shown = [0, 0];

  const editable = (col) => !model.get("disabled") && !model.get("static_columns").includes(col);
  const kind = (col) => model.get("datatype")[col] ?? "str";

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
      if (kind(i) === "number") th.classList.add("gnb-df-num");
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

  const fillCell = (td, pos, col, entry) => {
    td.replaceChildren();
    td.className = "gnb-df-cell";
    td.dataset.pos = pos;
    td.dataset.row = entry ? entry.index : "";
    td.dataset.col = col;
    const k = kind(col);
    if (k === "number") td.classList.add("gnb-df-num");
    if (entry && selected && selected.row === entry.index && selected.col === col) td.classList.add("gnb-df-selected");
    if (!entry) {
      td.classList.add("gnb-df-loading");
      return;
    }
    const value = entry.cells[col];
    const styling = entry.styling?.[col];
    td.style.cssText = styling || "";
    if (k === "bool" && typeof value === "boolean") {
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = value;
      box.disabled = !editable(col);
      box.addEventListener("click", (e) => e.stopPropagation());
      box.addEventListener("change", () => commit(pos, col, box.checked));
      td.append(box);
    } else if ((k === "markdown" || k === "html") && entry.html?.[col] !== undefined) {
      td.innerHTML = entry.html[col]; // rendered and sanitized in the kernel
    } else {
      td.textContent = text(entry.display?.[col] ?? value);
    }
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
    const columns = model.get("headers").length;
    const height = scroller.clientHeight || parseFloat(model.get("max_height")) || 500;
    const first = Math.floor(scroller.scrollTop / rowHeight);
    const start = Math.max(0, Math.min(first, n) - 10);
    const end = Math.min(n, first + Math.ceil(height / rowHeight) + 10);
    shown = [start, end];
    ask(start - MARGIN, end + MARGIN);
    const span = columns + (model.get("show_row_numbers") ? 1 : 0) || 1;
    const rows = [spacer(start * rowHeight, span)];
    for (let r = start; r < end; r++) {
      const tr = document.createElement("tr");
      const entry = cache.get(r);
      if (model.get("show_row_numbers")) {
        const num = document.createElement("td");
        num.className = "gnb-df-rownum";
        num.textContent = String((entry ? entry.index : r) + 1);
        tr.append(num);
      }
      for (let c = 0; c < columns; c++) {
        const td = document.createElement("td");
        fillCell(td, r, c, entry);
        tr.append(td);
      }
      rows.push(tr);
    }
    rows.push(spacer((n - end) * rowHeight, span));
    tbody.replaceChildren(...rows);
    if (n === 0) {
      const tr = document.createElement("tr");
      const td = document.createElement("td");
      td.className = "gnb-df-empty";
      td.colSpan = span;
      td.textContent = "No data";
      tr.append(td);
      tbody.replaceChildren(tr);
    }
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

  const props = () => {
    syncHeader();
    scroller.style.maxHeight = model.get("max_height");
    el.classList.toggle("gnb-df-wrap", model.get("wrap"));
    el.classList.toggle("gnb-df-editable", !model.get("disabled"));
    search.hidden = model.get("show_search") === "none";
  };

  // -- cells: select and edit --------------------------------------------------------------
  const cellAt = (pos, col) => tbody.querySelector(`td[data-pos="${pos}"][data-col="${col}"]`);

  const select = (pos, col) => {
    const entry = cache.get(pos);
    if (!entry) return;
    tbody.querySelector(".gnb-df-selected")?.classList.remove("gnb-df-selected");
    selected = { row: entry.index, col, pos };
    cellAt(pos, col)?.classList.add("gnb-df-selected");
    model.send({ op: "select", row: entry.index, col });
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

  const startEdit = (pos, col, initial) => {
    const td = cellAt(pos, col);
    const entry = cache.get(pos);
    if (!td || !entry || !editable(col) || kind(col) === "bool") return;
    const input = document.createElement("input");
    input.className = "gnb-df-editor";
    const value = entry.cells[col];
    input.value = initial ?? (value === null || value === undefined ? "" : String(value));
    td.replaceChildren(input);
    editor = { pos, col, input, original: input.value };
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
        e.preventDefault();
        finish(true);
      } else if (e.key === "Escape") {
        e.preventDefault();
        finish(false);
      }
    });
    input.addEventListener("blur", () => finish(true));
  };

  tbody.addEventListener("click", (e) => {
    const td = e.target.closest("td.gnb-df-cell");
    if (!td || td.querySelector(".gnb-df-editor")) return;
    select(Number(td.dataset.pos), Number(td.dataset.col));
    scroller.focus({ preventScroll: true });
  });
  tbody.addEventListener("dblclick", (e) => {
    const td = e.target.closest("td.gnb-df-cell");
    if (td) startEdit(Number(td.dataset.pos), Number(td.dataset.col));
  });
  thead.addEventListener("click", (e) => {
    const th = e.target.closest("th[data-col]");
    if (!th) return;
    // Ascending, descending, then as held; the kernel sorts, this view asks for rows again.
    const col = Number(th.dataset.col);
    const sort = model.get("sort_by");
    const next = sort.length === 2 && sort[0] === col ? (sort[1] === "asc" ? [col, "desc"] : []) : [col, "asc"];
    scroller.scrollTop = 0;
    model.set("sort_by", next);
    model.save_changes();
  });
  scroller.addEventListener("keydown", (e) => {
    if (!selected || editor) return;
    const { pos: row, col } = selected;
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (e.key in moves) {
      e.preventDefault();
      e.stopPropagation();
      const r = Math.max(0, Math.min(model.get("shown_rows") - 1, row + moves[e.key][0]));
      const c = Math.max(0, Math.min(model.get("headers").length - 1, col + moves[e.key][1]));
      if (r < shown[0] + 1 || r >= shown[1] - 1) scroller.scrollTop = Math.max(0, (r - 2) * rowHeight);
      select(r, c);
      draw();
    } else if (e.key === "Enter") {
      e.preventDefault();
      e.stopPropagation();
      startEdit(row, col);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      e.stopPropagation();
      startEdit(row, col, e.key);
    }
  });

  let frame = 0;
  scroller.addEventListener("scroll", () => {
    if (editor) editor.input.blur();
    if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw();
      });
    }
  });

  // -- kernel messages ---------------------------------------------------------------------
  const onMessage = (msg) => {
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
    if (selected && (selected.row >= model.get("n_rows") || selected.col >= model.get("headers").length)) selected = null;
    if (editor) editor = null;
    headerRow();
    draw();
  };

  model.on("msg:custom", onMessage);
  model.on("change:version", replaced);
  for (const name of ["headers", "column_widths", "show_row_numbers", "datatype", "sort_by"]) {
    model.on(`change:${name}`, () => {
      headerRow();
      draw();
    });
  }
  for (const name of ["shown_rows", "pinned_columns", "max_chars", "disabled", "static_columns"]) {
    model.on(`change:${name}`, draw);
  }
  for (const name of ["label", "show_label", "max_height", "pending", "wrap", "disabled", "show_search"]) {
    model.on(`change:${name}`, props);
  }
  props();
  headerRow();
  draw();
  requestAnimationFrame(draw); // laid out now: the real height is known
  return () => model.off("msg:custom", onMessage);
}

export default { render };
