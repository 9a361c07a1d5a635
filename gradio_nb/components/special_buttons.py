"""Gradio's buttons for Hugging Face Spaces: ``DuplicateButton``, ``DeepLinkButton``, ``LoginButton``.

What they do needs a Space or Gradio's server (duplicate the Space, copy a link to this
session, sign in with Hugging Face), none of which a notebook has. They are shown as buttons
with Gradio's parameters; their tooltip says what is not available, and a click shows that
as an info toast in the app. They never fail, and ``.click`` listeners of the app's own run
as on any button.
"""

from __future__ import annotations

import itertools
from typing import Any, ClassVar

import ipywidgets as widgets

from ..alerts import Info
from ..context import root_block
from .button import Button


class _NotebookNoticeButton(Button):
    """A button whose Gradio action is not available in a notebook: a click says so."""

    #: What the tooltip and the toast say.
    NOTICE: ClassVar[str] = ""

    def __init__(self, value: Any, *, _activate: bool = True, **kwargs: Any) -> None:
        self._activated = False
        super().__init__(value, **kwargs)
        if _activate and root_block.get() is not None:
            self.activate()

    def activate(self) -> None:
        """Attach the click listener (as Gradio's ``activate``): here, the notice toast."""
        if self._activated:
            return
        self._activated = True
        notice = self.NOTICE

        def not_in_notebook() -> None:  # named for the event log
            Info(notice, title=type(self).__name__)

        self.click(not_in_notebook, None, None, show_progress="hidden")

    def sync_props(self, widget: widgets.Button, interactive: bool) -> None:
        super().sync_props(widget, interactive)
        widget.tooltip = self.NOTICE


class DuplicateButton(_NotebookNoticeButton):
    """Gradio's "Duplicate Space" button. Duplicating a Space needs Hugging Face Spaces,
    so here a click shows a note saying it is not available in a notebook.

    All of Gradio's parameters are accepted; ``size``, ``icon``, ``link``, ``link_target``,
    ``scale`` and ``min_width`` are ignored.
    """

    NOTICE = "Duplicating a Space is not available in a notebook."

    def __init__(
        self,
        value: str = "Duplicate Space",
        *,
        every: Any = None,
        inputs: Any = None,
        variant: str = "huggingface",
        size: str = "sm",
        icon: Any = None,
        link: str | None = None,
        link_target: str = "_self",
        visible: bool = True,
        interactive: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        scale: int | None = 0,
        min_width: int | None = None,
        _activate: bool = True,
    ) -> None:
        super().__init__(
            value,
            _activate=_activate,  # Gradio's private switch: False attaches no listener
            every=every,
            inputs=inputs,
            variant=variant,
            size=size,
            icon=icon,
            link=link,
            link_target=link_target,
            visible=visible,
            interactive=interactive,
            elem_id=elem_id,
            elem_classes=elem_classes,
            render=render,
            key=key,
            preserved_by_key=preserved_by_key,
            scale=scale,
            min_width=min_width if min_width is not None else 160,
        )


_deep_links = itertools.count()


class DeepLinkButton(_NotebookNoticeButton):
    """Gradio's "Share via Link" button, which copies a link to this session of a served app.

    A notebook session has no address, so here a click shows a note saying so (the button's
    text stays; ``copied_value`` is kept for ``gr.update`` and ignored). As in Gradio, the
    ``elem_id`` given is replaced by ``gradio-share-link-button-<n>``. ``size``, ``icon``,
    ``link``, ``link_target``, ``scale`` and ``min_width`` are ignored.
    """

    NOTICE = "A link to this session cannot be shared from a notebook."
    UPDATABLE = (*Button.UPDATABLE, "copied_value")

    def __init__(
        self,
        value: str = "Share via Link",
        copied_value: str = "Link Copied!",
        *,
        inputs: Any = None,
        variant: str = "secondary",
        size: str = "lg",
        icon: Any = None,
        link: str | None = None,
        link_target: str = "_self",
        visible: bool = True,
        interactive: bool = True,
        elem_id: str | None = None,  # noqa: ARG002 - replaced, as Gradio does
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        scale: int | None = None,
        min_width: int | None = None,
        every: Any = None,
    ) -> None:
        self.copied_value = copied_value
        super().__init__(
            value,
            inputs=inputs,
            variant=variant,
            size=size,
            icon=icon,
            link=link,
            link_target=link_target,
            visible=visible,
            interactive=interactive,
            elem_id=f"gradio-share-link-button-{next(_deep_links)}",
            elem_classes=elem_classes,
            render=render,
            key=key,
            preserved_by_key=preserved_by_key,
            scale=scale,
            min_width=min_width if min_width is not None else 160,
            every=every,
        )


class LoginButton(_NotebookNoticeButton):
    """Gradio's "Sign in with Hugging Face" button (OAuth on a Space).

    A notebook has no sign-in: the button keeps its ``value`` (it never turns into
    ``logout_value``), and a click shows a note saying signing in is not available.
    ``logout_value`` is kept (``"Logout ({})"``, formatted with a user name, as Gradio does).
    ``size``, ``icon``, ``link``, ``link_target``, ``scale`` and ``min_width`` are accepted
    and ignored.
    """

    NOTICE = "Signing in with Hugging Face is not available in a notebook."
    UPDATABLE = (*Button.UPDATABLE, "logout_value")

    def __init__(
        self,
        value: str = "Sign in with Hugging Face",
        logout_value: str = "Logout ({})",
        *,
        every: Any = None,
        inputs: Any = None,
        variant: str = "huggingface",
        size: str = "lg",
        icon: Any = None,
        link: str | None = None,
        link_target: str = "_self",
        visible: bool = True,
        interactive: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        scale: int | None = None,
        min_width: int | None = None,
    ) -> None:
        self.logout_value = logout_value
        super().__init__(
            value,
            every=every,
            inputs=inputs,
            variant=variant,
            size=size,
            icon=icon,
            link=link,
            link_target=link_target,
            visible=visible,
            interactive=interactive,
            elem_id=elem_id,
            elem_classes=elem_classes,
            render=render,
            key=key,
            preserved_by_key=preserved_by_key,
            scale=scale,
            min_width=min_width if min_width is not None else 160,
        )

    def logout_text(self, username: str) -> str:
        """The text the button would show for a signed-in ``username`` (``logout_value``)."""
        return self.logout_value.format(username)
