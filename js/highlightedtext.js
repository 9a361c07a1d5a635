// gr.HighlightedText view: tokens coloured by category (or by score, -1..1). A click on a
// highlighted token sends `select` ({index, value: [token, category]}). Interactive: × removes
// a highlight, a click on a category label renames it, selecting text inside a token
// highlights that part.

const PALETTE = {
  red: "#ef4444", green: "#22c55e", blue: "#3b82f6", yellow: "#eab308", purple: "#a855f7",
  teal: "#14b8a6", orange: "#f97316", cyan: "#06b6d4", lime: "#84cc16", pink: "#ec4899",
};
const ORDER = Object.keys(PALETTE);

function colours(value, colorMap) {
  const local = { ...colorMap };
  for (const { class_or_confidence: c } of value) {
    if (typeof c === "string" && !(c in local)) local[c] = ORDER[Object.keys(local).length % ORDER.length];
  }
  const out = {};
  for (const [key, raw] of Object.entries(local)) {
    const c = PALETTE[String(raw).trim()] ?? String(raw).trim();
    out[key] = { primary: c, secondary: `color-mix(in srgb, ${c} 45%, transparent)` };
  }
  return out;
}

function scoreColour(score) {
  if (score === null || Number.isNaN(score)) return "";
  return score < 0 ? `rgba(128, 90, 213, ${-score})` : `rgba(239, 68, 60, ${score})`;
}

/** Join neighbours of equal category (after a highlight is removed), as Gradio does. */
function mergeEqual(tokens) {
  const out = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && last.class_or_confidence === t.class_or_confidence) last.token += t.token;
    else out.push({ ...t });
  }
  return out;
}

function render({ model, el, header }) {
  el.classList.add("gnb-hltext");
  const { title, sync: syncHeader } = header(el);
  const legend = document.createElement("div");
  legend.className = "gnb-hl-legend";
  const field = document.createElement("div");
  field.className = "gnb-hl-field";
  el.append(title, legend, field);
  let activeLegend = "";
  let editing = -1;

  const save = (tokens) => {
    editing = -1;
    model.set("value", tokens);
    model.save_changes();
    draw();
  };
  const select = (i, t) => model.send({ event: "select", data: { index: i, value: [t.token, t.class_or_confidence] } });

  const draw = () => {
    syncHeader();
    field.dir = model.get("rtl") ? "rtl" : "ltr";
    const value = model.get("value") || [];
    const interactive = !model.get("disabled");
    const showWs = model.get("show_whitespaces");
    const scores = value.some((t) => typeof t.class_or_confidence === "number") &&
      !value.some((t) => typeof t.class_or_confidence === "string");
    const map = colours(value, model.get("color_map") || {});
    legend.replaceChildren();
    legend.hidden = !model.get("show_legend");
    if (scores) {
      for (const text of ["-1", "0", "+1"]) {
        const s = document.createElement("span");
        s.textContent = text;
        legend.append(s);
      }
      legend.classList.add("gnb-hl-score-legend");
    } else {
      legend.classList.remove("gnb-hl-score-legend");
      for (const [category, c] of Object.entries(map)) {
        const item = document.createElement("span");
        item.className = "gnb-hl-legend-item";
        item.textContent = category;
        item.style.backgroundColor = c.secondary;
        item.addEventListener("mouseenter", () => ((activeLegend = category), draw()));
        item.addEventListener("mouseleave", () => ((activeLegend = ""), draw()));
        legend.append(item);
      }
    }
    field.replaceChildren();
    value.forEach((t, i) => {
      const category = t.class_or_confidence;
      const lines = scores ? [t.token] : t.token.split("\n");
      lines.forEach((line, j) => {
        if (showWs ? line !== "" : line.trim()) {
          const span = document.createElement("span");
          span.className = "gnb-hl-token";
          const text = document.createElement("span");
          text.className = "gnb-hl-text";
          text.textContent = line;
          span.append(text);
          const dimmed = activeLegend && activeLegend !== category;
          if (scores) {
            const score = typeof category === "string" ? parseFloat(category) : category;
            span.style.backgroundColor = scoreColour(score);
          } else if (category !== null && !dimmed) {
            span.style.backgroundColor = map[category]?.secondary ?? "";
          }
          if (category !== null) {
            span.classList.add("gnb-hl-highlighted");
            span.addEventListener("click", (e) => {
              if (e.target.closest(".gnb-hl-remove, input")) return;
              select(i, t);
            });
            const inline = !model.get("show_legend") && model.get("show_inline_category") && !scores;
            if (interactive && editing === i) {
              const input = document.createElement("input");
              input.className = "gnb-hl-input";
              input.value = String(category);
              input.addEventListener("keydown", (e) => {
                if (e.key === "Escape") ((editing = -1), draw());
                if (e.key !== "Enter") return;
                const tokens = value.map((v) => ({ ...v }));
                const typed = input.value.trim();
                tokens[i].class_or_confidence = typed === "" ? null : scores ? Number(typed) : typed;
                save(mergeEqual(tokens));
              });
              span.append(input);
              requestAnimationFrame(() => input.focus());
            } else if (inline || (interactive && scores)) {
              const tag = document.createElement("span");
              tag.className = "gnb-hl-category";
              tag.textContent = String(category);
              if (!scores) tag.style.backgroundColor = map[category]?.primary ?? "";
              if (interactive) {
                tag.title = "Rename";
                tag.addEventListener("click", (e) => (e.stopPropagation(), (editing = i), draw()));
              }
              span.append(tag);
            }
            if (interactive) {
              const remove = document.createElement("button");
              remove.type = "button";
              remove.className = "gnb-hl-remove";
              remove.textContent = "×";
              remove.setAttribute("aria-label", "Remove label");
              remove.addEventListener("click", () => {
                const tokens = value.map((v) => ({ ...v }));
                tokens[i].class_or_confidence = null;
                save(mergeEqual(tokens));
              });
              span.append(remove);
            }
          }
          if (interactive) {
            text.addEventListener("mouseup", () => {
              const sel = window.getSelection();
              if (!sel || sel.rangeCount === 0 || !sel.toString()) return;
              const range = sel.getRangeAt(0);
              if (range.startContainer !== text.firstChild || range.endContainer !== text.firstChild) return;
              if (!showWs && !sel.toString().trim()) return;
              // Offsets are within this line: turn them into offsets within the token.
              const before = lines.slice(0, j).join("\n").length + (j > 0 ? 1 : 0);
              const start = before + range.startOffset;
              const end = before + range.endOffset;
              const parts = [
                { token: t.token.slice(0, start), class_or_confidence: category },
                { token: t.token.slice(start, end), class_or_confidence: scores ? 1 : "label" },
                { token: t.token.slice(end), class_or_confidence: category },
              ].filter((p) => p.token !== "");
              const tokens = [...value.slice(0, i), ...parts, ...value.slice(i + 1)];
              sel.removeAllRanges();
              editing = tokens.indexOf(parts.find((p) => p.class_or_confidence !== category) ?? parts[0]);
              model.set("value", tokens);
              model.save_changes();
              draw();
            });
          }
          field.append(span);
        }
        if (j < lines.length - 1) field.append(document.createElement("br"));
      });
    });
  };
  for (const name of ["value", "label", "show_label", "color_map", "show_legend", "show_inline_category", "show_whitespaces", "rtl", "disabled", "pending"]) {
    model.on(`change:${name}`, draw);
  }
  draw();
}

export default { render };
