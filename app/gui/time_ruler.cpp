#include "time_ruler.h"

#include "chart/zoom_state.h"
#include "gantt_view.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace tasklane {

namespace {

constexpr double kBoxMinWidth = 4; // the box stays a thing to grab at 0.01 % zoom

} // namespace

TimeRuler::TimeRuler(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("time-ruler"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    retranslateUi();
}

void TimeRuler::retranslateUi() {
    setToolTip(tr("The whole run: the box is the part on screen. Click or drag to move it, "
                  "double-click to fit."));
}

void TimeRuler::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        update();
    }
}

void TimeRuler::setView(GanttView* view) {
    if (view_)
        disconnect(view_, nullptr, this, nullptr);
    if (zoom_)
        disconnect(zoom_, nullptr, this, nullptr);
    view_ = view;
    zoom_ = view ? view->zoomState() : nullptr;
    if (zoom_) {
        connect(zoom_, &ZoomState::visibleRangeChanged, this, qOverload<>(&QWidget::update));
        connect(zoom_, &ZoomState::selectionChanged, this, qOverload<>(&QWidget::update));
    }
    if (view_)
        connect(view_, &GanttView::plotGeometryChanged, this, qOverload<>(&QWidget::update));
    update();
}

QRectF TimeRuler::strip() const {
    if (!view_ || !zoom_ || zoom_->fullRange().span() <= 0)
        return {};
    // Under the chart's plot, wherever the two sit in the window.
    const QRectF plot = view_->layout().plotRect();
    const QPoint offset = view_->mapTo(window(), QPoint(0, 0)) - mapTo(window(), QPoint(0, 0));
    const QFontMetricsF fm(font());
    const double top = std::ceil(fm.height()) + 2;
    return QRectF(plot.left() + offset.x(), top, plot.width(), height() - top - 3);
}

double TimeRuler::xForTime(std::int64_t ns) const {
    const QRectF s = strip();
    const TimeRange full = zoom_ ? zoom_->fullRange() : TimeRange{};
    if (s.isNull() || full.span() <= 0)
        return 0;
    return s.left() + double(ns - full.begin_ns) * s.width() / double(full.span());
}

std::int64_t TimeRuler::timeForX(double x) const {
    const QRectF s = strip();
    const TimeRange full = zoom_ ? zoom_->fullRange() : TimeRange{};
    if (s.isNull() || s.width() <= 0)
        return full.begin_ns;
    return full.begin_ns + std::llround((x - s.left()) * double(full.span()) / s.width());
}

QSize TimeRuler::sizeHint() const {
    const QFontMetricsF fm(font());
    return QSize(400, int(std::ceil(fm.height() * 2.2)) + 6);
}

QSize TimeRuler::minimumSizeHint() const {
    return QSize(100, sizeHint().height());
}

void TimeRuler::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QRectF s = strip();
    if (s.isNull() || s.width() < 10)
        return;
    const TimeRange full = zoom_->fullRange();
    const QPalette& pal = palette();
    const QColor highlight = pal.color(QPalette::Highlight);
    p.fillRect(s, pal.color(QPalette::Base));

    // Ticks of the whole run, from its start, as the chart's axis counts.
    const QFontMetricsF fm(font());
    const TickSpec spec =
        chooseTicks(full.span(), s.width(), fm.horizontalAdvance(QStringLiteral("000.0 ms")) + 24);
    const std::int64_t origin = view_->layout().origin();
    // The first tick at or after the run's start (the origin may lie either side of it).
    const std::int64_t from = full.begin_ns - origin;
    const std::int64_t first = from / spec.step_ns + (from > 0 && from % spec.step_ns != 0 ? 1 : 0);
    p.setPen(pal.color(QPalette::PlaceholderText));
    for (std::int64_t k = first, n = 0; n < 1000; ++k, ++n) {
        const std::int64_t t = origin + k * spec.step_ns;
        if (t > full.end_ns)
            break;
        const double x = std::round(xForTime(t)) + 0.5;
        p.drawLine(QPointF(x, s.top()), QPointF(x, s.top() + 4));
        const QString label = formatTick(t - origin, spec);
        const double w = fm.horizontalAdvance(label);
        const double left = std::clamp(x - w / 2, 0.0, double(width()) - w);
        p.drawText(QRectF(left, 0, w + 1, s.top() - 1), Qt::AlignCenter, label);
    }

    // The selection, then the box of what is on screen over it.
    if (const auto sel = zoom_->selection()) {
        QColor band = highlight;
        band.setAlpha(110);
        const double x0 = xForTime(sel->begin_ns);
        p.fillRect(QRectF(x0, s.top(), std::max(xForTime(sel->end_ns) - x0, 2.0), s.height()),
                   band);
    }
    const TimeRange visible = zoom_->visibleRange();
    double x0 = xForTime(visible.begin_ns);
    double x1 = xForTime(visible.end_ns);
    if (x1 - x0 < kBoxMinWidth) {
        const double mid = (x0 + x1) / 2;
        x0 = mid - kBoxMinWidth / 2;
        x1 = mid + kBoxMinWidth / 2;
    }
    QColor fill = highlight;
    fill.setAlpha(zoom_->isFitted() ? 25 : 55);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(highlight, 1));
    p.setBrush(fill);
    p.drawRect(QRectF(x0, s.top(), x1 - x0, s.height() - 1));
    p.setPen(pal.color(QPalette::Mid));
    p.setBrush(Qt::NoBrush);
    p.drawRect(s.adjusted(0, 0, -1, -1));
}

void TimeRuler::moveTo(double x, bool firstStep) {
    const TimeRange visible = zoom_->visibleRange();
    const std::int64_t middle = timeForX(x - grab_.value_or(0));
    const std::int64_t begin = middle - visible.span() / 2;
    zoom_->setVisibleRange(TimeRange{begin, begin + visible.span()},
                           firstStep ? ZoomState::History::Push : ZoomState::History::Merge);
}

void TimeRuler::mousePressEvent(QMouseEvent* event) {
    const QRectF s = strip();
    if (event->button() != Qt::LeftButton || s.isNull()) {
        QWidget::mousePressEvent(event);
        return;
    }
    const double x = event->position().x();
    const TimeRange visible = zoom_->visibleRange();
    const double x0 = xForTime(visible.begin_ns), x1 = xForTime(visible.end_ns);
    const double middle = (x0 + x1) / 2;
    // Taken inside the box, it moves by where it was taken; outside, it jumps to the cursor.
    const bool inside =
        x >= std::min(x0, middle - kBoxMinWidth) && x <= std::max(x1, middle + kBoxMinWidth);
    grab_ = inside ? x - middle : 0.0;
    pushed_ = !inside;
    if (!inside)
        moveTo(x, true);
    setCursor(Qt::ClosedHandCursor);
}

void TimeRuler::mouseMoveEvent(QMouseEvent* event) {
    if (!grab_) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    // One drag, one step of history.
    moveTo(event->position().x(), !pushed_);
    pushed_ = true;
}

void TimeRuler::mouseReleaseEvent(QMouseEvent* event) {
    grab_.reset();
    unsetCursor();
    QWidget::mouseReleaseEvent(event);
}

void TimeRuler::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && zoom_)
        zoom_->fit();
}

} // namespace tasklane
