"""``gr.themes.sizes``: the named scales (radius, spacing, text) and :class:`Size`."""

from __future__ import annotations

#: The step names of a Size, smallest first (Gradio's ``xxs`` ... ``xxl``).
STEPS = ("xxs", "xs", "sm", "md", "lg", "xl", "xxl")


class Size:
    """A scale (``gr.themes.sizes.radius_sm``): values ``xxs`` ... ``xxl``, smallest first."""

    all: list[Size] = []

    def __init__(self, xxs: str = "", xs: str = "", sm: str = "", md: str = "", lg: str = "", xl: str = "", xxl: str = "", name: str | None = None) -> None:
        self.xxs, self.xs, self.sm, self.md, self.lg, self.xl, self.xxl = xxs, xs, sm, md, lg, xl, xxl
        self.name = name
        Size.all.append(self)

    def expand(self) -> list[str]:
        """The values, smallest first."""
        return [self.xxs, self.xs, self.sm, self.md, self.lg, self.xl, self.xxl]

    def __repr__(self) -> str:
        return f"Size({self.name!r})"


radius_none = Size("0px", "0px", "0px", "0px", "0px", "0px", "0px", name="radius_none")
radius_sm = Size("1px", "1px", "2px", "4px", "6px", "8px", "12px", name="radius_sm")
radius_md = Size("1px", "2px", "4px", "6px", "8px", "12px", "22px", name="radius_md")
radius_lg = Size("2px", "4px", "6px", "8px", "12px", "16px", "24px", name="radius_lg")
radius_xxl = Size("6px", "8px", "10px", "20px", "24px", "28px", "32px", name="radius_xxl")
spacing_sm = Size("1px", "1px", "2px", "4px", "6px", "9px", "12px", name="spacing_sm")
spacing_md = Size("1px", "2px", "4px", "6px", "8px", "10px", "16px", name="spacing_md")
spacing_lg = Size("2px", "4px", "6px", "8px", "10px", "14px", "28px", name="spacing_lg")
text_sm = Size("8px", "9px", "11px", "13px", "16px", "20px", "24px", name="text_sm")
text_md = Size("9px", "10px", "12px", "14px", "16px", "22px", "26px", name="text_md")
text_lg = Size("10px", "12px", "14px", "16px", "20px", "24px", "28px", name="text_lg")
