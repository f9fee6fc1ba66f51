// The Gantt chart's geometry as plain values, testable without painting (as Hotspot's
// TimeLineData): the rows, built once per trace and grouping (GanttRows), and where everything
// goes for one size and one visible time range (GanttLayout, here). The painter only reads
// what is computed here. The pieces, which this header brings in for the chart's users: lanes
// and their sums (gantt_lane.h), rows (gantt_row.h, gantt_rows.h, lane_packing.h,
// gantt_flow_index.h), the level of detail (lane_folder.h, colour_tally.h, gantt_draw_item.h),
// the axis (axis_ticks.h) and the legend (gantt_legend.h).
#pragma once

#include "chart/axis_ticks.h"
#include "chart/chart_style.h"
#include "chart/gantt_draw_item.h"
#include "chart/gantt_legend.h"
#include "chart/gantt_rows.h"
#include "chart/time_range.h"
#include "trace/trace.h"

#include <QFont>
#include <QLineF>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

class QFontMetricsF;

namespace tasklane {

// Where one row's parts go.
struct GanttRowGeometry {
    QRectF rect;      // the whole row, label column included
    QRectF labelRect; // where the name is written (indented for lane rows)
    QRectF chipRect;  // a swatch of the track's core-row colour; null when not needed
    // The triangle that collapses or expands a process (its header row, or its summary row
    // when collapsed); null on other rows.
    QRectF disclosureRect;
    int group = -1;         // the process group the row shows (GanttRows::processGroups()), or -1
    bool collapsed = false; // a summary row: its group is collapsed
    QRectF sliceLane;       // where the row's rects go: its slices, or a lane row's async slices
    // A track and its lane rows share one background, so they read as one group; every
    // other group is shaded.
    bool shaded = false;
    // Counter samples as a step line over the visible range, scaled from 0 (row bottom) to
    // the row's largest sample (row top); empty when the row has none. At most a few points
    // per pixel column, so a million samples still draw at once.
    QPolygonF counterLine;
    QString counterText; // the last visible sample and the largest: "5 (max 5)"
};

struct GanttLayoutOptions {
    QFont font = chartFont();
    QString title;      // empty: no title line
    bool legend = true; // a window may show its own
    bool axis = true;
    double rowHeight = 0; // 0: from the font when the height is free, else shared out
    std::optional<std::int64_t> origin_ns; // the axis's zero; default: the trace's start
    // Above this many visible flows, none is drawn. Thinning (below) keeps any number
    // readable, so by default there is no such cap.
    int maxFlows = std::numeric_limits<int>::max();
    // Below this many pixels of plot width per arrow, one arrow in 2, 4, 8... is drawn: 200
    // arrows fanning out of one submit point merge into a black mass. A picked task's arrows
    // come in its overlay whatever this leaves out. 0: every arrow.
    double pixelsPerFlow = 40;
    // Processes (pids of GanttRows::processGroups()) shown as one summary row each; other pids
    // are ignored. The view's state, kept across layouts.
    std::vector<std::int64_t> collapsedPids;
    // At most this many rows on screen, the first ones; the rest are counted (hiddenRows())
    // and named in the legend. 0: every row (the window scrolls; an image cannot).
    int maxRows = 0;
};

// GanttLayout: all geometry for one size and one visible time range, including the level of
// detail draw list (culled with a binary search, sub-pixel slices folded per pixel column).
// A value: cheap to copy, rebuilt on resize, zoom or pan. Refers to the GanttRows (and its
// trace) it was built from, which must outlive it.
class GanttLayout {
public:
    GanttLayout() = default;
    // A height <= 0 takes the height the rows need (natural row height from the font).
    GanttLayout(const GanttRows& rows, QSizeF size, TimeRange visible,
                const GanttLayoutOptions& options = {});

    // The whole trace, as a chart shows it first.
    static TimeRange fullRange(const Trace& trace);

    const GanttRows* rows() const { return rows_; }
    const GanttLayoutOptions& options() const { return options_; }
    QSizeF size() const { return size_; }
    TimeRange visibleRange() const { return visible_; }
    std::int64_t origin() const { return origin_; }

    QRectF titleRect() const { return titleRect_; }
    QRectF labelColumn() const { return labelColumn_; }
    double labelColumnWidth() const { return labelColumn_.width(); }
    QRectF plotRect() const { return plotRect_; }
    QRectF axisRect() const { return axisRect_; }
    QRectF legendRect() const { return legendRect_; }
    double rowHeight() const { return rowHeight_; }   // of track and core rows
    double laneHeight() const { return laneHeight_; } // of lane rows: a little thinner

    // Rows on screen: the GanttRows' rows, less those of collapsed processes, plus their
    // summary rows. Row indices below are these; rowData() and sourceRow() give the GanttRow.
    int rowCount() const { return int(rowGeometry_.size()); }
    // Rows left out by options().maxRows.
    int hiddenRows() const { return hiddenRows_; }
    const GanttRowGeometry& row(int index) const { return rowGeometry_[std::size_t(index)]; }
    // The GanttRows id (see GanttRows::row) of the row on screen at `index`.
    int sourceRow(int index) const { return rowSource_[std::size_t(index)]; }
    const GanttRow& rowData(int index) const { return rows_->row(sourceRow(index)); }
    // The row on screen that shows GanttRows row `id`: itself, or its process's summary row
    // when collapsed; -1 when there is none.
    int rowOfSource(int id) const;
    bool isCollapsed(std::int64_t pid) const;
    // The process group whose disclosure triangle (or header label) is at `pos`, or -1.
    int disclosureAt(QPointF pos) const;
    QRectF rowRect(int index) const { return row(index).rect; }
    int rowAt(double y) const; // -1 outside the rows
    // y of the lines between core rows and track rows.
    const std::vector<double>& separators() const { return separators_; }

    double xForTime(std::int64_t ns) const;
    std::int64_t timeForX(double x) const;
    double nsPerPixel() const;

    // The slice (index into trace.events) under `pos`, or nothing over a gap: a lane row's
    // async slices, any other row's slices. Within half a pixel of a slice counts, so that a
    // folded sub-pixel slice can still be pointed at.
    std::optional<std::uint32_t> eventAt(QPointF pos) const;

    // The draw list: what the painter fills, per row, in x order within each lane.
    std::span<const GanttDrawItem> drawItems(int row) const;
    // `task`'s slices and arrows placed for this size and range (those in view). O(its events).
    GanttTaskOverlay taskOverlay(const GanttTaskEvents& task) const;
    std::size_t drawItemCount() const { return items_.size(); }
    bool hasMixed() const { return hasMixed_; }

    const std::vector<GanttTick>& ticks() const { return ticks_; }
    const TickSpec& tickSpec() const { return tickSpec_; }
    const std::vector<GanttLegendEntry>& legend() const { return legend_; }
    const std::vector<QLineF>& flowLines() const { return flowLines_; }
    int hiddenFlows() const { return hiddenFlows_; } // visible but over maxFlows
    // 1: every arrow in view is drawn; n: one in n (those whose place in time order is a
    // multiple of n, so panning keeps the same ones and zooming in adds to them).
    int flowStride() const { return flowStride_; }
    // Shown in the plot when there is nothing to draw; empty otherwise.
    const QString& emptyMessage() const { return emptyMessage_; }

private:
    void chooseScreenRows();
    void capScreenRows();
    double labelWidthFor(const QFontMetricsF& fm, double width) const;
    void foldRows();
    void foldRow(int row);
    void placeVertically(const QFontMetricsF& fm, double labelWidth, double legendHeight);
    double chooseRowHeights(const QFontMetricsF& fm, double available);
    void buildRows(double width);
    void buildTicks(const QFontMetricsF& fm);
    void placeItems();
    void buildFlows();
    void buildCounters(int row);

    const GanttRows* rows_ = nullptr;
    GanttLayoutOptions options_;
    QSizeF size_;
    TimeRange visible_;
    std::int64_t origin_ = 0;
    QRectF titleRect_, labelColumn_, plotRect_, axisRect_, legendRect_;
    double rowHeight_ = 0;
    double laneHeight_ = 0;
    std::vector<GanttRowGeometry> rowGeometry_;
    std::vector<int> rowSource_;   // per row on screen: its GanttRows id
    std::vector<int> screenRowOf_; // per GanttRows id: the row on screen, or -1
    std::vector<double> separators_;
    std::vector<GanttDrawItem> items_;
    std::vector<std::uint32_t> itemStart_; // items of row r: [itemStart_[r], itemStart_[r+1])
    bool hasMixed_ = false;
    TickSpec tickSpec_;
    std::vector<GanttTick> ticks_;
    std::vector<GanttLegendEntry> legend_;
    std::vector<QLineF> flowLines_;
    int hiddenFlows_ = 0;
    int flowStride_ = 1;
    int hiddenRows_ = 0;
    QString emptyMessage_;
};

} // namespace tasklane
