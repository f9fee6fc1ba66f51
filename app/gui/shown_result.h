// ShownResult: what the chart and the tabs show, the last run that finished or a trace file
// opened in its place, with what it came from. A value: each pane keeps its copy and makes its
// texts from it again in a new language; the shared result stays alive for an export still
// writing it after a newer run has taken its place on screen.
#pragma once

#include "analysis/trace_overview.h"
#include "patterns/pattern.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace tasklane {

struct ShownResult {
    Q_DECLARE_TR_FUNCTIONS(tasklane::ShownResult)

public:
    std::shared_ptr<const RunResult> result; // null: nothing on screen yet
    const Pattern* pattern = nullptr;        // the run's pattern; null for an opened trace
    Params params;                           // the run's parameters
    QString openedPath;                      // the file on screen; empty for a run
    qint64 openedSize = 0;
    std::shared_ptr<const TraceOverview> overview; // an opened trace's, made when it was read
    // A run stopped part-way: what it had recorded, and how far it got (total 0: unknown).
    bool stopped = false;
    qint64 stoppedDone = 0;
    qint64 stoppedTotal = 0;

    bool isRun() const { return result != nullptr && pattern != nullptr; }
    bool isOpenedTrace() const { return result != nullptr && !openedPath.isEmpty(); }

    // "stopped at 3 of 8 tasks" (or "stopped" when the run reported no progress), in the
    // current language; empty for a run that finished and for a file.
    QString stoppedText() const;
    // Whether `params` of `pattern` would run something else than the run on screen.
    bool differsFrom(const Pattern* pattern, const Params& params) const;

    // What exported files are named after: the pattern's id, the file's base name, or "run".
    QString exportStem() const;
    // The name of a pin in the Compare tab: the file's name, or the pattern's id with the
    // parameters that differ from the tutorial's. Empty when there is nothing to pin.
    QString pinName() const;
};

} // namespace tasklane
