#include "patterns/param_spec.h"

#include <QtGlobal> // QT_TRANSLATE_NOOP

#include <charconv>
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

std::optional<long long> parseInt(std::string_view text) {
    long long v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return v;
}

std::optional<double> parseDouble(const std::string& text) {
    if (text.empty())
        return std::nullopt;
    std::size_t used = 0;
    try {
        const double v = std::stod(text, &used);
        if (used != text.size() || !std::isfinite(v))
            return std::nullopt;
        return v;
    } catch (...) {
        return std::nullopt;
    }
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
    switch (kind) {
    case ParamKind::Int:
    case ParamKind::Double:
        return number(min) + ".." + number(max) + (unit.empty() ? "" : " " + unit);
    case ParamKind::IntList:
        return "comma-separated numbers, each " + number(min) + ".." + number(max) +
               (unit.empty() ? "" : " " + unit);
    case ParamKind::Choice: {
        std::string out;
        for (const auto& c : choices)
            out += (out.empty() ? "" : "|") + c;
        return out;
    }
    case ParamKind::Text:
        return QT_TRANSLATE_NOOP("tasklane::ParamSpec", "text");
    case ParamKind::Folder:
        return QT_TRANSLATE_NOOP("tasklane::ParamSpec", "a folder");
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

std::optional<std::string> ParamSpec::validate(const ParamValue& value) const {
    const std::string bad = "--" + name + " must be ";
    switch (kind) {
    case ParamKind::Int: {
        const auto* v = std::get_if<long long>(&value);
        if (v == nullptr)
            return bad + "a whole number in " + rangeText();
        if (*v < min || *v > max)
            return bad + "between " + number(min) + " and " + number(max) +
                   (unit.empty() ? "" : " " + unit) + ", got " + std::to_string(*v);
        return std::nullopt;
    }
    case ParamKind::Double: {
        double v = 0;
        if (const auto* d = std::get_if<double>(&value))
            v = *d;
        else if (const auto* i = std::get_if<long long>(&value))
            v = double(*i);
        else
            return bad + "a number in " + rangeText();
        if (!(v >= min && v <= max))
            return bad + "between " + number(min) + " and " + number(max) +
                   (unit.empty() ? "" : " " + unit) + ", got " + number(v);
        return std::nullopt;
    }
    case ParamKind::Choice: {
        const auto* s = std::get_if<std::string>(&value);
        for (const auto& c : choices)
            if (s != nullptr && *s == c)
                return std::nullopt;
        return bad + "one of " + rangeText() + (s != nullptr ? ", got '" + *s + "'" : "");
    }
    case ParamKind::IntList: {
        const auto* list = std::get_if<std::vector<long long>>(&value);
        if (list == nullptr || list->empty())
            return bad + rangeText();
        for (long long v : *list)
            if (v < min || v > max)
                return bad + rangeText() + ", got " + std::to_string(v);
        return std::nullopt;
    }
    case ParamKind::Text:
        if (std::get_if<std::string>(&value) == nullptr)
            return bad + "text";
        return std::nullopt;
    case ParamKind::Folder: {
        const auto* s = std::get_if<std::string>(&value);
        if (s == nullptr)
            return bad + "a folder";
        // No system call takes a path with a NUL in it; it would be cut there silently.
        if (s->find('\0') != std::string::npos)
            return bad + "a folder, without NUL characters";
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::variant<ParamValue, std::string> ParamSpec::parse(const std::string& text) const {
    ParamValue value;
    switch (kind) {
    case ParamKind::Int: {
        const auto v = parseInt(text);
        if (!v)
            return "--" + name + " must be a whole number in " + rangeText() + ", got '" + text +
                   "'";
        value = *v;
        break;
    }
    case ParamKind::Double: {
        const auto v = parseDouble(text);
        if (!v)
            return "--" + name + " must be a number in " + rangeText() + ", got '" + text + "'";
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
            const auto v = parseInt(part);
            if (!v)
                return "--" + name + " must be " + rangeText() + ", got '" + text + "'";
            list.push_back(*v);
            if (comma == std::string_view::npos)
                break;
            rest.remove_prefix(comma + 1);
        }
        value = std::move(list);
        break;
    }
    }
    if (auto error = validate(value))
        return *error;
    return value;
}

} // namespace tasklane
