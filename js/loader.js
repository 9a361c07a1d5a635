// gradio_nb's view bootstrap. It is sent with every widget, so it stays tiny: js/kit.js says why.
const modules = (globalThis.__gradio_nb_views ??= new Map()); // model id -> [module, kit]

/** The ViewModule named by `model`'s `trait`, imported once per page (not a failed load), its kit first. */
export function load(model, trait = "_module") {
  const id = model.get(trait).replace("IPY_MODEL_", "");
  if (!modules.has(id)) {
    const loading = model.widget_manager.get_model(id).then(async (m) => {
      const kit = m.get("kit") && (await load(m, "kit"))[0];
      kit?.addStyle(m.get("name"), m.get("css"));
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
