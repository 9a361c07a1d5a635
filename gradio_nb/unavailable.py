"""The names Gradio exports that gradio_nb does not have, each with what to use instead.

``gr.Image`` and friends raise :class:`NotImplementedError` naming the name and the way
forward, never an ``AttributeError`` that leaves a Gradio user guessing.
"""

from __future__ import annotations

_SERVER = (
    "needs a Gradio server or the network, which a notebook app does not have; "
    "run the app with real Gradio for that."
)
_INTERNAL = "is one of Gradio's internal modules, not part of its Blocks API; gradio_nb has no equivalent."

#: name -> why it is missing and what to do instead (completed with "gr.<name> ...").
MISSING: dict[str, str] = {
    **dict.fromkeys(
        (
            "load", "load_chat", "load_openapi", "mount_gradio_app", "Server", "deploy", "Workflow",
            "WorkflowCanvas", "workflow", "workflow_provider_shims", "api", "routes", "route_utils", "networking",
            "tunneling", "node_server", "server", "server_messages", "queueing", "external", "external_utils",
            "oauth", "pipelines", "pipelines_utils", "brotli_middleware", "analytics", "history",
            "load_ipython_extension", "ipython_ext", "cli", "deploy",
        ),
        _SERVER,
    ),
    **dict.fromkeys(
        (
            "renderable", "image_utils", "audio_stream_encoder", "screen_recording_utils", "block_function", "blocks_events", "component", "component_meta",
            "data_classes", "helpers", "processing_utils", "profiling", "state_holder", "templates", "utils",
            "validators", "gradio", "json", "i18n", "get_package_version",
            "MessageDict", "InputHTMLAttributes",
        ),
        _INTERNAL,
    ),
}


def missing(name: str) -> NotImplementedError:
    """The error for a Gradio name gradio_nb does not have."""
    return NotImplementedError(f"gr.{name} {MISSING[name]}")


__all__ = ["MISSING", "missing"]
