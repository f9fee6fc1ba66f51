// Benchmarks of the multiprocessing primitives, each the same work as a case of
// ../shared/bench/pyref.py, so run_bench.sh can print the ratio to CPython's.
#include "futures/process_pool_executor.h"
#include "mp/pool.h"
#include "mp/process.h"
#include "mp/shared_value.h"

#include <benchmark/benchmark.h>

#include <numeric>

using namespace tasklane;

namespace {

// Python: p = ctx.Process(target=empty); p.start(); p.join()
void BM_ProcessStartJoin(benchmark::State& state) {
    Process::Options options;
    options.start_method = state.range(0) == 0 ? StartMethod::Fork : StartMethod::Spawn;
    options.name = "bench";
    for (auto _ : state) {
        Process p(TaskCall{"cpu", {0}}, options);
        p.start();
        p.join();
        if (p.exitcode() != 0)
            state.SkipWithError("the process failed");
    }
}
BENCHMARK(BM_ProcessStartJoin)
    ->ArgName("spawn")
    ->Arg(0)
    ->Arg(1)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

std::vector<long long> range(long long n) {
    std::vector<long long> v(static_cast<std::size_t>(n));
    std::iota(v.begin(), v.end(), 0);
    return v;
}

// Python: with Pool(2) as pool: pool.map(square, range(1_000_000))
void BM_PoolMap1M(benchmark::State& state) {
    const auto items = range(1'000'000);
    for (auto _ : state) {
        Pool pool(2, StartMethod::Fork);
        const auto results = pool.map("square", items);
        if (results.back() != 999'999LL * 999'999LL)
            state.SkipWithError("wrong result");
    }
}
BENCHMARK(BM_PoolMap1M)
    ->Iterations(3)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Python: with ProcessPoolExecutor(2) as ex: list(ex.map(square, range(10_000)))
void BM_ProcessPoolMap10k(benchmark::State& state) {
    const auto items = range(10'000);
    for (auto _ : state) {
        ProcessPoolExecutor executor(2, StartMethod::Fork);
        const auto results = executor.map("square", items);
        if (results.back() != 9'999LL * 9'999LL)
            state.SkipWithError("wrong result");
    }
}
BENCHMARK(BM_ProcessPoolMap10k)
    ->Iterations(3)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Python: 2 processes, each 100 000 x `with value.get_lock(): value.value += 1`
void BM_SharedValue2x100kLocked(benchmark::State& state) {
    for (auto _ : state) {
        SharedValue<long long> value(0);
        Process::Options options;
        options.name = "bench";
        options.shared_value = &value;
        Process a(TaskCall{"increment", {100'000, 1}}, options);
        Process b(TaskCall{"increment", {100'000, 1}}, options);
        a.start();
        b.start();
        a.join();
        b.join();
        if (value.value() != 200'000)
            state.SkipWithError("lost an update under the lock");
    }
}
BENCHMARK(BM_SharedValue2x100kLocked)
    ->Iterations(3)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace
