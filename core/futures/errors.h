// The exceptions of concurrent.futures, with Python's names: a cancelled future's result()
// raises CancelledError, a result(timeout) that runs out raises TimeoutError, submit()
// after shutdown raises RuntimeError (std::runtime_error), a pool whose worker died
// raises BrokenExecutor.
#pragma once

#include <stdexcept>
#include <string>

namespace tasklane {

class CancelledError : public std::runtime_error {
public:
    CancelledError()
        : std::runtime_error("CancelledError: the future was cancelled") {}
};

class TimeoutError : public std::runtime_error {
public:
    explicit TimeoutError(const std::string& what = "TimeoutError: the result is not ready")
        : std::runtime_error(what) {}
};

class BrokenExecutor : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace tasklane
