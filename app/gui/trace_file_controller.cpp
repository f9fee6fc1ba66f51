#include "trace_file_controller.h"

#include "core_text.h"
#include "error_box.h"
#include "language.h"
#include "trace/chrome_trace_writer.h"
#include "trace/csv_writer.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace tasklane {

namespace {

namespace key {
const QString exportDir = QStringLiteral("export/dir");
const QString openDir = QStringLiteral("open/dir");
} // namespace key

// Runs on a worker thread: touches only its arguments, which are copies or shared. What it
// returns is put in words on the GUI thread, in the language on screen when it ends.
SaveResult writeExport(TraceFileController::ExportKind kind, const QString& path,
                       const ExportSource& source) {
    switch (kind) {
    case TraceFileController::ExportKind::Chart:
        return ChartExporter::exportChart(*source.trace, path, source.chart);
    case TraceFileController::ExportKind::Trace:
        return ChromeTraceWriter::write(*source.trace, path);
    case TraceFileController::ExportKind::Csv:
        return CsvWriter::write(*source.trace, path);
    }
    return {};
}

// Why a trace was refused, and where, in the window's language. The reader's reason is
// English (the command line prints it); its message is the same sentence, translatable.
QString whereAndWhy(const ChromeTraceReader::Error& e) {
    QString reason = e.message.source.empty() ? e.reason : coretext::message(e.message);
    if (e.line <= 0)
        return reason;
    return TraceFileController::tr("line %1, column %2: %3").arg(e.line).arg(e.column).arg(reason);
}

// The save dialog's filters for `kind`, and the suffix a name without one gets.
QString exportFilters(TraceFileController::ExportKind kind, const QString& suffix,
                      QString* defaultSuffix) {
    using Kind = TraceFileController::ExportKind;
    switch (kind) {
    case Kind::Chart: {
        const QString png = TraceFileController::tr("PNG image (*.png)");
        const QString svg = TraceFileController::tr("SVG drawing (*.svg)");
        const QString pdf = TraceFileController::tr("PDF document (*.pdf)");
        *defaultSuffix = suffix.isEmpty() ? QStringLiteral("png") : suffix;
        return suffix == u"svg"   ? svg
               : suffix == u"pdf" ? pdf
               : suffix == u"png" ? png
                                  : QStringList{png, svg, pdf}.join(QStringLiteral(";;"));
    }
    case Kind::Trace:
        *defaultSuffix = QStringLiteral("json");
        return TraceFileController::tr("Chrome/Perfetto trace (*.json)");
    case Kind::Csv:
        *defaultSuffix = QStringLiteral("csv");
        return TraceFileController::tr("CSV file (*.csv)");
    }
    return {};
}

} // namespace

TraceFileController::TraceFileController(QWidget* window)
    : QObject(window)
    , window_(window) {}

QString TraceFileController::droppedTracePath(const QMimeData* mime) {
    if (mime == nullptr || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() &&
            url.toLocalFile().endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
            return url.toLocalFile();
    return {};
}

QString TraceFileController::askTraceToOpen() {
    QSettings settings;
    QString dir = settings.value(key::openDir).toString();
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = settings.value(key::exportDir).toString(); // where Tasklane's own traces went
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getOpenFileName(
        window_, tr("Open Trace"), dir, tr("Chrome/Perfetto trace (*.json);;All files (*)"));
    if (!path.isEmpty())
        settings.setValue(key::openDir, QFileInfo(path).absolutePath());
    return path;
}

void TraceFileController::open(const QString& path, GroupBy groupBy) {
    const quint64 generation = ++openGeneration_;
    if (opening_++ == 0)
        Q_EMIT openingChanged(true);
    Q_EMIT statusMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()), 0);

    // A million events take about a second to read and lay out: off the GUI thread, as runs.
    auto* watcher = new QFutureWatcher<OpenedTrace>(this);
    connect(watcher, &QFutureWatcher<OpenedTrace>::finished, this,
            [this, watcher, generation, path] {
                watcher->deleteLater();
                readFinished(watcher->result(), generation, path);
            });
    watcher->setFuture(
        QtConcurrent::run(&OpenedTrace::read, path, groupBy, QLocale(), Language::generation()));
}

void TraceFileController::readFinished(const OpenedTrace& read, quint64 generation,
                                       const QString& path) {
    if (--opening_ == 0)
        Q_EMIT openingChanged(false);
    if (generation != openGeneration_)
        return; // a newer file or run has taken its place
    if (read.result)
        Q_EMIT opened(read, path);
    else
        showOpenError(path, read.error);
}

void TraceFileController::showOpenError(const QString& path,
                                        const ChromeTraceReader::Error& error) {
    // The chart, and what it came from, stay as they were.
    const QString name = QFileInfo(path).fileName();
    const QString where = whereAndWhy(error);
    const QString message = QStringLiteral("%1: %2").arg(name, where);
    const QString title = tr("Cannot open the trace");
    Q_EMIT statusMessage(QStringLiteral("%1: %2").arg(title, message), 0);
    // A position and a reason on a line of their own.
    showErrorBox(window_, title, QStringLiteral("%1\n%2").arg(name, where));
    Q_EMIT openFailed(message);
}

void TraceFileController::dropPendingOpen() {
    ++openGeneration_;
}

QString TraceFileController::defaultExportPath(const QString& stem, const QString& suffix) const {
    QString dir = QSettings().value(key::exportDir).toString();
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = suffix == u"json"  ? QStringLiteral("tasklane-%1-trace").arg(stem)
                         : suffix == u"csv" ? QStringLiteral("tasklane-%1-events").arg(stem)
                                            : QStringLiteral("tasklane-%1").arg(stem);
    return QDir(dir).filePath(name + u'.' + suffix);
}

void TraceFileController::exportWithDialog(ExportKind kind, const QString& suffix,
                                           const ExportSource& source) {
    QString defaultSuffix;
    const QString filters = exportFilters(kind, suffix, &defaultSuffix);
    QString selected;
    QString path = QFileDialog::getSaveFileName(
        window_, tr("Export"), defaultExportPath(source.stem, defaultSuffix), filters, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        // The filter the user picked says the format when the name does not.
        const qsizetype star = selected.indexOf(QStringLiteral("*."));
        path += u'.' + (star >= 0 ? selected.mid(star + 2).chopped(1) : defaultSuffix);
    }
    QSettings().setValue(key::exportDir, QFileInfo(path).absolutePath());
    exportTo(kind, path, source);
}

void TraceFileController::exportComparedWithDialog(const ExportSource& source) {
    const QString path = QFileDialog::getSaveFileName(
        window_, tr("Export Compared Runs"), defaultExportPath(source.stem, QStringLiteral("png")),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (!path.isEmpty())
        exportTo(ExportKind::Chart, path, source);
}

void TraceFileController::exportTo(ExportKind kind, const QString& path,
                                   const ExportSource& source) {
    // Writing a million-event trace takes seconds: off the GUI thread, like a run.
    auto* watcher = new QFutureWatcher<SaveResult>(this);
    connect(watcher, &QFutureWatcher<SaveResult>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const SaveResult outcome = watcher->result();
        if (outcome.ok()) {
            Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 8000);
            Q_EMIT exportFinished(true, path);
            return;
        }
        const QString error = coretext::message(outcome.error());
        const QString title = tr("Export failed");
        Q_EMIT statusMessage(QStringLiteral("%1: %2").arg(title, error), 0);
        showErrorBox(window_, title, error);
        Q_EMIT exportFinished(false, error);
    });
    Q_EMIT statusMessage(tr("Saving %1…").arg(QDir::toNativeSeparators(path)), 0);
    watcher->setFuture(QtConcurrent::run(writeExport, kind, path, source));
}

} // namespace tasklane
