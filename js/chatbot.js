// Chatbot view: one bubble per message. The HTML of each message was rendered from Markdown
// and sanitized in the kernel, so it is inserted as is. The kernel sends only what changed
// ({op: "splice", start, items}: messages from `start` on are replaced by `items`); a view
// asks for the whole conversation ({op: "sync"}) when it is drawn. Message actions (copy,
// like, retry, undo, edit, clear, select) are sent as {op: "action", event, index, ...}: the
// kernel, which holds the messages, builds Gradio's event data from them. A message's files
// arrive as binary buffers of the splice ({name, mime, alt, buffer}: its index) and are shown
// from Blob URLs (image, audio, video, else a download link), revoked when the bubble goes.
const conversations = new WeakMap();

/** The element showing one file of a message; its Blob URL is pushed onto `urls`. */
function fileElement(f, urls) {
  if (f.missing || !f.bytes) {
    const gone = document.createElement("span");
    gone.className = "gnb-chat-file gnb-chat-missing";
    gone.textContent = f.alt || f.name;
    return gone;
  }
  const kind = (f.mime || "").split("/")[0];
  // Its real type only for what <img>/<audio>/<video> show (SVG included: an <img> runs no
  // script); a download link's Blob is bytes, else HTML or SVG opened in a new tab would run
  // scripts with the notebook page's origin.
  const media = kind === "image" || kind === "audio" || kind === "video";
  const url = URL.createObjectURL(new Blob([f.bytes], { type: media ? f.mime : "application/octet-stream" }));
  urls.push(url);
  let node;
  if (kind === "image") {
    node = document.createElement("img");
    node.alt = f.alt || f.name;
  } else if (kind === "audio" || kind === "video") {
    node = document.createElement(kind);
    node.controls = true;
  } else {
    node = document.createElement("a");
    node.download = f.name;
    node.textContent = f.alt || f.name;
  }
  node[node.tagName === "A" ? "href" : "src"] = url;
  node.classList.add("gnb-chat-file");
  return node;
}

// Icons as inline SVG (no icon font: glyphs such as U+29C9 are missing from many systems).
const SHAPES = {
  copy: '<rect x="5" y="5" width="8" height="9" rx="1"/><path d="M3 11V3a1 1 0 0 1 1-1h7"/>',
  done: '<path d="M3 8.5l3 3 7-7"/>',
  like: '<path d="M5 14V7l3-5c1 0 2 1 1.5 2.5L9 7h4a1 1 0 0 1 1 1.2l-1 5a1 1 0 0 1-1 .8z"/><path d="M2 7h3v7H2z"/>',
  dislike: '<path d="M5 2v7l3 5c1 0 2-1 1.5-2.5L9 9h4a1 1 0 0 0 1-1.2l-1-5a1 1 0 0 0-1-.8z"/><path d="M2 2h3v7H2z"/>',
  edit: '<path d="M3 13l1-4 7-7 3 3-7 7z"/><path d="M9.5 3.5l3 3"/>',
  retry: '<path d="M13 8a5 5 0 1 1-1.5-3.5"/><path d="M12 1.5v3.5H8.5"/>',
  undo: '<path d="M3 7h7a3.5 3.5 0 0 1 0 7H6"/><path d="M6 4L3 7l3 3"/>',
  trash: '<path d="M3 4h10M6 4V2.5h4V4M4.5 4l.7 9.5h5.6l.7-9.5"/>',
  cancel: '<path d="M4 4l8 8M12 4l-8 8"/>',
};
const svg = (name) =>
  `<svg viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${SHAPES[name]}</svg>`;

const icon = (label, shape, onclick) => {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "gnb-chat-action";
  b.title = label;
  b.setAttribute("aria-label", label);
  b.innerHTML = svg(shape);
  b.addEventListener("click", (e) => {
    e.stopPropagation();
    onclick(b);
  });
  return b;
};

function render({ model, el }) {
  el.classList.add("gnb-chatbot");
  const title = document.createElement("div");
  title.className = "gnb-label";
  const log = document.createElement("div");
  log.className = "gnb-chat-log";
  log.setAttribute("role", "log");
  const head = document.createElement("div");
  head.className = "gnb-chat-head";
  const clear = icon("Delete conversation", "trash", () => model.send({ op: "action", event: "clear" }));
  head.append(title, clear);
  const examples = document.createElement("div");
  examples.className = "gnb-chat-examples";
  el.append(head, log, examples);
  if (!conversations.has(model)) conversations.set(model, []);
  const act = (event, extra) => model.send({ op: "action", event, ...extra });
  const has = (event) => model.get("actions").includes(event);

  const bubble = (m, index) => {
    const row = document.createElement("div");
    const user = m.role === "user";
    row.className = `gnb-msg-row gnb-${user ? "user" : "bot"}`;
    row.dataset.index = index;
    const column = document.createElement("div");
    column.className = "gnb-msg-column";
    const b = document.createElement("div");
    b.className = "gnb-bubble";
    b.dataset.role = m.role;
    b.innerHTML = m.html;
    row.urls = [];
    for (const f of m.files || []) b.append(fileElement(f, row.urls));
    if (has("select")) {
      b.classList.add("gnb-selectable");
      b.addEventListener("click", () => act("select", { index }));
    }
    const bar = document.createElement("div");
    bar.className = "gnb-msg-actions";
    bar.append(
      icon("Copy", "copy", async (button) => {
        try {
          await navigator.clipboard.writeText(b.innerText);
          button.innerHTML = svg("done");
          setTimeout(() => (button.innerHTML = svg("copy")), 1500);
        } catch (_) {
          /* no clipboard (an insecure page): the event still fires */
        }
        act("copy", { index });
      }),
    );
    if (has("like") && (!user || model.get("like_user_message"))) {
      bar.append(
        icon("Like", "like", () => act("like", { index, liked: true })),
        icon("Dislike", "dislike", () => act("like", { index, liked: false })),
      );
    }
    const editable = model.get("editable");
    if (editable === "all" || (editable === "user" && user)) {
      bar.append(
        icon("Edit", "edit", () => {
          const field = document.createElement("textarea");
          field.className = "gnb-chat-edit";
          field.value = b.innerText;
          const done = document.createElement("div");
          done.className = "gnb-msg-actions";
          done.append(
            icon("Submit", "done", () => act("edit", { index, value: field.value })),
            icon("Cancel", "cancel", () => drawFrom(0)),
          );
          column.replaceChildren(field, done);
          field.focus();
        }),
      );
    }
    column.append(b, bar);
    row.append(column);
    return row;
  };
  const lastActions = () => {
    log.querySelector(".gnb-last-actions")?.remove();
    const rows = log.querySelectorAll(".gnb-msg-row");
    const last = rows[rows.length - 1];
    if (!last || !last.classList.contains("gnb-bot")) return;
    const bar = document.createElement("div");
    bar.className = "gnb-msg-actions gnb-last-actions";
    if (has("retry")) bar.append(icon("Retry", "retry", () => act("retry", {})));
    if (has("undo")) bar.append(icon("Undo", "undo", () => act("undo", {})));
    if (bar.childElementCount) last.querySelector(".gnb-msg-column").append(bar);
  };
  const showExamples = () => {
    examples.replaceChildren();
    if (conversations.get(model).length) return;
    model.get("examples").forEach((text, index) => {
      const chip = document.createElement("button");
      chip.type = "button";
      chip.className = "gnb-chat-example";
      chip.textContent = text;
      chip.addEventListener("click", () => act("example_select", { index, value: { text } }));
      examples.append(chip);
    });
  };
  const placeholder = () => {
    log.querySelector(".gnb-chat-placeholder")?.remove();
    if (conversations.get(model).length === 0 && model.get("placeholder")) {
      const empty = document.createElement("div");
      empty.className = "gnb-chat-placeholder";
      empty.innerHTML = model.get("placeholder");
      log.append(empty);
    }
  };
  const drawFrom = (start) => {
    const messages = conversations.get(model);
    const rows = log.querySelectorAll(".gnb-msg-row");
    for (let i = rows.length - 1; i >= start; i--) {
      rows[i].urls?.forEach((url) => URL.revokeObjectURL(url));
      rows[i].remove();
    }
    messages.slice(start).forEach((m, i) => log.append(bubble(m, start + i)));
    lastActions();
    showExamples();
    clear.hidden = messages.length === 0;
    placeholder();
    log.scrollTop = log.scrollHeight;
  };
  const props = () => {
    title.textContent = model.get("label");
    title.hidden = !model.get("show_label") || !model.get("label");
    log.style.height = model.get("height");
    el.classList.toggle("gnb-pending", model.get("pending"));
    placeholder();
  };
  const onMessage = (msg, buffers) => {
    if (msg?.op !== "splice") return;
    for (const m of msg.items) for (const f of m.files || []) f.bytes = buffers?.[f.buffer];
    const messages = conversations.get(model);
    // Idempotent, so every view of the model may apply it to the shared list.
    messages.splice(msg.start, messages.length - msg.start, ...msg.items);
    drawFrom(Math.min(msg.start, log.querySelectorAll(".gnb-msg-row").length));
  };
  model.on("msg:custom", onMessage);
  for (const name of ["label", "show_label", "height", "placeholder", "pending"]) {
    model.on(`change:${name}`, props);
  }
  for (const name of ["actions", "editable", "like_user_message", "examples"]) {
    model.on(`change:${name}`, () => drawFrom(0));
  }
  props();
  drawFrom(0);
  model.send({ op: "sync" });
  return () => {
    model.off("msg:custom", onMessage);
    log.querySelectorAll(".gnb-msg-row").forEach((row) => row.urls?.forEach((url) => URL.revokeObjectURL(url)));
  };
}

export default { render };
