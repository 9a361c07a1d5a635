"""The names and modules Gradio has that gradio_nb does not, each with what to use instead.

``gr.Image`` and friends raise :class:`NotImplementedError` naming the name and the way
forward, never an ``AttributeError`` that leaves a Gradio user guessing. So do the Gradio
names a gradio_nb module lacks (``gradio_nb.data_classes.PredictBody``, through
:func:`module_getattr`) and Gradio's modules gradio_nb has no counterpart of
(``gradio.networking``: :data:`MODULES` and :func:`missing_module`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NoReturn

_SERVER = (
    "needs a Gradio server or the network, which a notebook app does not have; "
    "run the app with real Gradio for that."
)
_INTERNAL = "is one of Gradio's internals, not part of its Blocks API; gradio_nb has no equivalent."

#: Why a Gradio name is missing from a gradio_nb module, for :func:`module_getattr`'s ``why``:
#: a name of Gradio's server,
SERVER_INTERNAL = "is part of Gradio's server internals; gradio_nb runs the app without a server and has no equivalent."
#: and one of its wire data models.
DATA_MODEL = (
    "is one of Gradio's pydantic data models (a value's shape on the wire); gradio_nb gives and "
    "takes plain Python values (dicts, lists, paths) instead."
)

#: name -> why it is missing and what to do instead (completed with "gr.<name> ..."); Gradio's
#: modules that ``gr.<name>`` gives are in :data:`MODULES`.
MISSING: dict[str, str] = {
    **dict.fromkeys(
        (
            "load", "load_chat", "load_openapi", "mount_gradio_app", "Server", "deploy",
            "WorkflowCanvas", "api", "load_ipython_extension",
        ),
        _SERVER,
    ),
    **dict.fromkeys(("gradio", "json", "get_package_version", "InputHTMLAttributes"), _INTERNAL),
}


def missing(name: str) -> NotImplementedError:
    """The error for a Gradio name gradio_nb does not have."""
    return NotImplementedError(f"gr.{name} {MISSING[name]}")


def module_getattr(module: str, names: Iterable[str], why: str) -> Callable[[str], NoReturn]:
    """A module-level ``__getattr__`` for the Gradio names module ``gradio_nb.X`` lacks:
    each of ``names`` raises :class:`NotImplementedError` ("gradio.X.<name> <why>"), any
    other name (dunders included) :class:`AttributeError`, so that ``hasattr``, ``pickle``
    and ``inspect`` see the module as usual."""
    gradio_module = "gradio" + module.removeprefix("gradio_nb")
    listed = frozenset(names)

    def __getattr__(name: str) -> NoReturn:
        if name in listed:
            raise NotImplementedError(f"{gradio_module}.{name} {why}")
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__


_HTTP = "is part of Gradio's web server (routes, queue, streaming, middleware), which a notebook app does not have"
_NETWORK = "reaches the network (the Hugging Face Hub, Spaces, share links, analytics), which gradio_nb never does"
_CLI = "is part of the `gradio` command-line tool (gradio_nb's own serves an app: `gradio-nb serve app.py`)"
_INSIDE = (
    "is one of Gradio's internal modules (file caching, media encoding, code generation, test data), "
    "not part of its Blocks API"
)

#: Gradio's public modules gradio_nb has no counterpart of -> why (completed by :func:`missing_module`).
MODULES: dict[str, str] = {
    **dict.fromkeys(
        (
            "gradio.block_function", "gradio.blocks_events", "gradio.brotli_middleware", "gradio.http_server",
            "gradio.monitoring_dashboard", "gradio.node_server", "gradio.profiling", "gradio.queueing",
            "gradio.ranged_response", "gradio.server", "gradio.server_messages",
            "gradio.state_holder", "gradio.static_server", "gradio.components.api_component",
            "gradio.components.fallback",
        ),
        _HTTP,
    ),
    "gradio.route_utils": f"{_HTTP} (gr.Request is gradio_nb's Request)",
    **dict.fromkeys(
        (
            "gradio.analytics", "gradio.external", "gradio.external_utils", "gradio.history", "gradio.networking",
            "gradio.pipelines", "gradio.pipelines_utils", "gradio.tunneling", "gradio.workflow_api",
            "gradio.workflow_provider_shims", "gradio.components.workflowcanvas", "gradio.themes.app",
            "gradio.themes.builder_app", "gradio.themes.upload_theme", "gradio.themes.utils.semver_match",
            "gradio.themes.utils.theme_dropdown",
        ),
        _NETWORK,
    ),
    "gradio.oauth": f"{_NETWORK} (gr.OAuthProfile and gr.OAuthToken are in gradio_nb, without a login)",
    **dict.fromkeys(
        (
            "gradio.cli", "gradio.cli.cli", "gradio.cli.commands", "gradio.cli.commands.cli_env_info",
            "gradio.cli.commands.components", "gradio.cli.commands.components.app",
            "gradio.cli.commands.components.build", "gradio.cli.commands.components.create",
            "gradio.cli.commands.components.dev", "gradio.cli.commands.components.docs",
            "gradio.cli.commands.components.install_component", "gradio.cli.commands.components.publish",
            "gradio.cli.commands.components.show", "gradio.cli.commands.deploy_space", "gradio.cli.commands.display",
            "gradio.cli.commands.hf_login", "gradio.cli.commands.load", "gradio.cli.commands.load_chat",
            "gradio.cli.commands.reload", "gradio.cli.commands.sketch", "gradio.cli.commands.skills",
            "gradio.cli.commands.upload_mcp", "gradio.cli.commands.utils", "gradio.ipython_ext",
        ),
        _CLI,
    ),
    **dict.fromkeys(
        (
            "gradio.audio_stream_encoder", "gradio.component_meta", "gradio.image_utils", "gradio.processing_utils",
            "gradio.screen_recording_utils", "gradio.test_data", "gradio.test_data.blocks_configs",
            "gradio.themes.utils.readme_content",
        ),
        _INSIDE,
    ),
}


class UnavailableModuleError(ModuleNotFoundError, NotImplementedError):
    """Importing a Gradio module gradio_nb has no counterpart of.

    A ``ModuleNotFoundError``, so that a library's ``try: import gradio.X`` / ``except
    ImportError`` guard takes its fallback, and a ``NotImplementedError``, as every other
    Gradio name gradio_nb lacks."""


def missing_module(name: str) -> UnavailableModuleError:
    """The error for importing Gradio's module ``name`` (``"gradio.networking"``), which
    gradio_nb has no counterpart of."""
    why = MODULES.get(name, "is not one of the Gradio modules gradio_nb provides")
    return UnavailableModuleError(
        f"{name} {why}; gradio_nb has no equivalent: run the app with real Gradio for that.", name=name
    )


__all__ = [
    "DATA_MODEL", "MISSING", "MODULES", "SERVER_INTERNAL", "UnavailableModuleError", "missing", "missing_module",
    "module_getattr",
]
