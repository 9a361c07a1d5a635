"""``gr.Workflow``: a workflow graph (inputs -> operators -> outputs) shown as an app.

Gradio draws a workflow as an editable node canvas over an "app view" (its inputs, a Run button,
its outputs). A notebook has no canvas: gradio_nb shows the app view alone, with a line per
operator saying what feeds it and what it feeds, and runs the graph in the kernel. Graph files
use Gradio's schema version 2 (``references``, ``operators``, ``subjects``, ``edges``); a file
of the older schema (``nodes``) is read as Gradio's canvas migrates it.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import re
import sys
import urllib.parse
from collections import Counter, deque
from collections.abc import Callable
from typing import Any

from . import context
from .alerts import current_session
from .blocks import Blocks
from .components import JSON, Button, Checkbox, Markdown, Number, Textbox
from .components.audio import Audio
from .components.base import Component
from .components.code import Code
from .components.dataframe import Dataframe
from .components.file import File
from .components.gallery import Gallery
from .components.image import Image
from .components.model3d import Model3D
from .components.video import Video
from .exceptions import Error
from .layouts import Column, Row, Tab, Tabs
from .progress import Progress
from .special_args import fill, hints, is_special, positional_params, special_params
from .unavailable import module_getattr

logger = logging.getLogger(__name__)

#: Port types whose values travel as ``{"path": ...}`` dicts, as in Gradio's executor.
MEDIA_PORT_TYPES = frozenset({"image", "audio", "video", "file", "gallery", "model3d"})
#: Gradio's port type for a bound function's annotation; anything else is "text".
_PY_TO_PORT: dict[Any, str] = {int: "number", float: "number", bool: "boolean"}
#: Operator kinds that call Hugging Face, by what they call.
_REMOTE = {"model": ("Hugging Face model", "model_id"), "dataset": ("Hugging Face dataset", "dataset_id")}
_SPACE = ("Hugging Face Space", "space_id")  # Gradio runs any other kind as a Space
_EMPTY = (
    "This workflow doesn't have any outputs yet. gradio_nb has no workflow canvas: add an output "
    "node to the graph file (`workflow.json`), or bind functions with `bind=`."
)


class Workflow(Blocks):
    """A workflow graph as an app: an input per free reference node, an output per subject.

    ``graph`` is the path of the workflow JSON file (relative paths from the calling script's
    folder, or the working directory in a notebook; default ``workflow.json``). Without that
    file, ``bind`` (functions, or a dict of name -> function) and ``edges``
    (``("fn", "fn.port_label")`` pairs) make the graph: each function an operator whose
    parameters are ports typed by their annotations, as Gradio makes it. Gradio then shows
    those nodes on its canvas, where the user wires inputs and outputs; with no canvas,
    gradio_nb wires each unfed parameter to an input and each unused return value to an output.

    Each independent pipeline (subjects joined by edges) is a group with its inputs, a Run
    button and its outputs (a tab each when there are several), as in Gradio's app view. Run
    evaluates the group's nodes in topological order: a value flows along each edge, a bound
    function (``kind: "fn"``) gets its input ports' values in order (media as
    ``{"path": ...}``, as Gradio passes them) and its return value fills its output ports (a
    tuple by position or ``output_index``). Operators that call Hugging Face (``model``,
    ``space``, ``dataset``) need the network, which the kernel never reaches, and a ``fn``
    node whose function is not bound cannot run: Run then raises ``gr.Error`` naming them
    before anything runs. ``self.graph`` is the graph shown (``None`` for none),
    ``self.node_components`` the component of each reference and subject by node id,
    ``self.run_buttons`` the Run buttons. Nothing is written: Gradio writes the file when its
    canvas saves, and there is no canvas here.
    """

    def __init__(
        self,
        graph: str | None = None,
        *,
        bind: dict[str, Callable[..., Any]] | list[Callable[..., Any]] | None = None,
        edges: list[tuple[str, str]] | None = None,
    ) -> None:
        if context.root_block.get() is not None:
            raise ValueError("gr.Workflow cannot be created inside another gr.Blocks context.")
        self._workflow_file = _graph_path(graph, sys._getframe(1).f_code.co_filename)
        if isinstance(bind, list):
            bind = {getattr(fn, "__name__", repr(fn)): fn for fn in bind}
        self._bound: dict[str, Callable[..., Any]] = dict(bind or {})
        self._edges = list(edges or [])
        name = os.path.splitext(os.path.basename(self._workflow_file))[0].replace("_", " ").replace("-", " ").title()
        data = _read_graph(self._workflow_file)
        if data is not None and self._edges:
            logger.warning("Workflow: edges= is ignored because '%s' already exists.", self._workflow_file)
        if data is None and self._bound:
            data = _graph_from_bind(self._bound, self._edges, name)
        #: The schema-v2 graph shown, or None (no file and nothing bound).
        self.graph: dict[str, Any] | None = data
        self._index = _Index(data, self._workflow_file) if data is not None else None
        super().__init__(title=self._index.name if self._index else "Gradio", mode="workflow")
        self.node_components: dict[str, Component] = {}
        self.run_buttons: list[Button] = []
        with self:
            self._build()

    # -- the app ----------------------------------------------------------------------------
    def _build(self) -> None:
        index = self._index
        Markdown(f"# {index.name if index else 'Workflow'}")
        groups = index.subject_groups() if index else []
        if index is None or not groups:
            Markdown(_EMPTY)
            return
        names = _api_names(groups)
        if len(groups) == 1:
            self._build_group(index, groups[0], names[0])
            return
        with Tabs():  # one tab per independent pipeline, as Gradio's app view
            for group, api_name in zip(groups, names):
                with Tab(group[0].get("label") or api_name):
                    self._build_group(index, group, api_name)

    def _build_group(self, index: _Index, group: list[dict[str, Any]], api_name: str) -> None:
        subject_ids = [s["id"] for s in group]
        ids = index.upstream(subject_ids)
        try:
            order = index.order(ids)
        except Error:  # a cycle: Gradio builds the app and says so when it runs
            order = sorted(ids, key=lambda n: index.position(index.nodes[n]))
        free = [index.nodes[n] for n in order if index.roles[n] == "reference" and not index.feeds_into(n)]
        free.sort(key=index.position)  # declaration order, as Gradio's parameters
        with Row(equal_height=False):
            with Column():
                inputs = [self._component(ref, _out_type(ref), _reference_default(ref), output=False) for ref in free]
                run = Button("Run", variant="primary")
            with Column():
                outputs = [self._component(s, _in_type(s), None, output=True) for s in group]
        Markdown(index.describe(order, self._bound))
        self.run_buttons.append(run)
        runner = self._runner(index, subject_ids, [ref["id"] for ref in free])
        run.click(runner, inputs, outputs if len(outputs) > 1 else outputs[0], api_name=api_name)

    def _component(self, node: dict[str, Any], port_type: str, value: Any, *, output: bool) -> Component:
        """The component for a node, as Gradio's ``port_to_component`` picks it; a value it
        refuses (a file gone, a shape it rejects) is dropped, as Gradio drops it."""
        cls, kwargs = _component_class(port_type, output)
        label = node.get("label") or port_type
        if cls is Code and value is not None and not isinstance(value, str):
            value = json.dumps(value)  # JSON is edited as text, as on Gradio's canvas
        try:
            comp = cls(label=label, value=value, render=False, **kwargs) if value is not None else None
        except Exception:
            logger.debug("Workflow: dropping the default of %s", label, exc_info=True)
            comp = None
        comp = (comp or cls(label=label, render=False, **kwargs)).render()
        self.node_components[node["id"]] = comp
        return comp

    # -- running ----------------------------------------------------------------------------
    def _runner(self, index: _Index, subject_ids: list[str], free_ids: list[str]) -> Callable[..., Any]:
        bound = self._bound

        async def run(*values: Any) -> Any:
            order = index.order(index.upstream(subject_ids))
            operators = [index.nodes[n] for n in order if index.roles[n] == "operator"]
            blocked = [why for node in operators if (why := _cannot_run(node, bound))]
            if blocked:  # before anything runs: a partial run would only be thrown away
                raise Error(" ".join(blocked))
            seeds = dict(zip(free_ids, values))
            data: dict[str, dict[str, Any]] = {}
            for node_id in order:
                node = index.nodes[node_id]
                if index.roles[node_id] == "operator":
                    data[node_id] = await _call(node, index.resolve(node, data), bound[node["fn"]])
                elif index.roles[node_id] == "reference" and not index.feeds_into(node_id):
                    seed = seeds.get(node_id)
                    data[node_id] = {p["id"]: _to_arg(seed, p.get("type", "text")) for p in node.get("outputs") or []}
                else:  # a subject, or a reference an operator computes: it relays its first input
                    data[node_id] = _relay(node, index.resolve(node, data))
            results = [_from_output(data[s].get(_first_port(index.nodes[s], "inputs"))) for s in subject_ids]
            return results[0] if len(results) == 1 else tuple(results)

        return run


class _Index:
    """A schema-v2 graph indexed by node id and role; ``source`` names it in errors."""

    def __init__(self, data: dict[str, Any], source: str) -> None:
        self.name: str = data.get("name") or "Workflow"
        self.nodes: dict[str, dict[str, Any]] = {}
        self.roles: dict[str, str] = {}
        for role in ("reference", "operator", "subject"):
            for i, node in enumerate(_list(data, f"{role}s", source)):
                node_id = node.get("id") if isinstance(node, dict) else None
                if not isinstance(node_id, str) or not node_id:
                    raise ValueError(f"{source}: {role} {i} has no id.")
                if node_id in self.nodes:
                    raise ValueError(f"{source}: two nodes have the id {node_id!r}.")
                self.nodes[node_id], self.roles[node_id] = node, role
        self._position = {node_id: i for i, node_id in enumerate(self.nodes)}
        self.edges: list[dict[str, Any]] = _list(data, "edges", source)
        for i, edge in enumerate(self.edges):
            ends = ("from_node_id", "from_port_id", "to_node_id", "to_port_id")
            if not isinstance(edge, dict) or not all(isinstance(edge.get(k), str) and edge[k] for k in ends):
                raise ValueError(f"{source}: edge {i} needs {', '.join(ends)}.")

    def position(self, node: dict[str, Any]) -> int:
        return self._position[node["id"]]

    def feeds_into(self, node_id: str) -> bool:
        """Whether an edge ends at ``node_id`` (a reference with one is computed, not an input)."""
        return any(e["to_node_id"] == node_id for e in self.edges)

    def upstream(self, node_ids: list[str]) -> set[str]:
        """``node_ids`` and every node feeding them; an edge from a missing node is ignored."""
        found, queue = set(node_ids), deque(node_ids)
        while queue:
            current = queue.popleft()
            for e in self.edges:
                source = e["from_node_id"]
                if e["to_node_id"] == current and source in self.nodes and source not in found:
                    found.add(source)
                    queue.append(source)
        return found

    def order(self, node_ids: set[str]) -> list[str]:
        """``node_ids`` in topological order (declaration order among equals)."""
        ids = sorted(node_ids, key=self._position.__getitem__)
        waiting = dict.fromkeys(ids, 0)
        for e in self.edges:
            if e["from_node_id"] in waiting and e["to_node_id"] in waiting:
                waiting[e["to_node_id"]] += 1
        ready, out = deque(n for n in ids if not waiting[n]), []
        while ready:
            node_id = ready.popleft()
            out.append(node_id)
            for e in self.edges:
                if e["from_node_id"] == node_id and e["to_node_id"] in waiting:
                    waiting[e["to_node_id"]] -= 1
                    if not waiting[e["to_node_id"]]:
                        ready.append(e["to_node_id"])
        if len(out) != len(ids):
            stuck = ", ".join(f'"{_label(self.nodes[n])}"' for n in ids if n not in out)
            raise Error(f"The workflow has a cycle: the nodes {stuck} cannot run.")
        return out

    def subject_groups(self) -> list[list[dict[str, Any]]]:
        """The subjects grouped by connected pipeline (edges taken both ways), in declaration order."""
        parent = {n: n for n in self.nodes}

        def root(n: str) -> str:
            while parent[n] != n:
                parent[n] = n = parent[parent[n]]
            return n

        for e in self.edges:
            if e["from_node_id"] in parent and e["to_node_id"] in parent:
                parent[root(e["from_node_id"])] = root(e["to_node_id"])
        groups: dict[str, list[dict[str, Any]]] = {}
        for node_id, role in self.roles.items():
            if role == "subject":
                groups.setdefault(root(node_id), []).append(self.nodes[node_id])
        return list(groups.values())

    def sources(self, node_id: str) -> list[dict[str, Any]]:
        """The nodes with an edge to ``node_id``."""
        ids = [e["from_node_id"] for e in self.edges if e["to_node_id"] == node_id]
        return [self.nodes[i] for i in ids if i in self.nodes]

    def targets(self, node_id: str) -> list[dict[str, Any]]:
        """The nodes ``node_id`` has an edge to."""
        ids = [e["to_node_id"] for e in self.edges if e["from_node_id"] == node_id]
        return [self.nodes[i] for i in ids if i in self.nodes]

    def resolve(self, node: dict[str, Any], data: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """Each input port's value: along its edge, else the node's own data or the port's default."""
        values, own = {}, node.get("data") or {}
        for port in node.get("inputs") or []:
            edge = next((e for e in self.edges if (e["to_node_id"], e["to_port_id"]) == (node["id"], port["id"])), None)
            if edge is not None:
                values[port["id"]] = data.get(edge["from_node_id"], {}).get(edge["from_port_id"])
            else:
                values[port["id"]] = own.get(port["id"], port.get("default_value"))
        return values

    def describe(self, order: list[str], bound: dict[str, Callable[..., Any]]) -> str:
        """Markdown: a line per operator (and per direct edge) of what feeds it and what it feeds."""
        lines = []
        for node_id in order:
            node, targets = self.nodes[node_id], self.targets(node_id)
            if self.roles[node_id] == "operator":
                what = f"**{_label(node)}** ({_kind_text(node, bound)})"
                lines.append(f"{_names(self.sources(node_id))}{what}{_names(targets, ' → ')}")
            else:  # an input shown straight in an output
                shown = [t for t in targets if t["id"] in order and self.roles[t["id"]] != "operator"]
                lines += [f"{_label(node)} → {_label(t)}" for t in shown]
        return "**Pipeline**\n\n" + "\n".join(f"- {line}" for line in lines)


# -- graph files ------------------------------------------------------------------------------
def _graph_path(graph: str | None, caller_file: str) -> str:
    """Where the graph file is: ``graph`` if absolute, else beside the calling script."""
    if graph is not None and os.path.isabs(graph):
        return graph
    # A notebook cell has no file of its own (ipykernel names one it never writes): the
    # working directory is the notebook's folder there.
    folder = os.path.dirname(os.path.abspath(caller_file)) if os.path.isfile(caller_file) else os.getcwd()
    return os.path.join(folder, "workflow.json" if graph is None else graph)


def _read_graph(path: str) -> dict[str, Any] | None:
    """The file's graph as schema v2, or None when there is no file."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"gr.Workflow: {path} is not valid JSON: {e}") from e
    if not isinstance(data, dict):  # a malformed file: a bad value, as json's own errors are
        raise ValueError(f"gr.Workflow: {path} must hold a JSON object, not {type(data).__name__}.")  # noqa: TRY004
    return data if data.get("schema_version") == "2" else _from_v1(data)


def _from_v1(data: dict[str, Any]) -> dict[str, Any]:
    """A schema-1 graph (``nodes``) as Gradio's canvas migrates it: ``transform`` nodes become
    operators; other nodes become subjects when an edge ends at them, else references."""
    edges = data.get("edges") if isinstance(data.get("edges"), list) else []
    nodes = data.get("nodes") if isinstance(data.get("nodes"), list) else []
    targets = {e.get("to_node_id") for e in edges if isinstance(e, dict)}
    graph: dict[str, Any] = {"schema_version": "2", "name": data.get("name") or "My workflow", "edges": edges}
    for key in ("references", "operators", "subjects"):
        graph[key] = []
    for node in (n for n in nodes if isinstance(n, dict)):
        if node.get("kind") == "transform":
            remote = (k for k in ("space", "model", "dataset") if node.get(f"{k}_id") or node.get("source") == k)
            kind = next(remote, "fn")
            graph["operators"].append({**node, "role": "operator", "kind": kind})
            continue
        ports = node.get("outputs") or node.get("inputs") or [{}]
        role = "subject" if node.get("id") in targets else "reference"
        graph[f"{role}s"].append({**node, "role": role, "asset_type": ports[0].get("type", "any")})
    return graph


def _graph_from_bind(bound: dict[str, Callable[..., Any]], edges: list[tuple[str, str]], name: str) -> dict[str, Any]:
    """The graph Gradio makes of ``bind``/``edges``, wired to inputs and outputs (see Workflow)."""
    made = [_fn_operator(fn_name, fn) for fn_name, fn in bound.items()]
    operators = [node for node, _defaults in made]
    defaults = {node["id"]: node_defaults for node, node_defaults in made}
    wires = [_wire(_end(src, operators, "outputs"), _end(dst, operators, "inputs")) for src, dst in edges]
    fed = {(e["to_node_id"], e["to_port_id"]) for e in wires}
    used = {(e["from_node_id"], e["from_port_id"]) for e in wires}
    free = [(op, p) for op in operators for p in op["inputs"] if (op["id"], p["id"]) not in fed]
    repeated = Counter(p["label"] for _op, p in free)
    references, subjects = [], []
    for op, port in free:
        label = port["label"] if repeated[port["label"]] == 1 else f"{op['fn']}.{port['label']}"
        default = defaults[op["id"]].get(port["id"])
        references.append(_asset("reference", f"ref_{op['fn']}_{port['label']}", label, port["type"], default))
        wires.append(_wire((references[-1]["id"], "out", port["type"]), (op["id"], port["id"], port["type"])))
    for op in operators:
        for port in (p for p in op["outputs"] if (op["id"], p["id"]) not in used):
            subjects.append(_asset("subject", f"sub_{op['fn']}", f"{op['fn']} output", port["type"], None))
            wires.append(_wire((op["id"], port["id"], port["type"]), (subjects[-1]["id"], "in", port["type"])))
    for i, wire in enumerate(wires):
        wire["id"] = f"edge_{i}"
    graph = {"schema_version": "2", "name": name, "references": references, "operators": operators}
    return {**graph, "subjects": subjects, "edges": wires}


def _fn_operator(fn_name: str, fn: Callable[..., Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A bound function as Gradio's node (a port per parameter Gradio does not fill itself,
    typed by its annotation), and each port's parameter default."""
    types = hints(fn)
    # Parameters filled by Gradio (gr.Request, gr.Progress(), ...) are no ports.
    params = [
        p
        for p in positional_params(fn)
        if not (p.name == "self" or is_special(p, types) or isinstance(p.default, Progress))
    ]
    inputs = [{"id": f"in_{p.name}", "label": p.name, "type": _port_type(types.get(p.name))} for p in params]
    output = {"id": "out_0", "label": "output", "type": _port_type(types.get("return"))}
    node = {
        "id": f"fn_{fn_name}", "role": "operator", "kind": "fn", "fn": fn_name, "label": fn_name,
        "inputs": inputs or [{"id": "in_0", "label": "input", "type": "text"}], "outputs": [output], "data": {},
    }  # fmt: skip
    return node, {f"in_{p.name}": p.default for p in params}


def _port_type(hint: Any) -> str:
    """Gradio's port type for an annotation: scalars by type, anything else travels as text."""
    return _PY_TO_PORT.get(hint, "text") if isinstance(hint, type) else "text"


def _end(spec: str, operators: list[dict[str, Any]], ports_key: str) -> tuple[str, str, str]:
    """``"fn"`` (its first port) or ``"fn.port"`` (by label or id): (node id, port id, type)."""
    fn_name, _, hint = (part.strip() for part in spec.partition("."))
    node = next((n for n in operators if n["fn"] == fn_name), None)
    if node is None:
        raise ValueError(f"edges: no function '{fn_name}' in bind. Available: {[n['fn'] for n in operators]}")
    ports = node[ports_key]
    port = next((p for p in ports if p["label"] == hint or p["id"] == hint), None) if hint else ports[0]
    if port is None:
        available = [p["label"] for p in ports]
        raise ValueError(f"edges: no {ports_key[:-1]} port '{hint}' on '{fn_name}'. Available: {available}")
    return node["id"], port["id"], port["type"]


def _wire(source: tuple[str, str, str], target: tuple[str, str, str]) -> dict[str, Any]:
    """An edge from (node, port, type) to (node, port, type); its id is set once all are made."""
    (from_node, from_port, edge_type), (to_node, to_port, _type) = source, target
    edge = {"from_node_id": from_node, "from_port_id": from_port, "to_node_id": to_node, "to_port_id": to_port}
    return {**edge, "type": edge_type}


def _asset(role: str, node_id: str, label: str, port_type: str, default: Any) -> dict[str, Any]:
    """A reference or subject node of one port type; a parameter's plain default is its value."""
    plain = isinstance(default, (str, int, float, bool))
    return {
        "id": node_id, "role": role, "label": label, "asset_type": port_type,
        "inputs": [{"id": "in", "label": label, "type": port_type}],
        "outputs": [{"id": "out", "label": label, "type": port_type}],
        "data": {"out": default} if plain else {},
    }  # fmt: skip


def _list(data: dict[str, Any], key: str, source: str) -> list[Any]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ValueError(f"{source}: '{key}' must be a list.")  # noqa: TRY004 - a malformed file
    return value


# -- nodes and values -------------------------------------------------------------------------
def _label(node: dict[str, Any]) -> str:
    return node.get("label") or node["id"]


def _names(nodes: list[dict[str, Any]], before: str = "") -> str:
    labels = list(dict.fromkeys(_label(n) for n in nodes))
    return "" if not labels else (f"{before}{', '.join(labels)}" if before else f"{', '.join(labels)} → ")


def _first_port(node: dict[str, Any], key: str) -> str | None:
    ports = node.get(key) or []
    return ports[0].get("id") if ports else None


def _out_type(node: dict[str, Any]) -> str:
    ports = node.get("outputs") or []
    return (ports[0].get("type") if ports else None) or node.get("asset_type") or "text"


def _in_type(node: dict[str, Any]) -> str:
    ports = node.get("inputs") or []
    return (ports[0].get("type") if ports else None) or node.get("asset_type") or "text"


def _component_class(port_type: str, output: bool) -> tuple[type[Component], dict[str, Any]]:
    """Gradio's component for a port type (``port_to_component``); other types are text."""
    media: dict[str, tuple[type[Component], dict[str, Any]]] = {
        "image": (Image, {"type": "filepath"}), "audio": (Audio, {"type": "filepath"}), "video": (Video, {}),
        "model3d": (Model3D, {}), "3d": (Model3D, {}), "file": (File, {"type": "filepath"}),
        "number": (Number, {}), "boolean": (Checkbox, {}), "dataframe": (Dataframe, {}), "gallery": (Gallery, {}),
    }  # fmt: skip
    if port_type in media:
        return media[port_type]
    if port_type == "json":
        return (JSON, {}) if output else (Code, {"language": "json", "lines": 4})
    if port_type == "markdown":
        return (Markdown, {"container": True}) if output else (Textbox, {"lines": 3})
    return Textbox, {}


def _reference_default(node: dict[str, Any]) -> Any:
    """A free input's value from the node's ``data`` (output ports first); a file that is no
    longer there, or a ``blob:`` URL only a browser can read, is left out (as Gradio does)."""
    data = node.get("data") or {}
    ports = [p.get("id") for p in (node.get("outputs") or []) + (node.get("inputs") or [])]
    value = next((data[p] for p in ports if data.get(p) is not None), None)
    port_type = _out_type(node)
    if value is None or port_type not in MEDIA_PORT_TYPES:
        return value

    def as_ref(v: Any) -> Any:
        src = (v.get("path") or v.get("url")) if isinstance(v, dict) else v
        if not isinstance(src, str) or not src or src.startswith("blob:"):
            return None
        if src.startswith(("http://", "https://", "data:")):
            return src
        if src.startswith("/gradio_api/file="):  # a file Gradio's server served: its path
            src = urllib.parse.unquote(src.removeprefix("/gradio_api/file="))
        return src if os.path.exists(src) else None

    if port_type == "gallery" and isinstance(value, list):
        return [r for r in map(as_ref, value) if r] or None
    return as_ref(value)


def _to_arg(value: Any, port_type: str) -> Any:
    """An input's value as Gradio's executor passes it on: a media path as ``{"path": ...}``."""
    return {"path": value} if port_type in MEDIA_PORT_TYPES and isinstance(value, str) else value


def _from_output(value: Any) -> Any:
    """A subject's value for its component: a file dict as its path (or URL)."""
    return (value.get("path") or value.get("url") or value) if isinstance(value, dict) else value


def _relay(node: dict[str, Any], resolved: dict[str, Any]) -> dict[str, Any]:
    first = _first_port(node, "inputs")
    if first is None:
        return {}
    return {first: resolved[first], **{p["id"]: resolved[first] for p in node.get("outputs") or []}}


def _kind_text(node: dict[str, Any], bound: dict[str, Callable[..., Any]]) -> str:
    kind = node.get("kind")
    if kind == "fn":
        return f"function `{node.get('fn')}`" + ("" if node.get("fn") in bound else ", not bound")
    what, key = _REMOTE.get(kind, _SPACE)
    return f"{what} `{node.get(key) or '?'}`, needs the network"


def _cannot_run(node: dict[str, Any], bound: dict[str, Callable[..., Any]]) -> str | None:
    """Why the kernel cannot run an operator, naming it; None when it can."""
    name, kind = _label(node), node.get("kind")
    if kind == "fn":
        if node.get("fn") in bound:
            return None
        return f'Workflow node "{name}" calls the function "{node.get("fn")}", which is not bound: bind it (bind=...).'
    what, key = _REMOTE.get(kind, _SPACE)
    return (
        f'Workflow node "{name}" runs the {what} {node.get(key) or "(unnamed)"}: that needs the network, '
        "and gradio_nb's kernel fetches nothing (run the app with Gradio for it)."
    )


async def _call(node: dict[str, Any], resolved: dict[str, Any], fn: Callable[..., Any]) -> dict[str, Any]:
    """Run a bound function on the node's inputs; its outputs by port id."""
    name = _label(node)
    for port in node.get("inputs") or []:
        if port.get("required") and resolved.get(port["id"]) is None:
            raise Error(f'"{port.get("label", port["id"])}" is required by "{name}" but was not provided')
    args = [resolved[p["id"]] for p in node.get("inputs") or []]
    specials = special_params(fn)
    if specials:  # gr.Request, gr.Progress, ... as Gradio's call_fn fills them
        session = current_session.get()
        request = session.request if session is not None else (lambda: None)
        # A declared gr.Progress() is passed as is: it shows nothing outside the dispatcher.
        args = fill(specials, args, progress=lambda p: p, request=request, event=None, props=lambda _i: None)
    try:
        result = fn(*args)
        if inspect.isawaitable(result):
            result = await result
    except Exception as e:
        message = e.message if isinstance(e, Error) else f"{type(e).__name__}: {e}"
        raise Error(f'Workflow node "{name}" failed: {message}') from e
    ports = node.get("outputs") or []
    items = list(result) if isinstance(result, tuple) or (isinstance(result, list) and len(ports) > 1) else [result]
    outputs = {}
    for i, port in enumerate(ports):
        at = port.get("output_index") if isinstance(port.get("output_index"), int) else i
        outputs[port["id"]] = items[at] if 0 <= at < len(items) else None
    return outputs


def _api_names(groups: list[list[dict[str, Any]]]) -> list[str]:
    """Each group's endpoint name, from its first subject's label, as Gradio names it."""
    names: list[str] = []
    for group in groups:
        name = re.sub(r"[^a-z0-9]+", "_", (group[0].get("label") or "output").strip().lower()).strip("_") or "endpoint"
        while name in names:
            name += "_"
        names.append(name)
    return names


__getattr__ = module_getattr(
    __name__,
    (
        "has_write_access", "get_token", "get_write_access", "get_space_id", "get_oauth_available",
        "get_oauth_scopes", "call_space", "get_model_endpoints", "call_model", "fetch_dataset", "search_spaces",
        "search_models", "curated_modalities", "curated_modality_tasks", "is_curated", "search_quick",
        "resolve_repo", "search_datasets", "get_dataset_schema",
    ),
    "serves Gradio's workflow canvas (Hugging Face search and calls, write access); gradio_nb has no canvas "
    "and its kernel never reaches the network.",
)

__all__ = ["Workflow"]
