"""The attack suite's servers: the apps of ``tests/security/apps`` served both ways, on
127.0.0.1, shared by the suite's modules and stopped at its end (see probes.py for the probes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gradio_nb.serve import Server

from .probes import MODES, serve


@pytest.fixture(scope="session", params=MODES)
def login_server(request: pytest.FixtureRequest) -> Iterator[Server]:
    """The seed counter behind ``auth=[("teacher", "s3cret"), ("student", "pa55")]``, each mode."""
    server = serve("login_counter", request.param)
    yield server
    server.close()


@pytest.fixture(scope="session", params=MODES)
def open_server(request: pytest.FixtureRequest) -> Iterator[Server]:
    """The seed counter with no login, each mode."""
    server = serve("open_counter", request.param)
    yield server
    server.close()
