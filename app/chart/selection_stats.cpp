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

void countByScan(const Trace& trace, const GanttLane& lane, TimeRange range,
                 SelectionStats& stats) {
    const auto [first, last] = lane.candidates(trace, range.begin_ns, range.end_ns);
    for (std::size_t p = first; p < last; ++p)
        if (const TraceEvent& e = trace.events[lane.events[p]]; overlaps(e, range))
            count(e, range, stats);
}

// The slices of a lane whose begins and ends are both in order: those wholly inside the range
// are one run of positions, [inside, outside), counted from the running totals; only the few
// that straddle an edge are read.
void countLane(const Trace& trace, const GanttLane& lane, TimeRange range, SelectionStats& stats) {
    if (!lane.endsSorted || lane.sums.empty()) {
        countByScan(trace, lane, range, stats);
        return;
    }
    const auto& ev = trace.events;
    const auto& events = lane.events;
    const auto [first, last] = lane.candidates(trace, range.begin_ns, range.end_ns);
    const auto begin = events.begin();
    const auto inside =
        std::size_t(std::lower_bound(
                        begin + std::ptrdiff_t(first), begin + std::ptrdiff_t(last), range.begin_ns,
                        [&](std::uint32_t i, std::int64_t t) { return ev[i].begin_ns < t; }) -
                    begin);
    const auto outside = std::max(
        inside, std::size_t(std::partition_point(
                                begin + std::ptrdiff_t(inside), begin + std::ptrdiff_t(last),
                                [&](std::uint32_t i) { return ev[i].end_ns <= range.end_ns; }) -
                            begin));
    for (std::size_t p = first; p < inside; ++p)
        if (const TraceEvent& e = ev[events[p]]; overlaps(e, range))
            count(e, range, stats);
    for (std::size_t p = outside; p < last; ++p)
        if (const TraceEvent& e = ev[events[p]]; overlaps(e, range))
            count(e, range, stats);
    if (outside == inside)
        return;
    stats.slices += outside - inside;
    // Totals at a stride, plus the slices between the stride and the position.
    const auto addPrefix = [&](std::size_t position, std::int64_t sign) {
        const std::size_t k = position / kLaneSumStride;
        const GanttLaneSum& sum = lane.sums[k];
        for (int s = 0; s < kStateCount; ++s)
            stats.stateNs[std::size_t(s)] += sign * sum.stateNs[std::size_t(s)];
        for (std::size_t p = k * kLaneSumStride; p < position; ++p) {
            const TraceEvent& e = ev[events[p]];
            stats.stateNs[std::size_t(e.state)] += sign * e.duration_ns();
        }
    };
    addPrefix(outside, 1);
    addPrefix(inside, -1);
}

// How much of (-inf, t) the lane's busy slices cover: the running total at the last stride
// before the slices that begin at t, carried over the rest of them. What lies past t belongs
// to the slice that reached the furthest, which began before t and so covers [t, its end).
std::int64_t busyBefore(const Trace& trace, const GanttLane& lane, std::int64_t t) {
    const auto& ev = trace.events;
    const auto before = std::size_t(
        std::lower_bound(lane.events.begin(), lane.events.end(), t,
                         [&](std::uint32_t i, std::int64_t v) { return ev[i].begin_ns < v; }) -
        lane.events.begin());
    const std::size_t k = before / kLaneSumStride;
    GanttLaneSum sum = lane.sums[k];
    for (std::size_t p = k * kLaneSumStride; p < before; ++p) {
        const TraceEvent& e = ev[lane.events[p]];
        if (isBusyState(e.state))
            addToSum(sum, e);
    }
    return sum.busyEnd > t ? sum.busyNs - (sum.busyEnd - t) : sum.busyNs;
}

// The union of the busy slices' time in the range, by a sweep over them. Candidates come in
// begin order, so the clipped begins do too and one sweep merges overlaps (a core row's
// slices from two tracks may overlap by the clocks' skew; an imported trace may nest).
std::int64_t busyByScan(const Trace& trace, const GanttLane& lane, TimeRange range) {
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

std::int64_t busyTime(const Trace& trace, const GanttLane& lane, TimeRange range, bool scan) {
    if (scan || lane.sums.empty())
        return busyByScan(trace, lane, range);
    return busyBefore(trace, lane, range.end_ns) - busyBefore(trace, lane, range.begin_ns);
}

SelectionStats computeStats(const GanttRows& rows, TimeRange range, bool scan) {
    SelectionStats stats;
    stats.range = range;
    const Trace* trace = rows.trace();
    if (!trace || range.span() <= 0)
        return stats;

    if (rows.hasTrackRows()) {
        // Every slice is in its track's row, every async slice in a lane row under it.
        for (const GanttRow& row : rows.rows()) {
            if (row.kind == RowKind::Core)
                continue;
            const GanttLane& lane = row.kind == RowKind::Lane ? row.asyncSlices : row.slices;
            if (scan)
                countByScan(*trace, lane, range, stats);
            else
                countLane(*trace, lane, range, stats);
        }
    } else {
        // Core rows hold running slices only; the statistics are of the whole trace still.
        for (std::uint32_t t = 0; t < trace->tracks.size(); ++t)
            for (const TraceEvent& e : trace->eventsOf(t, range.begin_ns, range.end_ns))
                if (e.isSlice() && overlaps(e, range))
                    count(e, range, stats);
    }

    const auto busyOf = [&](int r) {
        RowBusy busy;
        busy.row = r;
        busy.busy_ns = busyTime(*trace, rows.row(r).slices, range, scan);
        busy.share = double(busy.busy_ns) / double(range.span());
        return busy;
    };
    for (int r = 0; r < rows.size(); ++r)
        if (rows.row(r).kind != RowKind::Lane)
            stats.rows.push_back(busyOf(r));
    for (int g = 0; g < int(rows.processGroups().size()); ++g)
        if (rows.hasSummary(g))
            stats.groups.push_back(busyOf(rows.processGroups()[std::size_t(g)].summary));
    return stats;
}

} // namespace

std::int64_t SelectionStats::totalStateNs() const {
    return std::accumulate(stateNs.begin(), stateNs.end(), std::int64_t(0));
}

SelectionStats selectionStats(const GanttRows& rows, TimeRange range) {
    return computeStats(rows, range, false);
}

SelectionStats selectionStatsByScan(const GanttRows& rows, TimeRange range) {
    return computeStats(rows, range, true);
}

} // namespace tasklane
