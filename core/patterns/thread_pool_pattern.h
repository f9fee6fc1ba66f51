// The tutorial's section 4.1: ThreadPoolExecutor().map(square, [1, 2, 3, 4, 5]), with
// optional CPU and I/O work per task and the GIL model on or off.
#pragma once

#include "patterns/pattern.h"

namespace tasklane {

class ThreadPoolPattern final : public Pattern {
public:
    std::string id() const override { return "thread-pool"; }
    std::string section() const override { return "4.1"; }
    std::string title() const override { return "ThreadPoolExecutor.map"; }
    std::string tutorialHeading() const override { return "스레드 풀 사용"; }
    std::string description() const override;
    std::vector<ParamSpec> params() const override;
    std::string pythonCode(const Params& params) const override;
    Params lessonParams() const override;
    RunResult run(const Params& params, RunControl& control) const override;
    double taskOverheadMs(const Params& params) const override;
    double cpuParallelism(const Params& params) const override;
};

} // namespace tasklane
