// TaskWaits: the waits of a trace's tasks that are their own (an asyncio.sleep, a read they
// await), told apart from a task awaiting the tasks it started (main awaiting
// asyncio.gather(A, B, C)). The first are work a sequential program waits through too; the
// second only repeat its children's waits, and would count them twice. Read from the trace
// alone, so an opened file gets the same figures as the run that wrote it.
#pragma once

#include "analysis/time_interval.h"
#include "analysis/trace_analysis.h"
#include "trace/trace.h"

#include <cstdint>

namespace tasklane {

struct TaskWaits {
    // Awaiting time of tasks inside the range, but for awaits while a child of theirs lived
    // (their children's time, counted for them). A child is a task whose starting flow, or
    // else first event, lies in another task's running slice on the same track:
    // create_task() or to_thread() called from that task's step. A wait for a slot others
    // hold (a semaphore) is traced as lock-wait, not awaiting: not counted either.
    std::int64_t own_ns = 0;
    // The most own waits (that awaiting time, and tasks' sleeping slices) in progress at one
    // moment: how many waits overlapped.
    int overlapped = 0;
};

TaskWaits taskWaitsOf(const Trace& trace, TimeInterval range);

// The run figures' part of it, over `a`'s range of every track: the own awaits into its
// work, the overlap into overlapped_waits. Nothing to do for a trace no task awaited or slept in; a
// selection's statistics (time by state, busy rows) need none of it.
void addTaskWaits(const Trace& trace, TraceAnalysis& a);

} // namespace tasklane
