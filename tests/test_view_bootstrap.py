"""What every widget carries stays small: anywidget sends a widget's ``_esm`` (js/loader.js)
with every widget, so the loader keeps to a byte budget, and the helpers views get (js/kit.js)
travel once per cell in a shared ViewModule that every other view module names."""

from __future__ import annotations

from typing import Any

import comm
import pytest
from comm.base_comm import BaseComm

import gradio_nb as gr
from gradio_nb import widgets
from gradio_nb.widgets import JS, AlertsWidget, TextboxWidget, ViewModule, _View

#: The loader's budget in bytes (it was 8.8 kB with the helpers in it: 2x the bytes of a
#: naive ipywidgets build of N textboxes, bench 6).
BUDGET = 1536


class _Recording(BaseComm):
    """A comm that sends nothing and keeps the state of every model opened."""

    opened: list[dict[str, Any]] = []

    def publish_msg(self, msg_type: str, data: Any = None, metadata: Any = None, buffers: Any = None, **keys: Any) -> None:
        if msg_type == "comm_open":
            _Recording.opened.append({**data["state"], "comm_id": self.comm_id})


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The state of every model opened in the test, after a new cell's start (shared models
    are made anew, as a cell's run makes them)."""
    widgets._forget_shared()
    _Recording.opened = []
    monkeypatch.setattr(comm, "create_comm", lambda **kwargs: _Recording(**kwargs))
    return _Recording.opened


def test_the_loader_keeps_to_its_budget():
    assert _View._esm == (JS / "loader.js").read_text()
    assert len(_View._esm.encode()) <= BUDGET
    for helper in ("function upload", "function dropZone", "function library", "function addStyle"):
        assert helper not in _View._esm  # they are the kit's


def test_a_session_of_two_textboxes_carries_the_kit_once(opened):
    with gr.Blocks() as demo:
        gr.Textbox(label="a")
        gr.Textbox(label="b")
    sess = demo.session()
    try:
        modules = [s for s in opened if s.get("_model_name") == "WidgetModel" and "code" in s]
        kits = [s for s in modules if s["name"] == "kit"]
        assert len(kits) == 1 and kits[0]["kit"] is None
        assert kits[0]["code"] == (JS / "kit.js").read_text()
        others = [s for s in modules if s["name"] != "kit"]
        assert {s["name"] for s in others} >= {"fields"}
        assert all(s["kit"] == f"IPY_MODEL_{kits[0]['comm_id']}" for s in others)
        boxes = [s for s in opened if "_esm" in s and s.get("kind") == "textbox"]
        assert len(boxes) == 2
        assert all("kit" not in s and len(s["_esm"].encode()) <= BUDGET for s in boxes)
    finally:
        sess.close()


def test_every_view_module_of_a_cell_shares_one_kit(opened):
    first = TextboxWidget()
    second = AlertsWidget()
    assert first._module.kit is second._module.kit
    assert isinstance(first._module.kit, ViewModule) and first._module.kit.kit is None
    assert sum(1 for s in opened if s.get("name") == "kit" and "code" in s) == 1
    first.close()
    second.close()


def test_a_new_cell_makes_a_new_kit():
    before = widgets.view_module("fields").kit
    widgets._forget_shared()
    after = widgets.view_module("fields").kit
    assert after is not before and after.name == "kit" and after.comm is not None


def test_each_comm_manager_has_its_own_shared_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """One process serving many pages gives each page a comm manager of its own (solara's
    virtual kernels): a page can only reach models opened through its own, so the shared
    models (view modules, default Layout) are made once per manager, not once per process."""
    import threading

    from comm.base_comm import CommManager

    managers = threading.local()
    monkeypatch.setattr(comm, "get_comm_manager", lambda: managers.current)
    found: dict[str, tuple[Any, ...]] = {}

    def page(name: str) -> None:
        managers.current = CommManager()
        with gr.Blocks() as demo:
            gr.Textbox(label="a")
        sess = demo.session()
        module = widgets.view_module("fields")
        found[name] = (managers.current, module, widgets.view_module("fields"), widgets.current_generation())
        sess.close()

    threads = [threading.Thread(target=page, args=(name,)) for name in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    (m1, a1, b1, g1), (m2, a2, b2, g2) = found["one"], found["two"]
    assert m1 is not m2
    assert a1 is b1 and a2 is b2  # shared within a page
    assert a1 is not a2 and g1 is not g2  # never across pages
    assert widgets.is_shared(a1) and widgets.is_shared(a2)
