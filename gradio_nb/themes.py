"""``gr.themes``: Gradio's theme classes, hues, sizes and fonts, computing the app's CSS variables.

A theme is what Gradio's is: a set of named variables (Gradio's names, from its ``Base.set``),
each a CSS value that may refer to others with ``*name`` (``"*primary_500"``), and a dark value
(``<name>_dark``; unset: the light expression, its references read in dark mode). The
primitives (``primary_50`` ... ``primary_950``, ``secondary_*``, ``neutral_*``, ``spacing_*``,
``radius_*``, ``text_*``, ``font``, ``font_mono``) come from the constructor's hues, sizes and
fonts; every other variable's default is in the tables at the end of this module (Gradio 6's
values, so that a theme looks as it does in Gradio), and each built-in theme overrides some.

:meth:`ThemeClass.css_variables` resolves every reference, giving the values of the shared
contract: ``--gnb-<name with - for _>`` (``--gnb-button-primary-background-fill``), light and
dark. :mod:`gradio_nb.styling` puts them in the page for one app only.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from functools import cache
from types import SimpleNamespace
from typing import Any

_SHADES = ("c50", "c100", "c200", "c300", "c400", "c500", "c600", "c700", "c800", "c900", "c950")
_STEPS = ("xxs", "xs", "sm", "md", "lg", "xl", "xxl")
_REFERENCE = re.compile(r"\*(\w+)\b")
#: CSS's generic families, written unquoted (as Gradio writes them).
_GENERIC = ("sans-serif", "serif", "monospace", "cursive", "fantasy")


class Color:
    """A hue (``gr.themes.colors.blue``): eleven shades ``c50`` ... ``c950``, lightest first."""

    all: list[Color] = []

    def __init__(self, *shades: str, name: str | None = None, **named: str) -> None:
        self.name = name
        for key, value in zip(_SHADES, shades):
            setattr(self, key, value)
        for key, value in named.items():
            setattr(self, key, value)
        Color.all.append(self)

    def expand(self) -> list[str]:
        """The shades that were given, lightest first."""
        return [getattr(self, key) for key in _SHADES if hasattr(self, key)]

    def __repr__(self) -> str:
        return f"Color({self.name!r})"


class Size:
    """A scale (``gr.themes.sizes.radius_sm``): values ``xxs`` ... ``xxl``, smallest first."""

    all: list[Size] = []

    def __init__(self, xxs: str = "", xs: str = "", sm: str = "", md: str = "", lg: str = "", xl: str = "", xxl: str = "", name: str | None = None) -> None:
        self.xxs, self.xs, self.sm, self.md, self.lg, self.xl, self.xxl = xxs, xs, sm, md, lg, xl, xxl
        self.name = name
        Size.all.append(self)

    def expand(self) -> list[str]:
        """The values, smallest first."""
        return [self.xxs, self.xs, self.sm, self.md, self.lg, self.xl, self.xxl]

    def __repr__(self) -> str:
        return f"Size({self.name!r})"


class Font:
    """A font family by name (``gr.themes.Font("Inter")``); ``"sans-serif"`` etc. work too."""

    def __init__(self, name: str) -> None:
        self.name = name

    def stylesheet(self) -> dict[str, Any]:
        """No stylesheet to load: the name is used as it is."""
        return {"url": None, "css": None}

    def __str__(self) -> str:
        return self.name if self.name in _GENERIC else f"'{self.name}'"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Font) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)


class GoogleFont(Font):
    """A Google font by name. Never fetched (apps must work offline): the name is used as a
    family name, so the font shows only where the page has it."""

    def __init__(self, name: str, weights: tuple[int, ...] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = weights


class LocalFont(Font):
    """A font the page has (shipped with the package, or installed), by name."""

    def __init__(self, name: str, weights: tuple[int, ...] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = weights


def _table(text: str) -> list[list[str]]:
    return [line.split(" ") for line in text.strip().splitlines()]


#: ``gr.themes.colors``: the named hues (Gradio's, which are Tailwind's palette).
colors = SimpleNamespace(Color=Color)
#: ``gr.themes.sizes``: the named scales.
sizes = SimpleNamespace(Size=Size)
#: ``gr.themes.utils.fonts``, as some apps import it.
fonts = SimpleNamespace(Font=Font, GoogleFont=GoogleFont, LocalFont=LocalFont)
utils = SimpleNamespace(colors=colors, sizes=sizes, fonts=fonts)


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
    names = [f"{hue}_{shade[1:]}" for hue in ("primary", "secondary", "neutral") for shade in _SHADES]
    names += [f"{kind}_{step}" for kind in ("spacing", "radius", "text") for step in _STEPS]
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
            for shade in _SHADES:
                setattr(self, f"{prefix}_{shade[1:]}", getattr(hue, shade, ""))
        for prefix, size in (("spacing", self.spacing_size), ("radius", self.radius_size), ("text", self.text_size)):
            for step in _STEPS:
                setattr(self, f"{prefix}_{step}", getattr(size, step))
        self._font = _family(font)
        self._font_mono = _family(font_mono)
        self.font = _font_names(font)
        self.font_mono = _font_names(font_mono)
        light, dark = _base()
        for name, value in light.items():
            setattr(self, name, value)
            setattr(self, f"{name}_dark", dark[name])


def _theme(name: str, doc: str, settings: str, **defaults: Any) -> type[Base]:
    """A built-in theme: Base with other constructor defaults, then its own variables."""

    def __init__(self: Base, **kwargs: Any) -> None:
        Base.__init__(self, **{**defaults, **kwargs})
        self.name = name.lower()
        for variable, value in _settings(settings).items():
            setattr(self, variable, value)  # None stays None: a dark value as the light one

    return type(name, (Base,), {"__init__": __init__, "__doc__": doc, "__module__": __name__})


def _stack(*names: str, mono: bool = False) -> tuple[Any, ...]:
    tail = ("ui-monospace", "Consolas", "monospace") if mono else ("ui-sans-serif", "system-ui", "sans-serif")
    return (LocalFont(names[0]), *names[1:], *tail)


def theme_named(name: str) -> ThemeClass:
    """The built-in theme called ``name`` (``Blocks(theme="soft")``); Gradio would look an
    unknown name up on the Hub: here it warns and gives the Default theme."""
    made = _BUILT_IN.get(name.lower())
    if made is None:
        warnings.warn(f"gr.themes: no built-in theme named {name!r} (themes from the Hub need the network); using the Default theme.", stacklevel=2)
        made = Default
    return made()


# -- data: Gradio 6's palettes, scales, variable defaults (name, light, dark; - = as light) and
# each built-in theme's own variables. Tab-separated: values hold spaces.
_PALETTES = """
slate #f8fafc #f1f5f9 #e2e8f0 #cbd5e1 #94a3b8 #64748b #475569 #334155 #1e293b #0f172a #0a0f1e
gray #f9fafb #f3f4f6 #e5e7eb #d1d5db #9ca3af #6b7280 #4b5563 #374151 #1f2937 #111827 #0b0f19
zinc #fafafa #f4f4f5 #e4e4e7 #d4d4d8 #bbbbc2 #71717a #52525b #3f3f46 #27272a #18181b #0f0f11
neutral #fafafa #f5f5f5 #e5e5e5 #d4d4d4 #a3a3a3 #737373 #525252 #404040 #262626 #171717 #0f0f0f
stone #fafaf9 #f5f5f4 #e7e5e4 #d6d3d1 #a8a29e #78716c #57534e #44403c #292524 #1c1917 #0f0e0d
red #fef2f2 #fee2e2 #fecaca #fca5a5 #f87171 #ef4444 #dc2626 #b91c1c #991b1b #7f1d1d #6c1e1e
orange #fff7ed #ffedd5 #ffddb3 #fdba74 #fb923c #f97316 #ea580c #c2410c #9a3412 #7c2d12 #6c2e12
amber #fffbeb #fef3c7 #fde68a #fcd34d #fbbf24 #f59e0b #d97706 #b45309 #92400e #78350f #6c370f
yellow #fefce8 #fef9c3 #fef08a #fde047 #facc15 #eab308 #ca8a04 #a16207 #854d0e #713f12 #653b12
lime #f7fee7 #ecfccb #d9f99d #bef264 #a3e635 #84cc16 #65a30d #4d7c0f #3f6212 #365314 #2f4e14
green #f0fdf4 #dcfce7 #bbf7d0 #86efac #4ade80 #22c55e #16a34a #15803d #166534 #14532d #134e28
emerald #ecfdf5 #d1fae5 #a7f3d0 #6ee7b7 #34d399 #10b981 #059669 #047857 #065f46 #064e3b #054436
teal #f0fdfa #ccfbf1 #99f6e4 #5eead4 #2dd4bf #14b8a6 #0d9488 #0f766e #115e59 #134e4a #12443e
cyan #ecfeff #cffafe #a5f3fc #67e8f9 #22d3ee #06b6d4 #0891b2 #0e7490 #155e75 #164e63 #14455c
sky #f0f9ff #e0f2fe #bae6fd #7dd3fc #38bdf8 #0ea5e9 #0284c7 #0369a1 #075985 #0c4a6e #0b4165
blue #eff6ff #dbeafe #bfdbfe #93c5fd #60a5fa #3b82f6 #2563eb #1d4ed8 #1e40af #1e3a8a #1d3660
indigo #eef2ff #e0e7ff #c7d2fe #a5b4fc #818cf8 #6366f1 #4f46e5 #4338ca #3730a3 #312e81 #2b2c5e
violet #f5f3ff #ede9fe #ddd6fe #c4b5fd #a78bfa #8b5cf6 #7c3aed #6d28d9 #5b21b6 #4c1d95 #431d7f
purple #faf5ff #f3e8ff #e9d5ff #d8b4fe #c084fc #a855f7 #9333ea #7e22ce #6b21a8 #581c87 #4c1a73
fuchsia #fdf4ff #fae8ff #f5d0fe #f0abfc #e879f9 #d946ef #c026d3 #a21caf #86198f #701a75 #5e1a66
pink #fdf2f8 #fce7f3 #fbcfe8 #f9a8d4 #f472b6 #ec4899 #db2777 #be185d #9d174d #831843 #6e1a3d
rose #fff1f2 #ffe4e6 #fecdd3 #fda4af #fb7185 #f43f5e #e11d48 #be123c #9f1239 #881337 #771d3a
"""
_SCALES = """
radius_none 0px 0px 0px 0px 0px 0px 0px
radius_sm 1px 1px 2px 4px 6px 8px 12px
radius_md 1px 2px 4px 6px 8px 12px 22px
radius_lg 2px 4px 6px 8px 12px 16px 24px
radius_xxl 6px 8px 10px 20px 24px 28px 32px
spacing_sm 1px 1px 2px 4px 6px 9px 12px
spacing_md 1px 2px 4px 6px 8px 10px 16px
spacing_lg 2px 4px 6px 8px 10px 14px 28px
text_sm 8px 9px 11px 13px 16px 20px 24px
text_md 9px 10px 12px 14px 16px 22px 26px
text_lg 10px 12px 14px 16px 20px 24px 28px
"""
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
_DEFAULT = """
border_color_accent_subdued	*primary_200
checkbox_label_background_fill	*background_fill_primary
checkbox_label_background_fill_dark	*neutral_800
checkbox_label_background_fill_hover	*background_fill_secondary
checkbox_label_background_fill_hover_dark	*checkbox_label_background_fill
error_background_fill_dark	*neutral_900
input_background_fill	white
input_background_fill_dark	*neutral_800
input_border_width	1px
input_shadow_focus	0 0 0 *shadow_spread *secondary_50, *shadow_inset
input_shadow_focus_dark	0 0 0 *shadow_spread *neutral_700, *shadow_inset
stat_background_fill	linear-gradient(to right, *primary_400, *primary_200)
stat_background_fill_dark	linear-gradient(to right, *primary_400, *primary_600)
button_border_width	0px
button_cancel_background_fill	#ef4444
button_cancel_background_fill_dark	#b91c1c
button_cancel_background_fill_hover	#dc2626
button_cancel_background_fill_hover_dark	#991b1b
button_cancel_text_color	white
button_cancel_text_color_dark	white
button_cancel_text_color_hover	white
"""
_SOFT = """
background_fill_primary	*neutral_50
shadow_drop	0 1px 4px 0 rgb(0 0 0 / 0.1)
shadow_drop_lg	0 2px 5px 0 rgb(0 0 0 / 0.1)
shadow_spread	6px
block_background_fill	white
block_border_width	0px
block_label_background_fill	*primary_100
block_label_background_fill_dark	*primary_600
block_label_text_color	*primary_500
block_label_text_color_dark	white
block_label_margin	*spacing_md
block_label_padding	*spacing_sm *spacing_md
block_label_radius	*radius_md
block_label_text_size	*text_md
block_label_text_weight	600
block_title_background_fill	*block_label_background_fill
block_title_text_color	*primary_500
block_title_text_color_dark	white
block_title_padding	*block_label_padding
block_title_radius	*block_label_radius
block_title_text_weight	600
panel_border_width	1px
checkbox_background_color_selected	*primary_600
checkbox_background_color_selected_dark	*primary_700
checkbox_border_color	*neutral_100
checkbox_border_color_dark	*neutral_600
checkbox_border_color_focus	*primary_500
checkbox_border_color_focus_dark	*primary_600
checkbox_border_color_selected	*primary_600
checkbox_border_color_selected_dark	*primary_700
checkbox_border_width	1px
checkbox_label_background_fill_selected	*primary_500
checkbox_label_background_fill_selected_dark	*primary_600
checkbox_label_shadow	*shadow_drop_lg
checkbox_shadow	none
checkbox_label_text_color_selected	white
input_background_fill	white
input_border_color	*neutral_50
input_shadow	*shadow_drop
input_shadow_focus	*shadow_drop_lg
slider_color	*primary_500
slider_color_dark	*primary_600
button_primary_background_fill_hover	*primary_400
button_primary_background_fill_hover_dark	*primary_500
button_primary_shadow	*shadow_drop_lg
button_primary_shadow_hover	*shadow_drop_lg
button_primary_shadow_active	*shadow_inset
button_secondary_background_fill	white
button_secondary_background_fill_hover	*neutral_100
button_secondary_background_fill_hover_dark	*primary_500
button_secondary_text_color	*neutral_800
button_secondary_shadow	*shadow_drop_lg
button_secondary_shadow_hover	*shadow_drop_lg
button_secondary_shadow_active	*shadow_inset
"""
_GLASS = """
body_background_fill_dark	*secondary_800
background_fill_primary_dark	*neutral_700
background_fill_secondary	*secondary_100
background_fill_secondary_dark	*secondary_800
border_color_primary_dark	*secondary_600
shadow_inset	rgba(0,0,0,0.05) 0px 1px 2px 0px inset
block_background_fill	*secondary_50
block_background_fill_dark	*secondary_800
block_border_color_dark	*secondary_600
block_border_width	0px
block_border_width_dark	1px
block_label_background_fill	*secondary_200
block_label_background_fill_dark	*secondary_700
block_label_border_color_dark	*secondary_600
block_label_text_color	*secondary_500
block_label_text_size	*text_md
block_label_text_weight	600
block_title_text_color	*secondary_500
block_title_text_weight	600
panel_border_width	1px
checkbox_background_color_dark	*secondary_400
checkbox_border_width	0px
checkbox_border_width_dark	0px
checkbox_label_border_color_dark	*secondary_700
checkbox_label_border_width	1px
checkbox_label_border_width_dark	1px
input_background_fill	linear-gradient(0deg, *secondary_100 0%, white 100%)
input_background_fill_dark	*secondary_600
input_border_color_dark	*secondary_600
input_border_color_focus_dark	*secondary_500
input_border_width	1px
table_even_background_fill_dark	*neutral_700
table_odd_background_fill_dark	*neutral_700
button_border_width	1px
button_primary_background_fill	linear-gradient(180deg, *primary_100 0%, *primary_200 30%)
button_primary_background_fill_dark	linear-gradient(180deg, *primary_500 0%, *primary_600 30%)
button_primary_background_fill_hover	linear-gradient(180deg, *primary_100 0%, *primary_200 30%)
button_primary_background_fill_hover_dark	linear-gradient(180deg, *primary_500 0%, *primary_600 30%)
button_primary_border_color	*primary_200
button_primary_border_color_hover	*button_primary_border_color
button_primary_text_color	*body_text_color
button_primary_shadow_active	*shadow_inset
button_secondary_background_fill	linear-gradient(180deg, *secondary_100 0%, *secondary_200 30%)
button_secondary_background_fill_dark	linear-gradient(180deg, *secondary_500 0%, *secondary_600 30%)
button_secondary_background_fill_hover	linear-gradient(180deg, *secondary_100 0%, *secondary_200 30%)
button_secondary_background_fill_hover_dark	linear-gradient(180deg, *secondary_500 0%, *secondary_600 30%)
button_secondary_shadow_active	*shadow_inset
"""
_MONOCHROME = """
body_text_color	*neutral_900
background_fill_primary_dark	*neutral_900
background_fill_secondary_dark	*neutral_800
body_text_color_subdued	*neutral_700
shadow_drop_lg	0 1px 4px 0 rgb(0 0 0 / 0.1)
block_label_text_color	*body_text_color
block_label_text_size	*text_md
block_label_text_weight	600
block_shadow_dark	*shadow_drop_lg
block_title_text_color	*body_text_color
block_title_text_weight	600
checkbox_background_color	*input_background_fill
checkbox_label_background_fill_selected	*button_primary_background_fill
checkbox_label_border_color	*checkbox_background_color
checkbox_label_border_color_hover	*button_secondary_border_color_hover
checkbox_label_border_color_selected	*button_primary_border_color
checkbox_label_border_width	*button_border_width
checkbox_label_padding	*spacing_sm
checkbox_label_text_color_selected	*button_primary_text_color
slider_color	*neutral_900
slider_color_dark	*neutral_500
button_border_width	2px
button_cancel_border_color	*neutral_900
button_large_padding	*spacing_lg
button_primary_background_fill	*neutral_900
button_primary_background_fill_dark	*neutral_600
button_primary_background_fill_hover	*neutral_700
button_primary_background_fill_hover_dark	*neutral_600
button_primary_border_color	*neutral_900
button_secondary_background_fill	white
button_secondary_background_fill_dark	*neutral_700
button_secondary_background_fill_hover	white
button_secondary_border_color	*neutral_900
button_secondary_border_color_hover	*neutral_400
button_secondary_text_color	*neutral_900
button_secondary_text_color_hover	*neutral_400
button_small_padding	*spacing_sm
"""
_OCEAN = """
block_shadow	*shadow_drop_lg
checkbox_background_color_selected	*primary_400
checkbox_background_color_selected_dark	*primary_600
checkbox_label_background_fill_selected	linear-gradient(120deg, *primary_400 0%, *primary_300 60%, *primary_400 100%)
checkbox_label_background_fill_selected_dark	linear-gradient(120deg, *primary_600 0%, *primary_500 60%, *primary_600 100%)
checkbox_label_border_color_selected	*primary_400
checkbox_label_border_color_selected_dark	*primary_600
checkbox_label_border_width	1px
checkbox_label_text_color_selected	*button_secondary_text_color
checkbox_label_text_color_selected_dark	*button_secondary_text_color
slider_color	*primary_400
slider_color_dark	*primary_500
button_border_width	0px
button_transform_hover	scale(1.02)
button_transition	all 0.1s ease-in-out
button_primary_background_fill	linear-gradient(120deg, *secondary_500 0%, *primary_300 60%, *primary_400 100%)
button_primary_background_fill_dark	linear-gradient(120deg, *secondary_600 0%, *primary_500 60%, *primary_600 100%)
button_primary_background_fill_hover	linear-gradient(120deg, *secondary_400 0%, *primary_300 60%, *primary_300 100%)
button_primary_background_fill_hover_dark	linear-gradient(120deg, *secondary_500 0%, *primary_500 60%, *primary_500 100%)
button_primary_text_color	*button_secondary_text_color
button_primary_text_color_dark	*button_secondary_text_color
button_primary_shadow_hover	0 1px 3px 0 *primary_200, 0 1px 2px -1px *primary_200
button_primary_shadow_dark	none
button_secondary_background_fill	linear-gradient(120deg, *neutral_300 0%, *neutral_100 60%, *neutral_200 100%)
button_secondary_background_fill_dark	linear-gradient(120deg, *neutral_700 0%, *neutral_600 60%, *neutral_700 100%)
button_secondary_background_fill_hover	linear-gradient(120deg, *neutral_200 0%, *neutral_100 60%, *neutral_100 100%)
button_secondary_background_fill_hover_dark	linear-gradient(120deg, *neutral_600 0%, *neutral_600 60%, *neutral_700 100%)
button_secondary_shadow_hover	*shadow_drop_lg
button_secondary_shadow_dark	none
"""
_ORIGIN = """
block_shadow	*shadow_drop
form_gap_width	1px
border_color_accent_subdued	*primary_200
checkbox_label_background_fill	linear-gradient(to top, *neutral_50, white)
checkbox_label_background_fill_dark	linear-gradient(to top, *neutral_900, *neutral_800)
checkbox_label_background_fill_hover	linear-gradient(to top, *neutral_100, white)
checkbox_label_background_fill_hover_dark	linear-gradient(to top, *neutral_900, *neutral_800)
checkbox_label_shadow	*shadow_drop
error_background_fill_dark	*neutral_900
input_background_fill	white
input_background_fill_dark	*neutral_800
input_border_width	1px
input_shadow	0 0 0 *shadow_spread transparent, *shadow_inset
input_shadow_focus	0 0 0 *shadow_spread *secondary_50, *shadow_inset
input_shadow_focus_dark	0 0 0 *shadow_spread *neutral_700, *shadow_inset
stat_background_fill	linear-gradient(to right, *primary_400, *primary_200)
stat_background_fill_dark	linear-gradient(to right, *primary_400, *primary_600)
button_border_width	1px
button_border_width_dark	1px
button_cancel_background_fill	linear-gradient(to bottom right, #fee2e2, #fecaca)
button_cancel_background_fill_dark	linear-gradient(to bottom right, #dc2626, #b91c1c)
button_cancel_background_fill_hover	linear-gradient(to bottom right, #fee2e2, #fee2e2)
button_cancel_background_fill_hover_dark	linear-gradient(to bottom right, #dc2626, #dc2626)
button_cancel_border_color	#fecaca
button_cancel_border_color_dark	#dc2626
button_cancel_border_color_hover	#fecaca
button_cancel_border_color_hover_dark	#dc2626
button_cancel_text_color	#dc2626
button_cancel_text_color_dark	white
button_transition	none
button_primary_background_fill	linear-gradient(to bottom right, *primary_100, *primary_300)
button_primary_background_fill_dark	linear-gradient(to bottom right, *primary_500, *primary_600)
button_primary_background_fill_hover	linear-gradient(to bottom right, *primary_100, *primary_200)
button_primary_background_fill_hover_dark	linear-gradient(to bottom right, *primary_500, *primary_500)
button_primary_border_color	*primary_200
button_primary_border_color_dark	*primary_500
button_primary_border_color_hover	*button_primary_border_color
button_primary_text_color	*primary_600
button_primary_shadow	*shadow_drop
button_primary_shadow_hover	*shadow_drop_lg
button_primary_shadow_active	*shadow_inset
button_secondary_background_fill	linear-gradient(to bottom right, *neutral_100, *neutral_200)
button_secondary_background_fill_dark	linear-gradient(to bottom right, *neutral_600, *neutral_700)
button_secondary_background_fill_hover	linear-gradient(to bottom right, *neutral_100, *neutral_100)
button_secondary_background_fill_hover_dark	linear-gradient(to bottom right, *neutral_600, *neutral_600)
button_secondary_border_color_hover_dark	*neutral_600
button_secondary_text_color	*neutral_800
button_secondary_shadow	*shadow_drop
button_secondary_shadow_hover	*shadow_drop_lg
button_secondary_shadow_active	*shadow_inset
"""
_CITRUS = """
background_fill_primary	*neutral_50
block_background_fill	*neutral_100
block_border_color	*neutral_300
block_label_shadow	none
block_shadow	0px 3px 0px 0px *neutral_300;
block_shadow_dark	0px 3px 0px 0px *neutral_700;
panel_border_width	1px
checkbox_background_color_dark	*neutral_400
checkbox_background_color_selected_dark	*primary_600
checkbox_label_background_fill	*neutral_200
checkbox_label_background_fill_dark	*neutral_700
checkbox_label_background_fill_hover	*checkbox_label_background_fill
checkbox_label_background_fill_hover_dark	*checkbox_label_background_fill
checkbox_label_background_fill_selected	*primary_400
checkbox_label_background_fill_selected_dark	*primary_500
checkbox_label_border_color_selected	*primary_300
checkbox_label_border_color_selected_dark	*primary_600
checkbox_label_border_width	2px
checkbox_label_border_width_dark	2px
checkbox_shadow	none
checkbox_label_text_color_selected_dark	*button_primary_text_color
input_background_fill	*neutral_50
input_background_fill_dark	*neutral_900
input_background_fill_focus	*primary_50
input_background_fill_focus_dark	none
input_border_width	1px
input_shadow	0px -1px 0px 0px *neutral_300;
input_shadow_dark	0px -1px 0px 0px *neutral_700;
input_shadow_focus	0px -1px 0px 0px *primary_300;
input_shadow_focus_dark	0px -1px 0px 0px *primary_600;
slider_color	*primary_400
slider_color_dark	*primary_500
button_border_width	0px
button_cancel_background_fill	#ef4444
button_cancel_background_fill_dark	#b91c1c
button_cancel_background_fill_hover	#dc2626
button_cancel_background_fill_hover_dark	#991b1b
button_cancel_text_color	white
button_cancel_text_color_dark	white
button_cancel_text_color_hover	white
button_cancel_shadow	0px 3px 0px 0px rgb(248 113 113)
button_cancel_shadow_hover	0px 5px 0px 0px rgb(248 113 113)
button_cancel_shadow_active	0px 2px 0px 0px rgb(248 113 113)
button_cancel_shadow_dark	0px 3px 0px 0px rgb(220 38 38)
button_cancel_shadow_hover_dark	0px 5px 0px 0px rgb(220 38 38)
button_cancel_shadow_active_dark	0px 2px 0px 0px rgb(220 38 38)
button_transform_hover	translateY(-2px);
button_transform_active	translateY(1px);
button_transition	all 0.1s;
button_primary_background_fill_hover	*button_primary_background_fill
button_primary_background_fill_hover_dark	*button_primary_background_fill
button_primary_text_color	*button_secondary_text_color
button_primary_text_color_dark	*button_secondary_text_color
button_primary_shadow	0px 3px 0px 0px *primary_400;
button_primary_shadow_hover	0px 5px 0px 0px *primary_400;
button_primary_shadow_active	0px 2px 0px 0px *primary_400;
button_primary_shadow_dark	0px 3px 0px 0px *primary_700;
button_primary_shadow_hover_dark	0px 5px 0px 0px *primary_700;
button_primary_shadow_active_dark	0px 2px 0px 0px *primary_700;
button_secondary_background_fill	*primary_400
button_secondary_background_fill_dark	*primary_500
button_secondary_background_fill_hover	*button_secondary_background_fill
button_secondary_background_fill_hover_dark	*button_secondary_background_fill
button_secondary_text_color_dark	*neutral_900
button_secondary_shadow	0px 3px 0px 0px *primary_300;
button_secondary_shadow_hover	0px 5px 0px 0px *primary_300;
button_secondary_shadow_active	0px 2px 0px 0px *primary_300;
button_secondary_shadow_dark	0px 3px 0px 0px *primary_600;
button_secondary_shadow_hover_dark	0px 5px 0px 0px *primary_600;
button_secondary_shadow_active_dark	0px 2px 0px 0px *primary_600;
"""
_EMBER = """
body_background_fill	*neutral_50
body_background_fill_dark	*neutral_950
body_text_color_dark	*neutral_200
color_accent_soft_dark	*primary_900
background_fill_primary_dark	*neutral_900
background_fill_secondary	*neutral_100
background_fill_secondary_dark	*neutral_800
body_text_color_subdued	*neutral_500
shadow_drop	0 1px 3px 0 rgb(0 0 0 / 0.08)
shadow_drop_lg	0 4px 12px 0 rgb(0 0 0 / 0.1)
shadow_spread	6px
block_background_fill	white
block_background_fill_dark	*neutral_900
block_border_width	0px
block_label_background_fill	*primary_50
block_label_background_fill_dark	*primary_900
block_label_text_color	*primary_600
block_label_text_color_dark	*primary_300
block_label_padding	*spacing_sm *spacing_md
block_label_radius	*radius_md
block_label_text_size	*text_md
block_label_text_weight	600
block_shadow	*shadow_drop
block_shadow_dark	0 1px 4px 0 rgb(0 0 0 / 0.3)
block_title_background_fill	*primary_50
block_title_background_fill_dark	*primary_900
block_title_text_color	*primary_600
block_title_text_color_dark	*primary_300
block_title_padding	*spacing_sm *spacing_md
block_title_radius	*radius_md
block_title_text_weight	600
panel_border_color	*neutral_200
panel_border_color_dark	*neutral_700
panel_border_width	1px
checkbox_background_color_selected	*primary_500
checkbox_background_color_selected_dark	*primary_500
checkbox_border_color_dark	*neutral_500
checkbox_border_color_selected	*primary_500
checkbox_border_color_selected_dark	*primary_500
checkbox_label_background_fill	white
checkbox_label_background_fill_dark	*neutral_800
checkbox_label_background_fill_selected	*primary_500
checkbox_label_background_fill_selected_dark	*primary_600
checkbox_label_shadow	*shadow_drop
checkbox_shadow	none
checkbox_label_text_color_selected	white
input_background_fill	white
input_background_fill_dark	*neutral_800
input_border_color	*neutral_200
input_border_color_dark	*neutral_600
input_border_color_focus	*primary_400
input_border_color_focus_dark	*primary_500
input_border_width	1px
input_shadow_focus	0 0 0 3px *primary_100
input_shadow_focus_dark	0 0 0 3px *primary_900
loader_color	*primary_500
loader_color_dark	*primary_400
slider_color	*primary_500
slider_color_dark	*primary_400
table_even_background_fill	*neutral_50
table_even_background_fill_dark	*neutral_800
table_odd_background_fill	white
button_border_width	0px
button_cancel_background_fill	#ef4444
button_cancel_background_fill_dark	#dc2626
button_cancel_background_fill_hover	#dc2626
button_cancel_background_fill_hover_dark	#b91c1c
button_cancel_text_color	white
button_cancel_text_color_dark	white
button_transition	all 0.15s ease
button_primary_background_fill_hover_dark	*primary_500
button_primary_shadow	0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)
button_primary_shadow_hover	0 4px 6px -1px rgb(0 0 0 / 0.1), 0 2px 4px -2px rgb(0 0 0 / 0.1)
button_primary_shadow_active	none
button_secondary_background_fill	white
button_secondary_background_fill_dark	*neutral_800
button_secondary_background_fill_hover	*neutral_50
button_secondary_text_color	*neutral_700
button_secondary_text_color_dark	*neutral_200
button_secondary_shadow	*shadow_drop
button_secondary_shadow_hover	*shadow_drop_lg
"""
_CYBERPUNK = """
body_background_fill	*neutral_100
body_background_fill_dark	#0a0416
body_text_color_dark	*neutral_300
color_accent	*secondary_500
color_accent_soft	*secondary_50
color_accent_soft_dark	#164e6360
background_fill_primary	*neutral_50
background_fill_primary_dark	#110b22
background_fill_secondary	*neutral_200
background_fill_secondary_dark	#1a1030
body_text_color_subdued	*neutral_500
shadow_drop	none
shadow_drop_lg	none
shadow_spread	0px
block_background_fill	white
block_background_fill_dark	#110b22
block_border_color	*neutral_300
block_border_color_dark	#5b21b660
block_border_width	2px
block_label_background_fill	*primary_100
block_label_background_fill_dark	#701a7580
block_label_text_color	*primary_700
block_label_text_color_dark	*primary_300
block_label_radius	0
block_label_text_weight	700
block_shadow_dark	none
block_title_background_fill	*primary_100
block_title_background_fill_dark	#701a7580
block_title_text_color	*primary_700
block_title_text_color_dark	*primary_300
block_title_padding	*spacing_sm *spacing_lg
block_title_radius	0
block_title_text_weight	700
panel_border_color	*neutral_300
panel_border_color_dark	#5b21b660
panel_border_width	2px
checkbox_background_color_selected	*primary_500
checkbox_background_color_selected_dark	*primary_500
checkbox_border_color	*neutral_400
checkbox_border_color_dark	#7c3aed60
checkbox_border_color_selected	*primary_600
checkbox_border_color_selected_dark	*primary_500
checkbox_border_width	2px
checkbox_label_background_fill	white
checkbox_label_background_fill_dark	#1a1030
checkbox_label_background_fill_hover	*primary_50
checkbox_label_background_fill_hover_dark	#241540
checkbox_label_background_fill_selected	*primary_600
checkbox_label_background_fill_selected_dark	*primary_800
checkbox_label_border_color	*neutral_300
checkbox_label_border_color_dark	#6d28d950
checkbox_label_border_color_selected	*primary_600
checkbox_label_border_color_selected_dark	*primary_600
checkbox_label_border_width	2px
checkbox_shadow	none
checkbox_label_text_color_selected	white
checkbox_label_text_color_selected_dark	*primary_200
input_background_fill	white
input_background_fill_dark	#1a1030
input_background_fill_focus	white
input_background_fill_focus_dark	#1e1238
input_border_color	*neutral_300
input_border_color_dark	#6d28d950
input_border_color_focus	*primary_500
input_border_color_focus_dark	*primary_500
input_border_width	2px
input_shadow_focus	0 0 0 2px #f0abfc
input_shadow_focus_dark	0 0 0 2px #d946ef80, 0 0 16px -2px #c026d330
loader_color	*secondary_500
loader_color_dark	*secondary_400
slider_color	*secondary_500
slider_color_dark	*secondary_400
table_border_color_dark	#5b21b660
table_even_background_fill	*neutral_50
table_even_background_fill_dark	#1a1030
table_odd_background_fill	white
table_odd_background_fill_dark	#110b22
table_row_focus	*primary_50
table_row_focus_dark	#241540
button_border_width	2px
button_cancel_background_fill	white
button_cancel_background_fill_dark	#1a1030
button_cancel_background_fill_hover	#fef2f2
button_cancel_background_fill_hover_dark	#7f1d1d40
button_cancel_border_color	#fca5a5
button_cancel_border_color_dark	#b91c1c60
button_cancel_text_color	#dc2626
button_cancel_text_color_dark	#f87171
button_transition	all 0.1s ease
button_primary_background_fill_hover_dark	*primary_500
button_primary_border_color	*primary_600
button_primary_border_color_dark	*primary_500
button_primary_shadow_hover	none
button_primary_shadow_active	none
button_primary_shadow_dark	0 0 12px -2px #d946ef50
button_primary_shadow_hover_dark	0 0 20px -2px #d946ef60
button_primary_shadow_active_dark	none
button_secondary_background_fill	white
button_secondary_background_fill_dark	#1a1030
button_secondary_background_fill_hover	*neutral_100
button_secondary_background_fill_hover_dark	#241540
button_secondary_border_color	*neutral_300
button_secondary_border_color_dark	#6d28d950
button_secondary_text_color	*neutral_700
button_secondary_text_color_dark	*neutral_300
button_secondary_shadow	none
"""
_MARIO = """
body_background_fill	#6B8CFF
body_text_color	#000000
color_accent	#FAC000
color_accent_soft	#FCE4A8
background_fill_primary	#6B8CFF
background_fill_secondary	#E4A672
link_text_color	#00A800
link_text_color_hover	#10C010
body_text_color_subdued	#A0380C
shadow_drop	none
shadow_drop_lg	none
shadow_inset	rgba(0,0,0,0.3) 0px 2px 4px 0px inset
shadow_spread	0px
block_background_fill	#FAC000
block_border_color	#000000
block_border_width	4px
block_label_background_fill	#C84C0C
block_label_border_color	#000000
block_label_border_width	3px
block_label_shadow	0px 3px 0px 0px #9C6838
block_label_text_color	#000000
block_label_padding	*spacing_sm *spacing_md
block_label_radius	4px
block_padding	*spacing_lg
block_radius	4px
block_shadow	0px 4px 0px 0px #A0380C
block_title_background_fill	#C84C0C
block_title_border_color	#000000
block_title_border_width	3px
block_title_text_color	#000000
block_title_padding	*spacing_sm *spacing_md
block_title_radius	4px
panel_background_fill	#C84C0C
panel_border_color	#000000
panel_border_width	4px
checkbox_background_color_selected	#FAC000
checkbox_border_color	#000000
checkbox_border_color_selected	#000000
checkbox_border_width	3px
checkbox_label_background_fill	#FCE4A8
checkbox_label_background_fill_hover	#FCFCFC
checkbox_label_background_fill_selected	#FAC000
checkbox_label_border_color	#000000
checkbox_label_border_color_selected	#000000
checkbox_label_border_width	3px
checkbox_label_shadow	0px 3px 0px 0px #9C6838
checkbox_label_shadow_hover	0px 5px 0px 0px #9C6838
checkbox_label_shadow_active	0px 1px 0px 0px #9C6838
checkbox_shadow	none
checkbox_label_text_color	#000000
checkbox_label_text_color_selected	#000000
error_background_fill	#FCD0D0
error_border_color	#dc2626
error_text_color	#991b1b
error_icon_color	#dc2626
input_background_fill	#FCE4A8
input_background_fill_focus	#FCFCFC
input_border_color	#000000
input_border_color_focus	#C84C0C
input_border_width	3px
input_placeholder_color	#9C6838
input_radius	4px
input_shadow_focus	0 0 0 3px #FAC000
loader_color	#FAC000
slider_color	#00A800
table_border_color	#000000
table_even_background_fill	#FCE4A8
table_odd_background_fill	#E4A672
table_row_focus	#FAC000
button_border_width	4px
button_cancel_background_fill	#dc2626
button_cancel_background_fill_hover	#ef4444
button_cancel_border_color	#000000
button_cancel_text_color	#000000
button_cancel_shadow	0px 4px 0px 0px #7f1d1d
button_cancel_shadow_hover	0px 6px 0px 0px #7f1d1d
button_cancel_shadow_active	0px 1px 0px 0px #7f1d1d
button_transform_hover	translateY(-2px)
button_transform_active	translateY(2px)
button_transition	all 0.08s ease
button_primary_background_fill	#00A800
button_primary_background_fill_hover	#10C010
button_primary_border_color	#000000
button_primary_text_color	#000000
button_primary_shadow	0px 4px 0px 0px #005800
button_primary_shadow_hover	0px 6px 0px 0px #005800
button_primary_shadow_active	0px 1px 0px 0px #005800
button_secondary_background_fill	#C84C0C
button_secondary_background_fill_hover	#D86020
button_secondary_border_color	#000000
button_secondary_text_color	#000000
button_secondary_shadow	0px 4px 0px 0px #9C6838
button_secondary_shadow_hover	0px 6px 0px 0px #9C6838
button_secondary_shadow_active	0px 1px 0px 0px #9C6838
"""
_NEON = """
body_background_fill	*neutral_100
body_background_fill_dark	*neutral_950
body_text_color_dark	*neutral_200
color_accent	*secondary_500
color_accent_soft	*secondary_100
color_accent_soft_dark	*secondary_900
background_fill_primary	*neutral_100
background_fill_primary_dark	*neutral_900
background_fill_secondary	*neutral_200
background_fill_secondary_dark	*neutral_800
body_text_color_subdued	*neutral_500
shadow_drop	none
shadow_drop_lg	none
shadow_spread	0px
block_background_fill	white
block_background_fill_dark	*neutral_900
block_border_color	*neutral_300
block_border_color_dark	*neutral_700
block_border_width	2px
block_label_background_fill	*primary_200
block_label_background_fill_dark	*primary_800
block_label_text_color	*primary_800
block_label_text_color_dark	*primary_200
block_label_radius	0 0 calc(*radius_sm - 1px) 0
block_label_text_size	*text_md
block_label_text_weight	600
block_shadow	0px 3px 0px 0px *neutral_300
block_shadow_dark	0px 3px 0px 0px *neutral_800
block_title_background_fill	*primary_200
block_title_background_fill_dark	*primary_800
block_title_text_color	*primary_800
block_title_text_color_dark	*primary_200
block_title_padding	*spacing_sm *spacing_lg
block_title_radius	*radius_sm
block_title_text_weight	600
panel_border_color	*neutral_300
panel_border_color_dark	*neutral_700
panel_border_width	2px
checkbox_background_color_selected	*primary_500
checkbox_background_color_selected_dark	*primary_400
checkbox_border_color	*neutral_400
checkbox_border_color_dark	*neutral_500
checkbox_border_color_selected	*primary_600
checkbox_border_color_selected_dark	*primary_500
checkbox_border_width	2px
checkbox_label_background_fill	white
checkbox_label_background_fill_dark	*neutral_800
checkbox_label_background_fill_hover	*primary_50
checkbox_label_background_fill_hover_dark	*neutral_700
checkbox_label_background_fill_selected	*primary_300
checkbox_label_background_fill_selected_dark	*primary_700
checkbox_label_border_color	*neutral_300
checkbox_label_border_color_dark	*neutral_600
checkbox_label_border_color_selected	*primary_500
checkbox_label_border_color_selected_dark	*primary_500
checkbox_label_border_width	2px
checkbox_label_shadow	0px 4px 0px 0px *neutral_300
checkbox_label_shadow_dark	0px 4px 0px 0px *neutral_700
checkbox_label_shadow_hover	0px 6px 0px 0px *neutral_300
checkbox_label_shadow_hover_dark	0px 6px 0px 0px *neutral_700
checkbox_label_shadow_active	0px 2px 0px 0px *neutral_300
checkbox_label_shadow_active_dark	0px 2px 0px 0px *neutral_700
checkbox_shadow	none
checkbox_label_text_color_selected	*primary_900
checkbox_label_text_color_selected_dark	*primary_100
input_background_fill	white
input_background_fill_dark	*neutral_800
input_background_fill_focus	*primary_50
input_background_fill_focus_dark	*neutral_700
input_border_color	*neutral_300
input_border_color_dark	*neutral_600
input_border_color_focus	*primary_500
input_border_color_focus_dark	*primary_400
input_border_width	2px
input_shadow_focus	none
loader_color	*primary_500
loader_color_dark	*primary_400
slider_color	*primary_500
slider_color_dark	*primary_400
table_border_color_dark	*neutral_600
table_even_background_fill	*neutral_50
table_even_background_fill_dark	*neutral_800
table_odd_background_fill	white
button_border_width	2px
button_cancel_background_fill	#f87171
button_cancel_background_fill_dark	#ef4444
button_cancel_background_fill_hover	#f87171
button_cancel_background_fill_hover_dark	#ef4444
button_cancel_border_color	#ef4444
button_cancel_border_color_dark	#dc2626
button_cancel_text_color	white
button_cancel_text_color_dark	white
button_cancel_shadow	0px 4px 0px 0px #dc2626
button_cancel_shadow_hover	0px 6px 0px 0px #dc2626
button_cancel_shadow_active	0px 2px 0px 0px #dc2626
button_cancel_shadow_dark	0px 4px 0px 0px #b91c1c
button_cancel_shadow_hover_dark	0px 6px 0px 0px #b91c1c
button_cancel_shadow_active_dark	0px 2px 0px 0px #b91c1c
button_transform_hover	translateY(-2px)
button_transform_active	translateY(1px)
button_transition	all 0.1s ease
button_primary_background_fill	*primary_400
button_primary_background_fill_dark	*primary_500
button_primary_background_fill_hover	*primary_400
button_primary_background_fill_hover_dark	*primary_500
button_primary_text_color	*primary_950
button_primary_text_color_dark	*primary_950
button_primary_shadow	0px 4px 0px 0px *primary_600
button_primary_shadow_hover	0px 6px 0px 0px *primary_600
button_primary_shadow_active	0px 2px 0px 0px *primary_600
button_primary_shadow_dark	0px 4px 0px 0px *primary_700
button_primary_shadow_hover_dark	0px 6px 0px 0px *primary_700
button_primary_shadow_active_dark	0px 2px 0px 0px *primary_700
button_secondary_background_fill	white
button_secondary_background_fill_dark	*neutral_800
button_secondary_background_fill_hover	white
button_secondary_background_fill_hover_dark	*neutral_800
button_secondary_border_color	*neutral_300
button_secondary_text_color	*neutral_700
button_secondary_text_color_dark	*neutral_200
button_secondary_shadow	0px 4px 0px 0px *neutral_300
button_secondary_shadow_hover	0px 6px 0px 0px *neutral_300
button_secondary_shadow_active	0px 2px 0px 0px *neutral_300
button_secondary_shadow_dark	0px 4px 0px 0px *neutral_700
button_secondary_shadow_hover_dark	0px 6px 0px 0px *neutral_700
button_secondary_shadow_active_dark	0px 2px 0px 0px *neutral_700
"""

for _row in _table(_PALETTES):
    setattr(colors, _row[0], Color(*_row[1:], name=_row[0]))
for _row in _table(_SCALES):
    setattr(sizes, _row[0], Size(*_row[1:], name=_row[0]))

Default = _theme(
    "Default", "Gradio's default theme (orange, zinc, Source Sans Pro).", _DEFAULT,
    primary_hue="orange", secondary_hue="blue", neutral_hue="zinc", font=_stack("Source Sans Pro"), font_mono=_stack("IBM Plex Mono", mono=True),
)
Soft = _theme(
    "Soft", "Gradio's soft theme (indigo, filled blocks, Montserrat).", _SOFT,
    primary_hue="indigo", secondary_hue="indigo", neutral_hue="gray", font=_stack("Montserrat"), font_mono=_stack("IBM Plex Mono", mono=True),
)
Glass = _theme(
    "Glass", "Gradio's glass theme (slate, gradients, small sizes).", _GLASS,
    primary_hue="blue", secondary_hue="slate", neutral_hue="slate", spacing_size="sm", radius_size="sm", text_size="sm",
    font=("Optima", "Candara", "Noto Sans", "source-sans-pro", "sans-serif"), font_mono=_stack("IBM Plex Mono", mono=True),
)
Monochrome = _theme(
    "Monochrome", "Gradio's monochrome theme (neutral, square corners, Lora).", _MONOCHROME,
    primary_hue="neutral", secondary_hue="neutral", neutral_hue="neutral", spacing_size="lg", radius_size="none",
    font=_stack("Lora"), font_mono=_stack("IBM Plex Mono", mono=True),
)
Ocean = _theme(
    "Ocean", "Gradio's ocean theme (emerald and sky gradients, round corners).", _OCEAN,
    primary_hue="emerald", secondary_hue="sky", neutral_hue="zinc", radius_size="xxl", font=_stack("IBM Plex Sans"), font_mono=_stack("IBM Plex Mono", mono=True),
)
Origin = _theme(
    "Origin", "Gradio's pre-5.0 default theme (orange, gray).", _ORIGIN,
    primary_hue="orange", secondary_hue="blue", neutral_hue="gray", font=_stack("Source Sans Pro"), font_mono=_stack("IBM Plex Mono", mono=True),
)
Citrus = _theme(
    "Citrus", "Gradio's citrus theme (amber, stone, Ubuntu).", _CITRUS,
    primary_hue="amber", secondary_hue="amber", neutral_hue="stone", spacing_size="lg", font=_stack("Ubuntu"), font_mono=_stack("Roboto Mono", mono=True),
)
Ember = _theme(
    "Ember", "Gradio's ember theme (orange, stone).", _EMBER,
    primary_hue="orange", secondary_hue="orange", neutral_hue="stone", radius_size="lg", font=_stack("Source Sans 3"), font_mono=_stack("Source Code Pro", mono=True),
)
Cyberpunk = _theme(
    "Cyberpunk", "Gradio's cyberpunk theme (fuchsia and cyan).", _CYBERPUNK,
    primary_hue="fuchsia", secondary_hue="cyan", neutral_hue="slate", radius_size="sm", font=_stack("Chakra Petch"), font_mono=_stack("Share Tech Mono", mono=True),
)
Mario = _theme(
    "Mario", "Gradio's Mario theme (orange, green; its extra CSS is not drawn).", _MARIO,
    primary_hue="orange", secondary_hue="green", neutral_hue="stone", radius_size="sm",
    font=(LocalFont("Press Start 2P"), "ui-monospace", "monospace"), font_mono=_stack("Press Start 2P", mono=True),
)
Neon = _theme(
    "Neon", "Gradio's neon theme (lime and cyan, round corners).", _NEON,
    primary_hue="lime", secondary_hue="cyan", neutral_hue="neutral", spacing_size="lg", radius_size="xxl",
    font=_stack("Lexend"), font_mono=_stack("Space Mono", mono=True),
)
_BUILT_IN: dict[str, type[Base]] = {
    t.__name__.lower(): t for t in (Base, Default, Soft, Glass, Monochrome, Ocean, Origin, Citrus, Ember, Cyberpunk, Mario, Neon)
}

__all__ = [
    "Base", "Citrus", "Color", "Cyberpunk", "Default", "Ember", "Font", "Glass", "GoogleFont",
    "LocalFont", "Mario", "Monochrome", "Neon", "Ocean", "Origin", "Size", "Soft", "ThemeClass",
    "colors", "fonts", "sizes", "theme_named", "utils", "variable_names",
]
