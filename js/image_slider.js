// ImageSlider view: two images' bytes arrive as binary buffers (DataViews) and are shown
// through Blob URLs (an image whose value is an http(s) URL, `src_a`/`src_b`, is loaded by the
// page from there), the second over the first, clipped at the divider. Dragging the divider
// (pointer or arrow keys) moves it and saves `position` (0-100) to the kernel when released.
// Interactive and empty slots take a picked or dropped file, sent in binary chunks (the
// loader's `upload`) with the slot it fills. A click (not a drag) sends select with the
// [x, y] pixel.

function render({ model, el, upload, dropZone, webUrl, header, emptyState }) {
  el.classList.add("gnb-slider");
  // Gradio's block: the label badge in its corner, its empty state (a faded image icon)
  const { badge, sync: syncHeader } = header(el, { label: "gnb-slider-label", badge: "image" });
  const empty = emptyState("image");
  const frame = document.createElement("div");
  frame.className = "gnb-slider-frame";
  const under = document.createElement("img");
  under.className = "gnb-slider-img gnb-slider-a";
  under.alt = "first image";
  const over = document.createElement("img");
  over.className = "gnb-slider-img gnb-slider-b";
  over.alt = "second image";
  const divider = document.createElement("div");
  divider.className = "gnb-slider-divider";
  divider.tabIndex = 0;
  divider.setAttribute("role", "slider");
  divider.setAttribute("aria-label", "Slider position");
  divider.setAttribute("aria-valuemin", "0");
  divider.setAttribute("aria-valuemax", "100");
  const handle = document.createElement("span");
  handle.className = "gnb-slider-handle";
  handle.textContent = "⇔";
  divider.append(handle);
  const tools = document.createElement("div");
  tools.className = "gnb-slider-tools";
  const slots = [0, 1].map((slot) => {
    const zone = document.createElement("div");
    zone.className = "gnb-slider-drop";
    zone.dataset.slot = String(slot);
    return zone;
  });
  const picker = document.createElement("input");
  picker.type = "file";
  picker.accept = "image/*";
  picker.multiple = true;
  picker.hidden = true;
  const zones = document.createElement("div");
  zones.className = "gnb-slider-zones";
  zones.append(...slots);
  frame.append(under, over, divider, tools);
  el.append(badge, frame, empty, zones, picker);

  const urls = [null, null];
  let pickSlot = 0;
  let position = model.get("position");

  const takesFiles = () => !model.get("disabled");
  const take = (files, slot) => {
    files = files.filter((f) => !f.type || f.type.startsWith("image/")).slice(0, 2);
    if (takesFiles()) upload(files, { name: "image.png", slot });
  };

  const place = () => {
    over.style.clipPath = `inset(0 0 0 ${position}%)`;
    divider.style.left = `${position}%`;
    divider.setAttribute("aria-valuenow", String(Math.round(position)));
  };

  const show = () => {
    const parts = [["data_a", "mime_a", "src_a", under], ["data_b", "mime_b", "src_b", over]];
    parts.forEach(([data, mime, src, img], i) => {
      if (urls[i]?.startsWith("blob:")) URL.revokeObjectURL(urls[i]);
      urls[i] = null;
      const bytes = model.get(data);
      if (bytes && bytes.byteLength) {
        urls[i] = URL.createObjectURL(new Blob([bytes], { type: model.get(mime) || "image/png" }));
        img.src = urls[i];
      } else if (webUrl(model.get(src))) {
        urls[i] = webUrl(model.get(src)); // a value given as a URL: the page loads it
        img.src = urls[i];
      } else {
        img.removeAttribute("src");
      }
      img.hidden = !urls[i];
    });
    props();
  };

  const props = () => {
    syncHeader();
    const canUpload = !model.get("disabled");
    const has = [!!urls[0], !!urls[1]];
    frame.hidden = !has[0] && !has[1];
    divider.hidden = !(has[0] && has[1]);
    slots.forEach((zone, i) => {
      zone.hidden = !canUpload || has[i];
      zone.textContent = i === 0 ? "Drop the first image here, or click to upload" : "Drop the second image here, or click to upload";
    });
    zones.hidden = slots.every((z) => z.hidden);
    empty.hidden = has[0] || has[1] || canUpload;
    frame.style.height = model.get("height");
    frame.style.width = model.get("width");
    frame.style.maxHeight = model.get("max_height");
    tools.replaceChildren();
    if (model.get("download") && urls[1]) {
      const link = document.createElement("a");
      link.href = urls[1];
      if (!urls[1].startsWith("blob:")) {
        link.target = "_blank"; // another site's file: saved or opened in a tab of its own origin
        link.rel = "noopener noreferrer";
      }
      link.download = "image";
      link.textContent = "⤓";
      link.title = "Download";
      tools.append(link);
    }
    if (canUpload && (has[0] || has[1])) {
      const clear = document.createElement("button");
      clear.type = "button";
      clear.textContent = "×";
      clear.title = "Clear";
      clear.addEventListener("click", (e) => {
        e.stopPropagation();
        model.send({ event: "clear" });
      });
      tools.append(clear);
    }
  };

  // Dragging: pointer capture on the frame; the kernel hears the final position only.
  let dragging = false;
  let moved = false;
  const toPosition = (evt) => {
    const rect = frame.getBoundingClientRect();
    return Math.min(100, Math.max(0, ((evt.clientX - rect.left) / rect.width) * 100));
  };
  const save = () => {
    model.set("position", position);
    model.save_changes();
  };
  divider.addEventListener("pointerdown", (evt) => {
    dragging = true;
    moved = false;
    divider.setPointerCapture(evt.pointerId);
    evt.preventDefault();
  });
  divider.addEventListener("pointermove", (evt) => {
    if (!dragging) return;
    moved = true;
    position = toPosition(evt);
    place();
  });
  const release = () => {
    if (!dragging) return;
    dragging = false;
    if (moved) save();
  };
  divider.addEventListener("pointerup", release);
  divider.addEventListener("pointercancel", release);
  divider.addEventListener("keydown", (evt) => {
    const step = evt.shiftKey ? 10 : 1;
    if (evt.key === "ArrowLeft") position = Math.max(0, position - step);
    else if (evt.key === "ArrowRight") position = Math.min(100, position + step);
    else return;
    evt.preventDefault();
    place();
    save();
  });
  frame.addEventListener("click", (evt) => {
    if (evt.target !== under && evt.target !== over) return;
    const img = urls[1] && toPosition(evt) >= position ? over : under;
    const rect = img.getBoundingClientRect();
    if (!img.naturalWidth) return;
    const x = Math.round(((evt.clientX - rect.left) / rect.width) * img.naturalWidth);
    const y = Math.round(((evt.clientY - rect.top) / rect.height) * img.naturalHeight);
    model.send({ event: "select", data: { index: [x, y], value: null } });
  });
  // One picker for both slots: the zone clicked says which slot it fills.
  slots.forEach((zone, slot) => {
    zone.addEventListener("click", () => {
      if (!takesFiles()) return;
      pickSlot = slot;
      picker.click();
    });
    dropZone({ zone, accepts: takesFiles, onFiles: (files) => take(files, slot), dragClass: "gnb-slider-dragover" });
  });
  picker.addEventListener("change", () => {
    take([...picker.files], pickSlot);
    picker.value = "";
  });

  model.on("change:position", () => {
    if (dragging) return;
    position = model.get("position");
    place();
  });
  for (const name of ["data_a", "mime_a", "src_a", "data_b", "mime_b", "src_b"]) model.on(`change:${name}`, show);
  for (const name of ["label", "show_label", "pending", "disabled", "height", "width", "max_height", "download"]) {
    model.on(`change:${name}`, props);
  }
  show();
  place();
  return () => {
    for (const url of urls) if (url?.startsWith("blob:")) URL.revokeObjectURL(url);
  };
}

export default { render };
