// The CPU time a slice used, as opposed to the wall time it lasted. A slice that measured its
// CPU time (TraceEvent::value > 0: a worker process reading its thread's clock) counts that,
// pro rata for the part of it in question, not the time its thread spent preempted by others
// on the same core; any other counts its length.
#pragma once

#include "trace/trace_event.h"

#include <algorithm>
#include <cstdint>

namespace tasklane {

// Of `part` nanoseconds of `e` (its part inside a range), how many it spent on a CPU.
inline std::int64_t cpuTimeIn(const TraceEvent& e, std::int64_t part) {
    if (e.value > 0 && e.duration_ns() > 0)
        return std::min<std::int64_t>(
            part, std::int64_t(e.value * double(part) / double(e.duration_ns())));
    return part;
}

} // namespace tasklane
