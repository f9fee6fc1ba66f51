#include "patterns/run_result.h"

#include <algorithm>
#include <thread>

namespace tasklane {

Metrics computeMetrics(const Trace& trace, std::int64_t begin, std::int64_t end, int parallelism) {
    Metrics m;
    const std::int64_t span = std::max<std::int64_t>(end - begin, 1);
    m.makespan_ms = double(end - begin) / 1e6;
    // Every core of this machine gets an entry, idle ones too: an idle core is the point.
    const int cores = std::max(trace.maxCpu() + 1, int(std::thread::hardware_concurrency()));
    std::vector<std::int64_t> busy(std::size_t(cores), 0);
    std::int64_t work = 0;
    const auto clipped = [&](const TraceEvent& e) {
        return std::max<std::int64_t>(0, std::min(e.end_ns, end) - std::max(e.begin_ns, begin));
    };
    for (const TraceEvent& e : trace.events) {
        if (!e.isSlice())
            continue;
        const std::int64_t d = clipped(e);
        switch (e.state) {
        case State::Running:
        case State::LockHeld: {
            // A slice that measured its CPU time counts that, not the wall time the thread
            // spent preempted by others on the same core.
            std::int64_t used = d;
            if (e.value > 0 && e.duration_ns() > 0)
                used = std::min<std::int64_t>(
                    d, std::int64_t(e.value * double(d) / double(e.duration_ns())));
            if (e.cpu >= 0)
                busy[std::size_t(e.cpu)] += used;
            if (e.task != 0)
                work += used;
            break;
        }
        case State::Sleeping:
            if (e.task != 0)
                work += d;
            break;
        case State::GilWait:
            m.gil_wait_ms += double(d) / 1e6;
            break;
        case State::Queued:
            m.queued_ms += double(d) / 1e6;
            break;
        case State::LockWait:
            m.lock_wait_ms += double(d) / 1e6;
            break;
        case State::Spawning:
            m.spawning_ms += double(d) / 1e6;
            break;
        default:
            break;
        }
    }
    m.sequential_ms = double(work) / 1e6;
    m.speedup = m.makespan_ms > 0 ? m.sequential_ms / m.makespan_ms : 0;
    m.efficiency = parallelism > 0 ? m.speedup / parallelism : 0;
    m.core_utilisation.resize(busy.size());
    for (std::size_t c = 0; c < busy.size(); ++c) {
        m.core_utilisation[c] = std::min(1.0, double(busy[c]) / double(span));
        if (m.core_utilisation[c] >= kCoreUsedShare)
            ++m.cores_used;
    }
    // A short run may touch no core for long: the one it ran on is still used.
    if (m.cores_used == 0 && std::any_of(busy.begin(), busy.end(), [](auto b) { return b > 0; }))
        m.cores_used = 1;
    return m;
}

} // namespace tasklane
