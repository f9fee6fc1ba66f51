// LaneFolder: a layout's level of detail for one row (as Tracy's PreprocessZoneLevel): the
// slices of a lane that are in view, culled with a binary search, become draw items; those
// narrower than a pixel are folded into one item per pixel column, and overlapping ones are
// merged into runs, so that a million slices make at most a few items per pixel. Block sums
// (GanttLaneBlock) let whole runs of slices fold without being read. Colours of folded items
// come from a ColourTally.
#pragma once

#include "chart/colour_tally.h"
#include "chart/gantt_draw_item.h"
#include "chart/gantt_lane.h"
#include "chart/time_range.h"
#include "trace/trace.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tasklane {

class LaneFolder {
public:
    // Items go to the end of `out`, with x and width set (y and height are the layout's).
    // `byTrack`: a core row, whose slices are coloured by the track that ran them.
    LaneFolder(const Trace& trace, TimeRange visible, double plotLeft, double plotWidth,
               bool byTrack, std::vector<GanttDrawItem>& out);

    // A lane whose slices follow each other (a track's, a core's, an exact lane row's): each
    // slice a pixel wide or more is its own item, the narrower ones are folded per pixel
    // column, and neighbouring columns of the same colour become one item.
    void foldSortedLane(const GanttLane& lane, DrawKind kind);
    // A lane whose slices overlap, each possibly wide (an overflow lane, a collapsed process's
    // summary): drawn one by one, half a million queued tasks would be half a million rects.
    // Overlapping slices, and those with gaps under a pixel, merge into one item, coloured by
    // the state that fills most of it.
    void mergeOverlappingLane(const GanttLane& lane, DrawKind kind);

    // Whether some item was drawn "mixed" (no colour dominated it).
    bool hasMixed() const { return hasMixed_; }

private:
    struct Column;
    struct Run;
    std::size_t extendColumn(const GanttLane& lane, std::size_t p, std::size_t last,
                             Column& column);
    void closeColumn(Column& column, DrawKind kind);
    void closeRun(Run& run, DrawKind kind);

    const Trace& trace_;
    TimeRange visible_;
    double left_ = 0;
    double scale_ = 0;        // pixels per ns
    std::int64_t tinyNs_ = 0; // shorter than this is narrower than a pixel
    bool byTrack_ = false;
    FillKind ownFill_ = FillKind::State;
    ColourTally tally_;
    std::vector<GanttDrawItem>& items_;
    std::ptrdiff_t lastFold_ = -1; // the item that the next folded column may extend
    bool hasMixed_ = false;
};

} // namespace tasklane
