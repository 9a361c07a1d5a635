// One app's style: its theme's variables and its css=, already scoped to the app's root class
// in the kernel (gradio_nb/styling.py). Every display of the app carries the same text; the
// page keeps one <style> per app and text, counts the views that need it, and removes it when
// the last one goes (the output cleared, the cell re-run). The view itself shows nothing.
const styles = (globalThis.__gradio_nb_app_styles ??= new Map()); // scope + css -> {style, views}

function render({ model, el }) {
  el.style.display = "none";
  const scope = model.get("scope");
  const key = `${scope}\n${model.get("css")}`;
  let entry = styles.get(key);
  if (!entry) {
    const style = document.createElement("style");
    style.dataset.gradioNbApp = scope;
    style.textContent = model.get("css");
    document.head.append(style);
    entry = { style, views: 0 };
    styles.set(key, entry);
  }
  entry.views += 1;
  return () => {
    entry.views -= 1;
    if (entry.views <= 0) {
      entry.style.remove();
      styles.delete(key);
    }
  };
}

export default { render };
