// AnnotatedImage view: the base image and each annotation's PNG overlay arrive as binary
// buffers (DataViews) and are shown through Blob URLs (a base given as an http(s) URL, `src`,
// is loaded by the page from there), the overlays stacked over the base.
// As Gradio's page: red overlays are hue-rotated apart (`filter`), the legend shows each label
// in its colour, hovering a legend item shows its overlay alone, and a click on it sends
// select with the annotation's index and label. Labels are set as textContent.

function render({ model, el, webUrl, header, emptyState }) {
  el.classList.add("gnb-annotated");
  // Gradio's block: the label badge in its corner, its empty state (a faded image icon)
  const { badge, sync: syncHeader } = header(el, { label: "gnb-annotated-label", badge: "image" });
  const frame = document.createElement("div");
  frame.className = "gnb-annotated-frame";
  const empty = emptyState("image");
  const legend = document.createElement("div");
  legend.className = "gnb-annotated-legend";
  el.append(badge, frame, empty, legend);

  let urls = [];
  let masks = [];

  const highlight = (label) => {
    model.get("annotations").forEach((ann, i) => {
      masks[i].classList.toggle("gnb-annotated-active", label !== null && ann.label === label);
      masks[i].classList.toggle("gnb-annotated-inactive", label !== null && ann.label !== label);
    });
  };

  const draw = () => {
    for (const url of urls) URL.revokeObjectURL(url);
    urls = [];
    frame.replaceChildren();
    legend.replaceChildren();
    masks = [];
    const data = model.get("data");
    const src = webUrl(model.get("src")); // a base given as a URL: the page loads it
    const has = !!((data && data.byteLength) || src);
    frame.hidden = !has;
    empty.hidden = has;
    if (!has) return;
    const url = (bytes, mime) => {
      const u = URL.createObjectURL(new Blob([bytes], { type: mime }));
      urls.push(u);
      return u;
    };
    const base = document.createElement("img");
    base.className = "gnb-annotated-base";
    base.alt = "the base file that is annotated";
    base.src = src || url(data, model.get("mime") || "image/png");
    frame.append(base);
    const annotations = model.get("annotations");
    annotations.forEach((ann, i) => {
      const mask = document.createElement("img");
      mask.className = "gnb-annotated-mask";
      mask.alt = `segmentation mask identifying ${ann.label}`;
      mask.src = url(ann.data, "image/png");
      if (ann.filter) mask.style.filter = ann.filter;
      frame.append(mask);
      masks.push(mask);
      const item = document.createElement("button");
      item.type = "button";
      item.className = "gnb-annotated-legend-item";
      item.style.backgroundColor = ann.color;
      item.textContent = ann.label;
      item.addEventListener("mouseover", () => highlight(ann.label));
      item.addEventListener("focus", () => highlight(ann.label));
      item.addEventListener("mouseout", () => highlight(null));
      item.addEventListener("blur", () => highlight(null));
      item.addEventListener("click", () => model.send({ event: "select", data: { index: i, value: ann.label } }));
      legend.append(item);
    });
    props();
  };

  const props = () => {
    syncHeader();
    legend.hidden = !model.get("show_legend") || !model.get("annotations").length || frame.hidden;
    frame.style.height = model.get("height");
    frame.style.width = model.get("width");
    frame.classList.toggle("gnb-annotated-fixed", !!model.get("height"));
  };

  model.on("change:data", draw);
  model.on("change:src", draw);
  model.on("change:annotations", draw);
  for (const name of ["label", "show_label", "pending", "show_legend", "height", "width"]) {
    model.on(`change:${name}`, props);
  }
  draw();
  props();
  return () => {
    for (const url of urls) URL.revokeObjectURL(url);
  };
}

export default { render };
