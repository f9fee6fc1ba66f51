#!/usr/bin/env python3
"""Prints Tasklane's benchmark figures against their goals and CPython's timings."""
import json
import sys


def main(native_path, python_path):
    native = json.load(open(native_path))
    python = json.load(open(python_path))
    rows = {}
    for b in native["benchmarks"]:
        if b.get("aggregate_name") not in (None, "median"):
            continue
        rows[b["run_name"]] = b

    def ns_per_item(name):
        b = rows[name]
        return 1e9 / b["items_per_second"]

    def ms(name):
        b = rows[name]
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
        return b["real_time"] * scale

    lines = []

    def goal(what, value, unit, target, ok):
        lines.append(f"{what:52s} {value:10.2f} {unit:6s} goal {target:22s} {'met' if ok else 'MISSED'}")

    for threads in (1, 2):
        v = ns_per_item(f"BM_TraceRecord/iterations:2000000/repeats:5/real_time/threads:{threads}")
        # items_per_second sums over threads; the per-call cost each thread pays is threads x that.
        per_call = v * threads
        goal(f"trace record, {threads} thread(s), ns per event", per_call, "ns",
             "<= 20 ns" if threads == 1 else "<= 50 ns", per_call <= (20 if threads == 1 else 50))
    for threads in (1, 2):
        v = ns_per_item(f"BM_TraceRecordWithClock/iterations:2000000/repeats:5/real_time/threads:{threads}") * threads
        lines.append(f"{'  same, clock read included, ' + str(threads) + ' thread(s)':52s} {v:10.2f} ns")
    mem = [b for b in native["benchmarks"] if b["name"].startswith("BM_TraceMemory/100000")][0]
    goal("memory per stored event (recorder, 100k events)", mem["recorder_bytes_per_event"], "bytes",
         "<= 48 bytes", mem["recorder_bytes_per_event"] <= 48)
    goal("memory per stored event (trace, 100k events)", mem["trace_bytes_per_event"], "bytes",
         "<= 48 bytes", mem["trace_bytes_per_event"] <= 48)
    native_map = ms("BM_ThreadPoolMap100k/traced:0/repeats:5/real_time")
    traced_map = ms("BM_ThreadPoolMap100k/traced:1/repeats:5/real_time")
    py = python.get("thread_pool_map_100k_ms")
    if py:
        goal("ThreadPoolExecutor(2).map 100k square, ms", native_map, "ms",
             f">= 50x CPython ({py:.0f} ms)", py / native_map >= 50)
        lines.append(f"{'  ratio CPython / Tasklane':52s} {py / native_map:10.1f} x")
        lines.append(f"{'  traced (every task recorded), ms':52s} {traced_map:10.2f} ms  ratio {py / traced_map:.1f} x")
    else:
        lines.append(f"ThreadPoolExecutor(2).map 100k square: {native_map:.2f} ms (no CPython figure)")
    print("\n".join(lines))


if __name__ == "__main__":
    main(*sys.argv[1:3])
