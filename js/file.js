// File view, drawn as Gradio's (kind "file"): a block with the label badge, in its corner
// while empty and on a row of its own above the list (as Gradio's does); an empty output shows
// Gradio's empty state, an empty upload its dashed prompt ("Drop File Here"). A list of files (name and size) with an upload area, or an upload/download
// button (`kind`). The page never holds a file's bytes in advance: a click on a file (or on a
// download button) asks the kernel, which sends them as binary buffers in chunks
// (`download_data` messages); the view joins them into a Blob and saves it through an
// <a download> object URL. A file whose value is an http(s) URL (`url` in its entry) is opened
// by the page from there, in a tab of its own (the kernel fetches nothing; it only hears the
// click, to fire its events). Files picked or dropped go to the kernel in chunks too (binary
// buffers, never base64: the loader's `upload`), with their whole size so that the kernel can
// refuse them early. Names are set as textContent.

let counter = 0;

function prettySize(size) {
  if (size == null) return "";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = size;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit ? value.toFixed(1) : value} ${units[unit]}`;
}

function render({ model, el, upload, dropZone, webUrl, header, emptyState, uploadText }) {
  el.classList.add("gnb-file");
  const { title, badge, sync: syncHeader } = header(el, { label: "gnb-file-label", badge: "file" });
  const frame = document.createElement("div");
  frame.className = "gnb-file-frame";
  const table = document.createElement("table");
  table.className = "gnb-file-table";
  const body = document.createElement("tbody");
  table.append(body);
  const blank = emptyState("file");
  const prompt = uploadText("File");
  const empty = prompt.box;
  empty.classList.add("gnb-file-empty");
  const tools = document.createElement("div");
  tools.className = "gnb-file-tools";
  const add = document.createElement("button");
  add.type = "button";
  add.className = "gnb-file-add";
  add.title = "Upload";
  add.textContent = "+";
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "gnb-file-clear";
  clear.title = "Clear";
  clear.textContent = "×";
  tools.append(add, clear);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "gnb-file-button";
  const picker = document.createElement("input");
  picker.type = "file";
  picker.hidden = true;
  const note = document.createElement("div");
  note.className = "gnb-file-note";
  note.hidden = true;
  frame.append(tools, table, blank, empty);
  el.append(badge, frame, note, button, picker);

  const pending = new Map(); // download request -> received chunks
  const kind = () => model.get("kind");
  const canUpload = () => !model.get("disabled") && kind() !== "download_button";

  const take = (files) => {
    if (!files.length || !canUpload()) return;
    el.classList.add("gnb-file-uploading");
    note.hidden = true;
    upload(model.get("file_count") === "single" ? files.slice(0, 1) : files)
      .catch((err) => {
        // A dropped folder, a file gone or unreadable: the browser cannot read its bytes.
        note.textContent = `The upload failed: ${err?.message || err}`;
        note.hidden = false;
      })
      .finally(() => el.classList.remove("gnb-file-uploading"));
  };

  const save = (name, _mime, parts) => {
    // Typed as bytes, whatever the file is: an HTML or SVG Blob opened from the link (a new
    // tab) would run its scripts with the notebook page's origin.
    const url = URL.createObjectURL(new Blob(parts, { type: "application/octet-stream" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    el.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  };

  const request = (event, extra) => {
    const id = `${Date.now()}-${counter++}`;
    pending.set(id, []);
    model.send({ event, request: id, ...extra });
  };

  model.on("msg:custom", (msg, buffers) => {
    if (msg.event === "download_data" && pending.has(msg.request)) {
      const parts = pending.get(msg.request);
      for (const buffer of buffers || []) parts.push(buffer);
      if (msg.done) {
        pending.delete(msg.request);
        if (!msg.empty) save(msg.name, msg.mime, parts);
      }
    } else if (msg.event === "upload_refused") {
      el.classList.remove("gnb-file-uploading");
    }
  });

  const showFiles = () => {
    body.replaceChildren();
    const files = model.get("files") || [];
    const editable = canUpload();
    files.forEach((file, index) => {
      const row = document.createElement("tr");
      row.className = "gnb-file-row";
      const name = document.createElement("td");
      name.className = "gnb-file-name";
      const link = document.createElement("a");
      const web = webUrl(file.url);
      link.href = web || "#";
      if (web) {
        link.target = "_blank"; // another site's file: opened by the browser, not by this page
        link.rel = "noopener noreferrer";
      }
      link.className = "gnb-file-download";
      link.textContent = file.name;
      link.title = `Download ${file.name}`;
      link.addEventListener("click", (evt) => {
        if (!web) evt.preventDefault();
        evt.stopPropagation();
        request("download", { index });
      });
      name.append(link);
      const size = document.createElement("td");
      size.className = "gnb-file-size";
      size.textContent = prettySize(file.size);
      row.append(name, size);
      if (editable && model.get("file_count") !== "single") {
        const cell = document.createElement("td");
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "gnb-file-delete";
        remove.title = `Remove ${file.name}`;
        remove.textContent = "×";
        remove.addEventListener("click", (evt) => {
          evt.stopPropagation();
          model.send({ event: "delete", index });
        });
        cell.append(remove);
        row.append(cell);
      }
      if (editable && model.get("allow_reordering")) {
        row.draggable = true;
        row.addEventListener("dragstart", (evt) => evt.dataTransfer.setData("text/gnb-file", String(index)));
        row.addEventListener("dragover", (evt) => evt.preventDefault());
        row.addEventListener("drop", (evt) => {
          const from = evt.dataTransfer.getData("text/gnb-file");
          if (from === "") return;
          evt.preventDefault();
          evt.stopPropagation();
          const order = files.map((_f, i) => i);
          const [moved] = order.splice(Number(from), 1);
          order.splice(index, 0, moved);
          model.send({ event: "reorder", order });
        });
      }
      row.addEventListener("click", () => model.send({ event: "select", index }));
      body.append(row);
    });
    table.hidden = !files.length;
    empty.hidden = !!files.length || !editable;
    blank.hidden = !!files.length || editable;
    // Gradio's badge floats over an upload prompt, else takes a row of its own
    el.classList.toggle("gnb-file-dashed", !files.length && editable);
    el.classList.toggle("gnb-file-label-row", !!files.length || !editable);
    clear.hidden = !files.length || !editable;
    add.hidden = !files.length || !editable || model.get("file_count") === "single";
    tools.hidden = clear.hidden && add.hidden;
  };

  const props = () => {
    const k = kind();
    const isButton = k !== "file";
    frame.hidden = isButton;
    button.hidden = !isButton;
    syncHeader();
    el.classList.toggle("gnb-media", !isButton); // a button is no block
    if (isButton) badge.hidden = title.hidden = true; // the button bears the label
    button.textContent = model.get("label");
    button.disabled = model.get("disabled");
    button.className = `gnb-file-button gnb-file-${model.get("variant")} gnb-file-size-${model.get("size")}`;
    el.classList.toggle("gnb-file-interactive", canUpload());
    frame.style.maxHeight = model.get("height");
    picker.accept = model.get("accept");
    picker.multiple = model.get("file_count") !== "single";
    picker.webkitdirectory = model.get("file_count") === "directory";
    showFiles();
  };

  button.addEventListener("click", () => {
    if (model.get("disabled")) return;
    if (kind() === "download_button") {
      const web = webUrl((model.get("files") || [])[0]?.url);
      if (web) window.open(web, "_blank", "noopener,noreferrer"); // while the click still counts
      request("click", {});
    } else {
      model.send({ event: "click" });
      picker.click();
    }
  });
  clear.addEventListener("click", () => model.send({ event: "clear" }));
  dropZone({ zone: frame, accepts: canUpload, onFiles: take, dragClass: "gnb-file-drop", picker, clickers: [empty, add] });

  model.on("change:files", showFiles);
  for (const name of ["kind", "label", "show_label", "pending", "disabled", "height", "file_count", "accept",
    "allow_reordering", "variant", "size"]) {
    model.on(`change:${name}`, props);
  }
  props();
}

export default { render };
