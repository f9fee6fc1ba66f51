// TimeInterval: the half-open stretch of CLOCK_MONOTONIC time [begin_ns, end_ns) that an
// analysis looks at, and what "in it" means for an event. Every figure of a range (the run's,
// a selection's) clips and counts through these two functions, so they agree at the edges.
#pragma once

#include "trace/trace_event.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace tasklane {

struct TimeInterval {
    std::int64_t begin_ns = 0;
    std::int64_t end_ns = 0;

    // Every time there is: clipping to it changes nothing. Its span() is not defined.
    static constexpr TimeInterval unbounded() {
        return {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()};
    }

    std::int64_t span() const { return end_ns - begin_ns; }
    std::int64_t clamp(std::int64_t t) const { return std::min(std::max(t, begin_ns), end_ns); }

    // As the chart draws it: a zero-length event (an instant, a counter sample, a slice that
    // took no time) counts where it lies, so one at the range's begin is in and one at its end
    // is out.
    bool overlaps(const TraceEvent& e) const {
        return e.begin_ns < end_ns &&
               (e.end_ns > begin_ns || (e.end_ns == e.begin_ns && e.begin_ns >= begin_ns));
    }
    // How much of `e` lies inside; 0 when nothing does.
    std::int64_t clippedNs(const TraceEvent& e) const {
        return std::max<std::int64_t>(0,
                                      std::min(e.end_ns, end_ns) - std::max(e.begin_ns, begin_ns));
    }

    friend bool operator==(const TimeInterval&, const TimeInterval&) = default;
};

} // namespace tasklane
