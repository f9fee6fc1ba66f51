// WorkerPool: the machinery under Pool and ProcessPoolExecutor: a set of worker processes, a
// queue of jobs (a job is a chunk of calls to one registered task), and one handler thread that
// feeds idle workers, collects results and watches for deaths. Internal; use Pool or
// ProcessPoolExecutor.
//
// The handler thread alone talks to the workers, each through its WorkerChannel: it polls every
// worker's socket and a pidfd per worker (readable when the process ends, however it ends),
// plus an eventfd that submit / close / terminate use to wake it. An idle worker is always the
// next to get work; jobs that allow it (map's) are also pipelined, up to kPipelineDepth per
// worker, to the worker with the fewest in flight; jobs queue here (traced as `queued` until a
// worker picks them up). A worker answers its jobs in the order it got them. Deaths: a worker
// that ends when it was not asked to (killed, crashed) either breaks the whole set
// (ProcessPoolExecutor: every pending job fails with the facade's broken error naming the
// worker, its pid and its signal) or is replaced (Pool: only the jobs it had in flight fail).
// Nothing waits forever on a dead worker, and every worker is reaped.
//
// The pool states its conditions (work after close, a broken set); the facade on top words
// them, as the Python class it stands for does (see Policy).
#pragma once

#include "concurrency/future.h"
#include "mp/bulk_region_cache.h"
#include "mp/worker_pool_options.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <variant>
#include <vector>

namespace tasklane {

class SharedTraceBuffer;

class WorkerPool {
public:
    using Region = BulkRegionCache::Region;

    // What the two Python pools on top do differently.
    struct Policy {
        int processes = 1;     // at least 1: the facade checks it, in its own words
        bool start_all = true; // false: start one when a job finds no idle worker (up to processes)
        bool respawn = false;  // true: replace a worker that died; false: a death breaks the set
        // The facade's exceptions, made afresh for each job they fail (see MakeError): for work
        // submitted after close() or terminate(), and for every pending job and later submit
        // once the set is broken (`why` names the worker and how it ended).
        std::exception_ptr (*not_running)() = nullptr;
        std::exception_ptr (*broken)(const std::string& why) = nullptr;
    };

    // The values a job's items returned, in order, where they arrived (unaligned in the
    // worker's frame, or in the job's shared region): valid until done() returns.
    class Values {
    public:
        Values() = default;
        Values(const char* data, std::size_t count)
            : data_(data)
            , count_(count) {}
        std::size_t size() const { return count_; }
        long long at(std::size_t i) const {
            long long v = 0;
            std::memcpy(&v, data_ + i * sizeof v, sizeof v);
            return v;
        }
        void copyTo(long long* out) const {
            if (count_ > 0)
                std::memcpy(out, data_, count_ * sizeof(long long));
        }
        std::vector<long long> toVector() const {
            std::vector<long long> v(count_);
            copyTo(v.data());
            return v;
        }

    private:
        const char* data_ = nullptr;
        std::size_t count_ = 0;
    };

    struct Outcome {
        Values values;            // all `count` of them unless error is set
        std::exception_ptr error; // TaskError, WorkerDiedError, the facade's broken error, ...
    };

    // A big map's job whose values are in a shared region, not in its frame: count * arity
    // arguments from args_at, and the worker answers into it from results_at. The caller keeps
    // its own reference to the region until its last job is done: the pool lets go of the
    // job's before done(), so that the region is back in the cache as soon as the caller
    // drops it, before it maps again.
    struct InRegion {
        std::shared_ptr<const Region> region;
        std::size_t args_at = 0;
        std::size_t results_at = 0;
    };

    struct Job {
        std::string name; // a registered task, checked by the caller
        std::uint32_t arity = 0;
        std::uint32_t count = 0;
        // count * arity values: the caller's, read (encoded) during submit() only, or in a
        // shared region.
        std::variant<std::span<const long long>, InRegion> args;
        // May be sent to a worker that is still busy (see kPipelineDepth), i.e. set running
        // before a worker is free: for jobs whose futures the caller keeps to itself (map).
        bool pipeline = false;
        std::function<bool()> start; // at dispatch; false: cancelled, drop it (may be empty)
        std::function<void(Outcome&&)> done; // on the handler thread, no lock held
        std::function<void()> cancel;        // for close(cancel_queued)
    };

    // Makes `job` complete `future` (Future<long long>: the one item's value; Future<vector>:
    // the chunk's): set running at dispatch, unless cancelled while queued; the values or the
    // error once done; cancelled by close(cancel_queued = true).
    template <class T> static void completes(Job& job, Future<T> future);

    // Jobs a worker may have in flight (sent, not yet answered) when they allow it (pipeline):
    // it finds the next frame in its socket when it finishes one, instead of waiting for a trip
    // through the handler thread. Others wait for an idle worker.
    static constexpr std::size_t kPipelineDepth = 8;

    WorkerPool(WorkerPoolOptions options, Policy policy);
    ~WorkerPool(); // terminate() and join()
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Starts the handler thread (and with start_all, every worker, from this thread first, so
    // that fork happens before the handler thread exists). Called by submit() if need be.
    // Throws when a worker cannot be started.
    void start();
    // Throws the policy's broken error once broken, its not_running error after close() or
    // terminate().
    void submit(std::vector<Job> jobs);
    // Submits makeJob(first, n) for the chunks [first, first + n) of `count` items, chunksize
    // each (the last may be shorter), in growing batches: the workers start on the first
    // chunks while the others are being encoded, with O(log chunks) submits. Throws as
    // submit(); the chunks submitted before are left to finish.
    void submitChunked(std::size_t count, std::size_t chunksize,
                       const std::function<Job(std::size_t first, std::size_t n)>& makeJob);
    // One call as one job whose outcome completes a Future: what apply_async and
    // ProcessPoolExecutor::submit both hand over.
    Future<long long> submitCall(std::string_view name, std::span<const long long> args);
    void checkRunning() const; // throws the policy's not_running error after close / terminate

    // No more jobs; workers exit once the queue is drained. cancel_queued first cancels every
    // job no worker has picked up.
    void close(bool cancel_queued = false);
    void terminate(); // kills the workers; pending jobs fail
    // After close() or terminate(): waits until every worker is reaped, and returns true.
    // Before: returns false at once (the pool is still running).
    bool join();

    int processes() const { return policy_.processes; }
    std::vector<int> pids() const; // of the live workers
    std::vector<std::string> output() const;
    std::uint64_t droppedTraceEvents() const;

private:
    struct Pending;
    struct Worker;

    std::unique_ptr<Pending> prepare(Job job);
    void startWorker();
    void run();
    bool pollWorkers();
    void dispatch(bool closing);
    bool canStartMore() const;
    void assign(Worker& w, std::unique_ptr<Pending> job);
    void readFrom(Worker& w);
    void handleMessage(Worker& w, int type, std::string_view payload);
    void handleResult(Worker& w, std::string_view payload);
    void reap(Worker& w);
    void handleExit(Worker& w);
    // One fresh exception per failed job, moved into its future: the handler thread keeps no
    // reference to it (an exception shared by futures would be freed by whichever thread drops
    // the last one, through a reference count ThreadSanitizer cannot see).
    using MakeError = std::function<std::exception_ptr()>;
    void breakAll(const std::string& message);
    void failAll(const MakeError& makeError);
    void failInflight(Worker& w, const MakeError& makeError);
    void fail(std::unique_ptr<Pending> job, const MakeError& makeError);
    void signalAll(int sig);
    void wake();
    void reapUnhandled(); // workers left without a handler thread (start failed)

    WorkerPoolOptions options_;
    Policy policy_;
    std::unique_ptr<SharedTraceBuffer> trace_;
    int wakeFd_ = -1; // an eventfd: submit, close and terminate wake the handler with it

    mutable std::mutex mutex_; // guards what user threads and the handler share, below
    std::deque<std::unique_ptr<Pending>> queue_;
    bool started_ = false;
    bool closed_ = false;
    bool terminate_ = false;
    std::string broken_; // why the pool broke; empty until then
    std::vector<int> pids_;
    std::vector<std::string> output_;
    std::uint64_t nextJob_ = 1;
    std::uint64_t dropped_ = 0;

    std::mutex startMutex_; // serialises start() and join()
    std::thread handler_;

    // Owned by the handler thread once it runs (by start() before).
    std::vector<std::unique_ptr<Worker>> workers_;
    int nextIndex_ = 1;
    bool terminating_ = false;
    std::int64_t killAt_ = 0; // when SIGTERM gives way to SIGKILL
};

template <class T> void WorkerPool::completes(Job& job, Future<T> future) {
    static_assert(std::is_same_v<T, long long> || std::is_same_v<T, std::vector<long long>>);
    job.start = [future]() mutable { return future.set_running_or_notify_cancel(); };
    job.done = [future](Outcome&& outcome) mutable {
        if (outcome.error)
            future.set_exception(std::move(outcome.error));
        else if constexpr (std::is_same_v<T, long long>)
            future.set_result(outcome.values.at(0));
        else
            future.set_result(outcome.values.toVector());
    };
    job.cancel = [future]() mutable { future.cancel(); };
}

} // namespace tasklane
