// The window, driven as a user would: pick a pattern, move sliders, press Run, read the
// tabs, look at the chart. Headless (QT_QPA_PLATFORM=offscreen), settings in a temp dir.
#include "chart/chart_exporter.h"
#include "chart/zoom_state.h"
#include "compare_view.h"
#include "core_text.h"
#include "gantt_view.h"
#include "language.h"
#include "main_window.h"
#include "parameter_panel.h"
#include "patterns/compare_pattern.h"
#include "patterns/pattern_registry.h"
#include "patterns/run_error.h"
#include "pin_board.h"
#include "run_controller.h"
#include "summary_view.h"
#include "time_ruler.h"
#include "trace/chrome_trace_reader.h"
#include "trace/chrome_trace_writer.h"
#include "trace/csv_writer.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>
#include <QToolTip>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUrl>
#include <QtTest>

#include <dirent.h>
#include <set>
#include <stdexcept>

using namespace tasklane;

namespace {

// Points TMPDIR at `dir` until the returned guard goes: folders a run makes in the temp
// location land where the test can look, and nothing is left in the real one.
[[nodiscard]] auto tmpDirIs(const QString& dir) {
    const QByteArray old = qgetenv("TMPDIR");
    const bool had = qEnvironmentVariableIsSet("TMPDIR");
    qputenv("TMPDIR", dir.toLocal8Bit());
    return qScopeGuard([old, had] {
        if (had)
            qputenv("TMPDIR", old);
        else
            qunsetenv("TMPDIR");
    });
}

constexpr int kRunTimeoutMs = 60'000;

// A pattern with every kind of parameter, whose run does what it is told: for the panel and
// the controller, without depending on which patterns the registry holds.
class FakePattern final : public Pattern {
public:
    std::string id() const override { return "fake"; }
    std::string section() const override { return "9.9"; }
    std::string title() const override { return "Fake"; }
    std::string tutorialHeading() const override { return "가짜"; }
    std::string description() const override { return "for tests"; }
    std::vector<ParamSpec> params() const override {
        return {
            {"count", ParamKind::Int, 1, 1'000'000, 5LL, "how many", "", {}},
            {"delay", ParamKind::Double, 0, 10'000, 0.0, "a delay", "ms", {}},
            {"mode",
             ParamKind::Choice,
             0,
             0,
             std::string("ok"),
             "what run() does",
             "",
             {"ok", "fail", "wait"}},
            {"delays",
             ParamKind::IntList,
             0,
             60'000,
             std::vector<long long>{2000, 1000, 3000},
             "per-task delays",
             "ms",
             {}},
            {"folder", ParamKind::Folder, 0, 0, std::string(), "where files go", "", {}},
        };
    }
    std::string pythonCode(const Params&) const override { return "print('fake')\n"; }
    // Its run takes no time, whatever its delays say: the window starts it at once.
    double expectedMs(const Params&) const override { return 10; }
    RunResult run(const Params& given, RunControl& control) const override {
        const Params p = withDefaults(given);
        if (p.text("mode") == "fail")
            throw std::runtime_error("worker 3 crashed");
        if (p.text("mode") == "wait")
            while (!control.stopRequested())
                QThread::msleep(5);
        if (control.stopRequested())
            throw RunStopped{};
        RunResult r;
        r.output = {"fake output", "최종 값: 5"};
        // One slice, so that the window has a chart to keep.
        r.trace.tracks.push_back(Track{1, 1, TrackKind::Main, "main"});
        TraceEvent e;
        e.begin_ns = 1'000'000;
        e.end_ns = 3'000'000;
        e.cpu = 0;
        e.label = r.trace.intern("작업 A");
        r.trace.events.push_back(e);
        r.trace.finalize();
        return r;
    }
};

MainWindow::Options quiet() {
    MainWindow::Options o;
    o.runOnStart = false;
    return o;
}

template <class T> T* child(QObject& parent, const char* name) {
    T* found = parent.findChild<T*>(QString::fromLatin1(name));
    if (found == nullptr)
        qWarning("no child %s", name);
    return found;
}

int distinctColours(const QImage& image) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

// Slices enough that the view regroups them on a worker thread: 4 threads of one process on
// 2 cores, back to back.
std::shared_ptr<const Trace> largeTrace() {
    constexpr int kThreads = 4;
    const int slices = int(GanttView::kBackgroundRowsEvents) + 20'000;
    auto t = std::make_shared<Trace>();
    for (int w = 0; w < kThreads; ++w)
        t->tracks.push_back(Track{100, 101 + w, TrackKind::Thread, "worker " + std::to_string(w)});
    const std::uint32_t label = t->intern("square");
    t->events.reserve(std::size_t(slices));
    for (int i = 0; i < slices; ++i) {
        TraceEvent e;
        e.begin_ns = std::int64_t(i / kThreads) * 10'000;
        e.end_ns = e.begin_ns + 8'000;
        e.track = std::uint32_t(i % kThreads);
        e.task = std::uint32_t(i + 1);
        e.label = label;
        e.cpu = std::int16_t(i % 2);
        t->events.push_back(e);
    }
    t->finalize();
    return t;
}

// A grab for a look, when TASKLANE_SCREENSHOT_DIR is set.
void saveWindowGrab(QWidget* widget, const QString& name) {
    if (const QString dir = qEnvironmentVariable("TASKLANE_SCREENSHOT_DIR"); !dir.isEmpty())
        widget->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

QString squares(int n) {
    QStringList items;
    for (int i = 1; i <= n; ++i)
        items << QString::number(i * i);
    return u'[' + items.join(QStringLiteral(", ")) + u']';
}

} // namespace

class TstGui : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void opensWithAChart();
    void runsWithThePanelsValues();
    void invalidValueKeepsTheChart();
    void stoppedRunShowsWhatItRecorded();
    void staleResultNeverLands();
    void groupByRelayouts();
    void tooltipDescribesTheSlice();
    void zoomPanAndFit();
    void exportsChartTraceAndCsv();
    void settingsPersist();
    void failedRunKeepsTheChart();
    void f5RunsAndEscStops();
    void autoRunAfterAChange();

    void panelBuildsEditorsFromSpecs();
    void panelLogSlider();
    void panelIntListValidation();
    void panelSliderPerListItem();
    void panelListSlidersFollowTheText_data();
    void panelListSlidersFollowTheText();
    void panelFolderEditor();
    void asyncGatherHasASliderPerTask();
    void asyncFileRunsAndReportsABadFolder();
    void controllerReportsFailureAndStop();
    void outputIsCutForDisplay();

    // Issue 13, section 6: the window's smaller surprises.
    void statusSaysWhatBlocksTheRun();
    void spinBoxRefusesOutOfRange_data();
    void spinBoxRefusesOutOfRange();
    void languageMenuNamesTheSystemLanguage_data();
    void languageMenuNamesTheSystemLanguage();
    void runningStatusNamesThePattern();
    void pinKeepsTheLiveChartTall();
    void asyncFileUsesOneFolderPerWindow();

    void pinBoardKeepsFourAndStacks();
    void compareTabStacksPinnedRuns();
    void compareRunShowsItsConclusion();
    void summaryEfficiencyStaysWithin100_data();
    void speedupIsNeverShownAsZero_data();
    void speedupIsNeverShownAsZero();
    void summaryEfficiencyStaysWithin100();
    void stopIsQuickAndLeavesNothing_data();
    void stopIsQuickAndLeavesNothing();
    void autoRunWeighsTheRun();
    void chartFollowsADarkPalette();
    void mainViewsAreNotBlank();

    void openTraceShowsIt();
    void openBrokenTraceKeepsTheChart();
    void dropOpensAJsonFile();
    void koreanUnderAKoreanLocale();
    void koreanCoreAndChartTexts();
    void koreanParameterErrors();
    void koreanTraceErrors_data();
    void koreanTraceErrors();
    void koreanRunErrors_data();
    void koreanRunErrors();
    void koreanExportErrors_data();
    void koreanExportErrors();
    void languageMenuKeepsTheChoice();
    void switchesLanguageLive_data();
    void switchesLanguageLive();

    void zoomHistoryAndRuler();
    void selectionShowsStatistics();
    void triangleCollapsesAProcess();
    void largeTraceRegroupsOffTheGuiThread();
    void regroupingStatusNamesTheChoice();
    void rowNamesFollowTheLanguage_data();
    void rowNamesFollowTheLanguage();
    void summarySaysWaitingForACore_data();
    void summarySaysWaitingForACore();

    void opensEveryPatternWithItsLesson_data();
    void opensEveryPatternWithItsLesson();
    void tutorialValuesAreOneClickAway();
    void twoSecondRule_data();
    void twoSecondRule();
    void panelsAgreeAfterCompareAndStop();
    void panelsAgreeAfterOpeningATrace();
    void headingSaysIdleCoresInWords();
    void changedParametersAreMarked();

private:
    QTemporaryDir settingsDir_;
    QTemporaryDir outDir_;
};

void TstGui::initTestCase() {
    QVERIFY(settingsDir_.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TasklaneTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui"));
}

void TstGui::init() {
    QSettings().clear();
#ifdef __SANITIZE_ADDRESS__
    // GCC 12's ASan allocator takes no locks across fork(): a child forked from this test
    // process, where Qt's threads allocate all the time, can inherit a lock another thread
    // held and hang at its first allocation (README, "fork in a program with threads"). So the
    // window's runs here start their processes with spawn; the Release run of this test uses fork,
    // and tst_mp tests fork under ASan in a process without Qt's threads.
    for (const auto& pattern : PatternRegistry::instance().all())
        if (pattern->param("start-method"))
            QSettings().setValue(
                QStringLiteral("params/%1/start-method").arg(QString::fromStdString(pattern->id())),
                QStringLiteral("spawn"));
#endif
}

void TstGui::opensWithAChart() {
    MainWindow w;
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QCOMPARE(w.windowTitle(), QStringLiteral("Tasklane"));
    QVERIFY(w.currentPattern() != nullptr);
    QVERIFY(w.ganttView()->trace() != nullptr);
    QVERIFY(w.ganttView()->sliceCount() > 0);
    QVERIFY(w.ganttView()->layout().drawItemCount() > 0);
    QVERIFY(!w.outputText().isEmpty());
}

void TstGui::runsWithThePanelsValues() {
    MainWindow w;
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(w.selectPattern(QStringLiteral("thread-pool")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs); // selecting may start a run
    ended.clear();

    auto* workersSlider = child<QSlider>(w, "param-workers-slider");
    auto* workersSpin = child<QSpinBox>(w, "param-workers-spin");
    auto* tasksSpin = child<QSpinBox>(w, "param-tasks-spin");
    QVERIFY(workersSlider && workersSpin && tasksSpin);
    workersSlider->setValue(workersSlider->minimum() + 1); // a linear 1..64 slider: value 2
    QCOMPARE(workersSpin->value(), 2);
    tasksSpin->setValue(20);
    QVERIFY(w.pythonText().contains(QStringLiteral("max_workers=2")));

    auto* runButton = child<QPushButton>(w, "run-button");
    QVERIFY(runButton->isEnabled());
    QTest::mouseClick(runButton, Qt::LeftButton);
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(!w.isRunning());

    QVERIFY(w.ganttView()->sliceCount() > 0);
    QCOMPARE(w.outputText(), squares(20));
    QVERIFY(w.pythonText().contains(QStringLiteral("max_workers=2")));
    QVERIFY(w.statusText().contains(QStringLiteral("Done")));
    const QString summary = child<QWidget>(w, "summary-view")->property("plainText").toString();
    QVERIFY2(summary.contains(QStringLiteral("Speedup")), qPrintable(summary));

    const QImage shot = w.grab().toImage();
    QVERIFY(!shot.isNull());
    QVERIFY2(distinctColours(shot) > 30, "the window grab looks blank");
    const QImage chart = w.ganttView()->grab().toImage();
    QVERIFY2(distinctColours(chart) > 10, "the chart looks blank");
}

void TstGui::invalidValueKeepsTheChart() {
    MainWindow w;
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs));
    const Trace* before = w.ganttView()->trace();
    QVERIFY(before != nullptr);

    ParameterPanel* panel = w.parameterPanel();
    QVERIFY(panel->setValue("workers", 1000LL));
    QVERIFY(!panel->isValid());
    auto* error = child<QLabel>(w, "param-error");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("64")), qPrintable(error->text()));
    auto* runButton = child<QPushButton>(w, "run-button");
    QVERIFY(!runButton->isEnabled());
    w.run(); // refused, not started
    QVERIFY(!w.isRunning());
    QCOMPARE(w.ganttView()->trace(), before);

    panel->setValue("workers", 2LL);
    QVERIFY(panel->isValid());
    QVERIFY(!error->isVisible());
    QVERIFY(runButton->isEnabled());
    QCOMPARE(child<QSpinBox>(w, "param-workers-spin")->value(), 2);
}

// A stopped run shows what it recorded, marked as stopped, not the run before it beside the
// new parameters.
void TstGui::stoppedRunShowsWhatItRecorded() {
    MainWindow w;
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs));
    const Trace* before = w.ganttView()->trace();
    ended.clear();

    ParameterPanel* panel = w.parameterPanel();
    panel->setValue("workers", 1LL);
    panel->setValue("tasks", 400LL);
    panel->setValue("io-ms", 50.0); // 20 s if nobody stops it
    auto* runButton = child<QPushButton>(w, "run-button");
    QTest::mouseClick(runButton, Qt::LeftButton);
    QVERIFY(w.isRunning());
    QCOMPARE(runButton->text(), QStringLiteral("Stop"));
    auto* progress = child<QProgressBar>(w, "run-progress");
    QVERIFY(progress->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(progress->maximum(), 400, 10'000); // a report arrived
    QVERIFY(progress->value() >= 1);
    QTest::qWait(300); // a few tasks more
    QTest::mouseClick(runButton, Qt::LeftButton);
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(w.ganttView()->trace() != nullptr);
    QVERIFY(w.ganttView()->trace() != before);
    QVERIFY(w.ganttView()->sliceCount() > 0);
    QVERIFY(runButton->text().startsWith(QStringLiteral("Run")));
    const QString heading = child<QLabel>(w, "chart-heading")->text();
    const QRegularExpression stoppedAt(QStringLiteral("stopped at (\\d+) of 400 tasks"));
    const QRegularExpressionMatch match = stoppedAt.match(heading);
    QVERIFY2(match.hasMatch(), qPrintable(heading));
    QVERIFY(match.captured(1).toInt() >= 1 && match.captured(1).toInt() < 400);
    QVERIFY2(!heading.contains(QStringLiteral("speedup")), qPrintable(heading));
    const QString summary = child<QTextBrowser>(w, "summary-view")->toPlainText();
    QVERIFY2(summary.contains(match.captured(0)), qPrintable(summary));
    // The status bar gives the same count as the heading.
    QCOMPARE(w.statusText(), QStringLiteral("Stopped at %1 of 400 tasks.").arg(match.captured(1)));
    QVERIFY2(w.outputText().contains(QStringLiteral("stopped at")), qPrintable(w.outputText()));
    // The parameters are those of the run on screen: nothing marked as changed.
    QVERIFY(!child<QLabel>(w, "params-changed")->isVisible());
    saveWindowGrab(&w, QStringLiteral("stopped-run"));
}

void TstGui::staleResultNeverLands() {
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(w.selectPattern(QStringLiteral("thread-pool")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    ended.clear();

    ParameterPanel* panel = w.parameterPanel();
    panel->setValue("workers", 1LL);
    panel->setValue("tasks", 200LL);
    panel->setValue("io-ms", 20.0);
    w.run(); // slow: about 4 s
    panel->setValue("tasks", 3LL);
    panel->setValue("io-ms", 0.0);
    w.run(); // replaces it
    QVERIFY(ended.wait(kRunTimeoutMs));
    QCOMPARE(w.outputText(), squares(3));
    QTest::qWait(500); // the replaced run has stopped by now; its end must not be reported
    QCOMPARE(ended.count(), 1);
    QCOMPARE(w.outputText(), squares(3));
}

void TstGui::groupByRelayouts() {
    MainWindow w;
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs));
    const Trace* trace = w.ganttView()->trace();
    QVERIFY(trace);
    auto* box = child<QComboBox>(w, "group-by");

    box->setCurrentIndex(box->findData(QStringLiteral("worker")));
    QCOMPARE(w.groupBy(), GroupBy::Worker);
    // A row per track, and lane rows under those with async slices (the queued tasks).
    int trackRows = 0;
    for (const GanttRow& row : w.ganttView()->layout().rows()->rows())
        trackRows += row.kind == RowKind::Track ? 1 : 0;
    QCOMPARE(trackRows, int(trace->tracks.size()));
    const int perWorker = w.ganttView()->layout().rowCount();

    box->setCurrentIndex(box->findData(QStringLiteral("core")));
    QCOMPARE(w.groupBy(), GroupBy::Core);
    const int cores = w.ganttView()->layout().rowCount();
    QVERIFY(cores >= 1);
    QVERIFY(cores <= trace->maxCpu() + 1);

    box->setCurrentIndex(box->findData(QStringLiteral("both")));
    QCOMPARE(w.ganttView()->layout().rowCount(), cores + perWorker);
}

void TstGui::tooltipDescribesTheSlice() {
    MainWindow w;
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs));
    w.setGroupBy(GroupBy::Worker);
    const GanttLayout& layout = w.ganttView()->layout();
    QString text;
    QPointF at;
    for (int r = 0; r < layout.rowCount() && text.isEmpty(); ++r)
        for (const GanttDrawItem& item : layout.drawItems(r))
            if (item.kind == DrawKind::Slice && item.rect.width() >= 2) {
                at = item.rect.center();
                text = w.ganttView()->describeAt(at);
                break;
            }
    QVERIFY2(text.contains(QStringLiteral("state")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("duration")));
    QVERIFY(text.contains(QStringLiteral(" ms")));
    QVERIFY(w.ganttView()->describeAt(QPointF(-5, -5)).isEmpty());

    // The real thing: a tooltip event shows that text.
    QHelpEvent help(QEvent::ToolTip, at.toPoint(), w.ganttView()->mapToGlobal(at.toPoint()));
    QApplication::sendEvent(w.ganttView(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), text);
    QToolTip::hideText();
}

void TstGui::zoomPanAndFit() {
    MainWindow w;
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs));
    GanttView* view = w.ganttView();
    const TimeRange full = view->visibleRange();
    QVERIFY(full.span() > 0);
    const QPointF centre = view->layout().plotRect().center();

    // Wheel up zooms in around the cursor.
    QWheelEvent wheel(centre, view->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view, &wheel);
    const TimeRange zoomed = view->visibleRange();
    QVERIFY(zoomed.span() < full.span());
    QVERIFY(zoomed.begin_ns > full.begin_ns && zoomed.end_ns < full.end_ns);
    QCOMPARE(view->layout().visibleRange(), zoomed);

    // Dragging right shows earlier times.
    const QPoint from = centre.toPoint();
    QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(view, from + QPoint(60, 0));
    QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, from + QPoint(60, 0));
    QVERIFY(view->visibleRange().begin_ns < zoomed.begin_ns);
    QCOMPARE(view->visibleRange().span(), zoomed.span());

    view->fit();
    QCOMPARE(view->visibleRange(), full);
}

void TstGui::exportsChartTraceAndCsv() {
    QVERIFY(outDir_.isValid());
    MainWindow w;
    QSignalSpy ended(&w, &MainWindow::runEnded);
    QSignalSpy exported(&w, &MainWindow::exportFinished);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs));

    const QString png = outDir_.filePath(QStringLiteral("chart.png"));
    const QString svg = outDir_.filePath(QStringLiteral("chart.svg"));
    const QString json = outDir_.filePath(QStringLiteral("trace.json"));
    const QString csv = outDir_.filePath(QStringLiteral("events.csv"));
    QVERIFY(w.exportTo(MainWindow::ExportKind::Chart, png));
    QVERIFY(w.exportTo(MainWindow::ExportKind::Chart, svg));
    QVERIFY(w.exportTo(MainWindow::ExportKind::Trace, json));
    QVERIFY(w.exportTo(MainWindow::ExportKind::Csv, csv));
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 4, kRunTimeoutMs);
    for (const auto& args : exported)
        QVERIFY2(args.at(0).toBool(), qPrintable(args.at(1).toString()));
    QVERIFY(!QImage(png).isNull());
    QVERIFY(QFileInfo(svg).size() > 0);
    QVERIFY(QFileInfo(json).size() > 0);
    QVERIFY(QFileInfo(csv).size() > 0);

    // A failed export says so and changes nothing else.
    exported.clear();
    const Trace* before = w.ganttView()->trace();
    QVERIFY(w.exportTo(MainWindow::ExportKind::Chart, outDir_.filePath(QStringLiteral("x.bmpx"))));
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, kRunTimeoutMs);
    QVERIFY(!exported.at(0).at(0).toBool());
    QVERIFY(w.statusText().contains(QStringLiteral("Export failed")));
    QCOMPARE(w.ganttView()->trace(), before);
}

void TstGui::settingsPersist() {
    {
        MainWindow w(quiet());
        QVERIFY(w.selectPattern(QStringLiteral("thread-pool")));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
        w.parameterPanel()->setValue("workers", 3LL);
        w.parameterPanel()->setValue("gil", std::string("off"));
        w.setGroupBy(GroupBy::Core);
    }
    MainWindow w(quiet());
    QCOMPARE(w.currentPattern()->id(), std::string("thread-pool"));
    QCOMPARE(child<QSpinBox>(w, "param-workers-spin")->value(), 3);
    QCOMPARE(child<QComboBox>(w, "param-gil-combo")->currentText(), QStringLiteral("off"));
    QCOMPARE(w.groupBy(), GroupBy::Core);
}

void TstGui::failedRunKeepsTheChart() {
    FakePattern fake;
    MainWindow::Options options;
    options.patterns = {&fake};
    MainWindow w(options);
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs));
    const Trace* before = w.ganttView()->trace();
    QVERIFY(before != nullptr);
    QCOMPARE(w.ganttView()->sliceCount(), std::size_t(1));
    QCOMPARE(w.outputText(), QStringLiteral("fake output\n최종 값: 5"));

    child<QComboBox>(w, "param-mode-combo")->setCurrentText(QStringLiteral("fail"));
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY2(w.statusText().contains(QStringLiteral("worker 3 crashed")),
             qPrintable(w.statusText()));
    auto* box = child<QMessageBox>(w, "error-box");
    QVERIFY(box && box->isVisible());
    QVERIFY(box->informativeText().contains(QStringLiteral("worker 3 crashed")));
    QCOMPARE(w.ganttView()->trace(), before);
    QCOMPARE(w.outputText(), QStringLiteral("fake output\n최종 값: 5"));
    box->accept();
}

// F5 does what its label says, Run: during a run it does nothing, and Esc stops.
void TstGui::f5RunsAndEscStops() {
    FakePattern fake;
    MainWindow::Options options;
    options.patterns = {&fake};
    options.runOnStart = false;
    MainWindow w(options);
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    child<QComboBox>(w, "param-mode-combo")->setCurrentText(QStringLiteral("wait"));
    QTest::keyClick(&w, Qt::Key_F5);
    QVERIFY(w.isRunning());
    QTest::keyClick(&w, Qt::Key_F5);
    QVERIFY(!ended.wait(300));
    QVERIFY(w.isRunning());
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY2(w.statusText().startsWith(QStringLiteral("Stopped")), qPrintable(w.statusText()));
    QCOMPARE(ended.count(), 1);
}

void TstGui::autoRunAfterAChange() {
    MainWindow w;
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs));
    ended.clear();
    child<QAction>(w, "auto-run-action")->setChecked(true);
    auto* tasks = child<QSpinBox>(w, "param-tasks-spin");
    // A burst of edits (typing "12") runs once, after the last one.
    tasks->setValue(1);
    tasks->setValue(12);
    QVERIFY(ended.wait(kRunTimeoutMs));
    QCOMPARE(w.outputText(), squares(12));
    QTest::qWait(600);
    QCOMPARE(ended.count(), 1);
}

void TstGui::panelBuildsEditorsFromSpecs() {
    FakePattern fake;
    ParameterPanel panel;
    QSignalSpy changed(&panel, &ParameterPanel::paramsChanged);
    panel.setPattern(&fake);
    QVERIFY(panel.isValid());
    QVERIFY(child<QSlider>(panel, "param-count-slider"));
    QVERIFY(child<QSpinBox>(panel, "param-count-spin"));
    QVERIFY(child<QSlider>(panel, "param-delay-slider"));
    auto* delay = child<QDoubleSpinBox>(panel, "param-delay-spin");
    QVERIFY(delay);
    QCOMPARE(delay->suffix(), QStringLiteral(" ms"));
    QCOMPARE(delay->toolTip(), QStringLiteral("a delay"));
    QVERIFY(child<QComboBox>(panel, "param-mode-combo"));
    QCOMPARE(child<QLineEdit>(panel, "param-delays-edit")->text(),
             QStringLiteral("2000,1000,3000"));

    changed.clear();
    child<QComboBox>(panel, "param-mode-combo")->setCurrentIndex(1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(panel.params().text("mode"), std::string("fail"));

    // The slider and the spin box follow each other.
    auto* slider = child<QSlider>(panel, "param-delay-slider");
    delay->setValue(100);
    const int position = slider->value();
    QVERIFY(position > slider->minimum() && position < slider->maximum());
    slider->setValue(slider->maximum());
    QCOMPARE(delay->value(), 10'000.0);
    QCOMPARE(panel.params().number("delay"), 10'000.0);
}

void TstGui::panelLogSlider() {
    FakePattern fake;
    ParameterPanel panel;
    panel.setPattern(&fake);
    auto* slider = child<QSlider>(panel, "param-count-slider");
    auto* spin = child<QSpinBox>(panel, "param-count-spin");
    slider->setValue(slider->maximum());
    QCOMPARE(spin->value(), 1'000'000);
    slider->setValue(slider->minimum());
    QCOMPARE(spin->value(), 1);
    // Logarithmic: the middle of the track is about sqrt(1,000,000), not 500,000.
    slider->setValue((slider->minimum() + slider->maximum()) / 2);
    QVERIFY2(spin->value() >= 500 && spin->value() <= 2000,
             qPrintable(QString::number(spin->value())));
    spin->setValue(20);
    QVERIFY(slider->value() > slider->minimum());
    QVERIFY(slider->value() < (slider->minimum() + slider->maximum()) / 2);
}

void TstGui::panelIntListValidation() {
    FakePattern fake;
    ParameterPanel panel;
    panel.setPattern(&fake);
    auto* edit = child<QLineEdit>(panel, "param-delays-edit");
    auto* error = child<QLabel>(panel, "param-error");
    edit->setText(QStringLiteral("100, 200,300"));
    QVERIFY(panel.isValid());
    QCOMPARE(panel.params().list("delays"), (std::vector<long long>{100, 200, 300}));

    edit->setText(QStringLiteral("100,x"));
    QVERIFY(!panel.isValid());
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(QStringLiteral("--delays")), qPrintable(error->text()));

    edit->setText(QStringLiteral("100,99999"));
    QVERIFY(!panel.isValid());
    QVERIFY2(error->text().contains(QStringLiteral("60000")), qPrintable(error->text()));

    edit->setText(QStringLiteral("5"));
    QVERIFY(panel.isValid());
    QVERIFY(error->isHidden());
}

namespace {

QList<QSlider*> listSliders(QObject& parent, const char* param) {
    QList<QSlider*> out;
    for (int i = 0;; ++i) {
        auto* s = parent.findChild<QSlider*>(
            QStringLiteral("param-%1-slider-%2").arg(QLatin1String(param)).arg(i));
        if (s == nullptr)
            return out;
        out << s;
    }
}

QSpinBox* listSpin(QObject& parent, const char* param, int i) {
    return parent.findChild<QSpinBox*>(
        QStringLiteral("param-%1-spin-%2").arg(QLatin1String(param)).arg(i));
}

} // namespace

void TstGui::panelSliderPerListItem() {
    FakePattern fake;
    ParameterPanel panel;
    QSignalSpy changed(&panel, &ParameterPanel::paramsChanged);
    panel.setPattern(&fake);
    auto* edit = child<QLineEdit>(panel, "param-delays-edit");
    const QList<QSlider*> sliders = listSliders(panel, "delays");
    QCOMPARE(sliders.size(), 3); // 2000, 1000, 3000: one a task
    QCOMPARE(listSpin(panel, "delays", 0)->value(), 2000);
    QCOMPARE(listSpin(panel, "delays", 1)->value(), 1000);
    QCOMPARE(listSpin(panel, "delays", 2)->value(), 3000);
    QCOMPARE(listSpin(panel, "delays", 1)->suffix(), QStringLiteral(" ms"));
    QCOMPARE(child<QLabel>(panel, "param-delays-item-1")->text(), QStringLiteral("B"));
    // Positions follow the values: B's 1000 sits left of A's 2000, left of C's 3000.
    QVERIFY(sliders[1]->value() < sliders[0]->value());
    QVERIFY(sliders[0]->value() < sliders[2]->value());

    // Moving B's slider to the end changes B in the list, and only B.
    changed.clear();
    sliders[1]->setValue(sliders[1]->maximum());
    QCOMPARE(listSpin(panel, "delays", 1)->value(), 60'000);
    QCOMPARE(edit->text(), QStringLiteral("2000,60000,3000"));
    QCOMPARE(panel.params().list("delays"), (std::vector<long long>{2000, 60'000, 3000}));
    QVERIFY(panel.isValid());
    QVERIFY(changed.count() >= 1);
    QCOMPARE(sliders[1]->value(), sliders[1]->maximum()); // the handle stays where it was put

    // To the start: 0 ms.
    sliders[0]->setValue(sliders[0]->minimum());
    QCOMPARE(edit->text(), QStringLiteral("0,60000,3000"));

    // The spin box is exact, and moves its slider.
    const int before = sliders[2]->value();
    listSpin(panel, "delays", 2)->setValue(250);
    QCOMPARE(edit->text(), QStringLiteral("0,60000,250"));
    QVERIFY(sliders[2]->value() < before);

    // Add a task: a row more, with the last task's value; remove A: the others move up.
    auto* add = child<QPushButton>(panel, "param-delays-add");
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(edit->text(), QStringLiteral("0,60000,250,250"));
    QCOMPARE(listSliders(panel, "delays").size(), 4);
    QCOMPARE(child<QLabel>(panel, "param-delays-item-3")->text(), QStringLiteral("D"));
    QTest::mouseClick(child<QToolButton>(panel, "param-delays-remove-0"), Qt::LeftButton);
    QCOMPARE(edit->text(), QStringLiteral("60000,250,250"));
    QCOMPARE(listSliders(panel, "delays").size(), 3);
    QCOMPARE(listSpin(panel, "delays", 0)->value(), 60'000);

    // The last task cannot be removed: a gather of nothing has nothing to show.
    edit->setText(QStringLiteral("700"));
    QCOMPARE(listSliders(panel, "delays").size(), 1);
    QVERIFY(!child<QToolButton>(panel, "param-delays-remove-0")->isEnabled());

    // Defaults come back with their sliders.
    panel.resetToDefaults();
    QCOMPARE(edit->text(), QStringLiteral("2000,1000,3000"));
    QCOMPARE(listSliders(panel, "delays").size(), 3);
    QCOMPARE(listSpin(panel, "delays", 2)->value(), 3000);
}

void TstGui::panelListSlidersFollowTheText_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("sliders"); // how many after the text
    QTest::addColumn<bool>("valid");
    QTest::newRow("fewer") << QStringLiteral("5,6") << 2 << true;
    QTest::newRow("more") << QStringLiteral("5, 6, 7, 8, 9") << 5 << true;
    QTest::newRow("one") << QStringLiteral("42") << 1 << true;
    // Text that does not parse leaves the sliders on the last list that did.
    QTest::newRow("not a number") << QStringLiteral("5,x") << 3 << false;
    QTest::newRow("out of range") << QStringLiteral("5,70000") << 3 << false;
    QTest::newRow("empty") << QString() << 3 << false;
    // More tasks than letters: edited as text, with a note instead of 30 sliders.
    QTest::newRow("30 tasks") << QStringLiteral("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,"
                                                "20,21,22,23,24,25,26,27,28,29,30")
                              << 0 << true;
}

void TstGui::panelListSlidersFollowTheText() {
    QFETCH(QString, text);
    QFETCH(int, sliders);
    QFETCH(bool, valid);
    FakePattern fake;
    ParameterPanel panel;
    panel.setPattern(&fake);
    child<QLineEdit>(panel, "param-delays-edit")->setText(text);
    QCOMPARE(panel.isValid(), valid);
    QCOMPARE(listSliders(panel, "delays").size(), sliders);
    auto* note = child<QLabel>(panel, "param-delays-sliders-note");
    QCOMPARE(!note->isHidden(), valid && sliders == 0);
    if (valid && sliders > 0) {
        const auto list = panel.params().list("delays");
        for (int i = 0; i < sliders; ++i)
            QCOMPARE(listSpin(panel, "delays", i)->value(), int(list[std::size_t(i)]));
    }
    if (!valid) // still the defaults
        QCOMPARE(listSpin(panel, "delays", 2)->value(), 3000);
}

void TstGui::panelFolderEditor() {
    FakePattern fake;
    ParameterPanel panel;
    panel.setPattern(&fake);
    auto* edit = child<QLineEdit>(panel, "param-folder-edit");
    auto* browse = child<QPushButton>(panel, "param-folder-browse");
    QVERIFY(edit && browse);
    QCOMPARE(browse->text(), QStringLiteral("Browse…"));
    QVERIFY(edit->text().isEmpty());
    QVERIFY(!edit->placeholderText().isEmpty()); // says what empty means
    QCOMPARE(panel.params().text("folder"), std::string());
    edit->setText(QStringLiteral("/tmp/some folder"));
    QVERIFY(panel.isValid()); // whether it exists is the run's to find out
    QCOMPARE(panel.params().text("folder"), std::string("/tmp/some folder"));
    QVERIFY(panel.setValue("folder", std::string("/srv/x")));
    QCOMPARE(edit->text(), QStringLiteral("/srv/x"));
}

void TstGui::asyncGatherHasASliderPerTask() {
    MainWindow w(quiet());
    w.show();
    QVERIFY(w.selectPattern(QStringLiteral("async-gather")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    QTest::mouseClick(child<QPushButton>(w, "tutorial-values"), Qt::LeftButton); // 2 s, 1 s, 3 s
    w.stop(); // its 3 s run, if auto-run started one, is not this test's business
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    const QList<QSlider*> sliders = listSliders(w, "delays");
    QCOMPARE(sliders.size(), 3);
    QVERIFY(sliders[0]->isVisible());
    QVERIFY(w.pythonText().contains(QStringLiteral("task(\"B\", 1)")));
    listSpin(w, "delays", 1)->setValue(1500);
    QCOMPARE(child<QLineEdit>(w, "param-delays-edit")->text(), QStringLiteral("2000,1500,3000"));
    QVERIFY2(w.pythonText().contains(QStringLiteral("task(\"B\", 1.5)")),
             qPrintable(w.pythonText()));
    QTest::mouseClick(child<QPushButton>(w, "param-delays-add"), Qt::LeftButton);
    QCOMPARE(listSliders(w, "delays").size(), 4);
    QVERIFY(w.pythonText().contains(QStringLiteral("task(\"D\", 3)")));

    // The list and its sliders come back with the pattern.
    QVERIFY(w.selectPattern(QStringLiteral("async-hello")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    QCOMPARE(listSliders(w, "delays").size(), 0);
    QVERIFY(w.selectPattern(QStringLiteral("async-gather")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    QCOMPARE(listSliders(w, "delays").size(), 4);
    QCOMPARE(listSpin(w, "delays", 1)->value(), 1500);
}

void TstGui::asyncFileRunsAndReportsABadFolder() {
    QTemporaryDir out;
    QVERIFY(out.isValid());
    // Selecting the pattern may run it with its defaults, which makes a run folder in the
    // temp location: that goes to a temp location of the test's own.
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const auto restore = tmpDirIs(temp.path());
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(w.selectPattern(QStringLiteral("async-file")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    ended.clear();
    QVERIFY(child<QPushButton>(w, "param-out-dir-browse"));
    child<QAction>(w, "tutorial-action")->trigger(); // the tutorial's 24-byte file
    child<QSpinBox>(w, "param-files-spin")->setValue(2);
    child<QLineEdit>(w, "param-out-dir-edit")->setText(out.path());
    QVERIFY(w.pythonText().contains(QStringLiteral("aiofiles.open(")));
    QVERIFY(w.pythonText().contains(QStringLiteral("OUT_DIR = Path(\"%1\")").arg(out.path())));
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QCOMPARE(w.outputText(), QStringLiteral("example1.txt (24 bytes): 비동기 파일 작성!\n"
                                            "example2.txt (24 bytes): 비동기 파일 작성!\n"
                                            "2 files in %1")
                                 .arg(out.path()));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("example2.txt"))));
    const Trace* before = w.ganttView()->trace();
    QVERIFY(before != nullptr);

    // A folder that is not there: the run fails with a message naming it; the chart stays.
    const QString missing = out.filePath(QStringLiteral("not-made"));
    child<QLineEdit>(w, "param-out-dir-edit")->setText(missing);
    QVERIFY(w.parameterPanel()->isValid());
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    auto* box = child<QMessageBox>(w, "error-box");
    QVERIFY(box && box->isVisible());
    QVERIFY2(box->informativeText().contains(u'\'' + missing + QStringLiteral("' does not exist")),
             qPrintable(box->informativeText()));
    QVERIFY(w.statusText().contains(missing));
    QCOMPARE(w.ganttView()->trace(), before);
    box->accept();
    // The failed run left nothing in the folder it was given, nor a run folder elsewhere.
    QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             (QStringList{QStringLiteral("example1.txt"), QStringLiteral("example2.txt")}));
    for (const QString& made : QDir(temp.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        QVERIFY2(made.startsWith(QStringLiteral("tasklane-async-file-")), qPrintable(made));
}

void TstGui::controllerReportsFailureAndStop() {
    qRegisterMetaType<tasklane::RunOutcome>();
    FakePattern fake;
    RunController runner;
    QSignalSpy finished(&runner, &RunController::finished);

    Params fail;
    fail.set("mode", std::string("fail"));
    runner.start(fake, fail, GroupBy::Both);
    QVERIFY(runner.isRunning());
    QVERIFY(finished.wait(kRunTimeoutMs));
    auto outcome = finished.takeFirst().at(0).value<RunOutcome>();
    QCOMPARE(outcome.status, RunOutcome::Status::Failed);
    QCOMPARE(outcome.error, QStringLiteral("worker 3 crashed"));
    QVERIFY(!runner.isRunning());

    Params wait;
    wait.set("mode", std::string("wait"));
    runner.start(fake, wait, GroupBy::Both);
    QTest::qWait(50);
    runner.stop();
    QVERIFY(finished.wait(kRunTimeoutMs));
    outcome = finished.takeFirst().at(0).value<RunOutcome>();
    QCOMPARE(outcome.status, RunOutcome::Status::Stopped);

    runner.start(fake, Params(), GroupBy::Both);
    QVERIFY(finished.wait(kRunTimeoutMs));
    outcome = finished.takeFirst().at(0).value<RunOutcome>();
    QCOMPARE(outcome.status, RunOutcome::Status::Finished);
    QCOMPARE(outcome.outputText, QStringLiteral("fake output\n최종 값: 5"));
    QVERIFY(outcome.rows != nullptr);
}

void TstGui::outputIsCutForDisplay() {
    const std::vector<std::string> lines(5000, std::string(20, 'x'));
    const QString text = RunController::outputText(lines, 1000);
    QVERIFY(text.startsWith(QString(20, u'x') + u'\n'));
    QVERIFY(text.size() < 1300);
    QVERIFY2(text.contains(QStringLiteral("output cut")), qPrintable(text.right(200)));
    QVERIFY(text.contains(QStringLiteral("104,999")) || text.contains(QStringLiteral("104999")));
    QCOMPARE(RunController::outputText({"a", "b"}, 1000), QStringLiteral("a\nb"));
}

// Pinning: oldest first, at most four, the fifth drops the oldest; the stacked trace holds
// every pinned run's tracks under its number, and follows unpinning.
void TstGui::pinBoardKeepsFourAndStacks() {
    PinBoard board;
    QVERIFY(board.empty());
    QVERIFY(!board.stacked());
    FakePattern fake;
    RunControl control;
    std::vector<std::shared_ptr<const RunResult>> results;
    for (int i = 0; i < 5; ++i)
        results.push_back(std::make_shared<const RunResult>(fake.run(Params(), control)));
    QVERIFY(board.pin({QStringLiteral("run 1"), results[0]}).isEmpty());
    QVERIFY(board.pin({QStringLiteral("run 2"), results[1]}).isEmpty());
    QVERIFY(board.contains(results[1].get()));
    QVERIFY(!board.contains(results[2].get()));
    QCOMPARE(board.stacked()->tracks.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(board.stacked()->tracks[1].name), QStringLiteral("2 · main"));
    // Both runs' slices start together on the shared axis.
    QCOMPARE(board.stacked()->eventsOf(0)[0].begin_ns, board.stacked()->eventsOf(1)[0].begin_ns);
    board.pin({QStringLiteral("run 3"), results[2]});
    board.pin({QStringLiteral("run 4"), results[3]});
    QCOMPARE(board.size(), PinBoard::kCapacity);
    QCOMPARE(board.pin({QStringLiteral("run 5"), results[4]}), QStringLiteral("run 1"));
    QCOMPARE(board.size(), 4);
    QCOMPARE(board.runs().front().name, QStringLiteral("run 2"));
    QCOMPARE(board.runs().back().name, QStringLiteral("run 5"));
    board.unpin(0);
    QCOMPARE(board.size(), 3);
    QCOMPARE(board.stacked()->tracks.size(), std::size_t(3));
    board.unpin(7); // out of range: nothing
    QCOMPARE(board.size(), 3);
    QVERIFY(board.pin({QStringLiteral("null"), nullptr}).isEmpty());
    QCOMPARE(board.size(), 3);
    board.clear();
    QVERIFY(!board.stacked());
}

// Two runs of thread-pool with different workers, pinned: the Compare tab stacks both, its
// table has a column per run, and the stacked chart exports.
void TstGui::compareTabStacksPinnedRuns() {
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.resize(1280, 860);
    w.show();
    QVERIFY(!w.pinCurrentRun()); // nothing to pin yet
    QVERIFY(w.selectPattern(QStringLiteral("thread-pool")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    auto* panel = w.parameterPanel();
    panel->setValue("workers", 1LL);
    panel->setValue("tasks", 4LL);
    panel->setValue("cpu-ms", 5.0);
    ended.clear();
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(w.pinCurrentRun());
    QVERIFY(w.pinCurrentRun()); // the same run again: refused, still one
    QCOMPARE(w.compareView()->board().size(), 1);
    panel->setValue("workers", 4LL);
    ended.clear();
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(w.pinCurrentRun());
    QVERIFY(w.showTab(QStringLiteral("compare")));
    CompareView* compare = w.compareView();
    QCOMPARE(compare->board().size(), 2);
    QCOMPARE(compare->table()->columnCount(), 2);
    const QStringList table = compare->tableText();
    QVERIFY2(table.front().contains(QStringLiteral("workers 1")), qPrintable(table.front()));
    QVERIFY2(table.front().contains(QStringLiteral("workers 4")), qPrintable(table.front()));
    // Every figure fits its cell on one line (it was squeezed into "0.\n92×").
    QTableWidget* figures = compare->table();
    QVERIFY(!figures->wordWrap());
    for (int r = 0; r < figures->rowCount(); ++r)
        for (int c = 0; c < figures->columnCount(); ++c) {
            const QString text = figures->item(r, c)->text();
            QVERIFY2(
                figures->columnWidth(c) >= figures->fontMetrics().horizontalAdvance(text),
                qPrintable(QStringLiteral("%1: %2 px").arg(text).arg(figures->columnWidth(c))));
        }
    const Trace* stacked = compare->ganttView()->trace();
    QVERIFY(stacked != nullptr);
    std::size_t tracks = 0;
    for (const auto& run : compare->board().runs())
        tracks += run.result->trace.tracks.size();
    QCOMPARE(stacked->tracks.size(), tracks);
    QTRY_VERIFY(compare->ganttView()->layout().drawItemCount() > 0);

    const QImage shot = w.grab().toImage();
    QVERIFY(distinctColours(shot) > 20);
    if (const QString dir = qEnvironmentVariable("TASKLANE_SCREENSHOT_DIR"); !dir.isEmpty())
        shot.save(dir + QStringLiteral("/compare-tab.png"));
    const QString path = outDir_.filePath(QStringLiteral("compared.svg"));
    QString error;
    QVERIFY2(compare->exportChart(path, &error), qPrintable(error));
    QFile svg(path);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<svg"));
    compare->clear();
    QCOMPARE(compare->table()->columnCount(), 0);
    QVERIFY(!compare->exportChart(path, &error));
    QVERIFY(!error.isEmpty());
}

// The compare pattern's conclusion is drawn under the chart, and its summary lists the modes.
void TstGui::compareRunShowsItsConclusion() {
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.resize(1280, 860);
    w.show();
    QVERIFY(w.selectPattern(QStringLiteral("compare")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    auto* panel = w.parameterPanel();
    panel->setValue("tasks", 4LL);
    panel->setValue("workers", 2LL);
    panel->setValue("cpu-ms", 0.0);
    panel->setValue("io-ms", 20.0);
    ended.clear();
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(w.lastResult() != nullptr);
    QCOMPARE(w.lastResult()->modes.size(), std::size_t(5));
    QVERIFY2(w.conclusionText().contains(QStringLiteral("I/O-bound")),
             qPrintable(w.conclusionText()));
    if (const QString dir = qEnvironmentVariable("TASKLANE_SCREENSHOT_DIR"); !dir.isEmpty())
        w.grab().save(dir + QStringLiteral("/compare-pattern.png"));
}

// Efficiency is a share of what the workers could do: never "800 %". Where more waits
// overlapped than workers could run (asyncio), the Summary says so in words instead.
void TstGui::summaryEfficiencyStaysWithin100_data() {
    QTest::addColumn<int>("parallelism");
    QTest::addColumn<int>("overlapped");
    QTest::addColumn<QString>("says");
    QTest::addColumn<int>("cores");
    QTest::newRow("asyncio: 8 sleeps on one thread")
        << 1 << 8 << QStringLiteral("8 waits? overlapped on 1 core") << 2;
    QTest::newRow("threads: 4 sleeps on 4 workers, 4 cores")
        << 4 << 4 << QStringLiteral("speedup per worker that could run at once \\(4 here") << 4;
    QTest::newRow("threads: 4 sleeps on 4 workers, 2 cores")
        << 4 << 4 << QStringLiteral("4 waits? overlapped on 2 cores?") << 2;
    // The divisor is what could truly run at once: 4 processes on 2 cores are 2.
    QTest::newRow("4 processes computing on 2 cores")
        << 4 << 0 << QStringLiteral("speedup per worker that could run at once \\(2 here") << 2;
}

void TstGui::summaryEfficiencyStaysWithin100() {
    QFETCH(int, parallelism);
    QFETCH(int, overlapped);
    QFETCH(QString, says);
    QFETCH(int, cores);
    Metrics m;
    m.makespan_ms = 100;
    m.overlapped_waits = overlapped;
    m.cores_used = 1;
    m.core_utilisation.assign(std::size_t(cores), 0.0);
    m.core_utilisation[0] = 0.01;
    RunResult run;
    run.metrics = againstBaseline(m, 800, parallelism);
    ModeResult mode;
    mode.id = "asyncio";
    mode.title = "asyncio";
    mode.metrics = run.metrics;
    run.modes.push_back(mode);
    QTextDocument doc;
    doc.setHtml(SummaryView::html(QStringLiteral("compare"), run));
    QString text = doc.toPlainText();
    QVERIFY2(!text.contains(QStringLiteral("800 %")) && !text.contains(QStringLiteral("200 %")),
             qPrintable(text));
    // Plurals as the English .ts gives them, or as written where no translation is loaded.
    QVERIFY2(text.remove(QStringLiteral("(s)")).contains(QRegularExpression(says)),
             qPrintable(text));
}

namespace {
// Children of this process (zombies included) and its threads, from /proc.
int childCount() {
    int n = 0;
    const std::string self = std::to_string(::getpid());
    if (DIR* proc = ::opendir("/proc")) {
        while (const dirent* e = ::readdir(proc)) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(QString::fromLatin1(e->d_name)));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray line = stat.readAll();
            const QList<QByteArray> rest = line.mid(line.lastIndexOf(')') + 2).split(' ');
            if (rest.size() > 1 && rest[1].toStdString() == self)
                ++n;
        }
        ::closedir(proc);
    }
    return n;
}
// Not counting Qt's pooled threads, which idle on for a while after a run by design.
int threadCount() {
    int n = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& t : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(t + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() != "Thread (pooled)")
            ++n;
    }
    return n;
}
} // namespace

// Stop ends a long run of every kind at once (the issue asks for 200 ms; the bound here is
// generous for a loaded machine, the figure is printed), and leaves no worker process or
// pool thread behind.
void TstGui::stopIsQuickAndLeavesNothing_data() {
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("params");
    const auto list = [](std::initializer_list<const char*> items) {
        QStringList out;
        for (const char* i : items)
            out << QString::fromLatin1(i);
        return out;
    };
    QTest::newRow("thread-pool, 10 s of I/O per task")
        << QStringLiteral("thread-pool") << list({"workers=2", "tasks=4", "io-ms=10000"});
    QTest::newRow("thread-pool, 10 s of CPU per task, GIL")
        << QStringLiteral("thread-pool") << list({"workers=2", "tasks=4", "cpu-ms=10000"});
    QTest::newRow("pool-map") << QStringLiteral("pool-map")
                              << list({"workers=2", "tasks=4", "io-ms=10000"});
    QTest::newRow("process-pool") << QStringLiteral("process-pool")
                                  << list({"workers=2", "tasks=4", "io-ms=10000"});
    QTest::newRow("process") << QStringLiteral("process") << list({"tasks=5", "io-ms=5000"});
    QTest::newRow("shared-value") << QStringLiteral("shared-value")
                                  << list({"workers=2", "increments=10000", "cpu-ms=1"});
    QTest::newRow("async-hello") << QStringLiteral("async-hello") << list({"io-ms=10000"});
    QTest::newRow("compare") << QStringLiteral("compare")
                             << list({"tasks=4", "cpu-ms=0", "io-ms=5000"});
}

void TstGui::stopIsQuickAndLeavesNothing() {
    QFETCH(QString, pattern);
    QFETCH(QStringList, params);
    const int childrenBefore = childCount();
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    child<QAction>(w, "auto-run-action")->setChecked(false);
    QVERIFY(w.selectPattern(pattern));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    // After a first (short) run: the window's run thread and Qt's own exist by now.
    const int threadsBefore = threadCount();
    for (const QString& pair : params) {
        const auto name = pair.section(QLatin1Char('='), 0, 0).toStdString();
        const double value = pair.section(QLatin1Char('='), 1).toDouble();
        const auto spec = w.currentPattern()->param(name);
        QVERIFY2(spec, qPrintable(pair));
        if (spec->kind == ParamKind::Int)
            QVERIFY(w.parameterPanel()->setValue(name, static_cast<long long>(value)));
        else
            QVERIFY(w.parameterPanel()->setValue(name, value));
    }
    ended.clear();
    w.run();
    QVERIFY(w.isRunning());
    QTest::qWait(400); // well into the run: workers started, tasks under way
    QVERIFY(w.isRunning());
    QElapsedTimer clock;
    clock.start();
    w.stop();
    QVERIFY(ended.wait(kRunTimeoutMs));
    const qint64 ms = clock.elapsed();
    qInfo("%s: stopped in %lld ms", qPrintable(pattern), ms);
    QVERIFY2(w.statusText().startsWith(QStringLiteral("Stopped")), qPrintable(w.statusText()));
    QVERIFY2(ms < 1500, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
    QTRY_COMPARE_WITH_TIMEOUT(childCount(), childrenBefore, 5000);
    // The run's pool threads are gone; the window's own run thread may idle on.
    QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= threadsBefore, 5000);
}

// Auto-run is on by default, re-runs a short run after a change, and leaves a long one to
// the Run button with a word in the status bar.
void TstGui::autoRunWeighsTheRun() {
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(child<QAction>(w, "auto-run-action")->isChecked());
    QVERIFY(w.selectPattern(QStringLiteral("thread-pool")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    ended.clear();
    w.parameterPanel()->setValue("tasks", 3LL);
    QVERIFY(ended.wait(kRunTimeoutMs));
    QCOMPARE(w.outputText(), QStringLiteral("[1, 4, 9]"));
    ended.clear();
    w.parameterPanel()->setValue("workers", 1LL);
    w.parameterPanel()->setValue("io-ms", 5000.0); // 3 x 5 s on one worker
    QVERIFY(w.statusText().contains(QStringLiteral("press Run")));
    QTest::qWait(800);
    QCOMPARE(ended.count(), 0);
    QVERIFY(!w.isRunning());
}

namespace {

// A trace as VizTracer writes one: M names, nested X events, B/E pairs, an instant.
const QByteArray kVizTracerJson = R"js({"traceEvents":[
{"ph":"M","pid":1805,"tid":1805,"name":"process_name","args":{"name":"python3"}},
{"ph":"M","pid":1805,"tid":1805,"name":"thread_name","args":{"name":"MainThread"}},
{"ph":"M","pid":1805,"tid":1806,"name":"thread_name","args":{"name":"Thread-1"}},
{"pid":1805,"tid":1805,"ts":9089707.5,"dur":1001126.1,"name":"time.sleep","ph":"X","cat":"FEE"},
{"pid":1805,"tid":1805,"ts":9089705.7,"dur":1001136.6,"name":"builtins.exec","ph":"X","cat":"FEE"},
{"pid":1805,"tid":1806,"ts":9089710.0,"ph":"B","name":"outer","cat":"FEE"},
{"pid":1805,"tid":1806,"ts":9089711.5,"ph":"B","name":"inner"},
{"pid":1805,"tid":1806,"ts":9089712.25,"ph":"E"},
{"pid":1805,"tid":1806,"ts":9089720,"ph":"E"},
{"pid":1805,"tid":1806,"ts":9089721,"ph":"i","s":"t","name":"작업 완료"}
],"displayTimeUnit":"ns"})js";

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

// English for one test, as main() sets it when the system's language has no translation
// (its plural forms: "2 tracks"); the translators go when the guard does.
[[nodiscard]] auto englishForThisTest() {
    Language::apply(Language::localeFor(Language::Choice::English));
    return qScopeGuard([] { Language::uninstall(); });
}

bool hasHangul(const QString& text) {
    for (const QChar c : text)
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3)
            return true;
    return false;
}

// A grab of a message box for a look at its words, when TASKLANE_SCREENSHOT_DIR is set.
void saveGrab(QWidget* widget, const QString& name) {
    if (const QString dir = qEnvironmentVariable("TASKLANE_SCREENSHOT_DIR"); !dir.isEmpty())
        widget->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

MainWindow::Options withFake(const FakePattern& fake) {
    MainWindow::Options o = quiet();
    o.patterns = {&fake};
    return o;
}

} // namespace

// Run greyed out by a value it cannot take: the status line says what to fix, not "press
// Run (F5)" left from a run held back a moment before.
void TstGui::speedupIsNeverShownAsZero_data() {
    QTest::addColumn<double>("sequentialMs");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("overhead"); // the Speedup's note says the run was mostly overhead
    // pool-map with the tutorial's values: 0.02 ms of work in a 7.6 ms run.
    QTest::newRow("0.003x") << 0.02 << QStringLiteral("< 0.01×") << true;
    QTest::newRow("0.05x") << 0.38 << QStringLiteral("0.05×") << true;
    QTest::newRow("1.99x") << 15.12 << QStringLiteral("1.99×") << false;
}

void TstGui::speedupIsNeverShownAsZero() {
    QFETCH(double, sequentialMs);
    QFETCH(QString, shown);
    QFETCH(bool, overhead);
    const auto english = englishForThisTest();
    RunResult run;
    run.metrics.makespan_ms = 7.6;
    run.metrics.sequential_ms = sequentialMs;
    run.metrics.speedup = sequentialMs / 7.6;
    QTextDocument doc;
    doc.setHtml(SummaryView::html(QStringLiteral("pool-map"), run));
    const QString text = doc.toPlainText();
    QVERIFY2(text.contains(shown), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("0.00×")), qPrintable(text));
    QCOMPARE(text.contains(QStringLiteral("is small beside starting and coordinating")), overhead);
    QCOMPARE(SummaryView::speedupNumber(run.metrics.speedup) + QStringLiteral("×"), shown);
}

void TstGui::statusSaysWhatBlocksTheRun() {
    const auto english = englishForThisTest();
    MainWindow w(quiet());
    w.show();
    QCOMPARE(w.currentPattern()->id(), std::string("thread-pool"));
    child<QAction>(w, "auto-run-action")->setChecked(true);
    ParameterPanel* panel = w.parameterPanel();
    QVERIFY(panel->setValue("cpu-ms", 1000.0));
    QVERIFY(panel->setValue("tasks", 100LL));
    QVERIFY2(w.statusText().contains(QStringLiteral("press Run (F5)")), qPrintable(w.statusText()));

    QVERIFY(panel->setValue("workers", 999LL));
    // The box shows what the line under it refuses.
    QCOMPARE(child<QSpinBox>(w, "param-workers-spin")->value(), 999);
    QVERIFY(!child<QAction>(w, "run-action")->isEnabled());
    QVERIFY2(!w.statusText().contains(QStringLiteral("F5")), qPrintable(w.statusText()));
    if (QTest::qWaitForWindowExposed(&w))
        saveGrab(&w, QStringLiteral("cannot-run-status"));
    QVERIFY2(w.statusText().startsWith(QStringLiteral("Cannot run: ")) &&
                 w.statusText().endsWith(QStringLiteral("must be between 1 and 64, got 999")),
             qPrintable(w.statusText()));
    // An empty chart says the same, not "press Run".
    QCOMPARE(w.ganttView()->placeholder(), w.statusText());

    // Fixed: the problem line goes (auto-run off, nothing else to say).
    child<QAction>(w, "auto-run-action")->setChecked(false);
    QVERIFY(panel->setValue("workers", 4LL));
    QVERIFY(child<QAction>(w, "run-action")->isEnabled());
    QCOMPARE(w.statusText(), QString());
    QVERIFY(!w.ganttView()->placeholder().startsWith(QStringLiteral("Cannot run")));
}

void TstGui::spinBoxRefusesOutOfRange_data() {
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("spin");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message"); // the end of the panel's error line
    QTest::newRow("workers 999") << "thread-pool"
                                 << "param-workers-spin"
                                 << "999"
                                 << "must be between 1 and 64, got 999";
    QTest::newRow("workers -3") << "thread-pool"
                                << "param-workers-spin"
                                << "-3"
                                << "must be between 1 and 64, got -3";
    QTest::newRow("tasks 99999") << "compare"
                                 << "param-tasks-spin"
                                 << "99999"
                                 << "must be between 1 and 1000, got 99999";
    QTest::newRow("time-scale 0") << "thread-pool"
                                  << "param-time-scale-spin"
                                  << "0"
                                  << "must be between 0.01 and 10, got 0";
    QTest::newRow("delay of task B 99999")
        << "async-gather"
        << "param-delays-spin-1"
        << "99999"
        << "must be comma-separated numbers, each 0..60000 ms, got 99999";
}

// A number typed out of range stays as typed, Run greys out, and the line under the editors
// names the range, as the delays field does: no digit dropped (999 into 9), no silent
// correction on leaving the box (0 into 1.00).
void TstGui::spinBoxRefusesOutOfRange() {
    QFETCH(QString, pattern);
    QFETCH(QString, spin);
    QFETCH(QString, typed);
    QFETCH(QString, message);
    const auto english = englishForThisTest();
    ParameterPanel panel;
    panel.setPattern(PatternRegistry::instance().find(pattern.toStdString()));
    panel.resize(420, panel.sizeHint().height());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.isValid());
    auto* box = panel.findChild<QAbstractSpinBox*>(spin);
    QVERIFY(box != nullptr);
    box->setFocus();
    box->selectAll();
    QTest::keyClick(box, Qt::Key_Delete);
    QTest::keyClicks(box, typed);
    QTest::keyClick(box, Qt::Key_Return);
    QFocusEvent out(QEvent::FocusOut, Qt::TabFocusReason);
    QCoreApplication::sendEvent(box, &out);

    QVERIFY2(box->text().remove(QLatin1Char(',')).startsWith(typed), qPrintable(box->text()));
    QVERIFY(!panel.isValid());
    QVERIFY2(panel.error()->endsWith(message), qPrintable(*panel.error()));
    QVERIFY(child<QLabel>(panel, "param-error")->isVisible());
    // Outlined in red as the list's text is, until the value is back in range.
    auto* marked = spin.endsWith(QStringLiteral("-spin"))
                       ? static_cast<QWidget*>(box)
                       : panel.findChild<QLineEdit*>(QStringLiteral("param-delays-edit"));
    QVERIFY(marked != nullptr && !marked->styleSheet().isEmpty());
    saveGrab(&panel, QStringLiteral("refused-%1")
                         .arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    panel.resetToDefaults();
    QVERIFY(panel.isValid());
    QVERIFY(marked->styleSheet().isEmpty());
}

void TstGui::languageMenuNamesTheSystemLanguage_data() {
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("name");
    QTest::newRow("C (LANG=C)") << QLocale::c() << QString();
    QTest::newRow("Korean") << QLocale(QLocale::Korean, QLocale::SouthKorea)
                            << QStringLiteral("한국어");
    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany)
                            << QStringLiteral("Deutsch");
}

// Help > Language names the system's language in itself, or says "System default" when the
// system has none (LANG=C): never "System ()".
void TstGui::languageMenuNamesTheSystemLanguage() {
    QFETCH(QLocale, locale);
    QFETCH(QString, name);
    QCOMPARE(Language::nativeName(locale), name);

    const auto english = englishForThisTest();
    MainWindow w(quiet());
    w.show();
    const QString text = child<QAction>(w, "language-system")->text();
    const QString system = Language::nativeName(QLocale::system());
    QCOMPARE(text, system.isEmpty() ? QStringLiteral("&System default")
                                    : QStringLiteral("&System (%1)").arg(system));
    QVERIFY2(!text.contains(QStringLiteral("()")), qPrintable(text));
    if (QLatin1String(QTest::currentDataTag()) == QLatin1String("Korean")) {
        auto* menu = child<QMenu>(w, "language-menu");
        menu->popup(w.mapToGlobal(QPoint(40, 40)));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        saveGrab(menu, QStringLiteral("language-menu"));
        menu->hide();
    }
}

// The status line names a running pattern as the list does, in the window's language, not
// by its command-line id ("compare 실행 중…").
void TstGui::runningStatusNamesThePattern() {
    const auto english = qScopeGuard([] { Language::uninstall(); });
    QVERIFY(Language::apply(QLocale(QLocale::Korean, QLocale::SouthKorea)));
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(w.selectPattern(QStringLiteral("compare")));
    QVERIFY(w.isRunning());
    const QString title = coretext::pattern(w.currentPattern()->title());
    QVERIFY(hasHangul(title));
    QCOMPARE(w.statusText(), QStringLiteral("%1 실행 중…").arg(title));
    QVERIFY(!w.statusText().contains(QStringLiteral("compare")));
    w.stop();
    QVERIFY(ended.wait(kRunTimeoutMs));
}

// Ctrl+P pins the run and shows the Compare tab: the live chart keeps most of the height
// (it shrank to about 80 px) and the pinned-runs list is as tall as its lines (it was a tall
// empty box under one line).
void TstGui::pinKeepsTheLiveChartTall() {
    const auto english = englishForThisTest();
    FakePattern fake;
    MainWindow w(withFake(fake));
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.resize(1280, 800);
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    auto* chart = child<QWidget>(w, "chart-scroll");
    auto* right = child<QWidget>(w, "right-splitter");
    const int before = chart->height();

    QTest::keyClick(&w, Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(w.compareView()->board().size(), 1);
    QCOMPARE(child<QTabWidget>(w, "tabs")->currentWidget(), w.compareView());
    QApplication::processEvents();
    auto* list = child<QListWidget>(w, "pinnedRuns");
    QVERIFY(list->isVisible());
    const int lines = list->sizeHintForRow(0) * list->count() + 2 * list->frameWidth();
    saveGrab(&w, QStringLiteral("pinned-layout"));
    qInfo("pinned: chart %d px of %d (%d before), list %d px for %d line(s)", chart->height(),
          right->height(), before, list->height(), list->count());
    // Most of the height: at least 3/4 of what the chart had, and 40 % of the chart and tabs.
    const auto tall = [&] {
        return chart->height() * 4 >= before * 3 && chart->height() * 5 >= right->height() * 2;
    };
    QVERIFY2(tall(), qPrintable(QStringLiteral("chart %1 px of %2 (%3 before pinning)")
                                    .arg(chart->height())
                                    .arg(right->height())
                                    .arg(before)));
    QVERIFY2(
        list->height() <= lines + 4,
        qPrintable(QStringLiteral("list %1 px for %2 px of lines").arg(list->height()).arg(lines)));
    // Four pinned runs: four lines, still no scrolling within the list.
    for (int i = 0; i < 3; ++i) {
        w.run();
        QVERIFY(ended.wait(kRunTimeoutMs));
        QVERIFY(w.pinCurrentRun());
    }
    QApplication::processEvents();
    QCOMPARE(list->count(), 4);
    QVERIFY2(list->height() >= list->sizeHintForRow(0) * 4,
             qPrintable(QString::number(list->height())));
    QVERIFY(tall());
    QVERIFY(list->height() <= list->sizeHintForRow(0) * 4 + 2 * list->frameWidth() + 4);
}

// async-file with no folder chosen: every run of a window writes into one folder, emptied
// of the previous run's files, which the Output tab names and which goes when the window
// closes (each run used to leave a new tasklane-async-file-* folder). A chosen folder is
// the user's: written into, never removed.
void TstGui::asyncFileUsesOneFolderPerWindow() {
    const auto english = englishForThisTest();
    QTemporaryDir temp;
    QTemporaryDir chosen;
    QVERIFY(temp.isValid() && chosen.isValid());
    const auto restore = tmpDirIs(temp.path());
    const auto runFolders = [&] {
        return QDir(temp.path())
            .entryList({QStringLiteral("tasklane-async-file-*")},
                       QDir::Dirs | QDir::NoDotAndDotDot);
    };
    auto w = std::make_unique<MainWindow>(quiet());
    QSignalSpy ended(w.get(), &MainWindow::runEnded);
    w->show();
    child<QAction>(*w, "auto-run-action")->setChecked(false);
    QVERIFY(w->selectPattern(QStringLiteral("async-file")));
    QVERIFY(ended.wait(kRunTimeoutMs));
    const QString folder = w->sessionFolderPath();
    QVERIFY(QFileInfo(folder).isDir());
    QVERIFY2(w->outputText().contains(QStringLiteral("The files are in %1").arg(folder)) &&
                 w->outputText().contains(QStringLiteral("removed when the window closes")),
             qPrintable(w->outputText()));

    for (const int files : {5, 2}) {
        child<QSpinBox>(*w, "param-files-spin")->setValue(files);
        w->run();
        QVERIFY(ended.wait(kRunTimeoutMs));
        QVERIFY2(w->outputText().contains(QStringLiteral("%1 files in %2").arg(files).arg(folder)),
                 qPrintable(w->outputText()));
        QCOMPARE(runFolders(), QStringList{QFileInfo(folder).fileName()});
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), files);
    }
    QVERIFY(w->showTab(QStringLiteral("output")));
    saveGrab(w.get(), QStringLiteral("async-file-output"));

    // A chosen folder: the files go there, the Output tab adds no note, nothing is removed.
    child<QLineEdit>(*w, "param-out-dir-edit")->setText(chosen.path());
    w->run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(!w->outputText().contains(QStringLiteral("removed when the window closes")));
    QCOMPARE(QDir(chosen.path()).entryList(QDir::Files).size(), 2);

    w->close();
    QVERIFY(!QFileInfo::exists(folder));
    QCOMPARE(runFolders(), QStringList());
    QCOMPARE(QDir(chosen.path()).entryList(QDir::Files).size(), 2);
    w.reset();
    QCOMPARE(runFolders(), QStringList());
}

void TstGui::openTraceShowsIt() {
    // As main() does: English, with its plural forms ("2 tracks").
    const auto english = englishForThisTest();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("viz.json"), kVizTracerJson);
    FakePattern fake;
    MainWindow w(withFake(fake));
    w.show();
    QSignalSpy opened(&w, &MainWindow::traceOpened);
    QSignalSpy ended(&w, &MainWindow::runEnded);
    auto* busy = child<QProgressBar>(w, "open-progress");
    QVERIFY(busy != nullptr);

    w.openTrace(path);
    QVERIFY(w.isOpening());
    QVERIFY(busy->isVisible()); // read on a worker thread, with a busy bar meanwhile
    QVERIFY(opened.wait(kRunTimeoutMs));
    QCOMPARE(opened.first().at(0).toBool(), true);
    QCOMPARE(opened.first().at(1).toString(), path);
    QVERIFY(!w.isOpening());
    QVERIFY(!busy->isVisible());

    // The chart shows the file: its threads by name, its nested slices.
    const Trace* trace = w.ganttView()->trace();
    QVERIFY(trace != nullptr);
    QCOMPARE(trace->tracks.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(trace->tracks[0].name), QStringLiteral("MainThread"));
    QCOMPARE(QString::fromStdString(trace->tracks[1].name), QStringLiteral("Thread-1"));
    QCOMPARE(w.ganttView()->sliceCount(), std::size_t(4));
    QVERIFY(w.ganttView()->layout().drawItemCount() > 0);
    QCOMPARE(w.openedTracePath(), path);
    QVERIFY(w.lastResult() != nullptr);
    // The heading names the file; Output and Summary speak of the file, not of a pattern.
    const QString heading = child<QLabel>(w, "chart-heading")->text();
    QVERIFY2(heading.contains(QStringLiteral("viz.json")) &&
                 heading.contains(QStringLiteral("opened trace")),
             qPrintable(heading));
    QVERIFY2(heading.contains(QStringLiteral("2 tracks")), qPrintable(heading));
    QVERIFY2(w.outputText().contains(QStringLiteral("작업 완료")), qPrintable(w.outputText()));
    const QString summary = child<QTextBrowser>(w, "summary-view")->toPlainText();
    QVERIFY2(summary.contains(QStringLiteral("Opened trace: viz.json")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Thread-1")), qPrintable(summary));
    // MainThread's two slices nest (exec around sleep): it was busy for the whole span once,
    // not twice.
    QVERIFY2(summary.contains(QStringLiteral("100 % of the span")) &&
                 !summary.contains(QStringLiteral("200 %")),
             qPrintable(summary));
    QVERIFY(child<QAction>(w, "open-action")->shortcut() == QKeySequence::Open);
    // It can be pinned for comparison, named after the file.
    QVERIFY(w.pinCurrentRun());

    // A run takes the chart back.
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(w.openedTracePath().isEmpty());
    QCOMPARE(QString::fromStdString(w.ganttView()->trace()->tracks[0].name),
             QStringLiteral("main"));
    QVERIFY(!child<QLabel>(w, "chart-heading")->text().contains(QStringLiteral("viz.json")));
}

void TstGui::openBrokenTraceKeepsTheChart() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FakePattern fake;
    MainWindow w(withFake(fake));
    w.show();
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    const Trace* before = w.ganttView()->trace();
    QVERIFY(before != nullptr);
    const QString headingBefore = child<QLabel>(w, "chart-heading")->text();
    QSignalSpy opened(&w, &MainWindow::traceOpened);

    const QString broken = writeFile(dir, QStringLiteral("broken.json"),
                                     "{\"traceEvents\":[\n{\"ph\":\"X\",\"ts\":1,\"dur\":2},"
                                     "\n{\"ph\":\"X\",\"ts\":1,\"dur\":\"x\"}\n]}");
    w.openTrace(broken);
    QVERIFY(opened.wait(kRunTimeoutMs));
    QCOMPARE(opened.last().at(0).toBool(), false);
    const QString message = opened.last().at(1).toString();
    QCOMPARE(message,
             QStringLiteral("broken.json: line 3, column 1: event 1: 'dur' is not a number"));
    // The message says where and why; the chart and its heading are as they were.
    auto* box = w.findChild<QMessageBox*>(QStringLiteral("error-box"));
    QVERIFY(box != nullptr);
    QVERIFY(box->isVisible());
    QVERIFY2(box->informativeText().contains(QStringLiteral("line 3, column 1")),
             qPrintable(box->informativeText()));
    QVERIFY(w.statusText().contains(QStringLiteral("'dur' is not a number")));
    QCOMPARE(w.ganttView()->trace(), before);
    QCOMPARE(child<QLabel>(w, "chart-heading")->text(), headingBefore);
    QVERIFY(w.openedTracePath().isEmpty());
    box->close();

    // A file that is not there, and one cut short: refused alike.
    w.openTrace(dir.filePath(QStringLiteral("missing.json")));
    QVERIFY(opened.wait(kRunTimeoutMs));
    QCOMPARE(opened.last().at(0).toBool(), false);
    QVERIFY2(opened.last().at(1).toString().contains(QStringLiteral("cannot open")),
             qPrintable(opened.last().at(1).toString()));
    const QString cut =
        writeFile(dir, QStringLiteral("cut.json"), kVizTracerJson.left(kVizTracerJson.size() / 2));
    w.openTrace(cut);
    QVERIFY(opened.wait(kRunTimeoutMs));
    QCOMPARE(opened.last().at(0).toBool(), false);
    QVERIFY2(opened.last().at(1).toString().contains(QStringLiteral("line ")),
             qPrintable(opened.last().at(1).toString()));
    QCOMPARE(w.ganttView()->trace(), before);
}

void TstGui::dropOpensAJsonFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("dropped.JSON"), kVizTracerJson);
    const QString text = writeFile(dir, QStringLiteral("notes.txt"), "not a trace");
    MainWindow w(quiet());
    w.show();
    QSignalSpy opened(&w, &MainWindow::traceOpened);
    // Dropped on the chart, as a user would: the event travels up to the window.
    QWidget* target = w.ganttView();
    const QPoint at(20, 20);

    QMimeData other;
    other.setUrls({QUrl::fromLocalFile(text)});
    QDragEnterEvent refuse(at, Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &refuse);
    QVERIFY(!refuse.isAccepted()); // only .json files

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(text), QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(opened.wait(kRunTimeoutMs));
    QCOMPARE(opened.first().at(0).toBool(), true);
    QCOMPARE(w.openedTracePath(), path);
    QCOMPARE(w.ganttView()->sliceCount(), std::size_t(4));
}

void TstGui::koreanUnderAKoreanLocale() {
    const auto english = qScopeGuard([] { Language::uninstall(); });
    QVERIFY(Language::apply(QLocale(QLocale::Korean, QLocale::SouthKorea)));
    QCOMPARE(Language::current(), QStringLiteral("ko"));
    FakePattern fake;
    MainWindow w(withFake(fake));
    w.show();
    QStringList menus;
    for (const QAction* menu : w.menuBar()->actions())
        menus << menu->text();
    QVERIFY2(menus.contains(QStringLiteral("파일(&F)")) &&
                 menus.contains(QStringLiteral("도움말(&H)")),
             qPrintable(menus.join(u' ')));
    QCOMPARE(child<QPushButton>(w, "run-button")->text(), QStringLiteral("실행  (F5)"));
    QCOMPARE(child<QAction>(w, "open-action")->text(), QStringLiteral("트레이스 열기(&O)…"));
    QCOMPARE(child<QTabWidget>(w, "tabs")->tabText(0), QStringLiteral("출력"));
    // Plural forms: Korean has one.
    QCOMPARE(QCoreApplication::translate("tasklane::MainWindow", "%n track(s)", nullptr, 3),
             QStringLiteral("트랙 3개"));

    // English is the source text, with its plural forms from a file of their own.
    QVERIFY(Language::apply(QLocale(QLocale::English, QLocale::UnitedStates)));
    QCOMPARE(Language::current(), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("tasklane::MainWindow", "%n track(s)", nullptr, 1),
             QStringLiteral("1 track"));
    QCOMPARE(QCoreApplication::translate("tasklane::MainWindow", "%n track(s)", nullptr, 2),
             QStringLiteral("2 tracks"));
    MainWindow again(withFake(fake));
    QCOMPARE(child<QPushButton>(again, "run-button")->text(), QStringLiteral("Run  (F5)"));
    // A language without a translation gets English.
    QVERIFY(!Language::apply(QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(Language::current(), QStringLiteral("en"));
}

// What core and the chart describe (pattern titles and descriptions, parameter labels, help
// and choices, the legend's state names) is Korean in the Korean window too, while the
// values behind it stay the command line's keys.
void TstGui::koreanCoreAndChartTexts() {
    const auto english = qScopeGuard([] { Language::uninstall(); });
    QVERIFY(Language::apply(QLocale(QLocale::Korean, QLocale::SouthKorea)));
    MainWindow w(quiet());
    w.show();

    // A pattern title: "CPU-bound vs I/O-bound" in the pattern list.
    QStringList items;
    for (QTreeWidgetItemIterator it(child<QTreeWidget>(w, "pattern-list")); *it; ++it)
        items << (*it)->text(0);
    QVERIFY2(items.filter(QStringLiteral("CPU 집약 vs I/O 집약")).size() == 1,
             qPrintable(items.join(u'\n')));
    QVERIFY(items.filter(QStringLiteral("CPU-bound")).isEmpty());

    QVERIFY(w.selectPattern(QStringLiteral("thread-pool")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    QVERIFY2(child<QLabel>(w, "pattern-description")
                 ->text()
                 .startsWith(QStringLiteral("한 프로세스의 스레드들이")),
             qPrintable(child<QLabel>(w, "pattern-description")->text()));
    // A parameter label, its help (with the option it stands for) and a choice.
    QCOMPARE(child<QLabel>(w, "param-workers-label")->text(), QStringLiteral("작업자 수"));
    QCOMPARE(child<QLabel>(w, "param-io-ms-label")->text(), QStringLiteral("I/O 대기 (ms)"));
    QVERIFY2(
        child<QLabel>(w, "param-workers-label")
                ->toolTip()
                .endsWith(QStringLiteral("(--workers)")) &&
            child<QLabel>(w, "param-workers-label")->toolTip().contains(QStringLiteral("스레드")),
        qPrintable(child<QLabel>(w, "param-workers-label")->toolTip()));
    auto* gil = child<QComboBox>(w, "param-gil-combo");
    QCOMPARE(gil->currentText(), QStringLiteral("켬"));
    w.parameterPanel()->setValue("gil", std::string("off"));
    QCOMPARE(gil->currentText(), QStringLiteral("끔"));
    QCOMPARE(w.parameterPanel()->params().text("gil"), std::string("off")); // the key, as typed

    // The chart's legend names the states in Korean.
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    const auto legendTexts = [&] {
        QStringList texts;
        for (const GanttLegendEntry& e : w.ganttView()->layout().legend())
            texts << e.text;
        return texts;
    };
    QTRY_VERIFY(!legendTexts().isEmpty());
    const QStringList legend = legendTexts();
    QVERIFY2(legend.contains(QStringLiteral("실행 중")) &&
                 !legend.contains(QStringLiteral("running")),
             qPrintable(legend.join(u',')));
    QCOMPARE(stateLabel(State::GilWait), QStringLiteral("GIL 대기"));

    // The compare pattern's conclusion, built from numbers in core, reads in Korean with the
    // numbers and the mode titles put in; core's own text (the command line's) stays English.
    CompareInput in;
    in.cpu_ms = 100;
    in.tasks = 8;
    in.workers = 4;
    in.cores = 2;
    const char* titles[] = {"sequential", "threads (GIL)", "threads (free-threaded)", "processes",
                            "asyncio"};
    const double makespans[] = {800, 780, 420, 400, 810};
    for (int i = 0; i < 5; ++i) {
        ModeResult m;
        m.id = ComparePattern::modeIds()[std::size_t(i)];
        m.title = titles[i];
        m.metrics.makespan_ms = makespans[i];
        in.modes.push_back(m);
    }
    RunResult run;
    run.conclusionMessages = compareConclusionMessages(in);
    run.conclusion = compareConclusion(in);
    const QStringList korean = coretext::conclusion(run);
    QCOMPARE(korean.size(), qsizetype(run.conclusion.size()));
    QCOMPARE(korean.front(), QStringLiteral("프로세스 방식이 가장 먼저 끝났습니다: 400 ms, 순차 "
                                            "실행(800 ms)보다 2.0× 빠릅니다. 10 % 이내로 뒤따른 "
                                            "방식: 스레드 (GIL 없음) (420 ms)."));
    QCOMPARE(run.conclusion.front(), std::string("processes finished first: 400 ms, 2.0× faster "
                                                 "than sequential (800 ms); within 10 % of it: "
                                                 "threads (free-threaded) (420 ms)."));

    // English again: the source texts.
    Language::uninstall();
    QCOMPARE(coretext::conclusion(run).front(), QString::fromStdString(run.conclusion.front()));
    QCOMPARE(stateLabel(State::Running), QStringLiteral("running"));
    MainWindow again(quiet());
    QVERIFY(again.selectPattern(QStringLiteral("thread-pool")));
    QCOMPARE(child<QLabel>(again, "param-workers-label")->text(), QStringLiteral("workers"));
}

void TstGui::koreanParameterErrors() {
    const auto english = qScopeGuard([] { Language::uninstall(); });
    QVERIFY(Language::apply(QLocale(QLocale::Korean, QLocale::SouthKorea)));
    MainWindow w(quiet());
    w.show();
    QVERIFY(w.selectPattern(QStringLiteral("async-gather")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    auto* edit = child<QLineEdit>(w, "param-delays-edit");
    auto* error = child<QLabel>(w, "param-error");
    QVERIFY(edit != nullptr && error != nullptr);
    QCOMPARE(edit->placeholderText(), QStringLiteral("쉼표로 구분한 숫자 (각 0..60000 ms)"));

    // A word where a number belongs: the sentence in Korean, the option by its Korean label,
    // the range and the text as typed put in.
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("100,x"));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs); // "100" alone was valid
    QVERIFY(!w.parameterPanel()->isValid());
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("지연 시간 값은 쉼표로 구분한 숫자여야 하며, 각 숫자는 "
                                           "0..60000 ms 범위여야 합니다 (입력: '100,x')"));
    QVERIFY(!child<QPushButton>(w, "run-button")->isEnabled());

    // A number out of range: validate()'s sentence, translated too.
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("100,99999"));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    QCOMPARE(error->text(),
             QStringLiteral("지연 시간 값은 쉼표로 구분한 숫자여야 하며, 각 숫자는 0..60000 ms "
                            "범위여야 합니다 (범위를 벗어난 값: 99999)"));

    // Core's text, the command line's, stays English while the window is Korean.
    const auto delays = w.currentPattern()->param("delays");
    QVERIFY(delays.has_value());
    const auto parsed = delays->parse("100,x");
    QVERIFY(std::holds_alternative<std::string>(parsed));
    QCOMPARE(std::get<std::string>(parsed),
             std::string("--delays must be comma-separated numbers, each 0..60000 ms, got "
                         "'100,x'"));

    // Back in English the window shows that same text.
    Language::uninstall();
    MainWindow again(quiet());
    again.show();
    QVERIFY(again.selectPattern(QStringLiteral("async-gather")));
    QTRY_VERIFY_WITH_TIMEOUT(!again.isRunning(), kRunTimeoutMs);
    auto* againEdit = child<QLineEdit>(again, "param-delays-edit");
    againEdit->clear();
    QTest::keyClicks(againEdit, QStringLiteral("100,x"));
    QTRY_VERIFY_WITH_TIMEOUT(!again.isRunning(), kRunTimeoutMs);
    QCOMPARE(child<QLabel>(again, "param-error")->text(),
             QString::fromStdString(std::get<std::string>(parsed)));
}

// Why a trace file was refused, in the Korean window: the reader's sentence translated, its
// parts (a phase, a key, an event's number, the path, the system's words) put in, behind the
// line and column; the reader's own reason, which the command line prints, stays English.
// In the data, {path} stands for the file and {os} for what the system says about it.
void TstGui::koreanTraceErrors_data() {
    QTest::addColumn<QByteArray>("json"); // empty: no file at all
    QTest::addColumn<QString>("reason");  // the reader's, English
    QTest::addColumn<QString>("korean");  // what the window shows for it
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("syntax error") << QByteArray(
                                         "{\"traceEvents\":[\n{\"ph\":\"X\",\"ts\":1,\"dur\":2}\n"
                                         "{\"ph\":\"X\",\"ts\":3,\"dur\":1}\n]}")
                                  << QStringLiteral("missing value separator")
                                  << QStringLiteral("값 구분자(,)가 없습니다") << 3 << 2;
    QTest::newRow("not JSON") << QByteArray("\n  this is not JSON\n")
                              << QStringLiteral("not a JSON object or array (illegal value)")
                              << QStringLiteral("JSON 객체나 배열이 아닙니다 (잘못된 값)") << 2
                              << 3;
    QTest::newRow("unknown phase")
        << QByteArray("{\"traceEvents\":[\n{\"ph\":\"X\",\"ts\":1,\"dur\":2},\n"
                      "{\"ph\":\"Q\",\"ts\":1}\n]}")
        << QStringLiteral("event 1: unknown phase 'Q'")
        << QStringLiteral("이벤트 1: 알 수 없는 이벤트 종류(ph) 'Q'") << 3 << 1;
    QTest::newRow("E without B")
        << QByteArray("[\n{\"ph\":\"B\",\"pid\":1,\"tid\":1,\"ts\":1,\"name\":\"a\"},\n"
                      "{\"ph\":\"E\",\"pid\":1,\"tid\":1,\"ts\":2},\n"
                      "  {\"ph\":\"E\",\"pid\":1,\"tid\":1,\"ts\":3}\n]")
        << QStringLiteral("event 2: E event without a matching B event")
        << QStringLiteral("이벤트 2: 짝이 되는 B 이벤트가 없는 E 이벤트입니다") << 4 << 3;
    QTest::newRow("a key that is not a number")
        << QByteArray("{\"traceEvents\":[\n{\"ph\":\"X\",\"ts\":1,\"dur\":\"x\"}\n]}")
        << QStringLiteral("event 0: 'dur' is not a number")
        << QStringLiteral("이벤트 0: 'dur' 값이 숫자가 아닙니다") << 2 << 1;
    QTest::newRow("missing file") << QByteArray() << QStringLiteral("cannot open {path}: {os}")
                                  << QStringLiteral("{path} 파일을 열 수 없습니다: {os}") << 0 << 0;
}

void TstGui::koreanTraceErrors() {
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    QFETCH(QString, korean);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto english = qScopeGuard([] { Language::uninstall(); });
    QVERIFY(Language::apply(QLocale(QLocale::Korean, QLocale::SouthKorea)));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = QStringLiteral("broken.json");
    const QString path = json.isEmpty() ? dir.filePath(name) : writeFile(dir, name, json);
    QString os;
    if (json.isEmpty()) {
        QFile file(path);
        QVERIFY(!file.open(QIODevice::ReadOnly));
        os = file.errorString();
    }
    const auto fill = [&](QString text) {
        return text.replace(QStringLiteral("{path}"), path).replace(QStringLiteral("{os}"), os);
    };

    // Core's reason, the command line's: English word for word, in a Korean window too (Qt's
    // own Korean for QJsonDocument's words, which is installed here, does not reach it).
    ChromeTraceReader::Error error;
    QVERIFY(!ChromeTraceReader::read(path, &error).has_value());
    QCOMPARE(error.reason, fill(reason));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);

    // The window, opening it as File > Open does: the position and the reason in Korean.
    MainWindow w(quiet());
    w.show();
    QSignalSpy opened(&w, &MainWindow::traceOpened);
    w.openTrace(path);
    QVERIFY(opened.wait(kRunTimeoutMs));
    QCOMPARE(opened.last().at(0).toBool(), false);
    const QString why = fill(korean);
    QVERIFY2(hasHangul(why), qPrintable(why));
    const QString where =
        line > 0 ? QStringLiteral("%1번째 줄, %2번째 열: %3").arg(line).arg(column).arg(why) : why;
    QCOMPARE(opened.last().at(1).toString(), name + QStringLiteral(": ") + where);
    auto* box = child<QMessageBox>(w, "error-box");
    QVERIFY(box != nullptr && box->isVisible());
    QCOMPARE(box->text(), QStringLiteral("트레이스를 열 수 없습니다"));
    QCOMPARE(box->informativeText(), name + u'\n' + where);
    QVERIFY2(!box->informativeText().contains(error.reason), qPrintable(box->informativeText()));
    QVERIFY(w.statusText().contains(where));
    saveGrab(box, QStringLiteral("korean-trace-error-") +
                      QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    box->close();
}

// A run that fails for a reason Tasklane words itself (the async-file pattern's out-dir) says
// so in Korean; the pattern's exception, the command line's text, stays English.
void TstGui::koreanRunErrors_data() {
    QTest::addColumn<QString>("outDir"); // under a temporary folder: {dir}
    QTest::addColumn<QString>("reason"); // English, what() of core's RunError
    QTest::addColumn<QString>("korean"); // what the window shows

    QTest::newRow("missing folder") << QStringLiteral("{dir}/not-made")
                                    << QStringLiteral("out-dir '{dir}/not-made' does not exist")
                                    << QStringLiteral("출력 폴더 '{dir}/not-made'이(가) 없습니다");
    QTest::newRow("a file, not a folder")
        << QStringLiteral("{dir}/a-file")
        << QStringLiteral("out-dir '{dir}/a-file' is not a folder")
        << QStringLiteral("출력 폴더 '{dir}/a-file'은(는) 폴더가 아닙니다");
}

void TstGui::koreanRunErrors() {
    QFETCH(QString, outDir);
    QFETCH(QString, reason);
    QFETCH(QString, korean);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    writeFile(out, QStringLiteral("a-file"), "not a folder");
    const auto fill = [&](QString text) {
        return text.replace(QStringLiteral("{dir}"), out.path());
    };
    // Selecting the pattern may run it with its defaults, which makes a run folder in the temp
    // location: that goes to a temp location of the test's own.
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const auto restore = tmpDirIs(temp.path());
    const auto english = qScopeGuard([] { Language::uninstall(); });
    QVERIFY(Language::apply(QLocale(QLocale::Korean, QLocale::SouthKorea)));

    // Core: an English RunError, whose message is the same sentence, translatable.
    const Pattern* pattern = PatternRegistry::instance().find("async-file");
    QVERIFY(pattern != nullptr);
    Params params;
    params.set("out-dir", fill(outDir).toStdString());
    RunControl control;
    try {
        pattern->run(params, control);
        QFAIL("the run should have failed");
    } catch (const RunError& e) {
        QCOMPARE(QString::fromUtf8(e.what()), fill(reason));
        QCOMPARE(e.message().render(), std::string(e.what()));
    }

    // The window: the same failure, in Korean, in the box and the status bar.
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(w.selectPattern(QStringLiteral("async-file")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    ended.clear();
    child<QLineEdit>(w, "param-out-dir-edit")->setText(fill(outDir));
    QVERIFY(w.parameterPanel()->isValid());
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    auto* box = child<QMessageBox>(w, "error-box");
    QVERIFY(box != nullptr && box->isVisible());
    QCOMPARE(box->text(), QStringLiteral("실행 실패"));
    QCOMPARE(box->informativeText(), fill(korean));
    QVERIFY(w.statusText().contains(fill(korean)));
    saveGrab(box, QStringLiteral("korean-run-error-") +
                      QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    box->accept();
}

// An export that fails says why in Korean, through the window's Export path (off the GUI
// thread); the writers' and the exporter's own error, the command line's, stays English.
void TstGui::koreanExportErrors_data() {
    QTest::addColumn<int>("kind"); // MainWindow::ExportKind
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("english"); // how the command line's text starts ({path})
    QTest::addColumn<QString>("korean");  // how the window's starts

    QTest::newRow("chart into a missing folder")
        << int(MainWindow::ExportKind::Chart) << QStringLiteral("no-such-dir/chart.png")
        << QStringLiteral("cannot write '{path}': ")
        << QStringLiteral("'{path}'에 쓸 수 없습니다: ");
    QTest::newRow("unknown chart format")
        << int(MainWindow::ExportKind::Chart) << QStringLiteral("chart.bmpx")
        << QStringLiteral("unsupported chart format '.bmpx' (use .png, .svg or .pdf)")
        << QStringLiteral("지원하지 않는 차트 형식 '.bmpx' (.png, .svg, .pdf 중 하나를 쓰세요)");
    QTest::newRow("trace into a missing folder")
        << int(MainWindow::ExportKind::Trace) << QStringLiteral("no-such-dir/trace.json")
        << QStringLiteral("cannot open {path} for writing: ")
        << QStringLiteral("{path} 파일을 쓰기용으로 열 수 없습니다: ");
    QTest::newRow("CSV into a missing folder")
        << int(MainWindow::ExportKind::Csv) << QStringLiteral("no-such-dir/events.csv")
        << QStringLiteral("cannot open {path} for writing: ")
        << QStringLiteral("{path} 파일을 쓰기용으로 열 수 없습니다: ");
}

void TstGui::koreanExportErrors() {
    QFETCH(int, kind);
    QFETCH(QString, file);
    QFETCH(QString, english);
    QFETCH(QString, korean);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(file);
    english.replace(QStringLiteral("{path}"), path);
    korean.replace(QStringLiteral("{path}"), path);
    const auto restore = qScopeGuard([] { Language::uninstall(); });
    QVERIFY(Language::apply(QLocale(QLocale::Korean, QLocale::SouthKorea)));

    FakePattern fake;
    MainWindow w(withFake(fake));
    QSignalSpy ended(&w, &MainWindow::runEnded);
    QSignalSpy exported(&w, &MainWindow::exportFinished);
    w.show();
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(w.lastResult() != nullptr);
    QVERIFY(w.exportTo(MainWindow::ExportKind(kind), path));
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, kRunTimeoutMs);
    QCOMPARE(exported.at(0).at(0).toBool(), false);
    const QString shown = exported.at(0).at(1).toString();
    QVERIFY2(shown.startsWith(korean), qPrintable(shown));
    QVERIFY2(hasHangul(shown), qPrintable(shown));
    auto* box = child<QMessageBox>(w, "error-box");
    QVERIFY(box != nullptr && box->isVisible());
    QCOMPARE(box->text(), QStringLiteral("내보내기 실패"));
    QCOMPARE(box->informativeText(), shown);
    QVERIFY(!QFileInfo::exists(path));
    saveGrab(box, QStringLiteral("korean-export-error-") +
                      QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    box->accept();

    // The command line's words for the same failure: English.
    SaveResult saved;
    const Trace& trace = w.lastResult()->trace;
    switch (MainWindow::ExportKind(kind)) {
    case MainWindow::ExportKind::Chart:
        saved = ChartExporter::exportChart(trace, path, ChartOptions{});
        break;
    case MainWindow::ExportKind::Trace:
        saved = ChromeTraceWriter::write(trace, path);
        break;
    case MainWindow::ExportKind::Csv:
        saved = CsvWriter::write(trace, path);
        break;
    }
    QVERIFY(!saved);
    const QString error = saved.errorText();
    QVERIFY2(error.startsWith(english), qPrintable(error));
    QVERIFY2(!hasHangul(error.left(english.size())), qPrintable(error));
}

void TstGui::languageMenuKeepsTheChoice() {
    const auto english = englishForThisTest();
    MainWindow w(quiet());
    w.show();
    QVERIFY(child<QAction>(w, "language-system")->isChecked()); // nothing stored: the system's
    QAction* korean = child<QAction>(w, "language-ko");
    QCOMPARE(korean->text(), QStringLiteral("한국어")); // named in itself
    korean->trigger();
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("ko"));
    QCOMPARE(Language::stored(), Language::Choice::Korean);
    QCOMPARE(Language::current(), QStringLiteral("ko"));
    QVERIFY(korean->isChecked());
    // The window switches at once, with nothing to ask.
    QTRY_COMPARE(child<QPushButton>(w, "run-button")->text(), QStringLiteral("실행  (F5)"));
    QVERIFY(w.findChild<QMessageBox*>() == nullptr);

    child<QAction>(w, "language-en")->trigger();
    QCOMPARE(Language::stored(), Language::Choice::English);
    QVERIFY(child<QAction>(w, "language-en")->isChecked());
    QVERIFY(!korean->isChecked());
    QTRY_COMPARE(child<QPushButton>(w, "run-button")->text(), QStringLiteral("Run  (F5)"));
    // A new window shows the stored choice checked.
    MainWindow next(quiet());
    QVERIFY(child<QAction>(next, "language-en")->isChecked());
}

void TstGui::switchesLanguageLive_data() {
    QTest::addColumn<bool>("openTrace");
    QTest::newRow("run") << false;
    QTest::newRow("opened trace") << true;
}

// Help > Language switches the window's language at once: every text follows, while what is
// on screen (the chart, its zoom, the pinned run, a value being typed) stays.
void TstGui::switchesLanguageLive() {
    QFETCH(bool, openTrace);
    const auto english = englishForThisTest();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.resize(1280, 860);
    w.show();
    QVERIFY(w.selectPattern(QStringLiteral("async-gather")));
    QVERIFY(ended.wait(kRunTimeoutMs));
    if (openTrace) {
        QSignalSpy opened(&w, &MainWindow::traceOpened);
        w.openTrace(writeFile(dir, QStringLiteral("viz.json"), kVizTracerJson));
        QVERIFY(opened.wait(kRunTimeoutMs));
        QVERIFY(opened.first().at(0).toBool());
    }
    QVERIFY(w.pinCurrentRun());
    GanttView* view = w.ganttView();
    const Trace* trace = view->trace();
    const TimeRange full = view->visibleRange();
    const TimeRange zoomed{full.begin_ns + full.span() / 4, full.begin_ns + full.span() / 2};
    QVERIFY(view->zoomState()->setVisibleRange(zoomed));
    QCOMPARE(view->visibleRange(), zoomed);
    const RunResult* pinned = w.compareView()->board().runs().front().result.get();
    // A value being typed, not valid yet: no run starts, the error line says why.
    auto* edit = child<QLineEdit>(w, "param-delays-edit");
    auto* error = child<QLabel>(w, "param-error");
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("100,x"));
    QVERIFY(!w.parameterPanel()->isValid());
    QVERIFY(!hasHangul(error->text()));
    QVERIFY(w.showTab(QStringLiteral("summary")));

    const auto menuTitles = [&] {
        QStringList titles;
        for (const QAction* menu : w.menuBar()->actions())
            titles << menu->text();
        return titles;
    };
    auto* tree = child<QTreeWidget>(w, "pattern-list");
    QTreeWidgetItem* current = tree->currentItem();
    const auto patternTitles = [&] {
        QStringList titles;
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            titles << (*it)->text(0);
        return titles;
    };
    auto* tabs = child<QTabWidget>(w, "tabs");
    auto* summary = child<QTextBrowser>(w, "summary-view");
    auto* heading = child<QLabel>(w, "chart-heading");
    auto* runButton = child<QPushButton>(w, "run-button");
    auto* label = child<QLabel>(w, "param-delays-label");
    const auto screenshot = [&](const QString& name) {
        if (const QString shots = qEnvironmentVariable("TASKLANE_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            QApplication::processEvents();
            w.grab().save(
                QStringLiteral("%1/language-%2-%3.png")
                    .arg(shots, openTrace ? QStringLiteral("trace") : QStringLiteral("run"), name));
        }
    };
    // What must not change with the language.
    const auto unchanged = [&] {
        QCOMPARE(view->trace(), trace);
        QCOMPARE(view->visibleRange(), zoomed);
        QCOMPARE(w.compareView()->board().size(), 1);
        QCOMPARE(w.compareView()->board().runs().front().result.get(), pinned);
        QCOMPARE(edit->text(), QStringLiteral("100,x"));
        QVERIFY(!w.parameterPanel()->isValid());
        QVERIFY(error->isVisible());
        QCOMPARE(w.openedTracePath().isEmpty(), !openTrace);
        QCOMPARE(w.currentPattern()->id(), std::string("async-gather"));
        QVERIFY(!w.isRunning());
    };
    screenshot(QStringLiteral("en"));

    // Korean, through the menu as a user would.
    child<QAction>(w, "language-ko")->trigger();
    QTRY_VERIFY2(hasHangul(runButton->text()), qPrintable(runButton->text()));
    QVERIFY(child<QAction>(w, "language-ko")->isChecked());
    for (const QString& title : menuTitles())
        QVERIFY2(hasHangul(title), qPrintable(title));
    QCOMPARE(tabs->tabText(0), QStringLiteral("출력"));
    QVERIFY2(hasHangul(tabs->tabText(2)), qPrintable(tabs->tabText(2)));
    QVERIFY2(hasHangul(label->text()), qPrintable(label->text()));
    // The pattern list: a chapter's title and a pattern's (its tutorial heading is Korean in
    // both languages); the selection stays.
    QVERIFY2(hasHangul(tree->topLevelItem(0)->text(0)), qPrintable(tree->topLevelItem(0)->text(0)));
    QVERIFY2(patternTitles().filter(QStringLiteral("CPU 집약 vs I/O 집약")).size() == 1,
             qPrintable(patternTitles().join(u'\n')));
    QCOMPARE(tree->currentItem(), current);
    QVERIFY2(hasHangul(summary->toPlainText()), qPrintable(summary->toPlainText()));
    // The heading: the run's figures, or the file's; a pattern's tutorial heading is Korean
    // in both languages.
    const QString headingWords =
        openTrace ? QStringLiteral("opened trace") : QStringLiteral("speedup");
    QVERIFY2(hasHangul(heading->text()) && !heading->text().contains(headingWords),
             qPrintable(heading->text()));
    QVERIFY2(hasHangul(error->text()), qPrintable(error->text()));
    QVERIFY2(hasHangul(edit->placeholderText()), qPrintable(edit->placeholderText()));
    QVERIFY2(hasHangul(w.compareView()->tableText().value(1)),
             qPrintable(w.compareView()->tableText().join(u'\n')));
    if (openTrace)
        QVERIFY2(hasHangul(w.outputText().left(200)), qPrintable(w.outputText().left(200)));
    QTRY_VERIFY(!view->layout().legend().empty());
    QStringList legend;
    for (const GanttLegendEntry& e : view->layout().legend())
        legend << e.text;
    QVERIFY2(legend.contains(QStringLiteral("실행 중")), qPrintable(legend.join(u',')));
    // Numbers follow the new default: the spin boxes' too, which keep a locale of their own.
    QCOMPARE(child<QSpinBox>(w, "param-delays-spin-0")->locale(), QLocale());
    QCOMPARE(QLocale().language(), QLocale::Korean);
    unchanged();
    screenshot(QStringLiteral("ko"));
    QVERIFY(w.showTab(QStringLiteral("compare")));
    screenshot(QStringLiteral("ko-compare"));
    QVERIFY(w.showTab(QStringLiteral("summary")));

    // And back.
    child<QAction>(w, "language-en")->trigger();
    QTRY_COMPARE(runButton->text(), QStringLiteral("Run  (F5)"));
    QCOMPARE(Language::stored(), Language::Choice::English);
    QVERIFY(child<QAction>(w, "language-en")->isChecked());
    QVERIFY(menuTitles().contains(QStringLiteral("&File")));
    for (const QString& title : menuTitles())
        QVERIFY2(!hasHangul(title), qPrintable(title));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Output"));
    QCOMPARE(label->text(), QStringLiteral("delays (ms)"));
    QVERIFY2(!hasHangul(tree->topLevelItem(0)->text(0)),
             qPrintable(tree->topLevelItem(0)->text(0)));
    QVERIFY2(patternTitles().filter(QStringLiteral("CPU-bound vs I/O-bound")).size() == 1,
             qPrintable(patternTitles().join(u'\n')));
    QCOMPARE(tree->currentItem(), current);
    QCOMPARE(child<QSpinBox>(w, "param-delays-spin-0")->locale(), QLocale());
    QVERIFY2(summary->toPlainText().contains(openTrace ? QStringLiteral("Opened trace")
                                                       : QStringLiteral("Sequential estimate")),
             qPrintable(summary->toPlainText()));
    QVERIFY2(heading->text().contains(headingWords), qPrintable(heading->text()));
    // The command line's sentence, naming the field rather than the option (no "--").
    const QString cli = QString::fromStdString(
        std::get<std::string>(w.currentPattern()->param("delays")->parse("100,x")));
    QVERIFY(cli.startsWith(QStringLiteral("--delays ")));
    QCOMPARE(error->text(), cli.mid(2));
    QTRY_VERIFY(!view->layout().legend().empty());
    legend.clear();
    for (const GanttLegendEntry& e : view->layout().legend())
        legend << e.text;
    QVERIFY2(legend.contains(QStringLiteral("running")), qPrintable(legend.join(u',')));
    unchanged();
    screenshot(QStringLiteral("en-again"));
}

// Zoom history in the window: a burst of wheel notches is one step, Back and Forward (actions,
// Alt+Left and Alt+Right) go through it, F and Ctrl+0 fit; the ruler over the chart is lined
// up with the plot and moves the view.
void TstGui::zoomHistoryAndRuler() {
    MainWindow w;
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.resize(1200, 800);
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(ended.wait(kRunTimeoutMs));
    GanttView* view = w.ganttView();
    auto* back = child<QAction>(w, "zoom-back-action");
    auto* forward = child<QAction>(w, "zoom-forward-action");
    QVERIFY(back != nullptr && forward != nullptr);
    QVERIFY(!back->isEnabled());
    QVERIFY(!forward->isEnabled());
    const TimeRange full = view->visibleRange();
    const QRectF plot = view->layout().plotRect();
    QVERIFY(plot.width() > 100);
    const QPointF at(plot.left() + plot.width() * 0.25, plot.center().y());
    const std::int64_t under = view->layout().timeForX(at.x());
    for (int k = 0; k < 3; ++k) {
        QWheelEvent wheel(at, view->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view, &wheel);
    }
    const TimeRange zoomed = view->visibleRange();
    QVERIFY(zoomed.span() < full.span() * 7 / 10);
    // The time under the cursor is still under it.
    QCOMPARE(view->layout().visibleRange(), zoomed);
    QVERIFY(std::abs(view->layout().xForTime(under) - at.x()) < 1.0);

    QVERIFY(back->isEnabled());
    back->trigger();
    QCOMPARE(view->visibleRange(), full); // three notches, one step
    QVERIFY(!back->isEnabled());
    QVERIFY(forward->isEnabled());
    QTest::keyClick(&w, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(view->visibleRange(), zoomed);
    QTest::keyClick(&w, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(view->visibleRange(), full);
    QTest::keyClick(&w, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(view->visibleRange(), zoomed);
    QTest::keyClick(&w, Qt::Key_F);
    QCOMPARE(view->visibleRange(), full);
    back->trigger(); // fitting was a step too
    QCOMPARE(view->visibleRange(), zoomed);
    QTest::keyClick(&w, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view->visibleRange(), full);
    back->trigger();
    QCOMPARE(view->visibleRange(), zoomed);

    auto* ruler = child<TimeRuler>(w, "time-ruler");
    QVERIFY(ruler != nullptr);
    QVERIFY(ruler->isVisible());
    const int viewX = view->mapTo(&w, QPoint(0, 0)).x();
    const int rulerX = ruler->mapTo(&w, QPoint(0, 0)).x();
    QVERIFY(std::abs(ruler->strip().left() + rulerX - (plot.left() + viewX)) < 1);
    QVERIFY(std::abs(ruler->strip().width() - plot.width()) < 1);
    QCOMPARE(ruler->timeForX(ruler->strip().left()), full.begin_ns);
    // A click late in the run moves the view there, a step of its own.
    const QPoint late(int(ruler->xForTime(full.begin_ns + full.span() * 9 / 10)),
                      int(ruler->strip().center().y()));
    QTest::mouseClick(ruler, Qt::LeftButton, Qt::NoModifier, late);
    QCOMPARE(view->visibleRange().span(), zoomed.span());
    QVERIFY(view->visibleRange().end_ns > zoomed.end_ns);
    QVERIFY(view->visibleRange().end_ns <= full.end_ns);
    back->trigger();
    QCOMPARE(view->visibleRange(), zoomed);
    QTest::mouseDClick(ruler, Qt::LeftButton, Qt::NoModifier, late);
    QCOMPARE(view->visibleRange(), full);
}

// Shift-drag selects a time range; its statistics (computed by the chart library for the
// rows on screen) appear under the chart. A click picks a task across rows with its arrows.
// With TASKLANE_SCREENSHOT_DIR set, it saves chart-zoom-selection.png.
void TstGui::selectionShowsStatistics() {
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.resize(1280, 860);
    w.show();
    QVERIFY(w.selectPattern(QStringLiteral("thread-pool")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    auto* panel = w.parameterPanel();
    panel->setValue("workers", 3LL);
    panel->setValue("tasks", 12LL);
    panel->setValue("cpu-ms", 2.0);
    panel->setValue("io-ms", 6.0);
    ended.clear();
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QTRY_VERIFY(!w.isRunning());
    GanttView* view = w.ganttView();
    auto* label = child<QLabel>(w, "selection-stats");
    auto* zoomToSelection = child<QAction>(w, "zoom-selection-action");
    QVERIFY(label != nullptr && zoomToSelection != nullptr);
    QVERIFY(label->isHidden());
    QVERIFY(!zoomToSelection->isEnabled());

    // Zoomed in a little, then a selection inside the view.
    QRectF plot = view->layout().plotRect();
    const QPointF at(plot.left() + plot.width() * 0.4, plot.center().y());
    QWheelEvent wheel(at, view->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view, &wheel);
    const TimeRange zoomed = view->visibleRange();
    plot = view->layout().plotRect();
    const QPoint a(int(plot.left() + plot.width() * 0.3), int(plot.top() + 4));
    const QPoint b(int(plot.left() + plot.width() * 0.65), int(plot.top() + 4));
    QTest::mousePress(view, Qt::LeftButton, Qt::ShiftModifier, a);
    QTest::mouseMove(view, b);
    QTest::mouseRelease(view, Qt::LeftButton, Qt::ShiftModifier, b);
    QCOMPARE(view->visibleRange(), zoomed); // selecting is not panning
    const auto selection = view->zoomState()->selection();
    QVERIFY(selection.has_value());
    QCOMPARE(selection->begin_ns, view->layout().timeForX(a.x()));
    QCOMPARE(selection->end_ns, view->layout().timeForX(b.x()));

    const SelectionStats* stats = view->selectionStats();
    QVERIFY(stats != nullptr);
    const GanttRows rows(*view->trace(), view->groupBy());
    const SelectionStats expected = tasklane::selectionStats(rows, *selection);
    QVERIFY(expected.slices > 0);
    QCOMPARE(stats->slices, expected.slices);
    QCOMPARE(stats->stateNs, expected.stateNs);
    QCOMPARE(stats->rows.size(), expected.rows.size());
    for (std::size_t k = 0; k < expected.rows.size(); ++k)
        QCOMPARE(stats->rows[k].busy_ns, expected.rows[k].busy_ns);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QLocale().toString(qulonglong(expected.slices))),
             qPrintable(label->text()));
    QVERIFY2(label->text().contains(QStringLiteral("worker 1")), qPrintable(label->text()));
    QVERIFY(!label->toolTip().isEmpty());
    QVERIFY(zoomToSelection->isEnabled());

    // A click on a slice of a task picks it: its slices in the worker's row and the core's,
    // and the arrow from its submit.
    std::optional<QPointF> onTask;
    std::uint32_t task = 0;
    for (int r = 0; r < view->layout().rowCount() && !onTask; ++r) {
        if (rows.row(r).kind != RowKind::Track || rows.row(r).name != QStringLiteral("worker 1"))
            continue;
        for (const GanttDrawItem& item : view->layout().drawItems(r)) {
            if (item.count == 1 && item.task != 0 && item.rect.width() >= 4 &&
                item.rect.center().x() < a.x()) {
                onTask = item.rect.center();
                task = item.task;
                break;
            }
        }
    }
    QVERIFY(onTask.has_value());
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, onTask->toPoint());
    QCOMPARE(view->highlightTask(), std::optional<std::uint32_t>(task));
    QVERIFY(view->zoomState()->selection().has_value()); // a pick keeps the selection
    const GanttTaskOverlay& overlay = view->taskOverlay();
    std::set<int> overlayRows;
    for (const GanttDrawItem& item : overlay.items)
        overlayRows.insert(view->layout().rowAt(item.rect.center().y()));
    QVERIFY2(overlayRows.size() >= 2, "the worker's row and the core's");

    if (const QString dir = qEnvironmentVariable("TASKLANE_SCREENSHOT_DIR"); !dir.isEmpty())
        w.grab().save(dir + QStringLiteral("/chart-zoom-selection.png"));
    // Its submit may be left of the view; fitted, its arrow is there.
    view->fit();
    QVERIFY(!view->taskOverlay().flows.empty());
    child<QAction>(w, "zoom-back-action")->trigger();
    QCOMPARE(view->visibleRange(), zoomed);

    zoomToSelection->trigger();
    QCOMPARE(view->visibleRange(), *selection);
    child<QAction>(w, "zoom-back-action")->trigger();
    QCOMPARE(view->visibleRange(), zoomed);
    // A right click without a drag lets go of the selection; a right-drag makes one.
    QTest::mouseClick(view, Qt::RightButton, Qt::NoModifier, a);
    QVERIFY(!view->zoomState()->selection().has_value());
    QVERIFY(view->selectionStats() == nullptr);
    QVERIFY(label->isHidden());
    QVERIFY(!zoomToSelection->isEnabled());
    QTest::mousePress(view, Qt::RightButton, Qt::NoModifier, b);
    QTest::mouseMove(view, a);
    QTest::mouseRelease(view, Qt::RightButton, Qt::NoModifier, a);
    QCOMPARE(view->zoomState()->selection(), selection);
    // Another grouping, other rows: the statistics follow.
    w.setGroupBy(GroupBy::Worker);
    QVERIFY(view->selectionStats() != nullptr);
    QCOMPARE(view->selectionStats()->slices, expected.slices);
    QVERIFY(view->selectionStats()->rows.size() < expected.rows.size()); // no core rows
}

namespace {

// Two programs' threads as another tool writes them: `pids`, each with a main thread and
// `threads` - 1 more, running and sleeping in turn, some in parallel.
QByteArray processesJson(std::initializer_list<std::pair<int, const char*>> pids, int threads) {
    QByteArray json = R"js({"traceEvents":[)js";
    QStringList events;
    for (const auto& [pid, program] : pids) {
        for (int t = 0; t < threads; ++t) {
            const int tid = pid + t;
            const QString name =
                t == 0 ? QStringLiteral("%1 main").arg(QLatin1String(program))
                       : QStringLiteral("%1 io %2").arg(QLatin1String(program)).arg(t);
            events << QStringLiteral(R"({"ph":"M","pid":%1,"tid":%2,"name":"thread_name",)"
                                     R"("args":{"name":"%3"}})")
                          .arg(pid)
                          .arg(tid)
                          .arg(name);
            double ts = 1000.0 * t + 300.0 * (pid % 7);
            for (int k = 0; k < 12; ++k) {
                const double run = 400 + 150 * ((k * 7 + t * 3 + pid) % 5);
                const double sleep = 300 + 200 * ((k + t) % 4);
                events << QStringLiteral(R"({"ph":"X","pid":%1,"tid":%2,"ts":%3,"dur":%4,)"
                                         R"("name":"step %5","args":{"state":"running"}})")
                              .arg(pid)
                              .arg(tid)
                              .arg(ts)
                              .arg(run)
                              .arg(k);
                events << QStringLiteral(R"({"ph":"X","pid":%1,"tid":%2,"ts":%3,"dur":%4,)"
                                         R"("name":"read","args":{"state":"sleeping"}})")
                              .arg(pid)
                              .arg(tid)
                              .arg(ts + run)
                              .arg(sleep);
                ts += run + sleep;
            }
        }
    }
    json += events.join(QLatin1Char(',')).toUtf8();
    json += R"js(],"displayTimeUnit":"ns"})js";
    return json;
}

} // namespace

// A process's threads collapse into one row by a click on its triangle, and come back by
// another; the keyboard and zoom keep the state, a trace with other pids resets it.
void TstGui::triangleCollapsesAProcess() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("two-programs.json"),
                                   processesJson({{4100, "server"}, {5200, "client"}}, 4));
    FakePattern fake;
    MainWindow w(withFake(fake));
    w.resize(1200, 760);
    w.show();
    QSignalSpy opened(&w, &MainWindow::traceOpened);
    w.setGroupBy(GroupBy::Worker);
    w.openTrace(path);
    QVERIFY(opened.wait(kRunTimeoutMs));
    QVERIFY(opened.first().at(0).toBool());
    GanttView* view = w.ganttView();
    const GanttRows& rows = *view->layout().rows();
    QCOMPARE(int(rows.processGroups().size()), 2);
    const int rowsOpen = view->layout().rowCount();
    QCOMPARE(rowsOpen, 8);
    const GanttProcessGroup& server = rows.processGroups()[0];
    QCOMPARE(server.pid, 4100);
    QCOMPARE(server.threads, 4);

    // The triangle in front of the first row's name.
    const int header = view->layout().rowOfSource(server.rows.front());
    const QRectF triangle = view->layout().row(header).disclosureRect;
    QVERIFY(!triangle.isNull());
    QVERIFY(triangle.right() < view->layout().plotRect().left());
    QSignalSpy changed(view, &GanttView::collapsedProcessesChanged);
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, triangle.center().toPoint());
    QCOMPARE(changed.count(), 1);
    QVERIFY(view->isProcessCollapsed(4100));
    QVERIFY(!view->isProcessCollapsed(5200));
    QCOMPARE(view->layout().rowCount(), rowsOpen - 3);
    QVERIFY(view->layout().rowData(header).kind == RowKind::Summary);
    QVERIFY(view->layout().row(header).collapsed);
    QVERIFY(!view->layout().drawItems(header).empty());
    QVERIFY(view->highlightTask() == std::nullopt); // a click on the triangle picks nothing

    // Zoomed, it stays collapsed; the selection's busy line names the process, not its threads.
    const QRectF plot = view->layout().plotRect();
    const QPointF at(plot.left() + plot.width() * 0.5, plot.center().y());
    QWheelEvent wheel(at, view->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view, &wheel);
    QCOMPARE(view->layout().rowCount(), rowsOpen - 3);
    QTest::mousePress(view, Qt::LeftButton, Qt::ShiftModifier,
                      QPoint(int(plot.left() + 20), int(plot.top() + 4)));
    QTest::mouseMove(view, QPoint(int(plot.right() - 20), int(plot.top() + 4)));
    QTest::mouseRelease(view, Qt::LeftButton, Qt::ShiftModifier,
                        QPoint(int(plot.right() - 20), int(plot.top() + 4)));
    QVERIFY(view->selectionStats() != nullptr);
    const QString summary = view->selectionSummary();
    QVERIFY2(summary.contains(QStringLiteral("pid 4100")), qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("server io 1")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("client io 1")), qPrintable(summary));
    if (const QString shots = qEnvironmentVariable("TASKLANE_SCREENSHOT_DIR"); !shots.isEmpty())
        w.grab().save(shots + QStringLiteral("/chart-collapsed-process.png"));

    // Again: expanded, as before.
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier,
                      view->layout().row(header).disclosureRect.center().toPoint());
    QVERIFY(!view->isProcessCollapsed(4100));
    QCOMPARE(view->layout().rowCount(), rowsOpen);
    QVERIFY(view->layout().rowData(header).kind == RowKind::Track);

    // The keyboard: Down to the next process, Left collapses it, Right expands it.
    view->setFocus();
    QCOMPARE(view->currentProcessGroup(), 0);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->currentProcessGroup(), 1);
    QTest::keyClick(view, Qt::Key_Left);
    QVERIFY(view->isProcessCollapsed(5200));
    QCOMPARE(view->layout().rowCount(), rowsOpen - 3);
    QTest::keyClick(view, Qt::Key_Right);
    QVERIFY(!view->isProcessCollapsed(5200));
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(view->isProcessCollapsed(5200));
    // The View menu's actions: all of them, then none.
    child<QAction>(w, "collapse-processes-action")->trigger();
    QCOMPARE(view->layout().rowCount(), rowsOpen - 6);
    child<QAction>(w, "expand-processes-action")->trigger();
    QCOMPARE(view->layout().rowCount(), rowsOpen);
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(view->isProcessCollapsed(5200));

    // The same pids again (a re-read): still collapsed. Other pids: none is.
    opened.clear();
    w.openTrace(path);
    QVERIFY(opened.wait(kRunTimeoutMs));
    QVERIFY(view->isProcessCollapsed(5200));
    QCOMPARE(view->layout().rowCount(), rowsOpen - 3);
    const QString other = writeFile(dir, QStringLiteral("other.json"),
                                    processesJson({{700, "db"}, {800, "cache"}}, 3));
    opened.clear();
    w.openTrace(other);
    QVERIFY(opened.wait(kRunTimeoutMs));
    QVERIFY(view->collapsedPids().empty());
    QCOMPARE(view->layout().rowCount(), 6);
}

// Under a dark palette the chart draws with its dark style (a dark background), and back.
void TstGui::chartFollowsADarkPalette() {
    FakePattern fake;
    RunControl control;
    auto result = std::make_shared<const RunResult>(fake.run(Params(), control));
    GanttView view;
    view.resize(600, 200);
    view.setTrace(std::shared_ptr<const Trace>(result, &result->trace));
    const auto corner = [&] { return view.grab().toImage().pixelColor(3, 3).lightness(); };
    QVERIFY(corner() > 128);
    QPalette dark = view.palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
    dark.setColor(QPalette::WindowText, Qt::white);
    view.setPalette(dark);
    QVERIFY2(corner() < 100, qPrintable(QString::number(corner())));
    view.setPalette(QPalette());
    QVERIFY(corner() > 128);
}

// Each main view, grabbed offscreen after a run, has content: text or a chart, not a blank
// widget (a view that failed to build or paint shows one or two colours).
void TstGui::mainViewsAreNotBlank() {
    MainWindow w;
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.resize(1280, 860);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(w.pinCurrentRun());
    const QString dir = qEnvironmentVariable("TASKLANE_SCREENSHOT_DIR");
    for (const char* tab : {"output", "python", "summary", "compare"}) {
        QVERIFY(w.showTab(QLatin1String(tab)));
        QApplication::processEvents();
        const QImage shot = w.grab().toImage();
        QVERIFY2(distinctColours(shot) > 30, tab);
        // The chart alone, too: it must have drawn more than its background.
        const QImage chart = w.ganttView()->grab().toImage();
        QVERIFY2(distinctColours(chart) > 8, tab);
        if (!dir.isEmpty())
            shot.save(dir + QStringLiteral("/view-%1.png").arg(QLatin1String(tab)));
    }
}

// A few hundred thousand slices are regrouped on a worker thread: the chart keeps showing the
// old grouping until the new rows land, a wish that changes meanwhile is the one that lands,
// and rows built for a trace that has since been replaced never reach the screen.
void TstGui::largeTraceRegroupsOffTheGuiThread() {
    const std::shared_ptr<const Trace> big = largeTrace();
    GanttView view;
    view.resize(900, 500);
    view.setGroupBy(GroupBy::Worker);
    view.setTrace(big);
    QCOMPARE(view.shownGroupBy(), GroupBy::Worker);
    QVERIFY(!view.isRegrouping());
    const int workerRows = view.layout().rowCount();
    QCOMPARE(workerRows, 4);
    QSignalSpy regrouping(&view, &GanttView::regroupingChanged);

    view.setGroupBy(GroupBy::Core);
    // Asked for, not yet on screen: the old rows are still drawn.
    QCOMPARE(view.groupBy(), GroupBy::Core);
    QVERIFY(view.isRegrouping());
    QCOMPARE(view.shownGroupBy(), GroupBy::Worker);
    QCOMPARE(view.layout().rowCount(), workerRows);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isRegrouping(), kRunTimeoutMs);
    QCOMPARE(view.shownGroupBy(), GroupBy::Core);
    QCOMPARE(view.layout().rowCount(), 2); // one row per core
    QCOMPARE(regrouping.size(), 2);
    QCOMPARE(regrouping.at(0).at(0).toBool(), true);
    QCOMPARE(regrouping.at(1).at(0).toBool(), false);

    // Worker, then Both before the first build lands: Both is what lands, in one regrouping.
    regrouping.clear();
    view.setGroupBy(GroupBy::Worker);
    view.setGroupBy(GroupBy::Both);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isRegrouping(), kRunTimeoutMs);
    QCOMPARE(view.shownGroupBy(), GroupBy::Both);
    QCOMPARE(view.layout().rowCount(), 2 + workerRows);
    QCOMPARE(regrouping.size(), 2);

    // Back to what is on screen while a build runs: nothing to wait for.
    view.setGroupBy(GroupBy::Core);
    QVERIFY(view.isRegrouping());
    view.setGroupBy(GroupBy::Both);
    QVERIFY(!view.isRegrouping());
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(20); // the finished build's signal, had it been let through
    QCOMPARE(view.shownGroupBy(), GroupBy::Both); // the Core rows that landed were dropped

    // A new trace while a build runs: the build's rows are for the old trace and never land.
    view.setGroupBy(GroupBy::Core);
    QVERIFY(view.isRegrouping());
    auto small = std::make_shared<Trace>();
    small->tracks.push_back(Track{1, 1, TrackKind::Main, "main"});
    TraceEvent e;
    e.begin_ns = 0;
    e.end_ns = 1'000;
    e.cpu = 0;
    small->events.push_back(e);
    small->finalize();
    view.setTrace(small);
    QVERIFY(!view.isRegrouping());
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(20); // the finished build's signal, had it been let through
    QCOMPARE(view.layout().rows()->trace(), small.get());
    QCOMPARE(view.shownGroupBy(), GroupBy::Core);

    // Rows of another grouping, built with the trace: shown until the asked-for ones land.
    auto built = std::make_shared<const GanttRows>(*big, GroupBy::Worker);
    view.setTrace(big, built);
    QVERIFY(view.isRegrouping());
    QCOMPARE(view.shownGroupBy(), GroupBy::Worker);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isRegrouping(), kRunTimeoutMs);
    QCOMPARE(view.shownGroupBy(), GroupBy::Core);
    QCOMPARE(view.layout().rows()->trace(), big.get());
}

// The status line names the grouping being built, whether it was picked in the box or in
// View > Group Rows (which sets the view before the box follows).
void TstGui::regroupingStatusNamesTheChoice() {
    const auto english = englishForThisTest();
    MainWindow w(quiet());
    w.show();
    w.setGroupBy(GroupBy::Worker);
    w.ganttView()->setTrace(largeTrace());
    QAction* byCore = nullptr;
    for (QAction* a : w.findChildren<QAction*>())
        if (a->data().toString() == QStringLiteral("core") && a->isCheckable())
            byCore = a;
    QVERIFY(byCore != nullptr);
    byCore->trigger();
    QVERIFY(w.ganttView()->isRegrouping());
    const QString message = w.statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("by core")), qPrintable(message));
    QVERIFY2(message.contains(QLocale().toString(qulonglong(w.ganttView()->sliceCount()))),
             qPrintable(message));
    QTRY_VERIFY_WITH_TIMEOUT(!w.ganttView()->isRegrouping(), kRunTimeoutMs);
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("by core")),
             qPrintable(w.statusBar()->currentMessage()));
}

void TstGui::rowNamesFollowTheLanguage_data() {
    QTest::addColumn<bool>("large");
    QTest::newRow("small trace, remade at once") << false;
    QTest::newRow("large trace, remade off the GUI thread") << true;
}

// The chart's own row names ("pid 4100 · 4 threads" for a collapsed process) are made with
// the rows: a language switch remakes them, keeping the grouping and what is collapsed.
void TstGui::rowNamesFollowTheLanguage() {
    QFETCH(bool, large);
    const auto english = englishForThisTest();
    std::shared_ptr<const Trace> trace = large ? largeTrace() : nullptr;
    if (!large) {
        auto read = ChromeTraceReader::fromJson(processesJson({{4100, "server"}}, 4));
        QVERIFY(read.has_value());
        trace = std::make_shared<const Trace>(std::move(*read));
    }
    GanttView view;
    view.resize(900, 500);
    view.setGroupBy(GroupBy::Worker);
    view.setTrace(trace);
    const GanttProcessGroup group = view.layout().rows()->processGroups().at(0);
    view.setProcessCollapsed(group.pid, true);
    const auto summaryName = [&] {
        const GanttRows& rows = *view.layout().rows();
        return rows.row(rows.processGroups().at(0).summary).name;
    };
    QVERIFY2(summaryName().contains(QStringLiteral("4 threads")), qPrintable(summaryName()));

    Language::apply(Language::localeFor(Language::Choice::Korean));
    QCoreApplication::sendPostedEvents(&view, QEvent::LanguageChange);
    QCOMPARE(view.isRegrouping(), large);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isRegrouping(), kRunTimeoutMs);
    QVERIFY2(hasHangul(summaryName()), qPrintable(summaryName()));
    QCOMPARE(view.shownGroupBy(), GroupBy::Worker);
    QVERIFY(view.isProcessCollapsed(group.pid));
    QCOMPARE(view.layout().rowCount(), 1); // the collapsed process's one row

    Language::apply(Language::localeFor(Language::Choice::English));
    QCoreApplication::sendPostedEvents(&view, QEvent::LanguageChange);
    QCOMPARE(view.isRegrouping(), large);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isRegrouping(), kRunTimeoutMs);
    QVERIFY2(summaryName().contains(QStringLiteral("4 threads")), qPrintable(summaryName()));
}

void TstGui::summarySaysWaitingForACore_data() {
    QTest::addColumn<bool>("korean");
    QTest::addColumn<double>("waitMs");
    QTest::addColumn<QString>("expected"); // empty: no such row
    QTest::newRow("English") << false << 1234.5 << QStringLiteral("Waiting for a core");
    QTest::newRow("Korean") << true << 1234.5 << QStringLiteral("코어 대기");
    QTest::newRow("no wait, no row") << false << 0.0 << QString();
}

void TstGui::summarySaysWaitingForACore() {
    QFETCH(bool, korean);
    QFETCH(double, waitMs);
    QFETCH(QString, expected);
    const auto english = qScopeGuard([] { Language::uninstall(); });
    QVERIFY(Language::apply(korean ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                                   : Language::localeFor(Language::Choice::English)));
    RunResult run;
    run.metrics.makespan_ms = 411;
    run.metrics.core_wait_ms = waitMs;
    QTextBrowser view;
    view.setHtml(SummaryView::html(QStringLiteral("pool-map"), run));
    const QString text = view.toPlainText();
    if (expected.isEmpty()) {
        QVERIFY2(!text.contains(QStringLiteral("Waiting for a core")), qPrintable(text));
        return;
    }
    QVERIFY2(text.contains(expected), qPrintable(text));
    // Its time, as the other rows give theirs.
    QVERIFY2(text.contains(QLocale().toString(waitMs, 'f', 1)), qPrintable(text));
}

namespace {

QString listedPattern(MainWindow& w) {
    const QTreeWidgetItem* item = child<QTreeWidget>(w, "pattern-list")->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

// Settings as a user's earlier session left them: `pairs` "name=value" for pattern `id`.
void storeParams(const QString& id, const QStringList& pairs) {
    QSettings settings;
    settings.setValue(QStringLiteral("run/pattern"), id);
    for (const QString& pair : pairs)
        settings.setValue(QStringLiteral("params/%1/%2").arg(id, pair.section(u'=', 0, 0)),
                          pair.section(u'=', 1));
}

} // namespace

// The first screen of every pattern: opened with its lesson, which runs at once and shows a
// speedup a learner can read, not the pool's overhead ("speedup 0.00×").
void TstGui::opensEveryPatternWithItsLesson_data() {
    QTest::addColumn<QString>("id");
    for (const auto& pattern : PatternRegistry::instance().all())
        QTest::newRow(pattern->id().c_str()) << QString::fromStdString(pattern->id());
}

void TstGui::opensEveryPatternWithItsLesson() {
    QFETCH(QString, id);
    // async-file's run folder goes to a temp location of the test's own, removed after.
    QTemporaryDir temp;
    const auto restore = tmpDirIs(temp.path());
    MainWindow::Options options;
    options.pattern = id;
    MainWindow w(options);
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.resize(1280, 800);
    w.show();
    QVERIFY(ended.wait(kRunTimeoutMs)); // it started by itself: the lesson fits in 2 s
    QVERIFY(w.lastResult() != nullptr);
    const Pattern* pattern = w.currentPattern();
    QCOMPARE(QString::fromStdString(pattern->id()), id);
    // The lesson's values (under ASan, init() stored start-method spawn, which stays).
    const Params shown = w.parameterPanel()->params();
    const Params lesson = pattern->lessonParams();
    for (const auto& [name, value] : lesson.values())
        QVERIFY2(shown.at(name) == value, name.c_str());
    const QString heading = child<QLabel>(w, "chart-heading")->text();
    qInfo("%s: %s", qPrintable(id),
          qPrintable(QString(heading).remove(QRegularExpression(QStringLiteral("<[^>]*>")))));
    QVERIFY2(!heading.contains(QStringLiteral("speedup 0.0")), qPrintable(heading));
    QVERIFY2(w.lastResult()->metrics.speedup >= 0.3,
             qPrintable(QString::number(w.lastResult()->metrics.speedup)));
    QCOMPARE(listedPattern(w), id);
    QTest::qWait(300); // the layout settles before the grab
    saveWindowGrab(&w, QStringLiteral("first-screen-") + id);
}

// "Tutorial's values": the tutorial's literal example in the panel and its program in the
// Python tab; the Lesson's values action brings the lesson back.
void TstGui::tutorialValuesAreOneClickAway() {
    MainWindow w(quiet());
    w.show();
    QVERIFY(w.selectPattern(QStringLiteral("async-gather")));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), kRunTimeoutMs);
    const Pattern* pattern = w.currentPattern();
    QVERIFY(!w.pythonText().contains(QStringLiteral("task(\"A\", 2)")));
    QTest::mouseClick(child<QPushButton>(w, "tutorial-values"), Qt::LeftButton);
    QVERIFY(pattern->withDefaults(w.parameterPanel()->params()).values() ==
            pattern->preset(Preset::Tutorial).values());
    QCOMPARE(w.pythonText(),
             QString::fromStdString(pattern->pythonCode(pattern->preset(Preset::Tutorial))));
    QVERIFY2(w.pythonText().contains(QStringLiteral("task(\"A\", 2)")), qPrintable(w.pythonText()));
    child<QAction>(w, "lesson-action")->trigger();
    QVERIFY(pattern->withDefaults(w.parameterPanel()->params()).values() ==
            pattern->preset(Preset::Lesson).values());
}

// One two-second rule for every run nobody pressed Run for: the window opened with saved
// parameters, a pattern picked. Short runs start; long ones wait with their expected time.
void TstGui::twoSecondRule_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("saved");
    QTest::addColumn<bool>("viaList"); // picked in the list, else the window opens with it
    QTest::addColumn<bool>("starts");
    const QStringList longPool{QStringLiteral("workers=1"), QStringLiteral("tasks=10"),
                               QStringLiteral("io-ms=2500")};
    const QStringList shortPool{QStringLiteral("workers=2"), QStringLiteral("tasks=6"),
                                QStringLiteral("io-ms=20")};
    const QStringList longCompare{QStringLiteral("tasks=1000")};
    const QStringList longProcessPool{QStringLiteral("tasks=100000"),
                                      QStringLiteral("cpu-ms=0.01")};
    QTest::newRow("opened: 25 s thread-pool") << "thread-pool" << longPool << false << false;
    QTest::newRow("opened: short thread-pool") << "thread-pool" << shortPool << false << true;
    QTest::newRow("opened: 1,000-task compare") << "compare" << longCompare << false << false;
    QTest::newRow("picked: 1,000-task compare") << "compare" << longCompare << true << false;
    QTest::newRow("picked: 100,000-item process-pool")
        << "process-pool" << longProcessPool << true << false;
    QTest::newRow("picked: short thread-pool") << "thread-pool" << shortPool << true << true;
}

void TstGui::twoSecondRule() {
    QFETCH(QString, id);
    QFETCH(QStringList, saved);
    QFETCH(bool, viaList);
    QFETCH(bool, starts);
    storeParams(id, saved);
    if (viaList) // the window opens another pattern first
        QSettings().setValue(QStringLiteral("run/pattern"), QStringLiteral("async-hello"));
    MainWindow::Options options;
    options.runOnStart = !viaList;
    MainWindow w(options);
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    if (viaList)
        QVERIFY(w.selectPattern(id));
    QTest::qWait(100);
    QCOMPARE(w.isRunning() || ended.count() > 0, starts);
    if (starts) {
        QVERIFY(ended.count() > 0 || ended.wait(kRunTimeoutMs));
        return;
    }
    QVERIFY2(w.statusText().contains(QStringLiteral("would take about")) &&
                 w.statusText().contains(QStringLiteral("press Run (F5)")),
             qPrintable(w.statusText()));
    QTest::qWait(800);
    QVERIFY(!w.isRunning());
    QCOMPARE(ended.count(), 0);
    QCOMPARE(listedPattern(w), id);
    QVERIFY(w.ganttView()->trace() == nullptr); // no other pattern's chart beside its name
    saveWindowGrab(&w, QStringLiteral("held-") + id +
                           (viaList ? QStringLiteral("-picked") : QString()));
}

// Selecting compare and stopping it at once: the list, the heading, the chart and the
// Summary all describe compare (what it recorded) or nothing, never the asyncio.gather run
// that was on screen before.
void TstGui::panelsAgreeAfterCompareAndStop() {
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    QVERIFY(w.selectPattern(QStringLiteral("async-gather")));
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(child<QLabel>(w, "chart-heading")->text().contains(QStringLiteral("asyncio.gather")));
    ended.clear();
    QVERIFY(w.selectPattern(QStringLiteral("compare")));
    QVERIFY(w.isRunning());
    QTest::qWait(150);
    w.stop();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QCOMPARE(listedPattern(w), QStringLiteral("compare"));
    const QString heading = child<QLabel>(w, "chart-heading")->text();
    const QString summary = child<QTextBrowser>(w, "summary-view")->toPlainText();
    QVERIFY2(!heading.contains(QStringLiteral("asyncio.gather")), qPrintable(heading));
    QVERIFY2(!summary.contains(QStringLiteral("asyncio.gather")), qPrintable(summary));
    QVERIFY(!w.outputText().contains(QStringLiteral("Task A")));
    if (w.ganttView()->trace() != nullptr) {
        QVERIFY2(heading.contains(QStringLiteral("vs")) &&
                     heading.contains(QStringLiteral("stopped")),
                 qPrintable(heading));
        QCOMPARE(w.lastResult(), w.ganttView()->trace() ? w.lastResult() : nullptr);
    }
    QVERIFY(w.pythonText().contains(QStringLiteral("ProcessPoolExecutor")));
}

// An opened trace file is no pattern's run: the list selects nothing and the Python tab says
// so; a run brings both back.
void TstGui::panelsAgreeAfterOpeningATrace() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("viz.json"), kVizTracerJson);
    FakePattern fake;
    MainWindow w(withFake(fake));
    QSignalSpy opened(&w, &MainWindow::traceOpened);
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QCOMPARE(listedPattern(w), QStringLiteral("fake"));
    QCOMPARE(w.pythonText(), QStringLiteral("print('fake')\n"));
    w.openTrace(path);
    QVERIFY(opened.wait(kRunTimeoutMs));
    QCOMPARE(listedPattern(w), QString());
    QVERIFY2(w.pythonText().contains(QStringLiteral("viz.json")) &&
                 w.pythonText().contains(QStringLiteral("trace file")),
             qPrintable(w.pythonText()));
    QVERIFY(!child<QLabel>(w, "params-changed")->isVisible());
    // The panel beside it says it is no pattern's, and what Run would do.
    auto* description = child<QLabel>(w, "pattern-description");
    QVERIFY2(description->text().contains(QStringLiteral("viz.json")) &&
                 description->text().contains(QStringLiteral("Run (F5) runs")),
             qPrintable(description->text()));
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QCOMPARE(listedPattern(w), QStringLiteral("fake"));
    QCOMPARE(w.pythonText(), QStringLiteral("print('fake')\n"));
    QVERIFY2(!description->text().contains(QStringLiteral("viz.json")),
             qPrintable(description->text()));
}

// A run that kept no core busy 5 % of the time (the fake's metrics: none) is not headed
// "0 cores", as if nothing had run.
void TstGui::headingSaysIdleCoresInWords() {
    const auto english = englishForThisTest();
    FakePattern fake;
    MainWindow w(withFake(fake));
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QCOMPARE(w.lastResult()->metrics.cores_used, 0);
    const QString heading = child<QLabel>(w, "chart-heading")->text();
    QVERIFY2(heading.contains(QStringLiteral("cores mostly idle")) &&
                 !heading.contains(QStringLiteral("0 cores")),
             qPrintable(heading));
}

// Parameters edited since the run on screen are marked, over the chart and the program,
// until they run.
void TstGui::changedParametersAreMarked() {
    MainWindow w(quiet());
    QSignalSpy ended(&w, &MainWindow::runEnded);
    w.show();
    child<QAction>(w, "auto-run-action")->setChecked(false);
    QVERIFY(w.selectPattern(QStringLiteral("thread-pool"))); // already the one on show
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    auto* marker = child<QLabel>(w, "params-changed");
    auto* pythonMarker = child<QLabel>(w, "python-params-changed");
    QVERIFY(!marker->isVisible());
    QVERIFY(pythonMarker->isHidden());
    w.parameterPanel()->setValue("workers", 2LL);
    QVERIFY(marker->isVisible());
    QVERIFY2(marker->text().contains(QStringLiteral("Parameters changed")) &&
                 marker->text().contains(QStringLiteral("F5")),
             qPrintable(marker->text()));
    QVERIFY(!pythonMarker->isHidden()); // on the Python tab, not the one shown
    QVERIFY(w.pythonText().contains(QStringLiteral("max_workers=2")));
    w.showTab(QStringLiteral("python"));
    saveWindowGrab(&w, QStringLiteral("parameters-changed"));
    // Back to the values on screen: nothing to mark.
    w.parameterPanel()->setValue("workers", 4LL);
    QVERIFY(!marker->isVisible());
    w.parameterPanel()->setValue("workers", 2LL);
    ended.clear();
    w.run();
    QVERIFY(ended.wait(kRunTimeoutMs));
    QVERIFY(!marker->isVisible());
    QVERIFY(pythonMarker->isHidden());
}

QTEST_MAIN(TstGui)
#include "tst_gui.moc"
