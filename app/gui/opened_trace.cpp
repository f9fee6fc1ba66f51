#include "opened_trace.h"

#include "run_controller.h"
#include "text/qt_text.h"

#include <QFileInfo>

#include <algorithm>

namespace tasklane {

std::vector<std::string> instantLines(const Trace& trace) {
    // Through QString, as the Output tab shows them: a label that is not valid UTF-8 is
    // counted (for the cut note) as the characters it is shown as.
    std::vector<std::pair<std::int64_t, QString>> instants;
    for (const TraceEvent& e : trace.events)
        if (e.type == EventType::Instant)
            instants.emplace_back(e.begin_ns, qs(trace.label(e)));
    std::stable_sort(instants.begin(), instants.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> lines;
    lines.reserve(instants.size());
    for (const auto& [at, label] : instants)
        lines.push_back(label.toStdString());
    return lines;
}

OpenedTrace OpenedTrace::read(const QString& path, GroupBy groupBy, const QLocale& locale,
                              quint64 languageGeneration) {
    OpenedTrace out;
    out.languageGeneration = languageGeneration;
    out.size = QFileInfo(path).size();
    std::optional<Trace> trace = ChromeTraceReader::read(path, &out.error);
    if (!trace)
        return out;
    auto result = std::make_shared<RunResult>();
    result->trace = std::move(*trace);
    const Trace& t = result->trace;
    auto overview = std::make_shared<TraceOverview>(overviewOf(t));
    result->metrics = overview->metrics;
    out.outputText =
        RunController::outputText(instantLines(t), RunController::kOutputDisplayLimit, locale);
    out.rows = std::make_shared<GanttRows>(t, groupBy);
    out.overview = std::move(overview);
    out.result = std::move(result);
    return out;
}

} // namespace tasklane
