"""``gr.themes.Mario``: Gradio's Mario theme (orange, green; its extra CSS is not drawn)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import BuiltInTheme
from .utils.fonts import LocalFont, font_stack


class Mario(BuiltInTheme):
    """Gradio's Mario theme (orange, green; its extra CSS is not drawn)."""

    NAME = "mario"
    DEFAULTS: ClassVar[dict[str, Any]] = dict(
        primary_hue="orange", secondary_hue="green", neutral_hue="stone", radius_size="sm",
        font=(LocalFont("Press Start 2P"), "ui-monospace", "monospace"),
        font_mono=font_stack("Press Start 2P", mono=True),
    )
    # This theme's own variables (name, value; ``<name>_dark`` for a dark value). Tab-separated: values hold spaces.
    VARIABLES = """
body_background_fill	#6B8CFF
body_text_color	#000000
color_accent	#FAC000
color_accent_soft	#FCE4A8
background_fill_primary	#6B8CFF
background_fill_secondary	#E4A672
link_text_color	#00A800
link_text_color_hover	#10C010
body_text_color_subdued	#A0380C
shadow_drop	none
shadow_drop_lg	none
shadow_inset	rgba(0,0,0,0.3) 0px 2px 4px 0px inset
shadow_spread	0px
block_background_fill	#FAC000
block_border_color	#000000
block_border_width	4px
block_label_background_fill	#C84C0C
block_label_border_color	#000000
block_label_border_width	3px
block_label_shadow	0px 3px 0px 0px #9C6838
block_label_text_color	#000000
block_label_padding	*spacing_sm *spacing_md
block_label_radius	4px
block_padding	*spacing_lg
block_radius	4px
block_shadow	0px 4px 0px 0px #A0380C
block_title_background_fill	#C84C0C
block_title_border_color	#000000
block_title_border_width	3px
block_title_text_color	#000000
block_title_padding	*spacing_sm *spacing_md
block_title_radius	4px
panel_background_fill	#C84C0C
panel_border_color	#000000
panel_border_width	4px
checkbox_background_color_selected	#FAC000
checkbox_border_color	#000000
checkbox_border_color_selected	#000000
checkbox_border_width	3px
checkbox_label_background_fill	#FCE4A8
checkbox_label_background_fill_hover	#FCFCFC
checkbox_label_background_fill_selected	#FAC000
checkbox_label_border_color	#000000
checkbox_label_border_color_selected	#000000
checkbox_label_border_width	3px
checkbox_label_shadow	0px 3px 0px 0px #9C6838
checkbox_label_shadow_hover	0px 5px 0px 0px #9C6838
checkbox_label_shadow_active	0px 1px 0px 0px #9C6838
checkbox_shadow	none
checkbox_label_text_color	#000000
checkbox_label_text_color_selected	#000000
error_background_fill	#FCD0D0
error_border_color	#dc2626
error_text_color	#991b1b
error_icon_color	#dc2626
input_background_fill	#FCE4A8
input_background_fill_focus	#FCFCFC
input_border_color	#000000
input_border_color_focus	#C84C0C
input_border_width	3px
input_placeholder_color	#9C6838
input_radius	4px
input_shadow_focus	0 0 0 3px #FAC000
loader_color	#FAC000
slider_color	#00A800
table_border_color	#000000
table_even_background_fill	#FCE4A8
table_odd_background_fill	#E4A672
table_row_focus	#FAC000
button_border_width	4px
button_cancel_background_fill	#dc2626
button_cancel_background_fill_hover	#ef4444
button_cancel_border_color	#000000
button_cancel_text_color	#000000
button_cancel_shadow	0px 4px 0px 0px #7f1d1d
button_cancel_shadow_hover	0px 6px 0px 0px #7f1d1d
button_cancel_shadow_active	0px 1px 0px 0px #7f1d1d
button_transform_hover	translateY(-2px)
button_transform_active	translateY(2px)
button_transition	all 0.08s ease
button_primary_background_fill	#00A800
button_primary_background_fill_hover	#10C010
button_primary_border_color	#000000
button_primary_text_color	#000000
button_primary_shadow	0px 4px 0px 0px #005800
button_primary_shadow_hover	0px 6px 0px 0px #005800
button_primary_shadow_active	0px 1px 0px 0px #005800
button_secondary_background_fill	#C84C0C
button_secondary_background_fill_hover	#D86020
button_secondary_border_color	#000000
button_secondary_text_color	#000000
button_secondary_shadow	0px 4px 0px 0px #9C6838
button_secondary_shadow_hover	0px 6px 0px 0px #9C6838
button_secondary_shadow_active	0px 1px 0px 0px #9C6838
"""


__all__ = ["Mario"]
