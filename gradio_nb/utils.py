"""``gr.utils``: the helpers of Gradio's ``utils`` an app may call that make sense without a
server: where it runs (:func:`get_space`, :func:`colab_check`, ...), paths
(:func:`is_in_or_equal`, ...) and small pure helpers. The rest of Gradio's module is its
server's machinery: those names raise :class:`NotImplementedError`."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .file_paths import (
    NamedString,
    abspath,
    is_allowed_file,
    is_in_or_equal,
    set_static_paths,
)
from .file_paths import upload_folder as get_upload_folder
from .unavailable import SERVER_INTERNAL, module_getattr
from .uploads import FileSize

#: As Gradio's: true in a script's normal run (``gr.NO_RELOAD``; no reload mode here).
NO_RELOAD = True

_TAG = re.compile(r"<.*?>")


def _shell() -> Any:
    """The running IPython shell, or None (IPython is never imported here: a shell has it)."""
    ipython = sys.modules.get("IPython")
    return ipython.get_ipython() if ipython is not None else None


def ipython_check() -> bool:
    """Whether this runs in IPython (a notebook kernel or the IPython console)."""
    return _shell() is not None


def colab_check() -> bool:
    """Whether this runs in a Google Colab notebook."""
    return "google.colab" in str(_shell())


def is_hosted_notebook() -> bool:
    """Whether this runs in a hosted notebook Gradio knows (Kaggle, SageMaker)."""
    return bool(os.environ.get("KAGGLE_KERNEL_RUN_TYPE")) or Path("/home/ec2-user/SageMaker").exists()


def get_space() -> str | None:
    """The Hugging Face Space this runs in (``SPACE_ID``), or None outside a Space."""
    return os.environ.get("SPACE_ID") if os.environ.get("SYSTEM") == "spaces" else None


def is_zero_gpu_space() -> bool:
    """Whether this runs in a ZeroGPU Space."""
    return os.environ.get("SPACES_ZERO_GPU") == "true"


def delete_none(values: dict[str, Any], skip_value: bool = False, skip_props: list[str] | None = None) -> dict[str, Any]:
    """``values`` without its None entries (in place), but for ``skip_props`` (and ``"value"``
    with ``skip_value``)."""
    kept = {*(skip_props or ()), *(("value",) if skip_value else ())}
    for key in [key for key, value in values.items() if value is None and key not in kept]:
        del values[key]
    return values


def resolve_singleton(values: Any) -> Any:
    """The only item of a one-item list, else the list."""
    return values[0] if len(values) == 1 else values


def none_or_singleton_to_list(value: Any) -> list[Any]:
    """None as ``[]``, a list or tuple as a list, anything else as a one-item list."""
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def append_unique_suffix(name: str, list_of_names: list[str]) -> str:
    """``name``, or ``name_1``, ``name_2``, ... whichever is first not in ``list_of_names``."""
    taken = set(list_of_names)
    candidate, suffix = name, 0
    while candidate in taken:
        suffix += 1
        candidate = f"{name}_{suffix}"
    return candidate


def remove_html_tags(raw_html: str | None) -> str:
    """The text with every ``<tag>`` removed (None: "")."""
    return _TAG.sub("", raw_html or "")


def get_extension_from_file_path_or_url(file_path_or_url: str) -> str:
    """The extension, without its dot, of a path or of a URL's path ("" if none)."""
    return Path(urlparse(file_path_or_url).path).suffix[1:]


__all__ = [
    "NO_RELOAD", "FileSize", "NamedString", "abspath", "append_unique_suffix", "colab_check", "delete_none",
    "get_extension_from_file_path_or_url", "get_space", "get_upload_folder", "ipython_check", "is_allowed_file",
    "is_hosted_notebook", "is_in_or_equal", "is_zero_gpu_space", "none_or_singleton_to_list", "remove_html_tags",
    "resolve_singleton", "set_static_paths",
]

__getattr__ = module_getattr(
    __name__,
    (
        "get_package_version", "safe_get_lock", "safe_get_stop_event", "DynamicBoolean", "BaseReloader",
        "ServerReloader", "SpacesReloader", "SourceFileReloader", "watchfn_spaces", "watchfn", "deep_equal",
        "reassign_pending_event_fns", "reassign_keys", "get_theme", "download_if_url", "get_hash_seed",
        "get_default_args", "safe_deepcopy", "assert_configs_are_equivalent_besides_ids",
        "get_all_components", "core_gradio_components", "component_or_layout_class", "run_coro_in_background",
        "run_sync_iterator_async", "SyncToAsyncIterator", "async_iteration", "set_directory",
        "no_raise_exception", "sanitize_value_for_csv", "sanitize_list_for_csv", "parse_escaped_json",
        "validate_url", "is_prop_update", "function_wrapper", "get_function_with_locals", "cancel_tasks",
        "set_task_name", "get_cancelled_fn_indices", "get_type_hints", "is_special_typed_parameter",
        "oauth_token_requirement", "get_positional_parameters", "get_positional_input_parameters",
        "check_function_inputs_match", "TupleNoPrint", "MatplotlibBackendMananger", "tex2svg",
        "is_static_file", "find_user_stack_level", "default_input_labels", "LRUCache",
        "get_cache_folder", "diff", "get_function_params", "get_return_types", "simplify_file_data_in_str",
        "sync_fn_to_generator", "async_fn_to_generator", "async_lambda", "get_heartbeat_rate",
        "connect_heartbeat", "deep_hash", "error_payload", "UnhashableKeyDict", "safe_join", "get_node_path",
        "get_icon_path", "dict_factory", "shallow_asdict", "get_function_description", "safe_aclose_iterator",
        "set_default_buttons",
    ),
    SERVER_INTERNAL,
)
