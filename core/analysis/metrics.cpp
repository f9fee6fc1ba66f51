#include "analysis/metrics.h"

#include "analysis/task_waits.h"

#include <algorithm>

namespace tasklane {

namespace {
double ms(std::int64_t ns) {
    return double(ns) / 1e6;
}

// Workers whose CPU work could truly run at once: no more than the cores (4 processes on 2
// cores never pass 2× together). 0 stays 0 (no efficiency).
int atOnce(int workers, std::size_t cores) {
    return std::min(workers, std::max(1, int(cores)));
}
} // namespace

double speedupOf(double sequentialMs, double makespanMs) {
    return makespanMs > 0 ? sequentialMs / makespanMs : 0;
}

double efficiencyOf(double speedup, int parallelism, int overlappedWaits) {
    if (parallelism <= 0)
        return 0;
    const int per = std::max(parallelism, overlappedWaits);
    return per > 0 ? std::clamp(speedup / per, 0.0, 1.0) : 0;
}

bool waitsOverlapped(const Metrics& m) {
    return m.overlapped_waits > std::max(m.parallelism, 1);
}

int coresUsed(const std::vector<double>& utilisation) {
    return int(std::count_if(utilisation.begin(), utilisation.end(),
                             [](double u) { return u >= kCoreUsedShare; }));
}

Metrics metricsOf(const TraceAnalysis& a, int parallelism) {
    Metrics m;
    m.makespan_ms = ms(a.range.span());
    m.sequential_ms = ms(a.work_ns);
    m.speedup = speedupOf(m.sequential_ms, m.makespan_ms);
    m.parallelism = atOnce(parallelism < 0 ? a.workersThatRan() : parallelism, a.cores.size());
    m.overlapped_waits = a.overlapped_waits;
    m.efficiency = efficiencyOf(m.speedup, m.parallelism, m.overlapped_waits);
    const std::int64_t span = std::max<std::int64_t>(a.range.span(), 1);
    m.core_utilisation.reserve(a.cores.size());
    for (const CoreFigures& core : a.cores)
        m.core_utilisation.push_back(std::min(1.0, double(core.cpu_ns) / double(span)));
    m.cores_used = coresUsed(m.core_utilisation);
    m.gil_wait_ms = ms(a.states[State::GilWait]);
    m.queued_ms = ms(a.states[State::Queued]);
    m.lock_wait_ms = ms(a.states[State::LockWait]);
    m.spawning_ms = ms(a.states[State::Spawning]);
    m.core_wait_ms = ms(a.states[State::WaitingForCore]);
    // Per thread, its running slices' union: an event loop's task lifelines (async slices,
    // also "running") would count its steps twice.
    std::int64_t running = 0;
    for (const TrackFigures& t : a.tracks)
        running += t.running_ns;
    m.running_ms = ms(running);
    return m;
}

Metrics computeMetrics(const Trace& trace, std::int64_t begin, std::int64_t end, int parallelism) {
    TraceAnalysis a = analyseTrace(trace, AnalysisScope::of(TimeInterval{begin, end}));
    addTaskWaits(trace, a);
    return metricsOf(a, parallelism);
}

Metrics againstBaseline(Metrics m, double baselineMs, int parallelism) {
    m.sequential_ms = baselineMs;
    m.speedup = speedupOf(baselineMs, m.makespan_ms);
    if (parallelism >= 0)
        m.parallelism = atOnce(parallelism, m.core_utilisation.size());
    m.efficiency = efficiencyOf(m.speedup, m.parallelism, m.overlapped_waits);
    return m;
}

} // namespace tasklane
