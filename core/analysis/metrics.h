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

// For metricsOf and computeMetrics: count the workers from the trace (TraceAnalysis::
// workersThatRan), so that the run and its trace file, opened later, give the same figures.
inline constexpr int kWorkersOfTrace = -1;

// A core counts as used when busy for at least this share of the makespan.
inline constexpr double kCoreUsedShare = 0.05;

struct Metrics {
    double makespan_ms = 0;   // first submit to last result
    double sequential_ms = 0; // the tasks' own work, back to back on one thread
    double speedup = 0;       // sequential / makespan
    // Speedup per worker that could run at once, or per wait that overlapped when more waits
    // overlapped than there were workers (asyncio's 8 sleeps on one thread): 0 to 1.
    double efficiency = 0;
    // The workers that could run at once: the run's workers, at most the cores (of this
    // machine, or named in the trace).
    int parallelism = 0;
    int overlapped_waits = 0; // the most of the tasks' own waits in progress at once
    // Cores busy for at least kCoreUsedShare of the makespan: a single-threaded event loop
    // that the OS moved to the other core for a moment used one core, not two; a run that
    // mostly waited (asyncio's sleeps) used none.
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

// Cores whose utilisation reaches kCoreUsedShare, as the Summary's label says: a run that
// touched a core only briefly used none (its "CPU 0 0 %" must not sit beside "1 used").
int coresUsed(const std::vector<double>& utilisation);

// The figures of `analysis`, efficiency against `parallelism` workers, of which no more than
// the cores could run at once (0: efficiency 0; kWorkersOfTrace: the tracks tasks ran on, as
// for an opened file of the run).
Metrics metricsOf(const TraceAnalysis& analysis, int parallelism);

// The metrics over [begin, end): core use from slices on a CPU, the sequential estimate from
// the running and sleeping time of tasks, waits by state.
Metrics computeMetrics(const Trace& trace, std::int64_t begin, std::int64_t end, int parallelism);

// `m` measured against another run of the same work (a comparison's sequential mode, which
// took `baselineMs`): the sequential estimate becomes that time, and speedup and efficiency
// follow from it (kWorkersOfTrace keeps m's workers).
Metrics againstBaseline(Metrics m, double baselineMs, int parallelism);

} // namespace tasklane
