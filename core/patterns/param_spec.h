// ParamSpec: one parameter of a pattern, described once (name, kind, range, default, help)
// and used by the command line (option names, validation messages), the window (a slider
// and spin box per parameter) and the pattern itself.
#pragma once

#include "text/text_message.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tasklane {

// Int and Double: a number in [min, max]. Choice: one of `choices`. IntList: comma-separated
// integers, each in [min, max]. Text: free text. Folder: a folder's path, as typed; empty
// when the pattern may choose one itself. Whether the folder exists and can be written is a
// fact of the moment the run starts, so the run checks it (a run failure), not parse().
enum class ParamKind { Int, Double, Choice, IntList, Text, Folder };

using ParamValue = std::variant<long long, double, std::string, std::vector<long long>>;

struct ParamSpec {
    std::string name; // the CLI option without dashes: "workers", "cpu-ms"
    ParamKind kind = ParamKind::Int;
    double min = 0;
    double max = 0;
    ParamValue defaultValue;
    std::string help;                 // one line, shown as tooltip and in --help
    std::string unit;                 // "ms", "" ...
    std::vector<std::string> choices; // Choice only

    // Parses text as typed on the command line or in a field. On failure returns the one
    // line to show the user, naming the option and the allowed range.
    std::variant<ParamValue, std::string> parse(const std::string& text) const;
    // Checks a value already of the right kind; returns the error line or nothing.
    std::optional<std::string> validate(const ParamValue& value) const;
    // The same, with the error as a TextMessage (context "tasklane::ParamError", the option
    // as its label, context "tasklane::ParamLabel"), which the window shows translated;
    // render() is exactly the line parse() and validate() return.
    std::variant<ParamValue, TextMessage> parseMessage(const std::string& text) const;
    std::optional<TextMessage> validateMessage(const ParamValue& value) const;
    // "1..64", "on|off", "0..10000 ms", "a folder" for messages and help.
    std::string rangeText() const;
    // The same as a TextMessage: "a folder", "text" and the list's words are translatable.
    TextMessage rangeMessage() const;
    static std::string format(const ParamValue& value);

    // The window's label for the parameter and for a choice, as source texts of Qt's
    // translation (contexts "tasklane::ParamLabel" and "tasklane::ParamChoice"): the option
    // name and the choice itself, which is what the window shows in English. Core never
    // translates them (the command line stays English); the window does, through
    // QCoreApplication::translate. An unknown name comes back as it is.
    const char* label() const;
    static const char* choiceLabel(const std::string& choice);
};

// `time-scale` (0.01..10, 1.0): the multiplier every pattern applies to its durations.
// `help` is marked with QT_TRANSLATE_NOOP("tasklane::ParamSpec", ...) by the caller.
ParamSpec timeScaleParam(const char* help);

} // namespace tasklane
