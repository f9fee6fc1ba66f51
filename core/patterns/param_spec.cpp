#include "patterns/param_spec.h"

#include "patterns/python_number.h"

#include <QtGlobal> // QT_TRANSLATE_NOOP

#include <cmath>
#include <iomanip>
#include <sstream>

namespace tasklane {

namespace {
std::string number(double v) {
    std::ostringstream s;
    s << std::setprecision(15) << v; // 1000000, not 1e+06
    return s.str();
}

// Every parameter's and every choice's label, marked for lupdate. The English text is the
// option name (a key the command line takes too); the Korean file gives it words.
constexpr const char* kLabels[] = {
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "workers"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "tasks"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "cpu-ms"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "io-ms"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "time-scale"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "start-method"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "chunksize"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "increments"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "lock"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "gil"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "delays"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "files"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "bytes"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "concurrency"),
    QT_TRANSLATE_NOOP("tasklane::ParamLabel", "out-dir"),
};
// fork and spawn are Python's names for the start methods (code): they stay as they are.
constexpr const char* kChoiceLabels[] = {
    QT_TRANSLATE_NOOP("tasklane::ParamChoice", "on"),
    QT_TRANSLATE_NOOP("tasklane::ParamChoice", "off"),
};

const char* labelOf(const std::string& text, const auto& table) {
    for (const char* label : table)
        if (text == label)
            return label;
    return text.c_str();
}
} // namespace

const char* ParamSpec::label() const {
    return labelOf(name, kLabels);
}

const char* ParamSpec::choiceLabel(const std::string& choice) {
    return labelOf(choice, kChoiceLabels);
}

std::string ParamSpec::rangeText() const {
    return rangeMessage().render();
}

TextMessage ParamSpec::rangeMessage() const {
    const std::string numbers = number(min) + ".." + number(max) + (unit.empty() ? "" : " " + unit);
    switch (kind) {
    case ParamKind::Int:
    case ParamKind::Double:
        return TextMessage::plain(numbers);
    case ParamKind::IntList:
        return {"tasklane::ParamSpec",
                QT_TRANSLATE_NOOP("tasklane::ParamSpec", "comma-separated numbers, each %1"),
                {TextMessage::plain(numbers)}};
    case ParamKind::Choice: {
        std::string out;
        for (const auto& c : choices)
            out += (out.empty() ? "" : "|") + c;
        return TextMessage::plain(out);
    }
    case ParamKind::Text:
        return {"tasklane::ParamSpec", QT_TRANSLATE_NOOP("tasklane::ParamSpec", "text"), {}};
    case ParamKind::Folder:
        return {"tasklane::ParamSpec", QT_TRANSLATE_NOOP("tasklane::ParamSpec", "a folder"), {}};
    }
    return {};
}

std::string ParamSpec::format(const ParamValue& value) {
    if (const auto* i = std::get_if<long long>(&value))
        return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&value))
        return number(*d);
    if (const auto* s = std::get_if<std::string>(&value))
        return *s;
    std::string out;
    for (long long v : std::get<std::vector<long long>>(value))
        out += (out.empty() ? "" : ",") + std::to_string(v);
    return out;
}

namespace {
// An error line: a template of context "tasklane::ParamError" whose %1 is the option's label
// ("--%1" renders "--workers"; the Korean template puts the label's words there instead).
TextMessage paramError(const char* source, const ParamSpec& spec,
                       std::vector<TextMessage> more = {}) {
    TextMessage m{"tasklane::ParamError", source, {}};
    m.args.push_back({"tasklane::ParamLabel", spec.label(), {}});
    for (auto& arg : more)
        m.args.push_back(std::move(arg));
    return m;
}

TextMessage plainNumber(double v) {
    return TextMessage::plain(number(v));
}
} // namespace

std::optional<std::string> ParamSpec::validate(const ParamValue& value) const {
    if (auto error = validateMessage(value))
        return error->render();
    return std::nullopt;
}

std::optional<TextMessage> ParamSpec::validateMessage(const ParamValue& value) const {
    const std::string unitSuffix = unit.empty() ? "" : " " + unit;
    const auto outOfRange = [&](TextMessage got) {
        return paramError(
            QT_TRANSLATE_NOOP("tasklane::ParamError", "--%1 must be between %2 and %3, got %4"),
            *this,
            {plainNumber(min), TextMessage::plain(number(max) + unitSuffix), std::move(got)});
    };
    switch (kind) {
    case ParamKind::Int: {
        const auto* v = std::get_if<long long>(&value);
        if (v == nullptr)
            return paramError(
                QT_TRANSLATE_NOOP("tasklane::ParamError", "--%1 must be a whole number in %2"),
                *this, {rangeMessage()});
        if (*v < min || *v > max)
            return outOfRange(TextMessage::plain(std::to_string(*v)));
        return std::nullopt;
    }
    case ParamKind::Double: {
        double v = 0;
        if (const auto* d = std::get_if<double>(&value))
            v = *d;
        else if (const auto* i = std::get_if<long long>(&value))
            v = double(*i);
        else
            return paramError(
                QT_TRANSLATE_NOOP("tasklane::ParamError", "--%1 must be a number in %2"), *this,
                {rangeMessage()});
        if (!(v >= min && v <= max))
            return outOfRange(plainNumber(v));
        return std::nullopt;
    }
    case ParamKind::Choice: {
        const auto* s = std::get_if<std::string>(&value);
        for (const auto& c : choices)
            if (s != nullptr && *s == c)
                return std::nullopt;
        if (s == nullptr)
            return paramError(QT_TRANSLATE_NOOP("tasklane::ParamError", "--%1 must be one of %2"),
                              *this, {rangeMessage()});
        return paramError(
            QT_TRANSLATE_NOOP("tasklane::ParamError", "--%1 must be one of %2, got '%3'"), *this,
            {rangeMessage(), TextMessage::plain(*s)});
    }
    case ParamKind::IntList: {
        const auto* list = std::get_if<std::vector<long long>>(&value);
        const TextMessage numbers =
            TextMessage::plain(number(min) + ".." + number(max) + unitSuffix);
        if (list == nullptr || list->empty())
            return paramError(QT_TRANSLATE_NOOP("tasklane::ParamError",
                                                "--%1 must be comma-separated numbers, each %2"),
                              *this, {numbers});
        for (long long v : *list)
            if (v < min || v > max)
                return paramError(
                    QT_TRANSLATE_NOOP("tasklane::ParamError",
                                      "--%1 must be comma-separated numbers, each %2, got %3"),
                    *this, {numbers, TextMessage::plain(std::to_string(v))});
        return std::nullopt;
    }
    case ParamKind::Text:
        if (std::get_if<std::string>(&value) == nullptr)
            return paramError(QT_TRANSLATE_NOOP("tasklane::ParamError", "--%1 must be text"),
                              *this);
        return std::nullopt;
    case ParamKind::Folder: {
        const auto* s = std::get_if<std::string>(&value);
        if (s == nullptr)
            return paramError(QT_TRANSLATE_NOOP("tasklane::ParamError", "--%1 must be a folder"),
                              *this);
        // No system call takes a path with a NUL in it; it would be cut there silently.
        if (s->find('\0') != std::string::npos)
            return paramError(QT_TRANSLATE_NOOP("tasklane::ParamError",
                                                "--%1 must be a folder, without NUL characters"),
                              *this);
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::variant<ParamValue, std::string> ParamSpec::parse(const std::string& text) const {
    auto parsed = parseMessage(text);
    if (auto* error = std::get_if<TextMessage>(&parsed))
        return error->render();
    return std::get<ParamValue>(std::move(parsed));
}

std::variant<ParamValue, TextMessage> ParamSpec::parseMessage(const std::string& text) const {
    ParamValue value;
    switch (kind) {
    case ParamKind::Int: {
        const auto v = parsePythonInt(text);
        if (!v)
            return paramError(QT_TRANSLATE_NOOP("tasklane::ParamError",
                                                "--%1 must be a whole number in %2, got '%3'"),
                              *this, {rangeMessage(), TextMessage::plain(text)});
        value = *v;
        break;
    }
    case ParamKind::Double: {
        const auto v = parsePythonFloat(text);
        if (!v)
            return paramError(
                QT_TRANSLATE_NOOP("tasklane::ParamError", "--%1 must be a number in %2, got '%3'"),
                *this, {rangeMessage(), TextMessage::plain(text)});
        value = *v;
        break;
    }
    case ParamKind::Choice:
    case ParamKind::Text:
    case ParamKind::Folder:
        value = text;
        break;
    case ParamKind::IntList: {
        std::vector<long long> list;
        std::string_view rest(text);
        while (true) {
            const auto comma = rest.find(',');
            std::string_view part = rest.substr(0, comma);
            while (!part.empty() && part.front() == ' ')
                part.remove_prefix(1);
            while (!part.empty() && part.back() == ' ')
                part.remove_suffix(1);
            const auto v = parsePythonInt(part);
            if (!v)
                return paramError(
                    QT_TRANSLATE_NOOP("tasklane::ParamError",
                                      "--%1 must be comma-separated numbers, each %2, got '%3'"),
                    *this,
                    {TextMessage::plain(number(min) + ".." + number(max) +
                                        (unit.empty() ? "" : " " + unit)),
                     TextMessage::plain(text)});
            list.push_back(*v);
            if (comma == std::string_view::npos)
                break;
            rest.remove_prefix(comma + 1);
        }
        value = std::move(list);
        break;
    }
    }
    if (auto error = validateMessage(value))
        return *error;
    return value;
}

ParamSpec timeScaleParam(const char* help) {
    return {"time-scale", ParamKind::Double, 0.01, 10, 1.0, help, "", {}};
}

} // namespace tasklane
