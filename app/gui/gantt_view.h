// GanttView: the window's chart. Paints a trace with GanttPainter from a cached GanttLayout
// that is rebuilt only when the size, the trace, the grouping or the visible range changes
// (never in paintEvent), and adds what a screen can do and a file cannot: hover tooltips,
// wheel zoom at the cursor, drag to pan, shift-drag (or right-drag) to select a time range and
// see its statistics, double-click to fit, click to pick a task (its slices and arrows stand
// out in every row), Back and Forward through the zoom history (also the mouse's side
// buttons). What is on screen and what is selected live in a ZoomState, which the window's
// ruler and actions observe too. A process with several rows (threads, lanes) has a
// disclosure triangle in front of its first row's name: a click there (or its context menu,
// or Left / Right / Space with the keyboard) collapses it into one summary row and back. Which
// processes are collapsed is the view's state: kept through zoom, grouping and new runs, and
// dropped for pids the next trace does not have. Regrouping a large trace builds the new
// rows on a worker thread; the chart shows the old grouping until they land.
#pragma once

#include "chart/gantt_layout.h"
#include "chart/gantt_painter.h"
#include "chart/selection_stats.h"

#include <QElapsedTimer>
#include <QPoint>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace tasklane {

class ZoomState;

class GanttView : public QWidget {
    Q_OBJECT

public:
    explicit GanttView(QWidget* parent = nullptr);

    // Shows `trace`, fitted. `rows` may be rows already built for it (on the worker thread);
    // if they are for another grouping they are rebuilt here.
    void setTrace(std::shared_ptr<const Trace> trace,
                  std::shared_ptr<const GanttRows> rows = nullptr);
    void clear();
    // What the view says while it has no trace; empty: "Press Run (F5) to see the chart."
    void setPlaceholder(const QString& text);
    QString placeholder() const { return placeholder_; }
    const Trace* trace() const { return trace_.get(); }
    std::shared_ptr<const Trace> sharedTrace() const { return trace_; }

    // The grouping asked for. For a large trace the rows on screen may still be those of the
    // previous one for a moment: isRegrouping() says so, regroupingChanged() when it ends.
    GroupBy groupBy() const { return groupBy_; }
    void setGroupBy(GroupBy groupBy);
    bool isRegrouping() const { return regrouping_; }
    // The grouping of the rows on screen.
    std::optional<GroupBy> shownGroupBy() const;
    // Traces with more events than this are regrouped off the GUI thread (about 40 ms of
    // work on this machine; less is done at once, so small charts switch without a flicker).
    static constexpr std::size_t kBackgroundRowsEvents = 300'000;

    // The zoom, its history and the selection. Owned by the view.
    ZoomState* zoomState() const { return zoom_; }
    TimeRange visibleRange() const;
    void setVisibleRange(TimeRange range); // a step of the zoom history
    void fit();

    std::optional<std::uint32_t> highlightTask() const { return painter_.highlightTask(); }
    void setHighlightTask(std::optional<std::uint32_t> task);
    // The picked task's slices and arrows as placed now (empty without a pick).
    const GanttTaskOverlay& taskOverlay() const;

    // Processes (by pid) shown as one summary row each.
    const std::vector<std::int64_t>& collapsedPids() const { return collapsedPids_; }
    bool isProcessCollapsed(std::int64_t pid) const;
    void setProcessCollapsed(std::int64_t pid, bool collapsed);
    // Every process of the current rows, or none.
    void setAllProcessesCollapsed(bool collapsed);
    // The process group (GanttRows::processGroups()) the keyboard acts on, or -1.
    int currentProcessGroup() const { return currentGroup_; }

    // The statistics of the selected range, or null without a selection.
    const SelectionStats* selectionStats() const { return stats_ ? &*stats_ : nullptr; }
    // The statistics in two short lines for under the chart, and as a table for its tooltip;
    // empty without a selection.
    QString selectionSummary() const;
    QString selectionDetails() const;

    // The current geometry and draw list, for tests and for the window's status line.
    const GanttLayout& layout() const;
    std::size_t sliceCount() const; // slice events in the trace (0 without one)

    // The tooltip text for the slice at `pos` (widget coordinates), empty over a gap.
    QString describeAt(QPointF pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void visibleRangeChanged(tasklane::TimeRange range);
    void highlightChanged();
    void selectionStatsChanged();
    // The plot's left edge or width changed (a new trace, a resize): the ruler follows it.
    void plotGeometryChanged();
    void collapsedProcessesChanged();
    // Rows for a new grouping are being built off the GUI thread (true), or have landed.
    void regroupingChanged(bool regrouping);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void followPalette();

private:
    enum class Drag { None, Pan, Select };

    void rebuildRows();
    // Builds the rows for groupBy_ on a worker thread unless a build is already running
    // (it starts the next one when it lands, if the wish changed meanwhile).
    void startRowsBuild();
    // Puts rows for the current trace on screen: the layout, the picked task and the
    // selection's statistics follow them.
    void adoptRows(std::shared_ptr<const GanttRows> rows);
    void setRegrouping(bool regrouping);
    // Builds the rows again for the same trace and grouping (their names are translated).
    void remakeRows();
    // Marks the layout stale. Changes often come in bursts (a new trace changes the minimum
    // height, which resizes the view); the layout is rebuilt once, when next needed.
    void relayout();
    void ensureLayout() const;
    void updateMinimumHeight();
    void updateSelectionStats();
    void pickTaskEvents();
    void paintSelection(QPainter& painter) const;
    void paintCurrentGroup(QPainter& painter) const;
    // The menu of the row headers: collapse or expand the process at `pos`, or all of them.
    void showHeaderMenu(QPoint pos);
    void toggleGroup(int group);
    // The busy share of each row on screen that has one, in screen order (a collapsed
    // process's summary row in place of its threads).
    std::vector<RowBusy> shownBusy() const;
    // The trace time under x, within the plot.
    std::int64_t timeAtX(double x) const;

    std::shared_ptr<const Trace> trace_;
    std::shared_ptr<const GanttRows> rows_;
    ZoomState* zoom_ = nullptr;
    mutable GanttLayout layout_;
    mutable GanttTaskOverlay overlay_;
    mutable bool layoutStale_ = false;
    mutable double plotLeft_ = 0, plotWidth_ = 0; // of the last layout, to tell the ruler
    bool layoutQueued_ = false;
    GanttPainter painter_;
    GanttTaskEvents taskEvents_;
    std::optional<SelectionStats> stats_;
    // While a selection is dragged, its statistics follow at most once per frame; the release
    // computes them for where it ends.
    QTimer* statsTimer_ = nullptr;
    std::vector<std::int64_t> collapsedPids_;
    int currentGroup_ = -1;
    GroupBy groupBy_ = GroupBy::Both;
    bool rowsBuildRunning_ = false; // a worker thread is building rows
    bool regrouping_ = false;       // rows_ is not yet of groupBy_, or not yet remade
    QString placeholder_;           // said while there is no trace; empty: the default
    quint64 shownLanguage_ = 0;     // Language::generation() rows_ was built under
    std::size_t sliceCount_ = 0;    // of trace_, counted once
    int compactHeight_ = 0;         // what the rows need at their smallest readable height

    std::optional<QPoint> pressPos_;
    Drag drag_ = Drag::None;
    bool dragging_ = false; // moved past the threshold
    TimeRange pressRange_;
    std::int64_t pressTime_ = 0;
    QElapsedTimer lastWheel_; // wheel turns close together are one step of history
};

} // namespace tasklane
