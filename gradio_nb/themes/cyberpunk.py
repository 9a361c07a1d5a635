"""``gr.themes.Cyberpunk``: Gradio's cyberpunk theme (fuchsia and cyan)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import BuiltInTheme
from .utils.fonts import font_stack


class Cyberpunk(BuiltInTheme):
    """Gradio's cyberpunk theme (fuchsia and cyan)."""

    NAME = "cyberpunk"
    DEFAULTS: ClassVar[dict[str, Any]] = dict(
        primary_hue="fuchsia", secondary_hue="cyan", neutral_hue="slate", radius_size="sm",
        font=font_stack("Chakra Petch"), font_mono=font_stack("Share Tech Mono", mono=True),
    )
    # This theme's own variables (name, value; ``<name>_dark`` for a dark value). Tab-separated: values hold spaces.
    VARIABLES = """
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


__all__ = ["Cyberpunk"]
