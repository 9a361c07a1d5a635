"""``gr.themes``: Gradio's theme classes, colours, sizes and fonts, so that ``Blocks(theme=...)``
and ``gr.themes.Soft(primary_hue="red").set(button_primary_background_fill="...")`` run.

A theme here records what it was given (``hues``, ``sizes``, ``fonts``, and the CSS variables
passed to :meth:`ThemeClass.set`); apps are not yet drawn with it: a notebook app takes the
notebook's look.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

_SHADES = ("c50", "c100", "c200", "c300", "c400", "c500", "c600", "c700", "c800", "c900", "c950")


class Color:
    """A named hue (``gr.themes.colors.blue``); shades ``c50`` ... ``c950`` as given."""

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
    """A named scale (``gr.themes.sizes.radius_sm``): values ``xxs`` ... ``xxl`` as given."""

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

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Font) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)


class GoogleFont(Font):
    """A Google font by name. Never fetched (apps must work offline): the name is used as a
    family name, so the font shows only where it is installed."""

    def __init__(self, name: str, weights: tuple[int, ...] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = weights


class LocalFont(Font):
    """A font the page already has, by name."""

    def __init__(self, name: str, weights: tuple[int, ...] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = weights


_HUES = (
    "slate", "gray", "zinc", "neutral", "stone", "red", "orange", "amber", "yellow", "lime", "green",
    "emerald", "teal", "cyan", "sky", "blue", "indigo", "violet", "purple", "fuchsia", "pink", "rose",
)
#: ``gr.themes.colors``: the named hues.
colors = SimpleNamespace(Color=Color, **{hue: Color(name=hue) for hue in _HUES})
_SIZES = (
    "radius_none", "radius_sm", "radius_md", "radius_lg", "radius_xxl",
    "spacing_sm", "spacing_md", "spacing_lg", "text_sm", "text_md", "text_lg",
)
#: ``gr.themes.sizes``: the named scales.
sizes = SimpleNamespace(Size=Size, **{size: Size(name=size) for size in _SIZES})
#: ``gr.themes.utils.fonts``, as some apps import it.
fonts = SimpleNamespace(Font=Font, GoogleFont=GoogleFont, LocalFont=LocalFont)
utils = SimpleNamespace(colors=colors, sizes=sizes, fonts=fonts)


def _pick(value: Any, table: SimpleNamespace) -> Any:
    """A hue or size given by name (``"red"``) or as an object."""
    return getattr(table, value, value) if isinstance(value, str) else value


class ThemeClass:
    """What every theme has: its settings, and the CSS variables given to :meth:`set`."""

    def __init__(self) -> None:
        self.name = "theme"
        self.variables: dict[str, Any] = {}

    def set(self, **variables: Any) -> ThemeClass:
        """Set CSS variables (``button_primary_background_fill="*primary_200"``); returns the
        theme, so calls chain as in Gradio."""
        self.variables.update(variables)
        for name, value in variables.items():
            setattr(self, name, value)
        return self

    def to_dict(self) -> dict[str, Any]:
        """The CSS variables given so far."""
        return dict(self.variables)

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
    """Gradio's base theme: hues, sizes and fonts, each by name or object."""

    def __init__(
        self,
        *,
        primary_hue: Color | str = "blue",
        secondary_hue: Color | str = "blue",
        neutral_hue: Color | str = "gray",
        text_size: Size | str = "text_md",
        spacing_size: Size | str = "spacing_md",
        radius_size: Size | str = "radius_md",
        font: Any = ("Source Sans Pro", "ui-sans-serif", "system-ui", "sans-serif"),
        font_mono: Any = ("IBM Plex Mono", "ui-monospace", "Consolas", "monospace"),
    ) -> None:
        super().__init__()
        self.name = "base"
        self.primary_hue = _pick(primary_hue, colors)
        self.secondary_hue = _pick(secondary_hue, colors)
        self.neutral_hue = _pick(neutral_hue, colors)
        self.text_size = _pick(text_size, sizes)
        self.spacing_size = _pick(spacing_size, sizes)
        self.radius_size = _pick(radius_size, sizes)
        self.font = [font] if isinstance(font, (str, Font)) else list(font)
        self.font_mono = [font_mono] if isinstance(font_mono, (str, Font)) else list(font_mono)


def _theme(name: str, doc: str, **defaults: Any) -> type[Base]:
    def __init__(self: Base, **kwargs: Any) -> None:
        Base.__init__(self, **{**defaults, **kwargs})
        self.name = name.lower()

    return type(name, (Base,), {"__init__": __init__, "__doc__": doc})


Default = _theme("Default", "Gradio's default theme (orange).", primary_hue="orange", secondary_hue="blue", neutral_hue="gray")
Soft = _theme("Soft", "Gradio's soft theme (indigo, rounded).", primary_hue="indigo", secondary_hue="indigo", radius_size="radius_lg")
Glass = _theme("Glass", "Gradio's glass theme (stone).", primary_hue="stone", secondary_hue="stone", neutral_hue="stone")
Monochrome = _theme("Monochrome", "Gradio's monochrome theme.", primary_hue="neutral", secondary_hue="neutral", neutral_hue="neutral")
Ocean = _theme("Ocean", "Gradio's ocean theme (blue and cyan).", primary_hue="blue", secondary_hue="cyan", neutral_hue="slate")
Origin = _theme("Origin", "Gradio's pre-5.0 default theme (orange).", primary_hue="orange", secondary_hue="blue")
Citrus = _theme("Citrus", "Gradio's citrus theme (amber).", primary_hue="amber", secondary_hue="amber")
Ember = _theme("Ember", "Gradio's ember theme (orange).", primary_hue="orange", secondary_hue="orange")
Cyberpunk = _theme("Cyberpunk", "Gradio's cyberpunk theme (fuchsia).", primary_hue="fuchsia", secondary_hue="cyan")
Mario = _theme("Mario", "Gradio's Mario theme (red).", primary_hue="red", secondary_hue="blue")
Neon = _theme("Neon", "Gradio's neon theme (lime).", primary_hue="lime", secondary_hue="pink")

__all__ = [
    "Base", "Citrus", "Color", "Cyberpunk", "Default", "Ember", "Font", "Glass", "GoogleFont",
    "LocalFont", "Mario", "Monochrome", "Neon", "Ocean", "Origin", "Size", "Soft", "ThemeClass",
    "colors", "fonts", "sizes", "utils",
]
