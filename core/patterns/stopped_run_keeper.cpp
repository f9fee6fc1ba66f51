#include "patterns/stopped_run_keeper.h"

#include "patterns/run_result.h"
#include "trace/trace_recorder.h"

#include <exception>

namespace tasklane {

StoppedRunKeeper::StoppedRunKeeper(RunControl& control, TraceRecorder& recorder, int parallelism)
    : control_(control)
    , recorder_(recorder)
    , parallelism_(parallelism)
    , exceptions_(std::uncaught_exceptions()) {}

StoppedRunKeeper::~StoppedRunKeeper() {
    if (std::uncaught_exceptions() <= exceptions_ || !control_.stopRequested() ||
        !control_.keepsStoppedResult())
        return;
    try {
        auto partial = std::make_shared<RunResult>();
        partial->trace = recorder_.finish();
        if (partial->trace.events.empty())
            return;
        // The instants are what the program printed before the stop.
        for (const TraceEvent& e : partial->trace.events)
            if (e.type == EventType::Instant)
                partial->output.emplace_back(partial->trace.label(e));
        partial->metrics = computeMetrics(partial->trace, partial->trace.beginNs(),
                                          partial->trace.endNs(), parallelism_);
        control_.keepStoppedResult(std::move(partial));
    } catch (...) {
        // Out of memory while unwinding a stop: the run ends without its partial trace.
    }
}

} // namespace tasklane
