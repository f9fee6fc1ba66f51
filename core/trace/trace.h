// Trace: every event of one run, sorted by track then begin time, with the tracks and the
// string table they refer to. Built by TraceRecorder::finish() or read from a file; the
// chart, the writers and the metrics all read from it.
#pragma once

#include "trace/trace_event.h"
#include "trace/track.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tasklane {

class Trace {
public:
    std::vector<Track> tracks;
    std::vector<TraceEvent> events;                  // sorted by (track, begin_ns, end_ns)
    std::vector<std::string> strings{std::string()}; // strings[0] is the empty label

    // Call after filling `events` by hand: sorts and rebuilds the per-track index.
    void finalize();

    // The events of one track, in begin order.
    std::span<const TraceEvent> eventsOf(std::uint32_t track) const;
    // The events of one track that overlap [from, to): exactly those where the track's
    // events do not nest (a thread's slices). Where they do, the span runs from the first
    // overlapping event to the last, and may hold enclosed ones that end before `from`.
    std::span<const TraceEvent> eventsOf(std::uint32_t track, std::int64_t from,
                                         std::int64_t to) const;

    std::string_view label(const TraceEvent& e) const { return strings[e.label]; }
    std::uint32_t intern(std::string_view s);

    // Earliest begin and latest end over all events; 0, 0 when empty.
    std::int64_t beginNs() const { return begin_; }
    std::int64_t endNs() const { return end_; }
    bool empty() const { return events.empty(); }

    // Highest cpu number seen on any slice, or -1.
    int maxCpu() const { return maxCpu_; }

private:
    std::vector<std::uint32_t> trackStart_; // events of track t: [trackStart_[t], trackStart_[t+1])
    std::vector<std::int64_t> trackMaxDuration_; // per track, for overlap queries
    std::int64_t begin_ = 0;
    std::int64_t end_ = 0;
    int maxCpu_ = -1;
};

} // namespace tasklane
