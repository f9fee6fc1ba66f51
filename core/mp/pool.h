// Pool: multiprocessing.Pool. n worker processes, started at construction (fork or spawn);
// map() splits the items into chunks (Python's default chunksize, ceil(len / (4 n))), hands
// them to whichever worker is idle, and returns the results in input order; a task that raised
// makes map() raise TaskError with its message, once every chunk is done, as Python does.
// apply_async() returns a Future. close() lets the workers finish the queue and exit; join()
// then waits for them; terminate() kills them. The destructor terminates, as leaving
// `with Pool(...) as pool:` does. A worker that dies is replaced (as Python's Pool does);
// the task it was running fails with WorkerDiedError instead of hanging (as Python's would).
// A worker that dies before it runs anything, or one that cannot be replaced, breaks the pool:
// every pending and later task fails with WorkerDiedError too (Python's would hang).
//
// With a recorder: a track per worker process ("worker 1 (pid P)": its `spawning` slice, each
// chunk's `queued` async slice from submit to pick-up, the running slices recorded inside the
// child, on the cores they ran on) and a flow from `submitter_track` to each pick-up. The
// children's events reach the recorder when the pool has ended (join, terminate or the
// destructor); the recorder must outlive the pool.
#pragma once

#include "concurrency/future.h"
#include "mp/start_method.h"
#include "mp/worker_pool_options.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tasklane {

class WorkerPool;

class Pool {
public:
    struct Options : WorkerPoolOptions {
        int processes = 0; // 0: the number of CPUs, as Python's os.cpu_count()
    };

    // ValueError("Number of processes must be at least 1") for a negative count; throws
    // (std::system_error) if a worker cannot be started.
    explicit Pool(int processes = 0, StartMethod method = StartMethod::Fork);
    explicit Pool(Options options);
    ~Pool();
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    // Python's: chunksize, extra = divmod(items, processes * 4); if extra: chunksize += 1.
    static std::size_t default_chunksize(std::size_t items, int processes);
    // From this many values (arguments and results) on, a map's values go through shared
    // memory rather than the workers' sockets. Below it, setting up the region costs more
    // than it saves.
    static constexpr std::size_t kBulkValues = 16 * 1024;
    // Those regions are kept for the next big map of any pool (fresh pages are what a big map
    // spends most on), up to 64 MiB: what they hold now, and how to give it back. Each is a
    // memfd, open and mapped in this process while kept.
    static std::size_t cached_memory_bytes();
    static void release_cached_memory();

    // name(item) for every item, in input order; chunksize 0: the default. Throws
    // std::invalid_argument for an unknown task, TaskError for a task that raised,
    // WorkerDiedError when a worker died running it, ValueError("Pool not running") after
    // close() or terminate(), as Python's.
    std::vector<long long> map(std::string_view name, const std::vector<long long>& items,
                               std::size_t chunksize = 0);
    // name(*args) for every argument list (all of one length), in input order.
    std::vector<long long> starmap(std::string_view name,
                                   const std::vector<std::vector<long long>>& items,
                                   std::size_t chunksize = 0);
    Future<long long> apply_async(std::string_view name, std::vector<long long> args = {});
    long long apply(std::string_view name, std::vector<long long> args = {});

    void close();
    void terminate();
    void join(); // ValueError("Pool is still running") unless close() or terminate() came first

    int processes() const;
    std::vector<int> pids() const;           // of the live workers
    std::vector<std::string> output() const; // lines tasks printed
    std::uint64_t dropped_trace_events() const;

private:
    std::vector<long long> run(std::string_view name, std::uint32_t arity,
                               std::span<const long long> flat, std::size_t count,
                               std::size_t chunksize);

    std::unique_ptr<WorkerPool> engine_;
};

} // namespace tasklane
