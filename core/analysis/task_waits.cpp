#include "analysis/task_waits.h"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tasklane {

namespace {

struct Span {
    std::int64_t begin = 0;
    std::int64_t end = 0;
};

// Each track's running slices of tasks, in begin order (a track's slices never overlap), to
// find which task was running on a track at a moment.
class RunningIndex {
public:
    explicit RunningIndex(const Trace& trace)
        : byTrack_(trace.tracks.size()) {
        for (std::uint32_t t = 0; t < trace.tracks.size(); ++t)
            for (const TraceEvent& e : trace.eventsOf(t))
                if (e.type == EventType::Slice && e.state == State::Running && e.task != 0)
                    byTrack_[t].push_back(&e);
    }

    // The task running on `track` at `t` other than `task`; 0 for none.
    std::uint32_t taskAt(std::uint32_t track, std::int64_t t, std::uint32_t task) const {
        if (track >= byTrack_.size())
            return 0;
        const auto& slices = byTrack_[track];
        auto it =
            std::upper_bound(slices.begin(), slices.end(), t,
                             [](std::int64_t v, const TraceEvent* e) { return v < e->begin_ns; });
        if (it == slices.begin())
            return 0;
        const TraceEvent& e = **std::prev(it);
        return e.end_ns >= t && e.task != task ? e.task : 0;
    }

private:
    std::vector<std::vector<const TraceEvent*>> byTrack_;
};

struct TaskFacts {
    Span life{std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()};
    std::uint32_t firstTrack = 0;
    std::uint32_t parent = 0;
    std::vector<std::pair<std::uint32_t, std::int64_t>> flowStarts; // (track, time)
};

std::unordered_map<std::uint32_t, TaskFacts> factsOf(const Trace& trace) {
    std::unordered_map<std::uint32_t, TaskFacts> tasks;
    for (const TraceEvent& e : trace.events) {
        if (e.task == 0)
            continue;
        TaskFacts& f = tasks[e.task];
        if (e.type == EventType::FlowStart) {
            f.flowStarts.emplace_back(e.track, e.begin_ns);
            continue;
        }
        if (e.begin_ns < f.life.begin) {
            f.life.begin = e.begin_ns;
            f.firstTrack = e.track;
        }
        f.life.end = std::max(f.life.end, e.end_ns);
    }
    const RunningIndex running(trace);
    for (auto& [task, f] : tasks) {
        // The arrow that starts a job says who started it; its first event, on an executor
        // thread, lies in whatever job that thread was running then, no parent of it.
        for (std::size_t k = 0; f.parent == 0 && k < f.flowStarts.size(); ++k)
            f.parent = running.taskAt(f.flowStarts[k].first, f.flowStarts[k].second, task);
        if (f.parent == 0 && f.life.begin <= f.life.end)
            f.parent = running.taskAt(f.firstTrack, f.life.begin, task);
    }
    return tasks;
}

// `spans` sorted by begin and merged, so that overlaps count once.
std::vector<Span> merged(std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
    std::vector<Span> out;
    for (const Span s : spans) {
        if (!out.empty() && s.begin <= out.back().end)
            out.back().end = std::max(out.back().end, s.end);
        else
            out.push_back(s);
    }
    return out;
}

bool overlapsAny(Span wait, const std::vector<Span>& lives) {
    return std::any_of(lives.begin(), lives.end(),
                       [&](Span l) { return l.begin < wait.end && wait.begin < l.end; });
}

int peakOverlap(const std::vector<Span>& waits) {
    std::vector<std::pair<std::int64_t, int>> edges;
    edges.reserve(waits.size() * 2);
    for (const Span w : waits) {
        edges.emplace_back(w.begin, 1);
        edges.emplace_back(w.end, -1);
    }
    // At equal times an end comes first: back-to-back waits do not overlap.
    std::sort(edges.begin(), edges.end());
    int now = 0;
    int peak = 0;
    for (const auto& [t, step] : edges)
        peak = std::max(peak, now += step);
    return peak;
}

} // namespace

TaskWaits taskWaitsOf(const Trace& trace, TimeInterval range) {
    const auto tasks = factsOf(trace);
    std::unordered_map<std::uint32_t, std::vector<Span>> children;
    for (const auto& [task, f] : tasks)
        if (f.parent != 0)
            children[f.parent].push_back(f.life);
    for (auto& [parent, lives] : children)
        lives = merged(std::move(lives));

    TaskWaits out;
    std::vector<Span> own;
    for (const TraceEvent& e : trace.events) {
        if (!e.isSlice() || e.task == 0 || !range.overlaps(e))
            continue;
        const Span inside{range.clamp(e.begin_ns), range.clamp(e.end_ns)};
        if (e.state == State::Sleeping) {
            own.push_back(inside);
        } else if (e.state == State::Awaiting) {
            const auto it = children.find(e.task);
            // A wait for its own jobs and children is theirs, counted for them, and so is
            // the rest of it (the loop busy with other tasks before it resumes this one).
            if (it != children.end() && overlapsAny(inside, it->second))
                continue;
            own.push_back(inside);
            out.own_ns += inside.end - inside.begin;
        }
    }
    out.overlapped = peakOverlap(own);
    return out;
}

void addTaskWaits(const Trace& trace, TraceAnalysis& a) {
    // Threads' sleeps overlap too (4 workers waiting on I/O on 2 cores): their overlap is
    // measured, though only awaits add to the work.
    if (a.states[State::Awaiting] <= 0 && a.states[State::Sleeping] <= 0)
        return;
    const TaskWaits waits = taskWaitsOf(trace, a.range);
    a.work_ns += waits.own_ns;
    a.overlapped_waits = waits.overlapped;
}

} // namespace tasklane
