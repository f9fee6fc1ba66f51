// Lane packing: async slices (coroutine lifelines, tasks queued for a worker) overlap each other
// on their track, so they cannot share the track's row. They go into lane rows under it: the
// fewest lanes in which none overlaps (interval partitioning), so a lane holds one task's
// lifeline when tasks overlap (asyncio.gather's A, B, C, each named by its task) and is shared
// by tasks that follow each other. Past a cap, the rest go into one last lane that says how
// many it holds and folds them, so a million queued tasks do not make a million rows.
#pragma once

#include "chart/gantt_row.h"
#include "trace/trace.h"

#include <cstdint>
#include <vector>

namespace tasklane {

// Lane rows for one track's async slices (`events`, in begin order), named and finished, their
// `parent` still unset. At most `maxLanes` (at least 1) of them; the last of them takes what
// does not fit in the others. O(n * maxLanes).
std::vector<GanttRow> packLanes(const Trace& trace, std::uint32_t track,
                                const std::vector<std::uint32_t>& events, int maxLanes);

} // namespace tasklane
