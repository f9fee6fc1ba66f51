// RangeTally: what the slices of a time range add up to: how many overlap it, and their time
// per state inside it. Fed slice by slice where a slice may straddle an edge, and in bulk for
// a run of slices known to lie wholly inside, whose times a caller already has as the
// difference of two running totals (the chart's lanes): a selection dragged over millions of
// slices reads a few dozen of them per row, not all.
#pragma once

#include "analysis/state_times.h"
#include "analysis/time_interval.h"

#include <cstddef>

namespace tasklane {

class RangeTally {
public:
    explicit RangeTally(TimeInterval range)
        : range_(range) {}

    // A slice counts when it overlaps the range (TimeInterval::overlaps), for its part inside.
    void addSlice(const TraceEvent& e) {
        if (!range_.overlaps(e))
            return;
        ++slices_;
        states_.add(e.state, range_.clippedNs(e));
    }
    // `count` slices wholly inside the range, `times` their durations by state.
    void addInside(std::size_t count, const StateTimes& times) {
        slices_ += count;
        states_ += times;
    }

    const TimeInterval& range() const { return range_; }
    std::size_t slices() const { return slices_; }
    const StateTimes& states() const { return states_; }

private:
    TimeInterval range_;
    std::size_t slices_ = 0;
    StateTimes states_;
};

} // namespace tasklane
