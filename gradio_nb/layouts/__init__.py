"""``gr.layouts``: ``Row``, ``Column``, ``Group``, ``Tabs``/``Tab``, ``Accordion``, ``Sidebar``,
``Draggable``, ``Walkthrough``/``Step``, and ``Form``, which wraps consecutive form fields (as
Gradio does).

Each is an ipywidgets box. ``Column(scale=, min_width=)`` sets its flex share and minimum
width, ``Row(equal_height=True)`` stretches its children to one height; Gradio's other sizing
options (``height``, ``variant``, ...) are accepted and ignored. Layouts are outputs too:
``gr.update(visible=...)``, ``gr.Tabs(selected=...)``, ``gr.Accordion(open=...)`` returned
from a function change them in that session. ``Tabs``/``Tab`` fire ``select`` (and ``Tabs``
``change``) when a tab is chosen, ``Accordion``/``Sidebar`` ``expand`` and ``collapse``.

One module each, as in Gradio (:mod:`.row`, :mod:`.tabs`, ...).
"""

from __future__ import annotations

from .accordion import Accordion
from .column import Column
from .draggable import Draggable
from .form import Form
from .group import Group
from .row import Row
from .sidebar import Sidebar
from .tabs import Tab, TabItem, Tabs, tab_widget
from .walkthrough import Step, Walkthrough

__all__ = [
    "Accordion", "Column", "Draggable", "Form", "Group", "Row", "Sidebar", "Step", "Tab", "TabItem", "Tabs",
    "Walkthrough", "tab_widget",
]
