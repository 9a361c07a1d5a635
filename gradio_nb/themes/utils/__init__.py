"""``gr.themes.utils``: the named hues (:mod:`.colors`), scales (:mod:`.sizes`) and fonts (:mod:`.fonts`)."""

from __future__ import annotations

from ...unavailable import module_getattr
from . import colors, fonts, sizes

__all__ = ["colors", "fonts", "sizes"]

__getattr__ = module_getattr(
    __name__,
    ("ThemeAsset", "get_theme_assets", "get_matching_version"),
    "picks a version of a theme on the Hugging Face Hub, which gradio_nb never reaches (apps run offline).",
)
