#include "chart/gantt_legend.h"

#include "chart/chart_style.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace tasklane {

namespace {

// Places entries one after the other, starting a new line where the next would not fit.
class LegendLines {
public:
    LegendLines(double width, const QFontMetricsF& fm, std::vector<GanttLegendEntry>& entries)
        : fm_(fm)
        , width_(width)
        , lineHeight_(std::ceil(fm.height() + 6))
        , swatch_(std::round(fm.height() * 0.75))
        , entries_(entries) {}

    void add(GanttLegendEntry::Kind kind, std::uint32_t index, const QString& text) {
        GanttLegendEntry entry;
        entry.kind = kind;
        entry.index = index;
        entry.text = text;
        const bool hasSwatch = kind != GanttLegendEntry::Kind::Note;
        const bool wide =
            kind == GanttLegendEntry::Kind::Flow || kind == GanttLegendEntry::Kind::Async;
        const double swatchWidth = wide ? swatch_ * 1.6 : swatch_;
        const double textWidth = fm_.horizontalAdvance(text) + 1;
        const double entryWidth = (hasSwatch ? swatchWidth + 5 : 0) + textWidth;
        if (x_ > 0 && x_ + entryWidth > width_) {
            x_ = 0;
            y_ += lineHeight_;
        }
        if (hasSwatch) {
            entry.swatch = QRectF(x_, y_ + (lineHeight_ - swatch_) / 2, swatchWidth, swatch_);
            x_ += swatchWidth + 5;
        }
        entry.textRect = QRectF(x_, y_, std::min(textWidth, width_ - x_), lineHeight_);
        x_ += textWidth + 18;
        entries_.push_back(entry);
        added_ = true;
    }
    void note(const QString& text) { add(GanttLegendEntry::Kind::Note, 0, text); }

    double height() const { return added_ ? y_ + lineHeight_ : 0; }

private:
    const QFontMetricsF& fm_;
    double width_;
    double lineHeight_;
    double swatch_;
    double x_ = 0, y_ = 0;
    std::vector<GanttLegendEntry>& entries_;
    bool added_ = false;
};

// The colours: states on a chart with track rows, else the workers of the core rows.
void addColours(LegendLines& lines, const GanttRows& rows, bool mixed) {
    using Kind = GanttLegendEntry::Kind;
    if (rows.hasTrackRows()) {
        for (int s = 0; s < kStateCount; ++s)
            if (rows.hasState(State(s)))
                lines.add(Kind::State, std::uint32_t(s), stateLabel(State(s)));
    } else {
        for (std::uint32_t t : rows.coreTracks())
            lines.add(Kind::Track, t, trackName(rows.trace()->tracks[t]));
    }
    if (mixed)
        lines.add(Kind::Mixed, 0,
                  QCoreApplication::translate("tasklane::GanttLayout", "mixed (folded; zoom in)"));
}

} // namespace

double layoutLegend(const GanttRows& rows, const GanttLegendFacts& facts, double width,
                    const QFontMetricsF& fm, std::vector<GanttLegendEntry>& entries) {
    using Kind = GanttLegendEntry::Kind;
    const Trace* trace = rows.trace();
    if (!trace || trace->empty())
        return 0;
    LegendLines lines(width, fm, entries);
    // First, so that no reader takes the rows drawn for all of them.
    if (facts.hiddenRows > 0)
        lines.note(QCoreApplication::translate("tasklane::GanttLayout",
                                               "rows not drawn: %1 (an image shows the first %2)")
                       .arg(facts.hiddenRows)
                       .arg(facts.shownRows));
    addColours(lines, rows, facts.mixed);
    const bool tracks = rows.hasTrackRows();
    if (tracks && rows.hasAsyncSlices())
        lines.add(Kind::Async, 0,
                  QCoreApplication::translate(
                      "tasklane::GanttLayout",
                      "indented rows: task lifelines, side by side where they overlap"));
    if (tracks && rows.hasOverflowLanes())
        lines.note(QCoreApplication::translate("tasklane::GanttLayout",
                                               "“+N more” rows: the rest, overlapping (folded)"));
    if (facts.summaryRows)
        lines.note(QCoreApplication::translate(
            "tasklane::GanttLayout",
            "▸ rows: a collapsed process, where any of its threads was busy"));
    if (tracks && rows.hasInstants())
        lines.add(Kind::Instant, 0,
                  QCoreApplication::translate("tasklane::GanttLayout", "printed line"));
    if (facts.flowLines)
        lines.add(Kind::Flow, 0,
                  QCoreApplication::translate("tasklane::GanttLayout", "submit → run"));
    if (facts.flowLines && facts.flowStride > 1)
        lines.note(QCoreApplication::translate("tasklane::GanttLayout",
                                               "1 arrow in %1 drawn (click a task for its own)")
                       .arg(facts.flowStride));
    if (facts.hiddenFlows > 0)
        lines.note(
            QCoreApplication::translate("tasklane::GanttLayout", "%1 arrows hidden (zoom in)")
                .arg(facts.hiddenFlows));
    if (rows.hasCoreRows())
        lines.note(
            tracks ? QCoreApplication::translate("tasklane::GanttLayout",
                                                 "core rows: colour = worker (chip by its name)")
                   : QCoreApplication::translate("tasklane::GanttLayout",
                                                 "core rows: colour = worker"));
    if (tracks && rows.hasState(State::GilWait))
        lines.note(QCoreApplication::translate(
            "tasklane::GanttLayout", "gil-wait: the GIL is a model of CPython's, not measured"));
    if (tracks && rows.hasState(State::WaitingForCore))
        lines.note(QCoreApplication::translate(
            "tasklane::GanttLayout",
            "waiting-for-core: ready, but the OS ran another thread on its core, of this run or "
            "another program (measured)"));
    return lines.height();
}

} // namespace tasklane
