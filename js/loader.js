// Bootstrap of every gradio_nb view: the real view module (and its CSS) travels once per
// kernel in a shared model, not in every widget, so a thousand textboxes do not carry a
// thousand copies of the same code. The module is imported once per page.
const modules = (globalThis.__gradio_nb_modules ??= new Map());

function load(model) {
  const id = model.get("_module").replace("IPY_MODEL_", "");
  if (!modules.has(id)) {
    modules.set(
      id,
      model.widget_manager.get_model(id).then((lib) => {
        if (lib.get("css")) {
          const style = document.createElement("style");
          style.dataset.gradioNb = lib.get("name");
          style.textContent = lib.get("css");
          document.head.append(style);
        }
        const url = URL.createObjectURL(new Blob([lib.get("code")], { type: "text/javascript" }));
        return import(url);
      }),
    );
  }
  return modules.get(id);
}

export default {
  async render(props) {
    const view = await load(props.model);
    return view.default.render(props);
  },
};
