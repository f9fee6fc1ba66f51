// OpenedTraceSummary: the Summary tab's report on an opened trace file (what the file holds, how
// its time was spent, its busiest tracks) as HTML in the window's language. Formatting only:
// the numbers are core's TraceOverview, made when the file was read.
#pragma once

#include "analysis/trace_overview.h"
#include "patterns/run_result.h"

#include <QCoreApplication>
#include <QString>

namespace tasklane {

class OpenedTraceSummary {
    Q_DECLARE_TR_FUNCTIONS(tasklane::OpenedTraceSummary)

public:
    // `path` and `size` are the file's; `run` its trace, with Tasklane's metrics of it.
    // Speedup and the sequential estimate are Tasklane's measures of tasks; they are shown
    // only when the file has tasks (Tasklane's own traces do).
    static QString html(const QString& path, qint64 size, const RunResult& run,
                        const TraceOverview& overview);
};

} // namespace tasklane
