// ExportSource: what an export writes, fixed when the export starts. The trace is shared, so a
// run or a file that replaces it on screen meanwhile leaves the export's copy whole; the chart's
// options (grouping, zoom, title: in the language of the moment) are a copy.
#pragma once

#include "chart/chart_exporter.h"
#include "trace/trace.h"

#include <QString>

#include <memory>

namespace tasklane {

struct ExportSource {
    std::shared_ptr<const Trace> trace;
    ChartOptions chart;
    QString stem; // what the file is named after by default: "tasklane-<stem>.png"
};

} // namespace tasklane
