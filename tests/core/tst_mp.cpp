// Tests of the multiprocessing primitives against Python's semantics, for both start methods:
// Process (exit codes, join with a timeout, signals), Pool (ordered map, chunk sizes,
// exceptions, a dead worker), ProcessPoolExecutor (a killed worker breaks it, nothing hangs),
// SharedValue (exact under the lock, lost updates without), tracing across processes, and that
// no run leaves a child, an fd or a mapping behind.
//
// The tests run under QTEST_GUILESS_MAIN, so a QCoreApplication exists in the parent: the
// code a forked child runs here is core code only (no Qt, no QTest macro), and ends in _exit.
#include "concurrency/python_error.h"
#include "futures/process_pool_executor.h"
#include "mp/pool.h"
#include "mp/process.h"
#include "mp/shared_trace_buffer.h"
#include "mp/shared_value.h"
#include "mp/start_method.h"
#include "mp/task_registry.h"
#include "process_census.h"
#include "trace/trace_recorder.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <future>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace tasklane;
using namespace std::chrono_literals;
using tasklane::test::ProcessCensus;

namespace {

constexpr const char* kStartMethods[] = {"fork", "spawn"};

void addMethodRows() {
    QTest::addColumn<QString>("method");
    QTest::newRow("fork") << QStringLiteral("fork");
    QTest::newRow("spawn") << QStringLiteral("spawn");
}

StartMethod methodOf(const QString& name) {
    return parseStartMethod(name.toStdString());
}

std::vector<long long> range(long long from, long long to) {
    std::vector<long long> v;
    for (long long i = from; i < to; ++i)
        v.push_back(i);
    return v;
}

Process::Options processOptions(StartMethod method, TraceRecorder* recorder = nullptr,
                                SharedValue<long long>* value = nullptr) {
    Process::Options o;
    o.start_method = method;
    o.recorder = recorder;
    o.shared_value = value;
    return o;
}

// Waits (bounded) until `pred` holds; false if it never did.
template <class Pred> bool waitUntil(Pred pred, std::chrono::milliseconds limit = 10s) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!pred()) {
        if (std::chrono::steady_clock::now() > until)
            return false;
        std::this_thread::sleep_for(2ms);
    }
    return true;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The what() of the E that `call` throws: Python's class and words. Another exception escapes
// (and fails the test); none gives an empty string.
template <class E, class F> std::string raised(F&& call) {
    try {
        call();
    } catch (const E& e) {
        return e.what();
    }
    return {};
}

} // namespace

class TestMp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void startMethodNames();
    void registryChecksCalls();
    void sharedTraceBufferDropsWhenFull();

    void processStartJoinExitcode_data() { addMethodRows(); }
    void processStartJoinExitcode();
    void processFailingTargetExitsWithOne_data() { addMethodRows(); }
    void processFailingTargetExitsWithOne();
    void processKilledHasNegativeSignal_data() { addMethodRows(); }
    void processKilledHasNegativeSignal();
    void processJoinTimeoutLeavesItAlive_data() { addMethodRows(); }
    void processJoinTimeoutLeavesItAlive();
    void processFunctionTargetForkOnly();
    void processMisuse();
    void spawnWithoutWorkerBinaryFailsClearly();

    void poolMapKeepsOrder_data();
    void poolMapKeepsOrder();
    void defaultChunksize_data();
    void defaultChunksize();
    void poolBigMapThroughSharedMemory_data() { addMethodRows(); }
    void poolBigMapThroughSharedMemory();
    void poolTerminatedBigMapIsNotReused();
    void poolReraisesTaskException_data() { addMethodRows(); }
    void poolReraisesTaskException();
    void poolReplacesDeadWorker_data() { addMethodRows(); }
    void poolReplacesDeadWorker();
    void poolBrokenByWorkerThatNeverStarts();
    void poolCloseJoinAndState();

    void executorMapAndSubmit_data() { addMethodRows(); }
    void executorMapAndSubmit();
    void executorKilledWorkerBreaksPool_data() { addMethodRows(); }
    void executorKilledWorkerBreaksPool();
    void executorKilledMidMap_data() { addMethodRows(); }
    void executorKilledMidMap();
    void executorShutdownCancelsQueued();

    void sharedValueLockedIsExact_data();
    void sharedValueLockedIsExact();
    void sharedValueUnlockedLosesUpdates_data() { addMethodRows(); }
    void sharedValueUnlockedLosesUpdates();
    void sharedValueRecoversLockOfDeadOwner();

    void forkAndSpawnAgree();
    void childEventsReachParentTrace_data() { addMethodRows(); }
    void childEventsReachParentTrace();
    void processTraceHasPrintsLocksAndCounter_data() { addMethodRows(); }
    void processTraceHasPrintsLocksAndCounter();

    void nothingLeaks_data() { addMethodRows(); }
    void nothingLeaks();
};

void TestMp::initTestCase() {
    const std::string worker = workerExecutablePath();
    QVERIFY2(
        ::access(worker.c_str(), X_OK) == 0,
        qPrintable(QStringLiteral("no tasklane-worker at %1").arg(QString::fromStdString(worker))));
}

void TestMp::startMethodNames() {
    QCOMPARE(parseStartMethod("fork"), StartMethod::Fork);
    QCOMPARE(parseStartMethod("spawn"), StartMethod::Spawn);
    QCOMPARE(startMethodName(StartMethod::Spawn), std::string_view("spawn"));
    try {
        parseStartMethod("forkserver");
        QFAIL("forkserver was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(contains(e.what(), "start method forkserver is not available yet"), e.what());
    }
    try {
        parseStartMethod("vfork");
        QFAIL("an unknown start method was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(contains(e.what(), "'vfork'") && contains(e.what(), "fork, spawn"), e.what());
    }
}

void TestMp::registryChecksCalls() {
    for (const char* name :
         {"square", "cube", "cpu", "io", "print_numbers", "increment", "fail", "crash"})
        QVERIFY2(TaskRegistry::find(name) != nullptr, name);
    const long long three[] = {3};
    QCOMPARE(TaskRegistry::call("square", three), 9LL);
    QCOMPARE(TaskRegistry::call("cube", three), 27LL);
    const long long heavy[] = {3, 100, 100}; // 100 µs of CPU, 100 µs of I/O
    QCOMPARE(TaskRegistry::call("square", heavy), 9LL);
    QCOMPARE(TaskRegistry::label("square", heavy), std::string("square(3)"));
    QCOMPARE((TaskCall{"cube", {4}}.label()), std::string("cube(4)"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TaskRegistry::check("nope", 0));
    try {
        TaskRegistry::check("square", 0);
        QFAIL("a call without arguments was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(contains(e.what(), "square(n, cpu_us=0, io_us=0)"), e.what());
    }
    try {
        TaskRegistry::call("fail", three);
        QFAIL("fail did not raise");
    } catch (const std::runtime_error& e) {
        QCOMPARE(std::string(e.what()), std::string("fail(3): failed on purpose"));
    }
    // The tutorial's print_numbers, printing into a collector.
    struct Lines : TaskOutput {
        std::vector<std::string> lines;
        void print(std::string_view line) override { lines.emplace_back(line); }
    } lines;
    TaskEnv env;
    env.output = &lines;
    TaskRegistry::call("print_numbers", {}, env);
    QCOMPARE(lines.lines.size(), std::size_t(5));
    QCOMPARE(lines.lines.front(), std::string("Number: 0"));
    QCOMPARE(lines.lines.back(), std::string("Number: 4"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TaskRegistry::call("increment", {}));
}

void TestMp::sharedTraceBufferDropsWhenFull() {
    TraceRecorder recorder;
    const std::uint32_t track = recorder.addTrack(TrackKind::Main, "main");
    SharedTraceBuffer buffer(4);
    TraceEvent e;
    e.track = track;
    for (int i = 0; i < 10; ++i) {
        e.begin_ns = e.end_ns = i;
        QCOMPARE(buffer.append(e), i < 4);
    }
    QCOMPARE(buffer.size(), std::size_t(4));
    QCOMPARE(buffer.dropped(), std::uint64_t(6));
    e.track = 99; // a track the recorder does not have
    QCOMPARE(buffer.drainInto(recorder, false), std::size_t(4));
    QCOMPARE(buffer.drainInto(recorder, true), std::size_t(0)); // copied once only
    const Trace trace = recorder.finish();
    QCOMPARE(trace.events.size(), std::size_t(4));
    QCOMPARE(trace.events.back().begin_ns, std::int64_t(3)); // the first four, never overwritten
}

void TestMp::processStartJoinExitcode() {
    QFETCH(QString, method);
    Process p(TaskCall{"square", {7}}, processOptions(methodOf(method)));
    QCOMPARE(p.pid(), 0);
    QVERIFY(!p.is_alive());
    QVERIFY(!p.exitcode().has_value());
    p.start();
    QVERIFY(p.pid() > 0);
    QVERIFY(p.pid() != ::getpid());
    p.join();
    QVERIFY(!p.is_alive());
    QCOMPARE(p.exitcode(), std::optional<int>(0));
    QCOMPARE(p.result(), std::optional<long long>(49));
    QVERIFY(p.error().empty());
    p.join(); // joining again is harmless, as in Python

    // The tutorial's 2.1: what the child prints comes back to the parent, in order.
    Process printer(TaskCall{"print_numbers", {}}, processOptions(methodOf(method)));
    printer.start();
    printer.join();
    QCOMPARE(printer.exitcode(), std::optional<int>(0));
    const std::vector<std::string> expected = {"Number: 0", "Number: 1", "Number: 2", "Number: 3",
                                               "Number: 4"};
    QVERIFY(printer.output() == expected);
}

void TestMp::processFailingTargetExitsWithOne() {
    QFETCH(QString, method);
    Process p(TaskCall{"fail", {3}}, processOptions(methodOf(method)));
    p.start();
    p.join();
    QCOMPARE(p.exitcode(), std::optional<int>(1));
    QCOMPARE(p.error(), std::string("fail(3): failed on purpose"));
    QVERIFY(!p.result().has_value());

    Process crash(TaskCall{"crash", {}}, processOptions(methodOf(method)));
    crash.start();
    crash.join();
    QCOMPARE(crash.exitcode(), std::optional<int>(-SIGABRT));

    Process exit3(TaskCall{"exit", {3}}, processOptions(methodOf(method)));
    exit3.start();
    exit3.join();
    QCOMPARE(exit3.exitcode(), std::optional<int>(3));
}

void TestMp::processKilledHasNegativeSignal() {
    QFETCH(QString, method);
    Process killed(TaskCall{"io", {10'000'000}}, processOptions(methodOf(method)));
    killed.start();
    killed.kill();
    killed.join();
    QCOMPARE(killed.exitcode(), std::optional<int>(-9));

    Process terminated(TaskCall{"cpu", {10'000'000}}, processOptions(methodOf(method)));
    terminated.start();
    terminated.terminate();
    terminated.join();
    QCOMPARE(terminated.exitcode(), std::optional<int>(-SIGTERM));
    terminated.kill(); // after its end: nothing happens (the pid may belong to another now)
    QCOMPARE(terminated.exitcode(), std::optional<int>(-SIGTERM));
}

void TestMp::processJoinTimeoutLeavesItAlive() {
    QFETCH(QString, method);
    Process p(TaskCall{"io", {5'000'000}}, processOptions(methodOf(method)));
    p.start();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!p.join(100ms));
    QVERIFY(timer.elapsed() >= 90);
    QVERIFY(timer.elapsed() < 3000);
    QVERIFY(p.is_alive());
    QVERIFY(!p.exitcode().has_value());
    p.terminate();
    QVERIFY(p.join(5s));
    QVERIFY(!p.is_alive());
    QCOMPARE(p.exitcode(), std::optional<int>(-SIGTERM));

    Process quick(TaskCall{"square", {2}}, processOptions(methodOf(method)));
    quick.start();
    QVERIFY(quick.join(10s)); // returns as soon as it ended, not after the timeout
    QCOMPARE(quick.result(), std::optional<long long>(4));
}

void TestMp::processFunctionTargetForkOnly() {
    SharedValue<long long> value(0);
    Process p([&value] { value.set(42); }, processOptions(StartMethod::Fork));
    p.start();
    p.join();
    QCOMPARE(p.exitcode(), std::optional<int>(0));
    QCOMPARE(value.value(), 42LL);

    Process bad([] { throw std::logic_error("bad target"); }, processOptions(StartMethod::Fork));
    bad.start();
    bad.join();
    QCOMPARE(bad.exitcode(), std::optional<int>(1));
    QCOMPARE(bad.error(), std::string("bad target"));

    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             Process([] {}, processOptions(StartMethod::Spawn)));
}

void TestMp::processMisuse() {
    Process p(TaskCall{"square", {1}});
    QCOMPARE(raised<AssertionError>([&] { p.join(); }),
             std::string("AssertionError: can only join a started process"));
    p.terminate(); // not started: nothing to do
    p.start();
    QCOMPARE(raised<AssertionError>([&] { p.start(); }),
             std::string("AssertionError: cannot start a process twice"));
    p.join();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Process(TaskCall{"no_such_task", {}}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Process(TaskCall{"square", {}}));
}

void TestMp::spawnWithoutWorkerBinaryFailsClearly() {
    const ProcessCensus before = ProcessCensus::take();
    const QByteArray saved = qgetenv("TASKLANE_WORKER");
    qputenv("TASKLANE_WORKER", "/nonexistent/tasklane-worker");
    std::string message;
    try {
        Process p(TaskCall{"square", {2}}, processOptions(StartMethod::Spawn));
        p.start();
    } catch (const std::system_error& e) {
        message = e.what();
    }
    try {
        Pool pool(2, StartMethod::Spawn);
    } catch (const std::system_error& e) {
        message += e.what();
    }
    if (saved.isNull())
        qunsetenv("TASKLANE_WORKER");
    else
        qputenv("TASKLANE_WORKER", saved);
    QVERIFY2(contains(message, "/nonexistent/tasklane-worker") &&
                 contains(message, "TASKLANE_WORKER"),
             message.c_str());
    const std::string leaks = before.leaksIn(ProcessCensus::take());
    QVERIFY2(leaks.empty(), leaks.c_str());
}

void TestMp::poolMapKeepsOrder_data() {
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("chunksize"); // 0: Python's default
    for (const char* method : kStartMethods)
        for (int workers : {1, 2, 4})
            for (int chunksize : {1, 0, 1000})
                QTest::newRow(qPrintable(QStringLiteral("%1, %2 workers, chunksize %3")
                                             .arg(QLatin1String(method))
                                             .arg(workers)
                                             .arg(chunksize)))
                    << QString::fromLatin1(method) << workers << chunksize;
}

void TestMp::poolMapKeepsOrder() {
    QFETCH(QString, method);
    QFETCH(int, workers);
    QFETCH(int, chunksize);
    Pool pool(workers, methodOf(method));
    QCOMPARE(pool.processes(), workers);
    QCOMPARE(int(pool.pids().size()), workers);
    const std::vector<long long> items = range(-5, 45);
    const std::vector<long long> squares = pool.map("square", items, std::size_t(chunksize));
    QCOMPARE(squares.size(), items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        QCOMPARE(squares[i], items[i] * items[i]);
    // Later items done first (each item sleeps less than the one before), yet ordered results.
    std::vector<std::vector<long long>> args;
    for (long long i = 0; i < 8; ++i)
        args.push_back({i, 0, (8 - i) * 2000});
    const std::vector<long long> cubes = pool.starmap("cube", args, std::size_t(chunksize));
    for (long long i = 0; i < 8; ++i)
        QCOMPARE(cubes[std::size_t(i)], i * i * i);
    QVERIFY(pool.map("square", {}).empty());
    pool.close();
    pool.join();
    QVERIFY(pool.pids().empty());
}

// Maps from Pool::kBulkValues values on travel through shared memory, not the sockets: the
// same answers, the region kept for the next map and given back on request.
void TestMp::poolBigMapThroughSharedMemory() {
    QFETCH(QString, method);
    Pool::release_cached_memory();
    const ProcessCensus before = ProcessCensus::take();
    {
        Pool pool(2, methodOf(method));
        const std::vector<long long> items = range(-50'000, 50'000);
        QVERIFY(items.size() * 2 >= Pool::kBulkValues);
        for (std::size_t chunksize : {std::size_t(0), std::size_t(7'777), items.size() + 1}) {
            const std::vector<long long> squares = pool.map("square", items, chunksize);
            QCOMPARE(squares.size(), items.size());
            for (std::size_t i = 0; i < items.size(); ++i)
                if (squares[i] != items[i] * items[i])
                    QFAIL(qPrintable(QStringLiteral("chunksize %1: item %2 is %3")
                                         .arg(chunksize)
                                         .arg(i)
                                         .arg(squares[i])));
        }
        QVERIFY(Pool::cached_memory_bytes() > 0);
        // A bigger map needs a new region: the workers get its fd and drop the old one.
        std::vector<std::vector<long long>> args;
        for (long long i = 0; i < 60'000; ++i)
            args.push_back({i % 1000 - 500, 0, 0});
        const std::vector<long long> cubes = pool.starmap("cube", args);
        for (std::size_t i = 0; i < args.size(); ++i)
            QCOMPARE(cubes[i], args[i][0] * args[i][0] * args[i][0]);
        // A task that raises in a big map: Python's error, and the pool goes on.
        QVERIFY_THROWS_EXCEPTION(TaskError, pool.map("fail", range(0, 20'000)));
        QCOMPARE(pool.map("square", items).back(), 49'999LL * 49'999LL);
    }
    QVERIFY(Pool::cached_memory_bytes() <= 64u << 20);
    Pool::release_cached_memory();
    QCOMPARE(Pool::cached_memory_bytes(), std::size_t(0));
    const std::string leaks = before.leaksIn(ProcessCensus::take());
    QVERIFY2(leaks.empty(), leaks.c_str());
}

// terminate() does not wait for the workers to die, so a region they were writing into must
// not be handed to the next map.
void TestMp::poolTerminatedBigMapIsNotReused() {
    Pool::release_cached_memory();
    Pool pool(2);
    std::thread stopper([&pool] {
        std::this_thread::sleep_for(200ms);
        pool.terminate();
    });
    // 20 000 items of 1 ms each: 10 s on two workers, unless terminated.
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             pool.map("io", std::vector<long long>(20'000, 1'000)));
    stopper.join();
    pool.join();
    QCOMPARE(Pool::cached_memory_bytes(), std::size_t(0));
}

void TestMp::defaultChunksize_data() {
    QTest::addColumn<qulonglong>("items");
    QTest::addColumn<int>("processes");
    QTest::addColumn<qulonglong>("chunksize");
    QTest::newRow("5 items, 4 processes") << 5ull << 4 << 1ull;
    QTest::newRow("16 items, 4 processes") << 16ull << 4 << 1ull;
    QTest::newRow("17 items, 4 processes") << 17ull << 4 << 2ull;
    QTest::newRow("100 items, 4 processes") << 100ull << 4 << 7ull;
    QTest::newRow("1000000 items, 2 processes") << 1'000'000ull << 2 << 125'000ull;
    QTest::newRow("1000001 items, 2 processes") << 1'000'001ull << 2 << 125'001ull;
    QTest::newRow("1 item, 1 process") << 1ull << 1 << 1ull;
    QTest::newRow("no items") << 0ull << 4 << 0ull;
}

void TestMp::defaultChunksize() {
    QFETCH(qulonglong, items);
    QFETCH(int, processes);
    QFETCH(qulonglong, chunksize);
    QCOMPARE(qulonglong(Pool::default_chunksize(std::size_t(items), processes)), chunksize);
}

void TestMp::poolReraisesTaskException() {
    QFETCH(QString, method);
    Pool pool(2, methodOf(method));
    try {
        pool.map("fail", {7});
        QFAIL("map did not raise");
    } catch (const TaskError& e) {
        QCOMPARE(std::string(e.what()), std::string("fail(7): failed on purpose"));
    }
    try {
        pool.apply_async("fail", {5}).result();
        QFAIL("apply_async's future did not raise");
    } catch (const TaskError& e) {
        QCOMPARE(std::string(e.what()), std::string("fail(5): failed on purpose"));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pool.map("no_such_task", {1}));
    // The pool goes on working after its tasks raised.
    QCOMPARE(pool.apply("square", {12}), 144LL);
    QCOMPARE(pool.map("cube", {1, 2, 3}), (std::vector<long long>{1, 8, 27}));
}

void TestMp::poolReplacesDeadWorker() {
    QFETCH(QString, method);
    Pool pool(2, methodOf(method));
    try {
        pool.apply("crash");
        QFAIL("a crashed task did not fail");
    } catch (const WorkerDiedError& e) {
        QVERIFY2(contains(e.what(), "signal 6 (Aborted)") && contains(e.what(), "crash()"),
                 e.what());
    }
    // As Python's Pool, it starts another worker and goes on.
    QVERIFY(waitUntil([&] { return pool.pids().size() == 2; }));
    QCOMPARE(pool.map("square", range(0, 10), 1), pool.map("square", range(0, 10), 3));
}

// A worker that dies before it runs anything would die again if replaced: the Pool breaks, with
// Tasklane's own WorkerDiedError (multiprocessing has no class for it: Python's Pool would
// start such workers forever), and leaves nothing behind.
void TestMp::poolBrokenByWorkerThatNeverStarts() {
    const ProcessCensus before = ProcessCensus::take();
    const QByteArray saved = qgetenv("TASKLANE_WORKER");
    qputenv("TASKLANE_WORKER", "/bin/false"); // spawned, it exits 1 at once
    std::string message;
    std::string later;
    {
        Pool pool(2, StartMethod::Spawn);
        message = raised<WorkerDiedError>([&] { pool.map("square", {1, 2, 3}); });
        later = raised<WorkerDiedError>([&] { pool.apply("square", {4}); });
    }
    if (saved.isNull())
        qunsetenv("TASKLANE_WORKER");
    else
        qputenv("TASKLANE_WORKER", saved);
    QVERIFY2(message.starts_with("worker ") && contains(message, "exited with code 1"),
             message.c_str());
    QVERIFY2(contains(later, "exited with code 1"), later.c_str());
    const std::string leaks = before.leaksIn(ProcessCensus::take());
    QVERIFY2(leaks.empty(), leaks.c_str());
}

void TestMp::poolCloseJoinAndState() {
    Pool pool(2);
    QCOMPARE(raised<ValueError>([&] { pool.join(); }),
             std::string("ValueError: Pool is still running"));
    auto pending = pool.apply_async("io", {20'000});
    pool.close();
    QCOMPARE(raised<ValueError>([&] { pool.map("square", {1}); }),
             std::string("ValueError: Pool not running"));
    QCOMPARE(raised<ValueError>([&] { pool.apply_async("square", {1}); }),
             std::string("ValueError: Pool not running"));
    pool.join(); // the queued work is finished first
    QCOMPARE(pending.result(), 0LL);
    QVERIFY(pool.pids().empty());

    // terminate(): pending work fails rather than hanging.
    Pool doomed(1);
    auto slow = doomed.apply_async("io", {10'000'000});
    auto queued = doomed.apply_async("square", {3});
    QVERIFY(waitUntil([&] { return slow.running(); }));
    doomed.terminate();
    doomed.join();
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, slow.result(5s));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, queued.result(5s));
    QCOMPARE(raised<ValueError>([&] { doomed.map("square", {1}); }),
             std::string("ValueError: Pool not running"));

    QCOMPARE(raised<ValueError>([] { Pool(-1); }),
             std::string("ValueError: Number of processes must be at least 1"));
}

void TestMp::executorMapAndSubmit() {
    QFETCH(QString, method);
    ProcessPoolExecutor executor(2, methodOf(method));
    QCOMPARE(executor.max_workers(), 2);
    QCOMPARE(executor.map("cube", {1, 2, 3, 4, 5}), (std::vector<long long>{1, 8, 27, 64, 125}));
    QCOMPARE(executor.map("square", range(0, 30), 7), executor.map("square", range(0, 30)));
    auto f = executor.submit("square", {9});
    auto g = executor.submit("fail", {2});
    QCOMPARE(f.result(10s), 81LL);
    try {
        g.result(10s);
        QFAIL("the failing task's future did not raise");
    } catch (const TaskError& e) {
        QCOMPARE(std::string(e.what()), std::string("fail(2): failed on purpose"));
    }
    // A done callback runs on the executor's handler thread and may submit more work.
    std::promise<Future<long long>> chained;
    executor.submit("square", {4}).add_done_callback([&](const Future<long long>& done) {
        chained.set_value(executor.submit("square", {done.result()}));
    });
    auto next = chained.get_future();
    QVERIFY(next.wait_for(10s) == std::future_status::ready);
    QCOMPARE(next.get().result(10s), 256LL);
    QVERIFY(executor.pids().size() <= 2);
    executor.shutdown();
    QCOMPARE(raised<RuntimeError>([&] { executor.submit("square", {1}); }),
             std::string("RuntimeError: cannot schedule new futures after shutdown"));
    QCOMPARE(raised<RuntimeError>([&] { executor.map("square", {1}); }),
             std::string("RuntimeError: cannot schedule new futures after shutdown"));
    QVERIFY(executor.pids().empty());
    QCOMPARE(ProcessPoolExecutor::defaultMaxWorkers(),
             int(std::max(1u, std::thread::hardware_concurrency())));
    QCOMPARE(raised<ValueError>([] { ProcessPoolExecutor(-1); }),
             std::string("ValueError: max_workers must be greater than 0"));
}

void TestMp::executorKilledWorkerBreaksPool() {
    QFETCH(QString, method);
    ProcessPoolExecutor executor(2, methodOf(method));
    std::vector<Future<long long>> futures;
    for (int i = 0; i < 8; ++i)
        futures.push_back(executor.submit("cpu", {50'000})); // 50 ms each
    QVERIFY(waitUntil([&] { return futures.front().running(); }));
    QVERIFY(waitUntil([&] { return !executor.pids().empty(); }));
    const int victim = executor.pids().front();
    QCOMPARE(::kill(victim, SIGKILL), 0);

    const std::string expected = "(pid " + std::to_string(victim) + ") was terminated by signal 9";
    int broken = 0;
    for (auto& f : futures) {
        try {
            f.result(20s); // bounded: a hang fails the test with TimeoutError
        } catch (const BrokenProcessPool& e) {
            ++broken;
            QVERIFY2(contains(e.what(), "BrokenProcessPool: worker ") &&
                         contains(e.what(), expected) && contains(e.what(), "(Killed)"),
                     e.what());
        }
    }
    QVERIFY(broken >= 1);
    QVERIFY(futures.back().exception() != nullptr); // the last could not have run yet
    try {
        executor.submit("square", {1});
        QFAIL("a broken executor accepted work");
    } catch (const BrokenProcessPool& e) {
        QVERIFY2(contains(e.what(), expected), e.what());
    }
    QVERIFY(waitUntil([&] { return executor.pids().empty(); })); // the others were terminated
}

void TestMp::executorKilledMidMap() {
    QFETCH(QString, method);
    ProcessPoolExecutor executor(2, methodOf(method));
    QCOMPARE(executor.map("square", {1, 2, 3}), (std::vector<long long>{1, 4, 9}));
    // map from another thread, so that a hang fails the test instead of stopping it.
    auto mapping = std::async(std::launch::async, [&] {
        try {
            executor.map("cpu", std::vector<long long>(8, 50'000)); // 8 x 50 ms on 2 workers
        } catch (const BrokenProcessPool& e) {
            return std::string(e.what());
        }
        return std::string("map returned although a worker was killed");
    });
    QVERIFY(waitUntil([&] { return executor.pids().size() == 2; }));
    std::this_thread::sleep_for(30ms); // mid-map
    const int victim = executor.pids().back();
    QCOMPARE(::kill(victim, SIGKILL), 0);
    QVERIFY2(mapping.wait_for(30s) == std::future_status::ready, "map hung on a dead worker");
    const std::string message = mapping.get();
    const std::string expected =
        "worker 2 (pid " + std::to_string(victim) + ") was terminated by signal 9 (Killed)";
    QVERIFY2(contains(message, "BrokenProcessPool: " + expected), message.c_str());

    // abort() in a task breaks it the same way, with its own signal.
    ProcessPoolExecutor other(2, methodOf(method));
    try {
        other.submit("crash").result(20s);
        QFAIL("a crashed worker did not break the executor");
    } catch (const BrokenProcessPool& e) {
        QVERIFY2(contains(e.what(), "was terminated by signal 6 (Aborted)"), e.what());
    }
}

void TestMp::executorShutdownCancelsQueued() {
    ProcessPoolExecutor executor(1);
    auto first = executor.submit("io", {100'000});
    std::vector<Future<long long>> queued;
    for (int i = 0; i < 5; ++i)
        queued.push_back(executor.submit("square", {i}));
    QVERIFY(waitUntil([&] { return first.running(); }));
    executor.shutdown(true, true);
    QCOMPARE(first.result(), 0LL);
    for (auto& f : queued)
        QVERIFY(f.cancelled());
}

void TestMp::sharedValueLockedIsExact_data() {
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("processes");
    for (const char* method : kStartMethods)
        for (int n : {2, 4, 8})
            QTest::newRow(
                qPrintable(QStringLiteral("%1, %2 processes").arg(QLatin1String(method)).arg(n)))
                << QString::fromLatin1(method) << n;
}

void TestMp::sharedValueLockedIsExact() {
    QFETCH(QString, method);
    QFETCH(int, processes);
    constexpr long long kIncrements = 10'000;
    SharedValue<long long> counter(0);
    std::vector<std::unique_ptr<Process>> ps;
    for (int i = 0; i < processes; ++i)
        ps.push_back(
            std::make_unique<Process>(TaskCall{"increment", {kIncrements, 1}},
                                      processOptions(methodOf(method), nullptr, &counter)));
    for (auto& p : ps)
        p->start();
    for (auto& p : ps) {
        p->join();
        QCOMPARE(p->exitcode(), std::optional<int>(0));
    }
    QCOMPARE(counter.value(), processes * kIncrements);
}

void TestMp::sharedValueUnlockedLosesUpdates() {
    QFETCH(QString, method);
    constexpr long long kIncrements = 10'000;
    constexpr int kProcesses = 4;
    SharedValue<long long> counter(0);
    std::vector<std::unique_ptr<Process>> ps;
    for (int i = 0; i < kProcesses; ++i)
        ps.push_back(
            std::make_unique<Process>(TaskCall{"increment", {kIncrements, 0}},
                                      processOptions(methodOf(method), nullptr, &counter)));
    for (auto& p : ps)
        p->start();
    for (auto& p : ps)
        p->join();
    const long long exact = kProcesses * kIncrements;
    QVERIFY2(counter.value() <= exact, qPrintable(QString::number(counter.value())));
    QVERIFY(counter.value() > 0);
    // Usually far below; not asserted, as a lucky schedule may lose none.
    qInfo("without the lock: %lld of %lld increments kept", counter.value(), exact);
}

void TestMp::sharedValueRecoversLockOfDeadOwner() {
    SharedValue<long long> value(5);
    // The child dies holding the lock (the robust mutex makes that recoverable).
    Process holder([&value] { value.get_lock().lock(); }, processOptions(StartMethod::Fork));
    holder.start();
    holder.join();
    QCOMPARE(holder.exitcode(), std::optional<int>(0));
    auto locking = std::async(std::launch::async, [&value] {
        std::lock_guard lock(value.get_lock());
        value.set(value.value() + 1);
    });
    QVERIFY2(locking.wait_for(10s) == std::future_status::ready, "the lock stayed held");
    locking.get();
    QCOMPARE(value.value(), 6LL);
    QVERIFY(value.get_lock().try_lock());
    value.get_lock().unlock();
}

void TestMp::forkAndSpawnAgree() {
    std::map<std::string, std::vector<long long>> seen;
    for (StartMethod method : {StartMethod::Fork, StartMethod::Spawn}) {
        std::vector<long long> all;
        {
            Pool pool(3, method);
            const auto v = pool.map("cube", range(1, 21));
            all.insert(all.end(), v.begin(), v.end());
        }
        {
            ProcessPoolExecutor executor(2, method);
            const auto v = executor.map("square", range(1, 21), 3);
            all.insert(all.end(), v.begin(), v.end());
        }
        SharedValue<long long> counter(0);
        for (long long n : {1, 2, 3}) {
            Process p(TaskCall{"cube", {n}}, processOptions(method, nullptr, &counter));
            p.start();
            p.join();
            all.push_back(*p.result());
            Process inc(TaskCall{"increment", {n}}, processOptions(method, nullptr, &counter));
            inc.start();
            inc.join();
        }
        all.push_back(counter.value());
        seen[std::string(startMethodName(method))] = all;
    }
    QVERIFY(seen["fork"] == seen["spawn"]);
    QCOMPARE(seen["fork"].back(), 6LL);
}

void TestMp::childEventsReachParentTrace() {
    QFETCH(QString, method);
    TraceRecorder recorder;
    const std::uint32_t mainTrack = recorder.addTrack(TrackKind::Main, "main");
    std::vector<int> pids;
    {
        Pool::Options options;
        options.processes = 2;
        options.start_method = methodOf(method);
        options.recorder = &recorder;
        options.submitter_track = mainTrack;
        Pool pool(options);
        pids = pool.pids();
        std::vector<std::vector<long long>> args;
        for (long long i = 1; i <= 6; ++i)
            args.push_back({i, 5'000}); // square(i) after 5 ms of CPU work
        QCOMPARE(pool.starmap("square", args, 1), (std::vector<long long>{1, 4, 9, 16, 25, 36}));
        pool.close();
        pool.join();
        QCOMPARE(pool.dropped_trace_events(), std::uint64_t(0));
    }
    const Trace trace = recorder.finish();

    std::map<std::uint32_t, int> processTracks; // track -> pid
    for (std::uint32_t t = 0; t < trace.tracks.size(); ++t) {
        const Track& track = trace.tracks[t];
        if (track.kind != TrackKind::Process)
            continue;
        processTracks[t] = int(track.pid);
        QVERIFY(std::find(pids.begin(), pids.end(), int(track.pid)) != pids.end());
        QVERIFY2(track.name.starts_with("worker ") &&
                     contains(track.name, "(pid " + std::to_string(track.pid) + ")"),
                 track.name.c_str());
    }
    QCOMPARE(processTracks.size(), std::size_t(2));

    std::set<std::uint32_t> spawned;
    std::set<std::string> ranLabels;
    int running = 0;
    int queued = 0;
    int flowStarts = 0;
    int flowEnds = 0;
    for (const TraceEvent& e : trace.events) {
        const bool onProcess = processTracks.count(e.track) != 0;
        if (e.type == EventType::Slice && e.state == State::Spawning) {
            QVERIFY(onProcess);
            QVERIFY(e.end_ns > e.begin_ns);
            spawned.insert(e.track);
        }
        if (e.type == EventType::Slice && e.state == State::Running && e.task != 0) {
            QVERIFY(onProcess); // recorded inside the children
            QVERIFY2(e.cpu >= 0, "a child's running slice has no cpu");
            ++running;
            ranLabels.insert(std::string(trace.label(e)));
        }
        if (e.type == EventType::AsyncSlice && e.state == State::Queued) {
            QVERIFY(onProcess);
            ++queued;
        }
        if (e.type == EventType::FlowStart) {
            QCOMPARE(e.track, mainTrack);
            ++flowStarts;
        }
        if (e.type == EventType::FlowEnd) {
            QVERIFY(onProcess);
            ++flowEnds;
        }
    }
    QCOMPARE(spawned.size(), std::size_t(2));
    QVERIFY(running >= 6);
    QCOMPARE(queued, 6);
    QCOMPARE(flowStarts, 6);
    QCOMPARE(flowEnds, 6);
    for (int i = 1; i <= 6; ++i)
        QVERIFY(ranLabels.count("square(" + std::to_string(i) + ")") == 1);

    // The children's clock is the parent's: on each worker's track, the parent's spawning
    // slice (ended by the child's stamp) comes before the child's first running slice.
    for (const auto& [track, pid] : processTracks) {
        std::int64_t spawnEnd = -1;
        std::int64_t firstRun = -1;
        for (const TraceEvent& e : trace.eventsOf(track)) {
            if (e.type == EventType::Slice && e.state == State::Spawning)
                spawnEnd = e.end_ns;
            if (e.type == EventType::Slice && e.state == State::Running && firstRun < 0)
                firstRun = e.begin_ns;
        }
        QVERIFY(spawnEnd > 0);
        if (firstRun >= 0)
            QVERIFY(spawnEnd <= firstRun);
    }
}

void TestMp::processTraceHasPrintsLocksAndCounter() {
    QFETCH(QString, method);
    TraceRecorder recorder;
    recorder.addTrack(TrackKind::Main, "main");
    SharedValue<long long> counter(0, &recorder);
    std::uint32_t printerTrack = 0;
    std::vector<std::uint32_t> incTracks;
    {
        Process printer(TaskCall{"print_numbers", {3, 1000}},
                        processOptions(methodOf(method), &recorder));
        std::vector<std::unique_ptr<Process>> incs;
        for (int i = 0; i < 3; ++i) {
            Process::Options o = processOptions(methodOf(method), &recorder, &counter);
            o.name = "incrementer " + std::to_string(i + 1);
            incs.push_back(std::make_unique<Process>(TaskCall{"increment", {200, 1}}, o));
        }
        printer.start();
        for (auto& p : incs)
            p->start();
        printer.join();
        printerTrack = printer.track();
        for (auto& p : incs) {
            p->join();
            incTracks.push_back(p->track());
            QCOMPARE(p->exitcode(), std::optional<int>(0));
        }
        QCOMPARE(printer.output().size(), std::size_t(3));
    }
    QCOMPARE(counter.value(), 600LL);
    const Trace trace = recorder.finish();
    QVERIFY2(contains(trace.tracks[incTracks[0]].name, "incrementer 1 (pid "),
             trace.tracks[incTracks[0]].name.c_str());

    std::vector<std::string> printed;
    int lockHeld = 0;
    int spawning = 0;
    std::vector<double> counts;
    for (const TraceEvent& e : trace.events) {
        if (e.type == EventType::Instant && e.track == printerTrack)
            printed.emplace_back(trace.label(e));
        if (e.type == EventType::Slice && e.state == State::Spawning)
            ++spawning;
        const bool onInc =
            std::find(incTracks.begin(), incTracks.end(), e.track) != incTracks.end();
        if (e.type == EventType::Slice && e.state == State::LockHeld) {
            QVERIFY(onInc);
            QVERIFY(e.cpu >= 0);
            ++lockHeld;
        }
        if (e.type == EventType::Counter) {
            QVERIFY(onInc);
            QCOMPARE(trace.label(e), std::string_view("counter.value"));
            counts.push_back(e.value);
        }
    }
    QVERIFY(printed == (std::vector<std::string>{"Number: 0", "Number: 1", "Number: 2"}));
    QCOMPARE(spawning, 4);
    QVERIFY(lockHeld > 0);
    // One sample per change, each value once: the lock made every update count.
    QCOMPARE(counts.size(), std::size_t(600));
    std::sort(counts.begin(), counts.end());
    for (std::size_t i = 0; i < counts.size(); ++i)
        QCOMPARE(counts[i], double(i + 1));
}

void TestMp::nothingLeaks() {
    // Each object goes (its handler thread joined) before the next forks: GCC 12's
    // AddressSanitizer allocator is not fork-safe, so a child forked while another thread
    // allocates can hang on an allocator lock the other thread held (seen in CI).
    QFETCH(QString, method);
    const StartMethod m = methodOf(method);
    const ProcessCensus before = ProcessCensus::take();
    TraceRecorder recorder; // traced, so the shared trace buffers are made (and must go) too
    const auto check = [&](const char* after) {
        const std::string leaks = before.leaksIn(ProcessCensus::take());
        QVERIFY2(leaks.empty(),
                 qPrintable(QStringLiteral("after %1: %2")
                                .arg(QLatin1String(after), QString::fromStdString(leaks))));
    };

    { // success
        Pool::Options o;
        o.processes = 2;
        o.start_method = m;
        o.recorder = &recorder;
        Pool pool(o);
        pool.map("square", range(0, 20));
    }
    {
        ProcessPoolExecutor::Options eo;
        eo.max_workers = 2;
        eo.start_method = m;
        eo.recorder = &recorder;
        ProcessPoolExecutor executor(eo);
        executor.map("cube", range(0, 10));
    }
    {
        Process p(TaskCall{"square", {3}}, processOptions(m, &recorder));
        p.start();
        p.join();
    }
    check("success");
    { // a task that raises
        {
            Pool pool(2, m);
            QVERIFY_THROWS_EXCEPTION(TaskError, pool.map("fail", {1, 2}));
        }
        {
            ProcessPoolExecutor executor(2, m);
            QVERIFY_THROWS_EXCEPTION(TaskError, executor.submit("fail").result(10s));
        }
        Process p(TaskCall{"fail", {}}, processOptions(m));
        p.start();
        p.join();
    }
    check("a task exception");
    { // crashed workers
        ProcessPoolExecutor::Options eo;
        eo.max_workers = 2;
        eo.start_method = m;
        eo.recorder = &recorder;
        {
            ProcessPoolExecutor executor(eo);
            QVERIFY_THROWS_EXCEPTION(BrokenProcessPool, executor.submit("crash").result(10s));
        }
        Pool pool(2, m);
        QVERIFY_THROWS_EXCEPTION(WorkerDiedError, pool.apply("crash"));
    }
    check("a crashed worker");
    { // terminate, and objects dropped while their processes run
        Pool pool(2, m);
        auto f = pool.apply_async("io", {10'000'000});
        QVERIFY(waitUntil([&] { return f.running(); }));
        pool.terminate();
        pool.join();
        Pool dropped(2, m); // the destructor terminates, as leaving `with Pool()` does
        auto busy = dropped.apply_async("cpu", {10'000'000});
        QVERIFY(waitUntil([&] { return busy.running(); }));
        Process running(TaskCall{"io", {10'000'000}}, processOptions(m, &recorder));
        running.start(); // never joined: the destructor terminates and reaps it
    }
    check("terminate");
    recorder.finish();
}

QTEST_GUILESS_MAIN(TestMp)
#include "tst_mp.moc"
