#include "trace/trace_stack.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace tasklane {

Trace stackTraces(std::span<const StackPart> parts) {
    Trace out;
    if (parts.empty())
        return out;
    const std::int64_t origin = parts.front().begin_ns;
    std::uint32_t taskBase = 0;
    double flowBase = 0;
    for (const StackPart& part : parts) {
        if (part.trace == nullptr)
            continue;
        const Trace& in = *part.trace;
        const auto trackBase = std::uint32_t(out.tracks.size());
        for (Track t : in.tracks) {
            if (!part.prefix.empty())
                t.name = part.prefix + " · " + t.name;
            out.tracks.push_back(std::move(t));
        }
        // Labels are re-interned: the parts' string tables differ.
        std::vector<std::uint32_t> labels(in.strings.size(), 0);
        for (std::size_t i = 1; i < in.strings.size(); ++i)
            labels[i] = out.intern(in.strings[i]);
        const std::int64_t shift = origin - part.begin_ns;
        std::uint32_t maxTask = 0;
        double maxFlow = 0;
        out.events.reserve(out.events.size() + in.events.size());
        for (TraceEvent e : in.events) {
            e.begin_ns += shift;
            e.end_ns += shift;
            e.track += trackBase;
            e.label = e.label < labels.size() ? labels[e.label] : 0;
            if (e.task != 0) {
                maxTask = std::max(maxTask, e.task);
                e.task += taskBase;
            }
            if (e.type == EventType::FlowStart || e.type == EventType::FlowEnd) {
                maxFlow = std::max(maxFlow, e.value);
                e.value += flowBase;
            }
            out.events.push_back(e);
        }
        taskBase += maxTask;
        flowBase += maxFlow;
    }
    out.finalize();
    return out;
}

} // namespace tasklane
