// GanttView: the window's chart. Paints a trace with GanttPainter from a cached GanttLayout
// that is rebuilt only when the size, the trace, the grouping or the visible range changes
// (never in paintEvent), and adds what a screen can do and a file cannot: hover tooltips,
// wheel zoom at the cursor, drag to pan, double-click to fit, click to highlight a task.
#pragma once

#include "chart/gantt_layout.h"
#include "chart/gantt_painter.h"

#include <QPoint>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>

namespace tasklane {

class GanttView : public QWidget {
    Q_OBJECT

public:
    explicit GanttView(QWidget* parent = nullptr);

    // Shows `trace`, fitted. `rows` may be rows already built for it (on the worker thread);
    // if they are for another grouping they are rebuilt here.
    void setTrace(std::shared_ptr<const Trace> trace,
                  std::shared_ptr<const GanttRows> rows = nullptr);
    void clear();
    const Trace* trace() const { return trace_.get(); }
    std::shared_ptr<const Trace> sharedTrace() const { return trace_; }

    GroupBy groupBy() const { return groupBy_; }
    void setGroupBy(GroupBy groupBy);

    TimeRange visibleRange() const { return visible_; }
    void setVisibleRange(TimeRange range);
    void fit();

    std::optional<std::uint32_t> highlightTask() const { return painter_.highlightTask(); }
    void setHighlightTask(std::optional<std::uint32_t> task);

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

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuildRows();
    // Marks the layout stale. Changes often come in bursts (a new trace changes the minimum
    // height, which resizes the view); the layout is rebuilt once, when next needed.
    void relayout();
    void ensureLayout() const;
    void updateMinimumHeight();
    TimeRange clampRange(TimeRange range) const;

    std::shared_ptr<const Trace> trace_;
    std::shared_ptr<const GanttRows> rows_;
    mutable GanttLayout layout_;
    mutable bool layoutStale_ = false;
    bool layoutQueued_ = false;
    GanttPainter painter_;
    GroupBy groupBy_ = GroupBy::Both;
    TimeRange full_;
    TimeRange visible_;
    int compactHeight_ = 0; // what the rows need at their smallest readable height

    std::optional<QPoint> pressPos_;
    TimeRange pressRange_;
    bool dragging_ = false;
};

} // namespace tasklane
