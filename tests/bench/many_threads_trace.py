#!/usr/bin/env python3
"""Writes a Chrome trace of THREADS threads, one 2 us slice each, dealt round-robin to PIDS
processes: the trace of issue 14 whose chart `tasklane-cli render` could not export.

    many_threads_trace.py OUT.json [THREADS=10000] [PIDS=THREADS]
"""
import json
import sys


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    pids = int(sys.argv[3]) if len(sys.argv) > 3 else threads
    events = []
    for k in range(threads):
        pid, tid = 1000 + k % pids, 100000 + k
        events.append({"ph": "M", "name": "thread_name", "pid": pid, "tid": tid,
                       "args": {"name": f"thread {k}"}})
        events.append({"ph": "X", "name": "running", "cat": "running", "pid": pid, "tid": tid,
                       "ts": k * 3, "dur": 2})
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump({"traceEvents": events}, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
