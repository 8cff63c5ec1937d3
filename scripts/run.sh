#!/usr/bin/env bash
# Set up (first time) and start 访妇情 on a demo database of its own (.demo/ in
# this checkout), never the cadre's real data. Creates the demo data the first time.
#   FUQING_DB=/path/to/file.db bash scripts/run.sh   # another database
set -euo pipefail
cd "$(dirname "$0")/.."
display=0
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then display=1; fi
if [ "$display" = 1 ]; then bash scripts/setup.sh --display; else bash scripts/setup.sh; fi
db="${FUQING_DB:-$PWD/.demo/fuqing-demo.db}"
if [ -z "${FUQING_DB:-}" ]; then
  # The demo's data is made up; its password is no secret (a real database asks for its own).
  export FUQING_PASSWORD="${FUQING_PASSWORD:-demo-password}"
  export FUQING_LOG_DIR="${FUQING_LOG_DIR:-$PWD/.demo/logs}"  # the demo's log beside it, not among a real one's
  echo "演示数据库口令 / demo database password: $FUQING_PASSWORD"
fi
if [ ! -f "$db" ]; then
  echo "首次运行：生成演示数据库 $db / first run: creating a demo database"
  .venv/bin/fuqing --db "$db" demo --records 2000
fi
if [ "$display" = 1 ]; then
  echo "未检测到显示器，在虚拟屏幕 (Xvfb) 上启动；Ctrl+C 退出 / no display: running on a virtual screen"
  exec xvfb-run -a .venv/bin/fuqing --db "$db" "$@"
fi
exec .venv/bin/fuqing --db "$db" "$@"
