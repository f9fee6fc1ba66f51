// TraceEvent: one thing that happened in a run (a slice of a task's life, a printed line,
// a counter sample, one end of a flow). Kept small and trivially copyable because a run
// may store millions of them; strings live once in the Trace's string table.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace tasklane {

enum class State : std::uint8_t {
    Running,
    Queued,
    Sleeping, // blocked in I/O
    Awaiting, // coroutine suspended
    LockWait,
    LockHeld,
    GilWait,
    Spawning,
    Idle,
    // Ready to run, but the core was given to another thread: measured as the wall time a
    // CPU-bound loop lost while its thread's CPU clock stood still (Perfetto's "Runnable").
    WaitingForCore,
};
inline constexpr int kStateCount = 10;

std::string_view stateName(State state);
std::optional<State> stateFromName(std::string_view name);

enum class EventType : std::uint8_t {
    Slice,      // a state of a thread/process between begin and end; never overlaps its track's
    AsyncSlice, // a state that may overlap others on its track (queued tasks, lifelines)
    Instant,    // a printed line or a marker, at begin
    Counter,    // a sampled value, at begin
    FlowStart,  // one end of an arrow; `value` holds the flow id, `task` the task it carries
    FlowEnd,
};

struct TraceEvent {
    std::int64_t begin_ns = 0; // CLOCK_MONOTONIC
    std::int64_t end_ns = 0;   // == begin_ns for instants, counters and flows
    double value = 0; // counters: the sample; flows: the flow id; slices: CPU ns measured in it
    std::uint32_t track = 0; // index into Trace::tracks
    std::uint32_t task = 0;  // 0 = no task
    std::uint32_t label = 0; // index into Trace::strings; 0 = ""
    std::int16_t cpu = -1;   // sched_getcpu() while running; -1 when off-CPU or unknown
    State state = State::Running;
    EventType type = EventType::Slice;

    std::int64_t duration_ns() const { return end_ns - begin_ns; }
    bool isSlice() const { return type == EventType::Slice || type == EventType::AsyncSlice; }
};

static_assert(sizeof(TraceEvent) <= 48, "a stored event must stay within 48 bytes");

} // namespace tasklane
