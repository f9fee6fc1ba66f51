// TraceOverview: what a whole trace holds and how its time was spent, for a trace file the
// window opened (its own or another tool's): event counts, time by state, running time per
// track, and Tasklane's run figures where they mean something. One pass over the events: meant to
// be made once, when the file is read (off the GUI thread), and kept.
#pragma once

#include "analysis/event_counts.h"
#include "analysis/metrics.h"
#include "analysis/state_times.h"
#include "trace/trace.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tasklane {

struct TraceOverview {
    EventCounts counts; // every event, by kind
    StateTimes states;  // time by state, summed over slices
    // Some slice belongs to a task: the sequential estimate and the speedup are Tasklane's
    // measures of tasks, shown only then.
    bool hasTasks = false;
    // Some slice names the CPU it ran on: only then does "cores used" say anything.
    bool hasCpuNumbers = false;
    // Per track: the union of its running slices (another tool's slices nest, and a thread is
    // busy once for a function and the functions it called).
    std::vector<std::int64_t> runningByTrack;
    std::int64_t span_ns = 0; // first event to last
    // Tracks a task ran on (any that ran something, in another tool's trace): the file does
    // not say how many workers there were, so efficiency is measured against these (at
    // least 1), as the live run measures against its workers; not the main thread that only
    // started and joined them.
    int workers = 1;
    Metrics metrics; // over the span, against `workers`

    // The tracks with running time, most first (ties in track order), at most `limit`:
    // a file may hold hundreds.
    std::vector<std::uint32_t> busiestTracks(std::size_t limit) const;
    // A track's running time as a share of the span; 0 for a trace of no length.
    double runningShare(std::uint32_t track) const;
};

TraceOverview overviewOf(const Trace& trace);

} // namespace tasklane
