// SignalStop: while it lives, SIGINT, SIGTERM and SIGHUP stop the run as the window's Stop
// does (RunControl::requestStop: tasks interrupted, pools terminated, workers reaped), instead
// of ending the process at once and leaving its workers running. The handler only writes the
// signal's number into a pipe (async-signal-safe); a watcher thread reads it and stops the run.
#pragma once

#include <csignal>
#include <thread>

namespace tasklane {

class RunControl;

class SignalStop {
public:
    explicit SignalStop(RunControl& control);
    ~SignalStop();
    SignalStop(const SignalStop&) = delete;
    SignalStop& operator=(const SignalStop&) = delete;

    // The first of the signals that arrived, or 0.
    int received() const;
    // 128 + the signal, as a shell reports a process the signal ended: 130, 143, 129.
    static int exitCode(int signal) { return 128 + signal; }
    // "SIGTERM"
    static const char* name(int signal);

private:
    void watch();

    RunControl& control_;
    struct sigaction previous_[3] = {};
    std::thread watcher_;
};

} // namespace tasklane
