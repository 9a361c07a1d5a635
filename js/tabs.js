// Gradio's tab bar: a text button (role=tab) per tab, the chosen one underlined in the accent
// colour, tabs with alignment="right" grouped on the right. With overflow "menu" the tabs that
// do not fit go behind a "..." button (Gradio 6.31's rule: the first and the chosen tab stay,
// then the right ones, then the others in order, while they fit); with "wrap" they wrap. Keys
// are Gradio's: Tab moves between the buttons, Enter or Space chooses one (they are buttons).
// A choice sets `selected_index`, which the kernel links in the page to the panels' (an
// ipywidgets Tab whose own bar is hidden): the panel switches at once, the kernel fires the
// events. A tab that is not interactive is a disabled button.

const RESERVE = 48; // room kept for the "..." button (Gradio's)
const DOTS =
  '<svg width="16" height="16" viewBox="0 0 16 16" fill="none" aria-hidden="true">' +
  '<circle cx="2.5" cy="8" r="1.5" fill="currentColor"/><circle cx="8" cy="8" r="1.5" fill="currentColor"/>' +
  '<circle cx="13.5" cy="8" r="1.5" fill="currentColor"/></svg>';

const element = (tag, className) => Object.assign(document.createElement(tag), { className });

function render({ model, el }) {
  el.classList.add("gnb-tabbar");
  // JupyterLab's command-mode keys (Enter, Space) must not take a key meant for a tab.
  el.dataset.lmSuppressShortcuts = "true";
  const wrapper = element("div", "gnb-tab-wrapper");
  const measure = element("div", "gnb-tab-container gnb-tab-measure"); // every tab, unseen: its widths
  measure.setAttribute("aria-hidden", "true");
  const list = element("div", "gnb-tab-container");
  list.setAttribute("role", "tablist");
  const more = element("span", "gnb-tab-overflow");
  const moreButton = element("button", "");
  moreButton.type = "button";
  moreButton.setAttribute("aria-label", "More tabs");
  moreButton.innerHTML = DOTS;
  const menu = element("div", "gnb-tab-menu");
  menu.hidden = true;
  more.append(moreButton, menu);
  wrapper.append(measure, list, more);
  el.append(wrapper);

  const tabs = () => model.get("tabs") || [];
  const wraps = () => model.get("overflow") === "wrap";
  let kept = null; // the indices of the tabs in the bar (the others are in the menu)
  const choose = (index) => {
    const tab = tabs()[index];
    menu.hidden = true;
    if (!tab || !tab.interactive || index === model.get("selected_index")) return;
    model.set("selected_index", index);
    model.save_changes();
  };
  // A tab's button: "tab" in the bar, "menu" in the "..." menu, "measure" unseen.
  const button = (tab, index, kind) => {
    const b = element("button", "gnb-tab");
    b.type = "button";
    b.textContent = tab.label ?? `Tab ${index + 1}`;
    b.dataset.index = String(index);
    if (kind === "measure") {
      b.tabIndex = -1;
      return b;
    }
    if (kind === "tab") {
      b.setAttribute("role", "tab");
      if (tab.elem_id) b.classList.add(tab.elem_id);
    }
    b.disabled = !tab.interactive;
    b.setAttribute("aria-disabled", String(!tab.interactive));
    b.addEventListener("click", (event) => {
      event.stopPropagation();
      choose(index);
    });
    return b;
  };
  const mark = () => {
    const selected = model.get("selected_index");
    for (const b of el.querySelectorAll(".gnb-tab-container:not(.gnb-tab-measure) button, .gnb-tab-menu button")) {
      const on = Number(b.dataset.index) === selected;
      b.classList.toggle("gnb-selected", on);
      if (b.getAttribute("role") === "tab") b.setAttribute("aria-selected", String(on));
    }
    moreButton.classList.toggle("gnb-selected", [...menu.children].some((b) => b.classList.contains("gnb-selected")));
  };
  const draw = () => {
    const focused = list.contains(document.activeElement) ? document.activeElement.dataset.index : null;
    const all = tabs();
    const inBar = all.map((tab, i) => [tab, i]).filter(([, i]) => kept.has(i));
    const left = inBar.filter(([tab]) => tab.alignment !== "right").map(([tab, i]) => button(tab, i, "tab"));
    const right = inBar.filter(([tab]) => tab.alignment === "right").map(([tab, i]) => button(tab, i, "tab"));
    list.replaceChildren(...left);
    if (right.length) {
      const group = element("div", "gnb-tab-right");
      group.classList.toggle("gnb-with-left", left.length > 0);
      group.append(...right);
      list.append(group);
    }
    menu.replaceChildren(...all.map((tab, i) => [tab, i]).filter(([, i]) => !kept.has(i)).map(([tab, i]) => button(tab, i, "menu")));
    more.hidden = menu.childElementCount === 0;
    mark();
    if (focused !== null) list.querySelector(`[data-index="${focused}"]`)?.focus();
  };
  // Which tabs stay in the bar: all that fit; else Gradio 6.31's choice within the width less
  // the "..." button's room.
  const place = () => {
    const all = tabs();
    const widths = [...measure.children].map((b) => b.getBoundingClientRect().width);
    const available = list.clientWidth;
    let next = new Set(all.keys());
    if (!wraps() && available > 0 && widths.reduce((a, b) => a + b, 0) > available) {
      const budget = Math.max(0, available - RESERVE);
      next = new Set();
      let used = 0;
      const add = (i, always = false) => {
        if (i === null || i === undefined || i >= all.length || next.has(i)) return true;
        if (!always && used + widths[i] > budget) return false;
        next.add(i);
        used += widths[i];
        return true;
      };
      add(0, true);
      add(model.get("selected_index"), true);
      for (const i of all.keys()) if (all[i].alignment === "right" && !add(i)) break;
      for (const i of all.keys()) if (all[i].alignment !== "right" && !add(i)) break;
    } else if (available === 0 && kept !== null && !wraps()) {
      return; // hidden (a bar in an unchosen tab): keep the split until it is shown
    }
    if (kept === null || [...next].sort().join() !== [...kept].sort().join()) {
      kept = next;
      draw();
    } else {
      mark();
    }
  };
  const update = () => {
    wrapper.classList.toggle("gnb-tab-wrap", wraps());
    list.classList.toggle("gnb-tab-wrap", wraps());
    measure.replaceChildren(...tabs().map((tab, i) => button(tab, i, "measure")));
    kept = null;
    place();
  };
  moreButton.addEventListener("click", (event) => {
    event.stopPropagation();
    menu.hidden = !menu.hidden;
  });
  const away = (event) => {
    if (!more.contains(event.target)) menu.hidden = true;
  };
  document.addEventListener("click", away);
  const resized = new ResizeObserver(() => place());
  resized.observe(list);
  model.on("change:tabs", update);
  model.on("change:overflow", update);
  model.on("change:selected_index", place);
  update();
  return () => {
    resized.disconnect();
    document.removeEventListener("click", away);
  };
}

export default { render };
