"""``gradio.helpers``: Gradio's helpers an app calls (``Examples``, ``Progress``, ``update``,
``skip``, ``validate``, ``Info``/``Warning``/``Success``), from where gradio_nb keeps them."""

from __future__ import annotations

from .alerts import Info, Success, Warning
from .examples import Examples
from .progress import Progress
from .unavailable import SERVER_INTERNAL, module_getattr
from .updates import skip, update, validate

__all__ = ["Examples", "Info", "Progress", "Success", "Warning", "skip", "update", "validate"]

__getattr__ = module_getattr(
    __name__,
    (
        "create_examples", "merge_generated_values_into_output", "TrackedIterable", "patch_tqdm", "create_tracker",
        "special_args", "log_message",
    ),
    SERVER_INTERNAL,
)
