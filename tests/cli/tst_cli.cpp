// End-to-end tests of tasklane-cli as DESIGN.md's contract states it: list, run with
// every export, render, and bad usage answered by one line on stderr and exit code 2.
#include "pinned_to_one_core.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <csignal>
#include <optional>
#include <sched.h>
#include <sys/resource.h>

class TestCli : public QObject {
    Q_OBJECT

    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };

    // `tmpdir`, when given, is the run's TMPDIR (where a pattern makes its run folders);
    // `cwd` its working directory.
    Result cli(const QStringList& args, const QString& tmpdir = {}, const QString& cwd = {}) {
        QProcess p;
        if (!tmpdir.isEmpty()) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("TMPDIR"), tmpdir);
            p.setProcessEnvironment(env);
        }
        if (!cwd.isEmpty())
            p.setWorkingDirectory(cwd);
        p.start(qEnvironmentVariable("TASKLANE_CLI"), args);
        if (!p.waitForFinished(60'000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QTemporaryDir dir_;

    // The processes whose parent is `pid` (every thread's children: a pool may start its
    // workers from any of the tool's threads).
    static QList<int> childrenOf(qint64 pid) {
        QList<int> out;
        const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
        for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile f(tasks.filePath(task + QStringLiteral("/children")));
            if (f.open(QIODevice::ReadOnly))
                for (const QByteArray& child : f.readAll().split(' '))
                    if (!child.trimmed().isEmpty())
                        out << child.trimmed().toInt();
        }
        return out;
    }
    // Still running: it exists and is not a zombie. A worker that died after the tool has
    // no parent to reap it but init, which in a container may never do so; dead is enough.
    static bool isRunning(int pid) {
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            return false;
        const QByteArray stat = f.readAll();
        const qsizetype close = stat.lastIndexOf(')');
        const char state = close >= 0 && close + 2 < stat.size() ? stat.at(close + 2) : 'X';
        return state != 'Z' && state != 'X';
    }
    static QList<int> running(const QList<int>& pids) {
        QList<int> out;
        for (int pid : pids)
            if (isRunning(pid))
                out << pid;
        return out;
    }
    // Starts pool-map with 2 workers and 40 tasks of 500 ms, the issue's command, and waits
    // until both workers exist; returns their pids.
    QList<int> startPoolMap(QProcess& p, const QString& method, const QStringList& more) {
        p.start(qEnvironmentVariable("TASKLANE_CLI"),
                QStringList{QStringLiteral("run"), QStringLiteral("pool-map"),
                            QStringLiteral("--workers"), QStringLiteral("2"),
                            QStringLiteral("--tasks"), QStringLiteral("40"),
                            QStringLiteral("--cpu-ms"), QStringLiteral("500"),
                            QStringLiteral("--start-method"), method} +
                    more);
        if (!p.waitForStarted())
            return {};
        QList<int> workers;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 10'000 && workers.size() < 2) {
            QTest::qWait(20);
            workers = childrenOf(p.processId());
        }
        QTest::qWait(200); // the tasks are under way
        return workers;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFile::exists(qEnvironmentVariable("TASKLANE_CLI")),
                 "TASKLANE_CLI must point at the tasklane-cli binary");
        QVERIFY(dir_.isValid());
    }

    void listNamesEveryPattern() {
        const Result r = cli({QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("thread-pool")));
        QVERIFY(r.out.contains(QStringLiteral("4.1")));
    }

    void runPrintsWhatPythonPrints_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        const auto args = [](std::initializer_list<const char*> list) {
            QStringList l{QStringLiteral("run")};
            for (const char* a : list)
                l << QString::fromUtf8(a);
            return l;
        };
        QTest::newRow("thread-pool defaults")
            << args({"thread-pool"}) << QStringLiteral("[1, 4, 9, 16, 25]\n");
        QTest::newRow("thread-pool 2 workers, 3 tasks")
            << args({"thread-pool", "--workers", "2", "--tasks", "3"})
            << QStringLiteral("[1, 4, 9]\n");
        QTest::newRow("thread-pool gil off, io")
            << args({"thread-pool", "--gil", "off", "--io-ms", "5"})
            << QStringLiteral("[1, 4, 9, 16, 25]\n");
        for (const char* method : {"fork", "spawn"}) {
            const QByteArray m(method);
            QTest::newRow("process " + m)
                << args({"process", "--start-method", method})
                << QStringLiteral("Number: 0\nNumber: 1\nNumber: 2\nNumber: 3\nNumber: 4\n");
            QTest::newRow("pool-map " + m) << args({"pool-map", "--start-method", method})
                                           << QStringLiteral("[1, 4, 9, 16, 25]\n");
            QTest::newRow("shared-value " + m) << args({"shared-value", "--start-method", method})
                                               << QStringLiteral("최종 값: 5\n");
            QTest::newRow("process-pool " + m) << args({"process-pool", "--start-method", method})
                                               << QStringLiteral("[1, 8, 27, 64, 125]\n");
        }
        QTest::newRow("pool-map chunksize 3, cpu work")
            << args({"pool-map", "--workers", "2", "--tasks", "7", "--chunksize", "3", "--cpu-ms",
                     "2"})
            << QStringLiteral("[1, 4, 9, 16, 25, 36, 49]\n");
        QTest::newRow("process-pool with io")
            << args({"process-pool", "--workers", "3", "--tasks", "4", "--io-ms", "5"})
            << QStringLiteral("[1, 8, 27, 64]\n");
        QTest::newRow("async-hello") << args({"async-hello", "--time-scale", "0.05"})
                                     << QStringLiteral("Hello!\nGoodbye!\n");
        QTest::newRow("async-gather: starts A, B, C; ends B, A, C")
            << args({"async-gather", "--time-scale", "0.05"})
            << QStringLiteral("Task A 시작\nTask B 시작\nTask C 시작\nTask B 완료\nTask A "
                              "완료\nTask C 완료\n");
        QTest::newRow("shared-value 4 x 1000 locked")
            << args({"shared-value", "--workers", "4", "--increments", "1000"})
            << QStringLiteral("최종 값: 4000\n");
    }
    void runPrintsWhatPythonPrints() {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Result r = cli(args);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, expected);
    }

    void runWritesEveryExport() {
        const QString trace = dir_.filePath(QStringLiteral("t.json"));
        const QString csv = dir_.filePath(QStringLiteral("t.csv"));
        const QString summary = dir_.filePath(QStringLiteral("s.json"));
        const QStringList charts = {dir_.filePath(QStringLiteral("c.png")),
                                    dir_.filePath(QStringLiteral("c.svg")),
                                    dir_.filePath(QStringLiteral("c.pdf"))};
        for (const QString& chart : charts) {
            const Result r =
                cli({QStringLiteral("run"), QStringLiteral("thread-pool"),
                     QStringLiteral("--workers"), QStringLiteral("3"), QStringLiteral("--tasks"),
                     QStringLiteral("6"), QStringLiteral("--cpu-ms"), QStringLiteral("5"),
                     QStringLiteral("--trace"), trace, QStringLiteral("--csv"), csv,
                     QStringLiteral("--summary"), summary, QStringLiteral("--chart"), chart});
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.out, QStringLiteral("[1, 4, 9, 16, 25, 36]\n"));
        }

        // Trace: every slice carries args.state and args.cpu; every track is named.
        QFile tf(trace);
        QVERIFY(tf.open(QIODevice::ReadOnly));
        const QJsonDocument doc = QJsonDocument::fromJson(tf.readAll());
        QVERIFY(doc.isObject());
        const QJsonArray events = doc.object().value(QStringLiteral("traceEvents")).toArray();
        QSet<QString> threadNames;
        int slices = 0;
        for (const QJsonValue& v : events) {
            const QJsonObject e = v.toObject();
            const QString ph = e.value(QStringLiteral("ph")).toString();
            if (ph == u"X") {
                ++slices;
                const QJsonObject args = e.value(QStringLiteral("args")).toObject();
                QVERIFY(args.contains(QStringLiteral("state")));
                QVERIFY(args.value(QStringLiteral("cpu")).isDouble());
            } else if (ph == u"M" && e.value(QStringLiteral("name")).toString() == u"thread_name") {
                threadNames.insert(e.value(QStringLiteral("args"))
                                       .toObject()
                                       .value(QStringLiteral("name"))
                                       .toString());
            }
        }
        QVERIFY(slices >= 6);
        QVERIFY(threadNames.contains(QStringLiteral("main")));
        QVERIFY(threadNames.contains(QStringLiteral("worker 1")));

        // Summary: the contract's keys, tracks with kinds.
        QFile sf(summary);
        QVERIFY(sf.open(QIODevice::ReadOnly));
        const QJsonObject s = QJsonDocument::fromJson(sf.readAll()).object();
        for (const char* key : {"pattern", "params", "output", "result", "makespan_ms",
                                "sequential_ms", "speedup", "cores_used", "tracks", "events"})
            QVERIFY2(s.contains(QLatin1String(key)), key);
        QCOMPARE(s.value(QStringLiteral("pattern")).toString(), QStringLiteral("thread-pool"));
        QCOMPARE(s.value(QStringLiteral("result")).toString(),
                 QStringLiteral("[1, 4, 9, 16, 25, 36]"));
        QCOMPARE(
            s.value(QStringLiteral("params")).toObject().value(QStringLiteral("workers")).toInt(),
            3);
        QVERIFY(s.value(QStringLiteral("makespan_ms")).toDouble() > 0);
        QVERIFY(s.value(QStringLiteral("sequential_ms")).toDouble() >= 6 * 5 * 0.9);
        QVERIFY(s.value(QStringLiteral("cores_used")).toInt() >= 1);
        QSet<QString> kinds;
        for (const QJsonValue& t : s.value(QStringLiteral("tracks")).toArray())
            kinds.insert(t.toObject().value(QStringLiteral("kind")).toString());
        QVERIFY(kinds.contains(QStringLiteral("main")));
        QVERIFY(kinds.contains(QStringLiteral("thread")));
        QVERIFY(s.value(QStringLiteral("events")).toInt() >= 6 * 3);

        // CSV: header and a row per event.
        QFile cf(csv);
        QVERIFY(cf.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = cf.readAll().split('\n');
        QVERIFY(rows.first().startsWith("track,track_name,kind,pid,tid,type,state,begin_ns"));
        QVERIFY(rows.size() >= s.value(QStringLiteral("events")).toInt() + 1);

        // Charts: a PNG with pixels, an SVG that parses, a PDF.
        const QImage png(charts[0]);
        QVERIFY(!png.isNull());
        QVERIFY(png.width() >= 800);
        QFile svg(charts[1]);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svg);
        bool sawSvg = false;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"svg")
                sawSvg = true;
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(sawSvg);
        QFile pdf(charts[2]);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");

        // render: the written trace back into a chart.
        const QString rendered = dir_.filePath(QStringLiteral("r.png"));
        const Result r =
            cli({QStringLiteral("render"), trace, QStringLiteral("--chart"), rendered});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!QImage(rendered).isNull());
    }

    void badUsage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mustSay");
        const auto run = [](std::initializer_list<const char*> rest) {
            QStringList l{QStringLiteral("run"), QStringLiteral("thread-pool")};
            for (const char* a : rest)
                l << QString::fromLatin1(a);
            return l;
        };
        QTest::newRow("no command") << QStringList{} << QStringLiteral("missing command");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("fly")} << QStringLiteral("unknown command 'fly'");
        QTest::newRow("unknown pattern")
            << QStringList{QStringLiteral("run"), QStringLiteral("nope")}
            << QStringLiteral("unknown pattern 'nope'");
        QTest::newRow("workers too high")
            << run({"--workers", "100"}) << QStringLiteral("1 and 64");
        QTest::newRow("workers zero") << run({"--workers", "0"}) << QStringLiteral("--workers");
        QTest::newRow("tasks not a number")
            << run({"--tasks", "five"}) << QStringLiteral("--tasks");
        QTest::newRow("negative cpu") << run({"--cpu-ms", "-1"}) << QStringLiteral("--cpu-ms");
        // Python's float("0x10") is a ValueError; 1e309 and inf are no number of ms.
        QTest::newRow("hex cpu") << run({"--cpu-ms", "0x10"})
                                 << QStringLiteral("--cpu-ms must be a number in 0..10000 ms");
        QTest::newRow("hex io") << run({"--io-ms", "0x10"})
                                << QStringLiteral("--io-ms must be a number in 0..10000 ms");
        QTest::newRow("cpu 1e309") << run({"--cpu-ms", "1e309"}) << QStringLiteral("0..10000 ms");
        QTest::newRow("cpu -inf") << run({"--cpu-ms", "-inf"}) << QStringLiteral("0..10000 ms");
        QTest::newRow("hex workers") << run({"--workers", "0x10"}) << QStringLiteral("1..64");
        QTest::newRow("hex delay")
            << QStringList{QStringLiteral("run"), QStringLiteral("async-gather"),
                           QStringLiteral("--delays"), QStringLiteral("100,0x10")}
            << QStringLiteral("--delays");
        // A value left out names its option, not the argument after it.
        QTest::newRow("workers lacks its value")
            << run({"--workers", "--tasks", "3"})
            << QStringLiteral("--workers lacks its value (1..64)");
        QTest::newRow("cpu-ms lacks its value at the end")
            << run({"--cpu-ms"}) << QStringLiteral("--cpu-ms lacks its value (0..10000 ms)");
        QTest::newRow("trace lacks its value")
            << run({"--trace", "--stats"}) << QStringLiteral("--trace lacks its value (FILE.json)");
        QTest::newRow("render chart lacks its value")
            << QStringList{QStringLiteral("render"), QStringLiteral("t.json"),
                           QStringLiteral("--chart")}
            << QStringLiteral("--chart lacks its value (FILE.png|.svg|.pdf)");
        QTest::newRow("gil maybe") << run({"--gil", "maybe"}) << QStringLiteral("on|off");
        QTest::newRow("option of another pattern")
            << run({"--lock", "on"}) << QStringLiteral("does not apply to pattern thread-pool");
        QTest::newRow("unknown option") << run({"--colour", "red"}) << QStringLiteral("colour");
        QTest::newRow("unknown option names the pattern's")
            << run({"--frobnicate"})
            << QStringLiteral("thread-pool takes: --workers, --tasks, --cpu-ms");
        QTest::newRow("chart format") << run({"--chart", "x.gif"}) << QStringLiteral(".gif");
        QTest::newRow("group-by") << run({"--group-by", "time"})
                                  << QStringLiteral("worker|core|both");
        QTest::newRow("unknown start method")
            << QStringList{QStringLiteral("run"), QStringLiteral("pool-map"),
                           QStringLiteral("--start-method"), QStringLiteral("thread")}
            << QStringLiteral("fork|spawn");
        QTest::newRow("increments zero")
            << QStringList{QStringLiteral("run"), QStringLiteral("shared-value"),
                           QStringLiteral("--increments"), QStringLiteral("0")}
            << QStringLiteral("--increments must be between 1 and 1000000");
        QTest::newRow("chunksize negative")
            << QStringList{QStringLiteral("run"), QStringLiteral("pool-map"),
                           QStringLiteral("--chunksize"), QStringLiteral("-1")}
            << QStringLiteral("--chunksize");
        QTest::newRow("too many processes")
            << QStringList{QStringLiteral("run"), QStringLiteral("process-pool"),
                           QStringLiteral("--workers"), QStringLiteral("33")}
            << QStringLiteral("between 1 and 32");
        QTest::newRow("delay not a number")
            << QStringList{QStringLiteral("run"), QStringLiteral("async-gather"),
                           QStringLiteral("--delays"), QStringLiteral("100,x")}
            << QStringLiteral("--delays");
        QTest::newRow("negative delay")
            << QStringList{QStringLiteral("run"), QStringLiteral("async-gather"),
                           QStringLiteral("--delays"), QStringLiteral("100,-5")}
            << QStringLiteral("0..60000 ms, got -5");
        const auto asyncFile = [](std::initializer_list<const char*> rest) {
            QStringList l{QStringLiteral("run"), QStringLiteral("async-file")};
            for (const char* a : rest)
                l << QString::fromLatin1(a);
            return l;
        };
        QTest::newRow("async-file: no files")
            << asyncFile({"--files", "0"}) << QStringLiteral("--files must be between 1 and 1000");
        QTest::newRow("async-file: too many files")
            << asyncFile({"--files", "1001"})
            << QStringLiteral("--files must be between 1 and 1000");
        QTest::newRow("async-file: fewer bytes than the text")
            << asyncFile({"--bytes", "23"})
            << QStringLiteral("--bytes must be between 24 and 4194304");
        QTest::newRow("async-file: bytes not a number")
            << asyncFile({"--bytes", "1k"}) << QStringLiteral("--bytes");
        QTest::newRow("async-file: concurrency 0")
            << asyncFile({"--concurrency", "0"})
            << QStringLiteral("--concurrency must be between 1 and 256");
        QTest::newRow("async-file: negative concurrency")
            << asyncFile({"--concurrency", "-2"}) << QStringLiteral("--concurrency");
        QTest::newRow("async-file: delays are async-gather's")
            << asyncFile({"--delays", "1,2"})
            << QStringLiteral("does not apply to pattern async-file");
        QTest::newRow("preset unknown")
            << run({"--preset", "fast"})
            << QStringLiteral("--preset must be one of lesson|tutorial, got 'fast'");
        // An option render lacks ("--png", as run's --chart is easy to forget): name its own.
        QTest::newRow("render --png")
            << QStringList{QStringLiteral("render"), QStringLiteral("t.json"),
                           QStringLiteral("--png"), QStringLiteral("x.png")}
            << QStringLiteral("render takes: --chart FILE.png|.svg|.pdf");
        QTest::newRow("render without chart")
            << QStringList{QStringLiteral("render"), QStringLiteral("t.json")}
            << QStringLiteral("--chart");
        // Outputs that cannot be written are refused before the run, not after it.
        QTest::newRow("chart with no name")
            << run({"--chart", ""}) << QStringLiteral("--chart needs a file name");
        QTest::newRow("chart into a folder's name")
            << run({"--chart", "/tmp"}) << QStringLiteral("'/tmp' is a folder");
        QTest::newRow("summary in a missing folder")
            << run({"--summary", "/nonexistent-tasklane-dir/s.json"})
            << QStringLiteral("folder '/nonexistent-tasklane-dir' does not exist");
        QTest::newRow("trace under a file") << run({"--trace", "/etc/hostname/t.json"})
                                            << QStringLiteral("'/etc/hostname' is not a folder");
        QTest::newRow("render into a missing folder")
            << QStringList{QStringLiteral("render"), QStringLiteral("t.json"),
                           QStringLiteral("--chart"),
                           QStringLiteral("/nonexistent-tasklane-dir/c.png")}
            << QStringLiteral("does not exist");
    }
    void badUsage() {
        QFETCH(QStringList, args);
        QFETCH(QString, mustSay);
        const Result r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mustSay), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0); // one clear line
        QVERIFY(r.out.isEmpty());
    }

    // --preset: the tutorial's values stay the defaults; the lesson's are the window's; an
    // option given overrides the preset's value.
    void presetPicksTheValues_data() {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("workers");
        QTest::addColumn<QString>("tasks");
        QTest::addColumn<QString>("cpuMs");
        QTest::newRow("no preset: the tutorial's") << QStringList{} << "default"
                                                   << "5"
                                                   << "0";
        QTest::newRow("tutorial") << QStringList{QStringLiteral("--preset"),
                                                 QStringLiteral("tutorial")}
                                  << "default"
                                  << "5"
                                  << "0";
        QTest::newRow("lesson") << QStringList{QStringLiteral("--preset"), QStringLiteral("lesson")}
                                << "4"
                                << "8"
                                << "50";
        QTest::newRow("lesson, workers given")
            << QStringList{QStringLiteral("--workers"), QStringLiteral("2"),
                           QStringLiteral("--preset"), QStringLiteral("lesson")}
            << "2"
            << "8"
            << "50";
    }
    void presetPicksTheValues() {
        QFETCH(QStringList, extra);
        QFETCH(QString, workers);
        QFETCH(QString, tasks);
        QFETCH(QString, cpuMs);
        const QString summary = dir_.filePath(QStringLiteral("preset.json"));
        const Result r = cli(QStringList{QStringLiteral("run"), QStringLiteral("thread-pool"),
                                         QStringLiteral("--summary"), summary} +
                             extra);
        QCOMPARE(r.exitCode, 0);
        QFile f(summary);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject params =
            QJsonDocument::fromJson(f.readAll()).object()[u"params"].toObject();
        if (workers != u"default")
            QCOMPARE(params[u"workers"].toInteger(), workers.toLongLong());
        QCOMPARE(params[u"tasks"].toInteger(), tasks.toLongLong());
        QCOMPARE(params[u"cpu-ms"].toDouble(), cpuMs.toDouble());
        QCOMPARE(r.out, tasks == u"8" ? QStringLiteral("[1, 4, 9, 16, 25, 36, 49, 64]\n")
                                      : QStringLiteral("[1, 4, 9, 16, 25]\n"));
    }

    void brokenTraceIsRefusedWithPosition() {
        const QString broken = dir_.filePath(QStringLiteral("broken.json"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"traceEvents\": [\n  {\"ph\": \"X\", \"ts\": 1, \"dur\": 2,\n");
        f.close();
        const Result r = cli({QStringLiteral("render"), broken, QStringLiteral("--chart"),
                              dir_.filePath(QStringLiteral("b.png"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("line")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("b.png"))));
    }

    // An opened trace's figures come from what it holds: the tasks' sleeps count as their
    // own time, as the live run counts them (before: sequential 0.1 ms, speedup 0.00x).
    void openedAsyncGatherHasTheRunsFigures() {
        const QString trace = dir_.filePath(QStringLiteral("gather.json"));
        const Result live = cli({QStringLiteral("run"), QStringLiteral("async-gather"),
                                 QStringLiteral("--delays"), QStringLiteral("200,100,300"),
                                 QStringLiteral("--trace"), trace, QStringLiteral("--stats")});
        QCOMPARE(live.exitCode, 0);
        const Result opened = cli({QStringLiteral("render"), trace, QStringLiteral("--stats")});
        QCOMPARE(opened.exitCode, 0);
        QVERIFY(opened.out.isEmpty());
        const QRegularExpression figures(
            QStringLiteral("sequential estimate ([0-9.]+) ms: speedup ([0-9.]+)x, efficiency "
                           "([0-9]+) %"));
        const QRegularExpressionMatch a = figures.match(live.err);
        const QRegularExpressionMatch b = figures.match(opened.err);
        QVERIFY2(a.hasMatch() && b.hasMatch(), qPrintable(live.err + opened.err));
        // The sleeps asked for (600 ms), as measured: a little longer, never less.
        const double sequential = b.captured(1).toDouble();
        QVERIFY2(sequential >= 600 && sequential < 600 * 1.2, qPrintable(opened.err));
        QVERIFY2(std::abs(b.captured(2).toDouble() - a.captured(2).toDouble()) < 0.15,
                 qPrintable(live.err + opened.err));
        QVERIFY2(b.captured(3).toInt() <= 100, qPrintable(opened.err));
        QVERIFY2(opened.err.contains(QStringLiteral("3 waits overlapped on 1 core")),
                 qPrintable(opened.err));
    }

    // One trace, one set of figures: the live run's --stats and its trace file's, opened
    // later, agree (before: pool-map 4 × 4 said efficiency 24 % live, 19 % opened, the main
    // thread counted as a fifth worker).
    void runAndOpenedTraceAgree_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("pool-map 4 processes") << QStringList{
            QStringLiteral("pool-map"), QStringLiteral("--workers"), QStringLiteral("4"),
            QStringLiteral("--tasks"),  QStringLiteral("4"),         QStringLiteral("--cpu-ms"),
            QStringLiteral("50")};
        QTest::newRow("thread-pool without the GIL") << QStringList{
            QStringLiteral("thread-pool"), QStringLiteral("--workers"), QStringLiteral("3"),
            QStringLiteral("--tasks"),     QStringLiteral("6"),         QStringLiteral("--cpu-ms"),
            QStringLiteral("10"),          QStringLiteral("--gil"),     QStringLiteral("off")};
        QTest::newRow("async-gather")
            << QStringList{QStringLiteral("async-gather"), QStringLiteral("--delays"),
                           QStringLiteral("200,100,300")};
        QTest::newRow("async-file one at a time") << QStringList{
            QStringLiteral("async-file"), QStringLiteral("--preset"), QStringLiteral("lesson"),
            QStringLiteral("--concurrency"), QStringLiteral("1")};
    }

    void runAndOpenedTraceAgree() {
        QFETCH(QStringList, args);
        const QString trace = dir_.filePath(QStringLiteral("agree.json"));
        const Result live =
            cli(QStringList{QStringLiteral("run")} + args +
                    QStringList{QStringLiteral("--trace"), trace, QStringLiteral("--stats")},
                dir_.path());
        QCOMPARE(live.exitCode, 0);
        const Result opened = cli({QStringLiteral("render"), trace, QStringLiteral("--stats")});
        QCOMPARE(opened.exitCode, 0);
        const QRegularExpression figures(
            QStringLiteral("speedup ([0-9.]+)x, efficiency ([0-9]+) %"));
        const QRegularExpressionMatch a = figures.match(live.err);
        const QRegularExpressionMatch b = figures.match(opened.err);
        QVERIFY2(a.hasMatch() && b.hasMatch(), qPrintable(live.err + opened.err));
        const QString both = live.err + QStringLiteral("--- opened:\n") + opened.err;
        // Within rounding, and the file's span may hold a little more than the run's.
        const double speedup = a.captured(1).toDouble();
        QVERIFY2(std::abs(b.captured(1).toDouble() - speedup) <= 0.03 * speedup + 0.011,
                 qPrintable(both));
        QVERIFY2(std::abs(b.captured(2).toInt() - a.captured(2).toInt()) <= 2, qPrintable(both));
        QVERIFY2(a.captured(2).toInt() <= 100, qPrintable(both));
    }

    // Issue 14: 10,000 threads of one 2 us slice each took over 30 s and 5 GB to render (a
    // 480,000-px PNG). Folded, then capped at 400 rows: about 1 s and 150 MB in a release
    // build; the bounds leave room for sanitizer builds and a busy machine.
    void renderOfTenThousandThreads() {
        const QString trace = dir_.filePath(QStringLiteral("many.json"));
        QFile f(trace);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray json = R"js({"traceEvents":[)js";
        for (int k = 0; k < 10000; ++k)
            json += QStringLiteral(
                        R"js(%1{"ph":"X","name":"running","pid":%2,"tid":%3,"ts":%4,"dur":2})js")
                        .arg(k ? QStringLiteral(",") : QString())
                        .arg(1000 + k)
                        .arg(100000 + k)
                        .arg(k * 3)
                        .toUtf8();
        f.write(json + "]}");
        f.close();
        const QString png = dir_.filePath(QStringLiteral("many.png"));
        QElapsedTimer clock;
        clock.start();
        const Result r = cli({QStringLiteral("render"), trace, QStringLiteral("--chart"), png});
        const qint64 ms = clock.elapsed();
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(ms < 20'000, qPrintable(QString::number(ms)));
        rusage children{};
        getrusage(RUSAGE_CHILDREN, &children);
        QVERIFY2(children.ru_maxrss < 1024 * 1024, qPrintable(QString::number(children.ru_maxrss)));
        const QImage image(png); // Qt's readers refuse images over 128 MB
        QVERIFY(!image.isNull());
        QVERIFY2(image.height() < 30000, qPrintable(QString::number(image.height())));
    }

    // Another tool's trace has no tasks: no sequential estimate, no "speedup 0.00x".
    void renderStatsOfATraceWithoutTasks() {
        const QString trace = dir_.filePath(QStringLiteral("viz.json"));
        QFile f(trace);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"js({"traceEvents":[{"ph":"X","name":"f","pid":1,"tid":1,"ts":0,"dur":2000}]})js");
        f.close();
        const Result r = cli({QStringLiteral("render"), trace, QStringLiteral("--stats")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("time span 2.0 ms; no tasks")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("0.00x")), qPrintable(r.err));
    }

    // The tutorial's values do almost no work per task: the run is start-up and coordination,
    // and its speedup is far below 0.01. "0.00x" reads as a broken figure; "< 0.01x" does not.
    void tinySpeedupIsNotZero_data() {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("pool-map") << QStringLiteral("pool-map");
        QTest::newRow("process-pool") << QStringLiteral("process-pool");
        QTest::newRow("process") << QStringLiteral("process");
    }
    void tinySpeedupIsNotZero() {
        QFETCH(QString, pattern);
        const Result r = cli({QStringLiteral("run"), pattern, QStringLiteral("--stats")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.err.contains(QStringLiteral("0.00x")), qPrintable(r.err));
        QVERIFY2(
            r.err.contains(QRegularExpression(QStringLiteral("speedup (< 0\\.01|\\d+\\.\\d\\d)x"))),
            qPrintable(r.err));
    }

    // Efficiency stays within 0..100 % in every mode; asyncio's overlapped waits are said in
    // words, in --stats and in --summary (before: asyncio "efficiency 800 %").
    void compareEfficiencyStaysWithin100() {
        const QString summary = dir_.filePath(QStringLiteral("compare.json"));
        const Result r =
            cli({QStringLiteral("run"), QStringLiteral("compare"), QStringLiteral("--tasks"),
                 QStringLiteral("8"), QStringLiteral("--cpu-ms"), QStringLiteral("0"),
                 QStringLiteral("--io-ms"), QStringLiteral("40"), QStringLiteral("--summary"),
                 summary, QStringLiteral("--stats")});
        QCOMPARE(r.exitCode, 0);
        QFile f(summary);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject s = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonObject modes = s.value(QStringLiteral("modes")).toObject();
        QCOMPARE(modes.size(), 5);
        for (const QString& id : modes.keys()) {
            const double e =
                modes.value(id).toObject().value(QStringLiteral("efficiency")).toDouble();
            QVERIFY2(e >= 0 && e <= 1, qPrintable(id + u' ' + QString::number(e)));
        }
        QVERIFY(s.value(QStringLiteral("efficiency")).toDouble() <= 1);
        const QJsonObject asyncio = modes.value(QStringLiteral("asyncio")).toObject();
        QCOMPARE(asyncio.value(QStringLiteral("overlapped_waits")).toInt(), 8);
        QVERIFY2(r.err.contains(QStringLiteral("8 waits overlapped on 1 core")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("800 %")), qPrintable(r.err));
    }

    // A one-line file cut short ends where its last character stops, not on the empty line
    // after its newline ("line 2, column 1" named a line the file does not have).
    void truncatedOneLineTraceSaysEndOfFile() {
        const QString broken = dir_.filePath(QStringLiteral("cut.json"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"traceEvents\": [{\"ph\": \"X\", \"ts\": 1, \"dur\": 2}\n");
        f.close();
        const Result r = cli({QStringLiteral("render"), broken, QStringLiteral("--chart"),
                              dir_.filePath(QStringLiteral("cut.png"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral(
                     "line 1, column 48: unexpected end of file (unterminated array)")),
                 qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
    }

    // async-file as the tutorial has it, into --out-dir: a line per file as the Python
    // program prints it, then the folder; the files hold exactly the text.
    void asyncFileWritesIntoOutDir_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("line");
        QTest::newRow("the tutorial") << QStringList{} << QStringList{QStringLiteral("example.txt")}
                                      << QStringLiteral("(24 bytes): 비동기 파일 작성!");
        QTest::newRow("3 files of 49 bytes, 2 at once")
            << QStringList{QStringLiteral("--files"),       QStringLiteral("3"),
                           QStringLiteral("--bytes"),       QStringLiteral("49"),
                           QStringLiteral("--concurrency"), QStringLiteral("2")}
            << QStringList{QStringLiteral("example1.txt"), QStringLiteral("example2.txt"),
                           QStringLiteral("example3.txt")}
            << QStringLiteral("(49 bytes): 비동기 파일 작성!");
    }
    void asyncFileWritesIntoOutDir() {
        QFETCH(QStringList, options);
        QFETCH(QStringList, names);
        QFETCH(QString, line);
        QTemporaryDir out;
        QVERIFY(out.isValid());
        const QString summary = dir_.filePath(QStringLiteral("async-file.json"));
        const Result r = cli(QStringList{QStringLiteral("run"), QStringLiteral("async-file"),
                                         QStringLiteral("--out-dir"), out.path(),
                                         QStringLiteral("--summary"), summary} +
                             options);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QString expected;
        for (const QString& name : names)
            expected += name + u' ' + line + u'\n';
        expected += QStringLiteral("%1 %2 in %3\n")
                        .arg(names.size())
                        .arg(names.size() == 1 ? QStringLiteral("file") : QStringLiteral("files"),
                             out.path());
        QCOMPARE(r.out, expected);
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 names);
        const QByteArray text = QStringLiteral("비동기 파일 작성!").toUtf8();
        const QByteArray content = names.size() == 1 ? text : text + '\n' + text;
        for (const QString& name : names) {
            QFile f(out.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), content);
        }
        QFile sf(summary);
        QVERIFY(sf.open(QIODevice::ReadOnly));
        const QJsonObject s = QJsonDocument::fromJson(sf.readAll()).object();
        QCOMPARE(s.value(QStringLiteral("result")).toString(), out.path());
        QCOMPARE(s.value(QStringLiteral("output")).toArray().last().toString(),
                 expected.split(u'\n', Qt::SkipEmptyParts).last());
        QSet<QString> kinds;
        for (const QJsonValue& t : s.value(QStringLiteral("tracks")).toArray())
            kinds.insert(t.toObject().value(QStringLiteral("kind")).toString());
        QVERIFY(kinds.contains(QStringLiteral("event-loop")));
        QVERIFY(kinds.contains(QStringLiteral("thread"))); // the executor doing the file work
    }

    // Without --out-dir the run makes a folder of its own in the temp location, says where,
    // and leaves it (it is the output) and nothing else.
    void asyncFileMakesARunFolder() {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString summary = dir_.filePath(QStringLiteral("run-folder.json"));
        const Result r = cli({QStringLiteral("run"), QStringLiteral("async-file"),
                              QStringLiteral("--summary"), summary},
                             temp.path());
        QCOMPARE(r.exitCode, 0);
        const QStringList made =
            QDir(temp.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QCOMPARE(made.size(), 1);
        QVERIFY2(made.first().startsWith(QStringLiteral("tasklane-async-file-")),
                 qPrintable(made.first()));
        const QString folder = temp.filePath(made.first());
        QCOMPARE(r.out, QStringLiteral("example.txt (24 bytes): 비동기 파일 작성!\n1 file in %1\n")
                            .arg(folder));
        QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("example.txt")});
        QFile sf(summary);
        QVERIFY(sf.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(sf.readAll())
                     .object()
                     .value(QStringLiteral("result"))
                     .toString(),
                 folder);
    }

    // A relative --out-dir is taken from where the command runs, and shown absolute.
    void asyncFileRelativeOutDir() {
        QTemporaryDir cwd;
        QVERIFY(cwd.isValid());
        QVERIFY(QDir(cwd.path()).mkdir(QStringLiteral("out")));
        const Result r = cli({QStringLiteral("run"), QStringLiteral("async-file"),
                              QStringLiteral("--out-dir"), QStringLiteral("out/")},
                             {}, cwd.path());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith(QStringLiteral("1 file in %1/out\n").arg(cwd.path())),
                 qPrintable(r.out));
        QVERIFY(QFile::exists(cwd.filePath(QStringLiteral("out/example.txt"))));
    }

    // A folder that cannot take the files is a failed run: exit 1, one line naming the
    // folder and the reason, nothing on stdout.
    void asyncFileBadOutDirExits1_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << QStringLiteral("/nonexistent-tasklane-dir")
                                 << QStringLiteral("does not exist");
        QTest::newRow("a file") << QStringLiteral("/etc/hostname")
                                << QStringLiteral("is not a folder");
        // Not writable by anyone, root included.
        QTest::newRow("unwritable")
            << QStringLiteral("/sys") << QStringLiteral("Permission denied");
    }
    void asyncFileBadOutDirExits1() {
        QFETCH(QString, folder);
        QFETCH(QString, reason);
        const Result r = cli({QStringLiteral("run"), QStringLiteral("async-file"),
                              QStringLiteral("--out-dir"), folder});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u'\'' + folder + u'\''), qPrintable(r.err));
        QVERIFY2(r.err.contains(reason), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
        QVERIFY(r.out.isEmpty());
    }

    // A file that cannot be saved once the run is done (here: its folder goes away during
    // the run) is a failed run: exit 1, naming the file; what the run printed stays printed.
    void outputLostDuringTheRunFailsWithExit1() {
        QTemporaryDir gone;
        QVERIFY(gone.isValid());
        const QString summary = gone.filePath(QStringLiteral("s.json"));
        QProcess p;
        // async-hello sleeps for 3 s at this time scale: the folder is checked at the start,
        // and gone a second later.
        p.start(qEnvironmentVariable("TASKLANE_CLI"),
                {QStringLiteral("run"), QStringLiteral("async-hello"),
                 QStringLiteral("--time-scale"), QStringLiteral("3"), QStringLiteral("--summary"),
                 summary});
        QVERIFY(p.waitForStarted());
        QTest::qWait(1000);
        QVERIFY(gone.remove());
        QVERIFY(p.waitForFinished(60'000));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(summary), qPrintable(err));
    }

    // SIGINT, SIGTERM and SIGHUP stop the run as the window's Stop does: its workers are
    // terminated and reaped, no summary or trace is written (a stopped run is no run's
    // result), and the exit code is the shell's 128 + the signal, within 1 s.
    void signalStopsTheRunAndItsWorkers_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("exitCode");
        // To the tool's whole process group, as a terminal's Ctrl+C or a hangup sends it: the
        // workers get it too and die of it, which must still read as a stop, not a failure.
        QTest::addColumn<bool>("toGroup");
        const std::pair<int, int> signals[] = {{SIGINT, 130}, {SIGTERM, 143}, {SIGHUP, 129}};
        for (const char* method : {"fork", "spawn"})
            for (const bool group : {false, true})
                for (const auto& [signal, code] : signals)
                    QTest::addRow("%s %s%s", method, sigabbrev_np(signal), group ? " to group" : "")
                        << QString::fromLatin1(method) << signal << code << group;
    }
    void signalStopsTheRunAndItsWorkers() {
        QFETCH(QString, method);
        QFETCH(int, signal);
        QFETCH(int, exitCode);
        QFETCH(bool, toGroup);
        QTemporaryDir out;
        const QString summary = out.filePath(QStringLiteral("summary.json"));
        const QString trace = out.filePath(QStringLiteral("trace.json"));
        QProcess p;
        p.setChildProcessModifier([] { ::setpgid(0, 0); }); // a group of its own, to signal
        const QList<int> workers = startPoolMap(
            p, method, {QStringLiteral("--summary"), summary, QStringLiteral("--trace"), trace});
        QCOMPARE(workers.size(), 2);

        QElapsedTimer clock;
        clock.start();
        const auto pid = pid_t(p.processId());
        QCOMPARE(::kill(toGroup ? -pid : pid, signal), 0);
        QVERIFY(p.waitForFinished(10'000));
        const qint64 ms = clock.elapsed();
        qInfo("%s: exit after %lld ms", QTest::currentDataTag(), ms);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit); // not killed by the signal itself
        QCOMPARE(p.exitCode(), exitCode);
        QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
        QVERIFY2(running(workers).isEmpty(), "a worker outlived the tool");
        // Reaped by the tool itself, as Stop does: no zombie left for init to collect.
        for (int worker : workers)
            QVERIFY2(!QFile::exists(QStringLiteral("/proc/%1").arg(worker)),
                     qPrintable(QStringLiteral("worker %1 not reaped").arg(worker)));
        QVERIFY(!QFile::exists(summary));
        QVERIFY(!QFile::exists(trace));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
        QVERIFY2(err.contains(
                     QStringLiteral("stopped by SIG%1").arg(QLatin1String(sigabbrev_np(signal)))) &&
                     err.contains(QStringLiteral("no file written")),
                 qPrintable(err));
        QCOMPARE(err.trimmed().count(u'\n'), 0);
    }

    // Whatever kills the tool, even SIGKILL that no handler sees, takes its workers along
    // (PR_SET_PDEATHSIG in the forked child and in the spawned tasklane-worker).
    void killedToolTakesItsWorkers_data() {
        QTest::addColumn<QString>("method");
        QTest::newRow("fork") << QStringLiteral("fork");
        QTest::newRow("spawn") << QStringLiteral("spawn");
    }
    void killedToolTakesItsWorkers() {
        QFETCH(QString, method);
        QProcess p;
        const QList<int> workers = startPoolMap(p, method, {});
        QCOMPARE(workers.size(), 2);
        QCOMPARE(::kill(pid_t(p.processId()), SIGKILL), 0);
        QVERIFY(p.waitForFinished(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(running(workers).isEmpty(), 1000);
    }

    void versionIsPrinted() {
        const Result r = cli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("tasklane-cli ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(u'.'), qPrintable(r.out));
    }

    // --stats: stdout stays the program's output; the figures go to stderr.
    void statsGoToStderr() {
        const Result r =
            cli({QStringLiteral("run"), QStringLiteral("thread-pool"), QStringLiteral("--stats")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("[1, 4, 9, 16, 25]\n"));
        for (const char* word : {"makespan", "sequential estimate", "speedup", "efficiency",
                                 "CPU 0", "gil-wait", "lock-wait", "spawning", "queued"})
            QVERIFY2(r.err.contains(QLatin1String(word)), qPrintable(r.err));
    }

    // compare: a table of the five modes, a conclusion, and the summary's `modes` object.
    void compareSummaryHasEveryMode() {
        const QString summary = dir_.filePath(QStringLiteral("compare.json"));
        const Result r =
            cli({QStringLiteral("run"), QStringLiteral("compare"), QStringLiteral("--tasks"),
                 QStringLiteral("4"), QStringLiteral("--workers"), QStringLiteral("2"),
                 QStringLiteral("--cpu-ms"), QStringLiteral("0"), QStringLiteral("--io-ms"),
                 QStringLiteral("20"), QStringLiteral("--summary"), summary});
        QCOMPARE(r.exitCode, 0);
        QFile f(summary);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonObject modes = doc.value(QStringLiteral("modes")).toObject();
        for (const char* mode :
             {"sequential", "threads-gil", "threads-free", "processes", "asyncio"}) {
            const QJsonObject m = modes.value(QLatin1String(mode)).toObject();
            QVERIFY2(m.value(QStringLiteral("makespan_ms")).toDouble() > 0, mode);
            QVERIFY2(m.contains(QStringLiteral("speedup")), mode);
            QVERIFY2(m.contains(QStringLiteral("efficiency")), mode);
            QVERIFY2(m.value(QStringLiteral("core_utilisation")).isArray(), mode);
            QVERIFY2(r.out.contains(QLatin1String(mode)), qPrintable(r.out));
        }
        QCOMPARE(modes.value(QStringLiteral("sequential"))
                     .toObject()
                     .value(QStringLiteral("speedup"))
                     .toDouble(),
                 1.0);
        QVERIFY(!doc.value(QStringLiteral("conclusion")).toArray().isEmpty());
        QVERIFY2(r.out.contains(QStringLiteral("I/O-bound")), qPrintable(r.out));
    }

    // Two workers pinned to one core (the CLI inherits this thread's affinity): the run says
    // how long they waited for it, in the trace, the summary and the printed figures, and
    // its running time fits the one core.
    void oversubscribedRunSaysWaitingForACore_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("pool-map, 2 processes") << QStringList{
            QStringLiteral("pool-map"), QStringLiteral("--start-method"), QStringLiteral("fork")};
        QTest::newRow("thread-pool, GIL off, 2 threads") << QStringList{
            QStringLiteral("thread-pool"), QStringLiteral("--gil"), QStringLiteral("off")};
    }

    void oversubscribedRunSaysWaitingForACore() {
        QFETCH(QStringList, args);
        const QString trace = dir_.filePath(QStringLiteral("core-wait.json"));
        const QString summary = dir_.filePath(QStringLiteral("core-wait-summary.json"));
        std::optional<PinnedToOneCore> pin(std::in_place);
        QVERIFY(pin->pinned());
        const Result r =
            cli(QStringList{QStringLiteral("run")}
                << args
                << QStringList{QStringLiteral("--workers"), QStringLiteral("2"),
                               QStringLiteral("--tasks"), QStringLiteral("2"),
                               QStringLiteral("--cpu-ms"), QStringLiteral("100"),
                               QStringLiteral("--trace"), trace, QStringLiteral("--summary"),
                               summary, QStringLiteral("--stats")});
        pin.reset(); // the rest of the suite runs on every core
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2((r.out + r.err).contains(QStringLiteral("waiting for a core")), qPrintable(r.err));

        QFile sf(summary);
        QVERIFY(sf.open(QIODevice::ReadOnly));
        const QJsonObject s = QJsonDocument::fromJson(sf.readAll()).object();
        const double makespan = s.value(QStringLiteral("makespan_ms")).toDouble();
        const double running = s.value(QStringLiteral("running_ms")).toDouble();
        const double waiting = s.value(QStringLiteral("core_wait_ms")).toDouble();
        const QString figures = QStringLiteral("running %1 ms, waiting %2 ms, makespan %3 ms")
                                    .arg(running)
                                    .arg(waiting)
                                    .arg(makespan);
        QVERIFY2(running > 0 && running <= makespan * 1.05, qPrintable(figures));
        QVERIFY2(waiting >= 50, qPrintable(figures));

        QFile tf(trace);
        QVERIFY(tf.open(QIODevice::ReadOnly));
        int waits = 0;
        for (const auto& v : QJsonDocument::fromJson(tf.readAll())
                                 .object()[QStringLiteral("traceEvents")]
                                 .toArray()) {
            const QJsonObject a = v.toObject()[QStringLiteral("args")].toObject();
            if (a[QStringLiteral("state")].toString() == QStringLiteral("waiting-for-core")) {
                ++waits;
                QCOMPARE(a[QStringLiteral("cpu")].toInt(), -1);
            }
        }
        QVERIFY(waits > 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
