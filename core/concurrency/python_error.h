// The exceptions Tasklane raises where Python raises one, named as Python names them, so that
// a reader of the tutorial recognises them and the command line prints them as a traceback's
// last line would: "BrokenProcessPool: worker 2 (pid 4711) was killed by signal 9 (Killed)".
//
// Every one derives from PythonError, whose name() is the Python class and message() the text
// after the colon; what() is both joined by ": ", always. The hierarchy follows CPython's where
// it has one (BrokenProcessPool is a BrokenExecutor; CancelledError and TimeoutError are
// concurrent.futures' and asyncio's, which are the same classes since Python 3.11).
//
// Two at the end are Tasklane's own and not PythonErrors, for what does not cross a process
// boundary as it does in Python: TaskError carries a task's exception home from a worker
// process by its text alone (Python pickles the exception object and re-raises it; we have
// only what() of a C++ exception, so what() stays exactly that), and WorkerDiedError fails the
// task a Pool worker was running when it died (Python's Pool would wait for it forever).
#pragma once

#include <stdexcept>
#include <string>

namespace tasklane {

class PythonError : public std::runtime_error {
public:
    PythonError(const char* name, const std::string& message)
        : std::runtime_error(std::string(name) + ": " + message)
        , name_(name) {}

    // The Python class: "ValueError".
    const char* name() const noexcept { return name_; }
    // The text after "Name: ".
    std::string message() const {
        return std::string(what()).substr(std::char_traits<char>::length(name_) + 2);
    }

private:
    const char* name_; // always a string literal
};

// Each takes the text after "Name: "; the two-argument constructor is how a subclass passes its
// own name (a string literal) up.

// A value of the right type but not allowed: max_workers=0, an unknown file mode.
class ValueError : public PythonError {
public:
    explicit ValueError(const std::string& message)
        : PythonError("ValueError", message) {}
    ValueError(const char* name, const std::string& message)
        : PythonError(name, message) {}
};

// An argument of the wrong kind: create_task() given no coroutine.
class TypeError : public PythonError {
public:
    explicit TypeError(const std::string& message)
        : PythonError("TypeError", message) {}
    TypeError(const char* name, const std::string& message)
        : PythonError(name, message) {}
};

// Use in the wrong state: submit after shutdown, a second running event loop.
class RuntimeError : public PythonError {
public:
    explicit RuntimeError(const std::string& message)
        : PythonError("RuntimeError", message) {}
    RuntimeError(const char* name, const std::string& message)
        : PythonError(name, message) {}
};

// What multiprocessing asserts: starting a process twice, joining one never started.
class AssertionError : public PythonError {
public:
    explicit AssertionError(const std::string& message)
        : PythonError("AssertionError", message) {}
    AssertionError(const char* name, const std::string& message)
        : PythonError(name, message) {}
};

// A future's or task's result asked for before it was set, or set twice.
class InvalidStateError : public PythonError {
public:
    explicit InvalidStateError(const std::string& message)
        : PythonError("InvalidStateError", message) {}
    InvalidStateError(const char* name, const std::string& message)
        : PythonError(name, message) {}
};

// A pool that can no longer run work: a worker died or could not start.
class BrokenExecutor : public RuntimeError {
public:
    explicit BrokenExecutor(const std::string& message)
        : RuntimeError("BrokenExecutor", message) {}
    BrokenExecutor(const char* name, const std::string& message)
        : RuntimeError(name, message) {}
};

// ProcessPoolExecutor's: a worker process died.
class BrokenProcessPool : public BrokenExecutor {
public:
    explicit BrokenProcessPool(const std::string& message)
        : BrokenExecutor("BrokenProcessPool", message) {}
    BrokenProcessPool(const char* name, const std::string& message)
        : BrokenExecutor(name, message) {}
};

// ThreadPoolExecutor's: a worker thread's initializer failed.
class BrokenThreadPool : public BrokenExecutor {
public:
    explicit BrokenThreadPool(const std::string& message)
        : BrokenExecutor("BrokenThreadPool", message) {}
    BrokenThreadPool(const char* name, const std::string& message)
        : BrokenExecutor(name, message) {}
};

// A cancelled future's result(), a cancelled coroutine's await.
class CancelledError : public PythonError {
public:
    CancelledError()
        : PythonError("CancelledError", "the future was cancelled") {}
    explicit CancelledError(const std::string& message)
        : PythonError("CancelledError", message) {}
};

// result(timeout) or wait_for() that ran out of time.
class TimeoutError : public PythonError {
public:
    TimeoutError()
        : PythonError("TimeoutError", "the result is not ready") {}
    explicit TimeoutError(const std::string& message)
        : PythonError("TimeoutError", message) {}
};

// A task's exception, raised again in the parent with the task's own text.
class TaskError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A Pool worker died while it ran the task: "worker 2 (pid 4711) was killed by signal 9
// (Killed) while running square(3)".
class WorkerDiedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace tasklane
