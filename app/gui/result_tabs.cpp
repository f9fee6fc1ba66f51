#include "result_tabs.h"

#include "compare_view.h"
#include "core_text.h"
#include "opened_trace.h"
#include "opened_trace_summary.h"
#include "python_highlighter.h"
#include "run_controller.h"
#include "session_folder.h"
#include "summary_view.h"
#include "text/qt_text.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace tasklane {

namespace {

QFont monospace() {
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    return font;
}

QPlainTextEdit* readOnlyText(const QString& objectName) {
    auto* edit = new QPlainTextEdit;
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setFont(monospace());
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return edit;
}

// Sets `text` keeping the scroll position, for a text remade in another language.
void replaceKeepingScroll(QPlainTextEdit* edit, const QString& text) {
    QScrollBar* bar = edit->verticalScrollBar();
    const int at = bar->value();
    edit->setPlainText(text);
    bar->setValue(at);
}

} // namespace

ResultTabs::ResultTabs(QWidget* parent)
    : QTabWidget(parent) {
    setObjectName(QStringLiteral("tabs"));
    setDocumentMode(true);
    // Texts: retranslateUi().
    output_ = readOnlyText(QStringLiteral("output-text"));
    // A printed list of a thousand squares is one line: wrap it rather than scroll sideways.
    output_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    python_ = readOnlyText(QStringLiteral("python-text"));
    new PythonHighlighter(python_->document());
    pythonPage_ = new QWidget;
    auto* pythonLayout = new QVBoxLayout(pythonPage_);
    pythonLayout->setContentsMargins(0, 0, 0, 0);
    paramsChanged_ = new QLabel;
    paramsChanged_->setObjectName(QStringLiteral("python-params-changed"));
    paramsChanged_->setWordWrap(true);
    paramsChanged_->setStyleSheet(QStringLiteral("QLabel { color: #e0a030; padding: 4px; }"));
    paramsChanged_->hide();
    pythonLayout->addWidget(paramsChanged_);
    pythonLayout->addWidget(python_, 1);
    summary_ = new SummaryView;
    compare_ = new CompareView;
    compare_->setObjectName(QStringLiteral("compare-view"));
    addTab(output_, QString());
    addTab(pythonPage_, QString());
    addTab(summary_, QString());
    addTab(compare_, QString());

    // The Python tab's corner: copy the program, to paste it into a file and run it.
    copyButton_ = new QToolButton;
    copyButton_->setObjectName(QStringLiteral("copy-python"));
    copyButton_->setAutoRaise(true);
    connect(copyButton_, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(python_->toPlainText());
        Q_EMIT statusMessage(tr("Python program copied."), 4000);
    });
    setCornerWidget(copyButton_, Qt::TopRightCorner);
    copyButton_->setVisible(false);
    connect(this, &QTabWidget::currentChanged, this,
            [this] { copyButton_->setVisible(currentWidget() == pythonPage_); });
    retranslateUi();
}

void ResultTabs::showResult(const ShownResult& shown, std::optional<QString> printed) {
    shown_ = shown;
    output_->setPlainText(printed ? outputFor(*printed) : currentOutputText());
    showSummary();
}

void ResultTabs::setPythonProgram(const QString& code) {
    noProgramPath_.clear();
    python_->setPlainText(code);
}

void ResultTabs::showNoProgram(const QString& path) {
    noProgramPath_ = path;
    setParamsChanged(false);
    python_->setPlainText(
        tr("# %1 is a trace file opened from disk, not a run of one of Tasklane's patterns:\n"
           "# there is no Python program for it here. Pick a pattern to see its program.")
            .arg(QFileInfo(path).fileName()));
}

void ResultTabs::setParamsChanged(bool changed) {
    paramsChanged_->setText(
        tr("Parameters changed since the run on screen: this is the program for the new values; "
           "F5 runs it."));
    paramsChanged_->setVisible(changed);
}

bool ResultTabs::showTab(const QString& name) {
    const std::pair<const char*, QWidget*> tabs[] = {
        {"output", output_}, {"python", pythonPage_}, {"summary", summary_}, {"compare", compare_}};
    for (const auto& [tabName, widget] : tabs)
        if (name.compare(QLatin1String(tabName), Qt::CaseInsensitive) == 0) {
            setCurrentWidget(widget);
            return true;
        }
    return false;
}

QString ResultTabs::outputText() const {
    return output_->toPlainText();
}

QString ResultTabs::pythonText() const {
    return python_->toPlainText();
}

void ResultTabs::changeEvent(QEvent* event) {
    QTabWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void ResultTabs::retranslateUi() {
    output_->setPlaceholderText(tr("What the Python program prints appears here."));
    setTabText(indexOf(output_), tr("Output"));
    setTabText(indexOf(pythonPage_), tr("Python"));
    setTabText(indexOf(summary_), tr("Summary"));
    setTabText(indexOf(compare_), tr("Compare"));
    copyButton_->setText(tr("Copy"));
    copyButton_->setToolTip(tr("Copy the Python program to the clipboard"));
    if (!noProgramPath_.isEmpty())
        showNoProgram(noProgramPath_);
    if (paramsChanged_->isVisible())
        setParamsChanged(true);
    if (shown_.result == nullptr)
        return;
    QScrollBar* bar = summary_->verticalScrollBar();
    const int at = bar->value();
    showSummary();
    bar->setValue(at);
    // Only a note the controller added (the output was cut) is translated.
    if (const QString text = currentOutputText(); text != output_->toPlainText())
        replaceKeepingScroll(output_, text);
}

void ResultTabs::showSummary() {
    if (shown_.result == nullptr)
        summary_->clearRun();
    else if (shown_.isRun())
        summary_->setRun(
            shown_.stopped
                ? tr("%1  %2 (%3)")
                      .arg(qs(shown_.pattern->section()),
                           coretext::pattern(shown_.pattern->title()), shown_.stoppedText())
                : QStringLiteral("%1  %2").arg(qs(shown_.pattern->section()),
                                               coretext::pattern(shown_.pattern->title())),
            *shown_.result);
    else if (shown_.isOpenedTrace() && shown_.overview)
        summary_->setHtml(OpenedTraceSummary::html(shown_.openedPath, shown_.openedSize,
                                                   *shown_.result, *shown_.overview));
}

QString ResultTabs::outputFor(const QString& printed) const {
    if (shown_.isRun() && shown_.stopped && printed.isEmpty())
        return tr("(The run was %1 before the program printed anything.)")
            .arg(shown_.stoppedText());
    if (shown_.isRun())
        return printed + sessionFolderNote();
    const QString name = QFileInfo(shown_.openedPath).fileName();
    return printed.isEmpty() ? tr("%1 has no instant events (a program's printed lines are "
                                  "instants in Tasklane's traces).")
                                   .arg(name)
                             : tr("Instant events in %1, in time order (in Tasklane's traces, what "
                                  "the program printed):\n\n%2")
                                   .arg(name, printed);
}

QString ResultTabs::currentOutputText() const {
    if (shown_.result == nullptr)
        return {};
    if (shown_.isRun())
        return outputFor(
            RunController::outputText(shown_.result->output, RunController::kOutputDisplayLimit));
    return outputFor(RunController::outputText(instantLines(shown_.result->trace),
                                               RunController::kOutputDisplayLimit));
}

// A run that wrote into the window's session folder says where that is, and that it goes.
QString ResultTabs::sessionFolderNote() const {
    if (!SessionFolder::wanted(*shown_.pattern, shown_.params) || shown_.result->result.empty())
        return {};
    return tr("\n\nThe files are in %1, this window's folder for runs with no folder chosen: "
              "the next such run replaces them, and the folder is removed when the window "
              "closes. Choose a folder (out-dir) to keep them.")
        .arg(qs(shown_.result->result));
}

} // namespace tasklane
