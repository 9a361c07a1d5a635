"""The busy marker, shown only for events that take a while.

Gradio's front end shows a spinner on the outputs while an event runs. Here the kernel does
it, and marking and unmarking costs two messages per widget: for the usual fast event
(a counter's click) that would double the traffic for nothing anyone can see. So an event
arms a :class:`Ticket`; one watchdog thread marks the outputs busy if the event is still
running after :data:`DELAY` seconds, and the event's end disarms (or unmarks) it.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable

#: Seconds an event may run before its outputs show the busy marker.
DELAY = 0.1


def _nothing() -> list[Callable[[], None]]:
    return []


class Ticket:
    """One event's busy marker: ``mark`` runs at most once, its undo only if it did."""

    __slots__ = ("_mark", "_undo", "_state", "_lock")

    def __init__(self, mark: Callable[[], list[Callable[[], None]]], lock: threading.Lock) -> None:
        self._mark = mark
        self._undo: list[Callable[[], None]] = []
        self._state = 0  # 0 armed, 1 marked, 2 done
        self._lock = lock  # the watchdog's: one lock for all tickets keeps arming cheap

    def fire(self) -> None:
        """Mark the event busy, unless it has already ended."""
        with self._lock:
            if self._state == 0:
                self._state = 1
                self._undo = self._mark()

    def done(self) -> None:
        """The event ended: never mark it, or take the marker away."""
        with self._lock:
            if self._state == 1:
                for step in self._undo:
                    step()
            self._state = 2
            self._mark = _nothing  # drop the event's widgets: the heap may hold this a while
            self._undo = []


class Watchdog:
    """One thread that fires tickets whose delay has passed."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Ticket]] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._tickets = threading.Lock()
        self._thread: threading.Thread | None = None

    def arm(self, mark: Callable[[], list[Callable[[], None]]]) -> Ticket:
        """A ticket that calls ``mark`` after ``DELAY`` seconds unless ``done()`` first."""
        ticket = Ticket(mark, self._tickets)
        with self._wake:
            was_empty = not self._heap
            heapq.heappush(self._heap, (time.monotonic() + DELAY, next(self._order), ticket))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="gradio_nb-busy", daemon=True)
                self._thread.start()
            elif was_empty:
                self._wake.notify()  # later tickets never come due before the head one
        return ticket

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._heap:
                    self._wake.wait()
                due, _, ticket = self._heap[0]
                wait = due - time.monotonic()
                if wait > 0:
                    del ticket
                    self._wake.wait(wait)
                    continue
                heapq.heappop(self._heap)
            ticket.fire()
            del ticket  # a parked reference would keep the last event's session alive


watchdog = Watchdog()
