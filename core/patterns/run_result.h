// RunResult: what one run of a pattern produced: the trace, what the Python program would
// print, the result value and the metrics that explain it.
#pragma once

#include "text/text_message.h"
#include "trace/trace.h"

#include <string>
#include <vector>

namespace tasklane {

inline constexpr double kCoreUsedShare = 0.05;

struct Metrics {
    double makespan_ms = 0;   // first submit to last result
    double sequential_ms = 0; // the tasks' own work, back to back on one thread
    double speedup = 0;       // sequential / makespan
    double efficiency = 0;    // speedup per worker that could run at once
    // Cores busy for at least kCoreUsedShare of the makespan: a single-threaded event loop
    // that the OS moved to the other core for a moment used one core, not two.
    int cores_used = 0;
    std::vector<double> core_utilisation; // index = cpu number, share of the makespan busy
    double gil_wait_ms = 0;
    double queued_ms = 0;
    double lock_wait_ms = 0;
    double spawning_ms = 0;
};

// One mode of a run that compares several (the `compare` pattern): its own figures.
struct ModeResult {
    std::string id;    // "threads-gil"
    std::string title; // "threads (GIL)"
    Metrics metrics;   // speedup and efficiency against the sequential mode
};

struct RunResult {
    Trace trace;
    std::vector<std::string> output; // printed lines, as the Python program prints them
    std::string result;              // the value, in Python's repr: "[1, 4, 9, 16, 25]"
    Metrics metrics;
    std::vector<ModeResult> modes;       // a comparison's modes, in run order; else empty
    std::vector<std::string> conclusion; // what the numbers say, sentence by sentence
    // The same sentences as templates and arguments, for the window to translate.
    std::vector<TextMessage> conclusionMessages;
};

// Computes the metrics from a trace over [begin, end): core use from running slices,
// sequential estimate from the running and sleeping time of tasks, waits by state.
Metrics computeMetrics(const Trace& trace, std::int64_t begin, std::int64_t end, int workers);

} // namespace tasklane
