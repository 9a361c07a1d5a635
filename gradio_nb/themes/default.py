"""``gr.themes.Default``: Gradio's default theme (orange, zinc, Source Sans Pro)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import BuiltInTheme
from .utils.fonts import font_stack


class Default(BuiltInTheme):
    """Gradio's default theme (orange, zinc, Source Sans Pro)."""

    NAME = "default"
    DEFAULTS: ClassVar[dict[str, Any]] = dict(
        primary_hue="orange", secondary_hue="blue", neutral_hue="zinc", font=font_stack("Source Sans Pro"),
        font_mono=font_stack("IBM Plex Mono", mono=True),
    )
    # This theme's own variables (name, value; ``<name>_dark`` for a dark value). Tab-separated: values hold spaces.
    VARIABLES = """
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


__all__ = ["Default"]
