// EventCounts: a trace's events by kind, as a file's summary lists them (slices, instants,
// counter samples, flow ends).
#pragma once

#include "trace/trace_event.h"

#include <cstddef>

namespace tasklane {

struct EventCounts {
    std::size_t slices = 0; // slices and async slices
    std::size_t instants = 0;
    std::size_t counters = 0;
    std::size_t flowEnds = 0; // starts and ends of arrows, each counted

    void add(const TraceEvent& e) {
        switch (e.type) {
        case EventType::Slice:
        case EventType::AsyncSlice:
            ++slices;
            break;
        case EventType::Instant:
            ++instants;
            break;
        case EventType::Counter:
            ++counters;
            break;
        case EventType::FlowStart:
        case EventType::FlowEnd:
            ++flowEnds;
            break;
        }
    }
    std::size_t total() const { return slices + instants + counters + flowEnds; }

    friend bool operator==(const EventCounts&, const EventCounts&) = default;
};

} // namespace tasklane
