"""The app the look tool serves with gradio_nb: the app script named by ``$LOOK_APP``, run as
``gradio-nb serve`` runs it, with each block's widget tagged so that the tool finds it.

``gradio-nb serve scripts/look/tagged_app.py`` runs this file (with ``import gradio``
answered by gradio_nb) once, up to the app's ``launch()``. It runs the app's script in turn
(as ``__main__``, in its folder, ``sys.argv == [script]``), and makes every session of the app
a :class:`TaggedSession`: a Session that, once built, adds the class ``gnb-look-<block id>``
to each block's widget (the outer box, where a block has one) and lists the blocks in
``$LOOK_MANIFEST`` (JSON). The product knows nothing of this: only public Session members
are used (``widget``, ``container``), and the class is handed over where sessions are made.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import ipywidgets

from gradio_nb.app_scripts import run_app_script, script_app
from gradio_nb.blocks import Block, Blocks
from gradio_nb.session import Session

#: The class a block's widget gets: ``gnb-look-<block id>`` (measure.gnb_selectors reads it).
PREFIX = "gnb-look-"


def element_of(session: Session, block: Block) -> ipywidgets.DOMWidget | None:
    """The widget drawing ``block`` in ``session``: its box in the layout (a gr.HTML's box
    around its value) or its own widget; ``None`` for a block that draws nothing."""
    outer = session.container(block)
    if isinstance(outer, ipywidgets.DOMWidget):
        return outer
    try:
        widget = session.widget(block)
    except ValueError:
        return None
    return widget if isinstance(widget, ipywidgets.DOMWidget) else None


def entry(block: Block, element: ipywidgets.DOMWidget | None) -> dict[str, Any]:
    """What the tool needs of a block: its id, its names (block name, then its classes, most
    derived first: the tool picks the one Gradio's config uses), label, text, elem_id, and
    whether it has a widget here."""
    value = getattr(block, "value", None)
    names = [block.get_block_name()] + [c.__name__.lower() for c in type(block).__mro__ if c not in (object, Block)]
    return {
        "key": str(block._id),
        "types": list(dict.fromkeys(names)),
        "label": getattr(block, "label", None) if isinstance(getattr(block, "label", None), str) else None,
        "value": value if isinstance(value, str) else None,
        "elem_id": block.elem_id,
        "visible": block.visible,
        "drawn": element is not None,
    }


class TaggedSession(Session):
    """A Session whose blocks' widgets carry ``gnb-look-<id>``; it lists them in the manifest."""

    def __init__(self, blocks: Blocks, **kwargs: Any) -> None:
        super().__init__(blocks, **kwargs)
        listed = []
        for block in blocks.iter_blocks():
            element = element_of(self, block)
            if element is not None:
                element.add_class(f"{PREFIX}{block._id}")
            listed.append(entry(block, element))
        manifest = Path(os.environ["LOOK_MANIFEST"])
        partial = manifest.with_suffix(".part")
        partial.write_text(json.dumps(listed))
        partial.replace(manifest)  # whole or not at all: the tool may read it any time


# Sessions are made by Blocks.session() (through the hook) and, for each served page, by
# gradio_nb.solara_page, which is being imported while this runs (it runs the app's script
# when it loads) and makes a ``Session`` by that name: both get the tagging class.
Blocks.session_class = TaggedSession
page_module = sys.modules.get("gradio_nb.solara_page")
if page_module is not None:
    page_module.Session = TaggedSession  # type: ignore[attr-defined]

# The app itself: its demo.launch() ends this run (the server takes it from there); a script
# that only builds its app leaves it here for the server to find.
app_path = os.environ["LOOK_APP"]
demo = script_app(run_app_script(app_path, chdir=True), app_path)
