#include "patterns/async_patterns.h"

#include "aio/aio.h"
#include "trace/trace_recorder.h"

#include <sstream>

namespace tasklane {

namespace {

using Nanos = std::chrono::nanoseconds;

Nanos scaledMs(double ms, double scale) {
    return Nanos(static_cast<std::int64_t>(ms * scale * 1e6));
}

std::string seconds(double ms) {
    std::ostringstream s;
    s << ms / 1000;
    return s.str();
}

// Coroutine parameters are taken by value: they live in the coroutine's frame.
Task<void> sayHello(Nanos delay) {
    print("Hello!");
    co_await sleep(delay);
    print("Goodbye!");
}

Task<void> namedTask(std::string name, Nanos delay) {
    print("Task " + name + " 시작");
    co_await sleep(delay);
    print("Task " + name + " 완료");
}

Task<void> gatherAll(std::vector<std::string> names, std::vector<Nanos> delays) {
    std::vector<Task<void>> tasks;
    for (std::size_t i = 0; i < names.size(); ++i)
        tasks.push_back(create_task(namedTask(names[i], delays[i]), "Task " + names[i]));
    co_await gather(std::move(tasks));
}

std::string taskName(std::size_t i) {
    return i < 26 ? std::string(1, char('A' + i)) : "T" + std::to_string(i + 1);
}

// Runs `main` on a traced event loop; the sequential estimate is what the coroutines wait
// for back to back (their sleeps), since their own steps take microseconds.
RunResult runOnLoop(Task<void> main, double sequentialMs, int parallelism,
                    const RunControl& control) {
    if (control.stopRequested())
        throw RunStopped{};
    TraceRecorder recorder;
    RunResult out;
    std::int64_t begin = 0;
    std::int64_t end = 0;
    {
        EventLoop loop(&recorder);
        begin = TraceRecorder::now();
        loop.run(std::move(main));
        end = TraceRecorder::now();
        out.output = loop.printed();
    }
    out.trace = recorder.finish();
    out.metrics = computeMetrics(out.trace, begin, end, parallelism);
    out.metrics.sequential_ms = sequentialMs;
    out.metrics.speedup = out.metrics.makespan_ms > 0 ? sequentialMs / out.metrics.makespan_ms : 0;
    out.metrics.efficiency = parallelism > 0 ? out.metrics.speedup / parallelism : 0;
    return out;
}

} // namespace

// --- async-hello (3.1) ---------------------------------------------------------------------

std::string AsyncHelloPattern::description() const {
    return "One coroutine prints, awaits asyncio.sleep (the loop is free meanwhile), prints "
           "again.";
}

std::vector<ParamSpec> AsyncHelloPattern::params() const {
    return {
        {"io-ms",
         ParamKind::Double,
         0,
         60'000,
         1000.0,
         "the await asyncio.sleep(1) in between",
         "ms",
         {}},
        {"time-scale", ParamKind::Double, 0.01, 10, 1.0, "multiplies every duration", "", {}},
    };
}

std::string AsyncHelloPattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    const double ms = p.number("io-ms") * p.number("time-scale");
    return "import asyncio\n\n\nasync def say_hello():\n    print(\"Hello!\")\n"
           "    await asyncio.sleep(" +
           seconds(ms) + ")\n    print(\"Goodbye!\")\n\n\nasyncio.run(say_hello())\n";
}

RunResult AsyncHelloPattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const double ms = p.number("io-ms") * p.number("time-scale");
    return runOnLoop(sayHello(scaledMs(p.number("io-ms"), p.number("time-scale"))), ms, 1, control);
}

// --- async-gather (3.2) --------------------------------------------------------------------

std::string AsyncGatherPattern::description() const {
    return "Three coroutines sleep at once on one thread: the whole takes about the longest "
           "delay, not the sum.";
}

std::vector<ParamSpec> AsyncGatherPattern::params() const {
    return {
        {"delays",
         ParamKind::IntList,
         0,
         60'000,
         std::vector<long long>{2000, 1000, 3000},
         "each task's asyncio.sleep, in order: task A, B, C, ...",
         "ms",
         {}},
        {"time-scale", ParamKind::Double, 0.01, 10, 1.0, "multiplies every duration", "", {}},
    };
}

std::string AsyncGatherPattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    const auto& delays = p.list("delays");
    const double scale = p.number("time-scale");
    std::ostringstream py;
    py << "import asyncio\n\n\nasync def task(name, delay):\n    print(f\"Task {name} 시작\")\n"
          "    await asyncio.sleep(delay)\n    print(f\"Task {name} 완료\")\n\n\n"
          "async def main():\n    await asyncio.gather(\n";
    for (std::size_t i = 0; i < delays.size(); ++i)
        py << "        task(\"" << taskName(i) << "\", " << seconds(double(delays[i]) * scale)
           << ")" << (i + 1 < delays.size() ? "," : "") << "\n";
    py << "    )\n\n\nasyncio.run(main())\n";
    return py.str();
}

RunResult AsyncGatherPattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const auto& delays = p.list("delays");
    const double scale = p.number("time-scale");
    std::vector<std::string> names;
    std::vector<Nanos> waits;
    double sum = 0;
    for (std::size_t i = 0; i < delays.size(); ++i) {
        names.push_back(taskName(i));
        waits.push_back(scaledMs(double(delays[i]), scale));
        sum += double(delays[i]) * scale;
    }
    const int n = int(delays.size());
    return runOnLoop(gatherAll(std::move(names), std::move(waits)), sum, n, control);
}

} // namespace tasklane
