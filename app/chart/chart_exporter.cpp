#include "chart/chart_exporter.h"

#include "chart/gantt_painter.h"

#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QtGlobal> // QT_TRANSLATE_NOOP only marks: the window translates

#include <algorithm>
#include <cmath>
#include <vector>

namespace tasklane {

namespace {

// Every device is addressed in 96-dpi logical pixels, the unit the layout is computed in,
// so a 1400-px chart is the same drawing on screen, in the PNG, the SVG and the PDF.
constexpr int kLogicalDpi = 96;

struct Scene {
    GanttRows rows;
    GanttLayout layout;
    GanttPainter painter;
};

// Rows on screen with the processes in `collapsed` shown as one row each.
int screenRows(const GanttRows& rows, const std::vector<std::int64_t>& collapsed) {
    int count = rows.size();
    for (const GanttProcessGroup& group : rows.processGroups())
        if (std::find(collapsed.begin(), collapsed.end(), group.pid) != collapsed.end())
            count -= int(group.rows.size()) - 1;
    return count;
}

void buildScene(Scene& scene, const Trace& trace, const ChartOptions& options) {
    scene.rows = GanttRows(trace, options.groupBy);
    const GanttLayoutOptions layoutOptions = ChartExporter::layoutOptions(scene.rows, options);
    const QSizeF size(options.size.width() > 0 ? options.size.width() : 1400,
                      options.size.height());
    scene.layout = GanttLayout(
        scene.rows, size, options.range.value_or(GanttLayout::fullRange(trace)), layoutOptions);
    scene.painter.setStyle(options.dark ? ChartStyle::dark() : ChartStyle::light());
    scene.painter.setHighlightTask(options.highlightTask);
}

QSize pixelSize(const GanttLayout& layout) {
    return QSize(int(std::ceil(layout.size().width())), int(std::ceil(layout.size().height())));
}

// The requested device pixel ratio, lowered (not below 1) for a chart so tall that the image
// would pass the allocation limit of Qt's image readers (128 MB by default): the PNG must open
// where it is read, in this program or a viewer built on Qt.
qreal imageRatio(QSize size, qreal requested) {
    const qreal ratio = requested > 0 ? requested : 1;
    const qreal limitBytes = qreal(QImageReader::allocationLimit()) * 1024 * 1024;
    const qreal bytesAtOne = qreal(size.width() + 1) * (size.height() + 1) * 4;
    if (limitBytes <= 0 || bytesAtOne * ratio * ratio <= limitBytes)
        return ratio;
    return std::max<qreal>(1, std::floor(std::sqrt(limitBytes / bytesAtOne) * 4) / 4);
}

// The sentences are marked for the window's translation and rendered in English here; the
// path, the suffix and the system's or the writer's words are put in as they are.
TextMessage chartMessage(const char* source, const std::vector<QString>& args) {
    TextMessage m{"tasklane::ChartExporter", source, {}};
    for (const QString& arg : args)
        m.args.push_back(TextMessage::plain(arg.toStdString()));
    return m;
}

TextMessage cannotWrite(const QString& path, const QString& reason) {
    return chartMessage(QT_TRANSLATE_NOOP("tasklane::ChartExporter", "cannot write '%1': %2"),
                        {path, reason});
}

bool writeSvg(const Scene& scene, const ChartOptions& options, QSaveFile& file) {
    const QSize size = pixelSize(scene.layout);
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setResolution(kLogicalDpi);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(options.title.isEmpty() ? QStringLiteral("Tasklane chart") : options.title);
    svg.setDescription(QStringLiteral("Gantt chart of a Tasklane trace"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    scene.painter.paint(painter, scene.layout);
    return painter.end();
}

bool writePdf(const Scene& scene, const ChartOptions& options, QSaveFile& file) {
    const QSize size = pixelSize(scene.layout);
    QPdfWriter pdf(&file);
    pdf.setCreator(QStringLiteral("Tasklane"));
    pdf.setTitle(options.title.isEmpty() ? QStringLiteral("Tasklane chart") : options.title);
    pdf.setResolution(kLogicalDpi);
    // One page exactly the chart's size (points are 1/72 inch; the chart is in 1/96 inch).
    const QSizeF points(size.width() * 72.0 / kLogicalDpi, size.height() * 72.0 / kLogicalDpi);
    pdf.setPageLayout(
        QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                    QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QPainter painter;
    if (!painter.begin(&pdf))
        return false;
    scene.painter.paint(painter, scene.layout);
    return painter.end();
}

} // namespace

GanttLayoutOptions ChartExporter::layoutOptions(const GanttRows& rows,
                                                const ChartOptions& options) {
    GanttLayoutOptions layoutOptions;
    layoutOptions.title = options.title;
    layoutOptions.collapsedPids = options.collapsedPids;
    layoutOptions.maxRows = std::max(options.maxRows, 0);
    if (options.maxRows > 0 && screenRows(rows, options.collapsedPids) > options.maxRows) {
        // Folding first: a process's summary row still shows where it was busy, where a cut
        // would drop its threads without a trace.
        layoutOptions.collapsedPids.clear();
        for (const GanttProcessGroup& group : rows.processGroups())
            layoutOptions.collapsedPids.push_back(group.pid);
    }
    return layoutOptions;
}

QImage ChartExporter::renderImage(const Trace& trace, const ChartOptions& options) {
    Scene scene;
    buildScene(scene, trace, options);
    const QSize size = pixelSize(scene.layout);
    const qreal ratio = imageRatio(size, options.pixelRatio);
    QImage image(QSize(int(std::ceil(size.width() * ratio)), int(std::ceil(size.height() * ratio))),
                 QImage::Format_ARGB32);
    image.setDevicePixelRatio(ratio);
    image.setDotsPerMeterX(int(std::lround(kLogicalDpi / 0.0254 * ratio)));
    image.setDotsPerMeterY(int(std::lround(kLogicalDpi / 0.0254 * ratio)));
    image.fill(options.dark ? ChartStyle::dark().background : QColor(Qt::white));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    scene.painter.paint(painter, scene.layout);
    painter.end();
    return image;
}

SaveResult ChartExporter::exportChart(const Trace& trace, const QString& path,
                                      const ChartOptions& options) {
    const auto fail = [](TextMessage m) { return SaveResult::failed(std::move(m)); };
    const QString suffix = QFileInfo(path).suffix().toLower();
    enum class Format { Png, Svg, Pdf } format;
    if (suffix == QLatin1String("png")) {
        format = Format::Png;
    } else if (suffix == QLatin1String("svg")) {
        format = Format::Svg;
    } else if (suffix == QLatin1String("pdf")) {
        format = Format::Pdf;
    } else if (suffix.isEmpty()) {
        return fail(
            chartMessage(QT_TRANSLATE_NOOP("tasklane::ChartExporter",
                                           "no chart format in '%1' (use .png, .svg or .pdf)"),
                         {path}));
    } else {
        return fail(chartMessage(
            QT_TRANSLATE_NOOP("tasklane::ChartExporter",
                              "unsupported chart format '.%1' (use .png, .svg or .pdf)"),
            {QFileInfo(path).suffix()}));
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(cannotWrite(path, file.errorString()));
    Scene scene;
    bool ok = false;
    QString why;
    switch (format) {
    case Format::Png: {
        QImageWriter writer(&file, "png");
        ok = writer.write(renderImage(trace, options));
        why = writer.errorString();
        break;
    }
    case Format::Svg:
        buildScene(scene, trace, options);
        ok = writeSvg(scene, options, file);
        break;
    case Format::Pdf:
        buildScene(scene, trace, options);
        ok = writePdf(scene, options, file);
        break;
    }
    if (!ok || !file.commit()) {
        file.cancelWriting();
        return fail(cannotWrite(path, !ok && !why.isEmpty() ? why : file.errorString()));
    }
    return {};
}

} // namespace tasklane
