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
    if (!rule || rule.selectorText !== `#${id}`) return "";
    dropEscapes(rule);
    return rule.cssText;
  } catch {
    return "";
  }
}

/** Whether a nested selector stays inside the scope: no `&` (a descendant of the root), or
 * one leading `&` not followed by a sibling combinator. `:not(&)`, `:root:has(&) x` and
 * `& ~ x` would match elements outside this view. */
function scoped(selector) {
  const amp = selector.split("&").length - 1;
  if (amp === 0) return true;
  return amp === 1 && selector.startsWith("&") && !/^&\s*[~+]/.test(selector);
}

/** Remove, at any depth (inside @media too), the nested rules whose selector escapes. */
function dropEscapes(group) {
  const rules = group.cssRules;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    const selectors = rule.selectorText;
    if (selectors !== undefined && !splitSelectors(selectors).every(scoped)) {
      group.deleteRule(i);
    } else if (rule.cssRules) {
      dropEscapes(rule);
    }
  }
}

/** A selector list split at its top-level commas. */
function splitSelectors(text) {
  const parts = [];
  let depth = 0, start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

function render({ model, el, header }) {
  const id = `gnb-html-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  el.classList.add("gnb-html");
  const { title, sync: syncHeader } = header(el);
  const body = document.createElement("div");
  body.className = "gnb-html-body";
  body.id = id;
  const style = document.createElement("style");
  el.append(title, body, style);

  const props = () => {
    syncHeader();
    body.style.minHeight = model.get("min_height");
    body.style.maxHeight = model.get("max_height");
    body.style.overflowY = model.get("max_height") ? "auto" : "";
    el.classList.toggle("gnb-html-padding", model.get("padding"));
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
