"""``gr.HTML``: markup from a template, sanitized in the kernel, shown by ``js/html.js``."""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

import ipywidgets as widgets
import traitlets as t

from ..blocks import BlockContext
from ..events import listener
from ..exceptions import Error
from ..widgets import LabelledView, css_size, on_view_event, sync_label
from . import html_template
from .base import Component

if TYPE_CHECKING:
    from ..blocks import BuildContext

#: Gradio's event names (``gradio.events.all_events``): a gr.HTML accepts a listener for each.
ALL_EVENTS = (
    "change", "input", "click", "double_click", "submit", "stop", "edit", "clear", "play",
    "pause", "end", "start_recording", "pause_recording", "stop_recording", "focus", "blur",
    "upload", "release", "select", "stream", "like", "example_select", "option_select", "load",
    "key_up", "apply", "delete", "tick", "undo", "retry", "expand", "collapse", "download", "copy",
)  # fmt: skip

_TRIGGERED = re.compile(r"""trigger\(\s*['"`]([A-Za-z_][A-Za-z0-9_]*)['"`]""")


def _quoted(js: str) -> set[str]:
    """Every name in quotes in ``js`` (Gradio's rule for a custom event's listener)."""
    return set(re.findall(r"""['"`]([A-Za-z_][A-Za-z0-9_]*)['"`]""", js))


_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)(?:</style\s*>|$)", re.S | re.I)
_CLICK_TRIGGER = re.compile(r"""trigger\(\s*['"`]click['"`]""")

# What Gradio demos put in a gr.HTML: layout, tables, text formatting, images, media, forms
# without actions, and inline SVG.
_SVG_TAGS = {
    "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text",
    "tspan", "defs", "lineargradient", "radialgradient", "stop", "title", "desc", "use", "symbol",
    "clippath", "mask", "pattern", "marker", "foreignobject",
}  # fmt: skip
_SVG_ATTRS = {
    "viewBox", "viewbox", "xmlns", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy",
    "r", "rx", "ry", "d", "points", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
    "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-opacity", "opacity",
    "transform", "offset", "stop-color", "stop-opacity", "gradientUnits", "font-size",
    "font-family", "font-weight", "text-anchor", "dominant-baseline", "preserveAspectRatio",
    "clip-path", "marker-end", "marker-start", "dx", "dy", "href",
}  # fmt: skip
_EXTRA_TAGS = {
    "div", "span", "img", "picture", "source", "video", "audio", "track", "figure", "figcaption",
    "section", "article", "header", "footer", "nav", "main", "aside", "mark", "time", "center",
    "font", "details", "summary", "button", "input", "label", "select", "option", "optgroup",
    "textarea", "progress", "meter", "fieldset", "legend", "output", "caption", "colgroup", "col",
}  # fmt: skip
_GENERIC_ATTRS = {"class", "id", "style", "title", "role", "lang", "dir", "hidden", "tabindex", "align", "width", "height"}
_TAG_ATTRS = {
    "a": {"href", "target", "download", "name"},
    "img": {"src", "alt", "loading", "srcset", "sizes"},
    "source": {"src", "type", "srcset", "media"},
    "video": {"src", "controls", "autoplay", "loop", "muted", "poster", "playsinline"},
    "audio": {"src", "controls", "autoplay", "loop", "muted"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "button": {"type", "disabled", "name", "value"},
    "input": {"type", "value", "checked", "disabled", "placeholder", "min", "max", "step", "name", "readonly"},
    "select": {"disabled", "multiple", "name"},
    "option": {"value", "selected", "disabled"},
    "textarea": {"rows", "cols", "placeholder", "disabled", "readonly", "name"},
    "label": {"for"},
    "progress": {"value", "max"},
    "meter": {"value", "min", "max", "low", "high", "optimum"},
    "td": {"colspan", "rowspan", "valign"},
    "th": {"colspan", "rowspan", "scope", "valign"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "font": {"color", "size", "face"},
    "time": {"datetime"},
    "details": {"open"},
    "table": {"border", "cellpadding", "cellspacing"},
    **{tag: _SVG_ATTRS for tag in _SVG_TAGS},
}


@cache
def _cleaner() -> Any:
    import nh3

    tags = nh3.ALLOWED_TAGS | _EXTRA_TAGS | _SVG_TAGS
    attributes = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
    for tag, attrs in _TAG_ATTRS.items():
        attributes[tag] = attributes.get(tag, set()) | attrs
    attributes["*"] = _GENERIC_ATTRS
    return nh3.Cleaner(
        tags=tags,
        attributes=attributes,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes={"http", "https", "mailto", "tel", "data"},
        link_rel="noopener noreferrer",
    )


def sanitize_html(markup: str) -> tuple[str, str]:
    """``(safe markup, css)``: scripts, event-handler attributes, ``javascript:`` URLs,
    iframes, objects and forms are removed; ``<style>`` blocks are taken out as CSS, which
    the view scopes to the component (see ``js/html.js``)."""
    css = "\n".join(m.group(1) for m in _STYLE_BLOCK.finditer(markup))
    return _cleaner().clean(_STYLE_BLOCK.sub("", markup)), css


class HTMLWidget(LabelledView):
    """Sanitized markup and CSS scoped to the view; clicks sent as ``click`` messages."""

    _view_file = "html"
    html = t.Unicode("").tag(sync=True)
    css = t.Unicode("").tag(sync=True)
    show_label = t.Bool(False).tag(sync=True)
    min_height = t.Unicode("").tag(sync=True)
    max_height = t.Unicode("").tag(sync=True)
    padding = t.Bool(False).tag(sync=True)
    autoscroll = t.Bool(False).tag(sync=True)
    clickable = t.Bool(False).tag(sync=True)
    #: The payload, kept in the kernel: the page gets only the rendered markup.
    value = t.Any(None)


class HTML(Component, BlockContext):
    """Markup, as Gradio 6 renders it: ``html_template`` (default ``"${value}"``) filled with
    ``value``, ``label`` and the extra keyword ``props``, plus ``css_template`` as CSS.

    **Safety.** The notebook page is shared with the person's own code, so what a gr.HTML shows
    never runs code: the rendered markup is sanitized in the kernel with nh3 (ammonia). Kept:
    layout and text tags, tables, images, audio/video, inline SVG, buttons and inputs (no
    forms), ``class``/``id``/``style``/``data-*``/``aria-*`` attributes, http(s)/mailto/data
    URLs. Removed: ``<script>``, event-handler attributes (``onerror=``, ``onclick=``...),
    ``javascript:`` URLs, ``<iframe>``, ``<object>``, ``<form>``. ``<style>`` blocks in the
    markup and ``css_template`` are applied as CSS scoped to this component (rules are nested
    under its root, so ``button { ... }`` styles only its buttons, and text that tries to
    close the scope is dropped). ``js_on_load`` and ``head`` are never run; the default
    ``js_on_load`` (a click on the component fires ``click``) is honoured by the view, as is
    any ``js_on_load`` that calls ``trigger('click')``; other custom events fire only from
    :meth:`Session.trigger`. Templates are rendered in the kernel (see
    :mod:`gradio_nb.components.html_template`): ``${expr}`` supports names and paths only.

    Honoured: ``value`` (any JSON value the template uses), ``label``/``show_label``,
    ``html_template``, ``css_template``, ``min_height``, ``max_height``, ``padding``,
    ``autoscroll``, ``visible``, ``elem_classes``, ``**props``. Accepted and ignored:
    ``apply_default_css``, ``scale``, ``min_width``, ``container``,
    ``buttons``, ``head``, ``server_functions``.

    **Children.** ``with gr.HTML(html_template="... @children ..."):`` holds components, as in
    Gradio 6; they are shown under the markup (``@children`` marks no place in it here).
    **Custom events.** A name quoted in ``js_on_load`` (``trigger('keypress', ...)``) gets a
    listener method, as in Gradio (``html.keypress(fn, ...)``); since ``js_on_load`` is not
    run, such events fire only from :meth:`Session.trigger`.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ALL_EVENTS
    UPDATABLE = (
        "label", "show_label", "html_template", "css_template", "js_on_load", "apply_default_css",
        "min_height", "max_height", "container", "padding", "autoscroll", "buttons", "head",
        "scale", "min_width", "elem_id", "elem_classes", "props",
    )  # fmt: skip

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        html_template: str = "${value}",
        css_template: str = "",
        js_on_load: str | None = "element.addEventListener('click', function() { trigger('click') });",
        apply_default_css: bool = True,
        every: Any = None,
        inputs: Any = None,
        show_label: bool = False,
        scale: int | None = None,
        min_width: int | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        min_height: int | None = None,
        max_height: int | None = None,
        container: bool = False,
        padding: bool = False,
        autoscroll: bool = False,
        buttons: Any = None,
        head: str | None = None,
        server_functions: list[Callable[..., Any]] | None = None,
        **props: Any,
    ) -> None:
        self.html_template = html_template
        self.css_template = css_template
        self.js_on_load = js_on_load
        self.apply_default_css = apply_default_css
        self.min_height = min_height
        self.max_height = max_height
        self.container = container
        self.padding = padding
        self.autoscroll = autoscroll
        self.buttons = buttons
        self.head = head
        self.scale = scale
        self.min_width = min_width
        self.props = props
        for fn in server_functions or []:
            setattr(self, getattr(fn, "__name__", str(fn)), fn)
        super().__init__(
            value, label=label, show_label=show_label, visible=visible, elem_id=elem_id,
            elem_classes=elem_classes, render=render, key=key, every=every, inputs=inputs,
        )  # fmt: skip

    def postprocess(self, value: Any) -> Any:
        """The value as given (Gradio warns when it holds a ``<script>``, which never runs)."""
        if isinstance(value, str) and re.search(r"<script[\s>]", value, re.I):
            warnings.warn(
                "gr.HTML: the value holds a <script> tag; scripts never run in a gr.HTML "
                "(here they are removed before the markup reaches the page).",
                UserWarning,
                stacklevel=2,
            )
        return value

    def with_props(self, props: dict[str, Any]) -> HTML:
        """As :meth:`Component.with_props`; a name among the template's ``props`` updates it."""
        extra = {k: v for k, v in props.items() if k in self.props}
        clone = super().with_props({k: v for k, v in props.items() if k not in extra})
        if extra:
            clone.props = {**self.props, **extra}
        return clone  # type: ignore[return-value]

    def render_markup(self, payload: Any) -> tuple[str, str]:
        """``(safe markup, scoped-to-be css)`` of ``payload`` with this component's templates."""
        props = {"value": "" if payload is None else payload, "label": self.label, "visible": self.visible, **self.props}
        try:
            markup = html_template.render(self.html_template.replace("@children", ""), props)
            css = html_template.render(self.css_template, props) if self.css_template else ""
        except html_template.TemplateError as err:
            raise Error(f"HTML: the template cannot be rendered: {err}.") from None
        safe, style_blocks = sanitize_html(markup)
        return safe, "\n".join(c for c in (css, style_blocks) if c)

    @property
    def custom_events(self) -> tuple[str, ...]:
        """The event names ``js_on_load`` triggers that are not Gradio's own."""
        names = _TRIGGERED.findall(self.js_on_load or "")
        return tuple(dict.fromkeys(n for n in names if n not in ALL_EVENTS))

    def __getattr__(self, name: str) -> Any:
        # Gradio: a custom event named in js_on_load has a listener method of that name.
        if not name.startswith("_") and name in _quoted(self.__dict__.get("js_on_load") or ""):
            return functools.partial(listener(name, f"Run ``fn`` on the custom ``{name}`` event."), self)
        raise AttributeError(
            f"'{type(self).__name__}' object has no attribute '{name}'. If '{name}' is a custom event, "
            f"make sure to include '{name}' (enclosed in quotes) in the js_on_load string."
        )

    def _build_widget(self, context: BuildContext) -> Any:
        widget = self.make_widget(self.initial_payload(), context.is_interactive(self))
        if not self.children:
            return widget
        box = widgets.VBox([context.own(widget), *self._child_widgets(context)])
        box._gnb_value_widget = widget  # the session reads and writes the value here
        return box

    def make_widget(self, payload: Any, interactive: bool) -> HTMLWidget:
        widget = HTMLWidget()
        widget.value = payload
        self.sync_props(widget, interactive)
        return widget

    def write_widget(self, widget: HTMLWidget, payload: Any) -> None:
        widget.html, widget.css = self.render_markup(payload)
        widget.value = payload

    def sync_props(self, widget: HTMLWidget, interactive: bool) -> None:
        widget.html, widget.css = self.render_markup(widget.value)
        sync_label(self, widget)
        widget.min_height = css_size(self.min_height)
        widget.max_height = css_size(self.max_height)
        widget.padding = bool(self.padding)
        widget.autoscroll = bool(self.autoscroll)
        widget.clickable = bool(self.js_on_load and _CLICK_TRIGGER.search(self.js_on_load))
        self._style_widget(widget)

    def connect(self, widget: HTMLWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "click":
            on_view_event(widget, "click", fire)
            return True
        return False


for _event in ALL_EVENTS:
    if _event not in ("change", "input"):
        setattr(HTML, _event, listener(_event, f"Run ``fn`` on the ``{_event}`` event of this HTML."))
