// TraceSink: where a TraceRecorder sends its events instead of its own buffers. A worker
// process records into memory its parent reads (mp's SharedTraceBuffer), because the parent
// never sees the child's own buffers; the recorder needs to know only this much of it, so the
// trace library stays below the process code that implements it.
#pragma once

#include "trace/trace_event.h"

namespace tasklane {

class TraceSink {
public:
    virtual ~TraceSink() = default;
    // Called from any thread of the recording process, possibly a forked child that must take
    // no lock: implementations are lock-free. False when the event was dropped.
    virtual bool append(const TraceEvent& event) noexcept = 0;
};

} // namespace tasklane
