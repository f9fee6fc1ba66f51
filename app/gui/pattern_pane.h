// PatternPane: what to run. The patterns grouped by the tutorial's chapters, the chosen one's
// description and parameter editors, the Run button, and the actions that start, stop and
// auto-run a run (for the window's menus and toolbar). It keeps each pattern's edits while
// another is shown, and their stored values in QSettings. It asks for runs (runRequested)
// and is told whether one is going (setRunning); running them is the window's business.
#pragma once

#include "patterns/pattern.h"

#include <QString>
#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QAction;
class QLabel;
class QPushButton;
class QSettings;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace tasklane {

class ParameterPanel;

class PatternPane : public QWidget {
    Q_OBJECT

public:
    explicit PatternPane(std::vector<const Pattern*> patterns, QWidget* parent = nullptr);

    const Pattern* currentPattern() const { return pattern_; }
    ParameterPanel* parameterPanel() const { return panel_; }
    bool selectPattern(const QString& id);

    QAction* runAction() const { return runAction_; } // Run, or Stop while a run goes on
    QAction* autoRunAction() const { return autoRunAction_; }
    QAction* resetAction() const { return resetAction_; }       // the lesson's values
    QAction* tutorialAction() const { return tutorialAction_; } // the tutorial's values

    // Whether a run is going on: the Run action and button offer to stop it.
    void setRunning(bool running);
    // Drops an auto-run that is waiting to start (a run or a file is coming anyway).
    void cancelAutoRun();
    // The two-second rule, for a run nobody pressed Run for (a pattern picked, the window
    // opened, a preset chosen): runRequested() when the run is expected to take at most 2 s
    // (Pattern::startsAtOnce), else runHeld() with how long it would take.
    void offerRun();
    // The list's selection follows the run on screen: nothing for an opened trace file, the
    // run's pattern for a run (its parameters stay as edited). Neither starts a run.
    void clearListSelection();
    // The chart shows a trace file, no pattern's run: the description says so, and what Run
    // would do instead, until a pattern is shown again.
    void showOpenedFile(const QString& fileName);
    void showListSelection(const Pattern* pattern);

    // The stored pattern, or `pattern` when given (an unknown one: the tutorial's first), its
    // stored parameters with `params` over them, and the auto-run choice. No run starts.
    void restoreSettings(const QString& pattern, const Params& params);
    void saveSettings(QSettings& settings) const;

Q_SIGNALS:
    // Run the current pattern with the panel's values: the Run action or button, a new
    // pattern chosen, or auto-run after an edit.
    void runRequested();
    void stopRequested();
    // The current pattern's values changed and can run (its Python program changed with them).
    void validParamsChanged();
    // The two-second rule held back a run expected to take `expectedMs`: it waits for Run.
    void runHeld(double expectedMs);
    // The user picked a pattern in the list (also the one whose run was on screen before a
    // trace file took its place); the panel shows its parameters already.
    void patternChosen();
    // Any edit of the parameters, valid or not.
    void paramsEdited();

protected:
    // QEvent::LanguageChange: retranslateUi(). The parameter panel does its own part.
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void buildList();
    void populate();
    void setItemTexts(QTreeWidgetItem* item) const;
    void retranslateUi();
    void updateRunState();
    void showDescription();
    void patternSelected();
    void parametersChanged();
    void applyPreset(Preset preset);
    const Pattern* findPattern(const std::string& id) const;
    Params storedParams(const Pattern& pattern) const;

    std::vector<const Pattern*> patterns_;
    const Pattern* pattern_ = nullptr;
    QString openedFile_; // the trace file on screen, if the chart shows one
    std::map<std::string, Params> paramsByPattern_; // edits of patterns not shown right now
    bool running_ = false;
    bool restoring_ = false;

    QLabel* patternsLabel_ = nullptr;
    QTreeWidget* list_ = nullptr;
    QLabel* description_ = nullptr;
    QLabel* paramsLabel_ = nullptr;
    ParameterPanel* panel_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* autoRunAction_ = nullptr;
    QAction* resetAction_ = nullptr;
    QAction* tutorialAction_ = nullptr;
    QPushButton* tutorialButton_ = nullptr;
    QTimer* autoRunTimer_ = nullptr;
};

} // namespace tasklane
