#include "chart/gantt_flow_index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace tasklane {

GanttFlowIndex::GanttFlowIndex(const Trace& trace) {
    // Flows connect track rows; events are sorted by track, so an end may come first. Flow
    // ids are the recorder's counter (1, 2, 3...), so a vector indexed by id pairs a million
    // of them at the cost of a scan; other ids (an imported trace's) take a sorted list. A
    // hash map here cost over a second for a million flows.
    const auto& ev = trace.events;
    std::vector<std::pair<double, std::uint32_t>> starts;
    bool dense = true;
    for (std::uint32_t i = 0; i < ev.size(); ++i) {
        if (ev[i].type != EventType::FlowStart)
            continue;
        starts.emplace_back(ev[i].value, i);
        dense = dense && ev[i].value >= 0 && ev[i].value == std::floor(ev[i].value);
    }
    if (starts.empty())
        return;
    const double maxId = std::max_element(starts.begin(), starts.end())->first;
    dense = dense && maxId <= 4.0 * double(starts.size()) + 4096;
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> byId;
    if (dense) {
        byId.assign(std::size_t(maxId) + 1, kNone);
        for (const auto& [id, i] : starts)
            if (byId[std::size_t(id)] == kNone) // the first start of an id wins, as before
                byId[std::size_t(id)] = i;
    } else {
        std::stable_sort(starts.begin(), starts.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    for (std::uint32_t i = 0; i < ev.size(); ++i) {
        if (ev[i].type != EventType::FlowEnd)
            continue;
        const double id = ev[i].value;
        std::uint32_t start = kNone;
        if (dense) {
            if (id >= 0 && id <= maxId && id == std::floor(id))
                start = byId[std::size_t(id)];
        } else {
            const auto it = std::lower_bound(
                starts.begin(), starts.end(), id,
                [](const std::pair<double, std::uint32_t>& a, double v) { return a.first < v; });
            if (it != starts.end() && it->first == id)
                start = it->second;
        }
        if (start != kNone)
            flows_.push_back({start, i});
    }
    sortByTime(trace);
}

void GanttFlowIndex::sortByTime(const Trace& trace) {
    // In time order of their earlier end, with each one's later end alongside, and the later
    // ends sorted on their own (see visibleCount). Sorted with their times alongside: looking
    // them up in the trace from the comparison made this sort most of the rows' cost.
    const auto& ev = trace.events;
    struct Keyed {
        std::int64_t lo, hi;
        GanttFlow flow;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(flows_.size());
    for (const GanttFlow& f : flows_) {
        const std::int64_t a = ev[f.start].begin_ns, b = ev[f.end].begin_ns;
        keyed.push_back({std::min(a, b), std::max(a, b), f});
    }
    std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
        return std::tie(a.lo, a.flow.start) < std::tie(b.lo, b.flow.start);
    });
    hi_.reserve(flows_.size());
    for (std::size_t k = 0; k < keyed.size(); ++k) {
        flows_[k] = keyed[k].flow;
        hi_.push_back(keyed[k].hi);
        maxSpan_ = std::max(maxSpan_, keyed[k].hi - keyed[k].lo);
    }
    hiSorted_ = hi_;
    std::sort(hiSorted_.begin(), hiSorted_.end());
}

std::size_t GanttFlowIndex::visibleCount(const Trace& trace, std::int64_t from,
                                         std::int64_t to) const {
    if (flows_.empty() || from >= to)
        return 0;
    const auto& ev = trace.events;
    // In view: begins before `to` and ends at or after `from`. Those that end before `from`
    // began before `to` too, so they are a subset to take away.
    const auto began =
        std::lower_bound(flows_.begin(), flows_.end(), to,
                         [&](const GanttFlow& f, std::int64_t t) {
                             return std::min(ev[f.start].begin_ns, ev[f.end].begin_ns) < t;
                         }) -
        flows_.begin();
    const auto ended =
        std::lower_bound(hiSorted_.begin(), hiSorted_.end(), from) - hiSorted_.begin();
    return std::size_t(began - ended);
}

std::pair<std::size_t, std::size_t>
GanttFlowIndex::candidates(const Trace& trace, std::int64_t from, std::int64_t to) const {
    if (flows_.empty() || from >= to)
        return {0, 0};
    const auto& ev = trace.events;
    const auto before = [&](const GanttFlow& f, std::int64_t t) {
        return std::min(ev[f.start].begin_ns, ev[f.end].begin_ns) < t;
    };
    const auto last = std::lower_bound(flows_.begin(), flows_.end(), to, before);
    const auto first = std::lower_bound(flows_.begin(), last, from - maxSpan_, before);
    return {std::size_t(first - flows_.begin()), std::size_t(last - flows_.begin())};
}

} // namespace tasklane
