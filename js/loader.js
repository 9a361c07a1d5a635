// Bootstrap of every gradio_nb view: the real view module (and its CSS) travels once per
// kernel in a shared model, not in every widget, so a thousand textboxes do not carry a
// thousand copies of the same code. The module is imported once per page.
//
// A view that draws with a big library (Vega, plotly.js, BokehJS, three.js) names a shared
// Library model in its `_library` trait; the view's `library()` gives that library, evaluated
// once per page per key (name@version). Its code is the model's bytes (a binary buffer), so a
// notebook saved with its widget state, or Voila, has it without asking the kernel.
const modules = (globalThis.__gradio_nb_modules ??= new Map());
const libraries = (globalThis.__gradio_nb_libraries ??= new Map()); // key -> Promise

function modelOf(model, trait) {
  return model.widget_manager.get_model(model.get(trait).replace("IPY_MODEL_", ""));
}

function load(model) {
  const id = model.get("_module").replace("IPY_MODEL_", "");
  if (!modules.has(id)) {
    modules.set(
      id,
      modelOf(model, "_module").then((lib) => {
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

/** A browser build run with define/module/exports/require hidden, so that it defines its
 * globals whatever module loader (RequireJS in the classic notebook) the page has; they are
 * returned as one object, and put back as they were unless the library must keep them. */
function runScript(code, names, keep) {
  const before = names.map((n) => [n, Object.getOwnPropertyDescriptor(globalThis, n)]);
  new Function("define", "module", "exports", "require", new TextDecoder().decode(code)).call(globalThis);
  const found = Object.fromEntries(names.map((n) => [n, globalThis[n]]));
  if (!keep) {
    for (const [n, old] of before) {
      if (old) Object.defineProperty(globalThis, n, old);
      else delete globalThis[n];
    }
  }
  const missing = names.filter((n) => found[n] === undefined);
  if (missing.length) throw new Error(`it defined no ${missing.join(", ")}`);
  return found;
}

async function evaluate(lib) {
  const code = lib.get("code");
  if (!code || !code.byteLength) throw new Error("its code is empty");
  if (lib.get("kind") === "script") return runScript(code, lib.get("globals") || [], lib.get("keep_globals"));
  const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  try {
    return await import(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The library of the view's model: an ES module's exports, or a script's globals. */
async function library(model) {
  if (!model.get("_library")) throw new Error("the view names no library");
  let lib;
  try {
    lib = await modelOf(model, "_library");
  } catch (err) {
    throw new Error(`its library model is missing (${err?.message || err})`);
  }
  const key = lib.get("key");
  if (!libraries.has(key)) {
    const loading = evaluate(lib).catch((err) => {
      libraries.delete(key); // a later view may try again
      throw new Error(`the ${key} library could not be loaded: ${err?.message || err}`);
    });
    libraries.set(key, loading);
  }
  return libraries.get(key);
}

// Exported for the unit tests (tests/test_libraries.py runs it under node).
export { library };

export default {
  async render(props) {
    const view = await load(props.model);
    return view.default.render({ ...props, library: () => library(props.model) });
  },
};
