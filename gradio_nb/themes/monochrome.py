"""``gr.themes.Monochrome``: Gradio's monochrome theme (neutral, square corners, Lora)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import BuiltInTheme
from .utils.fonts import font_stack


class Monochrome(BuiltInTheme):
    """Gradio's monochrome theme (neutral, square corners, Lora)."""

    NAME = "monochrome"
    DEFAULTS: ClassVar[dict[str, Any]] = dict(
        primary_hue="neutral", secondary_hue="neutral", neutral_hue="neutral", spacing_size="lg",
        radius_size="none", font=font_stack("Lora"), font_mono=font_stack("IBM Plex Mono", mono=True),
    )
    # This theme's own variables (name, value; ``<name>_dark`` for a dark value). Tab-separated: values hold spaces.
    VARIABLES = """
body_text_color	*neutral_900
background_fill_primary_dark	*neutral_900
background_fill_secondary_dark	*neutral_800
body_text_color_subdued	*neutral_700
shadow_drop_lg	0 1px 4px 0 rgb(0 0 0 / 0.1)
block_label_text_color	*body_text_color
block_label_text_size	*text_md
block_label_text_weight	600
block_shadow_dark	*shadow_drop_lg
block_title_text_color	*body_text_color
block_title_text_weight	600
checkbox_background_color	*input_background_fill
checkbox_label_background_fill_selected	*button_primary_background_fill
checkbox_label_border_color	*checkbox_background_color
checkbox_label_border_color_hover	*button_secondary_border_color_hover
checkbox_label_border_color_selected	*button_primary_border_color
checkbox_label_border_width	*button_border_width
checkbox_label_padding	*spacing_sm
checkbox_label_text_color_selected	*button_primary_text_color
slider_color	*neutral_900
slider_color_dark	*neutral_500
button_border_width	2px
button_cancel_border_color	*neutral_900
button_large_padding	*spacing_lg
button_primary_background_fill	*neutral_900
button_primary_background_fill_dark	*neutral_600
button_primary_background_fill_hover	*neutral_700
button_primary_background_fill_hover_dark	*neutral_600
button_primary_border_color	*neutral_900
button_secondary_background_fill	white
button_secondary_background_fill_dark	*neutral_700
button_secondary_background_fill_hover	white
button_secondary_border_color	*neutral_900
button_secondary_border_color_hover	*neutral_400
button_secondary_text_color	*neutral_900
button_secondary_text_color_hover	*neutral_400
button_small_padding	*spacing_sm
"""


__all__ = ["Monochrome"]
