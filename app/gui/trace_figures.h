// TraceFigures: what an opened trace file holds and how its time was spent, counted in one pass
// over its events for the Summary tab. Counting is kept apart from showing
// (OpenedTraceSummary) so that one function, countTraceFigures(), is all there is to replace
// when core's analysis engine takes over these numbers.
#pragma once

#include "trace/trace.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tasklane {

struct TraceFigures {
    std::size_t slices = 0; // slices and async slices
    std::size_t instants = 0;
    std::size_t counters = 0; // counter samples
    std::size_t flows = 0;    // flow starts and ends
    bool tasks = false;       // some slice belongs to a task (Tasklane's own traces)
    std::array<std::int64_t, kStateCount> stateNs{}; // summed over slices, nested ones too
    // Running time of each track (by index), nested slices counted once.
    std::vector<std::int64_t> busyNs;
    std::int64_t spanNs = 0; // first event to last
};

TraceFigures countTraceFigures(const Trace& trace);

} // namespace tasklane
