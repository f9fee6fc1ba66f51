// The analysis engine on traces built by hand, every figure pinned to the nanosecond: busy
// unions (nested slices once, a range clipping them, across tracks), time by state, CPU time
// per core (measured CPU time, idle cores), cores used, efficiency, an opened trace's
// summary, and the building blocks the chart feeds from its running totals.
#include "analysis/busy_union.h"
#include "analysis/metrics.h"
#include "analysis/range_tally.h"
#include "analysis/trace_analysis.h"
#include "analysis/trace_overview.h"

#include <QList>
#include <QTest>

#include <thread>
#include <vector>

using namespace tasklane;

Q_DECLARE_METATYPE(std::vector<tasklane::TraceEvent>)

namespace {

constexpr State R = State::Running;

struct Ev {
    std::uint32_t track = 0;
    State state = R;
    std::int64_t begin = 0;
    std::int64_t end = 0;
    int cpu = -1;
    std::uint32_t task = 0;
    EventType type = EventType::Slice;
    double value = 0; // slices: CPU ns measured
};

TraceEvent make(const Ev& v) {
    TraceEvent e;
    e.track = v.track;
    e.state = v.state;
    e.begin_ns = v.begin;
    e.end_ns = v.end;
    e.cpu = std::int16_t(v.cpu);
    e.task = v.task;
    e.type = v.type;
    e.value = v.value;
    return e;
}

std::vector<TraceEvent> events(std::initializer_list<Ev> list) {
    std::vector<TraceEvent> out;
    for (const Ev& v : list)
        out.push_back(make(v));
    return out;
}

Trace traceOf(const std::vector<TraceEvent>& events, std::size_t tracks = 3) {
    Trace t;
    for (std::size_t i = 0; i < tracks; ++i)
        t.tracks.push_back(Track{100, std::int64_t(101 + i), TrackKind::Thread,
                                 "worker " + std::to_string(i + 1)});
    t.events = events;
    t.finalize();
    return t;
}

// A range, or the whole trace for to < from.
AnalysisScope scopeOf(qint64 from, qint64 to) {
    return to < from ? AnalysisScope::whole() : AnalysisScope::of(TimeInterval{from, to});
}

std::size_t machineCores() {
    return std::size_t(std::thread::hardware_concurrency());
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trackUnions_data();
    void trackUnions();
    void stateTimesAndCounts_data();
    void stateTimesAndCounts();
    void cpuTimePerCore_data();
    void cpuTimePerCore();
    void unionsAcrossTracks_data();
    void unionsAcrossTracks();
    void aGroupOfTracks();
    void waitingForCoreIsNotRunning_data();
    void waitingForCoreIsNotRunning();
    void metrics_data();
    void metrics();
    void emptyTrace();
    void busyUnion_data();
    void busyUnion();
    void rangeTallyFromRunningTotals();
    void tallySlicesMatchesTheAnalysis_data();
    void tallySlicesMatchesTheAnalysis();
    void openedTraceSummary_data();
    void openedTraceSummary();
    void busiestTracks_data();
    void busiestTracks();
    void againstBaseline_data();
    void againstBaseline();
};

// --- Per track -------------------------------------------------------------------------------

void TestAnalysis::trackUnions_data() {
    QTest::addColumn<std::vector<TraceEvent>>("events");
    QTest::addColumn<qint64>("from"); // to < from: the whole trace
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QList<qint64>>("busy"); // per track
    QTest::addColumn<QList<qint64>>("running");
    QTest::addColumn<QList<bool>>("ran");
    QTest::newRow("nested slices counted once")
        << events({{0, R, 1000, 2000}, {0, R, 1100, 1300}, {0, R, 1200, 1250}, {0, R, 1500, 2500}})
        << qint64(0) << qint64(-1) << QList<qint64>{1500, 0, 0} << QList<qint64>{1500, 0, 0}
        << QList<bool>{true, false, false};
    QTest::newRow("touching slices, and a gap")
        << events({{1, R, 0, 100}, {1, R, 100, 250}, {1, R, 400, 401}}) << qint64(0) << qint64(-1)
        << QList<qint64>{0, 251, 0} << QList<qint64>{0, 251, 0} << QList<bool>{false, true, false};
    QTest::newRow("lock-held is busy, not running; waits are neither")
        << events({{0, R, 0, 10},
                   {0, State::LockHeld, 10, 25},
                   {0, State::LockWait, 25, 40},
                   {0, State::GilWait, 40, 50},
                   {0, State::Sleeping, 50, 60}})
        << qint64(0) << qint64(-1) << QList<qint64>{25, 0, 0} << QList<qint64>{10, 0, 0}
        << QList<bool>{true, false, false};
    QTest::newRow("a range clips slices")
        << events({{0, R, 0, 500}, {0, R, 600, 1000}, {1, R, 100, 200}, {2, R, 950, 990}})
        << qint64(250) << qint64(700) << QList<qint64>{350, 0, 0} << QList<qint64>{350, 0, 0}
        << QList<bool>{true, false, false};
    QTest::newRow("a range clips a nest")
        << events({{2, R, 0, 1000}, {2, R, 100, 900}, {2, State::LockHeld, 950, 1200}})
        << qint64(500) << qint64(1100) << QList<qint64>{0, 0, 600} << QList<qint64>{0, 0, 500}
        << QList<bool>{false, false, true};
    QTest::newRow("async slices are not a track's busy time")
        << events({{0, R, 0, 100, -1, 1, EventType::AsyncSlice}, {0, R, 200, 210}}) << qint64(0)
        << qint64(-1) << QList<qint64>{10, 0, 0} << QList<qint64>{10, 0, 0}
        << QList<bool>{true, false, false};
    QTest::newRow("a running slice of no length ran, for no time")
        << events({{1, R, 50, 50}, {1, State::Sleeping, 50, 90}}) << qint64(0) << qint64(-1)
        << QList<qint64>{0, 0, 0} << QList<qint64>{0, 0, 0} << QList<bool>{false, true, false};
}

void TestAnalysis::trackUnions() {
    QFETCH(std::vector<TraceEvent>, events);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QList<qint64>, busy);
    QFETCH(QList<qint64>, running);
    QFETCH(QList<bool>, ran);
    const Trace trace = traceOf(events);
    const TraceAnalysis a = analyseTrace(trace, scopeOf(from, to));
    QCOMPARE(a.tracks.size(), std::size_t(3));
    int ranCount = 0;
    for (std::size_t t = 0; t < 3; ++t) {
        QCOMPARE(a.tracks[t].busy_ns, busy[qsizetype(t)]);
        QCOMPARE(a.tracks[t].running_ns, running[qsizetype(t)]);
        QCOMPARE(a.tracks[t].ran, ran[qsizetype(t)]);
        ranCount += ran[qsizetype(t)] ? 1 : 0;
    }
    QCOMPARE(a.tracksThatRan(), ranCount);
}

// --- Time by state and counts ----------------------------------------------------------------

void TestAnalysis::stateTimesAndCounts_data() {
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QList<qint64>>("stateNs"); // running, queued, sleeping, gil-wait
    QTest::addColumn<QList<int>>("counts");     // slices, instants, counters, flow ends
    QTest::addColumn<qint64>("begin");          // the analysis's range
    QTest::addColumn<qint64>("end");
    QTest::addColumn<bool>("hasTasks");
    // The trace of stateTimesAndCounts(): see its events.
    QTest::newRow("whole trace") << qint64(0) << qint64(-1) << QList<qint64>{300, 150, 100, 40}
                                 << QList<int>{5, 2, 1, 2} << qint64(0) << qint64(400) << true;
    QTest::newRow("a range clips every slice")
        << qint64(50) << qint64(250) << QList<qint64>{200, 100, 0, 40} << QList<int>{4, 1, 0, 1}
        << qint64(50) << qint64(250) << true;
    // A point at the range's begin is in, one at its end is out; so is a slice that ends
    // where the range begins.
    QTest::newRow("edges") << qint64(100) << qint64(300) << QList<qint64>{200, 50, 0, 40}
                           << QList<int>{3, 1, 1, 1} << qint64(100) << qint64(300) << true;
    // A flow end carries a task, but only a slice makes the trace one of tasks.
    QTest::newRow("no task in it") << qint64(300) << qint64(401) << QList<qint64>{0, 0, 100, 0}
                                   << QList<int>{1, 1, 0, 1} << qint64(300) << qint64(401) << false;
}

void TestAnalysis::stateTimesAndCounts() {
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QList<qint64>, stateNs);
    QFETCH(QList<int>, counts);
    QFETCH(qint64, begin);
    QFETCH(qint64, end);
    QFETCH(bool, hasTasks);
    std::vector<TraceEvent> list = events({
        {0, State::Queued, 0, 150, -1, 1, EventType::AsyncSlice},
        {0, R, 0, 100, 0, 0},
        {1, R, 100, 300, 1, 1},
        {1, State::GilWait, 200, 240, -1, 2},
        {2, State::Sleeping, 300, 400, -1, 0},
        {0, R, 100, 100, -1, 0, EventType::Instant},
        {2, R, 400, 400, -1, 0, EventType::Instant},
        {1, R, 250, 250, -1, 0, EventType::Counter},
        {0, R, 100, 100, -1, 1, EventType::FlowStart},
        {1, R, 300, 300, -1, 1, EventType::FlowEnd},
    });
    const Trace trace = traceOf(list);
    const TraceAnalysis a = analyseTrace(trace, scopeOf(from, to));
    const State states[] = {R, State::Queued, State::Sleeping, State::GilWait};
    for (int k = 0; k < 4; ++k)
        QCOMPARE(a.states[states[k]], stateNs[k]);
    QCOMPARE(a.states.total(), stateNs[0] + stateNs[1] + stateNs[2] + stateNs[3]);
    QCOMPARE(a.counts.slices, std::size_t(counts[0]));
    QCOMPARE(a.counts.instants, std::size_t(counts[1]));
    QCOMPARE(a.counts.counters, std::size_t(counts[2]));
    QCOMPARE(a.counts.flowEnds, std::size_t(counts[3]));
    QCOMPARE(a.counts.total(), std::size_t(counts[0] + counts[1] + counts[2] + counts[3]));
    QCOMPARE(a.range, (TimeInterval{begin, end}));
    QCOMPARE(a.hasTasks, hasTasks);
}

// --- CPU time per core -----------------------------------------------------------------------

void TestAnalysis::cpuTimePerCore_data() {
    QTest::addColumn<std::vector<TraceEvent>>("events");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QList<qint64>>("cpuNs"); // per core, from 0; cores past the list: 0
    QTest::addColumn<qint64>("workNs");
    QTest::newRow("running and lock-held, on the core they name")
        << events({{0, R, 0, 100, 0, 1}, {1, State::LockHeld, 0, 40, 1, 2}, {1, R, 40, 90, 1, 2}})
        << qint64(0) << qint64(-1) << QList<qint64>{100, 90} << qint64(190);
    QTest::newRow("measured CPU time counts, not the wall time")
        << events({{0, R, 0, 1000, 0, 1, EventType::Slice, 250}}) << qint64(0) << qint64(-1)
        << QList<qint64>{250} << qint64(250);
    QTest::newRow("measured CPU time, pro rata for the part in the range")
        << events({{0, R, 0, 1000, 1, 1, EventType::Slice, 400}}) << qint64(500) << qint64(1500)
        << QList<qint64>{0, 200} << qint64(200);
    QTest::newRow("a measurement over the wall time is capped at it")
        << events({{0, R, 0, 100, 0, 1, EventType::Slice, 500}}) << qint64(0) << qint64(-1)
        << QList<qint64>{100} << qint64(100);
    QTest::newRow("no core named: work, but no core's")
        << events({{0, R, 0, 100, -1, 1}}) << qint64(0) << qint64(-1) << QList<qint64>{}
        << qint64(100);
    QTest::newRow("the main thread's work is not a task's")
        << events({{0, R, 0, 100, 0, 0}, {1, R, 0, 30, 0, 1}}) << qint64(0) << qint64(-1)
        << QList<qint64>{130} << qint64(30);
    QTest::newRow("sleeping is a task's work, on no core")
        << events({{0, State::Sleeping, 0, 70, -1, 1},
                   {0, State::Sleeping, 70, 80, -1, 0},
                   {0, State::GilWait, 80, 90, -1, 1}})
        << qint64(0) << qint64(-1) << QList<qint64>{} << qint64(70);
    QTest::newRow("an async running slice is CPU time too")
        << events({{0, R, 0, 60, 1, 1, EventType::AsyncSlice}}) << qint64(0) << qint64(-1)
        << QList<qint64>{0, 60} << qint64(60);
    // An event loop's step: on its thread with the core, and as the task's lifeline without.
    QTest::newRow("a step drawn twice is work once")
        << events({{0, R, 0, 60, 1, 1}, {0, R, 0, 60, -1, 1, EventType::AsyncSlice}}) << qint64(0)
        << qint64(-1) << QList<qint64>{0, 60} << qint64(60);
    QTest::newRow("a core numbered past this machine's count")
        << events({{0, R, 0, 40, 70, 1}}) << qint64(0) << qint64(-1)
        << QList<qint64>(70, 0) + QList<qint64>{40} << qint64(40);
}

void TestAnalysis::cpuTimePerCore() {
    QFETCH(std::vector<TraceEvent>, events);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QList<qint64>, cpuNs);
    QFETCH(qint64, workNs);
    const Trace trace = traceOf(events);
    const TraceAnalysis a = analyseTrace(trace, scopeOf(from, to));
    // Every core of this machine has an entry, idle ones too.
    QCOMPARE(a.cores.size(), std::max(std::size_t(cpuNs.size()), machineCores()));
    for (std::size_t c = 0; c < a.cores.size(); ++c)
        QCOMPARE(a.cores[c].cpu_ns, c < std::size_t(cpuNs.size()) ? cpuNs[qsizetype(c)] : 0);
    QCOMPARE(a.work_ns, workNs);
}

// --- Across tracks ---------------------------------------------------------------------------

void TestAnalysis::unionsAcrossTracks_data() {
    QTest::addColumn<std::vector<TraceEvent>>("events");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("busy");               // the scope's union
    QTest::addColumn<QList<qint64>>("coreRunning"); // per core: union of running slices
    QTest::newRow("two threads on one core, overlapping by the clocks' skew")
        << events({{0, R, 0, 100, 0}, {1, R, 95, 200, 0}}) << qint64(0) << qint64(-1) << qint64(200)
        << QList<qint64>{200};
    QTest::newRow("threads in parallel on two cores")
        << events({{0, R, 0, 100, 0}, {1, R, 50, 120, 1}, {2, R, 300, 310, 1}}) << qint64(0)
        << qint64(-1) << qint64(130) << QList<qint64>{100, 80};
    QTest::newRow("lock-held is busy; a core row shows running only")
        << events({{0, State::LockHeld, 0, 50, 0}, {1, R, 100, 150, 0}}) << qint64(0) << qint64(-1)
        << qint64(100) << QList<qint64>{50};
    QTest::newRow("clipped to a range")
        << events({{0, R, 0, 100, 1}, {1, R, 80, 300, 1}, {2, R, 280, 400, 0}}) << qint64(90)
        << qint64(290) << qint64(200) << QList<qint64>{10, 200};
    QTest::newRow("nested in one track, interleaved with another")
        << events({{0, R, 0, 100, 0}, {0, R, 10, 20, 0}, {1, R, 30, 150, 1}, {1, R, 160, 170, 0}})
        << qint64(0) << qint64(-1) << qint64(160) << QList<qint64>{110, 120};
}

void TestAnalysis::unionsAcrossTracks() {
    QFETCH(std::vector<TraceEvent>, events);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, busy);
    QFETCH(QList<qint64>, coreRunning);
    const Trace trace = traceOf(events);
    AnalysisScope scope = scopeOf(from, to);
    // Asked for, not computed by default.
    const TraceAnalysis plain = analyseTrace(trace, scope);
    QCOMPARE(plain.busy_ns, 0);
    scope.acrossTracks = true;
    const TraceAnalysis a = analyseTrace(trace, scope);
    QCOMPARE(a.busy_ns, busy);
    for (std::size_t c = 0; c < a.cores.size(); ++c)
        QCOMPARE(a.cores[c].running_ns,
                 c < std::size_t(coreRunning.size()) ? coreRunning[qsizetype(c)] : 0);
    // The rest is the same figures.
    QCOMPARE(a.states, plain.states);
    for (std::size_t t = 0; t < a.tracks.size(); ++t)
        QCOMPARE(a.tracks[t].busy_ns, plain.tracks[t].busy_ns);
}

void TestAnalysis::waitingForCoreIsNotRunning_data() {
    constexpr State W = State::WaitingForCore;
    QTest::addColumn<std::vector<TraceEvent>>("events");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("running"); // summed over threads
    QTest::addColumn<qint64>("waiting"); // waiting-for-core, summed over threads
    QTest::addColumn<qint64>("core0");   // CPU 0: CPU time, and the union its row shows
    QTest::addColumn<qint64>("work");    // the tasks' own work (the sequential estimate)
    // Two tasks taking turns on one core: each waits while the other runs.
    QTest::newRow("two threads take turns on one core")
        << events({{0, R, 0, 100, 0, 1},
                   {0, W, 100, 200, -1, 1},
                   {0, R, 200, 300, 0, 1},
                   {1, W, 0, 100, -1, 2},
                   {1, R, 100, 200, 0, 2},
                   {1, W, 200, 300, -1, 2}})
        << qint64(0) << qint64(-1) << qint64(300) << qint64(300) << qint64(300) << qint64(300);
    QTest::newRow("clipped to a range")
        << events({{0, R, 0, 100, 0, 1}, {0, W, 100, 200, -1, 1}, {1, R, 100, 200, 0, 2}})
        << qint64(50) << qint64(150) << qint64(100) << qint64(50) << qint64(100) << qint64(100);
    QTest::newRow("a wait even with a measured CPU time counts nothing on a core")
        << events({{0, W, 0, 100, -1, 1, EventType::Slice, 100}, {0, R, 100, 150, 0, 1}})
        << qint64(0) << qint64(-1) << qint64(50) << qint64(100) << qint64(50) << qint64(50);
    // An event loop's lifeline is drawn "running" too, but is not a thread on a core.
    QTest::newRow("a lifeline is not time on a core")
        << events({{0, R, 0, 100, 0, 1}, {1, R, 0, 100, -1, 0, EventType::AsyncSlice}}) << qint64(0)
        << qint64(-1) << qint64(100) << qint64(0) << qint64(100) << qint64(100);
}

void TestAnalysis::waitingForCoreIsNotRunning() {
    QFETCH(std::vector<TraceEvent>, events);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, running);
    QFETCH(qint64, waiting);
    QFETCH(qint64, core0);
    QFETCH(qint64, work);
    const Trace trace = traceOf(events);
    AnalysisScope scope = scopeOf(from, to);
    scope.acrossTracks = true;
    const TraceAnalysis a = analyseTrace(trace, scope);
    QVERIFY(!isOnCpu(State::WaitingForCore));
    QCOMPARE(a.states[State::WaitingForCore], waiting);
    QCOMPARE(a.cores[0].cpu_ns, core0);
    QCOMPARE(a.cores[0].running_ns, core0);
    QCOMPARE(a.work_ns, work);
    // One core, so running fits in one makespan; the waits are said in the metrics.
    const Metrics m = metricsOf(a, 2);
    QCOMPARE(m.running_ms, double(running) / 1e6);
    QVERIFY(m.running_ms <= m.makespan_ms);
    QCOMPARE(m.core_wait_ms, double(waiting) / 1e6);
}

void TestAnalysis::aGroupOfTracks() {
    // A process of two threads (tracks 1 and 2) beside the main thread.
    const Trace trace = traceOf(events({{0, R, 0, 1000, 0, 0},
                                        {1, R, 100, 300, 0, 1},
                                        {1, State::GilWait, 300, 400, -1, 2},
                                        {2, R, 250, 500, 1, 2},
                                        {2, State::Queued, 0, 250, -1, 2, EventType::AsyncSlice}}));
    AnalysisScope scope;
    scope.range = TimeInterval{200, 450};
    scope.tracks = {1, 2};
    scope.acrossTracks = true;
    const TraceAnalysis a = analyseTrace(trace, scope);
    QCOMPARE(a.tracks[0].busy_ns, 0); // outside the group
    QCOMPARE(a.tracks[1].busy_ns, 100);
    QCOMPARE(a.tracks[2].busy_ns, 200);
    QCOMPARE(a.busy_ns, 250); // 200-450: the two threads in turn and together
    QCOMPARE(a.states[R], 300);
    QCOMPARE(a.states[State::GilWait], 100);
    QCOMPARE(a.states[State::Queued], 50);
    QCOMPARE(a.counts.slices, std::size_t(4));
    QCOMPARE(a.cores[0].cpu_ns, 100); // the main thread's 250 ns on core 0 are not the group's
    QCOMPARE(a.cores[1].cpu_ns, 200);
    QCOMPARE(a.work_ns, 300);
}

// --- Metrics ---------------------------------------------------------------------------------

void TestAnalysis::metrics_data() {
    QTest::addColumn<std::vector<TraceEvent>>("events");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("parallelism");
    QTest::addColumn<double>("makespanMs");
    QTest::addColumn<double>("sequentialMs");
    QTest::addColumn<double>("speedup");
    QTest::addColumn<double>("efficiency");
    QTest::addColumn<int>("coresUsed");
    QTest::addColumn<QList<double>>("utilisation");
    constexpr std::int64_t ms = 1'000'000;
    QTest::newRow("two tasks on two cores")
        << events({{0, R, 0, 100 * ms, 0, 1}, {1, R, 0, 100 * ms, 1, 2}}) << qint64(0)
        << qint64(100 * ms) << 2 << 100.0 << 200.0 << 2.0 << 1.0 << 2 << QList<double>{1.0, 1.0};
    QTest::newRow("a core busy exactly 5 % of the makespan is used")
        << events({{0, R, 0, 95 * ms, 0, 1}, {1, R, 95 * ms, 100 * ms, 1, 2}}) << qint64(0)
        << qint64(100 * ms) << 2 << 100.0 << 100.0 << 1.0 << 0.5 << 2 << QList<double>{0.95, 0.05};
    QTest::newRow("a core busy just under 5 % is not")
        << events({{0, R, 0, 95 * ms, 0, 1}, {1, R, 95 * ms + 1, 100 * ms, 1, 2}}) << qint64(0)
        << qint64(100 * ms) << 2 << 100.0 << 99.999999 << 0.99999999 << 0.499999995 << 1
        << QList<double>{0.95, 0.04999999};
    // The Summary says "cores busy at least 5 % of the span": a core busy 1 % is not one,
    // or "Cores used 1" sits beside "CPU 0 0 %, CPU 1 0 %" (asyncio's sleeps).
    QTest::newRow("a run that mostly slept used no core")
        << events({{0, R, 0, 1 * ms, 1, 1}, {0, State::Sleeping, 1 * ms, 100 * ms, -1, 1}})
        << qint64(0) << qint64(100 * ms) << 1 << 100.0 << 100.0 << 1.0 << 1.0 << 0
        << QList<double>{0.0, 0.01};
    // 4 workers, but only the cores can compute at once: 2× on 2 cores is all there is.
    QTest::newRow("4 workers, efficiency against the cores")
        << events({{0, R, 0, 100 * ms, 0, 1},
                   {1, R, 0, 100 * ms, 1, 2},
                   {0, R, 100 * ms, 200 * ms, 0, 3},
                   {1, R, 100 * ms, 200 * ms, 1, 4}})
        << qint64(0) << qint64(200 * ms) << 4 << 200.0 << 400.0 << 2.0
        << 2.0 / double(std::min<std::size_t>(4, machineCores())) << 2 << QList<double>{1.0, 1.0};
    QTest::newRow("no core named: none used")
        << events({{0, R, 0, 100 * ms, -1, 1}}) << qint64(0) << qint64(100 * ms) << 1 << 100.0
        << 100.0 << 1.0 << 1.0 << 0 << QList<double>{};
    QTest::newRow("efficiency with 0 parallelism is 0")
        << events({{0, R, 0, 50 * ms, 0, 1}}) << qint64(0) << qint64(100 * ms) << 0 << 100.0 << 50.0
        << 0.5 << 0.0 << 1 << QList<double>{0.5};
    QTest::newRow("utilisation is capped at the whole makespan")
        << events({{0, R, 0, 100 * ms, 0, 1}, {1, R, 0, 100 * ms, 0, 2}}) << qint64(0)
        << qint64(100 * ms) << 2 << 100.0 << 200.0 << 2.0 << 1.0 << 1 << QList<double>{1.0};
    QTest::newRow("a run of no length: no speedup")
        << events({{0, R, 10, 10, 0, 1}}) << qint64(10) << qint64(10) << 1 << 0.0 << 0.0 << 0.0
        << 0.0 << 0 << QList<double>{};
}

void TestAnalysis::metrics() {
    QFETCH(std::vector<TraceEvent>, events);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, parallelism);
    QFETCH(double, makespanMs);
    QFETCH(double, sequentialMs);
    QFETCH(double, speedup);
    QFETCH(double, efficiency);
    QFETCH(int, coresUsed);
    QFETCH(QList<double>, utilisation);
    const Trace trace = traceOf(events);
    const Metrics m = computeMetrics(trace, from, to, parallelism);
    const auto near = [](double a, double b) { return std::abs(a - b) < 1e-9; };
    QVERIFY2(near(m.makespan_ms, makespanMs), qPrintable(QString::number(m.makespan_ms)));
    QVERIFY2(near(m.sequential_ms, sequentialMs), qPrintable(QString::number(m.sequential_ms)));
    QVERIFY2(near(m.speedup, speedup), qPrintable(QString::number(m.speedup, 'g', 12)));
    QVERIFY2(near(m.efficiency, efficiency), qPrintable(QString::number(m.efficiency, 'g', 12)));
    QCOMPARE(m.cores_used, coresUsed);
    QCOMPARE(m.core_utilisation.size(), std::max(std::size_t(utilisation.size()), machineCores()));
    for (std::size_t c = 0; c < m.core_utilisation.size(); ++c) {
        const double expected = c < std::size_t(utilisation.size()) ? utilisation[qsizetype(c)] : 0;
        QVERIFY2(near(m.core_utilisation[c], expected),
                 qPrintable(QStringLiteral("core %1: %2").arg(c).arg(m.core_utilisation[c])));
    }
    // The same as the engine's figures through metricsOf.
    const Metrics same =
        metricsOf(analyseTrace(trace, AnalysisScope::of(TimeInterval{from, to})), parallelism);
    QCOMPARE(same.speedup, m.speedup);
    QCOMPARE(same.core_utilisation, m.core_utilisation);
    QCOMPARE(tasklane::coresUsed(m.core_utilisation), coresUsed);
}

void TestAnalysis::emptyTrace() {
    const Trace trace = traceOf({}, 2);
    for (const AnalysisScope& scope :
         {AnalysisScope::whole(), AnalysisScope::of(TimeInterval{0, 100})}) {
        AnalysisScope across = scope;
        across.acrossTracks = true;
        const TraceAnalysis a = analyseTrace(trace, across);
        QCOMPARE(a.counts, EventCounts{});
        QCOMPARE(a.states, StateTimes{});
        QCOMPARE(a.states.total(), 0);
        QCOMPARE(a.tracks.size(), std::size_t(2));
        QCOMPARE(a.tracksThatRan(), 0);
        QCOMPARE(a.cores.size(), machineCores());
        QCOMPARE(a.busy_ns, 0);
        QCOMPARE(a.work_ns, 0);
        QVERIFY(!a.hasTasks);
    }
    QCOMPARE(analyseTrace(trace, AnalysisScope::whole()).range, (TimeInterval{0, 0}));
    const Metrics m = computeMetrics(trace, 0, 0, 4);
    QCOMPARE(m.makespan_ms, 0.0);
    QCOMPARE(m.speedup, 0.0);
    QCOMPARE(m.efficiency, 0.0);
    QCOMPARE(m.cores_used, 0);
    QCOMPARE(m.core_utilisation, std::vector<double>(machineCores(), 0.0));
    QCOMPARE(m.gil_wait_ms + m.queued_ms + m.lock_wait_ms + m.spawning_ms, 0.0);
    const TraceOverview s = overviewOf(trace);
    QCOMPARE(s.counts.total(), std::size_t(0));
    QCOMPARE(s.span_ns, 0);
    QCOMPARE(s.workers, 1);
    QVERIFY(!s.hasTasks);
    QVERIFY(!s.hasCpuNumbers);
    QVERIFY(s.busiestTracks(12).empty());
    QCOMPARE(s.runningShare(0), 0.0);
    QCOMPARE(tallySlices(trace, AnalysisScope::whole()).slices(), std::size_t(0));
}

// --- Building blocks -------------------------------------------------------------------------

void TestAnalysis::busyUnion_data() {
    QTest::addColumn<QList<qint64>>("intervals"); // begin, end, begin, end... in begin order
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<qint64>("at");     // coveredBefore(at), after the intervals that begin
    QTest::addColumn<qint64>("before"); // before `at`
    QTest::newRow("disjoint") << QList<qint64>{0, 10, 20, 30} << qint64(20) << qint64(30)
                              << qint64(25) << qint64(15);
    QTest::newRow("nested") << QList<qint64>{0, 100, 10, 20, 30, 40} << qint64(100) << qint64(100)
                            << qint64(50) << qint64(50);
    QTest::newRow("overlapping") << QList<qint64>{0, 10, 5, 15, 12, 30} << qint64(30) << qint64(30)
                                 << qint64(13) << qint64(13);
    QTest::newRow("empty ones add nothing")
        << QList<qint64>{5, 5, 7, 3, 10, 20} << qint64(10) << qint64(20) << qint64(8) << qint64(0);
    QTest::newRow("a time past every interval")
        << QList<qint64>{0, 10, 20, 30} << qint64(20) << qint64(30) << qint64(100) << qint64(20);
}

void TestAnalysis::busyUnion() {
    QFETCH(QList<qint64>, intervals);
    QFETCH(qint64, ns);
    QFETCH(qint64, end);
    QFETCH(qint64, at);
    QFETCH(qint64, before);
    BusyUnion all;
    for (qsizetype i = 0; i < intervals.size(); i += 2)
        all.add(intervals[i], intervals[i + 1]);
    QCOMPARE(all.ns(), ns);
    QCOMPARE(all.end(), end);
    // Resumed from a total stored half way: the same union.
    const qsizetype half = intervals.size() / 4 * 2;
    BusyUnion first;
    for (qsizetype i = 0; i < half; i += 2)
        first.add(intervals[i], intervals[i + 1]);
    BusyUnion resumed(first.ns(), first.end());
    for (qsizetype i = half; i < intervals.size(); i += 2)
        resumed.add(intervals[i], intervals[i + 1]);
    QCOMPARE(resumed.ns(), ns);
    QCOMPARE(resumed.end(), end);
    // Before `at`: from the intervals that begin before it.
    BusyUnion upTo;
    for (qsizetype i = 0; i < intervals.size(); i += 2)
        if (intervals[i] < at)
            upTo.add(intervals[i], intervals[i + 1]);
    QCOMPARE(upTo.coveredBefore(at), before);
    QCOMPARE(BusyUnion().end(), std::numeric_limits<std::int64_t>::min());
    QVERIFY(isOnCpu(State::Running) && isOnCpu(State::LockHeld));
    QVERIFY(!isOnCpu(State::GilWait) && !isOnCpu(State::LockWait) && !isOnCpu(State::Sleeping));
}

void TestAnalysis::rangeTallyFromRunningTotals() {
    // Slices in begin order; those wholly inside [100, 400) given as the difference of two
    // running totals must count as if read one by one.
    const std::vector<TraceEvent> slices = events({{0, R, 0, 150},
                                                   {0, State::GilWait, 150, 200},
                                                   {0, R, 200, 260},
                                                   {0, State::Sleeping, 260, 390},
                                                   {0, R, 390, 450},
                                                   {0, State::Queued, 450, 500}});
    const TimeInterval range{100, 400};
    RangeTally oneByOne(range);
    for (const TraceEvent& e : slices)
        oneByOne.addSlice(e);
    QCOMPARE(oneByOne.slices(), std::size_t(5));
    QCOMPARE(oneByOne.states()[R], 50 + 60 + 10);
    QCOMPARE(oneByOne.states()[State::GilWait], 50);
    QCOMPARE(oneByOne.states()[State::Sleeping], 130);
    QCOMPARE(oneByOne.states()[State::Queued], 0);

    std::vector<StateTimes> totals(slices.size() + 1); // totals[p]: slices [0, p)
    for (std::size_t p = 0; p < slices.size(); ++p) {
        totals[p + 1] = totals[p];
        totals[p + 1].add(slices[p].state, slices[p].duration_ns());
    }
    RangeTally fromTotals(range);
    fromTotals.addSlice(slices[0]); // straddles the begin
    fromTotals.addInside(3, StateTimes(totals[4].array()) - totals[1]);
    fromTotals.addSlice(slices[4]); // straddles the end
    fromTotals.addSlice(slices[5]); // outside
    QCOMPARE(fromTotals.slices(), oneByOne.slices());
    QCOMPARE(fromTotals.states(), oneByOne.states());
    QCOMPARE(fromTotals.range(), range);
}

void TestAnalysis::tallySlicesMatchesTheAnalysis_data() {
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::newRow("whole") << qint64(0) << qint64(-1);
    QTest::newRow("middle") << qint64(120) << qint64(333);
    QTest::newRow("an edge") << qint64(200) << qint64(260);
    QTest::newRow("nothing") << qint64(1000) << qint64(2000);
}

void TestAnalysis::tallySlicesMatchesTheAnalysis() {
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    const Trace trace = traceOf(events({{0, R, 0, 150, 0, 1},
                                        {0, State::Queued, 100, 300, -1, 2, EventType::AsyncSlice},
                                        {0, R, 150, 150, -1, 0, EventType::Instant},
                                        {1, State::GilWait, 150, 200},
                                        {1, R, 200, 260, 1, 2},
                                        {2, R, 0, 500, 0, 0},
                                        {2, R, 100, 200, 0, 0}}));
    const AnalysisScope scope = scopeOf(from, to);
    const RangeTally tally = tallySlices(trace, scope);
    const TraceAnalysis a = analyseTrace(trace, scope);
    QCOMPARE(tally.slices(), a.counts.slices);
    QCOMPARE(tally.states(), a.states);
}

// --- An opened trace -------------------------------------------------------------------------

void TestAnalysis::openedTraceSummary_data() {
    QTest::addColumn<std::vector<TraceEvent>>("events");
    QTest::addColumn<QList<int>>("counts");     // slices, instants, counters, flow ends
    QTest::addColumn<QList<qint64>>("stateNs"); // running, lock-held, sleeping, queued, awaiting
    QTest::addColumn<bool>("hasTasks");
    QTest::addColumn<bool>("hasCpuNumbers");
    QTest::addColumn<QList<qint64>>("running"); // per track
    QTest::addColumn<qint64>("span");
    QTest::addColumn<int>("workers");
    QTest::addColumn<double>("sequentialMs");
    QTest::addColumn<double>("speedup");
    QTest::addColumn<double>("efficiency");
    QTest::addColumn<int>("coresUsed");
    constexpr std::int64_t ms = 1'000'000;
    // Another tool's trace: nested calls, no tasks, no CPU numbers.
    QTest::newRow("another tool's nested calls")
        << events({{0, R, 0, 100 * ms},
                   {0, R, 10 * ms, 40 * ms},
                   {0, R, 20 * ms, 30 * ms},
                   {1, R, 50 * ms, 80 * ms},
                   {1, R, 90 * ms, 100 * ms},
                   {1, R, 95 * ms, 95 * ms, -1, 0, EventType::Instant},
                   {2, R, 0, 0, -1, 0, EventType::Counter}})
        << QList<int>{5, 1, 1, 0} << QList<qint64>{180 * ms, 0, 0, 0, 0} << false << false
        << QList<qint64>{100 * ms, 40 * ms, 0} << qint64(100 * ms) << 2 << 0.0 << 0.0 << 0.0 << 0;
    // Tasklane's own: tasks, cores, a lock held (busy, but not running time), a queued task.
    QTest::newRow("Tasklane's own")
        << events({{0, R, 0, 10 * ms, 0, 0},
                   {1, State::Queued, 0, 20 * ms, -1, 1, EventType::AsyncSlice},
                   {1, R, 20 * ms, 60 * ms, 1, 1},
                   {1, State::LockHeld, 60 * ms, 80 * ms, 1, 1},
                   {2, State::Sleeping, 10 * ms, 50 * ms, -1, 2},
                   {2, R, 50 * ms, 100 * ms, 0, 2, EventType::Slice, 25 * ms},
                   {0, R, 0, 0, -1, 1, EventType::FlowStart},
                   {1, R, 20 * ms, 20 * ms, -1, 1, EventType::FlowEnd}})
        << QList<int>{6, 0, 0, 2} << QList<qint64>{100 * ms, 20 * ms, 40 * ms, 20 * ms, 0} << true
        << true << QList<qint64>{10 * ms, 40 * ms, 50 * ms}
        << qint64(100 * ms)
        // the tracks its tasks ran on, as the live run counts its workers: not the main
        // thread (track 0), which only started them
        << 2
        // work: 40 + 20 running and lock-held, 40 sleeping, 25 measured CPU time
        << 125.0 << 1.25 << 1.25 / 2 << 2;
    // An event loop's asyncio.gather(A 2 s, B 1 s, C 3 s), as the loop records it: each step
    // on the thread and as the task's lifeline, A, B and C queued from main's step, then
    // everyone awaiting. The children's waits are work a sequential program sleeps through;
    // main's wait for them is not (it would count them twice), nor is a step counted twice.
    QTest::newRow("an opened async-gather")
        << events({{0, R, 0, 10 * ms, 0, 1},
                   {0, R, 0, 10 * ms, -1, 1, EventType::AsyncSlice},
                   {0, State::Queued, 5 * ms, 10 * ms, -1, 2, EventType::AsyncSlice},
                   {0, State::Queued, 6 * ms, 10 * ms, -1, 3, EventType::AsyncSlice},
                   {0, State::Queued, 7 * ms, 10 * ms, -1, 4, EventType::AsyncSlice},
                   {0, State::Awaiting, 10 * ms, 3010 * ms, -1, 1, EventType::AsyncSlice},
                   {0, State::Awaiting, 10 * ms, 2010 * ms, -1, 2, EventType::AsyncSlice},
                   {0, State::Awaiting, 10 * ms, 1010 * ms, -1, 3, EventType::AsyncSlice},
                   {0, State::Awaiting, 10 * ms, 3010 * ms, -1, 4, EventType::AsyncSlice}})
        << QList<int>{9, 0, 0, 0} << QList<qint64>{20 * ms, 0, 0, 12 * ms, 9000 * ms} << true
        << true << QList<qint64>{10 * ms, 0, 0} << qint64(3010 * ms)
        << 1
        // 10 ms of main's step, 2 + 1 + 3 s awaited; 3 waits overlapped on one thread; no
        // core busy 5 % of the span
        << 6010.0 << 6010.0 / 3010 << 6010.0 / 3010 / 3 << 0;
    // to_thread(): the job's arrow starts in the awaiting task's step, so the job is its
    // child: the task's wait for it is the job's own time, counted once.
    QTest::newRow("an awaited thread job")
        << events({{0, R, 0, 1 * ms, 0, 2},
                   {0, R, ms / 2, ms / 2, -1, 3, EventType::FlowStart},
                   {1, State::Queued, ms / 2, 1 * ms, -1, 3, EventType::AsyncSlice},
                   {1, R, 1 * ms, 1 * ms, -1, 3, EventType::FlowEnd},
                   {1, R, 1 * ms, 5 * ms, 1, 3},
                   {0, State::Awaiting, 1 * ms, 6 * ms, -1, 2, EventType::AsyncSlice},
                   {0, R, 6 * ms, 7 * ms, 0, 2}})
        << QList<int>{5, 0, 0, 2} << QList<qint64>{6 * ms, 0, 0, ms / 2, 5 * ms} << true << true
        << QList<qint64>{2 * ms, 4 * ms, 0} << qint64(7 * ms)
        << 2
        // 2 ms of steps, 4 ms of the job; the wait for the job is the job's time, and so is
        // the 1 ms after it ended (the loop getting back to the task)
        << 6.0 << 6.0 / 7 << 3.0 / 7 << 2;
    QTest::newRow("a trace of no length")
        << events({{0, R, 5, 5, 0, 1}}) << QList<int>{1, 0, 0, 0} << QList<qint64>{0, 0, 0, 0, 0}
        << true << true << QList<qint64>{0, 0, 0} << qint64(0) << 1 << 0.0 << 0.0 << 0.0 << 0;
}

void TestAnalysis::openedTraceSummary() {
    QFETCH(std::vector<TraceEvent>, events);
    QFETCH(QList<int>, counts);
    QFETCH(QList<qint64>, stateNs);
    QFETCH(bool, hasTasks);
    QFETCH(bool, hasCpuNumbers);
    QFETCH(QList<qint64>, running);
    QFETCH(qint64, span);
    QFETCH(int, workers);
    QFETCH(double, sequentialMs);
    QFETCH(double, speedup);
    QFETCH(double, efficiency);
    QFETCH(int, coresUsed);
    const Trace trace = traceOf(events);
    const TraceOverview s = overviewOf(trace);
    QCOMPARE(s.counts.slices, std::size_t(counts[0]));
    QCOMPARE(s.counts.instants, std::size_t(counts[1]));
    QCOMPARE(s.counts.counters, std::size_t(counts[2]));
    QCOMPARE(s.counts.flowEnds, std::size_t(counts[3]));
    QCOMPARE(s.counts.total(), trace.events.size()); // every event, whatever its time
    const State states[] = {R, State::LockHeld, State::Sleeping, State::Queued, State::Awaiting};
    for (int k = 0; k < 5; ++k)
        QCOMPARE(s.states[states[k]], stateNs[k]);
    QCOMPARE(s.states.total(), stateNs[0] + stateNs[1] + stateNs[2] + stateNs[3] + stateNs[4]);
    QCOMPARE(s.hasTasks, hasTasks);
    QCOMPARE(s.hasCpuNumbers, hasCpuNumbers);
    QCOMPARE(s.runningByTrack, (std::vector<std::int64_t>(running.begin(), running.end())));
    QCOMPARE(s.span_ns, span);
    QCOMPARE(s.workers, workers);
    const auto near = [](double a, double b) { return std::abs(a - b) < 1e-9; };
    QVERIFY2(near(s.metrics.sequential_ms, sequentialMs),
             qPrintable(QString::number(s.metrics.sequential_ms)));
    QVERIFY2(near(s.metrics.speedup, speedup), qPrintable(QString::number(s.metrics.speedup)));
    QVERIFY2(near(s.metrics.efficiency, efficiency),
             qPrintable(QString::number(s.metrics.efficiency)));
    QCOMPARE(s.metrics.cores_used, coresUsed);
    // The window's metrics of an opened trace, as it computed them before: the span, against
    // the tracks that ran.
    const Metrics m = computeMetrics(trace, trace.beginNs(), trace.endNs(), workers);
    QCOMPARE(s.metrics.makespan_ms, m.makespan_ms);
    QCOMPARE(s.metrics.sequential_ms, m.sequential_ms);
    QCOMPARE(s.metrics.speedup, m.speedup);
    QCOMPARE(s.metrics.efficiency, m.efficiency);
    QCOMPARE(s.metrics.cores_used, m.cores_used);
    QCOMPARE(s.metrics.core_utilisation, m.core_utilisation);
    QCOMPARE(s.metrics.gil_wait_ms, m.gil_wait_ms);
}

void TestAnalysis::busiestTracks_data() {
    QTest::addColumn<QList<qint64>>("running"); // per track, ns of one slice each (0: none)
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<int>>("order");
    QTest::addColumn<QList<double>>("share");
    QTest::newRow("most first") << QList<qint64>{100, 400, 200} << 12 << QList<int>{1, 2, 0}
                                << QList<double>{0.25, 1.0, 0.5};
    QTest::newRow("ties in track order, idle ones left out")
        << QList<qint64>{0, 200, 0, 200, 400} << 12 << QList<int>{4, 1, 3}
        << QList<double>{0, 0.5, 0, 0.5, 1.0};
    QTest::newRow("at most the limit") << QList<qint64>{100, 300, 200, 400} << 2 << QList<int>{3, 1}
                                       << QList<double>{0.25, 0.75, 0.5, 1.0};
}

void TestAnalysis::busiestTracks() {
    QFETCH(QList<qint64>, running);
    QFETCH(int, limit);
    QFETCH(QList<int>, order);
    QFETCH(QList<double>, share);
    std::vector<TraceEvent> list;
    for (qsizetype t = 0; t < running.size(); ++t)
        if (running[t] > 0)
            list.push_back(make({std::uint32_t(t), R, 0, running[t]}));
    const Trace trace = traceOf(list, std::size_t(running.size()));
    const TraceOverview s = overviewOf(trace);
    const std::vector<std::uint32_t> busiest = s.busiestTracks(std::size_t(limit));
    QCOMPARE(QList<int>(busiest.begin(), busiest.end()), order);
    for (qsizetype t = 0; t < share.size(); ++t)
        QCOMPARE(s.runningShare(std::uint32_t(t)), share[t]);
}

// --- The comparison --------------------------------------------------------------------------

void TestAnalysis::againstBaseline_data() {
    QTest::addColumn<double>("makespanMs");
    QTest::addColumn<double>("baselineMs");
    QTest::addColumn<int>("parallelism");
    QTest::addColumn<double>("speedup");
    QTest::addColumn<double>("efficiency");
    QTest::addColumn<int>("overlapped"); // the mode's own waits in progress at once
    QTest::newRow("twice as fast on four") << 50.0 << 100.0 << 4 << 2.0 << 0.5 << 0;
    QTest::newRow("slower than the baseline") << 200.0 << 100.0 << 1 << 0.5 << 0.5 << 0;
    QTest::newRow("no time taken") << 0.0 << 100.0 << 2 << 0.0 << 0.0 << 0;
    QTest::newRow("0 parallelism") << 50.0 << 100.0 << 0 << 2.0 << 0.0 << 0;
    // asyncio: 8 sleeps overlapped on one thread are 8x, not "800 %" of one worker.
    QTest::newRow("8 waits overlapped on one thread") << 100.0 << 800.0 << 1 << 8.0 << 1.0 << 8;
    QTest::newRow("8 waits, a little slower than they could be")
        << 200.0 << 800.0 << 1 << 4.0 << 0.5 << 8;
    // A baseline measured a little long never makes a figure past 100 %.
    QTest::newRow("faster than one worker can be") << 99.0 << 100.0 << 1 << 100.0 / 99 << 1.0 << 0;
}

void TestAnalysis::againstBaseline() {
    QFETCH(double, makespanMs);
    QFETCH(double, baselineMs);
    QFETCH(int, parallelism);
    QFETCH(double, speedup);
    QFETCH(double, efficiency);
    QFETCH(int, overlapped);
    Metrics m;
    m.overlapped_waits = overlapped;
    m.makespan_ms = makespanMs;
    m.sequential_ms = 12.5; // the mode's own estimate, replaced
    m.speedup = 9;
    m.cores_used = 3;
    m.gil_wait_ms = 7;
    m.core_utilisation.assign(4, 0.0); // four cores: the workers all could run at once
    const Metrics against = tasklane::againstBaseline(m, baselineMs, parallelism);
    QCOMPARE(against.sequential_ms, baselineMs);
    QCOMPARE(against.speedup, speedup);
    QCOMPARE(against.efficiency, efficiency);
    QCOMPARE(against.makespan_ms, makespanMs); // the rest is the mode's own
    QCOMPARE(against.cores_used, 3);
    QCOMPARE(against.gil_wait_ms, 7.0);
    QCOMPARE(speedupOf(baselineMs, makespanMs), speedup);
    QVERIFY(against.efficiency >= 0 && against.efficiency <= 1);
    QCOMPARE(waitsOverlapped(against), overlapped > std::max(parallelism, 1));
}

QTEST_APPLESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
