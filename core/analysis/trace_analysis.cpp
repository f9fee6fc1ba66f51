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

// Calls read(events) with the events of the scope's tracks that may lie in its range, each
// track's in begin order: the whole trace as stored (events of a track the trace does not
// list count too), or a track at a time, its range found with a binary search.
template <typename Read>
void readScope(const Trace& trace, const AnalysisScope& scope, Read&& read) {
    if (scope.tracks.empty() && !scope.range) {
        read(std::span<const TraceEvent>(trace.events));
        return;
    }
    if (scope.tracks.empty())
        for (std::uint32_t t = 0; t < trace.tracks.size(); ++t)
            read(eventsIn(trace, scope, t));
    else
        for (const std::uint32_t t : scope.tracks)
            read(eventsIn(trace, scope, t));
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

// One pass over a scope's events, which come grouped by track: the figures of the whole
// scope, and each track's unions, kept here while its events last.
class Pass {
public:
    Pass(const Trace& trace, const AnalysisScope& scope, TraceAnalysis& out)
        : out_(out)
        , clip_(clipOf(scope))
        , tracks_(trace.tracks.size()) {}

    void read(std::span<const TraceEvent> events) {
        for (const TraceEvent& e : events) {
            if (e.track != track_) {
                finishTrack();
                track_ = e.track;
            }
            add(e);
        }
        finishTrack();
    }

private:
    void add(const TraceEvent& e) {
        if (!clip_.overlaps(e))
            return;
        out_.counts.add(e);
        if (!e.isSlice())
            return;
        const std::int64_t inside = clip_.clippedNs(e);
        out_.states.add(e.state, inside);
        out_.hasTasks = out_.hasTasks || e.task != 0;
        if (e.state == State::Sleeping && e.task != 0)
            out_.work_ns += inside;
        if (!isOnCpu(e.state))
            return;
        const std::int64_t used = cpuTimeIn(e, inside);
        if (e.cpu >= 0)
            out_.cores[std::size_t(e.cpu)].cpu_ns += used;
        // An event loop draws each step twice: on its thread, with the core, and as the
        // task's lifeline, with none. The lifeline's is the same time: counted once.
        if (e.task != 0 && (e.type == EventType::Slice || e.cpu >= 0))
            out_.work_ns += used;
        if (e.type != EventType::Slice)
            return;
        const std::int64_t begin = clip_.clamp(e.begin_ns), end = clip_.clamp(e.end_ns);
        busy_.add(begin, end);
        if (e.state == State::Running) {
            running_.add(begin, end);
            ran_ = true;
            ranTask_ = ranTask_ || e.task != 0;
        }
    }

    void finishTrack() {
        if (track_ < tracks_)
            out_.tracks[track_] = TrackFigures{busy_.ns(), running_.ns(), ran_, ranTask_};
        busy_ = BusyUnion();
        running_ = BusyUnion();
        ran_ = false;
        ranTask_ = false;
        track_ = kNoTrack;
    }

    static constexpr std::uint32_t kNoTrack = 0xFFFFFFFFU;
    TraceAnalysis& out_;
    const TimeInterval clip_;
    const std::size_t tracks_;
    std::uint32_t track_ = kNoTrack;
    BusyUnion busy_, running_;
    bool ran_ = false;
    bool ranTask_ = false;
};

} // namespace

int TraceAnalysis::tracksThatRan() const {
    return int(
        std::count_if(tracks.begin(), tracks.end(), [](const TrackFigures& t) { return t.ran; }));
}

int TraceAnalysis::workersThatRan() const {
    if (!hasTasks)
        return tracksThatRan();
    return int(std::count_if(tracks.begin(), tracks.end(),
                             [](const TrackFigures& t) { return t.ranTask; }));
}

TraceAnalysis analyseTrace(const Trace& trace, const AnalysisScope& scope) {
    TraceAnalysis out;
    out.range = scope.range.value_or(TimeInterval{trace.beginNs(), trace.endNs()});
    out.tracks.resize(trace.tracks.size());
    out.cores.resize(
        std::size_t(std::max(trace.maxCpu() + 1, int(std::thread::hardware_concurrency()))));
    Pass pass(trace, scope, out);
    readScope(trace, scope, [&](std::span<const TraceEvent> events) { pass.read(events); });
    if (scope.acrossTracks)
        addAcrossTracks(trace, scope, out);
    return out;
}

RangeTally tallySlices(const Trace& trace, const AnalysisScope& scope) {
    RangeTally tally(clipOf(scope));
    readScope(trace, scope, [&](std::span<const TraceEvent> events) {
        for (const TraceEvent& e : events)
            if (e.isSlice())
                tally.addSlice(e);
    });
    return tally;
}

} // namespace tasklane
