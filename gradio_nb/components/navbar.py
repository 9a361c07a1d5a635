"""``gradio.components.navbar``: ``Navbar``, which gradio_nb keeps in :mod:`.navigation`."""

from __future__ import annotations

from .navigation import Navbar

__all__ = ["Navbar"]
