#include "chart/selection_stats.h"

#include <algorithm>
#include <numeric>

namespace tasklane {

namespace {

// As the chart draws them: a zero-length slice counts where it lies.
bool overlaps(const TraceEvent& e, TimeRange range) {
    return e.begin_ns < range.end_ns &&
           (e.end_ns > range.begin_ns || (e.end_ns == e.begin_ns && e.begin_ns >= range.begin_ns));
}

std::int64_t clipped(const TraceEvent& e, TimeRange range) {
    return std::max<std::int64_t>(0, std::min(e.end_ns, range.end_ns) -
                                         std::max(e.begin_ns, range.begin_ns));
}

void count(const TraceEvent& e, TimeRange range, SelectionStats& stats) {
    ++stats.slices;
    stats.stateNs[std::size_t(e.state)] += clipped(e, range);
}

// The union of the busy slices' time in the range. Candidates come in begin order, so the
// clipped begins do too and one sweep merges overlaps (a core row's slices from two tracks
// may overlap by the clocks' skew; an imported trace may nest).
std::int64_t busyTime(const Trace& trace, const GanttLane& lane, TimeRange range) {
    const auto [first, last] = lane.candidates(trace, range.begin_ns, range.end_ns);
    std::int64_t busy = 0;
    bool open = false;
    std::int64_t runBegin = 0, runEnd = 0;
    for (std::size_t p = first; p < last; ++p) {
        const TraceEvent& e = trace.events[lane.events[p]];
        if (!isBusyState(e.state))
            continue;
        const std::int64_t b = std::max(e.begin_ns, range.begin_ns);
        const std::int64_t en = std::min(e.end_ns, range.end_ns);
        if (en <= b)
            continue;
        if (open && b <= runEnd) {
            runEnd = std::max(runEnd, en);
            continue;
        }
        if (open)
            busy += runEnd - runBegin;
        open = true;
        runBegin = b;
        runEnd = en;
    }
    if (open)
        busy += runEnd - runBegin;
    return busy;
}

} // namespace

std::int64_t SelectionStats::totalStateNs() const {
    return std::accumulate(stateNs.begin(), stateNs.end(), std::int64_t(0));
}

SelectionStats selectionStats(const GanttRows& rows, TimeRange range) {
    SelectionStats stats;
    stats.range = range;
    const Trace* trace = rows.trace();
    if (!trace || range.span() <= 0)
        return stats;

    if (rows.hasTrackRows()) {
        // Every slice is in its track's row, every async slice in a lane row under it: the
        // rows' indexes find the range without walking what lies outside it.
        for (const GanttRow& row : rows.rows()) {
            if (row.kind == RowKind::Core)
                continue;
            const GanttLane& lane = row.kind == RowKind::Lane ? row.asyncSlices : row.slices;
            const auto [first, last] = lane.candidates(*trace, range.begin_ns, range.end_ns);
            for (std::size_t p = first; p < last; ++p)
                if (const TraceEvent& e = trace->events[lane.events[p]]; overlaps(e, range))
                    count(e, range, stats);
        }
    } else {
        // Core rows hold running slices only; the statistics are of the whole trace still.
        for (std::uint32_t t = 0; t < trace->tracks.size(); ++t)
            for (const TraceEvent& e : trace->eventsOf(t, range.begin_ns, range.end_ns))
                if (e.isSlice() && overlaps(e, range))
                    count(e, range, stats);
    }

    for (int r = 0; r < rows.size(); ++r) {
        const GanttRow& row = rows.row(r);
        if (row.kind == RowKind::Lane)
            continue;
        RowBusy busy;
        busy.row = r;
        busy.busy_ns = busyTime(*trace, row.slices, range);
        busy.share = double(busy.busy_ns) / double(range.span());
        stats.rows.push_back(busy);
    }
    return stats;
}

} // namespace tasklane
