#include "analysis/trace_analysis.h"

#include "analysis/cpu_time.h"

#include <algorithm>
#include <span>
#include <thread>

namespace tasklane {

namespace {

TimeInterval clipOf(const AnalysisScope& scope) {
    return scope.range.value_or(TimeInterval::unbounded());
}

// The events of one track that may lie in the scope's range, in begin order.
std::span<const TraceEvent> eventsIn(const Trace& trace, const AnalysisScope& scope,
                                     std::uint32_t track) {
    if (track >= trace.tracks.size())
        return {};
    return scope.range ? trace.eventsOf(track, scope.range->begin_ns, scope.range->end_ns)
                       : trace.eventsOf(track);
}

// Calls f(e) for every event of the scope's tracks that may lie in its range: each track's in
// begin order. The whole trace is read as stored, so that events of a track the trace does
// not list count too; a range is found per track with a binary search.
template <typename F> void forEachEvent(const Trace& trace, const AnalysisScope& scope, F&& f) {
    if (scope.tracks.empty() && !scope.range) {
        for (const TraceEvent& e : trace.events)
            f(e);
        return;
    }
    const auto visit = [&](std::uint32_t track) {
        for (const TraceEvent& e : eventsIn(trace, scope, track))
            f(e);
    };
    if (scope.tracks.empty())
        for (std::uint32_t t = 0; t < trace.tracks.size(); ++t)
            visit(t);
    else
        for (const std::uint32_t t : scope.tracks)
            visit(t);
}

std::vector<std::uint32_t> tracksOf(const Trace& trace, const AnalysisScope& scope) {
    if (!scope.tracks.empty())
        return scope.tracks;
    std::vector<std::uint32_t> all(trace.tracks.size());
    for (std::uint32_t t = 0; t < all.size(); ++t)
        all[t] = t;
    return all;
}

// The unions that cross tracks: the scope's slices on a CPU merged in begin order from every
// track (each track's are in order already, so a heap of one cursor per track does it).
void addAcrossTracks(const Trace& trace, const AnalysisScope& scope, TraceAnalysis& out) {
    struct Cursor {
        const TraceEvent* next;
        const TraceEvent* end;
    };
    std::vector<Cursor> heap;
    for (const std::uint32_t t : tracksOf(trace, scope))
        if (const auto events = eventsIn(trace, scope, t); !events.empty())
            heap.push_back({events.data(), events.data() + events.size()});
    const auto later = [](const Cursor& a, const Cursor& b) {
        return a.next->begin_ns > b.next->begin_ns;
    };
    std::make_heap(heap.begin(), heap.end(), later);
    const TimeInterval clip = clipOf(scope);
    BusyUnion all;
    std::vector<BusyUnion> cores(out.cores.size());
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const TraceEvent& e = *heap.back().next++;
        if (heap.back().next == heap.back().end)
            heap.pop_back();
        else
            std::push_heap(heap.begin(), heap.end(), later);
        if (e.type != EventType::Slice || !isOnCpu(e.state))
            continue;
        const std::int64_t begin = clip.clamp(e.begin_ns), end = clip.clamp(e.end_ns);
        all.add(begin, end);
        if (e.state == State::Running && e.cpu >= 0)
            cores[std::size_t(e.cpu)].add(begin, end);
    }
    out.busy_ns = all.ns();
    for (std::size_t c = 0; c < cores.size(); ++c)
        out.cores[c].running_ns = cores[c].ns();
}

} // namespace

int TraceAnalysis::tracksThatRan() const {
    return int(
        std::count_if(tracks.begin(), tracks.end(), [](const TrackFigures& t) { return t.ran; }));
}

TraceAnalysis analyseTrace(const Trace& trace, const AnalysisScope& scope) {
    TraceAnalysis out;
    out.range = scope.range.value_or(TimeInterval{trace.beginNs(), trace.endNs()});
    out.cores.resize(
        std::size_t(std::max(trace.maxCpu() + 1, int(std::thread::hardware_concurrency()))));
    const TimeInterval clip = clipOf(scope);
    std::vector<BusyUnion> busy(trace.tracks.size()), running(trace.tracks.size());
    std::vector<bool> ran(trace.tracks.size(), false);
    forEachEvent(trace, scope, [&](const TraceEvent& e) {
        if (!clip.overlaps(e))
            return;
        out.counts.add(e);
        if (!e.isSlice())
            return;
        const std::int64_t inside = clip.clippedNs(e);
        out.states.add(e.state, inside);
        out.hasTasks = out.hasTasks || e.task != 0;
        if (e.state == State::Sleeping && e.task != 0)
            out.work_ns += inside;
        if (!isOnCpu(e.state))
            return;
        const std::int64_t used = cpuTimeIn(e, inside);
        if (e.cpu >= 0)
            out.cores[std::size_t(e.cpu)].cpu_ns += used;
        if (e.task != 0)
            out.work_ns += used;
        if (e.type != EventType::Slice || e.track >= trace.tracks.size())
            return;
        const std::int64_t begin = clip.clamp(e.begin_ns), end = clip.clamp(e.end_ns);
        busy[e.track].add(begin, end);
        if (e.state == State::Running) {
            running[e.track].add(begin, end);
            ran[e.track] = true;
        }
    });
    out.tracks.resize(trace.tracks.size());
    for (std::size_t t = 0; t < out.tracks.size(); ++t)
        out.tracks[t] = TrackFigures{busy[t].ns(), running[t].ns(), ran[t]};
    if (scope.acrossTracks)
        addAcrossTracks(trace, scope, out);
    return out;
}

RangeTally tallySlices(const Trace& trace, const AnalysisScope& scope) {
    RangeTally tally(clipOf(scope));
    forEachEvent(trace, scope, [&](const TraceEvent& e) {
        if (e.isSlice())
            tally.addSlice(e);
    });
    return tally;
}

} // namespace tasklane
