// gr.BrowserState's page side: send the kernel the values kept in localStorage for this
// notebook when the view is drawn, and keep every value the kernel sends afterwards.
function render({ model, el }) {
  el.style.display = "none"; // shows nothing: no gap in the app's column
  const notebook = model.get("namespace") || location.pathname;
  const full = (key) => `gradio_nb:${notebook}:${key}`;
  const values = {};
  for (const key of model.get("storage_keys")) values[key] = localStorage.getItem(full(key));
  model.send({ op: "restore", values });
  const write = () => {
    for (const [key, text] of Object.entries(model.get("stored"))) localStorage.setItem(full(key), text);
  };
  write();
  model.on("change:stored", write);
  return () => model.off("change:stored", write);
}

export default { render };
