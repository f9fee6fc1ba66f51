// StateTimes: nanoseconds per State, summed over slices (three tasks queued for a second each
// are three seconds queued, as Perfetto sums an area selection). The accumulator every
// per-state figure is made of: a run's waits, a selection's time by state, an opened trace's.
// It adds and subtracts whole, so running totals kept elsewhere (the chart's lanes keep one
// every few dozen slices) give a range's times as the difference of two of them.
#pragma once

#include "trace/trace_event.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <numeric>

namespace tasklane {

class StateTimes {
public:
    using Array = std::array<std::int64_t, kStateCount>;

    StateTimes() = default;
    // Totals kept as a plain array (GanttLaneSum::stateNs).
    explicit StateTimes(const Array& ns)
        : ns_(ns) {}

    std::int64_t& operator[](std::size_t state) { return ns_[state]; }
    std::int64_t operator[](std::size_t state) const { return ns_[state]; }
    std::int64_t& operator[](State state) { return ns_[std::size_t(state)]; }
    std::int64_t operator[](State state) const { return ns_[std::size_t(state)]; }

    void add(State state, std::int64_t ns) { ns_[std::size_t(state)] += ns; }
    StateTimes& operator+=(const StateTimes& other) {
        for (std::size_t s = 0; s < ns_.size(); ++s)
            ns_[s] += other.ns_[s];
        return *this;
    }
    StateTimes& operator-=(const StateTimes& other) {
        for (std::size_t s = 0; s < ns_.size(); ++s)
            ns_[s] -= other.ns_[s];
        return *this;
    }
    friend StateTimes operator-(StateTimes a, const StateTimes& b) { return a -= b; }

    std::int64_t total() const { return std::accumulate(ns_.begin(), ns_.end(), std::int64_t(0)); }
    const Array& array() const { return ns_; }

    friend bool operator==(const StateTimes&, const StateTimes&) = default;

private:
    Array ns_{};
};

} // namespace tasklane
