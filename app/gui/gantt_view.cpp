#include "gantt_view.h"

#include <QFontMetricsF>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace tasklane {

namespace {

constexpr std::int64_t kMinSpanNs = 1'000; // zooming stops at 1 µs across the plot
constexpr int kDragThreshold = 4;          // px: less than this is a click, not a pan

QString duration(std::int64_t ns) {
    if (ns >= 1'000'000'000)
        return GanttView::tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 3);
    if (ns >= 1'000'000)
        return GanttView::tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', 3);
    if (ns >= 1'000)
        return GanttView::tr("%1 µs").arg(double(ns) / 1e3, 0, 'f', 1);
    return GanttView::tr("%1 ns").arg(ns);
}

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

GanttView::GanttView(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("gantt-view"));
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);
    setToolTip(QString()); // tooltips come from event(), per slice
}

void GanttView::setTrace(std::shared_ptr<const Trace> trace,
                         std::shared_ptr<const GanttRows> rows) {
    // The layout refers to the rows, the rows to the trace: drop the layout first.
    layout_ = GanttLayout();
    painter_.setHighlightTask(std::nullopt);
    trace_ = std::move(trace);
    rows_ = rows && trace_ && rows->trace() == trace_.get() && rows->groupBy() == groupBy_
                ? std::move(rows)
                : nullptr;
    if (!rows_)
        rebuildRows();
    full_ = trace_ ? GanttLayout::fullRange(*trace_) : TimeRange{};
    visible_ = full_;
    updateMinimumHeight();
    relayout();
    Q_EMIT visibleRangeChanged(visible_);
    Q_EMIT highlightChanged();
}

void GanttView::clear() {
    setTrace(nullptr);
}

void GanttView::setGroupBy(GroupBy groupBy) {
    if (groupBy == groupBy_)
        return;
    groupBy_ = groupBy;
    layout_ = GanttLayout();
    rebuildRows();
    updateMinimumHeight();
    relayout();
}

void GanttView::setVisibleRange(TimeRange range) {
    range = clampRange(range);
    if (range == visible_)
        return;
    visible_ = range;
    relayout();
    Q_EMIT visibleRangeChanged(visible_);
}

void GanttView::fit() {
    setVisibleRange(full_);
}

void GanttView::setHighlightTask(std::optional<std::uint32_t> task) {
    if (task == painter_.highlightTask())
        return;
    painter_.setHighlightTask(task);
    update();
    Q_EMIT highlightChanged();
}

std::size_t GanttView::sliceCount() const {
    if (!trace_)
        return 0;
    return std::size_t(std::count_if(trace_->events.begin(), trace_->events.end(),
                                     [](const TraceEvent& e) { return e.isSlice(); }));
}

void GanttView::rebuildRows() {
    rows_ = trace_ ? std::make_shared<const GanttRows>(*trace_, groupBy_) : nullptr;
}

void GanttView::relayout() {
    layoutStale_ = true;
    update();
    if (!layoutQueued_) {
        layoutQueued_ = true;
        // Built before the next paint, off paintEvent, unless someone asks for it sooner.
        QTimer::singleShot(0, this, [this] {
            layoutQueued_ = false;
            ensureLayout();
        });
    }
}

void GanttView::ensureLayout() const {
    if (!layoutStale_)
        return;
    layoutStale_ = false;
    layout_ = rows_ ? GanttLayout(*rows_, QSizeF(size()), visible_) : GanttLayout();
}

const GanttLayout& GanttView::layout() const {
    ensureLayout();
    return layout_;
}

// The rows at a compact height set the least the view needs; a scroll area around the view
// shows the rest, rather than squeezing a 64-worker chart into unreadable one-pixel rows.
void GanttView::updateMinimumHeight() {
    int height = 0;
    if (rows_) {
        GanttLayoutOptions compact;
        compact.rowHeight = std::ceil(QFontMetricsF(compact.font).height() * 1.2);
        // The height does not depend on the time range: a 1 ns range skips all the folding.
        const TimeRange tiny{full_.begin_ns, full_.begin_ns + 1};
        height =
            int(std::ceil(GanttLayout(*rows_, QSizeF(width(), 0), tiny, compact).size().height()));
    }
    if (height != compactHeight_) {
        compactHeight_ = height;
        setMinimumHeight(std::max(compactHeight_, 120));
        updateGeometry();
    }
}

TimeRange GanttView::clampRange(TimeRange range) const {
    if (full_.span() <= 0)
        return full_;
    std::int64_t span = std::clamp(range.span(), std::min(kMinSpanNs, full_.span()), full_.span());
    std::int64_t begin = std::clamp(range.begin_ns, full_.begin_ns, full_.end_ns - span);
    return TimeRange{begin, begin + span};
}

QString GanttView::describeAt(QPointF pos) const {
    if (!trace_ || !rows_)
        return {};
    const auto index = layout().eventAt(pos);
    if (!index)
        return {};
    const TraceEvent& e = trace_->events[*index];
    const QString label = fromView(trace_->label(e));
    const QString track = e.track < trace_->tracks.size()
                              ? QString::fromStdString(trace_->tracks[e.track].name)
                              : QString();
    const QString row = QStringLiteral("<tr><td>%1</td><td>&nbsp;%2</td></tr>");
    QString html = QStringLiteral("<b>%1</b><table cellspacing=0 cellpadding=1>")
                       .arg((label.isEmpty() ? tr("(unnamed)") : label).toHtmlEscaped());
    // The swatch ties the words to the colour on screen.
    html += row.arg(tr("state"), QStringLiteral("<span style='color:%1'>&#9632;</span> %2")
                                     .arg(painter_.style().stateColour(e.state).name(),
                                          fromView(stateName(e.state))));
    html += row.arg(tr("start"),
                    tr("%1 ms").arg(double(e.begin_ns - layout_.origin()) / 1e6, 0, 'f', 3));
    html += row.arg(tr("duration"), duration(e.duration_ns()));
    html += row.arg(tr("track"), track.toHtmlEscaped());
    html += row.arg(tr("core"), e.cpu >= 0 ? tr("CPU %1").arg(e.cpu) : tr("none (off CPU)"));
    if (e.task != 0)
        html += row.arg(tr("task"), QString::number(e.task));
    html += QStringLiteral("</table>");
    return html;
}

QSize GanttView::sizeHint() const {
    return QSize(900, std::max(compactHeight_, 360));
}

QSize GanttView::minimumSizeHint() const {
    return QSize(320, std::max(compactHeight_, 120));
}

bool GanttView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = describeAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void GanttView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::TextAntialiasing);
    if (!rows_) {
        const ChartStyle& style = painter_.style();
        p.fillRect(rect(), style.background);
        p.setPen(style.mutedText);
        p.drawText(rect(), Qt::AlignCenter, tr("Press Run (F5) to see the chart."));
        return;
    }
    ensureLayout(); // normally done already by the queued rebuild
    painter_.paint(p, layout_);
}

void GanttView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updateMinimumHeight();
    relayout();
}

void GanttView::wheelEvent(QWheelEvent* event) {
    // Shift+wheel scrolls the rows (the scroll area around the view takes it); the plain
    // wheel zooms at the cursor, as in Perfetto and Hotspot.
    if (!rows_ || (event->modifiers() & Qt::ShiftModifier) || event->angleDelta().y() == 0) {
        event->ignore();
        return;
    }
    const double factor = std::pow(0.85, event->angleDelta().y() / 120.0);
    const QPointF pos = event->position();
    const QRectF plot = layout_.plotRect();
    const double x = std::clamp(pos.x(), plot.left(), plot.right());
    // From visible_, not the layout: within a burst of wheel events the layout may still be
    // the one before the last step (the plot rect does not change with the range).
    const double share = plot.width() > 0 ? (x - plot.left()) / plot.width() : 0.5;
    const std::int64_t anchor =
        visible_.begin_ns + std::int64_t(std::llround(double(visible_.span()) * share));
    const auto span = std::int64_t(std::llround(double(visible_.span()) * factor));
    const auto begin = anchor - std::int64_t(std::llround(double(span) * share));
    setVisibleRange(TimeRange{begin, begin + std::max<std::int64_t>(span, 1)});
    event->accept();
}

void GanttView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !rows_) {
        QWidget::mousePressEvent(event);
        return;
    }
    pressPos_ = event->position().toPoint();
    pressRange_ = visible_;
    dragging_ = false;
}

void GanttView::mouseMoveEvent(QMouseEvent* event) {
    if (!pressPos_) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const int dx = event->position().toPoint().x() - pressPos_->x();
    if (!dragging_ && std::abs(dx) < kDragThreshold)
        return;
    if (!dragging_) {
        dragging_ = true;
        setCursor(Qt::ClosedHandCursor);
    }
    const double nsPerPx = layout_.plotRect().width() > 0
                               ? double(pressRange_.span()) / layout_.plotRect().width()
                               : 0;
    const auto shift = std::int64_t(std::llround(dx * nsPerPx));
    setVisibleRange(TimeRange{pressRange_.begin_ns - shift, pressRange_.end_ns - shift});
}

void GanttView::mouseReleaseEvent(QMouseEvent* event) {
    if (!pressPos_ || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    if (!dragging_) {
        // A click picks the task under the cursor (or clears the pick over a gap).
        std::optional<std::uint32_t> task;
        if (const auto index = layout().eventAt(event->position()))
            if (const std::uint32_t t = trace_->events[*index].task; t != 0)
                task = t;
        setHighlightTask(task == highlightTask() ? std::nullopt : task);
    }
    pressPos_.reset();
    dragging_ = false;
    unsetCursor();
}

void GanttView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        fit();
}

void GanttView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange) {
        updateMinimumHeight();
        relayout();
    }
}

} // namespace tasklane
