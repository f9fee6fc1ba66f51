// SummaryView: the Summary tab. Shows a run's metrics (makespan against the sequential
// estimate, speedup, efficiency, per-core utilisation, waiting time by cause) as a small
// report, so the chart's story can be read in numbers. Formatting only: the numbers come
// from the core's Metrics.
#pragma once

#include "patterns/run_result.h"

#include <QTextBrowser>

namespace tasklane {

class SummaryView : public QTextBrowser {
    Q_OBJECT

public:
    explicit SummaryView(QWidget* parent = nullptr);

    void setRun(const QString& heading, const RunResult& run);
    void clearRun();

    // The report as HTML, for tests and for a future "copy summary".
    static QString html(const QString& heading, const RunResult& run);
    // What the efficiency means for `m`: per worker, or, where more waits overlapped than
    // workers could run (asyncio), how many overlapped on how many cores.
    static QString efficiencyNote(const Metrics& m);
    // A speedup's number as shown everywhere in the window: "0.86", or "< 0.01" where two
    // decimals would print a misleading "0.00".
    static QString speedupNumber(double speedup);

protected:
    // QEvent::LanguageChange: "No run yet." in the new language. A run's report is made
    // again by whoever set it (MainWindow), as only it knows the run.
    void changeEvent(QEvent* event) override;

private:
    static QString modesHtml(const RunResult& run);
    static QString speedupNote(const Metrics& m);

    QString placeholder_; // what clearRun() showed, in the language it was shown in
};

} // namespace tasklane
