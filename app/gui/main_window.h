// MainWindow: Tasklane's window. Arranges its parts and wires them: the PatternPane (what to
// run), the ChartPane (the chart and what sits around it), the ResultTabs (Output, Python,
// Summary, Compare), a RunController that runs patterns and a TraceFileController that opens
// and exports trace files. It owns the menus, the toolbar, the status bar and the result on
// screen (a ShownResult it hands to the panes); it holds no concurrency logic of its own.
#pragma once

#include "patterns/pattern.h"
#include "run_controller.h"
#include "shown_result.h"
#include "trace_file_controller.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <functional>
#include <optional>
#include <vector>

class QAction;
class QActionGroup;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QTimer;
class QToolBar;

namespace tasklane {

class ChartPane;
class CompareView;
class GanttView;
class ParameterPanel;
class PatternPane;
class ResultTabs;
class SessionFolder;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    struct Options {
        bool runOnStart = true; // run the selected pattern once, so the window opens with a chart
        QString pattern;        // instead of the one in the settings (the command line's choice)
        Params params;          // over the stored values of that pattern
        std::optional<GroupBy> groupBy;
        // The patterns to offer; empty: the registry's. Tests pass their own (one that fails).
        std::vector<const Pattern*> patterns;
    };

    using ExportKind = TraceFileController::ExportKind;

    explicit MainWindow(QWidget* parent = nullptr)
        : MainWindow(Options(), parent) {}
    explicit MainWindow(Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    const Pattern* currentPattern() const;
    bool selectPattern(const QString& id);
    // "output", "python", "summary" or "compare".
    bool showTab(const QString& name);
    // Pins the run on screen to the Compare tab; false when there is none.
    bool pinCurrentRun();
    GroupBy groupBy() const;
    void setGroupBy(GroupBy groupBy);

    // Starts a run with the panel's values; does nothing when they are invalid.
    void run();
    void stop();
    bool isRunning() const;

    // Writes the current run's chart (format from the suffix), trace JSON or CSV to `path` on
    // a worker thread; exportFinished reports the outcome. False when there is no run to export.
    bool exportTo(ExportKind kind, const QString& path);

    // Reads a Chrome/Perfetto JSON trace (Tasklane's, VizTracer's, ...) on a worker thread
    // and shows it in place of the run on screen; traceOpened reports the outcome. A broken
    // file gets a message with its line, column and reason, and the chart stays as it was.
    void openTrace(const QString& path);
    bool isOpening() const;
    // The file the chart shows, or empty when it shows a run.
    QString openedTracePath() const { return shown_.openedPath; }

    // Parts the tests and the screenshot mode look at.
    GanttView* ganttView() const;
    CompareView* compareView() const;
    QString conclusionText() const;
    ParameterPanel* parameterPanel() const;
    QString outputText() const;
    QString pythonText() const;
    QString statusText() const;
    // The folder runs write their files into when the user chose none (async-file's
    // out-dir empty); empty until such a run. Removed when the window closes.
    QString sessionFolderPath() const;
    const RunResult* lastResult() const { return shown_.result.get(); }

Q_SIGNALS:
    // After every run, whatever its end: finished (a new chart), stopped or failed.
    void runEnded();
    void exportFinished(bool ok, const QString& message);
    // ok: `message` is the path now shown; else the error as shown to the user.
    void traceOpened(bool ok, const QString& message);

protected:
    // QEvent::LanguageChange (Help > Language installed other translators): retranslateUi().
    // The panes, the chart and the tabs put their own texts in the new language.
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    // A .json file dropped anywhere on the window opens as a trace.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    void buildExportActions();
    void buildMenus();
    void buildLanguageMenu();
    void buildCentre();
    void buildStatusBar();
    void connectParts();
    // The window's own texts in the current language: title, menus, its actions and the
    // status line; the result on screen, the parameters' values and the geometry stay.
    void retranslateUi();
    // A status message that is made again in a new language while it is still shown.
    void showStatus(std::function<QString()> text);
    void showError(const QString& title, const QString& message);
    void restoreSettings();
    void saveSettings() const;

    // Run is greyed out while the values cannot run: the status line says what to fix, in
    // place of a "press Run" that no longer holds.
    void showParameterProblem();

    void runStarted();
    void runProgress(qint64 done, qint64 total);
    void runFinished(const RunOutcome& outcome);
    void traceRead(const OpenedTrace& opened, const QString& path);
    // Puts shown_ in the panes. `rows` and `printed` were made with it on a worker thread, in
    // the current language; null / nothing: made again here.
    void showResult(std::shared_ptr<const GanttRows> rows, std::optional<QString> printed);
    void compareTabToggled();
    // One run on screen (main_window.cpp's last part): a stopped run's partial trace, a
    // pattern picked, a run held by the two-second rule, the parameters-changed marks and
    // the Python tab, so that every pane describes the same run.
    void showStopped(const RunOutcome& outcome);
    void patternChosen();
    void discardRun();
    void runHeld(double expectedMs);
    void updateParamsState();
    void showPythonProgram();
    ExportSource exportSource() const;
    void exportWithDialog(ExportKind kind, const QString& suffix = {});
    void openWithDialog();
    void languageChosen(QAction* action);

    Options options_;
    RunController* runner_ = nullptr;
    TraceFileController* files_ = nullptr;
    SessionFolder* sessionFolder_ = nullptr;
    PatternPane* patterns_ = nullptr;
    ChartPane* chart_ = nullptr;
    ResultTabs* tabs_ = nullptr;

    // The run going on, and what is on screen (a run or an opened file).
    const Pattern* runningPattern_ = nullptr;
    Params runningParams_;
    ShownResult shown_;

    QMenu* fileMenu_ = nullptr;
    QMenu* runMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* groupMenu_ = nullptr;
    QMenu* exportMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QToolBar* toolbar_ = nullptr;
    std::function<QString()> statusSource_; // what showStatus() showed, to make it again
    QString statusShown_;
    bool parameterProblemShown_ = false; // the status line is showParameterProblem()'s

    QList<int> sizesBeforeCompare_; // the right splitter's, restored when Compare is left
    QSplitter* mainSplitter_ = nullptr;
    QSplitter* rightSplitter_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* elapsedLabel_ = nullptr;
    QTimer* elapsedTimer_ = nullptr;
    QElapsedTimer runClock_;
    QProgressBar* openProgress_ = nullptr;

    QAction* pinAction_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* exportChartAction_ = nullptr;
    QAction* exportPngAction_ = nullptr;
    QAction* exportSvgAction_ = nullptr;
    QAction* exportPdfAction_ = nullptr;
    QAction* exportTraceAction_ = nullptr;
    QAction* exportCsvAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QActionGroup* languageActions_ = nullptr;
};

} // namespace tasklane
