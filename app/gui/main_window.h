// MainWindow: Tasklane's window. Wires the pattern list, the parameter panel, the Gantt view
// and the Output / Python / Summary tabs to a RunController, and offers export. It holds
// no concurrency logic of its own: the core runs, the chart library draws, this arranges.
#pragma once

#include "chart/gantt_layout.h"
#include "patterns/pattern.h"
#include "run_controller.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QAction;
class QActionGroup;
class QComboBox;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTabWidget;
class QTimer;
class QToolBar;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace tasklane {

class CompareView;
class GanttView;
class ParameterPanel;
class SummaryView;
class TimeRuler;

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

    enum class ExportKind { Chart, Trace, Csv };

    explicit MainWindow(QWidget* parent = nullptr)
        : MainWindow(Options(), parent) {}
    explicit MainWindow(Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    const Pattern* currentPattern() const { return pattern_; }
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
    bool isOpening() const { return opening_ > 0; }
    // The file the chart shows, or empty when it shows a run.
    QString openedTracePath() const { return openedPath_; }

    // Parts the tests and the screenshot mode look at.
    GanttView* ganttView() const { return view_; }
    CompareView* compareView() const { return compare_; }
    QString conclusionText() const;
    ParameterPanel* parameterPanel() const { return panel_; }
    QString outputText() const;
    QString pythonText() const;
    QString statusText() const;
    const RunResult* lastResult() const { return result_.get(); }

Q_SIGNALS:
    // After every run, whatever its end: finished (a new chart), stopped or failed.
    void runEnded();
    void exportFinished(bool ok, const QString& message);
    // ok: `message` is the path now shown; else the error as shown to the user.
    void traceOpened(bool ok, const QString& message);

protected:
    // QEvent::LanguageChange (Help > Language installed other translators): retranslateUi().
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    // A .json file dropped anywhere on the window opens as a trace.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildCentre();
    void buildStatusBar();
    void populatePatterns();
    // Every text of the window in the current language: the static ones (menus, actions,
    // labels, tabs, the pattern list) and those made from what is on screen (the heading, the
    // summary, the conclusion, the output's notes, the status line), from the state as it is.
    // The chart, the parameters' values, the pinned runs and the geometry are left alone.
    void retranslateUi();
    void retranslatePatterns();
    void setPatternItemTexts(QTreeWidgetItem* item) const;
    // The parts made from the result on screen, in the current language.
    void showConclusion();
    void showSummary();
    QString currentOutputText() const;
    // A status message that is made again in a new language while it is still shown.
    void showStatus(std::function<QString()> text);
    void restoreSettings();
    void saveSettings() const;
    Params storedParams(const Pattern& pattern) const;
    const Pattern* findPattern(const std::string& id) const;

    void patternSelected();
    void parametersChanged();
    void updateRunState();
    void runStarted();
    void runProgress(qint64 done, qint64 total);
    void runFinished(const RunOutcome& outcome);
    void showError(const QString& title, const QString& message);
    void showResultHeading();
    void exportWithDialog(ExportKind kind, const QString& suffix = {});
    QString defaultExportName(const QString& suffix) const;
    void openWithDialog();
    void showOpenedHeading();
    void languageChosen(QAction* action);

    Options options_;
    std::vector<const Pattern*> patterns_;
    RunController* runner_ = nullptr;
    const Pattern* pattern_ = nullptr;
    std::map<std::string, Params> paramsByPattern_; // edits of patterns not shown right now

    // The run going on, and the run on screen: what produced it, and what it produced.
    const Pattern* runningPattern_ = nullptr;
    Params runningParams_;
    std::shared_ptr<const RunResult> result_;
    const Pattern* resultPattern_ = nullptr;
    Params resultParams_;
    double resultWallMs_ = 0;

    QMenu* fileMenu_ = nullptr;
    QMenu* runMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* groupMenu_ = nullptr;
    QMenu* exportMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QAction* collapseAllAction_ = nullptr;
    QAction* expandAllAction_ = nullptr;
    QToolBar* toolbar_ = nullptr;
    QLabel* patternsLabel_ = nullptr;
    QLabel* paramsLabel_ = nullptr;
    QLabel* groupLabel_ = nullptr;
    QToolButton* copyButton_ = nullptr;
    std::function<QString()> statusSource_; // what showStatus() showed, to make it again
    QString statusShown_;

    QTreeWidget* patternList_ = nullptr;
    QLabel* description_ = nullptr;
    ParameterPanel* panel_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QLabel* chartHeading_ = nullptr;
    QComboBox* groupByBox_ = nullptr;
    QScrollArea* chartScroll_ = nullptr;
    GanttView* view_ = nullptr;
    TimeRuler* ruler_ = nullptr;
    QLabel* selectionLabel_ = nullptr; // the selected range's statistics, under the chart
    QTabWidget* tabs_ = nullptr;
    QPlainTextEdit* output_ = nullptr;
    QPlainTextEdit* python_ = nullptr;
    SummaryView* summary_ = nullptr;
    CompareView* compare_ = nullptr;
    QLabel* conclusion_ = nullptr;  // under the chart: what a comparison's numbers say
    QList<int> sizesBeforeCompare_; // the splitter's, restored when the Compare tab is left
    QSplitter* mainSplitter_ = nullptr;
    QSplitter* rightSplitter_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* elapsedLabel_ = nullptr;
    QTimer* elapsedTimer_ = nullptr;
    QTimer* autoRunTimer_ = nullptr;
    QElapsedTimer runClock_;

    QAction* runAction_ = nullptr;
    QAction* autoRunAction_ = nullptr;
    QAction* resetAction_ = nullptr;
    QAction* fitAction_ = nullptr;
    QAction* backAction_ = nullptr;
    QAction* forwardAction_ = nullptr;
    QAction* zoomSelectionAction_ = nullptr;
    QAction* clearSelectionAction_ = nullptr;
    QAction* pinAction_ = nullptr;
    QActionGroup* groupByActions_ = nullptr;
    QAction* exportChartAction_ = nullptr;
    QAction* exportPngAction_ = nullptr;
    QAction* exportSvgAction_ = nullptr;
    QAction* exportPdfAction_ = nullptr;
    QAction* exportTraceAction_ = nullptr;
    QAction* exportCsvAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;

    // An opened trace: the file shown (empty for a run), and reads going on. A read landing
    // after a newer read or run has started is dropped, as a stale run is.
    QString openedPath_;
    qint64 openedSize_ = 0;
    quint64 openGeneration_ = 0;
    int opening_ = 0;
    QProgressBar* openProgress_ = nullptr;
    QAction* openAction_ = nullptr;
    QActionGroup* languageActions_ = nullptr;

    int exportsRunning_ = 0;
    bool restoring_ = false;
};

} // namespace tasklane
