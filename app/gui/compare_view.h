// CompareView: the Compare tab. Up to four pinned runs stacked on one time axis (their
// starts lined up, one group of rows per run, numbered as in the list), their summaries side
// by side in a table, and an export of the stacked chart. The pinning itself (which runs,
// the stacked trace) is PinBoard's; this only shows it.
#pragma once

#include "export_source.h"
#include "pin_board.h"

#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace tasklane {

class GanttView;

class CompareView : public QWidget {
    Q_OBJECT

public:
    explicit CompareView(QWidget* parent = nullptr);

    const PinBoard& board() const { return board_; }
    // Pins a run and shows it; says in message() which run made room, if one did.
    void pin(PinnedRun run);
    void unpin(int index);
    void clear();

    GanttView* ganttView() const { return view_; }
    QTableWidget* table() const { return table_; }
    // The summary table as rows of text (header row first), for tests.
    QStringList tableText() const;

    // The stacked chart as an export draws it (titled with the runs' names); nothing when no
    // run is pinned. The window writes it on a worker thread.
    std::optional<ExportSource> exportSource() const;
    // Writes the stacked chart (format from the suffix) here and now. False with `error` set
    // otherwise, in the window's language.
    bool exportChart(const QString& path, QString* error) const;

Q_SIGNALS:
    void message(const QString& text);
    void pinRequested();    // the tab's "Pin current run" button
    void exportRequested(); // its "Export…" button: the window asks where

protected:
    // QEvent::LanguageChange: retranslateUi(). The chart does its own; the pins stay.
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    // The pinned-runs list as tall as its lines, not a box of empty ones.
    void fitListToLines();
    // The buttons' texts, then showTexts().
    void retranslateUi();
    // The heading and the summary table, from the pinned runs, in the current language and
    // number format.
    void showTexts();

    PinBoard board_;
    QLabel* heading_ = nullptr;
    QListWidget* list_ = nullptr;
    QPushButton* pinButton_ = nullptr;
    QPushButton* removeButton_ = nullptr;
    QPushButton* clearButton_ = nullptr;
    QPushButton* exportButton_ = nullptr;
    GanttView* view_ = nullptr;
    QTableWidget* table_ = nullptr;
};

} // namespace tasklane
