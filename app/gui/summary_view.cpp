#include "summary_view.h"

#include "analysis/shown_speedup.h"
#include "core_text.h"

#include <QEvent>
#include <QLocale>

#include <algorithm>

namespace tasklane {

namespace {

QString ms(double value) {
    return SummaryView::tr("%1 ms").arg(QLocale().toString(value, 'f', value < 10 ? 2 : 1));
}

QString row(const QString& name, const QString& value, const QString& note = {}) {
    return QStringLiteral("<tr><td style='padding-right:16px'>%1</td>"
                          "<td align='right'><b>%2</b></td>"
                          "<td style='padding-left:12px; color:#5a626c'>%3</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped(), note.toHtmlEscaped());
}

// A bar as two table cells: HTML is what QTextBrowser draws, and a table cell's width and
// background are the part of it that lays out reliably.
QString bar(double share) {
    const int filled = std::clamp(int(std::lround(share * 100)), 0, 100);
    QString cells;
    if (filled > 0)
        cells += QStringLiteral("<td width='%1' bgcolor='#2277c8'></td>").arg(filled * 2);
    if (filled < 100)
        cells += QStringLiteral("<td width='%1' bgcolor='#e3e6ea'></td>").arg((100 - filled) * 2);
    return QStringLiteral("<table cellspacing=0 cellpadding=0 height=10><tr>%1</tr></table>")
        .arg(cells);
}

} // namespace

SummaryView::SummaryView(QWidget* parent)
    : QTextBrowser(parent) {
    setObjectName(QStringLiteral("summary-view"));
    setOpenLinks(false);
    clearRun();
}

void SummaryView::setRun(const QString& heading, const RunResult& run) {
    setHtml(html(heading, run));
}

void SummaryView::clearRun() {
    placeholder_ = tr("No run yet.");
    setHtml(QStringLiteral("<p style='color:#5a626c'>%1</p>").arg(placeholder_.toHtmlEscaped()));
}

void SummaryView::changeEvent(QEvent* event) {
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && toPlainText() == placeholder_)
        clearRun();
}

QString SummaryView::speedupNumber(double speedup) {
    const QLocale locale;
    if (speedupRoundsToZero(speedup))
        return tr("< %1").arg(locale.toString(kSmallestShownSpeedup, 'f', 2));
    return locale.toString(speedup, 'f', 2);
}

// Under the Speedup: what it is, or, for a run that was mostly overhead, why it is so low.
QString SummaryView::speedupNote(const Metrics& m) {
    if (m.speedup >= kOverheadSpeedup || m.makespan_ms <= 0)
        return tr("sequential ÷ makespan");
    return tr("the tasks' own work (%1 ms) is small beside starting and coordinating the "
              "workers: give them more work, or try the lesson's values (Run menu)")
        .arg(QLocale().toString(m.sequential_ms, 'f', 1));
}

QString SummaryView::efficiencyNote(const Metrics& m) {
    // The divisor said: 4 processes on 2 cores are measured against 2.
    if (!waitsOverlapped(m))
        return tr("speedup per worker that could run at once (%n here: workers, at most the "
                  "cores)",
                  nullptr, m.parallelism);
    QString waits = tr("%n wait(s) overlapped", nullptr, m.overlapped_waits);
    if (m.parallelism <= 0)
        return waits;
    return tr("%1 on %n core(s)", nullptr, m.parallelism).arg(waits);
}

// A comparison: each mode's figures side by side; nothing for a single run.
QString SummaryView::modesHtml(const RunResult& run) {
    if (run.modes.empty())
        return {};
    const QLocale locale;
    QString out;
    out += QStringLiteral("<p><b>%1</b></p><table cellspacing=2 cellpadding=2><tr><th "
                          "align='left'>%2</th><th align='right'>%3</th><th "
                          "align='right'>%4</th><th align='right'>%5</th><th "
                          "align='right'>%6</th></tr>")
               .arg(tr("Modes").toHtmlEscaped(), tr("mode").toHtmlEscaped(),
                    tr("makespan").toHtmlEscaped(), tr("speedup").toHtmlEscaped(),
                    tr("efficiency").toHtmlEscaped(), tr("cores used").toHtmlEscaped());
    for (const ModeResult& mode : run.modes) {
        const Metrics& mm = mode.metrics;
        out += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td "
                              "align='right'>%3</td><td align='right'>%4</td><td "
                              "align='right'>%5</td></tr>")
                   .arg(coretext::mode(mode.title).toHtmlEscaped(), ms(mm.makespan_ms),
                        tr("%1×").arg(speedupNumber(mm.speedup)),
                        tr("%1 %").arg(locale.toString(mm.efficiency * 100, 'f', 0)),
                        locale.toString(mm.cores_used));
    }
    out += QStringLiteral("</table>");
    // Efficiency stops at 100 %: where waits overlapped past the workers, say how many.
    for (const ModeResult& mode : run.modes)
        if (waitsOverlapped(mode.metrics))
            out += QStringLiteral("<p>%1</p>")
                       .arg(tr("%1: %2")
                                .arg(coretext::mode(mode.title), efficiencyNote(mode.metrics))
                                .toHtmlEscaped());
    return out;
}

QString SummaryView::html(const QString& heading, const RunResult& run) {
    const Metrics& m = run.metrics;
    const QLocale locale;
    // Two columns: the totals beside the per-core bars, so both fit the tab's height.
    QString out = QStringLiteral("<h3>%1</h3><table cellspacing=0><tr><td valign='top'>"
                                 "<table cellspacing=2>")
                      .arg(heading.toHtmlEscaped());
    out += row(tr("Makespan"), ms(m.makespan_ms), tr("first submit to last result"));
    out += row(tr("Sequential estimate"), ms(m.sequential_ms),
               tr("the tasks' own work, back to back on one thread"));
    out += row(tr("Speedup"), tr("%1×").arg(speedupNumber(m.speedup)), speedupNote(m));
    out += row(tr("Efficiency"), tr("%1 %").arg(locale.toString(m.efficiency * 100, 'f', 0)),
               efficiencyNote(m));
    out += row(
        tr("Cores used"), locale.toString(m.cores_used),
        tr("busy at least 5 % of the run, of %1 on this machine").arg(m.core_utilisation.size()));
    out += row(tr("GIL wait"), ms(m.gil_wait_ms),
               tr("threads waiting for the interpreter lock (a model)"));
    out += row(tr("Queued"), ms(m.queued_ms), tr("tasks waiting for a free worker, summed"));
    if (m.core_wait_ms > 0)
        out += row(tr("Waiting for a core"), ms(m.core_wait_ms),
                   tr("ready threads the OS had no free core for, summed"));
    if (m.lock_wait_ms > 0)
        out += row(tr("Lock wait"), ms(m.lock_wait_ms));
    if (m.spawning_ms > 0)
        out += row(tr("Spawning"), ms(m.spawning_ms), tr("starting worker processes"));
    out += row(tr("Events"), locale.toString(qulonglong(run.trace.events.size())),
               tr("%n track(s)", nullptr, int(run.trace.tracks.size())));
    out += QStringLiteral("</table></td><td valign='top' style='padding-left:32px'>");

    if (!m.core_utilisation.empty()) {
        out += QStringLiteral("<b>%1</b><table cellspacing=3>")
                   .arg(tr("Per-core utilisation").toHtmlEscaped());
        for (std::size_t c = 0; c < m.core_utilisation.size(); ++c)
            out += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3</td></tr>")
                       .arg(tr("CPU %1").arg(c).toHtmlEscaped(), bar(m.core_utilisation[c]),
                            tr("%1 %").arg(locale.toString(m.core_utilisation[c] * 100, 'f', 0)));
        out += QStringLiteral("</table>");
    }
    out += QStringLiteral("</td></tr></table>");

    out += modesHtml(run);
    if (!run.conclusion.empty()) {
        out += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Conclusion").toHtmlEscaped());
        for (const QString& sentence : coretext::conclusion(run))
            out += QStringLiteral("<li>%1</li>").arg(sentence.toHtmlEscaped());
        out += QStringLiteral("</ul>");
    }
    return out;
}

} // namespace tasklane
