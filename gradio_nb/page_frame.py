"""The frame of a served page (``gradio-nb serve``, ``python app.py``): what Gradio's page
draws round an app, and a notebook cell does not.

The app's root gets the class ``gnb-page``: ``js/app.css`` then gives it Gradio's margins
(16 px above, 32 px at the sides, the content centred within Gradio's width for the window,
none with ``Blocks(fill_width=True)``), makes it fill the window in the app's background, and
takes away the paddings of the page round it (Voila's cell, solara's container). Under the
app comes a footer in Gradio's place and look, saying what it is: "Built with gradio_nb".
Gradio's other footer links (its API page, settings panel and run history) lead to pages
gradio_nb does not have, so they are not drawn; ``launch(footer_links=[])`` draws no footer,
as in Gradio.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

import ipywidgets as widgets

from .launch_options import LaunchOptions, LaunchWarning
from .widgets import shared

if TYPE_CHECKING:
    from .session import Session

#: Gradio's footer links when ``footer_links`` is not given.
DEFAULT_LINKS = ("api", "gradio", "settings", "runs")
#: Gradio's links to pages gradio_nb does not have: never drawn.
MISSING_LINKS = {"api": "an API page", "settings": "a settings panel", "runs": "a run history"}
FOOTER = '<footer aria-label="gradio_nb footer">Built with gradio_nb</footer>'


def footer_links(options: LaunchOptions) -> Sequence[object]:
    """The footer links ``launch()`` asked for (Gradio's default when it did not say); an
    asked-for link to a page gradio_nb does not have is named in a warning."""
    if options.footer_links is None:
        return DEFAULT_LINKS
    missing = [link for link in options.footer_links if isinstance(link, str) and link in MISSING_LINKS]
    if missing:
        names, pages = ", ".join(repr(m) for m in missing), ", ".join(MISSING_LINKS[m] for m in missing)
        warnings.warn(
            f"launch(footer_links=...): {names} lead to pages gradio_nb does not have ({pages}); "
            "the footer shows only 'Built with gradio_nb'.",
            LaunchWarning,
            stacklevel=2,
        )
    return options.footer_links


def frame(session: Session, options: LaunchOptions) -> None:
    """Give ``session``'s app the frame of a served page, and the footer ``options`` ask for."""
    session.view.add_class("gnb-page")
    if getattr(session.blocks, "fill_width", False):
        session.view.add_class("gnb-fill-width")
    if "gradio" in footer_links(options):
        footer = session.widget_tree.own(widgets.HTML(FOOTER, layout=shared(widgets.Layout)))
        footer.add_class("gnb-footer")
        session.view.children = (*session.view.children, footer)
