#include "trace_figures.h"

#include <algorithm>
#include <limits>

namespace tasklane {

TraceFigures countTraceFigures(const Trace& trace) {
    TraceFigures f;
    f.busyNs.assign(trace.tracks.size(), 0);
    // Where each track's running time is counted up to: another tool's slices nest (a
    // function inside the function that called it), and a thread is busy once for both.
    // Events come sorted by track, then begin, so a single pass takes the union.
    std::vector<std::int64_t> counted(trace.tracks.size(),
                                      std::numeric_limits<std::int64_t>::min());
    for (const TraceEvent& e : trace.events) {
        switch (e.type) {
        case EventType::Slice:
        case EventType::AsyncSlice:
            ++f.slices;
            f.stateNs[std::size_t(e.state)] += e.duration_ns();
            if (e.type == EventType::Slice && e.state == State::Running &&
                e.track < f.busyNs.size()) {
                std::int64_t& until = counted[e.track];
                f.busyNs[e.track] +=
                    std::max<std::int64_t>(0, e.end_ns - std::max(e.begin_ns, until));
                until = std::max(until, e.end_ns);
            }
            f.tasks = f.tasks || e.task != 0;
            break;
        case EventType::Instant:
            ++f.instants;
            break;
        case EventType::Counter:
            ++f.counters;
            break;
        case EventType::FlowStart:
        case EventType::FlowEnd:
            ++f.flows;
            break;
        }
    }
    f.spanNs = trace.endNs() - trace.beginNs();
    return f;
}

} // namespace tasklane
