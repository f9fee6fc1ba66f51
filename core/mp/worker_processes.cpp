#include "mp/worker_processes.h"

#include "concurrency/python_error.h"
#include "mp/shared_trace_buffer.h"
#include "mp/task_registry.h"
#include "mp/worker_protocol.h"
#include "trace/trace_recorder.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <stdexcept>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>

namespace tasklane {

namespace {
constexpr std::int64_t kTerminateGraceNs = 1'000'000'000; // SIGTERM, then SIGKILL after this

std::exception_ptr terminatedError() {
    return std::make_exception_ptr(
        std::runtime_error("the pool was terminated before the task finished"));
}
} // namespace

// A job on its way: queued, then running on one worker.
struct WorkerProcesses::Pending {
    Job job;
    std::string wire; // the encoded Task frame, until it is handed to a worker
    std::uint64_t id = 0;
    std::string what; // "square(3)", or "square(1)..square(4)" for a chunk
    std::int64_t submitted = 0;
    std::uint32_t firstTask = 0;
    std::uint32_t label = 0;
};

struct WorkerProcesses::Worker {
    int index = 0;
    int pid = -1;
    int fd = -1;
    int pidfd = -1;
    std::uint32_t track = 0;
    std::int64_t startedAt = 0;
    bool ready = false;   // it said Ready
    bool eof = false;     // its socket closed (it is exiting)
    bool eofSent = false; // we told it to exit
    bool exited = false;  // reaped
    int status = 0;
    std::deque<std::unique_ptr<Pending>> inflight; // sent, in order; the front one runs
    std::string out;                               // frames not yet sent (from outPos)
    std::size_t outPos = 0;
    // A shared region's fd goes with the first frame to use it, from this position of `out`.
    struct FdMark {
        std::size_t at = 0;
        std::shared_ptr<const Bulk> bulk; // keeps the fd open until it is sent
    };
    std::deque<FdMark> fdMarks;
    std::uint32_t bulkId = 0; // the region this worker has (been sent)
    detail::FrameReader reader;

    std::string describe() const {
        return "worker " + std::to_string(index) + " (pid " + std::to_string(pid) + ")";
    }
};

namespace {
// The regions no map is using, for the next (see Bulk).
struct BulkCache {
    std::mutex mutex;
    std::vector<std::unique_ptr<WorkerProcesses::Bulk>> free;
    std::size_t bytes = 0;
    std::uint32_t lastId = 0;
};
BulkCache& bulkCache() {
    static BulkCache* cache = new BulkCache; // never destroyed: maps may end after main()
    return *cache;
}
} // namespace

std::shared_ptr<WorkerProcesses::Bulk> WorkerProcesses::makeBulk(std::size_t values) {
    const std::size_t bytes = std::max<std::size_t>(values, 1) * sizeof(long long);
    BulkCache& cache = bulkCache();
    std::unique_ptr<Bulk> bulk;
    {
        std::lock_guard lock(cache.mutex);
        // The smallest that fits.
        auto best = cache.free.end();
        for (auto it = cache.free.begin(); it != cache.free.end(); ++it)
            if ((*it)->memory.size() >= bytes &&
                (best == cache.free.end() || (*it)->memory.size() < (*best)->memory.size()))
                best = it;
        if (best != cache.free.end()) {
            bulk = std::move(*best);
            cache.free.erase(best);
            cache.bytes -= bulk->memory.size();
        }
    }
    if (!bulk) {
        bulk = std::make_unique<Bulk>();
        // Rounded up to 1 MiB, so that maps of about the same size share regions.
        const std::size_t size = (bytes + (1u << 20) - 1) & ~std::size_t((1u << 20) - 1);
        bulk->memory = SharedMemory::create(size, "tasklane-map", SharedMemory::Pages::Populate);
        std::lock_guard lock(cache.mutex);
        bulk->id = ++cache.lastId;
    }
    return std::shared_ptr<Bulk>(bulk.release(), [](Bulk* done) {
        std::unique_ptr<Bulk> owned(done);
        if (!owned->reusable.load())
            return;
        BulkCache& cache = bulkCache();
        std::lock_guard lock(cache.mutex);
        // Over the limit: the oldest regions go.
        while (!cache.free.empty() && cache.bytes + owned->memory.size() > kBulkCacheBytes) {
            cache.bytes -= cache.free.front()->memory.size();
            cache.free.erase(cache.free.begin());
        }
        if (owned->memory.size() <= kBulkCacheBytes) {
            cache.bytes += owned->memory.size();
            cache.free.push_back(std::move(owned));
        }
    });
}

std::size_t WorkerProcesses::cachedBulkBytes() {
    BulkCache& cache = bulkCache();
    std::lock_guard lock(cache.mutex);
    return cache.bytes;
}

void WorkerProcesses::releaseCachedBulk() {
    std::vector<std::unique_ptr<Bulk>> released;
    BulkCache& cache = bulkCache();
    {
        std::lock_guard lock(cache.mutex);
        released.swap(cache.free);
        cache.bytes = 0;
    }
}

void WorkerProcesses::discardAndPopulate(void* data, std::size_t bytes) {
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 // Linux 5.14; glibc 2.36's headers may not name it
#endif
    const auto page = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    const auto begin = (std::uintptr_t(data) + page - 1) & ~(page - 1);
    const auto end = (std::uintptr_t(data) + bytes) & ~(page - 1);
    if (end <= begin)
        return;
    // Errors are fine (no THP, a kernel older than 5.14): then pages come as they are touched.
    ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
    ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
    ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
}

WorkerProcesses::WorkerProcesses(Options options)
    : options_(std::move(options)) {
    if (options_.processes < 1)
        throw std::invalid_argument("the number of processes must be at least 1");
    wakeFd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wakeFd_ < 0)
        throw std::system_error(errno, std::generic_category(), "eventfd");
}

WorkerProcesses::~WorkerProcesses() {
    terminate();
    join();
    ::close(wakeFd_);
}

std::unique_ptr<WorkerProcesses::Pending> WorkerProcesses::prepare(Job job) {
    auto p = std::make_unique<Pending>();
    {
        std::lock_guard lock(mutex_);
        p->id = nextJob_++;
    }
    const std::span<const long long> args =
        job.args.empty() ? job.args_view : std::span<const long long>(job.args);
    const std::uint32_t arity = job.arity;
    auto argsOf = [&](std::size_t item) { return args.subspan(item * arity, arity); };
    p->what = TaskRegistry::label(job.name, argsOf(0));
    if (job.count > 1)
        p->what += ".." + TaskRegistry::label(job.name, argsOf(job.count - 1));
    std::vector<std::uint32_t> tasks;
    std::vector<std::uint32_t> labels;
    if (TraceRecorder* rec = options_.recorder) {
        // Labels are interned here, in the parent: a child cannot add to the string table.
        tasks.resize(job.count);
        labels.resize(job.count);
        for (std::uint32_t i = 0; i < job.count; ++i) {
            tasks[i] = rec->newTaskId();
            labels[i] = job.count == 1 ? rec->intern(p->what)
                                       : rec->intern(TaskRegistry::label(job.name, argsOf(i)));
        }
        p->firstTask = tasks[0];
        p->label = job.count == 1 ? labels[0] : rec->intern(p->what);
        p->submitted = TraceRecorder::now();
    }
    detail::BulkRef where;
    if (job.bulk) {
        where.id = job.bulk->id;
        where.args_at = job.bulk_args;
        where.results_at = job.bulk_results;
    }
    detail::appendTask(p->wire, p->id, job.name, job.count, arity,
                       args.first(std::size_t(job.count) * arity), tasks, labels,
                       job.bulk ? &where : nullptr);
    job.args = {};
    job.args_view = {};
    p->job = std::move(job);
    return p;
}

void WorkerProcesses::start() {
    {
        // Once started, submit() must not touch startMutex_: a done callback that submits runs
        // on the handler thread, which join() may be waiting for while holding it.
        std::lock_guard lock(mutex_);
        if (started_)
            return;
    }
    std::lock_guard startLock(startMutex_);
    {
        std::lock_guard lock(mutex_);
        if (started_)
            return;
        started_ = true;
    }
    if (options_.recorder != nullptr)
        trace_ = std::make_unique<SharedTraceBuffer>(options_.trace_capacity > 0
                                                         ? options_.trace_capacity
                                                         : SharedTraceBuffer::kDefaultCapacity);
    if (options_.start_all) {
        try {
            for (int i = 0; i < options_.processes; ++i)
                startWorker();
        } catch (const std::exception& e) {
            {
                std::lock_guard lock(mutex_);
                broken_ = std::string("cannot start a worker: ") + e.what();
            }
            reapUnhandled();
            throw;
        }
    }
    handler_ = std::thread([this] { run(); });
}

void WorkerProcesses::startWorker() {
    auto w = std::make_unique<Worker>();
    w->index = nextIndex_++;
    const std::string name = options_.name_prefix + " " + std::to_string(w->index);
    TraceRecorder* rec = options_.recorder;
    detail::LaunchSpec spec;
    spec.method = options_.start_method;
    spec.setup.name = name;
    spec.setup.shared_value = options_.shared_value;
    if (rec != nullptr) {
        w->track = rec->addTrack(TrackKind::Process, name, 0, 0);
        spec.setup.recorder = rec;
        spec.setup.track = w->track;
        spec.trace = trace_.get();
    }
    w->startedAt = TraceRecorder::now();
    detail::Launched child;
    try {
        child = detail::launch(spec);
    } catch (...) {
        if (rec != nullptr)
            rec->updateTrack(w->track, 0, 0, name + " (failed to start)");
        throw;
    }
    w->pid = child.pid;
    w->fd = child.fd;
    w->pidfd = child.pidfd;
    if (rec != nullptr)
        rec->updateTrack(w->track, w->pid, w->pid, name + " (pid " + std::to_string(w->pid) + ")");
    {
        std::lock_guard lock(mutex_);
        pids_.push_back(w->pid);
    }
    workers_.push_back(std::move(w));
}

void WorkerProcesses::submit(std::vector<Job> jobs) {
    if (jobs.empty())
        return;
    std::vector<std::unique_ptr<Pending>> prepared;
    prepared.reserve(jobs.size());
    for (Job& job : jobs)
        prepared.push_back(prepare(std::move(job)));
    start();
    {
        std::lock_guard lock(mutex_);
        if (!broken_.empty())
            throw BrokenExecutor(options_.broken_name, broken_);
        if (closed_ || terminate_)
            throw std::runtime_error("cannot schedule new work after close or terminate");
        for (auto& p : prepared)
            queue_.push_back(std::move(p));
    }
    wake();
}

void WorkerProcesses::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    wake();
}

void WorkerProcesses::cancelQueued() {
    std::deque<std::unique_ptr<Pending>> queued;
    {
        std::lock_guard lock(mutex_);
        queued.swap(queue_);
    }
    // Outside the lock: cancelling runs done callbacks, which may call back in.
    for (auto& p : queued)
        if (p->job.cancel)
            p->job.cancel();
    wake();
}

void WorkerProcesses::terminate() {
    {
        std::lock_guard lock(mutex_);
        terminate_ = true;
    }
    wake();
}

void WorkerProcesses::join() {
    std::lock_guard startLock(startMutex_);
    {
        std::lock_guard lock(mutex_);
        if (!closed_ && !terminate_)
            throw std::logic_error("the pool is still running: close() or terminate() first");
    }
    // A done callback (on the handler thread) that shuts the pool down cannot wait for itself.
    if (handler_.joinable() && handler_.get_id() != std::this_thread::get_id())
        handler_.join();
}

std::vector<int> WorkerProcesses::pids() const {
    std::lock_guard lock(mutex_);
    return pids_;
}

std::vector<std::string> WorkerProcesses::output() const {
    std::lock_guard lock(mutex_);
    return output_;
}

std::uint64_t WorkerProcesses::droppedTraceEvents() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

void WorkerProcesses::wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wakeFd_, &one, sizeof one);
}

void WorkerProcesses::run() {
    for (;;) {
        bool closing = false;
        bool terminate = false;
        bool broken = false;
        bool queueEmpty = true;
        {
            std::lock_guard lock(mutex_);
            closing = closed_;
            terminate = terminate_;
            broken = !broken_.empty();
            queueEmpty = queue_.empty();
        }
        if (terminate && !terminating_) {
            terminating_ = true;
            failAll(terminatedError);
            signalAll(SIGTERM);
            killAt_ = TraceRecorder::now() + kTerminateGraceNs;
        } else if (terminating_ && TraceRecorder::now() >= killAt_) {
            signalAll(SIGKILL);
            killAt_ = INT64_MAX;
        }
        if (!terminating_ && !broken)
            dispatch(closing);

        const bool allExited =
            std::all_of(workers_.begin(), workers_.end(), [](const auto& w) { return w->exited; });
        if (allExited && (terminating_ || broken || (closing && queueEmpty)))
            break;

        // Wait for a worker to say something, to take more of a frame, to end, or for a wake.
        std::vector<pollfd> fds;
        std::vector<std::pair<Worker*, bool>> owners; // (worker, is its pidfd)
        fds.push_back({wakeFd_, POLLIN, 0});
        owners.emplace_back(nullptr, false);
        bool needTick = false;
        for (auto& w : workers_) {
            if (w->exited)
                continue;
            if (!w->eof) {
                const short events = short(POLLIN | (w->outPos < w->out.size() ? POLLOUT : 0));
                fds.push_back({w->fd, events, 0});
                owners.emplace_back(w.get(), false);
            }
            if (w->pidfd >= 0) {
                fds.push_back({w->pidfd, POLLIN, 0});
                owners.emplace_back(w.get(), true);
            } else {
                needTick = true; // no pidfd: notice its end by looking every few ms
            }
        }
        int timeout = needTick ? 5 : -1;
        if (terminating_ && killAt_ != INT64_MAX)
            timeout = timeout < 0 ? 100 : std::min(timeout, 100);
        const int rc = ::poll(fds.data(), fds.size(), timeout);
        if (rc < 0 && errno != EINTR)
            break; // cannot happen with valid fds; leaving reaps below
        if (fds[0].revents != 0) {
            std::uint64_t count = 0;
            [[maybe_unused]] const ssize_t n = ::read(wakeFd_, &count, sizeof count);
        }
        for (std::size_t i = 1; i < fds.size(); ++i) {
            if (fds[i].revents == 0)
                continue;
            Worker& w = *owners[i].first;
            if (w.exited)
                continue;
            if (owners[i].second) {
                reap(w);
                continue;
            }
            if ((fds[i].revents & POLLOUT) != 0)
                flush(w);
            if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0)
                readFrom(w);
        }
        if (needTick) {
            for (auto& w : workers_)
                if (!w->exited && w->pidfd < 0 && detail::waitFor(w->pid, &w->status, false) != 0)
                    reap(*w);
        }
    }
    // Every worker has ended: their events are all in the buffer now.
    if (trace_ && options_.recorder != nullptr) {
        trace_->drainInto(*options_.recorder, true);
        std::lock_guard lock(mutex_);
        dropped_ = trace_->dropped();
    }
    trace_.reset();
}

bool WorkerProcesses::canStartMore() const {
    if (options_.start_all)
        return false;
    const auto live = std::count_if(workers_.begin(), workers_.end(),
                                    [](const auto& w) { return !w->exited && !w->eofSent; });
    return live < options_.processes;
}

void WorkerProcesses::dispatch(bool closing) {
    for (;;) {
        // The worker with the fewest jobs in flight (the first such: an idle one if any).
        Worker* least = nullptr;
        for (auto& w : workers_)
            if (!w->exited && !w->eof && !w->eofSent &&
                (least == nullptr || w->inflight.size() < least->inflight.size()))
                least = w.get();
        const bool idle = least != nullptr && least->inflight.empty();
        bool startOne = false;
        std::unique_ptr<Pending> job;
        {
            std::lock_guard lock(mutex_);
            if (queue_.empty())
                break;
            if (!idle) {
                // Start another worker rather than queue behind a busy one, as before; pipeline
                // only when no more may start.
                startOne = canStartMore();
                if (!startOne && (least == nullptr || !queue_.front()->job.pipeline ||
                                  least->inflight.size() >= kPipelineDepth))
                    break;
            }
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        if (job->job.start && !job->job.start())
            continue; // cancelled while queued; its future says so already
        if (startOne) {
            try {
                startWorker();
            } catch (const std::exception& e) {
                const std::string message = "cannot start a worker: " + std::string(e.what());
                fail(std::move(job), [&] {
                    return std::make_exception_ptr(BrokenExecutor(options_.broken_name, message));
                });
                breakAll(message);
                return;
            }
            least = workers_.back().get();
        }
        assign(*least, std::move(job));
    }
    for (auto& w : workers_)
        if (!w->exited && w->outPos < w->out.size())
            flush(*w);
    if (!closing)
        return;
    {
        std::lock_guard lock(mutex_);
        if (!queue_.empty())
            return;
    }
    // Closed and drained: idle workers get end of file and exit 0.
    for (auto& w : workers_)
        if (!w->exited && !w->eofSent && w->inflight.empty()) {
            ::shutdown(w->fd, SHUT_WR);
            w->eofSent = true;
        }
}

void WorkerProcesses::assign(Worker& w, std::unique_ptr<Pending> job) {
    if (job->job.bulk && job->job.bulk->id != w.bulkId) {
        w.fdMarks.push_back({w.outPos >= w.out.size() ? 0 : w.out.size(), job->job.bulk});
        w.bulkId = job->job.bulk->id;
    }
    if (w.outPos >= w.out.size()) {
        w.out.swap(job->wire); // nothing pending: take the frame as it is, no copy
        w.outPos = 0;
    } else {
        w.out.append(job->wire); // behind the frames still being sent
    }
    job->wire = std::string();
    w.inflight.push_back(std::move(job));
    // Sent by dispatch() once it has assigned all it can: one send for several frames.
}

void WorkerProcesses::flush(Worker& w) {
    while (w.outPos < w.out.size()) {
        // Up to the next frame that carries an fd, or with that fd.
        std::size_t end = w.out.size();
        int fd = -1;
        if (!w.fdMarks.empty()) {
            if (w.fdMarks.front().at == w.outPos)
                fd = w.fdMarks.front().bulk->memory.fd();
            else
                end = w.fdMarks.front().at;
        }
        const std::string_view data(w.out.data() + w.outPos, end - w.outPos);
        const ssize_t n = fd >= 0
                              ? detail::sendWithFd(w.fd, data, fd)
                              : ::send(w.fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0 && fd >= 0)
            w.fdMarks.pop_front();
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // the rest when poll says the worker took some
        if (n <= 0)
            break; // the worker is gone; its pidfd tells how
        w.outPos += std::size_t(n);
    }
    w.out.clear(); // keeps its capacity for the next frames
    w.outPos = 0;
    w.fdMarks.clear(); // none left, but for a worker that is gone
}

void WorkerProcesses::readFrom(Worker& w) {
    if (!w.eof && !w.reader.readFrom(w.fd))
        w.eof = true;
    detail::Message type{};
    std::string_view payload;
    while (!w.exited && w.reader.next(type, payload))
        handleMessage(w, int(type), payload);
}

void WorkerProcesses::handleMessage(Worker& w, int type, std::string_view payload) {
    TraceRecorder* rec = options_.recorder;
    switch (detail::Message(type)) {
    case detail::Message::Ready: {
        detail::Stamp stamp;
        if (!detail::decodeStamp(payload, stamp))
            return;
        w.ready = true;
        if (rec != nullptr)
            rec->slice(
                w.track, State::Spawning, w.startedAt, stamp.at, 0,
                rec->intern("start: " + std::string(startMethodName(options_.start_method))));
        return;
    }
    case detail::Message::Started: {
        detail::Stamp stamp;
        if (!detail::decodeStamp(payload, stamp) || w.inflight.empty() || rec == nullptr)
            return;
        const Pending& p = *w.inflight.front(); // a worker runs its jobs in order
        rec->asyncSlice(w.track, State::Queued, p.submitted, stamp.at, p.firstTask, p.label);
        rec->flow(rec->newFlowId(), options_.submitter_track, p.submitted, w.track, stamp.at,
                  p.firstTask);
        return;
    }
    case detail::Message::Printed: {
        detail::Stamp stamp;
        if (!detail::decodeStamp(payload, stamp))
            return;
        if (rec != nullptr)
            rec->instant(w.track, stamp.at, rec->intern(stamp.text),
                         w.inflight.empty() ? 0 : w.inflight.front()->firstTask);
        std::lock_guard lock(mutex_);
        output_.emplace_back(stamp.text);
        return;
    }
    case detail::Message::Result: {
        detail::ReplyView reply;
        if (!detail::decodeReply(payload, reply) || w.inflight.empty())
            return; // a result after terminate() failed its job already
        std::unique_ptr<Pending> job = std::move(w.inflight.front());
        w.inflight.pop_front();
        Outcome outcome;
        if (reply.bulk) {
            if (job->job.bulk)
                reply.values =
                    reinterpret_cast<const char*>(job->job.bulk->values() + job->job.bulk_results);
            else
                reply.count = 0; // cannot happen; reported as a short result below
        }
        if (job->job.out != nullptr) {
            reply.copyValues(job->job.out, std::min(reply.count, job->job.count));
        } else {
            outcome.values.resize(reply.count);
            reply.copyValues(outcome.values.data(), reply.count);
        }
        // The region goes back (to the cache, once the map lets go of it too) before the
        // caller is woken: a map that returns has no job holding its region any more.
        job->job.bulk.reset();
        if (reply.failed)
            outcome.error = std::make_exception_ptr(TaskError(std::string(reply.error)));
        else if (reply.count != job->job.count)
            outcome.error = std::make_exception_ptr(
                std::runtime_error("a worker returned a short result for " + job->what));
        job->job.done(std::move(outcome));
        return;
    }
    case detail::Message::Task:
        return;
    }
}

void WorkerProcesses::reap(Worker& w) {
    readFrom(w); // it has ended: everything it wrote is in the socket
    if (detail::waitFor(w.pid, &w.status, true) < 0)
        w.status = 0;
    w.exited = true;
    ::close(w.fd);
    if (w.pidfd >= 0)
        ::close(w.pidfd);
    w.fd = w.pidfd = -1;
    {
        std::lock_guard lock(mutex_);
        pids_.erase(std::remove(pids_.begin(), pids_.end(), w.pid), pids_.end());
    }
    handleExit(w);
}

void WorkerProcesses::handleExit(Worker& w) {
    bool broken = false;
    bool closing = false;
    {
        std::lock_guard lock(mutex_);
        broken = !broken_.empty();
        closing = closed_;
    }
    const bool clean = WIFEXITED(w.status) && WEXITSTATUS(w.status) == 0;
    if (terminating_ || broken || (w.eofSent && clean && w.inflight.empty())) {
        failInflight(w, terminatedError);
        return;
    }
    const std::string message = w.describe() + " " + detail::describeExit(w.status);
    // A worker that died before it ran at all would die again if replaced: break instead.
    if (!options_.respawn || !w.ready) {
        breakAll(message);
        return;
    }
    // Every job it had: the one it ran and those sent behind it.
    std::deque<std::unique_ptr<Pending>> lost;
    lost.swap(w.inflight);
    for (auto& p : lost) {
        const std::string what = message + " while running " + p->what;
        fail(std::move(p), [&] { return std::make_exception_ptr(WorkerDiedError(what)); });
    }
    bool queued = false;
    {
        std::lock_guard lock(mutex_);
        queued = !queue_.empty();
    }
    if (closing && !queued)
        return;
    try {
        startWorker(); // as Python's Pool keeps its number of workers
    } catch (const std::exception& e) {
        breakAll(message + "; cannot start another: " + e.what());
    }
}

void WorkerProcesses::breakAll(const std::string& message) {
    {
        std::lock_guard lock(mutex_);
        if (broken_.empty())
            broken_ = message;
    }
    failAll([&] { return std::make_exception_ptr(BrokenExecutor(options_.broken_name, message)); });
    signalAll(SIGTERM); // as Python terminates the others when its pool breaks
}

void WorkerProcesses::failAll(const MakeError& makeError) {
    std::deque<std::unique_ptr<Pending>> queued;
    {
        std::lock_guard lock(mutex_);
        queued.swap(queue_);
    }
    for (auto& w : workers_)
        failInflight(*w, makeError);
    for (auto& p : queued)
        if (!p->job.start || p->job.start()) // a cancelled future stays cancelled
            fail(std::move(p), makeError);
}

void WorkerProcesses::failInflight(Worker& w, const MakeError& makeError) {
    // Moved out first: a done callback may call back in.
    std::deque<std::unique_ptr<Pending>> jobs;
    jobs.swap(w.inflight);
    for (auto& p : jobs)
        fail(std::move(p), makeError);
}

void WorkerProcesses::fail(std::unique_ptr<Pending> job, const MakeError& makeError) {
    if (job->job.bulk) {
        job->job.bulk->reusable = false;
        job->job.bulk.reset(); // before the caller wakes, as for a result
    }
    Outcome outcome;
    outcome.error = makeError();
    job->job.done(std::move(outcome));
}

void WorkerProcesses::signalAll(int sig) {
    for (auto& w : workers_)
        if (!w->exited && !detail::pidfdSignal(w->pidfd, sig))
            ::kill(w->pid, sig);
}

void WorkerProcesses::reapUnhandled() {
    for (auto& w : workers_) {
        if (w->exited)
            continue;
        ::kill(w->pid, SIGKILL);
        detail::waitFor(w->pid, &w->status, true);
        w->exited = true;
        ::close(w->fd);
        if (w->pidfd >= 0)
            ::close(w->pidfd);
        std::lock_guard lock(mutex_);
        pids_.erase(std::remove(pids_.begin(), pids_.end(), w->pid), pids_.end());
    }
    trace_.reset();
}

Future<long long> WorkerProcesses::submitCall(std::string_view name, std::vector<long long> args) {
    Future<long long> future;
    Job job;
    job.name = std::string(name);
    job.arity = std::uint32_t(args.size());
    job.count = 1;
    job.args = std::move(args);
    job.start = [future]() mutable { return future.set_running_or_notify_cancel(); };
    job.done = [future](Outcome&& outcome) mutable {
        if (outcome.error)
            future.set_exception(std::move(outcome.error));
        else
            future.set_result(outcome.values.at(0));
    };
    job.cancel = [future]() mutable { future.cancel(); };
    std::vector<Job> jobs;
    jobs.push_back(std::move(job));
    submit(std::move(jobs));
    return future;
}

} // namespace tasklane
