"""``gr.themes.Soft``: Gradio's soft theme (indigo, filled blocks, Montserrat)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import BuiltInTheme
from .utils.fonts import font_stack


class Soft(BuiltInTheme):
    """Gradio's soft theme (indigo, filled blocks, Montserrat)."""

    NAME = "soft"
    DEFAULTS: ClassVar[dict[str, Any]] = dict(
        primary_hue="indigo", secondary_hue="indigo", neutral_hue="gray", font=font_stack("Montserrat"),
        font_mono=font_stack("IBM Plex Mono", mono=True),
    )
    # This theme's own variables (name, value; ``<name>_dark`` for a dark value). Tab-separated: values hold spaces.
    VARIABLES = """
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


__all__ = ["Soft"]
