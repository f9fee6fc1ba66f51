#include "main_window.h"

#include "chart/chart_exporter.h"
#include "chart/zoom_state.h"
#include "compare_view.h"
#include "core_text.h"
#include "gantt_view.h"
#include "language.h"
#include "parameter_panel.h"
#include "patterns/pattern_registry.h"
#include "python_highlighter.h"
#include "summary_view.h"
#include "time_ruler.h"
#include "trace/chrome_trace_reader.h"
#include "trace/chrome_trace_writer.h"
#include "trace/csv_writer.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <array>
#include <limits>

// Q_INIT_RESOURCE may not appear inside a namespace; the resources live in the static
// tasklane_gui library, so something must pull them in.
static void initTasklaneResources() {
    Q_INIT_RESOURCE(tasklane);
}

namespace tasklane {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

constexpr int kPatternIdRole = Qt::UserRole;
constexpr int kSectionRole = Qt::UserRole + 1; // a chapter's items: the section that made it
constexpr int kAutoRunDelayMs = 400;
// Auto-run re-runs by itself only what is expected to take less than this: a longer run
// starts when the user presses Run, not at every step of a slider.
constexpr double kAutoRunLimitMs = 2000;

namespace key {
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString mainSplitter = QStringLiteral("window/mainSplitter");
const QString rightSplitter = QStringLiteral("window/rightSplitter");
const QString pattern = QStringLiteral("run/pattern");
const QString groupBy = QStringLiteral("run/groupBy");
const QString autoRun = QStringLiteral("run/autoRun");
const QString exportDir = QStringLiteral("export/dir");
const QString openDir = QStringLiteral("open/dir");
QString param(const std::string& pattern, const std::string& name) {
    return QStringLiteral("params/%1/%2").arg(qs(pattern), qs(name));
}
} // namespace key

// The tutorial's chapters, for the pattern list. The Korean originals go in the tooltips:
// the tutorial is Korean, and its readers will look for these headings.
struct Chapter {
    QString title;
    QString original;
};

Chapter chapterOf(const QString& section) {
    const QString number = section.section(u'.', 0, 0);
    if (number == u"2")
        return {MainWindow::tr("2  Multiprocessing"), QStringLiteral("2. 멀티프로세싱")};
    if (number == u"3")
        return {MainWindow::tr("3  Asynchronous programming"),
                QStringLiteral("3. 비동기 프로그래밍")};
    if (number == u"4")
        return {MainWindow::tr("4  concurrent.futures"),
                QStringLiteral("4. concurrent.futures 모듈")};
    if (number == u"5")
        return {MainWindow::tr("5  Parallel vs. asynchronous"),
                QStringLiteral("5. 병렬 처리와 비동기 프로그래밍의 차이점")};
    return {MainWindow::tr("%1  Other").arg(number), QString()};
}

QFont monospace() {
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    return font;
}

// What reading a trace file on the worker thread leaves for the window.
struct OpenedTrace {
    std::shared_ptr<const RunResult> result; // the trace, with Tasklane's metrics of it
    std::shared_ptr<const GanttRows> rows;
    QString outputText; // its instants, which are printed lines in Tasklane's traces
    qint64 size = 0;
    quint64 languageGeneration = 0; // Language::generation() when the read started
    ChromeTraceReader::Error error; // when result is null
};

// The first local .json file among dropped URLs, or empty.
QString droppedTracePath(const QMimeData* mime) {
    if (mime == nullptr || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() &&
            url.toLocalFile().endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
            return url.toLocalFile();
    return {};
}

// A trace's instant events' labels in time order: the lines a Tasklane program printed.
std::vector<std::string> instantLines(const Trace& t) {
    std::vector<std::pair<std::int64_t, QString>> instants;
    for (const TraceEvent& e : t.events)
        if (e.type == EventType::Instant)
            instants.emplace_back(e.begin_ns, QString::fromStdString(std::string(t.label(e))));
    std::stable_sort(instants.begin(), instants.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> lines;
    lines.reserve(instants.size());
    for (const auto& [at, label] : instants)
        lines.push_back(label.toStdString());
    return lines;
}

// The Output tab for an opened trace named `name`, its instants being `instants`.
QString openedOutputText(const QString& name, const QString& instants) {
    return instants.isEmpty()
               ? MainWindow::tr("%1 has no instant events (a program's printed lines are "
                                "instants in Tasklane's traces).")
                     .arg(name)
               : MainWindow::tr("Instant events in %1, in time order (in Tasklane's traces, what "
                                "the program printed):\n\n%2")
                     .arg(name, instants);
}

// Why a trace was refused, and where, in the window's language. The reader's reason is
// English (the command line prints it); its message is the same sentence, translatable.
QString whereAndWhy(const ChromeTraceReader::Error& e) {
    const QString reason = e.message.source.empty() ? e.reason : coretext::message(e.message);
    if (e.line <= 0)
        return reason;
    return QCoreApplication::translate("tasklane::MainWindow", "line %1, column %2: %3")
        .arg(e.line)
        .arg(e.column)
        .arg(reason);
}

OpenedTrace readTrace(const QString& path, GroupBy groupBy, const QLocale& locale,
                      quint64 language) {
    OpenedTrace out;
    out.languageGeneration = language;
    out.size = QFileInfo(path).size();
    std::optional<Trace> trace = ChromeTraceReader::read(path, &out.error);
    if (!trace)
        return out;
    auto result = std::make_shared<RunResult>();
    result->trace = std::move(*trace);
    const Trace& t = result->trace;
    // Efficiency against the threads that did any work: the file does not say how many
    // workers could run at once.
    std::vector<bool> worked(t.tracks.size(), false);
    for (const TraceEvent& e : t.events)
        if (e.type == EventType::Slice && e.state == State::Running && e.track < worked.size())
            worked[e.track] = true;
    const auto workers = int(std::count(worked.begin(), worked.end(), true));
    result->metrics = computeMetrics(t, t.beginNs(), t.endNs(), std::max(1, workers));
    out.outputText =
        RunController::outputText(instantLines(t), RunController::kOutputDisplayLimit, locale);
    out.rows = std::make_shared<GanttRows>(t, groupBy);
    out.result = std::move(result);
    return out;
}

QString stateTitle(State state) {
    return stateLabel(state);
}

// The Summary tab for an opened trace: what the file holds, and how its time was spent.
// Speedup and the sequential estimate are Tasklane's measures of tasks; they are shown only
// when the file has tasks (Tasklane's own traces do).
QString openedSummaryHtml(const QString& path, qint64 size, const RunResult& run) {
    const Trace& t = run.trace;
    const QLocale locale;
    const auto ms = [&](double value) {
        return MainWindow::tr("%1 ms").arg(locale.toString(value, 'f', value < 10 ? 2 : 1));
    };
    const auto row = [](const QString& name, const QString& value, const QString& note = {}) {
        return QStringLiteral("<tr><td style='padding-right:16px'>%1</td>"
                              "<td align='right'><b>%2</b></td>"
                              "<td style='padding-left:12px; color:#5a626c'>%3</td></tr>")
            .arg(name.toHtmlEscaped(), value.toHtmlEscaped(), note.toHtmlEscaped());
    };
    std::size_t slices = 0, instants = 0, counters = 0, flows = 0;
    bool tasks = false;
    std::array<std::int64_t, kStateCount> byState{};
    std::vector<std::int64_t> busy(t.tracks.size(), 0);
    // Where each track's running time is counted up to: another tool's slices nest (a
    // function inside the function that called it), and a thread is busy once for both.
    // Events come sorted by track, then begin, so a single pass takes the union.
    std::vector<std::int64_t> counted(t.tracks.size(), std::numeric_limits<std::int64_t>::min());
    for (const TraceEvent& e : t.events) {
        switch (e.type) {
        case EventType::Slice:
        case EventType::AsyncSlice:
            ++slices;
            byState[std::size_t(e.state)] += e.duration_ns();
            if (e.type == EventType::Slice && e.state == State::Running && e.track < busy.size()) {
                std::int64_t& until = counted[e.track];
                busy[e.track] += std::max<std::int64_t>(0, e.end_ns - std::max(e.begin_ns, until));
                until = std::max(until, e.end_ns);
            }
            tasks = tasks || e.task != 0;
            break;
        case EventType::Instant:
            ++instants;
            break;
        case EventType::Counter:
            ++counters;
            break;
        case EventType::FlowStart:
        case EventType::FlowEnd:
            ++flows;
            break;
        }
    }
    const double spanMs = double(t.endNs() - t.beginNs()) / 1e6;

    QString out =
        QStringLiteral("<h3>%1</h3><table cellspacing=2>")
            .arg(
                MainWindow::tr("Opened trace: %1").arg(QFileInfo(path).fileName()).toHtmlEscaped());
    out +=
        row(MainWindow::tr("File"), QDir::toNativeSeparators(path), locale.formattedDataSize(size));
    out += row(MainWindow::tr("Events"), locale.toString(qulonglong(t.events.size())),
               MainWindow::tr("%1 slices, %2 instants, %3 counter samples, %4 flow ends")
                   .arg(slices)
                   .arg(instants)
                   .arg(counters)
                   .arg(flows));
    out += row(MainWindow::tr("Tracks"), locale.toString(qulonglong(t.tracks.size())));
    out += row(MainWindow::tr("Time span"), ms(spanMs), MainWindow::tr("first event to last"));
    const Metrics& m = run.metrics;
    if (tasks) {
        out += row(MainWindow::tr("Sequential estimate"), ms(m.sequential_ms),
                   MainWindow::tr("the tasks' own work, back to back on one thread"));
        out += row(MainWindow::tr("Speedup"),
                   MainWindow::tr("%1×").arg(locale.toString(m.speedup, 'f', 2)),
                   MainWindow::tr("sequential ÷ time span"));
    }
    if (t.maxCpu() >= 0)
        out += row(MainWindow::tr("Cores used"), locale.toString(m.cores_used),
                   MainWindow::tr("cores busy at least 5 % of the span"));
    out += QStringLiteral("</table>");

    QString states;
    for (int s = 0; s < kStateCount; ++s)
        if (byState[std::size_t(s)] > 0)
            states += row(stateTitle(State(s)), ms(double(byState[std::size_t(s)]) / 1e6));
    if (!states.isEmpty())
        out +=
            QStringLiteral("<p><b>%1</b></p><table cellspacing=2>%2</table>")
                .arg(MainWindow::tr("Time by state, summed over slices").toHtmlEscaped(), states);

    // The busiest tracks: a file may hold hundreds.
    std::vector<std::size_t> order(busy.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return busy[a] > busy[b]; });
    QString tracks;
    const std::size_t shown = std::min<std::size_t>(order.size(), 12);
    for (std::size_t i = 0; i < shown && busy[order[i]] > 0; ++i) {
        const double share = spanMs > 0 ? double(busy[order[i]]) / 1e6 / spanMs : 0;
        tracks +=
            row(QString::fromStdString(t.tracks[order[i]].name), ms(double(busy[order[i]]) / 1e6),
                MainWindow::tr("%1 % of the span").arg(locale.toString(share * 100, 'f', 0)));
    }
    if (!tracks.isEmpty())
        out += QStringLiteral("<p><b>%1</b></p><table cellspacing=2>%2</table>")
                   .arg(MainWindow::tr("Running time by track").toHtmlEscaped(), tracks);
    return out;
}

QPlainTextEdit* readOnlyText(const QString& objectName) {
    auto* edit = new QPlainTextEdit;
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setFont(monospace());
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return edit;
}

} // namespace

MainWindow::MainWindow(Options options, QWidget* parent)
    : QMainWindow(parent)
    , options_(options) {
    initTasklaneResources();
    patterns_ = options_.patterns;
    if (patterns_.empty())
        for (const auto& pattern : PatternRegistry::instance().all())
            patterns_.push_back(pattern.get());
    setObjectName(QStringLiteral("main-window"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tasklane.svg")));
    setAcceptDrops(true); // a trace file dropped on the window opens

    runner_ = new RunController(this);
    autoRunTimer_ = new QTimer(this);
    autoRunTimer_->setSingleShot(true);
    autoRunTimer_->setInterval(kAutoRunDelayMs);
    elapsedTimer_ = new QTimer(this);
    elapsedTimer_->setInterval(100);

    buildActions();
    buildMenus();
    buildCentre();
    buildStatusBar();
    retranslateUi();

    connect(runner_, &RunController::started, this, &MainWindow::runStarted);
    connect(runner_, &RunController::progress, this, &MainWindow::runProgress);
    connect(runner_, &RunController::finished, this, &MainWindow::runFinished);
    connect(runner_, &RunController::runningChanged, this, &MainWindow::updateRunState);
    connect(autoRunTimer_, &QTimer::timeout, this, &MainWindow::run);
    connect(elapsedTimer_, &QTimer::timeout, this, [this] {
        elapsedLabel_->setText(
            tr("%1 s").arg(QLocale().toString(double(runClock_.elapsed()) / 1000, 'f', 1)));
    });
    connect(panel_, &ParameterPanel::paramsChanged, this, &MainWindow::parametersChanged);
    // The panel's error line, which the Run button's tooltip repeats, in a new language.
    connect(panel_, &ParameterPanel::retranslated, this, &MainWindow::updateRunState);

    resize(1280, 800);
    populatePatterns();
    restoreSettings();
    updateRunState();

    if (options_.runOnStart)
        QTimer::singleShot(0, this, &MainWindow::run);
}

MainWindow::~MainWindow() {
    saveSettings();
}

void MainWindow::buildActions() {
    // Texts and tooltips: retranslateUi(); the run action's, which says Run or Stop,
    // updateRunState().
    runAction_ = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    runAction_->setObjectName(QStringLiteral("run-action"));
    runAction_->setShortcut(QKeySequence(Qt::Key_F5));
    connect(runAction_, &QAction::triggered, this, [this] { isRunning() ? stop() : run(); });
    auto* stopShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(stopShortcut, &QShortcut::activated, this, [this] {
        if (isRunning())
            stop();
    });

    autoRunAction_ = new QAction(this);
    autoRunAction_->setObjectName(QStringLiteral("auto-run-action"));
    autoRunAction_->setCheckable(true);

    resetAction_ = new QAction(this);
    connect(resetAction_, &QAction::triggered, this, [this] { panel_->resetToDefaults(); });

    fitAction_ = new QAction(this);
    fitAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(fitAction_, &QAction::triggered, this, [this] { view_->fit(); });
    // F, as in other trace viewers; Ctrl+0 stays for those who learnt it.
    fitAction_->setShortcuts({QKeySequence(Qt::Key_F), QKeySequence(Qt::CTRL | Qt::Key_0)});

    // Zoom history, as a browser's: the view's ZoomState keeps it (see buildCentre).
    backAction_ = new QAction(this);
    backAction_->setObjectName(QStringLiteral("zoom-back-action"));
    backAction_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    backAction_->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    backAction_->setEnabled(false);
    connect(backAction_, &QAction::triggered, this, [this] { view_->zoomState()->back(); });
    forwardAction_ = new QAction(this);
    forwardAction_->setObjectName(QStringLiteral("zoom-forward-action"));
    forwardAction_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    forwardAction_->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    forwardAction_->setEnabled(false);
    connect(forwardAction_, &QAction::triggered, this, [this] { view_->zoomState()->forward(); });
    zoomSelectionAction_ = new QAction(this);
    zoomSelectionAction_->setObjectName(QStringLiteral("zoom-selection-action"));
    zoomSelectionAction_->setShortcut(QKeySequence(Qt::Key_Z));
    zoomSelectionAction_->setEnabled(false);
    connect(zoomSelectionAction_, &QAction::triggered, this,
            [this] { view_->zoomState()->zoomToSelection(); });
    clearSelectionAction_ = new QAction(this);
    clearSelectionAction_->setObjectName(QStringLiteral("clear-selection-action"));
    clearSelectionAction_->setEnabled(false);
    connect(clearSelectionAction_, &QAction::triggered, this,
            [this] { view_->zoomState()->clearSelection(); });

    pinAction_ = new QAction(this);
    pinAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(pinAction_, &QAction::triggered, this, [this] {
        if (pinCurrentRun())
            showTab(QStringLiteral("compare"));
    });

    groupByActions_ = new QActionGroup(this);
    for (const GroupBy groupBy : {GroupBy::Worker, GroupBy::Core, GroupBy::Both}) {
        auto* action = groupByActions_->addAction(QString());
        action->setCheckable(true);
        action->setData(groupByName(groupBy));
    }
    connect(groupByActions_, &QActionGroup::triggered, this, [this](QAction* action) {
        if (const auto g = groupByFromName(action->data().toString()))
            setGroupBy(*g);
    });

    openAction_ = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), QString(), this);
    openAction_->setObjectName(QStringLiteral("open-action"));
    openAction_->setShortcut(QKeySequence::Open);
    connect(openAction_, &QAction::triggered, this, &MainWindow::openWithDialog);

    exportChartAction_ = new QAction(this);
    exportChartAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(exportChartAction_, &QAction::triggered, this,
            [this] { exportWithDialog(ExportKind::Chart); });
    exportPngAction_ = new QAction(this);
    connect(exportPngAction_, &QAction::triggered, this,
            [this] { exportWithDialog(ExportKind::Chart, QStringLiteral("png")); });
    exportSvgAction_ = new QAction(this);
    connect(exportSvgAction_, &QAction::triggered, this,
            [this] { exportWithDialog(ExportKind::Chart, QStringLiteral("svg")); });
    exportPdfAction_ = new QAction(this);
    connect(exportPdfAction_, &QAction::triggered, this,
            [this] { exportWithDialog(ExportKind::Chart, QStringLiteral("pdf")); });
    exportTraceAction_ = new QAction(this);
    connect(exportTraceAction_, &QAction::triggered, this,
            [this] { exportWithDialog(ExportKind::Trace); });
    exportCsvAction_ = new QAction(this);
    connect(exportCsvAction_, &QAction::triggered, this,
            [this] { exportWithDialog(ExportKind::Csv); });

    quitAction_ = new QAction(this);
    quitAction_->setShortcut(QKeySequence::Quit);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    aboutAction_ = new QAction(this);
    connect(aboutAction_, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Tasklane"),
            tr("<h3>Tasklane %1</h3><p>A laboratory for concurrency: runs the patterns of a "
               "Python concurrency tutorial natively in C++ (processes, thread pools, asyncio), "
               "records every task's life and draws it as a Gantt chart across cores, workers "
               "and the event loop.</p><p>The GIL is a model of CPython's, not measured.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::buildMenus() {
    // Titles: retranslateUi().
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(openAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(exportChartAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);

    runMenu_ = menuBar()->addMenu(QString());
    runMenu_->addAction(runAction_);
    runMenu_->addAction(autoRunAction_);
    runMenu_->addSeparator();
    runMenu_->addAction(pinAction_);
    runMenu_->addSeparator();
    runMenu_->addAction(resetAction_);

    viewMenu_ = menuBar()->addMenu(QString());
    groupMenu_ = viewMenu_->addMenu(QString());
    groupMenu_->addActions(groupByActions_->actions());
    viewMenu_->addAction(fitAction_);
    viewMenu_->addAction(backAction_);
    viewMenu_->addAction(forwardAction_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(zoomSelectionAction_);
    viewMenu_->addAction(clearSelectionAction_);
    viewMenu_->addSeparator();
    // Also in the row names' context menu; a click on a process's triangle does one.
    collapseAllAction_ = viewMenu_->addAction(QString());
    collapseAllAction_->setObjectName(QStringLiteral("collapse-processes-action"));
    connect(collapseAllAction_, &QAction::triggered, this,
            [this] { view_->setAllProcessesCollapsed(true); });
    expandAllAction_ = viewMenu_->addAction(QString());
    expandAllAction_->setObjectName(QStringLiteral("expand-processes-action"));
    connect(expandAllAction_, &QAction::triggered, this,
            [this] { view_->setAllProcessesCollapsed(false); });

    exportMenu_ = menuBar()->addMenu(QString());
    exportMenu_->addAction(exportChartAction_);
    exportMenu_->addSeparator();
    exportMenu_->addAction(exportPngAction_);
    exportMenu_->addAction(exportSvgAction_);
    exportMenu_->addAction(exportPdfAction_);
    exportMenu_->addSeparator();
    exportMenu_->addAction(exportTraceAction_);
    exportMenu_->addAction(exportCsvAction_);

    helpMenu_ = menuBar()->addMenu(QString());
    // Each language is named in itself, so that someone who cannot read the current one
    // still finds theirs.
    languageMenu_ = helpMenu_->addMenu(QString());
    languageMenu_->setObjectName(QStringLiteral("language-menu"));
    languageActions_ = new QActionGroup(this);
    const std::pair<Language::Choice, QString> languages[] = {
        {Language::Choice::System, QString()}, // "System (English)": retranslateUi()
        {Language::Choice::English, QStringLiteral("English")},
        {Language::Choice::Korean, QStringLiteral("한국어")},
    };
    const Language::Choice stored = Language::stored();
    for (const auto& [choice, text] : languages) {
        QAction* action = languageActions_->addAction(text);
        action->setCheckable(true);
        action->setChecked(choice == stored);
        action->setData(Language::settingsName(choice));
        action->setObjectName(QStringLiteral("language-") + Language::settingsName(choice));
        languageMenu_->addAction(action);
    }
    connect(languageActions_, &QActionGroup::triggered, this, &MainWindow::languageChosen);
    helpMenu_->addSeparator();
    helpMenu_->addAction(aboutAction_);
}

void MainWindow::buildCentre() {
    // Left: what to run.
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 4, 8);

    // Texts: retranslateUi().
    patternsLabel_ = new QLabel;
    leftLayout->addWidget(patternsLabel_);
    patternList_ = new QTreeWidget;
    patternList_->setObjectName(QStringLiteral("pattern-list"));
    patternList_->setHeaderHidden(true);
    patternList_->setRootIsDecorated(false);
    patternList_->setIndentation(12);
    patternList_->setUniformRowHeights(true);
    patternList_->setMinimumHeight(120);
    leftLayout->addWidget(patternList_, 2);
    connect(patternList_, &QTreeWidget::currentItemChanged, this, &MainWindow::patternSelected);

    description_ = new QLabel;
    description_->setObjectName(QStringLiteral("pattern-description"));
    description_->setWordWrap(true);
    description_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    description_->setForegroundRole(QPalette::PlaceholderText);
    leftLayout->addWidget(description_);

    paramsLabel_ = new QLabel;
    leftLayout->addSpacing(6);
    leftLayout->addWidget(paramsLabel_);
    panel_ = new ParameterPanel;
    panel_->setObjectName(QStringLiteral("parameter-panel"));
    auto* panelScroll = new QScrollArea;
    panelScroll->setWidget(panel_);
    panelScroll->setWidgetResizable(true);
    panelScroll->setFrameShape(QFrame::NoFrame);
    panelScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    leftLayout->addWidget(panelScroll, 3);

    runButton_ = new QPushButton;
    runButton_->setObjectName(QStringLiteral("run-button"));
    runButton_->setMinimumHeight(34);
    runButton_->setDefault(true);
    connect(runButton_, &QPushButton::clicked, runAction_, &QAction::trigger);
    leftLayout->addWidget(runButton_);

    // Right: the chart over the tabs.
    auto* chartArea = new QWidget;
    auto* chartLayout = new QVBoxLayout(chartArea);
    chartLayout->setContentsMargins(4, 8, 8, 0);
    auto* header = new QHBoxLayout;
    chartHeading_ = new QLabel;
    chartHeading_->setObjectName(QStringLiteral("chart-heading"));
    chartHeading_->setTextFormat(Qt::RichText);
    // A long heading wraps onto a second line, and is not allowed to widen the window.
    chartHeading_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    chartHeading_->setWordWrap(true);
    chartHeading_->setMinimumWidth(50);
    header->addWidget(chartHeading_, 1);
    groupLabel_ = new QLabel;
    header->addWidget(groupLabel_);
    groupByBox_ = new QComboBox;
    groupByBox_->setObjectName(QStringLiteral("group-by"));
    for (const GroupBy groupBy : {GroupBy::Worker, GroupBy::Core, GroupBy::Both})
        groupByBox_->addItem(QString(), groupByName(groupBy));
    groupLabel_->setBuddy(groupByBox_);
    header->addWidget(groupByBox_);
    for (QAction* action : {backAction_, forwardAction_}) {
        auto* button = new QToolButton;
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        header->addWidget(button);
    }
    auto* fitButton = new QToolButton;
    fitButton->setDefaultAction(fitAction_);
    header->addWidget(fitButton);
    chartLayout->addLayout(header);
    connect(groupByBox_, &QComboBox::currentIndexChanged, this, [this] {
        if (const auto g = groupByFromName(groupByBox_->currentData().toString()))
            setGroupBy(*g);
    });

    view_ = new GanttView;
    chartScroll_ = new QScrollArea;
    chartScroll_->setObjectName(QStringLiteral("chart-scroll"));
    chartScroll_->setWidget(view_);
    chartScroll_->setWidgetResizable(true);
    chartScroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    chartScroll_->setFrameShape(QFrame::StyledPanel);
    // The whole run over the chart, in sight however far the rows scroll.
    ruler_ = new TimeRuler;
    ruler_->setView(view_);
    chartLayout->addWidget(ruler_);
    chartLayout->addWidget(chartScroll_, 1);
    selectionLabel_ = new QLabel;
    selectionLabel_->setObjectName(QStringLiteral("selection-stats"));
    selectionLabel_->setTextFormat(Qt::RichText);
    selectionLabel_->setWordWrap(true);
    selectionLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    selectionLabel_->hide();
    chartLayout->addWidget(selectionLabel_);
    connect(view_, &GanttView::selectionStatsChanged, this, [this] {
        const QString text = view_->selectionSummary();
        selectionLabel_->setText(text);
        selectionLabel_->setToolTip(view_->selectionDetails());
        selectionLabel_->setVisible(!text.isEmpty());
        zoomSelectionAction_->setEnabled(!text.isEmpty());
        clearSelectionAction_->setEnabled(!text.isEmpty());
    });
    connect(view_->zoomState(), &ZoomState::historyChanged, this, [this] {
        backAction_->setEnabled(view_->zoomState()->canGoBack());
        forwardAction_->setEnabled(view_->zoomState()->canGoForward());
    });
    conclusion_ = new QLabel;
    conclusion_->setObjectName(QStringLiteral("conclusion"));
    conclusion_->setWordWrap(true);
    conclusion_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    conclusion_->hide();
    chartLayout->addWidget(conclusion_);
    connect(view_, &GanttView::highlightChanged, this, [this] {
        if (const auto task = view_->highlightTask())
            statusBar()->showMessage(tr("Task %1 highlighted; click it again to clear.").arg(*task),
                                     4000);
    });
    // A few million slices take a moment to sort into new rows; the chart keeps the old ones
    // meanwhile and the status bar says why it has not changed yet.
    connect(view_, &GanttView::regroupingChanged, this, [this](bool regrouping) {
        // The view's wish, which the menu sets before the box follows.
        const QString grouping =
            groupByBox_->itemText(groupByBox_->findData(groupByName(view_->groupBy())));
        if (regrouping)
            statusBar()->showMessage(tr("Regrouping %L1 slices (%2)…")
                                         .arg(qulonglong(view_->sliceCount()))
                                         .arg(grouping));
        else
            statusBar()->showMessage(tr("Rows regrouped (%1).").arg(grouping), 3000);
    });

    tabs_ = new QTabWidget;
    tabs_->setObjectName(QStringLiteral("tabs"));
    tabs_->setDocumentMode(true);
    output_ = readOnlyText(QStringLiteral("output-text"));
    // A printed list of a thousand squares is one line: wrap it rather than scroll sideways.
    output_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    python_ = readOnlyText(QStringLiteral("python-text"));
    new PythonHighlighter(python_->document());
    summary_ = new SummaryView;
    tabs_->addTab(output_, QString());
    tabs_->addTab(python_, QString());
    tabs_->addTab(summary_, QString());
    compare_ = new CompareView;
    compare_->setObjectName(QStringLiteral("compare-view"));
    tabs_->addTab(compare_, QString());
    connect(compare_, &CompareView::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(compare_, &CompareView::pinRequested, this, [this] {
        if (!pinCurrentRun())
            statusBar()->showMessage(tr("No run to pin yet: run a pattern first."), 6000);
    });
    connect(compare_, &CompareView::exportRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Compared Runs"), defaultExportName(QStringLiteral("png")),
            tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
        if (path.isEmpty())
            return;
        QString error;
        if (compare_->exportChart(path, &error))
            statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 8000);
        else
            showError(tr("Export failed"), error);
    });
    // The Python tab's corner: copy the program, to paste it into a file and run it.
    copyButton_ = new QToolButton;
    copyButton_->setObjectName(QStringLiteral("copy-python"));
    copyButton_->setAutoRaise(true);
    connect(copyButton_, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(python_->toPlainText());
        statusBar()->showMessage(tr("Python program copied."), 4000);
    });
    tabs_->setCornerWidget(copyButton_, Qt::TopRightCorner);
    copyButton_->setVisible(false);
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        copyButton_->setVisible(tabs_->currentWidget() == python_);
        // Four stacked charts need room: the Compare tab takes most of the height while shown.
        if (tabs_->currentWidget() == compare_) {
            sizesBeforeCompare_ = rightSplitter_->sizes();
            const int total = sizesBeforeCompare_.value(0) + sizesBeforeCompare_.value(1);
            rightSplitter_->setSizes({total / 4, total - total / 4});
        } else if (!sizesBeforeCompare_.isEmpty()) {
            rightSplitter_->setSizes(sizesBeforeCompare_);
            sizesBeforeCompare_.clear();
        }
    });

    rightSplitter_ = new QSplitter(Qt::Vertical);
    rightSplitter_->setObjectName(QStringLiteral("right-splitter"));
    rightSplitter_->addWidget(chartArea);
    rightSplitter_->addWidget(tabs_);
    rightSplitter_->setStretchFactor(0, 3);
    rightSplitter_->setStretchFactor(1, 1);
    rightSplitter_->setChildrenCollapsible(false);
    rightSplitter_->setSizes({490, 280});

    mainSplitter_ = new QSplitter(Qt::Horizontal);
    mainSplitter_->setObjectName(QStringLiteral("main-splitter"));
    mainSplitter_->addWidget(left);
    mainSplitter_->addWidget(rightSplitter_);
    mainSplitter_->setStretchFactor(0, 0);
    mainSplitter_->setStretchFactor(1, 1);
    mainSplitter_->setChildrenCollapsible(false);
    mainSplitter_->setSizes({350, 930});
    setCentralWidget(mainSplitter_);

    toolbar_ = addToolBar(QString());
    toolbar_->setObjectName(QStringLiteral("main-toolbar"));
    toolbar_->setMovable(false);
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar_->addAction(runAction_);
    toolbar_->addAction(autoRunAction_);
    toolbar_->addSeparator();
    toolbar_->addAction(exportChartAction_);
}

void MainWindow::buildStatusBar() {
    elapsedLabel_ = new QLabel;
    elapsedLabel_->setObjectName(QStringLiteral("elapsed"));
    elapsedLabel_->hide();
    progress_ = new QProgressBar;
    progress_->setObjectName(QStringLiteral("run-progress"));
    progress_->setMaximumWidth(220);
    progress_->setTextVisible(true);
    progress_->hide();
    statusBar()->addPermanentWidget(elapsedLabel_);
    statusBar()->addPermanentWidget(progress_);
    openProgress_ = new QProgressBar;
    openProgress_->setObjectName(QStringLiteral("open-progress"));
    openProgress_->setRange(0, 0); // busy: a file's read has no count to show
    openProgress_->setMaximumWidth(160);
    openProgress_->hide();
    statusBar()->addPermanentWidget(openProgress_);
}

void MainWindow::populatePatterns() {
    const QSignalBlocker blocker(patternList_);
    patternList_->clear();
    std::map<QString, QTreeWidgetItem*> chapters;
    for (const Pattern* pattern : patterns_) {
        const QString section = qs(pattern->section());
        const Chapter chapter = chapterOf(section);
        QTreeWidgetItem*& parent = chapters[chapter.title];
        if (parent == nullptr) {
            parent = new QTreeWidgetItem(patternList_);
            parent->setData(0, kSectionRole, section);
            parent->setFlags(Qt::ItemIsEnabled);
            QFont bold = parent->font(0);
            bold.setBold(true);
            parent->setFont(0, bold);
            parent->setExpanded(true);
            setPatternItemTexts(parent);
        }
        auto* item = new QTreeWidgetItem(parent);
        item->setData(0, kPatternIdRole, qs(pattern->id()));
        setPatternItemTexts(item);
    }
    patternList_->expandAll();
}

// A chapter's title, or a pattern's line and tooltip, in the current language.
void MainWindow::setPatternItemTexts(QTreeWidgetItem* item) const {
    const QString id = item->data(0, kPatternIdRole).toString();
    if (id.isEmpty()) {
        const Chapter chapter = chapterOf(item->data(0, kSectionRole).toString());
        item->setText(0, chapter.title);
        item->setToolTip(0, chapter.original);
        return;
    }
    const Pattern* pattern = findPattern(id.toStdString());
    if (pattern == nullptr)
        return;
    item->setText(0, QStringLiteral("%1  %2 · %3")
                         .arg(qs(pattern->section()), coretext::pattern(pattern->title()),
                              qs(pattern->tutorialHeading())));
    item->setToolTip(
        0, QStringLiteral("<b>%1</b><br>%2")
               .arg(qs(pattern->id()), coretext::pattern(pattern->description()).toHtmlEscaped()));
}

void MainWindow::retranslatePatterns() {
    // In place: the current item, and with it the pattern and its parameters, stay.
    const QSignalBlocker blocker(patternList_);
    for (QTreeWidgetItemIterator it(patternList_); *it; ++it)
        setPatternItemTexts(*it);
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        // Widgets keep the number format they were made with: the spin boxes take the new
        // default (Language::apply) from here, and show their values in it.
        unsetLocale();
        retranslateUi();
    }
}

void MainWindow::retranslateUi() {
    setWindowTitle(tr("Tasklane"));

    autoRunAction_->setText(tr("&Auto-run on Change"));
    autoRunAction_->setToolTip(
        tr("Run again shortly after every parameter change, when the run takes under 2 s"));
    resetAction_->setText(tr("Reset &Parameters"));
    resetAction_->setToolTip(tr("Back to the tutorial's values"));
    fitAction_->setText(tr("&Fit Chart"));
    fitAction_->setToolTip(tr("Show the whole run (or double-click the chart)"));
    backAction_->setText(tr("Zoom &Back"));
    backAction_->setToolTip(tr("Back to the previous zoom (Alt+Left)"));
    forwardAction_->setText(tr("Zoom F&orward"));
    forwardAction_->setToolTip(tr("Forward to the zoom you went back from (Alt+Right)"));
    zoomSelectionAction_->setText(tr("&Zoom to Selection"));
    zoomSelectionAction_->setToolTip(
        tr("Show the selected time range (select with Shift+drag or a right-drag on the chart)"));
    clearSelectionAction_->setText(tr("C&lear Selection"));
    pinAction_->setText(tr("&Pin Run for Comparison"));
    pinAction_->setToolTip(tr("Add the run on screen to the Compare tab (Ctrl+P)"));
    for (QAction* action : groupByActions_->actions()) {
        switch (groupByFromName(action->data().toString()).value_or(GroupBy::Both)) {
        case GroupBy::Worker:
            action->setText(tr("By &Worker"));
            break;
        case GroupBy::Core:
            action->setText(tr("By &Core"));
            break;
        case GroupBy::Both:
            action->setText(tr("&Both: Cores, then Workers"));
            break;
        }
    }
    openAction_->setText(tr("&Open Trace…"));
    openAction_->setToolTip(tr("Show a Chrome/Perfetto JSON trace: Tasklane's own, or one "
                               "from VizTracer and other tools (Ctrl+O, or drop the file here)"));
    exportChartAction_->setText(tr("Export &Chart…"));
    exportChartAction_->setToolTip(tr("Save the chart as PNG, SVG or PDF (Ctrl+E)"));
    exportPngAction_->setText(tr("Chart as &PNG…"));
    exportSvgAction_->setText(tr("Chart as &SVG…"));
    exportPdfAction_->setText(tr("Chart as P&DF…"));
    exportTraceAction_->setText(tr("&Trace (Chrome/Perfetto JSON)…"));
    exportCsvAction_->setText(tr("&Events as CSV…"));
    quitAction_->setText(tr("&Quit"));
    aboutAction_->setText(tr("&About Tasklane"));

    fileMenu_->setTitle(tr("&File"));
    runMenu_->setTitle(tr("&Run"));
    viewMenu_->setTitle(tr("&View"));
    groupMenu_->setTitle(tr("&Group Rows"));
    collapseAllAction_->setText(tr("C&ollapse All Processes"));
    expandAllAction_->setText(tr("E&xpand All Processes"));
    exportMenu_->setTitle(tr("&Export"));
    helpMenu_->setTitle(tr("&Help"));
    languageMenu_->setTitle(tr("&Language"));
    for (QAction* action : languageActions_->actions())
        if (Language::fromSettingsName(action->data().toString()) == Language::Choice::System)
            action->setText(tr("&System (%1)").arg(QLocale::system().nativeLanguageName()));

    patternsLabel_->setText(tr("<b>Patterns</b>"));
    paramsLabel_->setText(tr("<b>Parameters</b>"));
    groupLabel_->setText(tr("Rows:"));
    for (int i = 0; i < groupByBox_->count(); ++i) {
        switch (groupByFromName(groupByBox_->itemData(i).toString()).value_or(GroupBy::Both)) {
        case GroupBy::Worker:
            groupByBox_->setItemText(i, tr("by worker"));
            break;
        case GroupBy::Core:
            groupByBox_->setItemText(i, tr("by core"));
            break;
        case GroupBy::Both:
            groupByBox_->setItemText(i, tr("cores, then workers"));
            break;
        }
    }
    groupByBox_->setToolTip(tr("Group the chart's rows by worker (thread, process, event "
                               "loop), by CPU core, or both"));
    output_->setPlaceholderText(tr("What the Python program prints appears here."));
    tabs_->setTabText(tabs_->indexOf(output_), tr("Output"));
    tabs_->setTabText(tabs_->indexOf(python_), tr("Python"));
    tabs_->setTabText(tabs_->indexOf(summary_), tr("Summary"));
    tabs_->setTabText(tabs_->indexOf(compare_), tr("Compare"));
    copyButton_->setText(tr("Copy"));
    copyButton_->setToolTip(tr("Copy the Python program to the clipboard"));
    toolbar_->setWindowTitle(tr("Main"));
    retranslatePatterns();

    // What is made from the state on screen. The parameter panel, the Compare tab, the chart
    // and its ruler do their own part when the event reaches them.
    if (pattern_ != nullptr)
        description_->setText(coretext::pattern(pattern_->description()));
    updateRunState();
    showResultHeading();
    showConclusion();
    if (result_ != nullptr) {
        QScrollBar* bar = summary_->verticalScrollBar();
        const int at = bar->value();
        showSummary();
        bar->setValue(at);
        // Only a note the controller added (the output was cut) is translated.
        if (const QString text = currentOutputText(); text != output_->toPlainText()) {
            QScrollBar* outputBar = output_->verticalScrollBar();
            const int outputAt = outputBar->value();
            output_->setPlainText(text);
            outputBar->setValue(outputAt);
        }
    }
    if (const QString selection = view_->selectionSummary(); !selection.isEmpty()) {
        selectionLabel_->setText(selection);
        selectionLabel_->setToolTip(view_->selectionDetails());
    }
    // The status line: what showStatus() put there, made again; any other message, a note
    // in the old language that would soon go anyway, goes now.
    if (const QString shown = statusBar()->currentMessage(); !shown.isEmpty()) {
        if (statusSource_ && shown == statusShown_)
            showStatus(statusSource_);
        else
            statusBar()->clearMessage();
    }
}

void MainWindow::showStatus(std::function<QString()> text) {
    statusSource_ = std::move(text);
    statusShown_ = statusSource_();
    statusBar()->showMessage(statusShown_);
}

void MainWindow::showConclusion() {
    QStringList sentences;
    if (result_ != nullptr && resultPattern_ != nullptr)
        for (const QString& sentence : coretext::conclusion(*result_))
            sentences << sentence.toHtmlEscaped();
    conclusion_->setText(sentences.isEmpty()
                             ? QString()
                             : QStringLiteral("<b>%1</b> %2")
                                   .arg(tr("Conclusion:"), sentences.join(QLatin1Char(' '))));
    conclusion_->setVisible(!sentences.isEmpty());
}

void MainWindow::showSummary() {
    if (result_ == nullptr)
        summary_->clearRun();
    else if (resultPattern_ != nullptr)
        summary_->setRun(QStringLiteral("%1  %2").arg(qs(resultPattern_->section()),
                                                      coretext::pattern(resultPattern_->title())),
                         *result_);
    else if (!openedPath_.isEmpty())
        summary_->setHtml(openedSummaryHtml(openedPath_, openedSize_, *result_));
}

QString MainWindow::currentOutputText() const {
    if (result_ == nullptr)
        return {};
    if (resultPattern_ != nullptr)
        return RunController::outputText(result_->output, RunController::kOutputDisplayLimit);
    return openedOutputText(QFileInfo(openedPath_).fileName(),
                            RunController::outputText(instantLines(result_->trace),
                                                      RunController::kOutputDisplayLimit));
}

bool MainWindow::showTab(const QString& name) {
    const std::pair<const char*, QWidget*> tabs[] = {
        {"output", output_}, {"python", python_}, {"summary", summary_}, {"compare", compare_}};
    for (const auto& [tabName, widget] : tabs)
        if (name.compare(QLatin1String(tabName), Qt::CaseInsensitive) == 0) {
            tabs_->setCurrentWidget(widget);
            return true;
        }
    return false;
}

bool MainWindow::pinCurrentRun() {
    if (result_ && resultPattern_ == nullptr && !openedPath_.isEmpty()) {
        compare_->pin({QFileInfo(openedPath_).fileName(), result_});
        return true;
    }
    if (!result_ || resultPattern_ == nullptr)
        return false;
    // Named by the pattern and the parameters that differ from the tutorial's.
    QStringList changed;
    for (const ParamSpec& spec : resultPattern_->params()) {
        if (!resultParams_.has(spec.name) || resultParams_.at(spec.name) == spec.defaultValue)
            continue;
        changed << QStringLiteral("%1 %2").arg(qs(spec.name),
                                               qs(ParamSpec::format(resultParams_.at(spec.name))));
    }
    QString name = qs(resultPattern_->id());
    if (!changed.isEmpty())
        name += QStringLiteral(" (%1)").arg(changed.join(QStringLiteral(", ")));
    compare_->pin({name, result_});
    return true;
}

QString MainWindow::conclusionText() const {
    return conclusion_->isVisible() || !conclusion_->text().isEmpty() ? conclusion_->text()
                                                                      : QString();
}

bool MainWindow::selectPattern(const QString& id) {
    for (QTreeWidgetItemIterator it(patternList_); *it; ++it)
        if ((*it)->data(0, kPatternIdRole).toString() == id) {
            patternList_->setCurrentItem(*it);
            return true;
        }
    return false;
}

const Pattern* MainWindow::findPattern(const std::string& id) const {
    for (const Pattern* p : patterns_)
        if (p->id() == id)
            return p;
    return nullptr;
}

Params MainWindow::storedParams(const Pattern& pattern) const {
    if (const auto it = paramsByPattern_.find(pattern.id()); it != paramsByPattern_.end())
        return it->second;
    Params out;
    const QSettings settings;
    for (const ParamSpec& spec : pattern.params()) {
        const QVariant stored = settings.value(key::param(pattern.id(), spec.name));
        if (!stored.isValid())
            continue;
        // A value that no longer parses (the range changed since) falls back to the default.
        auto parsed = spec.parse(stored.toString().toStdString());
        if (auto* value = std::get_if<ParamValue>(&parsed))
            out.set(spec.name, *value);
    }
    return out;
}

void MainWindow::patternSelected() {
    QTreeWidgetItem* item = patternList_->currentItem();
    const QString id = item ? item->data(0, kPatternIdRole).toString() : QString();
    const Pattern* next = id.isEmpty() ? nullptr : findPattern(id.toStdString());
    if (next == nullptr || next == pattern_)
        return;
    if (pattern_ != nullptr)
        paramsByPattern_[pattern_->id()] = panel_->params();
    pattern_ = next;
    description_->setText(coretext::pattern(pattern_->description()));
    panel_->setPattern(pattern_, storedParams(*pattern_));
    // A new pattern gets its own chart straight away; the old one would only mislead.
    if (!restoring_ && panel_->isValid())
        run();
}

void MainWindow::parametersChanged() {
    if (pattern_ == nullptr)
        return;
    if (panel_->isValid()) {
        paramsByPattern_[pattern_->id()] = panel_->params();
        python_->setPlainText(qs(pattern_->pythonCode(panel_->params())));
        if (autoRunAction_->isChecked() && !restoring_) {
            const double expected = pattern_->expectedMs(panel_->params());
            if (expected < kAutoRunLimitMs) {
                autoRunTimer_->start();
            } else {
                autoRunTimer_->stop();
                showStatus([expected] {
                    return tr("This run would take about %1 s: press Run (F5) to start it.")
                        .arg(QLocale().toString(expected / 1000, 'f', 1));
                });
            }
        }
    } else {
        autoRunTimer_->stop();
    }
    updateRunState();
}

void MainWindow::updateRunState() {
    const bool running = runner_->isRunning();
    const bool valid = pattern_ != nullptr && panel_->isValid();
    runAction_->setText(running ? tr("&Stop") : tr("&Run"));
    runAction_->setIcon(
        style()->standardIcon(running ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    runAction_->setToolTip(running ? tr("Stop the run (F5 or Esc)")
                                   : tr("Run the pattern with these parameters (F5)"));
    runAction_->setEnabled(running || valid);
    runButton_->setText(running ? tr("Stop") : tr("Run  (F5)"));
    runButton_->setIcon(runAction_->icon());
    runButton_->setEnabled(runAction_->isEnabled());
    runButton_->setToolTip(valid || running ? runAction_->toolTip()
                                            : panel_->error().value_or(QString()));

    const bool haveRun = result_ != nullptr;
    for (QAction* a : {exportChartAction_, exportPngAction_, exportSvgAction_, exportPdfAction_,
                       exportTraceAction_, exportCsvAction_})
        a->setEnabled(haveRun);
    fitAction_->setEnabled(haveRun);
}

GroupBy MainWindow::groupBy() const {
    return view_->groupBy();
}

void MainWindow::setGroupBy(GroupBy groupBy) {
    view_->setGroupBy(groupBy);
    {
        const QSignalBlocker blocker(groupByBox_);
        groupByBox_->setCurrentIndex(groupByBox_->findData(groupByName(groupBy)));
    }
    for (QAction* a : groupByActions_->actions())
        a->setChecked(a->data().toString() == groupByName(groupBy));
}

void MainWindow::run() {
    autoRunTimer_->stop();
    if (pattern_ == nullptr)
        return;
    if (!panel_->isValid()) {
        statusBar()->showMessage(panel_->error().value_or(QString()));
        return;
    }
    // Remember what is running: the heading and the export names describe it once it lands,
    // even if the user has picked another pattern meanwhile.
    runningPattern_ = pattern_;
    runningParams_ = panel_->params();
    ++openGeneration_; // a file still being read would land on this run's chart: drop it
    runner_->start(*runningPattern_, runningParams_, view_->groupBy());
    saveSettings();
}

void MainWindow::stop() {
    if (!runner_->isRunning())
        return;
    runner_->stop();
    showStatus([] { return tr("Stopping…"); });
}

bool MainWindow::isRunning() const {
    return runner_->isRunning();
}

void MainWindow::runStarted() {
    runClock_.start();
    progress_->setRange(0, 0); // busy until the first report
    progress_->show();
    elapsedLabel_->setText(QString());
    elapsedLabel_->show();
    elapsedTimer_->start();
    showStatus([id = qs(runningPattern_->id())] { return tr("Running %1…").arg(id); });
}

void MainWindow::runProgress(qint64 done, qint64 total) {
    // QProgressBar counts in int; a million tasks fit, but scale anything bigger.
    const double scale = total > 1'000'000'000 ? double(total) / 1e9 : 1.0;
    progress_->setRange(0, int(double(total) / scale));
    progress_->setValue(int(double(done) / scale));
    progress_->setFormat(tr("%1 / %2 tasks").arg(done).arg(total));
}

void MainWindow::runFinished(const RunOutcome& outcome) {
    elapsedTimer_->stop();
    elapsedLabel_->hide();
    progress_->hide();

    switch (outcome.status) {
    case RunOutcome::Status::Finished: {
        result_ = outcome.result;
        openedPath_.clear();
        resultPattern_ = runningPattern_;
        resultParams_ = runningParams_;
        resultWallMs_ = outcome.wallMs;
        // Made in another language if the user switched while it ran.
        const bool current = outcome.languageGeneration == Language::generation();
        view_->setTrace(std::shared_ptr<const Trace>(result_, &result_->trace),
                        current ? outcome.rows : nullptr);
        output_->setPlainText(current ? outcome.outputText : currentOutputText());
        showConclusion();
        showSummary();
        showResultHeading();
        // The figures, not the run: the line may outlive the run on screen.
        showStatus([m = result_->metrics, events = qulonglong(result_->trace.events.size())] {
            return tr("Done: makespan %1 ms, speedup %2×, %3 events.")
                .arg(QLocale().toString(m.makespan_ms, 'f', 1))
                .arg(QLocale().toString(m.speedup, 'f', 2))
                .arg(QLocale().toString(events));
        });
        break;
    }
    case RunOutcome::Status::Stopped:
        showStatus([] { return tr("Stopped"); });
        break;
    case RunOutcome::Status::Failed:
        // The last good chart stays: a failed run has nothing better to show.
        showError(tr("Run failed"), outcome.error);
        break;
    }
    updateRunState();
    Q_EMIT runEnded();
}

void MainWindow::showResultHeading() {
    if (result_ && !openedPath_.isEmpty()) {
        showOpenedHeading();
        return;
    }
    if (!result_ || resultPattern_ == nullptr) {
        chartHeading_->clear();
        return;
    }
    const Metrics& m = result_->metrics;
    const QString title = QStringLiteral("%1&nbsp;&nbsp;%2 · %3")
                              .arg(qs(resultPattern_->section()).toHtmlEscaped(),
                                   coretext::pattern(resultPattern_->title()).toHtmlEscaped(),
                                   qs(resultPattern_->tutorialHeading()).toHtmlEscaped());
    chartHeading_->setText(tr("<b>%1</b>&nbsp;&nbsp;&nbsp;<span style='color:#5a626c'>%2 ms "
                              "&middot; speedup %3× &middot; %n core(s)</span>",
                              nullptr, m.cores_used)
                               .arg(title)
                               .arg(QLocale().toString(m.makespan_ms, 'f', 1))
                               .arg(QLocale().toString(m.speedup, 'f', 2)));
    chartHeading_->setToolTip(tr("makespan %1 ms, sequential estimate %2 ms, speedup %3×, "
                                 "efficiency %4 %, %n core(s) used",
                                 nullptr, m.cores_used)
                                  .arg(QLocale().toString(m.makespan_ms, 'f', 1))
                                  .arg(QLocale().toString(m.sequential_ms, 'f', 1))
                                  .arg(QLocale().toString(m.speedup, 'f', 2))
                                  .arg(QLocale().toString(m.efficiency * 100, 'f', 0)));
}

void MainWindow::showError(const QString& title, const QString& message) {
    statusBar()->showMessage(QStringLiteral("%1: %2").arg(title, message));
    // Non-blocking: a modal exec() would stall the event loop, and with it every run.
    auto* box = new QMessageBox(QMessageBox::Warning, title, title, QMessageBox::Ok, this);
    box->setInformativeText(message);
    // As wide as the trace's error box: a path and a reason otherwise wrap into a narrow
    // column, a Korean sentence between any two syllables.
    box->setStyleSheet(QStringLiteral("QLabel#qt_msgbox_informativelabel { min-width: 32em; }"));
    box->setObjectName(QStringLiteral("error-box"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString MainWindow::outputText() const {
    return output_->toPlainText();
}
QString MainWindow::pythonText() const {
    return python_->toPlainText();
}
QString MainWindow::statusText() const {
    return statusBar()->currentMessage();
}

QString MainWindow::defaultExportName(const QString& suffix) const {
    const QString id = resultPattern_          ? qs(resultPattern_->id())
                       : openedPath_.isEmpty() ? QStringLiteral("run")
                                               : QFileInfo(openedPath_).completeBaseName();
    QString dir = QSettings().value(key::exportDir).toString();
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString stem = suffix == u"json"  ? QStringLiteral("tasklane-%1-trace").arg(id)
                         : suffix == u"csv" ? QStringLiteral("tasklane-%1-events").arg(id)
                                            : QStringLiteral("tasklane-%1").arg(id);
    return QDir(dir).filePath(stem + u'.' + suffix);
}

void MainWindow::exportWithDialog(ExportKind kind, const QString& suffix) {
    if (!result_)
        return;
    QString filters;
    QString defaultSuffix = suffix;
    switch (kind) {
    case ExportKind::Chart: {
        const QString png = tr("PNG image (*.png)");
        const QString svg = tr("SVG drawing (*.svg)");
        const QString pdf = tr("PDF document (*.pdf)");
        filters = suffix == u"svg"   ? svg
                  : suffix == u"pdf" ? pdf
                  : suffix == u"png" ? png
                                     : QStringList{png, svg, pdf}.join(QStringLiteral(";;"));
        if (defaultSuffix.isEmpty())
            defaultSuffix = QStringLiteral("png");
        break;
    }
    case ExportKind::Trace:
        filters = tr("Chrome/Perfetto trace (*.json)");
        defaultSuffix = QStringLiteral("json");
        break;
    case ExportKind::Csv:
        filters = tr("CSV file (*.csv)");
        defaultSuffix = QStringLiteral("csv");
        break;
    }
    QString selected;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export"), defaultExportName(defaultSuffix), filters, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        // The filter the user picked says the format when the name does not.
        const qsizetype star = selected.indexOf(QStringLiteral("*."));
        path += u'.' + (star >= 0 ? selected.mid(star + 2).chopped(1) : defaultSuffix);
    }
    QSettings().setValue(key::exportDir, QFileInfo(path).absolutePath());
    exportTo(kind, path);
}

bool MainWindow::exportTo(ExportKind kind, const QString& path) {
    if (!result_)
        return false;
    ChartOptions chart;
    chart.groupBy = view_->groupBy();
    chart.highlightTask = view_->highlightTask();
    chart.collapsedPids = view_->collapsedPids();
    if (view_->visibleRange() != GanttLayout::fullRange(result_->trace))
        chart.range = view_->visibleRange(); // what the screen shows, zoom included
    if (resultPattern_ != nullptr)
        chart.title = tr("%1 %2 (%3): makespan %4 ms")
                          .arg(qs(resultPattern_->section()),
                               coretext::pattern(resultPattern_->title()), qs(resultPattern_->id()))
                          .arg(QLocale().toString(result_->metrics.makespan_ms, 'f', 1));
    else if (!openedPath_.isEmpty())
        chart.title = QFileInfo(openedPath_).fileName();

    // Writing a million-event trace takes seconds: off the GUI thread, like a run. The
    // shared_ptr keeps the trace alive even if another run replaces it meanwhile.
    const std::shared_ptr<const RunResult> result = result_;
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        --exportsRunning_;
        const QString error = watcher->result();
        if (error.isEmpty()) {
            statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 8000);
            Q_EMIT exportFinished(true, path);
        } else {
            showError(tr("Export failed"), error);
            Q_EMIT exportFinished(false, error);
        }
    });
    ++exportsRunning_;
    statusBar()->showMessage(tr("Saving %1…").arg(QDir::toNativeSeparators(path)));
    watcher->setFuture(QtConcurrent::run([kind, path, chart, result]() -> QString {
        // Why it failed, in the window's language (translate() may be called from any thread).
        TextMessage error;
        bool ok = false;
        switch (kind) {
        case ExportKind::Chart:
            ok = ChartExporter::exportChart(result->trace, path, chart, nullptr, &error);
            break;
        case ExportKind::Trace:
            ok = ChromeTraceWriter::write(result->trace, path, nullptr, &error);
            break;
        case ExportKind::Csv:
            ok = CsvWriter::write(result->trace, path, nullptr, &error);
            break;
        }
        if (ok)
            return {};
        if (error.source.empty())
            return QCoreApplication::translate("tasklane::MainWindow", "cannot write %1").arg(path);
        return coretext::message(error);
    }));
    return true;
}

void MainWindow::restoreSettings() {
    restoring_ = true;
    const QSettings settings;
    if (settings.contains(key::geometry))
        restoreGeometry(settings.value(key::geometry).toByteArray());
    if (settings.contains(key::state))
        restoreState(settings.value(key::state).toByteArray());
    if (settings.contains(key::mainSplitter))
        mainSplitter_->restoreState(settings.value(key::mainSplitter).toByteArray());
    if (settings.contains(key::rightSplitter))
        rightSplitter_->restoreState(settings.value(key::rightSplitter).toByteArray());
    autoRunAction_->setChecked(settings.value(key::autoRun, true).toBool());
    setGroupBy(options_.groupBy.value_or(
        groupByFromName(settings.value(key::groupBy).toString()).value_or(GroupBy::Both)));

    // A first start opens the skeleton's pattern, thread-pool, as ./run.sh renders it headless.
    const QString id = options_.pattern.isEmpty()
                           ? settings.value(key::pattern, QStringLiteral("thread-pool")).toString()
                           : options_.pattern;
    if (id.isEmpty() || !selectPattern(id)) {
        // The first pattern of the tutorial.
        for (QTreeWidgetItemIterator it(patternList_); *it; ++it)
            if (!(*it)->data(0, kPatternIdRole).toString().isEmpty()) {
                patternList_->setCurrentItem(*it);
                break;
            }
    }
    for (const auto& [name, value] : options_.params.values())
        panel_->setValue(name, value);
    restoring_ = false;
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(key::geometry, saveGeometry());
    settings.setValue(key::state, saveState());
    settings.setValue(key::mainSplitter, mainSplitter_->saveState());
    settings.setValue(key::rightSplitter, rightSplitter_->saveState());
    settings.setValue(key::autoRun, autoRunAction_->isChecked());
    settings.setValue(key::groupBy, groupByName(view_->groupBy()));
    if (pattern_ != nullptr)
        settings.setValue(key::pattern, qs(pattern_->id()));

    auto saveParams = [&](const Pattern& pattern, const Params& params) {
        if (pattern.validate(params))
            return; // invalid values are not worth restoring
        for (const auto& [name, value] : params.values())
            settings.setValue(key::param(pattern.id(), name), qs(ParamSpec::format(value)));
    };
    for (const auto& [id, params] : paramsByPattern_)
        if (const Pattern* p = findPattern(id))
            saveParams(*p, params);
    if (pattern_ != nullptr)
        saveParams(*pattern_, panel_->params());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    if (runner_->isRunning())
        runner_->stop(); // the controller's destructor waits for the thread to notice
    QMainWindow::closeEvent(event);
}

void MainWindow::openWithDialog() {
    QSettings settings;
    QString dir = settings.value(key::openDir).toString();
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = settings.value(key::exportDir).toString(); // where Tasklane's own traces went
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Trace"), dir, tr("Chrome/Perfetto trace (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(key::openDir, QFileInfo(path).absolutePath());
    openTrace(path);
}

void MainWindow::openTrace(const QString& path) {
    // The file is what the user wants on screen now: a run still going would replace it.
    autoRunTimer_->stop();
    if (runner_->isRunning())
        runner_->stop();
    const quint64 generation = ++openGeneration_;
    ++opening_;
    openProgress_->show();
    const QString name = QFileInfo(path).fileName();
    statusBar()->showMessage(tr("Opening %1…").arg(name));

    // A million events take about a second to read and lay out: off the GUI thread, as runs.
    auto* watcher = new QFutureWatcher<OpenedTrace>(this);
    connect(watcher, &QFutureWatcher<OpenedTrace>::finished, this,
            [this, watcher, generation, path, name] {
                watcher->deleteLater();
                if (--opening_ == 0)
                    openProgress_->hide();
                if (generation != openGeneration_)
                    return; // a newer file or run has taken its place
                const OpenedTrace opened = watcher->result();
                if (!opened.result) {
                    const QString where = whereAndWhy(opened.error);
                    const QString message = QStringLiteral("%1: %2").arg(name, where);
                    // The chart, and what it came from, stay as they were. As showError,
                    // but wide enough for a position and a reason on a line of their own.
                    const QString title = tr("Cannot open the trace");
                    statusBar()->showMessage(QStringLiteral("%1: %2").arg(title, message));
                    auto* box =
                        new QMessageBox(QMessageBox::Warning, title, title, QMessageBox::Ok, this);
                    box->setInformativeText(QStringLiteral("%1\n%2").arg(name, where));
                    box->setStyleSheet(
                        QStringLiteral("QLabel#qt_msgbox_informativelabel { min-width: 32em; }"));
                    box->setObjectName(QStringLiteral("error-box"));
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                    Q_EMIT traceOpened(false, message);
                    return;
                }
                result_ = opened.result;
                resultPattern_ = nullptr;
                resultParams_ = Params();
                resultWallMs_ = 0;
                openedPath_ = path;
                openedSize_ = opened.size;
                // Made in another language if the user switched while the file was read.
                const bool current = opened.languageGeneration == Language::generation();
                view_->setTrace(std::shared_ptr<const Trace>(result_, &result_->trace),
                                current ? opened.rows : nullptr);
                output_->setPlainText(current ? openedOutputText(name, opened.outputText)
                                              : currentOutputText());
                conclusion_->clear();
                conclusion_->hide();
                summary_->setHtml(openedSummaryHtml(path, opened.size, *result_));
                showResultHeading();
                statusBar()->showMessage(
                    tr("Opened %1: %2, %3.")
                        .arg(QDir::toNativeSeparators(path),
                             tr("%n event(s)", nullptr, int(result_->trace.events.size())),
                             tr("%n track(s)", nullptr, int(result_->trace.tracks.size()))),
                    8000);
                updateRunState();
                Q_EMIT traceOpened(true, path);
            });
    watcher->setFuture(
        QtConcurrent::run(readTrace, path, view_->groupBy(), QLocale(), Language::generation()));
}

void MainWindow::showOpenedHeading() {
    const Trace& t = result_->trace;
    chartHeading_->setText(
        tr("<b>%1</b>&nbsp;&nbsp;&nbsp;<span style='color:#5a626c'>opened trace &middot; %2 "
           "&middot; %3 &middot; %4 ms</span>")
            .arg(QFileInfo(openedPath_).fileName().toHtmlEscaped(),
                 tr("%n event(s)", nullptr, int(t.events.size())),
                 tr("%n track(s)", nullptr, int(t.tracks.size())))
            .arg(QLocale().toString(double(t.endNs() - t.beginNs()) / 1e6, 'f', 1)));
    chartHeading_->setToolTip(QDir::toNativeSeparators(openedPath_));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedTracePath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = droppedTracePath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openTrace(path);
}

void MainWindow::languageChosen(QAction* action) {
    const Language::Choice choice = Language::fromSettingsName(action->data().toString());
    Language::store(choice);
    // Korean, or English for any language without a translation: nothing to redo when that
    // is already on screen (a large trace's rows would be remade for nothing).
    const bool korean = Language::localeFor(choice).language() == QLocale::Korean;
    if ((korean ? QStringLiteral("ko") : QStringLiteral("en")) == Language::current() &&
        Language::localeFor(choice) == QLocale())
        return;
    // New translators and number format; Qt then sends every widget a LanguageChange, and
    // each puts its texts in the new language (changeEvent): the run on screen, the pinned
    // runs and the values being edited stay as they are.
    Language::apply(Language::localeFor(choice));
}

} // namespace tasklane
