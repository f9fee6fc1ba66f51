// Tests of the asyncio layer against Python's semantics: run, create_task, sleep (never
// early), gather (argument order, first exception, return_exceptions), cancellation at the
// await point with cleanup, wait_for, to_thread, async files, a 100 000-task run, and what
// a traced run records on the event loop's track. Coroutines cannot use QVERIFY (it
// returns), so they report into plain variables the test checks after run().
#include "aio/aio.h"
#include "concurrency/python_error.h"
#include "trace/trace_recorder.h"
#include "workload/workload.h"

#include "pinned_to_one_core.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <tuple>
#include <vector>

#include <optional>
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace tasklane;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

Task<int> answer() {
    co_await sleep(1ms);
    co_return 42;
}

Task<int> plus(int a) {
    co_return co_await answer() + a;
} // an inline await chain

Task<std::string> named(std::string name, std::chrono::milliseconds delay,
                        std::vector<std::string>* order) {
    co_await sleep(delay);
    order->push_back(name);
    co_return name;
}

Task<int> failAfter(std::chrono::milliseconds delay, std::string what) {
    co_await sleep(delay);
    throw std::runtime_error(what);
}

// Holds its argument in its frame until the frame goes.
Task<void> holding(std::shared_ptr<int> token) {
    (void)token;
    co_return;
}

int sleepThenReturn(int ms, int value) {
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    return value;
}

Task<int> sleepThenReturnAsync(std::chrono::milliseconds delay, int value) {
    co_await sleep(delay);
    co_return value;
}

struct Guard {
    bool* flag;
    ~Guard() { *flag = true; }
};

struct CancelProbe {
    bool cleaned = false;   // the RAII guard in the sleeping frame ran
    bool sawCancel = false; // CancelledError was raised at the await point
    bool outerCleaned = false;
};

Task<void> sleeper(CancelProbe* probe, std::chrono::milliseconds delay) {
    Guard guard{&probe->cleaned};
    try {
        co_await sleep(delay);
    } catch (const CancelledError&) {
        probe->sawCancel = true;
        throw;
    }
}

Task<void> outer(CancelProbe* probe) {
    Guard guard{&probe->outerCleaned};
    co_await sleeper(probe, 10s);
}

} // namespace

class TestAio : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runReturnsTheResult() {
        EventLoop loop;
        QCOMPARE(EventLoop::current(), &loop);
        QCOMPARE(loop.run(answer()), 42);
        QCOMPARE(loop.run(plus(1)), 43); // run again, as asyncio.run may be called again
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, loop.run(failAfter(1ms, "boom")));
        QCOMPARE(loop.pendingTasks(), std::size_t(0));
    }

    void gatherKeepsArgumentOrder() {
        EventLoop loop;
        std::vector<std::string> order;
        auto main = [](std::vector<std::string>* order)
            -> Task<std::tuple<std::string, std::string, std::string>> {
            co_return co_await gather(named("A", 20ms, order), named("B", 10ms, order),
                                      named("C", 30ms, order));
        };
        const auto t0 = Clock::now();
        const auto [a, b, c] = loop.run(main(&order));
        const double elapsed = msSince(t0);
        QCOMPARE(a, std::string("A"));
        QCOMPARE(b, std::string("B"));
        QCOMPARE(c, std::string("C"));
        QCOMPARE(order, (std::vector<std::string>{"B", "A", "C"}));
        QVERIFY2(elapsed >= 30 && elapsed < 55, qPrintable(QString::number(elapsed)));
    }

    void gatherVector() {
        EventLoop loop;
        auto item = [](int i) -> Task<int> {
            co_await sleep(std::chrono::milliseconds(5 - i));
            co_return i* i;
        };
        auto main = [](decltype(item)* item) -> Task<std::vector<int>> {
            std::vector<Task<int>> tasks;
            for (int i = 0; i < 5; ++i)
                tasks.push_back((*item)(i));
            co_return co_await gather(std::move(tasks));
        };
        QCOMPARE(loop.run(main(&item)), (std::vector<int>{0, 1, 4, 9, 16}));
    }

    void gatherPropagatesTheFirstException() {
        EventLoop loop;
        struct Result {
            std::string error;
            bool slowRunningAfter = false;
            std::string slow;
        } r;
        std::vector<std::string> order;
        auto main = [](Result* r, std::vector<std::string>* order) -> Task<void> {
            auto slow = create_task(named("slow", 30ms, order), "slow");
            try {
                co_await gather(failAfter(10ms, "second"), failAfter(5ms, "first"), slow);
            } catch (const std::runtime_error& e) {
                r->error = e.what();
            }
            r->slowRunningAfter = !slow.done();
            r->slow = co_await slow; // the others keep running, as in Python
        };
        loop.run(main(&r, &order));
        QCOMPARE(r.error, std::string("first"));
        QVERIFY(r.slowRunningAfter);
        QCOMPARE(r.slow, std::string("slow"));
    }

    void gatherReturnExceptions() {
        EventLoop loop;
        auto main = []() -> Task<std::tuple<Outcome<int>, Outcome<int>>> {
            co_return co_await gather(return_exceptions, answer(), failAfter(2ms, "bad"));
        };
        auto [ok, bad] = loop.run(main());
        QCOMPARE(std::get<int>(ok), 42);
        QVERIFY(std::holds_alternative<std::exception_ptr>(bad));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 std::rethrow_exception(std::get<std::exception_ptr>(bad)));

        auto many = []() -> Task<std::vector<Outcome<int>>> {
            std::vector<Task<int>> tasks;
            tasks.push_back(failAfter(1ms, "x"));
            tasks.push_back(answer());
            co_return co_await gather(return_exceptions, std::move(tasks));
        };
        auto outcomes = loop.run(many());
        QCOMPARE(outcomes.size(), std::size_t(2));
        QVERIFY(std::holds_alternative<std::exception_ptr>(outcomes[0]));
        QCOMPARE(std::get<int>(outcomes[1]), 42);
    }

    void cancelRaisesAtTheAwaitPoint() {
        EventLoop loop;
        CancelProbe probe;
        struct Result {
            bool doneBefore = true;
            bool caught = false;
            bool cancelled = false;
        } r;
        auto main = [](CancelProbe* probe, Result* r) -> Task<void> {
            auto task = create_task(outer(probe), "outer");
            co_await sleep(20ms);
            r->doneBefore = task.done();
            task.cancel();
            try {
                co_await task;
            } catch (const CancelledError&) {
                r->caught = true;
            }
            r->cancelled = task.cancelled();
        };
        const auto t0 = Clock::now();
        loop.run(main(&probe, &r));
        QVERIFY(msSince(t0) < 1000);
        QVERIFY(!r.doneBefore);
        QVERIFY(probe.sawCancel);
        QVERIFY(probe.cleaned);
        QVERIFY(probe.outerCleaned);
        QVERIFY(r.caught);
        QVERIFY(r.cancelled);
    }

    void cancelGatherCancelsItsTasks() {
        EventLoop loop;
        CancelProbe first, second;
        auto main = [](CancelProbe* first, CancelProbe* second) -> Task<bool> {
            auto both = create_task(gather(sleeper(first, 10s), sleeper(second, 10s)), "gather");
            co_await sleep(10ms);
            both.cancel();
            try {
                co_await both;
            } catch (const CancelledError&) {
                co_return both.cancelled();
            }
            co_return false;
        };
        const auto t0 = Clock::now();
        QVERIFY(loop.run(main(&first, &second)));
        QVERIFY(msSince(t0) < 1000);
        QVERIFY(first.sawCancel && first.cleaned);
        QVERIFY(second.sawCancel && second.cleaned);
    }

    void cancelBeforeItStarts() {
        EventLoop loop;
        auto main = []() -> Task<bool> {
            auto task = create_task(answer());
            task.cancel();
            try {
                co_await task;
            } catch (const CancelledError&) {
                co_return task.cancelled();
            }
            co_return false;
        };
        QVERIFY(loop.run(main()));
    }

    void runCancelsLeftoverTasks() {
        CancelProbe probe;
        {
            EventLoop loop;
            auto main = [](CancelProbe* probe) -> Task<void> {
                (void)create_task(sleeper(probe, 10s));
                co_await sleep(1ms);
            };
            const auto t0 = Clock::now();
            loop.run(main(&probe));
            QVERIFY(msSince(t0) < 1000);
            QVERIFY(probe.sawCancel);
            QVERIFY(probe.cleaned);
        }
        // A task that never ran dies with its loop; its frame's destructors run.
        CancelProbe never;
        auto token = std::make_shared<int>(1);
        const std::weak_ptr<int> seen = token;
        {
            EventLoop loop;
            (void)loop.create_task(outer(&never));
            (void)loop.create_task(holding(std::move(token)));
        }
        QVERIFY(!never.sawCancel);
        QVERIFY(seen.expired()); // the frame's parameters went with it
        QVERIFY(EventLoop::current() == nullptr);
    }

    void aTaskKeptPastItsLoopGoesWithItsLastHandle() {
        // As in Python, where an object lives while it is referenced: the loop lets go, the
        // handle keeps the frame until it goes too. It is no longer the loop's to run.
        auto token = std::make_shared<int>(1);
        const std::weak_ptr<int> seen = token;
        Task<void> kept;
        {
            EventLoop loop;
            kept = loop.create_task(holding(std::move(token)));
            QCOMPARE(loop.pendingTasks(), std::size_t(1));
        }
        QVERIFY(!seen.expired());
        QVERIFY(!kept.done());
        QVERIFY(!kept.scheduled());
        QVERIFY(!kept.cancel());
        QVERIFY_THROWS_EXCEPTION(InvalidStateError, kept.result());
        kept = {};
        QVERIFY(seen.expired());
    }

    void taskHandlesCrossThreads() {
        // A stop request copies the main task's handle on another thread and posts its
        // cancel() to the loop (as the patterns' StopHandler does): the count is atomic, and
        // the frame may be freed by whichever thread lets go last.
        CancelProbe probe;
        EventLoop loop;
        Task<void> main = loop.create_task(sleeper(&probe, 10s), "main");
        int copied = 0;
        std::thread other([&loop, &copied, core = main.core()] {
            for (int i = 0; i < 20'000; ++i) {
                const detail::TaskRef copy = core;
                copied += copy.get() == core.get();
            }
            loop.call_soon_threadsafe([core] { core->cancel(); });
        });
        QVERIFY_THROWS_EXCEPTION(CancelledError, loop.run(std::move(main)));
        other.join();
        QCOMPARE(copied, 20'000);
        QVERIFY(probe.sawCancel);
        QVERIFY(probe.cleaned);
    }

    void staleWakeUpsFindNoTask() {
        // A task cancelled while its to_thread work runs finishes at once; the work's wake-up
        // arrives later. By then another task holds the same weak-reference slot and waits
        // under the same wait id: the slot's generation must keep the stale wake-up from it.
        EventLoop loop;
        struct Result {
            bool cancelled = false;
            bool resumedEarly = true;
            int value = 0;
        } r;
        auto slowWork = []() -> Task<int> { co_return co_await to_thread(sleepThenReturn, 60, 1); };
        auto waitFor = [](Task<int> other, Result* r) -> Task<void> {
            r->value = co_await other;
            r->resumedEarly = !other.done();
        };
        auto main = [](decltype(slowWork)* slowWork, decltype(waitFor)* waitFor,
                       Result* r) -> Task<void> {
            auto doomed = create_task((*slowWork)());
            co_await sleep(10ms); // its work has started on the pool
            doomed.cancel();
            try {
                co_await doomed;
            } catch (const CancelledError&) {
                r->cancelled = true;
            }
            auto later = create_task(sleepThenReturnAsync(200ms, 7));
            co_await create_task((*waitFor)(later, r));
        };
        loop.run(main(&slowWork, &waitFor, &r));
        QVERIFY(r.cancelled);
        QVERIFY(!r.resumedEarly);
        QCOMPARE(r.value, 7);
    }

    void waitForTimesOutAndCancels() {
        EventLoop loop;
        CancelProbe probe;
        struct Result {
            bool timedOut = false;
            int value = 0;
        } r;
        auto main = [](CancelProbe* probe, Result* r) -> Task<void> {
            r->value = co_await wait_for(answer(), 1s);
            try {
                co_await wait_for(sleeper(probe, 10s), 50ms);
            } catch (const TimeoutError&) {
                r->timedOut = true;
            }
        };
        const auto t0 = Clock::now();
        loop.run(main(&probe, &r));
        const double elapsed = msSince(t0);
        QCOMPARE(r.value, 42);
        QVERIFY(r.timedOut);
        QVERIFY(probe.sawCancel);
        QVERIFY(probe.cleaned); // cancelled and cleaned up before TimeoutError arrived
        QVERIFY2(elapsed >= 50 && elapsed < 500, qPrintable(QString::number(elapsed)));
    }

    void finishedWaitsLeaveNoTimers() {
        EventLoop loop;
        auto main = []() -> Task<int> {
            int sum = 0;
            for (int i = 0; i < 300; ++i)
                sum += co_await wait_for(answer(), 10s);
            co_return sum;
        };
        QCOMPARE(loop.run(main()), 300 * 42);
        QCOMPARE(loop.pendingTimers(), std::size_t(0));
        QVERIFY2(loop.timersHeld() < 150, qPrintable(QString::number(loop.timersHeld())));
    }

    void timersFireInDeadlineOrder() {
        // Deadlines in and out of order (its TimerQueue keeps in-order ones in a ring, the others
        // in a heap); cancelled callbacks never fire.
        EventLoop loop;
        std::vector<int> fired;
        auto main = [](std::vector<int>* fired) -> Task<std::size_t> {
            EventLoop& loop = EventLoop::require();
            const int delays[] = {5, 1, 7, 3, 3, 9, 2, 8};
            std::vector<TimerHandle> handles;
            for (int i = 0; i < 8; ++i) {
                auto fire = [fired, i] { fired->push_back(i); };
                handles.push_back(loop.call_later(std::chrono::milliseconds(delays[i]), fire));
            }
            handles[5].cancel();
            handles[1].cancel();
            co_await sleep(20ms);
            co_return loop.pendingTimers();
        };
        QCOMPARE(loop.run(main(&fired)), std::size_t(0));
        QCOMPARE(fired, (std::vector<int>{6, 3, 4, 0, 2, 7}));
    }

    void cancelledSleepsLeaveNoTimers() {
        EventLoop loop;
        struct Result {
            std::size_t armedBefore = 0;
            std::size_t armedHalf = 0;
            std::size_t armedAfter = 0;
            std::size_t heldAfter = 0;
            int cancelled = 0;
        } r;
        auto nap = [](std::chrono::milliseconds delay) -> Task<void> { co_await sleep(delay); };
        auto main = [](decltype(nap)* nap, Result* r) -> Task<void> {
            EventLoop& loop = EventLoop::require();
            std::vector<Task<void>> sleepers;
            for (int i = 0; i < 1000; ++i)
                sleepers.push_back(create_task((*nap)(10s + std::chrono::milliseconds(i))));
            co_await sleep(0ms); // every sleeper is asleep now
            r->armedBefore = loop.pendingTimers();
            for (int i = 0; i < 1000; i += 2)
                sleepers[std::size_t(i * 7 % 1000)].cancel(); // scattered, not in order
            r->armedHalf = loop.pendingTimers();
            for (int i = 1; i < 1000; i += 2)
                sleepers[std::size_t(i * 7 % 1000)].cancel();
            r->armedAfter = loop.pendingTimers();
            r->heldAfter = loop.timersHeld();
            for (auto& outcome : co_await gather(return_exceptions, std::move(sleepers)))
                r->cancelled += std::holds_alternative<std::exception_ptr>(outcome);
        };
        const auto t0 = Clock::now();
        loop.run(main(&nap, &r));
        QVERIFY(msSince(t0) < 5000);
        QCOMPARE(r.armedBefore, std::size_t(1000));
        QCOMPARE(r.armedHalf, std::size_t(500));
        QCOMPARE(r.armedAfter, std::size_t(0));
        QCOMPARE(r.heldAfter, std::size_t(0));
        QCOMPARE(r.cancelled, 1000);
    }

    void toThreadKeepsTheLoopResponsive() {
        EventLoop loop;
        struct Result {
            int value = 0;
            int ticks = 0;
            std::string error;
            bool otherThread = false;
        } r;
        auto main = [](Result* r) -> Task<void> {
            const auto loopThread = std::this_thread::get_id();
            auto work = create_task(to_thread(
                [loopThread](int x) {
                    std::this_thread::sleep_for(150ms);
                    return std::this_thread::get_id() != loopThread ? x : -1;
                },
                7));
            while (!work.done()) {
                co_await sleep(5ms);
                ++r->ticks;
            }
            r->value = co_await work;
            try {
                co_await to_thread([] { throw std::runtime_error("in the pool"); });
            } catch (const std::runtime_error& e) {
                r->error = e.what();
            }
        };
        loop.run(main(&r));
        QCOMPARE(r.value, 7);
        QVERIFY2(r.ticks >= 10, qPrintable(QString::number(r.ticks)));
        QCOMPARE(r.error, std::string("in the pool"));
    }

    void toThreadPassesArguments() {
        // Data travels as arguments (the GCC 12-safe form), shared with the pool thread.
        EventLoop loop;
        auto shared = std::make_shared<std::string>("비동기");
        auto main = [](std::shared_ptr<std::string> shared) -> Task<std::size_t> {
            co_return co_await to_thread(
                [](std::shared_ptr<std::string> s, int extra) { return s->size() + extra; }, shared,
                1);
        };
        QCOMPARE(loop.run(main(shared)), shared->size() + 1);
    }

    void callSoonThreadsafe() {
        EventLoop loop;
        bool flag = false;
        std::thread other([&loop, &flag] {
            std::this_thread::sleep_for(20ms);
            loop.call_soon_threadsafe([&flag] { flag = true; });
        });
        auto main = [](bool* flag) -> Task<int> {
            int rounds = 0;
            while (!*flag && rounds < 2000) {
                co_await sleep(1ms);
                ++rounds;
            }
            co_return rounds;
        };
        const int rounds = loop.run(main(&flag));
        other.join();
        QVERIFY(flag);
        QVERIFY(rounds < 2000);
    }

    void sleepIsNeverEarly() {
        EventLoop loop;
        auto main = []() -> Task<std::vector<std::pair<int, double>>> {
            std::vector<std::pair<int, double>> out;
            for (int ms : {0, 1, 3, 10, 25, 50}) {
                const auto t0 = Clock::now();
                co_await sleep(std::chrono::milliseconds(ms));
                out.emplace_back(ms, msSince(t0));
            }
            co_return out;
        };
        for (auto [wanted, slept] : loop.run(main())) {
            QVERIFY2(slept >= wanted,
                     qPrintable(QStringLiteral("%1 ms slept %2").arg(wanted).arg(slept)));
            QVERIFY2(slept < wanted + 50,
                     qPrintable(QStringLiteral("%1 ms slept %2").arg(wanted).arg(slept)));
        }
    }

    void fileRoundTrip() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("hello.txt")).toStdString();
        EventLoop loop;
        auto main = [](std::string path) -> Task<std::string> {
            auto out = co_await async_open(path, "w");
            const std::size_t n = co_await out.write("비동기 파일 작성!");
            co_await out.close();
            if (!out.closed() || n != std::string("비동기 파일 작성!").size())
                co_return "bad write";
            auto in = co_await async_open(path, "r");
            std::string text = co_await in.read();
            co_await in.close();
            co_return text;
        };
        QCOMPARE(loop.run(main(path)), std::string("비동기 파일 작성!"));
    }

    void fileErrorsArriveInTheCoroutine() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string missing = dir.filePath(QStringLiteral("missing/out.txt")).toStdString();
        EventLoop loop;
        auto open = [](std::string path, std::string mode) -> Task<std::string> {
            try {
                auto file = co_await async_open(path, mode);
                co_await file.close();
            } catch (const std::system_error& e) {
                co_return std::to_string(e.code().value()) + " " + e.what();
            }
            co_return "opened";
        };
        const std::string error = loop.run(open(missing, "w"));
        QVERIFY2(error.starts_with(std::to_string(ENOENT) + " "), error.c_str());
        QVERIFY2(error.find(missing) != std::string::npos, error.c_str());

        if (::geteuid() != 0) { // root ignores permissions
            const std::string locked = dir.filePath(QStringLiteral("locked.txt")).toStdString();
            QVERIFY(loop.run(open(locked, "w")) == "opened");
            QCOMPARE(::chmod(locked.c_str(), 0), 0);
            const std::string denied = loop.run(open(locked, "r"));
            QVERIFY2(denied.starts_with(std::to_string(EACCES) + " "), denied.c_str());
        }
    }

    void hundredThousandTasks() {
        EventLoop loop;
        auto leaf = [](int i) -> Task<int> {
            co_await sleep(0ms);
            co_await sleep(std::chrono::milliseconds(i % 3));
            co_return i;
        };
        auto main = [](decltype(leaf)* leaf) -> Task<long long> {
            std::vector<Task<int>> tasks;
            tasks.reserve(100'000);
            for (int i = 0; i < 100'000; ++i)
                tasks.push_back((*leaf)(i));
            long long sum = 0;
            for (int v : co_await gather(std::move(tasks)))
                sum += v;
            co_return sum;
        };
        const auto t0 = Clock::now();
        QCOMPARE(loop.run(main(&leaf)), 100'000LL * 99'999 / 2);
        qInfo("100000 tasks: %.0f ms", msSince(t0));
        QCOMPARE(loop.pendingTasks(), std::size_t(0));
    }

    void errorsAreNamedAsPythonNamesThem() {
        // Python's class and, where asyncio or io has the condition, its words.
        auto says = [](const PythonError& e, const char* what) {
            return std::string(e.what()) == what;
        };
        QVERIFY(EventLoop::current() == nullptr);
        try {
            EventLoop::require();
            QFAIL("require() without a loop");
        } catch (const RuntimeError& e) {
            QVERIFY2(says(e, "RuntimeError: no running event loop"), e.what());
        }
        Task<int> unscheduled = answer();
        try {
            (void)unscheduled.result();
            QFAIL("result() of a task not done");
        } catch (const InvalidStateError& e) {
            QVERIFY2(says(e, "InvalidStateError: Result is not set."), e.what());
        }
        try {
            (void)unscheduled.exception();
            QFAIL("exception() of a task not done");
        } catch (const InvalidStateError& e) {
            QVERIFY2(says(e, "InvalidStateError: Exception is not set."), e.what());
        }

        EventLoop loop;
        QVERIFY_THROWS_EXCEPTION(RuntimeError, EventLoop{});
        try {
            (void)loop.create_task(Task<int>{});
            QFAIL("an empty Task was accepted");
        } catch (const TypeError& e) {
            QVERIFY2(says(e, "TypeError: a coroutine was expected, got None"), e.what());
        }
        struct Result {
            std::string nested;
            std::string reawaited;
            std::string rescheduled;
            std::string badModes[4];
            std::string closedWrite;
            std::string closedRead;
        } r;
        auto main = [](Result* r, std::string path) -> Task<void> {
            try {
                EventLoop::require().run(answer());
            } catch (const RuntimeError& e) {
                r->nested = e.what();
            }
            Task<int> once = answer();
            co_await once;
            try {
                co_await once;
            } catch (const RuntimeError& e) {
                r->reawaited = e.what();
            }
            try {
                (void)create_task(std::move(once));
            } catch (const RuntimeError& e) {
                r->rescheduled = e.what();
            }
            const char* modes[] = {"rw", "z", "b", "rr"};
            for (int i = 0; i < 4; ++i) {
                try {
                    (void)co_await async_open(path, modes[i]);
                } catch (const ValueError& e) {
                    r->badModes[i] = e.what();
                }
            }
            auto file = co_await async_open(path, "w");
            co_await file.close();
            try {
                co_await file.write("late");
            } catch (const ValueError& e) {
                r->closedWrite = e.what();
            }
            try {
                co_await file.read();
            } catch (const ValueError& e) {
                r->closedRead = e.what();
            }
        };
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        loop.run(main(&r, dir.filePath(QStringLiteral("f.txt")).toStdString()));
        QCOMPARE(r.nested, std::string("RuntimeError: This event loop is already running"));
        QCOMPARE(r.reawaited, std::string("RuntimeError: cannot reuse already awaited coroutine"));
        QCOMPARE(r.rescheduled,
                 std::string("RuntimeError: cannot reuse already awaited coroutine"));
        QCOMPARE(r.badModes[0],
                 std::string("ValueError: must have exactly one of create/read/write/append mode"));
        QCOMPARE(r.badModes[1], std::string("ValueError: invalid mode: 'z'"));
        QCOMPARE(r.badModes[2], std::string("ValueError: Must have exactly one of "
                                            "create/read/write/append mode and at most one plus"));
        QCOMPARE(r.badModes[3], std::string("ValueError: invalid mode: 'rr'"));
        QCOMPARE(r.closedWrite, std::string("ValueError: I/O operation on closed file."));
        QCOMPARE(r.closedRead, std::string("ValueError: I/O operation on closed file."));

        // A task of another thread's loop.
        std::string foreign;
        std::thread other([&loop, &foreign] {
            EventLoop mine;
            Task<int> task = mine.create_task(answer());
            try {
                (void)loop.create_task(task);
            } catch (const ValueError& e) {
                foreign = e.what();
            }
            mine.run(std::move(task));
        });
        other.join();
        QCOMPARE(foreign, std::string("ValueError: The future belongs to a different loop than "
                                      "the one specified as the loop argument"));
    }

    void loopSharingItsCoreWaitsForIt() {
        // The loop's thread and a spinning thread pinned to one core: CPU work inside a
        // coroutine gets about half the core, and the loop track says so as waiting-for-core
        // instead of calling the whole wall time running.
        std::optional<PinnedToOneCore> pin(std::in_place);
        QVERIFY(pin->pinned());
        std::atomic<bool> done{false};
        std::thread spinner([&] { // inherits the pin
            while (!done.load(std::memory_order_relaxed)) {
            }
        });
        const auto waitedNs = [] { // the kernel's own count: time on a run queue
            std::ifstream in("/proc/thread-self/schedstat");
            long long onCpu = 0, waited = -1;
            in >> onCpu >> waited;
            return waited;
        };
        TraceRecorder recorder;
        const long long waitedBefore = waitedNs();
        {
            EventLoop loop(&recorder);
            auto main = []() -> Task<void> {
                workload::cpu(60ms);
                co_return;
            };
            loop.run(main());
        }
        const long long waitedAfter = waitedNs();
        done = true;
        spinner.join();
        pin.reset();

        const Trace trace = recorder.finish();
        std::int64_t running = 0, waiting = 0;
        for (const TraceEvent& e : trace.events) {
            if (e.type != EventType::Slice || trace.tracks[e.track].kind != TrackKind::EventLoop)
                continue;
            if (e.state == State::Running)
                running += e.duration_ns();
            if (e.state == State::WaitingForCore)
                waiting += e.duration_ns();
        }
        const QString figures = QStringLiteral("running %1 ms, waiting for a core %2 ms, "
                                               "run queue per schedstat %3 ms")
                                    .arg(double(running) / 1e6)
                                    .arg(double(waiting) / 1e6)
                                    .arg(double(waitedAfter - waitedBefore) / 1e6);
        // 60 ms of CPU time is about 60 ms running; the rest of the wall time is waiting.
        QVERIFY2(running < 60'000'000 * 1.3, qPrintable(figures));
        QVERIFY2(waiting > 20'000'000, qPrintable(figures));
        // Cross-checked with the kernel's count where it keeps one: what the loop measured
        // is run-queue time the kernel counted too (plus the clocks' granularity).
        if (waitedBefore >= 0)
            QVERIFY2(double(waiting) <= double(waitedAfter - waitedBefore) * 1.1 + 2e6,
                     qPrintable(figures));
        qInfo("%s", qPrintable(figures));
    }

    void tracesTheLoop() {
        TraceRecorder recorder;
        std::vector<std::string> printed;
        {
            EventLoop loop(&recorder);
            auto worker = [](std::string name, std::chrono::milliseconds delay) -> Task<int> {
                print("Task " + name + " 시작");
                co_await sleep(delay);
                const int v = co_await to_thread([] { return 1; });
                print("Task " + name + " 종료");
                co_return v;
            };
            auto main = [](decltype(worker)* worker) -> Task<void> {
                workload::io(5ms); // blocking inside a coroutine: the whole loop sleeps
                co_await gather(create_task((*worker)("A", 20ms), "A"),
                                create_task((*worker)("B", 10ms), "B"),
                                create_task((*worker)("C", 30ms), "C"));
            };
            loop.run(main(&worker));
            printed = loop.printed();
        }
        const Trace trace = recorder.finish();
        QCOMPARE(printed.size(), std::size_t(6));
        QCOMPARE(printed[0], std::string("Task A 시작"));

        std::vector<std::uint32_t> loopTracks;
        bool poolTrack = false;
        for (std::uint32_t t = 0; t < trace.tracks.size(); ++t) {
            if (trace.tracks[t].kind == TrackKind::EventLoop)
                loopTracks.push_back(t);
            if (trace.tracks[t].kind == TrackKind::Thread &&
                trace.tracks[t].name.starts_with("asyncio"))
                poolTrack = true;
        }
        QCOMPARE(loopTracks.size(), std::size_t(1));
        QVERIFY(poolTrack);

        std::int64_t lastEnd = 0;
        std::set<std::string> stepLabels;
        std::map<std::uint32_t, std::set<State>> lifelines;
        std::set<std::string> instants;
        bool blockedLoop = false;
        for (const TraceEvent& e : trace.eventsOf(loopTracks[0])) {
            if (e.type == EventType::Slice && e.state == State::Sleeping)
                blockedLoop =
                    blockedLoop || (trace.label(e) == "main" && e.duration_ns() >= 5'000'000);
            if (e.type == EventType::Slice) {
                QVERIFY2(e.begin_ns >= lastEnd, "slices of the loop track overlap");
                QVERIFY(e.end_ns >= e.begin_ns);
                lastEnd = e.end_ns;
                stepLabels.insert(std::string(trace.label(e)));
            } else if (e.type == EventType::AsyncSlice) {
                lifelines[e.task].insert(e.state);
            } else if (e.type == EventType::Instant) {
                instants.insert(std::string(trace.label(e)));
            }
        }
        // asyncio.run ends by joining the default executor's threads (to_thread's pool), on
        // the loop's thread: a measured slice, not an empty tail.
        QCOMPARE(stepLabels,
                 (std::set<std::string>{"A", "B", "C", "main", "shutdown (join workers)"}));
        QVERIFY(lifelines.size() >= 4);
        for (const auto& [task, states] : lifelines) {
            QVERIFY(task != 0);
            QVERIFY(states.count(State::Running));
            QVERIFY(states.count(State::Awaiting));
        }
        QVERIFY(instants.count("Task B 종료"));
        QVERIFY(blockedLoop);
    }
};

QTEST_GUILESS_MAIN(TestAio)
#include "tst_aio.moc"
