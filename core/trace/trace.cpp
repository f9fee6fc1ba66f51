#include "trace/trace.h"

#include <algorithm>
#include <array>

namespace tasklane {

namespace {
constexpr std::array<std::string_view, kStateCount> kStateNames = {
    "running",   "queued",   "sleeping", "awaiting", "lock-wait",
    "lock-held", "gil-wait", "spawning", "idle",     "waiting-for-core"};
constexpr std::array<std::string_view, 4> kKindNames = {"main", "thread", "process", "event-loop"};
} // namespace

std::string_view stateName(State state) {
    return kStateNames[std::size_t(state)];
}

std::optional<State> stateFromName(std::string_view name) {
    for (std::size_t i = 0; i < kStateNames.size(); ++i)
        if (kStateNames[i] == name)
            return State(i);
    return std::nullopt;
}

std::string_view trackKindName(TrackKind kind) {
    return kKindNames[std::size_t(kind)];
}

std::optional<TrackKind> trackKindFromName(std::string_view name) {
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (kKindNames[i] == name)
            return TrackKind(i);
    return std::nullopt;
}

void Trace::finalize() {
    std::sort(events.begin(), events.end(), [](const TraceEvent& a, const TraceEvent& b) {
        if (a.track != b.track)
            return a.track < b.track;
        if (a.begin_ns != b.begin_ns)
            return a.begin_ns < b.begin_ns;
        return a.end_ns > b.end_ns; // enclosing slice first, so nested slices follow their parent
    });
    trackStart_.assign(tracks.size() + 1, std::uint32_t(events.size()));
    trackMaxDuration_.assign(tracks.size(), 0);
    begin_ = end_ = 0;
    maxCpu_ = -1;
    bool first = true;
    for (std::size_t i = events.size(); i-- > 0;) {
        const TraceEvent& e = events[i];
        if (e.track < tracks.size()) {
            trackStart_[e.track] = std::uint32_t(i);
            trackMaxDuration_[e.track] = std::max(trackMaxDuration_[e.track], e.duration_ns());
        } else {
            // Events of unregistered tracks sort last; the last real track ends before them.
            trackStart_[tracks.size()] = std::uint32_t(i);
        }
        if (first) {
            begin_ = e.begin_ns;
            end_ = e.end_ns;
            first = false;
        }
        begin_ = std::min(begin_, e.begin_ns);
        end_ = std::max(end_, e.end_ns);
        if (e.isSlice())
            maxCpu_ = std::max<int>(maxCpu_, e.cpu);
    }
    // A track with no events starts where the next one does.
    for (std::size_t t = tracks.size(); t-- > 0;)
        trackStart_[t] = std::min(trackStart_[t], trackStart_[t + 1]);
}

std::span<const TraceEvent> Trace::eventsOf(std::uint32_t track) const {
    if (track + 1 >= trackStart_.size())
        return {};
    return std::span<const TraceEvent>(events.data() + trackStart_[track],
                                       trackStart_[track + 1] - trackStart_[track]);
}

std::span<const TraceEvent> Trace::eventsOf(std::uint32_t track, std::int64_t from,
                                            std::int64_t to) const {
    const auto all = eventsOf(track);
    if (all.empty() || from >= to)
        return {};
    // Events are sorted by begin; anything that starts before `from - longest` ends before it.
    const std::int64_t earliest = from - trackMaxDuration_[track];
    auto first =
        std::lower_bound(all.begin(), all.end(), earliest,
                         [](const TraceEvent& e, std::int64_t t) { return e.begin_ns < t; });
    auto last = std::lower_bound(
        first, all.end(), to, [](const TraceEvent& e, std::int64_t t) { return e.begin_ns < t; });
    // Both ends of the span overlap [from, to) (a zero-length event counts where it lies).
    // Between them, an event that ends before `from` remains only when a longer one encloses
    // it (nested slices, an instant inside a slice, overlapping async slices).
    const auto overlaps = [&](const TraceEvent& e) {
        return e.end_ns > from || e.begin_ns >= from;
    };
    while (first != last && !overlaps(*first))
        ++first;
    while (last != first && !overlaps(*(last - 1)))
        --last;
    return std::span<const TraceEvent>(first, last);
}

std::uint32_t Trace::intern(std::string_view s) {
    if (s.empty())
        return 0;
    for (std::size_t i = 0; i < strings.size(); ++i)
        if (strings[i] == s)
            return std::uint32_t(i);
    strings.emplace_back(s);
    return std::uint32_t(strings.size() - 1);
}

} // namespace tasklane
