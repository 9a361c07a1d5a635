"""``gr.themes.Citrus``: Gradio's citrus theme (amber, stone, Ubuntu)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import BuiltInTheme
from .utils.fonts import font_stack


class Citrus(BuiltInTheme):
    """Gradio's citrus theme (amber, stone, Ubuntu)."""

    NAME = "citrus"
    DEFAULTS: ClassVar[dict[str, Any]] = dict(
        primary_hue="amber", secondary_hue="amber", neutral_hue="stone", spacing_size="lg",
        font=font_stack("Ubuntu"), font_mono=font_stack("Roboto Mono", mono=True),
    )
    # This theme's own variables (name, value; ``<name>_dark`` for a dark value). Tab-separated: values hold spaces.
    VARIABLES = """
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


__all__ = ["Citrus"]
