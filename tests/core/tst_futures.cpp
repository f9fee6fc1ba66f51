// Tests of Future and ThreadPoolExecutor against Python's concurrent.futures semantics, over
// several pool sizes, and of what a traced run records: queued and running slices, flows
// from the submitter, and the GIL model's one-runner-at-a-time rule.
#include "concurrency/future.h"
#include "concurrency/python_error.h"
#include "futures/thread_pool_executor.h"
#include "gil/gil.h"
#include "trace/trace_recorder.h"
#include "workload/workload.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace tasklane;
using namespace std::chrono_literals;

namespace {

// A door tasks wait behind until the test opens it. The wait has a safety timeout so that a
// broken pool fails the test (wait() returns false) instead of hanging it.
class Gate {
public:
    void open() {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        cv_.notify_all();
    }
    bool wait(std::chrono::milliseconds timeout = 10s) {
        std::unique_lock lock(mutex_);
        return cv_.wait_for(lock, timeout, [&] { return open_; });
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    bool open_ = false;
};

// A count that can be waited on.
class Counter {
public:
    int increment() {
        int now = 0;
        {
            std::lock_guard lock(mutex_);
            now = ++value_;
        }
        cv_.notify_all();
        return now;
    }
    bool waitFor(int atLeast, std::chrono::milliseconds timeout = 10s) {
        std::unique_lock lock(mutex_);
        return cv_.wait_for(lock, timeout, [&] { return value_ >= atLeast; });
    }
    int value() {
        std::lock_guard lock(mutex_);
        return value_;
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    int value_ = 0;
};

void addWorkerRows() {
    QTest::addColumn<int>("workers");
    for (int w : {1, 2, 4, 8})
        QTest::addRow("%d workers", w) << w;
}

std::vector<int> range(int n) {
    std::vector<int> v(std::size_t(n), 0);
    std::iota(v.begin(), v.end(), 0);
    return v;
}

struct Interval {
    std::int64_t begin;
    std::int64_t end;
    std::uint32_t track;
};

// The running slices of tasks, over every track.
std::vector<Interval> runningSlices(const Trace& trace) {
    std::vector<Interval> out;
    for (const TraceEvent& e : trace.events)
        if (e.type == EventType::Slice && e.state == State::Running && e.task != 0)
            out.push_back({e.begin_ns, e.end_ns, e.track});
    return out;
}

// Running or waiting for a core: when a task was ready to run, whether a core was free or not.
std::vector<Interval> readySlices(const Trace& trace) {
    std::vector<Interval> out;
    for (const TraceEvent& e : trace.events)
        if (e.type == EventType::Slice && e.task != 0 &&
            (e.state == State::Running || e.state == State::WaitingForCore))
            out.push_back({e.begin_ns, e.end_ns, e.track});
    return out;
}

std::int64_t totalOf(const Trace& trace, State state) {
    std::int64_t sum = 0;
    for (const TraceEvent& e : trace.events)
        if (e.isSlice() && e.state == state)
            sum += e.duration_ns();
    return sum;
}

// The largest stretch of time by which any running slice overlaps an earlier one, whatever
// their tracks: 0 when at most one thread runs at any moment.
std::int64_t worstRunningOverlap(std::vector<Interval> slices) {
    std::sort(slices.begin(), slices.end(),
              [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
    std::int64_t worst = 0;
    for (std::size_t i = 0, ended = 0; i < slices.size(); ++i) {
        // `ended`: the earlier slice that ends last.
        if (i > 0) {
            worst = std::max(worst, std::min(slices[ended].end, slices[i].end) - slices[i].begin);
            if (slices[i].end > slices[ended].end)
                ended = i;
        }
    }
    return worst;
}

// How long slices on two different tracks ran at the same time, summed over pairs.
std::int64_t crossTrackOverlap(const std::vector<Interval>& slices) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < slices.size(); ++i)
        for (std::size_t j = i + 1; j < slices.size(); ++j)
            if (slices[i].track != slices[j].track)
                sum += std::max<std::int64_t>(0, std::min(slices[i].end, slices[j].end) -
                                                     std::max(slices[i].begin, slices[j].begin));
    return sum;
}

double ms(std::int64_t ns) {
    return double(ns) / 1e6;
}

} // namespace

class TestFutures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mapKeepsInputOrder_data() { addWorkerRows(); }
    void mapKeepsInputOrder();
    void submitPassesArgumentsAndVoid_data() { addWorkerRows(); }
    void submitPassesArgumentsAndVoid();
    void exceptionReraisedByResult_data() { addWorkerRows(); }
    void exceptionReraisedByResult();
    void mapRaisesFirstFailureInInputOrder_data() { addWorkerRows(); }
    void mapRaisesFirstFailureInInputOrder();
    void cancelOnlyBeforeStart_data() { addWorkerRows(); }
    void cancelOnlyBeforeStart();
    void doneCallbacksRunOnce_data() { addWorkerRows(); }
    void doneCallbacksRunOnce();
    void cancelRunsCallbacksOnce();
    void resultTimeout();
    void submitAfterShutdownThrows();
    void shutdownCancelFutures_data() { addWorkerRows(); }
    void shutdownCancelFutures();
    void destructorWaitsLikeWith_data() { addWorkerRows(); }
    void destructorWaitsLikeWith();
    void defaultMaxWorkers();
    void threadsStartLazily_data() { addWorkerRows(); }
    void threadsStartLazily();
    void neverMoreThanMaxWorkers_data() { addWorkerRows(); }
    void neverMoreThanMaxWorkers();
    void tracedTasks_data() { addWorkerRows(); }
    void tracedTasks();
    void gilLetsOneThreadRun_data();
    void gilLetsOneThreadRun();
    void withoutGilThreadsRunTogether();
    void ioReleasesTheGil();
    void cpuWorkloadTakesItsTime();
};

void TestFutures::mapKeepsInputOrder() {
    QFETCH(int, workers);
    constexpr int kItems = 40;
    ThreadPoolExecutor pool(workers);
    std::mt19937 rng{unsigned(workers)};
    std::vector<int> delayUs(kItems);
    for (int& d : delayUs)
        d = int(rng() % 3000);

    // Item 0 finishes last whenever other workers exist, so completion order differs from
    // input order for sure; the others take random times.
    Gate othersDone;
    std::mutex mutex;
    std::vector<int> completion;
    const auto fn = [&](int i) -> long long {
        if (i == 0 && workers > 1)
            othersDone.wait();
        else
            std::this_thread::sleep_for(std::chrono::microseconds(delayUs[std::size_t(i)]));
        std::lock_guard lock(mutex);
        completion.push_back(i);
        if (completion.size() == kItems - 1 && workers > 1)
            othersDone.open();
        return (long long)i * i;
    };
    const std::vector<long long> results = pool.map(fn, range(kItems));

    QCOMPARE(results.size(), std::size_t(kItems));
    for (int i = 0; i < kItems; ++i)
        QCOMPARE(results[std::size_t(i)], (long long)i * i);
    pool.shutdown();
    QCOMPARE(completion.size(), std::size_t(kItems));
    if (workers == 1)
        QVERIFY(completion == range(kItems)); // one worker runs the queue in order
    else
        QCOMPARE(completion.back(), 0); // finished last, yet its result came first
}

void TestFutures::submitPassesArgumentsAndVoid() {
    QFETCH(int, workers);
    ThreadPoolExecutor pool(workers);
    std::atomic<int> sideEffect{0};
    auto sum =
        pool.submit([](int a, long long b, std::string c) { return c + std::to_string(a + b); }, 2,
                    40LL, std::string("answer "));
    auto nothing = pool.submit([&] { sideEffect.store(7); });
    auto moveOnly = pool.submit([p = std::make_unique<int>(5)] { return *p * 2; });
    QCOMPARE(sum.result(), std::string("answer 42"));
    nothing.result(); // Future<void>: returns once done
    QVERIFY(nothing.done());
    QCOMPARE(sideEffect.load(), 7);
    QCOMPARE(moveOnly.result(), 10);
    QCOMPARE(sum.result(), std::string("answer 42")); // a result can be read again
}

void TestFutures::exceptionReraisedByResult() {
    QFETCH(int, workers);
    ThreadPoolExecutor pool(workers);
    auto ok = pool.submit([] { return 7; });
    auto bad = pool.submit(
        [](int n) -> int { throw std::invalid_argument("bad value " + std::to_string(n)); }, 42);
    auto odd = pool.submit([] { throw 17; }); // not a std::exception: still carried over

    QCOMPARE(ok.result(), 7);
    QVERIFY(ok.exception() == nullptr);
    try {
        bad.result();
        QFAIL("result() did not re-raise the task's exception");
    } catch (const std::invalid_argument& e) {
        QCOMPARE(std::string(e.what()), std::string("bad value 42"));
    }
    QVERIFY(bad.done());
    QVERIFY(!bad.cancelled());
    QVERIFY(bad.exception() != nullptr);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bad.result()); // every time it is asked
    try {
        std::rethrow_exception(bad.exception());
    } catch (const std::invalid_argument& e) {
        QCOMPARE(std::string(e.what()), std::string("bad value 42"));
    }
    try {
        odd.result();
        QFAIL("result() did not re-raise");
    } catch (int v) {
        QCOMPARE(v, 17);
    }
}

void TestFutures::mapRaisesFirstFailureInInputOrder() {
    QFETCH(int, workers);
    // Item 5 fails first in time, item 3 later; map must raise item 3's exception (first in
    // input order). Items from 6 on hold their worker until map has raised, so most of them
    // are still queued then and must be cancelled, never run.
    const int items = 6 + 3 * workers;
    ThreadPoolExecutor pool(workers);
    Gate fiveFailed;
    Gate release;
    auto started = std::make_unique<std::atomic<bool>[]>(std::size_t(items));
    const auto fn = [&](int i) -> int {
        started[std::size_t(i)] = true;
        if (i == 3) {
            if (workers > 1) {
                fiveFailed.wait();
                std::this_thread::sleep_for(20ms); // fail well after item 5 did
            }
            throw std::runtime_error("fail 3");
        }
        if (i == 5) {
            fiveFailed.open();
            throw std::runtime_error("fail 5");
        }
        if (i >= 6)
            release.wait();
        return i;
    };
    try {
        pool.map(fn, range(items));
        QFAIL("map did not raise");
    } catch (const std::runtime_error& e) {
        QCOMPARE(std::string(e.what()), std::string("fail 3"));
    }
    release.open();
    pool.shutdown(true);
    for (int i = 0; i <= 3; ++i)
        QVERIFY(started[std::size_t(i)]);
    int startedAfter = 0;
    for (int i = 6; i < items; ++i)
        startedAfter += started[std::size_t(i)] ? 1 : 0;
    // At most one per worker was running when map raised; the rest were cancelled.
    QVERIFY2(startedAfter <= workers, qPrintable(QString::number(startedAfter)));
    QVERIFY(startedAfter < items - 6);
}

void TestFutures::cancelOnlyBeforeStart() {
    QFETCH(int, workers);
    ThreadPoolExecutor pool(workers);
    Gate gate;
    Counter running;
    std::vector<Future<int>> blockers;
    for (int i = 0; i < workers; ++i)
        blockers.push_back(pool.submit([&] {
            running.increment();
            return gate.wait() ? 1 : -1;
        }));
    QVERIFY(running.waitFor(workers)); // every worker busy: what comes next must queue

    std::atomic<bool> ran{false};
    auto queued = pool.submit([&] {
        ran = true;
        return 2;
    });
    QVERIFY(!queued.running());
    QVERIFY(!queued.done());
    QVERIFY(queued.cancel());
    QVERIFY(queued.cancelled());
    QVERIFY(queued.done());
    QVERIFY(queued.cancel()); // cancelling a cancelled future still says yes, as Python's
    QVERIFY_THROWS_EXCEPTION(CancelledError, queued.result());
    QVERIFY_THROWS_EXCEPTION(CancelledError, queued.result(1ms));
    QVERIFY_THROWS_EXCEPTION(CancelledError, queued.exception());

    QVERIFY(blockers.front().running());
    QVERIFY(!blockers.front().cancel()); // running: too late
    QVERIFY(!blockers.front().cancelled());
    gate.open();
    for (auto& b : blockers)
        QCOMPARE(b.result(), 1);
    QVERIFY(!blockers.front().cancel()); // finished: too late
    QVERIFY(!blockers.front().cancelled());
    QCOMPARE(pool.submit([] { return 3; }).result(), 3); // the pool goes on
    pool.shutdown();
    QVERIFY(!ran);
}

void TestFutures::doneCallbacksRunOnce() {
    QFETCH(int, workers);
    ThreadPoolExecutor pool(workers);
    Gate gate;
    auto f = pool.submit([&] {
        gate.wait();
        return 5;
    });
    Counter before;
    std::atomic<int> seen{0};
    f.add_done_callback([&](const Future<int>& done) {
        seen = done.result();
        before.increment();
    });
    f.add_done_callback([&](const Future<int>&) { throw std::runtime_error("ignored"); });
    f.add_done_callback([&](const Future<int>&) { before.increment(); });
    QCOMPARE(before.value(), 0);
    gate.open();
    QCOMPARE(f.result(), 5);
    QVERIFY(before.waitFor(2)); // both, although the one between them threw

    int after = 0;
    std::thread::id afterThread;
    f.add_done_callback([&](const Future<int>& done) {
        after += done.done() ? 1 : 100;
        afterThread = std::this_thread::get_id();
    });
    QCOMPARE(after, 1); // already done: runs at once, in the caller
    QVERIFY(afterThread == std::this_thread::get_id());

    pool.shutdown();
    QCOMPARE(before.value(), 2); // never twice
    QCOMPARE(after, 1);
    QCOMPARE(seen.load(), 5);
}

void TestFutures::cancelRunsCallbacksOnce() {
    ThreadPoolExecutor pool(1);
    Gate gate;
    Counter running;
    auto blocker = pool.submit([&] {
        running.increment();
        gate.wait();
    });
    QVERIFY(running.waitFor(1));
    auto queued = pool.submit([] { return 1; });
    int calls = 0;
    bool sawCancelled = false;
    queued.add_done_callback([&](const Future<int>& f) {
        ++calls;
        sawCancelled = f.cancelled();
    });
    QVERIFY(queued.cancel());
    QCOMPARE(calls, 1); // cancel() runs them, in the cancelling thread
    QVERIFY(sawCancelled);
    QVERIFY(queued.cancel());
    gate.open();
    blocker.result();
    pool.shutdown(); // the worker skips the cancelled item without completing it again
    QCOMPARE(calls, 1);
}

void TestFutures::resultTimeout() {
    ThreadPoolExecutor pool(1);
    Gate gate;
    auto f = pool.submit([&] {
        gate.wait();
        return 9;
    });
    QElapsedTimer timer;
    timer.start();
    QVERIFY_THROWS_EXCEPTION(TimeoutError, f.result(30ms));
    QVERIFY(timer.elapsed() >= 20); // it did wait, roughly the timeout
    QVERIFY(!f.done());
    gate.open();
    QCOMPARE(f.result(10s), 9);
    QCOMPARE(f.result(0ms), 9); // done: no waiting, no timeout
    f.wait();
}

void TestFutures::submitAfterShutdownThrows() {
    ThreadPoolExecutor pool(2);
    QCOMPARE(pool.submit([] { return 1; }).result(), 1);
    pool.shutdown();
    QVERIFY_THROWS_EXCEPTION(RuntimeError, pool.submit([] { return 2; }));
    try {
        pool.submit([] { return 2; });
        QFAIL("submit after shutdown did not raise");
    } catch (const RuntimeError& e) {
        QCOMPARE(std::string(e.what()),
                 std::string("RuntimeError: cannot schedule new futures after shutdown"));
    }
    QVERIFY_THROWS_EXCEPTION(RuntimeError, pool.map([](int i) { return i; }, range(3)));
    pool.shutdown(); // twice is fine

    ThreadPoolExecutor notWaiting(2);
    notWaiting.shutdown(false);
    QVERIFY_THROWS_EXCEPTION(RuntimeError, notWaiting.submit([] { return 3; }));
}

void TestFutures::shutdownCancelFutures() {
    QFETCH(int, workers);
    ThreadPoolExecutor pool(workers);
    Gate gate;
    Counter running;
    std::vector<Future<int>> blockers;
    for (int i = 0; i < workers; ++i)
        blockers.push_back(pool.submit([&] {
            running.increment();
            return gate.wait() ? 1 : -1;
        }));
    QVERIFY(running.waitFor(workers));

    std::atomic<int> ranQueued{0};
    std::vector<Future<int>> queued;
    for (int i = 0; i < 5; ++i)
        queued.push_back(pool.submit([&] { return ++ranQueued; }));
    // The queued futures' cancellation opens the gate, so the waiting shutdown can join.
    queued.back().add_done_callback([&](const Future<int>&) { gate.open(); });

    pool.shutdown(/*wait=*/true, /*cancel_futures=*/true);
    for (auto& b : blockers) {
        QVERIFY(b.done()); // wait=true: running work finished before shutdown returned
        QCOMPARE(b.result(), 1);
    }
    for (auto& q : queued) {
        QVERIFY(q.cancelled());
        QVERIFY_THROWS_EXCEPTION(CancelledError, q.result());
    }
    QCOMPARE(ranQueued.load(), 0);
    QVERIFY_THROWS_EXCEPTION(RuntimeError, pool.submit([] { return 0; }));
}

void TestFutures::destructorWaitsLikeWith() {
    QFETCH(int, workers);
    std::atomic<int> finished{0};
    std::vector<Future<int>> futures;
    {
        ThreadPoolExecutor pool(workers);
        for (int i = 0; i < 2 * workers; ++i)
            futures.push_back(pool.submit([&, i] {
                workload::io(30ms);
                finished.fetch_add(1);
                return i;
            }));
    } // leaving the block, like leaving `with`: waits for running and queued work
    QCOMPARE(finished.load(), 2 * workers);
    for (int i = 0; i < 2 * workers; ++i) {
        QVERIFY(futures[std::size_t(i)].done());
        QCOMPARE(futures[std::size_t(i)].result(), i);
    }
}

void TestFutures::defaultMaxWorkers() {
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    QCOMPARE(ThreadPoolExecutor::defaultMaxWorkers(), std::min(32, cores + 4));
    ThreadPoolExecutor byDefault;
    QCOMPARE(byDefault.max_workers(), std::min(32, cores + 4));
    ThreadPoolExecutor three(3);
    QCOMPARE(three.max_workers(), 3);
    try {
        ThreadPoolExecutor(-1);
        QFAIL("max_workers -1 was accepted");
    } catch (const ValueError& e) {
        QCOMPARE(std::string(e.what()),
                 std::string("ValueError: max_workers must be greater than 0"));
    }
}

void TestFutures::threadsStartLazily() {
    QFETCH(int, workers);
    ThreadPoolExecutor pool(workers);
    QCOMPARE(pool.threadCount(), 0);
    QCOMPARE(pool.submit([] { return 1; }).result(), 1);
    QCOMPARE(pool.threadCount(), 1);
    // Submit, wait, submit again: the idle thread takes each one; no new thread starts.
    for (int i = 0; i < 50; ++i)
        QCOMPARE(pool.submit([i] { return i; }).result(), i);
    QCOMPARE(pool.threadCount(), 1);

    // Work that needs every worker at once: threads up to max_workers, never more.
    Gate gate;
    Counter running;
    std::vector<Future<bool>> futures;
    for (int i = 0; i < 2 * workers; ++i)
        futures.push_back(pool.submit([&] {
            running.increment();
            return gate.wait();
        }));
    QVERIFY(running.waitFor(workers));
    QCOMPARE(pool.threadCount(), workers);
    gate.open();
    for (auto& f : futures)
        QVERIFY(f.result());
    QCOMPARE(pool.threadCount(), workers);
}

void TestFutures::neverMoreThanMaxWorkers() {
    QFETCH(int, workers);
    ThreadPoolExecutor pool(workers);
    std::atomic<int> current{0};
    std::atomic<int> peak{0};
    Gate full; // opens once `workers` tasks run at the same time
    const auto task = [&](int) {
        const int now = current.fetch_add(1) + 1;
        int seen = peak.load();
        while (now > seen && !peak.compare_exchange_weak(seen, now)) {
        }
        if (now >= workers)
            full.open();
        const bool reached = full.wait(10s);
        std::this_thread::sleep_for(1ms);
        current.fetch_sub(1);
        return reached;
    };
    const std::vector<bool> results = pool.map(task, range(4 * workers));
    QVERIFY(std::all_of(results.begin(), results.end(), [](bool b) { return b; }));
    QCOMPARE(peak.load(), workers); // reached max_workers, never more
    QVERIFY(pool.threadCount() <= workers);
}

void TestFutures::tracedTasks() {
    QFETCH(int, workers);
    constexpr int kTasks = 12;
    TraceRecorder recorder;
    const std::uint32_t mainTrack = recorder.addTrack(TrackKind::Main, "main");
    std::vector<long long> numbers(kTasks);
    std::iota(numbers.begin(), numbers.end(), 1);
    {
        ThreadPoolExecutor pool(
            ThreadPoolExecutor::Options{workers, &recorder, nullptr, mainTrack, "worker"});
        const auto squares = pool.map(
            [](long long n) {
                workload::cpu(1ms);
                workload::io(2ms);
                return n * n;
            },
            numbers, "square");
        QCOMPARE(squares.size(), std::size_t(kTasks));
        QCOMPARE(squares.back(), 144LL);
    }
    const Trace trace = recorder.finish();

    QVERIFY(trace.tracks.size() >= 2);
    QVERIFY(trace.tracks.size() <= std::size_t(1 + workers));
    QCOMPARE(trace.tracks[mainTrack].kind, TrackKind::Main);
    for (std::uint32_t t = 0; t < trace.tracks.size(); ++t) {
        if (t == mainTrack)
            continue;
        QCOMPARE(trace.tracks[t].kind, TrackKind::Thread);
        QVERIFY(trace.tracks[t].name.rfind("worker ", 0) == 0);
        // In index order, whatever order the threads started in; each with its own tid.
        QCOMPARE(trace.tracks[t].name, "worker " + std::to_string(t - mainTrack));
        QVERIFY(trace.tracks[t].tid != trace.tracks[mainTrack].tid);
        QCOMPARE(trace.tracks[t].pid, trace.tracks[mainTrack].pid);
    }

    struct Seen {
        int queued = 0;
        std::uint32_t queuedTrack = 0;
        std::int64_t queuedBegin = 0;
        std::int64_t queuedEnd = 0;
        std::string label;
        int running = 0;
        std::set<std::uint32_t> runningTracks;
        std::int64_t firstRun = std::numeric_limits<std::int64_t>::max();
        bool cpuKnown = true;
        int sleeping = 0;
        int flowStarts = 0;
        int flowEnds = 0;
        std::uint32_t flowStartTrack = 0;
        std::uint32_t flowEndTrack = 0;
        std::int64_t flowStartAt = 0;
        std::int64_t flowEndAt = 0;
        double flowStartId = -1;
        double flowEndId = -2;
    };
    std::map<std::uint32_t, Seen> tasks;
    for (const TraceEvent& e : trace.events) {
        if (e.task == 0)
            continue;
        Seen& s = tasks[e.task];
        if (e.type == EventType::AsyncSlice && e.state == State::Queued) {
            ++s.queued;
            s.queuedTrack = e.track;
            s.queuedBegin = e.begin_ns;
            s.queuedEnd = e.end_ns;
            s.label = std::string(trace.label(e));
        } else if (e.type == EventType::Slice && e.state == State::Running) {
            ++s.running;
            s.runningTracks.insert(e.track);
            s.firstRun = std::min(s.firstRun, e.begin_ns);
            s.cpuKnown = s.cpuKnown && e.cpu >= 0;
        } else if (e.type == EventType::Slice && e.state == State::Sleeping) {
            ++s.sleeping;
        } else if (e.type == EventType::FlowStart) {
            ++s.flowStarts;
            s.flowStartTrack = e.track;
            s.flowStartAt = e.begin_ns;
            s.flowStartId = e.value;
        } else if (e.type == EventType::FlowEnd) {
            ++s.flowEnds;
            s.flowEndTrack = e.track;
            s.flowEndAt = e.begin_ns;
            s.flowEndId = e.value;
        }
    }
    QCOMPARE(tasks.size(), std::size_t(kTasks));
    std::set<std::string> labels;
    std::set<double> flowIds;
    for (const auto& [task, s] : tasks) {
        QCOMPARE(s.queued, 1);
        QVERIFY(s.queuedTrack != mainTrack);
        QVERIFY(s.queuedBegin <= s.queuedEnd);
        QVERIFY(s.running >= 1);
        QCOMPARE(s.runningTracks, std::set<std::uint32_t>{s.queuedTrack}); // one worker
        QVERIFY(s.firstRun >= s.queuedEnd);
        QVERIFY(s.cpuKnown);
        QVERIFY(s.sleeping >= 1);
        QCOMPARE(s.flowStarts, 1);
        QCOMPARE(s.flowEnds, 1);
        QCOMPARE(s.flowStartTrack, mainTrack);   // from the submitting thread...
        QCOMPARE(s.flowEndTrack, s.queuedTrack); // ...to the worker that ran it
        QCOMPARE(s.flowStartAt, s.queuedBegin);  // at submit
        QCOMPARE(s.flowEndAt, s.queuedEnd);      // at start
        QCOMPARE(s.flowStartId, s.flowEndId);
        flowIds.insert(s.flowStartId);
        labels.insert(s.label);
    }
    QCOMPARE(flowIds.size(), std::size_t(kTasks));
    std::set<std::string> expectedLabels;
    for (long long n : numbers)
        expectedLabels.insert("square(" + std::to_string(n) + ")");
    QCOMPARE(labels, expectedLabels);

    // A worker thread's slices follow each other; they never overlap.
    for (std::uint32_t t = 0; t < trace.tracks.size(); ++t) {
        std::int64_t lastEnd = 0; // CLOCK_MONOTONIC times are positive
        for (const TraceEvent& e : trace.eventsOf(t)) {
            if (e.type != EventType::Slice)
                continue;
            QVERIFY2(
                e.begin_ns >= lastEnd,
                qPrintable(QStringLiteral("track %1: slice at %2 overlaps the previous by %3 ns")
                               .arg(t)
                               .arg(e.begin_ns)
                               .arg(lastEnd - e.begin_ns)));
            QVERIFY(e.end_ns >= e.begin_ns);
            lastEnd = e.end_ns;
        }
    }
}

void TestFutures::gilLetsOneThreadRun_data() {
    QTest::addColumn<int>("workers");
    QTest::newRow("2 workers") << 2;
    QTest::newRow("4 workers") << 4;
}

void TestFutures::gilLetsOneThreadRun() {
    QFETCH(int, workers);
    constexpr int kTasks = 4;
    constexpr auto kWork = 50ms;
    TraceRecorder recorder;
    Gil gil(true);
    const std::uint32_t mainTrack = recorder.addTrack(TrackKind::Main, "main");
    {
        ThreadPoolExecutor pool(
            ThreadPoolExecutor::Options{workers, &recorder, &gil, mainTrack, "worker"});
        std::vector<Future<std::uint64_t>> futures;
        for (int i = 0; i < kTasks; ++i)
            futures.push_back(pool.submit([&] { return workload::cpu(kWork); }));
        for (auto& f : futures)
            f.result();
    }
    const Trace trace = recorder.finish();
    const auto running = runningSlices(trace);
    std::int64_t runningSum = 0;
    for (const Interval& s : running)
        runningSum += s.end - s.begin;
    // Each task used kWork of CPU time, all of it while running with the GIL held.
    QVERIFY2(ms(runningSum) >= 0.9 * kTasks * 50, qPrintable(QString::number(ms(runningSum))));
    const std::int64_t worst = worstRunningOverlap(running);
    QVERIFY2(worst <= 50'000, qPrintable(QStringLiteral("running slices of different threads "
                                                        "overlap by %1 us")
                                             .arg(double(worst) / 1e3)));
    const std::int64_t gilWait = totalOf(trace, State::GilWait);
    QVERIFY2(ms(gilWait) > 10, qPrintable(QString::number(ms(gilWait))));
    QVERIFY(gil.switches() > std::uint64_t(kTasks)); // forced switching, every interval
}

void TestFutures::withoutGilThreadsRunTogether() {
    TraceRecorder recorder;
    Gil gil(false);
    const std::uint32_t mainTrack = recorder.addTrack(TrackKind::Main, "main");
    {
        ThreadPoolExecutor pool(
            ThreadPoolExecutor::Options{2, &recorder, &gil, mainTrack, "worker"});
        auto a = pool.submit([] { return workload::cpu(80ms); });
        auto b = pool.submit([] { return workload::cpu(80ms); });
        a.result();
        b.result();
    }
    const Trace trace = recorder.finish();
    QCOMPARE(totalOf(trace, State::GilWait), std::int64_t(0));
    // Nothing holds them back: both are ready at once. Whether they also run at once depends
    // on a second core being free, which a busy machine does not promise.
    const std::int64_t together = crossTrackOverlap(readySlices(trace));
    QVERIFY2(ms(together) > 20, qPrintable(QString::number(ms(together))));
}

void TestFutures::ioReleasesTheGil() {
    constexpr int kTasks = 4;
    TraceRecorder recorder;
    Gil gil(true);
    const std::uint32_t mainTrack = recorder.addTrack(TrackKind::Main, "main");
    QElapsedTimer wall;
    wall.start();
    {
        ThreadPoolExecutor pool(
            ThreadPoolExecutor::Options{kTasks, &recorder, &gil, mainTrack, "worker"});
        std::vector<Future<void>> futures;
        for (int i = 0; i < kTasks; ++i)
            futures.push_back(pool.submit([] { workload::io(100ms); }));
        for (auto& f : futures)
            f.result();
    }
    const qint64 elapsed = wall.elapsed();
    const Trace trace = recorder.finish();
    const std::int64_t sleeping = totalOf(trace, State::Sleeping);
    QVERIFY2(ms(sleeping) >= kTasks * 100 * 0.95, qPrintable(QString::number(ms(sleeping))));
    // Back to back they would take the sum of their sleeps; together, far less.
    QVERIFY2(double(elapsed) < 0.75 * ms(sleeping),
             qPrintable(
                 QStringLiteral("%1 ms wall for %2 ms of sleeps").arg(elapsed).arg(ms(sleeping))));
    const auto running = runningSlices(trace);
    QVERIFY(worstRunningOverlap(running) <= 50'000); // the GIL still held for the Python parts
}

void TestFutures::cpuWorkloadTakesItsTime() {
    QElapsedTimer timer;
    timer.start();
    const auto before = std::chrono::steady_clock::now();
    const std::uint64_t value = workload::cpu(40ms);
    const auto took = std::chrono::steady_clock::now() - before;
    QVERIFY(value != 0);
    QVERIFY2(took >= 39ms, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(took < 5s);

    const auto ioBefore = std::chrono::steady_clock::now();
    workload::io(20ms);
    QVERIFY(std::chrono::steady_clock::now() - ioBefore >= 20ms);
}

QTEST_GUILESS_MAIN(TestFutures)
#include "tst_futures.moc"
