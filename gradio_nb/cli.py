"""The ``gradio-nb`` console command."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .serve import DEFAULT_PORT, serve_forever


def main(argv: Sequence[str] | None = None) -> None:
    """``gradio-nb serve PATH [--host H] [--port P] [--theme light|dark]``."""
    parser = argparse.ArgumentParser(prog="gradio-nb", description="Serve a gradio_nb app with one kernel per visitor.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve a .py app or a notebook on 127.0.0.1")
    serve.add_argument("path", help="the app: a .py script or a .ipynb notebook")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help=f"port (default {DEFAULT_PORT}, or the next free one)")
    serve.add_argument(
        "--theme", choices=("light", "dark"), default=None,
        help="the page's theme (Voila's; the app follows it), as ?__theme= in a visitor's address",
    )
    args = parser.parse_args(argv)
    serve_forever(args.path, args.host, args.port, args.theme)


if __name__ == "__main__":
    main()
