"""``gr.themes.Neon``: Gradio's neon theme (lime and cyan, round corners)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import BuiltInTheme
from .utils.fonts import font_stack


class Neon(BuiltInTheme):
    """Gradio's neon theme (lime and cyan, round corners)."""

    NAME = "neon"
    DEFAULTS: ClassVar[dict[str, Any]] = dict(
        primary_hue="lime", secondary_hue="cyan", neutral_hue="neutral", spacing_size="lg",
        radius_size="xxl", font=font_stack("Lexend"), font_mono=font_stack("Space Mono", mono=True),
    )
    # This theme's own variables (name, value; ``<name>_dark`` for a dark value). Tab-separated: values hold spaces.
    VARIABLES = """
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


__all__ = ["Neon"]
