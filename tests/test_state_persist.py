"""gr.State(persist=...): kept in SQLite across kernel restarts, JSON only, all-or-nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import gradio_nb as gr
from gradio_nb.persist import PersistError, store_for


def counter_app(path: Path, name: str = "count"):
    with gr.Blocks() as demo:
        count = gr.State(0, persist=name, persist_path=path)
        shown = gr.Textbox(label="Shown")
        add = gr.Button("Add")
        add.click(lambda c: (c + 1, f"count {c + 1}"), count, [count, shown])
        clear = gr.ClearButton([count])
    return demo, count, shown, add, clear


def test_a_new_app_starts_from_the_value_saved_last(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    demo, count, _shown, add, _clear = counter_app(path)
    sess = demo.session()
    sess.click(add)
    sess.click(add)
    assert store_for(path).load("count") == (True, 2)
    # As after a kernel restart: a new declaration, a new session.
    demo2, count2, *_ = counter_app(path)
    assert demo2.session().get(count2) == 2


def test_the_value_survives_a_real_new_process(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    script = textwrap.dedent(f"""
        import gradio_nb as gr
        with gr.Blocks() as demo:
            notes = gr.State([], persist="notes", persist_path={str(path)!r})
            btn = gr.Button()
            btn.click(lambda ns: ns + [{{"text": "from the first kernel"}}], notes, notes)
        demo.session().click(btn)
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120, stdin=subprocess.DEVNULL)
    with gr.Blocks() as demo:
        notes = gr.State([], persist="notes", persist_path=path)
    assert demo.session().get(notes) == [{"text": "from the first kernel"}]


def test_sess_set_and_clear_button_save_too(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    demo, count, _shown, add, clear = counter_app(path)
    sess = demo.session()
    sess.set(count, 41)
    assert store_for(path).load("count") == (True, 41)
    sess.click(add)
    assert store_for(path).load("count") == (True, 42)
    sess.click(clear)  # back to the declared default, saved as such
    assert sess.get(count) == 0
    assert store_for(path).load("count") == (True, 0)


def test_a_non_json_value_is_an_error_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with gr.Blocks() as demo:
        tags = gr.State(["a"], persist="tags", persist_path=path)
        shown = gr.Textbox("before", label="Shown")
        btn = gr.Button()
        btn.click(lambda t: ("after", {"b", "c"}), tags, [shown, tags])
    sess = demo.session()
    sess.click(btn)
    assert sess.get(shown) == "before" and sess.get(tags) == ["a"]
    assert "gr.State(persist='tags') cannot be saved" in sess.errors[-1].message
    assert "set" in sess.errors[-1].message
    assert store_for(path).load("tags") == (False, None)
    assert sess.history[-1].status == "error" and sess.history[-1].changes == ()


def test_sess_set_of_a_non_json_value_raises_and_keeps_the_old_one(tmp_path: Path) -> None:
    demo, count, *_ = counter_app(tmp_path / "state.sqlite")
    sess = demo.session()
    with pytest.raises(PersistError, match=r"gr.State\(persist='count'\).*tuple"):
        sess.set(count, (1, 2))
    assert sess.get(count) == 0


def test_a_non_json_default_fails_at_construction(tmp_path: Path) -> None:
    with pytest.raises(PersistError, match="frozenset"):
        gr.State(frozenset({1}), persist="x", persist_path=tmp_path / "s.sqlite")
    with pytest.raises(ValueError, match="non-empty name"):
        gr.State(0, persist="")


def test_a_failing_save_writes_nothing_anywhere(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "state.sqlite"
    with gr.Blocks() as demo:
        shown = gr.Textbox("before", label="Shown")
        count = gr.State(0, persist="count", persist_path=missing)
        btn = gr.Button()
        btn.click(lambda c: ("after", c + 1), count, [shown, count])  # the textbox comes first
    sess = demo.session()
    sess.click(btn)
    assert sess.get(shown) == "before" and sess.get(count) == 0
    assert sess.errors[-1].type == "FileNotFoundError"


def test_time_to_live_forgets_the_saved_value_too(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with gr.Blocks() as demo:
        token = gr.State("none", persist="token", persist_path=path, time_to_live=60)
        btn = gr.Button()
        btn.click(lambda: "secret", None, token)
    sess = demo.session()
    sess.click(btn)
    assert store_for(path).load("token") == (True, "secret")
    sess.expire_states(time.monotonic() + 61)
    assert store_for(path).load("token") == (False, None)
    assert sess.get(token) == "none"
    assert demo.session().get(token) == "none"


def test_the_default_file_is_next_to_the_notebook_and_home_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert gr.State(0, persist="a").persist_path == tmp_path / "gradio_nb_state.sqlite"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert gr.State(0, persist="a", persist_path="~/kept.sqlite").persist_path == tmp_path / "home" / "kept.sqlite"


def test_the_inspector_does_not_load_an_untouched_persisted_state(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    store_for(path).save("late", "5")
    with gr.Blocks() as demo:
        late = gr.State(0, persist="late", persist_path=path)
        gr.Button()
    sess = demo.session()
    row = sess.inspector().states[0]
    assert (row["name"], row["kind"], row["value"]) == ("late", "persisted", "(the saved value, not loaded yet)")
    assert sess.get(late) == 5  # a read is no event: the panel shows it at its next refresh
    sess.inspector().refresh()
    assert sess.inspector().states[0]["value"] == "5"


def test_a_callable_default_runs_only_when_nothing_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    calls = []

    def fresh() -> list[int]:
        calls.append(1)
        return [len(calls)]

    with gr.Blocks() as demo:
        items = gr.State(fresh, persist="items", persist_path=path)
    assert demo.session().get(items) == [2]  # once at declaration, once for the session (S4)
    store_for(path).save("items", "[7]")
    assert demo.session().get(items) == [7]
