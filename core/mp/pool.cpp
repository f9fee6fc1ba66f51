#include "mp/pool.h"

#include "concurrency/python_error.h"
#include "mp/bulk_region_cache.h"
#include "mp/task_registry.h"
#include "mp/worker_pool.h"

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

Pool::Options optionsOf(int processes, StartMethod method) {
    Pool::Options options;
    options.processes = processes;
    options.start_method = method;
    return options;
}

// Python's words for work given to a pool after close() or terminate().
std::exception_ptr notRunning() {
    return std::make_exception_ptr(ValueError("Pool not running"));
}

// multiprocessing has no exception for a broken Pool: Python's replaces a worker that dies
// before it runs anything again and again, and leaves the tasks waiting forever when it cannot
// start one. BrokenProcessPool is concurrent.futures' class, not multiprocessing's,
// so a reader would look for it in the wrong module. What breaks a Pool here is always a
// worker's death (that it died too early to replace, or that no replacement would start), so
// it fails with Tasklane's own WorkerDiedError, as does the task a dead worker was running.
std::exception_ptr broken(const std::string& why) {
    return std::make_exception_ptr(WorkerDiedError(why));
}

// A map's results, shared with the done callbacks of its chunks (on the pool's handler thread).
struct MapResults {
    std::mutex mutex;
    std::condition_variable done;
    std::size_t left = 0;
    std::vector<long long> values;
    std::exception_ptr error; // the first to fail, in the order chunks finished (Python's)
    // A big map's shared region: the chunks' arguments and results (see WorkerPool::InRegion).
    std::shared_ptr<BulkRegionCache::Region> region;

    void chunkDone(std::size_t first, WorkerPool::Outcome&& outcome) {
        if (!outcome.error)
            outcome.values.copyTo(values.data() + first); // chunks never overlap: no lock
        std::lock_guard lock(mutex);
        if (outcome.error && !error)
            error = std::move(outcome.error);
        if (--left == 0)
            done.notify_all();
    }

    std::vector<long long> wait() {
        std::exception_ptr failed;
        {
            std::unique_lock lock(mutex);
            done.wait(lock, [&] { return left == 0; });
            // Taken out here, so that the handler thread (which may drop the last reference to
            // these results) never frees the exception this thread is reading.
            failed = std::exchange(error, nullptr);
        }
        region.reset(); // back to the cache now, for the next map
        if (failed)
            std::rethrow_exception(std::move(failed));
        return std::move(values);
    }
};
} // namespace

Pool::Pool(int processes, StartMethod method)
    : Pool(optionsOf(processes, method)) {}

Pool::Pool(Options options) {
    if (options.processes == 0)
        options.processes = cpuCount();
    if (options.processes < 1)
        throw ValueError("Number of processes must be at least 1");
    WorkerPool::Policy policy;
    policy.processes = options.processes;
    policy.start_all = true;
    policy.respawn = true;
    policy.not_running = &notRunning;
    policy.broken = &broken;
    engine_ = std::make_unique<WorkerPool>(std::move(options), policy);
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
    return BulkRegionCache::cachedBytes();
}

void Pool::release_cached_memory() {
    BulkRegionCache::release();
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
    engine_->checkRunning();
    if (count == 0)
        return {};
    if (chunksize == 0)
        chunksize = default_chunksize(count, processes());
    auto results = std::make_shared<MapResults>();
    results->values.reserve(count);
    BulkRegionCache::discardAndPopulate(results->values.data(), count * sizeof(long long));
    results->values.resize(count);
    results->left = (count + chunksize - 1) / chunksize;
    // A big map's values go through shared memory: written once by this thread, read in place
    // by the workers, answered in place. Through the sockets they would be copied four times
    // and fault in fresh pages at every step (Python pickles them, which costs more still).
    if (count * (arity + 1) >= kBulkValues)
        results->region = BulkRegionCache::take(count * (arity + 1));
    engine_->submitChunked(count, chunksize, [&](std::size_t first, std::size_t n) {
        WorkerPool::Job job;
        job.name = std::string(name);
        job.arity = arity;
        job.count = std::uint32_t(n);
        // Encoded straight from the caller's items (submit reads them), or copied into the
        // region, chunk by chunk, so that the workers start on the first while this thread
        // writes the others.
        const std::span<const long long> args = flat.subspan(first * arity, n * arity);
        if (const auto& region = results->region) {
            std::copy(args.begin(), args.end(), region->values() + first * arity);
            job.args = WorkerPool::InRegion{region, first * arity, count * arity + first};
        } else {
            job.args = args;
        }
        job.pipeline = true; // the chunks are this call's own: nobody can cancel them
        job.done = [results, first](WorkerPool::Outcome&& outcome) {
            results->chunkDone(first, std::move(outcome));
        };
        return job;
    });
    return results->wait();
}

Future<long long> Pool::apply_async(std::string_view name, std::vector<long long> args) {
    TaskRegistry::check(name, args.size());
    engine_->checkRunning(); // first, as Python's: ValueError even if the pool also broke
    return engine_->submitCall(name, args);
}

long long Pool::apply(std::string_view name, std::vector<long long> args) {
    return apply_async(name, std::move(args)).result();
}

void Pool::close() {
    engine_->close();
}

void Pool::terminate() {
    engine_->terminate();
}

void Pool::join() {
    if (!engine_->join())
        throw ValueError("Pool is still running");
}

int Pool::processes() const {
    return engine_->processes();
}

std::vector<int> Pool::pids() const {
    return engine_->pids();
}

std::vector<std::string> Pool::output() const {
    return engine_->output();
}

std::uint64_t Pool::dropped_trace_events() const {
    return engine_->droppedTraceEvents();
}

} // namespace tasklane
