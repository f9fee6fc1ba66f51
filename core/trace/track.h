// Track: one timeline of a run (the main thread, a pool worker, a worker process, the
// event loop). The chart draws a row per track; the JSON writer names it with `M` events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tasklane {

enum class TrackKind : std::uint8_t { Main, Thread, Process, EventLoop };

// The names used in summaries and trace files: main, thread, process, event-loop.
std::string_view trackKindName(TrackKind kind);
std::optional<TrackKind> trackKindFromName(std::string_view name);

struct Track {
    std::int64_t pid = 0;
    std::int64_t tid = 0;
    TrackKind kind = TrackKind::Thread;
    std::string name;
};

} // namespace tasklane
