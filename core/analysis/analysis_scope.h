// AnalysisScope: what part of a trace an analysis looks at: all of it, a time range (a run
// between its first submit and its last result, a selection on the chart), a group of its
// tracks (a process's threads), or both.
#pragma once

#include "analysis/time_interval.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace tasklane {

struct AnalysisScope {
    // None: the whole trace, every event counted and no slice clipped; its span is the
    // trace's, first event to last.
    std::optional<TimeInterval> range;
    // Indices into Trace::tracks; empty: every track.
    std::vector<std::uint32_t> tracks;
    // Also the busy unions across tracks (per core, and of the scope as a whole), which need
    // the tracks' slices merged in time order: O(n log tracks) more, so only when asked for.
    bool acrossTracks = false;

    static AnalysisScope whole() { return {}; }
    static AnalysisScope of(TimeInterval range) { return {range, {}, false}; }
};

} // namespace tasklane
