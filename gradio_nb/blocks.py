"""``Blocks``: the declaration of an app (components, layout, events), and its building blocks.

A ``Blocks`` creates no widgets. Every display (``demo.launch()``, ``demo`` as a cell's last
expression) or ``demo.session()`` opens a :class:`~gradio_nb.session.Session` that builds its
own widgets and State values from this declaration.
"""

from __future__ import annotations

import copy
import itertools
import sys
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

import ipywidgets

from . import context
from .exceptions import DuplicateBlockError
from .inspection import variable_names
from .launch_options import PARAMETERS, LaunchOptions
from .styling import id_class
from .unavailable import SERVER_INTERNAL, module_getattr
from .uploads import FileSize, parse_file_size  # noqa: F401 - FileSize is gr.FileSize
from .widgets import is_shared

if TYPE_CHECKING:
    from .components.base import Component
    from .events import Dependency
    from .session import Session

_ids = itertools.count()
#: Every app declared in this kernel (weakly: a deleted app is forgotten), for ``gr.close_all``.
_apps: weakref.WeakSet[Blocks] = weakref.WeakSet()

W = TypeVar("W")


class BuildContext(Protocol):
    """What a block needs from the session it is built in (its widget tree): a block's
    ``_build_widget`` and ``_child_widgets`` receive one. A session's
    :class:`~gradio_nb.widget_tree.WidgetTree` is one; blocks never see the session itself."""

    @property
    def applying(self) -> bool:
        """Whether an event's outputs are being written now (a widget change is not a person's)."""
        ...

    def build(self, block: Block) -> ipywidgets.Widget | None:
        """The widget of ``block`` (a child) in this session, built once."""
        ...

    def own(self, widget: W) -> W:
        """Keep ``widget`` (one a block built besides its own) to be closed with the session."""
        ...

    def fire(self, block: Block, event: str, data: Any = None) -> None:
        """Fire ``event`` on ``block`` in this session (a person's action on its widget)."""
        ...

    def is_interactive(self, component: Component) -> bool:
        """Whether a person can edit ``component`` in this session."""
        ...

    def rendered_box(self, renderable: Block) -> ipywidgets.Widget:
        """The box showing the last run of a ``@gr.render`` function in this session."""
        ...


def interactivity(blocks: Blocks) -> dict[int, bool]:
    """Which components a person can edit: Gradio's front-end rule for ``interactive=None``.

    An input of any event is interactive; an output that is no input is not; a component no
    event uses is interactive only if it has no default value (``gr.Textbox("hi")`` alone is
    static text, an empty ``gr.Textbox()`` is a field to type in).
    """
    inputs: set[int] = set()
    outputs: set[int] = set()
    for dep in blocks.dependencies:
        inputs.update(b._id for b in dep.inputs)
        inputs.update(b._id for b in dep.inputs_kwargs.values())
        outputs.update(b._id for b in dep.outputs)
    result = {}
    for block in blocks.blocks.values():
        explicit = getattr(block, "interactive", None)
        if explicit is not None:
            result[block._id] = bool(explicit)
        elif block._id in inputs:
            result[block._id] = True
        else:
            value = getattr(block, "value", None)
            result[block._id] = block._id not in outputs and not value
    return result


def close_all(verbose: bool = True) -> None:
    """Close every open session of every app in this kernel (Gradio: close every server)."""
    for app in list(_apps):
        app.close_all()


class Block:
    """Anything that can be placed in a ``Blocks``: a component or a layout."""

    #: Gradio's event names for this class (listener methods of the same names).
    EVENTS: ClassVar[tuple[str, ...]] = ()
    #: Props that ``gr.update(...)`` (or a returned instance) may change, besides ``visible``.
    UPDATABLE: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
    ) -> None:
        self._id: int = next(_ids)
        self.visible = visible
        self.elem_id = elem_id
        self.elem_classes = [elem_classes] if isinstance(elem_classes, str) else list(elem_classes or [])
        self.key = key
        self.parent: BlockContext | None = None
        self.root: Blocks | None = None
        if render:
            self.render()

    def __new__(cls, *args: Any, **kwargs: Any) -> Block:
        made = super().__new__(cls)
        # Which constructor arguments were given (names only: the values may be large): a
        # component returned from a function updates exactly these props
        # (``gr.Accordion(open=True)`` opens it, default or not).
        made._given = (len(args), tuple(kwargs))
        return made

    def given_props(self) -> set[str]:
        """The names of the constructor arguments this block was given."""
        import inspect

        count, names = getattr(self, "_given", (0, ()))
        params = [p for p in inspect.signature(type(self).__init__).parameters.values() if p.name != "self"]
        positional = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        return {*positional[:count], *names}

    def log_label(self) -> str:
        """How the event log and messages name this block as a trigger: its class and its
        label (or its text value), as ``Textbox 'Name'``."""
        label = getattr(self, "label", None) or getattr(self, "value", None)
        name = type(self).__name__
        return f"{name} {label!r}" if isinstance(label, str) and label else name

    def get_block_name(self) -> str:
        """The lower-case class name, as Gradio names blocks in messages (``"textbox"``)."""
        return type(self).__name__.lower()

    def get_expected_parent(self) -> type[BlockContext] | None:
        """The layout this block is wrapped in when its parent is not one (as Gradio: a form
        field's is ``Form``, so that consecutive fields are drawn as one bordered block)."""
        return None

    def breaks_grouping(self) -> bool:
        """Whether this block ends a run of blocks grouped in one expected parent (False for
        blocks that show nothing, such as ``State``, as in Gradio)."""
        return True

    def render(self) -> Block:
        """Place this block in the open layout of the open ``Blocks`` (a no-op outside one)."""
        root = context.root_block.get()
        parent = context.parent_block.get()
        if root is None or parent is None:
            return self
        if self.root is not None and self.root is not root:
            raise DuplicateBlockError(
                f"{self!r} already belongs to another Blocks: a component can be placed in one "
                "Blocks only. Create a new component instead."
            )
        if self.parent is not None:
            return self
        parent.children.append(self)
        self.parent = parent
        root._register(self)
        return self

    def unrender(self) -> Block:
        """Take this block out of its layout and its app (it keeps its events), so that it can
        be placed again: as Gradio does for the components given to an ``Interface``."""
        if self.parent is not None:
            self.parent.children.remove(self)
            self.parent = None
        if self.root is not None and self.root is not self:
            self.root.blocks.pop(self._id, None)
            self.root._state_class = None
            self.root = None
        return self

    def _build_widget(self, context: BuildContext) -> ipywidgets.Widget | None:
        """This block's widget in a session (``None`` for blocks that show nothing)."""
        raise NotImplementedError

    def with_props(self, props: dict[str, Any]) -> Block:
        """A copy with ``props`` changed, as a ``gr.update(**props)`` makes for one session
        (a layout: ``visible``, its CSS and its ``UPDATABLE`` props)."""
        allowed = {"visible", "elem_classes", "elem_id", *self.UPDATABLE}
        unknown = sorted(set(props) - allowed)
        if unknown:
            raise ValueError(
                f"gr.update() for {type(self).__name__}: cannot update {', '.join(unknown)}; "
                f"it accepts {', '.join(sorted(allowed))}."
            )
        clone = copy.copy(self)
        for name, value in props.items():
            setattr(clone, name, value)
        return clone

    def _update_widget(self, widget: ipywidgets.DOMWidget) -> None:
        """Show this block's properties on its widget after an update (layouts override it)."""
        self._style_widget(widget)

    def _row_size(self) -> dict[str, str] | None:
        """The ``flex`` and ``min_width`` of this block's widget beside its neighbours in a row,
        when they are not the stylesheet's (components size themselves: ``scale``, ``min_width``)."""
        return None

    def _style_widget(self, widget: ipywidgets.DOMWidget) -> None:
        """Apply the properties every block shares (visibility, size in a row, CSS classes)."""
        size = self._row_size() or {}
        if any(getattr(widget.layout, name) != value for name, value in size.items()):
            layout = _own_layout(widget)
            layout.flex, layout.min_width = size["flex"], size["min_width"]
        if not self.visible and widget.layout.display != "none":
            _own_layout(widget).display = "none"
        elif self.visible and widget.layout.display == "none":
            widget.layout.display = None
        for cls in self.elem_classes:
            widget.add_class(cls)
        if self.elem_id:
            widget.add_class(id_class(self.elem_id))  # ipywidgets have no DOM id (see styling)


def _own_layout(widget: ipywidgets.DOMWidget) -> ipywidgets.Layout:
    """The widget's Layout, made its own first if it is the shared default (which every widget
    of the kind draws with, so never changed for one)."""
    if is_shared(widget.layout):
        widget.layout = ipywidgets.Layout()
    return widget.layout


class BlockContext(Block):
    """A layout block: used as ``with gr.Row(): ...``, it holds the blocks created inside."""

    def lays_out_across(self) -> bool:
        """Whether this layout puts its children side by side (a ``Row``), where each child's
        ``scale`` and ``min_width`` share out the width."""
        return False

    def __init__(self, **kwargs: Any) -> None:
        self.children: list[Block] = []
        self._tokens: list[Any] = []
        super().__init__(**kwargs)

    def __enter__(self) -> BlockContext:
        if context.root_block.get() is None:
            raise AttributeError(
                f"Cannot use {type(self).__name__} outside of a gradio.Blocks context."
            )
        self._tokens.append(context.parent_block.set(self))
        return self

    def __exit__(self, exc_type: type[BaseException] | None = None, *exc: object) -> None:
        context.parent_block.reset(self._tokens.pop())
        if exc_type is None:
            self.fill_expected_parents()

    #: Whether consecutive children are wrapped in their expected parent (off for a
    #: ``variant="compact"`` Row or Column, as in Gradio).
    allow_expected_parents: bool = True

    def fill_expected_parents(self) -> None:
        """Wrap each run of consecutive children that expect a parent this layout is not (form
        fields: a ``Form``) in one such parent, as Gradio does when a layout's block closes.
        A wrapper of keyed children is keyed ``(key, "_parent")``, so that it too is kept
        across ``@gr.render`` runs."""
        if not self.allow_expected_parents:
            return
        children: list[Block] = []
        wrapper: BlockContext | None = None
        for child in self.children:
            expected = child.get_expected_parent()
            if expected is None or isinstance(self, expected):
                if child.breaks_grouping():
                    wrapper = None
                children.append(child)
                continue
            if not isinstance(wrapper, expected):
                key = None
                if child.key is not None:
                    key = (*child.key, "_parent") if isinstance(child.key, tuple) else (child.key, "_parent")
                wrapper = expected(render=False, key=key)
                wrapper.parent = self
                root = context.root_block.get()
                if root is not None:
                    root._register(wrapper)
                children.append(wrapper)
            wrapper.add_child(child)
        self.children = children

    def add_child(self, child: Block) -> None:
        """Place ``child`` last in this layout (used to fill an expected parent)."""
        child.parent = self
        self.children.append(child)

    def _child_widgets(self, context: BuildContext) -> list[ipywidgets.Widget]:
        """The children's widgets; consecutive ``Tab``s outside a ``Tabs`` share one tab bar."""
        # Deferred: a cycle, the layouts are Blocks and import this module.
        from .layouts import Tab, Tabs, tab_widget

        built: list[ipywidgets.Widget | None] = []
        run: list[Tab] = []
        for child in self.children:
            if isinstance(child, Tab) and not isinstance(self, Tabs):
                run.append(child)
                continue
            if run:
                built.append(tab_widget(run, context))
                run = []
            built.append(context.build(child))
        if run:
            built.append(tab_widget(run, context))
        return [w for w in built if w is not None]


    def _refill_widget(self, widget: ipywidgets.Widget, context: BuildContext, previous: BlockContext) -> bool:
        """Show this layout's children in ``widget``, which ``previous`` (a layout of the same
        class made by the previous run of a ``@gr.render`` function) was built as, so that the
        page keeps it; False if this layout cannot (then a new widget is built)."""
        return False


class Blocks(BlockContext):
    """An app: ``with gr.Blocks() as demo:`` declares its components, layout and events.

    ``title`` is shown above the app. ``theme`` (a ``gr.themes`` theme, or a built-in theme's
    name such as ``"soft"``), ``css`` and ``css_paths`` style this app only, every display of
    it (see :mod:`gradio_nb.styling`). ``fill_width`` lets a served page's app span the window
    (:mod:`gradio_nb.page_frame`). ``js``, ``head``, ``head_paths``, ``analytics_enabled``,
    ``mode``, ``fill_height`` and ``delete_cache`` are accepted for Gradio compatibility and
    ignored: a notebook app has no page of its own and no server cache.
    """

    #: The runtime's :class:`~gradio_nb.session.Session` and the front end's ``launch``
    #: (:func:`gradio_nb.display.launch`): set by those modules when they load (the package
    #: loads both), so that the declaration never imports the layers above it.
    session_class: ClassVar[type[Session]]
    launcher: ClassVar[Callable[..., Any]]

    def __init__(
        self,
        theme: Any = None,
        analytics_enabled: bool | None = None,
        mode: str = "blocks",
        title: str = "Gradio",
        css: str | None = None,
        css_paths: Any = None,
        js: str | None = None,
        head: str | None = None,
        head_paths: Any = None,
        fill_height: bool = False,
        fill_width: bool = False,
        delete_cache: tuple[int, int] | None = None,
        **kwargs: Any,
    ) -> None:
        self.title = title
        self.mode = mode
        self.theme = theme
        self.css = css
        self.css_paths = css_paths
        self.fill_width = fill_width
        self.blocks: dict[int, Block] = {}
        self.dependencies: list[Dependency] = []
        self._listeners: dict[tuple[int, str], list[Dependency]] = defaultdict(list)
        self._root_tokens: list[Any] = []
        self._state_class: type | None = None
        self._open_sessions: list[Session] = []
        #: Variable names of blocks where the app was declared (for the State inspector).
        self._var_names: dict[int, str] = {}
        self._page: Block | None = None  # the page (see route) that `with self:` fills
        self._shown_names: dict[int, str] = {}
        #: Upload and file-serving limits, as ``launch()`` sets them (Gradio's names).
        self.max_file_size: int | None = None
        self.allowed_paths: list[str] = []
        self.blocked_paths: list[str] = []
        super().__init__(render=False, **kwargs)
        self.root = self
        _apps.add(self)
        if context.root_block.get() is not None:
            self.render()

    # -- declaration -----------------------------------------------------------------------
    def __enter__(self) -> Blocks:
        self._root_tokens.append(context.root_block.set(self))
        self._tokens.append(context.parent_block.set(self._page or self))
        return self

    def route(self, name: str, path: str | None = None, show_in_navbar: bool = True) -> Blocks:
        """Add a page: ``with demo.route("Settings"):`` declares what it shows.

        A notebook app has no URLs, so its pages are tabs: the first call puts what was
        declared so far in a tab (named "Home"), and each page is a tab after it. ``path`` and
        ``show_in_navbar`` are accepted and ignored.
        """
        # Deferred: a cycle, the layouts are Blocks and import this module.
        from .layouts import Tab

        if context.root_block.get() is not None:
            raise ValueError(
                "You cannot create a route while inside a Blocks() context. Call route() outside "
                "the Blocks() context (unindent this line)."
            )
        with self:
            token = context.parent_block.set(self)  # pages are tabs of the app, not of a page
            try:
                if self._page is None:
                    home = Tab("Home", render=False)
                    home.children, self.children = self.children, []
                    for child in home.children:
                        child.parent = home
                    home.render()
                self._page = Tab(name).render()
            finally:
                context.parent_block.reset(token)
        return self

    def __exit__(self, exc_type: type[BaseException] | None = None, *exc: object) -> None:
        if exc_type is None:
            for layout in (self, self._page):
                if layout is not None:
                    layout.fill_expected_parents()
        context.parent_block.reset(self._tokens.pop())
        context.root_block.reset(self._root_tokens.pop())
        self._state_class = None  # the declaration may have grown: rebuild on next session
        # The declaring frame's variables name the blocks in the inspector (``cart``, not
        # ``State 1``); read once here, where they are in scope, never held afterwards.
        self._var_names.update(variable_names(sys._getframe(1).f_locals, self.blocks))
        outer = context.root_block.get()
        if outer is not None and self.parent is not None:
            outer._merge(self)

    def render(self) -> Blocks:
        """Place this app, with its events, inside the open ``Blocks`` (as Gradio does)."""
        outer = context.root_block.get()
        parent = context.parent_block.get()
        if outer is None or outer is self or parent is None:
            return self
        if self.parent is not None:
            if outer._contains(self):
                return self
            raise DuplicateBlockError(
                f"{self!r} is already rendered in another app: an app can be rendered in one "
                "Blocks only. Build it again (e.g. in a function) to use it twice."
            )
        parent.children.append(self)
        self.parent = parent
        outer._merge(self)
        return self

    def _build_widget(self, context: BuildContext) -> ipywidgets.Widget:
        """An app rendered inside another app is a column of its blocks (spaced as a column:
        a ChatInterface in a Tab keeps the gap between its chat and its message box)."""
        box = ipywidgets.VBox(self._child_widgets(context))
        box.add_class("gnb-column")
        self._style_widget(box)
        return box

    def _merge(self, inner: Blocks) -> None:
        self._var_names.update({k: v for k, v in inner._var_names.items() if k not in self._var_names})
        for block in inner.blocks.values():
            self._register(block)
        for dep in inner.dependencies:
            if dep not in self.dependencies:
                self._add_dependency(dep)
        self._state_class = None

    def _register(self, block: Block) -> None:
        if block is self:
            return
        if block.root is not None and block.root is not self and not self._contains(block.root):
            raise DuplicateBlockError(
                f"{block!r} already belongs to another Blocks: a component can be placed in "
                "one Blocks only. Create a new component instead."
            )
        if block.root is None:
            block.root = self
        self.blocks[block._id] = block
        self._state_class = None

    def _contains(self, other: Blocks) -> bool:
        parent = other.parent
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parent
        return False

    def _add_dependency(self, dep: Dependency) -> None:
        self.dependencies.append(dep)
        for block, event in dep.triggers:
            self._listeners[(block._id, event)].append(dep)

    def iter_blocks(self) -> Iterator[Block]:
        """Every block declared in this app, in creation order."""
        return iter(sorted(self.blocks.values(), key=lambda b: b._id))

    def load(self, *args: Any, **kwargs: Any) -> Dependency:
        """Run ``fn`` when a session opens (each display and each ``demo.session()``).

        Takes the same arguments as ``Button.click`` (without ``fn``, it is a decorator); it
        is the first event of every session.
        """
        # Deferred: a cycle, events.py imports this module.
        from .events import listen

        return listen(self, "load", *args, **kwargs)

    def queue(
        self,
        status_update_rate: Any = "auto",
        api_open: bool | None = None,
        max_size: int | None = None,
        *,
        default_concurrency_limit: Any = "not_set",
        **kwargs: Any,
    ) -> Blocks:
        """Accepted for Gradio compatibility; returns this app. Every session here runs its
        events in order, one at a time, as Gradio's queue does for one visitor."""
        return self

    def unload(self, fn: Any) -> Dependency:
        """Run ``fn`` (no inputs, no outputs) when a session is closed."""
        # Deferred: a cycle, events.py imports this module.
        from .events import listen

        return listen(self, "unload", fn, None, None)

    # -- sessions ----------------------------------------------------------------------------
    def session(self) -> Session:
        """Open a new headless session: this app's widgets and State, not displayed.

        Drive it with ``get``, ``set``, ``click``, ``submit``, ``trigger``; see :class:`Session`.
        """
        return self.session_class(self)

    def launch(
        self,
        *args: Any,
        server_name: str | None = None,
        server_port: int | None = None,
        prevent_thread_lock: bool = False,
        inspect: bool = False,
        theme: Any = None,
        css: str | None = None,
        css_paths: Any = None,
        max_file_size: str | int | None = None,
        allowed_paths: list[str] | None = None,
        blocked_paths: list[str] | None = None,
        **kwargs: Any,
    ) -> Any:
        """Show the app: in a notebook, a new session inline; in ``python app.py``, served.

        In a Jupyter kernel the app is displayed inline and its :class:`Session` returned (it
        shows no second view as the cell's last value). In a plain Python process the running
        script is served (one process, a session per page) on ``server_name`` (default
        127.0.0.1) and ``server_port`` (default 7860, or the next free port): the call blocks
        like Gradio's, or with ``prevent_thread_lock=True`` returns a
        :class:`~gradio_nb.serve.Server` whose ``close()`` stops it.

        Every parameter of Gradio's ``launch()`` is taken (an unknown one is a ``TypeError``,
        as in Gradio). Served, these decide who gets in: ``auth`` (a ``(user, password)``
        tuple, a list of them, or ``fn(user, password) -> bool``, sync or async) with
        ``auth_message``, or ``auth_dependency`` (``fn(request) -> user | None``);
        ``strict_cors``; ``ssl_keyfile``/``ssl_certfile``/``ssl_keyfile_password`` (https);
        ``root_path`` (behind a reverse proxy). ``theme``, ``css`` and ``css_paths`` style the
        app as ``Blocks(...)`` does; ``max_file_size`` ("5mb", "1 gb" or bytes) bounds every
        upload; ``allowed_paths`` and ``blocked_paths`` widen or narrow the files a function
        may return. An option with no effect where the app runs (``auth`` in a notebook,
        ``share=True`` anywhere) is named in one :class:`~gradio_nb.launch_options.LaunchWarning`
        (:data:`gradio_nb.launch_options.PARAMETERS` says why for each).

        ``inspect=True`` (a gradio_nb extra, for teaching) shows the session's State
        inspector beside the app: each State's value and the event log, live.
        """
        if len(args) > len(PARAMETERS):
            raise TypeError(f"launch() takes at most {len(PARAMETERS)} positional arguments ({len(args)} given)")
        options = LaunchOptions.from_launch({
            **dict(zip(PARAMETERS, args)), **kwargs,  # positional ones in Gradio's order
            "server_name": server_name, "server_port": server_port, "prevent_thread_lock": prevent_thread_lock,
            "theme": theme, "css": css, "css_paths": css_paths, "max_file_size": max_file_size,
            "allowed_paths": allowed_paths, "blocked_paths": blocked_paths,
        })  # fmt: skip
        for name, value in (("theme", theme), ("css", css), ("css_paths", css_paths)):
            if value is not None:
                setattr(self, name, value)
        self.max_file_size = parse_file_size(max_file_size)
        self.allowed_paths = [str(p) for p in allowed_paths or []]
        self.blocked_paths = [str(p) for p in blocked_paths or []]
        return self.launcher(self, options, prevent_thread_lock, inspect)

    @property
    def sessions(self) -> list[Session]:
        """The sessions of this app that are open now, oldest first. Each shows its State
        sizes in its repr (see :attr:`Session.state_sizes`), so ``demo.sessions`` in a cell
        shows how memory grows with every display."""
        return list(self._open_sessions)

    def clear(self) -> Blocks:
        """Forget everything declared so far (components, layout, listeners), as Gradio's
        ``Blocks.clear``; returns the app, so ``with demo.clear():`` declares it anew."""
        for block in list(self.blocks.values()):
            block.root = None
        self.blocks = {}
        self.dependencies = []
        self._listeners.clear()
        self._var_names.clear()
        self._state_class = None
        self.children = []
        return self

    def close_all(self) -> None:
        """Close every open session of this app, freeing its widgets and State (persisted
        and browser-kept values stay where they were kept)."""
        for session in self.sessions:
            session.close()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        return self.session_class(self, page=True).mime_bundle()

    def __repr__(self) -> str:
        return f"<gradio_nb.{type(self).__name__}: {self.title!r}, {len(self.blocks)} blocks, {len(self.dependencies)} events>"

__getattr__ = module_getattr(
    __name__,
    ("postprocess_update_dict", "convert_component_dict_to_list", "reject_dict_inputs", "BlocksConfig"),
    SERVER_INTERNAL,
)
