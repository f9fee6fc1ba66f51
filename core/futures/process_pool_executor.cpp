#include "futures/process_pool_executor.h"

#include "concurrency/python_error.h"
#include "mp/task_registry.h"
#include "mp/worker_processes.h"

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace tasklane {

int ProcessPoolExecutor::defaultMaxWorkers() {
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

ProcessPoolExecutor::ProcessPoolExecutor(int max_workers, StartMethod method)
    : ProcessPoolExecutor(Options{max_workers, method}) {}

ProcessPoolExecutor::ProcessPoolExecutor(Options options) {
    if (options.max_workers == 0)
        options.max_workers = defaultMaxWorkers();
    if (options.max_workers < 0)
        throw std::invalid_argument("max_workers must be greater than 0");
    maxWorkers_ = options.max_workers;
    WorkerProcesses::Options o;
    o.processes = options.max_workers;
    // Python's rule: forking all at once, before the executor's own thread exists, is safe;
    // spawning one at a time is cheaper when few tasks come.
    o.start_all = options.start_method == StartMethod::Fork;
    o.respawn = false;
    o.start_method = options.start_method;
    o.recorder = options.recorder;
    o.submitter_track = options.submitter_track;
    o.shared_value = options.shared_value;
    o.name_prefix = std::move(options.name_prefix);
    o.trace_capacity = options.trace_capacity;
    o.broken_name = "BrokenProcessPool";
    engine_ = std::make_unique<WorkerProcesses>(std::move(o));
}

ProcessPoolExecutor::~ProcessPoolExecutor() {
    shutdown(true);
}

void ProcessPoolExecutor::checkOpen() const {
    std::lock_guard lock(mutex_);
    if (shutdown_)
        throw std::runtime_error("cannot schedule new futures after shutdown");
}

Future<long long> ProcessPoolExecutor::submit(std::string_view name, std::vector<long long> args) {
    TaskRegistry::check(name, args.size());
    checkOpen();
    return engine_->submitCall(name, std::move(args));
}

std::vector<long long> ProcessPoolExecutor::map(std::string_view name,
                                                const std::vector<long long>& items,
                                                std::size_t chunksize) {
    TaskRegistry::check(name, 1);
    checkOpen();
    chunksize = std::max<std::size_t>(chunksize, 1);
    // One future per chunk (Python's _process_chunk), submitted all at once.
    std::vector<Future<std::vector<long long>>> futures;
    std::vector<WorkerProcesses::Job> jobs;
    // Submitted in growing batches, so that workers start while the rest is being encoded.
    std::size_t batch = std::size_t(maxWorkers_);
    for (std::size_t first = 0; first < items.size(); first += chunksize) {
        const std::size_t n = std::min(chunksize, items.size() - first);
        Future<std::vector<long long>> future;
        WorkerProcesses::Job job;
        job.name = std::string(name);
        job.arity = 1;
        job.count = std::uint32_t(n);
        job.args_view = std::span<const long long>(items).subspan(first, n); // read by submit()
        // Sent ahead to busy workers, as Python's call queue holds calls (set running) beyond
        // the workers': these futures are map's own, so no caller expects to cancel them.
        job.pipeline = true;
        job.start = [future]() mutable { return future.set_running_or_notify_cancel(); };
        job.done = [future](WorkerProcesses::Outcome&& outcome) mutable {
            if (outcome.error)
                future.set_exception(std::move(outcome.error));
            else
                future.set_result(std::move(outcome.values));
        };
        job.cancel = [future]() mutable { future.cancel(); };
        futures.push_back(future);
        jobs.push_back(std::move(job));
        if (jobs.size() >= batch || first + n >= items.size()) {
            engine_->submit(std::move(jobs));
            jobs.clear();
            batch *= 2;
        }
    }
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
    {
        std::lock_guard lock(mutex_);
        shutdown_ = true;
    }
    if (cancel_futures)
        engine_->cancelQueued();
    engine_->close();
    if (wait)
        engine_->join();
}

void ProcessPoolExecutor::terminate_workers() {
    {
        std::lock_guard lock(mutex_);
        shutdown_ = true;
    }
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
