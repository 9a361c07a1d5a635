"""Gradio's HTML templates, rendered in the kernel: a Handlebars subset plus ``${name}``.

Gradio's front end renders ``html_template`` with Handlebars and then evaluates the result as
a JavaScript template literal. In a notebook the page is shared with the person's own code,
so no template is evaluated as JavaScript: ``${path}`` is looked up (a name, then ``.attr``
or ``[index]`` steps) and anything else renders as empty text. The Handlebars part covers
what templates use: ``{{path}}`` (escaped), ``{{{path}}}`` (raw), ``{{#if}}``/``{{else}}``,
``{{#unless}}``, ``{{#each}}`` (with ``this``, ``@index``, ``@key``, ``@first``, ``@last``)
and ``{{#with}}``. Values a template inserts are never parsed as template text again (in
Gradio a value holding ``${...}`` would be evaluated; here it is shown as it is).
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

_TOKEN = re.compile(r"\{\{\{\s*(.*?)\s*\}\}\}|\{\{~?\s*(.*?)\s*~?\}\}|\$\{\s*(.*?)\s*\}", re.S)
_STEP = re.compile(r"\.?([A-Za-z_$@][\w$]*)|\[\s*(\d+|'[^']*'|\"[^\"]*\")\s*\]")
_MISSING = object()


@dataclass
class _Var:
    path: str
    escape: bool
    root: bool = False  # ``${...}``: JavaScript evaluates it once, with the props as names


@dataclass
class _Section:
    helper: str
    path: str
    body: list[Any] = field(default_factory=list)
    otherwise: list[Any] = field(default_factory=list)


class TemplateError(ValueError):
    """A template whose blocks do not nest (``{{#if}}`` without ``{{/if}}``, ...)."""


@lru_cache(maxsize=256)
def parse(template: str) -> list[Any]:
    """The template as a tree of text, variables and sections."""
    root: list[Any] = []
    stack: list[tuple[_Section | None, list[Any]]] = [(None, root)]
    pos = 0
    for match in _TOKEN.finditer(template):
        out = stack[-1][1]
        if match.start() > pos:
            out.append(template[pos : match.start()])
        pos = match.end()
        raw, mustache, dollar = match.groups()
        if raw is not None:
            out.append(_Var(raw, escape=False))
        elif dollar is not None:
            out.append(_Var(dollar, escape=False, root=True))  # a JS template literal inserts text as is
        elif mustache.startswith("!"):
            continue  # a comment
        elif mustache.startswith("#"):
            helper, _, path = mustache[1:].partition(" ")
            section = _Section(helper.strip(), path.strip())
            out.append(section)
            stack.append((section, section.body))
        elif mustache in ("else", "^"):
            section = stack[-1][0]
            if section is None:
                raise TemplateError("{{else}} outside a block")
            stack[-1] = (section, section.otherwise)
        elif mustache.startswith("/"):
            section = stack.pop()[0]
            if section is None or section.helper != mustache[1:].strip():
                raise TemplateError(f"{{{{{mustache}}}}} closes no open block")
        else:
            out.append(_Var(mustache, escape=True))
    if len(stack) > 1:
        raise TemplateError(f"{{{{#{stack[-1][0].helper}}}}} is never closed")  # type: ignore[union-attr]
    if pos < len(template):
        stack[-1][1].append(template[pos:])
    return root


def js_text(value: Any) -> str:
    """``value`` as JavaScript turns it into text (``String(value)``)."""
    if value is None or value is _MISSING:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (list, tuple)):
        return ",".join(js_text(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


def _truthy(value: Any) -> bool:
    # Handlebars' #if: false, undefined, null, "", 0, NaN and [] are false; {} is true.
    if value is _MISSING or value is None or value is False or value == "":
        return False
    if isinstance(value, (int, float)) and (value == 0 or value != value):
        return False
    return not (isinstance(value, (list, tuple)) and len(value) == 0)


def _step(value: Any, key: str) -> Any:
    if isinstance(value, dict):
        return value.get(key, _MISSING)
    if isinstance(value, (list, tuple, str)):
        if key == "length":
            return len(value)
        if key.isdigit() and int(key) < len(value):
            return value[int(key)]
        return _MISSING
    return _MISSING


def lookup(path: str, scopes: list[dict[str, Any]]) -> Any:
    """The value of ``path`` (``value``, ``item.name``, ``this``, ``@index``, ``../x``, ``a[0]``)."""
    depth = 0
    while path.startswith("../"):
        depth, path = depth + 1, path[3:]
    scope = scopes[max(0, len(scopes) - 1 - depth)]
    if path in ("this", "."):
        return scope.get("this", _MISSING)
    steps = []
    pos = 0
    for match in _STEP.finditer(path):
        if match.start() != pos:
            return _MISSING  # not a plain path (an expression): nothing is evaluated
        name, index = match.groups()
        steps.append(name if name is not None else index.strip("'\""))
        pos = match.end()
    if not steps or pos != len(path):
        return _MISSING
    if steps[0] == "this":
        value, steps = scope.get("this", _MISSING), steps[1:]
    elif steps[0].startswith("@"):
        value, steps = scope.get(steps[0], _MISSING), steps[1:]
    else:
        this = scope.get("this", _MISSING)
        value = _step(this, steps[0]) if isinstance(this, dict) else _MISSING
        if value is _MISSING:
            value = scope.get("props", {}).get(steps[0], _MISSING)
        steps = steps[1:]
    for key in steps:
        value = _step(value, key)
    return value


def _render(nodes: list[Any], scopes: list[dict[str, Any]], out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, _Var):
            text = js_text(lookup(node.path, scopes[:1] if node.root else scopes))
            out.append(html.escape(text, quote=True).replace("`", "&#x60;").replace("=", "&#x3D;") if node.escape else text)
        else:
            _section(node, scopes, out)


def _section(node: _Section, scopes: list[dict[str, Any]], out: list[str]) -> None:
    value = lookup(node.path, scopes)
    base = {"props": scopes[-1].get("props", {})}
    if node.helper in ("if", "unless"):
        chosen = _truthy(value) == (node.helper == "if")
        _render(node.body if chosen else node.otherwise, scopes, out)
    elif node.helper == "each":
        items = list(value.items()) if isinstance(value, dict) else list(enumerate(value)) if isinstance(value, (list, tuple)) else []
        if not items:
            _render(node.otherwise, scopes, out)
        for i, (key, item) in enumerate(items):
            scope = {**base, "this": item, "@index": i, "@key": key, "@first": i == 0, "@last": i == len(items) - 1}
            _render(node.body, [*scopes, scope], out)
    elif node.helper == "with":
        if _truthy(value):
            _render(node.body, [*scopes, {**base, "this": value}], out)
        else:
            _render(node.otherwise, scopes, out)
    else:
        raise TemplateError(f"unknown block helper {{{{#{node.helper}}}}}")


def render(template: str, props: dict[str, Any]) -> str:
    """``template`` with ``props`` (``value``, ``label``, and the component's extra props)."""
    out: list[str] = []
    _render(parse(template), [{"props": props, "this": props}], out)
    return "".join(out)
