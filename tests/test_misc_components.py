"""ColorPicker, DateTime, the Space buttons, Navbar, Walkthrough/Step and FileExplorer:
what functions receive, what the widgets show, their events, and FileExplorer's root jail."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import gradio_nb as gr
from gradio_nb.components.file_explorer import FileExplorer
from gradio_nb.components.navigation import Navbar, Step, Walkthrough
from gradio_nb.components.pickers import ColorPicker, DateTime, PickerWidget
from gradio_nb.components.special_buttons import DeepLinkButton, DuplicateButton, LoginButton
from gradio_nb.event_data import SelectData
from gradio_nb.exceptions import Error


def on_select(log, *fields):
    """A select listener that logs ``fields`` of its ``gr.SelectData``."""

    def fn(evt: SelectData):
        log.append(tuple(getattr(evt, f) for f in fields))

    return fn


def view_says(widget, content):
    """Deliver ``content`` to the widget as if its view had sent it."""
    widget._handle_custom_msg(content, [])


# -- ColorPicker ------------------------------------------------------------------------------
def test_colorpicker_values_and_widget():
    got = []
    with gr.Blocks() as demo:
        empty = ColorPicker()
        red = ColorPicker("#ff0000", label="Red", info="pick one")
        out = ColorPicker()
        b = gr.Button()
        b.click(lambda c: got.append(c) or "#00FF00", red, out)
    sess = demo.session()
    assert sess.get(empty) is None
    w = sess.widget(red)
    assert isinstance(w, PickerWidget)
    assert (w.kind, w.value, w.label, w.info, w.disabled) == ("color", "#ff0000", "Red", "pick one", False)
    assert sess.widget(out).disabled  # an output only
    sess.set(red, "#123456")
    sess.click(b)
    assert got == ["#123456"]
    assert sess.get(out) == "#00FF00"


def test_colorpicker_view_events():
    seen = []
    with gr.Blocks() as demo:
        c = ColorPicker("#000000")
        for event in ("submit", "focus", "blur", "release"):
            getattr(c, event)(lambda v, e=event: seen.append((e, v)), c, None)
        c.input(lambda v: seen.append(("input", v)), c, None)
    sess = demo.session()
    w = sess.widget(c)
    w.value = "#abcdef"  # as the view's input does
    for event in ("focus", "release", "submit", "blur"):
        view_says(w, {"event": event})
    assert seen == [("input", "#abcdef"), ("focus", "#abcdef"), ("release", "#abcdef"), ("submit", "#abcdef"), ("blur", "#abcdef")]
    sess.trigger(c, "submit")
    assert seen[-1] == ("submit", "#abcdef")


# -- DateTime ---------------------------------------------------------------------------------
def test_datetime_types():
    fixed = "2024-01-02 03:04:05"
    with gr.Blocks() as demo:
        stamp = DateTime(fixed, timezone="UTC")
        moment = DateTime(fixed, type="datetime", timezone="Asia/Tokyo")
        naive = DateTime(fixed, type="datetime")
        text = DateTime(fixed, type="string")
        day = DateTime("2024-01-02", include_time=False, type="datetime")
        empty = DateTime()
    sess = demo.session()
    assert sess.get(stamp) == 1704164645.0
    tokyo = sess.get(moment)
    assert tokyo.isoformat() == "2024-01-02T03:04:05+09:00"
    assert sess.get(naive) == dt.datetime(2024, 1, 2, 3, 4, 5) and sess.get(naive).tzinfo is None
    assert sess.get(text) == fixed
    assert sess.get(day) == dt.datetime(2024, 1, 2)
    assert sess.get(empty) is None
    assert sess.widget(day).include_time is False
    assert sess.widget(stamp).kind == "datetime"


def test_datetime_dst_read_in_standard_time_as_pytz():
    with gr.Blocks() as demo:
        gap = DateTime("2024-03-10 02:30:00", type="datetime", timezone="US/Eastern")
        fold = DateTime("2024-11-03 01:30:00", type="datetime", timezone="US/Eastern")
    sess = demo.session()
    assert sess.get(gap).isoformat() == "2024-03-10T02:30:00-05:00"
    assert sess.get(fold).isoformat() == "2024-11-03T01:30:00-05:00"


def test_datetime_relative_now():
    with gr.Blocks() as demo:
        text = DateTime("now - 2h", type="string")
        stamp = DateTime("now - 1d")
        bad = DateTime("now + 1h")
    sess = demo.session()
    shown = dt.datetime.strptime(sess.get(text), "%Y-%m-%d %H:%M:%S")
    assert abs((dt.datetime.now() - dt.timedelta(hours=2) - shown).total_seconds()) < 5
    assert abs(sess.get(stamp) - (dt.datetime.now() - dt.timedelta(days=1)).timestamp()) < 5
    with pytest.raises(Error, match="relative time"):
        sess.get(bad)


def test_datetime_outputs_and_bad_values():
    with gr.Blocks() as demo:
        ny = DateTime(timezone="America/New_York", type="string")
        stamp = DateTime()
        b_ts = gr.Button("ts")
        b_dt = gr.Button("dt")
        b_bad = gr.Button("bad")
        b_ts.click(lambda: 1704168245, None, ny)
        b_dt.click(lambda: dt.datetime(2021, 2, 3, 4, 5, 6), None, ny)
        b_bad.click(lambda: [1, 2], None, ny)
    sess = demo.session()
    sess.click(b_ts)
    assert sess.widget(ny).value == "2024-01-01 23:04:05"
    sess.click(b_dt)
    assert sess.get(ny) == "2021-02-03 04:05:06"
    sess.click(b_bad)
    assert "DateTime" in sess.errors[-1].message and "expected a datetime" in sess.errors[-1].message
    assert sess.get(ny) == "2021-02-03 04:05:06"  # untouched by the failed event
    sess.set(ny, "not a date")
    assert sess.get(ny) == "not a date"  # type="string" passes text as is, as Gradio
    sess.set(stamp, "not a date")
    with pytest.raises(Error, match="YYYY-MM-DD HH:MM:SS"):
        sess.get(stamp)
    with pytest.raises(ValueError, match="timezone"):
        DateTime(timezone="Mars/Olympus")
    with pytest.raises(ValueError, match="type"):
        DateTime(type="epoch")


def test_datetime_submit_and_update():
    seen = []
    with gr.Blocks() as demo:
        d = DateTime("2024-01-02 03:04:05", type="string")
        d.submit(lambda v: seen.append(v), d, None)
        b = gr.Button()
        b.click(lambda: gr.update(include_time=False), None, d)
    sess = demo.session()
    w = sess.widget(d)
    w.value = "2025-06-07 08:09:10"
    view_says(w, {"event": "submit"})
    assert seen == ["2025-06-07 08:09:10"]
    sess.click(b)
    assert w.include_time is False


# -- Buttons ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("make", "text", "notice"),
    [
        (DuplicateButton, "Duplicate Space", "Duplicating a Space is not available"),
        (DeepLinkButton, "Share via Link", "cannot be shared from a notebook"),
        (LoginButton, "Sign in with Hugging Face", "Signing in with Hugging Face is not available"),
    ],
)
def test_space_buttons_say_what_a_notebook_cannot_do(make, text, notice):
    clicks = []
    with gr.Blocks() as demo:
        button = make()
        button.click(lambda: clicks.append(1), None, None)
    sess = demo.session()
    widget = sess.widget(button)
    assert widget.description == text
    assert notice in widget.tooltip
    sess.click(button)
    assert sess.errors == []
    assert clicks == [1]  # the app's own listener still runs
    assert [a["level"] for a in sess.toasts] == ["info"]
    assert notice in sess.toasts[0]["message"]
    assert sess.get(button) == text


def test_space_button_parameters():
    with gr.Blocks():
        quiet = DuplicateButton(_activate=False)
        link = DeepLinkButton("Share", "Copied", elem_id="mine")
        login = LoginButton(logout_value="Bye {}")
    assert quiet.variant == "huggingface" and not quiet._activated
    assert link.copied_value == "Copied" and link.elem_id.startswith("gradio-share-link-button-")
    assert login.logout_text("ada") == "Bye ada"
    login.activate()  # as Gradio apps may call it: attaches the listener once
    assert sum(1 for (bid, ev) in login.root._listeners if bid == login._id and ev == "click") == 1


# -- Navbar -----------------------------------------------------------------------------------
def test_navbar_shows_names_and_only_web_links():
    with gr.Blocks() as demo:
        nav = Navbar([("About <b>", "about"), ("Docs", "https://example.org/?a=1&b=<x>"), ("Bad", "javascript:alert(1)")], main_page_name="App")
        hidden = Navbar(visible=False, main_page_name=False)
    sess = demo.session()
    html_text = sess.widget(nav).value
    assert "App" in html_text and "About &lt;b&gt;" in html_text
    assert 'href="https://example.org/?a=1&amp;b=&lt;x&gt;"' in html_text
    assert "javascript:" not in html_text.split("title=")[0] and 'href="javascript' not in html_text
    assert sess.get(nav) == [["About <b>", "about"], ["Docs", "https://example.org/?a=1&b=<x>"], ["Bad", "javascript:alert(1)"]]
    assert sess.widget(hidden).layout.display == "none"
    assert "gnb-nav-main" not in sess.widget(hidden).value


# -- Walkthrough ------------------------------------------------------------------------------
def _walkthrough():
    log = []
    with gr.Blocks() as demo:
        with Walkthrough(selected=1) as wt:
            with Step("One", id=1) as one:
                nxt = gr.Button("next")
            with Step("Two", id=2) as two:
                text = gr.Textbox("second")
                back = gr.Button("back")
            with Step("Three", id=3, interactive=False) as three:
                gr.Markdown("locked")
        nxt.click(lambda: Walkthrough(selected=2), None, wt)
        back.click(lambda: gr.update(selected=1), None, wt)
        wt.change(lambda s: log.append(("change", s)), wt, None)
        wt.select(on_select(log, "index", "value"), None, None)
        one.select(lambda: log.append("one selected"), None, None)
    return demo, wt, (one, two, three), (nxt, back, text), log


def test_walkthrough_shows_the_selected_step_and_moves_by_returned_values():
    demo, wt, (one, two, three), (nxt, back, text), log = _walkthrough()
    sess = demo.session()
    widget = sess.widget(wt)
    assert sess.get(wt) == 1
    assert list(widget.body.children) == [sess.widget(one)]
    assert [b.description.split()[-1] for b in widget.buttons] == ["One", "Two", "Three"]
    sess.click(nxt)
    assert sess.get(wt) == 2
    assert list(widget.body.children) == [sess.widget(two)]
    assert widget.buttons[0].description.startswith("✓")
    assert widget.buttons[1].button_style == "primary"
    assert sess.get(text) == "second"  # the step's content is built and live
    sess.click(back)
    assert sess.get(wt) == 1
    assert log == [("change", 2), ("change", 1)]
    assert sess.errors == []


def test_walkthrough_header_goes_back_only_and_fires_select():
    demo, wt, (one, two, three), (nxt, _back, _text), log = _walkthrough()
    sess = demo.session()
    widget = sess.widget(wt)
    widget.click(1)  # a later step: not clickable, as in Gradio
    assert sess.get(wt) == 1 and log == []
    sess.click(nxt)
    log.clear()
    assert widget.buttons[0].disabled is False and widget.buttons[2].disabled is True
    widget.buttons[0].click()
    assert sess.get(wt) == 1
    assert log == [("change", 1), (0, "One"), "one selected"]


def test_walkthrough_refuses_a_locked_or_unknown_step_and_other_updates_keep_the_step():
    demo, wt, steps, (nxt, _back, _text), _log = _walkthrough()
    with demo:
        lock = gr.Button("lock")
        unknown = gr.Button("unknown")
        hide = gr.Button("hide")
        lock.click(lambda: Walkthrough(selected=3), None, wt)
        unknown.click(lambda: gr.update(selected=99), None, wt)
        hide.click(lambda: gr.update(elem_classes=["x"]), None, wt)
    sess = demo.session()
    sess.click(nxt)
    for button in (lock, unknown, hide):
        sess.click(button)
        assert sess.get(wt) == 2
    assert sess.errors == []


def test_walkthrough_defaults_to_the_first_step_and_rejects_other_children():
    with gr.Blocks() as demo:
        with Walkthrough() as wt:
            with Step("A"):
                gr.Markdown("a")
            with Step("B"):
                gr.Markdown("b")
    assert demo.session().get(wt) == 0  # ids default to positions
    with gr.Blocks() as bad:
        with Walkthrough():
            gr.Textbox()
    with pytest.raises(ValueError, match="only gr.Step"):
        bad.session()


# -- FileExplorer -----------------------------------------------------------------------------
@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "sub" / "deep").mkdir(parents=True)
    for rel in ("a.txt", "b.py", "sub/c.txt", "sub/deep/d.txt"):
        (root / rel).write_text(rel)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    (root / "escape").symlink_to(outside)
    (root / "leak.txt").symlink_to(outside / "secret.txt")
    (root / "inner.txt").symlink_to(root / "a.txt")
    return root


def test_fileexplorer_values(tree: Path):
    got = []
    with gr.Blocks() as demo:
        many = FileExplorer(root_dir=tree, value=["a.txt", str(tree / "sub" / "c.txt")])
        one = FileExplorer("**/*.txt", root_dir=tree, file_count="single", value="sub/deep/d.txt")
        none = FileExplorer(root_dir=tree)
        out = FileExplorer(root_dir=tree)
        b = gr.Button()
        b.click(lambda m, o: got.append((m, o)) or ["b.py"], [many, one], out)
    sess = demo.session()
    assert sess.widget(many).value == [["a.txt"], ["sub", "c.txt"]]
    assert sess.get(many) == [str(tree / "a.txt"), str(tree / "sub" / "c.txt")]
    assert sess.get(one) == str(tree / "sub" / "deep" / "d.txt")
    assert sess.get(none) is None
    sess.click(b)
    assert got == [([str(tree / "a.txt"), str(tree / "sub" / "c.txt")], str(tree / "sub" / "deep" / "d.txt"))]
    assert sess.get(out) == [str(tree / "b.py")]
    sess.set(one, [])
    assert sess.get(one) is None
    sess.set(one, ["a.txt", "b.py"])
    with pytest.raises(Error, match="only one file"):
        sess.get(one)


def test_fileexplorer_listing_honours_globs_and_never_leaves_root(tree: Path):
    fe = FileExplorer("**/*.txt", root_dir=tree, ignore_glob="**/deep", render=False)
    names = [(i["name"], i["type"], i["valid"]) for i in fe.ls([])]
    assert names == [("sub", "folder", False), ("a.txt", "file", True), ("inner.txt", "file", True)]  # no escape, leak, b.py
    assert fe.ls(["sub"]) == [{"name": "c.txt", "type": "file", "valid": True}]
    assert fe.ls(["escape"]) == [] and fe.ls([".."]) == [] and fe.ls(["sub", "..", ".."]) == []
    for bad in (["..", "outside", "secret.txt"], ["escape", "secret.txt"], ["leak.txt"], ["/etc"]):
        with pytest.raises(Error, match="outside the root"):
            fe.safe_join(bad)
    for bad in ("../outside/secret.txt", "/etc/passwd", "escape/secret.txt", str(tree.parent / "outside")):
        with pytest.raises(Error, match="outside the root"):
            fe.postprocess(bad)
    assert fe.safe_join(["sub", ".", "c.txt"]) == str(tree / "sub" / "c.txt")


def test_fileexplorer_ticks_from_the_view(tree: Path):
    changes = []
    with gr.Blocks() as demo:
        fe = FileExplorer(root_dir=tree, interactive=True)
        single = FileExplorer(root_dir=tree, file_count="single", interactive=True)
        fe.input(lambda v: changes.append(v), fe, None)
    sess = demo.session()
    w = sess.widget(fe)
    tick = lambda widget, path, kind, on: view_says(widget, {"op": "check", "path": path, "type": kind, "checked": on})  # noqa: E731
    tick(w, ["a.txt"], "file", True)
    tick(w, ["sub"], "folder", True)
    assert w.value == [["a.txt"], ["sub", "deep", "d.txt"], ["sub", "c.txt"]]  # folders first, as listed
    tick(w, ["sub", "deep"], "folder", False)
    tick(w, ["..", "outside"], "folder", True)  # outside the root: ignored
    assert w.value == [["a.txt"], ["sub", "c.txt"]]
    assert changes[-1] == [str(tree / "a.txt"), str(tree / "sub" / "c.txt")]
    ws = sess.widget(single)
    tick(ws, ["a.txt"], "file", True)
    tick(ws, ["b.py"], "file", True)
    assert sess.get(single) == str(tree / "b.py")


def test_fileexplorer_answers_listings_and_select(tree: Path):
    selected = []
    with gr.Blocks() as demo:
        fe = FileExplorer(root_dir=tree)
        fe.select(on_select(selected, "value"), None, None)
    sess = demo.session()
    w = sess.widget(fe)
    sent = []
    w.send = lambda content, buffers=None: sent.append(content)
    view_says(w, {"op": "ls", "path": ["sub"]})
    assert sent == [{"op": "ls", "path": ["sub"], "items": [{"name": "deep", "type": "folder", "valid": True}, {"name": "c.txt", "type": "file", "valid": True}]}]
    view_says(w, {"op": "ls", "path": [".."]})
    assert sent[-1]["items"] == []
    view_says(w, {"event": "select", "data": {"index": [1], "value": "sub/c.txt", "selected": True}})
    assert selected == [("sub/c.txt",)]


def test_fileexplorer_bad_arguments(tree: Path):
    with pytest.raises(ValueError, match="does not exist"):
        FileExplorer(root_dir=tree / "nope")
    with pytest.raises(ValueError, match="not a directory"):
        FileExplorer(root_dir=tree / "a.txt")
    with pytest.raises(ValueError, match="file_count"):
        FileExplorer(root_dir=tree, file_count="two")
    assert os.path.isabs(FileExplorer(render=False).root_dir)


def test_file_explorer_ticks_only_what_its_tree_shows(tmp_path):
    """A page message cannot tick a file the globs hide (under Voila the page is a visitor's)."""
    from gradio_nb.components.file_explorer import FileExplorer

    (tmp_path / "sub").mkdir()
    for name in ("a.py", ".env", "sub/b.py", "notes.txt"):
        (tmp_path / name).write_text("x")
    fe = FileExplorer("**/*.py", root_dir=str(tmp_path), ignore_glob="**/.env", render=False)
    assert fe.checked([], [".env"], False, True) == []
    assert fe.checked([], ["notes.txt"], False, True) == []
    assert fe.checked([], ["a.py"], False, True) == [["a.py"]]
    assert fe.checked([], ["sub"], True, True) == [["sub", "b.py"]]


def test_file_explorer_root_reached_by_a_symlink(tmp_path):
    from gradio_nb.components.file_explorer import FileExplorer

    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "sub" / "b.py").write_text("x")
    (tmp_path / "link").symlink_to(real)
    fe = FileExplorer(root_dir=str(tmp_path / "link"), render=False)
    assert fe.postprocess(str(real / "sub" / "b.py")) == [["sub", "b.py"]]
