#!/usr/bin/env bash
# Set up 访妇情 on a fresh Debian/Ubuntu machine: system libraries, a virtual
# environment in .venv with the app (editable), its checks' tools and PyInstaller from
# requirements/lock.txt, and the built translations; with --test also the system tools
# the tests read output with.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
want_display=0
for arg in "$@"; do
  case "$arg" in
    --test) want_tests=1 ;;
    --display) want_display=1 ;;
  esac
done

# Qt's xcb window needs these; offscreen Qt (tests) needs none of them.
window_pkgs=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
             libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
             libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libdbus-1-3 libglib2.0-0 libx11-6)
# Readers the tests use on real output: PDFs, QR codes, age bundles.
test_pkgs=(poppler-utils zbar-tools age)
pkgs=("${window_pkgs[@]}")
if [ "$want_tests" = 1 ]; then pkgs+=("${test_pkgs[@]}"); fi
if [ "$want_display" = 1 ]; then pkgs+=(xvfb xauth); fi
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then pkgs+=(python3-venv); fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "安装系统软件包 / installing system packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "需要 root 权限安装：${missing[*]} / need root to install these" >&2; exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python="$candidate"; break
  fi
done
if [ -z "$python" ]; then echo "需要 Python 3.11 或更新版本 / Python 3.11+ is required" >&2; exit 1; fi

if [ ! -x .venv/bin/python ]; then "$python" -m venv .venv; fi
# The exact versions and hashes of requirements/lock.txt (bash scripts/lock.sh updates it):
# the same packages on every machine and in CI, the test tools and PyInstaller included.
# Installed again only when the lock or pyproject.toml changed.
stamp=.venv/.fuqing-installed
wanted="$(cat requirements/lock.txt pyproject.toml | "$python" -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  .venv/bin/python -m pip install -q --require-hashes -r requirements/lock.txt
  # The app itself, editable; its dependencies are the lock's, its build backend (setuptools) too.
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
  echo "$wanted" > "$stamp"
fi
PATH="$PWD/.venv/bin:$PATH" .venv/bin/python build_scripts/build_translations.py >/dev/null
