// The app's toasts: errors, warnings and infos raised by event functions. A toast with a
// duration hides itself after that many seconds; every toast has a close button.
function render({ model, el }) {
  el.classList.add("gnb-alerts");
  const dismissed = new Set();
  const timed = new Set();
  const draw = () => {
    el.replaceChildren();
    for (const a of model.get("alerts")) {
      if (dismissed.has(a.id)) continue;
      const box = document.createElement("div");
      box.className = `gnb-alert gnb-alert-${a.level}`;
      box.setAttribute("role", a.level === "error" ? "alert" : "status");
      const head = document.createElement("div");
      head.className = "gnb-alert-title";
      head.textContent = a.title;
      const close = document.createElement("button");
      close.className = "gnb-alert-close";
      close.textContent = "\u00d7";
      close.title = "Close";
      close.addEventListener("click", () => {
        dismissed.add(a.id);
        box.remove();
      });
      head.append(close);
      const body = document.createElement("div");
      body.className = "gnb-alert-message";
      body.textContent = a.message;
      box.append(head, body);
      el.append(box);
      if (a.duration && !timed.has(a.id)) {
        timed.add(a.id);
        setTimeout(() => {
          dismissed.add(a.id);
          draw();
        }, a.duration * 1000);
      }
    }
  };
  model.on("change:alerts", draw);
  draw();
}

export default { render };
