// Gallery view: a grid of thumbnails from binary buffers (each item's bytes arrive once, as
// buffers of `splice` messages: the items from `start` on; the view asks for all of them when
// drawn) shown through Blob URLs that the preview reuses. An item whose value is an http(s)
// URL (`url`) is loaded by the page from there, as Gradio's page does (the kernel fetches
// nothing); an item naming a missing file (`missing`) shows its name. A click
// sends select (the kernel opens the preview and sets `selected_index`); the preview closes
// with its × or Escape and steps with the arrow keys or a click on its left/right half, as
// Gradio's page does. Interactive: files picked or dropped travel to the kernel in binary
// chunks (the loader's `upload`), each item has a delete button, and the gallery a clear
// button. Captions and names are set as textContent.

function render({ model, el, upload, dropZone, webUrl, header }) {
  el.classList.add("gnb-gallery");
  el.tabIndex = 0;
  const { title, sync: syncHeader } = header(el, { label: "gnb-view-label gnb-gallery-label" });
  const preview = document.createElement("div");
  preview.className = "gnb-gallery-preview";
  const tools = document.createElement("div");
  tools.className = "gnb-gallery-tools";
  const grid = document.createElement("div");
  grid.className = "gnb-gallery-grid";
  const empty = document.createElement("div");
  empty.className = "gnb-gallery-empty";
  const picker = document.createElement("input");
  picker.type = "file";
  picker.multiple = true;
  picker.hidden = true;
  const wrap = document.createElement("div");
  wrap.className = "gnb-gallery-wrap";
  wrap.append(tools, grid, empty);
  el.append(title, preview, wrap, picker);

  let items = [];
  let urls = [];
  let saveUrl = null; // the preview's download link: the item's bytes typed as bytes
  let synced = false; // splices sent before this view's sync reply are not relative to it
  const button = (text, label, onclick) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.title = label;
    b.setAttribute("aria-label", label);
    b.addEventListener("click", (e) => {
      e.stopPropagation();
      onclick();
    });
    return b;
  };
  const media = (item, url, cls) => {
    if (!url) {
      const gone = document.createElement("div");
      gone.className = `${cls} gnb-gallery-missing`;
      gone.textContent = `${item.name}: file not found`;
      return gone;
    }
    const node = document.createElement(item.kind === "video" ? "video" : "img");
    node.className = cls;
    node.src = url;
    if (item.kind === "video") {
      node.muted = true;
      node.preload = "metadata";
    } else {
      node.alt = item.caption || "";
    }
    return node;
  };

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
    if (preview.hidden) return;
    const bar = document.createElement("div");
    bar.className = "gnb-gallery-preview-bar";
    if (model.get("download") && urls[index]) {
      const link = document.createElement("a");
      link.className = "gnb-gallery-download";
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
      link.textContent = "⤓";
      link.title = "Download";
      bar.append(link);
    }
    bar.append(button("×", "Close preview", () => model.send({ event: "preview_close" })));
    const big = media(item, urls[index], "gnb-gallery-preview-media");
    if (item.kind === "video") big.controls = true;
    big.addEventListener("click", (e) => {
      if (item.kind === "video") return;
      const n = items.length;
      const next = e.offsetX < big.offsetWidth / 2 ? (index + n - 1) % n : (index + 1) % n;
      model.send({ event: "select", index: next });
    });
    preview.append(bar, big);
    if (item.caption) {
      const caption = document.createElement("div");
      caption.className = "gnb-gallery-preview-caption";
      caption.textContent = item.caption;
      preview.append(caption);
    }
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
      const cell = document.createElement("div");
      cell.className = "gnb-gallery-item";
      const thumb = document.createElement("button");
      thumb.type = "button";
      thumb.className = "gnb-gallery-thumb";
      thumb.setAttribute("aria-label", `Thumbnail ${i + 1} of ${items.length}`);
      thumb.append(media(item, urls[i], "gnb-gallery-media"));
      if (item.kind === "video") {
        const play = document.createElement("span");
        play.className = "gnb-gallery-play";
        play.textContent = "▶";
        thumb.append(play);
      }
      if (item.caption) {
        const caption = document.createElement("div");
        caption.className = "gnb-gallery-caption";
        caption.textContent = item.caption;
        thumb.append(caption);
      }
      thumb.addEventListener("click", () => model.send({ event: "select", index: i }));
      cell.append(thumb);
      if (!model.get("disabled")) {
        const del = button("×", "Delete image", () => model.send({ event: "delete", index: i }));
        del.className = "gnb-gallery-delete";
        cell.append(del);
      }
      grid.append(cell);
    });
    selected();
    layout();
    drawPreview();
  };

  const selected = () => {
    const index = model.get("selected_index");
    [...grid.children].forEach((cell, i) => cell.classList.toggle("gnb-gallery-selected", i === index));
  };

  const layout = () => {
    const n = items.length;
    let columns = model.get("columns") || 2;
    if (model.get("fit_columns") && n > 0) columns = Math.min(columns, n);
    grid.style.setProperty("--gnb-gallery-cols", columns);
    const rows = model.get("rows");
    grid.style.gridTemplateRows = rows ? `repeat(${rows}, minmax(100px, 1fr))` : "";
    grid.style.setProperty("--gnb-gallery-fit", model.get("object_fit") || "cover");
    wrap.style.height = model.get("height");
    const canUpload = !model.get("disabled");
    empty.hidden = n > 0;
    empty.textContent = canUpload ? "Drop images or videos here, or click to upload" : "";
    tools.replaceChildren();
    if (canUpload) {
      tools.append(button("Upload", "Upload", () => picker.click()));
      if (n) tools.append(button("Clear", "Clear", () => model.send({ event: "clear" })));
    }
  };

  const props = () => {
    syncHeader();
    el.classList.toggle("gnb-gallery-interactive", !model.get("disabled"));
    picker.accept = model.get("accept");
    layout();
  };

  dropZone({ zone: wrap, accepts: takesFiles, onFiles: take, dragClass: "gnb-gallery-drop", picker, clickers: [empty] });
  el.addEventListener("keydown", (e) => {
    const index = model.get("selected_index");
    const n = items.length;
    if (index === null || index === undefined || !n || !model.get("allow_preview")) return;
    if (e.key === "Escape") model.send({ event: "preview_close" });
    else if (e.key === "ArrowLeft") model.send({ event: "select", index: (index + n - 1) % n });
    else if (e.key === "ArrowRight") model.send({ event: "select", index: (index + 1) % n });
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
