"""``gr.themes.Ocean``: Gradio's ocean theme (emerald and sky gradients, round corners)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import BuiltInTheme
from .utils.fonts import font_stack


class Ocean(BuiltInTheme):
    """Gradio's ocean theme (emerald and sky gradients, round corners)."""

    NAME = "ocean"
    DEFAULTS: ClassVar[dict[str, Any]] = dict(
        primary_hue="emerald", secondary_hue="sky", neutral_hue="zinc", radius_size="xxl",
        font=font_stack("IBM Plex Sans"), font_mono=font_stack("IBM Plex Mono", mono=True),
    )
    # This theme's own variables (name, value; ``<name>_dark`` for a dark value). Tab-separated: values hold spaces.
    VARIABLES = """
block_shadow	*shadow_drop_lg
checkbox_background_color_selected	*primary_400
checkbox_background_color_selected_dark	*primary_600
checkbox_label_background_fill_selected	linear-gradient(120deg, *primary_400 0%, *primary_300 60%, *primary_400 100%)
checkbox_label_background_fill_selected_dark	linear-gradient(120deg, *primary_600 0%, *primary_500 60%, *primary_600 100%)
checkbox_label_border_color_selected	*primary_400
checkbox_label_border_color_selected_dark	*primary_600
checkbox_label_border_width	1px
checkbox_label_text_color_selected	*button_secondary_text_color
checkbox_label_text_color_selected_dark	*button_secondary_text_color
slider_color	*primary_400
slider_color_dark	*primary_500
button_border_width	0px
button_transform_hover	scale(1.02)
button_transition	all 0.1s ease-in-out
button_primary_background_fill	linear-gradient(120deg, *secondary_500 0%, *primary_300 60%, *primary_400 100%)
button_primary_background_fill_dark	linear-gradient(120deg, *secondary_600 0%, *primary_500 60%, *primary_600 100%)
button_primary_background_fill_hover	linear-gradient(120deg, *secondary_400 0%, *primary_300 60%, *primary_300 100%)
button_primary_background_fill_hover_dark	linear-gradient(120deg, *secondary_500 0%, *primary_500 60%, *primary_500 100%)
button_primary_text_color	*button_secondary_text_color
button_primary_text_color_dark	*button_secondary_text_color
button_primary_shadow_hover	0 1px 3px 0 *primary_200, 0 1px 2px -1px *primary_200
button_primary_shadow_dark	none
button_secondary_background_fill	linear-gradient(120deg, *neutral_300 0%, *neutral_100 60%, *neutral_200 100%)
button_secondary_background_fill_dark	linear-gradient(120deg, *neutral_700 0%, *neutral_600 60%, *neutral_700 100%)
button_secondary_background_fill_hover	linear-gradient(120deg, *neutral_200 0%, *neutral_100 60%, *neutral_100 100%)
button_secondary_background_fill_hover_dark	linear-gradient(120deg, *neutral_600 0%, *neutral_600 60%, *neutral_700 100%)
button_secondary_shadow_hover	*shadow_drop_lg
button_secondary_shadow_dark	none
"""


__all__ = ["Ocean"]
