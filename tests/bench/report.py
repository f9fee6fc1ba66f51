#!/usr/bin/env python3
"""Prints Tasklane's benchmark figures against their goals and CPython's timings."""
import json
import sys


def main(python_path, *native_paths):
    python = json.load(open(python_path))
    native = {"benchmarks": []}
    for path in native_paths:
        native["benchmarks"] += json.load(open(path))["benchmarks"]
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
    def median_ms(prefix):
        for b in native["benchmarks"]:
            if b["name"].startswith(prefix) and b.get("aggregate_name") == "median":
                scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
                return b["real_time"] * scale
        return None

    for what, prefix, key, factor in (
        ("Process start+join, fork, ms", "BM_ProcessStartJoin/spawn:0", "process_start_join_fork_ms", 10),
        ("Process start+join, spawn, ms", "BM_ProcessStartJoin/spawn:1", "process_start_join_spawn_ms", 10),
        ("Pool(2).map 1 000 000 square, ms", "BM_PoolMap1M", "pool_map_1m_ms", 10),
        ("ProcessPoolExecutor(2).map 10 000 square, ms", "BM_ProcessPoolMap10k", "process_pool_map_10k_ms", 20),
        ("2 processes x 100 000 locked increments, ms", "BM_SharedValue2x100kLocked", "shared_value_2x100k_locked_ms", 10),
    ):
        mine = median_ms(prefix)
        if mine is None:
            continue
        py = python.get(key)
        if py:
            goal(what, mine, "ms", f">= {factor}x CPython ({py:.1f} ms)", py / mine >= factor)
            lines.append(f"{'  ratio CPython / Tasklane':52s} {py / mine:10.1f} x")
        else:
            lines.append(f"{what:52s} {mine:10.2f} ms (no CPython figure)")
    def median_row(prefix):
        for b in native["benchmarks"]:
            if b["name"].startswith(prefix) and b.get("aggregate_name") == "median":
                return b
        return None

    # asyncio (bench_aio.cpp; pyref's gather_* and sleep_overshoot cases). Each figure is the
    # median over the benchmark's repetitions; asyncio.run's loop is inside both timings.
    mine = median_ms("BM_AioGather100kSleep0/")
    if mine is not None:
        py = python.get("gather_100k_sleep0_ms")
        if py:
            goal("asyncio gather of 100 000 sleep(0), ms", mine, "ms",
                 f">= 50x CPython ({py:.0f} ms)", py / mine >= 50)
            lines.append(f"{'  ratio CPython / Tasklane':52s} {py / mine:10.1f} x")
        else:
            lines.append(f"{'asyncio gather of 100 000 sleep(0), ms':52s} {mine:10.2f} ms "
                         "(no CPython figure)")
    mine = median_ms("BM_AioGather10kSleep10ms/")
    if mine is not None:
        goal("asyncio gather of 10 000 sleep(10 ms), ms", mine, "ms", "<= 15 ms (10 + 5)",
             mine <= 15)
        py = python.get("gather_10k_sleep10ms_ms")
        if py:
            lines.append(f"{'  CPython, ms':52s} {py:10.2f} ms")
            lines.append(f"{'  ratio CPython / Tasklane':52s} {py / mine:10.1f} x")
    row = median_row("BM_AioSleepOvershoot")
    if row is not None:
        p99 = row["overshoot_p99_us"]
        goal("sleep(1 ms) overshoot p99 (200 sleeps), us", p99, "us", "<= 100 us", p99 <= 100)
        lines.append(f"{'  mean, us':52s} {row['overshoot_mean_us']:10.2f} us")
        for key, what in (("sleep_1ms_overshoot_p99_us", "  CPython p99, us"),
                          ("sleep_1ms_overshoot_mean_us", "  CPython mean, us")):
            if key in python:
                lines.append(f"{what:52s} {python[key]:10.2f} us")
    row = median_row("BM_AioMemoryPerSuspendedTask")
    if row is not None:
        per_task = row["bytes_per_task"]
        goal("memory per suspended task (100k sleeping), bytes", per_task, "bytes",
             "<= 512 bytes", per_task <= 512)
        lines.append(f"{'  of which requested through operator new, bytes':52s} "
                     f"{row['requested_bytes_per_task']:10.2f} bytes")
        lines.append(f"{'  allocations per task':52s} {row['allocations_per_task']:10.2f}")
    print("\n".join(lines))


if __name__ == "__main__":
    main(*sys.argv[1:])
