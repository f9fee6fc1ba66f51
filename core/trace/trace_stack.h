// Stacks several runs' traces into one, each shifted to start at the same moment, so that
// one chart shows them on a shared time axis, one group of rows per run: the `compare`
// pattern's five modes, and the window's pinned runs. Tracks are renamed with their run's
// prefix ("threads (GIL) · worker 1"); task and flow ids are renumbered so that they stay
// unique (a highlighted task is one task of one run).
#pragma once

#include "trace/trace.h"

#include <cstdint>
#include <span>
#include <string>

namespace tasklane {

struct StackPart {
    const Trace* trace = nullptr;
    std::int64_t begin_ns = 0; // the moment that lines up with the other parts' begin_ns
    std::string prefix;        // prepended to the part's track names, with " · "
};

// The parts' events, shifted so that each part's begin_ns falls on the first part's. The
// result is finalized. Parts with no trace or no events add their tracks only.
Trace stackTraces(std::span<const StackPart> parts);

} // namespace tasklane
