// RunResult: what one run of a pattern produced: the trace, what the Python program would
// print, the result value and the metrics that explain it (Metrics and computeMetrics are
// the analysis layer's: analysis/metrics.h).
#pragma once

#include "analysis/metrics.h"
#include "text/text_message.h"
#include "trace/trace.h"

#include <string>
#include <vector>

namespace tasklane {

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

} // namespace tasklane
