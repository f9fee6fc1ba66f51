// The tutorial's multiprocessing and ProcessPoolExecutor examples (sections 2.1, 2.2, 2.3
// and 4.2), each run in real OS processes started by fork or spawn:
//   ProcessPattern      Process(target=print_numbers); start(); join()
//   PoolMapPattern      with Pool(4) as pool: pool.map(square, [1, 2, 3, 4, 5])
//   SharedValuePattern  5 processes increment Value('i', 0) under get_lock()
//   ProcessPoolPattern  ProcessPoolExecutor().map(cube, [1, 2, 3, 4, 5])
#pragma once

#include "patterns/pattern.h"

namespace tasklane {

class ProcessPattern final : public Pattern {
public:
    std::string id() const override { return "process"; }
    std::string section() const override { return "2.1"; }
    std::string title() const override { return "Process.start / join"; }
    std::string tutorialHeading() const override { return "기본 사용법"; }
    std::string description() const override;
    std::vector<ParamSpec> params() const override;
    std::string pythonCode(const Params& params) const override;
    Params lessonParams() const override;
    RunResult run(const Params& params, RunControl& control) const override;
    double expectedMs(const Params& params) const override;
    double startupMs(const Params& params) const override;
};

class PoolMapPattern final : public Pattern {
public:
    std::string id() const override { return "pool-map"; }
    std::string section() const override { return "2.2"; }
    std::string title() const override { return "Pool.map"; }
    std::string tutorialHeading() const override { return "프로세스 풀(Pool)"; }
    std::string description() const override;
    std::vector<ParamSpec> params() const override;
    std::string pythonCode(const Params& params) const override;
    Params lessonParams() const override;
    RunResult run(const Params& params, RunControl& control) const override;
    double startupMs(const Params& params) const override;
};

class SharedValuePattern final : public Pattern {
public:
    std::string id() const override { return "shared-value"; }
    std::string section() const override { return "2.3"; }
    std::string title() const override { return "Value + get_lock()"; }
    std::string tutorialHeading() const override { return "공유 메모리"; }
    std::string description() const override;
    std::vector<ParamSpec> params() const override;
    std::string pythonCode(const Params& params) const override;
    Params lessonParams() const override;
    RunResult run(const Params& params, RunControl& control) const override;
    double startupMs(const Params& params) const override;
};

class ProcessPoolPattern final : public Pattern {
public:
    std::string id() const override { return "process-pool"; }
    std::string section() const override { return "4.2"; }
    std::string title() const override { return "ProcessPoolExecutor.map"; }
    std::string tutorialHeading() const override { return "프로세스 풀 사용"; }
    std::string description() const override;
    std::vector<ParamSpec> params() const override;
    std::string pythonCode(const Params& params) const override;
    Params lessonParams() const override;
    RunResult run(const Params& params, RunControl& control) const override;
    double taskOverheadMs(const Params& params) const override;
    double startupMs(const Params& params) const override;
};

} // namespace tasklane
