#include "signal_stop.h"

#include "patterns/run_control.h"

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace tasklane {

namespace {
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

// One pipe for the process's life, never closed: a handler that races with the restore of the
// previous handlers then writes into this pipe, never into a file that reused its number.
int selfPipe[2] = {-1, -1};
// Set by the handler itself, not by the watcher: a signal sent to the whole process group (a
// terminal's Ctrl+C) kills the workers too, and the run may see that before the watcher has
// read the pipe; it must still count as stopped, not as failed. Lock-free, so signal-safe.
std::atomic<int> firstSignal{0};
static_assert(std::atomic<int>::is_always_lock_free);

void onSignal(int signal) {
    const int saved = errno;
    int none = 0;
    firstSignal.compare_exchange_strong(none, signal);
    const auto byte = static_cast<unsigned char>(signal);
    [[maybe_unused]] const ssize_t n = ::write(selfPipe[1], &byte, 1); // full pipe: dropped
    errno = saved;
}
} // namespace

SignalStop::SignalStop(RunControl& control)
    : control_(control) {
    if (selfPipe[0] < 0 && ::pipe2(selfPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return; // no pipe: the signals keep their default action
    watcher_ = std::thread([this] { watch(); });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < std::size(kSignals); ++i) {
        ::sigaction(kSignals[i], nullptr, &previous_[i]);
        // Ignored when started (nohup's SIGHUP, a background job's SIGINT): it stays ignored.
        if (previous_[i].sa_handler != SIG_IGN)
            ::sigaction(kSignals[i], &action, nullptr);
    }
}

SignalStop::~SignalStop() {
    if (!watcher_.joinable())
        return;
    for (std::size_t i = 0; i < std::size(kSignals); ++i)
        ::sigaction(kSignals[i], &previous_[i], nullptr);
    const unsigned char quit = 0;
    while (::write(selfPipe[1], &quit, 1) < 0 && errno == EINTR) {
    }
    watcher_.join();
}

// Byte 0 ends the watch; any other is a signal. The first one stops the run; later ones (a
// second Ctrl+C while the workers are being reaped) change nothing.
void SignalStop::watch() {
    pollfd in{selfPipe[0], POLLIN, 0};
    while (true) {
        if (::poll(&in, 1, -1) < 0 && errno != EINTR)
            return;
        unsigned char byte = 0;
        while (::read(selfPipe[0], &byte, 1) == 1) {
            if (byte == 0)
                return;
            if (!control_.stopRequested())
                control_.requestStop();
        }
    }
}

int SignalStop::received() const {
    return watcher_.joinable() ? firstSignal.load() : 0;
}

const char* SignalStop::name(int signal) {
    switch (signal) {
    case SIGINT:
        return "SIGINT";
    case SIGTERM:
        return "SIGTERM";
    case SIGHUP:
        return "SIGHUP";
    default:
        return "a signal";
    }
}

} // namespace tasklane
