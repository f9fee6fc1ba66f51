#include "patterns/python_number.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include <locale.h> // newlocale, strtod_l

namespace tasklane {

namespace {
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::string_view stripped(std::string_view text) {
    constexpr std::string_view kSpace = " \t\n\r\f\v";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// Python's digitpart: digits, with single underscores only between two of them. Appends the
// digits to `out` and advances `pos`; false when there is no digit or an underscore is loose.
bool digitPart(std::string_view text, std::size_t& pos, std::string& out) {
    if (pos >= text.size() || !isDigit(text[pos]))
        return false;
    while (pos < text.size()) {
        if (isDigit(text[pos])) {
            out += text[pos++];
        } else if (text[pos] == '_' && pos + 1 < text.size() && isDigit(text[pos + 1])) {
            ++pos;
        } else {
            break;
        }
    }
    return true;
}

std::size_t signPart(std::string_view text, std::string& out) {
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        if (text[0] == '-')
            out += '-';
        return 1;
    }
    return 0;
}

// [+-] (digits [. [digits]] | . digits) [e [+-] digits], as Python's float() grammar for
// finite values; `clean` receives it without underscores and '+', for strtod.
bool floatSyntax(std::string_view text, std::string& clean) {
    std::size_t pos = signPart(text, clean);
    const bool whole = digitPart(text, pos, clean);
    bool fraction = false;
    if (pos < text.size() && text[pos] == '.') {
        clean += text[pos++];
        fraction = digitPart(text, pos, clean);
    }
    if (!whole && !fraction)
        return false;
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
        clean += text[pos++];
        pos += signPart(text.substr(pos), clean);
        if (!digitPart(text, pos, clean))
            return false;
    }
    return pos == text.size();
}
} // namespace

std::optional<long long> parsePythonInt(std::string_view text) {
    text = stripped(text);
    std::string clean;
    std::size_t pos = signPart(text, clean);
    if (!digitPart(text, pos, clean) || pos != text.size())
        return std::nullopt;
    long long v = 0;
    const auto [end, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
    if (ec != std::errc() || end != clean.data() + clean.size())
        return std::nullopt; // beyond long long: far beyond any parameter's range
    return v;
}

std::optional<double> parsePythonFloat(std::string_view text) {
    std::string clean;
    if (!floatSyntax(stripped(text), clean))
        return std::nullopt;
    // The "C" locale's decimal point whatever the application's locale (Qt sets the user's).
    static const locale_t cLocale = ::newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    char* end = nullptr;
    const double v = ::strtod_l(clean.c_str(), &end, cLocale);
    // Overflow gives HUGE_VAL, refused; an underflow's 0.0 or denormal is Python's too.
    if (end != clean.c_str() + clean.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

} // namespace tasklane
