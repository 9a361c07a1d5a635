"""Whether real Gradio is installed (the compat extra), for tests that compare with it.

Package metadata, not an import: where Gradio is not installed, gradio_nb_alias.pth answers
``import gradio`` with gradio_nb, so ``find_spec``/``importorskip`` would find it."""

from __future__ import annotations

import importlib
import importlib.metadata
from types import ModuleType

import pytest


def _installed() -> bool:
    try:
        importlib.metadata.version("gradio")
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


#: True where real Gradio is installed.
INSTALLED = _installed()


def require() -> ModuleType:
    """Real Gradio; where it is not installed, skip the test (or, called at module level,
    the whole module), as ``pytest.importorskip("gradio")`` would if the alias did
    not answer ``import gradio``."""
    if not INSTALLED:
        pytest.skip("needs real Gradio (the compat extra)", allow_module_level=True)
    return importlib.import_module("gradio")
