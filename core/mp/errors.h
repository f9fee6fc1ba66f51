// The exceptions worker processes bring back to the parent. A task's own exception cannot
// cross a process boundary (Python pickles it; we carry its message), so it is re-raised as
// TaskError with the task's message. WorkerDiedError: a Pool worker died while running a task
// (Python's Pool would wait for that task forever; we fail it). A ProcessPoolExecutor whose
// worker died raises BrokenExecutor (futures/errors.h) instead, as Python does.
#pragma once

#include <stdexcept>
#include <string>

namespace tasklane {

class TaskError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class WorkerDiedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace tasklane
