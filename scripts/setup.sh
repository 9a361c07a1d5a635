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
