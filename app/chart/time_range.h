// TimeRange: what part of a trace a chart shows or a selection covers.
#pragma once

#include <cstdint>

namespace tasklane {

// A half-open interval [begin_ns, end_ns) of CLOCK_MONOTONIC time.
struct TimeRange {
    std::int64_t begin_ns = 0;
    std::int64_t end_ns = 0;

    std::int64_t span() const { return end_ns - begin_ns; }
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

} // namespace tasklane
