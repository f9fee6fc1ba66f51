#include "chart/selection_stats.h"

#include "analysis/busy_union.h"
#include "analysis/range_tally.h"
#include "analysis/trace_analysis.h"

#include <algorithm>

namespace tasklane {

namespace {

TimeInterval intervalOf(TimeRange range) {
    return TimeInterval{range.begin_ns, range.end_ns};
}

void tallyByScan(const Trace& trace, const GanttLane& lane, RangeTally& tally) {
    const auto [first, last] = lane.candidates(trace, tally.range().begin_ns, tally.range().end_ns);
    for (std::size_t p = first; p < last; ++p)
        tally.addSlice(trace.events[lane.events[p]]);
}

// The lane's durations by state over its positions [0, position): the running total at the
// last stride before it, plus the slices between.
StateTimes statesBefore(const Trace& trace, const GanttLane& lane, std::size_t position) {
    const std::size_t k = position / kLaneSumStride;
    StateTimes times(lane.sums[k].stateNs);
    for (std::size_t p = k * kLaneSumStride; p < position; ++p) {
        const TraceEvent& e = trace.events[lane.events[p]];
        times.add(e.state, e.duration_ns());
    }
    return times;
}

// The slices of a lane whose begins and ends are both in order: those wholly inside the range
// are one run of positions, [inside, outside), whose times are the difference of two running
// totals; only the few that straddle an edge are read.
void tallyLane(const Trace& trace, const GanttLane& lane, RangeTally& tally) {
    if (!lane.endsSorted || lane.sums.empty()) {
        tallyByScan(trace, lane, tally);
        return;
    }
    const TimeInterval range = tally.range();
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
        tally.addSlice(ev[events[p]]);
    for (std::size_t p = outside; p < last; ++p)
        tally.addSlice(ev[events[p]]);
    if (outside > inside)
        tally.addInside(outside - inside,
                        statesBefore(trace, lane, outside) - statesBefore(trace, lane, inside));
}

// How much of (-inf, t) the lane's busy slices cover: its busy union resumed from the running
// total at the last stride before the slices that begin at t, carried over the rest of them.
std::int64_t busyBefore(const Trace& trace, const GanttLane& lane, std::int64_t t) {
    const auto& ev = trace.events;
    const auto before = std::size_t(
        std::lower_bound(lane.events.begin(), lane.events.end(), t,
                         [&](std::uint32_t i, std::int64_t v) { return ev[i].begin_ns < v; }) -
        lane.events.begin());
    const std::size_t k = before / kLaneSumStride;
    BusyUnion busy(lane.sums[k].busyNs, lane.sums[k].busyEnd);
    for (std::size_t p = k * kLaneSumStride; p < before; ++p) {
        const TraceEvent& e = ev[lane.events[p]];
        if (isOnCpu(e.state))
            busy.add(e.begin_ns, e.end_ns);
    }
    return busy.coveredBefore(t);
}

// A lane without running totals: the union of its busy slices clipped to the range. Its
// slices come in begin order, so the clipped begins do too.
std::int64_t busyByScan(const Trace& trace, const GanttLane& lane, TimeInterval range) {
    const auto [first, last] = lane.candidates(trace, range.begin_ns, range.end_ns);
    BusyUnion busy;
    for (std::size_t p = first; p < last; ++p)
        if (const TraceEvent& e = trace.events[lane.events[p]]; isOnCpu(e.state))
            busy.add(range.clamp(e.begin_ns), range.clamp(e.end_ns));
    return busy.ns();
}

std::int64_t busyTime(const Trace& trace, const GanttLane& lane, TimeRange range) {
    if (lane.sums.empty())
        return busyByScan(trace, lane, intervalOf(range));
    return busyBefore(trace, lane, range.end_ns) - busyBefore(trace, lane, range.begin_ns);
}

RowBusy rowBusy(int row, std::int64_t busy, TimeRange range) {
    return RowBusy{row, busy, double(busy) / double(range.span())};
}

// The rows' busy time, and the asked-for process summaries', as `busyOf(row id)` gives it.
template <typename BusyOf>
void addRowBusy(const GanttRows& rows, TimeRange range, SelectionStats& stats, BusyOf busyOf) {
    for (int r = 0; r < rows.size(); ++r)
        if (rows.row(r).kind != RowKind::Lane)
            stats.rows.push_back(rowBusy(r, busyOf(r), range));
    for (int g = 0; g < int(rows.processGroups().size()); ++g)
        if (rows.hasSummary(g)) {
            const int summary = rows.processGroups()[std::size_t(g)].summary;
            stats.groups.push_back(rowBusy(summary, busyOf(summary), range));
        }
}

// The tracks of a process group's summary row: its track rows'.
std::vector<std::uint32_t> groupTracks(const GanttRows& rows, int summary) {
    std::vector<std::uint32_t> tracks;
    for (const GanttProcessGroup& group : rows.processGroups())
        if (group.summary == summary)
            for (const int r : group.rows)
                if (rows.row(r).kind == RowKind::Track)
                    tracks.push_back(rows.row(r).track);
    return tracks;
}

} // namespace

std::int64_t SelectionStats::totalStateNs() const {
    return stateNs.total();
}

SelectionStats selectionStats(const GanttRows& rows, TimeRange range) {
    SelectionStats stats;
    stats.range = range;
    const Trace* trace = rows.trace();
    if (!trace || range.span() <= 0)
        return stats;
    RangeTally tally(intervalOf(range));
    if (rows.hasTrackRows()) {
        // Every slice is in its track's row, every async slice in a lane row under it.
        for (const GanttRow& row : rows.rows())
            if (row.kind != RowKind::Core)
                tallyLane(*trace, row.kind == RowKind::Lane ? row.asyncSlices : row.slices, tally);
    } else {
        // Core rows hold running slices only; the statistics are of the whole trace still.
        tally = tallySlices(*trace, AnalysisScope::of(intervalOf(range)));
    }
    stats.slices = tally.slices();
    stats.stateNs = tally.states();
    addRowBusy(rows, range, stats,
               [&](int r) { return busyTime(*trace, rows.row(r).slices, range); });
    return stats;
}

SelectionStats selectionStatsByScan(const GanttRows& rows, TimeRange range) {
    SelectionStats stats;
    stats.range = range;
    const Trace* trace = rows.trace();
    if (!trace || range.span() <= 0)
        return stats;
    AnalysisScope scope = AnalysisScope::of(intervalOf(range));
    scope.acrossTracks = rows.hasCoreRows(); // a core row's busy time merges every track's
    const TraceAnalysis analysis = analyseTrace(*trace, scope);
    stats.slices = analysis.counts.slices;
    stats.stateNs = analysis.states;
    addRowBusy(rows, range, stats, [&](int r) -> std::int64_t {
        const GanttRow& row = rows.row(r);
        if (row.kind == RowKind::Track)
            return analysis.tracks[row.track].busy_ns;
        if (row.kind == RowKind::Core)
            return analysis.cores[std::size_t(row.cpu)].running_ns;
        // A collapsed process: the union across its threads.
        AnalysisScope group = scope;
        group.tracks = groupTracks(rows, r);
        if (group.tracks.empty()) // no tracks is every track to the engine
            return 0;
        group.acrossTracks = true;
        return analyseTrace(*trace, group).busy_ns;
    });
    return stats;
}

} // namespace tasklane
