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

# Three runs: fork's cost grows with the parent's memory, so the process benchmarks start in a
# fresh process, as CPython's do, not in one that just recorded millions of events; the
# asyncio ones too, so the heap they measure per suspended task starts clean.
"$build/tests/bench/tasklane_bench" --benchmark_filter='^BM_(Trace|ThreadPool)' \
  --benchmark_out="$out/tasklane-core.json" --benchmark_out_format=json >&2
"$build/tests/bench/tasklane_bench" --benchmark_filter='^BM_(Process|Pool|Shared)' \
  --benchmark_out="$out/tasklane-mp.json" --benchmark_out_format=json >&2
"$build/tests/bench/tasklane_bench" --benchmark_filter='^BM_Aio' \
  --benchmark_out="$out/tasklane-aio.json" --benchmark_out_format=json >&2
if [ -f "$pyref" ]; then
  python3 "$pyref" thread_pool_map_100k process_start_join_fork process_start_join_spawn \
    pool_map_1m process_pool_map_10k shared_value_2x100k_locked \
    gather_100k_sleep0 gather_10k_sleep10ms sleep_overshoot > "$out/python.json"
else
  echo "{}" > "$out/python.json"
  echo "note: $pyref not found; CPython ratios skipped" >&2
fi
python3 "$here/report.py" "$out/python.json" "$out/tasklane-core.json" "$out/tasklane-mp.json" \
  "$out/tasklane-aio.json"
