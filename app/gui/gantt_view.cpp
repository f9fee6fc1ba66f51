#include "gantt_view.h"

#include "chart/zoom_state.h"
#include "language.h"

#include <QFontMetricsF>
#include <QFutureWatcher>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tasklane {

namespace {

constexpr int kDragThreshold = 4; // px: less than this is a click, not a pan
// Wheel turns closer together than this are one gesture: Back undoes all of them at once.
constexpr int kWheelGestureMs = 600;
// Rows named in the busy line under the chart; the rest are in its tooltip.
constexpr int kBusyRowsShown = 12;
// A dragged selection's statistics follow it at most this often (a frame).
constexpr int kStatsIntervalMs = 16;

QString duration(std::int64_t ns) {
    if (ns >= 1'000'000'000)
        return GanttView::tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 3);
    if (ns >= 1'000'000)
        return GanttView::tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', 3);
    if (ns >= 1'000)
        return GanttView::tr("%1 µs").arg(double(ns) / 1e3, 0, 'f', 1);
    return GanttView::tr("%1 ns").arg(ns);
}

// Three significant digits, for a line of many figures: "60.1 ms", "7.91 ms", "1.25 s".
QString shortDuration(std::int64_t ns) {
    const auto figure = [](double v) { return v >= 100 ? 0 : v >= 10 ? 1 : 2; };
    const std::int64_t magnitude = ns < 0 ? -ns : ns;
    if (magnitude >= 1'000'000'000)
        return GanttView::tr("%1 s").arg(double(ns) / 1e9, 0, 'f', figure(double(magnitude) / 1e9));
    if (magnitude >= 1'000'000)
        return GanttView::tr("%1 ms").arg(double(ns) / 1e6, 0, 'f',
                                          figure(double(magnitude) / 1e6));
    if (magnitude >= 1'000)
        return GanttView::tr("%1 µs").arg(double(ns) / 1e3, 0, 'f',
                                          figure(double(magnitude) / 1e3));
    return GanttView::tr("%1 ns").arg(ns);
}

// A time from the chart's origin in the unit and precision of `span`, so that the two ends
// of a 9 ms selection 3 s into a run read "3250.12 ms to 3259.09 ms", not "3.25 s to 3.26 s".
QString offsetIn(std::int64_t ns, std::int64_t span) {
    const auto decimals = [](double v) { return v >= 100 ? 0 : v >= 10 ? 1 : 2; };
    if (span >= 1'000'000'000)
        return GanttView::tr("%1 s").arg(double(ns) / 1e9, 0, 'f', decimals(double(span) / 1e9));
    if (span >= 1'000'000)
        return GanttView::tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', decimals(double(span) / 1e6));
    if (span >= 1'000)
        return GanttView::tr("%1 µs").arg(double(ns) / 1e3, 0, 'f', decimals(double(span) / 1e3));
    return GanttView::tr("%1 ns").arg(ns);
}

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

GanttView::GanttView(QWidget* parent)
    : QWidget(parent)
    , zoom_(new ZoomState(this)) {
    setObjectName(QStringLiteral("gantt-view"));
    zoom_->setObjectName(QStringLiteral("zoom-state"));
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);
    // The right button drags a selection; a menu would get in its way.
    setContextMenuPolicy(Qt::PreventContextMenu);
    setToolTip(QString()); // tooltips come from event(), per slice
    connect(zoom_, &ZoomState::visibleRangeChanged, this, [this](TimeRange range) {
        relayout();
        Q_EMIT visibleRangeChanged(range);
    });
    statsTimer_ = new QTimer(this);
    statsTimer_->setSingleShot(true);
    statsTimer_->setInterval(kStatsIntervalMs);
    connect(statsTimer_, &QTimer::timeout, this, [this] {
        updateSelectionStats();
        update();
    });
    connect(zoom_, &ZoomState::selectionChanged, this, [this] {
        // A drag moves the selection with every mouse event, which may come faster than
        // frames: the band follows at once, the figures once per frame, exactly on release.
        if (drag_ == Drag::Select && dragging_) {
            if (!statsTimer_->isActive())
                statsTimer_->start();
        } else {
            statsTimer_->stop();
            updateSelectionStats();
        }
        update();
    });
    followPalette();
}

void GanttView::setTrace(std::shared_ptr<const Trace> trace,
                         std::shared_ptr<const GanttRows> rows) {
    // The layout refers to the rows, the rows to the trace: drop the layout first.
    layout_ = GanttLayout();
    overlay_ = GanttTaskOverlay();
    taskEvents_ = GanttTaskEvents();
    painter_.setHighlightTask(std::nullopt);
    trace_ = std::move(trace);
    sliceCount_ = trace_
                      ? std::size_t(std::count_if(trace_->events.begin(), trace_->events.end(),
                                                  [](const TraceEvent& e) { return e.isSlice(); }))
                      : 0;
    const bool forTrace = rows && trace_ && rows->trace() == trace_.get();
    // Rows of another grouping still show a large trace while the right ones are built.
    const bool interim =
        forTrace && rows->groupBy() != groupBy_ && trace_->events.size() > kBackgroundRowsEvents;
    rows_ = forTrace && (rows->groupBy() == groupBy_ || interim) ? std::move(rows) : nullptr;
    if (!rows_)
        rebuildRows();
    shownLanguage_ = Language::generation();
    if (interim)
        startRowsBuild();
    setRegrouping(interim);
    // Collapsed processes stay collapsed through a re-run (a thread pool keeps its pid); those
    // the new trace has no track of are forgotten.
    const auto before = collapsedPids_.size();
    std::erase_if(collapsedPids_, [this](std::int64_t pid) {
        return !trace_ || std::none_of(trace_->tracks.begin(), trace_->tracks.end(),
                                       [pid](const Track& t) { return t.pid == pid; });
    });
    currentGroup_ = -1;
    if (collapsedPids_.size() != before)
        Q_EMIT collapsedProcessesChanged();
    statsTimer_->stop();
    stats_.reset();
    zoom_->reset(trace_ ? GanttLayout::fullRange(*trace_) : TimeRange{});
    updateMinimumHeight();
    relayout();
    // Also when the new trace happens to span the same range as the last one.
    Q_EMIT visibleRangeChanged(zoom_->visibleRange());
    Q_EMIT selectionStatsChanged();
    Q_EMIT highlightChanged();
}

void GanttView::clear() {
    setTrace(nullptr);
}

void GanttView::setPlaceholder(const QString& text) {
    placeholder_ = text;
    if (!rows_)
        update();
}

void GanttView::setGroupBy(GroupBy groupBy) {
    if (groupBy == groupBy_)
        return;
    groupBy_ = groupBy;
    if (!trace_ || !rows_ || trace_->events.size() <= kBackgroundRowsEvents) {
        adoptRows(trace_ ? std::make_shared<const GanttRows>(*trace_, groupBy_) : nullptr);
        setRegrouping(false);
        return;
    }
    // A few million slices take a third of a second to sort into rows: the window stays
    // responsive and the chart keeps the grouping it has until the new rows land.
    // Back to what is on screen (unless those rows wait to be remade in a new language).
    const bool shown = rows_->groupBy() == groupBy_ && shownLanguage_ == Language::generation();
    if (!shown)
        startRowsBuild();
    setRegrouping(!shown);
}

std::optional<GroupBy> GanttView::shownGroupBy() const {
    return rows_ ? std::optional<GroupBy>(rows_->groupBy()) : std::nullopt;
}

void GanttView::adoptRows(std::shared_ptr<const GanttRows> rows) {
    layout_ = GanttLayout();
    overlay_ = GanttTaskOverlay();
    rows_ = std::move(rows);
    shownLanguage_ = Language::generation();
    currentGroup_ = -1; // an index into the old rows' processes
    pickTaskEvents();   // the task's rows are other rows now
    updateSelectionStats();
    updateMinimumHeight();
    relayout();
}

namespace {
// What a worker thread hands back: the rows, and the trace they point into, kept alive (and
// so never mistaken for a newer trace that happens to get the same address).
struct BuiltRows {
    std::shared_ptr<const Trace> trace;
    std::shared_ptr<const GanttRows> rows;
};
} // namespace

void GanttView::startRowsBuild() {
    if (rowsBuildRunning_ || !trace_)
        return; // the running build starts the next one when it lands
    rowsBuildRunning_ = true;
    auto* watcher = new QFutureWatcher<BuiltRows>(this);
    connect(watcher, &QFutureWatcher<BuiltRows>::finished, this,
            [this, watcher, language = Language::generation()] {
                watcher->deleteLater();
                rowsBuildRunning_ = false;
                const BuiltRows built = watcher->result();
                if (!built.rows) { // out of memory: the rows on screen stay
                    setRegrouping(false);
                    return;
                }
                if (built.trace == trace_ && built.rows->groupBy() == groupBy_ &&
                    language == Language::generation()) {
                    adoptRows(built.rows);
                    setRegrouping(false);
                } else if (regrouping_) {
                    startRowsBuild(); // the trace or the wish changed while these were built
                }
            });
    watcher->setFuture(QtConcurrent::run([trace = trace_, groupBy = groupBy_] {
        // An exception would be rethrown by result() in the slot, and end the program there.
        try {
            return BuiltRows{trace, std::make_shared<const GanttRows>(*trace, groupBy)};
        } catch (const std::bad_alloc&) {
            return BuiltRows{trace, nullptr};
        }
    }));
}

void GanttView::remakeRows() {
    // Language::generation() has moved on: a build still running names its rows in the old
    // language and will not be taken.
    if (!trace_ || !rows_) {
        relayout();
        return;
    }
    if (trace_->events.size() <= kBackgroundRowsEvents) {
        adoptRows(std::make_shared<const GanttRows>(*trace_, groupBy_));
        setRegrouping(false);
        return;
    }
    startRowsBuild();
    if (regrouping_)
        Q_EMIT regroupingChanged(true); // again: the window's status line was retranslated away
    setRegrouping(true);
    relayout();
}

void GanttView::setRegrouping(bool regrouping) {
    if (regrouping == regrouping_)
        return;
    regrouping_ = regrouping;
    Q_EMIT regroupingChanged(regrouping);
}

TimeRange GanttView::visibleRange() const {
    return zoom_->visibleRange();
}

void GanttView::setVisibleRange(TimeRange range) {
    zoom_->setVisibleRange(range);
}

void GanttView::fit() {
    zoom_->fit();
}

void GanttView::setHighlightTask(std::optional<std::uint32_t> task) {
    if (task == painter_.highlightTask())
        return;
    painter_.setHighlightTask(task);
    pickTaskEvents();
    if (!layoutStale_)
        overlay_ = taskEvents_.task != 0 ? layout_.taskOverlay(taskEvents_) : GanttTaskOverlay();
    update();
    Q_EMIT highlightChanged();
}

bool GanttView::isProcessCollapsed(std::int64_t pid) const {
    return std::find(collapsedPids_.begin(), collapsedPids_.end(), pid) != collapsedPids_.end();
}

void GanttView::setProcessCollapsed(std::int64_t pid, bool collapsed) {
    if (collapsed == isProcessCollapsed(pid))
        return;
    if (collapsed)
        collapsedPids_.push_back(pid);
    else
        std::erase(collapsedPids_, pid);
    // Rows come and go: the height they need changes, the draw list is rebuilt once.
    updateMinimumHeight();
    relayout();
    Q_EMIT collapsedProcessesChanged();
    if (stats_)
        updateSelectionStats(); // the busy line names other rows
}

void GanttView::setAllProcessesCollapsed(bool collapsed) {
    if (!rows_)
        return;
    for (const GanttProcessGroup& group : rows_->processGroups())
        setProcessCollapsed(group.pid, collapsed);
}

void GanttView::toggleGroup(int group) {
    if (!rows_ || group < 0 || group >= int(rows_->processGroups().size()))
        return;
    currentGroup_ = group;
    const std::int64_t pid = rows_->processGroups()[std::size_t(group)].pid;
    setProcessCollapsed(pid, !isProcessCollapsed(pid));
    update();
}

void GanttView::showHeaderMenu(QPoint pos) {
    if (!rows_ || rows_->processGroups().empty())
        return;
    QMenu menu(this);
    const int group = layout().disclosureAt(pos);
    if (group >= 0) {
        currentGroup_ = group;
        const GanttProcessGroup& g = rows_->processGroups()[std::size_t(group)];
        const bool collapsed = isProcessCollapsed(g.pid);
        menu.addAction(collapsed ? tr("Expand process %1").arg(g.pid)
                                 : tr("Collapse process %1").arg(g.pid),
                       this, [this, group] { toggleGroup(group); });
        menu.addSeparator();
    }
    menu.addAction(tr("Collapse all processes"), this, [this] { setAllProcessesCollapsed(true); });
    menu.addAction(tr("Expand all processes"), this, [this] { setAllProcessesCollapsed(false); });
    menu.exec(mapToGlobal(pos));
}

const GanttTaskOverlay& GanttView::taskOverlay() const {
    ensureLayout();
    return overlay_;
}

void GanttView::pickTaskEvents() {
    const auto task = painter_.highlightTask();
    // A scan of the trace, once per pick: every frame after it places only the task's own.
    taskEvents_ = rows_ && task ? rows_->eventsOfTask(*task) : GanttTaskEvents();
}

void GanttView::updateSelectionStats() {
    // Collapsed processes' summary rows have their busy share too: built if not yet drawn.
    if (rows_)
        for (const std::int64_t pid : collapsedPids_)
            if (const int g = rows_->groupOfPid(pid); g >= 0)
                (void)rows_->row(rows_->processGroups()[std::size_t(g)].summary);
    const auto selection = zoom_->selection();
    if (rows_ && selection)
        stats_ = tasklane::selectionStats(*rows_, *selection);
    else
        stats_.reset();
    Q_EMIT selectionStatsChanged();
}

QString GanttView::selectionSummary() const {
    if (!stats_)
        return {};
    const SelectionStats& s = *stats_;
    const std::int64_t origin = layout().origin();
    const QLocale locale;
    QString text = tr("<b>Selection</b> %1 to %2 (%3) · %4 slices")
                       .arg(offsetIn(s.range.begin_ns - origin, s.range.span()),
                            offsetIn(s.range.end_ns - origin, s.range.span()),
                            shortDuration(s.range.span()), locale.toString(qulonglong(s.slices)));
    // States by the time spent in them, most first.
    std::vector<int> order(kStateCount);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return s.stateNs[std::size_t(a)] > s.stateNs[std::size_t(b)];
    });
    QStringList states;
    for (int st : order)
        if (s.stateNs[std::size_t(st)] > 0)
            states << QStringLiteral("%1 %2").arg(stateLabel(State(st)),
                                                  shortDuration(s.stateNs[std::size_t(st)]));
    if (!states.isEmpty())
        text += QStringLiteral(" · ") + states.join(QStringLiteral(", "));
    QStringList busy;
    const std::vector<RowBusy> shown = shownBusy();
    for (const RowBusy& row : shown) {
        if (busy.size() == kBusyRowsShown) {
            busy << tr("%n more", nullptr, int(shown.size()) - kBusyRowsShown);
            break;
        }
        busy << QStringLiteral("%1 %2%").arg(rows_->row(row.row).name.toHtmlEscaped(),
                                             QString::number(row.share * 100, 'f', 0));
    }
    if (!busy.isEmpty())
        text +=
            QStringLiteral("<br>") + tr("Busy (on a CPU): %1").arg(busy.join(QStringLiteral(", ")));
    return text;
}

QString GanttView::selectionDetails() const {
    if (!stats_)
        return {};
    const SelectionStats& s = *stats_;
    const QString row = QStringLiteral("<tr><td>%1</td><td align=right>&nbsp;%2</td>"
                                       "<td align=right>&nbsp;%3</td></tr>");
    QString html = QStringLiteral("<b>%1</b><table cellspacing=0 cellpadding=1>")
                       .arg(tr("Busy share of %1").arg(duration(s.range.span())));
    for (const RowBusy& r : shownBusy())
        html += row.arg(rows_->row(r.row).name.toHtmlEscaped(), duration(r.busy_ns),
                        QStringLiteral("%1%").arg(r.share * 100, 0, 'f', 1));
    html += QStringLiteral("</table><b>%1</b><table cellspacing=0 cellpadding=1>")
                .arg(tr("Time per state (summed over slices)"));
    const std::int64_t total = std::max<std::int64_t>(s.totalStateNs(), 1);
    for (int st = 0; st < kStateCount; ++st)
        if (const std::int64_t ns = s.stateNs[std::size_t(st)]; ns > 0)
            html += row.arg(stateLabel(State(st)), duration(ns),
                            QStringLiteral("%1%").arg(double(ns) * 100 / double(total), 0, 'f', 1));
    html += QStringLiteral("</table>");
    return html;
}

std::vector<RowBusy> GanttView::shownBusy() const {
    std::vector<RowBusy> shown;
    if (!stats_ || !rows_)
        return shown;
    std::vector<const RowBusy*> byId(std::size_t(rows_->size()) + rows_->processGroups().size(),
                                     nullptr);
    for (const auto* list : {&stats_->rows, &stats_->groups})
        for (const RowBusy& busy : *list)
            if (busy.row >= 0 && std::size_t(busy.row) < byId.size())
                byId[std::size_t(busy.row)] = &busy;
    const GanttLayout& l = layout();
    for (int r = 0; r < l.rowCount(); ++r)
        if (const RowBusy* busy = byId[std::size_t(l.sourceRow(r))])
            shown.push_back(*busy);
    return shown;
}

std::size_t GanttView::sliceCount() const {
    return sliceCount_;
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
            const QRectF plot = layout_.plotRect();
            if (plot.left() != plotLeft_ || plot.width() != plotWidth_) {
                plotLeft_ = plot.left();
                plotWidth_ = plot.width();
                Q_EMIT plotGeometryChanged();
            }
        });
    }
}

void GanttView::ensureLayout() const {
    if (!layoutStale_)
        return;
    layoutStale_ = false;
    GanttLayoutOptions options;
    options.collapsedPids = collapsedPids_;
    layout_ =
        rows_ ? GanttLayout(*rows_, QSizeF(size()), zoom_->visibleRange(), options) : GanttLayout();
    overlay_ = taskEvents_.task != 0 ? layout_.taskOverlay(taskEvents_) : GanttTaskOverlay();
}

std::int64_t GanttView::timeAtX(double x) const {
    const QRectF plot = layout().plotRect();
    return layout_.timeForX(std::clamp(x, plot.left(), plot.right()));
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
        compact.collapsedPids = collapsedPids_;
        // The height does not depend on the time range: a 1 ns range skips all the folding.
        const TimeRange full = zoom_->fullRange();
        const TimeRange tiny{full.begin_ns, full.begin_ns + 1};
        height =
            int(std::ceil(GanttLayout(*rows_, QSizeF(width(), 0), tiny, compact).size().height()));
    }
    if (height != compactHeight_) {
        compactHeight_ = height;
        setMinimumHeight(std::max(compactHeight_, 120));
        updateGeometry();
    }
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
    html += row.arg(tr("state"),
                    QStringLiteral("<span style='color:%1'>&#9632;</span> %2")
                        .arg(painter_.style().stateColour(e.state).name(), stateLabel(e.state)));
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
        p.drawText(rect().adjusted(16, 0, -16, 0), Qt::AlignCenter | Qt::TextWordWrap,
                   placeholder_.isEmpty() ? tr("Press Run (F5) to see the chart.") : placeholder_);
        return;
    }
    ensureLayout(); // normally done already by the queued rebuild
    painter_.paint(p, layout_);
    painter_.paintTaskOverlay(p, layout_, overlay_);
    paintSelection(p);
    paintCurrentGroup(p);
}

void GanttView::paintCurrentGroup(QPainter& p) const {
    // Where the keyboard's Left, Right and Space act: shown while the chart has the focus.
    if (!hasFocus() || !rows_ || currentGroup_ < 0 ||
        currentGroup_ >= int(rows_->processGroups().size()))
        return;
    const int header = rows_->processGroups()[std::size_t(currentGroup_)].rows.front();
    const int r = layout_.rowOfSource(header);
    if (r < 0)
        return;
    const GanttRowGeometry& g = layout_.row(r);
    const QRectF box(g.disclosureRect.left() - 3, g.rect.top() + 1,
                     g.labelRect.right() - g.disclosureRect.left() + 5, g.rect.height() - 2);
    p.save();
    p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
    p.restore();
}

void GanttView::paintSelection(QPainter& p) const {
    const auto selection = zoom_->selection();
    if (!selection)
        return;
    const QRectF plot = layout_.plotRect();
    const double x0 = std::max(layout_.xForTime(selection->begin_ns), plot.left());
    const double x1 = std::min(layout_.xForTime(selection->end_ns), plot.right());
    if (x1 < plot.left() || x0 > plot.right())
        return;
    p.save();
    QColor edge = palette().color(QPalette::Highlight);
    QColor band = edge;
    band.setAlpha(45);
    const QRectF area(x0, plot.top(), std::max(x1 - x0, 1.0), plot.height());
    p.fillRect(area, band);
    p.setPen(QPen(edge, 1));
    p.drawLine(QPointF(x0, plot.top()), QPointF(x0, plot.bottom()));
    p.drawLine(QPointF(x1, plot.top()), QPointF(x1, plot.bottom()));
    if (!stats_) {
        p.restore();
        return;
    }
    // Each row's busy share at the selection's right edge, where the eye ends the sweep.
    const QFontMetricsF fm(layout_.options().font);
    const ChartStyle& style = painter_.style();
    QColor pill = style.background;
    pill.setAlpha(225);
    p.setRenderHint(QPainter::Antialiasing, true);
    for (const RowBusy& row : shownBusy()) {
        const int r = layout_.rowOfSource(row.row);
        if (r < 0 || r >= layout_.rowCount())
            continue;
        const QRectF rowRect = layout_.row(r).rect;
        const QString text = QStringLiteral("%1%").arg(row.share * 100, 0, 'f', 0);
        const double w = fm.horizontalAdvance(text) + 8;
        if (rowRect.height() < fm.height() * 0.75 || area.width() < w + 4)
            continue;
        const double h = std::min(fm.height(), rowRect.height());
        const QRectF box(area.right() - w - 2, rowRect.center().y() - h / 2, w, h);
        p.setPen(Qt::NoPen);
        p.setBrush(pill);
        p.drawRoundedRect(box, 3, 3);
        p.setPen(style.text);
        p.drawText(box, Qt::AlignCenter, text);
    }
    p.restore();
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
    const QRectF plot = layout_.plotRect();
    const double x = std::clamp(event->position().x(), plot.left(), plot.right());
    // From the zoom state, not the layout: within a burst of wheel events the layout may
    // still be the one before the last step (the plot rect does not change with the range).
    const TimeRange visible = zoom_->visibleRange();
    const double share = plot.width() > 0 ? (x - plot.left()) / plot.width() : 0.5;
    const std::int64_t anchor =
        visible.begin_ns + std::int64_t(std::llround(double(visible.span()) * share));
    const bool sameGesture = lastWheel_.isValid() && lastWheel_.elapsed() < kWheelGestureMs;
    lastWheel_.start();
    zoom_->zoomAt(anchor, factor,
                  sameGesture ? ZoomState::History::Merge : ZoomState::History::Push);
    event->accept();
}

void GanttView::mousePressEvent(QMouseEvent* event) {
    // The mouse's side buttons go through the zoom history, as in a browser.
    if (event->button() == Qt::BackButton || event->button() == Qt::ForwardButton) {
        if (event->button() == Qt::BackButton)
            zoom_->back();
        else
            zoom_->forward();
        event->accept();
        return;
    }
    // A right click on the row names opens their menu; on the plot it drags a selection.
    if (event->button() == Qt::RightButton && rows_ &&
        event->position().x() < layout().plotRect().left()) {
        showHeaderMenu(event->position().toPoint());
        event->accept();
        return;
    }
    const bool select =
        event->button() == Qt::RightButton ||
        (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (!rows_ || (event->button() != Qt::LeftButton && !select)) {
        QWidget::mousePressEvent(event);
        return;
    }
    pressPos_ = event->position().toPoint();
    pressRange_ = zoom_->visibleRange();
    pressTime_ = timeAtX(event->position().x());
    drag_ = select ? Drag::Select : Drag::Pan;
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
    const bool first = !dragging_;
    if (first) {
        dragging_ = true;
        setCursor(drag_ == Drag::Pan ? Qt::ClosedHandCursor : Qt::SizeHorCursor);
    }
    if (drag_ == Drag::Select) {
        const std::int64_t t = timeAtX(event->position().x());
        zoom_->setSelection(TimeRange{std::min(pressTime_, t), std::max(pressTime_, t)});
        return;
    }
    const double nsPerPx = layout_.plotRect().width() > 0
                               ? double(pressRange_.span()) / layout_.plotRect().width()
                               : 0;
    const auto shift = std::int64_t(std::llround(dx * nsPerPx));
    // One drag, one step of history: the range it started from is where Back returns.
    zoom_->setVisibleRange(TimeRange{pressRange_.begin_ns - shift, pressRange_.end_ns - shift},
                           zoom_->visibleRange() == pressRange_ ? ZoomState::History::Push
                                                                : ZoomState::History::Merge);
}

void GanttView::mouseReleaseEvent(QMouseEvent* event) {
    if (!pressPos_ || (event->button() != Qt::LeftButton && event->button() != Qt::RightButton)) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    if (dragging_ && drag_ == Drag::Select) {
        // Where the drag ends, exactly, however the frames fell.
        statsTimer_->stop();
        updateSelectionStats();
        update();
    } else if (!dragging_ && drag_ == Drag::Select) {
        // A shift-click or a right click without a drag lets go of the selection.
        zoom_->clearSelection();
    } else if (const int group = layout().disclosureAt(event->position());
               !dragging_ && group >= 0) {
        // A click on a process's triangle (or its first row's name) collapses or expands it.
        toggleGroup(group);
    } else if (!dragging_) {
        // A click picks the task under the cursor (or clears the pick over a gap).
        std::optional<std::uint32_t> task;
        if (const auto index = layout().eventAt(event->position()))
            if (const std::uint32_t t = trace_->events[*index].task; t != 0)
                task = t;
        setHighlightTask(task == highlightTask() ? std::nullopt : task);
    }
    pressPos_.reset();
    drag_ = Drag::None;
    dragging_ = false;
    unsetCursor();
}

void GanttView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier))
        fit();
}

void GanttView::keyPressEvent(QKeyEvent* event) {
    const int groups = rows_ ? int(rows_->processGroups().size()) : 0;
    const int key = event->key();
    const bool ours = key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_Left ||
                      key == Qt::Key_Right || key == Qt::Key_Space || key == Qt::Key_Return ||
                      key == Qt::Key_Enter || key == Qt::Key_Menu;
    if (groups == 0 || !ours || event->modifiers() & ~Qt::KeypadModifier) {
        QWidget::keyPressEvent(event);
        return;
    }
    // Up and Down go from process to process; the others act on the current one.
    if (currentGroup_ < 0 || currentGroup_ >= groups)
        currentGroup_ = 0;
    else if (key == Qt::Key_Up)
        currentGroup_ = std::max(currentGroup_ - 1, 0);
    else if (key == Qt::Key_Down)
        currentGroup_ = std::min(currentGroup_ + 1, groups - 1);
    const std::int64_t pid = rows_->processGroups()[std::size_t(currentGroup_)].pid;
    if (key == Qt::Key_Left)
        setProcessCollapsed(pid, true);
    else if (key == Qt::Key_Right)
        setProcessCollapsed(pid, false);
    else if (key == Qt::Key_Space || key == Qt::Key_Return || key == Qt::Key_Enter)
        toggleGroup(currentGroup_);
    else if (key == Qt::Key_Menu) {
        const int header = rows_->processGroups()[std::size_t(currentGroup_)].rows.front();
        if (const int r = layout().rowOfSource(header); r >= 0)
            showHeaderMenu(layout_.row(r).labelRect.center().toPoint());
    }
    update();
    event->accept();
}

void GanttView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange) {
        updateMinimumHeight();
        relayout();
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        followPalette();
    // The legend, the empty chart's message and the axis are made with the layout; the
    // selection's figures and the tooltips when asked for; lane and process summary names
    // ("task 3", "pid 12 · 3 threads") with the rows, so those are made again.
    if (event->type() == QEvent::LanguageChange)
        remakeRows();
}

void GanttView::followPalette() {
    // A dark window gets the chart's dark style, whose colours were chosen to read on it.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    painter_.setStyle(dark ? ChartStyle::dark() : ChartStyle::light());
    update();
}

} // namespace tasklane
