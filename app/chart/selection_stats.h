// What a selected time range of a trace holds: how many slices, how much time in each state,
// and how busy each row of the chart was. Plain values from the chart's rows, so the window
// only formats them and the tests check them to the nanosecond.
#pragma once

#include "chart/gantt_layout.h"

#include <array>
#include <cstdint>
#include <vector>

namespace tasklane {

// On a CPU: what the summary's core utilisation counts too (running, or running with a lock
// held). Waiting, sleeping, queued and spawning are not busy.
constexpr bool isBusyState(State state) {
    return state == State::Running || state == State::LockHeld;
}

struct RowBusy {
    int row = -1;             // index into GanttRows::rows()
    std::int64_t busy_ns = 0; // time in a busy state within the range; overlaps counted once
    double share = 0;         // busy_ns over the range's span
};

struct SelectionStats {
    TimeRange range;
    // Slices and async slices that overlap the range, each counted once (a running slice on
    // a core row and its track row is one slice).
    std::size_t slices = 0;
    // Time per State inside the range, summed over slices: three tasks awaiting for a second
    // each are three seconds awaiting, as Perfetto sums an area selection.
    std::array<std::int64_t, kStateCount> stateNs{};
    // Every track and core row, in row order. Lane rows hold lifelines, not work, and are left
    // out.
    std::vector<RowBusy> rows;

    std::int64_t totalStateNs() const;
};

// O(slices in the range) plus O(log n) per row. An empty range gives empty statistics.
SelectionStats selectionStats(const GanttRows& rows, TimeRange range);

} // namespace tasklane
