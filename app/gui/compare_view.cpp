#include "compare_view.h"

#include "chart/chart_exporter.h"
#include "core_text.h"
#include "gantt_view.h"
#include "summary_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tasklane {

namespace {
// The figures table takes at most this much of the tab's width: four runs' columns.
constexpr int kMostTableWidth = 520;

QString msText(double ms) {
    return QLocale().toString(ms, 'f', ms >= 100 ? 0 : 1) + QStringLiteral(" ms");
}
} // namespace

CompareView::CompareView(QWidget* parent)
    : QWidget(parent) {
    heading_ = new QLabel;
    heading_->setWordWrap(true);
    // Texts: retranslateUi().
    pinButton_ = new QPushButton;
    removeButton_ = new QPushButton;
    clearButton_ = new QPushButton;
    exportButton_ = new QPushButton;
    connect(pinButton_, &QPushButton::clicked, this, &CompareView::pinRequested);
    connect(removeButton_, &QPushButton::clicked, this, [this] { unpin(list_->currentRow()); });
    connect(clearButton_, &QPushButton::clicked, this, &CompareView::clear);
    connect(exportButton_, &QPushButton::clicked, this, &CompareView::exportRequested);

    list_ = new QListWidget;
    list_->setObjectName(QStringLiteral("pinnedRuns"));
    // As tall as its lines (refresh()): four at most, so it never needs to scroll.
    list_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(list_, &QListWidget::currentRowChanged, this,
            [this](int row) { removeButton_->setEnabled(row >= 0); });

    view_ = new GanttView;
    view_->setGroupBy(GroupBy::Worker); // core rows would mix the runs
    auto* scroll = new QScrollArea;
    scroll->setWidget(view_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    table_ = new QTableWidget;
    table_->setObjectName(QStringLiteral("pinnedSummaries"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Columns as wide as their figures, never squeezed into "0.\n92×": the list above names
    // each run by its number, so a column is headed by the number alone; the table scrolls
    // sideways when four runs do not fit.
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setWordWrap(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(heading_, 1);
    for (QPushButton* b : {pinButton_, removeButton_, clearButton_, exportButton_})
        buttons->addWidget(b);
    // Side by side: the tab has a share of the window's height, and width to spare.
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(scroll);
    splitter->addWidget(table_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(list_);
    layout->addWidget(splitter, 1);
    retranslateUi();
    refresh();
}

void CompareView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void CompareView::retranslateUi() {
    pinButton_->setText(tr("Pin current run"));
    pinButton_->setToolTip(tr("Add the run on screen to the comparison (Ctrl+P)"));
    removeButton_->setText(tr("Remove"));
    clearButton_->setText(tr("Clear"));
    exportButton_->setText(tr("Export chart…"));
    exportButton_->setToolTip(tr("Save the stacked chart as PNG, SVG or PDF"));
    showTexts();
}

void CompareView::pin(PinnedRun run) {
    if (!run.result)
        return;
    if (board_.contains(run.result.get())) {
        Q_EMIT message(tr("This run is pinned already."));
        return;
    }
    const QString name = run.name;
    const QString dropped = board_.pin(std::move(run));
    refresh();
    if (dropped.isEmpty())
        Q_EMIT message(
            tr("Pinned %1 (%2 of %3).").arg(name).arg(board_.size()).arg(PinBoard::kCapacity));
    else
        Q_EMIT message(tr("Pinned %1; %2 made room for it (at most %3 are compared).")
                           .arg(name, dropped)
                           .arg(PinBoard::kCapacity));
}

void CompareView::unpin(int index) {
    if (index < 0 || index >= board_.size())
        return;
    board_.unpin(index);
    refresh();
}

void CompareView::clear() {
    board_.clear();
    refresh();
}

void CompareView::refresh() {
    const auto& runs = board_.runs();
    list_->clear();
    for (std::size_t i = 0; i < runs.size(); ++i)
        list_->addItem(QStringLiteral("%1 · %2").arg(i + 1).arg(runs[i].name));
    removeButton_->setEnabled(false);
    clearButton_->setEnabled(!runs.empty());
    exportButton_->setEnabled(!runs.empty());
    list_->setVisible(!runs.empty());
    fitListToLines();

    if (auto stacked = board_.stacked())
        view_->setTrace(stacked);
    else
        view_->clear();
    showTexts();
}

void CompareView::fitListToLines() {
    const int lines = std::max(1, list_->count());
    const int line = list_->count() > 0 ? list_->sizeHintForRow(0) : list_->fontMetrics().height();
    list_->setFixedHeight(line * lines + 2 * list_->frameWidth());
}

void CompareView::showTexts() {
    const auto& runs = board_.runs();
    heading_->setText(runs.empty()
                          ? tr("Pin runs to compare them here: up to %1, stacked on one time axis.")
                                .arg(PinBoard::kCapacity)
                          : tr("%n pinned run(s), started together on one time axis.", nullptr,
                               int(runs.size())));
    const QStringList rows = {tr("Makespan"),   tr("Sequential estimate"),
                              tr("Speedup"),    tr("Efficiency"),
                              tr("Cores used"), tr("GIL wait"),
                              tr("Lock wait"),  tr("Spawning"),
                              tr("Queued"),     tr("Events")};
    table_->clear();
    table_->setRowCount(int(rows.size()));
    table_->setColumnCount(int(runs.size()));
    table_->setVerticalHeaderLabels(rows);
    const QLocale locale;
    for (std::size_t c = 0; c < runs.size(); ++c) {
        auto* header = new QTableWidgetItem(QString::number(c + 1));
        header->setToolTip(QStringLiteral("%1 · %2").arg(c + 1).arg(runs[c].name));
        table_->setHorizontalHeaderItem(int(c), header);
        const Metrics& m = runs[c].result->metrics;
        const QStringList values = {
            msText(m.makespan_ms),
            msText(m.sequential_ms),
            tr("%1×").arg(SummaryView::speedupNumber(m.speedup)),
            tr("%1 %").arg(locale.toString(m.efficiency * 100, 'f', 0)),
            locale.toString(m.cores_used),
            msText(m.gil_wait_ms),
            msText(m.lock_wait_ms),
            msText(m.spawning_ms),
            msText(m.queued_ms),
            locale.toString(qulonglong(runs[c].result->trace.events.size())),
        };
        for (int r = 0; r < values.size(); ++r) {
            auto* item = new QTableWidgetItem(values[r]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(r, int(c), item);
        }
    }
    // Wide enough for every column (up to four runs) beside the stacked chart, which keeps
    // the rest of the width.
    table_->resizeColumnsToContents();
    int needed = table_->verticalHeader()->sizeHint().width() + 2 * table_->frameWidth() +
                 table_->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < table_->columnCount(); ++c)
        needed += table_->columnWidth(c);
    table_->setMinimumWidth(std::min(needed, kMostTableWidth));
}

QStringList CompareView::tableText() const {
    QStringList out;
    QStringList header;
    for (int c = 0; c < table_->columnCount(); ++c)
        header << table_->horizontalHeaderItem(c)->toolTip();
    out << header.join(QLatin1Char('\t'));
    for (int r = 0; r < table_->rowCount(); ++r) {
        QStringList cells = {table_->verticalHeaderItem(r)->text()};
        for (int c = 0; c < table_->columnCount(); ++c)
            cells << table_->item(r, c)->text();
        out << cells.join(QLatin1Char('\t'));
    }
    return out;
}

std::optional<ExportSource> CompareView::exportSource() const {
    const auto stacked = board_.stacked();
    if (!stacked)
        return std::nullopt;
    ExportSource source;
    source.trace = stacked;
    source.chart.groupBy = GroupBy::Worker;
    QStringList names;
    for (std::size_t i = 0; i < board_.runs().size(); ++i)
        names << QStringLiteral("%1 · %2").arg(i + 1).arg(board_.runs()[i].name);
    source.chart.title = tr("Compared: %1").arg(names.join(QStringLiteral("; ")));
    return source;
}

bool CompareView::exportChart(const QString& path, QString* error) const {
    const std::optional<ExportSource> source = exportSource();
    if (!source) {
        if (error != nullptr)
            *error = tr("Nothing is pinned: pin a run first.");
        return false;
    }
    const SaveResult saved = ChartExporter::exportChart(*source->trace, path, source->chart);
    if (!saved && error != nullptr)
        *error = coretext::message(saved.error());
    return saved.ok();
}

} // namespace tasklane
