#include "chart_pane.h"

#include "chart/zoom_state.h"
#include "core_text.h"
#include "gantt_view.h"
#include "summary_view.h"
#include "text/qt_text.h"
#include "time_ruler.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace tasklane {

namespace {

constexpr GroupBy kGroupings[] = {GroupBy::Worker, GroupBy::Core, GroupBy::Both};

} // namespace

ChartPane::ChartPane(QWidget* parent)
    : QWidget(parent) {
    buildActions();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 8, 8, 0);
    buildHeader(layout);
    buildChart(layout);
    connectView();
    retranslateUi();
}

void ChartPane::buildActions() {
    // Texts and tooltips: retranslateActions().
    fitAction_ = new QAction(this);
    connect(fitAction_, &QAction::triggered, this, [this] { view_->fit(); });
    // F, as in other trace viewers; Ctrl+0 stays for those who learnt it.
    fitAction_->setShortcuts({QKeySequence(Qt::Key_F), QKeySequence(Qt::CTRL | Qt::Key_0)});
    fitAction_->setEnabled(false); // until there is a chart

    // Zoom history, as a browser's: the view's ZoomState keeps it.
    backAction_ = new QAction(style()->standardIcon(QStyle::SP_ArrowBack), QString(), this);
    backAction_->setObjectName(QStringLiteral("zoom-back-action"));
    backAction_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    backAction_->setEnabled(false);
    connect(backAction_, &QAction::triggered, this, [this] { view_->zoomState()->back(); });
    forwardAction_ = new QAction(style()->standardIcon(QStyle::SP_ArrowForward), QString(), this);
    forwardAction_->setObjectName(QStringLiteral("zoom-forward-action"));
    forwardAction_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
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

    // Also in the row names' context menu; a click on a process's triangle does one.
    collapseAllAction_ = new QAction(this);
    collapseAllAction_->setObjectName(QStringLiteral("collapse-processes-action"));
    connect(collapseAllAction_, &QAction::triggered, this,
            [this] { view_->setAllProcessesCollapsed(true); });
    expandAllAction_ = new QAction(this);
    expandAllAction_->setObjectName(QStringLiteral("expand-processes-action"));
    connect(expandAllAction_, &QAction::triggered, this,
            [this] { view_->setAllProcessesCollapsed(false); });

    groupByActions_ = new QActionGroup(this);
    for (const GroupBy groupBy : kGroupings) {
        auto* action = groupByActions_->addAction(QString());
        action->setCheckable(true);
        action->setData(groupByName(groupBy));
    }
    connect(groupByActions_, &QActionGroup::triggered, this, [this](QAction* action) {
        if (const auto g = groupByFromName(action->data().toString()))
            setGroupBy(*g);
    });
}

void ChartPane::buildHeader(QVBoxLayout* layout) {
    auto* header = new QHBoxLayout;
    heading_ = new QLabel;
    heading_->setObjectName(QStringLiteral("chart-heading"));
    heading_->setTextFormat(Qt::RichText);
    // A long heading wraps onto a second line, and is not allowed to widen the window.
    heading_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    heading_->setWordWrap(true);
    heading_->setMinimumWidth(50);
    header->addWidget(heading_, 1);
    groupLabel_ = new QLabel;
    header->addWidget(groupLabel_);
    groupByBox_ = new QComboBox;
    groupByBox_->setObjectName(QStringLiteral("group-by"));
    for (const GroupBy groupBy : kGroupings)
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
    layout->addLayout(header);
    paramsChanged_ = new QLabel;
    paramsChanged_->setObjectName(QStringLiteral("params-changed"));
    paramsChanged_->setStyleSheet(QStringLiteral("QLabel { color: #e0a030; }"));
    paramsChanged_->hide();
    layout->addWidget(paramsChanged_);
    connect(groupByBox_, &QComboBox::currentIndexChanged, this, [this] {
        if (const auto g = groupByFromName(groupByBox_->currentData().toString()))
            setGroupBy(*g);
    });
}

void ChartPane::buildChart(QVBoxLayout* layout) {
    view_ = new GanttView;
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("chart-scroll"));
    scroll->setWidget(view_);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::StyledPanel);
    // The whole run over the chart, in sight however far the rows scroll.
    ruler_ = new TimeRuler;
    ruler_->setView(view_);
    layout->addWidget(ruler_);
    layout->addWidget(scroll, 1);

    selectionLabel_ = new QLabel;
    selectionLabel_->setObjectName(QStringLiteral("selection-stats"));
    selectionLabel_->setTextFormat(Qt::RichText);
    selectionLabel_->setWordWrap(true);
    selectionLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    selectionLabel_->hide();
    layout->addWidget(selectionLabel_);

    conclusion_ = new QLabel;
    conclusion_->setObjectName(QStringLiteral("conclusion"));
    conclusion_->setWordWrap(true);
    conclusion_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    conclusion_->hide();
    layout->addWidget(conclusion_);
}

void ChartPane::connectView() {
    connect(view_, &GanttView::selectionStatsChanged, this, [this] {
        showSelection();
        const bool selected = !selectionLabel_->text().isEmpty();
        selectionLabel_->setVisible(selected);
        zoomSelectionAction_->setEnabled(selected);
        clearSelectionAction_->setEnabled(selected);
    });
    connect(view_->zoomState(), &ZoomState::historyChanged, this, [this] {
        backAction_->setEnabled(view_->zoomState()->canGoBack());
        forwardAction_->setEnabled(view_->zoomState()->canGoForward());
    });
    connect(view_, &GanttView::highlightChanged, this, [this] {
        if (const auto task = view_->highlightTask())
            Q_EMIT statusMessage(tr("Task %1 highlighted; click it again to clear.").arg(*task),
                                 4000);
    });
    // A few million slices take a moment to sort into new rows; the chart keeps the old ones
    // meanwhile and the status bar says why it has not changed yet.
    connect(view_, &GanttView::regroupingChanged, this, [this](bool regrouping) {
        // The view's wish, which the menu sets before the box follows.
        const QString grouping =
            groupByBox_->itemText(groupByBox_->findData(groupByName(view_->groupBy())));
        if (regrouping)
            Q_EMIT statusMessage(tr("Regrouping %L1 slices (%2)…")
                                     .arg(qulonglong(view_->sliceCount()))
                                     .arg(grouping),
                                 0);
        else
            Q_EMIT statusMessage(tr("Rows regrouped (%1).").arg(grouping), 3000);
    });
}

GroupBy ChartPane::groupBy() const {
    return view_->groupBy();
}

void ChartPane::setGroupBy(GroupBy groupBy) {
    view_->setGroupBy(groupBy);
    {
        const QSignalBlocker blocker(groupByBox_);
        groupByBox_->setCurrentIndex(groupByBox_->findData(groupByName(groupBy)));
    }
    for (QAction* a : groupByActions_->actions())
        a->setChecked(a->data().toString() == groupByName(groupBy));
}

QList<QAction*> ChartPane::groupByActions() const {
    return groupByActions_->actions();
}

void ChartPane::showResult(const ShownResult& shown, std::shared_ptr<const GanttRows> rows) {
    shown_ = shown;
    if (shown_.result)
        view_->setTrace(std::shared_ptr<const Trace>(shown_.result, &shown_.result->trace),
                        std::move(rows));
    else
        view_->clear(); // nothing of another pattern's run stays beside this one's name
    fitAction_->setEnabled(shown_.result != nullptr);
    showConclusion();
    showHeading();
}

ChartOptions ChartPane::exportOptions() const {
    ChartOptions chart;
    chart.groupBy = view_->groupBy();
    chart.highlightTask = view_->highlightTask();
    chart.collapsedPids = view_->collapsedPids();
    if (!shown_.result)
        return chart;
    if (view_->visibleRange() != GanttLayout::fullRange(shown_.result->trace))
        chart.range = view_->visibleRange(); // what the screen shows, zoom included
    if (shown_.pattern != nullptr)
        chart.title = tr("%1 %2 (%3): makespan %4 ms")
                          .arg(qs(shown_.pattern->section()),
                               coretext::pattern(shown_.pattern->title()), qs(shown_.pattern->id()))
                          .arg(QLocale().toString(shown_.result->metrics.makespan_ms, 'f', 1));
    else if (!shown_.openedPath.isEmpty())
        chart.title = QFileInfo(shown_.openedPath).fileName();
    return chart;
}

QString ChartPane::conclusionText() const {
    return conclusion_->text();
}

void ChartPane::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void ChartPane::retranslateActions() {
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
    collapseAllAction_->setText(tr("C&ollapse All Processes"));
    expandAllAction_->setText(tr("E&xpand All Processes"));
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
}

void ChartPane::retranslateUi() {
    retranslateActions();
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
    showHeading();
    showConclusion();
    showParamsState();
    if (placeholder_)
        view_->setPlaceholder(placeholder_());
    if (!view_->selectionSummary().isEmpty())
        showSelection();
}

void ChartPane::setParamsState(ParamsState state) {
    paramsState_ = state;
    showParamsState();
}

void ChartPane::showParamsState() {
    switch (paramsState_) {
    case ParamsState::Same:
        paramsChanged_->clear();
        break;
    case ParamsState::Changed:
        paramsChanged_->setText(
            tr("Parameters changed since this run: F5 to run them (the Python tab shows "
               "their program)."));
        break;
    case ParamsState::ChangedRunning:
        paramsChanged_->setText(tr("Parameters changed since this run: their run is under way."));
        break;
    }
    paramsChanged_->setVisible(paramsState_ != ParamsState::Same);
}

void ChartPane::setPlaceholder(std::function<QString()> text) {
    placeholder_ = std::move(text);
    view_->setPlaceholder(placeholder_ ? placeholder_() : QString());
}

void ChartPane::showSelection() {
    selectionLabel_->setText(view_->selectionSummary());
    selectionLabel_->setToolTip(view_->selectionDetails());
}

void ChartPane::showHeading() {
    if (shown_.isOpenedTrace()) {
        showOpenedHeading();
        return;
    }
    if (!shown_.isRun()) {
        heading_->clear();
        return;
    }
    const Pattern& p = *shown_.pattern;
    const Metrics& m = shown_.result->metrics;
    const QLocale locale;
    const QString title =
        QStringLiteral("%1&nbsp;&nbsp;%2 · %3")
            .arg(qs(p.section()).toHtmlEscaped(), coretext::pattern(p.title()).toHtmlEscaped(),
                 qs(p.tutorialHeading()).toHtmlEscaped());
    if (shown_.stopped) {
        // A stopped run's speedup compares a part with an estimate of the whole: not shown.
        heading_->setText(tr("<b>%1</b>&nbsp;&nbsp;&nbsp;<span style='color:#e0a030'>%2</span>"
                             "&nbsp;&nbsp;<span style='color:#5a626c'>%3 ms recorded</span>")
                              .arg(title, shown_.stoppedText().toHtmlEscaped(),
                                   locale.toString(m.makespan_ms, 'f', 1)));
        heading_->setToolTip(shown_.stoppedText());
        return;
    }
    // Cores busy at least 5 % of the run; a run of sleeps keeps none that busy, and "0 cores"
    // would read as if nothing had run at all.
    const QString cores =
        m.cores_used > 0 ? tr("%n core(s)", nullptr, m.cores_used) : tr("cores mostly idle");
    heading_->setText(tr("<b>%1</b>&nbsp;&nbsp;&nbsp;<span style='color:#5a626c'>%2 ms "
                         "&middot; speedup %3× &middot; %4</span>")
                          .arg(title)
                          .arg(locale.toString(m.makespan_ms, 'f', 1))
                          .arg(SummaryView::speedupNumber(m.speedup), cores));
    heading_->setToolTip(tr("makespan %1 ms, sequential estimate %2 ms, speedup %3×, "
                            "efficiency %4 %, %n core(s) used",
                            nullptr, m.cores_used)
                             .arg(locale.toString(m.makespan_ms, 'f', 1))
                             .arg(locale.toString(m.sequential_ms, 'f', 1))
                             .arg(SummaryView::speedupNumber(m.speedup))
                             .arg(locale.toString(m.efficiency * 100, 'f', 0)));
}

void ChartPane::showOpenedHeading() {
    const Trace& t = shown_.result->trace;
    heading_->setText(
        tr("<b>%1</b>&nbsp;&nbsp;&nbsp;<span style='color:#5a626c'>opened trace &middot; %2 "
           "&middot; %3 &middot; %4 ms</span>")
            .arg(QFileInfo(shown_.openedPath).fileName().toHtmlEscaped(),
                 tr("%n event(s)", nullptr, int(t.events.size())),
                 tr("%n track(s)", nullptr, int(t.tracks.size())))
            .arg(QLocale().toString(double(t.endNs() - t.beginNs()) / 1e6, 'f', 1)));
    heading_->setToolTip(QDir::toNativeSeparators(shown_.openedPath));
}

void ChartPane::showConclusion() {
    QStringList sentences;
    if (shown_.isRun())
        for (const QString& sentence : coretext::conclusion(*shown_.result))
            sentences << sentence.toHtmlEscaped();
    conclusion_->setText(sentences.isEmpty()
                             ? QString()
                             : QStringLiteral("<b>%1</b> %2")
                                   .arg(tr("Conclusion:"), sentences.join(QLatin1Char(' '))));
    conclusion_->setVisible(!sentences.isEmpty());
}

} // namespace tasklane
