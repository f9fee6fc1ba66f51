#include "patterns/run_summary.h"

#include "analysis/shown_speedup.h"
#include "text/qt_text.h"

#include <QJsonArray>

#include <cstdio>

namespace tasklane {

namespace {

QJsonValue toJson(const ParamValue& value) {
    if (const auto* i = std::get_if<long long>(&value))
        return double(*i);
    if (const auto* d = std::get_if<double>(&value))
        return *d;
    if (const auto* s = std::get_if<std::string>(&value))
        return qs(*s);
    QJsonArray list;
    for (long long v : std::get<std::vector<long long>>(value))
        list.append(double(v));
    return list;
}
} // namespace

QJsonObject runSummary(const std::string& patternId, const Params& params, const RunResult& run) {
    QJsonObject params_;
    for (const auto& [name, value] : params.values())
        params_.insert(qs(name), toJson(value));
    QJsonArray output;
    for (const auto& line : run.output)
        output.append(qs(line));
    QJsonArray tracks;
    for (const Track& t : run.trace.tracks)
        tracks.append(QJsonObject{{QStringLiteral("name"), qs(t.name)},
                                  {QStringLiteral("kind"), qs(std::string(trackKindName(t.kind)))},
                                  {QStringLiteral("pid"), double(t.pid)},
                                  {QStringLiteral("tid"), double(t.tid)}});
    QJsonArray utilisation;
    for (double u : run.metrics.core_utilisation)
        utilisation.append(u);
    const Metrics& m = run.metrics;
    QJsonObject summary{
        {QStringLiteral("pattern"), qs(patternId)},
        {QStringLiteral("params"), params_},
        {QStringLiteral("output"), output},
        {QStringLiteral("result"), qs(run.result)},
        {QStringLiteral("makespan_ms"), m.makespan_ms},
        {QStringLiteral("sequential_ms"), m.sequential_ms},
        {QStringLiteral("speedup"), m.speedup},
        {QStringLiteral("efficiency"), m.efficiency},
        {QStringLiteral("overlapped_waits"), m.overlapped_waits},
        {QStringLiteral("cores_used"), m.cores_used},
        {QStringLiteral("core_utilisation"), utilisation},
        {QStringLiteral("gil_wait_ms"), m.gil_wait_ms},
        {QStringLiteral("queued_ms"), m.queued_ms},
        {QStringLiteral("lock_wait_ms"), m.lock_wait_ms},
        {QStringLiteral("spawning_ms"), m.spawning_ms},
        {QStringLiteral("core_wait_ms"), m.core_wait_ms},
        {QStringLiteral("running_ms"), m.running_ms},
        {QStringLiteral("tracks"), tracks},
        {QStringLiteral("events"), double(run.trace.events.size())},
    };
    if (!run.modes.empty()) {
        QJsonObject modes;
        for (const ModeResult& mode : run.modes) {
            QJsonArray cores;
            for (double u : mode.metrics.core_utilisation)
                cores.append(u);
            modes.insert(
                qs(mode.id),
                QJsonObject{{QStringLiteral("title"), qs(mode.title)},
                            {QStringLiteral("makespan_ms"), mode.metrics.makespan_ms},
                            {QStringLiteral("speedup"), mode.metrics.speedup},
                            {QStringLiteral("efficiency"), mode.metrics.efficiency},
                            {QStringLiteral("overlapped_waits"), mode.metrics.overlapped_waits},
                            {QStringLiteral("cores_used"), mode.metrics.cores_used},
                            {QStringLiteral("core_utilisation"), cores},
                            {QStringLiteral("gil_wait_ms"), mode.metrics.gil_wait_ms},
                            {QStringLiteral("spawning_ms"), mode.metrics.spawning_ms},
                            {QStringLiteral("queued_ms"), mode.metrics.queued_ms}});
        }
        summary.insert(QStringLiteral("modes"), modes);
    }
    if (!run.conclusion.empty()) {
        QJsonArray conclusion;
        for (const auto& sentence : run.conclusion)
            conclusion.append(qs(sentence));
        summary.insert(QStringLiteral("conclusion"), conclusion);
    }
    return summary;
}

namespace {

template <typename... Values> std::string format(const char* pattern, Values... values) {
    char line[256];
    std::snprintf(line, sizeof line, pattern, values...);
    return std::string(line);
}

// ", 8 waits overlapped on 1 core" where more waits overlapped than workers could run: what
// an efficiency held to 100 % leaves unsaid.
std::string overlapText(const Metrics& m) {
    if (!waitsOverlapped(m))
        return {};
    // On the cores that could run at once: a run of sleeps keeps none busy 5 % of the time.
    if (m.parallelism <= 0)
        return format(", %d waits overlapped", m.overlapped_waits);
    return format(", %d waits overlapped on %d core%s", m.overlapped_waits, m.parallelism,
                  m.parallelism == 1 ? "" : "s");
}

} // namespace

std::vector<std::string> summaryLines(const RunResult& run) {
    const Metrics& m = run.metrics;
    std::vector<std::string> out;
    out.push_back(format("makespan %.1f ms, sequential estimate %.1f ms: speedup %sx, "
                         "efficiency %.0f %%",
                         m.makespan_ms, m.sequential_ms, speedupNumber(m.speedup).c_str(),
                         m.efficiency * 100) +
                  overlapText(m));
    std::string cores = format("cores used %d:", m.cores_used);
    for (std::size_t c = 0; c < m.core_utilisation.size(); ++c)
        cores += format(" CPU %zu %.0f %%", c, m.core_utilisation[c] * 100);
    out.push_back(cores);
    out.push_back(format("running %.1f ms, waiting for a core %.1f ms (summed over threads)",
                         m.running_ms, m.core_wait_ms));
    out.push_back(format("waiting: gil-wait %.1f ms, lock-wait %.1f ms, spawning %.1f ms, "
                         "queued %.1f ms (summed over tasks)",
                         m.gil_wait_ms, m.lock_wait_ms, m.spawning_ms, m.queued_ms));
    for (const ModeResult& mode : run.modes)
        out.push_back(format("  %-24s %8.1f ms  %5sx  efficiency %3.0f %%", mode.title.c_str(),
                             mode.metrics.makespan_ms, speedupNumber(mode.metrics.speedup).c_str(),
                             mode.metrics.efficiency * 100) +
                      overlapText(mode.metrics));
    const std::size_t events = run.trace.events.size();
    const std::size_t tracks = run.trace.tracks.size();
    out.push_back(format("%zu event%s on %zu track%s", events, events == 1 ? "" : "s", tracks,
                         tracks == 1 ? "" : "s"));
    return out;
}

} // namespace tasklane
