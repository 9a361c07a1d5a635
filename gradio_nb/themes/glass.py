"""``gr.themes.Glass``: Gradio's glass theme (slate, gradients, small sizes)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import BuiltInTheme
from .utils.fonts import font_stack


class Glass(BuiltInTheme):
    """Gradio's glass theme (slate, gradients, small sizes)."""

    NAME = "glass"
    DEFAULTS: ClassVar[dict[str, Any]] = dict(
        primary_hue="blue", secondary_hue="slate", neutral_hue="slate", spacing_size="sm", radius_size="sm",
        text_size="sm", font=("Optima", "Candara", "Noto Sans", "source-sans-pro", "sans-serif"),
        font_mono=font_stack("IBM Plex Mono", mono=True),
    )
    # This theme's own variables (name, value; ``<name>_dark`` for a dark value). Tab-separated: values hold spaces.
    VARIABLES = """
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


__all__ = ["Glass"]
