// Plot views: gr.LinePlot/ScatterPlot/BarPlot ("native": a Vega-Lite spec built here from the
// rows and the plot's properties) and gr.Plot (a matplotlib image from its bytes, an altair
// spec drawn with Vega, a plotly figure with plotly.js, a bokeh item with BokehJS).
//
// No library comes from the network: the model's `_library` names a shared Library model
// whose code the view kit (kit.js) evaluates once per page; `library()` gives its globals
// ({vegaEmbed}, {Plotly}, {Bokeh}). Text shown is set as textContent.

// -- the Vega-Lite spec of a native plot ---------------------------------------------------------

const SECONDS = { s: 1, m: 60, h: 3600, d: 86400 };

function css(el, name, fallback) {
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  return value || fallback;
}

/** A field name as Vega-Lite reads it: dots and brackets are path syntax there. */
function field(name) {
  return String(name).replace(/[.[\]]/g, (c) => `\\${c}`);
}

/** x_bin as a bin step: a number, or "15m"-style durations as milliseconds (a temporal x). */
function binStep(x_bin) {
  if (x_bin === null || x_bin === undefined || x_bin === "") return undefined;
  if (typeof x_bin === "number") return x_bin;
  const unit = SECONDS[x_bin.slice(-1)];
  return unit ? parseInt(x_bin.slice(0, -1), 10) * unit * 1000 : Number(x_bin);
}

function sortOrder(sort, y) {
  if (sort === "x") return "ascending";
  if (sort === "-x") return "descending";
  if (sort === "y") return { field: y, order: "ascending" };
  if (sort === "-y") return { field: y, order: "descending" };
  return Array.isArray(sort) ? sort : null;
}

/** [rows before, rows within [start, end] on x, rows after]: outside, per color series, only
 * the nearest row on each side, so that a line zoomed by x_lim still runs to the plot's edges
 * and y fits what is shown. */
function window_rows(data, xi, ci, start, end) {
  const before = new Map();
  const after = new Map();
  const inside = [];
  data.forEach((row, i) => {
    const x = row[xi];
    const series = ci >= 0 ? row[ci] : "";
    if (x < start) {
      if (!before.has(series) || x > data[before.get(series)][xi]) before.set(series, i);
    } else if (x > end) {
      if (!after.has(series) || x < data[after.get(series)][xi]) after.set(series, i);
    } else {
      inside.push(row);
    }
  });
  return [[...before.values()].map((i) => data[i]), inside, [...after.values()].map((i) => data[i])];
}

const THIN_FROM = 1000; // rows of a line plot from which it is thinned
const BINS = 250;

/** A long line thinned for drawing: per series and per x bin, the rows with the lowest and
 * the highest y, in their order, which keeps the line's envelope. */
function thin(data, xi, yi, ci) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of data) {
    if (row[xi] < lo) lo = row[xi];
    if (row[xi] > hi) hi = row[xi];
  }
  if (!(hi > lo)) return data;
  const size = (hi - lo) / BINS;
  const bins = new Map(); // series -> bin -> [index of min y, index of max y]
  data.forEach((row, i) => {
    const series = ci >= 0 ? row[ci] : "";
    if (!bins.has(series)) bins.set(series, new Map());
    const of = bins.get(series);
    const b = Math.min(BINS - 1, Math.floor((row[xi] - lo) / size));
    const seen = of.get(b);
    if (!seen) of.set(b, [i, i]);
    else {
      if (row[yi] < data[seen[0]][yi]) seen[0] = i;
      if (row[yi] > data[seen[1]][yi]) seen[1] = i;
    }
  });
  const keep = [];
  for (const of of bins.values()) for (const [a, b] of of.values()) keep.push(a, ...(a === b ? [] : [b]));
  return keep.sort((a, b) => a - b).map((i) => data[i]);
}

/** The rows to draw, as objects: the axis and color columns (every column for a wider
 * tooltip), within x_lim and thinned as Gradio's page does. */
function rows(value, p) {
  const xi = value.columns.indexOf(p.x);
  const yi = value.columns.indexOf(p.y);
  const ci = p.color ? value.columns.indexOf(p.color) : -1;
  const temporal = value.datatypes[p.x] === "temporal";
  const numeric = value.datatypes[p.x] !== "nominal";
  let [before, data, after] = [[], value.data, []];
  const lim = p.x_lim || [];
  if (numeric && xi >= 0 && lim[0] !== null && lim[0] !== undefined && lim[1] !== null && lim[1] !== undefined) {
    const factor = temporal ? 1000 : 1;
    [before, data, after] = window_rows(data, xi, ci, lim[0] * factor, lim[1] * factor);
  }
  const binned = p.x_bin !== null && p.x_bin !== undefined;
  if (value.mark === "line" && numeric && !binned && data.length >= THIN_FROM && xi >= 0 && yi >= 0) {
    data = thin(data, xi, yi, ci); // the rows outside the window are kept whatever their y
  }
  data = [...before, ...data, ...after];
  const wide = p.tooltip === "all" || Array.isArray(p.tooltip);
  const wanted = wide ? value.columns : [p.x, p.y, ...(p.color ? [p.color] : [])];
  const indices = wanted.map((c) => [c, value.columns.indexOf(c)]).filter(([, i]) => i >= 0);
  return data.map((row) => Object.fromEntries(indices.map(([c, i]) => [c, row[i]])));
}

function nativeSpec(el, value, p, width, height) {
  const types = value.datatypes;
  const mark = value.mark;
  const temporal = types[p.x] === "temporal";
  const step = binStep(p.x_bin);
  const aggregating = mark === "point" ? step !== undefined : step !== undefined || types[p.x] === "nominal";
  const aggregate = aggregating ? p.y_aggregate || "sum" : undefined;
  const scaleOf = (lim, factor) => {
    const out = { zero: false };
    if (lim && lim[0] !== null && lim[0] !== undefined) out.domainMin = lim[0] * factor;
    if (lim && lim[1] !== null && lim[1] !== undefined) out.domainMax = lim[1] * factor;
    return out;
  };
  const text = css(el, "--jp-ui-font-color1", "#333");
  const border = css(el, "--jp-border-color2", "#ddd");
  const accent = css(el, "--gnb-plot-accent", "#f97316");
  const font = getComputedStyle(el).fontFamily;
  const encoding = {
    x: {
      field: field(p.x),
      type: types[p.x],
      title: p.x_title || p.x,
      scale: scaleOf(p.x_lim, temporal ? 1000 : 1),
      axis: {
        labelAngle: p.x_label_angle ?? 0,
        labels: p.x_axis_labels_visible === true,
        ticks: p.x_axis_labels_visible === true,
        ...(p.x_axis_format ? { format: p.x_axis_format } : {}),
      },
      ...(step !== undefined ? { bin: { step } } : {}),
      ...(sortOrder(p.sort, p.y) !== null ? { sort: sortOrder(p.sort, p.y) } : {}),
    },
    y: {
      field: field(p.y),
      type: types[p.y],
      title: p.y_title || p.y,
      // Bars grow from zero (Gradio's zero: false leaves the smallest bar with no height).
      scale: { ...scaleOf(p.y_lim, 1), ...(mark === "bar" ? { zero: true } : {}) },
      axis: {
        ...(p.y_label_angle ? { labelAngle: p.y_label_angle } : {}),
        ...(p.y_axis_format ? { format: p.y_axis_format } : {}),
      },
      ...(aggregate ? { aggregate } : {}),
    },
  };
  if (p.color) {
    const nominal = types[p.color] === "nominal";
    const index = value.columns.indexOf(p.color);
    const domain = nominal && index >= 0 ? [...new Set(value.data.map((r) => r[index]))] : undefined;
    encoding.color = {
      field: field(p.color),
      type: types[p.color],
      legend: Array.isArray(p.colors_in_legend) && p.colors_in_legend.length === 0 ? null : {
        orient: "bottom",
        title: p.color_title ?? p.color,
        ...(p.colors_in_legend ? { values: p.colors_in_legend } : {}),
      },
      scale: nominal
        ? { domain, ...(p.color_map ? { range: domain.map((c) => p.color_map[c] ?? "gray") } : {}) }
        : {},
    };
  }
  if (p.tooltip !== "none") {
    const extra = value.columns.filter((c) => c !== p.x && c !== p.y && c !== p.color
      && (p.tooltip === "all" || (Array.isArray(p.tooltip) && p.tooltip.includes(c))));
    encoding.tooltip = [
      { field: field(p.y), type: types[p.y], title: p.y_title || p.y, ...(aggregate ? { aggregate } : {}) },
      {
        field: field(p.x), type: types[p.x], title: p.x_title || p.x,
        ...(temporal ? { format: "%Y-%m-%d %H:%M:%S" } : {}),
        ...(step !== undefined ? { bin: { step } } : {}),
      },
      ...(p.color ? [{ field: field(p.color), type: types[p.color] }] : []),
      ...extra.map((c) => ({ field: field(c), type: types[c] })),
    ];
  }
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    background: "transparent",
    width,
    ...(height ? { height } : {}),
    ...(p.title ? { title: p.title } : {}),
    config: {
      autosize: { type: "fit", contains: "padding" },
      axis: {
        labelColor: text, titleColor: text, labelFont: font, titleFont: font, gridColor: border,
        tickColor: border, domain: false, titleFontWeight: "normal", titlePadding: 8,
      },
      legend: { labelColor: text, titleColor: text, labelFont: font, titleFont: font, titleFontWeight: "normal" },
      title: { color: text, font, anchor: "middle" },
      view: { stroke: border },
      mark: mark === "bar" ? { fill: accent, cursor: "crosshair" } : { stroke: accent, cursor: "crosshair" },
    },
    data: { name: "data" },
    datasets: { data: rows(value, p) },
    layer: [{ name: "plot", mark: { type: mark, clip: true, ...(mark === "point" ? { filled: false } : {}) }, encoding }],
    params: [],
  };
  if (mark === "line") {
    // Points that show under the mouse (the nearest one), carrying the tooltip: a line's
    // own tooltip would only answer on its one-pixel stroke.
    const { tooltip, ...rest } = encoding;
    spec.layer[0].encoding = {
      ...rest,
      size: { condition: { param: "hoverSeries", empty: false, value: 3 }, value: 2 },
    };
    spec.layer.push({
      name: "hover",
      mark: { type: "point", clip: true, filled: true },
      encoding: {
        ...rest,
        ...(tooltip ? { tooltip } : {}),
        size: { condition: { param: "hover", empty: false, value: 80 }, value: 0 },
        opacity: { condition: { param: "hover", empty: false, value: 1 }, value: 0 },
      },
    });
    const hover = (name, extra) => ({
      name,
      select: { type: "point", on: "pointerover", clear: "pointerout", nearest: true, ...extra },
      views: ["hover"],
    });
    spec.params.push(hover("hover", {}));
    if (p.color) spec.params.push(hover("hoverSeries", { fields: [field(p.color)] })); // the hovered series thickens
    else spec.layer[0].encoding.size = { value: 2 };
  }
  if (p.selectable) {
    spec.params.push({
      name: "brush",
      select: { type: "interval", encodings: ["x"], mark: { fill: "gray", fillOpacity: 0.3, stroke: "none" } },
      views: ["plot"],
    });
  }
  return spec;
}

// -- views ---------------------------------------------------------------------------------------

/** The block a plot view draws in, as Gradio's: a native plot's padded block with its title
 * above the chart (`native`), a gr.Plot's padless one with the chart badge in its corner and,
 * with no figure, Gradio's empty state (`empty`). */
function frame(model, el, header, { native = false, emptyState = null } = {}) {
  el.classList.add("gnb-plot", native ? "gnb-block" : "gnb-plot-figure");
  const { title, badge, sync: syncHeader } = native
    ? header(el, { label: "gnb-label gnb-plot-label" })
    : header(el, { label: "gnb-plot-label", badge: "chart" });
  const body = document.createElement("div");
  body.className = "gnb-plot-body";
  const note = document.createElement("div");
  note.className = "gnb-plot-message";
  const caption = document.createElement("p");
  caption.className = "gnb-plot-caption";
  const empty = emptyState ? emptyState("chart") : null;
  el.append(badge || title, body, ...(empty ? [empty] : []), note, caption);
  const props = () => {
    syncHeader();
    caption.textContent = model.get("caption");
    caption.hidden = !model.get("caption");
    body.style.height = model.get("height");
  };
  for (const name of ["label", "show_label", "caption", "pending", "height"]) model.on(`change:${name}`, props);
  props();
  const say = (text) => {
    note.textContent = text;
    note.hidden = !text;
  };
  say("");
  return { body, say, empty };
}

/** Calls `draw` whenever it should redraw, once the body has a width; returns a cleanup. */
function lifecycle(body, draw) {
  let width = 0;
  const observer = new ResizeObserver(() => {
    const now = body.clientWidth;
    // Hidden (a closed tab or accordion): forgotten, so that showing it again at the very
    // width it had still draws what changed meanwhile.
    if (now === 0) width = 0;
    else if (Math.abs(now - width) > 2) {
      width = now;
      draw();
    }
  });
  observer.observe(body);
  return () => observer.disconnect();
}

function renderNative({ model, el, library, header }) {
  const { body, say } = frame(model, el, header, { native: true });
  body.classList.add("gnb-plot-native");
  let view = null;
  let debounce = null;
  let lastSelect = 0;
  let brushing = false;
  let redrawPending = false;
  let version = 0;
  let drawn = ""; // the spec (without its rows) the view was drawn from

  /** The brush is let go: what arrived under it is drawn now. */
  const release = () => {
    brushing = false;
    if (redrawPending) {
      redrawPending = false;
      draw();
    }
  };

  const draw = async () => {
    if (brushing) {
      redrawPending = true; // redrawn when the brush is released, not under the mouse
      return;
    }
    const mine = ++version;
    const value = model.get("value");
    const key = model.get("_library");
    say(model.get("message"));
    if (!value || !key || !value.columns || body.clientWidth === 0) {
      if (view) view.finalize();
      view = null;
      body.replaceChildren();
      body.classList.toggle("gnb-plot-empty", !value);
      return;
    }
    body.classList.remove("gnb-plot-empty");
    let lib;
    try {
      lib = await library();
    } catch (err) {
      say(`The plot cannot be drawn: ${err.message}`);
      return;
    }
    if (mine !== version) return;
    const p = { ...model.get("props"), selectable: model.get("selectable") };
    const height = model.get("height") ? body.clientHeight || undefined : undefined;
    const spec = nativeSpec(el, value, p, body.clientWidth, height);
    // Only the rows changed (a streaming plot): new data into the same view, no redraw.
    const shape = JSON.stringify({ ...spec, datasets: null });
    if (view && shape === drawn) {
      await view.data("data", spec.datasets.data).runAsync();
      return;
    }
    const target = document.createElement("div");
    target.className = "gnb-plot-chart";
    let result;
    try {
      result = await lib.vegaEmbed(target, spec, { actions: false, renderer: "svg" });
    } catch (err) {
      say(`The plot cannot be drawn: ${err.message}`);
      return;
    }
    if (mine !== version) {
      result.view.finalize();
      return;
    }
    if (view) view.finalize();
    view = result.view;
    drawn = shape;
    body.replaceChildren(target);
    view.addEventListener("dblclick", () => model.send({ event: "double_click" }));
    if (p.selectable) {
      view.addSignalListener("brush", (_name, range) => {
        if (Date.now() - lastSelect < 1000) return;
        const fields = Object.keys(range || {});
        if (!fields.length) {
          // The brush cleared ({}): nothing to send; a range still waiting on its debounce
          // ends the brushing itself, else it ends now and what arrived meanwhile is drawn.
          if (debounce === null) release();
          return;
        }
        brushing = true;
        let selected = range[fields[0]];
        if (value.datatypes[p.x] === "temporal") selected = selected.map((v) => +v / 1000);
        else selected = selected.map((v) => (v instanceof Date ? +v : v));
        clearTimeout(debounce);
        // As Gradio's page: the range is sent once the brush has rested for a quarter second.
        debounce = setTimeout(() => {
          debounce = null;
          lastSelect = Date.now();
          model.send({ event: "select", data: { index: selected, value: selected, selected: true } });
          release();
        }, 250);
      });
    }
  };
  for (const name of ["value", "props", "selectable", "_library", "message", "height"]) model.on(`change:${name}`, draw);
  const stop = lifecycle(body, draw);
  draw();
  return () => {
    stop();
    clearTimeout(debounce);
    if (view) view.finalize();
  };
}

function renderPlot({ model, el, library, header, emptyState }) {
  const { body, say, empty } = frame(model, el, header, { emptyState });
  let url = null;
  let cleanup = () => {};
  let version = 0;
  let skipped = false; // a figure arrived while the plot had no width (hidden): drawn once shown

  const reset = () => {
    cleanup();
    cleanup = () => {};
    if (url) URL.revokeObjectURL(url);
    url = null;
    body.replaceChildren();
  };

  const draw = async () => {
    const mine = ++version;
    const type = model.get("plot_type");
    say(model.get("message"));
    body.hidden = !type;
    empty.hidden = !!type;
    if (type === "matplotlib") {
      reset();
      const data = model.get("data");
      const image = document.createElement("img");
      image.className = "gnb-plot-image";
      image.alt = "matplotlib plot";
      url = URL.createObjectURL(new Blob([data], { type: model.get("mime") || "image/png" }));
      image.src = url;
      body.append(image);
      return;
    }
    const key = model.get("_library");
    skipped = false;
    if (!type || !key) {
      reset();
      return;
    }
    if (body.clientWidth === 0) {
      skipped = true; // plotly and Vega measure their container: drawn when it has a width
      return;
    }
    let lib;
    try {
      lib = await library();
    } catch (err) {
      if (mine === version) say(`The plot cannot be drawn: ${err.message}`);
      return;
    }
    if (mine !== version) return;
    reset();
    const target = document.createElement("div");
    target.className = `gnb-plot-${type}`;
    body.append(target);
    // After each await a newer draw may have begun (and emptied the body): what this one
    // made is then undone, never shown over the newer figure.
    let undo = () => {};
    try {
      const spec = JSON.parse(model.get("spec"));
      if (type === "altair") {
        const result = await lib.vegaEmbed(target, spec, { actions: false });
        undo = () => result.view.finalize();
      } else if (type === "plotly") {
        const layout = { ...(spec.layout || {}), autosize: true };
        undo = () => lib.Plotly.purge(target);
        await lib.Plotly.react(target, spec.data || [], layout, { ...(spec.config || {}), responsive: true });
      } else if (type === "bokeh") {
        // The element itself, not an id: a superseded draw's element is no longer in the page.
        const views = await lib.Bokeh.embed.embed_item(spec, target);
        // Bokeh 3 gives a ViewManager (iterable, with clear()), older ones an array of views.
        undo = () => {
          if (typeof views?.clear === "function") views.clear();
          else for (const v of [...(views || [])]) v?.remove?.();
        };
      }
    } catch (err) {
      if (mine === version) say(`The plot cannot be drawn: ${err.message}`);
      else undo();
      return;
    }
    if (mine !== version) {
      undo();
      target.remove();
      return;
    }
    cleanup = undo;
  };
  for (const name of ["plot_type", "spec", "data", "mime", "_library", "message"]) model.on(`change:${name}`, draw);
  // Drawn when the output has a width: plotly and Vega measure their container.
  const stop = lifecycle(body, () => {
    if (!body.firstChild || skipped) draw();
  });
  draw();
  return () => {
    stop();
    reset();
  };
}

function render(props) {
  return props.model.get("kind") === "native" ? renderNative(props) : renderPlot(props);
}

// Exported for the unit tests (the spec compiled by the vendored Vega-Lite).
export { nativeSpec, rows };
export default { render };
