#!/usr/bin/env bash
# Build the self-contained app folder and Linux tarball in dist/, then check
# that the built binary runs its CLI and a GUI smoke start with no Python.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python build_scripts/build_app.py "$@"
