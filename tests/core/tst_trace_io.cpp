// TestTraceIo: the trace file formats — Chrome Trace Event JSON written and read back
// exactly, files of other tools read, broken files refused with a position, and CSV.
#include "trace/chrome_trace_reader.h"
#include "trace/chrome_trace_writer.h"
#include "trace/csv_writer.h"
#include "trace/trace_recorder.h"
#include "trace/trace_stack.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cctype>
#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <thread>

using namespace tasklane;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(tasklane::Trace)

namespace {

constexpr std::int64_t T0 = 1'000'000'000'000; // 1000 s of uptime, in ns

// Builds a Trace by hand, the way tests and the chart's fixtures do.
class TraceBuilder {
public:
    TraceBuilder& track(TrackKind kind, std::int64_t pid, std::int64_t tid, std::string name) {
        trace_.tracks.push_back(Track{pid, tid, kind, std::move(name)});
        return *this;
    }
    TraceBuilder& slice(std::uint32_t track, State state, std::int64_t begin, std::int64_t end,
                        std::string_view label = {}, std::uint32_t task = 0, int cpu = -1) {
        return add(EventType::Slice, track, state, begin, end, label, task, cpu, 0);
    }
    TraceBuilder& async(std::uint32_t track, State state, std::int64_t begin, std::int64_t end,
                        std::string_view label = {}, std::uint32_t task = 0, int cpu = -1) {
        return add(EventType::AsyncSlice, track, state, begin, end, label, task, cpu, 0);
    }
    TraceBuilder& instant(std::uint32_t track, std::int64_t at, std::string_view label,
                          std::uint32_t task = 0, int cpu = -1) {
        return add(EventType::Instant, track, State::Running, at, at, label, task, cpu, 0);
    }
    TraceBuilder& counter(std::uint32_t track, std::int64_t at, std::string_view label,
                          double value) {
        return add(EventType::Counter, track, State::Running, at, at, label, 0, -1, value);
    }
    TraceBuilder& flow(double id, std::uint32_t from, std::int64_t fromNs, std::uint32_t to,
                       std::int64_t toNs, std::uint32_t task = 0) {
        add(EventType::FlowStart, from, State::Running, fromNs, fromNs, {}, task, -1, id);
        return add(EventType::FlowEnd, to, State::Running, toNs, toNs, {}, task, -1, id);
    }
    Trace build() {
        Trace t = trace_;
        t.finalize();
        return t;
    }
    Trace unfinalized() const { return trace_; }

private:
    TraceBuilder& add(EventType type, std::uint32_t track, State state, std::int64_t begin,
                      std::int64_t end, std::string_view label, std::uint32_t task, int cpu,
                      double value) {
        TraceEvent e;
        e.type = type;
        e.track = track;
        e.state = state;
        e.begin_ns = begin;
        e.end_ns = end;
        e.label = trace_.intern(label);
        e.task = task;
        e.cpu = std::int16_t(cpu);
        e.value = value;
        trace_.events.push_back(e);
        return *this;
    }
    Trace trace_;
};

QString describe(const Trace& t, const TraceEvent& e) {
    return u"track=%1 type=%2 state=%3 begin=%4 end=%5 task=%6 cpu=%7 value=%8 label=[%9]"_s
        .arg(e.track)
        .arg(int(e.type))
        .arg(QString::fromUtf8(stateName(e.state)))
        .arg(e.begin_ns)
        .arg(e.end_ns)
        .arg(e.task)
        .arg(e.cpu)
        .arg(QString::number(e.value, 'g', 17))
        .arg(QString::fromStdString(std::string(t.label(e))));
}

// Every field of every event, in an order independent of how ties were sorted.
QStringList canonicalEvents(const Trace& t) {
    QStringList lines;
    for (const TraceEvent& e : t.events)
        lines << describe(t, e);
    lines.sort();
    return lines;
}

QStringList describeTracks(const Trace& t) {
    QStringList lines;
    for (const Track& k : t.tracks)
        lines << u"%1/%2 %3 [%4]"_s.arg(k.pid).arg(k.tid).arg(
            QString::fromUtf8(trackKindName(k.kind)), QString::fromStdString(k.name));
    return lines;
}

QJsonArray eventsOf(const QByteArray& json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "written JSON does not parse:" << error.errorString() << error.offset;
    return doc.object().value("traceEvents"_L1).toArray();
}

QList<QJsonObject> withPhase(const QJsonArray& events, const QString& ph) {
    QList<QJsonObject> out;
    for (const QJsonValue& v : events)
        if (v.toObject().value("ph"_L1).toString() == ph)
            out << v.toObject();
    return out;
}

// A minimal RFC 4180 reader, to check what CsvWriter quotes.
QList<QStringList> parseCsv(const QByteArray& data) {
    const QString text = QString::fromUtf8(data);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row << field;
        rows << row;
    }
    return rows;
}

Trace everyTypeTrace() {
    TraceBuilder b;
    b.track(TrackKind::Main, 100, 100, "MainThread")
        .track(TrackKind::Thread, 100, 101, "ThreadPoolExecutor-0_0")
        .track(TrackKind::Process, 200, 200, "ForkProcess-1")
        .track(TrackKind::EventLoop, 100, 102, "asyncio loop");
    b.slice(0, State::Running, T0, T0 + 1500, "main", 0, 3)
        .slice(0, State::LockWait, T0 + 1500, T0 + 2001) // no label: named after its state
        .slice(0, State::Running, T0 + 10'000, T0 + 20'000, "outer", 4, 1)
        .slice(0, State::Sleeping, T0 + 12'000, T0 + 15'000, "inner", 4) // nested
        .slice(1, State::Running, T0 + 100, T0 + 5'000'123, "square(3)", 1, 1)
        .slice(1, State::GilWait, T0 + 5'000'123, T0 + 5'000'124, "running",
               1) // other state's name
        .slice(1, State::Running, T0 + 6'000'000, T0 + 7'000'000, "running", 2, 0) // its own
        .slice(2, State::Spawning, T0, T0 + 3'000'000, "spawn", 3, 2)
        .slice(2, State::Running, T0 + 3'000'000, T0 + 4'000'000, "cube(2)", 3, 32767);
    for (int s = 0; s < kStateCount; ++s) // every state once
        b.slice(1, State(s), T0 + 8'000'000 + s * 1000, T0 + 8'000'000 + s * 1000 + 999,
                "state " + std::to_string(s), 7, s - 1);
    b.async(3, State::Queued, T0 + 200, T0 + 9000, "task-1", 5)
        .async(3, State::Queued, T0 + 300, T0 + 8000, "task-2", 6) // overlaps task-1
        .async(3, State::Awaiting, T0 + 9000, T0 + 9500, {}, 5)
        .async(3, State::Awaiting, T0 + 9100, T0 + 9700, "again", 5) // same task, overlapping
        .async(3, State::Idle, T0 + 400, T0 + 700)                   // no task
        .async(3, State::Idle, T0 + 500, T0 + 900, {}, 0, 2);
    b.instant(0, T0 + 1000, "최종 값: 42", 1)
        .instant(3, T0 + 9500, {})
        .instant(1, T0 + 50, "printed on cpu 2", 0, 2);
    b.counter(0, T0 + 1000, "shared value", 3)
        .counter(0, T0 + 2000, "shared value", 7.25)
        .counter(1, T0 + 2000, "queue.depth", -2)
        .counter(1, T0 + 3000, {}, 1e-7);
    b.flow(1, 0, T0 + 50, 1, T0 + 100, 1).flow(2, 0, T0 + 60, 2, T0 + 3'000'000, 3);
    return b.build();
}

Trace escapesTrace() {
    TraceBuilder b;
    b.track(TrackKind::Main, 1, 1, "메인 \"스레드\"").track(TrackKind::Thread, 1, 2, "tab\there\\");
    const char* labels[] = {"최종 값",         "quote \" inside",     "back\\slash",
                            "line\nbreak\r\n", "tab\tand\bbell\f",    "ctrl \x01\x1f\x7f",
                            "emoji 😀 ok",      "comma, semi; colon:", "</script>"};
    std::int64_t t = T0;
    for (const char* label : labels) {
        b.slice(0, State::Running, t, t + 10, label, 1, 0);
        b.instant(1, t, label);
        b.counter(1, t, label, 1);
        t += 100;
    }
    std::string nul("nul\0byte", 8);
    b.slice(1, State::Running, t, t + 1, nul);
    return b.build();
}

Trace tiesTrace() {
    TraceBuilder b;
    b.track(TrackKind::Main, 7, 7, "main");
    // Everything at T0 on one track: finalize() leaves these in any order.
    b.slice(0, State::Running, T0, T0 + 10, "a", 1, 0)
        .slice(0, State::Running, T0, T0 + 10, "b", 1, 0)
        .slice(0, State::Sleeping, T0, T0 + 10, "a", 1, 0)
        .slice(0, State::Running, T0, T0, "zero") // ends when the instants do
        .instant(0, T0, "x")
        .instant(0, T0, "y")
        .instant(0, T0, "x", 2)
        .counter(0, T0, "c", 2)
        .counter(0, T0, "c", 1)
        .flow(9, 0, T0, 0, T0, 1)
        .flow(3, 0, T0, 0, T0, 1)
        .async(0, State::Queued, T0, T0, {}, 0)
        .async(0, State::Queued, T0, T0, {}, 0)
        .instant(0, T0, "x"); // an exact duplicate
    return b.build();
}

Trace sharedTidTrace() {
    TraceBuilder b;
    b.track(TrackKind::Main, 100, 100, "MainThread")
        .track(TrackKind::EventLoop, 100, 100, "asyncio loop") // the loop runs on the main thread
        .track(TrackKind::Thread, 100, 101, "worker")
        .track(TrackKind::Thread, 100, 102, "worker 2")
        .track(TrackKind::Thread, 100, 101, "worker again")
        .track(TrackKind::Process, 300, 300, "child");
    for (std::uint32_t k = 0; k < 6; ++k)
        b.slice(k, State::Running, T0 + k * 100, T0 + k * 100 + 50, "work", k + 1, int(k));
    b.async(1, State::Awaiting, T0, T0 + 500, "coro", 9);
    return b.build();
}

Trace hugeTimesTrace() {
    // Beyond 2^53 ns: absolute microseconds in a double could not hold these.
    constexpr std::int64_t base = (std::int64_t(1) << 53) + 1;
    TraceBuilder b;
    b.track(TrackKind::Main, 1, 1, "main");
    b.slice(0, State::Running, base, base + 1, "one ns")
        .slice(0, State::Running, base + 1, base + 3, "two ns")
        .counter(0, base + 2, "v", 0.1)
        .instant(0, base + 7, "end");
    return b.build();
}

Trace negativeTimesTrace() {
    TraceBuilder b;
    b.track(TrackKind::Main, 1, 1, "main");
    b.slice(0, State::Running, -2000, -1000, "before zero")
        .slice(0, State::Running, -1, 1, "across zero")
        .instant(0, -1'000'001, "early");
    return b.build();
}

Trace oddValuesTrace() {
    TraceBuilder b;
    b.track(TrackKind::Main, 1, 1, "main");
    const double values[] = {0.0,
                             -0.0, // written as 0: QJsonDocument drops the sign anyway
                             -1.5,
                             1e300,
                             5e-324,
                             0.1 + 0.2,
                             123456789012345678.0,
                             std::numeric_limits<double>::quiet_NaN(),
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity()};
    std::int64_t t = T0;
    for (double v : values)
        b.counter(0, t += 10, "v", v);
    b.flow(4294967295.0, 0, T0, 0, T0 + 5, 4294967295u);
    return b.build();
}

Trace recordedTrace() {
    TraceRecorder rec;
    const std::uint32_t main = rec.addTrack(TrackKind::Main, "MainThread");
    const std::uint32_t label = rec.intern("main work");
    const std::int64_t start = TraceRecorder::now();
    std::uint32_t worker = 0;
    std::thread thread([&] {
        worker = rec.addTrack(TrackKind::Thread, "Thread-1 (worker)");
        const std::uint32_t task = rec.newTaskId();
        const std::int64_t a = TraceRecorder::now();
        rec.asyncSlice(worker, State::Queued, start, a, task, rec.intern("queued"));
        const std::int64_t b = TraceRecorder::now();
        rec.slice(worker, State::Running, a, b, task, rec.intern("square(4)"),
                  TraceRecorder::currentCpu());
        rec.instant(worker, b, rec.intern("16"), task);
        rec.counter(worker, b, rec.intern("results"), 1);
    });
    thread.join();
    const std::int64_t end = TraceRecorder::now();
    rec.slice(main, State::Running, start, end, 0, label, TraceRecorder::currentCpu());
    rec.flow(rec.newFlowId(), main, start, worker, end);
    return rec.finish();
}

// ~`count` events over 8 tracks, built directly (Trace::intern is too slow for this).
Trace largeTrace(int count) {
    Trace t;
    for (int k = 0; k < 8; ++k)
        t.tracks.push_back(Track{1000, 1000 + k, k == 0 ? TrackKind::Main : TrackKind::Thread,
                                 "worker " + std::to_string(k)});
    for (int i = 0; i < 100; ++i)
        t.strings.push_back("task " + std::to_string(i) + " 값");
    t.events.reserve(std::size_t(count));
    std::int64_t clock[8] = {};
    for (int i = 0; i < count; ++i) {
        const auto k = std::uint32_t(i % 8);
        TraceEvent e;
        e.track = k;
        e.begin_ns = T0 + clock[k];
        const int kind = (i / 8) % 10;
        if (kind < 7) {
            e.type = EventType::Slice;
            e.end_ns = e.begin_ns + 1000 + i % 997;
            e.state = State(i % kStateCount);
            e.cpu = std::int16_t(i % 4);
            e.task = std::uint32_t(i % 5000);
            clock[k] = e.end_ns - T0;
        } else if (kind == 7) {
            e.type = EventType::Counter;
            e.end_ns = e.begin_ns;
            e.value = i * 0.5;
        } else if (kind == 8) {
            e.type = EventType::AsyncSlice;
            e.end_ns = e.begin_ns + 50'000;
            e.state = State::Queued;
            e.task = std::uint32_t(i % 5000);
        } else {
            e.type = EventType::Instant;
            e.end_ns = e.begin_ns;
        }
        e.label = std::uint32_t(1 + i % 100);
        t.events.push_back(e);
    }
    t.finalize();
    return t;
}

} // namespace

class TestTraceIo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void roundTripThroughFile();

    void writerEventShape();
    void writerTimeFormat();
    void writerMakesTidsUnique();
    void writerEscapes_data();
    void writerEscapes();
    void writerReplacesInvalidUtf8();
    void writerOrderDoesNotDependOnInputOrder();
    void writerTiesIgnoreUnwrittenFields();
    void writerSkipsEventsWithoutTrack();

    void readVizTracerSample();
    void readBareArray();
    void readAsyncPairs();
    void readCounters();
    void readFlows();
    void readInstants();
    void readSkipsOtherPhases();
    void readTrackNamesKindsAndOrder();
    void readStringIds();
    void readClosesUnfinishedSlices();
    void readStateFromArgsOrCategory();
    void stateNamesInExports_data();
    void stateNamesInExports();

    void readErrors_data();
    void readErrors();
    void readFileErrors();
    void readEdgeCases_data();
    void readEdgeCases();
    void readAgreesWithQJsonDocument();
    void errorToString();
    void errorMessageIsTheReason_data();
    void errorMessageIsTheReason();
    void syntaxMessagesAreQtsWords();
    void reasonsKeepTheirEnglish_data();
    void reasonsKeepTheirEnglish();

    void csvHeaderAndRows();
    void csvQuoting_data();
    void csvQuoting();
    void csvValuesPerType();

    void writeFailureLeavesNoFile_data();
    void writeFailureLeavesNoFile();
    void writeReplacesExistingFile();
    void writeFailureMessage();

    void largeTraceRoundTrip();

    void stackAlignsPartsAndRenumbers();
    void stackOfNothing();
};

// --- round trip -------------------------------------------------------------------------

void TestTraceIo::roundTrip_data() {
    QTest::addColumn<Trace>("trace");
    QTest::newRow("every event type") << everyTypeTrace();
    QTest::newRow("escapes and Korean") << escapesTrace();
    QTest::newRow("ties on track, begin and end") << tiesTrace();
    QTest::newRow("tracks sharing pid and tid") << sharedTidTrace();
    QTest::newRow("times beyond 2^53 ns") << hugeTimesTrace();
    QTest::newRow("negative times") << negativeTimesTrace();
    QTest::newRow("odd counter values and flow ids") << oddValuesTrace();
    QTest::newRow("recorded by TraceRecorder") << recordedTrace();
    TraceBuilder tracksOnly;
    tracksOnly.track(TrackKind::Main, 5, 5, "idle main").track(TrackKind::Process, 6, 6, "idle");
    QTest::newRow("tracks without events") << tracksOnly.build();
    QTest::newRow("empty trace") << Trace{};
}

void TestTraceIo::roundTrip() {
    QFETCH(Trace, trace);
    const QByteArray json = ChromeTraceWriter::toJson(trace);

    ChromeTraceReader::Error error;
    const std::optional<Trace> read = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(read.has_value(), qPrintable(error.toString()));
    QCOMPARE(describeTracks(*read), describeTracks(trace));
    QCOMPARE(read->events.size(), trace.events.size());
    QCOMPARE(canonicalEvents(*read), canonicalEvents(trace));
    QCOMPARE(read->beginNs(), trace.beginNs());
    QCOMPARE(read->endNs(), trace.endNs());
    QCOMPARE(read->maxCpu(), trace.maxCpu());

    const QByteArray again = ChromeTraceWriter::toJson(*read);
    if (again != json) {
        const QList<QByteArray> a = json.split('\n');
        const QList<QByteArray> b = again.split('\n');
        for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i)
            QVERIFY2(a[i] == b[i], qPrintable(u"line %1 differs:\n%2\n%3"_s.arg(i + 1).arg(
                                       QString::fromUtf8(a[i]), QString::fromUtf8(b[i]))));
        QCOMPARE(b.size(), a.size());
    }
    QCOMPARE(again, json);
}

void TestTraceIo::roundTripThroughFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Trace trace = everyTypeTrace();
    const QString path = dir.filePath(u"trace.json"_s);
    const SaveResult saved = ChromeTraceWriter::write(trace, path);
    QVERIFY2(saved, qPrintable(saved.errorText()));
    QVERIFY(saved.errorText().isEmpty());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), ChromeTraceWriter::toJson(trace));
    file.close();

    ChromeTraceReader::Error error;
    const std::optional<Trace> read = ChromeTraceReader::read(path, &error);
    QVERIFY2(read.has_value(), qPrintable(error.toString()));
    QCOMPARE(canonicalEvents(*read), canonicalEvents(trace));
    QCOMPARE(describeTracks(*read), describeTracks(trace));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"trace.json"_s});
}

// --- writer -----------------------------------------------------------------------------

void TestTraceIo::writerEventShape() {
    const Trace trace = everyTypeTrace();
    const QByteArray json = ChromeTraceWriter::toJson(trace);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object().value("displayTimeUnit"_L1).toString(), u"ns"_s);
    QCOMPARE(doc.object().value("otherData"_L1).toObject().value("generator"_L1).toString(),
             u"tasklane"_s);
    const QJsonArray events = doc.object().value("traceEvents"_L1).toArray();

    std::size_t slices = 0, asyncs = 0, instants = 0, counters = 0, flowStarts = 0, flowEnds = 0;
    for (const TraceEvent& e : trace.events) {
        slices += e.type == EventType::Slice;
        asyncs += e.type == EventType::AsyncSlice;
        instants += e.type == EventType::Instant;
        counters += e.type == EventType::Counter;
        flowStarts += e.type == EventType::FlowStart;
        flowEnds += e.type == EventType::FlowEnd;
    }

    // Every X carries its state and cpu.
    const QList<QJsonObject> xs = withPhase(events, u"X"_s);
    QCOMPARE(std::size_t(xs.size()), slices);
    for (const QJsonObject& x : xs) {
        const QJsonObject args = x.value("args"_L1).toObject();
        QVERIFY2(args.value("state"_L1).isString(), QJsonDocument(x).toJson().constData());
        QVERIFY(stateFromName(args.value("state"_L1).toString().toStdString()).has_value());
        QCOMPARE(x.value("cat"_L1).toString(), args.value("state"_L1).toString());
        QVERIFY2(args.value("cpu"_L1).isDouble(), QJsonDocument(x).toJson().constData());
        QVERIFY(args.value("task"_L1).isDouble());
        QVERIFY(x.value("ts"_L1).isDouble());
        QVERIFY(x.value("dur"_L1).toDouble() >= 0);
        QVERIFY(!x.value("name"_L1).toString().isEmpty());
    }
    // The label-less lock wait is named after its state; cpu -1 is written, not left out.
    const auto lockWait = std::find_if(xs.begin(), xs.end(), [](const QJsonObject& x) {
        return x.value("cat"_L1).toString() == "lock-wait"_L1;
    });
    QVERIFY(lockWait != xs.end());
    QCOMPARE(lockWait->value("name"_L1).toString(), u"lock-wait"_s);
    QCOMPARE(lockWait->value("args"_L1).toObject().value("cpu"_L1).toInt(), -1);

    // Async slices: a b/e pair each, with matching ids and names, b directly followed by e.
    const QList<QJsonObject> bs = withPhase(events, u"b"_s);
    const QList<QJsonObject> es = withPhase(events, u"e"_s);
    QCOMPARE(std::size_t(bs.size()), asyncs);
    QCOMPARE(es.size(), bs.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject o = events[i].toObject();
        if (o.value("ph"_L1).toString() != "b"_L1)
            continue;
        const QJsonObject e = events[i + 1].toObject();
        QCOMPARE(e.value("ph"_L1).toString(), u"e"_s);
        QCOMPARE(e.value("id"_L1), o.value("id"_L1));
        QCOMPARE(e.value("cat"_L1), o.value("cat"_L1));
        QVERIFY(o.value("args"_L1).toObject().value("track"_L1).isDouble());
        QVERIFY(o.value("id"_L1).toString().startsWith("0x"_L1));
    }
    QSet<QString> idsOfTaskless;
    for (const QJsonObject& b : bs)
        if (b.value("args"_L1).toObject().value("task"_L1).toInt() == 0)
            idsOfTaskless << b.value("id"_L1).toString();
    QCOMPARE(idsOfTaskless.size(), 2); // each task-less slice has an id of its own

    QCOMPARE(std::size_t(withPhase(events, u"i"_s).size()), instants);
    for (const QJsonObject& i : withPhase(events, u"i"_s))
        QCOMPARE(i.value("s"_L1).toString(), u"t"_s);
    QCOMPARE(std::size_t(withPhase(events, u"C"_s).size()), counters);
    QCOMPARE(std::size_t(withPhase(events, u"s"_s).size()), flowStarts);
    const QList<QJsonObject> fs = withPhase(events, u"f"_s);
    QCOMPARE(std::size_t(fs.size()), flowEnds);
    for (const QJsonObject& f : fs) {
        QCOMPARE(f.value("bp"_L1).toString(), u"e"_s);
        QCOMPARE(f.value("cat"_L1).toString(), u"flow"_s);
    }

    // Metadata: a process name per pid, a thread name with kind and a sort index per track.
    QStringList processNames;
    QStringList threadNames;
    QList<int> sortIndexes;
    for (const QJsonObject& m : withPhase(events, u"M"_s)) {
        const QString name = m.value("name"_L1).toString();
        const QJsonObject args = m.value("args"_L1).toObject();
        if (name == "process_name"_L1)
            processNames
                << u"%1 %2"_s.arg(m.value("pid"_L1).toInt()).arg(args.value("name"_L1).toString());
        else if (name == "thread_name"_L1)
            threadNames << u"%1/%2 %3 %4"_s.arg(m.value("pid"_L1).toInt())
                               .arg(m.value("tid"_L1).toInt())
                               .arg(args.value("kind"_L1).toString(),
                                    args.value("name"_L1).toString());
        else if (name == "thread_sort_index"_L1)
            sortIndexes << args.value("sort_index"_L1).toInt();
    }
    QCOMPARE(processNames, (QStringList{u"100 tasklane"_s, u"200 tasklane worker"_s}));
    QCOMPARE(
        threadNames,
        (QStringList{u"100/100 main MainThread"_s, u"100/101 thread ThreadPoolExecutor-0_0"_s,
                     u"200/200 process ForkProcess-1"_s, u"100/102 event-loop asyncio loop"_s}));
    QCOMPARE(sortIndexes, (QList<int>{0, 1, 2, 3}));

    // The Korean instant label is stored as UTF-8, not escaped.
    QVERIFY(json.contains("\"name\":\"최종 값: 42\""));
}

void TestTraceIo::writerTimeFormat() {
    TraceBuilder b;
    b.track(TrackKind::Main, 1, 1, "main");
    b.slice(0, State::Running, T0 + 5, T0 + 1'234'567, "s", 0, 0).instant(0, T0, "first");
    const QByteArray json = ChromeTraceWriter::toJson(b.build());
    // Microseconds from the earliest begin, always three decimals.
    QVERIFY2(json.contains("\"ts\":0.005,\"dur\":1234.562,"), json.constData());
    QVERIFY(json.contains("\"ts\":0.000,"));
    const QJsonObject other =
        QJsonDocument::fromJson(json).object().value("otherData"_L1).toObject();
    QCOMPARE(other.value("origin_ns"_L1).toInteger(), T0);
    QCOMPARE(other.value("clock"_L1).toString(), u"CLOCK_MONOTONIC"_s);
    // One event per line: a broken file's error lines point at one event.
    const QJsonArray events = eventsOf(json);
    QCOMPARE(json.count("\n{\"ph\":"), events.size());
}

void TestTraceIo::writerMakesTidsUnique() {
    const Trace trace = sharedTidTrace();
    const QJsonArray events = eventsOf(ChromeTraceWriter::toJson(trace));
    QStringList keys;
    QStringList realTids;
    for (const QJsonObject& m : withPhase(events, u"M"_s)) {
        if (m.value("name"_L1).toString() != "thread_name"_L1)
            continue;
        keys << u"%1/%2"_s.arg(m.value("pid"_L1).toInteger()).arg(m.value("tid"_L1).toInteger());
        const QJsonValue real = m.value("args"_L1).toObject().value("tid"_L1);
        realTids << (real.isUndefined() ? u"-"_s : QString::number(real.toInteger()));
    }
    // First owner keeps its tid; the others go above the pid's highest tid (102).
    QCOMPARE(keys, (QStringList{u"100/100"_s, u"100/103"_s, u"100/101"_s, u"100/102"_s,
                                u"100/104"_s, u"300/300"_s}));
    QCOMPARE(realTids, (QStringList{u"-"_s, u"100"_s, u"-"_s, u"-"_s, u"101"_s, u"-"_s}));
    // Each track's events use its file tid.
    for (const QJsonObject& x : withPhase(events, u"X"_s))
        QVERIFY(keys.contains(
            u"%1/%2"_s.arg(x.value("pid"_L1).toInteger()).arg(x.value("tid"_L1).toInteger())));
    const QList<QJsonObject> bs = withPhase(events, u"b"_s);
    QCOMPARE(bs.size(), 1);
    QCOMPARE(bs[0].value("tid"_L1).toInteger(), 103);
    QCOMPARE(bs[0].value("args"_L1).toObject().value("track"_L1).toInt(), 1);
}

void TestTraceIo::writerEscapes_data() {
    QTest::addColumn<QByteArray>("label");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("quote") << QByteArray("say \"hi\"") << QByteArray(R"js("say \"hi\"")js");
    QTest::newRow("backslash") << QByteArray("C:\\temp\\") << QByteArray(R"js("C:\\temp\\")js");
    QTest::newRow("newline and tab") << QByteArray("a\nb\tc\r") << QByteArray(R"js("a\nb\tc\r")js");
    QTest::newRow("backspace and form feed") << QByteArray("\b\f") << QByteArray(R"js("\b\f")js");
    QTest::newRow("other controls")
        << QByteArray("\x01\x1f") << QByteArray(R"js("\u0001\u001f")js");
    QTest::newRow("nul") << QByteArray("a\0b", 3) << QByteArray(R"js("a\u0000b")js");
    QTest::newRow("Korean stays UTF-8") << QByteArray("최종 값") << QByteArray("\"최종 값\"");
    QTest::newRow("4-byte UTF-8") << QByteArray("😀") << QByteArray("\"😀\"");
    QTest::newRow("DEL and slash as is") << QByteArray("\x7f/") << QByteArray("\"\x7f/\"");
}

void TestTraceIo::writerEscapes() {
    QFETCH(QByteArray, label);
    QFETCH(QByteArray, written);
    TraceBuilder b;
    b.track(TrackKind::Main, 1, 1, label.toStdString());
    b.instant(0, T0, label.toStdString());
    const QByteArray json = ChromeTraceWriter::toJson(b.build());
    QVERIFY2(json.contains("\"name\":" + written + ",\"pid\""), json.constData());
    QVERIFY2(json.contains("\"args\":{\"name\":" + written + ","), json.constData());

    ChromeTraceReader::Error error;
    const auto read = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(read, qPrintable(error.toString()));
    QCOMPARE(read->events.size(), std::size_t(1));
    QCOMPARE(QByteArray::fromStdString(std::string(read->label(read->events[0]))), label);
    QCOMPARE(QByteArray::fromStdString(read->tracks[0].name), label);
}

void TestTraceIo::writerReplacesInvalidUtf8() {
    TraceBuilder b;
    b.track(TrackKind::Main, 1, 1, "bad \xC3 name");
    // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate.
    b.instant(0, T0,
              "a\x80"
              "b\xE2\x82"
              "c\xC0\xAF"
              "d\xED\xA0\x80"
              "e");
    const QByteArray json = ChromeTraceWriter::toJson(b.build());
    ChromeTraceReader::Error error;
    const auto read = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(read, qPrintable(error.toString()));
    const QString fffd(QChar(0xFFFD));
    QCOMPARE(QString::fromStdString(std::string(read->label(read->events[0]))),
             "a"_L1 + fffd + "b"_L1 + fffd + fffd + "c"_L1 + fffd + fffd + "d"_L1 + fffd + fffd +
                 fffd + "e"_L1);
    QCOMPARE(QString::fromStdString(read->tracks[0].name), "bad "_L1 + fffd + " name"_L1);
}

void TestTraceIo::writerOrderDoesNotDependOnInputOrder() {
    // The writer must not rely on finalize(): give it the events reversed and unsorted.
    const Trace sorted = tiesTrace();
    Trace reversed = sorted;
    std::reverse(reversed.events.begin(), reversed.events.end());
    QCOMPARE(ChromeTraceWriter::toJson(reversed), ChromeTraceWriter::toJson(sorted));
    Trace rotated = everyTypeTrace();
    const QByteArray expected = ChromeTraceWriter::toJson(rotated);
    std::rotate(rotated.events.begin(), rotated.events.begin() + 7, rotated.events.end());
    QCOMPARE(ChromeTraceWriter::toJson(rotated), expected);
}

void TestTraceIo::writerTiesIgnoreUnwrittenFields() {
    // Ties are broken on what each type writes, as written; fields a type does not write come
    // back as defaults and must not have decided the order, or a rewrite would differ.
    TraceBuilder b;
    b.track(TrackKind::Main, 1, 1, "main");
    b.slice(0, State::Running, T0, T0 + 10, "b")
        .slice(0, State::Running, T0, T0 + 10, "a")
        .instant(0, T0, "i2")
        .instant(0, T0, "i1")
        .counter(0, T0, "m", 0.0)
        .counter(0, T0, "l", -0.0)
        .counter(0, T0, "n", std::numeric_limits<double>::quiet_NaN())
        .counter(0, T0, "k", -std::numeric_limits<double>::quiet_NaN());
    Trace t = b.unfinalized();
    for (TraceEvent& e : t.events) {
        if (e.type == EventType::Slice && t.label(e) == "b")
            e.value = -99; // not written for slices: must not put "b" first
        if (e.type == EventType::Instant && t.label(e) == "i1")
            e.state = State::Awaiting; // not written for instants: must not put "i2" first
        if (e.type == EventType::Counter && t.label(e) == "l")
            e.cpu = 3; // not written for counters: must not put "m" first
    }
    t.finalize();
    const QByteArray json = ChromeTraceWriter::toJson(t);
    ChromeTraceReader::Error error;
    const auto read = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(read, qPrintable(error.toString()));
    QCOMPARE(ChromeTraceWriter::toJson(*read), json);
    const qsizetype a = json.indexOf("\"name\":\"a\"");
    const qsizetype bb = json.indexOf("\"name\":\"b\"");
    QVERIFY(a > 0 && bb > a);
    QVERIFY(json.indexOf("\"name\":\"i1\"") < json.indexOf("\"name\":\"i2\""));
    // Counters by value as written (-0 is 0, NaN last), then by label.
    QVERIFY(json.indexOf("\"name\":\"l\"") < json.indexOf("\"name\":\"m\""));
    QVERIFY(json.indexOf("\"name\":\"m\"") < json.indexOf("\"name\":\"k\""));
    QVERIFY(json.indexOf("\"name\":\"k\"") < json.indexOf("\"name\":\"n\""));
}

void TestTraceIo::writerSkipsEventsWithoutTrack() {
    TraceBuilder b;
    b.track(TrackKind::Main, 1, 1, "main");
    b.slice(0, State::Running, T0, T0 + 10, "kept");
    Trace t = b.unfinalized();
    TraceEvent stray = t.events[0];
    stray.track = 5;
    stray.label = 999; // out of the string table too
    t.events.push_back(stray);
    const QByteArray json = ChromeTraceWriter::toJson(t);
    QCOMPARE(withPhase(eventsOf(json), u"X"_s).size(), 1);
    QCOMPARE(parseCsv(CsvWriter::toCsv(t)).size(), 2);
}

// --- reader: other tools' files ---------------------------------------------------------

void TestTraceIo::readVizTracerSample() {
    // As VizTracer writes it: X events with fractional microseconds, nested by time, and
    // B/E pairs from a second thread.
    const QByteArray json = R"js({"traceEvents":[
{"ph":"M","pid":1805,"tid":1805,"name":"process_name","args":{"name":"python3"}},
{"ph":"M","pid":1805,"tid":1805,"name":"thread_name","args":{"name":"MainThread"}},
{"ph":"M","pid":1805,"tid":1806,"name":"thread_name","args":{"name":"Thread-1"}},
{"pid":1805,"tid":1805,"ts":9089707.546,"dur":1001126.1,"name":"time.sleep","caller_lineno":4,"ph":"X","cat":"FEE"},
{"pid":1805,"tid":1805,"ts":9089706.346,"dur":1001131.8,"name":"<module> (a.py:1)","ph":"X","cat":"FEE"},
{"pid":1805,"tid":1805,"ts":9089705.746,"dur":1001136.6,"name":"builtins.exec","ph":"X","cat":"FEE"},
{"pid":1805,"tid":1806,"ts":9089710.0,"ph":"B","name":"outer","cat":"FEE"},
{"pid":1805,"tid":1806,"ts":9089711.5,"ph":"B","name":"inner"},
{"pid":1805,"tid":1806,"ts":9089712.25,"ph":"E"},
{"pid":1805,"tid":1806,"ts":9089720,"ph":"E","args":{"return_value":"None"}}
],"displayTimeUnit":"ns","viztracer_metadata":{"version":"0.15.6"}})js";
    ChromeTraceReader::Error error;
    const auto trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(trace, qPrintable(error.toString()));
    QCOMPARE(describeTracks(*trace),
             (QStringList{u"1805/1805 main [MainThread]"_s, u"1805/1806 thread [Thread-1]"_s}));
    QCOMPARE(trace->events.size(), std::size_t(5));

    const auto main = trace->eventsOf(0);
    QCOMPARE(main.size(), std::size_t(3));
    // Sorted by begin: the enclosing call first.
    QCOMPARE(trace->label(main[0]), std::string_view("builtins.exec"));
    QCOMPARE(main[0].begin_ns, std::int64_t(9089705746));
    QCOMPARE(main[0].end_ns, std::int64_t(9089705746 + 1001136600));
    QCOMPARE(trace->label(main[1]), std::string_view("<module> (a.py:1)"));
    QCOMPARE(trace->label(main[2]), std::string_view("time.sleep"));
    QCOMPARE(main[2].begin_ns, std::int64_t(9089707546));
    QCOMPARE(main[2].duration_ns(), std::int64_t(1001126100));
    for (const TraceEvent& e : main) {
        QCOMPARE(e.type, EventType::Slice);
        QCOMPARE(e.state, State::Running);
        QCOMPARE(int(e.cpu), -1);
        QCOMPARE(e.task, 0u);
    }

    const auto thread = trace->eventsOf(1);
    QCOMPARE(thread.size(), std::size_t(2));
    QCOMPARE(trace->label(thread[0]), std::string_view("outer"));
    QCOMPARE(thread[0].begin_ns, std::int64_t(9089710000));
    QCOMPARE(thread[0].end_ns, std::int64_t(9089720000));
    QCOMPARE(trace->label(thread[1]), std::string_view("inner"));
    QCOMPARE(thread[1].begin_ns, std::int64_t(9089711500));
    QCOMPARE(thread[1].end_ns, std::int64_t(9089712250));
    QCOMPARE(thread[1].type, EventType::Slice);
}

void TestTraceIo::readBareArray() {
    const QByteArray json = R"js([
  {"name":"work","ph":"X","ts":10,"dur":5.5,"pid":3,"tid":4,"args":{"state":"lock-held","cpu":2,"task":17}},
  {"name":"hello","ph":"i","ts":12,"pid":3,"tid":4,"s":"g"}
])js";
    ChromeTraceReader::Error error;
    const auto trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(trace, qPrintable(error.toString()));
    QCOMPARE(describeTracks(*trace), QStringList{u"3/4 thread [thread 4]"_s});
    QCOMPARE(
        canonicalEvents(*trace),
        (QStringList{
            u"track=0 type=0 state=lock-held begin=10000 end=15500 task=17 cpu=2 value=0 label=[work]"_s,
            u"track=0 type=2 state=running begin=12000 end=12000 task=0 cpu=-1 value=0 label=[hello]"_s}));
}

void TestTraceIo::readAsyncPairs() {
    const QByteArray json = R"js({"traceEvents":[
{"ph":"b","cat":"queued","id":"0x1","name":"job","pid":1,"tid":2,"ts":1},
{"ph":"b","cat":"queued","id":"0x2","name":"job","pid":1,"tid":2,"ts":2,"args":{"task":2}},
{"ph":"b","cat":"queued","id":"0x1","name":"inner","pid":1,"tid":2,"ts":3},
{"ph":"e","cat":"queued","id":"0x1","name":"job","pid":1,"tid":2,"ts":10},
{"ph":"e","cat":"queued","id":"0x2","pid":1,"tid":2,"ts":6,"args":{"task":7}},
{"ph":"e","cat":"queued","id":"0x1","pid":1,"tid":2,"ts":4},
{"ph":"b","cat":"net","id2":{"local":"0xa"},"name":"fetch","pid":1,"tid":3,"ts":5},
{"ph":"b","cat":"net","id2":{"local":"0xa"},"name":"fetch","pid":9,"tid":9,"ts":5},
{"ph":"e","cat":"net","id2":{"local":"0xa"},"pid":1,"tid":3,"ts":8},
{"ph":"e","cat":"net","id2":{"local":"0xa"},"pid":9,"tid":9,"ts":9},
{"ph":"S","cat":"legacy","id":5,"name":"old","pid":1,"tid":2,"ts":20},
{"ph":"F","cat":"legacy","id":5,"pid":1,"tid":2,"ts":30}
]})js";
    ChromeTraceReader::Error error;
    const auto trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(trace, qPrintable(error.toString()));
    QCOMPARE(
        canonicalEvents(*trace),
        (QStringList{
            // "job" 0x1 closes by name although "inner" opened later; the nameless e
            // closes what is left. The end's args override the begin's.
            u"track=0 type=1 state=queued begin=1000 end=10000 task=0 cpu=-1 value=0 label=[job]"_s,
            u"track=0 type=1 state=queued begin=2000 end=6000 task=7 cpu=-1 value=0 label=[job]"_s,
            u"track=0 type=1 state=queued begin=3000 end=4000 task=0 cpu=-1 value=0 label=[inner]"_s,
            u"track=0 type=1 state=running begin=20000 end=30000 task=0 cpu=-1 value=0 label=[old]"_s,
            // id2.local is per process: the same id in pid 9 is another slice.
            u"track=1 type=1 state=running begin=5000 end=8000 task=0 cpu=-1 value=0 label=[fetch]"_s,
            u"track=2 type=1 state=running begin=5000 end=9000 task=0 cpu=-1 value=0 label=[fetch]"_s}));
}

void TestTraceIo::readCounters() {
    const QByteArray json = R"js([
{"ph":"C","name":"depth","pid":1,"tid":1,"ts":1,"args":{"value":3}},
{"ph":"C","name":"pets","pid":1,"tid":1,"ts":2,"args":{"dogs":2,"cats":1.5,"note":"text"}},
{"ph":"C","name":"ctr","pid":1,"ts":3,"args":{"value":"NaN"}},
{"ph":"C","name":"none","pid":1,"ts":4}
])js";
    ChromeTraceReader::Error error;
    const auto trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(trace, qPrintable(error.toString()));
    QCOMPARE(
        canonicalEvents(*trace),
        (QStringList{
            u"track=0 type=3 state=running begin=1000 end=1000 task=0 cpu=-1 value=3 label=[depth]"_s,
            u"track=0 type=3 state=running begin=2000 end=2000 task=0 cpu=-1 value=1.5 label=[pets.cats]"_s,
            u"track=0 type=3 state=running begin=2000 end=2000 task=0 cpu=-1 value=2 label=[pets.dogs]"_s,
            u"track=0 type=3 state=running begin=3000 end=3000 task=0 cpu=-1 value=nan label=[ctr]"_s}));
}

void TestTraceIo::readFlows() {
    const QByteArray json = R"js([
{"ph":"s","name":"flow","cat":"flow","id":7,"pid":1,"tid":1,"ts":1,"args":{"task":3}},
{"ph":"t","name":"flow","cat":"flow","id":7,"pid":1,"tid":2,"ts":2},
{"ph":"f","bp":"e","name":"flow","cat":"flow","id":7,"pid":1,"tid":3,"ts":3},
{"ph":"s","id":"0x1f","pid":1,"tid":1,"ts":4},
{"ph":"f","id":"abc","pid":1,"tid":1,"ts":5},
{"ph":"s","id2":{"global":12},"pid":1,"tid":1,"ts":6}
])js";
    ChromeTraceReader::Error error;
    const auto trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(trace, qPrintable(error.toString()));
    QCOMPARE(
        canonicalEvents(*trace),
        (QStringList{
            u"track=0 type=4 state=running begin=1000 end=1000 task=3 cpu=-1 value=7 label=[]"_s,
            u"track=0 type=4 state=running begin=4000 end=4000 task=0 cpu=-1 value=31 label=[]"_s,
            u"track=0 type=4 state=running begin=6000 end=6000 task=0 cpu=-1 value=12 label=[]"_s,
            // A string id that is not a number gets a synthetic one, above 2^40.
            u"track=0 type=5 state=running begin=5000 end=5000 task=0 cpu=-1 value=1099511627776 label=[]"_s,
            u"track=1 type=4 state=running begin=2000 end=2000 task=0 cpu=-1 value=7 label=[]"_s,
            u"track=1 type=5 state=running begin=2000 end=2000 task=0 cpu=-1 value=7 label=[]"_s,
            u"track=2 type=5 state=running begin=3000 end=3000 task=0 cpu=-1 value=7 label=[]"_s}));
}

void TestTraceIo::readInstants() {
    const QByteArray json = R"js([
{"ph":"i","name":"print","s":"t","pid":1,"tid":1,"ts":1.5,"args":{"task":4,"cpu":1}},
{"ph":"I","name":"legacy","pid":1,"tid":1,"ts":2},
{"ph":"i","name":"global","s":"g","ts":3}
])js";
    ChromeTraceReader::Error error;
    const auto trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(trace, qPrintable(error.toString()));
    // No pid and no tid: pid 0, tid = pid.
    QCOMPARE(describeTracks(*trace),
             (QStringList{u"1/1 main [thread 1]"_s, u"0/0 main [thread 0]"_s}));
    QCOMPARE(
        canonicalEvents(*trace),
        (QStringList{
            u"track=0 type=2 state=running begin=1500 end=1500 task=4 cpu=1 value=0 label=[print]"_s,
            u"track=0 type=2 state=running begin=2000 end=2000 task=0 cpu=-1 value=0 label=[legacy]"_s,
            u"track=1 type=2 state=running begin=3000 end=3000 task=0 cpu=-1 value=0 label=[global]"_s}));
}

void TestTraceIo::readSkipsOtherPhases() {
    const QByteArray json = R"js([
{"ph":"P","name":"sample","pid":1,"tid":1,"ts":1},
{"ph":"O","name":"obj","id":"0x1","pid":1,"tid":1,"ts":1,"args":{"snapshot":{}}},
{"ph":"N","name":"obj","id":"0x1","pid":1,"tid":1,"ts":1},
{"ph":"D","name":"obj","id":"0x1","pid":1,"tid":1,"ts":2},
{"ph":"R","name":"mark","pid":1,"tid":1,"ts":2},
{"ph":"n","cat":"c","id":"0x1","name":"async instant","pid":1,"tid":1,"ts":2},
{"ph":"c","name":"clock_sync","pid":1,"tid":1,"ts":2,"args":{"sync_id":"x"}},
{"ph":"T","cat":"c","id":"0x1","name":"step","pid":1,"tid":1,"ts":2},
{"ph":"V","name":"dump","pid":1,"tid":1,"ts":2},
{"ph":"v","name":"dump","pid":1,"tid":1,"ts":2},
{"ph":"(","pid":1,"tid":1,"ts":2},
{"ph":")","pid":1,"tid":1,"ts":2},
{"ph":"M","name":"process_labels","pid":1,"args":{"labels":"x"}},
{"ph":"X","name":"kept","pid":1,"tid":1,"ts":3,"dur":1}
])js";
    ChromeTraceReader::Error error;
    const auto trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(trace, qPrintable(error.toString()));
    QCOMPARE(trace->events.size(), std::size_t(1));
    QCOMPARE(trace->label(trace->events[0]), std::string_view("kept"));
}

void TestTraceIo::readTrackNamesKindsAndOrder() {
    const QByteArray json = R"js({"traceEvents":[
{"ph":"X","name":"a","pid":1,"tid":11,"ts":1,"dur":1},
{"ph":"X","name":"b","pid":1,"tid":12,"ts":1,"dur":1},
{"ph":"X","name":"c","pid":1,"tid":1,"ts":1,"dur":1},
{"ph":"M","name":"thread_name","pid":1,"tid":12,"args":{"name":"loop","kind":"event-loop"}},
{"ph":"M","name":"thread_name","pid":1,"tid":11,"args":{"name":"w","kind":"no-such-kind"}},
{"ph":"M","name":"thread_sort_index","pid":1,"tid":12,"args":{"sort_index":-1}},
{"ph":"M","name":"thread_sort_index","pid":1,"tid":1,"args":{"sort_index":5}},
{"ph":"M","name":"thread_name","pid":2,"tid":20,"args":{"name":"no events","kind":"process","tid":77}}
]})js";
    ChromeTraceReader::Error error;
    const auto trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(trace, qPrintable(error.toString()));
    // Sort indexes first, by value; the rest by first appearance. args.tid is the real tid.
    QCOMPARE(describeTracks(*trace),
             (QStringList{u"1/12 event-loop [loop]"_s, u"1/1 main [thread 1]"_s,
                          u"1/11 thread [w]"_s, u"2/77 process [no events]"_s}));
    QCOMPARE(trace->label(trace->eventsOf(0)[0]), std::string_view("b"));
    QCOMPARE(trace->label(trace->eventsOf(1)[0]), std::string_view("c"));
    QCOMPARE(trace->label(trace->eventsOf(2)[0]), std::string_view("a"));
    QVERIFY(trace->eventsOf(3).empty());
}

void TestTraceIo::readStringIds() {
    const QByteArray json = R"js([
{"ph":"X","name":"a","pid":"1","tid":"42","ts":1,"dur":1},
{"ph":"X","name":"b","pid":"renderer","tid":"worker-a","ts":1,"dur":1},
{"ph":"X","name":"c","pid":"renderer","tid":"worker-b","ts":1,"dur":1},
{"ph":"X","name":"d","pid":"renderer","tid":"worker-a","ts":2,"dur":1}
])js";
    ChromeTraceReader::Error error;
    const auto trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(trace, qPrintable(error.toString()));
    const QString base = QString::number(std::int64_t(1) << 40);
    const QString next = QString::number((std::int64_t(1) << 40) + 1);
    const QString third = QString::number((std::int64_t(1) << 40) + 2);
    QCOMPARE(describeTracks(*trace), (QStringList{u"1/42 thread [thread 42]"_s,
                                                  u"%1/%2 thread [worker-a]"_s.arg(base, next),
                                                  u"%1/%2 thread [worker-b]"_s.arg(base, third)}));
    QCOMPARE(trace->eventsOf(1).size(), std::size_t(2));
}

void TestTraceIo::readClosesUnfinishedSlices() {
    // A recording cut off mid-slice: viewers draw open slices up to the last timestamp.
    const QByteArray json = R"js([
{"ph":"B","name":"open","pid":1,"tid":1,"ts":1},
{"ph":"b","cat":"queued","id":3,"name":"waiting","pid":1,"tid":1,"ts":2},
{"ph":"X","name":"last","pid":1,"tid":2,"ts":5,"dur":4}
])js";
    ChromeTraceReader::Error error;
    const auto trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(trace, qPrintable(error.toString()));
    QCOMPARE(
        canonicalEvents(*trace),
        (QStringList{
            u"track=0 type=0 state=running begin=1000 end=9000 task=0 cpu=-1 value=0 label=[open]"_s,
            u"track=0 type=1 state=queued begin=2000 end=9000 task=0 cpu=-1 value=0 label=[waiting]"_s,
            u"track=1 type=0 state=running begin=5000 end=9000 task=0 cpu=-1 value=0 label=[last]"_s}));
}

void TestTraceIo::readStateFromArgsOrCategory() {
    const QByteArray json = R"js([
{"ph":"X","name":"a","cat":"sleeping","pid":1,"tid":1,"ts":1,"dur":1},
{"ph":"X","name":"b","cat":"sleeping","pid":1,"tid":1,"ts":2,"dur":1,"args":{"state":"gil-wait"}},
{"ph":"X","name":"c","cat":"FEE","pid":1,"tid":1,"ts":3,"dur":1,"args":{"state":"R","cpu":70000,"task":-4}},
{"ph":"X","name":"idle","pid":1,"tid":1,"ts":4,"dur":1,"args":{"state":"idle","cpu":3}},
{"ph":"X","name":"idle","pid":1,"tid":1,"ts":5,"dur":1,"args":{"state":"idle","label":"idle"}}
])js";
    ChromeTraceReader::Error error;
    const auto trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(trace, qPrintable(error.toString()));
    QCOMPARE(
        canonicalEvents(*trace),
        (QStringList{
            u"track=0 type=0 state=gil-wait begin=2000 end=3000 task=0 cpu=-1 value=0 label=[b]"_s,
            // A name equal to args.state is the writer's stand-in for no label...
            u"track=0 type=0 state=idle begin=4000 end=5000 task=0 cpu=3 value=0 label=[]"_s,
            // ...unless args.label says it is the label.
            u"track=0 type=0 state=idle begin=5000 end=6000 task=0 cpu=-1 value=0 label=[idle]"_s,
            // Unknown state and category: running. Out-of-range cpu and task: unknown, none.
            u"track=0 type=0 state=running begin=3000 end=4000 task=0 cpu=-1 value=0 label=[c]"_s,
            u"track=0 type=0 state=sleeping begin=1000 end=2000 task=0 cpu=-1 value=0 label=[a]"_s}));
}

// --- reader: broken files ---------------------------------------------------------------

void TestTraceIo::stateNamesInExports_data() {
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("name");
    QTest::newRow("running") << int(State::Running) << u"running"_s;
    QTest::newRow("gil-wait") << int(State::GilWait) << u"gil-wait"_s;
    // Ready, but the OS gave the core to another thread (Perfetto's Runnable).
    QTest::newRow("waiting-for-core") << int(State::WaitingForCore) << u"waiting-for-core"_s;
}

void TestTraceIo::stateNamesInExports() {
    QFETCH(int, state);
    QFETCH(QString, name);
    TraceBuilder b;
    b.track(TrackKind::Thread, 1, 2, "worker 1");
    b.slice(0, State(state), T0, T0 + 5000, "square(3)", 1, -1);
    const Trace trace = b.build();

    // JSON: the state is args.state (and the category), and comes back as the same state.
    const QByteArray json = ChromeTraceWriter::toJson(trace);
    const QJsonArray events = QJsonDocument::fromJson(json).object()["traceEvents"_L1].toArray();
    QJsonObject slice;
    for (const auto& v : events)
        if (v.toObject()["ph"_L1].toString() == "X"_L1)
            slice = v.toObject();
    QCOMPARE(slice["args"_L1].toObject()["state"_L1].toString(), name);
    QCOMPARE(slice["cat"_L1].toString(), name);
    ChromeTraceReader::Error error;
    const auto read = ChromeTraceReader::fromJson(json, &error);
    QVERIFY2(read, qPrintable(error.toString()));
    QCOMPARE(read->events.size(), std::size_t(1));
    QCOMPARE(int(read->events[0].state), state);
    QCOMPARE(QString::fromUtf8(stateName(State(state))), name);
    QCOMPARE(int(stateFromName(name.toStdString()).value_or(State::Idle)), state);

    // CSV: the state column.
    const QList<QStringList> rows = parseCsv(CsvWriter::toCsv(trace));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1][6], name);
}

void TestTraceIo::readErrors_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("reason");

    const QByteArray good = R"js({"ph":"X","name":"a","pid":1,"tid":1,"ts":1,"dur":2})js";

    QTest::newRow("empty file") << QByteArray() << 1 << 1 << u"empty"_s;
    QTest::newRow("only whitespace") << QByteArray("\n\n  ") << 3 << 3 << u"empty"_s;
    QTest::newRow("not JSON at all")
        << QByteArray("this is not JSON\n") << 1 << 1 << u"not a JSON object or array"_s;
    QTest::newRow("top-level number")
        << QByteArray("\n  42") << 2 << 3 << u"not a JSON object or array"_s;
    QTest::newRow("top-level string after a BOM")
        << QByteArray("\xEF\xBB\xBF\"traceEvents\"") << 1 << 2 << u"not a JSON object or array"_s;
    QTest::newRow("truncated") << QByteArray("{\"traceEvents\":[\n" + good +
                                             ",\n{\"ph\":\"X\",\"name\":\"b\",\"pid\":1,\"ti")
                               << 3 << 33 << u"unterminated string"_s;
    // Cut short: the end is where the last real character stops, not the line after it.
    QTest::newRow("truncated after an event")
        << QByteArray("{\"traceEvents\":[\n" + good + ",\n" + good + "\n") << 3
        << int(good.size()) + 1 << u"unexpected end of file (unterminated array)"_s;
    QTest::newRow("one line cut short, newline at the end")
        << QByteArray("{\"traceEvents\": [{\"ph\":\"X\"}\n") << 1 << 28
        << u"unexpected end of file (unterminated array)"_s;
    QTest::newRow("one line cut short in a string, blank lines after")
        << QByteArray("[{\"name\": \"ab\n\n  \n") << 1 << 14
        << u"unexpected end of file (unterminated string)"_s;
    QTest::newRow("trailing comma") << QByteArray("{\"traceEvents\":[\n" + good + ",\n]}") << 3 << 2
                                    << u"missing after a comma"_s;
    QTest::newRow("missing comma")
        << QByteArray("[\n" + good + "\n" + good + "]") << 3 << 2 << u"missing value separator"_s;
    QTest::newRow("garbage after the document") << QByteArray("[]\n]") << 2 << 1 << u"garbage"_s;
    QTest::newRow("invalid UTF-8")
        << QByteArray("[\n{\"ph\":\"i\",\"name\":\"\xff\"}]") << 2 << 19 << u"UTF8"_s;
    QTest::newRow("no traceEvents")
        << QByteArray("{\"events\":[]}") << 1 << 1 << u"no 'traceEvents'"_s;
    QTest::newRow("traceEvents not an array")
        << QByteArray("{\"traceEvents\":{}}") << 1 << 1 << u"'traceEvents' is not an array"_s;
    QTest::newRow("bad origin") << QByteArray(
                                       R"js({"traceEvents":[],"otherData":{"origin_ns":1.5}})js")
                                << 1 << 1 << u"origin_ns"_s;

    QTest::newRow("missing dur")
        << QByteArray("{\"traceEvents\":[\n" + good +
                      ",\n{\"ph\":\"X\",\"name\":\"b\",\"pid\":1,\"tid\":1,\"ts\":3}\n]}")
        << 3 << 1 << u"event 1: X event has no 'dur'"_s;
    QTest::newRow("negative dur")
        << QByteArray("[" + good + ", {\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":3,\"dur\":-1}]") << 1
        << 56 << u"event 1: X event has a negative 'dur'"_s;
    QTest::newRow("E without B") << QByteArray(R"js([
{"ph":"B","name":"a","pid":1,"tid":1,"ts":1},
{"ph":"E","pid":1,"tid":1,"ts":2},
  {"ph":"E","pid":1,"tid":1,"ts":3}
])js") << 4 << 3 << u"event 2: E event without a matching B event"_s;
    QTest::newRow("E on another thread") << QByteArray(R"js([
{"ph":"B","name":"a","pid":1,"tid":1,"ts":1},
{"ph":"E","pid":1,"tid":2,"ts":2}
])js") << 3 << 1 << u"event 1: E event without a matching B"_s;
    QTest::newRow("E before its B") << QByteArray(R"js([
{"ph":"B","name":"a","pid":1,"tid":1,"ts":5},
{"ph":"E","pid":1,"tid":1,"ts":2}
])js") << 3 << 1 << u"ends before"_s;
    QTest::newRow("missing ph") << QByteArray("[\n{\"name\":\"a\",\"ts\":1}\n]") << 2 << 1
                                << u"event 0: no 'ph'"_s;
    QTest::newRow("ph not a string")
        << QByteArray("[{\"ph\":88}]") << 1 << 2 << u"'ph' is not a string"_s;
    QTest::newRow("unknown ph") << QByteArray("[" + good + ",\n\t{\"ph\":\"Z\",\"ts\":1}]") << 2
                                << 2 << u"event 1: unknown phase 'Z'"_s;
    QTest::newRow("long ph") << QByteArray("[{\"ph\":\"XX\",\"ts\":1}]") << 1 << 2
                             << u"unknown phase 'XX'"_s;
    QTest::newRow("event not an object")
        << QByteArray("[" + good + ",1]") << 1 << 55 << u"event 1: not an object"_s;
    QTest::newRow("X without ts") << QByteArray("[{\"ph\":\"X\",\"dur\":1}]") << 1 << 2
                                  << u"X event has no 'ts'"_s;
    QTest::newRow("ts is a string")
        << QByteArray("[{\"ph\":\"i\",\"ts\":\"12\"}]") << 1 << 2 << u"'ts' is not a number"_s;
    QTest::newRow("ts out of range")
        << QByteArray("[{\"ph\":\"i\",\"ts\":1e300}]") << 1 << 2 << u"'ts' is out of range"_s;
    QTest::newRow("pid is a bool") << QByteArray("[{\"ph\":\"i\",\"ts\":1,\"pid\":true}]") << 1 << 2
                                   << u"'pid' is not a number or a string"_s;
    QTest::newRow("tid is fractional") << QByteArray("[{\"ph\":\"i\",\"ts\":1,\"tid\":1.5}]") << 1
                                       << 2 << u"'tid' is not an integer"_s;
    QTest::newRow("b without id") << QByteArray("[{\"ph\":\"b\",\"cat\":\"c\",\"ts\":1}]") << 1 << 2
                                  << u"b event has no 'id'"_s;
    QTest::newRow("e without b") << QByteArray(
                                        "[{\"ph\":\"b\",\"cat\":\"c\",\"id\":1,\"ts\":1},\n"
                                        "{\"ph\":\"e\",\"cat\":\"other\",\"id\":1,\"ts\":2}]")
                                 << 2 << 1 << u"event 1: e event without a matching b event"_s;
    QTest::newRow("flow without id")
        << QByteArray("[{\"ph\":\"s\",\"ts\":1}]") << 1 << 2 << u"s event has no 'id'"_s;
    QTest::newRow("C args not an object")
        << QByteArray("[{\"ph\":\"C\",\"ts\":1,\"args\":[1]}]") << 1 << 2 << u"'args'"_s;
    // Columns count characters, not bytes: "최종" is 2 characters, 6 bytes.
    QTest::newRow("column after Korean text")
        << QByteArray("[{\"ph\":\"i\",\"name\":\"최종\",\"ts\":1}, {\"ph\":\"Q\"}]") << 1 << 33
        << u"event 1: unknown phase 'Q'"_s;
    QTest::newRow("event in an object with keys first")
        << QByteArray("{\"otherData\":{\"traceEvents\":[1]},\n\"traceEvents\":[\n" + good +
                      ",\n  {\"ph\":\"X\",\"ts\":1,\"dur\":\"x\"}]}")
        << 4 << 3 << u"'dur' is not a number"_s;
}

void TestTraceIo::readErrors() {
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, reason);

    ChromeTraceReader::Error error;
    const std::optional<Trace> trace = ChromeTraceReader::fromJson(json, &error);
    QVERIFY(!trace.has_value());
    QVERIFY(!error.reason.isEmpty());
    QVERIFY2(error.reason.contains(reason), qPrintable(error.reason));
    QVERIFY(error.offset >= 0 && error.offset <= json.size());
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    const QString text = error.toString();
    QVERIFY2(text.startsWith(u"line %1, column %2: "_s.arg(line).arg(column)), qPrintable(text));
    QVERIFY(!text.contains(u'\n'));

    // Through a file, the same error; and a null error pointer is fine.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"broken.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    ChromeTraceReader::Error fromFile;
    QVERIFY(!ChromeTraceReader::read(file.fileName(), &fromFile).has_value());
    QCOMPARE(fromFile.toString(), text);
    QVERIFY(!ChromeTraceReader::fromJson(json).has_value());
}

// The reader scans the text itself (QJsonDocument took seconds and gigabytes for a million
// events) but must refuse and accept exactly what QJsonDocument does, at the same position.
void TestTraceIo::readEdgeCases_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // "line L, column C: reason" or the events
    const QByteArray x = R"js({"ph":"X","name":"a","pid":1,"tid":1,"ts":1,"dur":2})js";

    // Syntax, as QJsonDocument reports it.
    QTest::newRow("closing quote at the very end")
        << QByteArray("[\"a\"")
        << u"line 1, column 5: unexpected end of file (unterminated string)"_s;
    QTest::newRow("number at the very end")
        << QByteArray("[1")
        << u"line 1, column 3: unexpected end of file (invalid termination by number)"_s;
    QTest::newRow("number too big")
        << QByteArray("[\n1e400]") << u"line 2, column 6: illegal number"_s;
    QTest::newRow("number too small")
        << QByteArray("[1e-400]") << u"line 1, column 8: illegal number"_s;
    QTest::newRow("bare minus") << QByteArray("[-]") << u"line 1, column 3: illegal number"_s;
    QTest::newRow("leading zero") << QByteArray("[01]")
                                  << u"line 1, column 4: missing value separator"_s;
    QTest::newRow("short literal") << QByteArray("[tru]") << u"line 1, column 3: illegal value"_s;
    QTest::newRow("wrong literal")
        << QByteArray("[nulx, 1]") << u"line 1, column 6: illegal value"_s;
    QTest::newRow("bad \\u escape")
        << QByteArray("[\"\\u12\"]") << u"line 1, column 7: invalid escape sequence"_s;
    QTest::newRow("surrogate as UTF-8")
        << QByteArray("[\"ok \xED\xA0\x80\"]") << u"line 1, column 6: invalid UTF8 string"_s;
    QTest::newRow("overlong UTF-8")
        << QByteArray("[\"\xC0\xAF\"]") << u"line 1, column 3: invalid UTF8 string"_s;
    QTest::newRow("missing colon")
        << QByteArray("{\"traceEvents\" []}") << u"line 1, column 17: missing name separator"_s;
    QTest::newRow("missing member") << QByteArray("{\"traceEvents\":[],}")
                                    << u"line 1, column 20: object is missing after a comma"_s;
    QTest::newRow("too deep") << QByteArray("[" + x + ",\n" + QByteArray(1024, '[') +
                                            QByteArray(1024, ']') + "]")
                              << u"line 2, column 1025: too deeply nested document"_s;
    // A syntax error anywhere wins over an event's error before it, as when the whole
    // document was parsed first.
    QTest::newRow("syntax error after a bad event")
        << QByteArray("[{\"ph\":\"Z\"},\n" + x + "\n" + x + "]")
        << u"line 3, column 2: missing value separator"_s;

    // Keys and values as JSON allows them.
    QTest::newRow("escaped keys and names")
        << QByteArray(
               R"js([{"p\u0068":"X","name":"caf\u00e9 \ud83d\ude00 \/ \ud800","pid":1,"tid":1,"ts":1,"dur":2}])js")
        << u"track=0 type=0 state=running begin=1000 end=3000 task=0 cpu=-1 value=0 "
           "label=[café 😀 / ?]"_s;
    QTest::newRow("a key given twice: the last counts")
        << QByteArray(
               R"js([{"ph":"B","ph":"X","name":"a","pid":1,"tid":1,"ts":1,"dur":2,"ts":5,"args":{"cpu":1,"cpu":2}}])js")
        << u"track=0 type=0 state=running begin=5000 end=7000 task=0 cpu=2 value=0 label=[a]"_s;
    QTest::newRow("traceEvents given twice: the last counts")
        << QByteArray("{\"traceEvents\":[{\"ph\":\"Z\"}],\"traceEvents\":[" + x + "]}")
        << u"track=0 type=0 state=running begin=1000 end=3000 task=0 cpu=-1 value=0 label=[a]"_s;
    QTest::newRow("whole numbers in other spellings")
        << QByteArray(
               R"js([{"ph":"X","name":"a","pid":1.0,"tid":1e0,"ts":-0.0,"dur":2.000,"args":{"task":1E1,"cpu":0.3e1}}])js")
        << u"track=0 type=0 state=running begin=0 end=2000 task=10 cpu=3 value=0 label=[a]"_s;
    QTest::newRow("whitespace and a BOM")
        << QByteArray("\xEF\xBB\xBF \r\n\t[ {\"ph\" :\"i\" , \"ts\": 2 } ]\r\n")
        << u"track=0 type=2 state=running begin=2000 end=2000 task=0 cpu=-1 value=0 label=[]"_s;
    // The origin comes after the events in Tasklane's files; times are relative until then.
    QTest::newRow("origin after the events")
        << QByteArray("{\"traceEvents\":[" + x + "],\"otherData\":{\"origin_ns\":500}}")
        << u"track=0 type=0 state=running begin=1500 end=3500 task=0 cpu=-1 value=0 label=[a]"_s;
    QTest::newRow("an end that overflows only with the origin")
        << QByteArray("{\"traceEvents\":[\n" + x +
                      ",\n{\"ph\":\"X\",\"ts\":4e15,\"dur\":4e15},{\"ph\":\"Q\"}\n],"
                      "\"otherData\":{\"origin_ns\":4000000000000000000}}")
        << u"line 3, column 1: event 1: 'dur' is out of range"_s;
    QTest::newRow("an earlier event's error wins over a later overflow")
        << QByteArray("{\"traceEvents\":[\n{\"ph\":\"Q\"},\n{\"ph\":\"X\",\"ts\":4e15,\"dur\":4e15}"
                      "\n],\"otherData\":{\"origin_ns\":4000000000000000000}}")
        << u"line 2, column 1: event 0: unknown phase 'Q'"_s;
}

void TestTraceIo::readEdgeCases() {
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    ChromeTraceReader::Error error;
    const std::optional<Trace> trace = ChromeTraceReader::fromJson(json, &error);
    const QString got = trace ? canonicalEvents(*trace).join(u'\n') : error.toString();
    QCOMPARE(got, expected);
}

void TestTraceIo::readAgreesWithQJsonDocument() {
    // Thousands of damaged copies of real files: wherever QJsonDocument refuses one, the
    // reader refuses it at the same line and column with the same words; wherever it accepts
    // one, the reader never reports a syntax error, and reads what QJsonDocument re-serialises
    // into the same trace.
    QList<QByteArray> seeds = {ChromeTraceWriter::toJson(everyTypeTrace()),
                               ChromeTraceWriter::toJson(escapesTrace()),
                               ChromeTraceWriter::toJson(oddValuesTrace())};
    seeds << R"js({"traceEvents":[
{"ph":"M","pid":1805,"tid":1805,"name":"thread_name","args":{"name":"MainThread"}},
{"pid":1805,"tid":1805,"ts":9089707.546,"dur":1001126.1,"name":"time.sleep","ph":"X","cat":"FEE"},
{"pid":1805,"tid":1806,"ts":9089710.0,"ph":"B","name":"outer","cat":"FEE","args":{"cpu":2}},
{"pid":1805,"tid":1806,"ts":9089720,"ph":"E","args":{"return_value":"None","state":"sleeping"}},
{"ph":"b","cat":"net","id2":{"local":"0xa"},"name":"fetch","pid":1,"tid":3,"ts":5},
{"ph":"e","cat":"net","id2":{"local":"0xa"},"pid":1,"tid":3,"ts":8},
{"ph":"C","name":"pets","pid":"7","tid":"w\u00e9","ts":2,"args":{"dogs":2,"cats":1.5e0,"n":null}},
{"ph":"s","id":"0x1f","pid":1,"ts":4,"args":{"task":true}}, {"ph":"f","id":31,"pid":1,"ts":5}
],"displayTimeUnit":"ns","otherData":{"origin_ns":123456789}})js";
    const char alphabet[] = "{}[],:\"\\ \n0123456789.eE-+tfnulx\xC3\xA9\xFF";
    std::mt19937 random(20261125); // fixed: a failure must reproduce
    int refused = 0;
    int read = 0;
    for (int round = 0; round < 4000; ++round) {
        QByteArray json = seeds[qsizetype(random() % seeds.size())];
        const int edits = 1 + int(random() % 3);
        for (int e = 0; e < edits; ++e) {
            const auto at = qsizetype(random() % (json.size() + 1));
            const char c = alphabet[random() % (sizeof(alphabet) - 1)];
            switch (random() % 4) {
            case 0:
                json.remove(at, 1 + qsizetype(random() % 3));
                break;
            case 1:
                json.insert(at, c);
                break;
            case 2:
                if (at < json.size())
                    json[at] = c;
                break;
            default:
                json.truncate(at);
                break;
            }
        }

        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        ChromeTraceReader::Error error;
        const std::optional<Trace> trace = ChromeTraceReader::fromJson(json, &error);
        const QByteArray context = "round " + QByteArray::number(round) + ": " + json.left(300);
        if (parseError.error != QJsonParseError::NoError) {
            ++refused;
            QVERIFY2(!trace, context.constData());
            // Where QJsonDocument would have put it (the reader's words for a document that
            // is empty or not an object or array are its own).
            qsizetype first = json.startsWith("\xEF\xBB\xBF") ? 3 : 0;
            while (first < json.size() && std::isspace(static_cast<unsigned char>(json[first])))
                ++first;
            const bool odd = first == json.size() || (json[first] != '{' && json[first] != '[');
            qsizetype offset = odd ? first : std::min<qsizetype>(parseError.offset, json.size());
            // Cut short: the reader says so where the last real character stops.
            qsizetype last = json.size();
            while (last > first && std::isspace(static_cast<unsigned char>(json[last - 1])))
                --last;
            if (!odd && offset >= last && parseError.error != QJsonParseError::MissingObject &&
                parseError.error != QJsonParseError::GarbageAtEnd) {
                offset = last;
                QVERIFY2(error.reason.startsWith(u"unexpected end of file ("_s),
                         qPrintable(error.reason));
            }
            const QByteArray before = json.left(offset);
            const int line = int(before.count('\n')) + 1;
            int column = 1;
            for (const char ch : before.mid(before.lastIndexOf('\n') + 1))
                column += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
            QVERIFY2(error.line == line && error.column == column,
                     qPrintable(u"%1\nexpected line %2, column %3; got %4"_s.arg(
                         QString::fromUtf8(context), QString::number(line), QString::number(column),
                         error.toString())));
            QVERIFY2(error.reason.contains(parseError.errorString()) ||
                         (odd && error.reason.startsWith(u"empty document"_s)),
                     qPrintable(error.reason + u"\n"_s + QString::fromUtf8(context)));
            continue;
        }
        if (!trace) {
            // Valid JSON, but not a trace: the reason names an event or the top level.
            const QString& r = error.reason;
            QVERIFY2(r.startsWith(u"event "_s) || r.startsWith(u"no 'traceEvents'"_s) ||
                         r.startsWith(u"'traceEvents' is not"_s) ||
                         r.startsWith(u"'otherData.origin_ns'"_s),
                     qPrintable(r + u"\n"_s + QString::fromUtf8(context)));
            continue;
        }
        ++read;
        const QByteArray normal = doc.toJson(QJsonDocument::Compact);
        ChromeTraceReader::Error normalError;
        const std::optional<Trace> again = ChromeTraceReader::fromJson(normal, &normalError);
        QVERIFY2(again, qPrintable(normalError.toString() + u"\n"_s + QString::fromUtf8(context)));
        QCOMPARE(describeTracks(*again), describeTracks(*trace));
        QCOMPARE(canonicalEvents(*again), canonicalEvents(*trace));
    }
    qInfo("%d damaged documents refused as QJsonDocument refuses them, %d read alike", refused,
          read);
    QVERIFY(refused > 1000);
    QVERIFY(read > 100);
}

void TestTraceIo::readFileErrors() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(u"no-such-file.json"_s);
    ChromeTraceReader::Error error;
    QVERIFY(!ChromeTraceReader::read(missing, &error).has_value());
    QVERIFY2(error.reason.startsWith(u"cannot open "_s + missing + u": "_s),
             qPrintable(error.reason));
    QVERIFY(error.reason.size() > (u"cannot open "_s + missing + u": "_s).size());
    QCOMPARE(error.line, 0);
    QCOMPARE(error.offset, qint64(-1));
    QCOMPARE(error.toString(), error.reason);

    ChromeTraceReader::Error onDirectory;
    QVERIFY(!ChromeTraceReader::read(dir.path(), &onDirectory).has_value());
    QVERIFY2(onDirectory.reason.startsWith(u"cannot open "_s), qPrintable(onDirectory.reason));
}

void TestTraceIo::errorToString() {
    ChromeTraceReader::Error error;
    error.offset = 120;
    error.line = 12;
    error.column = 5;
    error.reason = u"event 3: X event has no 'dur'"_s;
    QCOMPARE(error.toString(), u"line 12, column 5: event 3: X event has no 'dur'"_s);
    error.reason = u"two\nlines"_s;
    QCOMPARE(error.toString(), u"line 12, column 5: two lines"_s);
    error.line = 0;
    QCOMPARE(error.toString(), u"two lines"_s);
}

// The window shows Error::message translated; rendered, it is the reason, word for word, and
// every template is one marked in the reader's context.
void TestTraceIo::errorMessageIsTheReason_data() {
    readErrors_data();
}

void TestTraceIo::errorMessageIsTheReason() {
    QFETCH(QByteArray, json);
    ChromeTraceReader::Error error;
    QVERIFY(!ChromeTraceReader::fromJson(json, &error).has_value());
    QCOMPARE(QString::fromStdString(error.message.render()), error.reason);
    QCOMPARE(QByteArray(error.message.context), QByteArray("tasklane::ChromeTraceReader"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(u"no-such-file.json"_s);
    QVERIFY(!ChromeTraceReader::read(missing, &error).has_value());
    QCOMPARE(QString::fromStdString(error.message.render()), error.reason);
    QCOMPARE(error.message.source, std::string("cannot open %1: %2"));
    QCOMPARE(error.message.args.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(error.message.args[0].render()), missing);
}

// The whole reason, word for word, as tasklane-cli printed it before the reasons became
// translatable templates (the sentences of commit 67c1bdb, filled in by hand): a script that
// reads them sees no change.
void TestTraceIo::reasonsKeepTheirEnglish_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    const QByteArray x = R"js({"ph":"X","name":"a","pid":1,"tid":1,"ts":1,"dur":2})js";
    QTest::newRow("E without B") << QByteArray("[" + x +
                                               R"js(,{"ph":"E","pid":1,"tid":1,"ts":9}])js")
                                 << u"event 1: E event without a matching B event"_s;
    QTest::newRow("unknown phase") << QByteArray(R"js([{"ph":"Q","pid":1,"tid":1,"ts":1}])js")
                                   << u"event 0: unknown phase 'Q'"_s;
    QTest::newRow("X without ts") << QByteArray(R"js([{"ph":"X","pid":1,"tid":1,"dur":1}])js")
                                  << u"event 0: X event has no 'ts'"_s;
    QTest::newRow("negative dur") << QByteArray(
                                         R"js([{"ph":"X","pid":1,"tid":1,"ts":1,"dur":-1}])js")
                                  << u"event 0: X event has a negative 'dur'"_s;
    QTest::newRow("not an object") << QByteArray("[" + x + ",7]") << u"event 1: not an object"_s;
    QTest::newRow("no traceEvents")
        << QByteArray(R"js({"a":1})js") << u"no 'traceEvents' array in the top-level object"_s;
    QTest::newRow("not JSON") << QByteArray("hello")
                              << u"not a JSON object or array (illegal value)"_s;
    QTest::newRow("empty") << QByteArray() << u"empty document: no JSON value"_s;
}

void TestTraceIo::reasonsKeepTheirEnglish() {
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    ChromeTraceReader::Error error;
    QVERIFY(!ChromeTraceReader::fromJson(json, &error).has_value());
    QCOMPARE(error.reason, reason);
}

// The reader's own table of QJsonDocument's words says what Qt says (no translator is
// installed here), so that the reasons are the same as they always were.
void TestTraceIo::syntaxMessagesAreQtsWords() {
    for (int code = QJsonParseError::NoError; code <= QJsonParseError::GarbageAtEnd; ++code) {
        QJsonParseError parseError;
        parseError.error = QJsonParseError::ParseError(code);
        const TextMessage message =
            ChromeTraceReader::syntaxMessage(QJsonParseError::ParseError(code));
        QCOMPARE(QString::fromStdString(message.render()), parseError.errorString());
        QCOMPARE(QByteArray(message.context), QByteArray("tasklane::ChromeTraceReader"));
    }
}

// --- CSV --------------------------------------------------------------------------------

void TestTraceIo::csvHeaderAndRows() {
    const Trace trace = everyTypeTrace();
    const QByteArray csv = CsvWriter::toCsv(trace);
    QVERIFY(csv.startsWith("track,track_name,kind,pid,tid,type,state,begin_ns,end_ns,"
                           "duration_ns,cpu,task,label,value\r\n"));
    QVERIFY(csv.endsWith("\r\n"));
    QCOMPARE(csv.count("\r\n"), qsizetype(trace.events.size() + 1));

    const QList<QStringList> rows = parseCsv(csv);
    QCOMPARE(rows.size(), qsizetype(trace.events.size() + 1));
    for (const QStringList& row : rows)
        QCOMPARE(row.size(), 14);
    // Rows follow trace.events; check the first one field by field.
    const TraceEvent& e = trace.events[0];
    QCOMPARE(rows[1],
             (QStringList{u"0"_s, u"MainThread"_s, u"main"_s, u"100"_s, u"100"_s, u"slice"_s,
                          u"running"_s, QString::number(e.begin_ns), QString::number(e.end_ns),
                          u"1500"_s, u"3"_s, u"0"_s, u"main"_s, QString()}));
    QCOMPARE(e.begin_ns, T0);
    // Every row matches its event.
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        const TraceEvent& ev = trace.events[i];
        const QStringList& row = rows[qsizetype(i + 1)];
        QCOMPARE(row[0].toUInt(), ev.track);
        QCOMPARE(row[3].toLongLong(), trace.tracks[ev.track].pid);
        QCOMPARE(row[7].toLongLong(), ev.begin_ns);
        QCOMPARE(row[8].toLongLong(), ev.end_ns);
        QCOMPARE(row[9].toLongLong(), ev.duration_ns());
        QCOMPARE(row[10].toInt(), int(ev.cpu));
        QCOMPARE(row[11].toUInt(), ev.task);
        QCOMPARE(row[12].toStdString(), std::string(trace.label(ev)));
    }
}

void TestTraceIo::csvQuoting_data() {
    QTest::addColumn<QByteArray>("label");
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("plain") << QByteArray("square(3)") << QByteArray(",square(3),");
    QTest::newRow("comma") << QByteArray("a,b") << QByteArray(",\"a,b\",");
    QTest::newRow("quotes") << QByteArray("say \"hi\"") << QByteArray(",\"say \"\"hi\"\"\",");
    QTest::newRow("newline") << QByteArray("two\nlines") << QByteArray(",\"two\nlines\",");
    QTest::newRow("CRLF") << QByteArray("a\r\nb") << QByteArray(",\"a\r\nb\",");
    QTest::newRow("edge space") << QByteArray(" padded ") << QByteArray(",\" padded \",");
    QTest::newRow("Korean") << QByteArray("최종 값") << QByteArray(",최종 값,");
    QTest::newRow("empty") << QByteArray() << QByteArray(",,");
}

void TestTraceIo::csvQuoting() {
    QFETCH(QByteArray, label);
    QFETCH(QByteArray, field);
    TraceBuilder b;
    b.track(TrackKind::Thread, 1, 2, label.toStdString());
    b.instant(0, T0, label.toStdString(), 3);
    const QByteArray csv = CsvWriter::toCsv(b.build());
    QVERIFY2(csv.contains(",thread,1,2,instant,,"), csv.constData());
    QVERIFY2(csv.contains("\r\n0" + field + "thread,"), csv.constData()); // track name
    QVERIFY2(csv.contains(",3" + field + "\r\n"), csv.constData());       // label
    const QList<QStringList> rows = parseCsv(csv);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1].size(), 14);
    QCOMPARE(rows[1][1].toUtf8(), label);
    QCOMPARE(rows[1][12].toUtf8(), label);
}

void TestTraceIo::csvValuesPerType() {
    TraceBuilder b;
    b.track(TrackKind::EventLoop, 9, 10, "loop");
    b.slice(0, State::LockHeld, 100, 250, "held", 2, 1)
        .async(0, State::Awaiting, 110, 400, "coro", 3)
        .instant(0, 120, "print")
        .counter(0, 130, "depth", 2.5)
        .counter(0, 135, "nan", std::numeric_limits<double>::quiet_NaN())
        .flow(17, 0, 140, 0, 150, 4);
    const QList<QStringList> rows = parseCsv(CsvWriter::toCsv(b.build()));
    QCOMPARE(rows.size(), 8);
    QStringList summary;
    for (qsizetype i = 1; i < rows.size(); ++i)
        summary << QStringList{rows[i][2], rows[i][5],  rows[i][6],  rows[i][7],  rows[i][8],
                               rows[i][9], rows[i][10], rows[i][11], rows[i][12], rows[i][13]}
                       .join(u'|');
    QCOMPARE(summary, (QStringList{u"event-loop|slice|lock-held|100|250|150|1|2|held|"_s,
                                   u"event-loop|async-slice|awaiting|110|400|290|-1|3|coro|"_s,
                                   u"event-loop|instant||120|120|0|-1|0|print|"_s,
                                   u"event-loop|counter||130|130|0|-1|0|depth|2.5"_s,
                                   u"event-loop|counter||135|135|0|-1|0|nan|nan"_s,
                                   u"event-loop|flow-start||140|140|0|-1|4||17"_s,
                                   u"event-loop|flow-end||150|150|0|-1|4||17"_s}));
}

// --- files ------------------------------------------------------------------------------

void TestTraceIo::writeFailureLeavesNoFile_data() {
    QTest::addColumn<bool>("csv");
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("json, missing directory") << false << u"missing/dir/trace.json"_s;
    QTest::newRow("csv, missing directory") << true << u"missing/dir/trace.csv"_s;
    QTest::newRow("json, path is a directory") << false << u"existing-dir"_s;
    QTest::newRow("csv, path is a directory") << true << u"existing-dir"_s;
}

void TestTraceIo::writeFailureLeavesNoFile() {
    QFETCH(bool, csv);
    QFETCH(QString, relativePath);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(u"existing-dir"_s));
    const QString path = dir.filePath(relativePath);
    const Trace trace = everyTypeTrace();

    const SaveResult saved =
        csv ? CsvWriter::write(trace, path) : ChromeTraceWriter::write(trace, path);
    QVERIFY(!saved);
    const QString error = saved.errorText();
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.startsWith(u"cannot "_s), qPrintable(error));
    QVERIFY(!QFileInfo(path).isFile());
    // Nothing else left behind either (no temporary file).
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"existing-dir"_s});
    QVERIFY(QDir(dir.filePath(u"existing-dir"_s)).isEmpty());
    // Failing again the same way.
    QVERIFY(!(csv ? CsvWriter::write(trace, path) : ChromeTraceWriter::write(trace, path)));
}

// The writers' message is their error, translatable: rendered, the same English words.
void TestTraceIo::writeFailureMessage() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"no-such-dir/trace.json"_s);
    for (const bool csv : {false, true}) {
        const SaveResult saved = csv ? CsvWriter::write(everyTypeTrace(), path)
                                     : ChromeTraceWriter::write(everyTypeTrace(), path);
        QVERIFY(!saved);
        const TextMessage& message = saved.error();
        QCOMPARE(QString::fromStdString(message.render()), saved.errorText());
        QCOMPARE(QByteArray(message.context), QByteArray("tasklane::SaveFile"));
        QCOMPARE(message.source, std::string("cannot open %1 for writing: %2"));
        QVERIFY2(saved.errorText().startsWith(u"cannot open "_s + path + u" for writing: "_s),
                 qPrintable(saved.errorText()));
    }
}

void TestTraceIo::writeReplacesExistingFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Trace trace = everyTypeTrace();
    for (const bool csv : {false, true}) {
        const QString path = dir.filePath(csv ? u"t.csv"_s : u"t.json"_s);
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(1 << 20, 'x')); // longer than the new content
        old.close();
        const SaveResult saved =
            csv ? CsvWriter::write(trace, path) : ChromeTraceWriter::write(trace, path);
        QVERIFY2(saved, qPrintable(saved.errorText()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), csv ? CsvWriter::toCsv(trace) : ChromeTraceWriter::toJson(trace));
    }
}

void TestTraceIo::largeTraceRoundTrip() {
    const Trace trace = largeTrace(100'000);
    QElapsedTimer timer;
    timer.start();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"large.json"_s);
    const SaveResult saved = ChromeTraceWriter::write(trace, path);
    QVERIFY2(saved, qPrintable(saved.errorText()));
    const qint64 writeMs = timer.restart();
    ChromeTraceReader::Error error;
    const auto read = ChromeTraceReader::read(path, &error);
    QVERIFY2(read, qPrintable(error.toString()));
    const qint64 readMs = timer.restart();
    qInfo("100k events: write %lld ms, read %lld ms, %lld bytes", writeMs, readMs,
          QFileInfo(path).size());
    QCOMPARE(read->events.size(), trace.events.size());
    QCOMPARE(read->strings.size(), trace.strings.size());
    QCOMPARE(canonicalEvents(*read), canonicalEvents(trace));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(ChromeTraceWriter::toJson(*read), file.readAll());
    QCOMPARE(parseCsv(CsvWriter::toCsv(trace)).size(), qsizetype(trace.events.size() + 1));
}

// Two runs that happened a second apart stack onto one time axis: the second's begin falls on
// the first's, its tracks follow the first's under its prefix, and its task and flow ids no
// longer collide with the first's.
void TestTraceIo::stackAlignsPartsAndRenumbers() {
    auto makeRun = [](std::int64_t at, const char* label) {
        Trace t;
        t.tracks = {{1, 1, TrackKind::Main, "main"}, {1, 2, TrackKind::Thread, "worker 1"}};
        const std::uint32_t l = t.intern(label);
        TraceEvent run{at + 10, at + 50, 0, 1, 1, l, 0, State::Running, EventType::Slice};
        TraceEvent flowStart{at, at, 1, 0, 1, 0, -1, State::Running, EventType::FlowStart};
        TraceEvent flowEnd{at + 10, at + 10, 1, 1, 1, 0, -1, State::Running, EventType::FlowEnd};
        t.events = {run, flowStart, flowEnd};
        t.finalize();
        return t;
    };
    const Trace a = makeRun(1'000, "square(1)");
    const Trace b = makeRun(1'000'000'000, "cube(1)");
    const std::vector<StackPart> parts = {{&a, 1'000, "A"}, {&b, 1'000'000'000, "B"}};
    const Trace s = stackTraces(parts);
    QCOMPARE(s.tracks.size(), std::size_t(4));
    QCOMPARE(QString::fromStdString(s.tracks[0].name), QStringLiteral("A · main"));
    QCOMPARE(QString::fromStdString(s.tracks[3].name), QStringLiteral("B · worker 1"));
    QCOMPARE(s.beginNs(), std::int64_t(1'000));
    QCOMPARE(s.endNs(), std::int64_t(1'050)); // b's slice lands where a's is
    const auto bRun = s.eventsOf(3);
    QCOMPARE(bRun.size(), std::size_t(2)); // the slice and the flow's end
    const TraceEvent& slice = bRun[0].type == EventType::Slice ? bRun[0] : bRun[1];
    QCOMPARE(slice.begin_ns, std::int64_t(1'010));
    QCOMPARE(s.label(slice), std::string_view("cube(1)"));
    QCOMPARE(slice.task, 2u); // after a's task 1
    std::set<double> flows;
    for (const TraceEvent& e : s.events)
        if (e.type == EventType::FlowStart)
            flows.insert(e.value);
    QCOMPARE(flows.size(), std::size_t(2));
}

void TestTraceIo::stackOfNothing() {
    QVERIFY(stackTraces({}).empty());
    const Trace empty;
    const std::vector<StackPart> parts = {{&empty, 0, "A"}, {nullptr, 0, "B"}};
    QVERIFY(stackTraces(parts).empty());
}

QTEST_GUILESS_MAIN(TestTraceIo)
#include "tst_trace_io.moc"
