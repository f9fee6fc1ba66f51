// ChartExporter: renders one trace's Gantt chart into a file (PNG, SVG or PDF, chosen by the
// extension) or an image, through the same layout and painter the window uses, so a slide
// shows exactly what the screen did. Used by the window's Export and by `tasklane-cli`.
#pragma once

#include "chart/gantt_layout.h"
#include "text/text_message.h"
#include "trace/save_file.h"
#include "trace/trace.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace tasklane {

// More rows than this make no readable image (and 10,000 of them a 190,000-px PNG of 2 GB).
inline constexpr int kExportMaxRows = 400;

struct ChartOptions {
    QSize size{1400, 0}; // logical pixels; height 0 = as tall as the rows need
    GroupBy groupBy = GroupBy::Both;
    QString title; // empty: no title line
    std::optional<std::uint32_t> highlightTask;
    std::optional<TimeRange> range;          // default: the whole trace
    qreal pixelRatio = 2;                    // PNG and renderImage: 2 for sharp slides
    bool dark = false;                       // ChartStyle::dark() instead of light() on white
    std::vector<std::int64_t> collapsedPids; // processes shown as one row, as on screen
    // Past this many rows every process is collapsed to its summary row, then the rows past
    // it are left out and counted in the legend. 0: every row.
    int maxRows = kExportMaxRows;
};

class ChartExporter {
public:
    // Writes `path`; on failure the result says why in one sentence ("unsupported chart format
    // '.xyz' (use .png, .svg or .pdf)", "cannot write ..."; context "tasklane::ChartExporter").
    // The file is replaced atomically: a failed export leaves no partial file behind.
    static SaveResult exportChart(const Trace& trace, const QString& path,
                                  const ChartOptions& options);

    // The chart as an ARGB32 image of size * pixelRatio device pixels, with that
    // devicePixelRatio set; for tests and thumbnails.
    static QImage renderImage(const Trace& trace, const ChartOptions& options);

    // The layout options an export of `rows` uses: `options`' collapsed processes, or every
    // process when that leaves more than options.maxRows rows, and the row cap.
    static GanttLayoutOptions layoutOptions(const GanttRows& rows, const ChartOptions& options);
};

} // namespace tasklane
