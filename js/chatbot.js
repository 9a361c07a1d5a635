// Chatbot view: one bubble per message. The HTML of each message was rendered from Markdown
// and sanitized in the kernel, so it is inserted as is.
function render({ model, el }) {
  el.classList.add("gnb-chatbot");
  const title = document.createElement("div");
  title.className = "gnb-label";
  const log = document.createElement("div");
  log.className = "gnb-chat-log";
  log.setAttribute("role", "log");
  el.append(title, log);

  const draw = () => {
    title.textContent = model.get("label");
    title.hidden = !model.get("show_label") || !model.get("label");
    log.style.height = model.get("height");
    const messages = model.get("messages");
    log.replaceChildren();
    if (messages.length === 0 && model.get("placeholder")) {
      const empty = document.createElement("div");
      empty.className = "gnb-chat-placeholder";
      empty.innerHTML = model.get("placeholder");
      log.append(empty);
    }
    for (const m of messages) {
      const row = document.createElement("div");
      row.className = `gnb-msg-row gnb-${m.role === "user" ? "user" : "bot"}`;
      const bubble = document.createElement("div");
      bubble.className = "gnb-bubble";
      bubble.dataset.role = m.role;
      bubble.innerHTML = m.html;
      row.append(bubble);
      log.append(row);
    }
    log.scrollTop = log.scrollHeight;
    el.classList.toggle("gnb-pending", model.get("pending"));
  };
  for (const name of ["messages", "label", "show_label", "height", "placeholder", "pending"]) {
    model.on(`change:${name}`, draw);
  }
  draw();
}

export default { render };
