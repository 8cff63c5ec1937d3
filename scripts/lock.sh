#!/usr/bin/env bash
# Update requirements/lock.txt: the exact version and hashes of every package the app,
# its checks and its build install (scripts/setup.sh installs from it with --require-hashes).
# One universal lock: markers pick Windows- and macOS-only packages, and the hashes cover
# every platform's wheels, so the Windows build installs from the same file.
#   bash scripts/lock.sh                         # after a change of pyproject.toml: keeps every pin it can
#   bash scripts/lock.sh --upgrade               # everything to the newest allowed version
#   bash scripts/lock.sh --upgrade-package ruff  # one package
# Then run bash scripts/test.sh and commit the lock.
set -euo pipefail
cd "$(dirname "$0")/.."
uv_version=0.13.9
tools=build/lock-tools  # uv in a venv of its own: not one of the app's packages
if [ ! -x "$tools/bin/uv" ] || [ "$("$tools/bin/uv" --version | cut -d' ' -f2)" != "$uv_version" ]; then
  python3 -m venv "$tools"
  "$tools/bin/python" -m pip install -q "uv==$uv_version"
fi
exec "$tools/bin/uv" pip compile pyproject.toml --universal --python-version 3.11 \
  --extra test --extra build --generate-hashes --custom-compile-command "bash scripts/lock.sh" \
  --output-file requirements/lock.txt "$@"
