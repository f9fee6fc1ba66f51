#include "patterns/compare_pattern.h"

#include "aio/aio.h"
#include "analysis/metrics.h"
#include "patterns/process_patterns.h"
#include "patterns/python_repr.h"
#include "patterns/python_template.h"
#include "patterns/stopped_run_keeper.h"
#include "patterns/thread_pool_pattern.h"
#include "trace/trace_recorder.h"
#include "trace/trace_stack.h"
#include "workload/task_context.h"
#include "workload/workload.h"

#include <QtGlobal> // QT_TRANSLATE_NOOP only marks: the window translates, core stays English

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <thread>

namespace tasklane {

namespace {

using Nanos = std::chrono::nanoseconds;

struct ModeInfo {
    const char* id;
    const char* title;
};
constexpr ModeInfo kModes[] = {
    {"sequential", QT_TRANSLATE_NOOP("tasklane::ComparePattern", "sequential")},
    {"threads-gil", QT_TRANSLATE_NOOP("tasklane::ComparePattern", "threads (GIL)")},
    {"threads-free", QT_TRANSLATE_NOOP("tasklane::ComparePattern", "threads (free-threaded)")},
    {"processes", QT_TRANSLATE_NOOP("tasklane::ComparePattern", "processes")},
    {"asyncio", "asyncio"},
};

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string msText(double ms) {
    return ms >= 10 || ms == 0 ? fixed(ms, 0) + " ms" : fixed(ms, 1) + " ms";
}

std::string timesText(double x) {
    return fixed(x, x >= 10 ? 0 : 1) + "×";
}

// The sequential mode: one thread does every task in turn, as a plain for loop.
RunResult runSequential(long long tasks, Nanos cpu, Nanos io, RunControl& control) {
    TraceRecorder recorder;
    const StoppedRunKeeper keeper(control, recorder, 1);
    const std::uint32_t main = recorder.addTrack(TrackKind::Main, "main");
    const std::int64_t begin = TraceRecorder::now();
    const workload::StopScope stoppable(control.stopFlag());
    for (long long n = 1; n <= tasks; ++n) {
        if (control.stopRequested())
            throw RunStopped{};
        TaskContext context(&recorder, main, recorder.newTaskId(),
                            recorder.intern("square(" + std::to_string(n) + ")"), nullptr);
        context.enter(State::Running);
        if (cpu.count() > 0)
            workload::cpu(cpu);
        if (io.count() > 0)
            workload::io(io);
        control.progress(n, tasks);
    }
    const std::int64_t end = TraceRecorder::now();
    RunResult out;
    out.trace = recorder.finish();
    out.metrics = computeMetrics(out.trace, begin, end, 1);
    return out;
}

// Coroutine parameters by value: they live in the coroutine frame.
Task<void> squareTask(Nanos cpu, Nanos io, long long tasks, RunControl* control,
                      std::shared_ptr<long long> done) {
    if (cpu.count() > 0)
        workload::cpu(cpu); // blocks the loop: no other coroutine runs meanwhile
    if (io.count() > 0)
        co_await sleep(io); // asyncio.sleep: the loop runs the others meanwhile
    control->progress(++*done, tasks);
}

Task<void> gatherSquares(long long tasks, Nanos cpu, Nanos io, RunControl* control) {
    auto done = std::make_shared<long long>(0);
    std::vector<Task<void>> all;
    for (long long n = 1; n <= tasks; ++n)
        all.push_back(create_task(squareTask(cpu, io, tasks, control, done),
                                  "square(" + std::to_string(n) + ")"));
    co_await gather(std::move(all));
}

RunResult runAsyncio(long long tasks, Nanos cpu, Nanos io, RunControl& control) {
    if (control.stopRequested())
        throw RunStopped{};
    TraceRecorder recorder;
    const StoppedRunKeeper keeper(control, recorder, 1);
    std::int64_t begin = 0;
    std::int64_t end = 0;
    {
        EventLoop loop(&recorder);
        begin = TraceRecorder::now();
        Task<void> main = loop.create_task(gatherSquares(tasks, cpu, io, &control), "main");
        // Stop cancels the main task, on the loop's thread; its CancelledError ends the run.
        const StopHandler stop(control, [&loop, core = main.core()] {
            loop.call_soon_threadsafe([core] { core->cancel(); });
        });
        stoppable(control, [&] { loop.run(std::move(main)); });
        end = TraceRecorder::now();
    }
    RunResult out;
    out.trace = recorder.finish();
    out.metrics = computeMetrics(out.trace, begin, end, 1);
    return out;
}

// One mode of the comparison with the comparison's parameters `p` (defaults filled in).
RunResult runMode(const std::string& id, const Params& p, RunControl& control) {
    const double scale = p.number("time-scale");
    const double cpuMs = p.number("cpu-ms") * scale;
    const double ioMs = p.number("io-ms") * scale;
    const long long tasks = p.integer("tasks");
    if (id == "sequential")
        return runSequential(tasks, workload::fromMs(cpuMs), workload::fromMs(ioMs), control);
    if (id == "asyncio")
        return runAsyncio(tasks, workload::fromMs(cpuMs), workload::fromMs(ioMs), control);
    Params q;
    q.set("workers", p.integer("workers"));
    q.set("tasks", tasks);
    q.set("cpu-ms", cpuMs);
    q.set("io-ms", ioMs);
    if (id == "processes") {
        q.set("start-method", p.text("start-method"));
        return ProcessPoolPattern().run(q, control);
    }
    q.set("gil", std::string(id == "threads-gil" ? "on" : "off"));
    return ThreadPoolPattern().run(q, control);
}

// A comparison stopped during a mode: the modes that finished and what the stopped one
// recorded, stacked as the whole comparison would be, for the window to show as stopped.
void keepStoppedComparison(RunControl& control, std::vector<RunResult> runs) {
    if (!control.keepsStoppedResult())
        return;
    if (auto partial = control.takeStoppedResult())
        runs.push_back(std::move(*partial));
    if (runs.empty())
        return;
    std::vector<StackPart> parts;
    for (std::size_t mode = 0; mode < runs.size(); ++mode)
        parts.push_back({&runs[mode].trace, runs[mode].trace.beginNs(), kModes[mode].title});
    auto stopped = std::make_shared<RunResult>();
    stopped->trace = stackTraces(parts);
    stopped->metrics =
        computeMetrics(stopped->trace, stopped->trace.beginNs(), stopped->trace.endNs(), 1);
    control.keepStoppedResult(std::move(stopped));
}

int coreCount() {
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

const ModeResult* findMode(const std::vector<ModeResult>& modes, const std::string& id) {
    for (const ModeResult& m : modes)
        if (m.id == id)
            return &m;
    return nullptr;
}

// What the conclusion is drawn from: the measured figures of the comparison.
// Shares of the work spent computing at or above which it is CPU-bound, and at or below which
// it is I/O-bound; between them it is mixed, and the tutorial's rule is not checked.
constexpr double kCpuBoundShare = 0.7;
constexpr double kIoBoundShare = 0.3;
// Makespans within 10 % of the winner's are a tie on this machine (run-to-run noise).
constexpr double kTieMargin = 1.10;

struct CompareFigures {
    const ModeResult* sequential = nullptr;
    const ModeResult* best = nullptr;    // the fastest mode
    std::vector<const ModeResult*> tied; // others within 10 % of it (a tie on this machine)
    double seqMs = 0;                    // the sequential mode's makespan
    double cpuShare = 0;                 // of the work per task, computing
    bool cpuBound = false;
    bool ioBound = false;
    int parallel = 1; // the most tasks that could compute at once on this machine
    // Speedups against the sequential mode.
    double gil = 0, freeThreads = 0, processes = 0, asyncio = 0;
};

// None without a sequential mode to measure against, or with nothing to compare it to.
std::optional<CompareFigures> compareFigures(const CompareInput& in) {
    const ModeResult* sequential = findMode(in.modes, "sequential");
    if (sequential == nullptr || in.modes.size() < 2)
        return std::nullopt;
    CompareFigures f;
    f.sequential = sequential;
    const double work = in.cpu_ms + in.io_ms;
    f.cpuShare = work > 0 ? in.cpu_ms / work : 0;
    f.cpuBound = f.cpuShare >= kCpuBoundShare;
    f.ioBound = f.cpuShare <= kIoBoundShare;
    for (const ModeResult& m : in.modes)
        if (f.best == nullptr || m.metrics.makespan_ms < f.best->metrics.makespan_ms)
            f.best = &m;
    for (const ModeResult& m : in.modes)
        if (&m != f.best && m.metrics.makespan_ms <= f.best->metrics.makespan_ms * kTieMargin)
            f.tied.push_back(&m);
    f.seqMs = sequential->metrics.makespan_ms;
    const auto speedupOf = [&](const char* id) {
        const ModeResult* m = findMode(in.modes, id);
        return m != nullptr ? tasklane::speedupOf(f.seqMs, m->metrics.makespan_ms) : 0.0;
    };
    f.parallel = std::max(1, std::min({in.workers, in.tasks, in.cores}));
    f.gil = speedupOf("threads-gil");
    f.freeThreads = speedupOf("threads-free");
    f.processes = speedupOf("processes");
    f.asyncio = speedupOf("asyncio");
    return f;
}

constexpr const char* kContext = "tasklane::ComparePattern";

// A sentence of this file, marked for lupdate where it is written.
TextMessage say(const char* source, std::vector<TextMessage> args) {
    return TextMessage{kContext, source, std::move(args)};
}

TextMessage plain(std::string text) {
    return TextMessage::plain(std::move(text));
}

// A mode's title, which the window translates too ("threads (GIL)").
TextMessage titleOf(const ModeResult& m) {
    return TextMessage{kContext, m.title, {}};
}

// Who finished first, by how much, and who came within 10 % of it.
TextMessage winnerSentence(const CompareFigures& f) {
    if (f.best == f.sequential)
        return say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                     "Nothing beat doing the tasks one after another "
                                     "(%1): with so little work, starting workers costs "
                                     "more than it saves."),
                   {plain(msText(f.seqMs))});
    std::vector<TextMessage> args = {titleOf(*f.best), plain(msText(f.best->metrics.makespan_ms)),
                                     plain(timesText(f.seqMs / f.best->metrics.makespan_ms)),
                                     plain(msText(f.seqMs))};
    if (f.tied.empty())
        return say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                     "%1 finished first: %2, %3 faster than "
                                     "sequential (%4)."),
                   std::move(args));
    // "threads (GIL) (973 ms), processes (990 ms)": a list of "%1 (%2)" items.
    TextMessage list = plain("");
    for (std::size_t i = 0; i < f.tied.size(); ++i) {
        list.source += (i > 0 ? ", %" : "%") + std::to_string(i + 1);
        list.args.push_back(
            say(QT_TRANSLATE_NOOP("tasklane::ComparePattern", "%1 (%2)"),
                {titleOf(*f.tied[i]), plain(msText(f.tied[i]->metrics.makespan_ms))}));
    }
    args.push_back(std::move(list));
    return say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                 "%1 finished first: %2, %3 faster than "
                                 "sequential (%4); within 10 % of it: %5."),
               std::move(args));
}

// Why each mode did as it did, in the tutorial's terms: CPU-bound, I/O-bound or mixed work.
void addWorkloadSentences(const CompareInput& in, const CompareFigures& f,
                          std::vector<TextMessage>& out) {
    const TextMessage gil = plain(timesText(f.gil));
    const TextMessage freeThreads = plain(timesText(f.freeThreads));
    const TextMessage processes = plain(timesText(f.processes));
    const TextMessage asyncio = plain(timesText(f.asyncio));
    if (f.cpuBound) {
        out.push_back(say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                            "The work is CPU-bound (%1 % computing): only more "
                                            "cores help, and this machine has %2, so at most %3 "
                                            "was possible."),
                          {plain(fixed(f.cpuShare * 100, 0)), plain(std::to_string(in.cores)),
                           plain(timesText(f.parallel))}));
        out.push_back(say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                            "Processes ran on several cores at once (%1); "
                                            "threads under the GIL took turns on one (%2); "
                                            "without the GIL they ran in parallel (%3); "
                                            "asyncio's coroutines ran one after another, each "
                                            "blocking the event loop while it computed (%4)."),
                          {processes, gil, freeThreads, asyncio}));
    } else if (f.ioBound) {
        out.push_back(say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                            "The work is I/O-bound (%1 % waiting): the waits can "
                                            "overlap, whatever the number of cores."),
                          {plain(fixed((1 - f.cpuShare) * 100, 0))}));
        out.push_back(say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                            "asyncio overlapped them on one thread (%1); threads "
                                            "did too, the GIL being released while they wait "
                                            "(%2); processes as well (%3), after paying to "
                                            "start."),
                          {asyncio, gil, processes}));
    } else {
        out.push_back(
            say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                  "The work is mixed (%1 % computing): the waits "
                                  "overlap in every concurrent mode, the computing "
                                  "only where several cores run at once (processes "
                                  "%2, free threads %3, threads with the GIL %4, "
                                  "asyncio %5)."),
                {plain(fixed(f.cpuShare * 100, 0)), processes, freeThreads, gil, asyncio}));
    }
}

// The tutorial's rule, checked against the measurement (mixed work has none).
void addRuleSentence(const CompareFigures& f, std::vector<TextMessage>& out) {
    if (f.cpuBound) {
        const bool holds =
            f.processes >= 1.2 && f.processes >= f.gil * 1.2 && f.processes >= f.asyncio * 1.2;
        out.push_back(
            holds ? say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                          "As the tutorial says: CPU-bound work wants parallel "
                                          "processing (multiprocessing, ProcessPoolExecutor)."),
                        {})
                  : say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                          "The tutorial says: CPU-bound work wants parallel "
                                          "processing (multiprocessing, ProcessPoolExecutor), "
                                          "but here processes did not win clearly: more tasks or "
                                          "longer ones let them pay for their start."),
                        {}));
    } else if (f.ioBound) {
        const bool holds = f.asyncio >= 1.5 && f.asyncio >= std::max(f.gil, f.processes) * 0.8;
        out.push_back(
            holds ? say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                          "As the tutorial says: I/O-bound work wants "
                                          "asynchronous programming (asyncio)."),
                        {})
                  : say(QT_TRANSLATE_NOOP("tasklane::ComparePattern",
                                          "The tutorial says: I/O-bound work wants asynchronous "
                                          "programming (asyncio), but here it did not win "
                                          "clearly: with more tasks than workers, asyncio pulls "
                                          "ahead."),
                        {}));
    }
}

} // namespace

const std::vector<std::string>& ComparePattern::modeIds() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> out;
        for (const ModeInfo& m : kModes)
            out.emplace_back(m.id);
        return out;
    }();
    return ids;
}

std::vector<TextMessage> compareConclusionMessages(const CompareInput& in) {
    std::vector<TextMessage> out;
    const std::optional<CompareFigures> figures = compareFigures(in);
    if (!figures)
        return out;
    out.push_back(winnerSentence(*figures));
    addWorkloadSentences(in, *figures, out);
    addRuleSentence(*figures, out);
    return out;
}

std::vector<std::string> compareConclusion(const CompareInput& in) {
    std::vector<std::string> out;
    for (const TextMessage& sentence : compareConclusionMessages(in))
        out.push_back(sentence.render());
    return out;
}

std::string ComparePattern::description() const {
    return QT_TRANSLATE_NOOP(
        "tasklane::Pattern",
        "One workload through five modes: sequential, threads with and without the GIL, "
        "processes, asyncio. CPU-bound work needs cores (processes); I/O-bound work needs "
        "overlapping waits (asyncio, threads).");
}

std::vector<ParamSpec> ComparePattern::params() const {
    return {
        {"workers",
         ParamKind::Int,
         1,
         16,
         4LL,
         QT_TRANSLATE_NOOP(
             "tasklane::ParamSpec",
             "threads and processes in the pools (asyncio runs every task on one thread)"),
         "",
         {}},
        {"tasks",
         ParamKind::Int,
         1,
         1000,
         8LL,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec", "how many tasks each mode runs"),
         "",
         {}},
        {"cpu-ms",
         ParamKind::Double,
         0,
         10'000,
         100.0,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                           "CPU work per task (CPU-bound: the tutorial's case for processes)"),
         "ms",
         {}},
        {"io-ms",
         ParamKind::Double,
         0,
         10'000,
         0.0,
         QT_TRANSLATE_NOOP(
             "tasklane::ParamSpec",
             "waiting per task: blocking I/O in threads and processes, asyncio.sleep in asyncio "
             "(I/O-bound: the tutorial's case for async)"),
         "ms",
         {}},
        {"start-method",
         ParamKind::Choice,
         0,
         0,
         std::string("fork"),
         QT_TRANSLATE_NOOP("tasklane::ParamSpec", "how the process pool's workers start"),
         "",
         {"fork", "spawn"}},
        timeScaleParam(QT_TRANSLATE_NOOP("tasklane::ParamSpec", "multiplies cpu-ms and io-ms")),
    };
}

// The tutorial's CPU-bound comparison (8 tasks) with 25 ms of work each instead of 100: the
// five modes in about a second, with the same winner.
Params ComparePattern::lessonParams() const {
    return {{"tasks", 8LL}, {"cpu-ms", 25.0}, {"io-ms", 0.0}};
}

std::string ComparePattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    const double scale = p.number("time-scale");
    return renderPythonTemplate(id(), {{"tasks", std::to_string(p.integer("tasks"))},
                                       {"workers", std::to_string(p.integer("workers"))},
                                       {"cpu_s", pythonNumber(p.number("cpu-ms") * scale / 1000)},
                                       {"io_s", pythonNumber(p.number("io-ms") * scale / 1000)},
                                       {"start_method", p.text("start-method")}});
}

double ComparePattern::expectedMs(const Params& given) const {
    const Params p = withDefaults(given);
    const double perTask = (p.number("cpu-ms") + p.number("io-ms")) * p.number("time-scale");
    // Sequential, threads under the GIL and asyncio (with CPU work) each take about the
    // sum; the other two less; and the process pool starts its workers.
    return 3.5 * double(p.integer("tasks")) * perTask + 50;
}

RunResult ComparePattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const double scale = p.number("time-scale");
    const double cpuMs = p.number("cpu-ms") * scale;
    const double ioMs = p.number("io-ms") * scale;
    const long long tasks = p.integer("tasks");
    const long long workers = p.integer("workers");

    // Each mode reports progress as its share of the whole comparison.
    const auto outer = control.onProgress;
    const long long total = tasks * static_cast<long long>(std::size(kModes));
    std::vector<RunResult> runs;
    for (std::size_t mode = 0; mode < std::size(kModes); ++mode) {
        if (control.stopRequested())
            throw RunStopped{};
        const long long before = tasks * static_cast<long long>(mode);
        control.onProgress = [outer, before, total](long long done, long long) {
            if (outer)
                outer(before + done, total);
        };
        const std::string id = kModes[mode].id;
        RunResult run;
        try {
            run = runMode(id, p, control);
        } catch (const RunStopped&) {
            control.onProgress = outer;
            keepStoppedComparison(control, std::move(runs));
            throw;
        } catch (...) {
            control.onProgress = outer;
            throw;
        }
        runs.push_back(std::move(run));
    }
    control.onProgress = outer;

    RunResult out;
    const double seqMs = runs.front().metrics.makespan_ms;
    const int cores = coreCount();
    std::vector<StackPart> parts;
    for (std::size_t mode = 0; mode < runs.size(); ++mode) {
        ModeResult m;
        m.id = kModes[mode].id;
        m.title = kModes[mode].title;
        const int parallel =
            m.id == "sequential" || m.id == "asyncio" ? 1 : int(std::min(workers, tasks));
        m.metrics = againstBaseline(runs[mode].metrics, seqMs, parallel);
        out.modes.push_back(std::move(m));
        parts.push_back({&runs[mode].trace, runs[mode].trace.beginNs(), kModes[mode].title});
    }
    out.trace = stackTraces(parts);

    CompareInput input{out.modes, cpuMs, ioMs, int(tasks), int(workers), cores};
    out.conclusionMessages = compareConclusionMessages(input);
    for (const TextMessage& sentence : out.conclusionMessages)
        out.conclusion.push_back(sentence.render());
    const ModeResult* best = &out.modes.front();
    for (const ModeResult& m : out.modes)
        if (m.metrics.makespan_ms < best->metrics.makespan_ms)
            best = &m;
    // The run's own figures are the winner's: what the comparison found best.
    out.metrics = best->metrics;
    out.result = best->id;

    out.output.push_back(std::to_string(tasks) + " tasks × (" + msText(cpuMs) + " CPU + " +
                         msText(ioMs) + " waiting), " + std::to_string(workers) + " workers, " +
                         std::to_string(cores) + " cores");
    for (const ModeResult& m : out.modes) {
        char line[160];
        std::snprintf(line, sizeof line, "%-13s %8.0f ms %6.2fx", m.id.c_str(),
                      m.metrics.makespan_ms, m.metrics.speedup);
        out.output.emplace_back(line);
    }
    for (const std::string& sentence : out.conclusion)
        out.output.push_back(sentence);
    return out;
}

} // namespace tasklane
