#include "aio/async_file.h"

#include "aio/to_thread.h"
#include "concurrency/python_error.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <mutex>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace tasklane {

struct AsyncFile::State {
    std::string path;
    std::string mode;
    std::mutex mutex; // one system call at a time, should a caller not await in turn
    int fd = -1;
    std::atomic<bool> closed{false};

    ~State() {
        if (fd >= 0)
            ::close(fd);
    }
    int checkedFd() const {
        if (fd < 0)
            throw ValueError("I/O operation on closed file."); // as Python's text files say
        return fd;
    }
};

namespace {

// Python's open() modes, refused in the words of its Modules/_io/_iomodule.c.
int openFlags(const std::string& mode) {
    char access = 0;
    int flags = O_CLOEXEC;
    bool plus = false;
    for (char c : mode) {
        switch (c) {
        case 'r':
        case 'w':
        case 'a':
        case 'x':
            if (access == c)
                throw ValueError("invalid mode: '" + mode + "'"); // a letter twice
            if (access != 0)
                throw ValueError("must have exactly one of create/read/write/append mode");
            access = c;
            break;
        case '+':
            plus = true;
            break;
        case 'b':
        case 't':
            break;
        default:
            throw ValueError("invalid mode: '" + mode + "'");
        }
    }
    switch (access) {
    case 'r':
        return flags | (plus ? O_RDWR : O_RDONLY);
    case 'w':
        return flags | (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    case 'a':
        return flags | (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
    case 'x':
        return flags | (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL;
    default:
        throw ValueError("Must have exactly one of create/read/write/append mode and at most one "
                         "plus");
    }
}

// What one read() asks for: a big file costs few system calls, and the buffer still fits
// comfortably on a pool thread's stack.
constexpr std::size_t kReadChunk = 64 * 1024;

[[noreturn]] void fail(int err, const std::string& what) {
    throw std::system_error(err, std::generic_category(), what);
}

} // namespace

const std::string& AsyncFile::path() const {
    return state_->path;
}
const std::string& AsyncFile::mode() const {
    return state_->mode;
}
bool AsyncFile::closed() const {
    return !state_ || state_->closed.load();
}

Task<AsyncFile> async_open(std::string path, std::string mode) {
    const int flags = openFlags(mode); // a bad mode fails before any work is offloaded
    auto state = std::make_shared<AsyncFile::State>();
    state->path = path;
    state->mode = mode;
    auto work = [state, flags] {
        const int fd = ::open(state->path.c_str(), flags, 0666);
        if (fd < 0)
            fail(errno, "cannot open '" + state->path + "' (mode '" + state->mode + "')");
        state->fd = fd;
    };
    co_await detail::offload("open(" + path + ")", std::move(work));
    AsyncFile file;
    file.state_ = std::move(state);
    co_return file;
}

// Not coroutines themselves: the work captures the shared state, not `this`, so the file
// object may go before the returned task is awaited.
Task<std::size_t> AsyncFile::write(std::string data) {
    return detail::offload(
        "write(" + state_->path + ")", [state = state_, data = std::move(data)]() -> std::size_t {
            std::lock_guard lock(state->mutex);
            const int fd = state->checkedFd();
            std::size_t done = 0;
            while (done < data.size()) {
                const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0)
                    fail(errno, "cannot write to '" + state->path + "'");
                done += static_cast<std::size_t>(n);
            }
            return done;
        });
}

Task<std::string> AsyncFile::read(std::int64_t size) {
    return detail::offload("read(" + state_->path + ")", [state = state_, size] {
        std::lock_guard lock(state->mutex);
        const int fd = state->checkedFd();
        std::string out;
        char buffer[kReadChunk];
        while (size < 0 || static_cast<std::int64_t>(out.size()) < size) {
            std::size_t want = sizeof buffer;
            if (size >= 0)
                want = std::min<std::size_t>(want, static_cast<std::size_t>(size) - out.size());
            const ssize_t n = ::read(fd, buffer, want);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                fail(errno, "cannot read from '" + state->path + "'");
            if (n == 0)
                break;
            out.append(buffer, static_cast<std::size_t>(n));
        }
        return out;
    });
}

Task<void> AsyncFile::close() {
    return detail::offload("close(" + state_->path + ")", [state = state_] {
        std::lock_guard lock(state->mutex);
        if (state->fd < 0)
            return; // closing twice is allowed, as in Python
        const int fd = std::exchange(state->fd, -1);
        state->closed = true;
        if (::close(fd) < 0 && errno != EINTR)
            fail(errno, "cannot close '" + state->path + "'");
    });
}

} // namespace tasklane
