// Metrics: a run's figures as people read them (milliseconds and ratios): makespan against
// the sequential estimate, speedup, efficiency, per-core utilisation, the waits by cause.
// Made from a TraceAnalysis of the run's range; the run summary, the command line's
// --summary and --stats, the window's Summary tab and the comparison all read these.
#pragma once

#include "analysis/trace_analysis.h"
#include "trace/trace.h"

#include <cstdint>
#include <vector>

namespace tasklane {

// A core counts as used when busy for at least this share of the makespan.
inline constexpr double kCoreUsedShare = 0.05;

struct Metrics {
    double makespan_ms = 0;   // first submit to last result
    double sequential_ms = 0; // the tasks' own work, back to back on one thread
    double speedup = 0;       // sequential / makespan
    // Speedup per worker that could run at once, or per wait that overlapped when more waits
    // overlapped than there were workers (asyncio's 8 sleeps on one thread): 0 to 1.
    double efficiency = 0;
    int parallelism = 0;      // the workers that could run at once
    int overlapped_waits = 0; // the most of the tasks' own waits in progress at once
    // Cores busy for at least kCoreUsedShare of the makespan: a single-threaded event loop
    // that the OS moved to the other core for a moment used one core, not two.
    int cores_used = 0;
    std::vector<double> core_utilisation; // index = cpu number, share of the makespan busy
    double gil_wait_ms = 0;
    double queued_ms = 0;
    double lock_wait_ms = 0;
    double spawning_ms = 0;
    // Ready threads the OS had no free core for (waiting-for-core), summed over threads.
    double core_wait_ms = 0;
    // Time on a core, summed over threads (each thread's running slices, overlaps once): at
    // most cores × makespan, now that time without a core is not in it.
    double running_ms = 0;
};

// Sequential over makespan; 0 for a run that took no time.
double speedupOf(double sequentialMs, double makespanMs);

// Speedup per worker, or per overlapped wait when there were more of those, within 0..1
// (a sequential estimate measured a little long must not read 101 %).
double efficiencyOf(double speedup, int parallelism, int overlappedWaits);

// More waits overlapped than workers could run: the speedup came from waiting at once, which
// the Summary says in words ("8 waits overlapped on 1 core").
bool waitsOverlapped(const Metrics& m);

// Cores whose utilisation reaches kCoreUsedShare; a short run that touched a core only
// briefly still used one.
int coresUsed(const std::vector<double>& utilisation);

// The figures of `analysis`, efficiency against `parallelism` workers that could run at once
// (0: efficiency 0).
Metrics metricsOf(const TraceAnalysis& analysis, int parallelism);

// The metrics over [begin, end): core use from slices on a CPU, the sequential estimate from
// the running and sleeping time of tasks, waits by state.
Metrics computeMetrics(const Trace& trace, std::int64_t begin, std::int64_t end, int parallelism);

// `m` measured against another run of the same work (a comparison's sequential mode, which
// took `baselineMs`): the sequential estimate becomes that time, and speedup and efficiency
// follow from it.
Metrics againstBaseline(Metrics m, double baselineMs, int parallelism);

} // namespace tasklane
