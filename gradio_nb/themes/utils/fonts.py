"""``gr.themes.utils.fonts``: fonts by name (:class:`Font`, :class:`GoogleFont`, :class:`LocalFont`).

A theme writes a font as its family name: no font file is ever fetched (apps work offline). The
Default theme's fonts and the Soft theme's Montserrat ship with the package
(``js/vendor/fonts``); any other family shows only where the page has it.
"""

from __future__ import annotations

from typing import Any

from ...unavailable import module_getattr

#: CSS's generic families, written unquoted (as Gradio writes them).
_GENERIC = ("sans-serif", "serif", "monospace", "cursive", "fantasy")


class Font:
    """A font family by name (``gr.themes.Font("Inter")``); ``"sans-serif"`` etc. work too."""

    def __init__(self, name: str) -> None:
        self.name = name

    def stylesheet(self) -> dict[str, Any]:
        """No stylesheet to load: the name is used as it is."""
        return {"url": None, "css": None}

    def __str__(self) -> str:
        return self.name if self.name in _GENERIC else f"'{self.name}'"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Font) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)


class GoogleFont(Font):
    """A Google font by name. Never fetched (apps must work offline): the name is used as a
    family name, so the font shows only where the page has it."""

    def __init__(self, name: str, weights: tuple[int, ...] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = weights


class LocalFont(Font):
    """A font the page has (shipped with the package, or installed), by name."""

    def __init__(self, name: str, weights: tuple[int, ...] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = weights


def font_stack(*names: str, mono: bool = False) -> tuple[Font | str, ...]:
    """A built-in theme's font stack: ``names`` (the first a :class:`LocalFont`), then the
    system's sans-serif (or, with ``mono``, monospace) families."""
    tail = ("ui-monospace", "Consolas", "monospace") if mono else ("ui-sans-serif", "system-ui", "sans-serif")
    return (LocalFont(names[0]), *names[1:], *tail)


__all__ = ["Font", "GoogleFont", "LocalFont", "font_stack"]

__getattr__ = module_getattr(
    __name__,
    ("font_dir_name", "font_file_path", "local_font_available", "FontEncoder", "as_font"),
    "is part of how Gradio ships font files and writes themes to JSON; gradio_nb writes a font as its family name.",
)
