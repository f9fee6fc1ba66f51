// TimeRuler: the whole run as a strip over the chart, lined up with its plot: ticks from the
// run's start to its end, the part on screen as a box and the selection as a band. It
// observes the chart's ZoomState as the chart does, so the two cannot disagree, and it stays
// in sight while the rows scroll. Click or drag on it to move the chart's view; double-click
// to fit. Zoomed to 1 % of a million slices, it is what says where you are.
#pragma once

#include "chart/gantt_layout.h"

#include <QPointer>
#include <QWidget>

#include <cstdint>
#include <optional>

namespace tasklane {

class GanttView;
class ZoomState;

class TimeRuler : public QWidget {
    Q_OBJECT

public:
    explicit TimeRuler(QWidget* parent = nullptr);

    // Follows `view`'s zoom state and plot.
    void setView(GanttView* view);

    // Where the strip is and how time maps onto it, in this widget's coordinates (for tests).
    QRectF strip() const;
    double xForTime(std::int64_t ns) const;
    std::int64_t timeForX(double x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    // QEvent::LanguageChange: the tooltip and the ticks' units in the new language.
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void retranslateUi();
    // Moves the view so that its middle is at x (less the grab offset).
    void moveTo(double x, bool firstStep);

    QPointer<GanttView> view_;
    ZoomState* zoom_ = nullptr;
    std::optional<double> grab_; // where in the box it was taken, from the box's middle
    bool pushed_ = false;        // this press made its step of history already
};

} // namespace tasklane
