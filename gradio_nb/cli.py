"""The ``gradio-nb`` console command."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from .serve import DEFAULT_PORT, serve_forever, serve_in_process

def default_mode(path: str | Path) -> str:
    """How ``gradio-nb serve`` serves ``path`` unless told: one process (every page a session
    in it) for a ``.py`` app, a kernel per visitor for a notebook."""
    return "kernel-per-visitor" if str(path).endswith(".ipynb") else "one-process"


def main(argv: Sequence[str] | None = None) -> None:
    """``gradio-nb serve PATH [--one-process | --kernel-per-visitor] [--host H] [--port P]
    [--theme light|dark] [--allowed-origin ORIGIN ...]``."""
    parser = argparse.ArgumentParser(prog="gradio-nb", description="Serve a gradio_nb app.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve a .py app or a notebook on 127.0.0.1")
    serve.add_argument("path", help="the app: a .py script or a .ipynb notebook")
    mode = serve.add_mutually_exclusive_group()
    mode.add_argument(
        "--one-process", dest="mode", action="store_const", const="one-process",
        help="every visitor's page is a session of the app in this one process (default for a .py app)",
    )
    mode.add_argument(
        "--kernel-per-visitor", dest="mode", action="store_const", const="kernel-per-visitor",
        help="every visitor gets a Jupyter kernel of their own, served by Voila (default for a notebook)",
    )
    serve.add_argument(
        "--host", default=None,
        help="address to listen on (default: the app's launch(server_name=...), else 127.0.0.1)",
    )  # fmt: skip
    serve.add_argument(
        "--port", type=int, default=None,
        help=f"port (default: the app's launch(server_port=...), else {DEFAULT_PORT} or the next free one)",
    )  # fmt: skip
    serve.add_argument(
        "--allowed-origin", action="append", default=[], metavar="ORIGIN",
        help="another site whose pages may use the app (https://school.example); repeat for more",
    )  # fmt: skip
    serve.add_argument(
        "--theme", choices=("light", "dark"), default=None,
        help="the page's theme (the app follows it), as ?__theme= in a visitor's address",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if (args.mode or default_mode(args.path)) == "one-process":
        serve_in_process(args.path, args.host, args.port, args.theme, args.allowed_origin)
    else:
        serve_forever(args.path, args.host, args.port, args.theme, args.allowed_origin)


if __name__ == "__main__":
    main()
