"""Isolation under stress: 200 sessions of one app, driven in random interleaved order.

A hypothesis ``RuleBasedStateMachine`` opens 200 sessions of an app with a counter State, a
list State, a Textbox and a few listeners, then picks a random session at every step and
clicks, types, presses Enter, clears or clicks through the front end's path. A plain-Python
model computes what every session must show; after every step every session is compared with
it, so one session seeing another's State or widget values fails at once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

import gradio_nb as gr
from figures import record_figure

N_SESSIONS = 200




def build_app():
    """Counter State, list State, a Textbox to type in, a display Textbox and a length echo."""
    freed: list[int] = []
    with gr.Blocks() as demo:
        count = gr.State(0)
        items = gr.State([], delete_callback=lambda v: freed.append(len(v)))
        text = gr.Textbox(label="Message")
        out = gr.Textbox(label="Out")
        echo = gr.Textbox(label="Length")
        inc = gr.Button("Increment")
        clear = gr.ClearButton([text, count], value="Reset")

        def increment(c):
            return c + 1, f"Count: {c + 1}"

        def add(t, current):
            current.append(t)  # in place, as the seed's examples do (S3)
            return current, "", f"{len(current)} items"

        inc.click(increment, count, [count, out])
        text.submit(add, [text, items], [items, text, out])
        text.change(lambda t: str(len(t)), text, echo)
    return demo, count, items, text, out, echo, inc, clear, freed


@dataclass
class Model:
    """What one session must hold, computed in plain Python."""

    count: int = 0
    items: list[str] = field(default_factory=list)
    text: str = ""
    out: str = ""
    echo: str = ""

    def type_text(self, value: str) -> None:
        if value != self.text:  # a change event fires only when the value changes (S21)
            self.text = value
            self.echo = str(len(value))

    def click(self) -> None:
        self.count += 1
        self.out = f"Count: {self.count}"

    def submit(self) -> None:
        self.items.append(self.text)
        self.type_text("")
        self.out = f"{len(self.items)} items"

    def reset(self) -> None:  # ClearButton: the Textbox emptied, the State back to its default
        self.type_text("")
        self.count = 0


STATS = {"machines": 0, "steps": 0, "sessions": 0, "checks": 0}

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
session_index = st.integers(min_value=0, max_value=N_SESSIONS - 1)


class IsolationMachine(RuleBasedStateMachine):
    @initialize()
    def open_sessions(self) -> None:
        (self.demo, self.count, self.items, self.text, self.out, self.echo,
         self.inc, self.clear, self.freed) = build_app()
        self.sessions = [self.demo.session() for _ in range(N_SESSIONS)]
        self.models = [Model() for _ in range(N_SESSIONS)]
        STATS["machines"] += 1
        STATS["sessions"] += N_SESSIONS

    def _step(self) -> None:
        STATS["steps"] += 1

    @rule(i=session_index)
    def click(self, i: int) -> None:
        self.sessions[i].click(self.inc)
        self.models[i].click()
        self._step()

    @rule(i=session_index)
    def click_from_the_front_end(self, i: int) -> None:
        self.sessions[i].widget(self.inc).click()  # the widget's own click path
        self.models[i].click()
        self._step()

    @rule(i=session_index, value=texts)
    def type_text(self, i: int, value: str) -> None:
        self.sessions[i].set(self.text, value)
        self.models[i].type_text(value)
        self._step()

    @rule(i=session_index, value=texts)
    def type_from_the_front_end(self, i: int, value: str) -> None:
        self.sessions[i].widget(self.text).value = value  # as a browser edit arrives
        self.models[i].type_text(value)
        self._step()

    @rule(i=session_index)
    def press_enter(self, i: int) -> None:
        self.sessions[i].submit(self.text)
        self.models[i].submit()
        self._step()

    @rule(i=session_index)
    def reset(self, i: int) -> None:
        self.sessions[i].click(self.clear)
        self.models[i].reset()
        self._step()

    @rule(i=session_index, j=session_index, value=texts)
    def burst_on_two_sessions(self, i: int, j: int, value: str) -> None:
        """Interleaved actions on two sessions in one step (possibly the same one)."""
        self.sessions[i].set(self.text, value)
        self.models[i].type_text(value)
        self.sessions[j].click(self.inc)
        self.models[j].click()
        self.sessions[i].submit(self.text)
        self.models[i].submit()
        self._step()

    @invariant()
    def every_session_matches_its_model(self) -> None:
        if not hasattr(self, "sessions"):
            return
        for i, (sess, model) in enumerate(zip(self.sessions, self.models)):
            seen = (sess.get(self.count), sess.get(self.items), sess.get(self.text), sess.get(self.out), sess.get(self.echo))
            expected = (model.count, model.items, model.text, model.out, model.echo)
            assert seen == expected, f"session {i}: {seen} != model {expected}"
            assert sess.errors == [], f"session {i}: {sess.errors}"
        STATS["checks"] += 1

    @invariant()
    def no_two_sessions_share_a_state_object(self) -> None:
        if not hasattr(self, "sessions"):
            return
        lists = [sess.get(self.items) for sess in self.sessions]
        assert len({id(x) for x in lists}) == N_SESSIONS

    def teardown(self) -> None:
        if not hasattr(self, "sessions"):
            return
        self.demo.close_all()
        assert self.demo.sessions == []
        assert len(self.freed) == N_SESSIONS  # each session's list State was freed, once
        assert sorted(self.freed) == sorted(len(m.items) for m in self.models)


def test_200_sessions_never_see_each_other():
    started = time.perf_counter()
    run_state_machine_as_test(
        IsolationMachine,
        settings=settings(
            max_examples=18,
            stateful_step_count=60,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            database=None,
            print_blob=True,
        ),
    )
    elapsed = time.perf_counter() - started
    record_figure(
        "isolation_stateful",
        f"{STATS['machines']} runs x {N_SESSIONS} sessions ({STATS['sessions']} sessions opened), "
        f"{STATS['steps']} steps, {STATS['checks']} full checks of all {N_SESSIONS} sessions, {elapsed:.1f} s",
    )
    assert STATS["steps"] > 0
