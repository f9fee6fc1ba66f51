// tasklane: the desktop window.
//   tasklane [--pattern ID] [--group-by worker|core|both] [--tab output|python|summary]
//            [--language system|en|ko] [--workers N --tasks N ... any parameter of the
//            pattern, as tasklane-cli takes] [TRACE.json]
// A trace file given opens in the chart instead of a first run. The language follows the
// system locale unless Help > Language (or --language, for this start only) says otherwise.
// With TASKLANE_SCREENSHOT=FILE.png it starts from default settings, saves a grab of the
// window once the first run (or the trace) is on screen, and quits: for the README's figures
// and for CI, where it proves that the window comes up and draws.
#include "language.h"
#include "main_window.h"
#include "patterns/pattern_registry.h"
#include "text/qt_text.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <set>

using namespace Qt::StringLiterals;
using tasklane::qs;

namespace {

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
    QCommandLineOption language{
        QStringLiteral("language"),
        QCoreApplication::translate(
            "main", "The window's language for this start: system, en (English) or ko (Korean)."),
        QStringLiteral("system|en|ko")};
    std::set<std::string> paramNames;

    CommandLine() {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Tasklane: concurrency patterns as Gantt charts."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({pattern, groupBy, tab, language});
        parser.addPositionalArgument(
            QStringLiteral("trace"),
            QCoreApplication::translate("main", "A Chrome/Perfetto JSON trace to open."),
            QStringLiteral("[TRACE.json]"));
        for (const auto& p : tasklane::PatternRegistry::instance().all())
            for (const tasklane::ParamSpec& spec : p->params())
                if (paramNames.insert(spec.name).second)
                    parser.addOption(
                        QCommandLineOption(qs(spec.name), qs(spec.help), qs(spec.rangeText())));
    }
};

// The language from --language when given (unchecked yet: an unknown name means the stored
// choice), else the one stored in the settings.
tasklane::Language::Choice languageChoice(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        QString value;
        if (arg.startsWith(QStringLiteral("--language=")))
            value = arg.mid(11);
        else if (arg == u"--language" && i + 1 < argc)
            value = QString::fromLocal8Bit(argv[i + 1]);
        if (value == u"system" || value == u"en" || value == u"ko")
            return tasklane::Language::fromSettingsName(value);
    }
    return tasklane::Language::stored();
}

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

// --help and --version, answered without a display: they print and exit.
int printOnly(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    setIdentity();
    tasklane::Language::apply(tasklane::Language::localeFor(languageChoice(argc, argv)));
    CommandLine().parser.process(app); // prints and exits
    return 0;
}

// A figure must not depend on what the last user left in their settings: the screenshot mode
// starts from defaults in a folder of its own, removed at exit.
std::unique_ptr<QTemporaryDir> isolateSettings() {
    auto dir = std::make_unique<QTemporaryDir>();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir->path());
    return dir;
}

// What the command line asks the window for; a non-empty `error` is a usage error instead.
struct Start {
    tasklane::MainWindow::Options options;
    QString tracePath;
    QString error;
};

// The pattern's parameters given as options, over its stored values. Empty, or the error.
QString readParams(const CommandLine& cli, const tasklane::Pattern* pattern,
                   tasklane::MainWindow::Options& options) {
    const QCommandLineParser& parser = cli.parser;
    for (const std::string& name : cli.paramNames) {
        if (!parser.isSet(qs(name)))
            continue;
        if (pattern == nullptr)
            return QCoreApplication::translate("main",
                                               "--%1 needs --pattern (e.g. --pattern thread-pool)")
                .arg(qs(name));
        const auto spec = pattern->param(name);
        if (!spec)
            return QCoreApplication::translate("main", "--%1 does not apply to pattern %2")
                .arg(qs(name), options.pattern);
        auto parsed = spec->parse(parser.value(qs(name)).toStdString());
        if (const auto* error = std::get_if<std::string>(&parsed))
            return qs(*error);
        options.params.set(name, std::get<tasklane::ParamValue>(parsed));
    }
    return {};
}

Start readCommandLine(const CommandLine& cli) {
    using tasklane::PatternRegistry;
    const QCommandLineParser& parser = cli.parser;
    Start start;
    if (parser.isSet(cli.language)) {
        const QString name = parser.value(cli.language);
        if (name != u"system" && name != u"en" && name != u"ko")
            return {{},
                    {},
                    QCoreApplication::translate("main",
                                                "--language must be one of system|en|ko, got '%1'")
                        .arg(name)};
    }
    if (parser.positionalArguments().size() > 1)
        return {{},
                {},
                QCoreApplication::translate("main", "give at most one trace file, got %1")
                    .arg(parser.positionalArguments().join(QStringLiteral(" ")))};
    start.tracePath = parser.positionalArguments().value(0);
    // A trace to open takes the place of the first run.
    start.options.runOnStart = start.tracePath.isEmpty();
    if (parser.isSet(cli.groupBy)) {
        start.options.groupBy = tasklane::groupByFromName(parser.value(cli.groupBy));
        if (!start.options.groupBy)
            return {{},
                    {},
                    QCoreApplication::translate(
                        "main", "--group-by must be one of worker|core|both, got '%1'")
                        .arg(parser.value(cli.groupBy))};
    }
    start.options.pattern = parser.value(cli.pattern);
    const tasklane::Pattern* pattern =
        start.options.pattern.isEmpty()
            ? nullptr
            : PatternRegistry::instance().find(start.options.pattern.toStdString());
    if (!start.options.pattern.isEmpty() && pattern == nullptr)
        return {{},
                {},
                QCoreApplication::translate("main", "unknown pattern '%1' (choose one of %2)")
                    .arg(start.options.pattern, qs(PatternRegistry::instance().idsText()))};
    start.error = readParams(cli, pattern, start.options);
    return start;
}

// Saves a grab of the window to `path` once the first run, or the trace, is on screen, and
// quits: 0 when it was written and a result is shown. A broken trace is grabbed too, with its
// message box (a window of its own: FILE-message.png): that is the picture to check.
void grabOnceShown(tasklane::MainWindow& window, const QString& path, bool trace) {
    const auto grab = [&window, path] {
        // Let the layout settle and the chart paint before the grab.
        QTimer::singleShot(300, &window, [&window, path] {
            const bool ok = window.grab().save(path);
            QTextStream(ok ? stdout : stderr) << (ok ? "screenshot: " : "cannot write screenshot: ")
                                              << QDir::toNativeSeparators(path) << '\n';
            if (auto* box = window.findChild<QMessageBox*>(QStringLiteral("error-box"))) {
                const QFileInfo info(path);
                const QString boxPath = info.dir().filePath(
                    info.completeBaseName() + QStringLiteral("-message.") + info.suffix());
                if (box->grab().save(boxPath))
                    QTextStream(stdout) << "message: " << QDir::toNativeSeparators(boxPath) << '\n';
            }
            QApplication::exit(ok && window.lastResult() != nullptr ? 0 : 1);
        });
    };
    if (trace)
        QObject::connect(&window, &tasklane::MainWindow::traceOpened, &window, grab,
                         Qt::SingleShotConnection);
    else
        QObject::connect(&window, &tasklane::MainWindow::runEnded, &window, grab,
                         Qt::SingleShotConnection);
}

} // namespace

int main(int argc, char* argv[]) {
    using namespace tasklane;
    if (onlyPrints(argc, argv))
        return printOnly(argc, argv);

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setDesktopFileName(QStringLiteral("tasklane"));
    const QString screenshot = qEnvironmentVariable("TASKLANE_SCREENSHOT");
    const std::unique_ptr<QTemporaryDir> settingsDir =
        screenshot.isEmpty() ? nullptr : isolateSettings();
    // Before anything with text is built: the window's texts are set once, as it is built.
    Language::apply(Language::localeFor(languageChoice(argc, argv)));

    CommandLine cli;
    cli.parser.process(app);
    const Start start = readCommandLine(cli);
    if (!start.error.isEmpty())
        return usageError(start.error);

    MainWindow window(start.options);
    if (cli.parser.isSet(cli.tab) && !window.showTab(cli.parser.value(cli.tab)))
        return usageError(QCoreApplication::translate(
                              "main", "--tab must be one of output|python|summary, got '%1'")
                              .arg(cli.parser.value(cli.tab)));
    if (!screenshot.isEmpty())
        grabOnceShown(window, screenshot, !start.tracePath.isEmpty());
    window.show();
    if (!start.tracePath.isEmpty())
        window.openTrace(start.tracePath);
    return QApplication::exec();
}
