#!/usr/bin/env bash
# Create .venv (if missing) and install gradio_nb with the given extras into it.
# Usage: scripts/setup.sh EXTRAS   (e.g. "test" or "lab")
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-test}"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[${extras}]"
# One-process serving (solara-server) draws its page with npm packages it would fetch from a
# CDN: install them from the npm registry once, so that served pages need no network.
if .venv/bin/python -c "import solara.server" 2>/dev/null; then
  .venv/bin/python -m gradio_nb.solara_assets
fi
