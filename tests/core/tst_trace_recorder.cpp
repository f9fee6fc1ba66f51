// Tests of TraceRecorder (per-thread buffers merged by finish()) and of Trace's queries:
// nothing recorded from many threads is lost or torn, interning and track registration are
// safe from any thread, finish() leaves a recorder ready for the next run, and the memory
// cost per event stays within the budget of the design.
#include "trace/trace.h"
#include "trace/trace_recorder.h"

#include <QTest>

#include <algorithm>
#include <chrono>
#include <latch>
#include <numeric>
#include <random>
#include <sched.h>
#include <semaphore>
#include <set>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace tasklane;

Q_DECLARE_METATYPE(std::vector<tasklane::TraceEvent>)

namespace {

// What thread `t` writes as its `seq`-th event; every field is derived from (t, seq) so
// that a torn or mixed-up event shows as a field that does not match its neighbours.
constexpr int kThreads = 8;
constexpr int kEventsPerThread = 100'000;
constexpr std::uint32_t kSharedTracks = 3;

TraceEvent encoded(int t, int seq) {
    TraceEvent e;
    e.begin_ns = std::int64_t(seq) * kThreads + t; // unique, and increasing within a thread
    e.end_ns = e.begin_ns + 1 + t;
    e.value = double(t) * 1'000'000.0 + seq;
    e.track = std::uint32_t(seq + t) % kSharedTracks; // threads share tracks
    e.task = std::uint32_t(seq) + 1;
    e.label = std::uint32_t(t) + 1;
    e.cpu = std::int16_t(t * 3);
    e.state = State((seq + t) % kStateCount);
    e.type = EventType(t % 2 == 0 ? EventType::Slice : EventType::AsyncSlice);
    return e;
}

bool sameEvent(const TraceEvent& a, const TraceEvent& b) {
    return a.begin_ns == b.begin_ns && a.end_ns == b.end_ns && a.value == b.value &&
           a.track == b.track && a.task == b.task && a.label == b.label && a.cpu == b.cpu &&
           a.state == b.state && a.type == b.type;
}

TraceEvent ev(std::uint32_t track, std::int64_t begin, std::int64_t end,
              EventType type = EventType::Slice, std::uint32_t task = 0) {
    TraceEvent e;
    e.track = track;
    e.begin_ns = begin;
    e.end_ns = end;
    e.type = type;
    e.task = task;
    return e;
}

bool overlaps(const TraceEvent& e, std::int64_t from, std::int64_t to) {
    // [begin, end) meets [from, to); a zero-length event counts when it lies in [from, to).
    return e.begin_ns < to && (e.end_ns > from || e.begin_ns >= from);
}

} // namespace

class TestTraceRecorder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void manyThreadsLoseAndTearNothing();
    void perTrackOrderAfterFinish();
    void internFromManyThreadsGivesOneIdPerString();
    void tracksFromManyThreads();
    void finishTwiceAndReuse();
    void threadRecordingIntoTwoRecorders();
    void bytesPerEvent_data();
    void bytesPerEvent();
    void eventsOfRange_data();
    void eventsOfRange();
    void eventsOfWholeTrack();
    void eventsOnUnregisteredTrackStayOutOfOthers();
    void nowIsMonotonic();
    void currentCpuAndTid();
};

void TestTraceRecorder::manyThreadsLoseAndTearNothing() {
    TraceRecorder recorder;
    for (std::uint32_t t = 0; t < kSharedTracks; ++t)
        recorder.addTrack(TrackKind::Thread, "shared " + std::to_string(t));

    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            start.arrive_and_wait(); // all threads record at once
            for (int seq = 0; seq < kEventsPerThread; ++seq)
                recorder.record(encoded(t, seq));
        });
    for (auto& th : threads)
        th.join();

    const std::size_t total = std::size_t(kThreads) * kEventsPerThread;
    QCOMPARE(recorder.eventCount(), total);
    // The design's memory budget: at most 48 bytes per stored event.
    QVERIFY2(recorder.bytesReserved() <= 48 * recorder.eventCount(),
             qPrintable(QString::number(double(recorder.bytesReserved()) /
                                        double(recorder.eventCount()))));

    const Trace trace = recorder.finish();
    QCOMPARE(trace.events.size(), total);
    QCOMPARE(trace.tracks.size(), std::size_t(kSharedTracks));

    std::vector<std::vector<bool>> seen(kThreads, std::vector<bool>(kEventsPerThread, false));
    for (const TraceEvent& e : trace.events) {
        // Decode the writer from the label and sequence from the task, then check every
        // other field against what that writer wrote.
        QVERIFY(e.label >= 1 && e.label <= std::uint32_t(kThreads));
        QVERIFY(e.task >= 1 && e.task <= std::uint32_t(kEventsPerThread));
        const int t = int(e.label) - 1;
        const int seq = int(e.task) - 1;
        if (!sameEvent(e, encoded(t, seq)))
            QFAIL(qPrintable(QStringLiteral("torn event: thread %1 seq %2").arg(t).arg(seq)));
        if (seen[std::size_t(t)][std::size_t(seq)])
            QFAIL(qPrintable(QStringLiteral("duplicate event: thread %1 seq %2").arg(t).arg(seq)));
        seen[std::size_t(t)][std::size_t(seq)] = true;
    }
    // As many events as written and none twice: so every one is present exactly once.
    for (int t = 0; t < kThreads; ++t)
        QCOMPARE(std::count(seen[std::size_t(t)].begin(), seen[std::size_t(t)].end(), true),
                 kEventsPerThread);

    // Sorted by track, then begin; each track's span holds that track's events only.
    std::size_t covered = 0;
    for (std::uint32_t track = 0; track < kSharedTracks; ++track) {
        const auto events = trace.eventsOf(track);
        covered += events.size();
        for (std::size_t i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].track, track);
            if (i > 0)
                QVERIFY(events[i - 1].begin_ns <= events[i].begin_ns);
        }
    }
    QCOMPARE(covered, total);
    QCOMPARE(trace.beginNs(), std::int64_t(0));
    QCOMPARE(trace.endNs(), encoded(kThreads - 1, kEventsPerThread - 1).end_ns);
}

void TestTraceRecorder::perTrackOrderAfterFinish() {
    // Threads record out of time order (shuffled begins) onto shared tracks; finish() must
    // sort each track by begin, and an enclosing slice before the slices it contains.
    TraceRecorder recorder;
    const std::uint32_t a = recorder.addTrack(TrackKind::Main, "a");
    const std::uint32_t b = recorder.addTrack(TrackKind::Thread, "b");
    constexpr int kWriters = 4;
    constexpr int kPerWriter = 5'000;
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w)
        threads.emplace_back([&, w] {
            std::vector<int> order(kPerWriter);
            std::iota(order.begin(), order.end(), 0);
            std::shuffle(order.begin(), order.end(), std::mt19937(unsigned(w) + 1));
            for (int i : order) {
                const std::int64_t begin = std::int64_t(i) * 10 + w;
                recorder.slice(i % 2 == 0 ? a : b, State::Running, begin, begin + 5 + w,
                               std::uint32_t(w + 1));
            }
            // Same begin, different ends: the longer (enclosing) one must come first.
            recorder.slice(a, State::Running, 1'000'000 + w, 1'000'000 + w + 1);
            recorder.slice(a, State::Running, 1'000'000 + w, 1'000'000 + w + 50);
        });
    for (auto& th : threads)
        th.join();
    const Trace trace = recorder.finish();
    QCOMPARE(trace.events.size(), std::size_t(kWriters * (kPerWriter + 2)));
    for (std::uint32_t track : {a, b}) {
        const auto events = trace.eventsOf(track);
        QVERIFY(!events.empty());
        for (std::size_t i = 1; i < events.size(); ++i) {
            QCOMPARE(events[i].track, track);
            QVERIFY2(events[i - 1].begin_ns < events[i].begin_ns ||
                         (events[i - 1].begin_ns == events[i].begin_ns &&
                          events[i - 1].end_ns >= events[i].end_ns),
                     qPrintable(QStringLiteral("track %1 out of order at %2").arg(track).arg(i)));
        }
    }
    QCOMPARE(trace.eventsOf(a).size(), std::size_t(kWriters * (kPerWriter / 2 + 2)));
    QCOMPARE(trace.eventsOf(b).size(), std::size_t(kWriters * kPerWriter / 2));
    const auto tail = trace.eventsOf(a).last(2);
    QCOMPARE(tail[0].duration_ns(), std::int64_t(50));
    QCOMPARE(tail[1].duration_ns(), std::int64_t(1));
}

void TestTraceRecorder::internFromManyThreadsGivesOneIdPerString() {
    TraceRecorder recorder;
    constexpr int kStrings = 500;
    std::vector<std::string> common;
    for (int i = 0; i < kStrings; ++i)
        common.push_back("square(" + std::to_string(i) + ")");

    std::vector<std::vector<std::uint32_t>> ids(kThreads, std::vector<std::uint32_t>(kStrings));
    std::vector<std::uint32_t> ownIds(kThreads);
    std::vector<std::uint32_t> emptyIds(kThreads, 99);
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            std::vector<int> order(kStrings);
            std::iota(order.begin(), order.end(), 0);
            std::shuffle(order.begin(), order.end(), std::mt19937(unsigned(t) * 7 + 3));
            start.arrive_and_wait();
            for (int round = 0; round < 3; ++round)
                for (int i : order) {
                    const std::uint32_t id = recorder.intern(common[std::size_t(i)]);
                    if (round > 0 && id != ids[std::size_t(t)][std::size_t(i)])
                        ids[std::size_t(t)][std::size_t(i)] = 0; // unstable id: flagged below
                    else
                        ids[std::size_t(t)][std::size_t(i)] = id;
                }
            ownIds[std::size_t(t)] = recorder.intern("only thread " + std::to_string(t));
            emptyIds[std::size_t(t)] = recorder.intern("");
        });
    for (auto& th : threads)
        th.join();

    std::set<std::uint32_t> distinct;
    for (int i = 0; i < kStrings; ++i) {
        const std::uint32_t id = ids[0][std::size_t(i)];
        QVERIFY(id != 0);
        for (int t = 1; t < kThreads; ++t)
            QCOMPARE(ids[std::size_t(t)][std::size_t(i)], id);
        distinct.insert(id);
    }
    for (int t = 0; t < kThreads; ++t) {
        distinct.insert(ownIds[std::size_t(t)]);
        QCOMPARE(emptyIds[std::size_t(t)], 0u);
    }
    QCOMPARE(distinct.size(), std::size_t(kStrings + kThreads)); // no two strings share an id

    recorder.instant(0, 1, ids[0][42]);
    const Trace trace = recorder.finish();
    QCOMPARE(trace.strings.size(), std::size_t(kStrings + kThreads + 1)); // + ""
    QCOMPARE(trace.strings[0], std::string());
    for (int i = 0; i < kStrings; ++i)
        QCOMPARE(trace.strings[ids[0][std::size_t(i)]], common[std::size_t(i)]);
    for (int t = 0; t < kThreads; ++t)
        QCOMPARE(trace.strings[ownIds[std::size_t(t)]], "only thread " + std::to_string(t));
    QCOMPARE(std::string(trace.label(trace.events.front())), std::string("square(42)"));
}

void TestTraceRecorder::tracksFromManyThreads() {
    TraceRecorder recorder;
    constexpr int kPerThread = 50;
    std::vector<std::vector<std::uint32_t>> ids(kThreads);
    std::vector<std::int64_t> tids(kThreads);
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            tids[std::size_t(t)] = TraceRecorder::currentTid();
            start.arrive_and_wait();
            for (int i = 0; i < kPerThread; ++i)
                ids[std::size_t(t)].push_back(
                    recorder.addTrack(TrackKind::Thread, std::string("t") + std::to_string(t) +
                                                             "-" + std::to_string(i)));
        });
    for (auto& th : threads)
        th.join();
    const std::uint32_t explicitTrack = recorder.addTrack(TrackKind::Process, "child", 4711, 4712);

    QCOMPARE(recorder.trackCount(), std::size_t(kThreads * kPerThread + 1));
    const Trace trace = recorder.finish();
    QCOMPARE(trace.tracks.size(), std::size_t(kThreads * kPerThread + 1));
    std::set<std::uint32_t> distinct;
    for (int t = 0; t < kThreads; ++t) {
        QCOMPARE(ids[std::size_t(t)].size(), std::size_t(kPerThread));
        for (int i = 0; i < kPerThread; ++i) {
            const std::uint32_t id = ids[std::size_t(t)][std::size_t(i)];
            QVERIFY(id < trace.tracks.size());
            QVERIFY(distinct.insert(id).second);
            const Track& track = trace.tracks[id];
            QCOMPARE(track.name, "t" + std::to_string(t) + "-" + std::to_string(i));
            QCOMPARE(track.kind, TrackKind::Thread);
            QCOMPARE(track.pid, std::int64_t(::getpid()));
            QCOMPARE(track.tid, tids[std::size_t(t)]); // -1 means the registering thread
        }
    }
    QCOMPARE(trace.tracks[explicitTrack].pid, std::int64_t(4711));
    QCOMPARE(trace.tracks[explicitTrack].tid, std::int64_t(4712));
    QCOMPARE(trace.tracks[explicitTrack].kind, TrackKind::Process);
}

void TestTraceRecorder::finishTwiceAndReuse() {
    TraceRecorder recorder;
    const std::uint32_t track = recorder.addTrack(TrackKind::Main, "main");
    const std::uint32_t label = recorder.intern("first run");

    // A helper thread that records before and after finish(), like a pool worker that
    // outlives one run.
    std::binary_semaphore recordAgain(0);
    std::binary_semaphore recordedFirst(0);
    std::thread helper([&] {
        for (int i = 0; i < 10; ++i)
            recorder.slice(track, State::Running, 100 + i, 101 + i, 1, label);
        recordedFirst.release();
        recordAgain.acquire();
        for (int i = 0; i < 3; ++i)
            recorder.slice(track, State::Sleeping, 500 + i, 501 + i, 2);
    });
    for (int i = 0; i < 5; ++i)
        recorder.instant(track, 10 + i, label);
    recordedFirst.acquire();

    const Trace first = recorder.finish();
    QCOMPARE(first.events.size(), std::size_t(15));
    QCOMPARE(recorder.eventCount(), std::size_t(0));

    const Trace second = recorder.finish(); // nothing new: empty, still well formed
    QVERIFY(second.empty());
    QCOMPARE(second.events.size(), std::size_t(0));
    QCOMPARE(second.tracks.size(), std::size_t(1)); // registrations survive a finish
    QVERIFY(second.eventsOf(track).empty());
    QCOMPARE(second.beginNs(), std::int64_t(0));
    QCOMPARE(second.endNs(), std::int64_t(0));

    // Reused: the same threads record again; only the new events come out.
    recordAgain.release();
    helper.join();
    recorder.counter(track, 600, recorder.intern("depth"), 3.0);
    QCOMPARE(recorder.eventCount(), std::size_t(4));
    const Trace third = recorder.finish();
    QCOMPARE(third.events.size(), std::size_t(4));
    for (const TraceEvent& e : third.events)
        QVERIFY(e.begin_ns >= 500);
    QCOMPARE(third.events.back().type, EventType::Counter);
    QCOMPARE(third.events.back().value, 3.0);
    QCOMPARE(std::string(third.label(third.events.back())), std::string("depth"));
    QCOMPARE(std::string(third.strings[label]), std::string("first run"));
}

void TestTraceRecorder::threadRecordingIntoTwoRecorders() {
    // The per-thread buffer cache must not send one recorder's events to another.
    auto r1 = std::make_unique<TraceRecorder>();
    auto r2 = std::make_unique<TraceRecorder>();
    r1->addTrack(TrackKind::Main, "one");
    r2->addTrack(TrackKind::Main, "two");
    for (int i = 0; i < 1000; ++i) {
        r1->instant(0, i, 0, 1);
        r2->instant(0, i, 0, 2);
        r2->instant(0, i, 0, 2);
    }
    const Trace t1 = r1->finish();
    r1.reset();
    // A recorder made after another was destroyed (possibly at the same address).
    auto r3 = std::make_unique<TraceRecorder>();
    r3->addTrack(TrackKind::Main, "three");
    r3->instant(0, 7, 0, 3);
    const Trace t2 = r2->finish();
    const Trace t3 = r3->finish();
    QCOMPARE(t1.events.size(), std::size_t(1000));
    QCOMPARE(t2.events.size(), std::size_t(2000));
    QCOMPARE(t3.events.size(), std::size_t(1));
    QVERIFY(std::all_of(t1.events.begin(), t1.events.end(), [](auto& e) { return e.task == 1; }));
    QVERIFY(std::all_of(t2.events.begin(), t2.events.end(), [](auto& e) { return e.task == 2; }));
    QCOMPARE(t3.events.front().task, 3u);
}

void TestTraceRecorder::bytesPerEvent_data() {
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("perThread");
    QTest::newRow("1 thread x 100000") << 1 << 100'000;
    QTest::newRow("2 threads x 100000") << 2 << 100'000;
    QTest::newRow("1 thread x 250000") << 1 << 250'000;
}

void TestTraceRecorder::bytesPerEvent() {
    QFETCH(int, threads);
    QFETCH(int, perThread);
    TraceRecorder recorder;
    recorder.addTrack(TrackKind::Main, "main");
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (int i = 0; i < perThread; ++i)
                recorder.slice(0, State::Running, i, i + 1);
        });
    for (auto& th : pool)
        th.join();
    const std::size_t count = recorder.eventCount();
    QCOMPARE(count, std::size_t(threads) * std::size_t(perThread));
    const double perEvent = double(recorder.bytesReserved()) / double(count);
    QVERIFY2(perEvent <= 48.0, qPrintable(QStringLiteral("%1 bytes per event").arg(perEvent)));
    QVERIFY(recorder.bytesReserved() >= count * sizeof(TraceEvent)); // really holds them
    QCOMPARE(recorder.finish().events.size(), count);
    QCOMPARE(recorder.bytesReserved(), std::size_t(0)); // finish() hands the memory over
}

void TestTraceRecorder::eventsOfRange_data() {
    QTest::addColumn<std::vector<TraceEvent>>("events");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");

    // Track 1 as a thread's track looks: slices back to back, a gap, instants and flow ends
    // between slices. Here the answer is exactly the overlapping events.
    const std::vector<TraceEvent> flat = {
        ev(1, 0, 10),
        ev(1, 10, 20),
        ev(1, 20, 50),
        ev(1, 100, 110),
        ev(1, 110, 400),
        ev(1, 400, 401),
        ev(0, 0, 1000),
        ev(2, 0, 1000), // other tracks: never returned
        ev(1, 500, 500, EventType::Instant),
        ev(1, 600, 600, EventType::FlowEnd),
    };
    QTest::newRow("before everything") << flat << qint64(-100) << qint64(0);
    QTest::newRow("first slice") << flat << qint64(0) << qint64(1);
    QTest::newRow("boundary is half-open") << flat << qint64(10) << qint64(20);
    QTest::newRow("straddles two") << flat << qint64(15) << qint64(25);
    QTest::newRow("in the gap") << flat << qint64(60) << qint64(90);
    QTest::newRow("gap to next") << flat << qint64(60) << qint64(101);
    QTest::newRow("after a long slice") << flat << qint64(405) << qint64(450);
    QTest::newRow("inside a long slice") << flat << qint64(200) << qint64(210);
    QTest::newRow("long slice, then short") << flat << qint64(399) << qint64(401);
    QTest::newRow("instant at from") << flat << qint64(500) << qint64(501);
    QTest::newRow("instant at to") << flat << qint64(450) << qint64(500);
    QTest::newRow("flow end inside") << flat << qint64(550) << qint64(700);
    QTest::newRow("everything") << flat << qint64(-1000) << qint64(10'000);
    QTest::newRow("empty range") << flat << qint64(30) << qint64(30);
    QTest::newRow("reversed range") << flat << qint64(40) << qint64(30);

    // Queued async slices of a pool and nested slices: events enclose others, so a span
    // can only be tight (see eventsOfRange()).
    const std::vector<TraceEvent> queued = {
        ev(1, 0, 100, EventType::AsyncSlice),   ev(1, 0, 200, EventType::AsyncSlice),
        ev(1, 0, 300, EventType::AsyncSlice),   ev(1, 50, 400, EventType::AsyncSlice),
        ev(1, 60, 1000, EventType::AsyncSlice), ev(1, 999, 1000, EventType::AsyncSlice),
    };
    QTest::newRow("queued: early") << queued << qint64(0) << qint64(10);
    QTest::newRow("queued: middle") << queued << qint64(250) << qint64(260);
    QTest::newRow("queued: late") << queued << qint64(500) << qint64(999);
    QTest::newRow("queued: end") << queued << qint64(999) << qint64(1000);
    QTest::newRow("queued: after") << queued << qint64(1000) << qint64(2000);
    const std::vector<TraceEvent> nested = {
        ev(1, 0, 100),
        ev(1, 10, 20),
        ev(1, 12, 14),
        ev(1, 15, 15, EventType::Instant),
        ev(1, 60, 70),
        ev(1, 100, 150),
        ev(1, 90, 90, EventType::Instant),
    };
    QTest::newRow("nested: in the parent only") << nested << qint64(30) << qint64(40);
    QTest::newRow("nested: child") << nested << qint64(13) << qint64(14);
    QTest::newRow("nested: after children") << nested << qint64(80) << qint64(95);
    QTest::newRow("nested: next sibling") << nested << qint64(100) << qint64(101);
}

void TestTraceRecorder::eventsOfRange() {
    QFETCH(std::vector<TraceEvent>, events);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    Trace trace;
    trace.tracks.resize(3);
    trace.events = events;
    std::shuffle(trace.events.begin(), trace.events.end(), std::mt19937(7));
    trace.finalize();

    const auto all = trace.eventsOf(1);
    std::vector<TraceEvent> expected;
    for (const TraceEvent& e : all)
        if (from < to && overlaps(e, from, to))
            expected.push_back(e);
    // Flat: no event of the track encloses another, as on a thread's own track.
    bool flat = true;
    for (std::size_t i = 1; i < all.size(); ++i)
        flat = flat && all[i - 1].end_ns <= all[i].begin_ns;

    const auto got = trace.eventsOf(1, from, to);
    for (const TraceEvent& e : got)
        QCOMPARE(e.track, 1u);
    if (flat) {
        QCOMPARE(got.size(), expected.size());
        for (std::size_t i = 0; i < got.size(); ++i)
            QVERIFY2(sameEvent(got[i], expected[i]),
                     qPrintable(QStringLiteral("event %1: [%2, %3) instead of [%4, %5)")
                                    .arg(i)
                                    .arg(got[i].begin_ns)
                                    .arg(got[i].end_ns)
                                    .arg(expected[i].begin_ns)
                                    .arg(expected[i].end_ns)));
        return;
    }
    // Nesting: every overlapping event is in the span, the span starts and ends with one,
    // and whatever else it holds is enclosed by an earlier event of the span.
    std::size_t next = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (next < expected.size() && sameEvent(got[i], expected[next])) {
            ++next;
            continue;
        }
        QVERIFY2(i > 0 && i + 1 < got.size(), "the span is not tight");
        bool enclosed = false;
        for (std::size_t j = 0; j < i; ++j)
            enclosed =
                enclosed || (got[j].begin_ns <= got[i].begin_ns && got[j].end_ns >= got[i].end_ns);
        QVERIFY2(enclosed,
                 qPrintable(QStringLiteral("[%1, %2) does not overlap and is not enclosed")
                                .arg(got[i].begin_ns)
                                .arg(got[i].end_ns)));
    }
    QCOMPARE(next, expected.size());
}

void TestTraceRecorder::eventsOfWholeTrack() {
    Trace trace;
    trace.tracks.resize(4); // track 2 has no events
    trace.events = {ev(3, 5, 6), ev(0, 1, 2), ev(1, 3, 4), ev(1, 0, 9), ev(3, 1, 2)};
    trace.finalize();
    QCOMPARE(trace.eventsOf(0).size(), std::size_t(1));
    QCOMPARE(trace.eventsOf(1).size(), std::size_t(2));
    QCOMPARE(trace.eventsOf(1)[0].begin_ns, std::int64_t(0));
    QVERIFY(trace.eventsOf(2).empty());
    QVERIFY(trace.eventsOf(2, 0, 100).empty());
    QCOMPARE(trace.eventsOf(3).size(), std::size_t(2));
    QVERIFY(trace.eventsOf(4).empty()); // no such track
    QVERIFY(trace.eventsOf(4, 0, 100).empty());
    QCOMPARE(trace.beginNs(), std::int64_t(0));
    QCOMPARE(trace.endNs(), std::int64_t(9));
}

void TestTraceRecorder::eventsOnUnregisteredTrackStayOutOfOthers() {
    // An event naming a track that was never registered must not show up on the last
    // registered track.
    Trace trace;
    trace.tracks.resize(2);
    trace.events = {ev(0, 0, 10), ev(1, 0, 10), ev(1, 20, 30), ev(7, 5, 6), ev(9, 0, 1)};
    trace.finalize();
    QCOMPARE(trace.eventsOf(0).size(), std::size_t(1));
    QCOMPARE(trace.eventsOf(1).size(), std::size_t(2));
    for (const TraceEvent& e : trace.eventsOf(1))
        QCOMPARE(e.track, 1u);
    QCOMPARE(trace.eventsOf(1, 0, 100).size(), std::size_t(2));
}

void TestTraceRecorder::nowIsMonotonic() {
    // Several threads read the clock in tight loops; no reading goes back. The clock is
    // CLOCK_MONOTONIC, the one std::chrono::steady_clock reads on Linux.
    std::atomic<int> backwards{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            std::int64_t last = TraceRecorder::now();
            for (int i = 0; i < 200'000; ++i) {
                const std::int64_t now = TraceRecorder::now();
                if (now < last)
                    backwards.fetch_add(1);
                last = now;
            }
        });
    const auto before = std::chrono::steady_clock::now().time_since_epoch();
    const std::int64_t a = TraceRecorder::now();
    std::int64_t b = a;
    while (b == a) // it advances (ns resolution): wait for the condition, no sleep
        b = TraceRecorder::now();
    const auto after = std::chrono::steady_clock::now().time_since_epoch();
    for (auto& th : threads)
        th.join();
    QCOMPARE(backwards.load(), 0);
    QVERIFY(b > a);
    QVERIFY(a >= std::chrono::duration_cast<std::chrono::nanoseconds>(before).count());
    QVERIFY(b <= std::chrono::duration_cast<std::chrono::nanoseconds>(after).count());
}

void TestTraceRecorder::currentCpuAndTid() {
    const int cpu = TraceRecorder::currentCpu();
    QVERIFY(cpu >= 0);
    QVERIFY(cpu < CPU_SETSIZE);
    QCOMPARE(TraceRecorder::currentTid(), std::int64_t(::gettid()));
    std::int64_t otherTid = 0;
    int otherCpu = -1;
    std::thread([&] {
        otherTid = TraceRecorder::currentTid();
        otherCpu = TraceRecorder::currentCpu();
    }).join();
    QVERIFY(otherTid > 0);
    QVERIFY(otherTid != TraceRecorder::currentTid());
    QVERIFY(otherCpu >= 0);
}

QTEST_APPLESS_MAIN(TestTraceRecorder)
#include "tst_trace_recorder.moc"
