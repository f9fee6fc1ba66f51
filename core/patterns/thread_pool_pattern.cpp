#include "patterns/thread_pool_pattern.h"

#include "futures/thread_pool_executor.h"
#include "gil/gil.h"
#include "patterns/python_repr.h"
#include "trace/trace_recorder.h"
#include "workload/workload.h"

#include <atomic>
#include <numeric>
#include <sstream>

namespace tasklane {

std::string ThreadPoolPattern::description() const {
    return "Threads of one process map square() over the numbers. With the GIL on (as in "
           "CPython) CPU work takes turns; I/O waits overlap.";
}

std::vector<ParamSpec> ThreadPoolPattern::params() const {
    return {
        {"workers",
         ParamKind::Int,
         1,
         64,
         (long long)ThreadPoolExecutor::defaultMaxWorkers(),
         "max_workers: threads in the pool (Python's default: min(32, cores + 4))",
         "",
         {}},
        {"tasks",
         ParamKind::Int,
         1,
         1'000'000,
         5LL,
         "how many numbers to map (the tutorial maps 1..5)",
         "",
         {}},
        {"cpu-ms",
         ParamKind::Double,
         0,
         10'000,
         0.0,
         "CPU work per task: real arithmetic on the thread's core",
         "ms",
         {}},
        {"io-ms",
         ParamKind::Double,
         0,
         10'000,
         0.0,
         "blocking I/O per task: a sleep, with the GIL released",
         "ms",
         {}},
        {"gil",
         ParamKind::Choice,
         0,
         0,
         std::string("on"),
         "the GIL model: on as in CPython, off as free-threaded Python",
         "",
         {"on", "off"}},
        {"time-scale",
         ParamKind::Double,
         0.01,
         10,
         1.0,
         "multiplies every duration (cpu-ms, io-ms)",
         "",
         {}},
    };
}

std::string ThreadPoolPattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    const double scale = p.number("time-scale");
    const double cpuMs = p.number("cpu-ms") * scale;
    const double ioMs = p.number("io-ms") * scale;
    const long long tasks = p.integer("tasks");
    const long long workers = p.integer("workers");
    std::ostringstream py;
    if (cpuMs > 0 || ioMs > 0)
        py << "import time\n";
    py << "from concurrent.futures import ThreadPoolExecutor\n\n";
    if (p.text("gil") == "off")
        py << "# Run with a free-threaded build (python3.13t -X gil=0) to match gil=off.\n\n";
    py << "\ndef square(n):\n";
    if (cpuMs > 0)
        py << "    end = time.thread_time() + " << cpuMs / 1000 << "  # " << cpuMs
           << " ms of CPU work\n    while time.thread_time() < end:\n        pass\n";
    if (ioMs > 0)
        py << "    time.sleep(" << ioMs / 1000 << ")  # " << ioMs << " ms of blocking I/O\n";
    py << "    return n ** 2\n\n\n";
    if (workers == ThreadPoolExecutor::defaultMaxWorkers())
        py << "with ThreadPoolExecutor() as executor:\n";
    else
        py << "with ThreadPoolExecutor(max_workers=" << workers << ") as executor:\n";
    if (tasks <= 10) {
        std::vector<long long> numbers(static_cast<std::size_t>(tasks));
        std::iota(numbers.begin(), numbers.end(), 1);
        py << "    numbers = " << pythonList(numbers) << "\n";
    } else {
        py << "    numbers = list(range(1, " << tasks + 1 << "))\n";
    }
    py << "    results = list(executor.map(square, numbers))\n"
          "    print(results)\n";
    return py.str();
}

RunResult ThreadPoolPattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const double scale = p.number("time-scale");
    const auto cpu = workload::fromMs(p.number("cpu-ms") * scale);
    const auto io = workload::fromMs(p.number("io-ms") * scale);
    const long long tasks = p.integer("tasks");
    const int workers = int(p.integer("workers"));

    TraceRecorder recorder;
    Gil gil(p.text("gil") == "on");
    const std::uint32_t mainTrack = recorder.addTrack(TrackKind::Main, "main");
    std::vector<long long> numbers(static_cast<std::size_t>(tasks));
    std::iota(numbers.begin(), numbers.end(), 1);
    std::atomic<long long> done{0};

    const auto square = [&](long long n) {
        if (control.stopRequested())
            throw RunStopped{};
        if (cpu.count() > 0)
            workload::cpu(cpu);
        if (io.count() > 0)
            workload::io(io);
        const long long result = workload::square(n);
        control.progress(done.fetch_add(1, std::memory_order_relaxed) + 1, tasks);
        return result;
    };

    const std::int64_t begin = TraceRecorder::now();
    std::vector<long long> results;
    {
        ThreadPoolExecutor executor(
            ThreadPoolExecutor::Options{workers, &recorder, &gil, mainTrack, "worker"});
        results = executor.map(square, numbers, "square");
    }
    const std::int64_t end = TraceRecorder::now();

    RunResult out;
    out.result = pythonList(results);
    out.output.push_back(out.result);
    recorder.instant(mainTrack, end, recorder.intern("print(results)"));
    out.trace = recorder.finish();
    out.metrics = computeMetrics(out.trace, begin, end, int(std::min<long long>(workers, tasks)));
    return out;
}

} // namespace tasklane
