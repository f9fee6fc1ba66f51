// StoppedRunKeeper: keeps what a run recorded when it is stopped, so that the window can show
// it ("stopped at 3 of 8 tasks") instead of the run before. Declared right after the run's
// TraceRecorder, it is destroyed after everything the run made (threads joined, pools shut,
// worker processes' events copied in) and before the recorder itself; when that happens
// while a stop unwinds the run, it finishes the recorder's trace into
// RunControl::keepStoppedResult.
#pragma once

#include "patterns/run_control.h"

namespace tasklane {

class TraceRecorder;

class StoppedRunKeeper {
public:
    StoppedRunKeeper(RunControl& control, TraceRecorder& recorder, int parallelism);
    ~StoppedRunKeeper();
    StoppedRunKeeper(const StoppedRunKeeper&) = delete;
    StoppedRunKeeper& operator=(const StoppedRunKeeper&) = delete;

private:
    RunControl& control_;
    TraceRecorder& recorder_;
    int parallelism_;
    int exceptions_; // std::uncaught_exceptions() when made: more at the end means unwinding
};

} // namespace tasklane
