// Chatbot view, drawn as Gradio draws it: a block with a label badge, the messages as bubbles
// (the person's on the right, the bot's on the left), a bar of icon actions under each group
// of messages, a trash icon in the top-right corner, and the examples as cards while empty.
// The HTML of each message was rendered from Markdown and sanitized in the kernel, so it is
// inserted as is. The kernel sends only what changed ({op: "splice", start, items}: messages
// from `start` on are replaced by `items`); a view asks for the whole conversation
// ({op: "sync"}) when it is drawn. Message actions (copy, like, retry, undo, edit, clear,
// select) are sent as {op: "action", event, index, ...}: the kernel, which holds the messages,
// builds Gradio's event data from them. A message's files arrive as binary buffers of the
// splice ({name, mime, alt, buffer}: its index) and are shown from Blob URLs (image, audio,
// video, else a download link), revoked when the bubble goes; a file given as an http(s) URL
// (`url`) is loaded by the page from there. Avatars arrive the same way
// ({op: "avatars", user, bot}: each {url} or {mime, buffer}, or null).
const conversations = new WeakMap();
const avatarsOf = new WeakMap(); // model -> {user, bot}: URLs (Blob URLs live as long as the page)

/** The element showing one file of a message; its Blob URL is pushed onto `urls`. `webUrl` is
 * the kit's (an http(s) URL the page loads itself, else ""). */
function fileElement(f, urls, webUrl) {
  const web = webUrl(f.url);
  if (!web && (f.missing || !f.bytes)) {
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
  const url = web || URL.createObjectURL(new Blob([f.bytes], { type: media ? f.mime : "application/octet-stream" }));
  if (!web) urls.push(url);
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
    if (web) {
      node.target = "_blank"; // another site's file: opened by the browser, not by this page
      node.rel = "noopener noreferrer";
    }
  }
  node[node.tagName === "A" ? "href" : "src"] = url;
  node.classList.add("gnb-chat-file");
  return node;
}

// Icons of our own drawing, as inline SVG on a 24-unit grid (no icon font, nothing fetched).
const SHAPES = {
  copy: '<rect x="8" y="8" width="12" height="12" rx="2"/><path d="M4 16V6a2 2 0 0 1 2-2h10"/>',
  done: '<path d="M5 12.5l4.5 4.5L19 7.5"/>',
  like: '<path d="M7 21V10l4.5-7c1.4 0 2.6 1.2 2.2 3L13 10h6a2 2 0 0 1 2 2.3l-1.3 7A2 2 0 0 1 17.7 21z"/><path d="M3 10h4v11H3z"/>',
  dislike: '<path d="M7 3v11l4.5 7c1.4 0 2.6-1.2 2.2-3L13 14h6a2 2 0 0 0 2-2.3l-1.3-7A2 2 0 0 0 17.7 3z"/><path d="M3 3h4v11H3z"/>',
  edit: '<path d="M4 20l1.2-4.8L16 4.4a2 2 0 0 1 2.8 0l.8.8a2 2 0 0 1 0 2.8L8.8 18.8z"/><path d="M14 6.5l3.5 3.5"/>',
  retry: '<path d="M20 12a8 8 0 1 1-2.3-5.6"/><path d="M18.5 2.5v5h-5"/>',
  undo: '<path d="M4 9h11a5 5 0 0 1 0 10H9"/><path d="M8 5L4 9l4 4"/>',
  trash: '<path d="M4 6h16M9 6V4h6v2M6.5 6l1 14h9l1-14M10 10v6M14 10v6"/>',
  cancel: '<path d="M6 6l12 12M18 6L6 18"/>',
  chat: '<path d="M4 5h16v11H9l-5 4z"/>',
};
const svg = (name, size = 14) =>
  `<svg class="gnb-icon" viewBox="0 0 24 24" width="${size}" height="${size}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${SHAPES[name]}</svg>`;

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

/** The avatars a message arrived with as URLs (Blob URLs for bytes: an <img> runs no script). */
function avatarUrls(msg, buffers) {
  const url = (a) => {
    if (!a) return null;
    if (a.url) return a.url;
    const bytes = buffers?.[a.buffer];
    return bytes ? URL.createObjectURL(new Blob([bytes], { type: a.mime || "image/png" })) : null;
  };
  return { user: url(msg.user), bot: url(msg.bot) };
}

function render({ model, el, webUrl, header }) {
  el.classList.add("gnb-chatbot");
  const badge = document.createElement("div");
  badge.className = "gnb-chat-badge";
  const { title, sync: syncHeader } = header(el, { label: "" });
  badge.innerHTML = svg("chat", 12);
  badge.append(title);
  const log = document.createElement("div");
  log.className = "gnb-chat-log";
  log.setAttribute("role", "log");
  const corner = document.createElement("div");
  corner.className = "gnb-chat-corner gnb-msg-actions";
  const clear = icon("Delete conversation", "trash", () => model.send({ op: "action", event: "clear" }));
  // Copy the whole conversation, as Gradio's copy-all does (a page action: no event fires).
  const copyAll = icon("Copy conversation", "copy", async (button) => {
    const text = [...log.querySelectorAll(".gnb-msg-row:not(.gnb-chat-typing) .gnb-bubble")]
      .map((b) => `${b.dataset.role}: ${b.innerText}`)
      .join("\n\n");
    try {
      await navigator.clipboard.writeText(text);
      button.classList.add("gnb-copied");
      setTimeout(() => button.classList.remove("gnb-copied"), 1500);
    } catch (_) {
      /* no clipboard (an insecure page) */
    }
  });
  corner.append(clear, copyAll);
  const empty = document.createElement("div");
  empty.className = "gnb-chat-empty";
  const dots = document.createElement("div");
  dots.className = "gnb-msg-row gnb-bot gnb-chat-typing";
  dots.innerHTML = '<div class="gnb-bubble"><span></span><span></span><span></span></div>';
  el.append(badge, corner, log);
  if (!conversations.has(model)) conversations.set(model, []);
  const act = (event, extra) => model.send({ op: "action", event, ...extra });
  const has = (event) => model.get("actions").includes(event);

  const avatar = (user) => {
    const url = avatarsOf.get(model)?.[user ? "user" : "bot"];
    if (!url) return null;
    const img = document.createElement("img");
    img.className = "gnb-chat-avatar";
    img.alt = user ? "user avatar" : "bot avatar";
    img.src = url;
    return img;
  };

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
    for (const f of m.files || []) b.append(fileElement(f, row.urls, webUrl));
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
          button.classList.add("gnb-copied");
          setTimeout(() => {
            button.innerHTML = svg("copy");
            button.classList.remove("gnb-copied");
          }, 1500);
        } catch (_) {
          /* no clipboard (an insecure page): the event still fires */
        }
        act("copy", { index });
      }),
    );
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
    if (has("like") && (!user || model.get("like_user_message"))) {
      bar.append(
        icon("Like", "like", () => act("like", { index, liked: true })),
        icon("Dislike", "dislike", () => act("like", { index, liked: false })),
      );
    }
    column.append(b, bar);
    const face = avatar(user);
    if (face) row.classList.add("gnb-with-avatar");
    row.append(...(face ? (user ? [column, face] : [face, column]) : [column]));
    return row;
  };
  // Retry and undo go in the last message's bar, after its copy icon, as Gradio puts them.
  const lastActions = () => {
    log.querySelectorAll(".gnb-last-action").forEach((b) => b.remove());
    const rows = log.querySelectorAll(".gnb-msg-row:not(.gnb-chat-typing)");
    const bar = rows[rows.length - 1]?.querySelector(".gnb-msg-actions");
    if (!bar) return;
    const extra = [];
    if (has("retry")) extra.push(icon("Retry", "retry", () => act("retry", {})));
    if (has("undo")) extra.push(icon("Undo", "undo", () => act("undo", {})));
    extra.forEach((b) => b.classList.add("gnb-last-action"));
    bar.firstChild.after(...extra);
  };
  // While empty: the placeholder, then the examples as cards that send their text.
  const showEmpty = () => {
    empty.replaceChildren();
    if (conversations.get(model).length) return empty.remove();
    if (model.get("placeholder")) {
      const text = document.createElement("div");
      text.className = "gnb-chat-placeholder";
      text.innerHTML = model.get("placeholder");
      empty.append(text);
    }
    const examples = document.createElement("div");
    examples.className = "gnb-chat-examples";
    model.get("examples").forEach((text, index) => {
      const chip = document.createElement("button");
      chip.type = "button";
      chip.className = "gnb-chat-example";
      chip.textContent = text;
      chip.addEventListener("click", () => act("example_select", { index, value: { text } }));
      examples.append(chip);
    });
    if (examples.childElementCount) empty.append(examples);
    if (empty.childElementCount) log.prepend(empty);
    else empty.remove();
  };
  // Gradio's pending bubble: three dots while a reply to the person's message is awaited.
  const typing = () => {
    const messages = conversations.get(model);
    const waiting = model.get("pending") && messages.length > 0 && messages[messages.length - 1].role === "user";
    if (waiting) log.append(dots);
    else dots.remove();
  };
  const drawFrom = (start) => {
    const messages = conversations.get(model);
    const rows = log.querySelectorAll(".gnb-msg-row:not(.gnb-chat-typing)");
    for (let i = rows.length - 1; i >= start; i--) {
      rows[i].urls?.forEach((url) => URL.revokeObjectURL(url));
      rows[i].remove();
    }
    dots.remove();
    messages.slice(start).forEach((m, i) => log.append(bubble(m, start + i)));
    lastActions();
    showEmpty();
    typing();
    corner.hidden = messages.length === 0;
    log.scrollTop = log.scrollHeight;
  };
  const props = () => {
    syncHeader();
    badge.hidden = title.hidden; // the badge shows (or hides) the title
    title.hidden = false;
    el.classList.toggle("gnb-chat-labelled", !badge.hidden);
    el.style.height = model.get("height");
    showEmpty();
    typing();
  };
  const onMessage = (msg, buffers) => {
    if (msg?.op === "avatars") {
      avatarsOf.set(model, avatarUrls(msg, buffers));
      return drawFrom(0);
    }
    if (msg?.op !== "splice") return;
    for (const m of msg.items) for (const f of m.files || []) f.bytes = buffers?.[f.buffer];
    const messages = conversations.get(model);
    // Idempotent, so every view of the model may apply it to the shared list.
    messages.splice(msg.start, messages.length - msg.start, ...msg.items);
    drawFrom(Math.min(msg.start, log.querySelectorAll(".gnb-msg-row:not(.gnb-chat-typing)").length));
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
