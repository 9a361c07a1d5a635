// gr.HTML view: markup already sanitized in the kernel, CSS scoped to this view's root.

let counter = 0;

/** Scope `css` to `#id`: nested under one rule, and anything that escapes it dropped. */
function scopedCss(id, css) {
  if (!css.trim()) return "";
  try {
    const sheet = new CSSStyleSheet();
    // Nesting puts bare declarations on the root and `button {}` under it, as Gradio does.
    sheet.replaceSync(`#${id} { ${css} }`);
    // Text that closes the brace (`} body { ... }`) makes more top-level rules: keep only ours.
    const rule = sheet.cssRules[0];
    return rule && rule.selectorText === `#${id}` ? rule.cssText : "";
  } catch {
    return "";
  }
}

function render({ model, el }) {
  const id = `gnb-html-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  el.classList.add("gnb-html");
  const title = document.createElement("span");
  title.className = "gnb-label";
  const body = document.createElement("div");
  body.className = "gnb-html-body";
  body.id = id;
  const style = document.createElement("style");
  el.append(title, body, style);

  const props = () => {
    title.textContent = model.get("label");
    title.hidden = !model.get("show_label") || !model.get("label");
    body.style.minHeight = model.get("min_height");
    body.style.maxHeight = model.get("max_height");
    body.style.overflowY = model.get("max_height") ? "auto" : "";
    body.classList.toggle("gnb-html-padding", model.get("padding"));
    el.classList.toggle("gnb-pending", model.get("pending"));
  };
  const content = () => {
    const atBottom = body.scrollHeight - body.scrollTop - body.clientHeight < 100;
    body.innerHTML = model.get("html"); // sanitized by nh3 in the kernel
    if (model.get("autoscroll") && atBottom) body.scrollTop = body.scrollHeight;
  };
  const css = () => (style.textContent = scopedCss(id, model.get("css")));
  body.addEventListener("click", () => {
    if (model.get("clickable")) model.send({ event: "click", data: {} });
  });
  model.on("change:html", content);
  model.on("change:css", css);
  for (const name of ["label", "show_label", "min_height", "max_height", "padding", "pending"]) {
    model.on(`change:${name}`, props);
  }
  props();
  content();
  css();
  return () => style.remove();
}

export default { render };
