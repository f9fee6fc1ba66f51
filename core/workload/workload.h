// What a task does, for real: `cpu` burns N ms of arithmetic on whatever core the kernel
// gives it, `io` sleeps N ms as blocking I/O does, and the tutorial's own functions.
// Inside a TaskContext they trace their states (running per core, sleeping, gil-wait).
#pragma once

#include <chrono>
#include <cstdint>

namespace tasklane::workload {

// Arithmetic for `duration` of this thread's CPU time; yields the GIL at the switch
// interval when another thread waits for it, and splits its slice on a core migration.
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
