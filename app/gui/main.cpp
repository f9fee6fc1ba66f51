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

using namespace Qt::StringLiterals;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

int usageError(const QString& message) {
    QTextStream(stderr) << "tasklane: " << message << '\n';
    return 2;
}

void setIdentity() {
    QCoreApplication::setOrganizationName(QStringLiteral("Tasklane"));
    QCoreApplication::setApplicationName(QStringLiteral("Tasklane"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
}

// The command line: the window's own options plus every pattern's parameters, named as
// tasklane-cli names them (which apply to the chosen pattern is checked after parsing).
struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption pattern{QStringLiteral("pattern"),
                               QCoreApplication::translate("main", "The pattern to open: %1.")
                                   .arg(qs(tasklane::PatternRegistry::instance().idsText())),
                               QStringLiteral("id")};
    QCommandLineOption groupBy{
        QStringLiteral("group-by"),
        QCoreApplication::translate("main", "Chart rows: worker, core or both."),
        QStringLiteral("worker|core|both")};
    QCommandLineOption tab{
        QStringLiteral("tab"),
        QCoreApplication::translate("main", "The tab to show: output, python or summary."),
        QStringLiteral("name")};
    std::set<std::string> paramNames;

    CommandLine() {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Tasklane: concurrency patterns as Gantt charts."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({pattern, groupBy, tab});
        for (const auto& p : tasklane::PatternRegistry::instance().all())
            for (const tasklane::ParamSpec& spec : p->params())
                if (paramNames.insert(spec.name).second)
                    parser.addOption(
                        QCommandLineOption(qs(spec.name), qs(spec.help), qs(spec.rangeText())));
    }
};

// --help and --version print and exit; they must work without a display, so they are
// answered before a QApplication (which needs one) exists.
bool onlyPrints(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QLatin1StringView arg(argv[i]);
        if (arg == "-h"_L1 || arg == "--help"_L1 || arg == "-?"_L1 || arg == "--help-all"_L1 ||
            arg == "-v"_L1 || arg == "--version"_L1)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[]) {
    using namespace tasklane;
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        CommandLine().parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setDesktopFileName(QStringLiteral("tasklane"));
    CommandLine cli;
    QCommandLineParser& parser = cli.parser;
    parser.process(app);

    MainWindow::Options options;
    if (parser.isSet(cli.groupBy)) {
        options.groupBy = groupByFromName(parser.value(cli.groupBy));
        if (!options.groupBy)
            return usageError(QStringLiteral("--group-by must be one of worker|core|both, got '%1'")
                                  .arg(parser.value(cli.groupBy)));
    }
    options.pattern = parser.value(cli.pattern);
    const Pattern* pattern = options.pattern.isEmpty()
                                 ? nullptr
                                 : PatternRegistry::instance().find(options.pattern.toStdString());
    if (!options.pattern.isEmpty() && pattern == nullptr)
        return usageError(QStringLiteral("unknown pattern '%1' (choose one of %2)")
                              .arg(options.pattern, qs(PatternRegistry::instance().idsText())));
    for (const std::string& name : cli.paramNames) {
        if (!parser.isSet(qs(name)))
            continue;
        if (pattern == nullptr)
            return usageError(
                QStringLiteral("--%1 needs --pattern (e.g. --pattern thread-pool)").arg(qs(name)));
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
    if (parser.isSet(cli.tab) && !window.showTab(parser.value(cli.tab)))
        return usageError(QStringLiteral("--tab must be one of output|python|summary, got '%1'")
                              .arg(parser.value(cli.tab)));
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
