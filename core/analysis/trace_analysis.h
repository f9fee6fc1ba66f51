// The analysis engine: what a trace, or a scope of it (AnalysisScope), says about how its
// time was spent, computed in one pass for every reader: the run summary and the command
// line's --summary / --stats (through Metrics), the chart's selection statistics, an opened
// trace's summary, the comparison. Figures stay in integer nanoseconds here; Metrics turns
// them into the milliseconds and ratios people read.
#pragma once

#include "analysis/analysis_scope.h"
#include "analysis/busy_union.h"
#include "analysis/event_counts.h"
#include "analysis/range_tally.h"
#include "analysis/state_times.h"
#include "trace/trace.h"

#include <cstdint>
#include <vector>

namespace tasklane {

struct TrackFigures {
    // The union of its slices on a CPU (isOnCpu), within the range: a thread is busy once for
    // a call and the calls nested in it.
    std::int64_t busy_ns = 0;
    // The same for its running slices alone (lock-held time left out).
    std::int64_t running_ns = 0;
    // Whether it has a running slice at all (even one of no length): a thread that worked.
    bool ran = false;
    // Whether a task ran on it (a running slice of a task): a worker, not the thread that
    // only started and joined them.
    bool ranTask = false;
};

struct CoreFigures {
    // CPU time of the slices on a CPU that ran on it (cpuTimeIn), summed: what utilisation
    // divides by the span.
    std::int64_t cpu_ns = 0;
    // The union of the running slices on it from every track (AnalysisScope::acrossTracks):
    // what the chart's core row shows as busy.
    std::int64_t running_ns = 0;
};

struct TraceAnalysis {
    TimeInterval range; // the scope's range, or the trace's span
    // Events in the range by kind (a slice when it overlaps, a point where it lies).
    EventCounts counts;
    StateTimes states; // time per state inside the range, summed over slices
    // Per Trace::tracks index; tracks outside the scope stay zero.
    std::vector<TrackFigures> tracks;
    // Per CPU number: every core of this machine, idle ones too (an idle core is the point),
    // and any the trace names beyond them.
    std::vector<CoreFigures> cores;
    // The union of the scope's slices on a CPU, across its tracks (acrossTracks): how long a
    // process with several threads was busy.
    std::int64_t busy_ns = 0;
    // The tasks' own work, back to back on one thread: their CPU time running, their time
    // sleeping (blocking I/O is work a sequential program waits through too); their own
    // awaits once addTaskWaits() has added them.
    std::int64_t work_ns = 0;
    // The most of the tasks' own waits in progress at once: 0 until addTaskWaits().
    int overlapped_waits = 0;
    bool hasTasks = false; // some slice belongs to a task (Tasklane's traces; not others')

    // Tracks with a running slice: the most threads that could have run at once, when a file
    // does not say how many workers there were.
    int tracksThatRan() const;
    // Tracks a task ran on (the workers of a Tasklane trace); tracksThatRan() for a trace
    // of no tasks.
    int workersThatRan() const;
};

TraceAnalysis analyseTrace(const Trace& trace, const AnalysisScope& scope);

// The slices of a scope and their time per state, without the rest: what a selection over
// the chart's core rows reads, on every mouse move of a drag.
RangeTally tallySlices(const Trace& trace, const AnalysisScope& scope);

} // namespace tasklane
