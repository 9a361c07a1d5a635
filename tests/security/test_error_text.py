"""A served app shows a visitor an exception's text only with ``launch(show_error=True)``, as
Gradio does (``utils.error_payload``): by default a failing function's message, which may
hold the server's internals (addresses, passwords in a connection string), stays on the
server; ``gr.Error`` messages, written for the visitor, are always shown."""

from __future__ import annotations

import json

import pytest

from .probes import serve
from visitors import Visitor

SECRET = "db-password-123"


def shown(visitor: Visitor) -> str:
    return json.dumps([state for state in visitor.models.values()], default=str)


def alerts(visitor: Visitor) -> list[dict]:
    """The alerts the app's page shows (the session's alert model)."""
    return next((state["alerts"] for state in visitor.models.values() if "alerts" in state), [])


@pytest.mark.parametrize("show_error", [False, True])
def test_exception_text_reaches_the_visitor_only_if_the_app_says_so(show_error: bool) -> None:
    server = serve("error_text", "one-process", env={"GRADIO_NB_TEST_SHOW_ERROR": "1"} if show_error else {})
    try:
        with Visitor(server.url) as visitor:
            visitor.click(visitor.find("ButtonModel", description="Refuse"))
            visitor.wait_for(lambda: len(alerts(visitor)) == 1, timeout=60)
            assert alerts(visitor)[0]["message"].startswith("Negative numbers are not allowed")
            visitor.click(visitor.find("ButtonModel", description="Connect"))
            visitor.wait_for(lambda: len(alerts(visitor)) == 2, timeout=60)
            failed = alerts(visitor)[1]
            assert failed["level"] == "error" and failed["title"] == "Error"
            if show_error:
                assert SECRET in failed["message"] and "ConnectionError" in failed["message"]
            else:
                assert failed["message"] == ""
                visitor.settle()
                assert SECRET not in shown(visitor) and "ConnectionError" not in shown(visitor)
    finally:
        server.close()
