#!/usr/bin/env bash
# Installs what is missing, builds, and opens the Tasklane window. With no display, runs
# the default pattern headless, writes its Gantt chart as a PNG and prints the path.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh
tasklane_install_packages
tasklane_environment

cmake --preset release >/dev/null
cmake --build --preset release --target tasklane tasklane-cli

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  build/release/app/gui/tasklane "$@"
else
  out="${TASKLANE_CHART:-$PWD/build/tasklane-thread-pool.png}"
  build/release/app/cli/tasklane-cli run thread-pool --chart "$out"
  echo "No display found: ran the default pattern (thread-pool) headless."
  echo "Chart written to $out"
fi
