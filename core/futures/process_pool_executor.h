// ProcessPoolExecutor: concurrent.futures.ProcessPoolExecutor. Registered tasks (see
// TaskRegistry) run in worker processes; submit() returns a Future, map() returns results in
// input order (chunksize items per trip to a worker, 1 by default, as Python's), shutdown(wait,
// cancel_futures) as Python's, and the destructor waits, as leaving a `with` block does.
// max_workers defaults to the CPU count. Workers start as Python starts them: with fork, all at
// the first submit; with spawn, one per submit that finds none idle.
//
// A worker that dies (killed by a signal, abort()) breaks the pool, as Python's: every pending
// future fails with BrokenProcessPool (a BrokenExecutor) naming the worker, its pid and the
// signal ("BrokenProcessPool: worker 2 (pid 4711) was terminated by signal 9 (Killed)"), and
// so does every later submit(). Nothing hangs. A task that raises fails its own future only,
// with TaskError carrying the task's message.
//
// Tracing as Pool: a track per worker process with its spawning, queued and running slices and
// flows from `submitter_track`; the children's events reach the recorder once the executor
// has shut down (shutdown(wait=true) or the destructor).
#pragma once

#include "concurrency/future.h"
#include "mp/start_method.h"
#include "mp/worker_pool_options.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tasklane {

class WorkerPool;

class ProcessPoolExecutor {
public:
    struct Options : WorkerPoolOptions {
        int max_workers = 0; // 0: the number of CPUs, as Python's default
    };

    // ValueError("max_workers must be greater than 0") for a negative count.
    explicit ProcessPoolExecutor(int max_workers = 0, StartMethod method = StartMethod::Fork);
    explicit ProcessPoolExecutor(Options options);
    ~ProcessPoolExecutor(); // shutdown(wait=true)
    ProcessPoolExecutor(const ProcessPoolExecutor&) = delete;
    ProcessPoolExecutor& operator=(const ProcessPoolExecutor&) = delete;

    static int defaultMaxWorkers();
    int max_workers() const { return maxWorkers_; }

    // Throws std::invalid_argument (unknown task, wrong arguments), BrokenProcessPool once
    // broken, RuntimeError("cannot schedule new futures after shutdown"), as Python's.
    Future<long long> submit(std::string_view name, std::vector<long long> args = {});
    // name(item) for every item, in input order; re-raises the first failure in input order
    // after cancelling the items not yet started.
    std::vector<long long> map(std::string_view name, const std::vector<long long>& items,
                               std::size_t chunksize = 1);
    void shutdown(bool wait = true, bool cancel_futures = false);
    // Python 3.14's terminate_workers(): SIGTERM to every worker at once, pending futures
    // fail, no more submits. For Stop; safe from any thread.
    void terminate_workers();

    std::vector<int> pids() const; // of the live workers
    std::vector<std::string> output() const;
    std::uint64_t dropped_trace_events() const;

private:
    int maxWorkers_ = 0;
    std::unique_ptr<WorkerPool> engine_;
};

} // namespace tasklane
