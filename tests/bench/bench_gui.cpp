// The window's chart when a million-task trace is regrouped (issue 6, item 2: it "stays
// interactive"). GanttView builds the new rows on a worker thread and keeps drawing the old
// ones; what the GUI thread still does is the setGroupBy call and, when the rows land, the
// new layout and selection statistics.
//   Regroup/*   per grouping change of the thread-pool trace (1M tasks, about 3M slices):
//               call_ms    the setGroupBy call itself, on the GUI thread;
//               stall_ms   the longest the event loop was busy in one go from the call until
//                          the new rows are laid out (the freeze a user could notice);
//               landed_ms  the call until the new rows are on screen (the time iterated).
//               Goal: stall <= 50 ms, as a layout rebuild (before: the whole regroup, about
//               370 ms, blocked the window).
//
// Run: QT_QPA_PLATFORM=offscreen build/<dir>/tests/bench/tasklane_bench_gui
#include "gantt_view.h"
#include "patterns/pattern_registry.h"
#include "patterns/run_control.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QThread>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

using namespace tasklane;

namespace {

std::shared_ptr<const Trace> threadPoolTrace() {
    static const std::shared_ptr<const Trace> trace = [] {
        const Pattern* pattern = PatternRegistry::instance().find("thread-pool");
        Params params;
        params.set("tasks", 1'000'000LL);
        RunControl control;
        return std::make_shared<const Trace>(pattern->run(params, control).trace);
    }();
    return trace;
}

// Runs the event loop until the view has the rows it was asked for and has laid them out;
// returns the longest single pass of the event loop, in ms.
double settle(GanttView& view) {
    double stall = 0;
    const auto pass = [&] {
        QElapsedTimer t;
        t.start();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        stall = std::max(stall, double(t.nsecsElapsed()) / 1e6);
    };
    while (view.isRegrouping()) {
        pass();
        QThread::usleep(200);
    }
    for (int i = 0; i < 3; ++i) // the layout is built on the next pass after the rows land
        pass();
    return stall;
}

void BM_Regroup(benchmark::State& state) {
    const std::shared_ptr<const Trace> trace = threadPoolTrace();
    GanttView view;
    view.resize(1600, 900);
    view.setGroupBy(GroupBy::Both);
    view.setTrace(trace);
    (void)view.layout();
    const GroupBy cycle[] = {GroupBy::Worker, GroupBy::Core, GroupBy::Both};
    double call = 0, stall = 0;
    int n = 0;
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        view.setGroupBy(cycle[n % 3]);
        call = std::max(call, double(t.nsecsElapsed()) / 1e6);
        stall = std::max(stall, settle(view));
        state.SetIterationTime(double(t.nsecsElapsed()) / 1e9);
        ++n;
    }
    std::size_t slices = 0;
    for (const TraceEvent& e : trace->events)
        slices += e.isSlice() ? 1 : 0;
    state.counters["slices"] = double(slices);
    state.counters["call_ms_max"] = call;
    state.counters["stall_ms_max"] = stall;
    state.SetLabel("thread-pool 1M tasks, worker -> core -> both");
}

BENCHMARK(BM_Regroup)->UseManualTime()->Iterations(6)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    setenv("QT_QPA_PLATFORM", "offscreen", 0); // widgets, but nothing is shown
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
