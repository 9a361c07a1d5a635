"""Every parameter of Gradio 6.31's ``launch()`` is honoured or named in a warning: none that
changes who can reach an app is ever ignored in silence (issue 21, point 4).

The walk takes the parameter list from real Gradio's signature (the compat extra installs it)
and gives each parameter a value other than its default, in a notebook and served.
"""

from __future__ import annotations

import inspect
import warnings
from typing import Any

import pytest

import real_gradio

import gradio_nb as gr
from gradio_nb import display
from gradio_nb.launch_options import PARAMETERS, LaunchOptions, LaunchWarning, unheeded, warn_unheeded

from .probes import serve

#: A value other than Gradio's default for each parameter.
SAMPLES: dict[str, Any] = {
    "inline": False, "inbrowser": True, "share": True, "debug": True, "max_threads": 8,
    "auth": ("teacher", "s3cret"), "auth_message": "Class only", "prevent_thread_lock": True, "show_error": True,
    "server_name": "0.0.0.0", "server_port": 7999, "height": 300, "width": 400, "favicon_path": "icon.png",
    "ssl_keyfile": "key.pem", "ssl_certfile": "cert.pem", "ssl_keyfile_password": "pw", "ssl_verify": False,
    "quiet": True, "footer_links": ["api"], "run_history": True, "allowed_paths": ["/srv/data"],
    "blocked_paths": ["/srv/data/private"], "root_path": "/app", "app_kwargs": {"docs_url": "/docs"},
    "state_session_capacity": 10, "share_server_address": "share.example:7000", "share_server_protocol": "https",
    "share_server_tls_certificate": "cert.pem", "auth_dependency": lambda request: None, "max_file_size": "5mb",
    "enable_monitoring": True, "strict_cors": False, "node_server_name": "0.0.0.0", "node_port": 7000,
    "ssr_mode": True, "pwa": True, "mcp_server": True, "num_workers": 4, "i18n": gr.I18n(), "theme": "soft",
    "css": ".x {}", "css_paths": [], "js": "() => {}", "head": "<meta>", "head_paths": ["head.html"],
}  # fmt: skip


def test_the_table_is_gradios_parameter_list() -> None:
    real = real_gradio.require()
    names = [n for n in inspect.signature(real.Blocks.launch).parameters if n not in ("self", "_app", "_frontend")]
    assert list(PARAMETERS) == names
    defaults = {n: p.default for n, p in inspect.signature(real.Blocks.launch).parameters.items()}
    assert {n: p.default for n, p in PARAMETERS.items()} == {n: defaults[n] for n in PARAMETERS}
    assert set(SAMPLES) == set(PARAMETERS)


@pytest.mark.parametrize("name", list(PARAMETERS))
@pytest.mark.parametrize("where", ["notebook", "served"])
def test_each_parameter_is_honoured_or_named(name: str, where: str) -> None:
    values = {name: SAMPLES[name]}
    if name == "ssl_keyfile":
        values["ssl_certfile"] = "cert.pem"
    options = LaunchOptions.from_launch(values)
    assert name in options.given
    ignored = unheeded(options, where)  # type: ignore[arg-type]
    if where in PARAMETERS[name].honoured:
        assert name not in ignored
    else:
        assert ignored[name], f"{name} is ignored {where} without a reason"
        with pytest.warns(LaunchWarning, match=rf"\b{name}: "):
            warn_unheeded(options, where)  # type: ignore[arg-type]


def test_who_can_reach_an_app_is_decided_where_served() -> None:
    """The options that decide who gets in are honoured by both servers (their tests are the
    rest of tests/security); in a notebook they have no meaning, and say so."""
    for name in ("auth", "auth_message", "auth_dependency", "strict_cors", "root_path", "ssl_keyfile",
                 "ssl_certfile", "ssl_keyfile_password", "server_name", "server_port", "allowed_paths",
                 "blocked_paths", "max_file_size"):  # fmt: skip
        assert "served" in PARAMETERS[name].honoured, name
    for name in ("share", "share_server_address", "app_kwargs", "enable_monitoring", "mcp_server", "ssr_mode"):
        assert not PARAMETERS[name].honoured, name
    assert "share links need Gradio's share servers" in PARAMETERS["share"].why


def test_bad_calls_are_refused_as_gradio_refuses_them() -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(TypeError, match="unexpected keyword argument 'sharre'"):
        demo.launch(sharre=True)
    with pytest.raises(ValueError, match="both `auth` and `auth_dependency`"):
        demo.launch(auth=("a", "b"), auth_dependency=lambda r: "a")
    with pytest.raises(ValueError, match="ssl_certfile must be provided"):
        demo.launch(ssl_keyfile="key.pem")


@pytest.fixture
def notebook(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """``launch()`` as in a Jupyter kernel: what it displays is kept here."""
    shown: list[Any] = []
    monkeypatch.setattr(display, "in_kernel", lambda: True)
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", shown.append)
    return shown


def test_auth_in_a_notebook_is_one_warning(notebook: list[Any]) -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        session = demo.launch(auth=("teacher", "s3cret"), share=True, height=300)
    ours = [w for w in caught if issubclass(w.category, LaunchWarning)]
    assert len(ours) == 1 and notebook == [session]
    message = str(ours[0].message)
    assert "in a notebook" in message and "auth: a notebook app has no login" in message
    assert "share:" in message and "height:" in message
    session.close()


def test_a_served_notebook_with_a_login_is_not_shown(notebook: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """A notebook Voila serves runs launch() in the visitor's kernel, where no server checks a
    login: the app is refused, not shown to everyone (a .py app's server checks it)."""
    monkeypatch.setenv("VOILA_SERVER_URL", "/")
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(RuntimeError, match="Serve the app's script instead"):
        demo.launch(auth=("teacher", "s3cret"))
    assert notebook == []


def test_positional_arguments_follow_gradios_order(notebook: list[Any]) -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.warns(LaunchWarning, match="share: share links"):
        session = demo.launch(None, False, True)  # inline, inbrowser, share: as Gradio reads them
    session.close()


def test_nothing_to_say_for_a_plain_launch(notebook: list[Any]) -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    with warnings.catch_warnings():
        warnings.simplefilter("error", LaunchWarning)
        demo.launch(theme="soft", max_file_size="1mb").close()


def test_a_served_app_names_what_its_server_does_not_do() -> None:
    server = serve("unheeded_options", "one-process")
    try:
        warning = next(line for line in server.log if "LaunchWarning" in line)
        assert "when gradio_nb serves an app" in warning
        assert "share: share links need Gradio's share servers" in warning and "enable_monitoring:" in warning
        assert "auth:" not in warning and "strict_cors:" not in warning  # honoured by the server
    finally:
        server.close()
