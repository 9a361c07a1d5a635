"""``import gradio`` (and ``gradio.X``) answered by gradio_nb (and ``gradio_nb.X``).

A Gradio app, and every helper module it imports, says ``import gradio as gr``. This module
lets such an app run with gradio_nb with no edit to any of its files, in two ways:

- **Where Gradio is not installed**, ``gradio_nb_alias.pth`` (installed with gradio_nb) calls
  :func:`install` at interpreter start: ``import gradio`` then finds gradio_nb, so
  ``python app.py`` runs the app with gradio_nb. Where Gradio *is* installed, this finder
  steps aside and ``import gradio`` is Gradio, as always.
- **When gradio_nb is asked to run an app** (``gradio-nb serve app.py``,
  ``gradio_nb.run_app``, ``gradio_nb.testing.run_script``), ``gradio`` is gradio_nb even where
  Gradio is installed: :func:`gradio_is_gradio_nb` for the time of the run, or
  ``install(prefer=True)`` in a process that only serves the app.

The module lives outside the ``gradio_nb`` package so that the ``.pth`` line costs an
interpreter start almost nothing: gradio_nb itself is imported only when ``gradio`` is.
Package metadata is untouched: ``importlib.metadata.version("gradio")`` still says whether
Gradio is installed, which is what libraries with an optional Gradio integration check.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

__all__ = ["OPT_OUT", "GradioAlias", "gradio_is_gradio_nb", "install", "install_at_start"]

#: Set this environment variable (to anything but "" or "0") to keep the ``.pth`` from
#: installing the alias: ``import gradio`` then fails where Gradio is not installed.
OPT_OUT = "GRADIO_NB_NO_GRADIO_ALIAS"


def _is_gradio(name: str) -> bool:
    return name == "gradio" or name.startswith("gradio.")


def _gradio_installed() -> bool:
    """Whether a real Gradio can be imported from ``sys.path`` (found, not imported).

    A folder named ``gradio`` with no ``__init__.py`` (Gradio's upload folder in the temp
    directory, when Python runs from there) is a namespace package, not Gradio."""
    spec = importlib.machinery.PathFinder.find_spec("gradio")
    return spec is not None and spec.origin is not None


def _answered(fullname: str) -> bool:
    """Whether ``gradio.X`` has an answer: gradio_nb's module, or the error naming a module
    gradio_nb cannot have. Otherwise no spec, so ``importlib.util.find_spec`` says ``None``
    and an import fails as for any missing module."""
    # Deferred: only reached once ``gradio`` is gradio_nb, which this module must not import
    # at interpreter start.
    from gradio_nb.unavailable import MODULES

    if fullname in MODULES:
        return True
    try:
        return importlib.util.find_spec("gradio_nb" + fullname[len("gradio") :]) is not None
    except ModuleNotFoundError:  # a parent is missing too
        return False


class GradioAlias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """A finder answering ``gradio`` with ``gradio_nb`` and ``gradio.X`` with ``gradio_nb.X``.

    With ``prefer`` it answers even where Gradio is installed; without, only where it is not.
    Either way ``gradio.X`` is answered only while ``gradio`` itself is gradio_nb, so a real
    Gradio is never mixed with gradio_nb's modules. A Gradio module gradio_nb has no
    counterpart for raises :class:`~gradio_nb.unavailable.UnavailableModuleError` (a
    ``ModuleNotFoundError`` and a ``NotImplementedError``) naming it.
    """

    def __init__(self, prefer: bool = False) -> None:
        self.prefer = prefer

    def find_spec(
        self, fullname: str, path: object = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        """A spec for ``gradio`` or ``gradio.X`` that gradio_nb answers, else ``None``."""
        if not _is_gradio(fullname):
            return None
        if fullname == "gradio":
            if not self.prefer and _gradio_installed():
                return None
        elif getattr(sys.modules.get("gradio"), "__name__", None) != "gradio_nb" or not _answered(fullname):
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        """gradio_nb's module of the same path; the module object itself, so that a class
        imported from ``gradio.X`` is the very class of ``gradio_nb.X``."""
        # Deferred: gradio_nb is imported by now (it answered ``gradio``), and this module
        # must not import it at interpreter start. A Gradio module gradio_nb cannot have is
        # refused first: gradio_nb.cli, say, is gradio_nb's own command line, not gradio.cli.
        from gradio_nb.unavailable import MODULES, missing_module

        if spec.name in MODULES:
            raise missing_module(spec.name)
        target = "gradio_nb" + spec.name[len("gradio") :]
        try:
            return importlib.import_module(target)
        except ModuleNotFoundError as error:
            if error.name != target:  # a module gradio_nb itself failed to import
                raise
        raise ModuleNotFoundError(f"No module named {spec.name!r}: gradio_nb has no {target}.", name=spec.name)

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module is gradio_nb's, already imported."""


def install(prefer: bool = False) -> GradioAlias:
    """Put a :class:`GradioAlias` first on ``sys.meta_path`` (once) and return it.

    Called with no arguments by ``gradio_nb_alias.pth`` unless :data:`OPT_OUT` is set."""
    for finder in sys.meta_path:
        if isinstance(finder, GradioAlias):
            finder.prefer = finder.prefer or prefer
            return finder
    finder = GradioAlias(prefer)
    sys.meta_path.insert(0, finder)
    return finder


def install_at_start() -> None:
    """What ``gradio_nb_alias.pth`` runs: :func:`install`, unless :data:`OPT_OUT` is set."""
    if os.environ.get(OPT_OUT, "") in ("", "0"):
        install()


@contextmanager
def gradio_is_gradio_nb() -> Iterator[None]:
    """Within the block, ``import gradio`` and ``gradio.X`` give gradio_nb's modules, even
    where Gradio is installed or already imported; afterwards the names are as before.

    Modules imported within the block keep what they imported: an app's helper module that
    said ``import gradio as gr`` goes on using gradio_nb."""
    aside = {name: sys.modules.pop(name) for name in list(sys.modules) if _is_gradio(name)}
    finder = GradioAlias(prefer=True)
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        for name in [name for name in sys.modules if _is_gradio(name)]:
            del sys.modules[name]
        sys.modules.update(aside)
