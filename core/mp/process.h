// Process: multiprocessing.Process. A target runs in a real child process, started by `fork`
// or `spawn`; start(), join() / join(timeout), exitcode (negative signal number when killed),
// pid, is_alive, terminate (SIGTERM), kill (SIGKILL), as in Python.
//
// The target is a registered task (name + arguments, see TaskRegistry), which both start
// methods can run, or, with fork only, any function. A forked child runs core code only (never
// Qt), then _exit()s: it never returns into the caller's stack. A target that raises makes
// exit code 1 and prints a traceback on the child's stderr, as Python does.
//
// With a recorder, the process gets a track "NAME (pid P)" holding a `spawning` slice from
// start() until the child runs (what the start method costs), the child's own running /
// sleeping / lock slices (on the cores it really ran on), and an instant per printed line.
// The child's events reach the recorder at join(); the recorder must outlive the Process.
//
// Destroying a started, unjoined Process terminates and reaps it (Python would warn): no
// zombie, fd or mapping outlives the object.
#pragma once

#include "mp/start_method.h"
#include "mp/task_registry.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tasklane {

class SharedTraceBuffer;
class TraceRecorder;
template <class T> class SharedValue;

// Where tasklane-worker (the spawn start method's clean binary) is: $TASKLANE_WORKER if set,
// else next to this executable, else where this build put it.
std::string workerExecutablePath();

class Process {
public:
    struct Options {
        StartMethod start_method = StartMethod::Fork;
        TraceRecorder* recorder = nullptr;
        std::string name; // default "worker N", N counting the Processes of this program
        SharedValue<long long>* shared_value = nullptr; // what an `increment` target changes
        std::size_t trace_capacity = 0; // events the child may record; 0: the default
    };

    // Throws std::invalid_argument for an unknown task or wrong arguments.
    explicit Process(TaskCall target);
    Process(TaskCall target, Options options);
    // Fork only (spawn cannot carry a function to another program): std::invalid_argument.
    explicit Process(std::function<void()> target);
    Process(std::function<void()> target, Options options);
    ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    // AssertionError("cannot start a process twice") if started before, as Python's assert;
    // std::system_error if it cannot.
    void start();
    // Waits for the end of the process. join(timeout) returns once it ended or the time ran
    // out, whichever first, like Python's (then is_alive() is still true); it returns
    // whether the process ended. AssertionError("can only join a started process") before
    // start().
    void join();
    bool join(std::chrono::nanoseconds timeout);

    std::optional<int> exitcode();   // empty while running or before start
    int pid() const { return pid_; } // 0 before start
    bool is_alive();
    void terminate(); // SIGTERM; nothing once the process has ended
    void kill();      // SIGKILL

    const std::string& name() const { return name_; }
    std::uint32_t track() const { return track_; } // valid with a recorder, after start()

    // What the target did, known after join(): the task's return value, the message of what it
    // raised, and the lines it printed (in order; they are not written to this stdout).
    std::optional<long long> result() const { return result_; }
    const std::string& error() const { return error_; }
    const std::vector<std::string>& output() const { return output_; }

private:
    bool wait(std::optional<std::int64_t> deadline);
    void readMessages();
    void finish(); // once reaped: reads what is left, records the trace, frees fds and memory
    void signal(int sig);

    TaskCall call_;
    std::function<void()> function_;
    Options options_;
    std::string name_;
    std::unique_ptr<SharedTraceBuffer> trace_;
    struct Reader;
    std::unique_ptr<Reader> reader_;
    int pid_ = 0;
    int fd_ = -1;
    int pidfd_ = -1;
    int status_ = 0;
    bool started_ = false;
    bool reaped_ = false;
    bool finished_ = false;
    bool eof_ = false;
    std::uint32_t track_ = 0;
    std::uint32_t task_ = 0;
    std::uint32_t label_ = 0;
    std::int64_t startedAt_ = 0;
    std::int64_t readyAt_ = 0;
    std::optional<long long> result_;
    std::string error_;
    std::vector<std::string> output_;
};

} // namespace tasklane
