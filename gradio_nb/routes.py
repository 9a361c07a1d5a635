"""``gradio.routes``: ``Request``, as an event function receives it; the rest of Gradio's
module is its web server (routes, the FastAPI app), which gradio_nb does not have."""

from __future__ import annotations

from .event_data import Request
from .unavailable import module_getattr

__all__ = ["Request"]

__getattr__ = module_getattr(
    __name__,
    ("ORJSONResponse", "toorjson", "App", "load_system_prompt", "get_types", "mount_gradio_app"),
    "is part of Gradio's web server (its FastAPI app and routes); gradio_nb serves an app with "
    "`python app.py` or `gradio-nb serve` and has no equivalent.",
)
