#include "chart/gantt_lane.h"

#include <algorithm>

namespace tasklane {

namespace {

void addWeight(GanttLaneBlock& block, std::uint32_t key, std::int64_t weight) {
    if (block.keys == GanttLaneBlock::kUnsummed)
        return;
    for (int k = 0; k < block.keys; ++k) {
        if (block.key[std::size_t(k)] == key) {
            block.weight[std::size_t(k)] += weight;
            return;
        }
    }
    if (block.keys == GanttLaneBlock::kMaxKeys) {
        block.keys = GanttLaneBlock::kUnsummed;
        return;
    }
    block.key[block.keys] = key;
    block.weight[block.keys] = weight;
    ++block.keys;
}

// Level 0 of the block sums: kLaneBlock slices each.
std::vector<GanttLaneBlock> sumSlices(const GanttLane& lane, const Trace& trace, bool byTrack) {
    const auto& ev = trace.events;
    const std::size_t n = lane.events.size();
    std::vector<GanttLaneBlock> level;
    level.reserve((n + kLaneBlock - 1) / kLaneBlock);
    for (std::size_t i = 0; i < n; i += kLaneBlock) {
        const std::size_t end = std::min(n, i + kLaneBlock);
        GanttLaneBlock b;
        const TraceEvent& head = ev[lane.events[i]];
        b.firstBegin = head.begin_ns;
        b.maxEnd = head.end_ns;
        b.task = head.task;
        for (std::size_t j = i; j < end; ++j) {
            const TraceEvent& e = ev[lane.events[j]];
            b.maxGap = std::max(b.maxGap, e.begin_ns - b.maxEnd);
            b.maxEnd = std::max(b.maxEnd, e.end_ns);
            b.lastBegin = e.begin_ns;
            b.maxDuration = std::max(b.maxDuration, e.duration_ns());
            if (e.task != b.task)
                b.task = GanttLaneBlock::kMixedTask;
            addWeight(b, colourKey(trace, e, byTrack), std::max<std::int64_t>(e.duration_ns(), 1));
        }
        b.count = std::uint32_t(end - i);
        level.push_back(b);
    }
    return level;
}

// The level above `below`: kLaneBlock of its blocks each.
std::vector<GanttLaneBlock> sumBlocks(const std::vector<GanttLaneBlock>& below) {
    std::vector<GanttLaneBlock> up;
    up.reserve((below.size() + kLaneBlock - 1) / kLaneBlock);
    for (std::size_t i = 0; i < below.size(); i += kLaneBlock) {
        GanttLaneBlock b = below[i];
        for (std::size_t j = i + 1; j < std::min(below.size(), i + kLaneBlock); ++j) {
            const GanttLaneBlock& c = below[j];
            // An upper bound of the gaps: c's own are measured from fewer ends.
            b.maxGap = std::max({b.maxGap, c.maxGap, c.firstBegin - b.maxEnd});
            b.maxEnd = std::max(b.maxEnd, c.maxEnd);
            b.lastBegin = c.lastBegin;
            b.maxDuration = std::max(b.maxDuration, c.maxDuration);
            b.count += c.count;
            if (c.task != b.task)
                b.task = GanttLaneBlock::kMixedTask;
            if (c.keys == GanttLaneBlock::kUnsummed)
                b.keys = GanttLaneBlock::kUnsummed;
            for (int k = 0; k < c.keys && c.keys != GanttLaneBlock::kUnsummed; ++k)
                addWeight(b, c.key[std::size_t(k)], c.weight[std::size_t(k)]);
        }
        up.push_back(b);
    }
    return up;
}

// The block sums of a lane (see GanttLaneBlock). A few bytes per slice; lanes too short to
// need them get none.
void summarise(GanttLane& lane, const Trace& trace, bool byTrack) {
    lane.blocks.clear();
    if (lane.events.size() < 2 * kLaneBlock)
        return;
    lane.blocks.push_back(sumSlices(lane, trace, byTrack));
    while (lane.blocks.back().size() >= 2 * kLaneBlock)
        lane.blocks.push_back(sumBlocks(lane.blocks.back()));
}

} // namespace

void addToSum(GanttLaneSum& sum, const TraceEvent& e) {
    sum.stateNs[std::size_t(e.state)] += e.duration_ns();
    if (!isOnCpu(e.state) || e.end_ns <= e.begin_ns)
        return;
    // Every slice so far began at or before this one, and the one that reached busyEnd covers
    // [its begin, busyEnd): only the part past busyEnd is new.
    if (e.begin_ns >= sum.busyEnd) {
        sum.busyNs += e.end_ns - e.begin_ns;
        sum.busyEnd = e.end_ns;
    } else if (e.end_ns > sum.busyEnd) {
        sum.busyNs += e.end_ns - sum.busyEnd;
        sum.busyEnd = e.end_ns;
    }
}

std::pair<std::size_t, std::size_t> GanttLane::candidates(const Trace& trace, std::int64_t from,
                                                          std::int64_t to) const {
    const auto& ev = trace.events;
    const auto last =
        std::lower_bound(events.begin(), events.end(), to,
                         [&](std::uint32_t i, std::int64_t t) { return ev[i].begin_ns < t; });
    std::vector<std::uint32_t>::const_iterator first;
    if (endsSorted) {
        // Ends in order: the first that ends at or after `from` is the first visible one.
        first = std::lower_bound(events.begin(), last, from,
                                 [&](std::uint32_t i, std::int64_t t) { return ev[i].end_ns < t; });
    } else {
        // Overlapping (async, nested or skewed core slices): anything beginning more than the
        // longest duration before `from` has ended before it.
        const std::int64_t earliest = from - maxDuration;
        first =
            std::lower_bound(events.begin(), last, earliest,
                             [&](std::uint32_t i, std::int64_t t) { return ev[i].begin_ns < t; });
    }
    return {std::size_t(first - events.begin()), std::size_t(last - events.begin())};
}

void finishLane(GanttLane& lane, const Trace& trace, bool byTrack) {
    std::int64_t lastEnd = std::numeric_limits<std::int64_t>::min();
    const std::size_t n = lane.events.size();
    lane.sums.assign(n / kLaneSumStride + 1, GanttLaneSum{});
    GanttLaneSum sum;
    for (std::size_t p = 0; p < n; ++p) {
        const TraceEvent& e = trace.events[lane.events[p]];
        lane.maxDuration = std::max(lane.maxDuration, e.duration_ns());
        if (e.end_ns < lastEnd)
            lane.endsSorted = false;
        lastEnd = std::max(lastEnd, e.end_ns);
        if (p % kLaneSumStride == 0)
            lane.sums[p / kLaneSumStride] = sum;
        addToSum(sum, e);
    }
    if (n % kLaneSumStride == 0)
        lane.sums[n / kLaneSumStride] = sum;
    summarise(lane, trace, byTrack);
}

} // namespace tasklane
