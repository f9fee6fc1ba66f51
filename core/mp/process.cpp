#include "mp/process.h"

#include "concurrency/python_error.h"
#include "mp/shared_trace_buffer.h"
#include "mp/worker_protocol.h"
#include "trace/trace_recorder.h"

#include <atomic>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace tasklane {

namespace {
std::atomic<int> g_processNumber{0};

std::string defaultName(const std::string& given) {
    return given.empty() ? "worker " + std::to_string(++g_processNumber) : given;
}
} // namespace

std::string workerExecutablePath() {
    if (const char* env = std::getenv("TASKLANE_WORKER"); env != nullptr && *env != '\0')
        return env;
    char self[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
        std::string path(self, std::size_t(n));
        path = path.substr(0, path.rfind('/') + 1) + "tasklane-worker";
        if (::access(path.c_str(), X_OK) == 0)
            return path;
    }
#ifdef TASKLANE_WORKER_BUILD_PATH
    return TASKLANE_WORKER_BUILD_PATH;
#else
    return "tasklane-worker";
#endif
}

struct Process::Reader {
    detail::FrameReader frames;
};

Process::Process(TaskCall target)
    : Process(std::move(target), Options()) {}

Process::Process(std::function<void()> target)
    : Process(std::move(target), Options()) {}

Process::Process(TaskCall target, Options options)
    : call_(std::move(target))
    , options_(std::move(options))
    , name_(defaultName(options_.name)) {
    TaskRegistry::check(call_.name, call_.args.size());
}

Process::Process(std::function<void()> target, Options options)
    : function_(std::move(target))
    , options_(std::move(options))
    , name_(defaultName(options_.name)) {
    if (!function_)
        throw std::invalid_argument("Process: the target is empty");
    if (options_.start_method != StartMethod::Fork)
        throw std::invalid_argument("a function target needs the fork start method; " +
                                    std::string(startMethodName(options_.start_method)) +
                                    " runs registered tasks only (a TaskCall)");
}

Process::~Process() {
    if (started_ && !reaped_) {
        signal(SIGTERM);
        if (!detail::waitExit(pid_, pidfd_, 1000, &status_)) {
            signal(SIGKILL);
            detail::waitExit(pid_, pidfd_, -1, &status_);
        }
        reaped_ = true;
    }
    try {
        if (started_)
            finish();
    } catch (...) {
        // Out of memory while recording the trace; the fds are closed regardless below.
    }
    if (fd_ >= 0)
        ::close(fd_);
    if (pidfd_ >= 0)
        ::close(pidfd_);
}

void Process::start() {
    if (started_)
        throw AssertionError("cannot start a process twice");
    TraceRecorder* rec = options_.recorder;
    detail::LaunchSpec spec;
    spec.method = options_.start_method;
    spec.setup.single = true;
    spec.setup.name = name_;
    spec.setup.shared_value = options_.shared_value;
    if (rec != nullptr) {
        trace_ = std::make_unique<SharedTraceBuffer>(options_.trace_capacity > 0
                                                         ? options_.trace_capacity
                                                         : SharedTraceBuffer::kDefaultCapacity);
        // Registered before the child exists, which records on it from its first moment.
        track_ = rec->addTrack(TrackKind::Process, name_, 0, 0);
        task_ = rec->newTaskId();
        label_ = rec->intern(function_ ? std::string("target()") : call_.label());
        spec.setup.recorder = rec;
        spec.setup.track = track_;
        spec.trace = trace_.get();
    }
    if (function_) {
        spec.function = &function_;
        spec.function_task = task_;
        spec.function_label = label_;
        spec.close_other_fds = false; // the function may use what the parent opened
    }
    startedAt_ = TraceRecorder::now();
    detail::Launched child;
    try {
        child = detail::launch(spec);
    } catch (...) {
        if (rec != nullptr)
            rec->updateTrack(track_, 0, 0, name_ + " (failed to start)");
        trace_.reset();
        throw;
    }
    pid_ = child.pid;
    fd_ = child.fd;
    pidfd_ = child.pidfd;
    started_ = true;
    reader_ = std::make_unique<Reader>();
    if (rec != nullptr)
        rec->updateTrack(track_, pid_, pid_, name_ + " (pid " + std::to_string(pid_) + ")");
    if (!function_) {
        detail::TaskRequest request;
        request.name = call_.name;
        request.count = 1;
        request.arity = std::uint32_t(call_.args.size());
        request.args = call_.args;
        if (rec != nullptr) {
            request.tasks = {task_};
            request.labels = {label_};
        }
        // If the child died already, join() reports how; nothing to do about it here.
        detail::sendAll(fd_, detail::encode(request));
        ::shutdown(fd_, SHUT_WR); // one task: the worker exits after it
    }
}

void Process::join() {
    wait(std::nullopt);
}

bool Process::join(std::chrono::nanoseconds timeout) {
    return wait(TraceRecorder::now() + std::max<std::int64_t>(0, timeout.count()));
}

bool Process::wait(std::optional<std::int64_t> deadline) {
    if (!started_)
        throw AssertionError("can only join a started process");
    while (!reaped_) {
        const int rc = detail::waitFor(pid_, &status_, false);
        if (rc == pid_ || rc < 0) {
            reaped_ = true;
            break;
        }
        int waitMs = -1;
        if (deadline) {
            const std::int64_t left = *deadline - TraceRecorder::now();
            if (left <= 0)
                return false;
            waitMs = int(std::min<std::int64_t>((left + 999'999) / 1'000'000, INT_MAX));
        }
        if (pidfd_ < 0) // no pidfd to wake us: look again every few milliseconds
            waitMs = waitMs < 0 ? 5 : std::min(waitMs, 5);
        // Reading while waiting: a child that prints more than the socket holds would block.
        pollfd fds[2];
        nfds_t n = 0;
        if (!eof_)
            fds[n++] = {fd_, POLLIN, 0};
        if (pidfd_ >= 0)
            fds[n++] = {pidfd_, POLLIN, 0};
        ::poll(fds, n, waitMs);
        if (!eof_ && fds[0].revents != 0)
            readMessages();
    }
    finish();
    return true;
}

void Process::readMessages() {
    if (fd_ < 0 || !reader_)
        return;
    if (!eof_ && !reader_->frames.readFrom(fd_))
        eof_ = true;
    TraceRecorder* rec = options_.recorder;
    detail::Message type{};
    std::string_view payload;
    while (reader_->frames.next(type, payload)) {
        if (type == detail::Message::Ready) {
            detail::Stamp stamp;
            if (detail::decodeStamp(payload, stamp))
                readyAt_ = stamp.at;
        } else if (type == detail::Message::Printed) {
            detail::Stamp stamp;
            if (!detail::decodeStamp(payload, stamp))
                continue;
            output_.emplace_back(stamp.text);
            if (rec != nullptr)
                rec->instant(track_, stamp.at, rec->intern(stamp.text), task_);
        } else if (type == detail::Message::Result) {
            detail::TaskReply reply;
            if (!detail::decode(payload, reply))
                continue;
            if (reply.failed)
                error_ = reply.error;
            else if (!reply.values.empty())
                result_ = reply.values.front();
            else if (function_)
                result_ = 0;
        }
    }
}

void Process::finish() {
    if (finished_)
        return;
    finished_ = true;
    readMessages(); // the child is gone: all it wrote is in the socket
    if (fd_ >= 0)
        ::close(fd_);
    if (pidfd_ >= 0)
        ::close(pidfd_);
    fd_ = pidfd_ = -1;
    reader_.reset();
    if (TraceRecorder* rec = options_.recorder; rec != nullptr && trace_) {
        // A child that died before it ran spawned until it was found dead.
        const std::int64_t end = readyAt_ > 0 ? readyAt_ : TraceRecorder::now();
        rec->slice(track_, State::Spawning, startedAt_, end, task_,
                   rec->intern("start: " + std::string(startMethodName(options_.start_method))));
        trace_->drainInto(*rec, true);
    }
    trace_.reset();
}

std::optional<int> Process::exitcode() {
    if (!started_ || is_alive())
        return std::nullopt;
    return detail::exitCodeOf(status_);
}

bool Process::is_alive() {
    if (!started_ || reaped_)
        return false;
    const int rc = detail::waitFor(pid_, &status_, false);
    if (rc == 0)
        return true;
    reaped_ = true;
    finish();
    return false;
}

void Process::terminate() {
    signal(SIGTERM);
}

void Process::kill() {
    signal(SIGKILL);
}

void Process::signal(int sig) {
    // Until reaped the pid cannot be reused (a zombie keeps it), so the signal reaches ours.
    if (!started_ || reaped_)
        return;
    if (!detail::pidfdSignal(pidfd_, sig))
        ::kill(pid_, sig);
}

} // namespace tasklane
