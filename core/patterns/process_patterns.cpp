#include "patterns/process_patterns.h"

#include "futures/process_pool_executor.h"
#include "mp/pool.h"
#include "mp/process.h"
#include "mp/shared_value.h"
#include "patterns/python_repr.h"
#include "patterns/python_template.h"
#include "patterns/run_error.h"
#include "patterns/stopped_run_keeper.h"
#include "trace/trace_recorder.h"

#include <QtGlobal> // QT_TRANSLATE_NOOP only marks: the window translates, core stays English

#include <algorithm>
#include <memory>
#include <numeric>
#include <sstream>
#include <thread>

namespace tasklane {

namespace {

ParamSpec startMethodParam() {
    return {"start-method",
            ParamKind::Choice,
            0,
            0,
            std::string("fork"),
            QT_TRANSLATE_NOOP(
                "tasklane::ParamSpec",
                "how workers start: fork copies this process, spawn execs a clean worker program"),
            "",
            {"fork", "spawn"}};
}
// For the patterns with both durations; Process has only io-ms, SharedValue only cpu-ms.
const char* const kTimeScaleHelp =
    QT_TRANSLATE_NOOP("tasklane::ParamSpec", "multiplies every duration (cpu-ms, io-ms)");
ParamSpec cpuParam() {
    return {"cpu-ms",
            ParamKind::Double,
            0,
            10'000,
            0.0,
            QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                              "CPU work per task: real arithmetic in the worker process"),
            "ms",
            {}};
}
ParamSpec ioParam() {
    return {"io-ms", ParamKind::Double,
            0,       10'000,
            0.0,     QT_TRANSLATE_NOOP("tasklane::ParamSpec", "blocking I/O per task: a sleep"),
            "ms",    {}};
}
ParamSpec tasksParam(long long max) {
    return {"tasks",
            ParamKind::Int,
            1,
            double(max),
            5LL,
            QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                              "how many numbers to map (the tutorial maps 1..5)"),
            "",
            {}};
}

// Starting one worker process: a fork copies this process's page tables (a few ms); spawn
// execs and loads the worker program too.
double processStartMs(const Params& p) {
    return p.text("start-method") == "spawn" ? 25 : 5;
}

long long scaledUs(const Params& p, const char* name) {
    return static_cast<long long>(p.number(name) * p.number("time-scale") * 1000.0);
}

std::vector<long long> oneTo(long long n) {
    std::vector<long long> v(static_cast<std::size_t>(n));
    std::iota(v.begin(), v.end(), 1);
    return v;
}

std::string pythonNumbers(long long tasks) {
    return tasks <= 10 ? pythonList(oneTo(tasks))
                       : "list(range(1, " + std::to_string(tasks + 1) + "))";
}

// The start method a program must ask for, or "" for fork (Python's default on Linux).
std::string pythonStartMethod(const Params& p) {
    return p.text("start-method") == "fork" ? std::string() : p.text("start-method");
}

// Starts every process, then joins them in order, as the tutorial's two loops do; the main
// track shows start() running and join() waiting. A process that did not exit 0 fails the
// run with its pid, exit code and error. Returns what the processes printed, in order.
std::vector<std::string> startAndJoin(std::vector<std::unique_ptr<Process>>& processes,
                                      TraceRecorder& recorder, std::uint32_t mainTrack,
                                      std::int64_t begin, const RunControl& control,
                                      std::int64_t& end) {
    // Joined in short waits, so that Stop terminates the processes at once (from this thread:
    // a Process is not to be signalled while another thread reaps it).
    const auto joinOrStop = [&](Process& p) {
        while (!p.join(std::chrono::milliseconds(10))) {
            if (control.stopRequested()) {
                for (auto& other : processes)
                    other->terminate();
                for (auto& other : processes)
                    other->join();
                throw RunStopped{};
            }
        }
    };
    for (auto& process : processes)
        process->start();
    const std::int64_t joining = TraceRecorder::now();
    recorder.slice(mainTrack, State::Running, begin, joining, 0, recorder.intern("start()"),
                   TraceRecorder::currentCpu());
    std::vector<std::string> output;
    for (std::size_t i = 0; i < processes.size(); ++i) {
        Process& p = *processes[i];
        joinOrStop(p);
        const int code = p.exitcode().value_or(-1);
        if (code != 0) {
            // The child's own error text, when it sent one, is put in as it is.
            TextMessage message{
                "tasklane::RunError",
                p.error().empty()
                    ? QT_TRANSLATE_NOOP("tasklane::RunError", "%1 (pid %2) exited with code %3")
                    : QT_TRANSLATE_NOOP("tasklane::RunError",
                                        "%1 (pid %2) exited with code %3: %4"),
                {TextMessage::plain(p.name()), TextMessage::plain(std::to_string(p.pid())),
                 TextMessage::plain(std::to_string(code)), TextMessage::plain(p.error())}};
            throw RunError(std::move(message));
        }
        control.progress(static_cast<long long>(i) + 1, static_cast<long long>(processes.size()));
        output.insert(output.end(), p.output().begin(), p.output().end());
    }
    end = TraceRecorder::now();
    recorder.slice(mainTrack, State::Idle, joining, end, 0, recorder.intern("join()"));
    return output;
}

void checkStop(const RunControl& control) {
    if (control.stopRequested())
        throw RunStopped{};
}

RunResult finishRun(TraceRecorder& recorder, std::uint32_t mainTrack, std::int64_t begin,
                    std::int64_t end, std::vector<std::string> output, std::string result,
                    int parallelism) {
    RunResult out;
    for (const auto& line : output)
        recorder.instant(mainTrack, end, recorder.intern(line.substr(0, 200)));
    out.output = std::move(output);
    out.result = std::move(result);
    out.trace = recorder.finish();
    out.metrics = computeMetrics(out.trace, begin, end, parallelism);
    return out;
}

} // namespace

// --- process (2.1) -------------------------------------------------------------------------

std::string ProcessPattern::description() const {
    return QT_TRANSLATE_NOOP(
        "tasklane::Pattern",
        "A child process runs print_numbers() while the parent waits in join(). With "
        "several processes, each prints its own numbers.");
}

std::vector<ParamSpec> ProcessPattern::params() const {
    return {
        {"workers",
         ParamKind::Int,
         1,
         16,
         1LL,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec", "how many Process objects to start"),
         "",
         {}},
        {"tasks",
         ParamKind::Int,
         1,
         1000,
         5LL,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec", "how many numbers each prints (range(5))"),
         "",
         {}},
        {"io-ms",
         ParamKind::Double,
         0,
         10'000,
         0.0,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec", "a sleep after each print"),
         "ms",
         {}},
        startMethodParam(),
        timeScaleParam(QT_TRANSLATE_NOOP("tasklane::ParamSpec", "multiplies io-ms")),
    };
}

// Two processes printing with a pause: they run side by side, and join() waits for both.
Params ProcessPattern::lessonParams() const {
    return {{"workers", 2LL}, {"io-ms", 100.0}};
}

std::string ProcessPattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    const double ioMs = p.number("io-ms") * p.number("time-scale");
    TemplateValues v;
    v["start_method"] = pythonStartMethod(p);
    v["io"] = flag(ioMs > 0);
    v["io_s"] = pythonNumber(ioMs / 1000);
    v["tasks"] = std::to_string(p.integer("tasks"));
    v["workers"] = std::to_string(p.integer("workers"));
    v["single"] = flag(p.integer("workers") == 1);
    return renderPythonTemplate(id(), v);
}

// Each process prints its numbers one after another, pausing after each: the processes
// overlap, the numbers within one do not.
double ProcessPattern::expectedMs(const Params& given) const {
    const Params p = withDefaults(given);
    return double(p.integer("tasks")) * p.number("io-ms") * p.number("time-scale") + startupMs(p) +
           10;
}

double ProcessPattern::startupMs(const Params& given) const {
    const Params p = withDefaults(given);
    return double(p.integer("workers")) * processStartMs(p);
}

RunResult ProcessPattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const StartMethod method = parseStartMethod(p.text("start-method"));
    const long long workers = p.integer("workers");
    TraceRecorder recorder;
    const StoppedRunKeeper keeper(control, recorder, int(workers));
    const std::uint32_t mainTrack = recorder.addTrack(TrackKind::Main, "main");
    checkStop(control);

    const std::int64_t begin = TraceRecorder::now();
    std::vector<std::unique_ptr<Process>> processes;
    for (long long i = 0; i < workers; ++i) {
        Process::Options options;
        options.start_method = method;
        options.recorder = &recorder;
        options.name = "process " + std::to_string(i + 1);
        processes.push_back(std::make_unique<Process>(
            TaskCall{"print_numbers", {p.integer("tasks"), scaledUs(p, "io-ms")}}, options));
    }
    std::int64_t end = 0;
    std::vector<std::string> output =
        startAndJoin(processes, recorder, mainTrack, begin, control, end);
    processes.clear();
    return finishRun(recorder, mainTrack, begin, end, std::move(output), std::string(),
                     int(workers));
}

// --- pool-map (2.2) ------------------------------------------------------------------------

std::string PoolMapPattern::description() const {
    return QT_TRANSLATE_NOOP(
        "tasklane::Pattern",
        "Worker processes map square() over the numbers in chunks. Each process has its "
        "own interpreter and no GIL to share: CPU work runs on all cores.");
}

std::vector<ParamSpec> PoolMapPattern::params() const {
    return {
        {"workers",
         ParamKind::Int,
         1,
         32,
         4LL,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec", "Pool(processes): worker processes"),
         "",
         {}},
        tasksParam(1'000'000),
        {"chunksize",
         ParamKind::Int,
         0,
         1'000'000,
         0LL,
         QT_TRANSLATE_NOOP(
             "tasklane::ParamSpec",
             "items per trip to a worker; 0: Python's default ceil(len / (4 x workers))"),
         "",
         {}},
        cpuParam(),
        ioParam(),
        startMethodParam(),
        timeScaleParam(kTimeScaleHelp),
    };
}

// Eight CPU-bound squares over four processes: every core busy, unlike threads under the GIL.
Params PoolMapPattern::lessonParams() const {
    return {{"workers", 4LL}, {"tasks", 8LL}, {"cpu-ms", 50.0}};
}

std::string PoolMapPattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    TemplateValues v = workTemplateValues(p);
    v["start_method"] = pythonStartMethod(p);
    v["workers"] = std::to_string(p.integer("workers"));
    v["numbers"] = pythonNumbers(p.integer("tasks"));
    v["chunksize_arg"] = p.integer("chunksize") > 0
                             ? ", chunksize=" + std::to_string(p.integer("chunksize"))
                             : std::string();
    return renderPythonTemplate(id(), v);
}

double PoolMapPattern::startupMs(const Params& given) const {
    const Params p = withDefaults(given);
    return double(p.integer("workers")) * processStartMs(p);
}

RunResult PoolMapPattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const int workers = int(p.integer("workers"));
    const long long tasks = p.integer("tasks");
    TraceRecorder recorder;
    const StoppedRunKeeper keeper(control, recorder, int(std::min<long long>(workers, tasks)));
    const std::uint32_t mainTrack = recorder.addTrack(TrackKind::Main, "main");
    checkStop(control);

    std::vector<std::vector<long long>> calls;
    calls.reserve(std::size_t(tasks));
    for (long long n : oneTo(tasks))
        calls.push_back({n, scaledUs(p, "cpu-ms"), scaledUs(p, "io-ms")});

    const std::int64_t begin = TraceRecorder::now();
    std::vector<long long> results;
    {
        Pool::Options options;
        options.processes = workers;
        options.start_method = parseStartMethod(p.text("start-method"));
        options.recorder = &recorder;
        options.submitter_track = mainTrack;
        Pool pool(options);
        const StopHandler stop(control, [&pool] { pool.terminate(); });
        const std::int64_t mapping = TraceRecorder::now();
        recorder.slice(mainTrack, State::Running, begin, mapping, 0, recorder.intern("Pool()"),
                       TraceRecorder::currentCpu());
        results = stoppable(control, [&] {
            return pool.starmap("square", calls, std::size_t(p.integer("chunksize")));
        });
        recorder.slice(mainTrack, State::Idle, mapping, TraceRecorder::now(), 0,
                       recorder.intern("pool.map: wait for results"));
        control.progress(tasks, tasks);
    } // leaving `with Pool(...)` terminates the workers
    const std::int64_t end = TraceRecorder::now();
    std::string result = pythonList(results);
    return finishRun(recorder, mainTrack, begin, end, {result}, result,
                     int(std::min<long long>(workers, tasks)));
}

// --- shared-value (2.3) --------------------------------------------------------------------

std::string SharedValuePattern::description() const {
    return QT_TRANSLATE_NOOP(
        "tasklane::Pattern",
        "Processes increment one Value in shared memory. Under get_lock() the count is "
        "exact; without it, read-modify-write races lose updates.");
}

std::vector<ParamSpec> SharedValuePattern::params() const {
    return {
        {"workers",
         ParamKind::Int,
         1,
         32,
         5LL,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec", "how many processes increment the value"),
         "",
         {}},
        {"increments",
         ParamKind::Int,
         1,
         1'000'000,
         1LL,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec", "increments per process"),
         "",
         {}},
        {"lock",
         ParamKind::Choice,
         0,
         0,
         std::string("on"),
         QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                           "on: with shared_value.get_lock(); off: a bare value += 1 that races"),
         "",
         {"on", "off"}},
        {"cpu-ms",
         ParamKind::Double,
         0,
         1000,
         0.0,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec", "CPU work before each increment"),
         "ms",
         {}},
        startMethodParam(),
        timeScaleParam(QT_TRANSLATE_NOOP("tasklane::ParamSpec", "multiplies cpu-ms")),
    };
}

// Four processes each doing a hundred locked increments after a little work: they contend
// for the lock, and the count is still exact.
Params SharedValuePattern::lessonParams() const {
    return {{"workers", 4LL}, {"increments", 100LL}, {"cpu-ms", 1.0}};
}

std::string SharedValuePattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    const double cpuMs = p.number("cpu-ms") * p.number("time-scale");
    const long long increments = p.integer("increments");
    TemplateValues v;
    v["start_method"] = pythonStartMethod(p);
    v["cpu"] = flag(cpuMs > 0);
    v["cpu_s"] = pythonNumber(cpuMs / 1000);
    v["loop"] = flag(increments > 1);
    v["increments"] = std::to_string(increments);
    v["indent"] = increments > 1 ? "        " : "    ";
    v["locked"] = flag(p.text("lock") == "on");
    v["workers"] = std::to_string(p.integer("workers"));
    return renderPythonTemplate(id(), v);
}

double SharedValuePattern::startupMs(const Params& given) const {
    const Params p = withDefaults(given);
    return double(p.integer("workers")) * processStartMs(p);
}

RunResult SharedValuePattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const StartMethod method = parseStartMethod(p.text("start-method"));
    const long long workers = p.integer("workers");
    TraceRecorder recorder;
    const StoppedRunKeeper keeper(control, recorder, int(workers));
    const std::uint32_t mainTrack = recorder.addTrack(TrackKind::Main, "main");
    const std::uint32_t counterTrack = recorder.addTrack(TrackKind::Main, "counter.value");
    checkStop(control);

    SharedValue<long long> counter(0, &recorder, counterTrack);
    const std::int64_t begin = TraceRecorder::now();
    std::vector<std::unique_ptr<Process>> processes;
    for (long long i = 0; i < workers; ++i) {
        Process::Options options;
        options.start_method = method;
        options.recorder = &recorder;
        options.name = "process " + std::to_string(i + 1);
        options.shared_value = &counter;
        processes.push_back(std::make_unique<Process>(
            TaskCall{
                "increment",
                {p.integer("increments"), p.text("lock") == "on" ? 1 : 0, scaledUs(p, "cpu-ms")}},
            options));
    }
    std::int64_t end = 0;
    startAndJoin(processes, recorder, mainTrack, begin, control, end);
    processes.clear();
    const long long value = counter.value();
    return finishRun(recorder, mainTrack, begin, end, {"최종 값: " + std::to_string(value)},
                     std::to_string(value), int(workers));
}

// --- process-pool (4.2) --------------------------------------------------------------------

std::string ProcessPoolPattern::description() const {
    return QT_TRANSLATE_NOOP(
        "tasklane::Pattern",
        "concurrent.futures with worker processes: cube() runs in parallel on every core, "
        "one item per trip by default (chunksize=1).");
}

std::vector<ParamSpec> ProcessPoolPattern::params() const {
    return {
        {"workers",
         ParamKind::Int,
         1,
         32,
         (long long)ProcessPoolExecutor::defaultMaxWorkers(),
         QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                           "max_workers: worker processes (Python's default: the CPU count)"),
         "",
         {}},
        tasksParam(100'000),
        {"chunksize",
         ParamKind::Int,
         1,
         100'000,
         1LL,
         QT_TRANSLATE_NOOP(
             "tasklane::ParamSpec",
             "items per trip to a worker (with cpu-ms or io-ms each item is submitted alone)"),
         "",
         {}},
        cpuParam(),
        ioParam(),
        startMethodParam(),
        timeScaleParam(kTimeScaleHelp),
    };
}

// Eight CPU-bound cubes, one item per trip: the workers share the tasks across the cores.
Params ProcessPoolPattern::lessonParams() const {
    return {{"tasks", 8LL}, {"cpu-ms", 50.0}};
}

std::string ProcessPoolPattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    TemplateValues v = workTemplateValues(p);
    v["start_method"] = pythonStartMethod(p);
    std::string args;
    if (p.integer("workers") != ProcessPoolExecutor::defaultMaxWorkers())
        args = "max_workers=" + std::to_string(p.integer("workers"));
    if (!v["start_method"].empty())
        args += std::string(args.empty() ? "" : ", ") +
                "mp_context=multiprocessing.get_context(\"" + v["start_method"] + "\")";
    v["executor_args"] = args;
    v["numbers"] = pythonNumbers(p.integer("tasks"));
    v["chunksize_arg"] = p.integer("chunksize") > 1
                             ? ", chunksize=" + std::to_string(p.integer("chunksize"))
                             : std::string();
    return renderPythonTemplate(id(), v);
}

// With work per item each item makes its own trip to a worker and back (measured: 2,000 in
// about 0.3 s on a loaded 2-core machine; the 100,000 took 13.6 s); without, the
// items travel in chunks.
double ProcessPoolPattern::taskOverheadMs(const Params& given) const {
    const Params p = withDefaults(given);
    return p.number("cpu-ms") > 0 || p.number("io-ms") > 0 ? 0.15 : 0.03;
}

double ProcessPoolPattern::startupMs(const Params& given) const {
    const Params p = withDefaults(given);
    return double(p.integer("workers")) * processStartMs(p);
}

RunResult ProcessPoolPattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const int workers = int(p.integer("workers"));
    const long long tasks = p.integer("tasks");
    TraceRecorder recorder;
    const StoppedRunKeeper keeper(control, recorder, int(std::min<long long>(workers, tasks)));
    const std::uint32_t mainTrack = recorder.addTrack(TrackKind::Main, "main");
    checkStop(control);

    const long long cpuUs = scaledUs(p, "cpu-ms");
    const long long ioUs = scaledUs(p, "io-ms");
    const std::int64_t begin = TraceRecorder::now();
    std::vector<long long> results;
    {
        ProcessPoolExecutor::Options options;
        options.max_workers = workers;
        options.start_method = parseStartMethod(p.text("start-method"));
        options.recorder = &recorder;
        options.submitter_track = mainTrack;
        ProcessPoolExecutor executor(options);
        const StopHandler stop(control, [&executor] { executor.terminate_workers(); });
        if (cpuUs == 0 && ioUs == 0) {
            results = stoppable(control, [&] {
                return executor.map("cube", oneTo(tasks), std::size_t(p.integer("chunksize")));
            });
        } else {
            // cube(n, cpu_us, io_us): the work rides along with each item.
            std::vector<Future<long long>> futures;
            for (long long n : oneTo(tasks))
                futures.push_back(executor.submit("cube", {n, cpuUs, ioUs}));
            for (auto& f : futures)
                results.push_back(stoppable(control, [&] { return f.result(); }));
        }
        recorder.slice(mainTrack, State::Idle, begin, TraceRecorder::now(), 0,
                       recorder.intern("executor.map: wait for results"));
        control.progress(tasks, tasks);
    } // leaving `with` shuts the executor down
    const std::int64_t end = TraceRecorder::now();
    std::string result = pythonList(results);
    return finishRun(recorder, mainTrack, begin, end, {result}, result,
                     int(std::min<long long>(workers, tasks)));
}

} // namespace tasklane
