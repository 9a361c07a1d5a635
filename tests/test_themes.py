"""gr.themes computes Gradio's theme variables; styling scopes an app's theme and css= to it."""

from __future__ import annotations

import re

import pytest
import tinycss2
from hypothesis import given, settings
from hypothesis import strategies as st

import gradio_nb as gr
from gradio_nb import styling, themes
from gradio_nb.styling import AppStyleWidget, scope_css, theme_css

BUILT_IN = ["Base", "Default", "Soft", "Glass", "Monochrome", "Ocean", "Origin", "Citrus", "Ember", "Cyberpunk", "Mario", "Neon"]


def prop(name: str) -> str:
    return "--gnb-" + name.replace("_", "-")


# -- themes ------------------------------------------------------------------------------------
def _gradio_value(theme: object, name: str, dark: bool) -> str:
    """Gradio's theme value with references resolved as its CSS resolves them (a dark value
    that is None is the light expression, read in dark mode)."""
    value = getattr(theme, f"{name}_dark", None) if dark else None
    if value is None:
        value = getattr(theme, name, "")
    return re.sub(r"\*(\w+)\b", lambda m: _gradio_value(theme, m.group(1), dark), str(value))


@pytest.mark.parametrize("name", BUILT_IN)
def test_each_built_in_theme_gives_gradios_values(name: str) -> None:
    real = pytest.importorskip("gradio.themes")
    theirs = getattr(real, name)()
    light, dark = getattr(gr.themes, name)().css_variables()
    assert len(light) == len(themes.variable_names()) > 200
    for variable in themes.variable_names():
        assert light[prop(variable)] == _gradio_value(theirs, variable, False), variable
        assert dark[prop(variable)] == _gradio_value(theirs, variable, True), variable


@pytest.mark.parametrize(
    ("theme", "light", "dark"),
    [
        (gr.themes.Default(), "#f97316", "#ea580c"),  # orange 500 / 600
        (gr.themes.Base(primary_hue="red"), "#ef4444", "#dc2626"),
        (gr.themes.Soft(primary_hue=gr.themes.colors.green), "#22c55e", "#16a34a"),
        (gr.themes.Default(primary_hue=gr.themes.Color(*[f"#0000{i:02x}" for i in range(11)], name="mine")), "#000005", "#000006"),
    ],
)
def test_the_primary_hue_fills_the_primary_button(theme: themes.Base, light: str, dark: str) -> None:
    lights, darks = theme.css_variables()
    assert lights[prop("button_primary_background_fill")] == light
    assert darks[prop("button_primary_background_fill")] == dark


@pytest.mark.parametrize(("size", "radius"), [("none", "0px"), ("sm", "4px"), ("md", "6px"), ("lg", "8px"), ("radius_xxl", "20px")])
def test_the_radius_size_sets_the_radii(size: str, radius: str) -> None:
    light, _dark = gr.themes.Base(radius_size=size).css_variables()
    assert light[prop("radius_md")] == radius
    assert light[prop("button_large_radius")] == radius
    assert light[prop("block_radius")] == gr.themes.Base(radius_size=size).radius_size.sm


def test_set_overrides_exactly_that_variable() -> None:
    before_light, before_dark = gr.themes.Soft().css_variables()
    theme = gr.themes.Soft().set(button_primary_background_fill="*secondary_200", block_label_text_color_dark="#123456")
    light, dark = theme.css_variables()
    changed = {n for n in light if light[n] != before_light[n]} | {n for n in dark if dark[n] != before_dark[n]}
    assert changed == {prop("button_primary_background_fill"), prop("block_label_text_color")}
    assert light[prop("button_primary_background_fill")] == "#c7d2fe"  # indigo 200
    assert dark[prop("button_primary_background_fill")] == before_dark[prop("button_primary_background_fill")]
    assert dark[prop("block_label_text_color")] == "#123456"
    assert theme.button_primary_background_fill == "*secondary_200"
    with pytest.raises(TypeError, match="not_a_variable"):
        theme.set(not_a_variable="red")


def test_fonts_and_sizes_by_name() -> None:
    theme = gr.themes.Base(font=[gr.themes.GoogleFont("Inter"), "sans-serif"], font_mono="Fira Code", text_size="lg", spacing_size=gr.themes.sizes.spacing_sm)
    light, _ = theme.css_variables()
    assert light[prop("font")] == "'Inter', sans-serif"
    assert light[prop("font_mono")] == "Fira Code"
    assert light[prop("text_md")] == gr.themes.sizes.text_lg.md
    assert light[prop("spacing_lg")] == gr.themes.sizes.spacing_sm.lg
    with pytest.raises(ValueError, match="Color shortcut"):
        gr.themes.Base(primary_hue="no-such-hue")


# -- the theme's CSS ---------------------------------------------------------------------------
def _declared(css: str) -> list[tuple[str, dict[str, str]]]:
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        decls = tinycss2.parse_declaration_list(rule.content, skip_whitespace=True, skip_comments=True)
        out.append((tinycss2.serialize(rule.prelude).strip(), {d.name: tinycss2.serialize(d.value).strip() for d in decls if d.type == "declaration"}))
    return out


def test_theme_css_sets_only_what_differs_from_the_default_on_the_app_root() -> None:
    assert theme_css(None, "gnb-app-1") == ""
    assert theme_css(gr.themes.Default(), "gnb-app-1") == ""  # js/theme.css has the Default's values
    rules = _declared(theme_css(gr.themes.Soft(), "gnb-app-1"))
    (light_sel, light), (dark_sel, dark) = rules
    assert light_sel == ".gradio-nb.gnb-app-1"
    assert dark_sel == '.gradio-nb.gnb-app-1.gnb-dark, body[data-jp-theme-light="false"] .gradio-nb.gnb-app-1:not(.gnb-light)'
    assert light[prop("button_primary_background_fill")] == "#6366f1"
    assert dark[prop("button_primary_background_fill")] == "#4f46e5"
    assert light.keys() == dark.keys()
    assert prop("button_transition") not in light  # the same as the Default's
    one = _declared(theme_css(gr.themes.Default().set(button_primary_background_fill="red"), "gnb-app-1"))
    assert [r[1] for r in one] == [{prop("button_primary_background_fill"): "red"}, {prop("button_primary_background_fill"): "#ea580c"}]


# -- css= --------------------------------------------------------------------------------------
ROOT = ".gradio-nb.gnb-app-9:is(.gnb-app-9, #gnb-app-9)"
DARK = [f"{ROOT}.gnb-dark", f'body[data-jp-theme-light="false"] {ROOT}:not(.gnb-light)']


@pytest.mark.parametrize(
    ("css", "selectors"),
    [
        (".x { color: red }", [f"{ROOT} .x"]),
        ("h1, .a > .b, p + p, a ~ b { margin: 0 }", [f"{ROOT} h1", f"{ROOT} .a > .b", f"{ROOT} p + p", f"{ROOT} a ~ b"]),
        ("#box { color: red }", [f"{ROOT} .gnb-id-box"]),
        ("a:not(#z):hover::after { color: red }", [f"{ROOT} a:not(.gnb-id-z):hover::after"]),
        (":root, html, body, .gradio-container, gradio-app { color: red }", [ROOT] * 5),
        ("body .x, .gradio-container > .y, html body .z { color: red }", [f"{ROOT} .x", f"{ROOT} > .y", f"{ROOT} .z"]),
        (":root:has(.q) .m { color: red }", [f"{ROOT}:has(.q) .m"]),
        (".dark .x { color: red }", [f"{d} .x" for d in DARK]),
        ("body.dark .x { color: red }", [f"{d} .x" for d in DARK]),
        ("#app .k { color: red }", [f"{ROOT} .k"]),  # the app's own elem_id is its root
        ("[data-x='1'] * { color: red }", [f'{ROOT} [data-x="1"] *']),
        (".gradio-container-5 .x { color: red }", [f"{ROOT} .gradio-container-5 .x"]),
    ],
)
def test_css_selectors_are_scoped_to_the_app(css: str, selectors: list[str]) -> None:
    (prelude, _decls), = _declared(scope_css(css, "gnb-app-9", root_id="app"))
    assert _style_selectors(scope_css(css, "gnb-app-9", root_id="app")) == selectors


def test_nested_and_global_at_rules() -> None:
    css = """
    @media (max-width: 600px) { .x { color: red } @supports (display: grid) { #q { display: grid } } }
    @keyframes spin { from { transform: rotate(0) } to { transform: rotate(360deg) } }
    @font-face { font-family: Mine; src: url(mine.woff2) }
    """
    out = scope_css(css, "gnb-app-9")
    assert f"{ROOT} .x {{ color: red }}" in out and f"{ROOT} .gnb-id-q {{ display: grid }}" in out
    assert "@media (max-width: 600px)" in out and "@supports (display: grid)" in out
    assert "@keyframes spin { from { transform: rotate(0) }" in out and "@font-face" in out
    with pytest.warns(UserWarning, match="@import"):
        assert scope_css("@import url(x.css); .a { color: red }", "gnb-app-9") == f"{ROOT} .a {{ color: red }}"


def test_gradio_theme_variables_in_css_are_renamed() -> None:
    out = scope_css(":root { --button-primary-background-fill: red; --mine: 1px } .x { color: var(--body-text-color, var(--mine)) }", "gnb-app-9")
    assert f"{ROOT} {{ --gnb-button-primary-background-fill: red; --mine: 1px }}" in out
    assert "color: var(--gnb-body-text-color, var(--mine))" in out


def _top_level(prelude: list) -> list[str]:
    """A selector list's selectors (commas inside ``:is(...)`` are not separators)."""
    parts: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [tinycss2.serialize(p).strip() for p in parts]


def _style_selectors(css: str) -> list[str]:
    """Every selector of every style rule (in at-rules too), keyframes' steps aside."""
    found = []

    def walk(rules: list) -> None:
        for rule in rules:
            if rule.type == "qualified-rule":
                found.extend(_top_level(rule.prelude))
            elif rule.type == "at-rule" and rule.content is not None and "keyframes" not in rule.lower_at_keyword:
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


_simple = st.sampled_from([
    "a", "div", "*", ".x", ".y-z", "#id", "#app", "[data-a]", "[type='text']", ":hover", "::before", ":not(.q)",
    ":is(#a, .b)", "body", "html", ":root", ".gradio-container", ".dark", "gradio-app", ":has(> p)", "svg|rect",
])
_compound = st.lists(_simple, min_size=1, max_size=3).map("".join)
_selector = st.lists(st.tuples(st.sampled_from([" ", " > ", " + ", " ~ "]), _compound), min_size=1, max_size=4).map(
    lambda parts: "".join(c + s for c, s in parts).strip(" >+~")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_selector, min_size=1, max_size=4), st.booleans())
def test_no_rule_escapes_the_app(selectors: list[str], in_media: bool) -> None:
    rule = f"{', '.join(s for s in selectors if s)} {{ color: red }}"
    css = f"@media screen {{ {rule} }}" if in_media else rule
    out = scope_css(css, "gnb-app-9", root_id="app")
    found = _style_selectors(out)
    assert len(found) >= len([s for s in selectors if s]), out  # nothing valid is rejected
    for selector in found:
        assert selector.startswith((ROOT, f'body[data-jp-theme-light="false"] {ROOT}')), (css, out)
    assert not re.search(r"#[\w-]", "".join(found).replace(ROOT, ""))


# -- the app -----------------------------------------------------------------------------------
def _style_of(session: object) -> AppStyleWidget | None:
    found = [w for w in session.view.children if isinstance(w, AppStyleWidget)]
    return found[0] if found else None


def test_an_app_without_style_sends_no_style_widget() -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    sess = demo.session()
    assert f"gnb-app-{demo._id}" in sess.view._dom_classes
    assert _style_of(sess) is None
    sess.close()


def test_theme_css_and_css_paths_reach_the_app(tmp_path) -> None:
    path = tmp_path / "extra.css"
    path.write_text(".from-file { color: blue }")
    with gr.Blocks(theme="soft", css=".x { color: red }", css_paths=[path]) as demo:
        gr.Textbox()
    sess = demo.session()
    style = _style_of(sess)
    scope = f"gnb-app-{demo._id}"
    assert style is not None and style.scope == scope and sess.view.children[0] is style
    assert f"--gnb-button-primary-background-fill: #6366f1" in style.css
    root = styling.css_root(scope)
    assert f"{root} .x {{ color: red }}" in style.css and f"{root} .from-file" in style.css
    other = demo.session()
    assert _style_of(other).css == style.css and scope in other.view._dom_classes  # one <style> per app
    sess.close()
    assert style.comm is None  # closed with its session
    other.close()
    with pytest.warns(UserWarning, match="no built-in theme"):
        assert type(themes.theme_named("nope")) is gr.themes.Default


def test_elem_id_and_elem_classes_on_every_family() -> None:
    makers = {
        "textbox": lambda **k: gr.Textbox(**k), "number": lambda **k: gr.Number(**k), "slider": lambda **k: gr.Slider(**k),
        "checkbox": lambda **k: gr.Checkbox(**k), "radio": lambda **k: gr.Radio(["a"], **k), "dropdown": lambda **k: gr.Dropdown(["a"], **k),
        "button": lambda **k: gr.Button(**k), "markdown": lambda **k: gr.Markdown("x", **k), "html": lambda **k: gr.HTML("x", **k),
        "chatbot": lambda **k: gr.Chatbot(**k), "image": lambda **k: gr.Image(**k), "file": lambda **k: gr.File(**k),
        "dataframe": lambda **k: gr.Dataframe(**k), "json": lambda **k: gr.JSON(**k), "label": lambda **k: gr.Label(**k),
        "code": lambda **k: gr.Code(**k), "audio": lambda **k: gr.Audio(**k), "gallery": lambda **k: gr.Gallery(**k),
    }
    blocks = {}
    with gr.Blocks(css="#textbox { color: red }") as demo:
        for name, make in makers.items():
            blocks[name] = make(elem_id=name, elem_classes=[f"c-{name}"])
        with gr.Row(elem_id="row", elem_classes="c-row"):
            with gr.Column(elem_id="column", elem_classes="c-column"):
                with gr.Group(elem_id="group", elem_classes="c-group"):
                    pass
        with gr.Accordion("A", elem_id="accordion", elem_classes="c-accordion"):
            pass
    blocks |= {b.elem_id: b for b in demo.blocks.values() if b.elem_id in ("row", "column", "group", "accordion")}
    sess = demo.session()
    for name, block in blocks.items():
        classes = sess.container(block)._dom_classes
        assert f"gnb-id-{name}" in classes and f"c-{name}" in classes, (name, classes)
    sess.close()


@pytest.mark.parametrize(("query", "added", "absent"), [("__theme=dark", "gnb-dark", "gnb-light"), ("x=1&__theme=light", "gnb-light", "gnb-dark"), ("", None, "gnb-dark")])
def test_theme_query_parameter(monkeypatch: pytest.MonkeyPatch, query: str, added: str | None, absent: str) -> None:
    monkeypatch.setenv("QUERY_STRING", query)
    with gr.Blocks() as demo:
        gr.Textbox()
    sess = demo.session()
    classes = sess.view._dom_classes
    assert (added is None or added in classes) and absent not in classes
    sess.close()


def test_no_style_module_traffic_per_event() -> None:
    with gr.Blocks(theme=gr.themes.Soft(), css=".x { color: red }") as demo:
        box = gr.Textbox()
        gr.Button().click(lambda: "hi", None, box)
    sess = demo.session()
    style = _style_of(sess)
    sent: list = []
    style.observe(lambda change: sent.append(change), names=["css", "scope"])
    sess.click([b for b in demo.blocks.values() if isinstance(b, gr.Button)][0])
    assert sess.get(box) == "hi" and sent == []
    sess.close()
    assert styling.app_class(demo) == f"gnb-app-{demo._id}"


def test_theme_css_overrides_what_the_default_derives_from_a_changed_variable() -> None:
    # The page's Default values keep their references (primary fill = var(--gnb-primary-500)):
    # a theme whose primary fill is the Default's orange but whose primary hue is red must set
    # the fill too, or the page would derive it from the red hue.
    theme = gr.themes.Default(primary_hue="red").set(button_primary_background_fill="#f97316")
    (_, light), (_, dark) = _declared(theme_css(theme, "gnb-app-1"))
    assert light[prop("button_primary_background_fill")] == "#f97316"
    assert light[prop("primary_500")] == "#ef4444"


def test_a_theme_font_that_is_shipped_comes_with_the_apps_css_and_no_other() -> None:
    """The Soft theme's Montserrat is shipped (js/vendor/fonts): its @font-face rules ride with
    the app's CSS, as data: URLs (no request leaves the page); the Default theme's fonts are in
    every page already, and a font that is not shipped is only named (the stack falls back)."""
    with gr.Blocks(theme=gr.themes.Soft()) as soft:
        gr.Textbox()
    faces = re.findall(r"@font-face \{ font-family: '([^']+)'; font-style: normal; font-weight: (\d+);[^}]*"
                       r"src: url\(data:font/woff2;base64,[A-Za-z0-9+/=]+\) format\('woff2'\); \}", styling.app_css(soft))
    assert faces == [("Montserrat", "400"), ("Montserrat", "600")]
    assert styling.theme_fonts_css(gr.themes.Default()) == ""
    assert styling.theme_fonts_css(gr.themes.Citrus()) == ""  # Ubuntu: not shipped
    custom = gr.themes.Base(font=[gr.themes.GoogleFont("Montserrat"), "sans-serif"])
    assert styling.theme_fonts_css(custom).count("font-family: 'Montserrat'") == 2
