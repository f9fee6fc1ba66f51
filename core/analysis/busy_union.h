// BusyUnion: how long a row of slices kept something busy, overlaps counted once: a
// thread's nested calls (an imported trace's function inside its caller), two threads on one
// core overlapping by the clocks' skew, a process's threads running in parallel. Intervals
// must come in begin order (a trace's track, a chart lane); then the union is a running total
// and where its last run ends, so it can be resumed from totals stored along the way (the
// chart keeps one every kLaneSumStride slices) and asked how much lay before a time.
#pragma once

#include "trace/trace_event.h"

#include <cstdint>
#include <limits>

namespace tasklane {

// On a CPU: running, or running with a lock held. What the core utilisation, a row's busy
// share and a track's busy union count; waiting, sleeping, queued and spawning are not busy.
constexpr bool isOnCpu(State state) {
    return state == State::Running || state == State::LockHeld;
}

class BusyUnion {
public:
    BusyUnion() = default;
    // Resumed from a stored total: `ns` covered so far, the last run ending at `end`.
    BusyUnion(std::int64_t ns, std::int64_t end)
        : ns_(ns)
        , end_(end) {}

    // [begin, end), which begins at or after every interval added so far. Empty ones add
    // nothing.
    void add(std::int64_t begin, std::int64_t end) {
        if (end <= begin)
            return;
        // The interval that reached end_ covers [its begin, end_): only the part past it is new.
        if (begin >= end_) {
            ns_ += end - begin;
            end_ = end;
        } else if (end > end_) {
            ns_ += end - end_;
            end_ = end;
        }
    }

    std::int64_t ns() const { return ns_; }
    // Where the last run ends; min() before the first interval.
    std::int64_t end() const { return end_; }

    // How much of (-inf, t) is covered, once every interval that begins before `t` has been
    // added (and none that begins at or after it): what lies past `t` belongs to the run that
    // reached the furthest, which began before `t` and so covers [t, end()).
    std::int64_t coveredBefore(std::int64_t t) const { return end_ > t ? ns_ - (end_ - t) : ns_; }

private:
    std::int64_t ns_ = 0;
    std::int64_t end_ = std::numeric_limits<std::int64_t>::min();
};

} // namespace tasklane
