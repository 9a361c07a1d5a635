// gr.Label view: the top class as a heading, then a bar per confidence; a click on a bar
// sends `select` with Gradio's payload ({index, value: the class}).

function render({ model, el, header }) {
  el.classList.add("gnb-labelview");
  const { title, sync: syncHeader } = header(el);
  const heading = document.createElement("h2");
  heading.className = "gnb-label-heading";
  const list = document.createElement("div");
  list.className = "gnb-label-bars";
  el.append(title, heading, list);

  const draw = () => {
    syncHeader();
    const value = model.get("value") || {};
    const confidences = value.confidences;
    heading.hidden = !(model.get("show_heading") || !confidences) || value.label === undefined || value.label === null;
    heading.textContent = value.label ?? "";
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
      const pct = document.createElement("span");
      pct.className = "gnb-label-pct";
      pct.textContent = `${Math.round(c.confidence * 100)}%`;
      const text = document.createElement("div");
      text.className = "gnb-label-text";
      text.append(name, pct);
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
