"""``gradio.components.deep_link_button``: ``DeepLinkButton``, which gradio_nb keeps in :mod:`.special_buttons`."""

from __future__ import annotations

from .special_buttons import DeepLinkButton

__all__ = ["DeepLinkButton"]
