"""``gradio.components.login_button``: ``LoginButton``, which gradio_nb keeps in :mod:`.special_buttons`."""

from __future__ import annotations

from .special_buttons import LoginButton

__all__ = ["LoginButton"]
