// Tests of the chart library: the layout maths (time <-> x, rows per grouping, hit testing,
// ticks, level of detail) as data, then the painter and the exporters by their output.
#include "chart/chart_exporter.h"
#include "chart/chart_style.h"
#include "chart/colour_tally.h"
#include "chart/gantt_layout.h"
#include "chart/gantt_painter.h"
#include "chart/selection_stats.h"
#include "chart/zoom_state.h"

#include <QDir>
#include <QFile>
#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <utility>

using namespace tasklane;

namespace {

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kS = 1'000'000'000;

TraceEvent makeEvent(std::uint32_t track, State state, std::int64_t begin, std::int64_t end,
                     std::uint32_t task = 0, std::uint32_t label = 0, int cpu = -1,
                     EventType type = EventType::Slice) {
    TraceEvent e;
    e.begin_ns = begin;
    e.end_ns = end;
    e.track = track;
    e.task = task;
    e.label = label;
    e.cpu = std::int16_t(cpu);
    e.state = state;
    e.type = type;
    return e;
}

// main, two pool workers and an event loop; workers 1 and 2 ran on CPUs 3 and 1.
Trace smallTrace() {
    Trace t;
    t.tracks = {Track{100, 100, TrackKind::Main, "main"},
                Track{100, 101, TrackKind::Thread, "worker 1"},
                Track{100, 102, TrackKind::Thread, "worker 2"},
                Track{100, 103, TrackKind::EventLoop, "event loop"}};
    const std::uint32_t sq3 = t.intern("square(3)");
    t.events.push_back(makeEvent(0, State::Running, 0, 10 * kMs, 0, 0, 0));
    t.events.push_back(makeEvent(1, State::Running, 10 * kMs, 40 * kMs, 1, sq3, 3));
    t.events.push_back(makeEvent(1, State::GilWait, 40 * kMs, 50 * kMs, 1, sq3));
    t.events.push_back(makeEvent(1, State::Running, 60 * kMs, 90 * kMs, 2, 0, 3));
    t.events.push_back(makeEvent(2, State::Running, 20 * kMs, 30 * kMs, 3, 0, 1));
    t.events.push_back(makeEvent(2, State::Sleeping, 30 * kMs, 70 * kMs, 3));
    t.events.push_back(
        makeEvent(0, State::Queued, 5 * kMs, 60 * kMs, 2, 0, -1, EventType::AsyncSlice));
    t.events.push_back(makeEvent(3, State::Awaiting, 0, 100 * kMs, 4));
    t.finalize();
    return t;
}

// One track with `count` back-to-back slices over [0, span); every `period`-th is gil-wait.
Trace denseTrace(int count, std::int64_t span, int period) {
    Trace t;
    t.tracks = {Track{1, 1, TrackKind::Thread, "worker 1"}};
    t.events.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        const State s = period > 0 && i % period == 0 ? State::GilWait : State::Running;
        t.events.push_back(
            makeEvent(0, s, span * i / count, span * (i + 1) / count, std::uint32_t(i + 1)));
    }
    t.finalize();
    return t;
}

QStringList rowNames(const GanttRows& rows) {
    QStringList names;
    for (const GanttRow& row : rows.rows())
        names << row.name;
    return names;
}

GanttLayoutOptions plainOptions() {
    GanttLayoutOptions o;
    o.legend = false;
    return o;
}

bool sameColour(const QColor& a, const QColor& b, int tolerance = 6) {
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

int countColour(const QImage& image, const QColor& colour) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += sameColour(image.pixelColor(x, y), colour, 2) ? 1 : 0;
    return n;
}

// A chart with everything the sample must show, also written by sampleChart().
Trace sampleTrace() {
    Trace t;
    t.tracks = {Track{4700, 4700, TrackKind::Main, "main"},
                Track{4700, 4701, TrackKind::Thread, "worker 1"},
                Track{4700, 4702, TrackKind::Thread, "worker 2"},
                Track{4711, 4711, TrackKind::Process, "worker 3 (pid 4711)"}};
    const std::int64_t t0 = 5'000 * kS; // CLOCK_MONOTONIC is far from zero
    const auto ms = [&](double v) { return t0 + std::int64_t(v * kMs); };
    std::uint32_t task = 1;
    std::uint32_t flow = 1;
    auto addFlow = [&](std::uint32_t from, double a, std::uint32_t to, double b, std::uint32_t k) {
        TraceEvent s =
            makeEvent(from, State::Running, ms(a), ms(a), k, 0, -1, EventType::FlowStart);
        TraceEvent e = makeEvent(to, State::Running, ms(b), ms(b), k, 0, -1, EventType::FlowEnd);
        s.value = e.value = flow++;
        t.events.push_back(s);
        t.events.push_back(e);
    };
    t.events.push_back(makeEvent(0, State::Spawning, ms(0), ms(12), 0, t.intern("spawn"), -1));
    t.events.push_back(makeEvent(0, State::Running, ms(12), ms(20), 0, 0, 1));
    t.events.push_back(makeEvent(0, State::Sleeping, ms(190), ms(240), 0, t.intern("join")));
    t.events.push_back(makeEvent(0, State::Running, ms(240), ms(250), 0, t.intern("최종 값"), 1));
    TraceEvent printed = makeEvent(0, State::Running, ms(248), ms(248), 0, t.intern("최종 값: 5"),
                                   -1, EventType::Instant);
    t.events.push_back(printed);
    // Two threads share the GIL: they take turns every 5 ms and wait in between.
    for (int k = 0; k < 3; ++k) {
        const double b = 20 + k * 50;
        const std::uint32_t label = t.intern("square(" + std::to_string(k + 1) + ")");
        t.events.push_back(
            makeEvent(0, State::Queued, ms(15), ms(b), task, label, -1, EventType::AsyncSlice));
        addFlow(0, 15, 1, b, task);
        for (int i = 0; i < 8; ++i) {
            const double s = b + i * 5;
            const bool mine = i % 2 == 0;
            t.events.push_back(makeEvent(1, mine ? State::Running : State::GilWait, ms(s),
                                         ms(s + 5), task, label, mine ? 0 : -1));
            t.events.push_back(makeEvent(2, mine ? State::GilWait : State::Running, ms(s),
                                         ms(s + 5), task + 10, label, mine ? -1 : 0));
        }
        ++task;
    }
    t.events.push_back(makeEvent(3, State::Spawning, ms(5), ms(35), 0, t.intern("spawn"), -1));
    t.events.push_back(makeEvent(3, State::Running, ms(35), ms(120), 30, t.intern("cube(4)"), 1));
    t.events.push_back(makeEvent(3, State::LockWait, ms(120), ms(135), 30, t.intern("get_lock()")));
    t.events.push_back(
        makeEvent(3, State::LockHeld, ms(135), ms(150), 30, t.intern("value += 1"), 1));
    t.events.push_back(makeEvent(3, State::Idle, ms(150), ms(190), 0));
    t.finalize();
    return t;
}

// Async slices on one event-loop track, from "name state beginMs endMs" entries separated by
// ';'. A name is a task and its label (the same name, the same task); "-" is a task-less slice.
Trace asyncTrace(const QString& spec) {
    Trace t;
    t.tracks = {Track{1, 1, TrackKind::EventLoop, "event loop"}};
    QHash<QString, std::uint32_t> taskOf;
    for (const QString& entry : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList f = entry.simplified().split(QLatin1Char(' '));
        Q_ASSERT(f.size() == 4);
        std::uint32_t task = 0;
        std::uint32_t label = 0;
        if (f[0] != QLatin1String("-")) {
            task = taskOf.value(f[0]);
            if (task == 0) {
                task = std::uint32_t(taskOf.size() + 1);
                taskOf.insert(f[0], task);
            }
            label = t.intern(f[0].toStdString());
        }
        const auto state = stateFromName(f[1].toStdString());
        Q_ASSERT(state.has_value());
        t.events.push_back(makeEvent(0, *state, f[2].toLongLong() * kMs, f[3].toLongLong() * kMs,
                                     task, label, -1, EventType::AsyncSlice));
    }
    t.finalize();
    return t;
}

// What core/aio records for asyncio.run(main()) where main gathers A (2 s), B (1 s) and
// C (3 s): the loop's steps as slices labelled by task, a printed line per start and end,
// and each task's lifeline (queued, running, awaiting) as async slices. Tasks: Task-1 = 1,
// A = 2, B = 3, C = 4.
Trace gatherTrace() {
    Trace t;
    t.tracks = {Track{1, 1, TrackKind::EventLoop, "event loop"}};
    const std::int64_t t0 = 7'000 * kS;
    const auto us = [&](std::int64_t v) { return t0 + v * 1000; };
    const std::uint32_t names[] = {t.intern("Task-1"), t.intern("Task A"), t.intern("Task B"),
                                   t.intern("Task C")};
    const auto step = [&](std::uint32_t task, std::int64_t begin, std::int64_t end) {
        t.events.push_back(
            makeEvent(0, State::Running, us(begin), us(end), task, names[task - 1], 0));
        t.events.push_back(makeEvent(0, State::Running, us(begin), us(end), task, names[task - 1],
                                     -1, EventType::AsyncSlice));
    };
    const auto wait = [&](std::uint32_t task, State state, std::int64_t begin, std::int64_t end) {
        t.events.push_back(makeEvent(0, state, us(begin), us(end), task, names[task - 1], -1,
                                     EventType::AsyncSlice));
    };
    const auto print = [&](std::uint32_t task, std::int64_t at, const char* line) {
        t.events.push_back(makeEvent(0, State::Running, us(at), us(at), task, t.intern(line), -1,
                                     EventType::Instant));
    };
    wait(1, State::Queued, 0, 10);
    step(1, 10, 20);
    wait(1, State::Awaiting, 20, 3'000'080);
    step(1, 3'000'080, 3'000'090);
    const std::int64_t delays[] = {2'000'000, 1'000'000, 3'000'000};
    for (std::uint32_t k = 0; k < 3; ++k) {
        const std::uint32_t task = k + 2;
        const std::int64_t start = 30 + 10 * k;
        wait(task, State::Queued, 20, start);
        step(task, start, start + 10);
        print(task, start + 5, k == 0 ? "Task A 시작" : k == 1 ? "Task B 시작" : "Task C 시작");
        wait(task, State::Awaiting, start + 10, start + 10 + delays[k]);
        step(task, start + 10 + delays[k], start + 20 + delays[k]);
    }
    t.finalize();
    return t;
}

// Two processes as another tool writes them (several threads per pid), plus a process of one
// track whose queue overflows into lanes, and a lone thread: random slices in every state,
// back to back and with gaps, some of zero length, running ones on two CPUs (so that core rows
// hold overlapping slices of many threads), over strides of the lanes' running totals.
Trace processTrace(unsigned seed) {
    Trace t;
    t.tracks = {Track{10, 10, TrackKind::Main, "app main"},
                Track{10, 11, TrackKind::Thread, "app worker 1"},
                Track{20, 20, TrackKind::Process, "tool (pid 20)"},
                Track{10, 12, TrackKind::Thread, "app worker 2"},
                Track{20, 21, TrackKind::Thread, "tool thread"},
                Track{30, 30, TrackKind::Thread, "lone"},
                Track{40, 40, TrackKind::Process, "queue (pid 40)"}};
    std::mt19937 random(seed);
    const State states[] = {State::Running,  State::Running,  State::GilWait,
                            State::Sleeping, State::LockHeld, State::LockWait};
    std::uint32_t task = 1;
    for (std::uint32_t track = 0; track < 6; ++track) {
        std::int64_t at = std::int64_t(random() % 1000) * 1000;
        const int count = track == 5 ? 7 : 300 + int(random() % 200);
        for (int i = 0; i < count; ++i) {
            const State state = states[random() % std::size(states)];
            const std::int64_t length = random() % 10 == 0 ? 0 : std::int64_t(random() % 50) * 1000;
            const int cpu = state == State::Running ? int(random() % 2) : -1;
            t.events.push_back(makeEvent(track, state, at, at + length, task++, 0, cpu));
            at += length + (random() % 3 == 0 ? std::int64_t(random() % 30) * 1000 : 0);
        }
    }
    // 20 queued tasks, overlapping: more than the lanes' cap, so one lane overflows.
    for (int i = 0; i < 20; ++i)
        t.events.push_back(makeEvent(6, State::Queued, i * 3000, 200'000 + i * 7000, task++, 0, -1,
                                     EventType::AsyncSlice));
    t.events.push_back(makeEvent(6, State::Running, 0, 300'000, task++, 0, 1));
    t.finalize();
    return t;
}

// The union of [begin, end) intervals, clipped to `range`, in time order.
std::vector<std::pair<std::int64_t, std::int64_t>>
unionOf(std::vector<std::pair<std::int64_t, std::int64_t>> spans, TimeRange range) {
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<std::int64_t, std::int64_t>> merged;
    for (auto [b, e] : spans) {
        b = std::max(b, range.begin_ns);
        e = std::min(e, range.end_ns);
        if (e <= b)
            continue;
        if (!merged.empty() && b <= merged.back().second)
            merged.back().second = std::max(merged.back().second, e);
        else
            merged.emplace_back(b, e);
    }
    return merged;
}

std::int64_t lengthOf(const std::vector<std::pair<std::int64_t, std::int64_t>>& spans) {
    std::int64_t n = 0;
    for (const auto& [b, e] : spans)
        n += e - b;
    return n;
}

// What a selection holds, straight from the trace's events, by definition: no rows, lanes or
// running totals. The busy time of a row is the union of its busy slices: a track's own, a
// core's running ones, a process's threads'.
SelectionStats bruteForceStats(const GanttRows& rows, TimeRange range) {
    const Trace& trace = *rows.trace();
    SelectionStats stats;
    stats.range = range;
    for (const TraceEvent& e : trace.events) {
        if (!e.isSlice())
            continue;
        const bool in =
            e.begin_ns < range.end_ns &&
            (e.end_ns > range.begin_ns || (e.end_ns == e.begin_ns && e.begin_ns >= range.begin_ns));
        if (!in)
            continue;
        ++stats.slices;
        stats.stateNs[std::size_t(e.state)] += std::max<std::int64_t>(
            0, std::min(e.end_ns, range.end_ns) - std::max(e.begin_ns, range.begin_ns));
    }
    const auto busyOf = [&](auto belongs) {
        std::vector<std::pair<std::int64_t, std::int64_t>> spans;
        for (const TraceEvent& e : trace.events)
            if (e.type == EventType::Slice && isOnCpu(e.state) && belongs(e))
                spans.emplace_back(e.begin_ns, e.end_ns);
        return lengthOf(unionOf(spans, range));
    };
    const auto add = [&](std::vector<RowBusy>& list, int r, std::int64_t busy) {
        list.push_back(RowBusy{r, busy, double(busy) / double(range.span())});
    };
    for (int r = 0; r < rows.size(); ++r) {
        const GanttRow& row = rows.row(r);
        if (row.kind == RowKind::Core)
            add(stats.rows, r, busyOf([&](const TraceEvent& e) {
                    return e.state == State::Running && e.cpu == row.cpu;
                }));
        else if (row.kind == RowKind::Track)
            add(stats.rows, r, busyOf([&](const TraceEvent& e) { return e.track == row.track; }));
    }
    for (const GanttProcessGroup& group : rows.processGroups())
        add(stats.groups, group.summary,
            busyOf([&](const TraceEvent& e) { return trace.tracks[e.track].pid == group.pid; }));
    return stats;
}

// Two threads sharing `cores` cores for 90 ms, in 10 ms turns: while one runs on a core the
// other waits for it (waiting-for-core, no cpu), as the CPU workload records.
Trace takingTurnsTrace(int cores) {
    Trace t;
    t.tracks = {Track{100, 101, TrackKind::Thread, "worker 1"},
                Track{100, 102, TrackKind::Thread, "worker 2"},
                Track{100, 103, TrackKind::Thread, "worker 3"}};
    for (int k = 0; k < 9; ++k)
        for (std::uint32_t w = 0; w < 3; ++w) {
            // Worker w runs in turns k where (k + w) % 3 < cores, on core (k + w) % 3.
            const int slot = (k + int(w)) % 3;
            const bool runs = slot < cores;
            t.events.push_back(makeEvent(w, runs ? State::Running : State::WaitingForCore,
                                         k * 10 * kMs, (k + 1) * 10 * kMs, w + 1, 0,
                                         runs ? slot : -1));
        }
    t.finalize();
    return t;
}

// `threads` threads of one 2 µs slice each, dealt round-robin to `pids` processes: the trace
// of issue 14 that `render` could not draw (10,000 rows, a 190,000-px PNG).
Trace manyThreadsTrace(int threads, int pids) {
    Trace t;
    t.tracks.reserve(std::size_t(threads));
    for (int k = 0; k < threads; ++k) {
        const std::int64_t pid = 1000 + k % pids;
        t.tracks.push_back(
            Track{pid, 100000 + k, TrackKind::Thread, "thread " + std::to_string(k)});
        t.events.push_back(makeEvent(std::uint32_t(k), State::Running, k * 3000LL,
                                     k * 3000LL + 2000, std::uint32_t(k + 1)));
    }
    t.finalize();
    return t;
}

} // namespace

class TestChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void groupByNames_data();
    void groupByNames();
    void mapping_data();
    void mapping();
    void rowsPerGroupBy_data();
    void rowsPerGroupBy();
    void coreRowsHoldRunningSlicesOfAllTracks();
    void eventAt_data();
    void eventAt();
    void tickRule_data();
    void tickRule();
    void tickPositions();
    void folding_data();
    void folding();
    void dominantShare_data();
    void dominantShare();
    void foldingKeepsVisibleGaps();
    void culling_data();
    void culling();
    void lanePacking_data();
    void lanePacking();
    void laneBudget_data();
    void laneBudget();
    void gatherLifelines();
    void lanesShareAFixedHeight();
    void millionAsyncSlices();
    void naturalHeightAndLabels();
    void legendExplainsWhatAppears();
    void flows();
    void counterLine();
    void paintedImageHasStateColours();
    void highlightDimsOtherTasks();
    void exportFormats_data();
    void exportFormats();
    void exportRejectsUnknownFormat_data();
    void exportRejectsUnknownFormat();
    void exportFoldsThenCapsRows_data();
    void exportFoldsThenCapsRows();
    void cappedExportWritesAReadablePng();
    void emptyTrace();
    void millionSlices();
    void sampleChart();
    // Zoom maths and history (issue 6).
    void clampToRange_data();
    void clampToRange();
    void zoomKeepsTheTimeUnderTheCursor_data();
    void zoomKeepsTheTimeUnderTheCursor();
    void zoomHistoryBackAndForward();
    void zoomGestureIsOneStep();
    void zoomHistoryIsCapped();
    void selectionIsClampedToTheTrace();
    // Selection statistics.
    void coreRowsShowTimeOnEachCore_data();
    void coreRowsShowTimeOnEachCore();
    void selectionStats_data();
    void selectionStats();
    void selectionStatsAreTheSameInEveryGrouping();
    void selectionBusyCountsOverlapsOnce();
    void selectionStatsEqualBruteForce_data();
    void selectionStatsEqualBruteForce();

    // Collapsed processes (issue 6).
    void processGroups_data();
    void processGroups();
    void collapseProcess_data();
    void collapseProcess();
    void expandingRestoresTheLayout();
    void collapsedProcessPaintsItsTriangle();
    // Scale: what makes a million slices cheap must not change what is drawn.
    void blockSumsChangeNothing_data();
    void blockSumsChangeNothing();
    void flowsCountedWithoutPlacing();
    // A picked task across rows, with its arrows.
    void taskOverlay();
    void taskOverlayShowsHiddenArrows();
    void taskOverlayKeepsSliceLabels();
    void manyArrowsAreThinned_data();
    void manyArrowsAreThinned();
};

void TestChart::groupByNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expected"); // -1: refused
    QTest::newRow("worker") << QStringLiteral("worker") << int(GroupBy::Worker);
    QTest::newRow("core") << QStringLiteral("core") << int(GroupBy::Core);
    QTest::newRow("both") << QStringLiteral("both") << int(GroupBy::Both);
    QTest::newRow("cores") << QStringLiteral("cores") << -1;
    QTest::newRow("empty") << QString() << -1;
}

void TestChart::groupByNames() {
    QFETCH(QString, name);
    QFETCH(int, expected);
    const auto parsed = groupByFromName(name);
    if (expected < 0) {
        QVERIFY(!parsed.has_value());
        return;
    }
    QVERIFY(parsed.has_value());
    QCOMPARE(int(*parsed), expected);
    QCOMPARE(groupByName(*parsed), name);
}

void TestChart::mapping_data() {
    QTest::addColumn<double>("width");
    QTest::addColumn<qint64>("begin");
    QTest::addColumn<qint64>("end");
    QTest::newRow("1 s in 500 px") << 500.0 << qint64(0) << qint64(kS);
    QTest::newRow("1 s in 1400 px") << 1400.0 << qint64(0) << qint64(kS);
    QTest::newRow("monotonic clock, 3 s")
        << 1400.0 << qint64(1'234'567 * kS) << qint64(1'234'570 * kS);
    QTest::newRow("100 ns in 137 px") << 137.0 << qint64(5) << qint64(105);
    QTest::newRow("a day in 800 px") << 800.0 << qint64(77) << qint64(77 + 86'400 * kS);
}

void TestChart::mapping() {
    QFETCH(double, width);
    QFETCH(qint64, begin);
    QFETCH(qint64, end);
    const Trace trace = smallTrace();
    const GanttRows rows(trace, GroupBy::Worker);
    const GanttLayout layout(rows, QSizeF(width, 300), TimeRange{begin, end}, plainOptions());
    const QRectF plot = layout.plotRect();
    QVERIFY(plot.width() > 0);
    QVERIFY(plot.left() > layout.labelColumn().left());
    QVERIFY(plot.right() <= width);

    QCOMPARE(layout.xForTime(begin), plot.left());
    QVERIFY(std::abs(layout.xForTime(end) - plot.right()) < 1e-6);
    QCOMPARE(layout.timeForX(plot.left()), begin);
    QCOMPARE(layout.timeForX(plot.right()), end);
    QVERIFY(std::abs(layout.xForTime(begin + (end - begin) / 2) - plot.center().x()) < 1e-3);

    const double pxPerNs = plot.width() / double(end - begin);
    for (int i = 0; i <= 20; ++i) {
        const std::int64_t t = begin + (end - begin) * i / 20;
        QVERIFY2(std::abs(layout.timeForX(layout.xForTime(t)) - t) <= 1,
                 qPrintable(QString::number(t)));
        const double x = plot.left() + plot.width() * i / 20.0;
        // Times are whole nanoseconds: x comes back to within half a nanosecond's width.
        QVERIFY(std::abs(layout.xForTime(layout.timeForX(x)) - x) <= 0.5 * pxPerNs + 1e-6);
    }
}

void TestChart::rowsPerGroupBy_data() {
    QTest::addColumn<int>("groupBy");
    QTest::addColumn<QStringList>("names");
    // main's queued async slice has a lane of its own, named after its task (no label).
    const QStringList tracks = {QStringLiteral("main"), QStringLiteral("task 2"),
                                QStringLiteral("worker 1"), QStringLiteral("worker 2"),
                                QStringLiteral("event loop")};
    const QStringList cores = {QStringLiteral("CPU 0"), QStringLiteral("CPU 1"),
                               QStringLiteral("CPU 3")};
    QTest::newRow("worker") << int(GroupBy::Worker) << tracks;
    QTest::newRow("core") << int(GroupBy::Core) << cores;
    QTest::newRow("both") << int(GroupBy::Both) << (cores + tracks);
}

void TestChart::rowsPerGroupBy() {
    QFETCH(int, groupBy);
    QFETCH(QStringList, names);
    const Trace trace = smallTrace();
    const GanttRows rows(trace, GroupBy(groupBy));
    QCOMPARE(rowNames(rows), names);
    const GanttLayout layout(rows, QSizeF(800, 0), GanttLayout::fullRange(trace), plainOptions());
    QCOMPARE(layout.rowCount(), names.size());
    for (int r = 1; r < layout.rowCount(); ++r)
        QVERIFY(layout.rowRect(r).top() >= layout.rowRect(r - 1).bottom() - 1e-9);
    // Both: one separator, between the last core row and the first track row.
    QCOMPARE(int(layout.separators().size()), GroupBy(groupBy) == GroupBy::Both ? 1 : 0);
    if (GroupBy(groupBy) == GroupBy::Both)
        QCOMPARE(layout.separators().front(), layout.rowRect(3).top());
}

void TestChart::coreRowsHoldRunningSlicesOfAllTracks() {
    Trace trace = smallTrace();
    const GanttRows rows(trace, GroupBy::Core);
    QCOMPARE(rows.size(), 3);
    QStringList cpu3;
    for (std::uint32_t i : rows.row(2).slices.events) {
        const TraceEvent& e = trace.events[i];
        QCOMPARE(e.cpu, std::int16_t(3));
        QCOMPARE(e.state, State::Running);
        cpu3 << QString::number(e.begin_ns / kMs);
    }
    QCOMPARE(cpu3, QStringList({QStringLiteral("10"), QStringLiteral("60")}));
    QCOMPARE(rows.row(1).slices.events.size(), std::size_t(1)); // worker 2's run on CPU 1
    QVERIFY(rows.row(1).asyncSlices.events.empty());
    QCOMPARE(rows.coreTracks(), (std::vector<std::uint32_t>{0, 1, 2}));
    QCOMPARE(rows.rowOfTrack(1), -1);

    // Five tracks taking turns on one core (an odd number of runs to merge): one row, in
    // time order, every running slice once; the off-CPU states are not there.
    Trace turns;
    for (int t = 0; t < 5; ++t)
        turns.tracks.push_back(Track{1, t, TrackKind::Thread, "w" + std::to_string(t)});
    for (int k = 0; k < 100; ++k) {
        turns.events.push_back(
            makeEvent(std::uint32_t(k % 5), State::Running, k * kMs, k * kMs + kMs / 2, 0, 0, 0));
        turns.events.push_back(
            makeEvent(std::uint32_t(k % 5), State::GilWait, k * kMs + kMs / 2, (k + 1) * kMs));
    }
    turns.finalize();
    const GanttRows turnRows(turns, GroupBy::Core);
    QCOMPARE(turnRows.size(), 1);
    const auto& lane = turnRows.row(0).slices;
    QCOMPARE(lane.events.size(), std::size_t(100));
    for (std::size_t i = 0; i < lane.events.size(); ++i) {
        const TraceEvent& e = turns.events[lane.events[i]];
        QCOMPARE(e.begin_ns, std::int64_t(i) * kMs);
        QCOMPARE(e.track, std::uint32_t(i % 5));
    }
    QVERIFY(lane.endsSorted);
}

void TestChart::eventAt_data() {
    QTest::addColumn<int>("row");          // worker grouping: main, its lane, workers, loop
    QTest::addColumn<qint64>("timeMs");    // x from this time
    QTest::addColumn<bool>("edge");        // y just inside the row's bottom (else its centre)
    QTest::addColumn<QString>("expected"); // "track/begin ms/state"; empty: a miss
    QTest::newRow("worker 1 running") << 2 << qint64(25) << false << QStringLiteral("1/10/running");
    QTest::newRow("worker 1 gil-wait")
        << 2 << qint64(45) << false << QStringLiteral("1/40/gil-wait");
    QTest::newRow("worker 1 gap") << 2 << qint64(55) << false << QString();
    QTest::newRow("worker 1 after last") << 2 << qint64(95) << false << QString();
    QTest::newRow("worker 2 sleeping")
        << 3 << qint64(50) << false << QStringLiteral("2/30/sleeping");
    QTest::newRow("worker 2 before first") << 3 << qint64(10) << false << QString();
    QTest::newRow("main running") << 0 << qint64(3) << false << QStringLiteral("0/0/running");
    QTest::newRow("main's lane queued") << 1 << qint64(30) << false << QStringLiteral("0/5/queued");
    QTest::newRow("main's lane, its padding")
        << 1 << qint64(30) << true << QStringLiteral("0/5/queued");
    QTest::newRow("main row, gap over the lane's slice") << 0 << qint64(30) << false << QString();
    QTest::newRow("event loop awaiting")
        << 4 << qint64(99) << true << QStringLiteral("3/0/awaiting");
}

void TestChart::eventAt() {
    QFETCH(int, row);
    QFETCH(qint64, timeMs);
    QFETCH(bool, edge);
    QFETCH(QString, expected);
    const Trace trace = smallTrace();
    const GanttRows rows(trace, GroupBy::Worker);
    const GanttLayout layout(rows, QSizeF(1000, 0), TimeRange{0, 100 * kMs}, plainOptions());
    const GanttRowGeometry& g = layout.row(row);
    const QRectF lane = g.sliceLane;
    const double y = edge ? g.rect.bottom() - 0.25 : lane.center().y();
    QCOMPARE(layout.rowAt(y), row);
    const auto hit = layout.eventAt(QPointF(layout.xForTime(timeMs * kMs), y));
    if (expected.isEmpty()) {
        QVERIFY2(!hit.has_value(), hit ? qPrintable(QString::number(*hit)) : "");
        return;
    }
    QVERIFY(hit.has_value());
    const TraceEvent& e = trace.events[*hit];
    const auto state = stateName(e.state);
    QCOMPARE(QStringLiteral("%1/%2/%3")
                 .arg(e.track)
                 .arg(e.begin_ns / kMs)
                 .arg(QString::fromLatin1(state.data(), qsizetype(state.size()))),
             expected);
    // Off the plot and off the rows: nothing.
    QVERIFY(!layout.eventAt(QPointF(layout.labelColumn().center().x(), lane.center().y())));
    QVERIFY(
        !layout.eventAt(QPointF(layout.xForTime(timeMs * kMs), layout.plotRect().bottom() + 50)));
}

void TestChart::tickRule_data() {
    QTest::addColumn<qint64>("span");
    QTest::addColumn<double>("width");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<qint64>("sampleNs");
    QTest::addColumn<QString>("sampleLabel");
    // minimum spacing 90 px throughout: step = smallest 1-2-5 x 10^k >= span * 90 / width
    QTest::newRow("1 s / 500 px") << qint64(kS) << 500.0 << qint64(200 * kMs) << QStringLiteral("s")
                                  << qint64(400 * kMs) << QStringLiteral("0.4 s");
    QTest::newRow("1 s / 1000 px") << qint64(kS) << 1000.0 << qint64(100 * kMs)
                                   << QStringLiteral("s") << qint64(kS) << QStringLiteral("1 s");
    QTest::newRow("3 s / 1300 px")
        << qint64(3 * kS) << 1300.0 << qint64(500 * kMs) << QStringLiteral("s")
        << qint64(2500 * kMs) << QStringLiteral("2.5 s");
    QTest::newRow("100 ms / 1000 px")
        << qint64(100 * kMs) << 1000.0 << qint64(10 * kMs) << QStringLiteral("ms")
        << qint64(50 * kMs) << QStringLiteral("50 ms");
    QTest::newRow("250 ms / 400 px")
        << qint64(250 * kMs) << 400.0 << qint64(100 * kMs) << QStringLiteral("ms")
        << qint64(200 * kMs) << QStringLiteral("200 ms");
    QTest::newRow("2 ms / 800 px")
        << qint64(2 * kMs) << 800.0 << qint64(500'000) << QStringLiteral("ms") << qint64(1'500'000)
        << QStringLiteral("1.5 ms");
    QTest::newRow("40 us / 900 px")
        << qint64(40'000) << 900.0 << qint64(5'000) << (QString(QChar(0xB5)) + QLatin1Char('s'))
        << qint64(-5'000) << (QStringLiteral("-5 ") + QChar(0xB5) + QLatin1Char('s'));
    QTest::newRow("800 ns / 700 px") << qint64(800) << 700.0 << qint64(200) << QStringLiteral("ns")
                                     << qint64(600) << QStringLiteral("600 ns");
    QTest::newRow("60 s / 1400 px")
        << qint64(60 * kS) << 1400.0 << qint64(5 * kS) << QStringLiteral("s") << qint64(45 * kS)
        << QStringLiteral("45 s");
}

void TestChart::tickRule() {
    QFETCH(qint64, span);
    QFETCH(double, width);
    QFETCH(qint64, step);
    QFETCH(QString, unit);
    QFETCH(qint64, sampleNs);
    QFETCH(QString, sampleLabel);
    const TickSpec spec = chooseTicks(span, width, 90);
    QCOMPARE(spec.step_ns, step);
    QVERIFY(double(spec.step_ns) * width / double(span) >= 90);
    QVERIFY(formatTick(0, spec) == QStringLiteral("0 ") + unit);
    QCOMPARE(formatTick(sampleNs, spec), sampleLabel);
}

void TestChart::tickPositions() {
    const Trace trace = smallTrace(); // starts at 0
    const GanttRows rows(trace, GroupBy::Worker);
    const GanttLayout layout(rows, QSizeF(1000, 0), TimeRange{0, 100 * kMs}, plainOptions());
    const auto& ticks = layout.ticks();
    QVERIFY(ticks.size() >= 3);
    QCOMPARE(ticks.front().label, QStringLiteral("0 ms"));
    QCOMPARE(ticks.front().x, layout.plotRect().left());
    const std::int64_t step = layout.tickSpec().step_ns;
    for (std::size_t i = 1; i < ticks.size(); ++i) {
        QCOMPARE(ticks[i].ns - ticks[i - 1].ns, step);
        QVERIFY(ticks[i].labelRect.left() >= ticks[i - 1].labelRect.right()); // no overlap
    }
    QCOMPARE(ticks.back().ns, 100 * kMs);
    QVERIFY(ticks.back().labelRect.right() <= layout.size().width());

    // Panned: ticks stay on multiples of the step from the origin, not from the view's edge.
    const GanttLayout panned(rows, QSizeF(1000, 0), TimeRange{3 * kMs, 103 * kMs}, plainOptions());
    QVERIFY(!panned.ticks().empty());
    for (const GanttTick& tick : panned.ticks())
        QCOMPARE(tick.ns % panned.tickSpec().step_ns, qint64(0));
    QVERIFY(panned.ticks().front().ns >= 3 * kMs);
}

void TestChart::folding_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("period");       // every period-th slice is gil-wait; 0: none
    QTest::addColumn<int>("expectedFill"); // of the folded rects
    QTest::newRow("100k running") << 100'000 << 0 << int(FillKind::State);
    QTest::newRow("100k half gil-wait") << 100'000 << 2 << int(FillKind::Mixed);
    QTest::newRow("100k a quarter gil-wait") << 100'000 << 4 << int(FillKind::State);
    QTest::newRow("20k a third gil-wait") << 20'000 << 3 << int(FillKind::State);
}

void TestChart::folding() {
    QFETCH(int, count);
    QFETCH(int, period);
    QFETCH(int, expectedFill);
    const Trace trace = denseTrace(count, kS, period);
    const GanttRows rows(trace, GroupBy::Worker);
    GanttLayoutOptions options = plainOptions();
    // A 500 px plot, whatever the label column takes.
    const GanttLayout probe(rows, QSizeF(1000, 0), GanttLayout::fullRange(trace), options);
    const double extra = 1000 - probe.plotRect().width();
    const GanttLayout layout(rows, QSizeF(500 + extra, 0), GanttLayout::fullRange(trace), options);
    QCOMPARE(layout.plotRect().width(), 500.0);

    const auto items = layout.drawItems(0);
    QVERIFY2(items.size() <= 501, qPrintable(QString::number(items.size())));
    QVERIFY(!items.empty());
    std::uint64_t folded = 0;
    for (const GanttDrawItem& item : items) {
        folded += item.count;
        QCOMPARE(int(item.fill), expectedFill);
        if (item.fill == FillKind::State)
            QCOMPARE(State(item.fillIndex), State::Running); // the dominant one
    }
    QCOMPARE(folded, std::uint64_t(count)); // nothing lost, nothing twice
    QVERIFY(std::abs(items.front().rect.left() - layout.plotRect().left()) < 1);
    QVERIFY(std::abs(items.back().rect.right() - layout.plotRect().right()) < 1.5);
    QCOMPARE(layout.hasMixed(), expectedFill == int(FillKind::Mixed));
}

void TestChart::dominantShare_data() {
    // Two slices folded into one pixel column (100 µs in all at about 1.3 ms a pixel): the
    // leading colour's share of their time is exactly 3/5 or a nanosecond under, coming first
    // or second. On a track row (by state), on a core row (by the track that ran it) and on a
    // collapsed process's summary row (merged, by state).
    QTest::addColumn<int>("where"); // 0 track row, 1 core row, 2 summary row
    QTest::addColumn<bool>("leadingFirst");
    QTest::addColumn<qint64>("leadNs");
    QTest::addColumn<qint64>("otherNs");
    QTest::addColumn<bool>("mixed");
    const char* names[] = {"track", "core", "summary"};
    for (int where = 0; where < 3; ++where) {
        for (const bool first : {true, false}) {
            const QByteArray at = QByteArray(names[where]) + (first ? ", first" : ", second");
            QTest::newRow(at + ": exactly 60 %") << where << first << 60'000LL << 40'000LL << false;
            QTest::newRow(at + ": 1 ns under 60 %")
                << where << first << 59'999LL << 40'001LL << true;
            QTest::newRow(at + ": 75 %") << where << first << 75'000LL << 25'000LL << false;
            QTest::newRow(at + ": half") << where << first << 50'000LL << 50'000LL << true;
        }
    }
}

void TestChart::dominantShare() {
    QFETCH(int, where);
    QFETCH(bool, leadingFirst);
    QFETCH(qint64, leadNs);
    QFETCH(qint64, otherNs);
    QFETCH(bool, mixed);
    QCOMPARE(ColourTally::isDominant(leadNs, leadNs + otherNs), !mixed);

    // The leading colour: lock-held (not state 0) on track 0, or on a core row track 1.
    const bool core = where == 1;
    Trace trace;
    trace.tracks = {Track{10, 11, TrackKind::Thread, "a"}, Track{10, 12, TrackKind::Thread, "b"}};
    const auto lead = [&](std::int64_t b, std::int64_t e) {
        return core ? makeEvent(1, State::Running, b, e, 0, 0, 0)
                    : makeEvent(0, State::LockHeld, b, e);
    };
    const auto other = [&](std::int64_t b, std::int64_t e) {
        return makeEvent(0, State::Running, b, e, 0, 0, 0);
    };
    const std::int64_t split = leadingFirst ? leadNs : otherNs;
    trace.events.push_back(leadingFirst ? lead(0, split) : other(0, split));
    trace.events.push_back(leadingFirst ? other(split, leadNs + otherNs)
                                        : lead(split, leadNs + otherNs));
    trace.finalize();

    const GanttRows rows(trace, core ? GroupBy::Core : GroupBy::Worker);
    GanttLayoutOptions options = plainOptions();
    if (where == 2)
        options.collapsedPids = {10};
    const GanttLayout layout(rows, QSizeF(1000, 0), TimeRange{0, kS}, options);
    QCOMPARE(layout.rowData(0).kind, core         ? RowKind::Core
                                     : where == 2 ? RowKind::Summary
                                                  : RowKind::Track);
    QVERIFY(layout.nsPerPixel() > double(leadNs + otherNs));
    const auto items = layout.drawItems(0);
    QCOMPARE(items.size(), std::size_t(1));
    QCOMPARE(items[0].count, 2U);
    QCOMPARE(layout.hasMixed(), mixed);
    if (mixed) {
        QCOMPARE(items[0].fill, FillKind::Mixed);
    } else {
        QCOMPARE(items[0].fill, core ? FillKind::Track : FillKind::State);
        QCOMPARE(items[0].fillIndex, core ? 1U : std::uint32_t(State::LockHeld));
    }
}

void TestChart::foldingKeepsVisibleGaps() {
    // 200 slices of 10 µs, one every 5 ms, in 1 s over ~1000 px: each is its own mark.
    Trace trace;
    trace.tracks = {Track{1, 1, TrackKind::Thread, "worker 1"}};
    for (int i = 0; i < 200; ++i)
        trace.events.push_back(makeEvent(0, State::Running, i * 5 * kMs, i * 5 * kMs + 10'000, 1));
    trace.finalize();
    const GanttRows rows(trace, GroupBy::Worker);
    const GanttLayout layout(rows, QSizeF(1200, 0), TimeRange{0, kS}, plainOptions());
    const auto items = layout.drawItems(0);
    QCOMPARE(items.size(), std::size_t(200));
    for (const GanttDrawItem& item : items) {
        QCOMPARE(item.count, 1U);
        QCOMPARE(item.rect.width(), 1.0); // drawn at least one pixel wide
    }
}

void TestChart::culling_data() {
    QTest::addColumn<qint64>("fromMs");
    QTest::addColumn<qint64>("toMs");
    QTest::addColumn<int>("expected");
    QTest::newRow("all") << qint64(0) << qint64(1000) << 1000;
    QTest::newRow("500-600") << qint64(500) << qint64(600) << 100;
    QTest::newRow("mid-slice edges") << qint64(10) << qint64(20) << 10;
    QTest::newRow("half slices") << qint64(0) << qint64(1) << 1;
    QTest::newRow("past the end") << qint64(2000) << qint64(3000) << 0;
}

void TestChart::culling() {
    QFETCH(qint64, fromMs);
    QFETCH(qint64, toMs);
    QFETCH(int, expected);
    // 1000 slices of 1 ms, on 1 ms steps; wide enough at every zoom here not to fold.
    Trace trace;
    trace.tracks = {Track{1, 1, TrackKind::Thread, "worker 1"}};
    for (int i = 0; i < 1000; ++i)
        trace.events.push_back(makeEvent(0, i % 2 ? State::Running : State::Sleeping, i * kMs,
                                         (i + 1) * kMs, std::uint32_t(i + 1)));
    trace.finalize();
    const GanttRows rows(trace, GroupBy::Worker);
    const GanttLayout layout(rows, QSizeF(2400, 0), TimeRange{fromMs * kMs, toMs * kMs},
                             plainOptions());
    const auto items = layout.drawItems(0);
    QCOMPARE(int(items.size()), expected);
    for (const GanttDrawItem& item : items) {
        QCOMPARE(item.count, 1U);
        const TraceEvent& e = trace.events[item.event];
        QVERIFY(e.end_ns > fromMs * kMs && e.begin_ns < toMs * kMs);
        // Clipped to the plot, and where the mapping says.
        QVERIFY(item.rect.left() >= layout.plotRect().left() - 1e-9);
        QVERIFY(item.rect.right() <= layout.plotRect().right() + 1e-9);
        QCOMPARE(item.rect.left(),
                 layout.xForTime(std::max<std::int64_t>(e.begin_ns, fromMs * kMs)));
        QCOMPARE(State(item.fillIndex), e.state);
    }
}

void TestChart::lanePacking_data() {
    QTest::addColumn<QString>("spec"); // see asyncTrace()
    QTest::addColumn<int>("maxLanes");
    QTest::addColumn<QStringList>("lanes"); // the lane rows' names, top to bottom
    const auto names = [](const char* joined) {
        return QString::fromUtf8(joined).split(QLatin1Char('|'));
    };
    QTest::newRow("three overlapping: a lane each, in begin order")
        << QStringLiteral("A awaiting 0 2000; B awaiting 1 1000; C awaiting 2 3000") << 8
        << names("A|B|C");
    QTest::newRow("order is by first begin, not by name")
        << QStringLiteral("C queued 0 30; A queued 1 20; B queued 2 10") << 8 << names("C|A|B");
    QTest::newRow("one after another: one shared lane")
        << QStringLiteral("A queued 0 10; B queued 10 20; C queued 20 30") << 8
        << names("queued · 3 tasks");
    QTest::newRow("a freed lane is reused")
        << QStringLiteral("A queued 0 10; B queued 5 15; C queued 12 20") << 8
        << names("queued · 2 tasks|B");
    QTest::newRow("a lifeline is all its task's slices")
        << QStringLiteral("A queued 0 1; A running 1 2; A awaiting 2 50; A running 50 51;"
                          "B queued 1 2; B running 2 3; B awaiting 3 20; B running 20 21")
        << 8 << names("A|B");
    QTest::newRow("states differ in a shared lane")
        << QStringLiteral("A running 0 5; A awaiting 5 10; B queued 10 20") << 8
        << names("async · 2 tasks");
    QTest::newRow("task-less slices are lifelines of their own")
        << QStringLiteral("- queued 0 10; - queued 5 15") << 8 << names("queued|queued");
    QTest::newRow("a task overlapping itself takes a second lane")
        << QStringLiteral("A queued 0 10; A queued 5 15") << 8 << names("A|A");
    QTest::newRow("over the cap: exact lanes, then the rest")
        << QStringLiteral("T1 queued 0 10; T2 queued 0 20; T3 queued 0 30; T4 queued 0 40;"
                          "T5 queued 0 50")
        << 3 << names("T1|T2|+3 more queued");
    QTest::newRow("at the cap: no overflow")
        << QStringLiteral("T1 queued 0 10; T2 queued 0 20; T3 queued 0 30") << 3
        << names("T1|T2|T3");
    QTest::newRow("cap of one") << QStringLiteral("A queued 0 10; B queued 5 15") << 1
                                << names("+2 more queued");
}

void TestChart::lanePacking() {
    QFETCH(QString, spec);
    QFETCH(int, maxLanes);
    QFETCH(QStringList, lanes);
    const Trace trace = asyncTrace(spec);
    const GanttRows rows(trace, GroupBy::Worker, maxLanes);
    QCOMPARE(rowNames(rows), QStringList{QStringLiteral("event loop")} + lanes);
    QVERIFY(rows.hasAsyncSlices());
    QVERIFY(rows.row(0).kind == RowKind::Track);
    QVERIFY(rows.row(0).asyncSlices.events.empty()); // not in a band of the track's row
    std::vector<int> seen(trace.events.size(), 0);
    for (int r = 1; r < rows.size(); ++r) {
        const GanttRow& lane = rows.row(r);
        QVERIFY(lane.kind == RowKind::Lane);
        QCOMPARE(lane.parent, 0);
        QCOMPARE(lane.track, 0U);
        QVERIFY(lane.slices.events.empty());
        QCOMPARE(lane.overflow, lane.name.startsWith(QLatin1Char('+')));
        QCOMPARE(rows.hasOverflowLanes() && r + 1 == rows.size(), lane.overflow);
        std::int64_t lastBegin = std::numeric_limits<std::int64_t>::min();
        std::int64_t lastEnd = lastBegin;
        std::set<std::uint32_t> tasks;
        for (std::uint32_t i : lane.asyncSlices.events) {
            const TraceEvent& e = trace.events[i];
            ++seen[i];
            QVERIFY(e.begin_ns >= lastBegin); // in begin order, for the binary searches
            if (!lane.overflow)
                QVERIFY2(e.begin_ns >= lastEnd, "slices in one exact lane overlap");
            lastBegin = e.begin_ns;
            lastEnd = std::max(lastEnd, e.end_ns);
            tasks.insert(e.task);
        }
        if (!lane.overflow)
            QVERIFY(lane.asyncSlices.endsSorted); // so the visible ones are found by end too
        // Named after its task when it holds one task's lifeline.
        if (lane.units == 1 && *tasks.begin() != 0)
            QCOMPARE(lane.task, *tasks.begin());
        else
            QCOMPARE(lane.task, 0U);
    }
    for (std::size_t i = 0; i < seen.size(); ++i)
        QCOMPARE(seen[i], 1); // every async slice in exactly one lane
}

void TestChart::laneBudget_data() {
    QTest::addColumn<int>("tracks");
    QTest::addColumn<int>("lanesEach"); // with 20 queued tasks overlapping on every track
    QTest::newRow("1 track") << 1 << kDefaultMaxLanes;
    QTest::newRow("2 tracks") << 2 << kDefaultMaxLanes;
    QTest::newRow("4 tracks") << 4 << kLaneBudget / 4;
    QTest::newRow("6 tracks") << 6 << kLaneBudget / 6;
    QTest::newRow("12 tracks: two exact and the rest") << 12 << 3;
    QTest::newRow("30 tracks: never fewer") << 30 << 3;
}

void TestChart::laneBudget() {
    QFETCH(int, tracks);
    QFETCH(int, lanesEach);
    Trace trace;
    for (int t = 0; t < tracks; ++t) {
        trace.tracks.push_back(Track{1, t, TrackKind::Thread, "worker " + std::to_string(t + 1)});
        for (int k = 0; k < 20; ++k)
            trace.events.push_back(makeEvent(std::uint32_t(t), State::Queued, 0, (k + 1) * kMs,
                                             std::uint32_t(t * 100 + k + 1), 0, -1,
                                             EventType::AsyncSlice));
    }
    trace.finalize();
    const GanttRows rows(trace, GroupBy::Worker);
    QCOMPARE(rows.size(), tracks * (1 + lanesEach));
    for (int t = 0; t < tracks; ++t) {
        const int r = rows.rowOfTrack(std::uint32_t(t));
        QCOMPARE(r, t * (1 + lanesEach));
        const GanttRow& overflow = rows.row(r + lanesEach);
        QVERIFY(overflow.overflow);
        QCOMPARE(overflow.units, std::uint32_t(20 - (lanesEach - 1)));
    }
    // Small cases are left alone: three tasks on each of 30 tracks keep a lane each.
    Trace few;
    for (int t = 0; t < 30; ++t) {
        few.tracks.push_back(Track{1, t, TrackKind::Thread, "w"});
        for (int k = 0; k < 3; ++k)
            few.events.push_back(makeEvent(std::uint32_t(t), State::Queued, 0, (k + 1) * kMs,
                                           std::uint32_t(t * 10 + k + 1), 0, -1,
                                           EventType::AsyncSlice));
    }
    few.finalize();
    const GanttRows fewRows(few, GroupBy::Worker);
    QCOMPARE(fewRows.size(), 30 * 4);
    QVERIFY(!fewRows.hasOverflowLanes());
}

void TestChart::gatherLifelines() {
    // Issue 4: one event-loop row with short steps, and three task lifelines overlapping.
    const Trace trace = gatherTrace();
    const GanttRows rows(trace, GroupBy::Worker);
    QCOMPARE(rowNames(rows), (QStringList{QStringLiteral("event loop"), QStringLiteral("Task-1"),
                                          QStringLiteral("Task A"), QStringLiteral("Task B"),
                                          QStringLiteral("Task C")}));
    for (int r = 1; r <= 4; ++r) {
        QVERIFY(rows.row(r).kind == RowKind::Lane);
        QCOMPARE(rows.row(r).parent, 0);
        QCOMPARE(rows.row(r).task, std::uint32_t(r)); // Task-1 = 1, A = 2, ...
    }
    QCOMPARE(rows.rowOfTrack(0), 0);

    const GanttLayout layout(rows, QSizeF(1200, 0), GanttLayout::fullRange(trace));
    const QFontMetricsF fm(layout.options().font);
    QCOMPARE(layout.rowCount(), 5);
    // Rows stack without gaps; lanes are thinner than the track's row but fit their names.
    QVERIFY(layout.laneHeight() < layout.rowHeight());
    QVERIFY(layout.laneHeight() >= fm.height());
    QCOMPARE(layout.row(0).rect.top(), layout.plotRect().top());
    QCOMPARE(layout.row(0).rect.height(), layout.rowHeight());
    for (int r = 1; r < 5; ++r) {
        const GanttRowGeometry& g = layout.row(r);
        QCOMPARE(g.rect.top(), layout.row(r - 1).rect.bottom());
        QCOMPARE(g.rect.height(), layout.laneHeight());
        QCOMPARE(g.shaded, layout.row(0).shaded);                     // one group with their track
        QVERIFY(g.labelRect.left() > layout.row(0).labelRect.left()); // indented
        QVERIFY(layout.labelColumn().contains(g.labelRect));
        QVERIFY(fm.horizontalAdvance(rows.row(r).name) <= g.labelRect.width());
        QVERIFY(g.rect.contains(g.sliceLane));
    }
    QVERIFY(layout.row(4).rect.bottom() <= layout.plotRect().bottom() + 1e-9);
    for (int r = 0; r < 5; ++r) {
        const QRectF rect = layout.rowRect(r);
        QCOMPARE(layout.rowAt(rect.top()), r);
        QCOMPARE(layout.rowAt(rect.center().y()), r);
        QCOMPARE(layout.rowAt(rect.bottom() - 0.01), r);
    }
    QCOMPARE(layout.rowAt(layout.row(4).rect.bottom() + 0.01), -1);
    QCOMPARE(layout.rowAt(layout.plotRect().top() - 1), -1);

    // Half a second in, A, B and C all wait at once, each on its own row.
    const auto taskAt = [&](int row, std::int64_t ms) -> std::pair<std::uint32_t, State> {
        const auto hit = layout.eventAt(QPointF(layout.xForTime(trace.beginNs() + ms * kMs),
                                                layout.row(row).sliceLane.center().y()));
        if (!hit)
            return {0, State::Idle};
        return {trace.events[*hit].task, trace.events[*hit].state};
    };
    for (int r = 1; r <= 4; ++r)
        QCOMPARE(taskAt(r, 500), std::make_pair(std::uint32_t(r), State::Awaiting));
    // B is done after 1 s, A after 2 s; C and the gathering Task-1 wait to the end.
    QCOMPARE(taskAt(3, 1500).first, 0U);
    QCOMPARE(taskAt(2, 1500), std::make_pair(2U, State::Awaiting));
    QCOMPARE(taskAt(2, 2500).first, 0U);
    QCOMPARE(taskAt(4, 2500), std::make_pair(4U, State::Awaiting));
    QCOMPARE(taskAt(1, 2999), std::make_pair(1U, State::Awaiting));

    // The loop's row holds only its short steps; each lane's rects lie inside that lane.
    for (const GanttDrawItem& item : layout.drawItems(0)) {
        if (item.kind == DrawKind::Instant)
            continue;
        QVERIFY(item.kind == DrawKind::Slice);
        QCOMPARE(State(item.fillIndex), State::Running);
        QVERIFY(item.rect.width() <= 2);
    }
    double awaitingWidth = 0;
    for (int r = 1; r <= 4; ++r) {
        const QRectF lane = layout.row(r).sliceLane;
        for (const GanttDrawItem& item : layout.drawItems(r)) {
            QVERIFY(item.kind == DrawKind::Async);
            QVERIFY(item.rect.top() >= lane.top() && item.rect.bottom() <= lane.bottom());
            if (item.fill == FillKind::State && State(item.fillIndex) == State::Awaiting)
                awaitingWidth += item.rect.width();
        }
    }
    // Awaiting fills 3 + 2 + 1 + 3 seconds of lane over a 3 s plot: 3 plot widths.
    QVERIFY(std::abs(awaitingWidth - 3 * layout.plotRect().width()) < 10);

    // The legend says what the colours and the indented rows are.
    QStringList legend;
    for (const GanttLegendEntry& e : layout.legend())
        legend << e.text;
    for (const char* s : {"running", "queued", "awaiting", "printed line"})
        QVERIFY2(legend.contains(QLatin1String(s)), s);
    QCOMPARE(legend.filter(QStringLiteral("indented rows")).size(), 1);
    QVERIFY(legend.filter(QStringLiteral("more")).isEmpty()); // no overflow lane here

    // Painted: A, B and C's rows show the awaiting colour at 0.5 s, the loop's row does not.
    ChartOptions options;
    options.size = QSize(1200, 0);
    options.groupBy = GroupBy::Worker;
    options.pixelRatio = 1;
    const QImage image = ChartExporter::renderImage(trace, options);
    QCOMPARE(image.size(), layout.size().toSize());
    const ChartStyle style = ChartStyle::light();
    const int x = int(layout.xForTime(trace.beginNs() + 500 * kMs));
    for (int r = 1; r <= 4; ++r)
        QVERIFY(sameColour(image.pixelColor(x, int(layout.row(r).sliceLane.center().y())),
                           style.stateColour(State::Awaiting)));
    QVERIFY(!sameColour(image.pixelColor(x, int(layout.row(0).sliceLane.center().y())),
                        style.stateColour(State::Awaiting)));
}

void TestChart::lanesShareAFixedHeight() {
    const Trace trace = gatherTrace();
    const GanttRows rows(trace, GroupBy::Worker);
    const GanttLayout natural(rows, QSizeF(1000, 0), GanttLayout::fullRange(trace));
    const double text = std::ceil(QFontMetricsF(natural.options().font).height());
    // From squeezed (every row alike) through lanes that keep a line of text to roomy.
    const double chrome = natural.size().height() - natural.plotRect().height();
    for (double plot : {40.0, 5 * text, 5.5 * text, 6 * text, 8 * text, 400.0}) {
        const double height = std::round(chrome + plot);
        const GanttLayout layout(rows, QSizeF(1000, height), GanttLayout::fullRange(trace));
        QCOMPARE(layout.size().height(), height);
        QVERIFY(layout.laneHeight() <= layout.rowHeight());
        if (layout.rowHeight() >= text)
            QVERIFY2(layout.laneHeight() >= text, qPrintable(QString::number(plot)));
        double sum = 0;
        for (int r = 0; r < layout.rowCount(); ++r) {
            const GanttRowGeometry& g = layout.row(r);
            QCOMPARE(g.rect.height(), r == 0 ? layout.rowHeight() : layout.laneHeight());
            if (r > 0)
                QCOMPARE(g.rect.top(), layout.row(r - 1).rect.bottom());
            sum += g.rect.height();
        }
        QVERIFY(sum <= layout.plotRect().height() + 1);
        QVERIFY(layout.axisRect().top() >= layout.row(layout.rowCount() - 1).rect.bottom() - 1);
        if (height >= natural.size().height())
            QVERIFY(layout.rowHeight() >= natural.rowHeight()); // room to spare: not squeezed
        else
            QVERIFY(layout.rowHeight() < natural.rowHeight());
    }
}

void TestChart::millionAsyncSlices() {
    // A pool's queue: a million tasks submitted at once to two workers, each waiting its turn
    // (queued) on the worker that runs it. The waits all overlap: exact lanes up to the cap,
    // then one overflow lane, and the draw list stays a few rects per pixel column.
    constexpr int kTasks = 1'000'000;
    Trace trace;
    trace.tracks = {Track{1, 1, TrackKind::Thread, "worker 1"},
                    Track{1, 2, TrackKind::Thread, "worker 2"}};
    trace.events.reserve(std::size_t(kTasks));
    for (int i = 0; i < kTasks; ++i) {
        const std::int64_t submitted = std::int64_t(i) * 100;
        const std::int64_t started = std::int64_t(i / 2 + 1) * 20'000;
        trace.events.push_back(makeEvent(std::uint32_t(i % 2), State::Queued, submitted, started,
                                         std::uint32_t(i + 1), 0, -1, EventType::AsyncSlice));
    }
    trace.finalize();
    // CPU time, not wall time: this machine's other jobs should not show in the figure.
    const auto cpuMs = [] { return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC; };
    double since = cpuMs();
    const GanttRows rows(trace, GroupBy::Worker);
    const double rowsMs = cpuMs() - since;
    QCOMPARE(rows.size(), 2 * (1 + kDefaultMaxLanes));
    QVERIFY(rows.hasOverflowLanes());
    std::size_t total = 0;
    for (const GanttRow& row : rows.rows()) {
        total += row.asyncSlices.events.size();
        if (row.kind != RowKind::Lane || row.overflow)
            continue;
        // An exact lane is reused once its wait ends, and never holds two at once.
        QVERIFY(row.asyncSlices.endsSorted);
        for (std::size_t k = 1; k < row.asyncSlices.events.size(); ++k)
            QVERIFY(trace.events[row.asyncSlices.events[k]].begin_ns >=
                    trace.events[row.asyncSlices.events[k - 1]].end_ns);
    }
    QCOMPARE(total, std::size_t(kTasks));
    std::uint32_t units = 0;
    for (int r = 1; r <= kDefaultMaxLanes; ++r)
        units += rows.row(r).units;
    QCOMPARE(units, std::uint32_t(kTasks / 2)); // a task each, all counted
    const GanttRow& overflow = rows.row(kDefaultMaxLanes);
    QVERIFY(overflow.overflow);
    QCOMPARE(overflow.name, QStringLiteral("+%1 more queued").arg(overflow.units));

    since = cpuMs();
    const GanttLayout layout(rows, QSizeF(1400, 0), GanttLayout::fullRange(trace));
    const double layoutMs = cpuMs() - since;
    qInfo("CPU time for %d async slices: GanttRows %.0f ms (once per trace), GanttLayout %.0f ms "
          "(per zoom)",
          kTasks, rowsMs, layoutMs);
    QVERIFY(layout.drawItemCount() <=
            std::size_t(layout.rowCount()) * 2 * std::size_t(layout.plotRect().width()));
    QStringList legend;
    for (const GanttLegendEntry& e : layout.legend())
        legend << e.text;
    QCOMPARE(legend.filter(QStringLiteral("+N more")).size(), 1);
    QImage image(layout.size().toSize(), QImage::Format_ARGB32);
    QPainter painter(&image);
    GanttPainter().paint(painter, layout);
}

void TestChart::naturalHeightAndLabels() {
    Trace trace = smallTrace();
    trace.tracks[2].name = "worker 2 (pid 4711) with a long name";
    trace.tracks[3].name = "이벤트 루프";
    const GanttRows rows(trace, GroupBy::Worker);
    const GanttLayout layout(rows, QSizeF(1200, 0), GanttLayout::fullRange(trace));
    const QFontMetricsF fm(layout.options().font);
    for (int r = 0; r < layout.rowCount(); ++r)
        QVERIFY2(fm.horizontalAdvance(rows.row(r).name) <= layout.row(r).labelRect.width() + 0.5,
                 qPrintable(rows.row(r).name));
    QVERIFY(layout.plotRect().left() >= layout.labelColumn().right());
    QVERIFY(layout.axisRect().top() >= layout.plotRect().bottom());
    QVERIFY(layout.legendRect().top() >= layout.axisRect().bottom());
    QVERIFY(layout.size().height() >= layout.legendRect().bottom());
    QVERIFY(layout.rowHeight() >= fm.height());

    // More rows, taller chart; a fixed height shares itself out.
    const GanttRows both(trace, GroupBy::Both);
    const GanttLayout taller(both, QSizeF(1200, 0), GanttLayout::fullRange(trace));
    QCOMPARE(taller.rowHeight(), layout.rowHeight());
    QVERIFY(taller.size().height() > layout.size().height());
    const GanttLayout fitted(both, QSizeF(1200, 200), GanttLayout::fullRange(trace));
    QCOMPARE(fitted.size().height(), 200.0);
    QVERIFY(fitted.legendRect().bottom() <= 200);
    QVERIFY(fitted.rowHeight() < taller.rowHeight());

    // The title takes a line above the rows.
    GanttLayoutOptions titled;
    titled.title = QStringLiteral("pool-map: Pool(4).map(square, [1..5])");
    const GanttLayout withTitle(rows, QSizeF(1200, 0), GanttLayout::fullRange(trace), titled);
    QVERIFY(withTitle.titleRect().height() > 0);
    QVERIFY(withTitle.plotRect().top() >= withTitle.titleRect().bottom());
    QVERIFY(layout.titleRect().isNull());

    // A window may pass a font sized in points; the title scales with it, without warnings.
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    GanttLayoutOptions points;
    points.font = QFont(QStringLiteral("sans-serif"), 10);
    points.title = titled.title;
    const GanttLayout pointLayout(rows, QSizeF(1200, 0), GanttLayout::fullRange(trace), points);
    QVERIFY(pointLayout.titleRect().height() > QFontMetricsF(points.font).height());
    QImage image(pointLayout.size().toSize(), QImage::Format_ARGB32);
    QPainter painter(&image);
    GanttPainter().paint(painter, pointLayout);
}

void TestChart::legendExplainsWhatAppears() {
    const Trace trace = smallTrace();
    auto texts = [&](GroupBy groupBy) {
        const GanttRows rows(trace, groupBy);
        const GanttLayout layout(rows, QSizeF(1200, 0), GanttLayout::fullRange(trace));
        QStringList out;
        for (const GanttLegendEntry& e : layout.legend()) {
            out << e.text;
            // Every entry but a note has a swatch, and all lie inside the legend's rect.
            if (e.kind != GanttLegendEntry::Kind::Note &&
                (e.swatch.isNull() || !layout.legendRect().contains(e.swatch)))
                out << QStringLiteral("BAD SWATCH");
            if (!layout.legendRect().contains(e.textRect))
                out << QStringLiteral("BAD TEXT");
        }
        return out;
    };
    const QStringList worker = texts(GroupBy::Worker);
    QVERIFY(!worker.contains(QStringLiteral("BAD SWATCH")) &&
            !worker.contains(QStringLiteral("BAD TEXT")));
    for (const char* s : {"running", "queued", "sleeping", "awaiting", "gil-wait"})
        QVERIFY2(worker.contains(QLatin1String(s)), s);
    for (const char* s : {"lock-wait", "lock-held", "spawning", "idle"})
        QVERIFY2(!worker.contains(QLatin1String(s)), s); // only what appears
    QVERIFY(worker.filter(QStringLiteral("GIL is a model")).size() == 1);
    QVERIFY(worker.filter(QStringLiteral("core rows")).isEmpty());

    const QStringList both = texts(GroupBy::Both);
    QVERIFY(both.contains(QStringLiteral("running")));
    QCOMPARE(both.filter(QStringLiteral("core rows: colour = worker")).size(), 1);

    // Core rows alone: the legend names the workers by their colours.
    const QStringList core = texts(GroupBy::Core);
    QVERIFY(core.contains(QStringLiteral("worker 1")));
    QVERIFY(!core.contains(QStringLiteral("running")));

    // Without gil-wait, no GIL note.
    Trace noGil = smallTrace();
    for (TraceEvent& e : noGil.events)
        if (e.state == State::GilWait)
            e.state = State::Running;
    const GanttRows rows(noGil, GroupBy::Worker);
    const GanttLayout layout(rows, QSizeF(1200, 0), GanttLayout::fullRange(noGil));
    for (const GanttLegendEntry& e : layout.legend())
        QVERIFY(!e.text.contains(QStringLiteral("GIL")));
}

void TestChart::counterLine() {
    Trace trace = smallTrace();
    // A shared value on the main row: 1 at 20 ms, 2 at 50 ms, 4 at 80 ms.
    const std::uint32_t label = trace.intern("counter.value");
    for (auto [at, v] : {std::pair{20, 1.0}, {50, 2.0}, {80, 4.0}}) {
        TraceEvent c =
            makeEvent(0, State::Running, at * kMs, at * kMs, 0, label, -1, EventType::Counter);
        c.value = v;
        trace.events.push_back(c);
    }
    trace.finalize();
    const GanttRows rows(trace, GroupBy::Worker);
    const GanttLayout layout(rows, QSizeF(1000, 0), TimeRange{0, 100 * kMs});
    const GanttRowGeometry& g = layout.row(0);
    const QPolygonF& line = g.counterLine;
    QVERIFY(!line.isEmpty());
    QVERIFY(layout.row(1).counterLine.isEmpty()); // no counters there
    // From the left edge at 0, a step at every sample, to the right edge at the last value.
    QCOMPARE(line.first().x(), layout.plotRect().left());
    QCOMPARE(line.last().x(), layout.plotRect().right());
    const QRectF lane = g.sliceLane.adjusted(0, 2, 0, -2);
    QCOMPARE(line.first().y(), lane.bottom());
    QCOMPARE(line.last().y(), lane.top()); // 4 is the largest sample
    QCOMPARE(line.size(), 2 + 3 * 2);
    QCOMPARE(line[3].x(), layout.xForTime(50 * kMs));
    QCOMPARE(line[3].y(), lane.bottom() - lane.height() * 0.25); // 1 of 4 until 50 ms
    QCOMPARE(g.counterText, QStringLiteral("4 (max 4)"));
    // Zoomed to after the last change: a flat line at the value in force.
    const GanttLayout late(rows, QSizeF(1000, 0), TimeRange{90 * kMs, 100 * kMs});
    QCOMPARE(late.row(0).counterLine.size(), 2);
    QCOMPARE(late.row(0).counterLine.first().y(), lane.top());
}

void TestChart::flows() {
    Trace trace = smallTrace();
    for (int k = 0; k < 2; ++k) {
        TraceEvent s = makeEvent(0, State::Running, (1 + k) * kMs, (1 + k) * kMs, 1, 0, -1,
                                 EventType::FlowStart);
        TraceEvent e = makeEvent(1 + k, State::Running, (10 + 10 * k) * kMs, (10 + 10 * k) * kMs, 1,
                                 0, -1, EventType::FlowEnd);
        s.value = e.value = 7 + k;
        trace.events.push_back(s);
        trace.events.push_back(e);
    }
    trace.finalize();
    const GanttRows rows(trace, GroupBy::Worker);
    QCOMPARE(rows.flows().size(), std::size_t(2));
    const GanttLayout layout(rows, QSizeF(1000, 0), TimeRange{0, 100 * kMs});
    QCOMPARE(layout.flowLines().size(), std::size_t(2));
    const QLineF first = layout.flowLines().front();
    QCOMPARE(first.x1(), layout.xForTime(kMs));
    // From track row to track row (not to the lane rows under them).
    QCOMPARE(first.y1(), layout.row(rows.rowOfTrack(0)).sliceLane.center().y());
    QCOMPARE(first.y2(), layout.row(rows.rowOfTrack(1)).sliceLane.center().y());
    QCOMPARE(layout.hiddenFlows(), 0);

    GanttLayoutOptions few;
    few.maxFlows = 1;
    const GanttLayout crowded(rows, QSizeF(1000, 0), TimeRange{0, 100 * kMs}, few);
    QVERIFY(crowded.flowLines().empty());
    QCOMPARE(crowded.hiddenFlows(), 2);
    // Out of view: neither drawn nor counted.
    const GanttLayout later(rows, QSizeF(1000, 0), TimeRange{50 * kMs, 100 * kMs});
    QVERIFY(later.flowLines().empty());
    QCOMPARE(later.hiddenFlows(), 0);
}

void TestChart::paintedImageHasStateColours() {
    const Trace trace = smallTrace();
    ChartOptions options;
    options.size = QSize(1000, 0);
    options.groupBy = GroupBy::Worker;
    options.pixelRatio = 1;
    const QImage image = ChartExporter::renderImage(trace, options);
    QVERIFY(!image.isNull());
    const ChartStyle style = ChartStyle::light();
    // Recompute the layout the exporter used, and look where the slices must be.
    const GanttRows rows(trace, GroupBy::Worker);
    GanttLayoutOptions lo;
    const GanttLayout layout(rows, QSizeF(1000, 0), GanttLayout::fullRange(trace), lo);
    QCOMPARE(image.size(), layout.size().toSize());
    const auto pixelAt = [&](int row, std::int64_t t) {
        return image.pixelColor(int(layout.xForTime(t)),
                                int(layout.row(row).sliceLane.center().y()));
    };
    const auto trackAt = [&](std::uint32_t track, std::int64_t t) {
        return pixelAt(rows.rowOfTrack(track), t);
    };
    // (away from the labels drawn at the left of wide slices)
    QVERIFY(sameColour(trackAt(1, 35 * kMs), style.stateColour(State::Running)));
    QVERIFY(sameColour(trackAt(1, 49 * kMs), style.stateColour(State::GilWait)));
    QVERIFY(sameColour(trackAt(2, 60 * kMs), style.stateColour(State::Sleeping)));
    QVERIFY(sameColour(trackAt(3, 95 * kMs), style.stateColour(State::Awaiting)));
    // main's queued task in its lane row, in the legend's colour for queued.
    QVERIFY(
        sameColour(pixelAt(rows.rowOfTrack(0) + 1, 30 * kMs), style.stateColour(State::Queued)));
    // The gap on worker 1 shows the row background, no slice.
    const QColor gap = trackAt(1, 55 * kMs);
    QVERIFY(sameColour(gap, style.alternateRow) || sameColour(gap, style.background));
    QVERIFY(countColour(image, style.stateColour(State::Running)) > 1000);
}

void TestChart::highlightDimsOtherTasks() {
    const Trace trace = smallTrace();
    ChartOptions options;
    options.size = QSize(1000, 0);
    options.groupBy = GroupBy::Worker;
    options.pixelRatio = 1;
    options.highlightTask = 2;
    const QImage image = ChartExporter::renderImage(trace, options);
    const GanttRows rows(trace, GroupBy::Worker);
    const GanttLayout layout(rows, QSizeF(1000, 0), GanttLayout::fullRange(trace));
    const ChartStyle style = ChartStyle::light();
    const int y = int(layout.row(rows.rowOfTrack(1)).sliceLane.center().y());
    const QColor running = style.stateColour(State::Running);
    QVERIFY(sameColour(image.pixelColor(int(layout.xForTime(75 * kMs)), y), running)); // task 2
    QVERIFY(sameColour(image.pixelColor(int(layout.xForTime(25 * kMs)), y), style.dimmed(running)));
    // Task 2's wait in main's queue, in its lane row: lit too.
    const int laneY = int(layout.row(rows.rowOfTrack(0) + 1).sliceLane.center().y());
    QVERIFY(sameColour(image.pixelColor(int(layout.xForTime(30 * kMs)), laneY),
                       style.stateColour(State::Queued)));
}

void TestChart::exportFormats_data() {
    QTest::addColumn<QString>("suffix");
    QTest::newRow("png") << QStringLiteral("png");
    QTest::newRow("PNG upper case") << QStringLiteral("PNG");
    QTest::newRow("svg") << QStringLiteral("svg");
    QTest::newRow("pdf") << QStringLiteral("pdf");
}

void TestChart::exportFormats() {
    QFETCH(QString, suffix);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("chart.") + suffix);
    const Trace trace = sampleTrace();
    ChartOptions options;
    options.title = QStringLiteral("shared-value: 최종 값: 5");
    const SaveResult saved = ChartExporter::exportChart(trace, path, options);
    QVERIFY2(saved, qPrintable(saved.errorText()));
    QVERIFY(saved.errorText().isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QVERIFY(data.size() > 1000);
    const QString kind = suffix.toLower();
    if (kind == QLatin1String("png")) {
        QImage image;
        QVERIFY(image.loadFromData(data, "PNG"));
        QCOMPARE(image.width(), 2800); // 1400 logical px at devicePixelRatio 2
        QVERIFY(image.height() > 200);
        const ChartStyle style = ChartStyle::light();
        QCOMPARE(image.pixelColor(1, 1), QColor(Qt::white));
        QVERIFY(countColour(image, style.stateColour(State::Running)) > 2000);
        QVERIFY(countColour(image, style.stateColour(State::GilWait)) > 2000);
    } else if (kind == QLatin1String("svg")) {
        QXmlStreamReader xml(data);
        int rects = 0;
        int texts = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("rect"))
                ++rects;
            if (xml.isStartElement() && xml.name() == QLatin1String("text"))
                ++texts;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(data.contains("<rect"));
        QVERIFY2(rects > 50, qPrintable(QString::number(rects)));
        QVERIFY(texts > 5);
        QVERIFY(data.contains("worker 3 (pid 4711)"));
        QVERIFY(QString::fromUtf8(data).contains(QStringLiteral("최종 값")));
    } else {
        QVERIFY(data.startsWith("%PDF"));
        QVERIFY(data.contains("%%EOF"));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left over
}

void TestChart::exportRejectsUnknownFormat_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::newRow(".xyz") << QStringLiteral("chart.xyz")
                          << QStringLiteral(
                                 "unsupported chart format '.xyz' (use .png, .svg or .pdf)");
    QTest::newRow(".jpg") << QStringLiteral("chart.jpg")
                          << QStringLiteral(
                                 "unsupported chart format '.jpg' (use .png, .svg or .pdf)");
}

void TestChart::exportRejectsUnknownFormat() {
    QFETCH(QString, name);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    SaveResult saved = ChartExporter::exportChart(smallTrace(), path, ChartOptions{});
    QVERIFY(!saved);
    QCOMPARE(saved.errorText(), message);
    QVERIFY(!QFile::exists(path));

    // No extension at all: the same advice.
    const QString bare = dir.filePath(QStringLiteral("chart"));
    saved = ChartExporter::exportChart(smallTrace(), bare, ChartOptions{});
    QVERIFY(!saved);
    QCOMPARE(saved.errorText(),
             QStringLiteral("no chart format in '%1' (use .png, .svg or .pdf)").arg(bare));

    // An unwritable place fails with the path in the message and leaves nothing.
    const QString bad = dir.filePath(QStringLiteral("missing/dir/chart.png"));
    saved = ChartExporter::exportChart(smallTrace(), bad, ChartOptions{});
    QVERIFY(!saved);
    QVERIFY2(
        saved.errorText().startsWith(QStringLiteral("cannot write '") + bad + QLatin1Char('\'')),
        qPrintable(saved.errorText()));
}

void TestChart::emptyTrace() {
    const Trace trace;
    const GanttRows rows(trace, GroupBy::Both);
    QCOMPARE(rows.size(), 0);
    const GanttLayout layout(rows, QSizeF(800, 0), GanttLayout::fullRange(trace));
    QVERIFY(!layout.emptyMessage().isEmpty());
    QVERIFY(layout.size().height() > 0);
    QVERIFY(!layout.eventAt(layout.plotRect().center()));
    ChartOptions options;
    options.pixelRatio = 1;
    QVERIFY(!ChartExporter::renderImage(trace, options).isNull());

    // No CPU numbers (an imported trace): core grouping says what to do instead.
    Trace noCpu = smallTrace();
    for (TraceEvent& e : noCpu.events)
        e.cpu = -1;
    noCpu.finalize();
    const GanttRows coreRows(noCpu, GroupBy::Core);
    const GanttLayout coreLayout(coreRows, QSizeF(800, 0), GanttLayout::fullRange(noCpu));
    QVERIFY(coreLayout.emptyMessage().contains(QStringLiteral("group by worker")));
}

void TestChart::millionSlices() {
    // A speed target belongs in tests/bench; here the level of detail is checked to bound the
    // work a paint does, whatever the trace size.
    const Trace trace = denseTrace(1'000'000, 10 * kS, 3);
    const GanttRows rows(trace, GroupBy::Worker);
    GanttLayout layout;
    QImage image(1400, 200, QImage::Format_ARGB32);
    QBENCHMARK {
        layout = GanttLayout(rows, QSizeF(1400, 200), GanttLayout::fullRange(trace));
        QPainter painter(&image);
        GanttPainter().paint(painter, layout);
    }
    QVERIFY(layout.drawItemCount() <= 2 * std::size_t(layout.plotRect().width()));
    // Zoomed to 1/1000 of the run: only the thousand slices in view are touched.
    const TimeRange zoom{5 * kS, 5 * kS + 10 * kMs};
    const GanttLayout zoomed(rows, QSizeF(1400, 200), zoom);
    QCOMPARE(zoomed.drawItemCount(), std::size_t(1000));
}

void TestChart::sampleChart() {
    const QString path = qEnvironmentVariable("TASKLANE_SAMPLE_PNG");
    if (path.isEmpty())
        QSKIP("set TASKLANE_SAMPLE_PNG=/path/chart.png to write the sample chart");
    ChartOptions options;
    options.title =
        QStringLiteral("thread-pool: ThreadPoolExecutor(3).map(square, [1..3]) · 최종 값");
    // For looking at the other variants by eye.
    options.dark = qEnvironmentVariableIntValue("TASKLANE_SAMPLE_DARK") != 0;
    if (const auto group = groupByFromName(qEnvironmentVariable("TASKLANE_SAMPLE_GROUP_BY")))
        options.groupBy = *group;
    const SaveResult saved = ChartExporter::exportChart(sampleTrace(), path, options);
    QVERIFY2(saved, qPrintable(saved.errorText()));
}

// --- Zoom maths and history -----------------------------------------------------------------

void TestChart::clampToRange_data() {
    QTest::addColumn<qint64>("begin");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<qint64>("wantBegin");
    QTest::addColumn<qint64>("wantEnd");
    // The trace: [1000 s, 1010 s); the least span 1 µs.
    const qint64 b = 1000 * kS;
    QTest::newRow("inside stays") << b + kS << b + 2 * kS << b + kS << b + 2 * kS;
    QTest::newRow("left of the trace shifts right") << b - 3 * kS << b - kS << b << b + 2 * kS;
    QTest::newRow("past the end shifts left")
        << b + 9 * kS << b + 12 * kS << b + 7 * kS << b + 10 * kS;
    QTest::newRow("wider than the trace is the trace") << b - kS << b + 20 * kS << b << b + 10 * kS;
    QTest::newRow("under 1 µs grows to 1 µs") << b + kS << b + kS + 10 << b + kS << b + kS + 1000;
    QTest::newRow("empty grows to 1 µs") << b + kS << b + kS << b + kS << b + kS + 1000;
    QTest::newRow("1 µs at the very end")
        << b + 10 * kS - 10 << b + 10 * kS << b + 10 * kS - 1000 << b + 10 * kS;
}

void TestChart::clampToRange() {
    QFETCH(qint64, begin);
    QFETCH(qint64, end);
    QFETCH(qint64, wantBegin);
    QFETCH(qint64, wantEnd);
    const TimeRange full{1000 * kS, 1010 * kS};
    QCOMPARE(tasklane::clampToRange(TimeRange{begin, end}, full), (TimeRange{wantBegin, wantEnd}));
    // A trace shorter than the least span is shown whole.
    const TimeRange tiny{5, 105};
    QCOMPARE(tasklane::clampToRange(TimeRange{50, 60}, tiny), tiny);
}

void TestChart::zoomKeepsTheTimeUnderTheCursor_data() {
    QTest::addColumn<double>("share"); // where the cursor is, across the plot
    QTest::addColumn<double>("factor");
    QTest::newRow("in at the centre") << 0.5 << 0.85;
    QTest::newRow("in at the left edge") << 0.0 << 0.5;
    QTest::newRow("in at the right edge") << 1.0 << 0.5;
    QTest::newRow("in near the left, hard") << 0.1 << 0.01;
    QTest::newRow("in off-centre, a wheel notch") << 0.73 << 0.85;
    QTest::newRow("out at the centre") << 0.5 << 1.5;
    QTest::newRow("out off-centre") << 0.3 << 1.2;
}

void TestChart::zoomKeepsTheTimeUnderTheCursor() {
    QFETCH(double, share);
    QFETCH(double, factor);
    // Far from zero, as CLOCK_MONOTONIC is: doubles alone would lose the nanoseconds.
    const TimeRange full{5'000 * kS, 5'010 * kS};
    const TimeRange visible{5'003 * kS, 5'005 * kS};
    const std::int64_t anchor = visible.begin_ns + std::llround(double(visible.span()) * share);
    const TimeRange zoomed = zoomAround(visible, anchor, factor, full);
    QCOMPARE(zoomed.span(), std::llround(double(visible.span()) * factor));
    // The anchor is at the same share of the plot, to the nanosecond.
    QVERIFY2(
        std::abs((anchor - zoomed.begin_ns) - std::llround(double(zoomed.span()) * share)) <= 1,
        qPrintable(
            QStringLiteral("anchor at %1 of %2").arg(anchor - zoomed.begin_ns).arg(zoomed.span())));
    // And so at the same pixel of a layout of either range.
    const Trace trace = denseTrace(10, 10 * kS, 0);
    Trace shifted = trace;
    for (TraceEvent& e : shifted.events) {
        e.begin_ns += full.begin_ns;
        e.end_ns += full.begin_ns;
    }
    shifted.finalize();
    const GanttRows rows(shifted, GroupBy::Worker);
    const GanttLayout before(rows, QSizeF(1200, 200), visible);
    const GanttLayout after(rows, QSizeF(1200, 200), zoomed);
    QVERIFY(std::abs(before.xForTime(anchor) - after.xForTime(anchor)) < 0.01);

    // Through the state object: the same.
    ZoomState state;
    state.reset(full);
    QVERIFY(state.setVisibleRange(visible));
    QVERIFY(state.zoomAt(anchor, factor));
    QCOMPARE(state.visibleRange(), zoomed);
}

void TestChart::zoomHistoryBackAndForward() {
    ZoomState state;
    QSignalSpy ranges(&state, &ZoomState::visibleRangeChanged);
    QSignalSpy history(&state, &ZoomState::historyChanged);
    const TimeRange full{0, 10 * kS};
    state.reset(full);
    QCOMPARE(state.visibleRange(), full);
    QVERIFY(state.isFitted());
    QVERIFY(!state.canGoBack());
    QVERIFY(!state.canGoForward());
    QVERIFY(!state.back());

    const TimeRange a{kS, 5 * kS}, b{2 * kS, 3 * kS}, c{4 * kS, 6 * kS};
    QVERIFY(state.setVisibleRange(a));
    QVERIFY(state.setVisibleRange(b));
    QVERIFY(state.canGoBack());
    QCOMPARE(state.zoomShare(), 0.1);
    QVERIFY(!state.setVisibleRange(b)); // no change, no step
    QVERIFY(state.back());
    QCOMPARE(state.visibleRange(), a);
    QVERIFY(state.canGoForward());
    QVERIFY(state.back());
    QCOMPARE(state.visibleRange(), full);
    QVERIFY(!state.canGoBack());
    QVERIFY(!state.back());
    QVERIFY(state.forward());
    QVERIFY(state.forward());
    QCOMPARE(state.visibleRange(), b);
    QVERIFY(!state.forward());
    // A new step after going back drops what was ahead, as in a browser.
    QVERIFY(state.back());
    QVERIFY(state.setVisibleRange(c));
    QVERIFY(!state.canGoForward());
    QVERIFY(state.back());
    QCOMPARE(state.visibleRange(), a);
    // Fit is a step too: Back returns to the zoom.
    QVERIFY(state.fit());
    QVERIFY(state.isFitted());
    QVERIFY(state.back());
    QCOMPARE(state.visibleRange(), a);
    // Clamped like any range.
    QVERIFY(state.panBy(100 * kS));
    QCOMPARE(state.visibleRange(), (TimeRange{6 * kS, 10 * kS}));
    QVERIFY(!state.panBy(kS)); // at the end already
    QVERIFY(ranges.count() >= 10);
    QVERIFY(history.count() >= 2);

    // A new trace forgets it all.
    history.clear();
    state.reset(TimeRange{0, kS});
    QVERIFY(!state.canGoBack());
    QVERIFY(!state.canGoForward());
    QCOMPARE(history.count(), 1);
}

void TestChart::zoomGestureIsOneStep() {
    ZoomState state;
    state.reset(TimeRange{0, 10 * kS});
    // Five wheel notches: one Push, then Merges.
    QVERIFY(state.zoomAt(5 * kS, 0.85));
    for (int k = 0; k < 4; ++k)
        QVERIFY(state.zoomAt(5 * kS, 0.85, ZoomState::History::Merge));
    const TimeRange zoomed = state.visibleRange();
    QCOMPARE(zoomed.span(), std::llround(10.0 * kS * std::pow(0.85, 5)));
    // A drag: the same.
    QVERIFY(state.panBy(kS / 10));
    QVERIFY(state.panBy(kS / 10, ZoomState::History::Merge));
    QCOMPARE(state.visibleRange().begin_ns, zoomed.begin_ns + kS / 5);
    QVERIFY(state.back());
    QCOMPARE(state.visibleRange(), zoomed);
    QVERIFY(state.back());
    QVERIFY(state.isFitted());
    QVERIFY(!state.canGoBack());
    // After Back, a Merge must not overwrite the range Back went to: it is a step of its own.
    QVERIFY(state.forward());
    QVERIFY(state.zoomAt(5 * kS, 0.5, ZoomState::History::Merge));
    QVERIFY(state.back());
    QCOMPARE(state.visibleRange(), zoomed);
}

void TestChart::zoomHistoryIsCapped() {
    ZoomState state;
    state.reset(TimeRange{0, 1000 * kS});
    for (int k = 0; k < ZoomState::kMaxHistory + 20; ++k)
        QVERIFY(state.setVisibleRange(TimeRange{k * kS, k * kS + 10 * kS}));
    int steps = 0;
    while (state.back())
        ++steps;
    QCOMPARE(steps, ZoomState::kMaxHistory);
    // The oldest steps went first: fitted is no longer reachable.
    QCOMPARE(state.visibleRange(), (TimeRange{19 * kS, 29 * kS}));
}

void TestChart::selectionIsClampedToTheTrace() {
    ZoomState state;
    QSignalSpy changed(&state, &ZoomState::selectionChanged);
    state.reset(TimeRange{10 * kS, 20 * kS});
    QVERIFY(!state.selection());
    QVERIFY(!state.zoomToSelection());
    state.setSelection(TimeRange{5 * kS, 12 * kS});
    QCOMPARE(state.selection(), std::optional<TimeRange>(TimeRange{10 * kS, 12 * kS}));
    QCOMPARE(changed.count(), 1);
    state.setSelection(TimeRange{5 * kS, 12 * kS}); // the same: no notice
    QCOMPARE(changed.count(), 1);
    // Zooming leaves it be; zooming to it shows it.
    QVERIFY(state.setVisibleRange(TimeRange{15 * kS, 16 * kS}));
    QVERIFY(state.selection().has_value());
    QVERIFY(state.zoomToSelection());
    QCOMPARE(state.visibleRange(), (TimeRange{10 * kS, 12 * kS}));
    // Outside the trace, or empty: none.
    state.setSelection(TimeRange{30 * kS, 40 * kS});
    QVERIFY(!state.selection());
    QCOMPARE(changed.count(), 2);
    state.setSelection(TimeRange{11 * kS, 13 * kS});
    state.clearSelection();
    QVERIFY(!state.selection());
    state.setSelection(TimeRange{11 * kS, 13 * kS});
    state.reset(TimeRange{0, kS});
    QVERIFY(!state.selection());
}

// --- Selection statistics --------------------------------------------------------------------

void TestChart::coreRowsShowTimeOnEachCore_data() {
    QTest::addColumn<int>("cores");
    QTest::newRow("3 threads on 1 core") << 1;
    QTest::newRow("3 threads on 2 cores") << 2;
}

void TestChart::coreRowsShowTimeOnEachCore() {
    QFETCH(int, cores);
    const Trace trace = takingTurnsTrace(cores);
    const TimeRange all = GanttLayout::fullRange(trace);
    const GanttRows both(trace, GroupBy::Both);
    const SelectionStats stats = tasklane::selectionStats(both, all);
    std::int64_t running = 0;
    for (int c = 0; c < cores; ++c) {
        // The union of the running slices recorded on core c, by brute force.
        std::vector<std::pair<std::int64_t, std::int64_t>> on;
        for (const TraceEvent& e : trace.events)
            if (e.state == State::Running && e.cpu == c)
                on.emplace_back(e.begin_ns, e.end_ns);
        std::sort(on.begin(), on.end());
        BusyUnion expected;
        for (const auto& [b, e] : on)
            expected.add(b, e);
        const int row = both.rowOfCpu(c);
        QVERIFY(row >= 0);
        const auto busy = std::find_if(stats.rows.begin(), stats.rows.end(),
                                       [&](const RowBusy& r) { return r.row == row; });
        QVERIFY(busy != stats.rows.end());
        QCOMPARE(busy->busy_ns, expected.ns());
        // A core runs one thread at a time: its row is busy at most the whole span.
        QVERIFY(busy->busy_ns <= all.end_ns - all.begin_ns);
        running += expected.ns();
    }
    QCOMPARE(stats.stateNs[State::Running], running);
    QCOMPARE(stats.stateNs[State::WaitingForCore], 3 * 90 * kMs - running);
    QCOMPARE(both.rowOfCpu(cores), -1); // no running slice elsewhere: no other core row

    // The legend names the state, measured (no model caveat); the chart paints it in its own
    // colour on the thread's row, and the core row shows who ran meanwhile.
    ChartOptions options;
    options.size = QSize(1000, 0);
    options.groupBy = GroupBy::Both;
    options.pixelRatio = 1;
    const QImage image = ChartExporter::renderImage(trace, options);
    const GanttLayout layout(both, QSizeF(1000, 0), all);
    QStringList legend;
    for (const GanttLegendEntry& e : layout.legend())
        legend << e.text;
    QVERIFY2(legend.contains(QStringLiteral("waiting-for-core")), qPrintable(legend.join(u'|')));
    QCOMPARE(legend.filter(QStringLiteral("model")).size(), 0);
    const ChartStyle style = ChartStyle::light();
    QVERIFY(!sameColour(style.stateColour(State::WaitingForCore), style.stateColour(State::Running),
                        40));
    const auto pixelAt = [&](int row, std::int64_t t) {
        return image.pixelColor(int(layout.xForTime(t)),
                                int(layout.row(row).sliceLane.center().y()));
    };
    // Turn 0: worker 3 (slot 2) waits; turn 1: worker 3 (slot 0) runs on core 0.
    QVERIFY(
        sameColour(pixelAt(both.rowOfTrack(2), 8 * kMs), style.stateColour(State::WaitingForCore)));
    QVERIFY(sameColour(pixelAt(both.rowOfCpu(0), 18 * kMs), style.trackColour(2)));
}

void TestChart::selectionStats_data() {
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("slices");
    QTest::addColumn<QList<qint64>>("stateMs"); // running, gil-wait, sleeping, queued, awaiting
    QTest::addColumn<QList<qint64>>("busyMs");  // main, worker 1, worker 2, event loop
    // smallTrace(), by worker: see its events.
    QTest::newRow("25-65 ms") << qint64(25 * kMs) << qint64(65 * kMs) << 7
                              << QList<qint64>{25, 10, 35, 35, 40} << QList<qint64>{0, 20, 5, 0};
    QTest::newRow("whole run") << qint64(0) << qint64(100 * kMs) << 8
                               << QList<qint64>{10 + 30 + 30 + 10, 10, 40, 55, 100}
                               << QList<qint64>{10, 60, 10, 0};
    QTest::newRow("a gap of worker 1")
        << qint64(50 * kMs) << qint64(60 * kMs) << 3 << QList<qint64>{0, 0, 10, 10, 10}
        << QList<qint64>{0, 0, 0, 0};
    QTest::newRow("an edge: ends where a slice begins")
        << qint64(5 * kMs) << qint64(10 * kMs) << 3 << QList<qint64>{5, 0, 0, 5, 5}
        << QList<qint64>{5, 0, 0, 0};
    QTest::newRow("empty") << qint64(30 * kMs) << qint64(30 * kMs) << 0
                           << QList<qint64>{0, 0, 0, 0, 0} << QList<qint64>{};
}

void TestChart::selectionStats() {
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, slices);
    QFETCH(QList<qint64>, stateMs);
    QFETCH(QList<qint64>, busyMs);
    const Trace trace = smallTrace();
    const GanttRows rows(trace, GroupBy::Worker);
    QCOMPARE(rowNames(rows), (QStringList{QStringLiteral("main"), QStringLiteral("task 2"),
                                          QStringLiteral("worker 1"), QStringLiteral("worker 2"),
                                          QStringLiteral("event loop")}));
    const SelectionStats stats = tasklane::selectionStats(rows, TimeRange{from, to});
    QCOMPARE(stats.range, (TimeRange{from, to}));
    QCOMPARE(stats.slices, std::size_t(slices));
    const State states[] = {State::Running, State::GilWait, State::Sleeping, State::Queued,
                            State::Awaiting};
    std::int64_t sum = 0;
    for (int k = 0; k < 5; ++k) {
        QCOMPARE(stats.stateNs[std::size_t(states[k])], stateMs[k] * kMs);
        sum += stateMs[k] * kMs;
    }
    QCOMPARE(stats.totalStateNs(), sum); // no other state appears
    // One entry per track row; the lane row (the queued task) has none.
    QCOMPARE(stats.rows.size(), std::size_t(busyMs.size()));
    const int rowOf[] = {0, 2, 3, 4};
    for (int k = 0; k < busyMs.size(); ++k) {
        QCOMPARE(stats.rows[std::size_t(k)].row, rowOf[k]);
        QCOMPARE(stats.rows[std::size_t(k)].busy_ns, busyMs[k] * kMs);
        QCOMPARE(stats.rows[std::size_t(k)].share, double(busyMs[k] * kMs) / double(to - from));
    }
}

void TestChart::selectionStatsAreTheSameInEveryGrouping() {
    const Trace trace = sampleTrace();
    const TimeRange full = GanttLayout::fullRange(trace);
    const TimeRange range{full.begin_ns + full.span() / 7, full.begin_ns + full.span() * 5 / 7};
    const GanttRows worker(trace, GroupBy::Worker), core(trace, GroupBy::Core),
        both(trace, GroupBy::Both);
    const SelectionStats w = tasklane::selectionStats(worker, range);
    const SelectionStats c = tasklane::selectionStats(core, range);
    const SelectionStats b = tasklane::selectionStats(both, range);
    QVERIFY(w.slices > 5);
    // Counted from the trace, not from the rows on screen: core rows hold running slices only.
    QCOMPARE(c.slices, w.slices);
    QCOMPARE(b.slices, w.slices);
    QCOMPARE(c.stateNs, w.stateNs);
    QCOMPARE(b.stateNs, w.stateNs);
    // Busy per row: core rows first in `both`, as they are drawn, then the tracks'.
    QCOMPARE(b.rows.size(), c.rows.size() + w.rows.size());
    for (std::size_t k = 0; k < c.rows.size(); ++k)
        QCOMPARE(b.rows[k].busy_ns, c.rows[k].busy_ns);
    for (std::size_t k = 0; k < w.rows.size(); ++k)
        QCOMPARE(b.rows[c.rows.size() + k].busy_ns, w.rows[k].busy_ns);
    // The cores were busy with what the tracks ran, less what ran with no CPU number (and
    // lock-held time, which core rows do not show).
    std::int64_t cores = 0, tracks = 0;
    for (const RowBusy& r : c.rows)
        cores += r.busy_ns;
    for (const RowBusy& r : w.rows)
        tracks += r.busy_ns;
    QVERIFY(cores > 0);
    QVERIFY(cores <= tracks);
}

void TestChart::selectionBusyCountsOverlapsOnce() {
    // Two threads on one core, overlapping by the clocks' skew; a lock held is busy too.
    Trace t;
    t.tracks = {Track{1, 1, TrackKind::Thread, "a"}, Track{1, 2, TrackKind::Thread, "b"}};
    t.events.push_back(makeEvent(0, State::Running, 0, 10 * kMs, 1, 0, 0));
    t.events.push_back(makeEvent(1, State::Running, 5 * kMs, 15 * kMs, 2, 0, 0));
    t.events.push_back(makeEvent(1, State::LockWait, 15 * kMs, 18 * kMs, 2));
    t.events.push_back(makeEvent(1, State::LockHeld, 18 * kMs, 20 * kMs, 2));
    t.finalize();
    const GanttRows rows(t, GroupBy::Core);
    const SelectionStats s = tasklane::selectionStats(rows, TimeRange{0, 40 * kMs});
    QCOMPARE(s.rows.size(), std::size_t(1));
    // The core row's 0-10 and 5-15 overlap: busy 0-15, not 20 ms.
    QCOMPARE(s.rows[0].busy_ns, 15 * kMs);
    QCOMPARE(s.stateNs[std::size_t(State::Running)], 20 * kMs); // summed per slice
    const GanttRows byWorker(t, GroupBy::Worker);
    const SelectionStats w = tasklane::selectionStats(byWorker, TimeRange{0, 40 * kMs});
    QCOMPARE(w.rows[0].busy_ns, 10 * kMs);
    QCOMPARE(w.rows[1].busy_ns, 12 * kMs); // running 10 + lock-held 2; lock-wait is not busy
    QCOMPARE(w.rows[1].share, 0.3);
    QCOMPARE(w.stateNs[std::size_t(State::LockWait)], 3 * kMs);
    QVERIFY(isOnCpu(State::LockHeld));
    QVERIFY(!isOnCpu(State::GilWait));
}

// --- Scale -----------------------------------------------------------------------------------

namespace {

// Many short slices in every state on six threads and two cores, tasks of a few slices, and
// a queue of overlapping async slices (the overflow lane): every path of the folding.
Trace mixedTrace(int count) {
    Trace t;
    for (std::uint32_t w = 0; w < 6; ++w)
        t.tracks.push_back(Track{1, 10 + w, TrackKind::Thread, "worker " + std::to_string(w)});
    std::mt19937 random(7);
    std::vector<std::int64_t> now(6, 0);
    for (int i = 0; i < count; ++i) {
        const auto w = std::uint32_t(random() % 6);
        const std::int64_t gap = random() % 3 == 0 ? std::int64_t(random() % 4000) : 0;
        const std::int64_t length =
            200 + std::int64_t(random() % (random() % 50 == 0 ? 400'000 : 3000));
        const auto state = State(random() % 7);
        const int cpu = state == State::Running ? int(random() % 2) : -1;
        now[w] += gap;
        t.events.push_back(
            makeEvent(w, state, now[w], now[w] + length, std::uint32_t(1 + i / 3), 0, cpu));
        now[w] += length;
        if (i % 4 == 0) {
            // Queued from submit to a random later time: they pile up into the overflow lane.
            const std::int64_t submit = std::int64_t(i) * 300;
            t.events.push_back(makeEvent(0, State::Queued, submit,
                                         submit + std::int64_t(random() % 5'000'000),
                                         std::uint32_t(1 + i / 3), 0, -1, EventType::AsyncSlice));
        }
    }
    t.finalize();
    return t;
}

void compareItems(const GanttLayout& a, const GanttLayout& b) {
    QCOMPARE(a.drawItemCount(), b.drawItemCount());
    for (int r = 0; r < a.rowCount(); ++r) {
        const auto x = a.drawItems(r);
        const auto y = b.drawItems(r);
        QCOMPARE(x.size(), y.size());
        for (std::size_t k = 0; k < x.size(); ++k) {
            const QString where = QStringLiteral("row %1 item %2").arg(r).arg(k);
            QVERIFY2(x[k].rect == y[k].rect, qPrintable(where));
            QVERIFY2(x[k].event == y[k].event, qPrintable(where));
            QVERIFY2(x[k].count == y[k].count, qPrintable(where));
            QVERIFY2(x[k].task == y[k].task, qPrintable(where));
            QVERIFY2(x[k].fill == y[k].fill, qPrintable(where));
            QVERIFY2(x[k].fillIndex == y[k].fillIndex, qPrintable(where));
        }
    }
}

} // namespace

void TestChart::blockSumsChangeNothing_data() {
    QTest::addColumn<int>("group");
    QTest::addColumn<double>("from"); // shares of the run
    QTest::addColumn<double>("to");
    for (const auto& [name, g] :
         {std::pair{"worker", GroupBy::Worker}, std::pair{"core", GroupBy::Core},
          std::pair{"both", GroupBy::Both}}) {
        QTest::addRow("%s fitted", name) << int(g) << 0.0 << 1.0;
        QTest::addRow("%s 1%%", name) << int(g) << 0.495 << 0.505;
        QTest::addRow("%s 10%% at the start", name) << int(g) << 0.0 << 0.1;
        QTest::addRow("%s 30%% off-centre", name) << int(g) << 0.61 << 0.91;
        QTest::addRow("%s 0.01%%", name) << int(g) << 0.3 << 0.3001;
    }
}

void TestChart::blockSumsChangeNothing() {
    QFETCH(int, group);
    QFETCH(double, from);
    QFETCH(double, to);
    static const Trace trace = mixedTrace(60'000);
    GanttRows summed(trace, GroupBy(group));
    GanttRows plain(trace, GroupBy(group));
    plain.dropBlockSums();
    // Block sums exist where they should, or this test tests nothing.
    bool any = false;
    for (const GanttRow& row : summed.rows())
        any = any || !row.slices.blocks.empty() || !row.asyncSlices.blocks.empty();
    QVERIFY(any);
    const TimeRange full = GanttLayout::fullRange(trace);
    const TimeRange range{full.begin_ns + std::llround(double(full.span()) * from),
                          full.begin_ns + std::llround(double(full.span()) * to)};
    for (const double width : {1400.0, 333.0}) {
        const GanttLayout a(summed, QSizeF(width, 600), range);
        const GanttLayout b(plain, QSizeF(width, 600), range);
        QVERIFY(a.drawItemCount() > 0);
        compareItems(a, b);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestChart::flowsCountedWithoutPlacing() {
    // Flows in both directions (an arrow may point back in time in an imported trace), ids
    // not dense (a hash of theirs) and dense (the recorder's counter).
    for (const bool dense : {true, false}) {
        Trace t;
        t.tracks = {Track{1, 1, TrackKind::Main, "main"}, Track{1, 2, TrackKind::Thread, "w"}};
        std::mt19937 random(3);
        for (int k = 0; k < 2000; ++k) {
            const std::int64_t a = std::int64_t(random() % 1'000'000);
            const std::int64_t b = std::int64_t(random() % 1'000'000);
            TraceEvent s = makeEvent(0, State::Running, a, a, 1, 0, -1, EventType::FlowStart);
            TraceEvent e = makeEvent(1, State::Running, b, b, 1, 0, -1, EventType::FlowEnd);
            s.value = e.value = dense ? k + 1 : double(k) * 7919.5 + 1e12;
            t.events.push_back(s);
            t.events.push_back(e);
        }
        // An end without a start draws nothing.
        TraceEvent lost = makeEvent(1, State::Running, 10, 10, 1, 0, -1, EventType::FlowEnd);
        lost.value = 99'999'999;
        t.events.push_back(lost);
        t.finalize();
        const GanttRows rows(t, GroupBy::Worker);
        QCOMPARE(rows.flows().size(), std::size_t(2000));
        for (const auto& [from, to] : {std::pair<std::int64_t, std::int64_t>{0, 1'000'000},
                                       {400'000, 400'500},
                                       {999'000, 2'000'000},
                                       {-50, 3},
                                       {500'000, 500'000}}) {
            std::size_t brute = 0;
            for (const GanttFlow& f : rows.flows()) {
                const std::int64_t a = t.events[f.start].begin_ns, b = t.events[f.end].begin_ns;
                brute += std::max(a, b) >= from && std::min(a, b) < to ? 1 : 0;
            }
            QCOMPARE(rows.visibleFlowCount(from, to), from < to ? brute : std::size_t(0));
            if (from >= to)
                continue;
            GanttLayoutOptions options;
            options.maxFlows = 100'000;
            options.pixelsPerFlow = 0; // every arrow placed, none thinned out
            const GanttLayout layout(rows, QSizeF(800, 0), TimeRange{from, to}, options);
            QCOMPARE(layout.flowLines().size(), brute);
            options.maxFlows = 10;
            const GanttLayout hidden(rows, QSizeF(800, 0), TimeRange{from, to}, options);
            QCOMPARE(hidden.hiddenFlows(), brute > 10 ? int(brute) : 0);
            QCOMPARE(hidden.flowLines().size(), brute > 10 ? std::size_t(0) : brute);
        }
    }
}

// --- A picked task -----------------------------------------------------------------------------

void TestChart::taskOverlay() {
    const Trace trace = smallTrace();
    const GanttRows rows(trace, GroupBy::Both);
    // Task 2: queued on main (a lane row), then running on worker 1 on CPU 3.
    const GanttTaskEvents task = rows.eventsOfTask(2);
    QCOMPARE(task.task, 2U);
    std::set<QString> where;
    for (const auto& [r, index] : task.slices) {
        QCOMPARE(trace.events[index].task, 2U);
        where.insert(rows.row(r).name);
    }
    QCOMPARE(where, (std::set<QString>{QStringLiteral("CPU 3"), QStringLiteral("task 2"),
                                       QStringLiteral("worker 1")}));
    QCOMPARE(task.slices.size(), std::size_t(3));
    QVERIFY(rows.eventsOfTask(0).slices.empty());
    QVERIFY(rows.eventsOfTask(999).slices.empty());

    const GanttLayout layout(rows, QSizeF(1000, 0), TimeRange{0, 100 * kMs});
    const GanttTaskOverlay overlay = layout.taskOverlay(task);
    QCOMPARE(overlay.items.size(), std::size_t(3));
    for (const GanttDrawItem& item : overlay.items) {
        const TraceEvent& e = trace.events[item.event];
        QCOMPARE(item.rect.left(), layout.xForTime(e.begin_ns));
        QCOMPARE(item.rect.right(), layout.xForTime(e.end_ns));
    }
    // Zoomed to where only the queued part is: the rest is out of view.
    const GanttLayout early(rows, QSizeF(1000, 0), TimeRange{0, 30 * kMs});
    QCOMPARE(early.taskOverlay(task).items.size(), std::size_t(1));

    // Among a hundred thousand slices, a picked one is two pixels wide at least, folded or not.
    const Trace dense = denseTrace(100'000, kS, 0);
    const GanttRows denseRows(dense, GroupBy::Worker);
    const GanttLayout fitted(denseRows, QSizeF(1000, 0), GanttLayout::fullRange(dense));
    const GanttTaskOverlay one = fitted.taskOverlay(denseRows.eventsOfTask(5'000));
    QCOMPARE(one.items.size(), std::size_t(1));
    QVERIFY(one.items[0].rect.width() >= 2);
    QVERIFY(std::abs(one.items[0].rect.center().x() - fitted.xForTime(50 * kMs)) < 1.5);
}

void TestChart::taskOverlayShowsHiddenArrows() {
    const Trace trace = sampleTrace();
    const GanttRows rows(trace, GroupBy::Worker);
    QVERIFY(rows.flows().size() >= 2);
    const std::uint32_t task = trace.events[rows.flows().front().start].task;
    QVERIFY(task != 0);
    std::size_t own = 0;
    for (const GanttFlow& f : rows.flows())
        own += trace.events[f.start].task == task || trace.events[f.end].task == task ? 1 : 0;
    GanttLayoutOptions options;
    options.maxFlows = 0; // every arrow hidden, as in a fitted million-task run
    const GanttLayout layout(rows, QSizeF(1000, 0), GanttLayout::fullRange(trace), options);
    QVERIFY(layout.flowLines().empty());
    QVERIFY(layout.hiddenFlows() > 0);
    const GanttTaskOverlay overlay = layout.taskOverlay(rows.eventsOfTask(task));
    QCOMPARE(overlay.flows.size(), own);
    const GanttFlow& flow = rows.flows().front();
    QCOMPARE(overlay.flows.front().x1(), layout.xForTime(trace.events[flow.start].begin_ns));
    QCOMPARE(overlay.flows.front().y2(),
             layout.row(rows.rowOfTrack(trace.events[flow.end].track)).sliceLane.center().y());

    // Painted: the arrow is there, in the text colour, over a chart that has none.
    QImage image(layout.size().toSize(), QImage::Format_ARGB32);
    {
        QPainter painter(&image);
        GanttPainter chart;
        chart.paint(painter, layout);
        const int before = countColour(image, chart.style().text);
        chart.setHighlightTask(task);
        chart.paintTaskOverlay(painter, layout, overlay);
        painter.end();
        QVERIFY(countColour(image, chart.style().text) > before + 20);
    }
}

// The picked task's slices are painted again over the plot: their names must come with them,
// or the one task the user asked about is the one without labels.
void TestChart::taskOverlayKeepsSliceLabels() {
    const Trace trace = smallTrace();
    const GanttRows rows(trace, GroupBy::Worker);
    const GanttLayout layout(rows, QSizeF(1000, 0), GanttLayout::fullRange(trace));
    // square(3): task 1's running slice on worker 1, 30 ms of 100 wide.
    const int y = int(layout.row(rows.rowOfTrack(1)).sliceLane.center().y());
    const QRect slice(QPoint(int(layout.xForTime(10 * kMs)) + 3, y - 4),
                      QPoint(int(layout.xForTime(40 * kMs)) - 3, y + 4));
    const ChartStyle style = ChartStyle::light();
    const QColor ink = ChartStyle::textOn(style.stateColour(State::Running));
    const auto inkIn = [&](const QImage& image) {
        int n = 0;
        for (int py = slice.top(); py <= slice.bottom(); ++py)
            for (int px = slice.left(); px <= slice.right(); ++px)
                n += sameColour(image.pixelColor(px, py), ink, 40) ? 1 : 0;
        return n;
    };
    QImage image(layout.size().toSize(), QImage::Format_ARGB32);
    QPainter painter(&image);
    GanttPainter chart;
    chart.paint(painter, layout);
    const int plain = inkIn(image);
    QVERIFY2(plain > 10, qPrintable(QString::number(plain)));
    chart.setHighlightTask(1);
    chart.paintTaskOverlay(painter, layout, layout.taskOverlay(rows.eventsOfTask(1)));
    painter.end();
    QVERIFY2(inkIn(image) >= plain / 2, qPrintable(QString::number(inkIn(image))));
}

void TestChart::manyArrowsAreThinned_data() {
    QTest::addColumn<int>("tasks");
    QTest::newRow("200 tasks") << 200;
    QTest::newRow("1,000 tasks") << 1000;
    QTest::newRow("20,000 tasks") << 20'000;
}

// 200 tasks submitted one after another: 200 arrows across a fitted chart are a black mass
// (as they fan out of one point when submitted at once). Past one arrow per 40 px, one in 2,
// 4, 8... is drawn, however many there are, the legend says so, zooming in brings them back,
// and a clicked task's arrow comes in its overlay whichever were left out.
void TestChart::manyArrowsAreThinned() {
    QFETCH(int, tasks);
    Trace t;
    t.tracks = {Track{1, 1, TrackKind::Main, "main"}, Track{1, 2, TrackKind::Thread, "worker 1"},
                Track{1, 3, TrackKind::Thread, "worker 2"}};
    for (std::uint32_t k = 0; k < std::uint32_t(tasks); ++k) {
        const std::int64_t run = std::int64_t(k + 1) * kMs;
        const std::int64_t submit = std::int64_t(k) * kMs;
        TraceEvent s =
            makeEvent(0, State::Running, submit, submit, k + 1, 0, -1, EventType::FlowStart);
        TraceEvent e =
            makeEvent(1 + k % 2, State::Running, run, run, k + 1, 0, -1, EventType::FlowEnd);
        s.value = e.value = k + 1;
        t.events.push_back(s);
        t.events.push_back(e);
        t.events.push_back(makeEvent(1 + k % 2, State::Running, run, run + kMs / 2, k + 1));
    }
    t.finalize();
    const GanttRows rows(t, GroupBy::Worker);
    QCOMPARE(rows.flows().size(), std::size_t(tasks));
    const GanttLayout fitted(rows, QSizeF(1000, 0), GanttLayout::fullRange(t));
    const double budget = fitted.plotRect().width() / 40;
    QVERIFY2(fitted.flowStride() > 1, qPrintable(QString::number(fitted.flowStride())));
    QVERIFY(!fitted.flowLines().empty());
    QVERIFY2(double(fitted.flowLines().size()) <= budget,
             qPrintable(QString::number(fitted.flowLines().size())));
    QCOMPARE(fitted.hiddenFlows(), 0);
    bool said = false;
    for (const GanttLegendEntry& e : fitted.legend())
        said = said || e.text.contains(QStringLiteral("1 arrow in %1").arg(fitted.flowStride()));
    QVERIFY(said);
    // Task 2's arrow (place 1 in time order) is left out of the plot, but not of its overlay.
    QVERIFY(fitted.flowStride() % 2 == 0);
    const GanttTaskOverlay picked = fitted.taskOverlay(rows.eventsOfTask(2));
    QCOMPARE(picked.flows.size(), std::size_t(1));
    QCOMPARE(picked.flows.front().x2(), fitted.xForTime(2 * kMs));
    // Zoomed in on ten of them: every one is drawn again.
    const GanttLayout zoomed(rows, QSizeF(1000, 0), TimeRange{100 * kMs, 110 * kMs});
    QCOMPARE(zoomed.flowStride(), 1);
}

void TestChart::selectionStatsEqualBruteForce_data() {
    QTest::addColumn<int>("groupBy");
    QTest::addColumn<unsigned>("seed");
    QTest::addColumn<double>("from"); // share of the trace's span
    QTest::addColumn<double>("to");
    for (const auto& [name, groupBy] :
         {std::pair{"worker", GroupBy::Worker}, std::pair{"core", GroupBy::Core},
          std::pair{"both", GroupBy::Both}}) {
        for (unsigned seed : {1U, 7U}) {
            const auto row = [&](const char* what, double from, double to) {
                QTest::addRow("%s, seed %u, %s", name, seed, what)
                    << int(groupBy) << seed << from << to;
            };
            row("whole run", -0.01, 1.01);
            row("first half", 0, 0.5);
            row("middle third", 1.0 / 3, 2.0 / 3);
            row("a sliver", 0.4, 0.4003);
            row("the last tenth", 0.9, 1.0);
        }
    }
}

void TestChart::selectionStatsEqualBruteForce() {
    QFETCH(int, groupBy);
    QFETCH(unsigned, seed);
    QFETCH(double, from);
    QFETCH(double, to);
    const Trace trace = processTrace(seed);
    const GanttRows rows(trace, GroupBy(groupBy));
    const TimeRange full = GanttLayout::fullRange(trace);
    // Summary rows are merged when first asked for (a collapse), not by the statistics.
    QVERIFY(tasklane::selectionStats(rows, full).groups.empty());
    for (const GanttProcessGroup& group : rows.processGroups())
        QVERIFY(rows.row(group.summary).kind == RowKind::Summary);
    const auto at = [&](double share) {
        return full.begin_ns + std::int64_t(std::llround(double(full.span()) * share));
    };
    // The range, and the same range with its ends moved onto the nearest slice edges, where a
    // slice ends as the range begins (the cases an off-by-one gets wrong).
    std::vector<TimeRange> ranges{TimeRange{at(from), at(to)}};
    std::int64_t nearFrom = trace.events.front().end_ns, nearTo = trace.events.front().begin_ns;
    for (const TraceEvent& e : trace.events) {
        if (std::abs(e.end_ns - at(from)) < std::abs(nearFrom - at(from)))
            nearFrom = e.end_ns;
        if (std::abs(e.begin_ns - at(to)) < std::abs(nearTo - at(to)))
            nearTo = e.begin_ns;
    }
    if (nearTo > nearFrom)
        ranges.push_back(TimeRange{nearFrom, nearTo});
    for (const TimeRange& range : ranges) {
        const SelectionStats fast = tasklane::selectionStats(rows, range);
        const SelectionStats scan = tasklane::selectionStatsByScan(rows, range);
        const SelectionStats truth = bruteForceStats(rows, range);
        QVERIFY(truth.slices > 0);
        QCOMPARE(fast.slices, truth.slices);
        QCOMPARE(scan.slices, truth.slices);
        QCOMPARE(fast.stateNs, truth.stateNs);
        QCOMPARE(scan.stateNs, truth.stateNs);
        for (const auto* list : {&fast, &scan}) {
            QCOMPARE(list->rows.size(), truth.rows.size());
            for (std::size_t k = 0; k < truth.rows.size(); ++k) {
                QCOMPARE(list->rows[k].row, truth.rows[k].row);
                QCOMPARE(list->rows[k].busy_ns, truth.rows[k].busy_ns);
            }
            QCOMPARE(list->groups.size(), truth.groups.size());
            for (std::size_t k = 0; k < truth.groups.size(); ++k) {
                QCOMPARE(list->groups[k].row, truth.groups[k].row);
                QCOMPARE(list->groups[k].busy_ns, truth.groups[k].busy_ns);
            }
        }
    }
}

void TestChart::processGroups_data() {
    QTest::addColumn<int>("groupBy");
    QTest::addColumn<QList<qint64>>("pids");    // the groups, in row order
    QTest::addColumn<QList<int>>("groupRows");  // rows per group
    QTest::addColumn<QList<int>>("threads");    // track rows per group
    QTest::addColumn<QStringList>("summaries"); // the summary rows' names
    const QStringList names{QStringLiteral("pid 10 \u00B7 3 threads"),
                            QStringLiteral("tool (pid 20) \u00B7 2 threads"),
                            QStringLiteral("queue (pid 40) \u00B7 %1 rows")};
    // pid 30 has one row: nothing to collapse. pid 40 is one track and its lanes.
    QTest::newRow("worker") << int(GroupBy::Worker) << QList<qint64>{10, 20, 40}
                            << QList<int>{3, 2, -1} << QList<int>{3, 2, 1} << names;
    QTest::newRow("both") << int(GroupBy::Both) << QList<qint64>{10, 20, 40} << QList<int>{3, 2, -1}
                          << QList<int>{3, 2, 1} << names;
    QTest::newRow("core: none") << int(GroupBy::Core) << QList<qint64>{} << QList<int>{}
                                << QList<int>{} << QStringList{};
}

void TestChart::processGroups() {
    QFETCH(int, groupBy);
    QFETCH(QList<qint64>, pids);
    QFETCH(QList<int>, groupRows);
    QFETCH(QList<int>, threads);
    QFETCH(QStringList, summaries);
    const Trace trace = processTrace(1);
    const GanttRows rows(trace, GroupBy(groupBy));
    const auto& groups = rows.processGroups();
    QCOMPARE(int(groups.size()), pids.size());
    for (int g = 0; g < pids.size(); ++g) {
        const GanttProcessGroup& group = groups[std::size_t(g)];
        QCOMPARE(group.pid, pids[g]);
        QCOMPARE(group.threads, threads[g]);
        QCOMPARE(rows.groupOfPid(group.pid), g);
        // Its rows: every track and lane row of the pid, and only those.
        int expected = 0;
        for (int r = 0; r < rows.size(); ++r) {
            const bool ours = rows.row(r).kind != RowKind::Core &&
                              trace.tracks[rows.row(r).track].pid == group.pid;
            expected += ours ? 1 : 0;
            QCOMPARE(rows.groupOfRow(r) == g, ours);
        }
        QCOMPARE(int(group.rows.size()), expected);
        if (groupRows[g] >= 0)
            QCOMPARE(int(group.rows.size()), groupRows[g]);
        QVERIFY(std::is_sorted(group.rows.begin(), group.rows.end()));
        QCOMPARE(group.summary, rows.size() + g);
        const GanttRow& summary = rows.row(group.summary);
        QVERIFY(summary.kind == RowKind::Summary);
        QCOMPARE(summary.name, summaries[g].contains(QLatin1String("%1"))
                                   ? summaries[g].arg(group.rows.size())
                                   : summaries[g]);
    }
    QCOMPARE(rows.groupOfPid(30), -1);
}

void TestChart::collapseProcess_data() {
    QTest::addColumn<int>("groupBy");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<double>("width"); // of the chart: how much folds into pixel columns
    for (const auto& [name, groupBy] :
         {std::pair{"worker", GroupBy::Worker}, std::pair{"both", GroupBy::Both}}) {
        for (qint64 pid : {10, 20, 40}) {
            QTest::addRow("%s, pid %lld, wide", name, pid) << int(groupBy) << pid << 40'000.0;
            QTest::addRow("%s, pid %lld, folded", name, pid) << int(groupBy) << pid << 600.0;
        }
    }
}

void TestChart::collapseProcess() {
    QFETCH(int, groupBy);
    QFETCH(qint64, pid);
    QFETCH(double, width);
    const Trace trace = processTrace(3);
    const GanttRows rows(trace, GroupBy(groupBy));
    const int g = rows.groupOfPid(pid);
    QVERIFY(g >= 0);
    const GanttProcessGroup& group = rows.processGroups()[std::size_t(g)];
    const TimeRange full = GanttLayout::fullRange(trace);
    GanttLayoutOptions options = plainOptions();
    const GanttLayout open(rows, QSizeF(width, 0), full, options);
    QVERIFY(!rows.hasSummary(g));      // expanded, nothing was merged for it
    options.collapsedPids = {pid, 99}; // a pid with no group changes nothing
    const GanttLayout shut(rows, QSizeF(width, 0), full, options);

    // One row in place of the group's: the summary, where its first row was; the rest move up.
    QCOMPARE(shut.rowCount(), open.rowCount() - int(group.rows.size()) + 1);
    const int header = open.rowOfSource(group.rows.front());
    QCOMPARE(header, group.rows.front());
    QCOMPARE(shut.sourceRow(header), group.summary);
    QVERIFY(shut.rowData(header).kind == RowKind::Summary);
    for (const int r : group.rows)
        QCOMPARE(shut.rowOfSource(r), header);
    QVERIFY(shut.row(header).collapsed);
    QVERIFY(!shut.row(header).disclosureRect.isNull());
    QVERIFY(!open.row(header).collapsed);
    QVERIFY(!open.row(header).disclosureRect.isNull());
    QCOMPARE(shut.disclosureAt(shut.row(header).disclosureRect.center()), g);
    QCOMPARE(open.disclosureAt(open.row(header).disclosureRect.center()), g);
    QCOMPARE(shut.disclosureAt(
                 QPointF(shut.plotRect().center().x(), shut.row(header).rect.center().y())),
             -1);
    for (int r = 0; r < open.rowCount(); ++r) {
        if (rows.groupOfRow(open.sourceRow(r)) == g)
            continue;
        // Rows of the group above it are gone (a pid's tracks need not be contiguous), its
        // header became the summary.
        const auto above = int(std::count_if(group.rows.begin(), group.rows.end(),
                                             [&](int m) { return open.rowOfSource(m) < r; }));
        const int s = shut.rowOfSource(open.sourceRow(r));
        QCOMPARE(s, r - above + (header < r ? 1 : 0));
        QCOMPARE(shut.drawItems(s).size(), open.drawItems(r).size());
    }
    // Collapsing does not move the plot, so the ruler and the selection stay put.
    QCOMPARE(shut.plotRect().left(), open.plotRect().left());
    QCOMPARE(shut.plotRect().width(), open.plotRect().width());

    // The summary's rects cover the union of its threads' busy time: every pixel column that
    // some busy slice touches is drawn, and nothing else (wider than a pixel merged gaps).
    std::vector<std::pair<std::int64_t, std::int64_t>> spans;
    for (const TraceEvent& e : trace.events)
        if (e.type == EventType::Slice && isOnCpu(e.state) && trace.tracks[e.track].pid == pid)
            spans.emplace_back(e.begin_ns, e.end_ns);
    const auto busy = unionOf(spans, full);
    QVERIFY(busy.size() > 0);
    const auto items = shut.drawItems(header);
    QVERIFY(!items.empty());
    std::vector<std::pair<double, double>> drawn;
    for (const GanttDrawItem& item : items) {
        QVERIFY(item.kind == DrawKind::Slice);
        QCOMPARE(item.rect.top(), shut.row(header).sliceLane.top());
        drawn.emplace_back(item.rect.left(), item.rect.right());
    }
    QVERIFY(std::is_sorted(drawn.begin(), drawn.end()));
    for (const auto& [b, e] : busy) {
        // Each busy run is inside a drawn rect (to a pixel).
        const double x0 = shut.xForTime(b), x1 = shut.xForTime(e);
        const bool covered = std::any_of(drawn.begin(), drawn.end(), [&](const auto& d) {
            return d.first <= x0 + 1e-6 && d.second >= x1 - 1.0;
        });
        QVERIFY2(covered, qPrintable(QStringLiteral("%1-%2 px").arg(x0).arg(x1)));
    }
    for (const auto& [x0, x1] : drawn) {
        // Each rect begins on a busy run and ends at one's end (or a pixel past it).
        const std::int64_t t0 = shut.timeForX(x0);
        const bool starts = std::any_of(busy.begin(), busy.end(), [&](const auto& run) {
            return std::abs(shut.xForTime(run.first) - x0) < 1e-6;
        });
        QVERIFY2(starts, qPrintable(QStringLiteral("rect at %1 px (%2 ns)").arg(x0).arg(t0)));
        const bool ends = std::any_of(busy.begin(), busy.end(), [&](const auto& run) {
            const double end = shut.xForTime(run.second);
            return x1 >= end - 1e-6 && x1 <= std::max(end, x0 + 1.0) + 1e-6;
        });
        QVERIFY2(ends, qPrintable(QStringLiteral("rect to %1 px").arg(x1)));
    }
    if (width > 10'000) // wide enough that no gap is under a pixel: one rect per busy run
        QCOMPARE(drawn.size(), busy.size());
    // Its busy share is that union's, exactly; only a summary that was drawn has one.
    QVERIFY(rows.hasSummary(g));
    const SelectionStats stats = tasklane::selectionStats(rows, full);
    QCOMPARE(stats.groups.size(), std::size_t(1));
    QCOMPARE(stats.groups.front().row, group.summary);
    QCOMPARE(stats.groups.front().busy_ns, lengthOf(busy));
    // Pointing at the summary finds a busy slice of one of its threads.
    const QPointF onBusy(shut.xForTime((busy.front().first + busy.front().second) / 2),
                         shut.row(header).sliceLane.center().y());
    const auto picked = shut.eventAt(onBusy);
    QVERIFY(picked.has_value());
    QCOMPARE(trace.tracks[trace.events[*picked].track].pid, pid);
    QVERIFY(isOnCpu(trace.events[*picked].state));
}

void TestChart::expandingRestoresTheLayout() {
    const Trace trace = processTrace(5);
    const GanttRows rows(trace, GroupBy::Both);
    const TimeRange full = GanttLayout::fullRange(trace);
    const TimeRange zoomed{full.begin_ns + full.span() / 5, full.begin_ns + full.span() / 2};
    for (const TimeRange& range : {full, zoomed}) {
        GanttLayoutOptions options; // with a legend, which notes a collapsed process
        const GanttLayout before(rows, QSizeF(900, 0), range, options);
        options.collapsedPids = {10, 40};
        const GanttLayout collapsed(rows, QSizeF(900, 0), range, options);
        QVERIFY(collapsed.rowCount() < before.rowCount());
        QVERIFY(collapsed.size().height() < before.size().height());
        options.collapsedPids.clear();
        const GanttLayout after(rows, QSizeF(900, 0), range, options);
        QCOMPARE(after.size(), before.size());
        QCOMPARE(after.plotRect(), before.plotRect());
        QCOMPARE(after.legendRect(), before.legendRect());
        QCOMPARE(after.legend().size(), before.legend().size());
        QCOMPARE(after.flowLines().size(), before.flowLines().size());
        QCOMPARE(after.rowCount(), before.rowCount());
        for (int r = 0; r < before.rowCount(); ++r) {
            QCOMPARE(after.sourceRow(r), before.sourceRow(r));
            const GanttRowGeometry& a = after.row(r);
            const GanttRowGeometry& b = before.row(r);
            QCOMPARE(a.rect, b.rect);
            QCOMPARE(a.labelRect, b.labelRect);
            QCOMPARE(a.sliceLane, b.sliceLane);
            QCOMPARE(a.disclosureRect, b.disclosureRect);
            QCOMPARE(a.collapsed, b.collapsed);
            const auto x = after.drawItems(r);
            const auto y = before.drawItems(r);
            QCOMPARE(x.size(), y.size());
            for (std::size_t k = 0; k < x.size(); ++k) {
                QCOMPARE(x[k].rect, y[k].rect);
                QCOMPARE(x[k].event, y[k].event);
                QCOMPARE(x[k].count, y[k].count);
                QVERIFY(x[k].fill == y[k].fill && x[k].fillIndex == y[k].fillIndex);
            }
        }
    }
}

void TestChart::collapsedProcessPaintsItsTriangle() {
    // The triangle is drawn in the muted text colour, pointing down when open and right when
    // collapsed: its pixels' centre of mass lies left of its box's centre only when collapsed.
    const Trace trace = processTrace(1);
    const GanttRows rows(trace, GroupBy::Worker);
    GanttLayoutOptions options = plainOptions();
    for (const bool collapsed : {false, true}) {
        options.collapsedPids =
            collapsed ? std::vector<std::int64_t>{10} : std::vector<std::int64_t>{};
        const GanttLayout layout(rows, QSizeF(800, 0), GanttLayout::fullRange(trace), options);
        QImage image(layout.size().toSize(), QImage::Format_ARGB32);
        QPainter painter(&image);
        GanttPainter chart;
        chart.paint(painter, layout);
        painter.end();
        const QRect box = layout.row(0).disclosureRect.toAlignedRect();
        QVERIFY(!box.isEmpty());
        double sumX = 0, sumY = 0;
        int n = 0;
        for (int y = box.top(); y <= box.bottom(); ++y)
            for (int x = box.left(); x <= box.right(); ++x)
                if (sameColour(image.pixelColor(x, y), chart.style().mutedText, 40)) {
                    sumX += x;
                    sumY += y;
                    ++n;
                }
        QVERIFY2(n >= 6, "a triangle, not a dot");
        const QPointF centre(sumX / n, sumY / n);
        const QPointF middle = layout.row(0).disclosureRect.center();
        if (collapsed)
            QVERIFY(centre.x() < middle.x()); // ▸: wide on the left
        else
            QVERIFY(centre.y() < middle.y()); // ▾: wide on the top
    }
    // An exported chart shows what the screen does: collapsed processes take one row.
    ChartOptions chart;
    chart.groupBy = GroupBy::Worker;
    chart.pixelRatio = 1;
    const QImage open = ChartExporter::renderImage(trace, chart);
    chart.collapsedPids = {10, 20};
    const QImage shut = ChartExporter::renderImage(trace, chart);
    QCOMPARE(shut.width(), open.width());
    QVERIFY(shut.height() < open.height());
}

void TestChart::exportFoldsThenCapsRows_data() {
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("pids");
    QTest::addColumn<int>("rowsDrawn");
    QTest::addColumn<int>("rowsHidden");
    QTest::addColumn<bool>("folded");
    // Under the cap nothing changes: every thread its row, no process folded.
    QTest::newRow("10 threads, 1 process") << 10 << 1 << 10 << 0 << false;
    QTest::newRow("400 threads, 400 processes") << 400 << 400 << 400 << 0 << false;
    QTest::newRow("400 threads, 2 processes") << 400 << 2 << 400 << 0 << false;
    // Folding alone brings them under it.
    QTest::newRow("1,000 threads, 1 process") << 1000 << 1 << 1 << 0 << true;
    QTest::newRow("10,000 threads, 25 processes") << 10000 << 25 << 25 << 0 << true;
    // One thread per process: nothing to fold, so the cap cuts.
    QTest::newRow("1,000 threads, 1,000 processes") << 1000 << 1000 << 400 << 600 << false;
    QTest::newRow("10,000 threads, 10,000 processes") << 10000 << 10000 << 400 << 9600 << false;
    // Folded first, then cut: 1,000 summary rows.
    QTest::newRow("10,000 threads, 1,000 processes") << 10000 << 1000 << 400 << 600 << true;
}

void TestChart::exportFoldsThenCapsRows() {
    QFETCH(int, threads);
    QFETCH(int, pids);
    QFETCH(int, rowsDrawn);
    QFETCH(int, rowsHidden);
    QFETCH(bool, folded);
    const Trace trace = manyThreadsTrace(threads, pids);
    const GanttRows rows(trace, GroupBy::Both);
    ChartOptions options;
    const GanttLayoutOptions layoutOptions = ChartExporter::layoutOptions(rows, options);
    QCOMPARE(layoutOptions.maxRows, kExportMaxRows);
    QCOMPARE(!layoutOptions.collapsedPids.empty(), folded);
    const GanttLayout layout(rows, QSizeF(1400, 0), GanttLayout::fullRange(trace), layoutOptions);
    QCOMPARE(layout.rowCount(), rowsDrawn);
    QVERIFY(layout.rowCount() <= kExportMaxRows);
    QCOMPARE(layout.hiddenRows(), rowsHidden);

    // The reader is told, in the image, how many rows it does not show.
    const QString note = QStringLiteral("rows not drawn: %1 (an image shows the first %2)")
                             .arg(rowsHidden)
                             .arg(rowsDrawn);
    const bool told = std::any_of(layout.legend().begin(), layout.legend().end(),
                                  [&](const auto& entry) { return entry.text.startsWith(note); });
    if (told != (rowsHidden > 0))
        for (const auto& entry : layout.legend())
            qWarning() << entry.text;
    QCOMPARE(told, rowsHidden > 0);

    // As tall as the rows drawn need, whatever the trace holds.
    options.pixelRatio = 1;
    const QImage image = ChartExporter::renderImage(trace, options);
    QCOMPARE(image.height(), int(std::ceil(layout.size().height())));
    QVERIFY2(image.height() <= kExportMaxRows * layout.rowHeight() + 400,
             qPrintable(QString::number(image.height())));

    // The window's layout (no cap) still has every row, to scroll through.
    const GanttLayout window(rows, QSizeF(1400, 0), GanttLayout::fullRange(trace));
    QCOMPARE(window.hiddenRows(), 0);
    QCOMPARE(window.rowCount(), threads);
}

void TestChart::cappedExportWritesAReadablePng() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("many.png"));
    const Trace trace = manyThreadsTrace(10000, 10000);
    const SaveResult saved = ChartExporter::exportChart(trace, path, ChartOptions{});
    QVERIFY2(saved, qPrintable(saved.errorText()));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    // Tall: drawn at a lower pixel ratio (not below 1), so that Qt's readers, whose default
    // allocation limit is 128 MB, open it.
    QVERIFY(image.width() >= 1400 && image.width() <= 2800);
    QVERIFY(qint64(image.width()) * image.height() * 4 <= 128LL * 1024 * 1024);
    // 400 rows of about 24 px at devicePixelRatio 2, not 10,000 of them (480,000 px).
    QVERIFY2(image.height() < 30000, qPrintable(QString::number(image.height())));
}

QTEST_MAIN(TestChart)
#include "tst_chart.moc"
