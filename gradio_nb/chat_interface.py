"""``gr.ChatInterface``: a chat app around one function, with its history kept per session."""

from __future__ import annotations

import copy
import inspect
import os
from collections.abc import Callable, Sequence
from typing import Any

from .blocks import Block, Blocks
from .event_data import SelectData
from .components import Button, Chatbot, ChatMessage, Markdown, State, Textbox, get_component_instance
from .components.multimodal import MultimodalTextbox
from .components.chatbot import normalize_message
from .events import Dependency, on
from .interface import _as_list
from .layouts import Accordion, Row
from .updates import update


def _icon_class(setting: str | bool | None) -> list[str]:
    """``gnb-chat-icon`` for a button given as True (Gradio draws an icon), none for a text."""
    return [] if isinstance(setting, str) else ["gnb-chat-icon"]


def _message_text(message: dict[str, Any]) -> str:
    return "".join(part.get("text", "") for part in message["content"] if isinstance(part, dict))


class ChatInterface(Blocks):
    """A chatbot around ``fn(message, history, *additional_inputs)``.

    ``history`` is the conversation so far in Gradio 6's normalised messages format; ``fn``
    returns a reply (a ``str``, a message dict, a ``ChatMessage`` or a list of them), or yields
    growing partial replies to stream them. The history lives in the Chatbot, per session.
    Drawn as Gradio 6 draws it: the chat, then the message box with a send icon inside it
    (Enter sends too; a stop icon replaces it while a streaming reply comes); retry and undo
    are icons under the last message, clear a trash icon in the chat's corner; ``examples``
    are chips in the empty chat that send their text. (``retry_btn``, ``undo_btn``,
    ``clear_btn`` and ``example_buttons`` stay as hidden buttons that do the same.)
    ``additional_inputs`` appear in an accordion and are passed after the history;
    ``additional_outputs`` receive the extra values ``fn`` returns after its reply.
    With ``multimodal=True`` the textbox is a ``gr.MultimodalTextbox`` and ``fn`` receives
    ``{"text": ..., "files": [paths]}``; the chat shows the text and the files' names (the
    Chatbot shows text only). ``editable``, caching, flagging, saving history and the API
    options are accepted and ignored.
    """

    def __init__(
        self,
        fn: Callable[..., Any],
        *,
        multimodal: bool = False,
        chatbot: Chatbot | None = None,
        textbox: Textbox | None = None,
        additional_inputs: str | Block | Sequence[str | Block] | None = None,
        additional_inputs_accordion: str | Accordion | None = None,
        additional_outputs: Block | Sequence[Block] | None = None,
        editable: bool = False,
        examples: list[Any] | None = None,
        examples_label: str | None = "Examples",
        example_labels: list[str] | None = None,
        example_icons: list[str] | None = None,
        run_examples_on_click: bool = True,
        cache_examples: bool | None = None,
        cache_mode: Any = None,
        title: str | None = None,
        description: str | None = None,
        flagging_mode: Any = None,
        flagging_options: Any = ("Like", "Dislike"),
        flagging_dir: str = ".gradio/flagged",
        analytics_enabled: bool | None = None,
        autofocus: bool = True,
        autoscroll: bool = True,
        submit_btn: str | bool | None = True,
        stop_btn: str | bool | None = True,
        concurrency_limit: Any = "default",
        delete_cache: Any = None,
        show_progress: str = "minimal",
        fill_height: bool = True,
        fill_width: bool = False,
        api_name: str | None = None,
        api_description: Any = None,
        api_visibility: str = "public",
        save_history: bool = False,
        validator: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(title=title or "Gradio", analytics_enabled=analytics_enabled, **kwargs)
        self.fn = fn
        self.multimodal = multimodal
        self.is_generator = inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)
        self.additional_inputs = [get_component_instance(c, unrender=True) for c in _as_list(additional_inputs)]
        self.additional_outputs: list[Block] = _as_list(additional_outputs)
        self.examples = [e if isinstance(e, (list, tuple)) else [e] for e in (examples or [])]
        self.show_progress = show_progress
        with self:
            if title:
                Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")  # as Gradio's
            if description:
                Markdown(description)
            # A chatbot or textbox made outside (in the enclosing app) moves here, as in Gradio.
            self.chatbot = (chatbot.unrender() if chatbot else Chatbot(label="Chatbot", height=400)).render()
            if self.examples:  # drawn by the chatbot while it is empty, as Gradio 6 draws them
                self.chatbot.examples = [{"text": label} for label in self._example_labels(example_labels)]
            # Gradio 6: the send (and, while a reply streams, stop) icon inside the message box.
            with Row(elem_classes=["gnb-chat-input"]):
                if textbox is None:
                    kind = MultimodalTextbox if multimodal else Textbox
                    extra = {"submit_btn": False} if multimodal else {}
                    textbox = kind(show_label=False, label="Message", placeholder="Type a message...", render=False, **extra)
                self.textbox = textbox.unrender().render()
                self.submit_btn = Button(
                    submit_btn if isinstance(submit_btn, str) else "Submit", variant="secondary",
                    visible=submit_btn is not False and submit_btn is not None,
                    elem_classes=["gnb-chat-send", *_icon_class(submit_btn)],
                )
                self.stop_btn = Button(
                    stop_btn if isinstance(stop_btn, str) else "Stop", variant="secondary",
                    visible=bool(stop_btn) and self.is_generator, elem_classes=["gnb-chat-stop", *_icon_class(stop_btn)],
                )
            # Retry, undo, clear and the examples are the chatbot's icons and chips; these hidden
            # buttons keep gradio_nb's earlier attributes (``sess.click(chat.retry_btn)``) working.
            with Row(visible=False):
                self.retry_btn = Button("Retry")
                self.undo_btn = Button("Undo")
                self.clear_btn = Button("Clear")
                self.example_buttons = [Button(str(e[0]), size="sm") for e in self.examples]
            if self.additional_inputs:
                label = additional_inputs_accordion if isinstance(additional_inputs_accordion, str) else "Additional Inputs"
                with Accordion(label, open=False):
                    for component in self.additional_inputs:
                        if component.parent is None:
                            component.render()
            self.saved_input = State()
            self.history = State([])
            #: Gradio's names: the history State, and a State whose changes set the chat
            #: (``radio.change(prefill, radio, chat.chatbot_value)``).
            self.chatbot_state = self.history
            self.chatbot_value = State(copy.deepcopy(self.chatbot.value) or [])
            self._setup_events()

    # -- events --------------------------------------------------------------------------------
    def _setup_events(self) -> None:
        sent = on(
            [self.textbox.submit, self.submit_btn.click],
            self._clear_and_save,
            [self.textbox, self.chatbot],
            [self.textbox, self.saved_input, self.history],
        )
        turns = [self._reply_chain(sent)]
        retried = on(
            [self.chatbot.retry, self.retry_btn.click], self._retry, [self.chatbot, self.saved_input], [self.history, self.saved_input]
        )
        turns.append(self._reply_chain(retried))
        # An example's extra values fill the additional inputs, as many as the longest has.
        filled = self.additional_inputs[: max((len(e) for e in self.examples), default=1) - 1]
        for button, example in zip(self.example_buttons, self.examples):
            chosen = button.click(lambda history, example=example: self._example(example, history, len(filled)), [self.chatbot], [self.saved_input, self.history, *filled])
            turns.append(self._reply_chain(chosen))
        if self.examples:

            def pick(history: list[dict[str, Any]], evt: SelectData) -> tuple[Any, ...]:
                return self._example(self.examples[evt.index], history, len(filled))

            turns.append(self._reply_chain(self.chatbot.example_select(pick, [self.chatbot], [self.saved_input, self.history, *filled])))
        self.stop_btn.click(None, None, None, cancels=turns)
        on([self.chatbot.undo, self.undo_btn.click], self._undo, [self.chatbot], [self.chatbot, self.history, self.textbox])
        on([self.chatbot.clear, self.clear_btn.click], lambda: ([], [], None), None, [self.chatbot, self.history, self.saved_input])
        self.chatbot_value.change(lambda value: value, [self.chatbot_value], [self.chatbot]).then(
            lambda value: value, [self.chatbot], [self.history]
        )

    def _example_labels(self, labels: list[str] | None) -> list[str]:
        """The text each example's chip shows: its label, else its message's text."""
        if labels:
            return [str(label) for label in labels]
        return [str(e[0].get("text", "")) if isinstance(e[0], dict) else str(e[0]) for e in self.examples]

    @staticmethod
    def _example(example: list[Any], history: list[dict[str, Any]], filled: int) -> tuple[Any, ...]:
        """What choosing ``example`` sends: its message, the history, its extra values (an
        example shorter than the longest leaves the remaining inputs as they are)."""
        extra = [*example[1:], *[update()] * filled][:filled]
        return (example[0], history, *extra)

    def _reply_chain(self, start: Dependency) -> Dependency:
        """After ``start`` saved the message: show it, call ``fn``, then free the textbox."""
        reply = start.then(self._with_user_message, [self.saved_input, self.history], [self.chatbot]).then(
            self._reply_fn(),
            [self.saved_input, self.history, *self.additional_inputs],
            [self.chatbot, *self.additional_outputs],
            show_progress=self.show_progress,
        )
        for chained in (reply.then, reply.failure):
            chained(lambda: update(interactive=True), None, [self.textbox])
        return reply

    def _clear_and_save(self, message: str, history: list[dict[str, Any]]) -> tuple[Any, str, list[dict[str, Any]]]:
        return update(value=None if self.multimodal else "", interactive=False), message, history

    def _with_user_message(self, message: str | dict[str, Any], history: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [*history, self._user_message(message)]

    @staticmethod
    def _user_message(message: str | dict[str, Any]) -> dict[str, Any]:
        """The chat message of what the person sent (a multimodal one: text, then file names)."""
        if isinstance(message, dict):
            names = [os.path.basename(str(f.get("path", f) if isinstance(f, dict) else f)) for f in message.get("files") or []]
            text = "\n\n".join(part for part in (message.get("text") or "", ", ".join(names)) if part)
            return {"role": "user", "content": text}
        return {"role": "user", "content": message}

    def _pop_last_turn(self, history: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], str]:
        """The history without its last user turn (and the replies to it), and that turn's text."""
        i = len(history) - 1
        while i >= 0 and history[i]["role"] != "user":
            i -= 1
        while i >= 0 and history[i]["role"] == "user":
            i -= 1
        last = history[i + 1 :]
        text = "".join(_message_text(m) for m in last if m["role"] == "user")
        return history[: i + 1], {"text": text, "files": []} if self.multimodal else text

    def _retry(self, history: list[dict[str, Any]], sent: Any) -> tuple[list[dict[str, Any]], Any]:
        """The history without its last turn, and that turn to send again: a multimodal
        message as it was sent (its files too), since the chat shows only its text."""
        kept, text = self._pop_last_turn(history)
        return kept, sent if self.multimodal and isinstance(sent, dict) else text

    def _undo(self, history: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
        kept, text = self._pop_last_turn(history)
        return kept, kept, text

    def _reply_fn(self) -> Callable[..., Any]:
        """The listener that calls ``fn`` and turns its reply (or each yield) into outputs."""
        fn, outputs = self.fn, self._outputs
        if inspect.isasyncgenfunction(fn):

            async def stream_async(message: str, history: list[Any], *args: Any) -> Any:
                async for response in fn(message, list(history), *args):
                    yield outputs(message, history, response)

            return stream_async
        if inspect.isgeneratorfunction(fn):

            def stream(message: str, history: list[Any], *args: Any) -> Any:
                for response in fn(message, list(history), *args):
                    yield outputs(message, history, response)

            return stream
        if inspect.iscoroutinefunction(fn):

            async def submit_async(message: str, history: list[Any], *args: Any) -> Any:
                return outputs(message, history, await fn(message, list(history), *args))

            return submit_async

        def submit(message: str, history: list[Any], *args: Any) -> Any:
            return outputs(message, history, fn(message, list(history), *args))

        return submit

    def _outputs(self, message: str, history: list[Any], response: Any) -> Any:
        extra: list[Any] = []
        if self.additional_outputs:
            response, *extra = response
        turn = [*history, self._user_message(message), *self._as_messages(response)]
        return [turn, *extra] if self.additional_outputs else turn

    @staticmethod
    def _as_messages(response: Any) -> list[dict[str, Any]]:
        if response is None:
            return []
        items = response if isinstance(response, list) else [response]
        messages = []
        for item in items:
            if isinstance(item, ChatMessage):
                messages.append({**normalize_message(item), "role": "assistant"})
            elif isinstance(item, dict) and "content" in item:
                messages.append({**item, "role": "assistant"})
            else:
                messages.append({"role": "assistant", "content": str(item)})
        return messages
