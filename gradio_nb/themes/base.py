"""``gr.themes.Base`` and ``gr.themes.ThemeClass``: a theme's variables, computing the app's CSS.

A theme is what Gradio's is: a set of named variables (Gradio's names, from its ``Base.set``),
each a CSS value that may refer to others with ``*name`` (``"*primary_500"``), and a dark value
(``<name>_dark``; unset: the light expression, its references read in dark mode). The
primitives (``primary_50`` ... ``primary_950``, ``secondary_*``, ``neutral_*``, ``spacing_*``,
``radius_*``, ``text_*``, ``font``, ``font_mono``) come from the constructor's hues, sizes and
fonts; every other variable's default is in the table at the end of this module (Gradio 6's
values, so that a theme looks as it does in Gradio), and each built-in theme
(:class:`BuiltInTheme`, one module each) overrides some.

:meth:`ThemeClass.css_variables` resolves every reference, giving the values of the shared
contract: ``--gnb-<name with - for _>`` (``--gnb-button-primary-background-fill``), light and
dark. :mod:`gradio_nb.styling` puts them in the page for one app only.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from typing import Any, ClassVar

from .utils import colors, sizes
from .utils.colors import SHADES, Color
from .utils.fonts import Font, LocalFont
from .utils.sizes import STEPS, Size

_REFERENCE = re.compile(r"\*(\w+)\b")


def _hue(value: Color | str) -> Color:
    """A hue given by name (``"red"``) or as a :class:`Color`."""
    if not isinstance(value, str):
        return value
    found = getattr(colors, value, None)
    if not isinstance(found, Color):
        raise ValueError(f"Color shortcut {value} not found.")
    return found


def _size(value: Size | str, prefix: str) -> Size:
    """A size given by its short name (``"sm"``, as in Gradio), its full name (``"radius_sm"``)
    or as a :class:`Size`."""
    if not isinstance(value, str):
        return value
    for name in (f"{prefix}_{value}", value):
        found = getattr(sizes, name, None)
        if isinstance(found, Size) and name.startswith(prefix):
            return found
    raise ValueError(f"Size shortcut {value} not found.")


def _family(value: Any) -> list[Font | str]:
    return [value] if isinstance(value, (str, Font)) else list(value)


def _font_names(value: Any) -> str:
    """A font stack as CSS's ``font-family`` text (names quoted, generic families bare)."""
    return ", ".join(str(f) for f in _family(value))


def _settings(text: str) -> dict[str, str | None]:
    """A table of ``name<TAB>value`` lines (``-``: no value, i.e. a dark value as the light)."""
    rows = (line.split("\t") for line in text.strip().splitlines())
    return {name: None if value == "-" else value for name, value in rows}


@cache
def _base() -> tuple[dict[str, str], dict[str, str | None]]:
    """Every variable's default: light values, and dark values by the same names."""
    light: dict[str, str] = {}
    dark: dict[str, str | None] = {}
    for line in _BASE.strip().splitlines():
        name, value, dark_value = line.split("\t")
        light[name] = value
        dark[name] = None if dark_value == "-" else dark_value
    return light, dark


def _primitives() -> list[str]:
    names = [f"{hue}_{shade[1:]}" for hue in ("primary", "secondary", "neutral") for shade in SHADES]
    names += [f"{kind}_{step}" for kind in ("spacing", "radius", "text") for step in STEPS]
    return [*names, "font", "font_mono"]


@cache
def variable_names() -> tuple[str, ...]:
    """The names of every variable a theme gives (Gradio's names, without ``_dark``)."""
    return (*_primitives(), *_base()[0])


class ThemeClass:
    """What every theme has: its variables (attributes by Gradio's names), set with :meth:`set`."""

    def __init__(self) -> None:
        self.name = "theme"
        self.custom_css = ""
        self._stylesheets: list[str] = []
        self._font_css: list[str] = []

    def set(self, **variables: Any) -> ThemeClass:
        """Set variables (``button_primary_background_fill="*primary_200"``, and dark values
        as ``<name>_dark``); returns the theme, so calls chain as in Gradio. As in Gradio, a
        light value leaves the dark one as it was, and an empty value (``None``) changes nothing."""
        known = set(_base()[0])
        for name in variables:
            if name.removesuffix("_dark") not in known:
                raise TypeError(f"{type(self).__name__}.set() got an unexpected keyword argument {name!r}")
        for name, value in variables.items():
            if value:
                setattr(self, name, value)
        return self

    def _value(self, name: str, dark: bool) -> str:
        value = getattr(self, f"{name}_dark", None) if dark else None
        if value is None:
            value = getattr(self, name, "")
        return "" if value is None else str(value)

    def _get_computed_value(self, name: str, depth: int = 0) -> str:
        """The value of variable ``name`` (``<name>_dark`` for its dark value) with every
        ``*reference`` replaced by what it refers to (Gradio's method of the same name)."""
        dark = name.endswith("_dark")
        return self._resolve(name.removesuffix("_dark") if dark else name, dark, depth)

    def _resolve(self, name: str, dark: bool, depth: int = 0) -> str:
        if depth > 100:
            warnings.warn(f"Cannot resolve '{name}' - circular reference detected.", stacklevel=2)
            return ""
        return _REFERENCE.sub(lambda m: self._resolve(m.group(1), dark, depth + 1), self._value(name, dark))

    def css_variables(self) -> tuple[dict[str, str], dict[str, str]]:
        """Every variable as the shared contract's CSS custom property
        (``--gnb-button-primary-background-fill``), references resolved: light, then dark."""
        light: dict[str, str] = {}
        dark: dict[str, str] = {}
        for name in variable_names():
            prop = "--gnb-" + name.replace("_", "-")
            light[prop] = self._resolve(name, False)
            dark[prop] = self._resolve(name, True)
        return light, dark

    def to_dict(self) -> dict[str, Any]:
        """The theme as Gradio writes it to JSON: ``{"theme": {name: value}}``."""
        names = [*variable_names(), *(f"{n}_dark" for n in _base()[0])]
        return {"theme": {n: getattr(self, n) for n in names if isinstance(getattr(self, n, None), str)}}

    @classmethod
    def from_dict(cls, theme: dict[str, Any]) -> ThemeClass:
        """A theme from :meth:`to_dict`'s dictionary (missing variables take Base's defaults)."""
        made = Base()
        for name, value in theme.get("theme", {}).items():
            setattr(made, name, value)
        return made

    @classmethod
    def from_hub(cls, repo_name: str, **kwargs: Any) -> ThemeClass:
        """Themes on the Hugging Face Hub need the network: not available here."""
        raise NotImplementedError(
            f"gr.themes: loading the theme {repo_name!r} from the Hub is not available in gradio_nb "
            "(apps run offline); build it with gr.themes.Base(...).set(...) instead."
        )

    load = from_hub

    def push_to_hub(self, *args: Any, **kwargs: Any) -> None:
        """Publishing a theme needs the network: not available here."""
        raise NotImplementedError("gr.themes: push_to_hub is not available in gradio_nb.")

    def __repr__(self) -> str:
        return f"gr.themes.{type(self).__name__}()"


class Base(ThemeClass):
    """Gradio's base theme: hues (a :class:`Color` or its name), sizes (a :class:`Size`, or
    ``"sm"``/``"radius_sm"``) and fonts (a name, a :class:`Font`, or a list of them)."""

    def __init__(
        self,
        *,
        primary_hue: Color | str = "blue",
        secondary_hue: Color | str = "blue",
        neutral_hue: Color | str = "zinc",
        text_size: Size | str = "md",
        spacing_size: Size | str = "md",
        radius_size: Size | str = "md",
        font: Any = (LocalFont("IBM Plex Sans"), "ui-sans-serif", "system-ui", "sans-serif"),
        font_mono: Any = (LocalFont("IBM Plex Mono"), "ui-monospace", "Consolas", "monospace"),
    ) -> None:
        super().__init__()
        self.name = "base"
        self.primary_hue = _hue(primary_hue)
        self.secondary_hue = _hue(secondary_hue)
        self.neutral_hue = _hue(neutral_hue)
        self.text_size = _size(text_size, "text")
        self.spacing_size = _size(spacing_size, "spacing")
        self.radius_size = _size(radius_size, "radius")
        for prefix, hue in (("primary", self.primary_hue), ("secondary", self.secondary_hue), ("neutral", self.neutral_hue)):
            for shade in SHADES:
                setattr(self, f"{prefix}_{shade[1:]}", getattr(hue, shade, ""))
        for prefix, size in (("spacing", self.spacing_size), ("radius", self.radius_size), ("text", self.text_size)):
            for step in STEPS:
                setattr(self, f"{prefix}_{step}", getattr(size, step))
        self._font = _family(font)
        self._font_mono = _family(font_mono)
        self.font = _font_names(font)
        self.font_mono = _font_names(font_mono)
        light, dark = _base()
        for name, value in light.items():
            setattr(self, name, value)
            setattr(self, f"{name}_dark", dark[name])


class BuiltInTheme(Base):
    """A built-in theme (``gr.themes.Soft`` ...): Base with other constructor defaults
    (``DEFAULTS``), then the theme's own variables (``VARIABLES``, a table of
    ``name<TAB>value`` lines; ``-``: no value, i.e. a dark value as the light)."""

    NAME: ClassVar[str] = "base"
    DEFAULTS: ClassVar[dict[str, Any]] = {}
    VARIABLES: ClassVar[str] = ""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**{**self.DEFAULTS, **kwargs})
        self.name = self.NAME
        for variable, value in _settings(self.VARIABLES).items():
            setattr(self, variable, value)  # None stays None: a dark value as the light one


__all__ = ["Base", "BuiltInTheme", "ThemeClass", "variable_names"]

# -- data: Gradio 6's variable defaults (name, light, dark; - = as light). Tab-separated:
# values hold spaces.
_BASE = """
body_background_fill	*background_fill_primary	*background_fill_primary
body_text_color	*neutral_800	*neutral_100
body_text_size	*text_md	-
body_text_weight	400	-
embed_radius	*radius_sm	-
color_accent	*primary_500	-
color_accent_soft	*primary_50	*neutral_700
background_fill_primary	white	*neutral_950
background_fill_secondary	*neutral_50	*neutral_900
border_color_accent	*primary_300	*neutral_600
border_color_primary	*neutral_200	*neutral_700
link_text_color	*secondary_600	*secondary_500
link_text_color_active	*secondary_600	*secondary_500
link_text_color_hover	*secondary_700	*secondary_400
link_text_color_visited	*secondary_500	*secondary_600
body_text_color_subdued	*neutral_400	*neutral_400
accordion_text_color	*body_text_color	*body_text_color
table_text_color	*body_text_color	*body_text_color
shadow_drop	rgba(0,0,0,0.05) 0px 1px 2px 0px	-
shadow_drop_lg	0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)	-
shadow_inset	rgba(0,0,0,0.05) 0px 2px 4px 0px inset	-
shadow_spread	3px	1px
block_background_fill	*background_fill_primary	*neutral_800
block_border_color	*border_color_primary	*border_color_primary
block_border_width	1px	-
block_info_text_color	*body_text_color_subdued	*body_text_color_subdued
block_info_text_size	*text_sm	-
block_info_text_weight	400	-
block_label_background_fill	*background_fill_primary	*background_fill_secondary
block_label_border_color	*border_color_primary	*border_color_primary
block_label_border_width	1px	-
block_label_shadow	*block_shadow	-
block_label_text_color	*neutral_500	*neutral_200
block_label_margin	0	-
block_label_padding	*spacing_sm *spacing_lg	-
block_label_radius	calc(*radius_sm - 1px) 0 calc(*radius_sm - 1px) 0	-
block_label_right_radius	0 calc(*radius_sm - 1px) 0 calc(*radius_sm - 1px)	-
block_label_text_size	*text_sm	-
block_label_text_weight	400	-
block_padding	*spacing_xl calc(*spacing_xl + 2px)	-
block_radius	*radius_sm	-
block_shadow	none	-
block_title_background_fill	none	-
block_title_border_color	none	-
block_title_border_width	0px	-
block_title_text_color	*neutral_500	*neutral_200
block_title_padding	0	-
block_title_radius	none	-
block_title_text_size	*text_md	-
block_title_text_weight	400	-
container_radius	*radius_sm	-
form_gap_width	0px	-
layout_gap	*spacing_xxl	-
panel_background_fill	*background_fill_secondary	*background_fill_secondary
panel_border_color	*border_color_primary	*border_color_primary
panel_border_width	0	-
section_header_text_size	*text_md	-
section_header_text_weight	400	-
border_color_accent_subdued	*border_color_accent	*border_color_accent
code_background_fill	*neutral_100	*neutral_800
chatbot_text_size	*text_lg	-
checkbox_background_color	*background_fill_primary	*neutral_800
checkbox_background_color_focus	*checkbox_background_color	*checkbox_background_color
checkbox_background_color_hover	*checkbox_background_color	*checkbox_background_color
checkbox_background_color_selected	*color_accent	*color_accent
checkbox_border_color	*neutral_300	*neutral_700
checkbox_border_color_focus	*color_accent	*color_accent
checkbox_border_color_hover	*neutral_300	*neutral_600
checkbox_border_color_selected	*color_accent	*color_accent
checkbox_border_radius	*radius_sm	-
checkbox_border_width	*input_border_width	*input_border_width
checkbox_label_background_fill	*button_secondary_background_fill	*button_secondary_background_fill
checkbox_label_background_fill_hover	*button_secondary_background_fill_hover	*button_secondary_background_fill_hover
checkbox_label_background_fill_selected	*checkbox_label_background_fill	*checkbox_label_background_fill
checkbox_label_border_color	*border_color_primary	*border_color_primary
checkbox_label_border_color_hover	*checkbox_label_border_color	*checkbox_label_border_color
checkbox_label_border_color_selected	*checkbox_label_border_color	*checkbox_label_border_color
checkbox_label_border_width	*input_border_width	*input_border_width
checkbox_label_gap	*spacing_lg	-
checkbox_label_padding	*spacing_md calc(2 * *spacing_md)	-
checkbox_label_shadow	none	-
checkbox_label_shadow_hover	*checkbox_label_shadow	-
checkbox_label_shadow_active	*checkbox_label_shadow	-
checkbox_label_text_size	*text_md	-
checkbox_label_text_weight	400	-
checkbox_check	url("data:image/svg+xml,%3csvg viewBox='0 0 16 16' fill='white' xmlns='http://www.w3.org/2000/svg'%3e%3cpath d='M12.207 4.793a1 1 0 010 1.414l-5 5a1 1 0 01-1.414 0l-2-2a1 1 0 011.414-1.414L6.5 9.086l4.293-4.293a1 1 0 011.414 0z'/%3e%3c/svg%3e")	-
radio_circle	url("data:image/svg+xml,%3csvg viewBox='0 0 16 16' fill='white' xmlns='http://www.w3.org/2000/svg'%3e%3ccircle cx='8' cy='8' r='3'/%3e%3c/svg%3e")	-
checkbox_shadow	*input_shadow	-
checkbox_label_text_color	*body_text_color	*body_text_color
checkbox_label_text_color_selected	*checkbox_label_text_color	*checkbox_label_text_color
error_background_fill	#fef2f2	*background_fill_primary
error_border_color	#b91c1c	#ef4444
error_border_width	1px	-
error_text_color	#b91c1c	#fef2f2
error_icon_color	#b91c1c	#ef4444
input_background_fill	*neutral_100	*neutral_700
input_background_fill_focus	*input_background_fill	-
input_background_fill_hover	*input_background_fill	*input_background_fill
input_border_color	*border_color_primary	*border_color_primary
input_border_color_focus	*secondary_300	*neutral_700
input_border_color_hover	*input_border_color	*input_border_color
input_border_width	0px	-
input_padding	*spacing_xl	-
input_placeholder_color	*neutral_400	*neutral_500
input_radius	*radius_sm	-
input_shadow	none	-
input_shadow_focus	*input_shadow	-
input_text_size	*text_md	-
input_text_weight	400	-
loader_color	*color_accent	-
prose_text_size	*text_md	-
prose_text_weight	400	-
prose_header_text_weight	600	-
slider_color	*color_accent	-
stat_background_fill	*primary_300	*primary_500
table_border_color	*neutral_300	*neutral_700
table_even_background_fill	white	*neutral_950
table_odd_background_fill	*neutral_50	*neutral_900
table_radius	*radius_sm	-
table_row_focus	*color_accent_soft	*color_accent_soft
button_border_width	*input_border_width	-
button_cancel_background_fill	*button_secondary_background_fill	*button_secondary_background_fill
button_cancel_background_fill_hover	*button_secondary_background_fill_hover	*button_secondary_background_fill_hover
button_cancel_border_color	*button_secondary_border_color	*button_secondary_border_color
button_cancel_border_color_hover	*button_secondary_border_color_hover	*button_secondary_border_color_hover
button_cancel_text_color	*button_secondary_text_color	*button_secondary_text_color
button_cancel_text_color_hover	*button_secondary_text_color_hover	white
button_cancel_shadow	*button_secondary_shadow	*button_secondary_shadow
button_cancel_shadow_hover	*button_secondary_shadow_hover	*button_secondary_shadow_hover
button_cancel_shadow_active	*button_secondary_shadow_active	*button_secondary_shadow_active
button_transform_hover	none	-
button_transform_active	none	-
button_transition	all 0.2s ease	-
button_large_padding	*spacing_lg calc(2 * *spacing_lg)	-
button_large_radius	*radius_md	-
button_large_text_size	*text_lg	-
button_large_text_weight	600	-
button_primary_background_fill	*primary_500	*primary_600
button_primary_background_fill_hover	*primary_600	*primary_700
button_primary_border_color	*primary_500	*primary_600
button_primary_border_color_hover	*primary_500	*primary_500
button_primary_text_color	white	white
button_primary_text_color_hover	*button_primary_text_color	*button_primary_text_color
button_primary_shadow	none	-
button_primary_shadow_hover	*button_primary_shadow	*button_primary_shadow
button_primary_shadow_active	*button_primary_shadow	*button_primary_shadow
button_secondary_background_fill	*neutral_200	*neutral_600
button_secondary_background_fill_hover	*neutral_300	*neutral_700
button_secondary_border_color	*neutral_200	*neutral_600
button_secondary_border_color_hover	*neutral_200	*neutral_500
button_secondary_text_color	black	white
button_secondary_text_color_hover	*button_secondary_text_color	*button_secondary_text_color
button_secondary_shadow	*button_primary_shadow	-
button_secondary_shadow_hover	*button_secondary_shadow	*button_secondary_shadow
button_secondary_shadow_active	*button_secondary_shadow	*button_secondary_shadow
button_small_padding	*spacing_sm calc(1.5 * *spacing_sm)	-
button_small_radius	*radius_md	-
button_small_text_size	*text_sm	-
button_small_text_weight	400	-
button_medium_padding	*spacing_md calc(2 * *spacing_md)	-
button_medium_radius	*radius_md	-
button_medium_text_size	*text_md	-
button_medium_text_weight	600	-
"""
