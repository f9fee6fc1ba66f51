// The tutorial's asyncio examples (sections 3.1 to 3.3) on Tasklane's event loop:
//   AsyncHelloPattern   asyncio.run(say_hello()): Hello!, sleep, Goodbye!
//   AsyncGatherPattern  asyncio.gather(task("A", 2), task("B", 1), task("C", 3))
//   AsyncFilePattern    aiofiles: write "비동기 파일 작성!" into files, read them back
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
    Params lessonParams() const override;
    RunResult run(const Params& params, RunControl& control) const override;
};

// Writes `files` files of `bytes` bytes each into `out-dir` (or, when it is empty, into a
// new run folder under the temp location, which stays as the run's output), at most
// `concurrency` at once, through the loop's async files; reads each back and checks it.
// The content is the tutorial's text; a bigger file repeats it on further lines and pads
// the last bytes with '.' (fileContent).
class AsyncFilePattern final : public Pattern {
public:
    std::string id() const override { return "async-file"; }
    std::string section() const override { return "3.3"; }
    std::string title() const override { return "aiofiles"; }
    std::string tutorialHeading() const override { return "비동기 파일 처리"; }
    std::string description() const override;
    std::vector<ParamSpec> params() const override;
    std::string pythonCode(const Params& params) const override;
    Params lessonParams() const override;
    RunResult run(const Params& params, RunControl& control) const override;
    double expectedMs(const Params& params) const override;

    static constexpr const char* kText = "비동기 파일 작성!"; // 24 bytes in UTF-8
    // What each file holds for `bytes` (at least the text's size): the text, "\n" + the text
    // as often as it fits whole, then '.' up to `bytes`. Always valid UTF-8.
    static std::string fileContent(long long bytes);
    // example.txt for a single file; example01.txt... zero-padded to sort, for more.
    static std::string fileName(long long index, long long files);
    // The prefix of the run folders the pattern makes: <temp>/tasklane-async-file-...
    static constexpr const char* kRunFolderPrefix = "tasklane-async-file-";
};

} // namespace tasklane
