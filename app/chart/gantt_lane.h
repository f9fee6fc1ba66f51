// GanttLane: one kind of slice in one chart row (a track's slices, a core's, a lane row's async
// slices), kept as indices into Trace::events in begin order, with what a layout needs to find
// the visible ones with a binary search and to fold many of them at once without reading them:
// block sums (GanttLaneBlock) and running totals (GanttLaneSum). Built once per trace and
// grouping by GanttRows; read by every layout and by the selection statistics.
#pragma once

#include "analysis/busy_union.h"
#include "trace/trace.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace tasklane {

// What a run of consecutive slices of a lane adds up to, so that a layout can fold the run
// into a pixel column without reading its events: zoomed out on a million slices, reading
// each one (40 bytes, mostly cache misses) cost more than a frame. Level 0 sums kLaneBlock
// slices, level k sums kLaneBlock blocks of level k - 1.
struct GanttLaneBlock {
    static constexpr int kMaxKeys = 4;
    std::int64_t firstBegin = 0, lastBegin = 0; // of its first and last slice
    std::int64_t maxEnd = 0;
    std::int64_t maxDuration = 0;
    // Largest gap between a slice's begin and the latest end before it in the block: a run
    // with no gap over a pixel merges whole (overflow lanes).
    std::int64_t maxGap = 0;
    std::uint32_t count = 0;
    std::uint32_t task = 0; // the one task of all its slices, or kMixedTask
    // Weight (duration, at least 1 ns) per colour key: State, or track on core rows. More
    // keys than kMaxKeys: keys = kUnsummed, and the layout reads the slices instead.
    std::uint8_t keys = 0;
    std::array<std::uint32_t, kMaxKeys> key{};
    std::array<std::int64_t, kMaxKeys> weight{};

    static constexpr std::uint32_t kMixedTask = 0xFFFFFFFFU;
    static constexpr std::uint8_t kUnsummed = 0xFF;
};
inline constexpr std::size_t kLaneBlock = 16;

// Running totals of a lane at every kLaneSumStride-th slice, so that what a time range holds
// (time per state, busy time) is found with a binary search and at most a stride of slices
// read at each end, not a scan of the range: a selection's statistics are recomputed on every
// mouse move of a drag. sums[k] covers the lane's events [0, k * kLaneSumStride).
struct GanttLaneSum {
    std::array<std::int64_t, kStateCount> stateNs{}; // durations per State
    // The union of the busy-state (running, lock-held) slices: its length, and where its last
    // run ends (the latest busy end so far; min() before the first).
    std::int64_t busyNs = 0;
    std::int64_t busyEnd = std::numeric_limits<std::int64_t>::min();
};
inline constexpr std::size_t kLaneSumStride = 64;

// `e` added to a running total; slices must come in begin order.
void addToSum(GanttLaneSum& sum, const TraceEvent& e);

// The colour key of a slice: its State, or on a core row the track that ran it (the last key,
// tracks.size(), for a slice of a track the trace does not name). Block sums and the folding
// of pixel columns weigh slices by it.
inline std::uint32_t colourKey(const Trace& trace, const TraceEvent& e, bool byTrack) {
    return byTrack ? std::min<std::uint32_t>(e.track, std::uint32_t(trace.tracks.size()))
                   : std::uint32_t(e.state);
}

struct GanttLane {
    std::vector<std::uint32_t> events;
    std::int64_t maxDuration = 0;
    bool endsSorted = true; // no overlaps: end times are in begin order too
    // blocks[k][i] sums events [i * kLaneBlock^(k+1), (i + 1) * kLaneBlock^(k+1)).
    std::vector<std::vector<GanttLaneBlock>> blocks;
    std::vector<GanttLaneSum> sums; // see GanttLaneSum: one per stride, and one for the start

    // [first, last) positions in `events` that may overlap [from, to); every event outside
    // is known not to.
    std::pair<std::size_t, std::size_t> candidates(const Trace& trace, std::int64_t from,
                                                   std::int64_t to) const;
};

// Fills in everything of `lane` but its events (which must be in begin order): the longest
// duration, whether ends are sorted, the running totals and the block sums (weighed by track
// when `byTrack`, for core rows).
void finishLane(GanttLane& lane, const Trace& trace, bool byTrack = false);

} // namespace tasklane
