"""``gr.themes.Origin``: Gradio's pre-5.0 default theme (orange, gray)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import BuiltInTheme
from .utils.fonts import font_stack


class Origin(BuiltInTheme):
    """Gradio's pre-5.0 default theme (orange, gray)."""

    NAME = "origin"
    DEFAULTS: ClassVar[dict[str, Any]] = dict(
        primary_hue="orange", secondary_hue="blue", neutral_hue="gray", font=font_stack("Source Sans Pro"),
        font_mono=font_stack("IBM Plex Mono", mono=True),
    )
    # This theme's own variables (name, value; ``<name>_dark`` for a dark value). Tab-separated: values hold spaces.
    VARIABLES = """
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


__all__ = ["Origin"]
