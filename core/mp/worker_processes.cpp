#include "mp/worker_processes.h"

#include "futures/errors.h"
#include "mp/errors.h"
#include "mp/shared_trace_buffer.h"
#include "mp/worker_protocol.h"
#include "trace/trace_recorder.h"
#include "workload/task_registry.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <stdexcept>
#include <sys/eventfd.h>
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
    std::string wire; // the encoded Task frame
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
    std::unique_ptr<Pending> current;
    std::string out; // what is left to send of the current job's frame
    std::size_t outPos = 0;
    detail::FrameReader reader;

    std::string describe() const {
        return "worker " + std::to_string(index) + " (pid " + std::to_string(pid) + ")";
    }
};

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
    detail::TaskRequest request;
    {
        std::lock_guard lock(mutex_);
        request.job = nextJob_++;
    }
    request.name = job.name;
    request.count = job.count;
    request.arity = job.arity;
    request.args = std::move(job.args);
    p->what = TaskRegistry::label(job.name, request.argsOf(0));
    if (job.count > 1)
        p->what += ".." + TaskRegistry::label(job.name, request.argsOf(job.count - 1));
    if (TraceRecorder* rec = options_.recorder) {
        // Labels are interned here, in the parent: a child cannot add to the string table.
        request.tasks.resize(job.count);
        request.labels.resize(job.count);
        for (std::uint32_t i = 0; i < job.count; ++i) {
            request.tasks[i] = rec->newTaskId();
            request.labels[i] = job.count == 1
                                    ? rec->intern(p->what)
                                    : rec->intern(TaskRegistry::label(job.name, request.argsOf(i)));
        }
        p->firstTask = request.tasks[0];
        p->label = job.count == 1 ? request.labels[0] : rec->intern(p->what);
        p->submitted = TraceRecorder::now();
    }
    p->wire = detail::encode(request);
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
                broken_ = options_.broken_prefix + ": cannot start a worker: " + e.what();
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
            throw BrokenExecutor(broken_);
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

std::string WorkerProcesses::brokenMessage() const {
    std::lock_guard lock(mutex_);
    return broken_;
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
        Worker* idle = nullptr;
        for (auto& w : workers_)
            if (!w->exited && !w->eof && !w->eofSent && !w->current) {
                idle = w.get();
                break;
            }
        std::unique_ptr<Pending> job;
        {
            std::lock_guard lock(mutex_);
            if (queue_.empty() || (idle == nullptr && !canStartMore()))
                break;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        if (job->job.start && !job->job.start())
            continue; // cancelled while queued; its future says so already
        if (idle == nullptr) {
            try {
                startWorker();
            } catch (const std::exception& e) {
                const std::string message = "cannot start a worker: " + std::string(e.what());
                const std::string full = options_.broken_prefix + ": " + message;
                fail(std::move(job), [&] { return std::make_exception_ptr(BrokenExecutor(full)); });
                breakAll(message);
                return;
            }
            idle = workers_.back().get();
        }
        assign(*idle, std::move(job));
    }
    if (!closing)
        return;
    {
        std::lock_guard lock(mutex_);
        if (!queue_.empty())
            return;
    }
    // Closed and drained: idle workers get end of file and exit 0.
    for (auto& w : workers_)
        if (!w->exited && !w->eofSent && !w->current) {
            ::shutdown(w->fd, SHUT_WR);
            w->eofSent = true;
        }
}

void WorkerProcesses::assign(Worker& w, std::unique_ptr<Pending> job) {
    w.out = std::move(job->wire);
    w.outPos = 0;
    w.current = std::move(job);
    flush(w);
}

void WorkerProcesses::flush(Worker& w) {
    while (w.outPos < w.out.size()) {
        const ssize_t n = ::send(w.fd, w.out.data() + w.outPos, w.out.size() - w.outPos,
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // the rest when poll says the worker took some
        if (n <= 0)
            break; // the worker is gone; its pidfd tells how
        w.outPos += std::size_t(n);
    }
    w.out.clear();
    w.out.shrink_to_fit();
    w.outPos = 0;
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
        if (!detail::decodeStamp(payload, stamp) || !w.current || rec == nullptr)
            return;
        const Pending& p = *w.current;
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
                         w.current ? w.current->firstTask : 0);
        std::lock_guard lock(mutex_);
        output_.emplace_back(stamp.text);
        return;
    }
    case detail::Message::Result: {
        detail::TaskReply reply;
        if (!detail::decode(payload, reply) || !w.current)
            return; // a result after terminate() failed its job already
        std::unique_ptr<Pending> job = std::move(w.current);
        Outcome outcome;
        outcome.values = std::move(reply.values);
        if (reply.failed)
            outcome.error = std::make_exception_ptr(TaskError(reply.error));
        else if (outcome.values.size() != job->job.count)
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
    if (terminating_ || broken || (w.eofSent && clean && !w.current)) {
        if (w.current)
            fail(std::move(w.current), terminatedError);
        return;
    }
    const std::string message = w.describe() + " " + detail::describeExit(w.status);
    // A worker that died before it ran at all would die again if replaced: break instead.
    if (!options_.respawn || !w.ready) {
        breakAll(message);
        return;
    }
    if (w.current) {
        const std::string what = message + " while running " + w.current->what;
        fail(std::move(w.current), [&] { return std::make_exception_ptr(WorkerDiedError(what)); });
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
    const std::string full = options_.broken_prefix + ": " + message;
    {
        std::lock_guard lock(mutex_);
        if (broken_.empty())
            broken_ = full;
    }
    failAll([&] { return std::make_exception_ptr(BrokenExecutor(full)); });
    signalAll(SIGTERM); // as Python terminates the others when its pool breaks
}

void WorkerProcesses::failAll(const MakeError& makeError) {
    std::deque<std::unique_ptr<Pending>> queued;
    {
        std::lock_guard lock(mutex_);
        queued.swap(queue_);
    }
    for (auto& w : workers_)
        if (w->current)
            fail(std::move(w->current), makeError);
    for (auto& p : queued)
        if (!p->job.start || p->job.start()) // a cancelled future stays cancelled
            fail(std::move(p), makeError);
}

void WorkerProcesses::fail(std::unique_ptr<Pending> job, const MakeError& makeError) {
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

} // namespace tasklane
