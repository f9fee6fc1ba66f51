// CommandLine: `tasklane-cli list | run | render`, the window's runs without a window.
// stdout carries only what the Python program would print; problems go to stderr as one
// line. Exit codes: 0 success, 1 a run or a write failed, 2 bad usage or bad input.
#pragma once

#include <QStringList>

namespace tasklane {

class CommandLine {
public:
    enum Exit { Ok = 0, RunFailed = 1, Usage = 2 };
    int exec(const QStringList& arguments);
};

} // namespace tasklane
