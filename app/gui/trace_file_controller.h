// TraceFileController: trace files in and out. Opens a Chrome/Perfetto JSON trace (Tasklane's,
// VizTracer's, ...) and exports the chart (PNG, SVG, PDF), the trace (JSON) or its events
// (CSV), each on a worker thread (QtConcurrent::run + QFutureWatcher) so that a million events
// never freeze the window. Owns no widgets: its file dialogs and error boxes open over the
// window it is given, and what the status bar should say comes out as statusMessage(). A read
// that lands after a newer read or a run has started is dropped, as a stale run is.
#pragma once

#include "chart/gantt_layout.h"
#include "export_source.h"
#include "opened_trace.h"

#include <QObject>
#include <QString>

class QMimeData;
class QWidget;

namespace tasklane {

class TraceFileController : public QObject {
    Q_OBJECT

public:
    enum class ExportKind { Chart, Trace, Csv };

    // Dialogs and error boxes open over `window`, which owns the controller.
    explicit TraceFileController(QWidget* window);

    // Asks for a trace to open (starting where the last one was); empty when cancelled.
    QString askTraceToOpen();
    // Reads `path` on a worker thread with chart rows for `groupBy`: opened() or
    // openFailed() reports it, unless a newer read or dropPendingOpen() came first.
    void open(const QString& path, GroupBy groupBy);
    // A run has started and will take the chart: a read still going must not land on it.
    void dropPendingOpen();
    bool isOpening() const { return opening_ > 0; }
    // The first local .json file among dropped URLs, or empty.
    static QString droppedTracePath(const QMimeData* mime);

    // Asks where to write `kind` (the chart's format: `suffix`, or any of PNG, SVG and PDF
    // when empty), then exportTo() there.
    void exportWithDialog(ExportKind kind, const QString& suffix, const ExportSource& source);
    // The Compare tab's stacked chart: asks where, then exports it as a chart.
    void exportComparedWithDialog(const ExportSource& source);
    // Writes `source` to `path` on a worker thread; exportFinished() reports the outcome, and
    // a failure is shown in an error box.
    void exportTo(ExportKind kind, const QString& path, const ExportSource& source);

Q_SIGNALS:
    void openingChanged(bool opening); // a read started with none going, or the last one ended
    void opened(const tasklane::OpenedTrace& trace, const QString& path);
    // Shown already (status line and error box): `message` names the file and says why.
    void openFailed(const QString& message);
    // ok: `message` is the path written; else the error as shown to the user.
    void exportFinished(bool ok, const QString& message);
    // A line for the window's status bar; 0: until the next one.
    void statusMessage(const QString& text, int timeoutMs);

private:
    void readFinished(const OpenedTrace& read, quint64 generation, const QString& path);
    void showOpenError(const QString& path, const ChromeTraceReader::Error& error);
    QString defaultExportPath(const QString& stem, const QString& suffix) const;

    QWidget* window_;
    quint64 openGeneration_ = 0;
    int opening_ = 0;
};

} // namespace tasklane
