#include "mp/worker_protocol.h"

#include "mp/process.h"
#include "mp/shared_trace_buffer.h"
#include "mp/shared_value.h"
#include "trace/trace_recorder.h"
#include "workload/task_context.h"
#include "workload/task_registry.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cxxabi.h>
#include <exception>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <system_error>
#include <type_traits>
#include <typeinfo>
#include <unistd.h>

extern char** environ;

namespace tasklane::detail {

namespace {

constexpr std::size_t kHeaderSize = 8;
constexpr std::uint32_t kMaxPayload = 1u << 30;

class Encoder {
public:
    explicit Encoder(Message type)
        : buffer_(kHeaderSize, '\0') {
        const auto t = static_cast<std::uint32_t>(type);
        std::memcpy(buffer_.data(), &t, sizeof t);
    }
    template <class T> Encoder& put(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        buffer_.append(reinterpret_cast<const char*>(&value), sizeof value);
        return *this;
    }
    Encoder& putString(std::string_view s) {
        put(std::uint32_t(s.size()));
        buffer_.append(s);
        return *this;
    }
    template <class T> Encoder& putArray(const std::vector<T>& a) {
        if (!a.empty()) // an empty vector's data() may be null, which memcpy must not see
            buffer_.append(reinterpret_cast<const char*>(a.data()), a.size() * sizeof(T));
        return *this;
    }
    std::string finish() {
        const auto size = std::uint32_t(buffer_.size() - kHeaderSize);
        std::memcpy(buffer_.data() + 4, &size, sizeof size);
        return std::move(buffer_);
    }

private:
    std::string buffer_;
};

class Decoder {
public:
    explicit Decoder(std::string_view payload)
        : rest_(payload) {}
    template <class T> bool get(T& value) {
        if (rest_.size() < sizeof value)
            return false;
        std::memcpy(&value, rest_.data(), sizeof value);
        rest_.remove_prefix(sizeof value);
        return true;
    }
    bool getString(std::string_view& s) {
        std::uint32_t n = 0;
        if (!get(n) || rest_.size() < n)
            return false;
        s = rest_.substr(0, n);
        rest_.remove_prefix(n);
        return true;
    }
    template <class T> bool getArray(std::size_t n, std::vector<T>& out) {
        if (n > rest_.size() / sizeof(T))
            return false;
        out.resize(n);
        if (n > 0)
            std::memcpy(out.data(), rest_.data(), n * sizeof(T));
        rest_.remove_prefix(n * sizeof(T));
        return true;
    }

private:
    std::string_view rest_;
};

bool readAll(int fd, char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::read(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= std::size_t(n);
    }
    return true;
}

// Blocking: the worker's side of the socket is a blocking one.
bool readFrame(int fd, Message& type, std::string& payload) {
    char header[kHeaderSize];
    if (!readAll(fd, header, sizeof header))
        return false;
    std::uint32_t t = 0;
    std::uint32_t size = 0;
    std::memcpy(&t, header, 4);
    std::memcpy(&size, header + 4, 4);
    if (size > kMaxPayload)
        return false;
    type = Message(t);
    payload.resize(size);
    return readAll(fd, payload.data(), size);
}

// What a worker's tasks print goes to the parent, each line stamped with its time.
class SocketOutput final : public TaskOutput {
public:
    SocketOutput(int fd, std::uint64_t job)
        : fd_(fd)
        , job_(job) {}
    void print(std::string_view line) override {
        sendAll(fd_, encodeStamp(Message::Printed, {job_, TraceRecorder::now(), -1, line}));
    }

private:
    int fd_;
    std::uint64_t job_;
};

std::string typeName(const std::type_info& type) {
    int status = 0;
    std::unique_ptr<char, void (*)(void*)> name(
        abi::__cxa_demangle(type.name(), nullptr, nullptr, &status), std::free);
    return status == 0 && name ? std::string(name.get()) : std::string(type.name());
}

// The message of the exception being handled, and its type for the traceback.
std::pair<std::string, std::string> currentError() {
    try {
        throw;
    } catch (const std::exception& e) {
        return {typeName(typeid(e)), e.what()};
    } catch (...) {
        return {"unknown exception", "a task raised something that is not a std::exception"};
    }
}

// Python prints a failed Process's traceback on its stderr; so does a worker for a Process.
void printTraceback(std::string_view name, std::string_view label, const std::string& type,
                    const std::string& message) {
    std::string text = "Process " + std::string(name) +
                       ":\nTraceback (most recent call last):\n  in " + std::string(label) + "\n" +
                       type + ": " + message + "\n";
    // One write, so that lines of processes failing together do not interleave.
    [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
}

int runFunction(const WorkerSetup& setup, const std::function<void()>& function, std::uint32_t task,
                std::uint32_t label) noexcept {
    try {
        sendAll(setup.fd, encodeStamp(Message::Ready,
                                      {0, TraceRecorder::now(), TraceRecorder::currentCpu(), {}}));
        TaskReply reply;
        try {
            std::optional<TaskContext> ctx;
            if (setup.recorder != nullptr) {
                ctx.emplace(setup.recorder, setup.track, task, label, nullptr);
                ctx->enter(State::Running);
            }
            function();
        } catch (...) {
            const auto [type, message] = currentError();
            printTraceback(setup.name, "target()", type, message);
            reply.failed = true;
            reply.error = message;
        }
        sendAll(setup.fd, encode(reply));
        return reply.failed ? 1 : 0;
    } catch (...) {
        return 1;
    }
}

void resetSignals() {
    // The parent's handlers (QTest installs some, an application may too) would run Qt code in
    // the child; a blocked signal would make terminate() do nothing.
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    for (int s : {SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGTERM,
                  SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM})
        ::sigaction(s, &dfl, nullptr);
    sigset_t none;
    sigemptyset(&none);
    ::pthread_sigmask(SIG_SETMASK, &none, nullptr);
}

// In a forked child: keeps only 0, 1, 2 and the socket, which is returned (moved up if it
// happened to be one of 0, 1, 2).
int closeOtherFds(int keep) {
    if (keep < 3) {
        const int moved = ::fcntl(keep, F_DUPFD, 3);
        if (moved < 0)
            return keep;
        keep = moved;
    }
    if (keep > 3)
        ::close_range(3, unsigned(keep - 1), 0);
    ::close_range(unsigned(keep + 1), ~0u, 0);
    return keep;
}

[[noreturn]] void runForkedChild(const LaunchSpec& spec, int fd) {
    resetSignals();
    TaskContext::forgetCurrentAfterFork();
    WorkerSetup setup = spec.setup;
    setup.fd = spec.close_other_fds ? closeOtherFds(fd) : fd;
    if (setup.recorder != nullptr) {
        if (spec.trace != nullptr)
            setup.recorder->attachSharedBuffer(spec.trace); // this process's copy of the recorder
        else
            setup.recorder = nullptr;
    }
    const int code = spec.function != nullptr ? runFunction(setup, *spec.function,
                                                            spec.function_task, spec.function_label)
                                              : runWorker(setup);
    // What a function target printed, as Python flushes sys.stdout in the child. (glibc
    // re-initialises the FILE locks in a forked child, so this cannot wait on another thread.)
    std::fflush(stdout);
    std::fflush(stderr);
    // Never return into the parent's stack, and run no destructor or atexit handler of the
    // parent's objects (Qt's among them): leave at once.
    ::_exit(code);
}

int spawnChild(const LaunchSpec& spec, int fd) {
    const std::string path = workerExecutablePath();
    std::vector<std::string> args = {path, "--fd", std::to_string(fd), "--name",
                                     std::string(spec.setup.name)};
    std::vector<int> pass = {fd};
    if (spec.setup.recorder != nullptr && spec.trace != nullptr) {
        args.insert(args.end(), {"--trace-fd", std::to_string(spec.trace->fd()), "--track",
                                 std::to_string(spec.setup.track)});
        pass.push_back(spec.trace->fd());
    }
    if (spec.setup.shared_value != nullptr) {
        args.insert(args.end(), {"--value-fd", std::to_string(spec.setup.shared_value->fd())});
        pass.push_back(spec.setup.shared_value->fd());
    }
    if (spec.setup.single)
        args.push_back("--single");
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // dup2 of an fd onto itself clears its close-on-exec flag in the child only (glibc 2.29+,
    // POSIX issue 411): just these fds cross the exec, nothing another thread opens meanwhile.
    for (int p : pass)
        posix_spawn_file_actions_adddup2(&actions, p, p);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none;
    sigemptyset(&none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (int s = 1; s < 32; ++s)
        if (s != SIGKILL && s != SIGSTOP)
            sigaddset(&defaults, s);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, path.c_str(), &actions, &attr, argv.data(), environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        throw std::system_error(rc, std::generic_category(),
                                "cannot start the worker " + path +
                                    " (set TASKLANE_WORKER to the tasklane-worker binary)");
    return pid;
}

} // namespace

std::string encode(const TaskRequest& r) {
    Encoder e(Message::Task);
    e.put(r.job).putString(r.name).put(r.count).put(r.arity);
    e.put(std::uint8_t(r.tasks.empty() ? 0 : 1));
    e.putArray(r.args);
    if (!r.tasks.empty())
        e.putArray(r.tasks).putArray(r.labels);
    return e.finish();
}

bool decode(std::string_view payload, TaskRequest& r) {
    Decoder d(payload);
    std::string_view name;
    std::uint8_t traced = 0;
    if (!d.get(r.job) || !d.getString(name) || !d.get(r.count) || !d.get(r.arity) || !d.get(traced))
        return false;
    r.name = name;
    if (!d.getArray(std::size_t(r.count) * r.arity, r.args))
        return false;
    if (traced != 0)
        return d.getArray(r.count, r.tasks) && d.getArray(r.count, r.labels);
    r.tasks.clear();
    r.labels.clear();
    return true;
}

std::string encode(const TaskReply& r) {
    Encoder e(Message::Result);
    e.put(r.job).put(std::uint32_t(r.values.size())).putArray(r.values);
    e.put(std::uint8_t(r.failed ? 1 : 0)).putString(r.error);
    return e.finish();
}

bool decode(std::string_view payload, TaskReply& r) {
    Decoder d(payload);
    std::uint32_t n = 0;
    std::uint8_t failed = 0;
    std::string_view error;
    if (!d.get(r.job) || !d.get(n) || !d.getArray(n, r.values) || !d.get(failed) ||
        !d.getString(error))
        return false;
    r.failed = failed != 0;
    r.error = error;
    return true;
}

std::string encodeStamp(Message type, const Stamp& s) {
    Encoder e(type);
    e.put(s.job).put(s.at).put(s.cpu).putString(s.text);
    return e.finish();
}

bool decodeStamp(std::string_view payload, Stamp& s) {
    Decoder d(payload);
    return d.get(s.job) && d.get(s.at) && d.get(s.cpu) && d.getString(s.text);
}

bool FrameReader::readFrom(int fd) {
    if (pos_ > 0) {
        buffer_.erase(0, pos_);
        pos_ = 0;
    }
    char chunk[64 * 1024];
    for (;;) {
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n > 0) {
            buffer_.append(chunk, std::size_t(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        return false; // end of file, or the peer reset the connection
    }
}

bool FrameReader::next(Message& type, std::string_view& payload) {
    if (buffer_.size() - pos_ < kHeaderSize)
        return false;
    std::uint32_t t = 0;
    std::uint32_t size = 0;
    std::memcpy(&t, buffer_.data() + pos_, 4);
    std::memcpy(&size, buffer_.data() + pos_ + 4, 4);
    if (buffer_.size() - pos_ - kHeaderSize < size)
        return false;
    type = Message(t);
    payload = std::string_view(buffer_).substr(pos_ + kHeaderSize, size);
    pos_ += kHeaderSize + size;
    return true;
}

bool sendAll(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd p{fd, POLLOUT, 0};
            ::poll(&p, 1, -1);
            continue;
        }
        if (n <= 0)
            return false;
        data.remove_prefix(std::size_t(n));
    }
    return true;
}

int runWorker(const WorkerSetup& setup) noexcept {
    try {
        const int fd = setup.fd;
        if (!sendAll(fd, encodeStamp(Message::Ready,
                                     {0, TraceRecorder::now(), TraceRecorder::currentCpu(), {}})))
            return 0; // the parent is gone already
        bool lastFailed = false;
        Message type{};
        std::string payload;
        TaskRequest request;
        while (readFrame(fd, type, payload)) {
            if (type != Message::Task)
                continue;
            if (!decode(payload, request))
                return 3;
            if (!sendAll(
                    fd, encodeStamp(Message::Started, {request.job, TraceRecorder::now(), -1, {}})))
                return 0;
            SocketOutput output(fd, request.job);
            const TaskEnv env{&output, setup.shared_value};
            const bool traced = setup.recorder != nullptr && request.tasks.size() == request.count;
            TaskReply reply;
            reply.job = request.job;
            reply.values.reserve(request.count);
            // One look-up per chunk, not per item: a chunk's items share a task and an arity.
            const TaskRegistry::Task* task = nullptr;
            for (std::uint32_t i = 0; i < request.count; ++i) {
                try {
                    if (task == nullptr)
                        task = &TaskRegistry::check(request.name, request.argsOf(i).size());
                    std::optional<TaskContext> ctx;
                    if (traced) {
                        ctx.emplace(setup.recorder, setup.track, request.tasks[i],
                                    request.labels[i], nullptr);
                        ctx->enter(State::Running);
                    }
                    reply.values.push_back(task->function(request.argsOf(i), env));
                } catch (...) {
                    const auto [errorType, message] = currentError();
                    if (setup.single)
                        printTraceback(setup.name,
                                       TaskRegistry::label(request.name, request.argsOf(i)),
                                       errorType, message);
                    reply.failed = true;
                    reply.error = message;
                    break; // Python's worker runs a chunk as list(map(f, chunk)): it stops here
                }
            }
            lastFailed = reply.failed;
            if (!sendAll(fd, encode(reply)))
                return 0;
        }
        return setup.single && lastFailed ? 1 : 0;
    } catch (...) {
        return 1; // out of memory, most likely
    }
}

Launched launch(const LaunchSpec& spec) {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        throw std::system_error(errno, std::generic_category(), "socketpair");
    const int parentFd = fds[0];
    const int childFd = fds[1];
    Launched out;
    out.fd = parentFd;
    if (spec.method == StartMethod::Fork) {
        // Signals wait until the child has reset the parent's handlers: a SIGTERM that came
        // before would run the parent's handler (Qt's, QTest's) in the child.
        // Unflushed output would be written twice, by the parent and by the child's copy; Python
        // flushes before it forks, for the same reason.
        std::fflush(stdout);
        std::fflush(stderr);
        sigset_t all;
        sigset_t previous;
        sigfillset(&all);
        ::pthread_sigmask(SIG_SETMASK, &all, &previous);
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(parentFd);
            runForkedChild(spec, childFd); // unblocks them once the handlers are reset
        }
        ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
        if (pid < 0) {
            const int error = errno;
            ::close(parentFd);
            ::close(childFd);
            throw std::system_error(error, std::generic_category(), "fork");
        }
        out.pid = pid;
    } else {
        try {
            out.pid = spawnChild(spec, childFd);
        } catch (...) {
            ::close(parentFd);
            ::close(childFd);
            throw;
        }
    }
    ::close(childFd);
    ::fcntl(parentFd, F_SETFL, ::fcntl(parentFd, F_GETFL) | O_NONBLOCK);
    out.pidfd = pidfdOpen(out.pid);
    return out;
}

std::string describeExit(int status) {
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        const char* what = ::sigdescr_np(sig);
        return "was terminated by signal " + std::to_string(sig) + " (" +
               (what != nullptr ? what : "unknown signal") + ")";
    }
    return "exited with code " + std::to_string(WEXITSTATUS(status));
}

int exitCodeOf(int status) {
    return WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
}

int pidfdOpen(int pid) {
    return int(::syscall(SYS_pidfd_open, pid, 0)); // close-on-exec by definition
}

bool pidfdSignal(int pidfd, int sig) {
    return pidfd >= 0 && ::syscall(SYS_pidfd_send_signal, pidfd, sig, nullptr, 0) == 0;
}

int waitFor(int pid, int* status, bool block) {
    for (;;) {
        const int rc = ::waitpid(pid, status, block ? 0 : WNOHANG);
        if (rc < 0 && errno == EINTR)
            continue;
        return rc;
    }
}

bool waitExit(int pid, int pidfd, int timeoutMs, int* status) {
    const std::int64_t deadline =
        timeoutMs < 0 ? -1 : TraceRecorder::now() + std::int64_t(timeoutMs) * 1'000'000;
    for (;;) {
        const int rc = waitFor(pid, status, false);
        if (rc == pid)
            return true;
        if (rc < 0)
            return true; // not our child (any more): nothing to wait for
        int wait = pidfd >= 0 ? -1 : 5;
        if (deadline >= 0) {
            const std::int64_t left = (deadline - TraceRecorder::now()) / 1'000'000;
            if (left <= 0)
                return false;
            wait = wait < 0 ? int(left) : std::min(wait, int(left));
        }
        if (pidfd >= 0) {
            pollfd p{pidfd, POLLIN, 0};
            ::poll(&p, 1, wait);
        } else {
            ::poll(nullptr, 0, wait);
        }
    }
}

} // namespace tasklane::detail
