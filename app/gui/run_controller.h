// RunController: runs one pattern at a time on a worker thread (QtConcurrent::run into a
// pool of its own + QFutureWatcher) so the window never blocks. It throttles progress to a
// few updates a second, and stamps every run with a generation so that the result of a run
// the user has already replaced never reaches the window.
#pragma once

#include "chart/gantt_layout.h"
#include "patterns/pattern.h"

#include <QLocale>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace tasklane {

// What a run left for the window; everything costly to prepare is prepared on the worker.
struct RunOutcome {
    enum class Status { Finished, Stopped, Failed };
    Status status = Status::Failed;
    // Finished; or Stopped, what the run had recorded by then (null if nothing)
    std::shared_ptr<const RunResult> result;
    std::shared_ptr<const GanttRows> rows; // rows of result->trace for `groupBy`
    GroupBy groupBy = GroupBy::Both;
    QString outputText; // the printed lines, capped at kOutputDisplayLimit characters
    QString error;      // Failed only
    double wallMs = 0;
    // The last progress reported: a stopped run is "stopped at done of total tasks".
    qint64 done = 0;
    qint64 total = 0;
    quint64 languageGeneration = 0; // Language::generation() when the run started
};

class RunController : public QObject {
    Q_OBJECT

public:
    // Showing more than this many characters of output makes the text view crawl; the
    // full output stays available through the exported trace and the command line.
    static constexpr qsizetype kOutputDisplayLimit = 20'000;

    explicit RunController(QObject* parent = nullptr);
    ~RunController() override; // stops the run and waits for its thread

    // Starts `pattern` with `params` (already validated). A run still going is told to stop
    // and its result, whatever it is, is dropped.
    void start(const Pattern& pattern, const Params& params, GroupBy groupBy);
    void stop();
    // Stops the run and drops it: no finished() for it; runningChanged(false) at once.
    void discard();
    bool isRunning() const { return running_; }
    quint64 generation() const { return generation_; }

    // Joins the printed lines for display, cut at `limit` characters with a note.
    // `locale` formats the note's numbers: QLocale() is the GUI thread's to change (a
    // language switch), so a worker thread is given the one the run started with.
    static QString outputText(const std::vector<std::string>& lines, qsizetype limit,
                              const QLocale& locale = QLocale());

Q_SIGNALS:
    void started();
    void progress(qint64 done, qint64 total);
    void finished(const tasklane::RunOutcome& outcome); // any status: finished, stopped, failed
    void runningChanged(bool running);

private:
    QThreadPool pool_;
    std::shared_ptr<RunControl> control_; // of the current run
    quint64 generation_ = 0;
    bool running_ = false;
};

} // namespace tasklane
