// ChartPane: the chart and what sits around it. A heading naming what is drawn, the row grouping
// box, the zoom history's buttons, the ruler over the Gantt view, the selected range's
// statistics and the run's conclusion under it, and the actions that act on the chart (for the
// window's View menu). It shows a ShownResult and makes its texts again when the language
// changes; where the result comes from is the window's business.
#pragma once

#include "chart/chart_exporter.h"
#include "shown_result.h"

#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QVBoxLayout;

namespace tasklane {

class GanttView;
class TimeRuler;

class ChartPane : public QWidget {
    Q_OBJECT

public:
    explicit ChartPane(QWidget* parent = nullptr);

    GanttView* ganttView() const { return view_; }
    // The grouping asked for (the rows on screen may still be those of the last one).
    GroupBy groupBy() const;
    // Sets the view, the box and the View menu's choice alike.
    void setGroupBy(GroupBy groupBy);

    // Draws `shown`'s trace, with `rows` when they were built for it in the current language
    // (null: built here), and heads it. The zoom is fitted to the new trace.
    void showResult(const ShownResult& shown, std::shared_ptr<const GanttRows> rows);
    // The chart on screen as a file would draw it: grouping, zoom, picked task, collapsed
    // processes and a title in the current language.
    ChartOptions exportOptions() const;
    // The line under the heading saying the panel's parameters are not those of the run on
    // screen: hidden, "parameters changed: F5 to run", or while their run goes on, that it is
    // under way.
    enum class ParamsState { Same, Changed, ChangedRunning };
    void setParamsState(ParamsState state);
    // What the chart area says while it has no run to draw ("Running…", "would take about
    // 25 s: press Run (F5)"); empty: the view's own words.
    void setPlaceholder(std::function<QString()> text);
    QString conclusionText() const;

    QAction* fitAction() const { return fitAction_; }
    QAction* backAction() const { return backAction_; }
    QAction* forwardAction() const { return forwardAction_; }
    QAction* zoomSelectionAction() const { return zoomSelectionAction_; }
    QAction* clearSelectionAction() const { return clearSelectionAction_; }
    QAction* collapseAllAction() const { return collapseAllAction_; }
    QAction* expandAllAction() const { return expandAllAction_; }
    QList<QAction*> groupByActions() const;

Q_SIGNALS:
    // A line for the window's status bar; 0: until the next one.
    void statusMessage(const QString& text, int timeoutMs);

protected:
    // QEvent::LanguageChange: retranslateUi(). The view and the ruler do their own part.
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void buildHeader(QVBoxLayout* layout);
    void buildChart(QVBoxLayout* layout);
    void connectView();
    void retranslateActions();
    void retranslateUi();
    void showHeading();
    void showOpenedHeading();
    void showConclusion();
    void showSelection();
    void showParamsState();

    ShownResult shown_;
    QLabel* heading_ = nullptr;
    QLabel* groupLabel_ = nullptr;
    QComboBox* groupByBox_ = nullptr;
    GanttView* view_ = nullptr;
    TimeRuler* ruler_ = nullptr;
    QLabel* selectionLabel_ = nullptr; // the selected range's statistics
    QLabel* conclusion_ = nullptr;     // what a comparison's numbers say
    QLabel* paramsChanged_ = nullptr;  // the parameters are not the chart's
    ParamsState paramsState_ = ParamsState::Same;
    std::function<QString()> placeholder_;

    QAction* fitAction_ = nullptr;
    QAction* backAction_ = nullptr;
    QAction* forwardAction_ = nullptr;
    QAction* zoomSelectionAction_ = nullptr;
    QAction* clearSelectionAction_ = nullptr;
    QAction* collapseAllAction_ = nullptr;
    QAction* expandAllAction_ = nullptr;
    QActionGroup* groupByActions_ = nullptr;
};

} // namespace tasklane
