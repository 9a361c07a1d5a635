"""Figures the tests measure: printed, and merged into one file for the closing notes."""

from __future__ import annotations

from pathlib import Path

FIGURES_FILE = Path(__file__).resolve().parent / "browser" / "output" / "reliability-figures.txt"


def record_figure(key: str, value: object) -> None:
    """Print a measured figure and merge it into the figures file (one ``key: value`` a line)."""
    print(f"\n[figure] {key}: {value}")
    FIGURES_FILE.parent.mkdir(parents=True, exist_ok=True)
    figures: dict[str, str] = {}
    if FIGURES_FILE.exists():
        for line in FIGURES_FILE.read_text().splitlines():
            name, sep, rest = line.partition(": ")
            if sep:
                figures[name] = rest
    figures[key] = str(value)
    FIGURES_FILE.write_text("".join(f"{k}: {v}\n" for k, v in sorted(figures.items())))
