// Benchmarks of the core: the cost of recording a trace event (one and two threads), the
// memory each stored event takes, and ThreadPoolExecutor(2).map over 100 000 square() as
// tests/bench/run_bench.sh compares with CPython's concurrent.futures.
#include "futures/thread_pool_executor.h"
#include "trace/trace_recorder.h"
#include "workload/workload.h"

#include <benchmark/benchmark.h>

#include <numeric>

using namespace tasklane;

namespace {

TraceRecorder* g_recorder = nullptr;

void makeRecorder(const benchmark::State&) {
    g_recorder = new TraceRecorder;
}
void dropRecorder(const benchmark::State&) {
    delete g_recorder;
    g_recorder = nullptr;
}

// The hot path as the executor uses it: timestamps in hand, one slice appended.
void BM_TraceRecord(benchmark::State& state) {
    const std::uint32_t track = std::uint32_t(state.thread_index());
    std::int64_t t = 0;
    for (auto _ : state) {
        g_recorder->slice(track, State::Running, t, t + 10, 1, 0, 0);
        t += 10;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TraceRecord)
    ->Setup(makeRecorder)
    ->Teardown(dropRecorder)
    ->Iterations(2'000'000)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime();

// The same with reading the clock, as a task's state change does.
void BM_TraceRecordWithClock(benchmark::State& state) {
    const std::uint32_t track = std::uint32_t(state.thread_index());
    for (auto _ : state) {
        const std::int64_t t = TraceRecorder::now();
        g_recorder->slice(track, State::Running, t, t + 10, 1, 0, 0);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TraceRecordWithClock)
    ->Setup(makeRecorder)
    ->Teardown(dropRecorder)
    ->Iterations(2'000'000)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime();

// Bytes the recorder holds per stored event, and after finish() in the Trace.
void BM_TraceMemory(benchmark::State& state) {
    const auto n = std::size_t(state.range(0));
    double recorderBytes = 0;
    double traceBytes = 0;
    for (auto _ : state) {
        TraceRecorder recorder;
        for (std::size_t i = 0; i < n; ++i)
            recorder.slice(0, State::Running, std::int64_t(i), std::int64_t(i + 1), 1, 0, 0);
        recorderBytes = double(recorder.bytesReserved()) / double(n);
        const Trace trace = recorder.finish();
        traceBytes = double(trace.events.capacity() * sizeof(TraceEvent)) / double(n);
    }
    state.counters["recorder_bytes_per_event"] = recorderBytes;
    state.counters["trace_bytes_per_event"] = traceBytes;
}
BENCHMARK(BM_TraceMemory)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

std::vector<long long> numbers(std::size_t n) {
    std::vector<long long> v(n);
    std::iota(v.begin(), v.end(), 0);
    return v;
}

// Python: with ThreadPoolExecutor(max_workers=2) as ex: list(ex.map(square, range(100_000)))
void BM_ThreadPoolMap100k(benchmark::State& state) {
    const auto items = numbers(100'000);
    const bool traced = state.range(0) != 0;
    for (auto _ : state) {
        TraceRecorder recorder;
        ThreadPoolExecutor::Options options;
        options.max_workers = 2;
        options.recorder = traced ? &recorder : nullptr;
        ThreadPoolExecutor executor(options);
        auto results = executor.map(workload::square, items);
        if (results.back() != 99'999LL * 99'999LL)
            state.SkipWithError("wrong result");
        benchmark::DoNotOptimize(results.data());
    }
}
BENCHMARK(BM_ThreadPoolMap100k)
    ->ArgName("traced")
    ->Arg(0)
    ->Arg(1)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

BENCHMARK_MAIN();
