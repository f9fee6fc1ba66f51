// What a selected time range of a trace holds: how many slices, how much time in each state,
// and how busy each row of the chart was. Plain values from the chart's rows, so the window
// only formats them and the tests check them to the nanosecond.
#pragma once

#include "analysis/state_times.h"
#include "chart/gantt_layout.h"

#include <cstdint>
#include <vector>

namespace tasklane {

struct RowBusy {
    int row = -1;             // a GanttRows::row() id: a row, or a process group's summary
    std::int64_t busy_ns = 0; // time in a busy state within the range; overlaps counted once
    double share = 0;         // busy_ns over the range's span
};

struct SelectionStats {
    TimeRange range;
    // Slices and async slices that overlap the range, each counted once (a running slice on
    // a core row and its track row is one slice).
    std::size_t slices = 0;
    // Time per State inside the range, summed over slices: three tasks awaiting for a second
    // each are three seconds awaiting, as Perfetto sums an area selection.
    StateTimes stateNs;
    // Every track and core row, in row order. Lane rows hold lifelines, not work, and are left
    // out.
    std::vector<RowBusy> rows;
    // Per process group (GanttRows::processGroups()) whose summary row has been asked for (a
    // collapsed one): that row's busy time, the union of its threads'. `row` is the summary's
    // id. Others are left out rather than built here, in the middle of a drag.
    std::vector<RowBusy> groups;

    std::int64_t totalStateNs() const;
};

// O(log n + kLaneSumStride) per row from the lanes' running totals, whatever the range holds,
// through the analysis engine's accumulators (RangeTally, BusyUnion); lanes whose slices
// overlap out of order (an overflow lane, an imported trace's nesting) read the slices in the
// range instead, and a core-only grouping counts with the engine's tallySlices. An empty range
// gives empty statistics.
SelectionStats selectionStats(const GanttRows& rows, TimeRange range);

// The same from the analysis engine's plain scan of the trace (analyseTrace over the range,
// and over each asked-for process's tracks), no rows or running totals: the reference that
// the fast one must equal.
SelectionStats selectionStatsByScan(const GanttRows& rows, TimeRange range);

} // namespace tasklane
