#include "mp/pool.h"

#include "mp/task_registry.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>

namespace tasklane {

namespace {
int cpuCount() {
    return int(std::max(1u, std::thread::hardware_concurrency()));
}
} // namespace

Pool::Pool(int processes, StartMethod method)
    : Pool(Options{processes, method}) {}

Pool::Pool(Options options) {
    if (options.processes == 0)
        options.processes = cpuCount();
    if (options.processes < 1)
        throw std::invalid_argument("Number of processes must be at least 1");
    WorkerProcesses::Options o;
    o.processes = options.processes;
    o.start_all = true;
    o.respawn = true;
    o.start_method = options.start_method;
    o.recorder = options.recorder;
    o.submitter_track = options.submitter_track;
    o.shared_value = options.shared_value;
    o.name_prefix = std::move(options.name_prefix);
    o.trace_capacity = options.trace_capacity;
    o.broken_name = "Pool";
    engine_ = std::make_unique<WorkerProcesses>(std::move(o));
    engine_->start();
}

Pool::~Pool() {
    engine_->terminate();
    engine_->join();
}

std::size_t Pool::default_chunksize(std::size_t items, int processes) {
    if (items == 0)
        return 0;
    const std::size_t per = std::size_t(std::max(1, processes)) * 4;
    return items / per + (items % per != 0 ? 1 : 0);
}

std::size_t Pool::cached_memory_bytes() {
    return WorkerProcesses::cachedBulkBytes();
}

void Pool::release_cached_memory() {
    WorkerProcesses::releaseCachedBulk();
}

void Pool::checkRunning() const {
    if (closed_)
        throw std::runtime_error("Pool not running");
}

std::vector<long long> Pool::map(std::string_view name, const std::vector<long long>& items,
                                 std::size_t chunksize) {
    TaskRegistry::check(name, 1);
    return run(name, 1, items, items.size(), chunksize);
}

std::vector<long long> Pool::starmap(std::string_view name,
                                     const std::vector<std::vector<long long>>& items,
                                     std::size_t chunksize) {
    const std::size_t arity = items.empty() ? 0 : items.front().size();
    std::vector<long long> flat;
    flat.reserve(items.size() * arity);
    for (const auto& args : items) {
        if (args.size() != arity)
            throw std::invalid_argument("starmap: every argument list must have the same length");
        flat.insert(flat.end(), args.begin(), args.end());
    }
    if (!items.empty())
        TaskRegistry::check(name, arity);
    return run(name, std::uint32_t(arity), flat, items.size(), chunksize);
}

std::vector<long long> Pool::run(std::string_view name, std::uint32_t arity,
                                 std::span<const long long> flat, std::size_t count,
                                 std::size_t chunksize) {
    checkRunning();
    if (count == 0)
        return {};
    if (chunksize == 0)
        chunksize = default_chunksize(count, processes());

    // Shared with the done callbacks, which run on the pool's handler thread.
    struct Results {
        std::mutex mutex;
        std::condition_variable done;
        std::size_t left = 0;
        std::vector<long long> values;
        std::exception_ptr error; // the first to fail, in the order chunks finished (Python's)
    };
    auto results = std::make_shared<Results>();
    results->values.reserve(count);
    WorkerProcesses::discardAndPopulate(results->values.data(), count * sizeof(long long));
    results->values.resize(count);
    results->left = (count + chunksize - 1) / chunksize;
    // A big map's values go through shared memory: written once by this thread, read in place
    // by the workers, answered in place. Through the sockets they would be copied four times
    // and fault in fresh pages at every step (Python pickles them, which costs more still).
    std::shared_ptr<WorkerProcesses::Bulk> bulk;
    if (count * (arity + 1) >= kBulkValues)
        bulk = WorkerProcesses::makeBulk(count * (arity + 1));
    // Submitted in growing batches, so that workers start on the first chunks while the
    // others are being encoded; O(log chunks) submits.
    std::vector<WorkerProcesses::Job> jobs;
    std::size_t batch = std::size_t(processes());
    for (std::size_t first = 0; first < count; first += chunksize) {
        const std::size_t n = std::min(chunksize, count - first);
        WorkerProcesses::Job job;
        job.name = std::string(name);
        job.arity = arity;
        job.count = std::uint32_t(n);
        // Encoded straight from the caller's items (submit() below reads them), and decoded
        // straight into place: no copy of a chunk on either way but the frame's.
        job.args_view = flat.subspan(first * arity, n * arity);
        job.out = results->values.data() + first;
        if (bulk) {
            job.bulk = bulk;
            job.bulk_args = first * arity;
            job.bulk_results = count * arity + first;
            std::copy(job.args_view.begin(), job.args_view.end(), bulk->values() + job.bulk_args);
        }
        job.pipeline = true; // the chunks are this call's own: nobody can cancel them
        job.done = [results](WorkerProcesses::Outcome&& outcome) {
            std::lock_guard lock(results->mutex);
            if (outcome.error && !results->error)
                results->error = std::move(outcome.error);
            if (--results->left == 0)
                results->done.notify_all();
        };
        jobs.push_back(std::move(job));
        if (jobs.size() >= batch || first + n >= count) {
            engine_->submit(std::move(jobs));
            jobs.clear();
            batch *= 2;
        }
    }
    std::unique_lock lock(results->mutex);
    results->done.wait(lock, [&] { return results->left == 0; });
    // Taken out here, so that the handler thread (which may drop the last reference to
    // `results`) never frees the exception this thread is reading.
    if (std::exception_ptr error = std::exchange(results->error, nullptr))
        std::rethrow_exception(std::move(error));
    return std::move(results->values);
}

Future<long long> Pool::apply_async(std::string_view name, std::vector<long long> args) {
    TaskRegistry::check(name, args.size());
    checkRunning();
    return engine_->submitCall(name, std::move(args));
}

long long Pool::apply(std::string_view name, std::vector<long long> args) {
    return apply_async(name, std::move(args)).result();
}

void Pool::close() {
    closed_ = true;
    engine_->close();
}

void Pool::terminate() {
    closed_ = true;
    engine_->terminate();
}

void Pool::join() {
    engine_->join();
}

} // namespace tasklane
