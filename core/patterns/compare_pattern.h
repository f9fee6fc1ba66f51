// ComparePattern: the tutorial's closing table (section 5) made measurable. One workload,
// tasks x (cpu-ms of CPU work and/or io-ms of waiting), runs through five modes one after
// the other: sequential, a thread pool under the GIL, the same free-threaded, a process pool
// and asyncio (where CPU work blocks the loop and the waits are asyncio.sleep). The chart
// stacks the five on one time axis; the summary holds each mode's figures, and the
// conclusion says which won and why, from the measured numbers.
#pragma once

#include "patterns/pattern.h"

#include <QtGlobal>

#include <string>
#include <vector>

namespace tasklane {

// What the conclusion is drawn from: each mode's measured figures and the workload.
struct CompareInput {
    std::vector<ModeResult> modes; // sequential first
    double cpu_ms = 0;             // per task, after the time scale
    double io_ms = 0;
    int tasks = 0;
    int workers = 0;
    int cores = 0;
};

// A few sentences, from the numbers: the winner and by how much, why each mode did as it
// did in the tutorial's terms, and whether the tutorial's rule held here.
std::vector<std::string> compareConclusion(const CompareInput& input);
// The same sentences as translatable templates (context "tasklane::ComparePattern") with the
// numbers and mode titles as arguments; compareConclusion() is their render().
std::vector<TextMessage> compareConclusionMessages(const CompareInput& input);

class ComparePattern final : public Pattern {
public:
    // The modes' ids, as the summary's `modes` object keys them, in run order.
    static const std::vector<std::string>& modeIds();

    std::string id() const override { return "compare"; }
    std::string section() const override { return "5"; }
    std::string title() const override {
        return QT_TRANSLATE_NOOP("tasklane::Pattern", "CPU-bound vs I/O-bound");
    }
    std::string tutorialHeading() const override {
        return "병렬 처리와 비동기 프로그래밍의 차이점";
    }
    std::string description() const override;
    std::vector<ParamSpec> params() const override;
    std::string pythonCode(const Params& params) const override;
    Params lessonParams() const override;
    RunResult run(const Params& params, RunControl& control) const override;
    double expectedMs(const Params& params) const override;
};

} // namespace tasklane
