"""Matching the components of one app between Gradio's page and gradio_nb's, and the figures.

Pure Python, no browser: the measurements come in as :class:`Measure` records (one per
component and side), are paired here (:func:`match`), judged (:func:`judge`) and summed up
(:func:`figures`). ``tests/test_look_compare.py`` checks it on made-up measurements.

A pair **matches** when both sides show it and its box differs by at most :data:`TOLERANCE_PX`
in x, y, width and height, or when neither side shows it: the issue's "within 8 px of Gradio's
position and size, with the same visibility". Style (font, colours, border) is reported
beside the figure, not in it.
"""

from __future__ import annotations

import difflib
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field, replace
from itertools import zip_longest
from typing import Any

#: How far (px) a box may be off in x, y, width and height and still match.
TOLERANCE_PX = 8.0

#: Config types that are not compared: they draw nothing of their own (State, Timer), or only
#: group other blocks, whose boxes are compared themselves (a Row's box follows its children).
SKIPPED_TYPES = frozenset({
    "state", "browserstate", "timer", "api", "form", "row", "column", "group", "fallback",
    "renderable",  # gradio_nb's box for a @gr.render's blocks: Gradio's config has none
})  # fmt: skip

#: gradio_nb block names that Gradio's config spells otherwise.
TYPE_ALIASES = {"tab": "tabitem"}

#: The style properties measured on a component's block element, as the page computes them.
STYLE_PROPERTIES = (
    "font_family", "font_size", "font_weight", "color", "background", "border_width", "border_color",
    "border_radius",
)  # fmt: skip

Box = tuple[float, float, float, float]  # x, y, width, height, in page pixels


@dataclass
class Measure:
    """One component as found on one side's page.

    ``key`` is the side's own id (Gradio's component id, gradio_nb's block id); ``index`` the
    component's rank among those of its ``type`` in declaration order (0 first)."""

    type: str
    index: int
    key: str
    name: str | None = None
    elem_id: str | None = None
    found: bool = False
    visible: bool = False
    box: Box | None = None
    style: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Measure:
        box = data.get("box")
        return cls(**{**data, "box": tuple(box) if box is not None else None})


@dataclass
class Pair:
    """The k-th component of a type on both sides (either may be missing), and the verdict."""

    type: str
    index: int
    gradio: Measure | None
    gradio_nb: Measure | None
    matches: bool = False
    #: Why it does not match: "dy=+12", "missing in gradio_nb", "visible in Gradio only".
    reasons: list[str] = field(default_factory=list)
    #: The style properties that differ (both sides visible).
    style_diffs: list[str] = field(default_factory=list)
    #: The box difference gradio_nb minus Gradio (dx, dy, dw, dh), when both are visible.
    delta: Box | None = None
    #: Whether the label (or elem_id) agrees: "same", "differs" or "" (nothing to check).
    names: str = ""
    #: A match worth knowing about: "absent in gradio_nb, hidden in the other".
    note: str = ""

    @property
    def label(self) -> str:
        """How the report names the pair: ``textbox#2 'Name'``."""
        name = next((m.name for m in (self.gradio, self.gradio_nb) if m is not None and m.name), None)
        return f"{self.type}#{self.index}" + (f" {name!r}" if name else "")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Pair:
        sides = {k: Measure.from_dict(data[k]) if data.get(k) else None for k in ("gradio", "gradio_nb")}
        delta = data.get("delta")
        return cls(**{**data, **sides, "delta": tuple(delta) if delta is not None else None})


def display_name(label: Any, value: Any) -> str | None:
    """What names a component for the label check: its label, else a short text value (a
    Button's text), else nothing."""
    if isinstance(label, str) and label.strip() and not label.startswith("__i18n__"):  # not i18n metadata
        return label.strip()
    if isinstance(value, str) and value.strip() and len(value) <= 60:
        return value.strip()
    return None


def canonical_type(names: list[str], known: set[str]) -> str:
    """The config type of a gradio_nb block whose block name and classes (most derived first)
    are ``names``: the first that Gradio's config of the same app uses (a ``ClearButton`` is a
    ``button`` there), else the first, with :data:`TYPE_ALIASES` applied."""
    spelled = [TYPE_ALIASES.get(n, n) for n in names]
    return next((n for n in spelled if n in known), spelled[0])


def rank(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each item (with a ``type``, in declaration order) its ``index`` among its type,
    leaving out the :data:`SKIPPED_TYPES`."""
    seen: Counter[str] = Counter()
    ranked = []
    for item in items:
        if item["type"] in SKIPPED_TYPES:
            continue
        ranked.append({**item, "index": seen[item["type"]]})
        seen[item["type"]] += 1
    return ranked


def match(gradio: list[Measure], gnb: list[Measure]) -> list[Pair]:
    """Pair the components of each type in declaration order, the k-th with the k-th, and
    judge each pair; where their names say that one side has a component the other lacks (an
    Interface's Flag button, which gradio_nb leaves out), the two orders are aligned on the
    names first (:func:`align`). Pairs come in Gradio's order, gradio_nb's extra ones last."""
    pairs = []
    for kind in dict.fromkeys([m.type for m in gradio] + [m.type for m in gnb]):
        ours = sorted((m for m in gradio if m.type == kind), key=lambda m: m.index)
        theirs = sorted((m for m in gnb if m.type == kind), key=lambda m: m.index)
        pairs += [judge(Pair(kind, (a or b).index, a, b)) for a, b in align(ours, theirs)]  # type: ignore[union-attr]
    return sorted(pairs, key=lambda p: (p.gradio is None, int(p.gradio.key) if p.gradio and p.gradio.key.isdigit() else 0))


def align(ours: list[Measure], theirs: list[Measure]) -> list[tuple[Measure | None, Measure | None]]:
    """Pair two lists of components of one type, in order: by rank, except where the names
    (``elem_id``, else label or text) show one side's extra components, which are left
    unpaired (difflib's alignment of the two name sequences; unnamed ones pair by rank)."""
    keys = [[_plain(m.elem_id or m.name or "") for m in side] for side in (ours, theirs)]
    if keys[0] == keys[1] or not any(keys[0]) or not any(keys[1]):
        return list(zip_longest(ours, theirs))
    paired: list[tuple[Measure | None, Measure | None]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys[0], keys[1], autojunk=False).get_opcodes():
        if tag == "delete":
            paired += [(m, None) for m in ours[i1:i2]]
        elif tag == "insert":
            paired += [(None, m) for m in theirs[j1:j2]]
        else:  # equal, or replaced: side by side in order, the longer side's rest unpaired
            paired += list(zip_longest(ours[i1:i2], theirs[j1:j2]))
    return paired


def judge(pair: Pair) -> Pair:
    """Fill in the verdict of ``pair``: matches, reasons, style differences, delta, names."""
    a, b = pair.gradio, pair.gradio_nb
    pair.reasons, pair.style_diffs, pair.delta, pair.note = [], [], None, ""
    if a is None or b is None:
        # Not there on one side and not shown on the other looks the same: a match, noted.
        there = a or b
        if there is not None and not there.visible:
            pair.note = f"absent in {'Gradio' if a is None else 'gradio_nb'}, hidden in the other"
        else:
            pair.reasons = ["missing in Gradio" if a is None else "missing in gradio_nb"]
        pair.matches = not pair.reasons
        return pair
    pair.names = _names(a, b)
    if a.visible != b.visible:
        pair.reasons = [f"visible in {'Gradio' if a.visible else 'gradio_nb'} only"]
    elif a.visible and a.box is not None and b.box is not None:
        pair.delta = tuple(round(q - p, 1) for p, q in zip(a.box, b.box))  # type: ignore[assignment]
        pair.reasons = [f"{axis}={d:+g}" for axis, d in zip(("dx", "dy", "dw", "dh"), pair.delta) if abs(d) > TOLERANCE_PX]
        pair.style_diffs = style_differences(a.style, b.style)
    pair.matches = not pair.reasons
    return pair


def in_gradio_frame(pair: Pair, gradio_root: Box, gnb_root: Box) -> Pair:
    """``pair`` judged again as if gradio_nb's app sat in Gradio's page frame: gradio_nb's box
    moved from its app's root onto Gradio's, and its x and width scaled by the roots' widths.
    What still differs is the component's own doing, not the page's margins."""
    gx, gy, gw, _ = gradio_root
    nx, ny, nw, _ = gnb_root
    scale = gw / nw if nw else 1.0
    theirs = pair.gradio_nb
    if theirs is not None and theirs.box is not None:
        x, y, w, h = theirs.box
        theirs = replace(theirs, box=(gx + (x - nx) * scale, gy + (y - ny), w * scale, h))
    return judge(Pair(pair.type, pair.index, pair.gradio, theirs))


def sides(pairs: list[Pair]) -> tuple[list[Measure], list[Measure]]:
    """The measurements of both sides that ``pairs`` were made from (to pair them again),
    without the :data:`SKIPPED_TYPES`."""
    kept = [p for p in pairs if p.type not in SKIPPED_TYPES]
    return [p.gradio for p in kept if p.gradio], [p.gradio_nb for p in kept if p.gradio_nb]


def _names(a: Measure, b: Measure) -> str:
    if a.elem_id and b.elem_id:
        return "same" if a.elem_id == b.elem_id else "differs"
    if a.name and b.name:
        return "same" if _plain(a.name) == _plain(b.name) else "differs"
    return ""


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


# -- style -----------------------------------------------------------------------------------
def _colour(text: str) -> tuple[float, ...] | None:
    numbers = [float(n) for n in re.findall(r"[-\d.]+", text or "")]
    if not text or not text.startswith("rgb") or len(numbers) < 3:
        return None
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def _px(text: str) -> float | None:
    found = re.match(r"\s*(-?[\d.]+)", text or "")
    return float(found.group(1)) if found else None


def _family(text: str) -> str:
    return (text or "").split(",")[0].strip().strip("'\"").lower()


def same_style(prop: str, a: str, b: str) -> bool:
    """Whether two computed values of ``prop`` look the same: colours within 8 of 255 a
    channel (two transparent ones alike whatever their RGB), lengths within half a pixel,
    font families by their first name."""
    if prop in ("color", "background", "border_color"):
        ca, cb = _colour(a), _colour(b)
        if ca is None or cb is None:
            return a == b
        if ca[3] < 0.02 and cb[3] < 0.02:
            return True
        return all(abs(p - q) <= 8 for p, q in zip(ca[:3], cb[:3])) and abs(ca[3] - cb[3]) <= 0.05
    if prop == "font_family":
        return _family(a) == _family(b)
    if prop in ("font_size", "border_width", "border_radius"):
        pa, pb = _px(a), _px(b)
        return a == b if pa is None or pb is None else abs(pa - pb) <= 0.5
    return str(a) == str(b)


def style_differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """The :data:`STYLE_PROPERTIES` whose values differ between two measured styles."""
    return [p for p in STYLE_PROPERTIES if p in a and p in b and not same_style(p, a[p], b[p])]


# -- figures ---------------------------------------------------------------------------------
@dataclass
class Figure:
    """How many components matched out of how many."""

    matched: int = 0
    total: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.matched / self.total if self.total else 100.0

    def add(self, matches: bool) -> None:
        self.matched += matches
        self.total += 1

    def __str__(self) -> str:
        return f"{self.matched}/{self.total} ({self.percent:.1f}%)"


@dataclass
class TypeRow:
    """One row of the per-type table: the figure and what differs, typically."""

    type: str
    figure: Figure
    #: Medians of dx, dy, dw, dh over the pairs of this type that differ in geometry.
    median_delta: Box | None
    #: How often each reason kind occurs (dx, dy, dw, dh, missing, visibility).
    reasons: dict[str, int]


def reason_kind(reason: str) -> str:
    """``"dy=+12"`` -> ``"dy"``; ``"missing in gradio_nb"`` and the visibility reasons as they are."""
    return reason.split("=", 1)[0]


def figures(apps: dict[str, list[Pair]]) -> dict[str, Any]:
    """The overall figure, the per-type rows (worst first), the per-app figures (worst first)
    and the style differences counted per property, over the pairs of every app."""
    overall = Figure()
    per_type: dict[str, Figure] = defaultdict(Figure)
    per_app: dict[str, Figure] = {}
    deltas: dict[str, list[Box]] = defaultdict(list)
    reasons: dict[str, Counter[str]] = defaultdict(Counter)
    styles: Counter[str] = Counter()
    style_total = 0
    for app, pairs in apps.items():
        per_app[app] = Figure()
        for pair in pairs:
            for figure in (overall, per_type[pair.type], per_app[app]):
                figure.add(pair.matches)
            reasons[pair.type].update(reason_kind(r) for r in pair.reasons)
            if pair.delta is not None and not pair.matches:
                deltas[pair.type].append(pair.delta)
            if pair.delta is not None:
                style_total += 1
                styles.update(pair.style_diffs)
    rows = [
        TypeRow(t, f, _median(deltas[t]), dict(reasons[t].most_common())) for t, f in per_type.items()
    ]
    rows.sort(key=lambda r: (r.figure.percent, -r.figure.total, r.type))
    return {
        "overall": overall,
        "types": rows,
        "apps": dict(sorted(per_app.items(), key=lambda kv: (kv[1].percent, -kv[1].total, kv[0]))),
        "styles": {"compared": style_total, "differs": dict(styles.most_common())},
    }


def _median(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    return tuple(round(statistics.median(column), 1) for column in zip(*boxes))  # type: ignore[return-value]


def as_json(value: Any) -> Any:
    """``value`` (figures, pairs, rows, dicts and lists of them) as plain JSON data."""
    if isinstance(value, Figure):
        return {"matched": value.matched, "total": value.total, "percent": round(value.percent, 1)}
    if isinstance(value, (Pair, Measure)):
        return {k: as_json(v) for k, v in asdict(value).items()}
    if isinstance(value, TypeRow):
        return {"type": value.type, **as_json(value.figure), "median_delta": value.median_delta, "reasons": value.reasons}
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_json(v) for v in value]
    return value
