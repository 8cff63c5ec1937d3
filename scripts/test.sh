#!/usr/bin/env bash
# Set up (first time) and run every check: lint, types, all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check desktop_app tests bench build_scripts
.venv/bin/ruff format --check desktop_app tests bench build_scripts
.venv/bin/mypy
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" = 5 ]; then echo "pytest collected no tests: failing on purpose" >&2; exit 1; fi
exit "$status"
