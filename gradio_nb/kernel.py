"""Whether this code runs in a Jupyter kernel: probes every layer may ask, importing nothing."""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["in_kernel", "kernel_shell"]


def kernel_shell() -> Any:
    """The IPython shell of the Jupyter kernel this code runs in, or ``None``.

    A kernel has imported IPython already; this never imports it (a plain process would pay
    for the import just to learn that it is not a kernel)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell if getattr(shell, "kernel", None) is not None else None


def in_kernel() -> bool:
    """Whether this code runs in a Jupyter kernel (where an app can be displayed)."""
    return kernel_shell() is not None
