// GanttFlowIndex: a trace's flow arrows (submit -> run), paired once per trace and kept in time
// order, so that a layout counts the arrows in view with two binary searches and visits only
// those that may be in it: a fitted million-task pool has a million arrows, all to be hidden.
#pragma once

#include "trace/trace.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace tasklane {

// A FlowStart/FlowEnd pair with the same flow id (event.value): indices into Trace::events.
struct GanttFlow {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
};

class GanttFlowIndex {
public:
    GanttFlowIndex() = default;
    // Pairs every FlowEnd with the first FlowStart of its id; an end without a start is left out.
    explicit GanttFlowIndex(const Trace& trace);

    // In time order of their earlier end.
    const std::vector<GanttFlow>& flows() const { return flows_; }
    // The flows with a part in [from, to), counted in O(log flows).
    std::size_t visibleCount(const Trace& trace, std::int64_t from, std::int64_t to) const;
    // [first, last) positions in flows() that may have a part in [from, to); every flow outside
    // has none. Those in it that end before `from` (laterEnd) have none either.
    std::pair<std::size_t, std::size_t> candidates(const Trace& trace, std::int64_t from,
                                                   std::int64_t to) const;
    // The time of the later end of the flow at `position`.
    std::int64_t laterEnd(std::size_t position) const { return hi_[position]; }

private:
    void sortByTime(const Trace& trace);

    std::vector<GanttFlow> flows_;
    std::vector<std::int64_t> hi_;       // per flow: the time of its later end
    std::vector<std::int64_t> hiSorted_; // the same, sorted
    std::int64_t maxSpan_ = 0;
};

} // namespace tasklane
