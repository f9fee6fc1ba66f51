// OpenedTrace: what reading a trace file leaves for the window. Everything costly is prepared
// where the file is read, off the GUI thread: the trace with Tasklane's metrics of it, its
// chart rows, the lines it printed and the overview its summary reports; or why it was refused.
#pragma once

#include "analysis/trace_overview.h"
#include "chart/gantt_layout.h"
#include "patterns/run_result.h"
#include "trace/chrome_trace_reader.h"

#include <QLocale>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace tasklane {

struct OpenedTrace {
    std::shared_ptr<const RunResult> result; // null when the file was refused: see error
    std::shared_ptr<const GanttRows> rows;
    std::shared_ptr<const TraceOverview> overview; // for the Summary tab
    // Its instants, which are printed lines in Tasklane's traces, capped for display.
    QString outputText;
    qint64 size = 0;
    quint64 languageGeneration = 0; // Language::generation() when the read started
    ChromeTraceReader::Error error;

    // Reads `path` on the calling thread, with rows for `groupBy`. `locale` formats numbers:
    // the GUI thread's default may change while a worker reads.
    static OpenedTrace read(const QString& path, GroupBy groupBy, const QLocale& locale,
                            quint64 languageGeneration);
};

// A trace's instant events' labels in time order: the lines a Tasklane program printed.
std::vector<std::string> instantLines(const Trace& trace);

} // namespace tasklane
