#include "patterns/thread_pool_pattern.h"

#include "futures/thread_pool_executor.h"
#include "gil/gil.h"
#include "patterns/python_repr.h"
#include "patterns/python_template.h"
#include "patterns/stopped_run_keeper.h"
#include "trace/trace_recorder.h"
#include "workload/workload.h"

#include <QtGlobal> // QT_TRANSLATE_NOOP only marks: the window translates, core stays English

#include <atomic>
#include <numeric>
#include <sstream>

namespace tasklane {

std::string ThreadPoolPattern::description() const {
    return QT_TRANSLATE_NOOP(
        "tasklane::Pattern",
        "Threads of one process map square() over the numbers. With the GIL on (as in "
        "CPython) CPU work takes turns; I/O waits overlap.");
}

std::vector<ParamSpec> ThreadPoolPattern::params() const {
    return {
        {"workers",
         ParamKind::Int,
         1,
         64,
         (long long)ThreadPoolExecutor::defaultMaxWorkers(),
         QT_TRANSLATE_NOOP(
             "tasklane::ParamSpec",
             "max_workers: threads in the pool (Python's default: min(32, cores + 4))"),
         "",
         {}},
        {"tasks",
         ParamKind::Int,
         1,
         1'000'000,
         5LL,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                           "how many numbers to map (the tutorial maps 1..5)"),
         "",
         {}},
        {"cpu-ms",
         ParamKind::Double,
         0,
         10'000,
         0.0,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                           "CPU work per task: real arithmetic on the thread's core"),
         "ms",
         {}},
        {"io-ms",
         ParamKind::Double,
         0,
         10'000,
         0.0,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                           "blocking I/O per task: a sleep, with the GIL released"),
         "ms",
         {}},
        {"gil",
         ParamKind::Choice,
         0,
         0,
         std::string("on"),
         QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                           "the GIL model: on as in CPython, off as free-threaded Python"),
         "",
         {"on", "off"}},
        timeScaleParam(
            QT_TRANSLATE_NOOP("tasklane::ParamSpec", "multiplies every duration (cpu-ms, io-ms)")),
    };
}

// Eight CPU-bound tasks on four threads under the GIL: the threads take turns (the convoy),
// and the speedup stays near 1× however many threads there are.
Params ThreadPoolPattern::lessonParams() const {
    return {{"workers", 4LL}, {"tasks", 8LL}, {"cpu-ms", 50.0}, {"gil", std::string("on")}};
}

std::string ThreadPoolPattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    TemplateValues v = workTemplateValues(p);
    const long long tasks = p.integer("tasks");
    const long long workers = p.integer("workers");
    v["free_threaded"] = flag(p.text("gil") == "off");
    v["executor_args"] = workers == ThreadPoolExecutor::defaultMaxWorkers()
                             ? std::string()
                             : "max_workers=" + std::to_string(workers);
    if (tasks <= 10) {
        std::vector<long long> numbers(static_cast<std::size_t>(tasks));
        std::iota(numbers.begin(), numbers.end(), 1);
        v["numbers"] = pythonList(numbers);
    } else {
        v["numbers"] = "list(range(1, " + std::to_string(tasks + 1) + "))";
    }
    return renderPythonTemplate(id(), v);
}

// Measured on a loaded 2-core machine: 300,000 empty tasks in 1.6 s (a future, a queue
// hand-off and the trace's slices each); a sleep, however short, costs a timer's slack more.
double ThreadPoolPattern::taskOverheadMs(const Params& given) const {
    const Params p = withDefaults(given);
    return p.number("io-ms") > 0 ? 0.03 : 0.006;
}

// Under the GIL the threads' CPU work takes turns on one interpreter.
double ThreadPoolPattern::cpuParallelism(const Params& given) const {
    const Params p = withDefaults(given);
    return p.text("gil") == "on" ? 1 : Pattern::cpuParallelism(p);
}

RunResult ThreadPoolPattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const double scale = p.number("time-scale");
    const auto cpu = workload::fromMs(p.number("cpu-ms") * scale);
    const auto io = workload::fromMs(p.number("io-ms") * scale);
    const long long tasks = p.integer("tasks");
    const int workers = int(p.integer("workers"));

    TraceRecorder recorder;
    const StoppedRunKeeper keeper(control, recorder, int(std::min<long long>(workers, tasks)));
    Gil gil(p.text("gil") == "on");
    const std::uint32_t mainTrack = recorder.addTrack(TrackKind::Main, "main");
    std::vector<long long> numbers(static_cast<std::size_t>(tasks));
    std::iota(numbers.begin(), numbers.end(), 1);
    std::atomic<long long> done{0};

    const auto square = [&](long long n) {
        if (control.stopRequested())
            throw RunStopped{};
        const workload::StopScope stoppable(control.stopFlag());
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
        results = stoppable(control, [&] { return executor.map(square, numbers, "square"); });
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
