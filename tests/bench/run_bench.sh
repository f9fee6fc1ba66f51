#!/usr/bin/env bash
# Runs Tasklane's benchmarks and CPython's reference timings in the same session, so both
# see the same machine load, and prints each goal with its measured figure and ratio.
#   tests/bench/run_bench.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build/release}"
pyref="${PYREF:-$root/../shared/bench/pyref.py}"
out="$build/bench"
mkdir -p "$out"

"$build/tests/bench/tasklane_bench" --benchmark_format=console \
  --benchmark_out="$out/tasklane.json" --benchmark_out_format=json >&2
if [ -f "$pyref" ]; then
  python3 "$pyref" thread_pool_map_100k > "$out/python.json"
else
  echo "{}" > "$out/python.json"
  echo "note: $pyref not found; CPython ratios skipped" >&2
fi
python3 "$here/report.py" "$out/tasklane.json" "$out/python.json"
