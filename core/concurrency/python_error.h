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

// Declares `class Name : public Base` whose name() is "Name". The two-argument constructor
// names the error otherwise (a string literal): a subclass passes its own name up, and a pool
// raises BrokenExecutor under its own class's name.
#define TASKLANE_PYTHON_ERROR(Name, Base)                                                          \
    class Name : public Base {                                                                     \
    public:                                                                                        \
        explicit Name(const std::string& message)                                                  \
            : Base(#Name, message) {}                                                              \
        Name(const char* name, const std::string& message)                                         \
            : Base(name, message) {}                                                               \
    }

TASKLANE_PYTHON_ERROR(ValueError, PythonError);
TASKLANE_PYTHON_ERROR(RuntimeError, PythonError);
TASKLANE_PYTHON_ERROR(AssertionError, PythonError);
TASKLANE_PYTHON_ERROR(InvalidStateError, PythonError);
TASKLANE_PYTHON_ERROR(BrokenExecutor, RuntimeError);
TASKLANE_PYTHON_ERROR(BrokenProcessPool, BrokenExecutor);
TASKLANE_PYTHON_ERROR(BrokenThreadPool, BrokenExecutor);

#undef TASKLANE_PYTHON_ERROR

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
