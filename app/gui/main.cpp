// tasklane: the desktop window.
//   tasklane [--pattern ID] [--group-by worker|core|both] [--tab output|python|summary]
//            [--workers N --tasks N ... any parameter of the pattern, as tasklane-cli takes]
// With TASKLANE_SCREENSHOT=FILE.png it starts from default settings, saves a grab of the
// window once the first run has finished, and quits: for the README's figures and for CI,
// where it proves that the window comes up and draws.
#include "main_window.h"
#include "patterns/pattern_registry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <set>

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

int usageError(const QString& message) {
    QTextStream(stderr) << "tasklane: " << message << '\n';
    return 2;
}

} // namespace

int main(int argc, char* argv[]) {
    using namespace tasklane;
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tasklane"));
    QApplication::setApplicationName(QStringLiteral("Tasklane"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("tasklane"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Tasklane: concurrency patterns as Gantt charts."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption patternOption(
        QStringLiteral("pattern"),
        QApplication::translate("main", "The pattern to open: %1.")
            .arg(qs(PatternRegistry::instance().idsText())),
        QStringLiteral("id"));
    const QCommandLineOption groupByOption(
        QStringLiteral("group-by"),
        QApplication::translate("main", "Chart rows: worker, core or both."),
        QStringLiteral("worker|core|both"));
    const QCommandLineOption tabOption(
        QStringLiteral("tab"),
        QApplication::translate("main", "The tab to show: output, python or summary."),
        QStringLiteral("name"));
    parser.addOptions({patternOption, groupByOption, tabOption});
    // Every pattern's parameters, as tasklane-cli names them; which apply is checked below.
    std::set<std::string> paramNames;
    for (const auto& pattern : PatternRegistry::instance().all())
        for (const ParamSpec& spec : pattern->params())
            if (paramNames.insert(spec.name).second)
                parser.addOption(
                    QCommandLineOption(qs(spec.name), qs(spec.help), qs(spec.rangeText())));
    parser.process(app);

    MainWindow::Options options;
    if (parser.isSet(groupByOption)) {
        options.groupBy = groupByFromName(parser.value(groupByOption));
        if (!options.groupBy)
            return usageError(QStringLiteral("--group-by must be one of worker|core|both, got '%1'")
                                  .arg(parser.value(groupByOption)));
    }
    options.pattern = parser.value(patternOption);
    const Pattern* pattern = options.pattern.isEmpty()
                                 ? nullptr
                                 : PatternRegistry::instance().find(options.pattern.toStdString());
    if (!options.pattern.isEmpty() && pattern == nullptr)
        return usageError(QStringLiteral("unknown pattern '%1' (choose one of %2)")
                              .arg(options.pattern, qs(PatternRegistry::instance().idsText())));
    for (const std::string& name : paramNames) {
        if (!parser.isSet(qs(name)))
            continue;
        if (pattern == nullptr)
            return usageError(QStringLiteral("--%1 needs --pattern").arg(qs(name)));
        const auto spec = pattern->param(name);
        if (!spec)
            return usageError(
                QStringLiteral("--%1 does not apply to pattern %2").arg(qs(name), options.pattern));
        auto parsed = spec->parse(parser.value(qs(name)).toStdString());
        if (const auto* error = std::get_if<std::string>(&parsed))
            return usageError(qs(*error));
        options.params.set(name, std::get<ParamValue>(parsed));
    }

    const QString screenshot = qEnvironmentVariable("TASKLANE_SCREENSHOT");
    std::unique_ptr<QTemporaryDir> settingsDir;
    if (!screenshot.isEmpty()) {
        // A figure must not depend on what the last user left in their settings.
        settingsDir = std::make_unique<QTemporaryDir>();
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir->path());
    }

    MainWindow window(options);
    if (parser.isSet(tabOption) && !window.showTab(parser.value(tabOption)))
        return usageError(QStringLiteral("--tab must be one of output|python|summary, got '%1'")
                              .arg(parser.value(tabOption)));
    if (!screenshot.isEmpty()) {
        QObject::connect(
            &window, &MainWindow::runEnded, &window,
            [&window, screenshot] {
                // Let the layout settle and the chart paint before the grab.
                QTimer::singleShot(300, &window, [&window, screenshot] {
                    const bool ok = window.grab().save(screenshot);
                    QTextStream(ok ? stdout : stderr)
                        << (ok ? "screenshot: " : "cannot write screenshot: ")
                        << QDir::toNativeSeparators(screenshot) << '\n';
                    QApplication::exit(ok && window.lastResult() != nullptr ? 0 : 1);
                });
            },
            Qt::SingleShotConnection);
    }
    window.show();
    return QApplication::exec();
}
