"""``gr.themes``: Gradio's theme classes, hues, sizes and fonts, computing the app's CSS variables.

:mod:`.base` holds what a theme is (:class:`ThemeClass`, :class:`Base`), :mod:`.utils` the
named hues, scales and fonts, and each built-in theme has its own module
(:mod:`.default`, :mod:`.soft`, ...), as in Gradio.
"""

from __future__ import annotations

import warnings

from . import utils
from .base import Base, BuiltInTheme, ThemeClass, variable_names
from .citrus import Citrus
from .cyberpunk import Cyberpunk
from .default import Default
from .ember import Ember
from .glass import Glass
from .mario import Mario
from .monochrome import Monochrome
from .neon import Neon
from .ocean import Ocean
from .origin import Origin
from .soft import Soft
from .utils import colors, fonts, sizes
from .utils.colors import Color
from .utils.fonts import Font, GoogleFont, LocalFont
from .utils.sizes import Size

_BUILT_IN: dict[str, type[Base]] = {
    t.__name__.lower(): t for t in (Base, Default, Soft, Glass, Monochrome, Ocean, Origin, Citrus, Ember, Cyberpunk, Mario, Neon)
}


def theme_named(name: str) -> ThemeClass:
    """The built-in theme called ``name`` (``Blocks(theme="soft")``); Gradio would look an
    unknown name up on the Hub: here it warns and gives the Default theme."""
    made = _BUILT_IN.get(name.lower())
    if made is None:
        warnings.warn(f"gr.themes: no built-in theme named {name!r} (themes from the Hub need the network); using the Default theme.", stacklevel=2)
        made = Default
    return made()


__all__ = [
    "Base", "BuiltInTheme", "Citrus", "Color", "Cyberpunk", "Default", "Ember", "Font", "Glass", "GoogleFont",
    "LocalFont", "Mario", "Monochrome", "Neon", "Ocean", "Origin", "Size", "Soft", "ThemeClass",
    "colors", "fonts", "sizes", "theme_named", "utils", "variable_names",
]
