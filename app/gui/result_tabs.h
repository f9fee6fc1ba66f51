// ResultTabs: the tabs under the chart. Output (what the run printed, or an opened trace's
// instants), Python (the program the pattern stands for, with a Copy button), Summary (the
// run's or the file's figures) and Compare (the pinned runs). It shows a ShownResult and makes
// its texts again when the language changes.
#pragma once

#include "shown_result.h"

#include <QTabWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace tasklane {

class CompareView;
class SummaryView;

class ResultTabs : public QTabWidget {
    Q_OBJECT

public:
    explicit ResultTabs(QWidget* parent = nullptr);

    // Shows `shown` in the Output and Summary tabs. `printed`: its printed lines (a trace's
    // instants) as joined where it ran or was read; nothing when that was in another language,
    // and they are joined again here.
    void showResult(const ShownResult& shown, std::optional<QString> printed);
    void setPythonProgram(const QString& code);
    // The Python tab for a trace file on screen: it says the file has no program here.
    void showNoProgram(const QString& path);
    // Whether the program shown is for parameters edited since the run on screen: a line
    // over it says so.
    void setParamsChanged(bool changed);
    // "output", "python", "summary" or "compare"; false for any other name.
    bool showTab(const QString& name);

    CompareView* compareView() const { return compare_; }
    QString outputText() const;
    QString pythonText() const;

Q_SIGNALS:
    // A line for the window's status bar; 0: until the next one.
    void statusMessage(const QString& text, int timeoutMs);

protected:
    // QEvent::LanguageChange: retranslateUi(). The summary's placeholder and the Compare tab
    // do their own part.
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showSummary();
    // The Output tab's text for shown_ from its printed lines, in the current language.
    QString outputFor(const QString& printed) const;
    QString currentOutputText() const;
    // After a run's output: where the files it wrote into the session folder are.
    QString sessionFolderNote() const;

    ShownResult shown_;
    QPlainTextEdit* output_ = nullptr;
    QPlainTextEdit* python_ = nullptr;
    QWidget* pythonPage_ = nullptr;   // the banner over the program
    QLabel* paramsChanged_ = nullptr; // the banner
    QString noProgramPath_;           // the file whose lack of a program the tab states
    SummaryView* summary_ = nullptr;
    CompareView* compare_ = nullptr;
    QToolButton* copyButton_ = nullptr;
};

} // namespace tasklane
