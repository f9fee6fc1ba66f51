#include "opened_trace_summary.h"

#include "chart/chart_style.h"
#include "summary_view.h"
#include "text/qt_text.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace tasklane {

namespace {

QString ms(double value) {
    return OpenedTraceSummary::tr("%1 ms").arg(QLocale().toString(value, 'f', value < 10 ? 2 : 1));
}

QString row(const QString& name, const QString& value, const QString& note = {}) {
    return QStringLiteral("<tr><td style='padding-right:16px'>%1</td>"
                          "<td align='right'><b>%2</b></td>"
                          "<td style='padding-left:12px; color:#5a626c'>%3</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped(), note.toHtmlEscaped());
}

// A titled table, or nothing when it has no rows.
QString section(const QString& title, const QString& rows) {
    if (rows.isEmpty())
        return {};
    return QStringLiteral("<p><b>%1</b></p><table cellspacing=2>%2</table>")
        .arg(title.toHtmlEscaped(), rows);
}

// The heading and the table of what the file holds.
QString fileTable(const QString& path, qint64 size, const Trace& t, const TraceOverview& f) {
    const Metrics& m = f.metrics;
    const QLocale locale;
    QString out = QStringLiteral("<h3>%1</h3><table cellspacing=2>")
                      .arg(OpenedTraceSummary::tr("Opened trace: %1")
                               .arg(QFileInfo(path).fileName())
                               .toHtmlEscaped());
    out += row(OpenedTraceSummary::tr("File"), QDir::toNativeSeparators(path),
               locale.formattedDataSize(size));
    out += row(OpenedTraceSummary::tr("Events"), locale.toString(qulonglong(t.events.size())),
               OpenedTraceSummary::tr("%1 slices, %2 instants, %3 counter samples, %4 flow ends")
                   .arg(f.counts.slices)
                   .arg(f.counts.instants)
                   .arg(f.counts.counters)
                   .arg(f.counts.flowEnds));
    out += row(OpenedTraceSummary::tr("Tracks"), locale.toString(qulonglong(t.tracks.size())));
    out += row(OpenedTraceSummary::tr("Time span"), ms(double(f.span_ns) / 1e6),
               OpenedTraceSummary::tr("first event to last"));
    if (f.hasTasks) {
        out += row(OpenedTraceSummary::tr("Sequential estimate"), ms(m.sequential_ms),
                   OpenedTraceSummary::tr("the tasks' own work and waits, back to back on one "
                                          "thread"));
        out += row(OpenedTraceSummary::tr("Speedup"),
                   OpenedTraceSummary::tr("%1×").arg(SummaryView::speedupNumber(m.speedup)),
                   OpenedTraceSummary::tr("sequential ÷ time span"));
        out += row(OpenedTraceSummary::tr("Efficiency"),
                   OpenedTraceSummary::tr("%1 %").arg(locale.toString(m.efficiency * 100, 'f', 0)),
                   SummaryView::efficiencyNote(m));
    }
    if (f.hasCpuNumbers)
        out += row(OpenedTraceSummary::tr("Cores used"), locale.toString(m.cores_used),
                   OpenedTraceSummary::tr("cores busy at least 5 % of the span"));
    return out + QStringLiteral("</table>");
}

QString stateRows(const TraceOverview& f) {
    QString rows;
    for (int s = 0; s < kStateCount; ++s)
        if (const std::int64_t ns = f.states[State(s)]; ns > 0)
            rows += row(stateLabel(State(s)), ms(double(ns) / 1e6));
    return rows;
}

QString busiestTrackRows(const Trace& t, const TraceOverview& f) {
    // The busiest tracks only: a file may hold hundreds.
    constexpr std::size_t kTracksShown = 12;
    const QLocale locale;
    QString rows;
    for (const std::uint32_t track : f.busiestTracks(kTracksShown))
        rows += row(qs(t.tracks[track].name), ms(double(f.runningByTrack[track]) / 1e6),
                    OpenedTraceSummary::tr("%1 % of the span")
                        .arg(locale.toString(f.runningShare(track) * 100, 'f', 0)));
    return rows;
}

} // namespace

QString OpenedTraceSummary::html(const QString& path, qint64 size, const RunResult& run,
                                 const TraceOverview& overview) {
    return fileTable(path, size, run.trace, overview) +
           section(tr("Time by state, summed over slices"), stateRows(overview)) +
           section(tr("Running time by track"), busiestTrackRows(run.trace, overview));
}

} // namespace tasklane
