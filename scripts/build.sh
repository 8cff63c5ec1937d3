#!/usr/bin/env bash
# Build the self-contained app folder (build_scripts/fuqing.spec: dist/fuqing/ with fuqing
# and fuqing-cli) and the Linux tarball in dist/, then check that the built programs run
# the CLI and a GUI smoke start with no Python, and carry the notices and resources.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python build_scripts/build_app.py "$@"
