// Gallery view, drawn as Gradio's: a block with the label badge in its corner, the thumbnails
// in a grid of Gradio's fixed height (or the app's `height`) that scrolls inside it, captions as
// chips in each thumbnail's corner; Gradio's empty state for an output with no items, its
// "Drop Media Here" prompt for an empty upload. Each item's bytes arrive once, as buffers of
// `splice` messages (the items from `start` on; the view asks for all of them when drawn),
// shown through Blob URLs that the preview reuses. An item whose value is an http(s) URL (`url`)
// is loaded by the page from there, as Gradio's page does (the kernel fetches nothing); an item
// naming a missing file (`missing`) shows its name. A click sends select (the kernel opens the
// preview and sets `selected_index`); the preview covers the grid, as Gradio's, with a strip of
// thumbnails, closes with its × or Escape and steps with the arrow keys or a click on its
// left/right half. Interactive: files picked or dropped travel to the kernel in binary chunks
// (the kit's `upload`), each item has a delete button, and the grid upload and clear buttons.
// Captions and names are set as textContent.

function render({ model, el, upload, dropZone, webUrl, header, emptyState, uploadText, iconButton, icon }) {
  el.classList.add("gnb-gallery");
  el.tabIndex = 0;
  const make = (tag, cls) => Object.assign(document.createElement(tag), { className: cls });
  const { badge, sync: syncHeader } = header(el, { label: "gnb-gallery-label", badge: "image" });
  const preview = make("div", "gnb-gallery-preview");
  const tools = make("div", "gnb-icon-bar gnb-gallery-tools");
  const grid = make("div", "gnb-gallery-grid");
  const empty = emptyState("image");
  const prompt = uploadText("Media");
  prompt.box.classList.add("gnb-gallery-prompt");
  const picker = make("input", "");
  picker.type = "file";
  picker.multiple = true;
  picker.hidden = true;
  const wrap = make("div", "gnb-gallery-wrap");
  wrap.append(tools, grid);
  el.append(badge, empty, prompt.box, wrap, preview, picker);
  tools.append(iconButton("Click to Upload", "upload", () => picker.click()),
    iconButton("Clear", "clear", () => model.send({ event: "clear" })));

  let items = [];
  let urls = [];
  let saveUrl = null; // the preview's download link: the item's bytes typed as bytes
  let synced = false; // splices sent before this view's sync reply are not relative to it
  const media = (item, url, cls) => {
    if (!url) {
      const gone = make("div", `${cls} gnb-gallery-missing`);
      gone.textContent = `${item.name}: file not found`;
      return gone;
    }
    const node = make(item.kind === "video" ? "video" : "img", cls);
    node.src = url;
    if (item.kind === "video") {
      node.muted = true;
      node.preload = "metadata";
    } else {
      node.alt = item.caption || "";
    }
    return node;
  };
  const select = (index) => model.send({ event: "select", index });

  const takesFiles = () => !model.get("disabled");
  const take = (files) => {
    if (takesFiles()) upload(files, { name: "image.png" });
  };

  const drawPreview = () => {
    preview.replaceChildren();
    if (saveUrl) URL.revokeObjectURL(saveUrl);
    saveUrl = null;
    const index = model.get("selected_index");
    const item = index === null || index === undefined ? null : items[index];
    preview.hidden = !item || !model.get("allow_preview");
    tools.hidden = model.get("disabled") || !preview.hidden; // as Gradio's: no grid buttons over the preview
    if (preview.hidden) return;
    const bar = make("div", "gnb-icon-bar gnb-gallery-preview-bar");
    if (model.get("download") && urls[index]) {
      const link = make("a", "gnb-icon-button gnb-gallery-download");
      if (webUrl(item.url)) {
        // Another site's file: the browser saves or opens it (in a tab of its own origin).
        link.href = webUrl(item.url);
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      } else {
        // Not the shown item's URL (typed e.g. image/svg+xml): opened in a new tab, an SVG or
        // HTML Blob would run its scripts with the notebook page's origin.
        saveUrl = URL.createObjectURL(new Blob([item.data], { type: "application/octet-stream" }));
        link.href = saveUrl;
      }
      link.download = item.name || "image";
      link.title = "Download";
      link.setAttribute("aria-label", "Download");
      link.append(icon("download"));
      bar.append(link);
    }
    bar.append(iconButton("Close", "clear", () => model.send({ event: "preview_close" })));
    const stage = make("div", "gnb-gallery-stage");
    const big = media(item, urls[index], "gnb-gallery-preview-media");
    if (item.kind === "video") big.controls = true;
    big.addEventListener("click", (e) => {
      if (item.kind === "video") return;
      const n = items.length;
      select(e.offsetX < big.offsetWidth / 2 ? (index + n - 1) % n : (index + 1) % n);
    });
    stage.append(big);
    preview.append(bar, stage);
    if (item.caption) {
      const caption = make("div", "gnb-gallery-preview-caption");
      caption.textContent = item.caption;
      preview.append(caption);
    }
    const strip = make("div", "gnb-gallery-strip");
    items.forEach((other, i) => {
      const thumb = make("button", "gnb-gallery-strip-thumb");
      thumb.type = "button";
      thumb.classList.toggle("gnb-gallery-selected", i === index);
      thumb.setAttribute("aria-label", `Thumbnail ${i + 1} of ${items.length}`);
      thumb.append(media(other, urls[i], "gnb-gallery-media"));
      thumb.addEventListener("click", () => select(i));
      strip.append(thumb);
    });
    preview.append(strip);
    // The selected thumbnail in view (scrollIntoView would scroll the notebook as well)
    const chosen = strip.children[index];
    if (chosen) strip.scrollLeft = chosen.offsetLeft - (strip.clientWidth - chosen.offsetWidth) / 2;
  };

  const onMessage = (msg, buffers) => {
    if (msg?.op !== "splice" || (!synced && !msg.full) || msg.start > items.length) return;
    synced = true;
    for (const url of urls.slice(msg.start)) if (url.startsWith("blob:")) URL.revokeObjectURL(url);
    msg.items.forEach((item, i) => {
      item.data = buffers?.[i];
    });
    items = [...items.slice(0, msg.start), ...msg.items];
    const shown = (item) => {
      if (item.url !== undefined) return webUrl(item.url);
      if (item.missing) return "";
      return URL.createObjectURL(new Blob([item.data], { type: item.mime }));
    };
    urls = [...urls.slice(0, msg.start), ...msg.items.map(shown)];
    drawGrid();
  };

  const drawGrid = () => {
    grid.replaceChildren();
    items.forEach((item, i) => {
      const cell = make("div", "gnb-gallery-item");
      const thumb = make("button", "gnb-gallery-thumb");
      thumb.type = "button";
      thumb.setAttribute("aria-label", `Thumbnail ${i + 1} of ${items.length}`);
      thumb.append(media(item, urls[i], "gnb-gallery-media"));
      if (item.kind === "video") thumb.append(icon("play", "gnb-gallery-play"));
      if (item.caption) {
        const caption = make("div", "gnb-gallery-caption");
        caption.textContent = item.caption;
        thumb.append(caption);
      }
      thumb.addEventListener("click", () => select(i));
      cell.append(thumb);
      if (!model.get("disabled")) {
        cell.append(iconButton("Delete image", "clear", () => model.send({ event: "delete", index: i }), "gnb-gallery-delete"));
      }
      grid.append(cell);
    });
    selected();
    layout();
    drawPreview();
  };

  const selected = () => {
    const index = model.get("selected_index");
    [...grid.children].forEach((cell, i) => cell.firstChild.classList.toggle("gnb-gallery-selected", i === index));
  };

  const layout = () => {
    const n = items.length;
    const live = !model.get("disabled");
    let columns = model.get("columns") || 2;
    if (model.get("fit_columns") && n > 0) columns = Math.min(columns, n);
    grid.style.setProperty("--gnb-gallery-cols", columns);
    const rows = model.get("rows");
    grid.style.gridTemplateRows = rows ? `repeat(${rows}, minmax(100px, 1fr))` : "";
    grid.style.setProperty("--gnb-gallery-fit", model.get("object_fit") || "cover");
    // Gradio's grid: the app's height (the block's too, as Gradio's), else a fixed one
    // (js/gallery.css) it scrolls in
    wrap.style.height = el.style.height = model.get("height");
    wrap.classList.toggle("gnb-gallery-fixed", !model.get("height"));
    wrap.hidden = n === 0;
    empty.hidden = n > 0 || live;
    prompt.box.hidden = n > 0 || !live;
    tools.hidden = !live || !preview.hidden;
  };

  const props = () => {
    syncHeader();
    el.classList.toggle("gnb-gallery-interactive", !model.get("disabled"));
    picker.accept = model.get("accept");
    layout();
  };

  dropZone({ zone: el, accepts: takesFiles, onFiles: take, dragClass: "gnb-gallery-drop", picker, clickers: [prompt.box] });
  el.addEventListener("keydown", (e) => {
    const index = model.get("selected_index");
    const n = items.length;
    if (index === null || index === undefined || !n || !model.get("allow_preview")) return;
    if (e.key === "Escape") model.send({ event: "preview_close" });
    else if (e.key === "ArrowLeft") select((index + n - 1) % n);
    else if (e.key === "ArrowRight") select((index + 1) % n);
    else return;
    e.preventDefault();
  });

  model.on("msg:custom", onMessage);
  model.on("change:selected_index", () => {
    selected();
    drawPreview();
  });
  model.on("change:allow_preview", drawPreview);
  model.on("change:download", drawPreview);
  for (const name of ["label", "show_label", "pending", "disabled", "columns", "rows", "height", "object_fit",
    "fit_columns", "accept"]) {
    model.on(`change:${name}`, props);
  }
  model.on("change:disabled", drawGrid);
  props();
  drawGrid();
  model.send({ op: "sync" });
  return () => {
    model.off("msg:custom", onMessage);
    for (const url of urls) if (url.startsWith("blob:")) URL.revokeObjectURL(url);
    if (saveUrl) URL.revokeObjectURL(saveUrl);
  };
}

export default { render };
