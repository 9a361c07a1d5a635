"""``gr.mcp``: Gradio's decorators that make functions MCP tools, resources and prompts.

An MCP server needs Gradio's web server, which a notebook app does not have; the decorators
are accepted so that apps written for one still run: each returns its function unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .unavailable import module_getattr


def _keep(*_args: Any, **_kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
        return fn

    return decorator


def tool(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``@gr.mcp.tool(...)``: accepted; the function is returned unchanged (no MCP server here)."""
    return _keep(*args, **kwargs)


def resource(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``@gr.mcp.resource(uri, ...)``: accepted; the function is returned unchanged."""
    return _keep(*args, **kwargs)


def prompt(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``@gr.mcp.prompt(...)``: accepted; the function is returned unchanged."""
    return _keep(*args, **kwargs)


__all__ = ["prompt", "resource", "tool"]

__getattr__ = module_getattr(
    __name__,
    ("GradioMCPServer",),
    "is Gradio's MCP server, which needs a web server; gradio_nb accepts the gr.mcp decorators and serves no MCP.",
)
