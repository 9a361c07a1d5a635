// Image view, drawn as Gradio's: a block with the label badge in its corner; with no image, an
// output shows Gradio's empty state (a faded image icon) and an upload shows its dashed prompt
// ("Drop Image Here - or - Click to Upload") over the source toolbar (upload, webcam,
// clipboard). The image's bytes arrive as a binary buffer (the `data` trait, a DataView) and
// are shown through a Blob URL, revoked when replaced; an image whose value is an http(s) URL
// (the `src` trait) is loaded by the page from there (the kernel fetches nothing). A file
// picked, dropped or pasted, or a photo taken with the webcam (getUserMedia, where the page may
// use a camera: a source that cannot work is a disabled button saying why), travels to the
// kernel as binary buffers of comm messages, in chunks (the kit's `upload`), never as base64.
// A click on the image sends select with the [x, y] pixel, as Gradio's page does (object-fit:
// scale-down). Text is set as textContent.

/** The clicked pixel of an <img> shown with object-fit: scale-down (Gradio's computation). */
function clicked_pixel(evt, image) {
  const rect = image.getBoundingClientRect();
  const scale = Math.min(rect.width / image.naturalWidth, rect.height / image.naturalHeight, 1);
  const x_offset = (rect.width - image.naturalWidth * scale) / 2;
  const y_offset = (rect.height - image.naturalHeight * scale) / 2;
  const x = Math.round((evt.clientX - rect.left - x_offset) / scale);
  const y = Math.round((evt.clientY - rect.top - y_offset) / scale);
  if (x < 0 || x >= image.naturalWidth || y < 0 || y >= image.naturalHeight) return null;
  return [x, y];
}

/** Why the page cannot use a camera, or "" when it can (browsers give one to secure pages only). */
function cameraMissing() {
  if (navigator.mediaDevices?.getUserMedia) return "";
  return globalThis.isSecureContext ? "this browser has no camera access" : "the camera needs an https or localhost page";
}

function render({ model, el, upload, dropZone, webUrl, header, emptyState, uploadText, sourceBar, iconButton }) {
  el.classList.add("gnb-image");
  const make = (tag, cls) => Object.assign(document.createElement(tag), { className: cls });
  const { badge, sync: syncHeader } = header(el, { label: "gnb-image-label", badge: "image" });
  const frame = make("div", "gnb-image-frame");
  const image = make("img", "gnb-image-img");
  // Gradio's frame round the image: as tall as the block when it has a height (the image's box
  // then fills it, drawn scaled down), else the image's own size, never wider than the block
  const fit = make("div", "gnb-image-fit");
  fit.append(image);
  const empty = emptyState("image");
  const prompt = uploadText("Image");
  prompt.box.classList.add("gnb-image-prompt");
  const camera = make("div", "gnb-image-camera");
  const video = make("video", "gnb-image-video");
  video.muted = true;
  video.playsInline = true;
  const note = make("div", "gnb-image-note");
  const shoot = iconButton("Take a photo", "webcam", () => capture(), "gnb-image-shoot");
  camera.append(video, shoot);
  const tools = make("div", "gnb-icon-bar");
  tools.append(iconButton("Remove Image", "clear", () => model.send({ event: "clear" })));
  const picker = make("input", "");
  picker.type = "file";
  picker.accept = "image/*";
  picker.hidden = true;
  frame.append(fit, empty, prompt.box, camera, note);
  let active = ""; // the source chosen in the toolbar ("" until props() picks the first)
  const sources = sourceBar((source) => choose(source));
  el.append(badge, tools, frame, sources.bar, picker);

  let url = null;
  let stream = null; // the camera's MediaStream while the webcam source shows
  const interactive = () => !model.get("disabled");
  const has = () => !!((model.get("data") && model.get("data").byteLength) || webUrl(model.get("src")));
  const offered = () => ["upload", "webcam", "clipboard"].filter((s) => model.get(s));

  const take = (files) => {
    const file = files.find((f) => !f.type || f.type.startsWith("image/"));
    if (file && interactive()) upload([file], { name: "image.png" });
  };

  const stopCamera = () => {
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    video.srcObject = null;
  };
  const startCamera = async () => {
    if (stream || cameraMissing()) return;
    note.textContent = "";
    try {
      // As Gradio's: the constraints' `video` (else its ideal 1920 x 1440), no sound
      const wanted = model.get("webcam_constraints")?.video || { width: { ideal: 1920 }, height: { ideal: 1440 } };
      stream = await navigator.mediaDevices.getUserMedia({ video: wanted, audio: false });
    } catch (err) {
      note.textContent = `Camera not available: ${err?.message || err}`;
      return;
    }
    if (active !== "webcam" || has()) return stopCamera(); // left the source meanwhile
    video.srcObject = stream;
    video.play().catch(() => {});
    props();
  };
  /** The camera's frame as a PNG upload (mirrored as shown, as Gradio's); the camera stops. */
  const capture = () => {
    if (!stream || !video.videoWidth) return;
    const canvas = make("canvas", "");
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const g = canvas.getContext("2d");
    if (model.get("mirror")) {
      g.scale(-1, 1);
      g.drawImage(video, -canvas.width, 0);
    } else {
      g.drawImage(video, 0, 0);
    }
    stopCamera();
    canvas.toBlob((blob) => blob && upload([blob], { name: "image.png", source: "webcam" }), "image/png");
  };
  const pasteClipboard = async () => {
    try {
      for (const item of await navigator.clipboard.read()) {
        const type = item.types.find((t) => t.startsWith("image/"));
        if (type) return take([new File([await item.getType(type)], `clipboard.${type.slice(6)}`, { type })]);
      }
      note.textContent = "No image found in the clipboard.";
    } catch (err) {
      note.textContent = `The clipboard could not be read: ${err?.message || err}`;
    }
  };
  const choose = (source) => {
    if (has()) model.send({ event: "clear" }); // as Gradio's toolbar: a new source clears the image
    active = source;
    note.textContent = "";
    if (source === "clipboard") pasteClipboard();
    props();
  };

  const showImage = () => {
    if (url) URL.revokeObjectURL(url);
    url = null;
    const data = model.get("data");
    const src = webUrl(model.get("src"));
    if (data && data.byteLength) {
      url = URL.createObjectURL(new Blob([data], { type: model.get("mime") || "image/png" }));
      image.src = url;
    } else if (src) {
      image.src = src;
    } else {
      image.removeAttribute("src");
    }
    props();
  };

  image.addEventListener("click", (evt) => {
    const index = clicked_pixel(evt, image);
    if (index) model.send({ event: "select", data: { index, value: null } });
  });
  // A click on the prompt opens the file picker, or reads the clipboard, or asks for the camera
  // (never before a click: a notebook's page does not light a camera up on its own), as Gradio's.
  prompt.box.addEventListener("click", () => {
    if (!interactive() || has()) return;
    if (active === "clipboard") pasteClipboard();
    else if (active === "webcam") startCamera();
    else if (model.get("upload")) picker.click();
  });
  dropZone({ zone: el, accepts: () => interactive() && model.get("upload"), onFiles: take, dragClass: "gnb-image-drop",
    picker, paste: () => interactive() && model.get("clipboard") });

  function props() {
    syncHeader();
    const shown = has();
    const live = interactive();
    if (!offered().includes(active)) active = offered()[0] || "";
    const why = (source) => (source === "webcam" ? cameraMissing() : "");
    el.classList.toggle("gnb-image-interactive", live);
    el.classList.toggle("gnb-image-dashed", live && !shown);
    el.style.height = model.get("height");
    el.style.width = model.get("width");
    image.alt = model.get("alt_text");
    fit.hidden = !shown;
    empty.hidden = shown || live;
    const filming = active === "webcam" && !!stream;
    prompt.set({ kind: active || "upload", placeholder: model.get("placeholder") });
    prompt.box.hidden = shown || !live || filming;
    prompt.box.classList.toggle("gnb-image-clickable", live && !shown && (active !== "upload" || model.get("upload")));
    camera.hidden = shown || !live || !filming;
    if (camera.hidden) stopCamera();
    // the webcam as the only source where the page gets no camera: the prompt's note says why
    if (live && !shown && active === "webcam" && cameraMissing()) note.textContent = `No webcam: ${cameraMissing()}.`;
    video.classList.toggle("gnb-image-mirror", model.get("mirror"));
    tools.hidden = !shown || !live;
    if (live) sources.set(offered(), active, why);
    else sources.bar.hidden = true;
  }

  model.on("change:data", showImage);
  model.on("change:mime", showImage);
  model.on("change:src", showImage);
  for (const name of ["label", "show_label", "pending", "disabled", "placeholder", "height", "width", "upload",
    "webcam", "clipboard", "mirror", "alt_text"]) {
    model.on(`change:${name}`, props);
  }
  showImage();
  return () => {
    stopCamera();
    if (url) URL.revokeObjectURL(url);
  };
}

export default { render };
