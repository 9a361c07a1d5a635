"""The page side of ``gr.BrowserState``: a hidden widget that reads and writes localStorage."""

from __future__ import annotations

import os
import warnings
from typing import TYPE_CHECKING, Any

import ipywidgets
import traitlets as t

from .components.state import State
from .kernel import kernel_shell
from .persist import decode
from .widgets import _View

if TYPE_CHECKING:
    from .session import Session


def notebook_id() -> str:
    """The path of the notebook this kernel runs, if the front end said ("" if not: the page
    then uses its own address). JupyterLab and Notebook 7 set ``JPY_SESSION_NAME``; VS Code
    sets ``__vsc_ipynb_file__``."""
    path = os.environ.get("JPY_SESSION_NAME", "")
    if not path:
        shell = kernel_shell()
        path = str(shell.user_ns.get("__vsc_ipynb_file__", "")) if shell is not None else ""
    return path


class BrowserStorage(_View):
    """One session's link to localStorage. When a view is drawn, the page sends the kept
    value of each key (a ``restore`` message); the kernel sends each new value in ``stored``,
    which the view writes to localStorage under ``gradio_nb:<notebook>:<key>``."""

    _view_file = "browser_state"
    namespace = t.Unicode("").tag(sync=True)
    storage_keys = t.List(t.Unicode()).tag(sync=True)
    #: JSON text of each value written since the session opened, by key.
    stored = t.Dict().tag(sync=True)

    def __init__(self, session: Session) -> None:
        self._states = {
            b.local_key(session.blocks): b  # type: ignore[attr-defined]
            for b in session.blocks.iter_blocks()
            if isinstance(b, State) and b._in_browser
        }
        super().__init__(namespace=notebook_id(), storage_keys=list(self._states), layout=ipywidgets.Layout(display="none"))
        self._session: Session | None = session
        self._restored = False
        self.on_msg(self._message)

    def store(self, key: str, text: str) -> None:
        """Keep ``text`` (a value's JSON) under ``key`` in the page's localStorage."""
        self.stored = {**self.stored, key: text}

    def _message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        session = self._session
        if not isinstance(content, dict) or content.get("op") != "restore" or session is None:
            return
        if self._restored or session.closed:
            return  # a second view, or a page reload: the session already has its values
        self._restored = True
        values = content.get("values")
        for key, state in self._states.items():
            text = values.get(key) if isinstance(values, dict) else None
            if not isinstance(text, str):
                continue

            try:
                value = decode(text)
            except ValueError:  # not ours, or damaged: start from the default, as Gradio does
                warnings.warn(f"gr.BrowserState {key!r}: the kept value is not JSON; using the default.", stacklevel=2)
                continue
            session.write_state(state, value, keep=False)
        session.page_loaded()

    def close(self) -> None:
        self._session = None
        super().close()
