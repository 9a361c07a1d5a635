// Image editor view: a background and drawing layers on canvases. The kernel's images arrive as
// binary buffers (the `background`, `layers` and `composite` traits, DataViews) and are decoded
// with createImageBitmap. A stroke draws on the selected layer (brush, or eraser with
// destination-out); on pointerup, and after an upload or a new layer, the page sends the
// background, the composite and every layer as PNG bytes (canvas.toBlob), as binary buffers,
// never base64: one `edit` message when they are small, else (a comm message over Tornado's
// 10 MiB websocket limit would drop the kernel's connection) one batch of the kit's upload()
// (the chunked upload protocol of gradio_nb/uploads.py, `edit: true` among its fields).
// Text is set as textContent.

const ONE_MESSAGE = 8 << 20; // an edit up to this size goes as one message

const load = async (data) => {
  if (!data || !data.byteLength) return null;
  try {
    return await createImageBitmap(new Blob([data]));
  } catch {
    return null; // not an image the browser can decode: shown as nothing
  }
};

const canvasOf = (w, h) => {
  const c = document.createElement("canvas");
  c.width = w;
  c.height = h;
  return c;
};

/** The canvas as PNG bytes; empty when the browser cannot encode it (toBlob gives null for a
 * canvas of no size or too big), never a promise that rejects or never settles. */
const png = (canvas) =>
  new Promise((resolve) => {
    const empty = () => resolve(new ArrayBuffer(0));
    try {
      canvas.toBlob((blob) => (blob ? blob.arrayBuffer().then(resolve, empty) : empty()), "image/png");
    } catch {
      empty();
    }
  });

// A CSS colour as #rrggbb, as <input type=color> needs (the canvas normalises opaque colours).
const hex = (css) => {
  const ctx = canvasOf(1, 1).getContext("2d");
  ctx.fillStyle = "#000000";
  ctx.fillStyle = css;
  return /^#[0-9a-f]{6}$/i.test(ctx.fillStyle) ? ctx.fillStyle : "#000000";
};

const button = (text, title, cls) => {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `gnb-editor-btn ${cls || ""}`;
  b.textContent = text;
  b.title = title;
  return b;
};

function render({ model, el, dropZone, header, upload }) {
  el.classList.add("gnb-editor");
  const { title, sync: syncHeader } = header(el, { label: "gnb-view-label gnb-editor-label" });
  const bar = document.createElement("div");
  bar.className = "gnb-editor-toolbar";
  const brushBtn = button("✎ Brush", "Brush", "gnb-editor-brush");
  const eraserBtn = button("⌫ Eraser", "Eraser", "gnb-editor-eraser");
  const swatches = document.createElement("span");
  swatches.className = "gnb-editor-swatches";
  const picker = document.createElement("input");
  picker.type = "color";
  picker.title = "Colour";
  picker.className = "gnb-editor-color";
  const size = document.createElement("input");
  size.type = "range";
  size.min = "1";
  size.max = "100";
  size.title = "Size";
  size.className = "gnb-editor-size";
  const layerSelect = document.createElement("select");
  layerSelect.title = "Layer";
  layerSelect.className = "gnb-editor-layers";
  const addLayer = button("+ Layer", "Add a layer", "gnb-editor-add-layer");
  const uploadBtn = button("⇪ Upload", "Upload a background image", "gnb-editor-upload");
  const clearBtn = button("× Clear", "Clear", "gnb-editor-clear");
  const applyBtn = button("✓ Apply", "Apply", "gnb-editor-apply");
  bar.append(brushBtn, eraserBtn, swatches, picker, size, layerSelect, addLayer, uploadBtn, clearBtn, applyBtn);
  const note = document.createElement("div");
  note.className = "gnb-editor-note";
  const frame = document.createElement("div");
  frame.className = "gnb-editor-frame";
  const view = document.createElement("canvas");
  view.className = "gnb-editor-canvas";
  const empty = document.createElement("div");
  empty.className = "gnb-editor-empty";
  frame.append(view, empty);
  const file = document.createElement("input");
  file.type = "file";
  file.accept = "image/*";
  file.hidden = true;
  el.append(title, bar, note, frame, file);

  // The editor's state: canvas size, background (drawn in place), layers, tool.
  let W = 0, H = 0;
  let bg = null; // canvas W x H with the background drawn, or null
  let layers = []; // [{ name, canvas }]
  let active = 0;
  let tool = "brush";
  let colour = ["#000000", 1];
  let radius = 0; // 0 until the canvas size is known ("auto")
  let shownOnly = null; // the composite shown when not interactive
  let sending = Promise.resolve();

  const disabled = () => model.get("disabled");
  const autoSize = () => Math.max(1, Math.round(Math.min(W, H) / 50));

  const redraw = () => {
    view.width = W;
    view.height = H;
    const ctx = view.getContext("2d");
    ctx.clearRect(0, 0, W, H);
    if (disabled() && shownOnly) {
      ctx.drawImage(shownOnly, 0, 0);
      return;
    }
    if (bg) ctx.drawImage(bg, 0, 0);
    for (const layer of layers) ctx.drawImage(layer.canvas, 0, 0);
  };

  const composite = () => {
    const c = canvasOf(W, H);
    const ctx = c.getContext("2d");
    if (bg) ctx.drawImage(bg, 0, 0);
    for (const layer of layers) ctx.drawImage(layer.canvas, 0, 0);
    return c;
  };

  const warn = (text) => {
    note.textContent = text;
    note.hidden = !text;
  };

  // Send the canvases to the kernel, in order, one edit after the other.
  const sendEdit = (reason) => {
    const snapshot = { bg, layers: layers.map((l) => l.canvas), comp: composite() };
    sending = sending
      .then(async () => {
        const buffers = [
          snapshot.bg ? await png(snapshot.bg) : new ArrayBuffer(0),
          await png(snapshot.comp),
          ...(await Promise.all(snapshot.layers.map(png))),
        ];
        if (buffers.slice(snapshot.bg ? 0 : 1).some((b) => !b.byteLength)) {
          warn("This edit could not be encoded as PNG (the canvas is empty or too big): it was not sent.");
          return;
        }
        const head = { reason, background: !!snapshot.bg, layers: snapshot.layers.length };
        const total = buffers.reduce((sum, b) => sum + b.byteLength, 0);
        if (total <= ONE_MESSAGE) {
          model.send({ event: "edit", ...head }, undefined, buffers);
          return;
        }
        // The names the kernel gives a one-message edit's images (background, composite, layers).
        const names = ["background.png", "composite.png", ...snapshot.layers.map((_, n) => `layer${n}.png`)];
        await upload(buffers.map((b, i) => new File([b], names[i], { type: "image/png" })), { edit: true, ...head });
      })
      .catch((err) => warn(`This edit could not be sent: ${err?.message || err}`)); // later edits still go
  };

  const blankLayers = () =>
    (model.get("layer_names").length ? model.get("layer_names") : ["Layer 1"]).map((name) => ({
      name,
      canvas: canvasOf(W, H),
    }));

  // Resize to w x h keeping what the layers hold (drawn at the top left).
  const resizeTo = (w, h) => {
    W = w;
    H = h;
    layers = layers.map((l) => {
      const c = canvasOf(w, h);
      c.getContext("2d").drawImage(l.canvas, 0, 0);
      return { name: l.name, canvas: c };
    });
  };

  const placeBackground = (image) => {
    if (!model.get("fixed_canvas")) {
      resizeTo(image.width, image.height);
    }
    bg = canvasOf(W, H);
    const scale = model.get("fixed_canvas") ? Math.min(W / image.width, H / image.height) : 1;
    const w = image.width * scale, h = image.height * scale;
    bg.getContext("2d").drawImage(image, (W - w) / 2, (H - h) / 2, w, h);
  };

  const fillLayerSelect = () => {
    layerSelect.replaceChildren(
      ...layers.map((l, i) => {
        const o = document.createElement("option");
        o.value = String(i);
        o.textContent = l.name;
        return o;
      })
    );
    layerSelect.value = String(active);
  };

  // Show the kernel's value (after every `version` change); a value decoded after a newer one
  // began is dropped, not drawn over it.
  let showing = 0;
  const showValue = async () => {
    const mine = ++showing;
    const [size0, size1] = model.get("canvas_size");
    const [bgImage, compImage, ...layerImages] = await Promise.all([
      load(model.get("background")),
      load(model.get("composite")),
      ...model.get("layers").map(load),
    ]);
    if (mine !== showing) return;
    W = size0;
    H = size1;
    bg = null;
    layers = [];
    shownOnly = compImage || bgImage;
    const base = bgImage || (!layerImages.length ? compImage : null);
    if (!base && layerImages[0] && !model.get("fixed_canvas")) {
      W = layerImages[0].width;
      H = layerImages[0].height;
    }
    if (disabled() && shownOnly) {
      W = shownOnly.width;
      H = shownOnly.height;
    }
    if (base) placeBackground(base);
    const names = model.get("layer_names");
    if (layerImages.length) {
      layers = layerImages.map((image, i) => {
        const c = canvasOf(W, H);
        if (image) c.getContext("2d").drawImage(image, 0, 0);
        return { name: names[i] || `Layer ${i + 1}`, canvas: c };
      });
    } else {
      layers = blankLayers();
    }
    active = Math.min(active, layers.length - 1);
    fillLayerSelect();
    props();
    redraw();
  };

  // -- drawing -------------------------------------------------------------------------------
  let stroke = null; // { ctx, x, y } while drawing
  const toCanvas = (evt) => {
    const rect = view.getBoundingClientRect();
    return [((evt.clientX - rect.left) * W) / rect.width, ((evt.clientY - rect.top) * H) / rect.height];
  };
  const toolOn = () => (tool === "brush" ? model.get("brush") : model.get("eraser"));

  view.addEventListener("pointerdown", (evt) => {
    if (disabled() || !toolOn() || !layers[active] || evt.button !== 0) return;
    evt.preventDefault();
    view.setPointerCapture(evt.pointerId);
    const ctx = layers[active].canvas.getContext("2d");
    const r = radius || autoSize();
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.lineWidth = 2 * r;
    ctx.globalCompositeOperation = tool === "eraser" ? "destination-out" : "source-over";
    ctx.strokeStyle = ctx.fillStyle = tool === "eraser" ? "#000" : colour[0];
    ctx.globalAlpha = tool === "eraser" ? 1 : colour[1];
    const [x, y] = toCanvas(evt);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fill();
    stroke = { ctx, x, y };
    redraw();
  });
  view.addEventListener("pointermove", (evt) => {
    if (!stroke) return;
    const [x, y] = toCanvas(evt);
    const { ctx } = stroke;
    ctx.beginPath();
    ctx.moveTo(stroke.x, stroke.y);
    ctx.lineTo(x, y);
    ctx.stroke();
    stroke.x = x;
    stroke.y = y;
    redraw();
  });
  const endStroke = () => {
    if (!stroke) return;
    stroke.ctx.globalCompositeOperation = "source-over";
    stroke.ctx.globalAlpha = 1;
    stroke = null;
    sendEdit("stroke");
  };
  view.addEventListener("pointerup", endStroke);
  view.addEventListener("pointercancel", endStroke);

  // A click on the shown image when not interactive: select with the [x, y] pixel.
  view.addEventListener("click", (evt) => {
    if (!disabled() || !model.get("selectable")) return;
    const [x, y] = toCanvas(evt).map(Math.floor);
    if (x >= 0 && y >= 0 && x < W && y < H) model.send({ event: "select", data: { index: [x, y], value: null } });
  });

  // -- tools ---------------------------------------------------------------------------------
  const pickTool = (name) => {
    tool = name;
    brushBtn.classList.toggle("gnb-editor-on", tool === "brush");
    eraserBtn.classList.toggle("gnb-editor-on", tool === "eraser");
    const options = toolOn();
    size.value = String(radius || (options && options.size) || autoSize());
  };
  brushBtn.addEventListener("click", () => pickTool("brush"));
  eraserBtn.addEventListener("click", () => pickTool("eraser"));
  size.addEventListener("input", () => {
    radius = Number(size.value);
  });
  picker.addEventListener("input", () => {
    colour = [picker.value, 1];
    pickTool("brush");
  });
  layerSelect.addEventListener("change", () => {
    active = Number(layerSelect.value);
  });
  addLayer.addEventListener("click", () => {
    layers.push({ name: `Layer ${layers.length + 1}`, canvas: canvasOf(W, H) });
    active = layers.length - 1;
    fillLayerSelect();
    sendEdit("layer");
  });
  clearBtn.addEventListener("click", () => {
    const [w, h] = model.get("canvas_size");
    W = w;
    H = h;
    bg = null;
    layers = blankLayers();
    active = 0;
    fillLayerSelect();
    redraw();
    props();
    model.send({ event: "clear" });
  });
  applyBtn.addEventListener("click", () => model.send({ event: "apply" }));

  const uploadFile = async (files) => {
    const picked = [...files].find((f) => !f.type || f.type.startsWith("image/"));
    if (!picked || disabled()) return;
    let image;
    try {
      image = await createImageBitmap(picked);
    } catch {
      return;
    }
    placeBackground(image);
    redraw();
    props();
    sendEdit("upload");
  };
  uploadBtn.addEventListener("click", () => {
    if (!disabled() && model.get("upload")) file.click(); // "clipboard" alone takes paste only
  });
  dropZone({ zone: frame, accepts: () => !disabled() && model.get("upload"), onFiles: uploadFile,
    dragClass: "gnb-editor-drop", picker: file, clickers: [empty], paste: () => !disabled() && model.get("clipboard") });

  const fillSwatches = () => {
    const brush = model.get("brush");
    swatches.replaceChildren(
      ...(brush ? brush.colors : []).map(([css, alpha]) => {
        const s = button("", css, "gnb-editor-swatch");
        s.style.background = css;
        s.style.opacity = String(alpha);
        s.addEventListener("click", () => {
          colour = [css, alpha];
          picker.value = hex(css);
          pickTool("brush");
        });
        return s;
      })
    );
    if (brush) {
      colour = brush.default_color;
      picker.value = hex(colour[0]);
    }
    radius = (brush && brush.size) || 0;
  };

  // -- properties ----------------------------------------------------------------------------
  const props = () => {
    const off = disabled();
    const brush = model.get("brush");
    syncHeader();
    el.classList.toggle("gnb-editor-interactive", !off);
    bar.hidden = off;
    brushBtn.hidden = !brush;
    eraserBtn.hidden = !model.get("eraser");
    swatches.hidden = !brush;
    picker.hidden = !brush || brush.fixed;
    size.hidden = !brush && !model.get("eraser");
    layerSelect.hidden = !model.get("show_layers");
    addLayer.hidden = !model.get("add_layers");
    uploadBtn.hidden = !model.get("upload");
    applyBtn.hidden = !model.get("applicable");
    frame.style.height = model.get("height");
    frame.style.width = model.get("width");
    view.style.maxHeight = model.get("height") || "480px";
    const nothing = off && !shownOnly;
    view.hidden = nothing;
    empty.hidden = !nothing;
    note.hidden = off || !!bg || !model.get("upload") || !model.get("placeholder");
    note.textContent = model.get("placeholder");
  };

  model.on("change:version", showValue);
  model.on("change:brush", () => {
    fillSwatches();
    pickTool(tool);
    props();
  });
  for (const name of ["label", "show_label", "pending", "disabled", "placeholder", "height", "width", "upload",
    "clipboard", "eraser", "show_layers", "add_layers", "applicable"]) {
    model.on(`change:${name}`, props);
  }
  model.on("change:disabled", redraw);
  fillSwatches();
  pickTool(model.get("brush") ? "brush" : "eraser");
  showValue();
}

export default { render };
