// Chatbot view: one bubble per message. The HTML of each message was rendered from Markdown
// and sanitized in the kernel, so it is inserted as is. The kernel sends only what changed
// ({op: "splice", start, items}: messages from `start` on are replaced by `items`); a view
// asks for the whole conversation ({op: "sync"}) when it is drawn.
const conversations = new WeakMap();

function render({ model, el }) {
  el.classList.add("gnb-chatbot");
  const title = document.createElement("div");
  title.className = "gnb-label";
  const log = document.createElement("div");
  log.className = "gnb-chat-log";
  log.setAttribute("role", "log");
  el.append(title, log);
  if (!conversations.has(model)) conversations.set(model, []);

  const bubble = (m) => {
    const row = document.createElement("div");
    row.className = `gnb-msg-row gnb-${m.role === "user" ? "user" : "bot"}`;
    const b = document.createElement("div");
    b.className = "gnb-bubble";
    b.dataset.role = m.role;
    b.innerHTML = m.html;
    row.append(b);
    return row;
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
    for (let i = rows.length - 1; i >= start; i--) rows[i].remove();
    for (const m of messages.slice(start)) log.append(bubble(m));
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
  const onMessage = (msg) => {
    if (msg?.op !== "splice") return;
    const messages = conversations.get(model);
    // Idempotent, so every view of the model may apply it to the shared list.
    messages.splice(msg.start, messages.length - msg.start, ...msg.items);
    drawFrom(Math.min(msg.start, log.querySelectorAll(".gnb-msg-row").length));
  };
  model.on("msg:custom", onMessage);
  for (const name of ["label", "show_label", "height", "placeholder", "pending"]) {
    model.on(`change:${name}`, props);
  }
  props();
  drawFrom(0);
  model.send({ op: "sync" });
  return () => model.off("msg:custom", onMessage);
}

export default { render };
