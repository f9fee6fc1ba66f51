// GanttDrawItem: one rect the painter fills, what a layout's level of detail makes of the
// slices in view: a slice, or the slices that fall in one pixel column folded into one.
#pragma once

#include <QLineF>
#include <QRectF>

#include <cstdint>
#include <vector>

namespace tasklane {

// How a drawn rect is coloured: by its state, by the track that ran it (core rows), or
// "mixed" when it folds slices of which none dominates (see ColourTally).
enum class FillKind : std::uint8_t { State, Track, Mixed };
enum class DrawKind : std::uint8_t { Slice, Async, Instant };

struct GanttDrawItem {
    QRectF rect;
    std::uint32_t event = 0;     // the first event drawn in it (index into Trace::events)
    std::uint32_t count = 1;     // events folded into it; 1 = exactly `event`
    std::uint32_t task = 0;      // the task all of them belong to; 0 when they differ
    std::uint32_t fillIndex = 0; // the State (FillKind::State) or the track (FillKind::Track)
    FillKind fill = FillKind::State;
    DrawKind kind = DrawKind::Slice;
};

// A picked task drawn over everything else: each of its slices at least a pixel wide (folded
// or not), and its flow arrows, also when there are too many arrows to draw them all.
struct GanttTaskOverlay {
    std::uint32_t task = 0;
    std::vector<GanttDrawItem> items; // rects in chart coordinates
    std::vector<QLineF> flows;
};

} // namespace tasklane
