// The tutorial's asyncio examples (sections 3.1 and 3.2) on Tasklane's event loop:
//   AsyncHelloPattern   asyncio.run(say_hello()): Hello!, sleep, Goodbye!
//   AsyncGatherPattern  asyncio.gather(task("A", 2), task("B", 1), task("C", 3))
#pragma once

#include "patterns/pattern.h"

namespace tasklane {

class AsyncHelloPattern final : public Pattern {
public:
    std::string id() const override { return "async-hello"; }
    std::string section() const override { return "3.1"; }
    std::string title() const override { return "asyncio.run"; }
    std::string tutorialHeading() const override { return "asyncio 기본 사용법"; }
    std::string description() const override;
    std::vector<ParamSpec> params() const override;
    std::string pythonCode(const Params& params) const override;
    RunResult run(const Params& params, RunControl& control) const override;
};

class AsyncGatherPattern final : public Pattern {
public:
    std::string id() const override { return "async-gather"; }
    std::string section() const override { return "3.2"; }
    std::string title() const override { return "asyncio.gather"; }
    std::string tutorialHeading() const override { return "여러 작업 동시에 실행"; }
    std::string description() const override;
    std::vector<ParamSpec> params() const override;
    std::string pythonCode(const Params& params) const override;
    RunResult run(const Params& params, RunControl& control) const override;
};

} // namespace tasklane
