// Bootstrap of every gradio_nb view. anywidget sends this module with every widget, so it stays
// tiny: the view's code and CSS travel once per cell in a shared ViewModule model (`_module`),
// imported once per page, and so does its kit (js/kit.js: the CSS de-dup and the helpers a view
// gets beside anywidget's props: library(), upload(), dropZone).
const modules = (globalThis.__gradio_nb_views ??= new Map()); // model id -> Promise

/** [module, kit] of the ViewModule that `model`'s `trait` names, imported once per page (a
 * failed load is forgotten: a later view tries again); its kit first, which adds its CSS. */
export function load(model, trait = "_module") {
  const id = model.get(trait).replace("IPY_MODEL_", "");
  if (!modules.has(id)) {
    const loading = model.widget_manager.get_model(id).then(async (m) => {
      const kit = m.get("kit") && (await load(m, "kit"))[0];
      if (kit && m.get("css")) kit.addStyle(m.get("name"), m.get("css"));
      const url = URL.createObjectURL(new Blob([m.get("code")], { type: "text/javascript" }));
      return [await import(url).finally(() => URL.revokeObjectURL(url)), kit];
    });
    loading.catch(() => modules.delete(id));
    modules.set(id, loading);
  }
  return modules.get(id);
}

export default {
  async render(props) {
    const [view, kit] = await load(props.model);
    return view.default.render({ ...props, ...kit.helpers(props.model) });
  },
};
