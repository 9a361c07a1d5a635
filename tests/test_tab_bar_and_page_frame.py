"""Gradio's tab bar (its model, kept in step with the tabs) and a served page's frame (its
classes and footer), headless; how they look is tested in Chromium
(``tests/browser/test_tabs_and_page_frame.py``)."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from ipywidgets.widgets.widget_link import Link

import gradio_nb as gr
from gradio_nb.launch_options import LaunchOptions, LaunchWarning
from gradio_nb.layouts.tabs import TabBarWidget
from gradio_nb.page_frame import frame


def tabs_app(**tabs_kwargs):
    with gr.Blocks() as demo:
        with gr.Tabs(**tabs_kwargs) as tabs:
            with gr.Tab("One", id="one", elem_id="first"):
                gr.Markdown("1")
            with gr.Tab("Two", id="two", interactive=False) as two:
                gr.Markdown("2")
            with gr.Tab("Three", alignment="right") as three:
                gr.Markdown("3")
        hide = gr.Button("Hide")
        rename = gr.Button("Rename")
        hide.click(lambda: gr.Tab(visible=False), None, two)
        rename.click(lambda: gr.Tab(label="Drei"), None, three)
    return demo, tabs, hide, rename


def test_the_bar_shows_the_tabs_over_their_panels() -> None:
    demo, tabs, hide, rename = tabs_app(selected="two")
    sess = demo.session()
    panels = sess.widget(tabs)
    box = sess.container(tabs)
    assert isinstance(panels, widgets.Tab) and "gnb-tab-panels" in panels._dom_classes
    bar = box.children[0]
    assert isinstance(bar, TabBarWidget) and list(box.children) == [bar, panels] and "gnb-tabs" in box._dom_classes
    assert bar.tabs == [
        {"label": "One", "interactive": True, "alignment": "left", "elem_id": "gnb-id-first-button"},
        {"label": "Two", "interactive": False, "alignment": "left", "elem_id": ""},
        {"label": "Three", "interactive": True, "alignment": "right", "elem_id": ""},
    ]
    assert bar.selected_index == panels.selected_index == 1 and bar.overflow == "menu"
    # The page switches the panel itself: the bar's choice is linked to the panels' there.
    links = [w for w in sess.widget_tree.owned if isinstance(w, Link)]
    assert [(link.source, link.target) for link in links] == [((panels, "selected_index"), (bar, "selected_index"))]

    sess.click(hide)
    assert [t["label"] for t in bar.tabs] == ["One", "Three"] and panels.titles == ("One", "Three")
    sess.click(rename)
    assert [t["label"] for t in bar.tabs] == ["One", "Drei"]


def test_the_first_tab_is_chosen_when_tabs_have_no_id() -> None:
    """``Tabs()`` with a ``Tab`` without an ``id`` (whose id is None) chooses the first tab."""
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("A", id="a"):
                gr.Markdown("a")
            with gr.Tab("B"):
                gr.Markdown("b")
    assert demo.session().widget(tabs).selected_index == 0


def test_overflow_behavior_is_gradios() -> None:
    demo, tabs, _hide, _rename = tabs_app(overflow_behavior="wrap")
    assert demo.session().container(tabs).children[0].overflow == "wrap"
    with pytest.raises(ValueError, match="overflow_behavior"):
        gr.Tabs(overflow_behavior="scroll")


def test_hiding_tabs_hides_the_bar_with_the_panels() -> None:
    demo, tabs, _hide, _rename = tabs_app()
    with demo:
        gone = gr.Button("Gone")
        gone.click(lambda: gr.Tabs(visible=False), None, tabs)
    sess = demo.session()
    sess.click(gone)
    assert sess.container(tabs).layout.display == "none"


def app() -> gr.Blocks:
    with gr.Blocks(fill_width=True) as demo:
        gr.Textbox(label="x")
    return demo


def test_a_served_page_gets_the_frame_and_footer() -> None:
    sess = app().session()
    frame(sess, LaunchOptions())
    assert {"gnb-page", "gnb-fill-width"} <= set(sess.view._dom_classes)
    footer = sess.view.children[-1]
    assert "gnb-footer" in footer._dom_classes and "Built with gradio_nb" in footer.value
    assert footer in sess.widget_tree.owned


def test_footer_links_as_gradio_takes_them() -> None:
    sess = app().session()
    frame(sess, LaunchOptions.from_launch({"footer_links": []}))  # Gradio: no footer
    assert not any("gnb-footer" in getattr(w, "_dom_classes", ()) for w in sess.view.children)
    sess = app().session()
    with pytest.warns(LaunchWarning, match=r"'api', 'settings' lead to pages gradio_nb does not have \(an API page, a settings panel\)"):
        frame(sess, LaunchOptions.from_launch({"footer_links": ["api", "settings"]}))
    assert not any("gnb-footer" in getattr(w, "_dom_classes", ()) for w in sess.view.children)
    sess = app().session()
    frame(sess, LaunchOptions.from_launch({"footer_links": ["gradio"]}))
    assert "gnb-footer" in sess.view.children[-1]._dom_classes


def test_a_notebook_display_has_no_frame() -> None:
    sess = app().session()
    assert "gnb-page" not in sess.view._dom_classes
    assert not any("gnb-footer" in getattr(w, "_dom_classes", ()) for w in sess.view.children)
