"""gr.Workflow: a workflow graph shown as an app and run headlessly (no canvas, no network)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import gradio_nb as gr
from gradio_nb.testing import run_script


def _port(port_id: str, port_type: str, **extra: Any) -> dict[str, Any]:
    return {"id": port_id, "label": port_id, "type": port_type, **extra}


def _asset(role: str, node_id: str, label: str, kind: str = "text", data: dict[str, Any] | None = None) -> dict:
    ports = {"inputs": [_port("in", kind)], "outputs": [_port("out", kind)]}
    return {"id": node_id, "role": role, "label": label, "asset_type": kind, **ports, "data": data or {}}


def _fn(node_id: str, fn: str) -> dict[str, Any]:
    ports = {"inputs": [_port("in_text", "text", required=True)], "outputs": [_port("out_0", "text", output_index=0)]}
    return {"id": node_id, "role": "operator", "kind": "fn", "fn": fn, "label": fn, **ports, "data": {}}


def _edge(src: str, src_port: str, dst: str, dst_port: str) -> dict[str, Any]:
    ends = {"from_node_id": src, "from_port_id": src_port, "to_node_id": dst, "to_port_id": dst_port}
    return {"id": f"{src}-{dst}", **ends}


#: Gradio's workflow_api demo graph: a shared "Text" input fanned out to shout and reverse.
TEXT_TOOLS = {
    "schema_version": "2",
    "name": "Text Tools",
    "references": [_asset("reference", "ref_text", "Text")],
    "operators": [_fn("op_loud", "shout"), _fn("op_rev", "reverse")],
    "subjects": [_asset("subject", "sub_loud", "Loud"), _asset("subject", "sub_rev", "Reversed")],
    "edges": [
        _edge("ref_text", "out", "op_loud", "in_text"),
        _edge("ref_text", "out", "op_rev", "in_text"),
        _edge("op_loud", "out_0", "sub_loud", "in"),
        _edge("op_rev", "out_0", "sub_rev", "in"),
    ],
}

#: A Hugging Face model node, as in Gradio's workflow_image_generator_comparison demo.
KREA = {
    "id": "op_krea", "role": "operator", "kind": "model", "label": "Krea 2 Turbo", "model_id": "krea/Krea-2-Turbo",
    "pipeline_tag": "text-to-image", "endpoint": "text_to_image",
    "inputs": [_port("prompt", "text", required=True)], "outputs": [_port("out_0", "image", output_index=0)],
}  # fmt: skip

#: A prompt fanned out to that model and to a bound function, each to an output.
MODEL_AND_FN = {
    "schema_version": "2",
    "name": "Model and function",
    "references": [_asset("reference", "ref_prompt", "Prompt", data={"out": "a red fox"})],
    "operators": [KREA, _fn("op_loud", "shout")],
    "subjects": [_asset("subject", "sub_image", "Image", "image"), _asset("subject", "sub_loud", "Loud")],
    "edges": [
        _edge("ref_prompt", "out", "op_krea", "prompt"),
        _edge("ref_prompt", "out", "op_loud", "in_text"),
        _edge("op_krea", "out_0", "sub_image", "in"),
        _edge("op_loud", "out_0", "sub_loud", "in"),
    ],
}


def shout(text: str) -> str:
    return (text or "").upper()


def reverse(text: str) -> str:
    return (text or "")[::-1]


def _write(folder: Path, graph: dict[str, Any], name: str = "workflow.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(graph))
    return path


def _run(demo: gr.Workflow, **values: Any) -> gr.Session:
    sess = demo.session()
    for node_id, value in values.items():
        sess.set(demo.node_components[node_id], value)
    sess.click(demo.run_buttons[0])
    return sess


def test_the_text_tools_graph_runs_both_branches_from_one_input(tmp_path: Path) -> None:
    demo = gr.Workflow(str(_write(tmp_path, TEXT_TOOLS)), bind={"shout": shout, "reverse": reverse})
    comps = demo.node_components
    assert demo.title == "Text Tools" and len(demo.run_buttons) == 1  # one pipeline: one Run, as Gradio
    shown = [(type(c).__name__, c.label) for c in comps.values()]
    assert shown == [("Textbox", "Text"), ("Textbox", "Loud"), ("Textbox", "Reversed")]
    sess = _run(demo, ref_text="Hello")
    assert sess.errors == []
    assert (sess.get(comps["sub_loud"]), sess.get(comps["sub_rev"])) == ("HELLO", "olleH")


def test_a_relative_graph_path_is_read_beside_the_calling_script(tmp_path: Path) -> None:
    _write(tmp_path, TEXT_TOOLS, "tools.json")
    script = tmp_path / "run.py"
    script.write_text(
        "import gradio as gr\n"
        "def shout(text: str) -> str:\n    return text.upper()\n"
        "def reverse(text: str) -> str:\n    return text[::-1]\n"
        "demo = gr.Workflow(graph='tools.json', bind=[shout, reverse])\n"
    )
    demo = run_script(script)["demo"]
    assert _run(demo, ref_text="abc").get(demo.node_components["sub_rev"]) == "cba"


def test_bind_with_edges_chains_the_functions(tmp_path: Path) -> None:
    def exclaim(text: str, times: int = 2) -> str:
        return text + "!" * int(times)

    demo = gr.Workflow(str(tmp_path / "workflow.json"), bind=[shout, exclaim], edges=[("shout", "exclaim.text")])
    comps = demo.node_components
    # shout's parameter and exclaim's `times` are inputs (typed by annotation, default as value);
    # exclaim's return value, which feeds nothing, is the output.
    assert {k: (type(c).__name__, c.label, c.value) for k, c in comps.items()} == {
        "ref_shout_text": ("Textbox", "text", None),
        "ref_exclaim_times": ("Number", "times", 2),
        "sub_exclaim": ("Textbox", "exclaim output", None),
    }
    sess = _run(demo, ref_shout_text="hey", ref_exclaim_times=3)
    assert sess.errors == [] and sess.get(comps["sub_exclaim"]) == "HEY!!!"
    with pytest.raises(ValueError, match="no function 'nope'"):
        gr.Workflow(str(tmp_path / "workflow.json"), bind=[shout], edges=[("nope", "shout")])


def test_a_model_operator_needs_the_network_and_nothing_runs(tmp_path: Path) -> None:
    calls: list[str] = []

    def counted(text: str) -> str:
        calls.append(text)
        return text.upper()

    demo = gr.Workflow(str(_write(tmp_path, MODEL_AND_FN)), bind={"shout": counted})
    sess = _run(demo)
    [error] = sess.errors
    assert '"Krea 2 Turbo"' in error.message and "krea/Krea-2-Turbo" in error.message and "network" in error.message
    # Refused before any node ran: the bound function was not called, no output changed.
    assert calls == []
    assert sess.get(demo.node_components["sub_loud"]) == "" and sess.get(demo.node_components["sub_image"]) is None


def test_an_unbound_function_node_is_named_and_a_failing_one_too(tmp_path: Path) -> None:
    path = _write(tmp_path, TEXT_TOOLS)
    [error] = _run(gr.Workflow(str(path), bind={"shout": shout}), ref_text="x").errors
    assert '"reverse"' in error.message and "not bound" in error.message

    def broken(text: str) -> str:
        raise KeyError("oops")

    [error] = _run(gr.Workflow(str(path), bind={"shout": shout, "reverse": broken}), ref_text="x").errors
    assert error.message.startswith('Workflow node "reverse" failed: KeyError')


def test_building_writes_no_file(tmp_path: Path) -> None:
    _write(tmp_path, TEXT_TOOLS, "tools.json")
    before = sorted(p.name for p in tmp_path.iterdir())
    empty = gr.Workflow(str(tmp_path / "workflow.json"))  # no file, nothing bound: Gradio's empty app
    generated = gr.Workflow(str(tmp_path / "workflow.json"), bind=[shout])
    loaded = gr.Workflow(str(tmp_path / "tools.json"), bind=[shout, reverse])
    for demo in (empty, generated, loaded):
        assert demo.session().errors == []
    _run(generated, ref_shout_text="a")
    assert sorted(p.name for p in tmp_path.iterdir()) == before == ["tools.json"]
    shown = [b.value for b in empty.blocks.values() if isinstance(b, gr.Markdown)]
    assert shown[0] == "# Workflow" and "doesn't have any outputs yet" in shown[1]


def test_a_workflow_inside_blocks_is_refused_and_canvas_functions_say_why(tmp_path: Path) -> None:
    with gr.Blocks(), pytest.raises(ValueError, match="cannot be created inside"):
        gr.Workflow(str(tmp_path / "workflow.json"))
    from gradio_nb import workflow

    with pytest.raises(NotImplementedError, match=r"gradio\.workflow\.call_model"):
        workflow.call_model  # noqa: B018


def test_a_graph_file_that_is_not_json_is_a_value_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="broken.json"):
        gr.Workflow(str(tmp_path / "broken.json"))
