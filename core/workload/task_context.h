// TaskContext: the tracing state of the task a thread is running now: its track, task id,
// label, the GIL it runs under, and the state slice that is open. Workload functions
// switch states through it (running -> sleeping -> gil-wait -> running ...), so a track's
// slices follow each other and never overlap. The executor creates one per task and
// makes it current for the thread; code without one (a plain call) records nothing.
#pragma once

#include "trace/trace_event.h"

#include <cstdint>

namespace tasklane {

class Gil;
class TraceRecorder;

// Off-core gaps shorter than this are left inside the running slice: the loop that measures
// them reads two clocks every ~10 µs, and the kernel's own ticks and interrupts take a few
// µs each; 200 µs is far above both and far below a scheduler's time slice (CFS: 3 ms).
inline constexpr std::int64_t kCoreWaitThresholdNs = 200'000;

class TaskContext {
public:
    TaskContext(TraceRecorder* recorder, std::uint32_t track, std::uint32_t task,
                std::uint32_t label, Gil* gil);
    ~TaskContext(); // closes the open slice, releases the GIL if held, restores the previous
    TaskContext(const TaskContext&) = delete;
    TaskContext& operator=(const TaskContext&) = delete;

    static TaskContext* current();
    // In a forked child: the contexts the forking thread had belong to the parent's recorder
    // and GIL; forgetting them makes work in the child record only where it is told to.
    static void forgetCurrentAfterFork();

    // Closes the open slice at now and opens one in `state` (on the current CPU if running).
    void enter(State state);
    void close();
    // While running: starts a new slice when the thread moved to another CPU.
    void noteCpu();
    // While running: of [from, to) of wall time, the thread's CPU clock advanced `ranNs`.
    // When the rest passes kCoreWaitThresholdNs, the slice ends at from + ranNs, the rest is
    // waiting-for-core, and a new running slice opens at `to` on the core the thread is on
    // now: a running slice is time on one core.
    void noteOffCore(std::int64_t from, std::int64_t to, std::int64_t ranNs);
    // CPU time the thread measured itself consuming in the open slice. Stored with the slice,
    // so the sequential estimate counts work done, not the time a thread was preempted.
    void addCpuTime(std::int64_t ns) { cpuNs_ += ns; }

    // GIL transitions, traced: gil-wait while waiting, then running.
    void acquireGil();
    void releaseGil();
    // Yields the GIL if another thread asked for it and this one has held it long enough;
    // true when it did (and so waited for it again).
    bool maybeYieldGil();
    bool holdsGil() const { return holdsGil_; }

    std::uint32_t task() const { return task_; }
    std::uint32_t track() const { return track_; }
    std::uint32_t label() const { return label_; }
    // Where this task's events go (null: untraced); e.g. a SharedValue's counter samples.
    TraceRecorder* recorder() const { return recorder_; }

private:
    TraceRecorder* recorder_;
    Gil* gil_;
    TaskContext* previous_;
    std::uint32_t track_;
    std::uint32_t task_;
    std::uint32_t label_;
    bool open_ = false;
    bool holdsGil_ = false;
    State state_ = State::Running;
    int cpu_ = -1;
    std::int64_t since_ = 0;
    std::int64_t cpuNs_ = 0;

    void recordOpen(std::int64_t now);
    void enterAt(State state, std::int64_t at);
};

} // namespace tasklane
