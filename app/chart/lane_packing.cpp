#include "chart/lane_packing.h"

#include "chart/chart_style.h"
#include "text/qt_text.h"

#include <QCoreApplication>

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace tasklane {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// What a lane holds and never shares: one task's slices, or one task-less slice.
struct Lifeline {
    std::int64_t begin = 0, end = 0;
    std::uint32_t task = 0, label = 0;
};

struct Lifelines {
    std::vector<Lifeline> units;
    std::vector<std::uint32_t> unitOf; // per position in the track's events: its lifeline
};

// The lifelines of `events`, made in begin order.
Lifelines lifelinesOf(const Trace& trace, const std::vector<std::uint32_t>& events) {
    const auto& ev = trace.events;
    Lifelines found;
    auto& units = found.units;
    units.reserve(events.size());
    found.unitOf.resize(events.size());

    // The open lifeline of each task. Task ids are usually dense (the recorder counts them),
    // so a vector indexes them; sparse ids from an imported trace take a hash map.
    std::uint32_t maxTask = 0;
    for (std::uint32_t i : events)
        maxTask = std::max(maxTask, ev[i].task);
    const bool dense = std::uint64_t(maxTask) <= 4 * std::uint64_t(events.size()) + 4096;
    std::vector<std::uint32_t> denseUnit(dense ? std::size_t(maxTask) + 1 : 0, kNone);
    std::unordered_map<std::uint32_t, std::uint32_t> sparseUnit;
    for (std::size_t k = 0; k < events.size(); ++k) {
        const TraceEvent& e = ev[events[k]];
        std::uint32_t* open = nullptr;
        if (e.task != 0) {
            if (dense)
                open = &denseUnit[e.task];
            else
                open = &sparseUnit.try_emplace(e.task, kNone).first->second;
        }
        // A task's slices that overlap each other (only an imported trace has them) go on in
        // a new lifeline, so that no lane ever holds an overlap it does not own up to.
        if (open && *open != kNone && e.begin_ns >= units[*open].end) {
            Lifeline& u = units[*open];
            u.end = std::max(u.end, e.end_ns);
            if (u.label == 0)
                u.label = e.label;
            found.unitOf[k] = *open;
            continue;
        }
        found.unitOf[k] = std::uint32_t(units.size());
        if (open)
            *open = found.unitOf[k];
        units.push_back(Lifeline{e.begin_ns, e.end_ns, e.task, e.label});
    }
    return found;
}

// Lifelines were made in begin order, but one's end is known only once all its task's slices
// are seen: packing is a pass of its own. Lifelines that begin together (tasks that one step
// created) go in task order, which is the order they were created in, rather than the trace's
// longest-first order: gather(A, B, C) shows A, B, C.
std::vector<std::uint32_t> packingOrder(const std::vector<Lifeline>& units) {
    std::vector<std::uint32_t> order(units.size());
    std::iota(order.begin(), order.end(), 0U);
    const auto taskKey = [&](std::uint32_t u) {
        return units[u].task != 0 ? units[u].task : kNone; // task-less ones last
    };
    for (std::size_t a = 0; a < order.size();) {
        std::size_t b = a + 1;
        while (b < order.size() && units[order[b]].begin == units[order[a]].begin)
            ++b;
        if (b - a > 1)
            std::stable_sort(
                order.begin() + std::ptrdiff_t(a), order.begin() + std::ptrdiff_t(b),
                [&](std::uint32_t x, std::uint32_t y) { return taskKey(x) < taskKey(y); });
        a = b;
    }
    return order;
}

struct LaneAssignment {
    std::vector<int> laneOf; // per lifeline
    int exact = 0;           // lanes in which none overlaps; the overflow lane comes after
    bool overflow = false;
};

// Lowest free lane first. Lanes 0..maxLanes-2 come out the same whether or not lane
// maxLanes-1 exists, so one pass with maxLanes lanes decides both cases: if anything found no
// lane, the last lane and what found none become the overflow lane. A scan of at most
// maxLanes ends per lifeline: the cap is a screenful, so this beats a heap.
LaneAssignment assignLanes(const std::vector<Lifeline>& units,
                           const std::vector<std::uint32_t>& order, int maxLanes) {
    maxLanes = std::max(maxLanes, 1);
    LaneAssignment a;
    a.laneOf.resize(units.size());
    std::vector<std::int64_t> laneEnd;
    for (const std::uint32_t u : order) {
        const Lifeline& unit = units[u];
        int lane = 0;
        while (lane < int(laneEnd.size()) && laneEnd[std::size_t(lane)] > unit.begin)
            ++lane;
        if (lane == int(laneEnd.size())) {
            if (lane < maxLanes) {
                laneEnd.push_back(unit.end);
            } else {
                lane = maxLanes; // none free: the overflow, for now
                a.overflow = true;
            }
        } else {
            laneEnd[std::size_t(lane)] = unit.end;
        }
        a.laneOf[u] = lane;
    }
    a.exact = a.overflow ? maxLanes - 1 : int(laneEnd.size());
    if (a.overflow)
        for (int& lane : a.laneOf)
            lane = std::min(lane, a.exact);
    return a;
}

// A lane row's name: its task's, when it holds one; else what its slices are (one state's
// name, or "async" when they differ, from `stateMask`) and how many lifelines share it.
void nameLane(GanttRow& row, const Trace& trace, const Lifeline& first, std::uint32_t stateMask) {
    QString what = QCoreApplication::translate("tasklane::GanttLayout", "async");
    if (stateMask != 0 && (stateMask & (stateMask - 1)) == 0)
        what = stateLabel(State(std::countr_zero(stateMask)));
    if (row.overflow) {
        row.name = QCoreApplication::translate("tasklane::GanttLayout", "+%1 more %2")
                       .arg(row.units)
                       .arg(what);
    } else if (row.units == 1) {
        row.task = first.task;
        row.name =
            first.label != 0 ? qs(trace.strings[first.label])
            : first.task != 0
                ? QCoreApplication::translate("tasklane::GanttLayout", "task %1").arg(first.task)
                : what;
    } else {
        row.name = QCoreApplication::translate("tasklane::GanttLayout", "%1 · %2 tasks")
                       .arg(what)
                       .arg(row.units);
    }
}

} // namespace

std::vector<GanttRow> packLanes(const Trace& trace, std::uint32_t track,
                                const std::vector<std::uint32_t>& events, int maxLanes) {
    const Lifelines lifelines = lifelinesOf(trace, events);
    const std::vector<std::uint32_t> order = packingOrder(lifelines.units);
    const LaneAssignment assigned = assignLanes(lifelines.units, order, maxLanes);

    std::vector<GanttRow> lanes(std::size_t(assigned.exact + (assigned.overflow ? 1 : 0)));
    std::vector<std::uint32_t> stateMask(lanes.size(), 0);
    std::vector<std::uint32_t> firstUnit(lanes.size(), kNone);
    for (const std::uint32_t u : order) {
        const auto lane = std::size_t(assigned.laneOf[u]);
        ++lanes[lane].units;
        if (firstUnit[lane] == kNone)
            firstUnit[lane] = u;
    }
    for (std::size_t k = 0; k < events.size(); ++k) {
        const auto lane = std::size_t(assigned.laneOf[lifelines.unitOf[k]]);
        lanes[lane].asyncSlices.events.push_back(events[k]);
        stateMask[lane] |= 1U << int(trace.events[events[k]].state);
    }
    for (std::size_t l = 0; l < lanes.size(); ++l) {
        GanttRow& row = lanes[l];
        row.kind = RowKind::Lane;
        row.track = track;
        row.overflow = assigned.overflow && l + 1 == lanes.size();
        finishLane(row.asyncSlices, trace);
        nameLane(row, trace, lifelines.units[firstUnit[l]], stateMask[l]);
    }
    return lanes;
}

} // namespace tasklane
