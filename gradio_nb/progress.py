"""``gr.Progress``: a progress bar in the app while a function runs, with optional tqdm tracking."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import ipywidgets as widgets

T = TypeVar("T")


class Progress:
    """Declare ``progress=gr.Progress()`` as a parameter's default to report progress.

    Inside the function, ``progress(0.5, desc="Halfway")`` sets the bar, and
    ``for x in progress.tqdm(items): ...`` advances it per item. With ``track_tqdm=True``
    every ``tqdm`` bar the function creates is shown too. Outside an event it does nothing.
    """

    def __init__(self, track_tqdm: bool = False) -> None:
        self.track_tqdm = track_tqdm
        self._bar: ProgressBar | None = None

    def __call__(self, progress: float | tuple[int, int | None] | None, desc: str | None = None, total: int | None = None, unit: str = "steps") -> Progress:
        """Show ``progress`` (a fraction 0–1, or ``(done, total)``) with ``desc``."""
        if self._bar is not None:
            if isinstance(progress, tuple):
                done, total = progress
                progress = None if not total else done / total
            self._bar.show(progress, desc, unit)
        return self

    def tqdm(self, iterable: Iterable[T], desc: str | None = None, total: int | None = None, unit: str = "steps", *args: Any, **kwargs: Any) -> Iterator[T]:
        """Iterate over ``iterable``, advancing the bar after each item."""
        if total is None:
            total = len(iterable) if hasattr(iterable, "__len__") else None  # type: ignore[arg-type]
        for done, item in enumerate(iterable):
            self((done, total), desc, unit=unit)
            yield item
        self((total or 1, total or 1), desc, unit=unit)

    def update(self, n: int = 1) -> None:
        """Accepted for Gradio compatibility (tqdm-style); use ``progress(...)`` instead."""


class ProgressBar:
    """A session's progress row: a bar and a description, shown only while reported.

    Its widgets are made on the first report (most apps never report progress) and handed
    to ``place`` to be put into the app.
    """

    def __init__(self, place: Callable[[widgets.Widget], None]) -> None:
        self._place = place
        self.widget: widgets.HBox | None = None
        #: (fraction or None, description) of every report, for tests and teaching.
        self.reports: list[tuple[float | None, str]] = []

    def show(self, fraction: float | None, desc: str | None, unit: str = "steps") -> None:
        """Show ``fraction`` (``None``: unknown) and ``desc``."""
        self.reports.append((fraction, desc or ""))
        if self.widget is None:
            self.label = widgets.HTML()
            self.bar = widgets.FloatProgress(min=0.0, max=1.0)
            self.widget = widgets.HBox([self.bar, self.label])
            self.widget.add_class("gnb-progress")
            self._place(self.widget)
        self.widget.layout.display = None
        self.bar.bar_style = "" if fraction is not None else "info"
        self.bar.value = 1.0 if fraction is None else max(0.0, min(1.0, float(fraction)))
        percent = "" if fraction is None else f" {fraction * 100:.0f}%"
        self.label.value = f"{desc or ''}{percent}"

    def finish(self) -> None:
        """Hide the bar when the event ends."""
        if self.widget is not None and self.widget.layout.display != "none":
            self.widget.layout.display = "none"



def progress_params(fn: Callable[..., Any] | None) -> tuple[tuple[str, bool], ...]:
    """``(name, track_tqdm)`` of each ``gr.Progress()`` default among ``fn``'s parameters."""
    if fn is None:
        return ()
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return ()
    return tuple((p.name, p.default.track_tqdm) for p in params if isinstance(p.default, Progress))


def tracker(track_tqdm: bool, bar: ProgressBar) -> Progress:
    """A fresh ``gr.Progress`` reporting to ``bar`` (one per run: a declared default is shared)."""
    made = Progress(track_tqdm=track_tqdm)
    made._bar = bar
    return made


def bind_progress(declared: tuple[tuple[str, bool], ...], bar: ProgressBar) -> dict[str, Progress]:
    """Fresh trackers for the parameters ``declared`` (see :func:`progress_params`), bound to ``bar``."""
    return {name: tracker(track_tqdm, bar) for name, track_tqdm in declared}


@contextmanager
def tracking_tqdm(trackers: Iterable[Progress]) -> Iterator[None]:
    """While active, every ``tqdm`` bar's progress is reported to the tracking trackers."""
    targets = [t for t in trackers if t.track_tqdm]
    if not targets:
        yield
        return
    try:
        from tqdm import std
    except ImportError:
        yield
        return
    originals = {name: getattr(std.tqdm, name) for name in ("update", "close")}

    def report(bar: Any) -> None:
        for tracker in targets:
            tracker((int(bar.n), bar.total), bar.desc or None)

    def update(self: Any, n: float | None = 1) -> Any:
        result = originals["update"](self, n)
        report(self)
        return result

    def close(self: Any) -> Any:
        # tqdm's iterator advances without calling update() between refreshes; report the end.
        if not self.disable or getattr(self, "total", None) is not None:
            report(self)
        return originals["close"](self)

    std.tqdm.update, std.tqdm.close = update, close
    try:
        yield
    finally:
        std.tqdm.update, std.tqdm.close = originals["update"], originals["close"]
