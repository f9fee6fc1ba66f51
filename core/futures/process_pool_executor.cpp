#include "futures/process_pool_executor.h"

#include "concurrency/python_error.h"
#include "mp/task_registry.h"
#include "mp/worker_pool.h"

#include <algorithm>
#include <thread>

namespace tasklane {

namespace {
ProcessPoolExecutor::Options optionsOf(int max_workers, StartMethod method) {
    ProcessPoolExecutor::Options options;
    options.max_workers = max_workers;
    options.start_method = method;
    return options;
}

// Python's words and classes for work submitted after shutdown, and for a broken pool.
std::exception_ptr notRunning() {
    return std::make_exception_ptr(RuntimeError("cannot schedule new futures after shutdown"));
}

std::exception_ptr broken(const std::string& why) {
    return std::make_exception_ptr(BrokenProcessPool(why));
}
} // namespace

int ProcessPoolExecutor::defaultMaxWorkers() {
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

ProcessPoolExecutor::ProcessPoolExecutor(int max_workers, StartMethod method)
    : ProcessPoolExecutor(optionsOf(max_workers, method)) {}

ProcessPoolExecutor::ProcessPoolExecutor(Options options) {
    if (options.max_workers == 0)
        options.max_workers = defaultMaxWorkers();
    if (options.max_workers < 0)
        throw ValueError("max_workers must be greater than 0");
    maxWorkers_ = options.max_workers;
    WorkerPool::Policy policy;
    policy.processes = options.max_workers;
    // Python's rule: forking all at once, before the executor's own thread exists, is safe;
    // spawning one at a time is cheaper when few tasks come.
    policy.start_all = options.start_method == StartMethod::Fork;
    policy.respawn = false;
    policy.not_running = &notRunning;
    policy.broken = &broken;
    engine_ = std::make_unique<WorkerPool>(std::move(options), policy);
}

ProcessPoolExecutor::~ProcessPoolExecutor() {
    shutdown(true);
}

Future<long long> ProcessPoolExecutor::submit(std::string_view name, std::vector<long long> args) {
    TaskRegistry::check(name, args.size());
    return engine_->submitCall(name, args);
}

std::vector<long long> ProcessPoolExecutor::map(std::string_view name,
                                                const std::vector<long long>& items,
                                                std::size_t chunksize) {
    TaskRegistry::check(name, 1);
    engine_->checkRunning();
    chunksize = std::max<std::size_t>(chunksize, 1);
    // One future per chunk (Python's _process_chunk), submitted all at once.
    std::vector<Future<std::vector<long long>>> futures;
    futures.reserve((items.size() + chunksize - 1) / chunksize);
    engine_->submitChunked(items.size(), chunksize, [&](std::size_t first, std::size_t n) {
        WorkerPool::Job job;
        job.name = std::string(name);
        job.arity = 1;
        job.count = std::uint32_t(n);
        job.args = std::span<const long long>(items).subspan(first, n); // read by submit()
        // Sent ahead to busy workers, as Python's call queue holds calls (set running) beyond
        // the workers': these futures are map's own, so no caller expects to cancel them.
        job.pipeline = true;
        WorkerPool::completes(job, futures.emplace_back());
        return job;
    });
    std::vector<long long> results;
    results.reserve(items.size());
    for (std::size_t i = 0; i < futures.size(); ++i) {
        try {
            const std::vector<long long> chunk = futures[i].result();
            results.insert(results.end(), chunk.begin(), chunk.end());
        } catch (...) {
            for (std::size_t j = i + 1; j < futures.size(); ++j)
                futures[j].cancel();
            throw;
        }
    }
    return results;
}

void ProcessPoolExecutor::shutdown(bool wait, bool cancel_futures) {
    engine_->close(cancel_futures);
    if (wait)
        engine_->join();
}

void ProcessPoolExecutor::terminate_workers() {
    engine_->terminate();
}

std::vector<int> ProcessPoolExecutor::pids() const {
    return engine_->pids();
}

std::vector<std::string> ProcessPoolExecutor::output() const {
    return engine_->output();
}

std::uint64_t ProcessPoolExecutor::dropped_trace_events() const {
    return engine_->droppedTraceEvents();
}

} // namespace tasklane
