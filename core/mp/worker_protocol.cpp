#include "mp/worker_protocol.h"

#include "mp/process.h"
#include "mp/shared_memory.h"
#include "mp/shared_trace_buffer.h"
#include "mp/shared_value.h"
#include "mp/task_registry.h"
#include "trace/trace_recorder.h"
#include "workload/task_context.h"

#include <algorithm>
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
#include <sys/prctl.h>
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
// Flag bits: of a Task frame (kTraced, kBulk) and of a Result frame (kFailed, kBulk).
constexpr std::uint8_t kTraced = 1;
constexpr std::uint8_t kFailed = 1;
constexpr std::uint8_t kBulk = 2;

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
    bool getBytes(std::size_t n, const char*& out) {
        if (n > rest_.size())
            return false;
        out = rest_.data();
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

[[noreturn]] void runForkedChild(const LaunchSpec& spec, int fd, int parent) {
    dieWithParent(parent);
    resetSignals();
    TaskContext::forgetCurrentAfterFork();
    WorkerSetup setup = spec.setup;
    setup.fd = spec.close_other_fds ? closeOtherFds(fd) : fd;
    if (setup.recorder != nullptr) {
        if (spec.trace != nullptr)
            setup.recorder->attachSink(spec.trace); // this process's copy of the recorder
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
    std::vector<std::string> args = {path,
                                     "--fd",
                                     std::to_string(fd),
                                     "--name",
                                     std::string(spec.setup.name),
                                     "--parent",
                                     std::to_string(::getpid())};
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
        args.emplace_back("--single");
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
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

void appendTask(std::string& out, std::uint64_t job, std::string_view name, std::uint32_t count,
                std::uint32_t arity, std::span<const long long> args,
                std::span<const std::uint32_t> tasks, std::span<const std::uint32_t> labels,
                const BulkRef* bulk) {
    const bool traced = !tasks.empty();
    if (bulk != nullptr)
        args = {};
    const std::size_t payload =
        sizeof job + 4 + name.size() + 4 + 4 + 1 + (bulk != nullptr ? 4 + 8 + 8 : 0) +
        args.size() * sizeof(long long) + (traced ? (tasks.size() + labels.size()) * 4 : 0);
    const std::size_t at = out.size();
    out.resize(at + kHeaderSize + payload); // once: the frame is written in place below
    char* p = out.data() + at;
    auto put = [&p](const void* data, std::size_t n) {
        if (n > 0)
            std::memcpy(p, data, n);
        p += n;
    };
    const auto type = static_cast<std::uint32_t>(Message::Task);
    const auto size = std::uint32_t(payload);
    const auto nameSize = std::uint32_t(name.size());
    const std::uint8_t flag = (traced ? kTraced : 0) | (bulk != nullptr ? kBulk : 0);
    put(&type, 4);
    put(&size, 4);
    put(&job, sizeof job);
    put(&nameSize, 4);
    put(name.data(), name.size());
    put(&count, 4);
    put(&arity, 4);
    put(&flag, 1);
    if (bulk != nullptr) {
        put(&bulk->id, 4);
        put(&bulk->args_at, 8);
        put(&bulk->results_at, 8);
    }
    put(args.data(), args.size() * sizeof(long long));
    if (traced) {
        put(tasks.data(), tasks.size() * 4);
        put(labels.data(), labels.size() * 4);
    }
}

std::string encode(const TaskRequest& r) {
    std::string out;
    appendTask(out, r.job, r.name, r.count, r.arity, r.args, r.tasks, r.labels);
    return out;
}

bool decodeTask(std::string_view payload, TaskView& v) {
    Decoder d(payload);
    std::uint8_t flags = 0;
    if (!d.get(v.job) || !d.getString(v.name) || !d.get(v.count) || !d.get(v.arity) ||
        !d.get(flags))
        return false;
    v.traced = (flags & kTraced) != 0;
    v.bulk = (flags & kBulk) != 0;
    v.args = nullptr;
    if (v.bulk) {
        if (!d.get(v.where.id) || !d.get(v.where.args_at) || !d.get(v.where.results_at))
            return false;
    } else {
        const std::size_t values = std::size_t(v.count) * v.arity;
        if (!d.getBytes(values * sizeof(long long), v.args))
            return false;
    }
    v.tasks = v.labels = nullptr;
    if (v.traced)
        return d.getBytes(std::size_t(v.count) * 4, v.tasks) &&
               d.getBytes(std::size_t(v.count) * 4, v.labels);
    return true;
}

void TaskView::argsOf(std::size_t item, long long* out) const {
    if (arity > 0)
        std::memcpy(out, args + item * arity * sizeof(long long), arity * sizeof(long long));
}

std::uint32_t TaskView::taskOf(std::size_t item) const {
    std::uint32_t t = 0;
    std::memcpy(&t, tasks + item * 4, 4);
    return t;
}

std::uint32_t TaskView::labelOf(std::size_t item) const {
    std::uint32_t t = 0;
    std::memcpy(&t, labels + item * 4, 4);
    return t;
}

bool decode(std::string_view payload, TaskRequest& r) {
    TaskView v;
    if (!decodeTask(payload, v))
        return false;
    r.job = v.job;
    r.name = v.name;
    r.count = v.count;
    r.arity = v.arity;
    r.args.resize(std::size_t(v.count) * v.arity);
    if (!r.args.empty())
        std::memcpy(r.args.data(), v.args, r.args.size() * sizeof(long long));
    r.tasks.clear();
    r.labels.clear();
    for (std::uint32_t i = 0; v.traced && i < v.count; ++i) {
        r.tasks.push_back(v.taskOf(i));
        r.labels.push_back(v.labelOf(i));
    }
    return true;
}

std::string encode(const TaskReply& r) {
    Encoder e(Message::Result);
    e.put(r.job).put(std::uint32_t(r.values.size())).put(std::uint8_t(r.failed ? kFailed : 0));
    e.putArray(r.values).putString(r.error);
    return e.finish();
}

bool decodeReply(std::string_view payload, ReplyView& r) {
    Decoder d(payload);
    std::uint8_t flags = 0;
    if (!d.get(r.job) || !d.get(r.count) || !d.get(flags))
        return false;
    r.failed = (flags & kFailed) != 0;
    r.bulk = (flags & kBulk) != 0;
    r.values = nullptr;
    if (!r.bulk && !d.getBytes(std::size_t(r.count) * sizeof(long long), r.values))
        return false;
    return d.getString(r.error);
}

void ReplyView::copyValues(long long* out, std::size_t n) const {
    if (n > 0)
        std::memcpy(out, values, n * sizeof(long long));
}

bool decode(std::string_view payload, TaskReply& r) {
    ReplyView v;
    if (!decodeReply(payload, v))
        return false;
    r.job = v.job;
    r.values.resize(v.count);
    v.copyValues(r.values.data(), v.count);
    r.failed = v.failed;
    r.error = v.error;
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

void ByteBuffer::reserve(std::size_t n) {
    if (n <= capacity_)
        return;
    const std::size_t capacity = std::max(n, capacity_ * 2);
    std::unique_ptr<char[]> data(new char[capacity]); // uninitialised: no zero-fill
    if (size_ > 0)
        std::memcpy(data.get(), data_.get(), size_);
    data_ = std::move(data);
    capacity_ = capacity;
}

void ByteBuffer::append(const void* p, std::size_t n) {
    reserve(size_ + n);
    if (n > 0)
        std::memcpy(data_.get() + size_, p, n);
    size_ += n;
}

void FrameReader::makeRoom() {
    if (pos_ == buffer_.size()) {
        buffer_.clear();
        pos_ = 0;
    }
    std::size_t want = 64 * 1024;
    const std::size_t have = buffer_.size() - pos_;
    if (have >= kHeaderSize) {
        std::uint32_t size = 0;
        std::memcpy(&size, buffer_.data() + pos_ + 4, 4);
        const std::size_t frame = kHeaderSize + std::min(size, kMaxPayload);
        if (frame > have)
            want = std::max(want, frame - have); // the whole frame in one place
    }
    if (buffer_.capacity() - buffer_.size() >= want)
        return;
    if (pos_ > 0) { // move the unread bytes to the front rather than grow
        std::memmove(buffer_.data(), buffer_.data() + pos_, have);
        buffer_.resize(have);
        pos_ = 0;
    }
    buffer_.reserve(buffer_.size() + want);
}

bool FrameReader::readFrom(int fd) {
    for (;;) {
        makeRoom();
        const std::size_t size = buffer_.size();
        const ssize_t n =
            ::recv(fd, buffer_.data() + size, buffer_.capacity() - size, MSG_DONTWAIT);
        if (n > 0) {
            buffer_.resize(size + std::size_t(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        return false; // end of file, or the peer reset the connection
    }
}

bool FrameReader::readBlocking(int fd) {
    makeRoom();
    const std::size_t size = buffer_.size();
    for (;;) {
        iovec io{buffer_.data() + size, buffer_.capacity() - size};
        alignas(cmsghdr) char control[CMSG_SPACE(4 * sizeof(int))];
        msghdr msg{};
        msg.msg_iov = &io;
        msg.msg_iovlen = 1;
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        const ssize_t n = ::recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
        // The kernel ends a read at the bytes an fd came with, so each fd is seen before the
        // frame that needs it is complete.
        for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
                continue;
            const std::size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (std::size_t i = 0; i < count; ++i) {
                int received = -1;
                std::memcpy(&received, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
                fds_.push_back(received);
            }
        }
        if (n > 0) {
            buffer_.resize(size + std::size_t(n));
            return true;
        }
        if (n < 0 && errno == EINTR)
            continue;
        return false;
    }
}

int FrameReader::takeFd() {
    if (fds_.empty())
        return -1;
    const int fd = fds_.front();
    fds_.erase(fds_.begin());
    return fd;
}

FrameReader::~FrameReader() {
    for (int fd : fds_)
        ::close(fd);
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
    payload = std::string_view(buffer_.data() + pos_ + kHeaderSize, size);
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

namespace {

// The shared region of the latest big map a worker was sent, kept mapped while no newer one
// comes (see BulkRef).
class WorkerRegion {
public:
    // Points the request's arguments into the region, after mapping the region its frame
    // brought along if it is a new one, and returns where its results go; null if the frame
    // does not fit the region (a broken parent).
    long long* place(TaskView& request, FrameReader& frames) {
        if (request.where.id != id_) {
            const int fd = frames.takeFd();
            if (fd < 0)
                return nullptr;
            memory_ = SharedMemory(); // the old region first: never two mapped at once
            memory_ = SharedMemory::attach(fd, SharedMemory::Pages::Populate);
            id_ = request.where.id;
        }
        const std::size_t values = memory_.size() / sizeof(long long);
        const std::size_t argValues = std::size_t(request.count) * request.arity;
        if (request.where.args_at > values || argValues > values - request.where.args_at ||
            request.where.results_at > values || request.count > values - request.where.results_at)
            return nullptr;
        auto* base = static_cast<long long*>(memory_.data());
        request.args = reinterpret_cast<const char*>(base + request.where.args_at);
        return base + request.where.results_at;
    }

private:
    SharedMemory memory_;
    std::uint32_t id_ = 0;
};

// What running a Task's items came to.
struct ChunkRun {
    std::uint32_t done = 0; // items that returned, in order
    bool failed = false;    // then item `done` raised `error`
    std::string error;
};

// A Result frame, built in place and reused from one Task to the next: header, job, count and
// flags (patched by finish()), the values written as the items return (unless they go to the
// shared region), the error.
class ResultFrame {
public:
    // Starts the answer to `request` and returns where its values go: into this frame, or
    // `inRegion` when not null.
    char* begin(const TaskView& request, long long* inRegion) {
        const std::size_t inlineValues = inRegion != nullptr ? 0 : request.count;
        buffer_.resize(kValuesAt + inlineValues * sizeof(long long));
        const auto type = static_cast<std::uint32_t>(Message::Result);
        std::memcpy(buffer_.data(), &type, 4);
        std::memcpy(buffer_.data() + kHeaderSize, &request.job, 8);
        bulk_ = inRegion != nullptr;
        return bulk_ ? reinterpret_cast<char*>(inRegion) : buffer_.data() + kValuesAt;
    }
    // The whole frame, once the items ran.
    std::string_view finish(const ChunkRun& run) {
        buffer_.resize(kValuesAt + (bulk_ ? 0 : std::size_t(run.done) * sizeof(long long)));
        const std::uint8_t flags = (run.failed ? kFailed : 0) | (bulk_ ? kBulk : 0);
        const auto errorSize = std::uint32_t(run.error.size());
        buffer_.append(&errorSize, 4);
        buffer_.append(run.error.data(), run.error.size());
        const auto payloadSize = std::uint32_t(buffer_.size() - kHeaderSize);
        std::memcpy(buffer_.data() + 4, &payloadSize, 4);
        std::memcpy(buffer_.data() + kCountAt, &run.done, 4);
        std::memcpy(buffer_.data() + kFlagsAt, &flags, 1);
        return buffer_.view();
    }

private:
    static constexpr std::size_t kCountAt = kHeaderSize + 8;
    static constexpr std::size_t kFlagsAt = kCountAt + 4;
    static constexpr std::size_t kValuesAt = kFlagsAt + 1;

    ByteBuffer buffer_;
    bool bulk_ = false;
};

// Runs the request's items in order, writing each value to `values` (unaligned), and stops at
// the first that raises: Python's worker runs a chunk as list(map(f, chunk)). `args` is
// scratch space, reused from one Task to the next.
ChunkRun runItems(const WorkerSetup& setup, const TaskView& request, const TaskEnv& env,
                  char* values, std::vector<long long>& args) {
    const bool traced = setup.recorder != nullptr && request.traced;
    args.resize(std::max<std::uint32_t>(request.arity, 1));
    const std::span<const long long> itemArgs(args.data(), request.arity);
    ChunkRun run;
    // One look-up per chunk, not per item: a chunk's items share a task and an arity.
    const TaskRegistry::Task* task = nullptr;
    for (; run.done < request.count; ++run.done) {
        const std::uint32_t i = run.done;
        request.argsOf(i, args.data());
        try {
            if (task == nullptr)
                task = &TaskRegistry::check(request.name, request.arity);
            std::optional<TaskContext> ctx;
            if (traced) {
                ctx.emplace(setup.recorder, setup.track, request.taskOf(i), request.labelOf(i),
                            nullptr);
                ctx->enter(State::Running);
            }
            const long long value = task->function(itemArgs, env);
            std::memcpy(values + std::size_t(i) * sizeof value, &value, sizeof value);
        } catch (...) {
            const auto [errorType, message] = currentError();
            if (setup.single)
                printTraceback(setup.name, TaskRegistry::label(request.name, itemArgs), errorType,
                               message);
            run.failed = true;
            run.error = message;
            break;
        }
    }
    return run;
}

} // namespace

int runWorker(const WorkerSetup& setup) noexcept {
    try {
        const int fd = setup.fd;
        if (!sendAll(fd, encodeStamp(Message::Ready,
                                     {0, TraceRecorder::now(), TraceRecorder::currentCpu(), {}})))
            return 0; // the parent is gone already
        bool lastFailed = false;
        // The parent may send several Task frames ahead: they are read as they come, in as few
        // reads as possible, and run one after the other.
        FrameReader frames;
        ResultFrame reply;
        WorkerRegion region;
        std::vector<long long> args;
        Message type{};
        std::string_view payload;
        for (;;) {
            if (!frames.next(type, payload)) {
                if (!frames.readBlocking(fd))
                    break; // end of file: the parent has no more work
                continue;
            }
            if (type != Message::Task)
                continue;
            TaskView request;
            if (!decodeTask(payload, request))
                return 3;
            long long* inRegion = nullptr;
            if (request.bulk && (inRegion = region.place(request, frames)) == nullptr)
                return 3;
            // Started only matters to a traced parent (the end of the job's `queued` slice).
            if (request.traced &&
                !sendAll(
                    fd, encodeStamp(Message::Started, {request.job, TraceRecorder::now(), -1, {}})))
                return 0;
            SocketOutput output(fd, request.job);
            char* const values = reply.begin(request, inRegion);
            const ChunkRun run =
                runItems(setup, request, TaskEnv{&output, setup.shared_value}, values, args);
            lastFailed = run.failed;
            if (!sendAll(fd, reply.finish(run)))
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
    // A chunk of a big map is a megabyte or more each way; with the default buffers (about
    // 200 KB) it crosses in many small hand-overs between the two processes. Ask for more;
    // the kernel caps it at net.core.wmem_max, which is fine.
    for (int fd : fds) {
        const int size = 4 << 20;
        ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    }
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
        const pid_t parent = ::getpid();
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(parentFd);
            runForkedChild(spec, childFd, parent); // unblocks them once the handlers are reset
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

void dieWithParent(int expected) noexcept {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != expected)
        ::raise(SIGKILL);
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
