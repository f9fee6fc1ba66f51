#include "chart/gantt_painter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cmath>
#include <utility>

namespace tasklane {

namespace {

constexpr double kMinLabelWidth = 28; // narrower slices carry no text: it would be all ellipsis

void drawArrow(QPainter& painter, const QLineF& line, double head) {
    painter.drawLine(line);
    if (line.length() < head)
        return;
    const double angle = std::atan2(line.dy(), line.dx());
    const QPointF tip = line.p2();
    const QPointF a = tip - QPointF(std::cos(angle - 0.45) * head, std::sin(angle - 0.45) * head);
    const QPointF b = tip - QPointF(std::cos(angle + 0.45) * head, std::sin(angle + 0.45) * head);
    painter.drawPolygon(QPolygonF({tip, a, b}));
}

QPolygonF instantMark(const QRectF& r) {
    return QPolygonF({r.topLeft(), r.topRight(), QPointF(r.center().x(), r.bottom())});
}

} // namespace

GanttPainter::GanttPainter(ChartStyle style)
    : style_(std::move(style)) {}

QColor GanttPainter::fillColour(const GanttDrawItem& item) const {
    switch (item.fill) {
    case FillKind::State:
        // Async slices sit in lane rows of their own, not over a track's slices, so they can
        // take the legend's colours as they are.
        return style_.stateColour(State(item.fillIndex));
    case FillKind::Track:
        return style_.trackColour(item.fillIndex);
    case FillKind::Mixed:
        break;
    }
    return style_.mixed;
}

void GanttPainter::paint(QPainter& painter, const GanttLayout& layout) const {
    painter.save();
    painter.setFont(layout.options().font);
    paintBackground(painter, layout);
    paintTitle(painter, layout);
    paintRowLabels(painter, layout);
    paintPlot(painter, layout);
    paintAxis(painter, layout);
    paintLegend(painter, layout);
    painter.restore();
}

void GanttPainter::paintBackground(QPainter& painter, const GanttLayout& layout) const {
    if (fillBackground_)
        painter.fillRect(QRectF(QPointF(0, 0), layout.size()), style_.background);
    for (int r = 0; r < layout.rowCount(); ++r)
        if (layout.row(r).shaded)
            painter.fillRect(layout.rowRect(r), style_.alternateRow);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QRectF plot = layout.plotRect();
    painter.setPen(QPen(style_.grid, 0));
    for (const GanttTick& tick : layout.ticks())
        painter.drawLine(QPointF(tick.x, plot.top()), QPointF(tick.x, plot.bottom()));
    painter.setPen(QPen(style_.separator, 1));
    for (double y : layout.separators())
        painter.drawLine(QPointF(layout.labelColumn().left(), y), QPointF(plot.right(), y));
    painter.restore();
}

void GanttPainter::paintTitle(QPainter& painter, const GanttLayout& layout) const {
    if (layout.options().title.isEmpty())
        return;
    painter.save();
    const QFont font = chartTitleFont(layout.options().font);
    painter.setFont(font);
    painter.setPen(style_.text);
    const QString text = QFontMetricsF(font).elidedText(layout.options().title, Qt::ElideRight,
                                                        layout.titleRect().width());
    painter.drawText(layout.titleRect(), Qt::AlignLeft | Qt::AlignVCenter, text);
    painter.restore();
}

void GanttPainter::paintRowLabels(QPainter& painter, const GanttLayout& layout) const {
    const GanttRows* rows = layout.rows();
    if (!rows)
        return;
    painter.save();
    const QFontMetricsF fm(layout.options().font);
    for (int r = 0; r < layout.rowCount(); ++r) {
        const GanttRowGeometry& g = layout.row(r);
        const GanttRow& row = layout.rowData(r);
        if (!g.chipRect.isNull())
            painter.fillRect(g.chipRect, style_.trackColour(row.track));
        if (!g.disclosureRect.isNull())
            paintDisclosure(painter, g.disclosureRect, g.collapsed);
        if (row.kind == RowKind::Lane) {
            // A tree guide from the track's name down to its lanes: they belong to it.
            const bool more =
                r + 1 < layout.rowCount() && layout.rowData(r + 1).parent == row.parent;
            const double x = std::round(g.labelRect.left() - 9) + 0.5;
            const double y = std::round(g.rect.center().y()) + 0.5;
            painter.setPen(QPen(style_.separator, 1));
            painter.drawLine(QPointF(x, g.rect.top()), QPointF(x, more ? g.rect.bottom() : y));
            painter.drawLine(QPointF(x, y), QPointF(g.labelRect.left() - 3, y));
        }
        if (g.rect.height() < fm.height() * 0.7)
            continue; // a hundred-core chart fitted to a window: names would overlap
        painter.setPen(row.overflow ? style_.mutedText : style_.text);
        painter.drawText(g.labelRect, Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(row.name, Qt::ElideRight, g.labelRect.width()));
    }
    painter.restore();
}

void GanttPainter::paintDisclosure(QPainter& painter, const QRectF& box, bool collapsed) const {
    // A triangle as in a tree view: pointing right when collapsed, down when expanded.
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(style_.mutedText);
    const QRectF b = box.adjusted(1, 1, -1, -1);
    const QPolygonF triangle = collapsed
                                   ? QPolygonF({b.topLeft() + QPointF(b.width() * 0.15, 0),
                                                QPointF(b.right(), b.center().y()),
                                                b.bottomLeft() + QPointF(b.width() * 0.15, 0)})
                                   : QPolygonF({b.topLeft() + QPointF(0, b.height() * 0.15),
                                                b.topRight() + QPointF(0, b.height() * 0.15),
                                                QPointF(b.center().x(), b.bottom())});
    painter.drawPolygon(triangle);
    painter.restore();
}

void GanttPainter::paintPlot(QPainter& painter, const GanttLayout& layout) const {
    const GanttRows* rows = layout.rows();
    const QRectF plot = layout.plotRect();
    painter.save();
    painter.setClipRect(plot.adjusted(0, 0, 1, 0));
    if (!layout.emptyMessage().isEmpty() || !rows || !rows->trace()) {
        painter.setPen(style_.mutedText);
        painter.drawText(plot, Qt::AlignCenter, layout.emptyMessage());
        painter.restore();
        return;
    }
    const QFontMetricsF fm(layout.options().font);
    const bool highlighting = highlightTask_.has_value();

    // Counter rows: a step line of the value (a SharedValue, a queue depth), its last value.
    for (int r = 0; r < layout.rowCount(); ++r) {
        const GanttRowGeometry& g = layout.row(r);
        if (g.counterLine.isEmpty())
            continue;
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(style_.stateColour(State::LockHeld), 2));
        painter.drawPolyline(g.counterLine);
        painter.setPen(style_.mutedText);
        painter.drawText(g.sliceLane.adjusted(4, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter,
                         g.counterText);
    }

    // Slices first, without antialiasing: rects on pixel edges stay crisp, and there are many.
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (int r = 0; r < layout.rowCount(); ++r) {
        // A lane named after its one task needs no text on its slices; a shared lane does.
        const bool namedLane =
            layout.rowData(r).kind == RowKind::Lane && layout.rowData(r).task != 0;
        for (const GanttDrawItem& item : layout.drawItems(r)) {
            if (item.kind == DrawKind::Instant)
                continue;
            QColor colour = fillColour(item);
            const bool lit = highlighting && item.task == *highlightTask_ && item.task != 0;
            if (highlighting && !lit)
                colour = style_.dimmed(colour);
            QRectF rect = item.rect;
            // A hairline gap tells back-to-back slices of one colour (two tasks) apart.
            if (rect.width() >= 3)
                rect.setRight(rect.right() - 1);
            painter.fillRect(rect, colour);
            if (lit) {
                painter.setPen(QPen(style_.text, 1));
                painter.setBrush(Qt::NoBrush);
                painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
            }
            if (!(item.kind == DrawKind::Async && namedLane))
                paintSliceLabel(painter, layout, item, rect, colour, fm);
        }
    }

    painter.setRenderHint(QPainter::Antialiasing, true);
    // An edge in the background colour keeps a mark visible on a slice of any colour.
    painter.setPen(QPen(style_.background, 1));
    for (int r = 0; r < layout.rowCount(); ++r) {
        for (const GanttDrawItem& item : layout.drawItems(r)) {
            if (item.kind != DrawKind::Instant)
                continue;
            const bool lit = !highlighting || item.task == *highlightTask_;
            painter.setBrush(lit ? style_.instant : style_.dimmed(style_.instant));
            painter.drawPolygon(instantMark(item.rect));
        }
    }

    if (!layout.flowLines().empty()) {
        // A picked task's arrows come bold in its overlay; the others step back.
        const QColor flow = highlighting ? style_.dimmed(style_.flow) : style_.flow;
        painter.setPen(QPen(flow, 1.2));
        painter.setBrush(flow);
        for (const QLineF& line : layout.flowLines())
            drawArrow(painter, line, 5);
    }
    painter.restore();
}

void GanttPainter::paintSliceLabel(QPainter& painter, const GanttLayout& layout,
                                   const GanttDrawItem& item, const QRectF& rect,
                                   const QColor& fill, const QFontMetricsF& fm) const {
    if (item.count != 1 || rect.width() < kMinLabelWidth || rect.height() < fm.height() * 0.8)
        return;
    const Trace& trace = *layout.rows()->trace();
    const auto label = trace.label(trace.events[item.event]);
    if (label.empty())
        return;
    // Only the part on screen can carry text.
    const QRectF textRect = rect.intersected(layout.plotRect()).adjusted(4, 0, -3, 0);
    const QString text = fm.elidedText(QString::fromUtf8(label.data(), qsizetype(label.size())),
                                       Qt::ElideRight, textRect.width());
    if (text.size() <= 1)
        return;
    painter.setPen(ChartStyle::textOn(fill));
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, text);
}

void GanttPainter::paintTaskOverlay(QPainter& painter, const GanttLayout& layout,
                                    const GanttTaskOverlay& overlay) const {
    if (overlay.items.empty() && overlay.flows.empty())
        return;
    painter.save();
    painter.setClipRect(layout.plotRect().adjusted(0, 0, 1, 0));
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setBrush(Qt::NoBrush);
    const QFontMetricsF fm(layout.options().font);
    for (const GanttDrawItem& item : overlay.items) {
        QRectF rect = item.rect;
        if (rect.width() >= 3)
            rect.setRight(rect.right() - 1);
        const QColor fill = fillColour(item);
        painter.fillRect(rect, fill);
        painter.setPen(QPen(style_.text, 1));
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
        // Painted over the plot's labelled slices: without its own text the picked task
        // would be the one whose names vanish. A lane named after the task needs none.
        const int row = layout.rowAt(rect.center().y());
        const bool namedLane =
            row >= 0 && layout.rowData(row).kind == RowKind::Lane && layout.rowData(row).task != 0;
        if (!(item.kind == DrawKind::Async && namedLane))
            paintSliceLabel(painter, layout, item, rect, fill, fm);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(style_.text, 2));
    painter.setBrush(style_.text);
    for (const QLineF& line : overlay.flows)
        drawArrow(painter, line, 7);
    painter.restore();
}

void GanttPainter::paintAxis(QPainter& painter, const GanttLayout& layout) const {
    if (!layout.options().axis)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QRectF axis = layout.axisRect();
    painter.setPen(QPen(style_.axis, 1));
    painter.drawLine(QPointF(axis.left(), axis.top()), QPointF(axis.right(), axis.top()));
    for (const GanttTick& tick : layout.ticks())
        painter.drawLine(QPointF(tick.x, axis.top()), QPointF(tick.x, axis.top() + 5));
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(style_.mutedText);
    for (const GanttTick& tick : layout.ticks())
        painter.drawText(tick.labelRect, Qt::AlignCenter, tick.label);
    painter.restore();
}

void GanttPainter::paintLegend(QPainter& painter, const GanttLayout& layout) const {
    if (layout.legend().empty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetricsF fm(layout.options().font);
    for (const GanttLegendEntry& entry : layout.legend()) {
        const QRectF s = entry.swatch;
        painter.setPen(Qt::NoPen);
        switch (entry.kind) {
        case GanttLegendEntry::Kind::State:
            painter.fillRect(s, style_.stateColour(State(entry.index)));
            // Light swatches (idle, queued) need an edge to be seen on white.
            painter.setPen(QPen(style_.grid.darker(115), 1));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(s.adjusted(0.5, 0.5, -0.5, -0.5));
            break;
        case GanttLegendEntry::Kind::Track:
            painter.fillRect(s, style_.trackColour(entry.index));
            break;
        case GanttLegendEntry::Kind::Mixed:
            painter.fillRect(s, style_.mixed);
            break;
        case GanttLegendEntry::Kind::Async: {
            // Two bars on two rows, overlapping in time: what lane rows look like.
            const double h = std::max(2.0, std::floor(s.height() / 2 - 1));
            painter.fillRect(QRectF(s.left(), s.top(), s.width() * 0.7, h), style_.mutedText);
            painter.fillRect(QRectF(s.left() + s.width() * 0.3, s.bottom() - h, s.width() * 0.7, h),
                             style_.mutedText);
            break;
        }
        case GanttLegendEntry::Kind::Instant:
            painter.setBrush(style_.instant);
            painter.drawPolygon(
                instantMark(QRectF(s.left(), s.top(), s.width(), s.height() * 0.7)));
            break;
        case GanttLegendEntry::Kind::Flow:
            painter.setPen(QPen(style_.flow, 1.2));
            painter.setBrush(style_.flow);
            drawArrow(painter, QLineF(s.left(), s.center().y(), s.right(), s.center().y()), 5);
            break;
        case GanttLegendEntry::Kind::Note:
            break;
        }
        painter.setPen(entry.kind == GanttLegendEntry::Kind::Note ? style_.mutedText : style_.text);
        painter.drawText(entry.textRect, Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(entry.text, Qt::ElideRight, entry.textRect.width() + 1));
    }
    painter.restore();
}

} // namespace tasklane
