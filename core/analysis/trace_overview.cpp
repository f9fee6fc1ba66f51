#include "analysis/trace_overview.h"

#include "analysis/task_waits.h"
#include "analysis/trace_analysis.h"

#include <algorithm>
#include <numeric>

namespace tasklane {

TraceOverview overviewOf(const Trace& trace) {
    TraceAnalysis a = analyseTrace(trace, AnalysisScope::whole());
    addTaskWaits(trace, a);
    TraceOverview out;
    out.counts = a.counts;
    out.states = a.states;
    out.hasTasks = a.hasTasks;
    out.hasCpuNumbers = trace.maxCpu() >= 0;
    out.runningByTrack.reserve(a.tracks.size());
    for (const TrackFigures& t : a.tracks)
        out.runningByTrack.push_back(t.running_ns);
    out.span_ns = a.range.span();
    out.workers = std::max(1, a.workersThatRan());
    out.metrics = metricsOf(a, kWorkersOfTrace);
    return out;
}

std::vector<std::uint32_t> TraceOverview::busiestTracks(std::size_t limit) const {
    std::vector<std::uint32_t> order(runningByTrack.size());
    std::iota(order.begin(), order.end(), std::uint32_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return runningByTrack[a] > runningByTrack[b];
    });
    order.resize(std::min(limit, order.size()));
    // The rest ran nothing: they sort last.
    while (!order.empty() && runningByTrack[order.back()] <= 0)
        order.pop_back();
    return order;
}

double TraceOverview::runningShare(std::uint32_t track) const {
    const double spanMs = double(span_ns) / 1e6;
    return spanMs > 0 ? double(runningByTrack[track]) / 1e6 / spanMs : 0;
}

} // namespace tasklane
