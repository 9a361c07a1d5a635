"""``gr.Code`` (highlighted with Pygments in the kernel) and ``gr.ParamViewer``."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..markdown import to_safe_html
from ..widgets import LabelledView, css_size, on_view_event, sync_label
from .base import Component
from .display import _HTMLView

#: Gradio's language names (``gr.Code.languages``) and the Pygments lexer used for each.
LEXERS: dict[str | None, str | None] = {
    "python": "python", "c": "c", "cpp": "cpp", "markdown": "markdown", "latex": "latex",
    "json": "json", "html": "html", "css": "css", "javascript": "javascript",
    "jinja2": "html+jinja", "typescript": "typescript", "yaml": "yaml",
    "dockerfile": "docker", "shell": "bash", "r": "r", "sql": "sql", "sql-msSQL": "tsql",
    "sql-mySQL": "mysql", "sql-mariaDB": "mysql", "sql-sqlite": "sql", "sql-cassandra": "sql",
    "sql-plSQL": "sql", "sql-hive": "sql", "sql-pgSQL": "postgresql", "sql-gql": "sql",
    "sql-gpSQL": "postgresql", "sql-sparkSQL": "sql", "sql-esper": "sql", None: None,
}  # fmt: skip


#: Code up to this long is highlighted once per kernel (a cache of 64 such entries holds at
#: most a few MB); longer code, such as a growing stream, is highlighted each time.
CACHED_CHARS = 4096


def highlight(code: str, language: str | None) -> str:
    """``code`` as HTML: Pygments token spans (short class names, styled by ``js/code.css``),
    or escaped text when there is no language. Pygments escapes the code itself."""
    return _highlight_cached(code, language) if len(code) <= CACHED_CHARS else _highlight(code, language)


@lru_cache(maxsize=64)
def _highlight_cached(code: str, language: str | None) -> str:
    return _highlight(code, language)


def _highlight(code: str, language: str | None) -> str:
    lexer_name = LEXERS.get(language)
    if not code or lexer_name is None:
        return html.escape(code)
    from pygments import highlight as pyg_highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name

    lexer = get_lexer_by_name(lexer_name, stripnl=False, ensurenl=False)
    return pyg_highlight(code, lexer, HtmlFormatter(nowrap=True))


class CodeWidget(LabelledView):
    """A code view: highlighted markup when read-only, a monospace editor when interactive."""

    _view_file = "code"
    value = t.Unicode(None, allow_none=True).tag(sync=True)
    #: The highlighted markup of ``value`` (empty while editable: the editor shows plain text).
    html = t.Unicode("").tag(sync=True)
    disabled = t.Bool(True).tag(sync=True)
    lines = t.Int(5).tag(sync=True)
    max_lines = t.Int(None, allow_none=True).tag(sync=True)
    wrap_lines = t.Bool(False).tag(sync=True)
    show_line_numbers = t.Bool(True).tag(sync=True)


class Code(Component):
    """Code, highlighted by Pygments in the kernel (no CDN, no editor library on the page).

    The function receives the text as a ``str`` (``None`` when the component holds nothing);
    a returned ``str`` is shown stripped of leading and trailing whitespace, as in Gradio. An
    interactive Code is a monospace editor (Tab inserts four spaces); highlighting shows when
    it is read-only. Honoured: ``language`` (Gradio's names, see ``Code.languages``),
    ``lines``, ``max_lines``, ``wrap_lines``, ``show_line_numbers``, ``label``,
    ``show_label``, ``interactive``. Accepted and ignored: ``autocomplete``, ``buttons``
    (copy and download), ``container``, ``scale``, ``min_width``.
    Events: ``change``, ``input``, ``focus``, ``blur``.
    """

    SHOWN_LABEL = "Code"

    languages: ClassVar[list[str | None]] = list(LEXERS)
    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "focus", "blur")
    UPDATABLE = (
        *Component.UPDATABLE, "language", "lines", "max_lines", "wrap_lines", "show_line_numbers",
        "autocomplete", "buttons", "container", "scale", "min_width",
    )  # fmt: skip
    focus = listener("focus", "Run ``fn`` when the editor gets the keyboard focus.")
    blur = listener("blur", "Run ``fn`` when the editor loses the keyboard focus.")

    def __init__(
        self,
        value: str | Callable[[], str] | None = None,
        language: str | None = None,
        *,
        every: Any = None,
        inputs: Any = None,
        lines: int = 5,
        max_lines: int | None = None,
        label: str | None = None,
        interactive: bool | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        wrap_lines: bool = False,
        show_line_numbers: bool = True,
        autocomplete: bool = False,
        buttons: Any = None,
    ) -> None:
        if language not in LEXERS:
            raise ValueError(f"Language {language} not supported.")
        self.language = language
        self.lines = lines
        self.max_lines = max(lines, max_lines) if max_lines is not None else None
        self.wrap_lines = wrap_lines
        self.show_line_numbers = show_line_numbers
        self.autocomplete = autocomplete
        self.buttons = buttons
        self.container, self.scale, self.min_width = container, scale, min_width
        super().__init__(
            value, label=label, interactive=interactive, show_label=show_label, visible=visible,
            elem_id=elem_id, elem_classes=elem_classes, render=render, key=key, every=every, inputs=inputs,
        )  # fmt: skip

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "language" in props and self.language not in LEXERS:
            raise ValueError(f"Language {self.language} not supported.")

    def preprocess(self, payload: str | None) -> str | None:
        """The code as a ``str`` (``None`` if the component holds nothing)."""
        return payload

    def postprocess(self, value: str | None) -> str | None:
        """A ``str`` stripped of surrounding whitespace; ``None`` empties the editor.

        Other values fail as in Gradio (the dispatcher names the component and the value)."""
        if value is None:
            return None
        if isinstance(value, tuple):
            raise ValueError(
                "Code component does not support returning files as tuples anymore. "
                "Please read the file contents and return as str instead."
            )
        return value.strip()

    def make_widget(self, payload: Any, interactive: bool) -> CodeWidget:
        widget = CodeWidget(value=payload)
        self.sync_props(widget, interactive)
        widget.observe(lambda _change: self._highlight(widget), names="value")
        return widget

    def _highlight(self, widget: CodeWidget) -> None:
        widget.html = "" if not widget.disabled else highlight(widget.value or "", widget._gnb_language)

    def sync_props(self, widget: CodeWidget, interactive: bool) -> None:
        widget._gnb_language = self.language  # the language of this session's version
        sync_label(self, widget)
        widget.disabled = not interactive
        widget.lines = self.lines
        widget.max_lines = self.max_lines
        widget.wrap_lines = self.wrap_lines
        widget.show_line_numbers = self.show_line_numbers
        self._highlight(widget)
        self._style_widget(widget)

    def connect(self, widget: CodeWidget, event: str, fire: Callable[..., None]) -> bool:
        if event in ("focus", "blur"):
            on_view_event(widget, event, fire)
            return True
        return False


class ParamViewer(_HTMLView):
    """A read-only table of parameters: ``{name: {"type", "description", "default"}}``.

    Each parameter is a row that opens to show its description (rendered as Markdown,
    sanitized); types and defaults are highlighted in ``language``. Honoured: ``value``,
    ``language``, ``header``, ``max_height``. Accepted and ignored: ``linkify``,
    ``anchor_links``. Events: ``change``, ``upload`` (never sent by
    the view; :meth:`Session.trigger` only).
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "upload")
    UPDATABLE = ("language", "linkify", "header", "anchor_links", "max_height")
    upload = listener("upload", "Accepted for Gradio compatibility; the view sends no upload.")

    def __init__(
        self,
        value: Mapping[str, Any] | None = None,
        language: str = "python",
        linkify: list[str] | None = None,
        every: Any = None,
        inputs: Any = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        header: str | None = "Parameters",
        anchor_links: bool | str = False,
        max_height: int | str | None = None,
    ) -> None:
        self.language = language
        self.linkify = linkify
        self.header = header
        self.anchor_links = anchor_links
        self.max_height = max_height
        super().__init__(value, render=render, key=key, every=every, inputs=inputs)

    def postprocess(self, value: Any) -> Any:
        """The value as given, as in Gradio (a dict of parameter dicts)."""
        return value

    def to_html(self, payload: Any) -> str:
        rows = []
        for name, param in (payload or {}).items():
            param = param if isinstance(param, Mapping) else {}
            type_ = param.get("type")
            default = param.get("default")
            head = f'<code class="gnb-param-name" style="font-weight:600">{html.escape(str(name))}</code>'
            if type_:
                head += f": {_inline_code(str(type_), self.language)}"
            if default is not None:
                head += f" = {_inline_code(str(default), self.language)}"
            description = to_safe_html(str(param.get("description") or ""))
            rows.append(
                '<details class="gnb-param" style="border-bottom:1px solid var(--jp-border-color2,#ddd);padding:4px 0">'
                f'<summary style="cursor:pointer;font-family:var(--jp-code-font-family,monospace)">{head}</summary>'
                f'<div class="gnb-param-description" style="padding:4px 16px">{description}</div></details>'
            )
        header = f'<div class="gnb-label" style="font-weight:600">{html.escape(self.header)}</div>' if self.header else ""
        limit = html.escape(css_size(self.max_height), quote=True)  # a prop an update may set
        scroll = f"max-height:{limit};overflow-y:auto" if limit else ""
        return f'<div class="gnb-paramviewer">{header}<div style="{scroll}">{"".join(rows)}</div></div>'


def _inline_code(text: str, language: str) -> str:
    """``text`` highlighted with inline styles (an ipywidgets.HTML view loads no stylesheet)."""
    lexer_name = "typescript" if language == "typescript" else "python"
    from pygments import highlight as pyg_highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name

    inner = pyg_highlight(text, get_lexer_by_name(lexer_name, stripnl=True), HtmlFormatter(nowrap=True, noclasses=True))
    return f'<code style="font-family:var(--jp-code-font-family,monospace)">{inner.rstrip()}</code>'
