"""The calls real apps make, events with their data, and layouts as event targets and outputs."""

from __future__ import annotations

import pytest

import gradio_nb as gr
import real_gradio
from gradio_nb.blocks import Block
from gradio_nb.event_data import LikeData, SelectData
from gradio_nb.widgets import is_shared


# -- listeners as decorators -----------------------------------------------------------------
def test_listener_decorators_register_and_return_the_function() -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox()
        out = gr.Textbox()
        btn = gr.Button()

        @btn.click(inputs=name, outputs=out)
        def greet(text: str) -> str:
            return f"Hello {text}"

        @demo.load(outputs=out)
        def start() -> str:
            return "loaded"

    assert greet("x") == "Hello x"  # the decorated function stays callable
    sess = demo.session()
    assert sess.get(out) == "loaded"
    sess.set(name, "Ada")
    sess.click(btn)
    assert sess.get(out) == "Hello Ada"


def test_a_js_only_listener_exists_without_a_decorated_function() -> None:
    with gr.Blocks() as demo:
        btn = gr.Button()
        out = gr.Textbox()
        btn.click(js="() => 1").then(lambda: "after", None, out)
    sess = demo.session()
    sess.click(btn)
    assert sess.get(out) == "after"


def test_on_without_triggers_runs_at_load_and_on_each_input_change() -> None:
    calls = []
    with gr.Blocks() as demo:
        a = gr.Number(1)
        b = gr.Number(2)
        total = gr.Number()

        @gr.on(inputs=[a, b], outputs=total)
        def add(x: float, y: float) -> float:
            calls.append((x, y))
            return x + y

    sess = demo.session()
    assert sess.get(total) == 3
    sess.set(b, 5)
    assert sess.get(total) == 6
    assert calls == [(1, 2), (1, 5)]


def test_queue_returns_the_app() -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    assert demo.queue(default_concurrency_limit=2) is demo


# -- validators ------------------------------------------------------------------------------
def test_a_failing_validator_stops_the_event_and_says_why() -> None:
    with gr.Blocks() as demo:
        age = gr.Number()
        out = gr.Textbox()
        btn = gr.Button()
        btn.click(
            lambda n: f"ok {n}",
            age,
            out,
            validator=lambda n: gr.validate(n is not None and n > 3, "Age must be at least 3"),
        )
    sess = demo.session()
    sess.set(age, 2)
    sess.click(btn)
    assert sess.get(out) == ""
    assert sess.history[-1].status == "invalid"
    assert "Age must be at least 3" in sess.toasts[-1]["message"]
    sess.set(age, 9)
    sess.click(btn)
    assert sess.get(out) == "ok 9"


# -- what functions receive ------------------------------------------------------------------
def test_request_names_each_session() -> None:
    with gr.Blocks() as demo:
        out = gr.Textbox()
        demo.load(lambda request: request.session_hash, None, out, inputs_kwargs={})  # plain: no hint
        btn = gr.Button()

        def who(request: gr.Request) -> str:
            return request.session_hash

        btn.click(who, None, out)
    one, two = demo.session(), demo.session()
    one.click(btn)
    two.click(btn)
    assert one.get(out) == one.session_hash != two.get(out) == two.session_hash


def test_filled_parameters_keep_gradios_positions() -> None:
    """Progress, Request and EventData parameters are inserted where they are declared."""
    seen = {}
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("A"):
                gr.Markdown("a")
            with gr.Tab("B"):
                gr.Markdown("b")
        text = gr.Textbox("hi")

        def fn(evt: gr.SelectData, value: str, request: gr.Request, progress=gr.Progress()) -> None:  # noqa: B008
            seen.update(evt=evt, value=value, request=request, progress=progress)

        tabs.select(fn, text, None)
    sess = demo.session()
    sess.trigger(tabs, "select", {"value": "B", "index": 1, "id": None})
    assert isinstance(seen["evt"], SelectData) and (seen["evt"].value, seen["evt"].index) == ("B", 1)
    assert seen["evt"].target is tabs
    assert seen["value"] == "hi"
    assert seen["request"].session_hash == sess.session_hash
    assert isinstance(seen["progress"], gr.Progress)


def test_optional_login_parameters_receive_none_and_required_ones_fail() -> None:
    with gr.Blocks() as demo:
        out = gr.Textbox()
        a, b = gr.Button("a"), gr.Button("b")

        def optional(profile: gr.OAuthProfile | None) -> str:
            return f"profile={profile}"

        def required(profile: gr.OAuthProfile) -> str:
            return "never"

        a.click(optional, None, out)
        b.click(required, None, out)
    sess = demo.session()
    sess.click(a)
    assert sess.get(out) == "profile=None"
    sess.click(b)
    assert sess.get(out) == "profile=None"
    assert sess.errors[-1].message == "This action requires a logged in user. Please sign in and retry."


def test_a_component_annotated_parameter_gets_the_sessions_props() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox("v", label="Old")
        out = gr.JSON()
        rename, show = gr.Button("rename"), gr.Button("show")
        rename.click(lambda: gr.Textbox(label="New"), None, box)

        def describe(t: gr.Textbox) -> list:
            return [t.label, t.value]

        show.click(describe, box, out)
    sess = demo.session()
    sess.click(show)
    assert sess.get(out) == ["Old", "v"]
    sess.click(rename)
    sess.click(show)
    assert sess.get(out) == ["New", "v"]
    assert demo.session().get(box) == "v"  # another session: still its own props


# -- layouts ---------------------------------------------------------------------------------
def test_choosing_a_tab_in_the_page_fires_select_and_change() -> None:
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("One", id="one"):
                gr.Markdown("1")
            with gr.Tab("Two", id="two") as two:
                gr.Markdown("2")
        log = gr.State([])
        tabs.change(lambda seen: [*seen, "change"], log, log)
        two.select(lambda seen, evt: [*seen, f"two:{evt.value}:{evt.index}"], [log], log, inputs_kwargs={})

        def picked(seen: list, evt: gr.SelectData) -> list:
            return [*seen, f"tabs:{evt.value}:{evt.index}:{evt._data['id']}"]

        tabs.select(picked, log, log)
    sess = demo.session()
    sess.widget(tabs).selected_index = 1  # as a click on the second tab
    assert sess.get(log)[:2] == ["change", "tabs:Two:1:two"]


def test_layouts_as_outputs() -> None:
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("A", id="a"):
                gr.Markdown("a")
            with gr.Tab("B", id="b") as tab_b:
                gr.Markdown("b")
        with gr.Accordion("More", open=False) as acc:
            gr.Markdown("more")
        with gr.Column() as col:
            gr.Markdown("col")
        btn = gr.Button()
        hide = gr.Button()
        btn.click(lambda: (gr.Tabs(selected="b"), gr.Accordion(open=True), gr.update(visible=False)), None, [tabs, acc, col])
        hide.click(lambda: gr.Tab(visible=False), None, tab_b)
    sess = demo.session()
    sess.click(btn)
    assert sess.widget(tabs).selected_index == 1
    assert sess.widget(acc).selected_index == 0
    assert sess.widget(col).layout.display == "none"
    sess.click(hide)
    assert [box._gnb_tab.label for box in sess.widget(tabs).children] == ["A"]
    other = demo.session()
    assert other.widget(tabs).selected_index == 0 and len(other.widget(tabs).children) == 2


def test_a_tabs_select_index_counts_the_hidden_tabs_as_gradio() -> None:
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("A"):
                gr.Markdown("a")
            with gr.Tab("Hidden", visible=False):
                gr.Markdown("h")
            with gr.Tab("C"):
                gr.Markdown("c")
        seen = gr.State()

        @tabs.select(outputs=seen)
        def chosen(event: SelectData) -> tuple[int, str]:
            return event.index, event.value

    sess = demo.session()
    sess.widget(tabs).selected_index = 1  # the second tab shown: "C"
    assert sess.get(seen) == (2, "C")


def test_accordion_and_sidebar_fire_expand_and_collapse() -> None:
    with gr.Blocks() as demo:
        with gr.Sidebar(label="Filters", open=False) as side:
            gr.Markdown("x")
        with gr.Accordion("Details") as acc:
            gr.Markdown("y")
        log = gr.State([])
        for block, name in ((side, "side"), (acc, "acc")):
            block.expand(lambda seen, n=name: [*seen, f"{n} open"], log, log)
            block.collapse(lambda seen, n=name: [*seen, f"{n} closed"], log, log)
    sess = demo.session()
    sess.widget(side).selected_index = 0
    sess.widget(acc).selected_index = None
    assert sess.get(log) == ["side open", "acc closed"]
    assert sess.widget(side).titles == ("Filters",)


def test_route_pages_are_tabs() -> None:
    with gr.Blocks() as demo:
        home = gr.Textbox("home")
    with demo.route("Settings", "/settings"):
        setting = gr.Textbox("s")
    sess = demo.session()
    assert [tab.label for tab in demo.children] == ["Home", "Settings"]
    assert (sess.get(home), sess.get(setting)) == ("home", "s")


def test_tabbed_interface_keeps_each_apps_events() -> None:
    hello = gr.Interface(lambda name: f"Hello {name}", "text", "text")
    bye = gr.Interface(lambda name: f"Bye {name}", "text", "text")
    demo = gr.TabbedInterface([hello, bye], ["Hello", "Bye"])
    sess = demo.session()
    name, out = hello.input_components[0], hello.output_components[0]
    sess.set(name, "Ada")
    sess.click(next(b for b in hello.blocks.values() if isinstance(b, gr.Button) and b.value == "Submit"))
    assert sess.get(out) == "Hello Ada"


# -- values computed from inputs, children, custom events ------------------------------------
def test_a_value_computed_from_inputs() -> None:
    with gr.Blocks() as demo:
        count = gr.Slider(1, 5, value=2, step=1)
        listing = gr.JSON(lambda n: list(range(int(n))), inputs=[count])
    sess = demo.session()
    assert sess.get(listing) == [0, 1]
    sess.set(count, 4)
    assert sess.get(listing) == [0, 1, 2, 3]


def test_html_holds_children_and_has_its_custom_events() -> None:
    with gr.Blocks() as demo:
        with gr.HTML(html_template="<b>form</b> @children", js_on_load="send.onclick = () => trigger('submit_form', {n: 1})") as form:
            name = gr.Textbox("Ada")
        out = gr.Textbox()
        form.submit_form(lambda text, evt: f"{text} {evt.n}", [name], out, inputs_kwargs={})

        def got(text: str, evt: gr.EventData) -> str:
            return f"{text} {evt.n}"

        form.submit_form(got, name, out)
    sess = demo.session()
    sess.trigger(form, "submit_form", {"n": 1})
    assert sess.get(out) == "Ada 1"
    assert "@children" not in sess.widget(form).html
    with pytest.raises(AttributeError, match="js_on_load"):
        _ = form.not_an_event


# -- chatbot actions -------------------------------------------------------------------------
def test_chatbot_actions_build_gradios_event_data() -> None:
    with gr.Blocks() as demo:
        chat = gr.Chatbot(
            [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "a"}, {"role": "assistant", "content": "b"}],
            editable="user",
        )
        got = gr.State([])

        def keep(seen: list, data: gr.EventData) -> list:
            return [*seen, (type(data).__name__, {k: v for k, v in data._data.items() if not k.startswith("_")})]

        for event in ("like", "retry", "undo", "edit", "copy", "clear"):
            getattr(chat, event)(lambda seen, d, e=event: [*seen, (e, d._data if d else None)], None, None)
        chat.like(keep, got, got)

        def liked(seen: list, data: gr.LikeData) -> list:
            return [*seen, isinstance(data, LikeData)]

        chat.like(liked, got, got)
    sess = demo.session()
    widget = sess.widget(chat)
    assert {"like", "retry", "undo", "edit", "copy", "clear"} <= set(widget.actions)
    widget.act("like", {"index": 2, "liked": False})
    assert sess.get(got)[-2:] == [("EventData", {"index": 1, "value": ["a", "b"], "liked": False}), True]
    assert chat.event_data(widget.value, "retry", {}) == {"index": 0, "value": "hi"}
    widget.act("edit", {"index": 0, "value": "hello"})
    assert sess.get(chat)[0]["content"] == [{"text": "hello", "type": "text"}]
    widget.act("clear", {})
    assert sess.get(chat) == []


# -- names -------------------------------------------------------------------------------------
def test_themes_and_options_are_accepted() -> None:
    theme = gr.themes.Soft(primary_hue="red", font=[gr.themes.GoogleFont("Inter"), "sans-serif"]).set(
        button_primary_background_fill="*primary_200"
    )
    with gr.Blocks(theme=theme, css=".x {}", fill_height=True) as demo:
        gr.Textbox()
    assert theme.primary_hue.name == "red" and theme.button_primary_background_fill == "*primary_200"
    assert isinstance(gr.Theme(), gr.themes.Base)
    gr.set_static_paths(["static"])
    demo.session()
    gr.close_all()
    assert demo.sessions == []


def test_missing_names_say_what_to_do() -> None:
    with pytest.raises(NotImplementedError, match="gr.Server needs a Gradio server"):
        gr.Server  # noqa: B018
    with pytest.raises(NotImplementedError, match="gr.load needs a Gradio server"):
        gr.load("gradio/hello_world")
    with pytest.raises(AttributeError):
        gr.NoSuchThing  # noqa: B018


@pytest.mark.skipif(not real_gradio.INSTALLED, reason="needs the compat extra")
def test_every_gradio_name_works_or_says_why_not() -> None:
    import gradio

    for name in (n for n in dir(gradio) if not n.startswith("_")):
        try:
            getattr(gr, name)
        except NotImplementedError:
            continue


def test_cache_is_per_session_when_asked() -> None:
    with gr.Blocks() as demo:
        key = gr.Textbox("k")
        out = gr.Textbox()
        btn = gr.Button()

        def lookup(k: str, c=gr.Cache(per_session=True)) -> str:  # noqa: B008
            hit = c.get(k)
            c.set(k, n=(hit or {"n": 0})["n"] + 1)
            return str(c.get(k)["n"])

        btn.click(lookup, key, out)
    one, two = demo.session(), demo.session()
    one.click(btn)
    one.click(btn)
    two.click(btn)
    assert (one.get(out), two.get(out)) == ("2", "1")


def test_served_request_reads_the_visitors_headers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Voila passes the visitor's headers to the kernel as HTTP_* variables (gradio-nb serve
    asks for them); gr.Request looks them up without regard to case."""
    monkeypatch.setenv("SERVER_NAME", "127.0.0.1")
    monkeypatch.setenv("HTTP_USER_AGENT", "UA/1")
    monkeypatch.setenv("HTTP_X_FORWARDED_FOR", "10.0.0.5, 1.1.1.1")
    monkeypatch.setenv("QUERY_STRING", "room=42")
    with gr.Blocks() as demo:
        out = gr.JSON()
        btn = gr.Button()

        def who(request: gr.Request) -> list:
            return [request.headers["user-agent"], request.headers.get("User-Agent"), request.client.host, request.query_params]

        btn.click(who, None, out)
    sess = demo.session()
    sess.click(btn)
    assert sess.get(out) == ["UA/1", "UA/1", "10.0.0.5", {"room": "42"}]


def test_update_takes_every_constructor_argument() -> None:
    """As Gradio: any constructor argument may be updated (those with no meaning here are kept)."""
    with gr.Blocks() as demo:
        box = gr.Textbox()
        chat = gr.Chatbot()
        btn = gr.Button()
        btn.click(lambda: (gr.update(autofocus=True, text_align="right", label="L"), gr.update(feedback_value=["Like"])), None, [box, chat])
    sess = demo.session()
    sess.click(btn)
    assert sess.errors == []
    assert (sess.component(box).label, sess.component(box).text_align) == ("L", "right")
    assert sess.component(chat).feedback_value == ["Like"]
    with pytest.raises(ValueError, match="cannot update nonsense"):
        box.with_props({"nonsense": 1})


@pytest.mark.skipif(not real_gradio.INSTALLED, reason="needs the compat extra")
def test_every_class_takes_gradios_constructor_arguments() -> None:
    """Each class gradio_nb shares with Gradio accepts every argument Gradio's constructor has."""
    import inspect

    import gradio

    def accepted(cls: type) -> set[str]:
        names: set[str] = set()
        for klass in cls.__mro__:
            init = klass.__dict__.get("__init__")
            if init is not None:
                names |= set(inspect.signature(init).parameters)
        return names

    lacking = {}
    for name in (n for n in dir(gradio) if n[:1].isupper()):
        theirs = getattr(gradio, name, None)
        try:
            ours = getattr(gr, name)
        except NotImplementedError:
            continue
        if not (isinstance(theirs, type) and isinstance(ours, type) and issubclass(ours, Block)):
            continue
        wanted = {p for p in inspect.signature(theirs.__init__).parameters if not p.startswith("_")} - {"self", "args", "kwargs", "load_fn"}
        missing = sorted(wanted - accepted(ours))
        if missing:
            lacking[name] = missing
    assert lacking == {}


def test_cache_decorator_caches_by_content() -> None:
    import asyncio

    import numpy as np

    calls = []

    @gr.cache
    def total(values: np.ndarray) -> float:
        calls.append(1)
        return float(values.sum())

    @gr.cache(max_size=2)
    def count(n: int):
        calls.append(n)
        yield from range(n)

    @gr.cache
    async def plus(x: int) -> int:
        return x + 1

    assert total(np.arange(4)) == total(np.arange(4)) == 6.0 and len(calls) == 1
    assert list(count(3)) == list(count(3)) == [0, 1, 2] and calls.count(3) == 1
    assert asyncio.run(plus(1)) == 2
    with pytest.raises(TypeError, match="expected a callable"):
        gr.cache(3)


def test_mcp_decorators_keep_the_function() -> None:
    @gr.mcp.tool(name="count")
    @gr.mcp.resource("greeting://{name}")
    @gr.mcp.prompt()
    def letters(word: str) -> int:
        return len(word)

    assert letters("abc") == 3


def test_textbox_copy_button_fires_copy() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox("hello", buttons=["copy"])
        out = gr.Textbox()

        def copied(evt: gr.CopyData) -> str:
            return f"copied {evt.value}"

        box.copy(copied, None, out)
    sess = demo.session()
    widget = sess.widget(box)
    assert widget.copy_button
    widget._handle_custom_msg({"event": "copy", "data": {"value": "hello"}}, [])
    assert sess.get(out) == "copied hello"


def test_run_script_serves_every_form_of_import(tmp_path) -> None:
    from gradio_nb.testing import run_script

    script = tmp_path / "app.py"
    script.write_text("import gradio\nfrom gradio import Textbox\n\nwith gradio.Blocks() as demo:\n    box = Textbox('x')\n\ndemo.launch()\n")
    namespace = run_script(script)
    assert namespace["gradio"] is gr and isinstance(namespace["box"], gr.Textbox)


def test_launch_keeps_upload_and_path_limits(monkeypatch):
    """launch(max_file_size=, allowed_paths=, blocked_paths=) are kept on the app as Gradio
    parses them; an unknown unit is an error naming the value."""
    from gradio_nb import display
    from gradio_nb.blocks import parse_file_size

    monkeypatch.setattr(display, "launch", lambda *args: None)
    with gr.Blocks() as demo:
        gr.Textbox()
    assert demo.max_file_size is None and demo.allowed_paths == [] == demo.blocked_paths
    demo.launch(max_file_size="5 mb", allowed_paths=["/data"], blocked_paths=["/data/secret"])
    assert demo.max_file_size == 5 * gr.FileSize.MB
    assert (demo.allowed_paths, demo.blocked_paths) == (["/data"], ["/data/secret"])
    assert parse_file_size(1000) == 1000 and parse_file_size("2GB") == 2 * gr.FileSize.GB
    for bad in ("5xb", "mb", "5"):
        with pytest.raises(ValueError, match=repr(bad)):
            parse_file_size(bad)


def test_clear_forgets_what_was_declared() -> None:
    """``with demo.clear():`` declares the app anew, as Gradio's Blocks.clear does."""
    with gr.Blocks() as demo:
        old = gr.Textbox("old")
        gr.Button().click(lambda: "x", None, old)
    with demo.clear():
        new = gr.Textbox("new")
        btn = gr.Button()
        btn.click(lambda t: t + "!", new, new)
    assert old._id not in demo.blocks and len(demo.dependencies) == 1
    sess = demo.session()
    sess.click(btn)
    assert sess.get(new) == "new!"
    sess.close()


def test_interface_labels_unlabelled_components_as_gradio() -> None:
    def reply(message, history, request: gr.Request):
        return {}, history

    chat = gr.Interface(reply, ["textbox", gr.State([])], ["json", gr.State()])
    assert chat.input_components[0].label == "message"  # the Request parameter is skipped
    assert chat.output_components[0].label == "output 0"
    one = gr.Interface(lambda x: x, gr.Textbox(label="Mine"), "textbox")
    assert (one.input_components[0].label, one.output_components[0].label) == ("Mine", "output")


# -- sizes in a row: Gradio's scale and min_width ----------------------------------------------
def test_a_row_shares_its_width_by_scale_and_min_width_as_gradio_does() -> None:
    with gr.Blocks() as demo:
        with gr.Row():
            small = [gr.Button(f"B{i}", min_width=1) for i in range(6)]  # Gradio keeps them in one row
            default = gr.Button("plain")
        with gr.Row():
            wide = gr.Column(scale=2)
            narrow = gr.Column()
            with wide:
                inside = gr.Button("in a column", scale=3)  # a column's child: no width to share
            with narrow:
                gr.Markdown("x")
        with gr.Row():
            fixed = gr.Image(scale=0, min_width=240)
    s = demo.session()
    try:
        for button in small:
            layout = s.widget(button).layout
            assert (layout.flex, layout.min_width) == ("1 1 0%", "min(1px, 100%)")
        assert s.widget(small[0]).layout is not s.widget(small[1]).layout  # each its own
        assert is_shared(s.widget(default).layout)  # the stylesheet's row default: no model sent
        assert is_shared(s.widget(inside).layout)
        assert (s.widget(wide).layout.flex, s.widget(wide).layout.min_width) == ("2 1 0%", "min(320px, 100%)")
        assert is_shared(s.widget(narrow).layout)
        layout = s.widget(fixed).layout
        assert (layout.flex, layout.min_width) == ("0 1 0%", "min(240px, 100%)")
        s.set(fixed, None)  # an update keeps the size
        assert s.widget(fixed).layout.flex == "0 1 0%"
    finally:
        s.close()
