#include "pattern_pane.h"

#include "core_text.h"
#include "parameter_panel.h"
#include "text/qt_text.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace tasklane {

namespace {

constexpr int kPatternIdRole = Qt::UserRole;
constexpr int kSectionRole = Qt::UserRole + 1; // a chapter's items: the section that made it
constexpr int kAutoRunDelayMs = 400;

namespace key {
const QString pattern = QStringLiteral("run/pattern");
const QString autoRun = QStringLiteral("run/autoRun");
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
        return {PatternPane::tr("2  Multiprocessing"), QStringLiteral("2. 멀티프로세싱")};
    if (number == u"3")
        return {PatternPane::tr("3  Asynchronous programming"),
                QStringLiteral("3. 비동기 프로그래밍")};
    if (number == u"4")
        return {PatternPane::tr("4  concurrent.futures"),
                QStringLiteral("4. concurrent.futures 모듈")};
    if (number == u"5")
        return {PatternPane::tr("5  Parallel vs. asynchronous"),
                QStringLiteral("5. 병렬 처리와 비동기 프로그래밍의 차이점")};
    return {PatternPane::tr("%1  Other").arg(number), QString()};
}

} // namespace

PatternPane::PatternPane(std::vector<const Pattern*> patterns, QWidget* parent)
    : QWidget(parent)
    , patterns_(std::move(patterns)) {
    autoRunTimer_ = new QTimer(this);
    autoRunTimer_->setSingleShot(true);
    autoRunTimer_->setInterval(kAutoRunDelayMs);
    connect(autoRunTimer_, &QTimer::timeout, this, &PatternPane::runRequested);
    buildActions();
    buildList();
    retranslateUi();
    populate();
    connect(panel_, &ParameterPanel::paramsChanged, this, &PatternPane::parametersChanged);
    // The panel's error line, which the Run button's tooltip repeats, in a new language.
    connect(panel_, &ParameterPanel::retranslated, this, &PatternPane::updateRunState);
    updateRunState();
}

void PatternPane::buildActions() {
    // Texts and tooltips: retranslateUi(); the run action's, which says Run or Stop,
    // updateRunState().
    runAction_ = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    runAction_->setObjectName(QStringLiteral("run-action"));
    runAction_->setShortcut(QKeySequence(Qt::Key_F5));
    connect(runAction_, &QAction::triggered, this,
            [this] { running_ ? Q_EMIT stopRequested() : Q_EMIT runRequested(); });

    autoRunAction_ = new QAction(this);
    autoRunAction_->setObjectName(QStringLiteral("auto-run-action"));
    autoRunAction_->setCheckable(true);

    resetAction_ = new QAction(this);
    resetAction_->setObjectName(QStringLiteral("lesson-action"));
    connect(resetAction_, &QAction::triggered, this, [this] { applyPreset(Preset::Lesson); });
    tutorialAction_ = new QAction(this);
    tutorialAction_->setObjectName(QStringLiteral("tutorial-action"));
    connect(tutorialAction_, &QAction::triggered, this, [this] { applyPreset(Preset::Tutorial); });
}

void PatternPane::buildList() {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 4, 8);
    // Texts: retranslateUi().
    patternsLabel_ = new QLabel;
    layout->addWidget(patternsLabel_);
    list_ = new QTreeWidget;
    list_->setObjectName(QStringLiteral("pattern-list"));
    list_->setHeaderHidden(true);
    list_->setRootIsDecorated(false);
    list_->setIndentation(12);
    list_->setUniformRowHeights(true);
    list_->setMinimumHeight(120);
    layout->addWidget(list_, 2);
    connect(list_, &QTreeWidget::currentItemChanged, this, &PatternPane::patternSelected);

    description_ = new QLabel;
    description_->setObjectName(QStringLiteral("pattern-description"));
    description_->setWordWrap(true);
    description_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    description_->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(description_);

    paramsLabel_ = new QLabel;
    layout->addSpacing(6);
    layout->addWidget(paramsLabel_);
    panel_ = new ParameterPanel;
    panel_->setObjectName(QStringLiteral("parameter-panel"));
    auto* panelScroll = new QScrollArea;
    panelScroll->setWidget(panel_);
    panelScroll->setWidgetResizable(true);
    panelScroll->setFrameShape(QFrame::NoFrame);
    panelScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(panelScroll, 3);

    tutorialButton_ = new QPushButton;
    tutorialButton_->setObjectName(QStringLiteral("tutorial-values"));
    connect(tutorialButton_, &QPushButton::clicked, tutorialAction_, &QAction::trigger);
    layout->addWidget(tutorialButton_);

    runButton_ = new QPushButton;
    runButton_->setObjectName(QStringLiteral("run-button"));
    runButton_->setMinimumHeight(34);
    runButton_->setDefault(true);
    connect(runButton_, &QPushButton::clicked, runAction_, &QAction::trigger);
    layout->addWidget(runButton_);
}

void PatternPane::populate() {
    const QSignalBlocker blocker(list_);
    list_->clear();
    std::map<QString, QTreeWidgetItem*> chapters;
    for (const Pattern* pattern : patterns_) {
        const QString section = qs(pattern->section());
        const Chapter chapter = chapterOf(section);
        QTreeWidgetItem*& parent = chapters[chapter.title];
        if (parent == nullptr) {
            parent = new QTreeWidgetItem(list_);
            parent->setData(0, kSectionRole, section);
            parent->setFlags(Qt::ItemIsEnabled);
            QFont bold = parent->font(0);
            bold.setBold(true);
            parent->setFont(0, bold);
            parent->setExpanded(true);
            setItemTexts(parent);
        }
        auto* item = new QTreeWidgetItem(parent);
        item->setData(0, kPatternIdRole, qs(pattern->id()));
        setItemTexts(item);
    }
    list_->expandAll();
}

// A chapter's title, or a pattern's line and tooltip, in the current language.
void PatternPane::setItemTexts(QTreeWidgetItem* item) const {
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

void PatternPane::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void PatternPane::retranslateUi() {
    autoRunAction_->setText(tr("&Auto-run on Change"));
    autoRunAction_->setToolTip(
        tr("Run again shortly after every parameter change, when the run takes under 2 s"));
    resetAction_->setText(tr("&Lesson's Values"));
    resetAction_->setToolTip(
        tr("Parameters that show what the pattern teaches within two seconds (the values a "
           "pattern opens with)"));
    tutorialAction_->setText(tr("&Tutorial's Values"));
    tutorialAction_->setToolTip(
        tr("The tutorial's own example, as its program has it (the Python tab shows it)"));
    tutorialButton_->setText(tr("Tutorial's values"));
    tutorialButton_->setToolTip(tutorialAction_->toolTip());
    patternsLabel_->setText(tr("<b>Patterns</b>"));
    paramsLabel_->setText(tr("<b>Parameters</b>"));
    {
        // In place: the current item, and with it the pattern and its parameters, stay.
        const QSignalBlocker blocker(list_);
        for (QTreeWidgetItemIterator it(list_); *it; ++it)
            setItemTexts(*it);
    }
    showDescription();
    updateRunState();
}

void PatternPane::setRunning(bool running) {
    running_ = running;
    updateRunState();
}

void PatternPane::cancelAutoRun() {
    autoRunTimer_->stop();
}

void PatternPane::updateRunState() {
    const bool valid = pattern_ != nullptr && panel_->isValid();
    runAction_->setText(running_ ? tr("&Stop") : tr("&Run"));
    runAction_->setIcon(
        style()->standardIcon(running_ ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    runAction_->setToolTip(running_ ? tr("Stop the run (Esc)")
                                    : tr("Run the pattern with these parameters (F5)"));
    // F5 means Run: while a run goes on it does nothing, and Esc (the window's) stops it.
    runAction_->setShortcut(running_ ? QKeySequence() : QKeySequence(Qt::Key_F5));
    runAction_->setEnabled(running_ || valid);
    runButton_->setText(running_ ? tr("Stop") : tr("Run  (F5)"));
    runButton_->setIcon(runAction_->icon());
    runButton_->setEnabled(runAction_->isEnabled());
    runButton_->setToolTip(valid || running_ ? runAction_->toolTip()
                                             : panel_->error().value_or(QString()));
}

bool PatternPane::selectPattern(const QString& id) {
    for (QTreeWidgetItemIterator it(list_); *it; ++it)
        if ((*it)->data(0, kPatternIdRole).toString() == id) {
            list_->setCurrentItem(*it);
            return true;
        }
    return false;
}

const Pattern* PatternPane::findPattern(const std::string& id) const {
    for (const Pattern* p : patterns_)
        if (p->id() == id)
            return p;
    return nullptr;
}

void PatternPane::patternSelected() {
    QTreeWidgetItem* item = list_->currentItem();
    const QString id = item ? item->data(0, kPatternIdRole).toString() : QString();
    const Pattern* next = id.isEmpty() ? nullptr : findPattern(id.toStdString());
    if (next == nullptr)
        return;
    openedFile_.clear();
    if (next != pattern_) {
        if (pattern_ != nullptr)
            paramsByPattern_[pattern_->id()] = panel_->params();
        pattern_ = next;
        panel_->setPattern(pattern_, storedParams(*pattern_));
    }
    showDescription();
    if (restoring_)
        return;
    // A new pattern gets its own chart straight away when the rule allows; the old one would
    // only mislead, so the window drops it either way.
    Q_EMIT patternChosen();
    offerRun();
}

void PatternPane::offerRun() {
    if (pattern_ == nullptr || !panel_->isValid())
        return;
    const Params params = panel_->params();
    if (pattern_->startsAtOnce(params))
        Q_EMIT runRequested();
    else
        Q_EMIT runHeld(pattern_->expectedMs(params));
}

void PatternPane::clearListSelection() {
    const QSignalBlocker blocker(list_);
    list_->setCurrentItem(nullptr);
    list_->clearSelection();
}

void PatternPane::showOpenedFile(const QString& fileName) {
    openedFile_ = fileName;
    showDescription();
}

void PatternPane::showDescription() {
    if (pattern_ == nullptr)
        return;
    if (openedFile_.isEmpty()) {
        description_->setText(coretext::pattern(pattern_->description()));
        return;
    }
    description_->setText(tr("The chart shows %1, a trace file, not a run of a pattern. Run "
                             "(F5) runs %2 with the parameters below; pick a pattern to "
                             "read about it.")
                              .arg(openedFile_, coretext::pattern(pattern_->title())));
}

void PatternPane::showListSelection(const Pattern* pattern) {
    if (pattern == nullptr)
        return;
    openedFile_.clear();
    showDescription();
    const QSignalBlocker blocker(list_);
    for (QTreeWidgetItemIterator it(list_); *it; ++it)
        if ((*it)->data(0, kPatternIdRole).toString() == qs(pattern->id())) {
            list_->setCurrentItem(*it);
            return;
        }
}

void PatternPane::applyPreset(Preset preset) {
    if (pattern_ != nullptr)
        panel_->setValues(pattern_->preset(preset));
}

void PatternPane::parametersChanged() {
    if (pattern_ == nullptr)
        return;
    if (panel_->isValid()) {
        paramsByPattern_[pattern_->id()] = panel_->params();
        Q_EMIT validParamsChanged();
        if (autoRunAction_->isChecked() && !restoring_) {
            if (pattern_->startsAtOnce(panel_->params())) {
                autoRunTimer_->start();
            } else {
                autoRunTimer_->stop();
                Q_EMIT runHeld(pattern_->expectedMs(panel_->params()));
            }
        }
    } else {
        autoRunTimer_->stop();
    }
    updateRunState();
    Q_EMIT paramsEdited();
}

Params PatternPane::storedParams(const Pattern& pattern) const {
    if (const auto it = paramsByPattern_.find(pattern.id()); it != paramsByPattern_.end())
        return it->second;
    // A pattern opens with its lesson; what the user ran or edited before replaces it.
    Params out = pattern.preset(Preset::Lesson);
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

void PatternPane::restoreSettings(const QString& pattern, const Params& params) {
    restoring_ = true;
    const QSettings settings;
    autoRunAction_->setChecked(settings.value(key::autoRun, true).toBool());
    // A first start opens the skeleton's pattern, thread-pool, as ./run.sh renders it headless.
    const QString id = pattern.isEmpty()
                           ? settings.value(key::pattern, QStringLiteral("thread-pool")).toString()
                           : pattern;
    if (id.isEmpty() || !selectPattern(id)) {
        // The first pattern of the tutorial.
        for (QTreeWidgetItemIterator it(list_); *it; ++it)
            if (!(*it)->data(0, kPatternIdRole).toString().isEmpty()) {
                list_->setCurrentItem(*it);
                break;
            }
    }
    for (const auto& [name, value] : params.values())
        panel_->setValue(name, value);
    restoring_ = false;
}

void PatternPane::saveSettings(QSettings& settings) const {
    settings.setValue(key::autoRun, autoRunAction_->isChecked());
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

} // namespace tasklane
