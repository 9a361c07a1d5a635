"""The anywidget models behind the components that plain ipywidgets cannot show well.

Their views are the ES modules in the project's ``js/`` folder (shipped inside the wheel as
``gradio_nb/js``); there is no JupyterLab extension to build. Each widget carries only the
small ``loader.js`` as its anywidget module; the view's code and CSS travel once per cell in
a shared :class:`ViewModule` model, which the loader imports once per page, as does the kit
(``js/kit.js``: the helpers every view gets) that each view module names.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import anywidget
import comm
import ipywidgets
import traitlets as t

from .kernel import kernel_shell
from .uploads import Uploads

W = TypeVar("W", bound=ipywidgets.Widget)

#: The largest file a view is sent (a video, a chat attachment): a larger one is named, not sent.
MAX_SHOWN_BYTES = 100 * 1024 * 1024


def _js_dir() -> Path:
    packaged = Path(__file__).parent / "js"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "js"


JS = _js_dir()


def _source(name: str) -> str:
    # Strings, not Paths: anywidget watches a Path for changes with a callback that holds
    # every widget created from it, so no closed session could ever be freed.
    return (JS / name).read_text()


def css_size(size: float | str | None, none: str = "") -> str:
    """A Gradio size (pixels as a number, or CSS text) as CSS text (``none`` when unset)."""
    if size is None:
        return none
    return f"{size}px" if isinstance(size, (int, float)) else str(size)


def fire_event(fire: Callable[..., None], data: Any) -> None:
    """Call a session's ``fire`` for an event: with its payload, if it has one."""
    if data is None:
        fire()
    else:
        fire(data)


def add_handler(widget: Any, event: str, fire: Callable[..., None]) -> None:
    """Make ``fire`` one more handler of ``event`` in ``widget.handlers``, the dict a widget
    calls with an event's data once it has applied what the page did (an upload, a clear):
    several listeners of one event share it."""
    previous = widget.handlers.get(event)

    def handle(data: Any = None) -> None:
        if previous is not None:
            previous(data)
        fire_event(fire, data)

    widget.handlers[event] = handle


def on_view_event(widget: ipywidgets.Widget, event: str, fire: Callable[..., None]) -> None:
    """Call ``fire`` for each ``{"event": event, "data": ...}`` message the view sends (with
    ``data`` when there is some: a select's index and value, a key pressed, ...).

    A view that has just set its value sends it along (``"state": {"value": ...}``): the
    front end may hold a state update back while an earlier one is unanswered, but never a
    custom message, so without it the event could run before the value it follows (a
    Radio's select seeing the previous choice, a submit the text before the last keys)."""

    def handle(_widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == event:
            state = content.get("state")
            if isinstance(state, dict):
                widget.set_state({k: v for k, v in state.items() if k in widget.keys and k != "_module"})
            fire_event(fire, content.get("data"))

    widget.on_msg(handle)


class ViewModule(ipywidgets.Widget):
    """One view's ES module and CSS, shared by every widget of that view made in this cell."""

    name = t.Unicode().tag(sync=True)
    code = t.Unicode().tag(sync=True)
    css = t.Unicode().tag(sync=True)
    #: The kit module (``js/kit.js``) the page imports before this one: it puts this module's
    #: CSS in the page and gives the view its helpers. None for the kit itself. A reference
    #: here, not in every widget, so that the kit travels once per cell.
    kit = t.Instance(f"{__name__}.ViewModule", allow_none=True).tag(sync=True, **ipywidgets.widget_serialization)


class Generation:
    """The shared models made during one cell's run, and how many open sessions use them."""

    def __init__(self) -> None:
        self.models: list[ipywidgets.Widget] = []
        self.users = 0
        self.retired = False

    def release(self) -> None:
        """A session that used these models was closed; close them if it was the last one."""
        self.users -= 1
        self._close_if_unused()

    def _close_if_unused(self) -> None:
        if self.retired and self.users <= 0:
            for model in self.models:
                model.close()
            self.models.clear()


class _Scope:
    """The shared models of one comm manager: of the kernel, or, when one process serves many
    pages (``gradio-nb serve``), of one page, whose comms no other page can reach."""

    def __init__(self) -> None:
        self.modules: dict[str, ViewModule] = {}
        self.libraries: dict[str, Library] = {}
        self.shared: dict[type, ipywidgets.Widget] = {}
        self.generation = Generation()
        self.watching = False
        #: Pages of one process may run events at once, each in its own thread.
        self.lock = threading.RLock()


_scopes: weakref.WeakKeyDictionary[Any, _Scope] = weakref.WeakKeyDictionary()
_scopes_lock = threading.Lock()
_kernel_models: weakref.WeakSet[ipywidgets.Widget] = weakref.WeakSet()  # every shared model, current or retired


def _scope() -> _Scope:
    """The scope of the comm manager new widgets open their comms with (context-dependent
    when a server such as solara gives every page a virtual kernel of its own)."""
    manager = comm.get_comm_manager()
    with _scopes_lock:
        scope = _scopes.get(manager)
        if scope is None:
            scope = _scopes[manager] = _Scope()
        return scope


def _watch_page_connections(scope: _Scope) -> None:
    """Share models within one cell's run, not across the kernel's life.

    A page that connects to a running kernel (a reload of JupyterLab) restores the kernel's
    widget models asynchronously, while the person may already be running cells again. A new
    widget that refers to a shared model made before the page connected then fails in that
    page with "widget model not found". Models made in the running cell are always sent to
    the page before the widgets that use them, so the shared models are made anew for each
    cell (IPython's ``pre_run_cell`` event). Older widgets keep theirs: a cell's models are
    closed when the last open session made in it (see :func:`hold`) is closed.
    """
    if scope.watching:
        return
    scope.watching = True
    shell = kernel_shell()
    if shell is not None:
        shell.events.register("pre_run_cell", _forget_shared)


def current_generation() -> Generation:
    """The shared models of the running cell."""
    return _scope().generation


def hold() -> Generation:
    """Count a session as a user of the shared models of the running cell; call
    :meth:`Generation.release` when it closes."""
    scope = _scope()
    with scope.lock:
        scope.generation.users += 1
        return scope.generation


def _forget_shared(*_info: object) -> None:
    scope = _scope()
    with scope.lock:
        old, scope.generation = scope.generation, Generation()
        scope.modules.clear()
        scope.libraries.clear()
        scope.shared.clear()
        old.retired = True
        old._close_if_unused()


def _register(scope: _Scope, model: W) -> W:
    """Make ``model`` one of the running cell's shared models."""
    _kernel_models.add(model)
    scope.generation.models.append(model)
    return model


#: The shared module of the helpers every view gets (``js/kit.js``).
KIT = "kit"

#: The app stylesheet (``js/app.css``) rides with the toasts' module (every app shows one),
#: before ``js/alerts.css``, after the fonts (``@font-face`` rules with data: URLs: a ``<style>``
#: has no URL to fetch files from) and the theme's ``--gnb-*`` variables (``js/theme.css``).
_CSS_BEFORE = {"alerts": ("vendor/fonts/fonts.css", "theme.css", "app.css")}


def view_module(name: str) -> ViewModule:
    """The shared module ``js/<name>.js`` (with ``js/<name>.css``), created on first use; every
    module but the kit names the kit."""
    scope = _scope()
    _watch_page_connections(scope)
    with scope.lock:
        module = scope.modules.get(name)
        if module is None or module.comm is None:
            kit = None if name == KIT else view_module(KIT)
            paths = [JS / extra for extra in _CSS_BEFORE.get(name, ())] + [JS / f"{name}.css"]
            css = "\n".join(path.read_text() for path in paths if path.exists())
            code = _source(f"{name}.js")
            module = scope.modules[name] = _register(scope, ViewModule(name=name, code=code, css=css, kit=kit))
        return module


class Library(ipywidgets.Widget):
    """A JavaScript library a view draws with (Vega, plotly.js, BokehJS, three.js), shared by
    every view of this cell that uses it. The code is a synced :class:`bytes` trait: it travels
    as one binary buffer, and it is in a notebook's saved widget state, so a page that never
    meets the kernel (a saved notebook, Voila) has it too. The page evaluates it once per
    ``key`` (see ``js/kit.js``)."""

    #: "name@version": the page evaluates a key once, whichever model brings it.
    key = t.Unicode().tag(sync=True)
    #: "module" (an ES module, imported) or "script" (a browser build that defines ``globals``).
    kind = t.Enum(("module", "script"), "module").tag(sync=True)
    #: The global names a script defines; the view gets them as one object.
    globals = t.List(t.Unicode()).tag(sync=True)
    #: Whether a script's globals stay defined on the page (BokehJS's plugins look up
    #: ``window.Bokeh``); if not, the page's previous values are put back after loading.
    keep_globals = t.Bool(False).tag(sync=True)
    code = t.Bytes(b"").tag(sync=True)


def library(
    key: str,
    code: bytes | Callable[[], bytes],
    kind: str = "module",
    globals: list[str] | tuple[str, ...] = (),
    keep_globals: bool = False,
) -> Library:
    """This cell's shared :class:`Library` for ``key``, made on first use (``code`` may be a
    function, called only then: reading a library costs megabytes)."""
    scope = _scope()
    _watch_page_connections(scope)
    with scope.lock:
        model = scope.libraries.get(key)
        if model is None or model.comm is None:
            data = code() if callable(code) else code
            model = scope.libraries[key] = _register(
                scope, Library(key=key, kind=kind, globals=list(globals), keep_globals=keep_globals, code=data)
            )
        return model


class DrawsWithLibrary(ipywidgets.Widget):
    """Mixed into a view class before its widget base: a view that draws with a
    :class:`Library`, named by its synced ``_library`` trait (None: no library; the page's
    ``library()`` gives it, see ``js/kit.js``).

    A view may get a library after its session was made (a plot shown with plotly in a later
    cell, or by an event): the generation that library belongs to is held by the view until
    it closes, so it is not closed under the view when its cell is left behind.
    """

    _library = t.Instance(Library, allow_none=True).tag(sync=True, **ipywidgets.widget_serialization)

    @t.observe("_library")
    def _hold_generation(self, change: dict[str, Any]) -> None:
        held = self.__dict__.setdefault("_held_generations", [])
        if change["new"] is not None and current_generation() not in held:
            held.append(hold())
        # Generations of libraries this view no longer draws with are let go (a plot updated
        # from many cells would otherwise keep every old cell's shared models alive).
        keep = {id(current_generation())}
        for generation in [g for g in held if id(g) not in keep and change["new"] not in g.models]:
            held.remove(generation)
            generation.release()

    def close(self) -> None:
        """Close the widget; the library models it held may be closed with their cell's."""
        super().close()
        held = self.__dict__.pop("_held_generations", [])
        for generation in held:
            generation.release()


def shared(kind: type[W]) -> W:
    """This kernel's (or served page's) one default instance of ``kind`` (``Layout``, ``ButtonStyle``, ...).

    ipywidgets gives every widget its own Layout (and Style) model: three comms per widget.
    Widgets whose layout is the default share one; a widget that needs its own (to hide it)
    gets one then (see ``Block._style_widget``).
    """
    scope = _scope()
    _watch_page_connections(scope)
    with scope.lock:
        model = scope.shared.get(kind)
        if model is None or model.comm is None:
            model = scope.shared[kind] = _register(scope, kind())
        return model  # type: ignore[return-value]


def is_shared(model: ipywidgets.Widget) -> bool:
    """Whether ``model`` belongs to the kernel, not to a session: a shared default or a
    view module. Closing a session never closes these."""
    return model in _kernel_models


class _View(anywidget.AnyWidget):
    """An anywidget whose view code comes from a shared :class:`ViewModule`."""

    _esm = _source("loader.js")
    _view_file = ""
    _module = t.Instance(ViewModule).tag(sync=True, **ipywidgets.widget_serialization)

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("_module", view_module(self._view_file))
        kwargs.setdefault("layout", shared(ipywidgets.Layout))
        super().__init__(**kwargs)


class LabelledView(_View):
    """A view under Gradio's label header: the ``label`` it shows (when ``show_label``), and
    ``pending``, on while an event that writes the component runs (the view dims or shows its
    progress). A subclass may give ``label`` or ``show_label`` another default."""

    label = t.Unicode("").tag(sync=True)
    show_label = t.Bool(True).tag(sync=True)
    pending = t.Bool(False).tag(sync=True)


def sync_label(component: Any, widget: ipywidgets.Widget) -> None:
    """Copy a component's ``label`` (its class's ``SHOWN_LABEL`` when it has none: what Gradio's
    page shows) and ``show_label`` onto its widget (a :class:`LabelledView`, or any widget with
    those two traits), as every ``sync_props`` does."""
    widget.label = component.label or getattr(component, "SHOWN_LABEL", "")
    widget.show_label = bool(component.show_label)


class _Field(LabelledView):
    """Shared traits of the labelled input fields."""

    info = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    placeholder = t.Unicode("").tag(sync=True)
    kind = t.Unicode("textbox").tag(sync=True)
    _view_file = "fields"


class TextboxWidget(_Field):
    """A labelled text field; Enter (Shift+Enter when ``lines > 1``) sends a submit message."""

    value = t.Unicode("").tag(sync=True)
    lines = t.Int(1).tag(sync=True)
    max_lines = t.Int(20).tag(sync=True)
    type = t.Unicode("text").tag(sync=True)
    #: Whether the view shows Gradio's copy button (``buttons=["copy"]``).
    copy_button = t.Bool(False).tag(sync=True)


class NumberWidget(_Field):
    """A labelled number field that can be empty (``None``); Enter sends a submit message."""

    kind = t.Unicode("number").tag(sync=True)
    value = t.Float(None, allow_none=True).tag(sync=True)
    step = t.Float(1.0).tag(sync=True)
    minimum = t.Float(None, allow_none=True).tag(sync=True)
    maximum = t.Float(None, allow_none=True).tag(sync=True)


def changed_from(old: Any, new: list[Any]) -> int | None:
    """The index from which list ``new`` differs from ``old`` (items compared by identity,
    then equality), or None when they are the same: what a view that shows ``old`` needs
    of ``new`` (Chatbot and Gallery send only that)."""
    old = old if isinstance(old, list) else []
    start = 0
    for before, after in zip(old, new):
        if before is not after and before != after:
            break
        start += 1
    return start if start < len(new) or len(new) < len(old) else None


def _splice(start: int, items: list[Any]) -> tuple[dict[str, Any], list[bytes]]:
    """A splice message for ``items``, their files' bytes moved to binary buffers."""
    buffers: list[bytes] = []
    sent = []
    for item in items:
        files = item.get("files")
        if files:
            shown = []
            for f in files:
                shown.append({k: v for k, v in f.items() if k != "data"} | {"buffer": len(buffers)})
                buffers.append(f["data"])
            item = {**item, "files": shown}
        sent.append(item)
    return {"op": "splice", "start": start, "items": sent}, buffers


class ChatbotWidget(Uploads, LabelledView):
    """Chat bubbles. Each message's role, sanitized HTML and files stay in the kernel
    (``messages``); the view receives only what changed, as ``splice`` messages (files as
    binary buffers), so a new message costs the same bytes however long the conversation is.
    Files a message shows are copies in the widget's own folder, removed when it closes."""

    _view_file = "chatbot"
    label = t.Unicode("Chatbot").tag(sync=True)
    placeholder = t.Unicode("").tag(sync=True)
    height = t.Unicode("400px").tag(sync=True)
    #: Role and HTML of each message, as shown; sent to views as differences only. Not
    #: ``t.List(t.Dict())``: checking each of 1,000 messages on every turn costs a millisecond.
    messages = t.List()
    #: The postprocessed messages; kept in the kernel, never sent.
    value = t.List()
    #: The message actions the app listens to ("like", "retry", "copy", ...): the view shows them.
    actions = t.List(t.Unicode()).tag(sync=True)
    editable = t.Unicode("").tag(sync=True)
    like_user_message = t.Bool(False).tag(sync=True)
    examples = t.List(t.Unicode()).tag(sync=True)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        #: event name -> the session's fire(data) for it (see ``Chatbot.connect``).
        self.handlers: dict[str, Any] = {}
        #: Makes an event's data from (messages, event, view message), and shows new messages:
        #: both set by the component (``Chatbot.sync_props``).
        self.event_data: Any = None
        self.apply: Any = None
        #: The ``render_markdown`` that ``messages`` were rendered with (None: not yet).
        self.rendered_markdown: bool | None = None
        self.on_msg(self._view_message)
        self.observe(self._send_difference, names="messages")

    def accepts_uploads(self) -> bool:
        """The chat takes no files from the page (MultimodalTextbox does, beside it)."""
        return False

    def _send_difference(self, change: dict[str, Any]) -> None:
        start = changed_from(change["old"], change["new"])  # unchanged messages keep their dict
        if start is not None:
            self.send(*_splice(start, change["new"][start:]))

    def _view_message(self, _widget: object, content: object, _buffers: object) -> None:
        if not isinstance(content, dict):
            return
        if content.get("op") == "sync":  # a view was just drawn
            self.send(*_splice(0, self.messages))
        elif content.get("op") == "action":
            self.act(str(content.get("event")), content)

    def act(self, event: str, message: dict[str, Any]) -> None:
        """A person used a message action: apply what the page applies (an edit, a clear),
        then fire the event with Gradio's data."""
        fire = self.handlers.get(event)
        data = self.event_data(self.value, event, message) if self.event_data is not None else None
        if event == "edit" and data is not None:
            edited = [dict(m) for m in self.value]
            edited[data["index"]]["content"] = [{"text": data["value"], "type": "text"}]
            self.apply(edited)
        elif event == "clear":
            self.apply([])
        if fire is not None and (data is not None or event == "clear"):
            fire(data)


class AlertsWidget(_View):
    """The app's toast area: errors (and infos, warnings) shown to the user."""

    _view_file = "alerts"
    alerts = t.List(t.Dict()).tag(sync=True)


def close_models(models: list[Any]) -> None:
    """Close widgets (with their own Layout and Style models) and kernel-side handles."""
    for widget in models:
        if not isinstance(widget, ipywidgets.Widget):
            close = getattr(widget, "close", None)
            if close is not None:
                close()
            continue
        for model in (getattr(widget, "layout", None), getattr(widget, "style", None), widget):
            if isinstance(model, ipywidgets.Widget) and not is_shared(model):
                model.close()
