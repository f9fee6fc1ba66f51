// The chart's legend: what the chart shows explained in entries (a state's colour, a worker's
// on a core-only chart, lane rows, arrows, notes), only those that appear, laid out left to
// right in lines as wide as the chart.
#pragma once

#include "chart/gantt_rows.h"

#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

class QFontMetricsF;

namespace tasklane {

struct GanttLegendEntry {
    enum class Kind : std::uint8_t { State, Track, Mixed, Async, Instant, Flow, Note };
    Kind kind = Kind::Note;
    std::uint32_t index = 0; // the State or the track
    QRectF swatch;           // null for notes
    QRectF textRect;
    QString text;
};

// What a layout found that the legend must explain, beside what the rows hold.
struct GanttLegendFacts {
    bool mixed = false;       // some folded rect is drawn "mixed"
    bool summaryRows = false; // a collapsed process's summary row is on screen
    bool flowLines = false;   // arrows are drawn
    int hiddenFlows = 0;      // arrows in view, not drawn because there are too many
    int flowStride = 1;       // one arrow in this many is drawn (GanttLayout::flowStride)
    int hiddenRows = 0;       // rows past GanttLayoutOptions::maxRows, not drawn
    int shownRows = 0;        // and those drawn (when some are hidden)
};

// Appends the legend's entries to `entries`, placed from (0, 0) in lines no wider than `width`,
// and returns the height they take (0 for none). Nothing for an empty trace.
double layoutLegend(const GanttRows& rows, const GanttLegendFacts& facts, double width,
                    const QFontMetricsF& fm, std::vector<GanttLegendEntry>& entries);

} // namespace tasklane
