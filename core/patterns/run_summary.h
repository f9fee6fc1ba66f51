// The summary of one run as JSON, the form `tasklane-cli run --summary` writes and tests
// and scripts read: pattern, params, output, result, metrics, tracks and event count.
#pragma once

#include "patterns/params.h"
#include "patterns/run_result.h"

#include <QJsonObject>
#include <string>

namespace tasklane {

QJsonObject runSummary(const std::string& patternId, const Params& params, const RunResult& run);

// The same figures as a few lines of text for a person (`tasklane-cli run --stats`):
// makespan against the sequential estimate, speedup, efficiency, per-core utilisation, the
// time spent waiting by cause, and a comparison's modes.
std::vector<std::string> summaryLines(const RunResult& run);

} // namespace tasklane
