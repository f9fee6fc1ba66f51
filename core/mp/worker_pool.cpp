#include "mp/worker_pool.h"

#include "concurrency/python_error.h"
#include "mp/shared_trace_buffer.h"
#include "mp/task_registry.h"
#include "mp/worker_channel.h"
#include "mp/worker_protocol.h"
#include "trace/trace_recorder.h"

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <stdexcept>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>

namespace tasklane {

namespace {
constexpr std::int64_t kTerminateGraceNs = 1'000'000'000; // SIGTERM, then SIGKILL after this

// Tasklane's own: Python's Pool leaves such a task waiting forever.
std::exception_ptr terminatedError() {
    return std::make_exception_ptr(
        std::runtime_error("the pool was terminated before the task finished"));
}

const WorkerPool::InRegion* inRegion(const WorkerPool::Job& job) {
    return std::get_if<WorkerPool::InRegion>(&job.args);
}
} // namespace

// A job on its way: queued, then running on one worker.
struct WorkerPool::Pending {
    Job job;
    std::string wire; // the encoded Task frame, until it is handed to a worker
    std::uint64_t id = 0;
    std::string what; // "square(3)", or "square(1)..square(4)" for a chunk
    std::int64_t submitted = 0;
    std::uint32_t firstTask = 0;
    std::uint32_t label = 0;
};

struct WorkerPool::Worker {
    Worker(int index, const detail::Launched& child, std::uint32_t track, std::int64_t startedAt)
        : index(index)
        , pid(child.pid)
        , pidfd(child.pidfd)
        , track(track)
        , startedAt(startedAt)
        , channel(child.fd) {}

    int index = 0;
    int pid = -1;
    int pidfd = -1;
    std::uint32_t track = 0;
    std::int64_t startedAt = 0;
    bool ready = false;  // it said Ready
    bool exited = false; // reaped
    int status = 0;
    std::deque<std::unique_ptr<Pending>> inflight; // sent, in order; the front one runs
    WorkerChannel channel;

    // Neither ended nor told to end: it may be given work.
    bool open() const { return !exited && !channel.eof() && !channel.eofSent(); }
    std::string describe() const {
        return "worker " + std::to_string(index) + " (pid " + std::to_string(pid) + ")";
    }
};

WorkerPool::WorkerPool(WorkerPoolOptions options, Policy policy)
    : options_(std::move(options))
    , policy_(policy) {
    assert(policy_.processes >= 1 && policy_.not_running != nullptr && policy_.broken != nullptr);
    wakeFd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wakeFd_ < 0)
        throw std::system_error(errno, std::generic_category(), "eventfd");
}

WorkerPool::~WorkerPool() {
    terminate();
    join();
    ::close(wakeFd_);
}

std::unique_ptr<WorkerPool::Pending> WorkerPool::prepare(Job job) {
    auto p = std::make_unique<Pending>();
    {
        std::lock_guard lock(mutex_);
        p->id = nextJob_++;
    }
    const std::uint32_t arity = job.arity;
    const std::size_t values = std::size_t(job.count) * arity;
    const InRegion* in = inRegion(job);
    // The values label the job (and, outside a region, travel in its frame).
    const std::span<const long long> args =
        in != nullptr ? std::span<const long long>(in->region->values() + in->args_at, values)
                      : std::get<std::span<const long long>>(job.args).first(values);
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
    if (in != nullptr) {
        where.id = in->region->id;
        where.args_at = in->args_at;
        where.results_at = in->results_at;
    }
    detail::appendTask(p->wire, p->id, job.name, job.count, arity, args, tasks, labels,
                       in != nullptr ? &where : nullptr);
    if (in == nullptr)
        job.args = std::span<const long long>(); // the caller's, valid during submit() only
    p->job = std::move(job);
    return p;
}

void WorkerPool::start() {
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
    if (policy_.start_all) {
        try {
            for (int i = 0; i < policy_.processes; ++i)
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

void WorkerPool::startWorker() {
    const int index = nextIndex_++;
    const std::string name = options_.name_prefix + " " + std::to_string(index);
    TraceRecorder* rec = options_.recorder;
    detail::LaunchSpec spec;
    spec.method = options_.start_method;
    spec.setup.name = name;
    spec.setup.shared_value = options_.shared_value;
    std::uint32_t track = 0;
    if (rec != nullptr) {
        track = rec->addTrack(TrackKind::Process, name, 0, 0);
        spec.setup.recorder = rec;
        spec.setup.track = track;
        spec.trace = trace_.get();
    }
    const std::int64_t startedAt = TraceRecorder::now();
    detail::Launched child;
    try {
        child = detail::launch(spec);
    } catch (...) {
        if (rec != nullptr)
            rec->updateTrack(track, 0, 0, name + " (failed to start)");
        throw;
    }
    if (rec != nullptr)
        rec->updateTrack(track, child.pid, child.pid,
                         name + " (pid " + std::to_string(child.pid) + ")");
    {
        std::lock_guard lock(mutex_);
        pids_.push_back(child.pid);
    }
    workers_.push_back(std::make_unique<Worker>(index, child, track, startedAt));
}

void WorkerPool::submit(std::vector<Job> jobs) {
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
            std::rethrow_exception(policy_.broken(broken_));
        if (closed_ || terminate_)
            std::rethrow_exception(policy_.not_running());
        for (auto& p : prepared)
            queue_.push_back(std::move(p));
    }
    wake();
}

void WorkerPool::submitChunked(std::size_t count, std::size_t chunksize,
                               const std::function<Job(std::size_t, std::size_t)>& makeJob) {
    std::vector<Job> jobs;
    std::size_t batch = std::size_t(policy_.processes);
    for (std::size_t first = 0; first < count; first += chunksize) {
        const std::size_t n = std::min(chunksize, count - first);
        jobs.push_back(makeJob(first, n));
        if (jobs.size() >= batch || first + n >= count) {
            submit(std::move(jobs));
            jobs.clear();
            batch *= 2;
        }
    }
}

Future<long long> WorkerPool::submitCall(std::string_view name, std::span<const long long> args) {
    Future<long long> future;
    Job job;
    job.name = std::string(name);
    job.arity = std::uint32_t(args.size());
    job.count = 1;
    job.args = args; // encoded by submit(), before this returns
    completes(job, future);
    std::vector<Job> jobs;
    jobs.push_back(std::move(job));
    submit(std::move(jobs));
    return future;
}

void WorkerPool::checkRunning() const {
    std::lock_guard lock(mutex_);
    if (closed_ || terminate_)
        std::rethrow_exception(policy_.not_running());
}

void WorkerPool::close(bool cancel_queued) {
    std::deque<std::unique_ptr<Pending>> queued;
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        if (cancel_queued)
            queued.swap(queue_);
    }
    // Outside the lock: cancelling runs done callbacks, which may call back in.
    for (auto& p : queued)
        if (p->job.cancel)
            p->job.cancel();
    wake();
}

void WorkerPool::terminate() {
    {
        std::lock_guard lock(mutex_);
        terminate_ = true;
    }
    wake();
}

bool WorkerPool::join() {
    std::lock_guard startLock(startMutex_);
    {
        std::lock_guard lock(mutex_);
        if (!closed_ && !terminate_)
            return false;
    }
    // A done callback (on the handler thread) that shuts the pool down cannot wait for itself.
    if (handler_.joinable() && handler_.get_id() != std::this_thread::get_id()) {
        const std::int64_t joining = TraceRecorder::now();
        handler_.join();
        // Waiting for the workers to exit is part of the run: unrecorded, a chart of a pool
        // ends in an empty tail that the makespan still counts.
        if (TraceRecorder* rec = options_.recorder)
            rec->slice(options_.submitter_track, State::Sleeping, joining, TraceRecorder::now(), 0,
                       rec->intern("shutdown (join workers)"));
    }
    return true;
}

std::vector<int> WorkerPool::pids() const {
    std::lock_guard lock(mutex_);
    return pids_;
}

std::vector<std::string> WorkerPool::output() const {
    std::lock_guard lock(mutex_);
    return output_;
}

std::uint64_t WorkerPool::droppedTraceEvents() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

void WorkerPool::wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wakeFd_, &one, sizeof one);
}

void WorkerPool::run() {
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
        if (!pollWorkers())
            break; // cannot happen with valid fds; leaving reaps below
    }
    // Every worker has ended: their events are all in the buffer now.
    if (trace_ && options_.recorder != nullptr) {
        trace_->drainInto(*options_.recorder, true);
        std::lock_guard lock(mutex_);
        dropped_ = trace_->dropped();
    }
    trace_.reset();
}

// Waits for a worker to say something, to take more of a frame, to end, or for a wake, and
// handles what came. False if poll() failed.
bool WorkerPool::pollWorkers() {
    std::vector<pollfd> fds;
    std::vector<std::pair<Worker*, bool>> owners; // (worker, is its pidfd)
    fds.push_back({wakeFd_, POLLIN, 0});
    owners.emplace_back(nullptr, false);
    bool needTick = false;
    for (auto& w : workers_) {
        if (w->exited)
            continue;
        if (!w->channel.eof()) {
            const short events = short(POLLIN | (w->channel.hasUnsent() ? POLLOUT : 0));
            fds.push_back({w->channel.fd(), events, 0});
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
        return false;
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
            w.channel.flush();
        if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0)
            readFrom(w);
    }
    if (needTick) {
        for (auto& w : workers_)
            if (!w->exited && w->pidfd < 0 && detail::waitFor(w->pid, &w->status, false) != 0)
                reap(*w);
    }
    return true;
}

bool WorkerPool::canStartMore() const {
    if (policy_.start_all)
        return false;
    const auto live = std::count_if(workers_.begin(), workers_.end(), [](const auto& w) {
        return !w->exited && !w->channel.eofSent();
    });
    return live < policy_.processes;
}

void WorkerPool::dispatch(bool closing) {
    for (;;) {
        // The worker with the fewest jobs in flight (the first such: an idle one if any).
        Worker* least = nullptr;
        for (auto& w : workers_)
            if (w->open() && (least == nullptr || w->inflight.size() < least->inflight.size()))
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
                fail(std::move(job), [&] { return policy_.broken(message); });
                breakAll(message);
                return;
            }
            least = workers_.back().get();
        }
        assign(*least, std::move(job));
    }
    for (auto& w : workers_)
        if (!w->exited && w->channel.hasUnsent())
            w->channel.flush(); // one send for all the frames assigned above
    if (!closing)
        return;
    {
        std::lock_guard lock(mutex_);
        if (!queue_.empty())
            return;
    }
    // Closed and drained: idle workers get end of file and exit 0.
    for (auto& w : workers_)
        if (!w->exited && !w->channel.eofSent() && w->inflight.empty())
            w->channel.sendEof();
}

void WorkerPool::assign(Worker& w, std::unique_ptr<Pending> job) {
    const InRegion* in = inRegion(job->job);
    w.channel.queue(job->wire, in != nullptr ? in->region : nullptr);
    w.inflight.push_back(std::move(job));
    // Sent by dispatch() once it has assigned all it can: one send for several frames.
}

void WorkerPool::readFrom(Worker& w) {
    w.channel.receive();
    detail::Message type{};
    std::string_view payload;
    while (!w.exited && w.channel.next(type, payload))
        handleMessage(w, int(type), payload);
}

void WorkerPool::handleMessage(Worker& w, int type, std::string_view payload) {
    TraceRecorder* rec = options_.recorder;
    detail::Stamp stamp;
    switch (detail::Message(type)) {
    case detail::Message::Ready:
        if (!detail::decodeStamp(payload, stamp))
            return;
        w.ready = true;
        if (rec != nullptr)
            rec->slice(
                w.track, State::Spawning, w.startedAt, stamp.at, 0,
                rec->intern("start: " + std::string(startMethodName(options_.start_method))));
        return;
    case detail::Message::Started: {
        if (!detail::decodeStamp(payload, stamp) || w.inflight.empty() || rec == nullptr)
            return;
        const Pending& p = *w.inflight.front(); // a worker runs its jobs in order
        rec->asyncSlice(w.track, State::Queued, p.submitted, stamp.at, p.firstTask, p.label);
        rec->flow(rec->newFlowId(), options_.submitter_track, p.submitted, w.track, stamp.at,
                  p.firstTask);
        return;
    }
    case detail::Message::Printed: {
        if (!detail::decodeStamp(payload, stamp))
            return;
        if (rec != nullptr)
            rec->instant(w.track, stamp.at, rec->intern(stamp.text),
                         w.inflight.empty() ? 0 : w.inflight.front()->firstTask);
        std::lock_guard lock(mutex_);
        output_.emplace_back(stamp.text);
        return;
    }
    case detail::Message::Result:
        handleResult(w, payload);
        return;
    case detail::Message::Task:
        return;
    }
}

void WorkerPool::handleResult(Worker& w, std::string_view payload) {
    detail::ReplyView reply;
    if (!detail::decodeReply(payload, reply) || w.inflight.empty())
        return; // a result after terminate() failed its job already
    std::unique_ptr<Pending> job = std::move(w.inflight.front());
    w.inflight.pop_front();
    Outcome outcome;
    if (!reply.bulk) {
        outcome.values = Values(reply.values, reply.count);
    } else if (const InRegion* in = inRegion(job->job)) {
        outcome.values = Values(
            reinterpret_cast<const char*>(in->region->values() + in->results_at), reply.count);
    } // else: cannot happen; reported as a short result below
    // The job lets go of its region before the caller is woken (see InRegion): a map that
    // returns has no job holding its region any more.
    job->job.args = std::span<const long long>();
    if (reply.failed)
        outcome.error = std::make_exception_ptr(TaskError(std::string(reply.error)));
    else if (outcome.values.size() != job->job.count)
        outcome.error = std::make_exception_ptr(
            std::runtime_error("a worker returned a short result for " + job->what));
    job->job.done(std::move(outcome));
}

void WorkerPool::reap(Worker& w) {
    readFrom(w); // it has ended: everything it wrote is in the socket
    if (detail::waitFor(w.pid, &w.status, true) < 0)
        w.status = 0;
    w.exited = true;
    w.channel.close();
    if (w.pidfd >= 0)
        ::close(w.pidfd);
    w.pidfd = -1;
    {
        std::lock_guard lock(mutex_);
        pids_.erase(std::remove(pids_.begin(), pids_.end(), w.pid), pids_.end());
    }
    handleExit(w);
}

void WorkerPool::handleExit(Worker& w) {
    bool broken = false;
    bool closing = false;
    {
        std::lock_guard lock(mutex_);
        broken = !broken_.empty();
        closing = closed_;
    }
    const bool clean = WIFEXITED(w.status) && WEXITSTATUS(w.status) == 0;
    if (terminating_ || broken || (w.channel.eofSent() && clean && w.inflight.empty())) {
        failInflight(w, terminatedError);
        return;
    }
    const std::string message = w.describe() + " " + detail::describeExit(w.status);
    // A worker that died before it ran at all would die again if replaced: break instead.
    if (!policy_.respawn || !w.ready) {
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

void WorkerPool::breakAll(const std::string& message) {
    {
        std::lock_guard lock(mutex_);
        if (broken_.empty())
            broken_ = message;
    }
    failAll([&] { return policy_.broken(message); });
    signalAll(SIGTERM); // as Python terminates the others when its pool breaks
}

void WorkerPool::failAll(const MakeError& makeError) {
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

void WorkerPool::failInflight(Worker& w, const MakeError& makeError) {
    // Moved out first: a done callback may call back in.
    std::deque<std::unique_ptr<Pending>> jobs;
    jobs.swap(w.inflight);
    for (auto& p : jobs)
        fail(std::move(p), makeError);
}

void WorkerPool::fail(std::unique_ptr<Pending> job, const MakeError& makeError) {
    if (const InRegion* in = inRegion(job->job)) {
        in->region->reusable = false;
        job->job.args = std::span<const long long>(); // before the caller wakes, as for a result
    }
    Outcome outcome;
    outcome.error = makeError();
    job->job.done(std::move(outcome));
}

void WorkerPool::signalAll(int sig) {
    for (auto& w : workers_)
        if (!w->exited && !detail::pidfdSignal(w->pidfd, sig))
            ::kill(w->pid, sig);
}

void WorkerPool::reapUnhandled() {
    for (auto& w : workers_) {
        if (w->exited)
            continue;
        ::kill(w->pid, SIGKILL);
        detail::waitFor(w->pid, &w->status, true);
        w->exited = true;
        w->channel.close();
        if (w->pidfd >= 0)
            ::close(w->pidfd);
        w->pidfd = -1;
        std::lock_guard lock(mutex_);
        pids_.erase(std::remove(pids_.begin(), pids_.end(), w->pid), pids_.end());
    }
    trace_.reset();
}

} // namespace tasklane
