// Image view: the image's bytes arrive as a binary buffer (the `data` trait, a DataView) and
// are shown through a Blob URL, revoked when replaced; an image whose value is an http(s) URL
// (the `src` trait) is loaded by the page from there (the kernel fetches nothing). When
// interactive, a file picked, dropped or pasted travels to the kernel as binary buffers of comm
// messages, in chunks (the loader's `upload`), never as base64. A click on the image sends
// select with the [x, y] pixel, as Gradio's page does (object-fit: scale-down). Text is set as
// textContent.

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

function render({ model, el, upload, dropZone, webUrl, header }) {
  el.classList.add("gnb-image");
  const { title, sync: syncHeader } = header(el, { label: "gnb-view-label gnb-image-label" });
  const frame = document.createElement("div");
  frame.className = "gnb-image-frame";
  const image = document.createElement("img");
  image.className = "gnb-image-img";
  const empty = document.createElement("div");
  empty.className = "gnb-image-empty";
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "gnb-image-clear";
  clear.title = "Clear";
  clear.textContent = "×";
  const picker = document.createElement("input");
  picker.type = "file";
  picker.accept = "image/*";
  picker.hidden = true;
  frame.append(image, empty, clear);
  el.append(title, frame, picker);

  let url = null;
  const canUpload = () => !model.get("disabled") && model.get("upload");

  const take = (files) => {
    const file = files.find((f) => !f.type || f.type.startsWith("image/"));
    if (file && !model.get("disabled")) upload([file], { name: "image.png" });
  };

  const showImage = () => {
    if (url) URL.revokeObjectURL(url);
    url = null;
    const data = model.get("data");
    const size = data ? data.byteLength : 0;
    const src = webUrl(model.get("src"));
    if (size) {
      url = URL.createObjectURL(new Blob([data], { type: model.get("mime") || "image/png" }));
      image.src = url;
    } else if (src) {
      image.src = src;
    } else {
      image.removeAttribute("src");
    }
    const has = !!(size || src);
    image.hidden = !has;
    empty.hidden = has;
    clear.hidden = !has || model.get("disabled");
  };

  image.addEventListener("click", (evt) => {
    const index = clicked_pixel(evt, image);
    if (index) model.send({ event: "select", data: { index, value: null } });
  });
  clear.addEventListener("click", (evt) => {
    evt.stopPropagation();
    model.send({ event: "clear" });
  });
  dropZone({ zone: frame, accepts: canUpload, onFiles: take, dragClass: "gnb-image-drop", picker, clickers: [empty],
    paste: () => !model.get("disabled") && model.get("clipboard") });

  const props = () => {
    syncHeader();
    el.classList.toggle("gnb-image-interactive", canUpload());
    frame.style.height = model.get("height");
    frame.style.width = model.get("width");
    image.alt = model.get("alt_text");
    empty.textContent = canUpload() ? (model.get("placeholder") || "Drop an image here, or click to upload") : "";
    clear.hidden = !image.src || model.get("disabled");
  };
  model.on("change:data", showImage);
  model.on("change:mime", showImage);
  model.on("change:src", showImage);
  for (const name of ["label", "show_label", "pending", "disabled", "placeholder", "height", "width", "upload",
    "clipboard", "alt_text"]) {
    model.on(`change:${name}`, props);
  }
  showImage();
  props();
  return () => {
    if (url) URL.revokeObjectURL(url);
  };
}

export default { render };
