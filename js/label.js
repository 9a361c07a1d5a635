// gr.Label view, drawn as Gradio's: a block with the chart badge in its corner, the top class
// as a heading, then a meter, the class, a dashed rule and the percentage per confidence; with
// no value, Gradio's empty state. A click on a confidence sends `select` with Gradio's payload
// ({index, value: the class}).

function render({ model, el, header, emptyState }) {
  el.classList.add("gnb-labelview");
  const { badge, sync: syncHeader } = header(el, { label: "gnb-labelview-label", badge: "chart" });
  const body = document.createElement("div");
  body.className = "gnb-label-body";
  const heading = document.createElement("h2");
  heading.className = "gnb-label-heading";
  const list = document.createElement("div");
  list.className = "gnb-label-bars";
  body.append(heading, list);
  const empty = emptyState("chart");
  empty.classList.add("gnb-label-empty");
  el.append(badge, body, empty);

  const draw = () => {
    syncHeader();
    const value = model.get("value") || {};
    const confidences = value.confidences;
    const has = value.label !== undefined && value.label !== null;
    body.hidden = !has;
    empty.hidden = has;
    // Gradio floats the badge over the heading; without a heading it takes its own line
    el.classList.toggle("gnb-label-static", model.get("show_heading") === false);
    heading.hidden = !(model.get("show_heading") || !confidences);
    heading.textContent = has ? String(value.label) : "";
    heading.style.backgroundColor = model.get("color") || "transparent";
    list.replaceChildren();
    (confidences || []).forEach((c, i) => {
      const row = document.createElement("button");
      row.type = "button";
      row.className = "gnb-label-row";
      const bar = document.createElement("div");
      bar.className = "gnb-label-bar";
      bar.style.width = `${Math.max(0, Math.min(1, c.confidence)) * 100}%`;
      const name = document.createElement("span");
      name.className = "gnb-label-name";
      name.textContent = String(c.label);
      const rule = document.createElement("span");
      rule.className = "gnb-label-rule";
      const pct = document.createElement("span");
      pct.className = "gnb-label-pct";
      pct.textContent = `${Math.round(c.confidence * 100)}%`;
      const text = document.createElement("div");
      text.className = "gnb-label-text";
      text.append(name, rule, pct);
      row.append(bar, text);
      row.addEventListener("click", () => model.send({ event: "select", data: { index: i, value: c.label } }));
      list.append(row);
    });
  };
  for (const name of ["value", "label", "show_label", "color", "show_heading", "pending"]) {
    model.on(`change:${name}`, draw);
  }
  draw();
}

export default { render };
