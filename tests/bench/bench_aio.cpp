// Benchmarks of the asyncio layer, each the same work as a case of ../shared/bench/pyref.py:
//   gather_100k_sleep0    asyncio.run(main()) gathering 100 000 coroutines `await sleep(0)`
//   gather_10k_sleep10ms  the same with 10 000 coroutines `await sleep(0.01)`
//   sleep_overshoot       200 sequential sleep(1 ms) in one loop: (elapsed - 1 ms), mean, p99
// plus the memory one suspended task costs, which pyref does not measure.
// asyncio.run creates and closes a loop inside pyref's timing, so the loop is made and
// destroyed inside each timed iteration here too.
#include "aio/event_loop.h"
#include "aio/gather.h"
#include "aio/sleep.h"
#include "aio/task.h"
#include "concurrency/python_error.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <new>
#include <numeric>
#include <vector>

#include <malloc.h>

using namespace tasklane;
using namespace std::chrono_literals;

// Live heap bytes and allocation counts, only while g_counting is set (one relaxed load per
// allocation otherwise, so the other benchmarks in this executable are not disturbed). The
// usable size is counted on both sides so a free matches its allocation exactly.
namespace {
std::atomic<bool> g_counting{false};
std::atomic<long long> g_liveBytes{0};
std::atomic<long long> g_allocations{0};

void* countedAlloc(std::size_t n) {
    void* p = std::malloc(n ? n : 1);
    if (p && g_counting.load(std::memory_order_relaxed)) {
        g_liveBytes.fetch_add(static_cast<long long>(malloc_usable_size(p)),
                              std::memory_order_relaxed);
        g_allocations.fetch_add(1, std::memory_order_relaxed);
    }
    return p;
}

void countedFree(void* p) noexcept {
    if (p && g_counting.load(std::memory_order_relaxed)) {
        g_liveBytes.fetch_sub(static_cast<long long>(malloc_usable_size(p)),
                              std::memory_order_relaxed);
        g_allocations.fetch_sub(1, std::memory_order_relaxed);
    }
    std::free(p);
}
} // namespace

void* operator new(std::size_t n) {
    if (void* p = countedAlloc(n))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    if (void* p = countedAlloc(n))
        return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    return countedAlloc(n);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    return countedAlloc(n);
}
void operator delete(void* p) noexcept {
    countedFree(p);
}
void operator delete[](void* p) noexcept {
    countedFree(p);
}
void operator delete(void* p, std::size_t) noexcept {
    countedFree(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    countedFree(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    countedFree(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    countedFree(p);
}

namespace {

// Python: async def _sleep(delay): await asyncio.sleep(delay)
Task<void> sleepFor(std::chrono::nanoseconds delay) {
    co_await sleep(delay);
}

// Python: async def main(): await asyncio.gather(*(_sleep(delay) for _ in range(n)))
Task<void> gatherSleeps(int n, std::chrono::nanoseconds delay) {
    std::vector<Task<void>> tasks;
    tasks.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i)
        tasks.push_back(sleepFor(delay));
    co_await gather(std::move(tasks));
}

// Python: asyncio.run(main()), timed as a whole.
void BM_AioGather(benchmark::State& state) {
    const int n = int(state.range(0));
    const auto delay = std::chrono::microseconds(state.range(1));
    for (auto _ : state) {
        EventLoop loop;
        loop.run(gatherSleeps(n, delay));
    }
    state.SetItemsProcessed(state.iterations() * n);
}
// gather_100k_sleep0
BENCHMARK(BM_AioGather)
    ->Name("BM_AioGather100kSleep0")
    ->Args({100'000, 0})
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
// gather_10k_sleep10ms: the goal is the whole run within 10 ms + 5 ms.
BENCHMARK(BM_AioGather)
    ->Name("BM_AioGather10kSleep10ms")
    ->Args({10'000, 10'000})
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Python's sleep_overshoot_us(): t = perf_counter(); await sleep(0.001); the overshoot is
// perf_counter() - t - 1 ms. 200 sleeps per iteration, as there; the mean and the p99 (the
// same order statistic, sorted[int(0.99 * 200) - 1]) are counters, and the repetitions'
// median is what report.py takes.
Task<std::vector<double>> overshoots(int n) {
    std::vector<double> out;
    out.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        const auto t = std::chrono::steady_clock::now();
        co_await sleep(1ms);
        const auto slept = std::chrono::steady_clock::now() - t;
        out.push_back(std::chrono::duration<double, std::micro>(slept - 1ms).count());
    }
    co_return out;
}

void BM_AioSleepOvershoot(benchmark::State& state) {
    constexpr int n = 200;
    double mean = 0;
    double p99 = 0;
    double worst = 0;
    for (auto _ : state) {
        EventLoop loop;
        auto over = loop.run(overshoots(n));
        std::sort(over.begin(), over.end());
        mean = std::accumulate(over.begin(), over.end(), 0.0) / n;
        p99 = over[std::size_t(0.99 * n) - 1];
        worst = over.back();
        if (over.front() < 0)
            state.SkipWithError("a sleep(1 ms) returned early");
    }
    state.counters["overshoot_mean_us"] = mean;
    state.counters["overshoot_p99_us"] = p99;
    state.counters["overshoot_max_us"] = worst;
}
BENCHMARK(BM_AioSleepOvershoot)
    ->Iterations(1)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// What one suspended task costs: 100 000 tasks gathered, each suspended in a long sleep
// (a timer each, as a sleeping asyncio task has), measured once all of them are parked.
// Everything their being there allocated counts: the coroutine frame with the task's state
// (one block), the loop's timer and ready rings, gather's vectors (with their spare
// capacity). Two measures: the heap bytes requested through operator new (usable sizes),
// and glibc's mallinfo2() in-use bytes, which also count the allocator's own headers; the
// goal is judged on the latter.
struct MemoryProbe {
    long long liveBytes = 0;
    long long allocations = 0;
    std::size_t mallinfoBytes = 0;
};

std::size_t heapInUse() {
    const struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

Task<void> measureSuspended(int n, MemoryProbe* before, MemoryProbe* during) {
    before->mallinfoBytes = heapInUse();
    before->liveBytes = g_liveBytes.load();
    before->allocations = g_allocations.load();
    std::vector<Task<void>> tasks;
    tasks.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i)
        tasks.push_back(sleepFor(1h));
    Task<std::vector<std::monostate>> all = create_task(gather(std::move(tasks)), "gather");
    // Two rounds: the gather task schedules the sleepers, their first steps suspend them.
    co_await sleep(0ms);
    co_await sleep(0ms);
    during->mallinfoBytes = heapInUse();
    during->liveBytes = g_liveBytes.load();
    during->allocations = g_allocations.load();
    all.cancel();
    try {
        co_await all;
    } catch (const CancelledError&) {
    }
}

void BM_AioMemoryPerSuspendedTask(benchmark::State& state) {
    const int n = int(state.range(0));
    MemoryProbe before;
    MemoryProbe during;
    for (auto _ : state) {
        EventLoop loop;
        g_liveBytes = 0;
        g_allocations = 0;
        g_counting = true;
        loop.run(measureSuspended(n, &before, &during));
        g_counting = false;
        if (loop.pendingTasks() != 0)
            state.SkipWithError("tasks left pending");
    }
    state.counters["bytes_per_task"] =
        double(std::int64_t(during.mallinfoBytes) - std::int64_t(before.mallinfoBytes)) / n;
    state.counters["requested_bytes_per_task"] = double(during.liveBytes - before.liveBytes) / n;
    state.counters["allocations_per_task"] = double(during.allocations - before.allocations) / n;
}
BENCHMARK(BM_AioMemoryPerSuspendedTask)
    ->Arg(100'000)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);

} // namespace
