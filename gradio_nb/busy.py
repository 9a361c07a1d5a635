"""The busy marker, shown only for events that take a while.

Gradio's front end shows a spinner on the outputs while an event runs. Here the kernel does
it, and marking and unmarking costs two messages per widget: for the usual fast event
(a counter's click) that would double the traffic for nothing anyone can see. So an event
arms a :class:`Ticket`; one watchdog thread marks the outputs busy if the event is still
running after :data:`DELAY` seconds, and the event's end disarms (or unmarks) it.

Arming and disarming are on every event's path, so neither takes a lock in the usual case:
tickets go into a deque in the order they come due (the delay is the same for all), and
whoever of the event and the watchdog takes a ticket's claim first (an atomic ``list.pop``)
decides whether it is ever marked.
"""

from __future__ import annotations

import threading
import time
import warnings
from collections import deque
from collections.abc import Callable
from typing import Any

#: Seconds an event may run before its outputs show the busy marker.
DELAY = 0.1

Mark = Callable[[Any], "list[Callable[[], None]]"]


class Ticket:
    """One event's busy marker: ``mark(arg)`` runs at most once, its undo only if it did."""

    __slots__ = ("due", "_mark", "_arg", "_undo", "_claim", "_lock")

    def __init__(self, due: float, mark: Mark, arg: Any, lock: threading.Lock) -> None:
        self.due = due
        self._mark: Mark | None = mark
        self._arg = arg
        self._undo: list[Callable[[], None]] = []
        #: Holds one item until the event ends or the watchdog fires, whichever pops it first.
        self._claim = [True]
        self._lock = lock  # the watchdog's: held while marking, so an ending event waits for it

    def fire(self) -> None:
        """Mark the event busy, unless it has already ended."""
        with self._lock:
            try:
                self._claim.pop()
            except IndexError:  # the event ended first
                return
            mark, arg = self._mark, self._arg
            if mark is not None:
                self._undo = mark(arg)

    def done(self) -> None:
        """The event ended: never mark it, or take the marker away."""
        try:
            self._claim.pop()  # the usual case: never marked, nothing to undo, no lock
        except IndexError:  # the watchdog fired: undo its marking once it has finished
            with self._lock:
                undo, self._undo = self._undo, []
                for step in undo:
                    step()
        self._mark = self._arg = None  # drop the event's widgets: the queue may hold this a while

    @property
    def ended(self) -> bool:
        """Whether the event has ended or the ticket has fired (nothing left to do for it)."""
        return not self._claim


class Watchdog:
    """One thread that fires tickets whose delay has passed."""

    def __init__(self) -> None:
        self._tickets: deque[Ticket] = deque()  # in the order they come due
        self._wake = threading.Condition()
        self._marking = threading.Lock()
        self._idle = False  # the thread waits for a ticket: the next arm wakes it
        self._thread: threading.Thread | None = None

    def arm(self, mark: Mark, arg: Any = None) -> Ticket:
        """A ticket that calls ``mark(arg)`` after ``DELAY`` seconds unless ``done()`` first."""
        ticket = Ticket(time.monotonic() + DELAY, mark, arg, self._marking)
        self._tickets.append(ticket)
        if self._idle or self._thread is None:
            self._start_or_wake()
        return ticket

    def _start_or_wake(self) -> None:
        with self._wake:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="gradio_nb-busy", daemon=True)
                self._thread.start()
            self._wake.notify()

    def _run(self) -> None:
        tickets = self._tickets
        ticket: Ticket | None
        while True:
            with self._wake:
                # Set before looking, under the lock: an arm that appends after the look
                # sees the flag and wakes this wait (see ``arm``).
                self._idle = True
                while not tickets:
                    self._wake.wait()
                self._idle = False
            while tickets:
                ticket = tickets[0]
                if ticket.ended:
                    tickets.popleft()
                    continue
                wait = ticket.due - time.monotonic()
                if wait > 0:
                    ticket = None  # a parked reference would keep the event's session alive
                    with self._wake:  # not time.sleep: tests patch it, and a wait is the same
                        self._wake.wait(wait)  # later tickets never come due before this one
                    continue
                tickets.popleft()
                try:
                    ticket.fire()
                except Exception as err:  # a marker that fails must not stop every later one
                    warnings.warn(f"gradio_nb could not show an event's busy marker: {err!r}", RuntimeWarning, stacklevel=1)
            ticket = None


watchdog = Watchdog()
