// WorkerProcesses: the machinery under Pool and ProcessPoolExecutor: a set of worker
// processes, a queue of jobs (a job is a chunk of calls to one registered task), and one
// handler thread that feeds idle workers, collects results and watches for deaths. Internal;
// use Pool or ProcessPoolExecutor.
//
// The handler thread alone talks to the workers: it polls every worker's socket and a pidfd per
// worker (readable when the process ends, however it ends), plus an eventfd that submit /
// close / terminate use to wake it. An idle worker is always the next to get work; jobs that
// allow it (map's) are also pipelined, up to kPipelineDepth per worker, to the worker with the
// fewest in flight; jobs queue here (traced as `queued` until a worker picks them up). A
// worker answers its jobs in the order it got them. Deaths: a worker that ends when it was not
// asked to (killed, crashed) either breaks the whole set (ProcessPoolExecutor: every pending job
// fails with BrokenExecutor naming the worker, its pid and its signal) or is replaced (Pool: only
// the jobs it had in flight fail). Nothing waits forever on a dead worker, and every worker is
// reaped.
#pragma once

#include "concurrency/future.h"
#include "mp/shared_memory.h"
#include "mp/start_method.h"

#include <atomic>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace tasklane {

class SharedTraceBuffer;
class TraceRecorder;
template <class T> class SharedValue;

class WorkerProcesses {
public:
    struct Options {
        int processes = 1;
        bool start_all = true; // false: start one when a job finds no idle worker (up to processes)
        bool respawn = false;  // true: replace a worker that died; false: a death breaks the set
        StartMethod start_method = StartMethod::Fork;
        TraceRecorder* recorder = nullptr;
        std::uint32_t submitter_track = 0;
        SharedValue<long long>* shared_value = nullptr;
        std::string name_prefix = "worker";
        std::size_t trace_capacity = 0;                // 0: SharedTraceBuffer::kDefaultCapacity
        const char* broken_name = "BrokenProcessPool"; // the Python class raised, a literal
    };
    struct Outcome {
        std::vector<long long> values; // of the items that returned, in order
        std::exception_ptr error;      // TaskError, WorkerDiedError, BrokenExecutor, ...
    };
    // A big map's values in shared memory (see detail::BulkRef): the arguments are written
    // into it before the jobs are submitted, and the workers write their results into it.
    // Regions are kept for the next map (up to kBulkCacheBytes in all): a fresh page costs
    // 2-3 us here, so a new 16 MB region would cost more than the whole map.
    struct Bulk {
        SharedMemory memory;
        std::uint32_t id = 0; // the same while the region is reused: workers keep their mapping
        // Cleared when a job using it failed while a worker may still be writing into it
        // (terminate() does not wait for the workers to die): then it is not reused.
        mutable std::atomic<bool> reusable{true};
        long long* values() const { return static_cast<long long*>(memory.data()); }
    };
    static constexpr std::size_t kBulkCacheBytes = 64u << 20;
    // A region for at least `values` long longs, mapped, for this caller alone until it drops it.
    static std::shared_ptr<Bulk> makeBulk(std::size_t values);
    static std::size_t cachedBulkBytes();
    static void releaseCachedBulk(); // unmaps and closes the kept regions
    // Readies memory that is about to be written whole (a big map's result vector); what it
    // holds is discarded. Its pages are replaced by fresh ones mapped at once, huge where the
    // kernel allows: one system call rather than a trap per page, and no copy-on-write copies
    // of heap pages that the forked workers share.
    static void discardAndPopulate(void* data, std::size_t bytes);

    struct Job {
        std::string name; // a registered task, checked by the caller
        std::uint32_t arity = 0;
        std::uint32_t count = 0;
        std::vector<long long> args; // count * arity
        // Instead of `args`: the caller's values, read (encoded) during submit() only.
        std::span<const long long> args_view;
        // May be sent to a worker that is still busy (see kPipelineDepth), i.e. set running
        // before a worker is free: for jobs whose futures the caller keeps to itself (map).
        bool pipeline = false;
        // Non-null: the values are written here (count of them), not into Outcome::values.
        long long* out = nullptr;
        // Non-null: the arguments are in this region from bulk_args on (`args` and `args_view`
        // only label the job), and the worker answers into it from bulk_results on.
        std::shared_ptr<const Bulk> bulk;
        std::size_t bulk_args = 0;
        std::size_t bulk_results = 0;
        std::function<bool()> start; // at dispatch; false: cancelled, drop it (may be empty)
        std::function<void(Outcome&&)> done; // on the handler thread, no lock held
        std::function<void()> cancel;        // for cancelQueued()
    };

    // Jobs a worker may have in flight (sent, not yet answered) when they allow it (pipeline):
    // it finds the next frame in its socket when it finishes one, instead of waiting for a trip
    // through the handler thread. Others wait for an idle worker.
    static constexpr std::size_t kPipelineDepth = 8;

    explicit WorkerProcesses(Options options);
    ~WorkerProcesses(); // terminate() and join()
    WorkerProcesses(const WorkerProcesses&) = delete;
    WorkerProcesses& operator=(const WorkerProcesses&) = delete;

    // Starts the handler thread (and with start_all, every worker, from this thread first, so
    // that fork happens before the handler thread exists). Called by submit() if need be.
    // Throws when a worker cannot be started.
    void start();
    // Throws BrokenExecutor once broken, std::runtime_error after close() or terminate().
    void submit(std::vector<Job> jobs);
    // One call as one job whose outcome completes a Future: what apply_async and
    // ProcessPoolExecutor::submit both hand over.
    Future<long long> submitCall(std::string_view name, std::vector<long long> args);
    void close();        // no more jobs; workers exit once the queue is drained
    void cancelQueued(); // cancels every job no worker has picked up
    void terminate();    // kills the workers; pending jobs fail
    void join();         // after close() or terminate(): until every worker is reaped

    int processes() const { return options_.processes; }
    std::vector<int> pids() const; // of the live workers
    std::vector<std::string> output() const;
    std::uint64_t droppedTraceEvents() const;

private:
    struct Pending;
    struct Worker;

    std::unique_ptr<Pending> prepare(Job job);
    void startWorker();
    void run();
    void dispatch(bool closing);
    bool canStartMore() const;
    void assign(Worker& w, std::unique_ptr<Pending> job);
    void flush(Worker& w);
    void readFrom(Worker& w);
    void handleMessage(Worker& w, int type, std::string_view payload);
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

    Options options_;
    std::unique_ptr<SharedTraceBuffer> trace_;
    int wakeFd_ = -1; // an eventfd: submit, close and terminate wake the handler with it

    mutable std::mutex mutex_; // guards what user threads and the handler share, below
    std::deque<std::unique_ptr<Pending>> queue_;
    bool started_ = false;
    bool closed_ = false;
    bool terminate_ = false;
    std::string broken_; // why the pool broke, after "BrokenProcessPool: "; empty until then
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

} // namespace tasklane
