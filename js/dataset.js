// Dataset view: samples as a gallery of cards or a table, with pages. Cells arrive as text
// (set as textContent, never as HTML); a click sends the sample's index over all pages.

function render({ model, el }) {
  el.classList.add("gnb-dataset");
  const title = document.createElement("div");
  title.className = "gnb-dataset-label";
  const body = document.createElement("div");
  const pager = document.createElement("div");
  pager.className = "gnb-dataset-pages";
  el.append(title, body, pager);
  let page = 0;

  const click = (index) => model.send({ event: "click", index });

  const card = (row, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "gnb-dataset-card";
    button.textContent = row[0] ?? "";
    button.addEventListener("click", () => click(index));
    return button;
  };

  const table = (rows, first) => {
    const wrap = document.createElement("div");
    wrap.className = "gnb-dataset-table-wrap";
    const tableEl = document.createElement("table");
    tableEl.className = "gnb-dataset-table";
    const headers = model.get("headers");
    if (headers.length) {
      const head = tableEl.createTHead().insertRow();
      for (const text of headers) {
        const th = document.createElement("th");
        th.textContent = text;
        head.append(th);
      }
    }
    const tbody = tableEl.createTBody();
    rows.forEach((row, i) => {
      const tr = tbody.insertRow();
      tr.className = "gnb-dataset-row";
      for (const text of row) tr.insertCell().textContent = text ?? "";
      tr.addEventListener("click", () => click(first + i));
    });
    wrap.append(tableEl);
    return wrap;
  };

  const draw = () => {
    title.textContent = model.get("label");
    title.hidden = !model.get("show_label");
    const cells = model.get("cells");
    const per = Math.max(1, model.get("samples_per_page"));
    const pages = Math.ceil(cells.length / per);
    if (page >= pages) page = 0;
    const first = pages > 1 ? page * per : 0;
    const shown = pages > 1 ? cells.slice(first, first + per) : cells;
    body.replaceChildren();
    if (model.get("gallery")) {
      const gallery = document.createElement("div");
      gallery.className = "gnb-dataset-gallery";
      shown.forEach((row, i) => {
        if (row[0] != null) gallery.append(card(row, first + i));
      });
      body.append(gallery);
    } else if (shown.length) {
      body.append(table(shown, first));
    }
    pager.replaceChildren();
    pager.hidden = pages <= 1;
    if (pages > 1) {
      pager.append("Pages:");
      for (let p = 0; p < pages; p++) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = String(p + 1);
        button.classList.toggle("gnb-current", p === page);
        button.addEventListener("click", () => {
          page = p;
          draw();
        });
        pager.append(button);
      }
    }
  };

  model.on("change:cells", () => {
    page = 0; // new samples start on the first page, as in Gradio
    draw();
  });
  for (const name of ["label", "show_label", "headers", "gallery", "samples_per_page"]) {
    model.on(`change:${name}`, draw);
  }
  draw();
}

export default { render };
