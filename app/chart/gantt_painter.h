// GanttPainter: draws a GanttLayout into any QPainter (a widget, a 2x QImage, an SVG or a
// PDF), reading only the layout's cached geometry and draw list, so a repaint costs what is
// visible (at most a few rects per pixel column per row), not what the trace holds.
#pragma once

#include "chart/chart_style.h"
#include "chart/gantt_layout.h"

#include <QColor>

#include <cstdint>
#include <optional>

class QFontMetricsF;
class QPainter;

namespace tasklane {

class GanttPainter {
public:
    explicit GanttPainter(ChartStyle style = ChartStyle::light());

    const ChartStyle& style() const { return style_; }
    void setStyle(const ChartStyle& style) { style_ = style; }
    // One task in full colour (and outlined), every other slice faded.
    std::optional<std::uint32_t> highlightTask() const { return highlightTask_; }
    void setHighlightTask(std::optional<std::uint32_t> task) { highlightTask_ = task; }
    // Fill the whole chart with the style's background first (off for a widget that has
    // painted its own).
    void setFillBackground(bool fill) { fillBackground_ = fill; }

    // Everything below, in order.
    void paint(QPainter& painter, const GanttLayout& layout) const;

    void paintBackground(QPainter& painter, const GanttLayout& layout) const;
    void paintTitle(QPainter& painter, const GanttLayout& layout) const;
    void paintRowLabels(QPainter& painter, const GanttLayout& layout) const;
    // Slices, lane rows' async slices, instants, flow arrows, or the empty message.
    void paintPlot(QPainter& painter, const GanttLayout& layout) const;
    void paintAxis(QPainter& painter, const GanttLayout& layout) const;
    void paintLegend(QPainter& painter, const GanttLayout& layout) const;
    // A picked task over the plot: its slices outlined, at least two pixels wide even where
    // the draw list folded them, and its arrows drawn bold (see GanttLayout::taskOverlay).
    void paintTaskOverlay(QPainter& painter, const GanttLayout& layout,
                          const GanttTaskOverlay& overlay) const;

    // The colour a draw item is filled with, highlight not applied.
    QColor fillColour(const GanttDrawItem& item) const;
    // A process's disclosure triangle in `box`.
    void paintDisclosure(QPainter& painter, const QRectF& box, bool collapsed) const;

private:
    // The slice's label inside `rect` on `fill`, when it is one slice wide enough to carry it.
    void paintSliceLabel(QPainter& painter, const GanttLayout& layout, const GanttDrawItem& item,
                         const QRectF& rect, const QColor& fill, const QFontMetricsF& fm) const;

    ChartStyle style_;
    std::optional<std::uint32_t> highlightTask_;
    bool fillBackground_ = true;
};

} // namespace tasklane
