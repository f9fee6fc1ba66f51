#!/usr/bin/env bash
# Runs clang-tidy-14 (Debian's clang-tidy package) with the root .clang-tidy over every source
# of core/ and app/, using the release build's compile_commands.json. Exits non-zero on any
# finding. Usage: scripts/clang_tidy.sh [BUILD_DIR] [-j N]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/release}"
jobs="${TASKLANE_TIDY_JOBS:-$(nproc)}"
if [ ! -f "$build/compile_commands.json" ]; then
  echo "clang_tidy: $build/compile_commands.json is missing; run 'cmake --preset release' first" >&2
  exit 2
fi
# Qt's generated files (moc, rcc) are not ours; the sources' own headers are checked through
# the files that include them (HeaderFilterRegex in .clang-tidy).
run-clang-tidy-14 -quiet -p "$build" -j "$jobs" '^'"$PWD"'/(core|app)/.*\.cpp$' 2>&1 |
  grep -v -E '^[0-9]+ warnings? generated|^Suppressed [0-9]+ warnings|^Use -header-filter|^clang-tidy-14 .*-p=' |
  sed 's/\x1b\[[0-9;]*m//g' | tee "$build/clang-tidy.log" |
  grep -E 'warning:|error:' | sort -u > "$build/clang-tidy.findings" || true
count=$(wc -l < "$build/clang-tidy.findings")
if [ "$count" -gt 0 ]; then
  cat "$build/clang-tidy.findings"
  echo "clang_tidy: $count findings (full log: $build/clang-tidy.log)" >&2
  exit 1
fi
echo "clang_tidy: clean"
