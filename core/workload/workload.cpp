#include "workload/workload.h"

#include "trace/trace_recorder.h"
#include "workload/task_context.h"

#include <algorithm>
#include <ctime>
#include <thread>

namespace tasklane::workload {

std::chrono::nanoseconds fromMs(double ms) {
    return std::chrono::nanoseconds(static_cast<std::int64_t>(ms * 1e6));
}

namespace {
std::int64_t threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
} // namespace

namespace {
thread_local const std::atomic<bool>* t_stop = nullptr;

bool stopping() {
    return t_stop != nullptr && t_stop->load(std::memory_order_relaxed);
}
} // namespace

StopScope::StopScope(const std::atomic<bool>* flag)
    : previous_(t_stop) {
    t_stop = flag;
}

StopScope::~StopScope() {
    t_stop = previous_;
}

std::uint64_t cpu(std::chrono::nanoseconds duration) {
    TaskContext* ctx = TaskContext::current();
    std::uint64_t x = 0x9E3779B97F4A7C15ull;
    // The amount of work is N ms of this thread's CPU time, not of wall time: a thread that
    // waits for the GIL or shares a core with others takes longer, as real code does.
    std::int64_t left = duration.count();
    // Wall first, CPU clock last, and the other way round at each check, so that the wall
    // interval holds the CPU one: a thread is most often preempted on the way out of a system
    // call (reading its CPU clock is one), and a gap between the two readings must count.
    std::int64_t wall = TraceRecorder::now();
    std::int64_t used = threadCpuNs();
    for (;;) {
        for (int i = 0; i < 4096; ++i) // about 10 µs of work between checks
            x = x * 6364136223846793005ull + 1442695040888963407ull;
        const std::int64_t usedNow = threadCpuNs();
        const std::int64_t wallNow = TraceRecorder::now();
        left -= usedNow - used;
        if (ctx != nullptr) {
            ctx->addCpuTime(usedNow - used);
            // Wall time that passed while the thread's CPU clock stood still: the kernel ran
            // someone else on this core, and the trace must not call that running.
            ctx->noteOffCore(wall, wallNow, usedNow - used);
        }
        used = usedNow;
        wall = wallNow;
        if (left <= 0)
            break;
        if (stopping())
            throw Interrupted{};
        if (ctx != nullptr) {
            ctx->noteCpu();
            if (ctx->maybeYieldGil()) {
                // The wait for the GIL is traced as such: the next gap is measured from here.
                wall = TraceRecorder::now();
                used = threadCpuNs();
            }
        }
    }
    return x;
}

void io(std::chrono::nanoseconds duration) {
    TaskContext* ctx = TaskContext::current();
    // Slept in short steps when the run can be stopped: a 10 s "I/O" must not hold Stop up.
    const auto sleep = [](std::chrono::nanoseconds total) {
        if (t_stop == nullptr) {
            std::this_thread::sleep_for(total);
            return;
        }
        const auto until = std::chrono::steady_clock::now() + total;
        for (;;) {
            if (stopping())
                throw Interrupted{};
            const auto left = until - std::chrono::steady_clock::now();
            if (left <= std::chrono::nanoseconds(0))
                return;
            std::this_thread::sleep_for(
                std::min<std::chrono::nanoseconds>(left, std::chrono::milliseconds(5)));
        }
    };
    if (ctx == nullptr) {
        sleep(duration);
        return;
    }
    const bool hadGil = ctx->holdsGil();
    // The running slice ends before the GIL is let go, and the next one starts only once it
    // is held again, so that under the GIL no two threads' running slices overlap.
    ctx->enter(State::Sleeping);
    ctx->releaseGil();
    sleep(duration);
    ctx->enter(hadGil ? State::GilWait : State::Running);
    if (hadGil)
        ctx->acquireGil();
}

} // namespace tasklane::workload
