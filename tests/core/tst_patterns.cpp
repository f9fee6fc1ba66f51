// Tests of the pattern catalogue: the thread-pool pattern prints what the tutorial prints,
// its parameters have the tutorial's defaults and refuse bad values with a message that
// names the option and the allowed range, the metrics are right on hand-built traces, and
// the GIL model shows in the speedup of CPU-bound work; async-file writes what it says
// where it says, and leaves nothing else.
#include "analysis/trace_analysis.h"
#include "patterns/async_patterns.h"
#include "patterns/compare_pattern.h"
#include "patterns/param_spec.h"
#include "patterns/params.h"
#include "patterns/pattern.h"
#include "patterns/pattern_registry.h"
#include "patterns/python_template.h"
#include "patterns/run_control.h"
#include "patterns/run_result.h"

#include "pinned_to_one_core.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <sched.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

using namespace tasklane;

// Under ThreadSanitizer a QProcess start (inside Debian's Qt, not built with TSan) leaves TSan
// taking this test process for the child of a multi-threaded fork: the next thread the process
// starts makes TSan kill it ("starting new threads after multi-threaded fork is not
// supported"); with die_after_fork=0 the same functions pass with no report. So the two
// functions that run python3 stop before it under TSan, after their C++ checks; the Release and
// ASan runs still run the Python programs.
#if defined(__SANITIZE_THREAD__)
#define TASKLANE_UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TASKLANE_UNDER_TSAN 1
#endif
#endif
#ifdef TASKLANE_UNDER_TSAN
// ThreadSanitizer makes memory access 5 to 15 times slower (async-file's 50 MiB copy took 1.2 s
// for an expected 98 ms); expectedMs() estimates the uninstrumented build.
constexpr double kSanitizerSlowdown = 20;
#define SKIP_QPROCESS_UNDER_TSAN() QSKIP("QProcess under ThreadSanitizer: see the file's top")
#else
constexpr double kSanitizerSlowdown = 1;
#define SKIP_QPROCESS_UNDER_TSAN()
#endif

Q_DECLARE_METATYPE(std::vector<tasklane::TraceEvent>)

namespace {

const Pattern& asyncFile() {
    const Pattern* p = PatternRegistry::instance().find("async-file");
    Q_ASSERT(p != nullptr);
    return *p;
}

const std::string kText = "비동기 파일 작성!";

QStringList lines(const std::vector<std::string>& output) {
    QStringList out;
    for (const auto& line : output)
        out << QString::fromStdString(line);
    return out;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

// Everything inside `dir`, hidden files too, sorted: what a run left there.
QStringList entries(const QString& dir) {
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// Points QStandardPaths' temp location at `dir` for as long as it lives.
class TempLocation {
public:
    explicit TempLocation(const QString& dir)
        : old_(qgetenv("TMPDIR"))
        , had_(qEnvironmentVariableIsSet("TMPDIR")) {
        qputenv("TMPDIR", dir.toLocal8Bit());
    }
    ~TempLocation() {
        if (had_)
            qputenv("TMPDIR", old_);
        else
            qunsetenv("TMPDIR");
    }

private:
    QByteArray old_;
    bool had_;
};

const Pattern& threadPool() {
    const Pattern* p = PatternRegistry::instance().find("thread-pool");
    Q_ASSERT(p != nullptr);
    return *p;
}

int pythonDefaultWorkers() {
    return std::min(32, int(std::max(1u, std::thread::hardware_concurrency())) + 4);
}

std::string squares(long long n) {
    std::string out = "[";
    for (long long i = 1; i <= n; ++i)
        out += (i > 1 ? ", " : "") + std::to_string(i * i);
    return out + "]";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

constexpr std::int64_t kMs = 1'000'000;

TraceEvent slice(std::uint32_t track, State state, double beginMs, double endMs, int cpu,
                 std::uint32_t task, EventType type = EventType::Slice) {
    TraceEvent e;
    e.track = track;
    e.state = state;
    e.begin_ns = std::int64_t(beginMs * kMs);
    e.end_ns = std::int64_t(endMs * kMs);
    e.cpu = std::int16_t(cpu);
    e.task = task;
    e.type = type;
    return e;
}

TraceEvent point(std::uint32_t track, EventType type, double atMs, std::uint32_t task) {
    TraceEvent e;
    e.track = track;
    e.type = type;
    e.begin_ns = e.end_ns = std::int64_t(atMs * kMs);
    e.task = task;
    e.value = 1;
    return e;
}

} // namespace

class TestPatterns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void registryListsThreadPool();
    void threadPoolDefaultsAreTheTutorials();
    void defaultRunPrintsTheTutorialsOutput();
    void runsGiveTheSquares_data();
    void runsGiveTheSquares();
    void parseAcceptsGoodValues_data();
    void parseAcceptsGoodValues();
    void parseRefusesBadValues_data();
    void parseRefusesBadValues();
    void validateRefusesWrongKinds();
    void patternRefusesOptionsThatDoNotApply();
    void metrics_data();
    void metrics();
    void gilOffSpeedsUpCpuWork();
    void gilOnKeepsCpuWorkSequential();
    void pythonCodeFollowsTheParameters();
    void stopBeforeRunThrowsRunStopped();
    void progressIsReported();
    void processPatternsPrintTheTutorialsOutput_data();
    void processPatternsPrintTheTutorialsOutput();
    void sharedValueWithoutLockNeverOvercounts();
    void poolMapTracesWorkerProcesses();
    void oversubscribedRunningFitsTheCores_data();
    void oversubscribedRunningFitsTheCores();
    void poolsEndWithAMeasuredShutdown_data();
    void poolsEndWithAMeasuredShutdown();

    void asyncFileDefaultsAreTheTutorials();
    void asyncFileContent_data();
    void asyncFileContent();
    void asyncFileWritesTheFiles_data();
    void asyncFileWritesTheFiles();
    void asyncFileRunFolderStaysAndNothingElse();
    void asyncFileStoppedRunLeavesNoRunFolder();
    void asyncFileRefusesBadFolders_data();
    void asyncFileRefusesBadFolders();
    void asyncFileRefusesBadNumbers_data();
    void asyncFileRefusesBadNumbers();
    void asyncFileLimitsConcurrency();
    void asyncFilePythonCode_data();
    void asyncFilePythonCode();

    void renderTemplate_data();
    void renderTemplate();
    void renderTemplateRefusesBrokenOnes_data();
    void renderTemplateRefusesBrokenOnes();
    void pythonProgramsPrintWhatTasklanePrints_data();
    void pythonProgramsPrintWhatTasklanePrints();
    void compareConclusion_data();
    void compareConclusion();
    void compareRunsEveryMode();
    void comparePythonProgramFollowsTheParameters();

    void presetsOfEveryPattern_data();
    void presetsOfEveryPattern();
    void lessonShowsMoreThanOverhead_data();
    void lessonShowsMoreThanOverhead();
    void expectedMsFollowsTheRun_data();
    void expectedMsFollowsTheRun();
    void stoppedRunKeepsWhatItRecorded_data();
    void stoppedRunKeepsWhatItRecorded();
    void stoppedRunKeepsNothingWhenNotWanted_data();
    void stoppedRunKeepsNothingWhenNotWanted();
};

void TestPatterns::registryListsThreadPool() {
    const auto& registry = PatternRegistry::instance();
    QVERIFY(!registry.all().empty());
    const Pattern* p = registry.find("thread-pool");
    QVERIFY(p != nullptr);
    QCOMPARE(p->id(), std::string("thread-pool"));
    QCOMPARE(p->section(), std::string("4.1"));
    QVERIFY(!p->title().empty());
    QVERIFY(!p->description().empty());
    QVERIFY(contains(registry.idsText(), "thread-pool"));
    QVERIFY(std::any_of(registry.all().begin(), registry.all().end(),
                        [](const auto& pattern) { return pattern->id() == "thread-pool"; }));
    QVERIFY(registry.find("no-such-pattern") == nullptr);
    // Ids are unique.
    std::vector<std::string> ids;
    for (const auto& pattern : registry.all())
        ids.push_back(pattern->id());
    std::sort(ids.begin(), ids.end());
    QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}

void TestPatterns::threadPoolDefaultsAreTheTutorials() {
    const Pattern& p = threadPool();
    const auto workers = p.param("workers");
    const auto tasks = p.param("tasks");
    const auto gil = p.param("gil");
    QVERIFY(workers && tasks && gil);
    QCOMPARE(std::get<long long>(tasks->defaultValue), 5LL); // map(square, [1, 2, 3, 4, 5])
    QCOMPARE(std::get<long long>(workers->defaultValue), (long long)pythonDefaultWorkers());
    QCOMPARE(std::get<std::string>(gil->defaultValue), std::string("on")); // as in CPython
    QCOMPARE(gil->kind, ParamKind::Choice);
    QCOMPARE(gil->choices, (std::vector<std::string>{"on", "off"}));
    QVERIFY(!p.param("no-such-option"));

    const Params filled = p.withDefaults(Params());
    QCOMPARE(filled.integer("tasks"), 5LL);
    QCOMPARE(filled.integer("workers"), (long long)pythonDefaultWorkers());
    QCOMPARE(filled.text("gil"), std::string("on"));
    for (const ParamSpec& spec : p.params()) {
        QVERIFY2(filled.has(spec.name), spec.name.c_str());
        QVERIFY2(!spec.validate(spec.defaultValue), spec.name.c_str()); // defaults are valid
        QVERIFY2(!spec.help.empty(), spec.name.c_str());
    }
    // Given values win over defaults.
    Params given;
    given.set("tasks", 9LL);
    QCOMPARE(p.withDefaults(given).integer("tasks"), 9LL);
    QCOMPARE(p.withDefaults(given).integer("workers"), (long long)pythonDefaultWorkers());
}

void TestPatterns::defaultRunPrintsTheTutorialsOutput() {
    RunControl control;
    const RunResult r = threadPool().run(Params(), control);
    QCOMPARE(r.result, std::string("[1, 4, 9, 16, 25]"));
    QCOMPARE(r.output, std::vector<std::string>{"[1, 4, 9, 16, 25]"});
    QVERIFY(!r.trace.empty());
    QVERIFY(r.trace.tracks.size() >= 2); // main and at least one worker
    QCOMPARE(r.trace.tracks[0].kind, TrackKind::Main);
    QVERIFY(r.metrics.makespan_ms > 0);
    int queued = 0;
    for (const TraceEvent& e : r.trace.events)
        if (e.type == EventType::AsyncSlice && e.state == State::Queued)
            ++queued;
    QCOMPARE(queued, 5); // one per task
}

void TestPatterns::runsGiveTheSquares_data() {
    QTest::addColumn<long long>("workers");
    QTest::addColumn<long long>("tasks");
    QTest::addColumn<QString>("gil");
    QTest::newRow("1 worker, 1 task") << 1LL << 1LL << QStringLiteral("on");
    QTest::newRow("1 worker, 5 tasks") << 1LL << 5LL << QStringLiteral("on");
    QTest::newRow("2 workers, 7 tasks") << 2LL << 7LL << QStringLiteral("off");
    QTest::newRow("4 workers, 10 tasks") << 4LL << 10LL << QStringLiteral("on");
    QTest::newRow("8 workers, 3 tasks") << 8LL << 3LL << QStringLiteral("off");
    QTest::newRow("64 workers, 100 tasks") << 64LL << 100LL << QStringLiteral("on");
}

void TestPatterns::runsGiveTheSquares() {
    QFETCH(long long, workers);
    QFETCH(long long, tasks);
    QFETCH(QString, gil);
    Params p;
    p.set("workers", workers);
    p.set("tasks", tasks);
    p.set("gil", gil.toStdString());
    QVERIFY(!threadPool().validate(p));
    RunControl control;
    const RunResult r = threadPool().run(p, control);
    QCOMPARE(r.result, squares(tasks));
    QCOMPARE(r.output, std::vector<std::string>{squares(tasks)});
    // A worker track per thread the pool started: never more than max_workers or tasks.
    const std::size_t workerTracks =
        std::size_t(std::count_if(r.trace.tracks.begin(), r.trace.tracks.end(),
                                  [](const Track& t) { return t.kind == TrackKind::Thread; }));
    QVERIFY(workerTracks >= 1);
    QVERIFY(workerTracks <= std::size_t(std::min(workers, tasks)));
}

void TestPatterns::parseAcceptsGoodValues_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("workers 1") << "workers"
                               << "1"
                               << "1";
    QTest::newRow("workers 64") << "workers"
                                << "64"
                                << "64";
    QTest::newRow("tasks 5") << "tasks"
                             << "5"
                             << "5";
    QTest::newRow("cpu-ms 2.5") << "cpu-ms"
                                << "2.5"
                                << "2.5";
    QTest::newRow("cpu-ms integer") << "cpu-ms"
                                    << "100"
                                    << "100";
    QTest::newRow("cpu-ms 0") << "cpu-ms"
                              << "0"
                              << "0";
    QTest::newRow("io-ms 10000") << "io-ms"
                                 << "10000"
                                 << "10000";
    QTest::newRow("gil off") << "gil"
                             << "off"
                             << "off";
    QTest::newRow("time-scale 0.01") << "time-scale"
                                     << "0.01"
                                     << "0.01";
    // What Python's int() and float() accept besides plain digits.
    QTest::newRow("workers ' 4 '") << "workers"
                                   << " 4 "
                                   << "4";
    QTest::newRow("workers +4") << "workers"
                                << "+4"
                                << "4";
    QTest::newRow("workers 04") << "workers"
                                << "04"
                                << "4";
    QTest::newRow("tasks 1_000") << "tasks"
                                 << "1_000"
                                 << "1000";
    QTest::newRow("cpu-ms 1_0.5") << "cpu-ms"
                                  << "1_0.5"
                                  << "10.5";
    QTest::newRow("cpu-ms 1e2") << "cpu-ms"
                                << "1e2"
                                << "100";
    QTest::newRow("cpu-ms .5") << "cpu-ms"
                               << ".5"
                               << "0.5";
    QTest::newRow("cpu-ms 5.") << "cpu-ms"
                               << "5."
                               << "5";
    QTest::newRow("cpu-ms +2.5E+1") << "cpu-ms"
                                    << "+2.5E+1"
                                    << "25";
    QTest::newRow("cpu-ms 1e-400 underflows to 0") << "cpu-ms"
                                                   << "1e-400"
                                                   << "0";
}

void TestPatterns::parseAcceptsGoodValues() {
    QFETCH(QString, option);
    QFETCH(QString, text);
    QFETCH(QString, formatted);
    const auto spec = threadPool().param(option.toStdString());
    QVERIFY(spec);
    const auto parsed = spec->parse(text.toStdString());
    if (const auto* error = std::get_if<std::string>(&parsed))
        QFAIL(error->c_str());
    const ParamValue& value = std::get<ParamValue>(parsed);
    QVERIFY(!spec->validate(value));
    QCOMPARE(QString::fromStdString(ParamSpec::format(value)), formatted);
    if (spec->kind == ParamKind::Int)
        QCOMPARE(std::get<long long>(value), formatted.toLongLong());
    if (spec->kind == ParamKind::Double)
        QCOMPARE(std::get<double>(value), formatted.toDouble());
}

void TestPatterns::parseRefusesBadValues_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("text");
    // Each message must name the option and say what is allowed, in one of these forms.
    QTest::addColumn<QStringList>("allowedForms");
    const QStringList workers{QStringLiteral("1..64"), QStringLiteral("between 1 and 64")};
    const QStringList tasks{QStringLiteral("1..1000000"), QStringLiteral("between 1 and 1000000")};
    const QStringList cpu{QStringLiteral("0..10000"), QStringLiteral("between 0 and 10000")};
    const QStringList gil{QStringLiteral("on|off"), QStringLiteral("on or off"),
                          QStringLiteral("on, off")};
    QTest::newRow("workers 0") << "workers"
                               << "0" << workers;
    QTest::newRow("workers 65") << "workers"
                                << "65" << workers;
    QTest::newRow("workers -3") << "workers"
                                << "-3" << workers;
    QTest::newRow("workers abc") << "workers"
                                 << "abc" << workers;
    QTest::newRow("workers 3.5") << "workers"
                                 << "3.5" << workers;
    QTest::newRow("workers 4x") << "workers"
                                << "4x" << workers;
    QTest::newRow("workers empty") << "workers"
                                   << "" << workers;
    QTest::newRow("workers huge") << "workers"
                                  << "99999999999999999999999" << workers;
    QTest::newRow("tasks 0") << "tasks"
                             << "0" << tasks;
    QTest::newRow("cpu-ms -1") << "cpu-ms"
                               << "-1" << cpu;
    QTest::newRow("cpu-ms 10001") << "cpu-ms"
                                  << "10001" << cpu;
    QTest::newRow("cpu-ms ten") << "cpu-ms"
                                << "ten" << cpu;
    QTest::newRow("cpu-ms nan") << "cpu-ms"
                                << "nan" << cpu;
    QTest::newRow("cpu-ms inf") << "cpu-ms"
                                << "inf" << cpu;
    QTest::newRow("cpu-ms 5ms") << "cpu-ms"
                                << "5ms" << cpu;
    // Python's float("0x10") and int("0x10") are ValueErrors; 1e309 and inf are no number of
    // milliseconds.
    QTest::newRow("cpu-ms 0x10") << "cpu-ms"
                                 << "0x10" << cpu;
    QTest::newRow("io-ms 0x10") << "io-ms"
                                << "0x10" << cpu;
    QTest::newRow("cpu-ms 0x1p3") << "cpu-ms"
                                  << "0x1p3" << cpu;
    QTest::newRow("cpu-ms 1e309") << "cpu-ms"
                                  << "1e309" << cpu;
    QTest::newRow("cpu-ms -1e309") << "cpu-ms"
                                   << "-1e309" << cpu;
    QTest::newRow("cpu-ms infinity") << "cpu-ms"
                                     << "infinity" << cpu;
    QTest::newRow("cpu-ms 1__0") << "cpu-ms"
                                 << "1__0" << cpu;
    QTest::newRow("cpu-ms 1e") << "cpu-ms"
                               << "1e" << cpu;
    QTest::newRow("cpu-ms .") << "cpu-ms"
                              << "." << cpu;
    QTest::newRow("workers 0x10") << "workers"
                                  << "0x10" << workers;
    QTest::newRow("workers 1e1") << "workers"
                                 << "1e1" << workers;
    QTest::newRow("workers 4_") << "workers"
                                << "4_" << workers;
    QTest::newRow("workers _4") << "workers"
                                << "_4" << workers;
    QTest::newRow("workers ++4") << "workers"
                                 << "++4" << workers;
    QTest::newRow("gil maybe") << "gil"
                               << "maybe" << gil;
    QTest::newRow("gil ON") << "gil"
                            << "ON" << gil;
    QTest::newRow("gil empty") << "gil"
                               << "" << gil;
}

void TestPatterns::parseRefusesBadValues() {
    QFETCH(QString, option);
    QFETCH(QString, text);
    QFETCH(QStringList, allowedForms);
    const auto spec = threadPool().param(option.toStdString());
    QVERIFY(spec);
    const auto parsed = spec->parse(text.toStdString());
    const auto* error = std::get_if<std::string>(&parsed);
    QVERIFY2(error != nullptr, "a bad value was accepted");
    const QString message = QString::fromStdString(*error);
    QVERIFY2(message.contains(QLatin1String("--") + option), qPrintable(message));
    QVERIFY2(std::any_of(allowedForms.begin(), allowedForms.end(),
                         [&](const QString& form) { return message.contains(form); }),
             qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message)); // one line
}

void TestPatterns::validateRefusesWrongKinds() {
    const auto workers = threadPool().param("workers");
    const auto cpu = threadPool().param("cpu-ms");
    const auto gil = threadPool().param("gil");
    QVERIFY(workers && cpu && gil);
    const auto wrongKind = workers->validate(ParamValue(std::string("four")));
    QVERIFY(wrongKind);
    QVERIFY(contains(*wrongKind, "--workers"));
    QVERIFY(contains(*wrongKind, "1..64"));
    const auto tooMany = workers->validate(ParamValue(100LL));
    QVERIFY(tooMany);
    QVERIFY(contains(*tooMany, "--workers"));
    QVERIFY(contains(*tooMany, "100"));       // says what it got
    QVERIFY(!cpu->validate(ParamValue(5LL))); // an integer is a fine number of ms
    QVERIFY(cpu->validate(ParamValue(-0.5)));
    QVERIFY(gil->validate(ParamValue(1LL)));

    // A list parameter, as other patterns' --delays.
    ParamSpec delays;
    delays.name = "delays";
    delays.kind = ParamKind::IntList;
    delays.min = 0;
    delays.max = 60000;
    delays.unit = "ms";
    const auto good = delays.parse("2000, 1000,3000");
    QVERIFY(std::holds_alternative<ParamValue>(good));
    QCOMPARE(std::get<std::vector<long long>>(std::get<ParamValue>(good)),
             (std::vector<long long>{2000, 1000, 3000}));
    for (const char* bad : {"", "1,,2", "1,x", "70000", "-1,5"}) {
        const auto parsed = delays.parse(bad);
        const auto* error = std::get_if<std::string>(&parsed);
        QVERIFY2(error != nullptr, bad);
        QVERIFY2(contains(*error, "--delays"), error->c_str());
        QVERIFY2(contains(*error, "0..60000"), error->c_str());
    }
}

void TestPatterns::patternRefusesOptionsThatDoNotApply() {
    const Pattern& p = threadPool();
    Params ok;
    ok.set("workers", 3LL);
    ok.set("gil", std::string("off"));
    QVERIFY(!p.validate(ok));
    QVERIFY(!p.validate(Params()));

    Params foreign = ok;
    foreign.set("chunksize", 2LL); // a pool-map option, not thread-pool's
    const auto error = p.validate(foreign);
    QVERIFY(error);
    QVERIFY2(contains(*error, "--chunksize"), error->c_str());
    QVERIFY2(contains(*error, "thread-pool"), error->c_str());
    QVERIFY2(contains(*error, "--workers"), error->c_str()); // and lists what does apply

    Params outOfRange;
    outOfRange.set("workers", 0LL);
    const auto rangeError = p.validate(outOfRange);
    QVERIFY(rangeError);
    QVERIFY(contains(*rangeError, "--workers"));
    QVERIFY(contains(*rangeError, "1") && contains(*rangeError, "64"));
}

void TestPatterns::metrics_data() {
    QTest::addColumn<std::vector<TraceEvent>>("events");
    QTest::addColumn<double>("fromMs");
    QTest::addColumn<double>("toMs");
    QTest::addColumn<int>("workers");
    QTest::addColumn<double>("makespan");
    QTest::addColumn<double>("sequential");
    QTest::addColumn<double>("speedup");
    QTest::addColumn<double>("efficiency");
    QTest::addColumn<int>("coresUsed");
    QTest::addColumn<QList<double>>("utilisation"); // first cores; the rest must be 0
    QTest::addColumn<double>("gilWait");
    QTest::addColumn<double>("queued");
    QTest::addColumn<double>("lockWait");
    QTest::addColumn<double>("spawning");

    const auto R = State::Running;
    QTest::newRow("one task on one core")
        << std::vector<TraceEvent>{slice(1, R, 0, 100, 0, 1)} << 0.0 << 100.0 << 1 << 100.0 << 100.0
        << 1.0 << 1.0 << 1 << QList<double>{1.0, 0.0} << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("two tasks on two cores")
        << std::vector<TraceEvent>{slice(1, R, 0, 100, 0, 1), slice(2, R, 0, 100, 1, 2)} << 0.0
        << 100.0 << 2 << 100.0 << 200.0 << 2.0 << 1.0 << 2 << QList<double>{1.0, 1.0} << 0.0 << 0.0
        << 0.0 << 0.0;
    QTest::newRow("two threads take turns on one core")
        << std::vector<TraceEvent>{slice(1, R, 0, 50, 0, 1), slice(2, R, 50, 100, 0, 2)} << 0.0
        << 100.0 << 2 << 100.0 << 100.0 << 1.0 << 0.5 << 1 << QList<double>{1.0, 0.0} << 0.0 << 0.0
        << 0.0 << 0.0;
    QTest::newRow("a task's whole life")
        << std::vector<TraceEvent>{
               slice(1, State::Queued, 0, 10, -1, 1, EventType::AsyncSlice),
               slice(1, R, 10, 40, 0, 1),
               slice(1, State::Sleeping, 40, 60, -1, 1),
               slice(1, State::GilWait, 60, 70, -1, 1),
               slice(1, R, 70, 100, 1, 1),
               point(0, EventType::FlowStart, 0, 1),
               point(1, EventType::FlowEnd, 10, 1),
               point(0, EventType::Instant, 100, 0),
           }
        // efficiency per worker that could run at once: 4 workers, at most the cores
        << 0.0 << 100.0 << 4 << 100.0 << 80.0 << 0.8
        << 0.8 / std::min(4.0, double(std::max(2U, std::thread::hardware_concurrency()))) << 2
        << QList<double>{0.3, 0.3} << 10.0 << 10.0 << 0.0 << 0.0;
    QTest::newRow("waits of several tasks add up")
        << std::vector<TraceEvent>{
               slice(1, State::Queued, 0, 20, -1, 1, EventType::AsyncSlice),
               slice(1, State::Queued, 0, 30, -1, 2, EventType::AsyncSlice),
               slice(1, State::GilWait, 20, 25, -1, 1),
               slice(2, State::GilWait, 30, 45, -1, 2),
               slice(1, R, 25, 50, 1, 1),
               slice(2, R, 45, 50, 0, 2),
           }
        << 0.0 << 50.0 << 2 << 50.0 << 30.0 << 0.6 << 0.3 << 2 << QList<double>{0.1, 0.5}
        << 20.0 << 50.0 << 0.0 << 0.0;
    QTest::newRow("clipped to the run")
        << std::vector<TraceEvent>{slice(1, R, -50, 50, 0, 1), slice(1, R, 90, 150, 0, 2),
                                   slice(2, R, 200, 300, 1, 3)}
        << 0.0 << 100.0 << 1 << 100.0 << 60.0 << 0.6 << 0.6 << 1 << QList<double>{0.6, 0.0} << 0.0
        << 0.0 << 0.0 << 0.0;
    QTest::newRow("the main thread's work is not a task's")
        << std::vector<TraceEvent>{slice(0, R, 0, 100, 0, 0), slice(1, R, 0, 50, 1, 1)} << 0.0
        << 100.0 << 1 << 100.0 << 50.0 << 0.5 << 0.5 << 2 << QList<double>{1.0, 0.5} << 0.0 << 0.0
        << 0.0 << 0.0;
    QTest::newRow("locks and spawning")
        << std::vector<TraceEvent>{slice(0, State::Spawning, 0, 5, -1, 0),
                                   slice(1, State::LockWait, 5, 25, -1, 1),
                                   slice(1, State::LockHeld, 25, 35, 0, 1),
                                   slice(2, State::LockWait, 5, 35, -1, 2),
                                   slice(2, State::LockHeld, 35, 50, 1, 2)}
        << 0.0 << 50.0 << 2 << 50.0 << 25.0 << 0.5 << 0.25 << 2 << QList<double>{0.2, 0.3} << 0.0
        << 0.0 << 50.0 << 5.0;
    QTest::newRow("a core numbered past this machine's count")
        << std::vector<TraceEvent>{slice(1, R, 0, 40, 70, 1)} << 0.0 << 80.0 << 1 << 80.0 << 40.0
        << 0.5 << 0.5 << 1 << QList<double>(70, 0.0) + QList<double>{0.5} << 0.0 << 0.0 << 0.0
        << 0.0;
    QTest::newRow("a core touched for a moment is not a core used")
        << std::vector<TraceEvent>{slice(1, R, 0, 99, 0, 1), slice(1, R, 99, 100, 1, 2)} << 0.0
        << 100.0 << 1 << 100.0 << 100.0 << 1.0 << 1.0 << 1 << QList<double>{0.99, 0.01} << 0.0
        << 0.0 << 0.0 << 0.0;
    // "Cores used" counts cores busy 5 % of the run, as its label says: none here.
    QTest::newRow("a run that mostly slept used no core")
        << std::vector<TraceEvent>{slice(1, R, 0, 1, 0, 1),
                                   slice(1, State::Sleeping, 1, 100, -1, 1)}
        << 0.0 << 100.0 << 1 << 100.0 << 100.0 << 1.0 << 1.0 << 0 << QList<double>{0.01, 0.0} << 0.0
        << 0.0 << 0.0 << 0.0;
    QTest::newRow("run offset in time")
        << std::vector<TraceEvent>{slice(1, R, 1000, 1100, 1, 1),
                                   slice(1, State::Sleeping, 1100, 1200, -1, 1)}
        << 1000.0 << 1200.0 << 1 << 200.0 << 200.0 << 1.0 << 1.0 << 1 << QList<double>{0.0, 0.5}
        << 0.0 << 0.0 << 0.0 << 0.0;
}

void TestPatterns::metrics() {
    QFETCH(std::vector<TraceEvent>, events);
    QFETCH(double, fromMs);
    QFETCH(double, toMs);
    QFETCH(int, workers);
    QFETCH(double, makespan);
    QFETCH(double, sequential);
    QFETCH(double, speedup);
    QFETCH(double, efficiency);
    QFETCH(int, coresUsed);
    QFETCH(QList<double>, utilisation);
    QFETCH(double, gilWait);
    QFETCH(double, queued);
    QFETCH(double, lockWait);
    QFETCH(double, spawning);

    Trace trace;
    trace.tracks.resize(3);
    trace.events = events;
    trace.finalize();
    const Metrics m =
        computeMetrics(trace, std::int64_t(fromMs * kMs), std::int64_t(toMs * kMs), workers);

    const auto near = [](double a, double b) { return std::abs(a - b) < 1e-6; };
    QVERIFY2(near(m.makespan_ms, makespan), qPrintable(QString::number(m.makespan_ms)));
    QVERIFY2(near(m.sequential_ms, sequential), qPrintable(QString::number(m.sequential_ms)));
    QVERIFY2(near(m.speedup, speedup), qPrintable(QString::number(m.speedup)));
    QVERIFY2(near(m.efficiency, efficiency), qPrintable(QString::number(m.efficiency)));
    QCOMPARE(m.cores_used, coresUsed);
    QVERIFY2(near(m.gil_wait_ms, gilWait), qPrintable(QString::number(m.gil_wait_ms)));
    QVERIFY2(near(m.queued_ms, queued), qPrintable(QString::number(m.queued_ms)));
    QVERIFY2(near(m.lock_wait_ms, lockWait), qPrintable(QString::number(m.lock_wait_ms)));
    QVERIFY2(near(m.spawning_ms, spawning), qPrintable(QString::number(m.spawning_ms)));

    // Every core of this machine has an entry, idle ones too.
    const std::size_t cores =
        std::max<std::size_t>(std::size_t(utilisation.size()), std::thread::hardware_concurrency());
    QVERIFY(m.core_utilisation.size() >= cores);
    for (std::size_t c = 0; c < m.core_utilisation.size(); ++c) {
        const double expected =
            c < std::size_t(utilisation.size()) ? utilisation[qsizetype(c)] : 0.0;
        QVERIFY2(near(m.core_utilisation[c], expected),
                 qPrintable(QStringLiteral("core %1: %2").arg(c).arg(m.core_utilisation[c])));
    }
}

void TestPatterns::gilOffSpeedsUpCpuWork() {
    Params p;
    p.set("cpu-ms", 50.0);
    p.set("tasks", 4LL);
    p.set("workers", 2LL);
    p.set("gil", std::string("off"));
    QVERIFY(!threadPool().validate(p));
    RunControl control;
    const RunResult r = threadPool().run(p, control);
    QCOMPARE(r.result, std::string("[1, 4, 9, 16]"));
    QVERIFY(r.metrics.sequential_ms >= 4 * 50 * 0.9); // each task's 50 ms of CPU time
    QCOMPARE(r.metrics.gil_wait_ms, 0.0);
    // Free-threaded: the two workers are ready to run at the same time, running or waiting
    // for a core (under the GIL one waits for the GIL instead, see
    // gilOnKeepsCpuWorkSequential). That is the model's behaviour and holds on a busy machine
    // too; whether they run at once, and the speedup it buys, depends on a second core being
    // free, so it is reported, not asserted.
    std::vector<std::pair<std::int64_t, std::int64_t>> a, b;
    for (const TraceEvent& e : r.trace.events)
        if (e.type == EventType::Slice && e.task != 0 &&
            (e.state == State::Running || e.state == State::WaitingForCore))
            (r.trace.tracks[e.track].name == "worker 1" ? a : b).emplace_back(e.begin_ns, e.end_ns);
    std::int64_t overlap = 0;
    for (const auto& x : a)
        for (const auto& y : b)
            overlap += std::max<std::int64_t>(0, std::min(x.second, y.second) -
                                                     std::max(x.first, y.first));
    QVERIFY2(overlap > 10'000'000, qPrintable(QString::number(overlap))); // > 10 ms together
    qInfo("gil off, 2 workers, 4 x 50 ms of CPU work: speedup %.2f", r.metrics.speedup);
}

void TestPatterns::gilOnKeepsCpuWorkSequential() {
    Params p;
    p.set("cpu-ms", 50.0);
    p.set("tasks", 4LL);
    p.set("workers", 2LL);
    p.set("gil", std::string("on"));
    RunControl control;
    const RunResult r = threadPool().run(p, control);
    QCOMPARE(r.result, std::string("[1, 4, 9, 16]"));
    QVERIFY2(r.metrics.speedup < 1.3, qPrintable(QString::number(r.metrics.speedup)));
    QVERIFY2(r.metrics.gil_wait_ms > 0, qPrintable(QString::number(r.metrics.gil_wait_ms)));
    QVERIFY(r.metrics.sequential_ms >= 4 * 50 * 0.9);
    QVERIFY(r.metrics.makespan_ms >= r.metrics.sequential_ms * 0.9); // one at a time
}

void TestPatterns::pythonCodeFollowsTheParameters() {
    const Pattern& p = threadPool();
    const std::string byDefault = p.pythonCode(Params());
    QVERIFY2(contains(byDefault, "ThreadPoolExecutor()"), byDefault.c_str());
    QVERIFY(!contains(byDefault, "max_workers"));
    QVERIFY(contains(byDefault, "from concurrent.futures import ThreadPoolExecutor"));
    QVERIFY(contains(byDefault, "[1, 2, 3, 4, 5]"));
    QVERIFY(contains(byDefault, "executor.map(square, numbers)"));
    QVERIFY(contains(byDefault, "print(results)"));
    QVERIFY(!contains(byDefault, "import time")); // no work asked for, none written

    Params three;
    three.set("workers", 3LL);
    const std::string withThree = p.pythonCode(three);
    QVERIFY2(contains(withThree, "ThreadPoolExecutor(max_workers=3)"), withThree.c_str());
    QVERIFY(!contains(withThree, "ThreadPoolExecutor()"));

    Params heavy;
    heavy.set("tasks", 20LL);
    heavy.set("cpu-ms", 40.0);
    heavy.set("io-ms", 10.0);
    heavy.set("gil", std::string("off"));
    const std::string withWork = p.pythonCode(heavy);
    QVERIFY(contains(withWork, "import time"));
    QVERIFY(contains(withWork, "time.sleep(0.01)"));
    QVERIFY(contains(withWork, "range(1, 21)"));
    QVERIFY(contains(withWork, "free-threaded"));
}

void TestPatterns::stopBeforeRunThrowsRunStopped() {
    RunControl control;
    control.requestStop();
    QVERIFY(control.stopRequested());
    Params p;
    p.set("tasks", 50LL);
    p.set("io-ms", 20.0);
    QVERIFY_THROWS_EXCEPTION(RunStopped, threadPool().run(p, control));
}

void TestPatterns::progressIsReported() {
    RunControl control;
    std::mutex mutex;
    std::vector<long long> done;
    long long total = -1;
    control.onProgress = [&](long long d, long long t) {
        std::lock_guard lock(mutex);
        done.push_back(d);
        total = t;
    };
    Params p;
    p.set("tasks", 12LL);
    p.set("workers", 3LL);
    threadPool().run(p, control);
    QCOMPARE(total, 12LL);
    std::sort(done.begin(), done.end());
    std::vector<long long> expected(12);
    std::iota(expected.begin(), expected.end(), 1);
    QCOMPARE(done, expected); // 1..12, each once
}

void TestPatterns::processPatternsPrintTheTutorialsOutput_data() {
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QStringList>("output");
    for (const char* method : {"fork", "spawn"}) {
        const QString m = QString::fromLatin1(method);
        QTest::addRow("process %s", method)
            << QStringLiteral("process") << m
            << QStringList{QStringLiteral("Number: 0"), QStringLiteral("Number: 1"),
                           QStringLiteral("Number: 2"), QStringLiteral("Number: 3"),
                           QStringLiteral("Number: 4")};
        QTest::addRow("pool-map %s", method)
            << QStringLiteral("pool-map") << m << QStringList{QStringLiteral("[1, 4, 9, 16, 25]")};
        QTest::addRow("shared-value %s", method)
            << QStringLiteral("shared-value") << m << QStringList{QStringLiteral("최종 값: 5")};
        QTest::addRow("process-pool %s", method)
            << QStringLiteral("process-pool") << m
            << QStringList{QStringLiteral("[1, 8, 27, 64, 125]")};
    }
}

void TestPatterns::processPatternsPrintTheTutorialsOutput() {
    QFETCH(QString, pattern);
    QFETCH(QString, method);
    QFETCH(QStringList, output);
    const Pattern* p = PatternRegistry::instance().find(pattern.toStdString());
    QVERIFY(p != nullptr);
    Params params;
    params.set("start-method", method.toStdString());
    QVERIFY(!p->validate(params));
    RunControl control;
    const RunResult r = p->run(params, control);
    QStringList got;
    for (const auto& line : r.output)
        got << QString::fromStdString(line);
    QCOMPARE(got, output);
    // The main thread and at least one worker process are tracks of the trace.
    QVERIFY(r.trace.tracks.size() >= 2);
    QCOMPARE(r.trace.tracks[0].kind, TrackKind::Main);
    QVERIFY(std::any_of(r.trace.events.begin(), r.trace.events.end(),
                        [](const TraceEvent& e) { return e.state == State::Spawning; }));
}

void TestPatterns::sharedValueWithoutLockNeverOvercounts() {
    const Pattern* p = PatternRegistry::instance().find("shared-value");
    Params params;
    params.set("workers", 4LL);
    params.set("increments", 2000LL);
    params.set("lock", std::string("off"));
    RunControl control;
    const RunResult r = p->run(params, control);
    const long long value = std::stoll(r.result);
    QVERIFY2(value > 0 && value <= 8000, r.result.c_str());
    params.set("lock", std::string("on"));
    QCOMPARE(p->run(params, control).result, std::string("8000"));
}

void TestPatterns::poolMapTracesWorkerProcesses() {
    const Pattern* p = PatternRegistry::instance().find("pool-map");
    Params params;
    params.set("workers", 4LL);
    params.set("tasks", 8LL);
    params.set("cpu-ms", 20.0);
    RunControl control;
    const RunResult r = p->run(params, control);
    QCOMPARE(r.result, std::string("[1, 4, 9, 16, 25, 36, 49, 64]"));
    int processes = 0;
    for (const Track& t : r.trace.tracks)
        if (t.kind == TrackKind::Process) {
            ++processes;
            QVERIFY2(QString::fromStdString(t.name).contains(QStringLiteral("(pid ")),
                     t.name.c_str());
        }
    QCOMPARE(processes, 4);
    // Running slices come from inside the children, with the core they ran on.
    int running = 0;
    for (const TraceEvent& e : r.trace.events)
        if (e.type == EventType::Slice && e.state == State::Running &&
            r.trace.tracks[e.track].kind == TrackKind::Process) {
            ++running;
            QVERIFY(e.cpu >= 0);
        }
    QVERIFY(running >= 8);
    QVERIFY(r.metrics.sequential_ms >= 8 * 20 * 0.9);
}

void TestPatterns::oversubscribedRunningFitsTheCores_data() {
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    QTest::newRow("pool-map: 2 processes")
        << QStringLiteral("pool-map") << QStringLiteral("start-method") << QStringLiteral("fork");
    QTest::newRow("process-pool: 2 processes")
        << QStringLiteral("process-pool") << QStringLiteral("start-method")
        << QStringLiteral("fork");
    QTest::newRow("thread-pool, GIL off: 2 threads")
        << QStringLiteral("thread-pool") << QStringLiteral("gil") << QStringLiteral("off");
}

void TestPatterns::oversubscribedRunningFitsTheCores() {
    QFETCH(QString, pattern);
    QFETCH(QString, option);
    QFETCH(QString, value);
    // Two workers of 100 ms of CPU work on one core: the kernel takes turns between them, so
    // each waits for the core about as long as it runs. A running slice is time on the core.
    const PinnedToOneCore pin;
    QVERIFY(pin.pinned());
    const Pattern* p = PatternRegistry::instance().find(pattern.toStdString());
    QVERIFY(p != nullptr);
    Params params;
    params.set("workers", 2LL);
    params.set("tasks", 2LL);
    params.set("cpu-ms", 100.0);
    params.set(option.toStdString(), value.toStdString());
    QVERIFY(!p->validate(params));
    RunControl control;
    const RunResult r = p->run(params, control);
    QCOMPARE(r.result, pattern == QLatin1String("process-pool") ? std::string("[1, 8]")
                                                                : std::string("[1, 4]"));

    std::int64_t running = 0, waiting = 0;
    for (const TraceEvent& e : r.trace.events) {
        if (e.type != EventType::Slice)
            continue;
        if (e.state == State::Running)
            running += e.duration_ns();
        if (e.state == State::WaitingForCore) {
            waiting += e.duration_ns();
            QCOMPARE(e.cpu, std::int16_t(-1));
        }
    }
    const double span = double(r.trace.endNs() - r.trace.beginNs());
    const QString figures = QStringLiteral("running %1 ms, waiting for a core %2 ms, span %3 ms")
                                .arg(double(running) / 1e6)
                                .arg(double(waiting) / 1e6)
                                .arg(span / 1e6);
    // One core: at most one thing runs at a time (5 % for the clocks' granularity).
    QVERIFY2(double(running) <= span * 1.05, qPrintable(figures));
    // Each worker waited while the other ran: together at least half of one task's 100 ms.
    QVERIFY2(waiting >= 50'000'000, qPrintable(figures));
    QVERIFY2(std::abs(r.metrics.core_wait_ms - double(waiting) / 1e6) < 1.0,
             qPrintable(QString::number(r.metrics.core_wait_ms)));
    // The core's row (the union of the running slices recorded on it, as the chart draws it)
    // is made of slices that follow each other: which thread ran when, not two at once.
    AnalysisScope scope = AnalysisScope::whole();
    scope.acrossTracks = true;
    const TraceAnalysis a = analyseTrace(r.trace, scope);
    for (std::size_t c = 0; c < a.cores.size(); ++c) {
        std::int64_t onCore = 0;
        for (const TraceEvent& e : r.trace.events)
            if (e.type == EventType::Slice && e.state == State::Running && e.cpu == int(c))
                onCore += e.duration_ns();
        QVERIFY2(double(onCore) <= double(a.cores[c].running_ns) * 1.05 + 1e6,
                 qPrintable(QStringLiteral("CPU %1: slices %2 ms, their union %3 ms")
                                .arg(c)
                                .arg(double(onCore) / 1e6)
                                .arg(double(a.cores[c].running_ns) / 1e6)));
    }
    qInfo("%s", qPrintable(figures));
}

// Leaving `with Pool(...)` / `with ...PoolExecutor(...)` waits for the workers to exit:
// the makespan counts that wait, so the chart draws it on the main track as a measured slice,
// not an empty tail.
void TestPatterns::poolsEndWithAMeasuredShutdown_data() {
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("method");
    QTest::newRow("pool-map fork") << QStringLiteral("pool-map") << QStringLiteral("fork");
    QTest::newRow("pool-map spawn") << QStringLiteral("pool-map") << QStringLiteral("spawn");
    QTest::newRow("process-pool fork") << QStringLiteral("process-pool") << QStringLiteral("fork");
    // ThreadPoolExecutor's `with` joins its threads the same way.
    QTest::newRow("thread-pool") << QStringLiteral("thread-pool") << QString();
}

void TestPatterns::poolsEndWithAMeasuredShutdown() {
    QFETCH(QString, pattern);
    QFETCH(QString, method);
    const Pattern* p = PatternRegistry::instance().find(pattern.toStdString());
    Params params;
    if (!method.isEmpty())
        params.set("start-method", method.toStdString());
    RunControl control;
    const RunResult r = p->run(params, control);
    const std::span<const TraceEvent> main = r.trace.eventsOf(0);
    QCOMPARE(r.trace.tracks[0].kind, TrackKind::Main);
    const auto shutdowns = std::count_if(main.begin(), main.end(), [&](const TraceEvent& e) {
        return e.type == EventType::Slice && r.trace.label(e) == "shutdown (join workers)";
    });
    QCOMPARE(int(shutdowns), 1);
    const TraceEvent* last = nullptr;
    for (const TraceEvent& e : main)
        if (e.type == EventType::Slice && (last == nullptr || e.end_ns > last->end_ns))
            last = &e;
    QVERIFY(last != nullptr);
    QCOMPARE(r.trace.label(*last), std::string_view("shutdown (join workers)"));
    QCOMPARE(last->state, State::Sleeping);
    QVERIFY(last->duration_ns() > 0);
    // What follows it is the printed result, at the run's end: no empty tail.
    const double tailMs = double(r.trace.endNs() - last->end_ns) / 1e6;
    QVERIFY2(tailMs < std::max(2.0, r.metrics.makespan_ms * 0.05),
             qPrintable(QString::number(tailMs)));
}

void TestPatterns::renderTemplate_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("substitution") << QStringLiteral("print({{a}}, {{b}})\n")
                                  << QStringLiteral("print(1, )\n");
    QTest::newRow("python braces stay") << QStringLiteral("f\"{i}\"") << QStringLiteral("f\"{i}\"");
    QTest::newRow("if set") << QStringLiteral("x\n{{#if a}}\ny\n{{/if}}\nz")
                            << QStringLiteral("x\ny\nz");
    QTest::newRow("if empty") << QStringLiteral("x\n{{#if b}}\ny\n{{/if}}\nz")
                              << QStringLiteral("x\nz");
    QTest::newRow("else") << QStringLiteral("{{#if b}}\ny\n{{else}}\nn\n{{/if}}\n")
                          << QStringLiteral("n\n");
    QTest::newRow("indented control lines")
        << QStringLiteral("    {{#if a}}\n    y\n    {{/if}}\n") << QStringLiteral("    y\n");
    QTest::newRow("nested, outer off")
        << QStringLiteral("{{#if b}}\n{{#if a}}\ny\n{{else}}\nn\n{{/if}}\n{{/if}}\nz\n")
        << QStringLiteral("z\n");
    QTest::newRow("nested, both on")
        << QStringLiteral("{{#if a}}\n{{#if a}}\ny\n{{/if}}\n{{/if}}\n") << QStringLiteral("y\n");
}

void TestPatterns::renderTemplate() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const TemplateValues values{{"a", "1"}, {"b", ""}};
    QCOMPARE(QString::fromStdString(tasklane::renderTemplate(text.toStdString(), values)),
             expected);
}

void TestPatterns::renderTemplateRefusesBrokenOnes_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("unknown name") << QStringLiteral("{{nope}}");
    QTest::newRow("unknown block name") << QStringLiteral("{{#if nope}}\n{{/if}}");
    QTest::newRow("unclosed braces") << QStringLiteral("print({{a)");
    QTest::newRow("unclosed block") << QStringLiteral("{{#if a}}\nx\n");
    QTest::newRow("stray end") << QStringLiteral("x\n{{/if}}\n");
    QTest::newRow("stray else") << QStringLiteral("{{else}}\n");
}

void TestPatterns::renderTemplateRefusesBrokenOnes() {
    QFETCH(QString, text);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             tasklane::renderTemplate(text.toStdString(), {{"a", "1"}}));
}

// The Python tab's programs are real: run with python3, each prints what Tasklane's run of
// the same pattern and parameters printed.
void TestPatterns::pythonProgramsPrintWhatTasklanePrints_data() {
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("params"); // name=value pairs over the defaults
    QTest::newRow("thread-pool") << QStringLiteral("thread-pool") << QStringList{};
    QTest::newRow("thread-pool, 12 tasks, work")
        << QStringLiteral("thread-pool")
        << QStringList{QStringLiteral("tasks=12"), QStringLiteral("workers=3"),
                       QStringLiteral("cpu-ms=2"), QStringLiteral("io-ms=1")};
    QTest::newRow("process") << QStringLiteral("process") << QStringList{};
    // One process: two print at the same time in Python, and their lines interleave.
    QTest::newRow("process, spawn")
        << QStringLiteral("process")
        << QStringList{QStringLiteral("tasks=3"), QStringLiteral("start-method=spawn")};
    QTest::newRow("pool-map") << QStringLiteral("pool-map") << QStringList{};
    QTest::newRow("pool-map, chunksize 2, spawn")
        << QStringLiteral("pool-map")
        << QStringList{QStringLiteral("tasks=11"), QStringLiteral("chunksize=2"),
                       QStringLiteral("start-method=spawn")};
    QTest::newRow("shared-value") << QStringLiteral("shared-value") << QStringList{};
    QTest::newRow("shared-value, 3 x 50 locked")
        << QStringLiteral("shared-value")
        << QStringList{QStringLiteral("workers=3"), QStringLiteral("increments=50")};
    QTest::newRow("process-pool") << QStringLiteral("process-pool") << QStringList{};
    QTest::newRow("process-pool, work, spawn")
        << QStringLiteral("process-pool")
        << QStringList{QStringLiteral("workers=2"), QStringLiteral("cpu-ms=1"),
                       QStringLiteral("start-method=spawn")};
    QTest::newRow("async-hello") << QStringLiteral("async-hello")
                                 << QStringList{QStringLiteral("time-scale=0.01")};
    QTest::newRow("async-gather") << QStringLiteral("async-gather")
                                  << QStringList{QStringLiteral("time-scale=0.01")};
}

void TestPatterns::pythonProgramsPrintWhatTasklanePrints() {
    QFETCH(QString, pattern);
    QFETCH(QStringList, params);
    SKIP_QPROCESS_UNDER_TSAN();
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    const Pattern* p = PatternRegistry::instance().find(pattern.toStdString());
    QVERIFY(p != nullptr);
    Params given;
    for (const QString& pair : params) {
        const auto name = pair.section(QLatin1Char('='), 0, 0).toStdString();
        const auto spec = p->param(name);
        QVERIFY2(spec, qPrintable(pair));
        const auto parsed = spec->parse(pair.section(QLatin1Char('='), 1).toStdString());
        QVERIFY2(std::holds_alternative<ParamValue>(parsed), qPrintable(pair));
        given.set(name, std::get<ParamValue>(parsed));
    }
    RunControl control;
    const RunResult run = p->run(given, control);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("program.py"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray::fromStdString(p->pythonCode(given)));
    }
    QProcess proc;
    proc.setWorkingDirectory(dir.path());
    proc.start(python, {file});
    QVERIFY(proc.waitForFinished(60'000));
    const QString errors = QString::fromUtf8(proc.readAllStandardError());
    QVERIFY2(proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0, qPrintable(errors));
    QStringList printed = QString::fromUtf8(proc.readAllStandardOutput()).split(QLatin1Char('\n'));
    while (!printed.isEmpty() && printed.back().isEmpty())
        printed.removeLast();
    QStringList ours;
    for (const std::string& line : run.output)
        ours << QString::fromStdString(line);
    QCOMPARE(printed, ours);
}

void TestPatterns::compareConclusion_data() {
    QTest::addColumn<double>("cpuMs");
    QTest::addColumn<double>("ioMs");
    QTest::addColumn<QList<double>>("makespans"); // sequential, threads-gil, threads-free,
                                                  // processes, asyncio
    QTest::addColumn<QString>("opening");         // how the first sentence begins
    QTest::addColumn<bool>("ruleHolds");          // "As the tutorial says"
    QTest::newRow("CPU-bound, processes win")
        << 100.0 << 0.0 << QList<double>{800, 810, 420, 430, 805}
        << QStringLiteral("threads (free-threaded)") << true;
    QTest::newRow("CPU-bound, processes alone ahead")
        << 100.0 << 0.0 << QList<double>{800, 810, 700, 420, 805}
        << QStringLiteral("processes finished first") << true;
    QTest::newRow("CPU-bound, nothing gained")
        << 100.0 << 0.0 << QList<double>{800, 790, 780, 760, 805}
        << QStringLiteral("processes finished first") << false;
    QTest::newRow("I/O-bound, asyncio wins")
        << 0.0 << 100.0 << QList<double>{800, 200, 200, 210, 100}
        << QStringLiteral("asyncio finished first") << true;
    QTest::newRow("tiny work, sequential wins")
        << 0.01 << 0.0 << QList<double>{0.1, 0.5, 0.5, 3, 0.2} << QStringLiteral("Nothing beat")
        << false;
}

void TestPatterns::compareConclusion() {
    QFETCH(double, cpuMs);
    QFETCH(double, ioMs);
    QFETCH(QList<double>, makespans);
    QFETCH(QString, opening);
    QFETCH(bool, ruleHolds);
    CompareInput in;
    in.cpu_ms = cpuMs;
    in.io_ms = ioMs;
    in.tasks = 8;
    in.workers = 4;
    in.cores = 2;
    const char* titles[] = {"sequential", "threads (GIL)", "threads (free-threaded)", "processes",
                            "asyncio"};
    for (int i = 0; i < 5; ++i) {
        ModeResult m;
        m.id = ComparePattern::modeIds()[std::size_t(i)];
        m.title = titles[i];
        m.metrics.makespan_ms = makespans[i];
        in.modes.push_back(m);
    }
    const std::vector<std::string> sentences = tasklane::compareConclusion(in);
    QVERIFY(sentences.size() >= 2);
    QVERIFY2(QString::fromStdString(sentences.front()).startsWith(opening),
             sentences.front().c_str());
    bool holds = false;
    for (const auto& s : sentences)
        holds = holds || contains(s, "As the tutorial says");
    QCOMPARE(holds, ruleHolds);
    // The figures quoted are the measured ones: the winner's makespan appears.
    const double best = *std::min_element(makespans.begin(), makespans.end());
    if (best >= 10)
        QVERIFY2(contains(sentences.front(), std::to_string(int(std::lround(best))) + " ms"),
                 sentences.front().c_str());
}

// A short comparison runs all five modes, stacks them on one axis and says who won.
void TestPatterns::compareRunsEveryMode() {
    const Pattern* p = PatternRegistry::instance().find("compare");
    QVERIFY(p != nullptr);
    Params given;
    given.set("tasks", 4LL);
    given.set("workers", 2LL);
    given.set("cpu-ms", 0.0);
    given.set("io-ms", 20.0);
    RunControl control;
    long long last = 0;
    long long total = 0;
    // Progress comes from the modes' worker threads (RunControl's contract).
    std::mutex progressMutex;
    control.onProgress = [&](long long done, long long all) {
        const std::lock_guard lock(progressMutex);
        last = std::max(last, done);
        total = all;
    };
    const RunResult run = p->run(given, control);
    QCOMPARE(run.modes.size(), std::size_t(5));
    QCOMPARE(total, 20LL);
    QCOMPARE(last, 20LL);
    for (std::size_t i = 0; i < run.modes.size(); ++i) {
        QCOMPARE(run.modes[i].id, ComparePattern::modeIds()[i]);
        QVERIFY(run.modes[i].metrics.makespan_ms > 0);
    }
    // Every mode's tracks are in the stacked trace, under the mode's name.
    for (const char* prefix : {"sequential · ", "threads (GIL) · ", "processes · ", "asyncio · "})
        QVERIFY2(std::any_of(run.trace.tracks.begin(), run.trace.tracks.end(),
                             [&](const Track& t) { return t.name.rfind(prefix, 0) == 0; }),
                 prefix);
    // I/O-bound: waiting overlaps; sequential is the slowest by far (4 x 20 ms).
    QVERIFY(run.modes[0].metrics.makespan_ms >= 75);
    QVERIFY(run.modes[4].metrics.makespan_ms < run.modes[0].metrics.makespan_ms / 2);
    QVERIFY(!run.conclusion.empty());
    QCOMPARE(run.output.size(), 1 + 5 + run.conclusion.size());
}

void TestPatterns::asyncFileDefaultsAreTheTutorials() {
    const Pattern& p = asyncFile();
    QCOMPARE(p.section(), std::string("3.3"));
    QCOMPARE(kText.size(), std::size_t(24));
    const auto files = p.param("files");
    const auto bytes = p.param("bytes");
    const auto concurrency = p.param("concurrency");
    const auto outDir = p.param("out-dir");
    QVERIFY(files && bytes && concurrency && outDir);
    QCOMPARE(std::get<long long>(files->defaultValue), 1LL);  // one example.txt
    QCOMPARE(std::get<long long>(bytes->defaultValue), 24LL); // the text, nothing more
    QCOMPARE(bytes->min, 24.0);
    QCOMPARE(outDir->kind, ParamKind::Folder);
    QCOMPARE(std::get<std::string>(outDir->defaultValue), std::string());
    QCOMPARE(outDir->rangeText(), std::string("a folder"));
    for (const ParamSpec& spec : p.params()) {
        QVERIFY2(!spec.validate(spec.defaultValue), spec.name.c_str());
        QVERIFY2(!spec.help.empty(), spec.name.c_str());
    }
    // A folder parses as typed, spaces and all; only a NUL is refused.
    const auto parsed = outDir->parse("/tmp/my files");
    QVERIFY(std::holds_alternative<ParamValue>(parsed));
    QCOMPARE(std::get<std::string>(std::get<ParamValue>(parsed)), std::string("/tmp/my files"));
    QVERIFY(outDir->validate(ParamValue(std::string("a\0b", 3))));
    QVERIFY(outDir->validate(ParamValue(3LL)));

    // In the registry right after async-gather, in the tutorial's order.
    const auto& all = PatternRegistry::instance().all();
    const auto at =
        std::find_if(all.begin(), all.end(), [](const auto& q) { return q->id() == "async-file"; });
    QVERIFY(at != all.begin() && at != all.end());
    QCOMPARE((*(at - 1))->id(), std::string("async-gather"));
}

void TestPatterns::asyncFileContent_data() {
    QTest::addColumn<qlonglong>("bytes");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray t = QByteArray::fromStdString(kText);
    QTest::newRow("24: the text") << 24LL << t;
    QTest::newRow("25: one dot") << 25LL << t + '.';
    QTest::newRow("48: dots up to a second copy") << 48LL << t + QByteArray(24, '.');
    QTest::newRow("49: two lines") << 49LL << t + '\n' + t;
    QTest::newRow("52: two lines and 3 dots") << 52LL << t + '\n' + t + "...";
    QTest::newRow("74: three lines") << 74LL << t + '\n' + t + '\n' + t;
}

void TestPatterns::asyncFileContent() {
    QFETCH(qlonglong, bytes);
    QFETCH(QByteArray, expected);
    const std::string content = AsyncFilePattern::fileContent(bytes);
    QCOMPARE(QByteArray::fromStdString(content), expected);
    QCOMPARE(qlonglong(content.size()), bytes);
    // Whole characters only: it decodes as UTF-8 and encodes back to the same bytes.
    QCOMPARE(QString::fromUtf8(content.data(), qsizetype(content.size())).toUtf8(), expected);
}

void TestPatterns::asyncFileWritesTheFiles_data() {
    QTest::addColumn<qlonglong>("files");
    QTest::addColumn<qlonglong>("bytes");
    QTest::addColumn<qlonglong>("concurrency");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("the tutorial: 1 file")
        << 1LL << 24LL << 4LL << QStringList{QStringLiteral("example.txt")};
    QTest::newRow("3 files, one at a time")
        << 3LL << 24LL << 1LL
        << QStringList{QStringLiteral("example1.txt"), QStringLiteral("example2.txt"),
                       QStringLiteral("example3.txt")};
    QStringList twelve;
    for (int i = 1; i <= 12; ++i)
        twelve << QStringLiteral("example%1.txt").arg(i, 2, 10, QLatin1Char('0'));
    QTest::newRow("12 files of 100 bytes, 3 at once") << 12LL << 100LL << 3LL << twelve;
    QTest::newRow("12 files of 1 MiB, all at once") << 12LL << 1048576LL << 256LL << twelve;
}

void TestPatterns::asyncFileWritesTheFiles() {
    QFETCH(qlonglong, files);
    QFETCH(qlonglong, bytes);
    QFETCH(qlonglong, concurrency);
    QFETCH(QStringList, names);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Params p;
    p.set("files", static_cast<long long>(files));
    p.set("bytes", static_cast<long long>(bytes));
    p.set("concurrency", static_cast<long long>(concurrency));
    p.set("out-dir", dir.path().toStdString());
    QVERIFY(!asyncFile().validate(p));
    RunControl control;
    const RunResult r = asyncFile().run(p, control);

    // Exactly the files asked for, each holding exactly the content: nothing else is left.
    QCOMPARE(entries(dir.path()), names);
    const QByteArray expected = QByteArray::fromStdString(AsyncFilePattern::fileContent(bytes));
    QVERIFY(expected.startsWith(QByteArray::fromStdString(kText)));
    for (const QString& name : names)
        QVERIFY2(readAll(dir.filePath(name)) == expected, qPrintable(name));

    // A line per file, in order, then where they are.
    const QString firstLine = QString::fromUtf8(expected.split('\n').first());
    QStringList want;
    for (const QString& name : names)
        want << QStringLiteral("%1 (%2 bytes): %3").arg(name).arg(bytes).arg(firstLine);
    want << QStringLiteral("%1 %2 in %3")
                .arg(files)
                .arg(files == 1 ? QStringLiteral("file") : QStringLiteral("files"), dir.path());
    QCOMPARE(lines(r.output), want);
    QCOMPARE(QString::fromStdString(r.result), dir.path());

    // Traced: the loop, the executor's threads doing the file work, a lifeline per file.
    QVERIFY(std::any_of(r.trace.tracks.begin(), r.trace.tracks.end(),
                        [](const Track& t) { return t.kind == TrackKind::EventLoop; }));
    QVERIFY(std::any_of(r.trace.tracks.begin(), r.trace.tracks.end(),
                        [](const Track& t) { return t.kind == TrackKind::Thread; }));
    int writes = 0;
    for (const TraceEvent& e : r.trace.events)
        if (e.isSlice() && e.state == State::Running &&
            r.trace.tracks[e.track].kind == TrackKind::Thread &&
            contains(std::string(r.trace.label(e)), "write("))
            ++writes;
    QCOMPARE(writes, int(files));
    QVERIFY(r.metrics.makespan_ms > 0);

    // Its tasks only compute (on the loop, and the executor's threads for the file work):
    // a wait for the semaphore is for the files ahead (lock-wait, their time), a wait for a
    // job is the job's time. The sequential estimate is the running time, not 5× the run.
    QVERIFY2(r.metrics.sequential_ms <= r.metrics.running_ms * 1.05 + 0.5,
             qPrintable(QStringLiteral("sequential %1 ms, running %2 ms")
                            .arg(r.metrics.sequential_ms)
                            .arg(r.metrics.running_ms)));
    QCOMPARE(r.metrics.lock_wait_ms > 0, concurrency < files);
    QVERIFY(r.metrics.efficiency >= 0 && r.metrics.efficiency <= 1);
}

void TestPatterns::asyncFileRunFolderStaysAndNothingElse() {
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const TempLocation location(temp.path());
    QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::TempLocation), temp.path());
    RunControl control;
    const RunResult r = asyncFile().run(Params(), control);

    // One run folder, named for the pattern and the time, holding example.txt only.
    const QStringList made = entries(temp.path());
    QCOMPARE(made.size(), 1);
    QVERIFY2(made.first().startsWith(QLatin1String(AsyncFilePattern::kRunFolderPrefix)),
             qPrintable(made.first()));
    QVERIFY(made.first().contains(QDate::currentDate().toString(QStringLiteral("yyyyMMdd"))));
    const QString folder = temp.filePath(made.first());
    QCOMPARE(QString::fromStdString(r.result), folder);
    QCOMPARE(entries(folder), QStringList{QStringLiteral("example.txt")});
    QCOMPARE(readAll(folder + QStringLiteral("/example.txt")), QByteArray::fromStdString(kText));
    // The output is what the tutorial's file holds, and where the folder is.
    QCOMPARE(lines(r.output),
             (QStringList{QStringLiteral("example.txt (24 bytes): 비동기 파일 작성!"),
                          QStringLiteral("1 file in ") + folder}));

    // A second run gets a folder of its own, even within the same second.
    const RunResult again = asyncFile().run(Params(), control);
    QVERIFY(again.result != r.result);
    QCOMPARE(entries(temp.path()).size(), 2);
}

void TestPatterns::asyncFileStoppedRunLeavesNoRunFolder() {
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const TempLocation location(temp.path());
    RunControl control;
    control.onProgress = [&](long long done, long long) {
        if (done == 3)
            control.requestStop();
    };
    Params p;
    p.set("files", 50LL);
    p.set("concurrency", 1LL);
    QVERIFY_THROWS_EXCEPTION(RunStopped, asyncFile().run(p, control));
    // Nobody was shown the half-made folder: it goes, with the files already written.
    QCOMPARE(entries(temp.path()), QStringList());
}

void TestPatterns::asyncFileRefusesBadFolders_data() {
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << QStringLiteral("/nonexistent-tasklane-dir/sub")
                             << QStringLiteral("does not exist");
    QTest::newRow("a file, not a folder")
        << QStringLiteral("/etc/hostname") << QStringLiteral("is not a folder");
    QTest::newRow("under a file") << QStringLiteral("/etc/hostname/sub")
                                  << QStringLiteral("Not a directory");
    // Refused to everyone, root included (who passes access()): the open fails instead.
    QTest::newRow("unwritable") << QStringLiteral("/sys") << QStringLiteral("Permission denied");
}

void TestPatterns::asyncFileRefusesBadFolders() {
    QFETCH(QString, folder);
    QFETCH(QString, reason);
    Params p;
    p.set("out-dir", folder.toStdString());
    QVERIFY(!asyncFile().validate(p)); // a path is fine as a value; the run finds out
    RunControl control;
    QString message;
    try {
        asyncFile().run(p, control);
    } catch (const std::exception& e) {
        message = QString::fromUtf8(e.what());
    }
    QVERIFY2(message.contains(u'\'' + folder + u'\''), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
}

void TestPatterns::asyncFileRefusesBadNumbers_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("allowed");
    QTest::newRow("files 0") << "files"
                             << "0"
                             << "between 1 and 1000";
    QTest::newRow("files 1001") << "files"
                                << "1001"
                                << "between 1 and 1000";
    QTest::newRow("bytes below the text") << "bytes"
                                          << "23"
                                          << "between 24 and 4194304";
    QTest::newRow("bytes over 4 MiB") << "bytes"
                                      << "4194305"
                                      << "between 24 and 4194304";
    QTest::newRow("concurrency 0") << "concurrency"
                                   << "0"
                                   << "between 1 and 256";
    QTest::newRow("concurrency x") << "concurrency"
                                   << "x"
                                   << "1..256";
}

void TestPatterns::asyncFileRefusesBadNumbers() {
    QFETCH(QString, option);
    QFETCH(QString, text);
    QFETCH(QString, allowed);
    const auto spec = asyncFile().param(option.toStdString());
    QVERIFY(spec);
    const auto parsed = spec->parse(text.toStdString());
    const auto* error = std::get_if<std::string>(&parsed);
    QVERIFY2(error != nullptr, "a bad value was accepted");
    const QString message = QString::fromStdString(*error);
    QVERIFY2(message.contains(QLatin1String("--") + option), qPrintable(message));
    QVERIFY2(message.contains(allowed), qPrintable(message));
}

void TestPatterns::asyncFileLimitsConcurrency() {
    // With concurrency 2, at most two file lifelines are past the semaphore at any moment:
    // count the files whose executor work (open/write/read/close) overlaps in time.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const long long limit : {1LL, 2LL}) {
        Params p;
        p.set("files", 8LL);
        p.set("bytes", 1048576LL);
        p.set("concurrency", limit);
        p.set("out-dir", dir.path().toStdString());
        RunControl control;
        const RunResult r = asyncFile().run(p, control);
        // Each file's span of executor work, from its first open to its last close.
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> spans;
        for (const TraceEvent& e : r.trace.events) {
            if (!e.isSlice() || e.state != State::Running ||
                r.trace.tracks[e.track].kind != TrackKind::Thread)
                continue;
            const std::string label(r.trace.label(e));
            const auto slash = label.rfind('/');
            if (slash == std::string::npos)
                continue;
            const std::string file = label.substr(slash + 1, label.size() - slash - 2);
            auto [it, added] = spans.try_emplace(file, e.begin_ns, e.end_ns);
            it->second.first = std::min(it->second.first, e.begin_ns);
            it->second.second = std::max(it->second.second, e.end_ns);
        }
        QCOMPARE(spans.size(), std::size_t(8));
        int most = 0;
        for (const auto& [name, span] : spans) {
            int overlapping = 0;
            for (const auto& [other, s] : spans)
                if (s.first <= span.first && span.first < s.second)
                    ++overlapping;
            most = std::max(most, overlapping);
        }
        QVERIFY2(most <= limit,
                 qPrintable(
                     QStringLiteral("%1 files at once with concurrency %2").arg(most).arg(limit)));
    }
}

void TestPatterns::asyncFilePythonCode_data() {
    QTest::addColumn<qlonglong>("files");
    QTest::addColumn<qlonglong>("bytes");
    QTest::addColumn<qlonglong>("concurrency");
    QTest::newRow("the tutorial") << 1LL << 24LL << 4LL;
    QTest::newRow("3 files all at once, 52 bytes") << 3LL << 52LL << 4LL;
    QTest::newRow("12 files 2 at once, 100 bytes") << 12LL << 100LL << 2LL;
}

void TestPatterns::asyncFilePythonCode() {
    QFETCH(qlonglong, files);
    QFETCH(qlonglong, bytes);
    QFETCH(qlonglong, concurrency);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Params p;
    p.set("files", static_cast<long long>(files));
    p.set("bytes", static_cast<long long>(bytes));
    p.set("concurrency", static_cast<long long>(concurrency));
    p.set("out-dir", dir.path().toStdString());
    const std::string code = asyncFile().pythonCode(p);
    QVERIFY2(contains(code, "import aiofiles"), code.c_str());
    QVERIFY(contains(code, "aiofiles.open(path, \"w\""));
    QVERIFY(contains(code, "await f.write(data)"));
    QVERIFY(contains(code, "TEXT = \"비동기 파일 작성!\""));
    QVERIFY(contains(code, "OUT_DIR = Path(\"" + dir.path().toStdString() + "\")"));
    QCOMPARE(contains(code, "asyncio.Semaphore(" + std::to_string(concurrency) + ")"),
             concurrency < files);
    // Without a folder, the program makes its own, as the run does.
    const std::string ownFolder = asyncFile().pythonCode(Params());
    QVERIFY2(contains(ownFolder, "tempfile.mkdtemp("), ownFolder.c_str());
    QVERIFY(contains(ownFolder, "\"example.txt\""));

    // The program is Python; with aiofiles installed it prints what the run prints. Any
    // python3 parses it; the first one with aiofiles (Debian's python3-aiofiles goes with
    // /usr/bin/python3, which a pyenv earlier on PATH hides) runs it.
    SKIP_QPROCESS_UNDER_TSAN();
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("no python3 here");
    QProcess parse;
    parse.start(python, {QStringLiteral("-c"),
                         QStringLiteral("import ast, sys; ast.parse(sys.stdin.read())")});
    parse.write(QByteArray::fromStdString(code));
    parse.closeWriteChannel();
    QVERIFY(parse.waitForFinished(30'000));
    QVERIFY2(parse.exitCode() == 0, parse.readAllStandardError().constData());

    QString withAiofiles;
    for (const QString& candidate : {python, QStringLiteral("/usr/bin/python3")}) {
        QProcess probe;
        probe.start(candidate, {QStringLiteral("-c"), QStringLiteral("import aiofiles")});
        if (probe.waitForFinished(30'000) && probe.exitStatus() == QProcess::NormalExit &&
            probe.exitCode() == 0) {
            withAiofiles = candidate;
            break;
        }
    }
    if (withAiofiles.isEmpty())
        QSKIP("no python3 with aiofiles (apt install python3-aiofiles): syntax checked only");
    QProcess run;
    run.start(withAiofiles, {QStringLiteral("-")});
    run.write(QByteArray::fromStdString(code));
    run.closeWriteChannel();
    QVERIFY(run.waitForFinished(30'000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    const QStringList pythonSays =
        QString::fromUtf8(run.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    const QStringList pythonFiles = entries(dir.path());
    QByteArray pythonContent = readAll(dir.filePath(pythonFiles.value(0)));

    RunControl control;
    const RunResult r = asyncFile().run(p, control);
    QCOMPARE(lines(r.output), pythonSays);
    QCOMPARE(entries(dir.path()), pythonFiles);
    QCOMPARE(readAll(dir.filePath(pythonFiles.value(0))), pythonContent);
}

// compare's program comes from resources/python/compare.py, filled with the parameters.
void TestPatterns::comparePythonProgramFollowsTheParameters() {
    const Pattern* p = PatternRegistry::instance().find("compare");
    QVERIFY(p != nullptr);
    Params given;
    given.set("tasks", 3LL);
    given.set("workers", 2LL);
    given.set("cpu-ms", 40.0);
    given.set("io-ms", 100.0);
    given.set("time-scale", 0.5);
    given.set("start-method", std::string("spawn"));
    const std::string py = p->pythonCode(given);
    for (const char* part : {"TASKS = 3\n", "WORKERS = 2\n", "CPU_S = 0.02 ", "IO_S = 0.05 ",
                             "mp.get_context(\"spawn\")", "asyncio.gather("})
        QVERIFY2(contains(py, part), part);
    QVERIFY(!contains(py, "{{"));
}

// Every pattern's presets: the tutorial's are its defaults; the lesson's are valid and fit the
// two-second rule that decides whether the window runs it at once.
void TestPatterns::presetsOfEveryPattern_data() {
    QTest::addColumn<QString>("id");
    for (const auto& pattern : PatternRegistry::instance().all())
        QTest::newRow(pattern->id().c_str()) << QString::fromStdString(pattern->id());
}

void TestPatterns::presetsOfEveryPattern() {
    QFETCH(QString, id);
    const Pattern& pattern = *PatternRegistry::instance().find(id.toStdString());
    const Params tutorial = pattern.preset(Preset::Tutorial);
    for (const ParamSpec& spec : pattern.params())
        QVERIFY2(tutorial.at(spec.name) == spec.defaultValue, spec.name.c_str());
    const Params lesson = pattern.preset(Preset::Lesson);
    QCOMPARE(lesson.values().size(), pattern.params().size());
    QVERIFY2(!pattern.validate(lesson), pattern.validate(lesson).value_or("").c_str());
    const double expected = pattern.expectedMs(lesson);
    qInfo("%s: lesson expected %.0f ms", qPrintable(id), expected);
    QVERIFY2(expected <= kStartAtOnceMs, qPrintable(QString::number(expected)));
    QCOMPARE(presetFromName("lesson"), std::optional(Preset::Lesson));
    QCOMPARE(presetFromName("tutorial"), std::optional(Preset::Tutorial));
    QVERIFY(!presetFromName("Lesson"));
}

// The first screen of each pattern: its lesson's run shows the pattern's work, not the pool's
// start-up cost (the tutorial's values drew "speedup 0.00×" for four of them). Measured: the
// bound is generous for a loaded 2-core machine.
void TestPatterns::lessonShowsMoreThanOverhead_data() {
    presetsOfEveryPattern_data();
}

void TestPatterns::lessonShowsMoreThanOverhead() {
    QFETCH(QString, id);
    const Pattern& pattern = *PatternRegistry::instance().find(id.toStdString());
    Params lesson = pattern.preset(Preset::Lesson);
    QTemporaryDir out; // async-file's files go here, not into a run folder that stays
    if (pattern.param("out-dir"))
        lesson.set("out-dir", out.path().toStdString());
    RunControl control;
    const RunResult result = pattern.run(lesson, control);
    const Metrics& m = result.metrics;
    qInfo("%s lesson: makespan %.1f ms, speedup %.2fx", qPrintable(id), m.makespan_ms, m.speedup);
    QVERIFY2(m.speedup >= 0.3, qPrintable(QStringLiteral("speedup %1").arg(m.speedup)));
    QVERIFY2(m.makespan_ms < 3 * kStartAtOnceMs,
             qPrintable(QStringLiteral("makespan %1 ms").arg(m.makespan_ms)));
}

// The two-second rule stands on expectedMs: runs the issue saw start though they took 13.6 s
// and more are expected long; short runs are expected within a factor of what they take.
void TestPatterns::expectedMsFollowsTheRun_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("params");
    QTest::addColumn<bool>("run"); // false: too long to run here, only expected over 2 s
    const auto row = [](const char* name, const char* id, QStringList params, bool run) {
        QTest::newRow(name) << QString::fromLatin1(id) << params << run;
    };
    row("process-pool, 100,000 items with work", "process-pool",
        {QStringLiteral("tasks=100000"), QStringLiteral("cpu-ms=0.01")}, false);
    row("compare, 1,000 tasks", "compare", {QStringLiteral("tasks=1000")}, false);
    row("thread-pool, GIL, 8 x 300 ms on 4 threads", "thread-pool",
        {QStringLiteral("workers=4"), QStringLiteral("tasks=8"), QStringLiteral("cpu-ms=300")},
        false);
    row("async-file, 1,000 files of 4 MiB", "async-file",
        {QStringLiteral("files=1000"), QStringLiteral("bytes=4194304")}, false);
    row("async-file, 50 files of 1 MiB", "async-file",
        {QStringLiteral("files=50"), QStringLiteral("bytes=1048576")}, true);
    row("process, 3 processes x 5 x 60 ms", "process",
        {QStringLiteral("workers=3"), QStringLiteral("io-ms=60")}, true);
    row("process-pool, 2,000 items with work", "process-pool",
        {QStringLiteral("tasks=2000"), QStringLiteral("io-ms=0.01")}, true);
    row("thread-pool, GIL, 8 x 40 ms", "thread-pool",
        {QStringLiteral("workers=4"), QStringLiteral("tasks=8"), QStringLiteral("cpu-ms=40")},
        true);
}

// "workers=2" pairs, each parsed by the pattern's own parameter.
Params paramsOf(const Pattern& pattern, const QStringList& pairs) {
    Params p;
    for (const QString& pair : pairs) {
        const auto spec = pattern.param(pair.section(u'=', 0, 0).toStdString());
        if (!spec)
            qFatal("no parameter %s", qPrintable(pair));
        p.set(spec->name, std::get<ParamValue>(spec->parse(pair.section(u'=', 1).toStdString())));
    }
    return p;
}

void TestPatterns::expectedMsFollowsTheRun() {
    QFETCH(QString, id);
    QFETCH(QStringList, params);
    QFETCH(bool, run);
    const Pattern& pattern = *PatternRegistry::instance().find(id.toStdString());
    Params p = paramsOf(pattern, params);
    const double expected = pattern.expectedMs(p);
    if (!run) {
        QVERIFY2(!pattern.startsAtOnce(p), qPrintable(QString::number(expected)));
        return;
    }
    QVERIFY(pattern.startsAtOnce(p));
    QTemporaryDir out; // async-file's files go here, not into a run folder that stays
    if (pattern.param("out-dir"))
        p.set("out-dir", out.path().toStdString());
    RunControl control;
    QElapsedTimer clock;
    clock.start();
    pattern.run(p, control);
    const double took = double(clock.elapsed());
    qInfo("%s: expected %.0f ms, took %.0f ms", qPrintable(id), expected, took);
    QVERIFY2(took > expected / 4 && took < expected * 4 * kSanitizerSlowdown + 100,
             qPrintable(QStringLiteral("expected %1 ms, took %2 ms").arg(expected).arg(took)));
}

// A run stopped part-way leaves what it had recorded with its RunControl: the window shows
// that, marked as stopped, rather than the run before it.
void TestPatterns::stoppedRunKeepsWhatItRecorded_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("params");
    QTest::newRow("thread-pool") << QStringLiteral("thread-pool")
                                 << QStringList{QStringLiteral("workers=2"),
                                                QStringLiteral("tasks=40"),
                                                QStringLiteral("io-ms=50")};
    QTest::newRow("pool-map") << QStringLiteral("pool-map")
                              << QStringList{QStringLiteral("workers=2"),
                                             QStringLiteral("tasks=40"),
                                             QStringLiteral("io-ms=50")};
    QTest::newRow("async-gather") << QStringLiteral("async-gather")
                                  << QStringList{QStringLiteral("delays=100,5000,5000")};
    QTest::newRow("compare, in its second mode")
        << QStringLiteral("compare")
        << QStringList{QStringLiteral("tasks=4"), QStringLiteral("cpu-ms=0"),
                       QStringLiteral("io-ms=100")};
}

// Runs `pattern` and asks it to stop 550 ms in, as the window's Stop does; true when the run
// ended by RunStopped.
bool stopsPartWay(const Pattern& pattern, const Params& p, RunControl& control) {
    std::thread stopper([&control] {
        std::this_thread::sleep_for(std::chrono::milliseconds(550));
        control.requestStop();
    });
    bool stopped = false;
    try {
        pattern.run(p, control);
    } catch (const RunStopped&) {
        stopped = true;
    }
    stopper.join();
    return stopped;
}

void TestPatterns::stoppedRunKeepsWhatItRecorded() {
    QFETCH(QString, id);
    QFETCH(QStringList, params);
    const Pattern& pattern = *PatternRegistry::instance().find(id.toStdString());
    const Params p = paramsOf(pattern, params);
    RunControl control;
    QVERIFY(stopsPartWay(pattern, p, control));
    const std::shared_ptr<RunResult> partial = control.takeStoppedResult();
    QVERIFY(partial != nullptr);
    QVERIFY(!partial->trace.events.empty());
    QVERIFY(partial->metrics.makespan_ms > 100);
    if (id == u"compare") // the sequential mode's 400 ms, then part of the next
        QVERIFY2(partial->trace.tracks.size() >= 2, "the finished mode and the stopped one");
}

// The command line, stopped by a signal, writes nothing: it does not wait for the partial
// trace to be finished (sorting a large one took 550 ms of a SIGTERM's stop of shared-value
// with 4 × 1,000,000 locked increments; 180 ms without).
void TestPatterns::stoppedRunKeepsNothingWhenNotWanted_data() {
    stoppedRunKeepsWhatItRecorded_data();
}

void TestPatterns::stoppedRunKeepsNothingWhenNotWanted() {
    QFETCH(QString, id);
    QFETCH(QStringList, params);
    const Pattern& pattern = *PatternRegistry::instance().find(id.toStdString());
    const Params p = paramsOf(pattern, params);
    RunControl control;
    control.setKeepsStoppedResult(false);
    QVERIFY(stopsPartWay(pattern, p, control));
    QVERIFY(control.takeStoppedResult() == nullptr);
}

QTEST_GUILESS_MAIN(TestPatterns)
#include "tst_patterns.moc"
