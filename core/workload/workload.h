// What a task does, for real: `cpu` burns N ms of arithmetic on whatever core the kernel
// gives it, `io` sleeps N ms as blocking I/O does, and the tutorial's own functions.
// Inside a TaskContext they trace their states (running per core, waiting-for-core, sleeping,
// gil-wait).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>

namespace tasklane::workload {

// Thrown by cpu() and io() when the run they belong to is stopped (see StopScope).
struct Interrupted : std::exception {
    const char* what() const noexcept override { return "the run was stopped"; }
};

// While one is alive on a thread, cpu() and io() on that thread look at `flag` every few
// milliseconds and throw Interrupted once it is set: so that Stop ends a run of long tasks
// at once, not when the current task is over.
class StopScope {
public:
    explicit StopScope(const std::atomic<bool>* flag);
    ~StopScope();
    StopScope(const StopScope&) = delete;
    StopScope& operator=(const StopScope&) = delete;

private:
    const std::atomic<bool>* previous_;
};

// Arithmetic for `duration` of this thread's CPU time; yields the GIL at the switch
// interval when another thread waits for it, splits its slice on a core migration, and
// records the wall time its CPU clock stood still (the kernel ran someone else) as
// waiting-for-core.
// Returns a value derived from the work so the compiler cannot drop it.
std::uint64_t cpu(std::chrono::nanoseconds duration);
// Blocks for `duration` (traced as sleeping, with the GIL released, as blocking I/O).
void io(std::chrono::nanoseconds duration);

inline long long square(long long n) {
    return n * n;
}
inline long long cube(long long n) {
    return n * n * n;
}

std::chrono::nanoseconds fromMs(double ms);

} // namespace tasklane::workload
