#include "chart/gantt_layout.h"

#include "chart/lane_folder.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tasklane {

namespace {

constexpr double kMargin = 10;
constexpr double kLabelPadding = 8;
constexpr double kChipSize = 10;
constexpr double kTickLength = 5;
constexpr double kInstantWidth = 7;
constexpr double kInstantHeight = 6;
constexpr double kLaneIndent = 14; // lane rows' names sit under their track's, indented
// A process's rows make room for the disclosure triangle in front of their names.
constexpr double kDisclosureIndent = 14;
constexpr double kDisclosureSize = 9;
// Lane rows are a little thinner than track rows: a dozen lifelines stay on one screen, and
// the tracks (where the CPU time goes) stay the rows the eye finds first.
constexpr double kLaneShare = 0.72;

// Thinner than a track row, but not thinner than a line of text unless track rows are too.
double laneHeightFor(double rowHeight, double textHeight) {
    return std::min(rowHeight, std::max(std::round(rowHeight * kLaneShare), std::ceil(textHeight)));
}

// Floor division that rounds towards -infinity, for ticks left of the origin.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// What the plot says when it has nothing to draw; empty when it has something.
QString emptyMessageFor(const GanttRows& rows) {
    const Trace* trace = rows.trace();
    if (!trace || trace->empty())
        return QCoreApplication::translate("tasklane::GanttLayout", "no events in this trace");
    if (rows.size() == 0 && rows.groupBy() == GroupBy::Core)
        return QCoreApplication::translate(
            "tasklane::GanttLayout", "this trace has no CPU numbers: group by worker instead");
    if (rows.size() == 0)
        return QCoreApplication::translate("tasklane::GanttLayout", "no rows to show");
    return {};
}

} // namespace

TimeRange GanttLayout::fullRange(const Trace& trace) {
    TimeRange range{trace.beginNs(), trace.endNs()};
    if (range.span() <= 0)
        range.end_ns = range.begin_ns + 1000; // one instant, or nothing: a 1 µs window
    return range;
}

GanttLayout::GanttLayout(const GanttRows& rows, QSizeF size, TimeRange visible,
                         const GanttLayoutOptions& options)
    : rows_(&rows)
    , options_(options)
    , size_(size)
    , visible_(visible) {
    if (visible_.span() <= 0)
        visible_.end_ns = visible_.begin_ns + 1;
    origin_ = options_.origin_ns.value_or(rows.trace() ? rows.trace()->beginNs() : 0);

    const QFontMetricsF fm(options_.font);
    const double width = std::max(size.width(), 2 * kMargin + 120);
    size_.setWidth(width);
    chooseScreenRows();

    // Horizontal first: level of detail depends on x only, and tells the legend whether
    // "mixed" occurs.
    const double labelWidth = labelWidthFor(fm, width);
    const double tickRoom = fm.horizontalAdvance(QStringLiteral("000 ms")) / 2 + 4;
    const double plotLeft = kMargin + labelWidth;
    const double plotRight = std::max(plotLeft + 40, width - kMargin - tickRoom);
    plotRect_ = QRectF(plotLeft, 0, plotRight - plotLeft, 0);
    foldRows();
    buildFlows();
    double legendHeight = 0;
    if (options_.legend) {
        const GanttLegendFacts facts{
            hasMixed_,
            std::any_of(rowSource_.begin(), rowSource_.end(),
                        [&](int id) { return rows.row(id).kind == RowKind::Summary; }),
            !flowLines_.empty(),
            hiddenFlows_,
            flowStride_,
            hiddenRows_,
            int(rowSource_.size())};
        legendHeight = layoutLegend(rows, facts, width - 2 * kMargin, fm, legend_);
    }

    placeVertically(fm, labelWidth, legendHeight);
    buildRows(width);
    placeItems();
    for (int r = 0; r < rowCount(); ++r)
        buildCounters(r);
    if (options_.axis)
        buildTicks(fm);
    for (QLineF& line : flowLines_) {
        // buildFlows stored row numbers in y; now that rows have a place, use their centres.
        line.setP1(QPointF(line.x1(), rowGeometry_[std::size_t(line.y1())].sliceLane.center().y()));
        line.setP2(QPointF(line.x2(), rowGeometry_[std::size_t(line.y2())].sliceLane.center().y()));
    }
    emptyMessage_ = emptyMessageFor(rows);
}

void GanttLayout::chooseScreenRows() {
    // A collapsed process's summary row in place of its first row, its other rows left out.
    // Every other row keeps its place.
    const GanttRows& rows = *rows_;
    const auto& groups = rows.processGroups();
    screenRowOf_.assign(std::size_t(rows.size()) + groups.size(), -1);
    for (int r = 0; r < rows.size(); ++r) {
        const int g = rows.groupOfRow(r);
        if (g >= 0 && isCollapsed(groups[std::size_t(g)].pid)) {
            const GanttProcessGroup& group = groups[std::size_t(g)];
            if (r == group.rows.front()) {
                screenRowOf_[std::size_t(group.summary)] = int(rowSource_.size());
                rowSource_.push_back(group.summary);
            }
            screenRowOf_[std::size_t(r)] = screenRowOf_[std::size_t(group.summary)];
            continue;
        }
        screenRowOf_[std::size_t(r)] = int(rowSource_.size());
        rowSource_.push_back(r);
    }
    capScreenRows();
}

void GanttLayout::capScreenRows() {
    // An image of 10,000 rows is 190,000 px tall and says nothing a reader can see; the first
    // rows keep their places and the others point nowhere, as a collapsed process's arrows do.
    const int cap = options_.maxRows;
    if (cap <= 0 || int(rowSource_.size()) <= cap)
        return;
    hiddenRows_ = int(rowSource_.size()) - cap;
    rowSource_.resize(std::size_t(cap));
    for (int& screen : screenRowOf_)
        if (screen >= cap)
            screen = -1;
}

double GanttLayout::labelWidthFor(const QFontMetricsF& fm, double width) const {
    // As wide as the longest name, within reason. Every row and summary row counts, shown or
    // not, so that collapsing does not move the plot.
    const GanttRows& rows = *rows_;
    const int ids = rows.size() + int(rows.processGroups().size());
    double labelWidth = fm.horizontalAdvance(QStringLiteral("CPU 00"));
    for (int id = 0; id < ids; ++id) {
        if (id >= rows.size()) {
            const QString& name = rows.summaryName(id - rows.size());
            labelWidth = std::max(labelWidth, fm.horizontalAdvance(name) + kDisclosureIndent);
            continue;
        }
        const GanttRow& row = rows.row(id);
        double w = fm.horizontalAdvance(row.name);
        if (rows.hasCoreRows() && row.kind == RowKind::Track)
            w += kChipSize + 6;
        if (row.kind == RowKind::Lane)
            w += kLaneIndent;
        if (rows.groupOfRow(id) >= 0)
            w += kDisclosureIndent;
        labelWidth = std::max(labelWidth, w);
    }
    return std::min(labelWidth + 2 * kLabelPadding, std::floor(width * 0.35));
}

void GanttLayout::foldRows() {
    const int shown = int(rowSource_.size()); // rows have no geometry yet
    itemStart_.assign(std::size_t(shown) + 1, 0);
    if (rows_->trace()) {
        for (int r = 0; r < shown; ++r) {
            itemStart_[std::size_t(r)] = std::uint32_t(items_.size());
            foldRow(r);
        }
    }
    itemStart_[std::size_t(shown)] = std::uint32_t(items_.size());
}

void GanttLayout::placeVertically(const QFontMetricsF& fm, double labelWidth, double legendHeight) {
    // Title, rows, axis, legend.
    const double width = size_.width();
    double y = kMargin;
    if (!options_.title.isEmpty()) {
        const double h = QFontMetricsF(chartTitleFont(options_.font)).height();
        titleRect_ = QRectF(kMargin, y, width - 2 * kMargin, h);
        y += h + 8;
    }
    const double axisHeight = options_.axis ? kTickLength + 3 + fm.height() + 2 : 0;
    const double legendBlock = legendHeight > 0 ? legendHeight + 10 : 0;
    const double plotHeight =
        chooseRowHeights(fm, size_.height() - y - axisHeight - legendBlock - kMargin);
    plotRect_.setTop(y);
    plotRect_.setHeight(plotHeight);
    labelColumn_ = QRectF(kMargin, y, labelWidth, plotHeight);
    axisRect_ = QRectF(plotRect_.left(), plotRect_.bottom(), plotRect_.width(), axisHeight);
    if (legendHeight > 0) {
        legendRect_ = QRectF(kMargin, axisRect_.bottom() + 10, width - 2 * kMargin, legendHeight);
        for (GanttLegendEntry& entry : legend_) {
            entry.swatch.translate(legendRect_.topLeft());
            entry.textRect.translate(legendRect_.topLeft());
        }
    }
    const double bottom = (legendHeight > 0 ? legendRect_.bottom() : axisRect_.bottom()) + kMargin;
    if (size_.height() <= 0)
        size_.setHeight(std::ceil(bottom));
}

double GanttLayout::chooseRowHeights(const QFontMetricsF& fm, double available) {
    // The natural height when the chart's height is free (<= 0), else `available` shared out.
    const GanttRows& rows = *rows_;
    const int shown = int(rowSource_.size());
    const double naturalRow = std::ceil(fm.height() * 1.7);
    const auto laneRows = int(std::count_if(rowSource_.begin(), rowSource_.end(), [&](int id) {
        return rows.row(id).kind == RowKind::Lane;
    }));
    const int tallRows = shown - laneRows;
    // In track-row heights, for sharing a fixed height out.
    const double rowSlots = std::max(tallRows + laneRows * kLaneShare, 1.0);
    const auto rowsHeight = [&] {
        // An empty chart keeps one row's room, for its message.
        return (shown == 0 ? 1 : tallRows) * rowHeight_ + laneRows * laneHeight_;
    };
    if (size_.height() <= 0) {
        rowHeight_ = options_.rowHeight > 0 ? options_.rowHeight : naturalRow;
        laneHeight_ = laneHeightFor(rowHeight_, fm.height());
        return rowsHeight();
    }
    rowHeight_ = options_.rowHeight > 0 ? options_.rowHeight
                                        : std::clamp(available / rowSlots, 1.0, naturalRow * 1.5);
    laneHeight_ = laneHeightFor(rowHeight_, fm.height());
    if (options_.rowHeight <= 0 && laneRows > 0 && rowsHeight() > available) {
        // Lanes kept a line of text and overran: track rows give the room back, or, when that
        // would make them thinner than the lanes, all rows share alike.
        const double rest = (available - laneRows * laneHeight_) / tallRows;
        if (rest >= laneHeight_)
            rowHeight_ = rest;
        else
            rowHeight_ = laneHeight_ = std::max(1.0, available / shown);
    }
    return std::max(available, rowsHeight());
}

bool GanttLayout::isCollapsed(std::int64_t pid) const {
    const auto& pids = options_.collapsedPids;
    return std::find(pids.begin(), pids.end(), pid) != pids.end();
}

int GanttLayout::rowOfSource(int id) const {
    return id >= 0 && std::size_t(id) < screenRowOf_.size() ? screenRowOf_[std::size_t(id)] : -1;
}

int GanttLayout::disclosureAt(QPointF pos) const {
    // The whole name of a process's first row, not only its triangle: a target worth aiming
    // at, as a tree view's header.
    const int r = rowAt(pos.y());
    if (r < 0 || row(r).disclosureRect.isNull() || pos.x() < labelColumn_.left() - kMargin ||
        pos.x() >= plotRect_.left())
        return -1;
    return row(r).group;
}

void GanttLayout::buildRows(double width) {
    const GanttRows& rows = *rows_;
    rowGeometry_.resize(rowSource_.size());
    std::vector<bool> ranOnCore;
    if (rows.hasCoreRows() && rows.trace()) {
        ranOnCore.assign(rows.trace()->tracks.size(), false);
        for (std::uint32_t t : rows.coreTracks())
            ranOnCore[t] = true;
    }
    double top = plotRect_.top();
    int group = -1;
    for (int r = 0; r < int(rowSource_.size()); ++r) {
        const int id = sourceRow(r);
        const GanttRow& row = rows.row(id);
        GanttRowGeometry& g = rowGeometry_[std::size_t(r)];
        const bool lane = row.kind == RowKind::Lane;
        const double h = lane ? laneHeight_ : rowHeight_;
        if (!lane)
            ++group;
        g.shaded = group % 2 == 1;
        g.rect = QRectF(kMargin, top, width - 2 * kMargin, h);
        g.labelRect = QRectF(labelColumn_.left() + kLabelPadding, top,
                             labelColumn_.width() - 2 * kLabelPadding, h);
        const bool summary = row.kind == RowKind::Summary;
        g.group = summary ? id - rows.size() : rows.groupOfRow(id);
        if (g.group >= 0) {
            const GanttProcessGroup& group = rows.processGroups()[std::size_t(g.group)];
            if (summary || group.rows.front() == id) {
                const double side = std::min(kDisclosureSize, std::max(h - 4, 4.0));
                g.disclosureRect = QRectF(g.labelRect.left(), top + (h - side) / 2, side, side);
            }
            g.collapsed = summary;
            g.labelRect.setLeft(g.labelRect.left() + kDisclosureIndent);
        }
        if (lane)
            g.labelRect.setLeft(g.labelRect.left() + kLaneIndent);
        if (row.kind == RowKind::Track && row.track < ranOnCore.size() && ranOnCore[row.track]) {
            const double chip = std::min(kChipSize, h - 2);
            g.chipRect = QRectF(g.labelRect.left(), top + (h - chip) / 2, chip, chip);
            g.labelRect.setLeft(g.labelRect.left() + kChipSize + 6);
        }
        // Padding keeps neighbouring rows apart; thin rows (a fitted many-core chart) lose it.
        const double pad = h >= 10 ? std::max(2.0, std::round(h * 0.12)) : 0;
        g.sliceLane = QRectF(plotRect_.left(), top + pad, plotRect_.width(), h - 2 * pad);
        if (r > 0 && (rowData(r - 1).kind == RowKind::Core) != (row.kind == RowKind::Core))
            separators_.push_back(top);
        top += h;
    }
}

void GanttLayout::foldRow(int r) {
    const Trace& trace = *rows_->trace();
    const GanttRow& row = rowData(r);
    LaneFolder folder(trace, visible_, plotRect_.left(), plotRect_.width(),
                      row.kind == RowKind::Core, items_);
    // A collapsed process's threads overlap in its summary row: merged as the overflow lane.
    if (row.kind == RowKind::Summary)
        folder.mergeOverlappingLane(row.slices, DrawKind::Slice);
    else
        folder.foldSortedLane(row.slices, DrawKind::Slice);
    if (row.overflow)
        folder.mergeOverlappingLane(row.asyncSlices, DrawKind::Async);
    else
        folder.foldSortedLane(row.asyncSlices, DrawKind::Async);
    hasMixed_ = hasMixed_ || folder.hasMixed();

    // Instants: one mark per pixel column, counting what it stands for.
    const auto& ev = trace.events;
    auto it = std::lower_bound(row.instants.begin(), row.instants.end(), visible_.begin_ns,
                               [&](std::uint32_t i, std::int64_t t) { return ev[i].begin_ns < t; });
    double lastCol = -std::numeric_limits<double>::infinity();
    for (; it != row.instants.end() && ev[*it].begin_ns < visible_.end_ns; ++it) {
        const double x = xForTime(ev[*it].begin_ns);
        if (std::floor(x) == lastCol) {
            ++items_.back().count;
            if (items_.back().task != ev[*it].task)
                items_.back().task = 0;
            continue;
        }
        lastCol = std::floor(x);
        GanttDrawItem item;
        item.kind = DrawKind::Instant;
        item.event = *it;
        item.task = ev[*it].task;
        item.rect = QRectF(x, 0, 0, 0);
        items_.push_back(item);
    }
}

void GanttLayout::placeItems() {
    for (int r = 0; r < rowCount(); ++r) {
        const GanttRowGeometry& g = rowGeometry_[std::size_t(r)];
        for (std::uint32_t i = itemStart_[std::size_t(r)]; i < itemStart_[std::size_t(r) + 1];
             ++i) {
            GanttDrawItem& item = items_[i];
            switch (item.kind) {
            case DrawKind::Slice:
            case DrawKind::Async:
                item.rect.setTop(g.sliceLane.top());
                item.rect.setHeight(g.sliceLane.height());
                break;
            case DrawKind::Instant: {
                const double h = std::min(kInstantHeight, std::max(2.0, rowHeight_ / 3));
                item.rect = QRectF(item.rect.left() - kInstantWidth / 2, g.rect.top() + 1,
                                   kInstantWidth, h);
                break;
            }
            }
        }
    }
}

void GanttLayout::buildCounters(int r) {
    const GanttRow& row = rowData(r);
    GanttRowGeometry& g = rowGeometry_[std::size_t(r)];
    const Trace* trace = rows_->trace();
    if (!trace || row.counters.empty())
        return;
    const auto& ev = trace->events;
    double top = 0;
    for (std::uint32_t i : row.counters)
        top = std::max(top, ev[i].value);
    if (top <= 0)
        top = 1;
    const QRectF lane = g.sliceLane.adjusted(0, 2, 0, -2);
    const auto yFor = [&](double v) { return lane.bottom() - lane.height() * (v / top); };
    // The sample in force at the left edge, then every change; changes within one pixel
    // column keep only the last, so the line has at most a point pair per column.
    auto it = std::upper_bound(row.counters.begin(), row.counters.end(), visible_.begin_ns,
                               [&](std::int64_t t, std::uint32_t i) { return t < ev[i].begin_ns; });
    double value = it == row.counters.begin() ? 0.0 : ev[*std::prev(it)].value;
    QPolygonF line;
    line << QPointF(plotRect_.left(), yFor(value));
    for (; it != row.counters.end() && ev[*it].begin_ns < visible_.end_ns; ++it) {
        const double x = xForTime(ev[*it].begin_ns);
        if (line.size() >= 2 && std::floor(line.back().x()) == std::floor(x)) {
            line.back().setY(yFor(ev[*it].value));
        } else {
            line << QPointF(x, yFor(value)) << QPointF(x, yFor(ev[*it].value));
        }
        value = ev[*it].value;
    }
    line << QPointF(plotRect_.right(), yFor(value));
    g.counterLine = line;
    g.counterText = QStringLiteral("%1 (max %2)").arg(value).arg(top);
}

void GanttLayout::buildFlows() {
    const Trace* trace = rows_->trace();
    if (!trace)
        return;
    // Counted before any is placed: a fitted million-task pool has a million arrows in view,
    // all to be hidden, and placing them first cost more than the rest of the layout.
    const std::size_t inView = rows_->visibleFlowCount(visible_.begin_ns, visible_.end_ns);
    if (inView > std::size_t(std::max(options_.maxFlows, 0))) {
        hiddenFlows_ = int(std::min<std::size_t>(inView, std::numeric_limits<int>::max()));
        return;
    }
    // A power of two, so that zooming in keeps the arrows drawn before and adds others.
    if (options_.pixelsPerFlow > 0) {
        const auto budget = std::size_t(std::max(8.0, plotRect_.width() / options_.pixelsPerFlow));
        while (inView > budget * std::size_t(flowStride_))
            flowStride_ *= 2;
    }
    const auto stride = std::size_t(flowStride_);
    // Endpoints' rows go in y for now; the constructor swaps them for row centres.
    const auto [first, last] = rows_->flowCandidates(visible_.begin_ns, visible_.end_ns);
    for (std::size_t k = (first + stride - 1) / stride * stride; k < last; k += stride) {
        if (rows_->flowEnd(k) < visible_.begin_ns)
            continue;
        const GanttFlow& flow = rows_->flows()[k];
        const TraceEvent& s = trace->events[flow.start];
        const TraceEvent& e = trace->events[flow.end];
        const int r1 = rowOfSource(rows_->rowOfTrack(s.track));
        const int r2 = rowOfSource(rows_->rowOfTrack(e.track));
        // Within a collapsed process an arrow would go nowhere.
        if (r1 < 0 || r2 < 0 || (r1 == r2 && rowData(r1).kind == RowKind::Summary))
            continue;
        flowLines_.emplace_back(xForTime(s.begin_ns), r1, xForTime(e.begin_ns), r2);
    }
}

void GanttLayout::buildTicks(const QFontMetricsF& fm) {
    const double minSpacing = fm.horizontalAdvance(QStringLiteral("-000.00 ms")) + 16;
    tickSpec_ = chooseTicks(visible_.span(), plotRect_.width(), minSpacing);
    const std::int64_t step = tickSpec_.step_ns;
    std::int64_t k = floorDiv(visible_.begin_ns - origin_, step);
    if (origin_ + k * step < visible_.begin_ns)
        ++k;
    const double labelTop = axisRect_.top() + kTickLength + 2;
    for (std::int64_t t = origin_ + k * step; t <= visible_.end_ns; t += step) {
        GanttTick tick;
        tick.x = xForTime(t);
        tick.ns = t - origin_;
        tick.label = formatTick(tick.ns, tickSpec_);
        const double w = fm.horizontalAdvance(tick.label) + 2;
        double left = tick.x - w / 2;
        // The last label may not fit centred; keep it inside the chart rather than cut it.
        left = std::min(left, size_.width() - 2 - w);
        left = std::max(left, kMargin);
        tick.labelRect = QRectF(left, labelTop, w, fm.height());
        ticks_.push_back(tick);
        if (ticks_.size() > 10'000)
            break; // a degenerate range; never loop forever
    }
}

int GanttLayout::rowAt(double y) const {
    // Rows differ in height (lanes are thinner): the last row that begins at or above y.
    const auto it =
        std::upper_bound(rowGeometry_.begin(), rowGeometry_.end(), y,
                         [](double v, const GanttRowGeometry& g) { return v < g.rect.top(); });
    if (it == rowGeometry_.begin() || y >= std::prev(it)->rect.bottom())
        return -1;
    return int(std::prev(it) - rowGeometry_.begin());
}

double GanttLayout::xForTime(std::int64_t ns) const {
    // Subtract in integers first: CLOCK_MONOTONIC values lose nanoseconds as doubles.
    return plotRect_.left() +
           double(ns - visible_.begin_ns) * plotRect_.width() / double(visible_.span());
}

std::int64_t GanttLayout::timeForX(double x) const {
    if (plotRect_.width() <= 0)
        return visible_.begin_ns;
    return visible_.begin_ns +
           std::llround((x - plotRect_.left()) * double(visible_.span()) / plotRect_.width());
}

double GanttLayout::nsPerPixel() const {
    return plotRect_.width() > 0 ? double(visible_.span()) / plotRect_.width() : 0;
}

std::optional<std::uint32_t> GanttLayout::eventAt(QPointF pos) const {
    if (!rows_ || !rows_->trace() || pos.x() < plotRect_.left() || pos.x() > plotRect_.right())
        return std::nullopt;
    const int r = rowAt(pos.y());
    if (r < 0)
        return std::nullopt;
    const Trace& trace = *rows_->trace();
    const GanttRow& row = rowData(r);
    const GanttLane& lane = row.kind == RowKind::Lane ? row.asyncSlices : row.slices;

    const std::int64_t t = timeForX(pos.x());
    const auto tolerance = std::int64_t(nsPerPixel() / 2);
    const auto [first, last] = lane.candidates(trace, t - tolerance, t + tolerance + 1);
    std::optional<std::uint32_t> best;
    std::int64_t bestDistance = std::numeric_limits<std::int64_t>::max();
    std::int64_t bestDuration = std::numeric_limits<std::int64_t>::max();
    for (std::size_t p = first; p < last; ++p) {
        const std::uint32_t index = lane.events[p];
        const TraceEvent& e = trace.events[index];
        const std::int64_t distance =
            t < e.begin_ns ? e.begin_ns - t
                           : (t >= e.end_ns && e.end_ns > e.begin_ns ? t - e.end_ns + 1 : 0);
        if (distance > tolerance)
            continue;
        // Inside beats near; among overlapping ones (nested, async), the innermost wins.
        if (distance < bestDistance ||
            (distance == bestDistance && e.duration_ns() < bestDuration)) {
            best = index;
            bestDistance = distance;
            bestDuration = e.duration_ns();
        }
    }
    return best;
}

GanttTaskOverlay GanttLayout::taskOverlay(const GanttTaskEvents& task) const {
    GanttTaskOverlay overlay;
    overlay.task = task.task;
    const Trace* trace = rows_ ? rows_->trace() : nullptr;
    if (!trace)
        return overlay;
    for (const auto& [source, index] : task.slices) {
        const TraceEvent& e = trace->events[index];
        const int r = rowOfSource(source);
        if (r < 0 || r >= rowCount() || e.begin_ns >= visible_.end_ns ||
            e.end_ns < visible_.begin_ns)
            continue;
        // A collapsed process shows where it was busy, and so does the task there.
        if (rowData(r).kind == RowKind::Summary &&
            (e.type != EventType::Slice || !isOnCpu(e.state)))
            continue;
        const GanttRowGeometry& g = row(r);
        const double x0 = xForTime(std::max(e.begin_ns, visible_.begin_ns));
        const double x1 = xForTime(std::min(e.end_ns, visible_.end_ns));
        GanttDrawItem item;
        item.kind = e.type == EventType::AsyncSlice ? DrawKind::Async : DrawKind::Slice;
        item.event = index;
        item.task = e.task;
        const bool core = rowData(r).kind == RowKind::Core;
        item.fill = core ? FillKind::Track : FillKind::State;
        item.fillIndex = core ? e.track : std::uint32_t(e.state);
        // At least two pixels: a picked task's slice must be seen among a million.
        const double w = std::max(x1 - x0, 2.0);
        item.rect = QRectF(x0 - (w - (x1 - x0)) / 2, g.sliceLane.top(), w, g.sliceLane.height());
        overlay.items.push_back(item);
    }
    for (const GanttFlow& flow : task.flows) {
        const TraceEvent& s = trace->events[flow.start];
        const TraceEvent& e = trace->events[flow.end];
        const int r1 = rowOfSource(rows_->rowOfTrack(s.track));
        const int r2 = rowOfSource(rows_->rowOfTrack(e.track));
        if (r1 < 0 || r2 < 0 || r1 >= rowCount() || r2 >= rowCount() ||
            std::max(s.begin_ns, e.begin_ns) < visible_.begin_ns ||
            std::min(s.begin_ns, e.begin_ns) >= visible_.end_ns)
            continue;
        overlay.flows.emplace_back(xForTime(s.begin_ns), row(r1).sliceLane.center().y(),
                                   xForTime(e.begin_ns), row(r2).sliceLane.center().y());
    }
    return overlay;
}

std::span<const GanttDrawItem> GanttLayout::drawItems(int row) const {
    if (row < 0 || std::size_t(row) + 1 >= itemStart_.size())
        return {};
    return std::span<const GanttDrawItem>(items_.data() + itemStart_[std::size_t(row)],
                                          itemStart_[std::size_t(row) + 1] -
                                              itemStart_[std::size_t(row)]);
}

} // namespace tasklane
