#!/usr/bin/env bash
# Installs what is missing, builds, and opens the Tasklane window. With no display, runs
# the default pattern's lesson preset headless, writes its Gantt chart as a PNG and prints the path.
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
  # The lesson the window would open with: 4 threads x 8 tasks x 50 ms of CPU under the GIL.
  build/release/app/cli/tasklane-cli run thread-pool --preset lesson --chart "$out"
  echo "No display found: ran the default pattern (thread-pool, lesson preset) headless."
  echo "Chart written to $out"
fi
