#include "main_window.h"

#include "chart_pane.h"
#include "compare_view.h"
#include "core_text.h"
#include "error_box.h"
#include "language.h"
#include "parameter_panel.h"
#include "pattern_pane.h"
#include "patterns/pattern_registry.h"
#include "result_tabs.h"
#include "session_folder.h"
#include "summary_view.h"
#include "text/qt_text.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>

#include <algorithm>

// Q_INIT_RESOURCE may not appear inside a namespace; the resources live in the static
// tasklane_gui library, so something must pull them in.
static void initTasklaneResources() {
    Q_INIT_RESOURCE(tasklane);
}

namespace tasklane {

namespace {

namespace key {
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString mainSplitter = QStringLiteral("window/mainSplitter");
const QString rightSplitter = QStringLiteral("window/rightSplitter");
const QString groupBy = QStringLiteral("run/groupBy");
} // namespace key

// The least share of the chart-and-tabs height the Compare tab takes while shown.
constexpr double kCompareShare = 0.4;

std::vector<const Pattern*> offered(const MainWindow::Options& options) {
    if (!options.patterns.empty())
        return options.patterns;
    std::vector<const Pattern*> all;
    for (const auto& pattern : PatternRegistry::instance().all())
        all.push_back(pattern.get());
    return all;
}

// Help > Language's first entry: the system's language by name, as the others are named.
QString systemLanguageText() {
    const QString name = Language::nativeName(QLocale::system());
    return name.isEmpty() ? MainWindow::tr("&System default")
                          : MainWindow::tr("&System (%1)").arg(name);
}

} // namespace

MainWindow::MainWindow(Options options, QWidget* parent)
    : QMainWindow(parent)
    , options_(std::move(options)) {
    initTasklaneResources();
    setObjectName(QStringLiteral("main-window"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tasklane.svg")));
    setAcceptDrops(true); // a trace file dropped on the window opens

    runner_ = new RunController(this);
    sessionFolder_ = new SessionFolder(this); // after runner_: deleted once its run is done
    files_ = new TraceFileController(this);
    elapsedTimer_ = new QTimer(this);
    elapsedTimer_->setInterval(100);
    patterns_ = new PatternPane(offered(options_));
    chart_ = new ChartPane;
    tabs_ = new ResultTabs;

    buildActions();
    buildMenus();
    buildCentre();
    buildStatusBar();
    connectParts();
    retranslateUi();

    resize(1280, 800);
    restoreSettings();

    // The two-second rule, as for a pattern picked: saved parameters may make a long run.
    if (options_.runOnStart)
        QTimer::singleShot(0, patterns_, &PatternPane::offerRun);
}

MainWindow::~MainWindow() {
    saveSettings();
}

void MainWindow::buildActions() {
    // Texts and tooltips: retranslateUi(). The panes make the actions that act on them.
    auto* stopShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(stopShortcut, &QShortcut::activated, this, [this] {
        if (isRunning())
            stop();
    });

    pinAction_ = new QAction(this);
    pinAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(pinAction_, &QAction::triggered, this, [this] {
        if (pinCurrentRun())
            showTab(QStringLiteral("compare"));
    });

    openAction_ = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), QString(), this);
    openAction_->setObjectName(QStringLiteral("open-action"));
    openAction_->setShortcut(QKeySequence::Open);
    connect(openAction_, &QAction::triggered, this, &MainWindow::openWithDialog);
    buildExportActions();

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

void MainWindow::buildExportActions() {
    const auto exportAction = [this](ExportKind kind, const QString& suffix) {
        auto* action = new QAction(this);
        connect(action, &QAction::triggered, this,
                [this, kind, suffix] { exportWithDialog(kind, suffix); });
        action->setEnabled(false); // until there is a run
        return action;
    };
    exportChartAction_ = exportAction(ExportKind::Chart, QString());
    exportChartAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportPngAction_ = exportAction(ExportKind::Chart, QStringLiteral("png"));
    exportSvgAction_ = exportAction(ExportKind::Chart, QStringLiteral("svg"));
    exportPdfAction_ = exportAction(ExportKind::Chart, QStringLiteral("pdf"));
    exportTraceAction_ = exportAction(ExportKind::Trace, QString());
    exportCsvAction_ = exportAction(ExportKind::Csv, QString());
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
    runMenu_->addAction(patterns_->runAction());
    runMenu_->addAction(patterns_->autoRunAction());
    runMenu_->addSeparator();
    runMenu_->addAction(pinAction_);
    runMenu_->addSeparator();
    runMenu_->addAction(patterns_->resetAction());
    runMenu_->addAction(patterns_->tutorialAction());

    viewMenu_ = menuBar()->addMenu(QString());
    groupMenu_ = viewMenu_->addMenu(QString());
    groupMenu_->addActions(chart_->groupByActions());
    viewMenu_->addAction(chart_->fitAction());
    viewMenu_->addAction(chart_->backAction());
    viewMenu_->addAction(chart_->forwardAction());
    viewMenu_->addSeparator();
    viewMenu_->addAction(chart_->zoomSelectionAction());
    viewMenu_->addAction(chart_->clearSelectionAction());
    viewMenu_->addSeparator();
    viewMenu_->addAction(chart_->collapseAllAction());
    viewMenu_->addAction(chart_->expandAllAction());

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
    buildLanguageMenu();
    helpMenu_->addSeparator();
    helpMenu_->addAction(aboutAction_);
}

void MainWindow::buildLanguageMenu() {
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
}

void MainWindow::buildCentre() {
    // Left what to run; right the chart over the tabs.
    rightSplitter_ = new QSplitter(Qt::Vertical);
    rightSplitter_->setObjectName(QStringLiteral("right-splitter"));
    rightSplitter_->addWidget(chart_);
    rightSplitter_->addWidget(tabs_);
    rightSplitter_->setStretchFactor(0, 3);
    rightSplitter_->setStretchFactor(1, 1);
    rightSplitter_->setChildrenCollapsible(false);
    rightSplitter_->setSizes({490, 280});

    mainSplitter_ = new QSplitter(Qt::Horizontal);
    mainSplitter_->setObjectName(QStringLiteral("main-splitter"));
    mainSplitter_->addWidget(patterns_);
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
    toolbar_->addAction(patterns_->runAction());
    toolbar_->addAction(patterns_->autoRunAction());
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

void MainWindow::connectParts() {
    connect(runner_, &RunController::started, this, &MainWindow::runStarted);
    connect(runner_, &RunController::progress, this, &MainWindow::runProgress);
    connect(runner_, &RunController::finished, this, &MainWindow::runFinished);
    connect(runner_, &RunController::runningChanged, patterns_, &PatternPane::setRunning);
    connect(runner_, &RunController::runningChanged, this, &MainWindow::updateParamsState);
    connect(elapsedTimer_, &QTimer::timeout, this, [this] {
        elapsedLabel_->setText(
            tr("%1 s").arg(QLocale().toString(double(runClock_.elapsed()) / 1000, 'f', 1)));
    });

    connect(patterns_, &PatternPane::runRequested, this, &MainWindow::run);
    connect(parameterPanel(), &ParameterPanel::paramsChanged, this,
            &MainWindow::showParameterProblem);
    connect(parameterPanel(), &ParameterPanel::retranslated, this, [this] {
        if (parameterProblemShown_)
            showParameterProblem(); // the panel's error line is in the new language now
    });
    connect(patterns_, &PatternPane::stopRequested, this, &MainWindow::stop);
    connect(patterns_, &PatternPane::validParamsChanged, this, &MainWindow::showPythonProgram);
    connect(patterns_, &PatternPane::runHeld, this, &MainWindow::runHeld);
    connect(patterns_, &PatternPane::patternChosen, this, &MainWindow::patternChosen);
    connect(patterns_, &PatternPane::paramsEdited, this, &MainWindow::updateParamsState);

    connect(chart_, &ChartPane::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(tabs_, &ResultTabs::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(tabs_, &QTabWidget::currentChanged, this, &MainWindow::compareTabToggled);
    CompareView* compare = tabs_->compareView();
    connect(compare, &CompareView::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(compare, &CompareView::pinRequested, this, [this] {
        if (!pinCurrentRun())
            statusBar()->showMessage(tr("No run to pin yet: run a pattern first."), 6000);
    });
    connect(compare, &CompareView::exportRequested, this, [this] {
        if (std::optional<ExportSource> source = tabs_->compareView()->exportSource()) {
            source->stem = shown_.exportStem();
            files_->exportComparedWithDialog(*source);
        }
    });

    connect(files_, &TraceFileController::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(files_, &TraceFileController::openingChanged, openProgress_, &QWidget::setVisible);
    connect(files_, &TraceFileController::opened, this, &MainWindow::traceRead);
    connect(files_, &TraceFileController::openFailed, this,
            [this](const QString& message) { Q_EMIT traceOpened(false, message); });
    connect(files_, &TraceFileController::exportFinished, this, &MainWindow::exportFinished);
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
    pinAction_->setText(tr("&Pin Run for Comparison"));
    pinAction_->setToolTip(tr("Add the run on screen to the Compare tab (Ctrl+P)"));
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
    exportMenu_->setTitle(tr("&Export"));
    helpMenu_->setTitle(tr("&Help"));
    languageMenu_->setTitle(tr("&Language"));
    for (QAction* action : languageActions_->actions())
        if (Language::fromSettingsName(action->data().toString()) == Language::Choice::System)
            action->setText(systemLanguageText());
    toolbar_->setWindowTitle(tr("Main"));

    // The status line: what showStatus() put there, made again; any other message, a note
    // in the old language that would soon go anyway, goes now.
    if (const QString shown = statusBar()->currentMessage(); !shown.isEmpty()) {
        if (statusSource_ && shown == statusShown_) {
            const bool problem = parameterProblemShown_;
            showStatus(statusSource_);
            parameterProblemShown_ = problem;
        } else
            statusBar()->clearMessage();
    }
}

void MainWindow::showStatus(std::function<QString()> text) {
    parameterProblemShown_ = false;
    statusSource_ = std::move(text);
    statusShown_ = statusSource_();
    statusBar()->showMessage(statusShown_);
}

void MainWindow::showParameterProblem() {
    const ParameterPanel* panel = parameterPanel();
    if (panel->isValid()) {
        if (parameterProblemShown_ && statusBar()->currentMessage() == statusShown_)
            statusBar()->clearMessage();
        if (parameterProblemShown_)
            chart_->setPlaceholder({});
        parameterProblemShown_ = false;
        return;
    }
    const auto text = [panel] {
        return tr("Cannot run: %1").arg(panel->error().value_or(QString()));
    };
    showStatus(text);
    // An empty chart would say "press Run", which is greyed out: it says what to fix instead.
    chart_->setPlaceholder(text);
    parameterProblemShown_ = true;
}

void MainWindow::showError(const QString& title, const QString& message) {
    statusBar()->showMessage(QStringLiteral("%1: %2").arg(title, message));
    showErrorBox(this, title, message);
}

void MainWindow::restoreSettings() {
    const QSettings settings;
    if (settings.contains(key::geometry))
        restoreGeometry(settings.value(key::geometry).toByteArray());
    if (settings.contains(key::state))
        restoreState(settings.value(key::state).toByteArray());
    if (settings.contains(key::mainSplitter))
        mainSplitter_->restoreState(settings.value(key::mainSplitter).toByteArray());
    if (settings.contains(key::rightSplitter))
        rightSplitter_->restoreState(settings.value(key::rightSplitter).toByteArray());
    setGroupBy(options_.groupBy.value_or(
        groupByFromName(settings.value(key::groupBy).toString()).value_or(GroupBy::Both)));
    patterns_->restoreSettings(options_.pattern, options_.params);
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(key::geometry, saveGeometry());
    settings.setValue(key::state, saveState());
    settings.setValue(key::mainSplitter, mainSplitter_->saveState());
    settings.setValue(key::rightSplitter, rightSplitter_->saveState());
    settings.setValue(key::groupBy, groupByName(chart_->groupBy()));
    patterns_->saveSettings(settings);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    if (runner_->isRunning())
        runner_->stop(); // the controller's destructor waits for the thread to notice
    else
        sessionFolder_->remove(); // else when the window goes, after the run has stopped
    QMainWindow::closeEvent(event);
}

const Pattern* MainWindow::currentPattern() const {
    return patterns_->currentPattern();
}

bool MainWindow::selectPattern(const QString& id) {
    return patterns_->selectPattern(id);
}

ParameterPanel* MainWindow::parameterPanel() const {
    return patterns_->parameterPanel();
}

GanttView* MainWindow::ganttView() const {
    return chart_->ganttView();
}

QString MainWindow::conclusionText() const {
    return chart_->conclusionText();
}

GroupBy MainWindow::groupBy() const {
    return chart_->groupBy();
}

void MainWindow::setGroupBy(GroupBy groupBy) {
    chart_->setGroupBy(groupBy);
}

CompareView* MainWindow::compareView() const {
    return tabs_->compareView();
}

bool MainWindow::showTab(const QString& name) {
    return tabs_->showTab(name);
}

QString MainWindow::outputText() const {
    return tabs_->outputText();
}

QString MainWindow::pythonText() const {
    return tabs_->pythonText();
}

QString MainWindow::statusText() const {
    return statusBar()->currentMessage();
}

QString MainWindow::sessionFolderPath() const {
    return sessionFolder_->path();
}

void MainWindow::compareTabToggled() {
    // The stacked charts need some room, but the live chart stays the window's main view: the
    // Compare tab gets at least kCompareShare of the height while shown, the chart the rest.
    if (tabs_->currentWidget() == tabs_->compareView()) {
        sizesBeforeCompare_ = rightSplitter_->sizes();
        const int total = sizesBeforeCompare_.value(0) + sizesBeforeCompare_.value(1);
        const int tabs = std::max(sizesBeforeCompare_.value(1), int(total * kCompareShare));
        rightSplitter_->setSizes({total - tabs, tabs});
    } else if (!sizesBeforeCompare_.isEmpty()) {
        rightSplitter_->setSizes(sizesBeforeCompare_);
        sizesBeforeCompare_.clear();
    }
}

bool MainWindow::pinCurrentRun() {
    const QString name = shown_.pinName();
    if (name.isEmpty())
        return false;
    compareView()->pin({name, shown_.result});
    return true;
}

void MainWindow::run() {
    patterns_->cancelAutoRun();
    const Pattern* pattern = patterns_->currentPattern();
    if (pattern == nullptr)
        return;
    const ParameterPanel* panel = patterns_->parameterPanel();
    if (!panel->isValid()) {
        statusBar()->showMessage(panel->error().value_or(QString()));
        return;
    }
    // Remember what is running: the heading and the export names describe it once it lands,
    // even if the user has picked another pattern meanwhile.
    runningPattern_ = pattern;
    runningParams_ = panel->params();
    files_->dropPendingOpen(); // a file still being read would land on this run's chart
    // The user's parameters stay as typed (the heading, the Python tab); the run gets the
    // session's folder for an empty folder parameter.
    runner_->start(*runningPattern_, sessionFolder_->fill(*runningPattern_, runningParams_),
                   chart_->groupBy());
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
    // The pattern as the list names it, in the window's language, not its command-line id.
    showStatus([title = runningPattern_->title()] {
        return tr("Running %1…").arg(coretext::pattern(title));
    });
    chart_->setPlaceholder([title = runningPattern_->title()] {
        return tr("Running %1…").arg(coretext::pattern(title));
    });
}

void MainWindow::runProgress(qint64 done, qint64 total) {
    // QProgressBar counts in int; a million tasks fit, but scale anything bigger.
    const double scale = total > 1'000'000'000 ? double(total) / 1e9 : 1.0;
    progress_->setRange(0, int(double(total) / scale));
    progress_->setValue(int(double(done) / scale));
    progress_->setFormat(tr("%1 / %2 tasks").arg(done).arg(total));
}

void MainWindow::runFinished(const RunOutcome& outcome) {
    chart_->setPlaceholder({}); // "Running…" no longer; an empty chart says "press Run"
    elapsedTimer_->stop();
    elapsedLabel_->hide();
    progress_->hide();

    switch (outcome.status) {
    case RunOutcome::Status::Finished: {
        shown_ = ShownResult{outcome.result, runningPattern_, runningParams_, {}, 0, nullptr};
        // Made in another language if the user switched while it ran.
        const bool current = outcome.languageGeneration == Language::generation();
        showResult(current ? outcome.rows : nullptr,
                   current ? std::optional<QString>(outcome.outputText) : std::nullopt);
        patterns_->showListSelection(runningPattern_);
        // The figures, not the run: the line may outlive the run on screen.
        showStatus(
            [m = shown_.result->metrics, events = qulonglong(shown_.result->trace.events.size())] {
                return tr("Done: makespan %1 ms, speedup %2×, %3 events.")
                    .arg(QLocale().toString(m.makespan_ms, 'f', 1))
                    .arg(SummaryView::speedupNumber(m.speedup))
                    .arg(QLocale().toString(events));
            });
        break;
    }
    case RunOutcome::Status::Stopped:
        showStopped(outcome);
        // How far it got, as the heading says, when the run counted its tasks.
        showStatus([done = outcome.done, total = outcome.total] {
            if (total <= 0)
                return tr("Stopped");
            return tr("Stopped at %1 of %2 tasks.")
                .arg(QLocale().toString(done), QLocale().toString(total));
        });
        break;
    case RunOutcome::Status::Failed:
        // The last good chart stays: a failed run has nothing better to show.
        showError(tr("Run failed"), outcome.error);
        break;
    }
    Q_EMIT runEnded();
}

void MainWindow::showResult(std::shared_ptr<const GanttRows> rows, std::optional<QString> printed) {
    chart_->showResult(shown_, std::move(rows));
    tabs_->showResult(shown_, std::move(printed));
    showPythonProgram();
    updateParamsState();
    for (QAction* a : {exportChartAction_, exportPngAction_, exportSvgAction_, exportPdfAction_,
                       exportTraceAction_, exportCsvAction_})
        a->setEnabled(shown_.result != nullptr);
}

void MainWindow::openWithDialog() {
    if (const QString path = files_->askTraceToOpen(); !path.isEmpty())
        openTrace(path);
}

void MainWindow::openTrace(const QString& path) {
    // The file is what the user wants on screen now: a run still going would replace it.
    patterns_->cancelAutoRun();
    if (runner_->isRunning())
        runner_->stop();
    files_->open(path, chart_->groupBy());
}

bool MainWindow::isOpening() const {
    return files_->isOpening();
}

void MainWindow::traceRead(const OpenedTrace& opened, const QString& path) {
    shown_ = ShownResult{opened.result, nullptr, {}, path, opened.size, opened.overview};
    // The file is no pattern's run: the list selects none (F5 still runs the panel's).
    patterns_->clearListSelection();
    patterns_->showOpenedFile(QFileInfo(path).fileName());
    // Made in another language if the user switched while the file was read.
    const bool current = opened.languageGeneration == Language::generation();
    showResult(current ? opened.rows : nullptr,
               current ? std::optional<QString>(opened.outputText) : std::nullopt);
    const Trace& t = shown_.result->trace;
    statusBar()->showMessage(tr("Opened %1: %2, %3.")
                                 .arg(QDir::toNativeSeparators(path),
                                      tr("%n event(s)", nullptr, int(t.events.size())),
                                      tr("%n track(s)", nullptr, int(t.tracks.size()))),
                             8000);
    Q_EMIT traceOpened(true, path);
}

ExportSource MainWindow::exportSource() const {
    return {std::shared_ptr<const Trace>(shown_.result, &shown_.result->trace),
            chart_->exportOptions(), shown_.exportStem()};
}

void MainWindow::exportWithDialog(ExportKind kind, const QString& suffix) {
    if (shown_.result)
        files_->exportWithDialog(kind, suffix, exportSource());
}

bool MainWindow::exportTo(ExportKind kind, const QString& path) {
    if (!shown_.result)
        return false;
    files_->exportTo(kind, path, exportSource());
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!TraceFileController::droppedTracePath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = TraceFileController::droppedTracePath(event->mimeData());
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

// --- One run on screen: the list, the heading, the chart and the tabs describe the same run.

void MainWindow::showStopped(const RunOutcome& outcome) {
    if (!outcome.result)
        return; // stopped before it recorded anything: what was on screen stays
    shown_ = ShownResult{outcome.result, runningPattern_, runningParams_, {}, 0, nullptr};
    shown_.stopped = true;
    shown_.stoppedDone = outcome.done;
    shown_.stoppedTotal = outcome.total;
    const bool current = outcome.languageGeneration == Language::generation();
    showResult(current ? outcome.rows : nullptr,
               current ? std::optional<QString>(outcome.outputText) : std::nullopt);
    patterns_->showListSelection(runningPattern_);
}

void MainWindow::patternChosen() {
    const Pattern* chosen = patterns_->currentPattern();
    // A run of another pattern still going would land beside the new name: it goes.
    if (runner_->isRunning() && runningPattern_ != chosen)
        discardRun();
    chart_->setPlaceholder({});
    if (shown_.result && (shown_.isOpenedTrace() || shown_.pattern != chosen)) {
        shown_ = ShownResult{};
        showResult(nullptr, QString());
    }
    showPythonProgram();
}

void MainWindow::discardRun() {
    runner_->discard();
    elapsedTimer_->stop();
    elapsedLabel_->hide();
    progress_->hide();
    statusBar()->clearMessage();
}

void MainWindow::runHeld(double expectedMs) {
    const auto text = [expectedMs] {
        return tr("This run would take about %1 s: press Run (F5) to start it.")
            .arg(QLocale().toString(expectedMs / 1000, 'f', 1));
    };
    showStatus(text);
    chart_->setPlaceholder(text);
}

void MainWindow::updateParamsState() {
    const Pattern* pattern = patterns_->currentPattern();
    const bool changed =
        pattern != nullptr && shown_.differsFrom(pattern, patterns_->parameterPanel()->params());
    chart_->setParamsState(!changed               ? ChartPane::ParamsState::Same
                           : runner_->isRunning() ? ChartPane::ParamsState::ChangedRunning
                                                  : ChartPane::ParamsState::Changed);
    tabs_->setParamsChanged(changed);
}

void MainWindow::showPythonProgram() {
    if (shown_.isOpenedTrace()) {
        tabs_->showNoProgram(shown_.openedPath);
        return;
    }
    const Pattern* pattern = patterns_->currentPattern();
    const ParameterPanel* panel = patterns_->parameterPanel();
    if (pattern != nullptr && panel->isValid())
        tabs_->setPythonProgram(qs(pattern->pythonCode(panel->params())));
}

} // namespace tasklane
