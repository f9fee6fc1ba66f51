#include "command_line.h"

#include "signal_stop.h"

#include "analysis/trace_overview.h"
#include "chart/chart_exporter.h"
#include "chart/gantt_layout.h"
#include "patterns/pattern_registry.h"
#include "patterns/run_summary.h"
#include "text/qt_text.h"
#include "trace/chrome_trace_reader.h"
#include "trace/chrome_trace_writer.h"
#include "trace/csv_writer.h"
#include "trace/save_file.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>

namespace tasklane {

namespace {

// The options of DESIGN.md's contract that belong to patterns; which apply to a pattern is
// the pattern's own parameter list.
const char* const kPatternOptions[] = {
    "workers",    "tasks",  "cpu-ms", "io-ms", "chunksize",   "start-method", "gil",        "lock",
    "increments", "delays", "files",  "bytes", "concurrency", "out-dir",      "time-scale",
};

int fail(int code, const QString& message) {
    QTextStream(stderr) << "tasklane-cli: " << message << '\n';
    return code;
}

void print(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
}

const QString kUsage = QStringLiteral(
    "usage: tasklane-cli list\n"
    "       tasklane-cli run PATTERN [options]   (tasklane-cli run PATTERN --help lists them)\n"
    "       tasklane-cli render TRACE.json [--chart FILE.png|.svg|.pdf] [--stats]\n"
    "       tasklane-cli --version");

bool isChartPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"png" || suffix == u"svg" || suffix == u"pdf";
}

QString chartFormatError(const QString& path) {
    return QStringLiteral("--chart: unsupported format '%1' (use .png, .svg or .pdf)")
        .arg(QFileInfo(path).suffix().isEmpty() ? path : u'.' + QFileInfo(path).suffix());
}

// "--workers, --tasks, ...": the options a pattern takes.
QString optionList(const Pattern& pattern) {
    QStringList known;
    for (const ParamSpec& s : pattern.params())
        known << QStringLiteral("--") + qs(s.name);
    return known.join(QStringLiteral(", "));
}

// Why an output file named on the command line could not be written, found before the run
// (which may take seconds) rather than after it: an empty name, a folder, a folder that is
// missing or read-only. Whatever else goes wrong while writing is still a failed run.
std::optional<QString> outputError(const QString& option, const QString& path) {
    if (path.isEmpty())
        return QStringLiteral("--%1 needs a file name").arg(option);
    const QFileInfo file(path);
    if (file.isDir())
        return QStringLiteral("--%1: '%2' is a folder; give a file name in it").arg(option, path);
    const QFileInfo folder(file.absolutePath());
    if (!folder.exists())
        return QStringLiteral("--%1 %2: folder '%3' does not exist")
            .arg(option, path, QDir::toNativeSeparators(folder.filePath()));
    if (!folder.isDir())
        return QStringLiteral("--%1 %2: '%3' is not a folder")
            .arg(option, path, QDir::toNativeSeparators(folder.filePath()));
    if (!folder.isWritable() || (file.exists() && !file.isWritable()))
        return QStringLiteral("--%1 %2: cannot write there (permission denied)").arg(option, path);
    return std::nullopt;
}

SaveResult writeFile(const QString& path, const QByteArray& bytes) {
    return saveFile(path, [&](QIODevice& file) { return file.write(bytes) == bytes.size(); });
}

int list() {
    QString out;
    for (const auto& p : PatternRegistry::instance().all())
        out += QStringLiteral("%1\t%2\t%3\n")
                   .arg(qs(p->id()), -14)
                   .arg(qs(p->section()), -4)
                   .arg(qs(p->title()));
    print(out);
    return CommandLine::Ok;
}

struct Outputs {
    QString trace, csv, chart, summary;
    GroupBy groupBy = GroupBy::Both;
};

// A run a signal stopped writes no file: what it recorded is no run's whole result. Once the
// files are being written, each one is written whole (saveFile) and the rest are left out.
int stoppedBy(int signal, const QStringList& written) {
    return fail(
        SignalStop::exitCode(signal),
        QStringLiteral("stopped by %1; %2")
            .arg(QString::fromLatin1(SignalStop::name(signal)),
                 written.isEmpty()
                     ? QStringLiteral("no file written")
                     : QStringLiteral("only %1 written").arg(written.join(QStringLiteral(", ")))));
}

int exportRun(const Pattern& pattern, const Params& params, const RunResult& run,
              const Outputs& out, const SignalStop& signals) {
    const auto chart = [&] {
        ChartOptions options;
        options.groupBy = out.groupBy;
        options.title =
            QStringLiteral("%1 (%2 %3) — %4 ms")
                .arg(qs(pattern.id()), qs(pattern.section()), qs(pattern.tutorialHeading()))
                .arg(run.metrics.makespan_ms, 0, 'f', 1);
        return ChartExporter::exportChart(run.trace, out.chart, options);
    };
    const auto summary = [&] {
        return writeFile(
            out.summary,
            QJsonDocument(runSummary(pattern.id(), params, run)).toJson(QJsonDocument::Indented));
    };
    const std::pair<QString, std::function<SaveResult()>> files[] = {
        {out.trace, [&] { return ChromeTraceWriter::write(run.trace, out.trace); }},
        {out.csv, [&] { return CsvWriter::write(run.trace, out.csv); }},
        {out.chart, chart},
        {out.summary, summary},
    };
    QStringList written;
    for (const auto& [path, write] : files) {
        if (path.isEmpty())
            continue;
        if (const int signal = signals.received())
            return stoppedBy(signal, written);
        if (const SaveResult saved = write(); !saved)
            return fail(CommandLine::RunFailed, saved.errorText());
        written << path;
    }
    return CommandLine::Ok;
}

// `run`'s own options, besides the pattern options.
struct RunOptions {
    QCommandLineOption help{QStringLiteral("help"), QStringLiteral("Shows the options.")};
    QCommandLineOption groupBy{QStringLiteral("group-by"),
                               QStringLiteral("chart rows: worker, core or both"),
                               QStringLiteral("worker|core|both"), QStringLiteral("both")};
    QCommandLineOption trace{QStringLiteral("trace"),
                             QStringLiteral("write the Chrome/Perfetto JSON trace"),
                             QStringLiteral("FILE.json")};
    QCommandLineOption csv{QStringLiteral("csv"), QStringLiteral("write the events as CSV"),
                           QStringLiteral("FILE.csv")};
    QCommandLineOption chart{QStringLiteral("chart"), QStringLiteral("write the Gantt chart"),
                             QStringLiteral("FILE.png|.svg|.pdf")};
    QCommandLineOption summary{QStringLiteral("summary"),
                               QStringLiteral("write the run's summary JSON"),
                               QStringLiteral("FILE.json")};
    QCommandLineOption stats{QStringLiteral("stats"),
                             QStringLiteral("print the run's figures on stderr")};
    QCommandLineOption preset{QStringLiteral("preset"),
                              QStringLiteral("start from the tutorial's values (the defaults) or "
                                             "the window's lesson; options given override it"),
                              QString::fromLatin1(kPresetNames)};

    void declare(QCommandLineParser& parser) const {
        parser.setApplicationDescription(QStringLiteral("Runs a pattern and prints what the "
                                                        "Python program prints."));
        parser.addPositionalArgument(QStringLiteral("run"), QString());
        parser.addPositionalArgument(QStringLiteral("PATTERN"), QStringLiteral("a pattern id"));
        parser.addOption(help);
        for (const char* name : kPatternOptions)
            parser.addOption(
                QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
        parser.addOptions({groupBy, trace, csv, chart, summary, stats, preset});
    }
    // The options that take a value.
    QList<QCommandLineOption> valued() const {
        QList<QCommandLineOption> all{groupBy, trace, csv, chart, summary, preset};
        for (const char* name : kPatternOptions)
            all.append(
                QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
        return all;
    }
};

// An option no pattern has ("--frobnicate"): say which ones the pattern named takes.
QString parseError(const QCommandLineParser& parser, const QStringList& arguments) {
    const Pattern* named = PatternRegistry::instance().find(arguments.value(2).toStdString());
    if (named == nullptr)
        return parser.errorText();
    return QStringLiteral("%1 (%2 takes: %3)")
        .arg(parser.errorText(), arguments.value(2), optionList(*named));
}

// `--workers --tasks 3`: Qt's parser would take "--tasks" as the workers' value and then
// complain about "3". An option that takes a value and is followed by nothing or by another
// option lacks it; say so, with what it takes (the pattern's range, or the option's form).
std::optional<QString> missingValue(const QList<QCommandLineOption>& valued,
                                    const QStringList& arguments, const Pattern* pattern) {
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == u"--")
            return std::nullopt; // what follows is positional
        if (!arg.startsWith(u"--") || arg.contains(u'='))
            continue;
        const QString name = arg.mid(2);
        const QString next = arguments.value(i + 1);
        const bool lacking = i + 1 >= arguments.size() || next.startsWith(u"--");
        const auto option = std::find_if(valued.begin(), valued.end(),
                                         [&](const auto& o) { return o.names().contains(name); });
        if (option == valued.end() || !lacking)
            continue;
        const QString form = option->valueName();
        const auto spec = pattern != nullptr ? pattern->param(name.toStdString()) : std::nullopt;
        if (pattern != nullptr && !spec && form == u"value")
            continue; // another pattern's option: readParams says it does not apply
        return QStringLiteral("%1 lacks its value (%2)")
            .arg(arg, spec ? qs(spec->rangeText()) : form);
    }
    return std::nullopt;
}

// The pattern `run PATTERN` names, or why there is none.
std::optional<QString> patternOf(const QStringList& positional, const Pattern** pattern) {
    const auto& registry = PatternRegistry::instance();
    if (positional.size() < 2)
        return QStringLiteral("run needs a pattern: one of %1").arg(qs(registry.idsText()));
    if (positional.size() > 2)
        return QStringLiteral("unexpected argument '%1'").arg(positional.at(2));
    *pattern = registry.find(positional.at(1).toStdString());
    if (*pattern == nullptr)
        return QStringLiteral("unknown pattern '%1' (choose one of %2)")
            .arg(positional.at(1), qs(registry.idsText()));
    return std::nullopt;
}

// "--workers 4 --tasks 8 --cpu-ms 50": what the lesson preset changes, for --help.
QString presetText(const Pattern& pattern) {
    QStringList changed;
    const Params lesson = pattern.lessonParams();
    for (const auto& [name, value] : lesson.values())
        changed << QStringLiteral("--%1 %2").arg(qs(name), qs(ParamSpec::format(value)));
    return changed.isEmpty() ? QStringLiteral("the same") : changed.join(u' ');
}

// The preset's values, which the options given then override; or why --preset is wrong.
std::optional<QString> readPreset(const QCommandLineParser& parser, const RunOptions& options,
                                  const Pattern& pattern, Params* params) {
    if (!parser.isSet(options.preset))
        return std::nullopt;
    const QString name = parser.value(options.preset);
    const auto preset = presetFromName(name.toStdString());
    if (!preset)
        return QStringLiteral("--preset must be one of %1, got '%2'")
            .arg(QString::fromLatin1(kPresetNames), name);
    *params = pattern.preset(*preset);
    return std::nullopt;
}

// `run PATTERN --help`: what the pattern shows and the options it takes.
QString patternHelp(const Pattern& pattern) {
    QString text = QStringLiteral("tasklane-cli run %1 — %2 (tutorial %3)\n%4\n\n")
                       .arg(qs(pattern.id()), qs(pattern.title()), qs(pattern.section()),
                            qs(pattern.description()));
    for (const ParamSpec& spec : pattern.params()) {
        const QString byDefault = qs(ParamSpec::format(spec.defaultValue));
        text += QStringLiteral("  --%1 %2\n      %3 (default %4)\n")
                    .arg(qs(spec.name), -14)
                    .arg(qs(spec.rangeText()), qs(spec.help),
                         byDefault.isEmpty() ? QStringLiteral("empty") : byDefault);
    }
    text += QStringLiteral("  --preset lesson|tutorial  (default tutorial: the values above; "
                           "lesson: %1)\n")
                .arg(presetText(pattern));
    text += QStringLiteral("  --group-by worker|core|both  --trace FILE.json  --csv FILE.csv\n"
                           "  --chart FILE.png|.svg|.pdf  --summary FILE.json  --stats\n");
    return text;
}

// The pattern options given, each parsed by the pattern's own parameter; or the first that
// does not apply or does not parse.
std::optional<QString> readParams(const QCommandLineParser& parser, const Pattern& pattern,
                                  Params* params) {
    for (const char* name : kPatternOptions) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option))
            continue;
        const auto spec = pattern.param(name);
        if (!spec)
            return QStringLiteral("--%1 does not apply to pattern %2 (its options: %3)")
                .arg(option, qs(pattern.id()), optionList(pattern));
        QString text = parser.value(option);
        // A folder is made absolute against the directory the command runs in, so that the
        // output and the summary say where the files are; "" keeps its meaning (none given).
        if (spec->kind == ParamKind::Folder && !text.isEmpty())
            text = QDir::cleanPath(QDir::current().absoluteFilePath(text));
        auto parsed = spec->parse(text.toStdString());
        if (const auto* error = std::get_if<std::string>(&parsed))
            return qs(*error);
        params->set(name, std::get<ParamValue>(parsed));
    }
    return std::nullopt;
}

// The chart's grouping and the files to write, checked before the run.
std::optional<QString> readOutputs(const QCommandLineParser& parser, const RunOptions& options,
                                   Outputs* out) {
    const auto grouping = groupByFromName(parser.value(options.groupBy));
    if (!grouping)
        return QStringLiteral("--group-by must be one of worker|core|both, got '%1'")
            .arg(parser.value(options.groupBy));
    out->groupBy = *grouping;
    out->trace = parser.value(options.trace);
    out->csv = parser.value(options.csv);
    out->chart = parser.value(options.chart);
    out->summary = parser.value(options.summary);
    for (const QCommandLineOption* option :
         {&options.trace, &options.csv, &options.chart, &options.summary})
        if (parser.isSet(*option))
            if (auto error = outputError(option->names().front(), parser.value(*option)))
                return error;
    if (!out->chart.isEmpty() && !isChartPath(out->chart))
        return chartFormatError(out->chart);
    return std::nullopt;
}

// What the Python program prints, on stdout; with `stats`, the run's figures on stderr, for a
// person.
void printRun(const RunResult& result, bool stats) {
    QString stdoutText;
    for (const auto& line : result.output)
        stdoutText += qs(line) + u'\n';
    print(stdoutText);
    std::fflush(stdout);
    if (stats) {
        QString text;
        for (const std::string& line : summaryLines(result))
            text += qs(line) + u'\n';
        std::fputs(text.toLocal8Bit().constData(), stderr);
    }
}

int run(const QStringList& arguments) {
    QCommandLineParser parser;
    const RunOptions options;
    options.declare(parser);
    if (const auto error =
            missingValue(options.valued(), arguments,
                         PatternRegistry::instance().find(arguments.value(2).toStdString())))
        return fail(CommandLine::Usage, *error);
    if (!parser.parse(arguments))
        return fail(CommandLine::Usage, parseError(parser, arguments));
    const Pattern* pattern = nullptr;
    if (const auto error = patternOf(parser.positionalArguments(), &pattern))
        return fail(CommandLine::Usage, *error);
    if (parser.isSet(options.help)) {
        print(patternHelp(*pattern));
        return CommandLine::Ok;
    }

    Params params;
    if (const auto error = readPreset(parser, options, *pattern, &params))
        return fail(CommandLine::Usage, *error);
    if (const auto error = readParams(parser, *pattern, &params))
        return fail(CommandLine::Usage, *error);
    Outputs out;
    if (const auto error = readOutputs(parser, options, &out))
        return fail(CommandLine::Usage, *error);
    params = pattern->withDefaults(params);
    if (auto error = pattern->validate(params))
        return fail(CommandLine::Usage, qs(*error));

    RunControl control;
    control.setKeepsStoppedResult(false);
    const SignalStop signals(control);
    RunResult result;
    try {
        result = pattern->run(params, control);
    } catch (const RunStopped&) {
        // Only a signal stops a run of the command line: reported below.
    } catch (const std::exception& e) {
        if (!control.stopRequested() && signals.received() == 0)
            return fail(CommandLine::RunFailed,
                        QStringLiteral("run of %1 failed: %2")
                            .arg(qs(pattern->id()), QString::fromUtf8(e.what())));
    }
    if (const int signal = signals.received())
        return stoppedBy(signal, {});
    printRun(result, parser.isSet(options.stats));
    return exportRun(*pattern, params, result, out, signals);
}

// `render --stats`: an opened trace's figures as the window's Summary computes them from what
// the file holds (overviewOf), on stderr as `run --stats` prints a run's.
void printTraceStats(Trace trace) {
    const TraceOverview overview = overviewOf(trace);
    RunResult figures;
    figures.metrics = overview.metrics;
    figures.trace = std::move(trace);
    std::vector<std::string> lines = summaryLines(figures);
    // Another tool's trace names no tasks: a sequential estimate of 0 and a speedup of 0.00x
    // would be figures of nothing (the window leaves them out too).
    if (!overview.hasTasks)
        lines.front() = QStringLiteral("time span %1 ms; no tasks in the trace, so no sequential "
                                       "estimate or speedup")
                            .arg(overview.metrics.makespan_ms, 0, 'f', 1)
                            .toStdString();
    QString text;
    for (const std::string& line : lines)
        text += qs(line) + u'\n';
    std::fputs(text.toLocal8Bit().constData(), stderr);
}

// What `render` must be given: one trace file, and a chart to write or --stats.
std::optional<QString> renderUsageError(const QCommandLineParser& parser,
                                        const QCommandLineOption& chart, bool stats) {
    if (parser.positionalArguments().size() != 2)
        return QStringLiteral("render needs one trace file: render TRACE.json --chart FILE");
    if (!parser.isSet(chart))
        return stats ? std::nullopt
                     : std::optional<QString>(
                           QStringLiteral("render needs --chart FILE.png|.svg|.pdf or --stats"));
    if (auto error = outputError(QStringLiteral("chart"), parser.value(chart)))
        return error;
    if (!isChartPath(parser.value(chart)))
        return chartFormatError(parser.value(chart));
    return std::nullopt;
}

int render(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("render"), QString());
    parser.addPositionalArgument(QStringLiteral("TRACE.json"), QString());
    const QCommandLineOption chart(QStringLiteral("chart"), QString(),
                                   QStringLiteral("FILE.png|.svg|.pdf"));
    const QCommandLineOption groupBy(QStringLiteral("group-by"), QString(),
                                     QStringLiteral("worker|core|both"), QStringLiteral("both"));
    const QCommandLineOption stats(QStringLiteral("stats"));
    parser.addOptions({chart, groupBy, stats});
    if (const auto error = missingValue({chart, groupBy}, arguments, nullptr))
        return fail(CommandLine::Usage, *error);
    if (!parser.parse(arguments))
        return fail(CommandLine::Usage,
                    QStringLiteral("%1 (render takes: --chart FILE.png|.svg|.pdf, --group-by "
                                   "worker|core|both, --stats)")
                        .arg(parser.errorText()));
    const QStringList positional = parser.positionalArguments();
    if (const auto error = renderUsageError(parser, chart, parser.isSet(stats)))
        return fail(CommandLine::Usage, *error);
    const auto grouping = groupByFromName(parser.value(groupBy));
    if (!grouping)
        return fail(CommandLine::Usage,
                    QStringLiteral("--group-by must be one of worker|core|both, got '%1'")
                        .arg(parser.value(groupBy)));

    ChromeTraceReader::Error readError;
    const auto trace = ChromeTraceReader::read(positional.at(1), &readError);
    // A file that would not open names itself in its reason; one that did gets its name
    // before the position.
    if (!trace)
        return fail(CommandLine::Usage,
                    readError.line > 0 || readError.offset >= 0
                        ? QStringLiteral("%1: %2").arg(positional.at(1), readError.toString())
                        : readError.toString());
    if (parser.isSet(stats))
        printTraceStats(*trace);
    if (!parser.isSet(chart))
        return CommandLine::Ok;
    ChartOptions options;
    options.groupBy = *grouping;
    options.title = QFileInfo(positional.at(1)).fileName();
    if (const SaveResult saved = ChartExporter::exportChart(*trace, parser.value(chart), options);
        !saved)
        return fail(CommandLine::RunFailed, saved.errorText());
    return CommandLine::Ok;
}

} // namespace

int CommandLine::exec(const QStringList& arguments) {
    const QString command = arguments.value(1);
    if (command == u"list" && arguments.size() == 2)
        return list();
    if (command == u"run")
        return run(arguments);
    if (command == u"render")
        return render(arguments);
    if (command == u"--help" || command == u"-h" || command == u"help") {
        print(kUsage + u'\n');
        return Ok;
    }
    if (command == u"--version" && arguments.size() == 2) {
        print(QStringLiteral("%1 %2\n").arg(QCoreApplication::applicationName(),
                                            QCoreApplication::applicationVersion()));
        return Ok;
    }
    if (command.isEmpty())
        return fail(Usage, QStringLiteral("missing command (use list, run or render; --help shows "
                                          "the usage)"));
    return fail(Usage,
                QStringLiteral("unknown command '%1' (use list, run or render)").arg(command));
}

} // namespace tasklane
