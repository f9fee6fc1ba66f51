#include "trace/json_scanner.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>

namespace tasklane {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

void setInteger(JsonValue* out, std::int64_t n) {
    out->type = JsonType::Number;
    out->isInteger = true;
    out->integer = n;
    out->number = double(n);
}

// "-?[0-9]+" that fits an int64.
bool wholeNumber(const char* p, std::size_t length, std::int64_t* out) {
    const bool negative = length > 0 && p[0] == '-';
    std::size_t i = negative ? 1 : 0;
    if (i == length)
        return false;
    std::uint64_t magnitude = 0;
    for (; i < length; ++i) {
        const auto digit = std::uint64_t(p[i] - '0');
        if (__builtin_mul_overflow(magnitude, 10u, &magnitude) ||
            __builtin_add_overflow(magnitude, digit, &magnitude))
            return false;
    }
    constexpr auto limit = std::uint64_t(std::numeric_limits<std::int64_t>::max());
    if (negative) {
        if (magnitude > limit + 1)
            return false;
        *out = magnitude == limit + 1 ? std::numeric_limits<std::int64_t>::min()
                                      : -std::int64_t(magnitude);
    } else {
        if (magnitude > limit)
            return false;
        *out = std::int64_t(magnitude);
    }
    return true;
}

void appendUtf8(std::string* out, char32_t c) {
    if (c < 0x80) {
        out->push_back(char(c));
    } else if (c < 0x800) {
        out->push_back(char(0xC0 | (c >> 6)));
        out->push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out->push_back(char(0xE0 | (c >> 12)));
        out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out->push_back(char(0x80 | (c & 0x3F)));
    } else {
        out->push_back(char(0xF0 | (c >> 18)));
        out->push_back(char(0x80 | ((c >> 12) & 0x3F)));
        out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out->push_back(char(0x80 | (c & 0x3F)));
    }
}

} // namespace

std::vector<const JsonMember*> JsonObject::sortedUnique() const {
    std::vector<const JsonMember*> out;
    for (const JsonMember* m = begin_; m != end_; ++m)
        out.push_back(m);
    std::stable_sort(out.begin(), out.end(),
                     [](const JsonMember* a, const JsonMember* b) { return a->key < b->key; });
    std::vector<const JsonMember*> unique;
    for (std::size_t i = 0; i < out.size(); ++i)
        if (i + 1 == out.size() || out[i + 1]->key != out[i]->key)
            unique.push_back(out[i]);
    return unique;
}

JsonScanner::Position JsonScanner::position(std::string_view document, std::size_t offset) {
    offset = std::min(offset, document.size());
    Position at;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (document[i] == '\n') {
            ++at.line;
            lineStart = i + 1;
        }
    }
    for (std::size_t i = lineStart; i < offset; ++i)
        if ((static_cast<unsigned char>(document[i]) & 0xC0) != 0x80) // characters, not bytes
            ++at.column;
    return at;
}

void JsonScanner::eatBom() {
    if (n_ - i_ > 3 && std::memcmp(d_ + i_, "\xEF\xBB\xBF", 3) == 0)
        i_ += 3;
}

char JsonScanner::nextToken() {
    if (!eatSpace())
        return 0;
    const char c = d_[i_++];
    switch (c) {
    case '[':
    case '{':
    case ':':
    case ',':
    case ']':
    case '}':
    case '"':
        return c;
    default:
        return 0;
    }
}

bool JsonScanner::atEndOfDocument() {
    if (eatSpace())
        return fail(QJsonParseError::GarbageAtEnd);
    return true;
}

bool JsonScanner::parseValue(JsonValue* out, int capture) {
    const char c = d_[i_++];
    switch (c) {
    case 'n':
        return literal("ull", 4, JsonType::Null, out);
    case 't':
        return literal("rue", 4, JsonType::Bool, out);
    case 'f':
        return literal("alse", 5, JsonType::Bool, out);
    case '"':
        if (out != nullptr)
            out->type = JsonType::String;
        return parseString(out != nullptr ? &out->text : nullptr);
    case '[':
        if (out != nullptr)
            out->type = JsonType::Array;
        return parseArray();
    case '{':
        return parseObject(out, capture);
    case ',':
        // A missing value after a colon.
        return fail(QJsonParseError::IllegalValue);
    case ']':
    case '}':
        return fail(QJsonParseError::MissingObject);
    default:
        --i_;
        return parseNumber(out);
    }
}

bool JsonScanner::parseArray() {
    return parseElements([this] { return parseValue(nullptr, 0); });
}

bool JsonScanner::openArray(bool* empty) {
    if (!openContainer())
        return false;
    if (!eatSpace())
        return fail(QJsonParseError::UnterminatedArray);
    *empty = d_[i_] == ']';
    if (*empty)
        ++i_;
    return true;
}

JsonScanner::Next JsonScanner::afterElement() {
    const char token = nextToken();
    if (token == ']')
        return Next::Closed;
    if (token == ',')
        return Next::Element;
    if (!eatSpace())
        fail(QJsonParseError::UnterminatedArray);
    else
        fail(QJsonParseError::MissingValueSeparator);
    return Next::Error;
}

bool JsonScanner::parseObject(JsonValue* out, int capture) {
    std::vector<JsonMember>* store = out == nullptr ? nullptr
                                     : capture >= 2 ? &outer_
                                     : capture == 1 ? &inner_
                                                    : nullptr;
    const std::size_t first = store != nullptr ? store->size() : 0;
    const bool parsed = parseMembers(store != nullptr, [&](std::string_view key) {
        if (store == nullptr)
            return parseValue(nullptr, 0);
        // In place: a member's own value captures into the other store, if at all.
        JsonMember& member = store->emplace_back();
        member.key = key;
        return parseValue(&member.value, capture - 1);
    });
    if (!parsed)
        return false;
    if (out != nullptr) {
        out->type = JsonType::Object;
        out->first = std::uint32_t(first);
        out->count = store != nullptr ? std::uint32_t(store->size() - first) : 0;
    }
    return true;
}

bool JsonScanner::parseString(std::string_view* out) {
    const std::size_t start = i_;
    bool escapes = false;
    skipPlainAscii();
    while (i_ < n_) {
        const auto c = static_cast<unsigned char>(d_[i_]);
        if (c == '"')
            break;
        if (c == '\\') {
            escapes = true;
            break;
        }
        if (c < 0x80)
            ++i_;
        else if (!skipUtf8())
            return fail(QJsonParseError::IllegalUTF8String);
    }
    ++i_;
    if (i_ >= n_)
        return fail(QJsonParseError::UnterminatedString);
    if (!escapes) {
        if (out != nullptr)
            *out = std::string_view(d_ + start, i_ - start - 1);
        return true;
    }

    i_ = start;
    std::string* text = out != nullptr ? scratch() : nullptr;
    if (!decodeEscapedString(text))
        return false;
    if (out != nullptr)
        *out = *text;
    return true;
}

// The string from i_ (just after its opening quote) again, this time decoding its escapes
// into `text` if given.
bool JsonScanner::decodeEscapedString(std::string* text) {
    char32_t pendingHigh = 0; // a high surrogate from \u, waiting for its low half
    const auto flush = [&] {
        if (pendingHigh != 0 && text != nullptr)
            text->push_back('?');
        pendingHigh = 0;
    };
    while (i_ < n_) {
        const auto c = static_cast<unsigned char>(d_[i_]);
        if (c == '"')
            break;
        if (c == '\\') {
            char32_t unit = 0;
            bool fromHex = false;
            if (!escape(&unit, &fromHex))
                return fail(QJsonParseError::IllegalEscapeSequence);
            if (text == nullptr)
                continue;
            if (fromHex && unit >= 0xDC00 && unit <= 0xDFFF && pendingHigh != 0) {
                appendUtf8(text, 0x10000 + ((pendingHigh - 0xD800) << 10) + (unit - 0xDC00));
                pendingHigh = 0;
                continue;
            }
            flush();
            if (fromHex && unit >= 0xD800 && unit <= 0xDBFF)
                pendingHigh = unit;
            else if (fromHex && unit >= 0xDC00 && unit <= 0xDFFF)
                text->push_back('?');
            else
                appendUtf8(text, unit);
            continue;
        }
        const std::size_t from = i_;
        if (c < 0x80)
            ++i_;
        else if (!skipUtf8())
            return fail(QJsonParseError::IllegalUTF8String);
        if (text != nullptr) {
            flush();
            text->append(d_ + from, i_ - from);
        }
    }
    flush();
    ++i_;
    if (i_ >= n_)
        return fail(QJsonParseError::UnterminatedString);
    return true;
}

bool JsonScanner::parseNumber(JsonValue* out) {
    const std::size_t start = i_;
    bool whole = true;
    if (i_ < n_ && d_[i_] == '-')
        ++i_;
    if (i_ < n_ && d_[i_] == '0') {
        ++i_;
    } else {
        while (i_ < n_ && isDigit(d_[i_]))
            ++i_;
    }
    bool point = false;
    if (i_ < n_ && d_[i_] == '.') {
        point = true;
        ++i_;
        while (i_ < n_ && isDigit(d_[i_])) {
            whole = whole && d_[i_] == '0';
            ++i_;
        }
    }
    if (i_ < n_ && (d_[i_] == 'e' || d_[i_] == 'E')) {
        whole = false;
        ++i_;
        if (i_ < n_ && (d_[i_] == '-' || d_[i_] == '+'))
            ++i_;
        while (i_ < n_ && isDigit(d_[i_]))
            ++i_;
    }
    if (i_ >= n_)
        return fail(QJsonParseError::TerminationByNumber);

    const char* text = d_ + start;
    const std::size_t length = i_ - start;
    if (whole && !point) {
        std::int64_t n = 0;
        if (wholeNumber(text, length, &n)) {
            if (out != nullptr)
                setInteger(out, n);
            return true;
        }
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text, text + length, value);
    if (ec != std::errc() || end != text + length)
        return fail(QJsonParseError::IllegalNumber);
    if (out != nullptr) {
        // An integral double within range is stored as an integer, as QJsonDocument does.
        constexpr double two63 = 9223372036854775808.0;
        if (value >= -two63 && value < two63 && double(std::int64_t(value)) == value) {
            setInteger(out, std::int64_t(value));
        } else {
            out->type = JsonType::Number;
            out->isInteger = false;
            out->number = value;
        }
    }
    return true;
}

// Skips ASCII other than '"' and '\\' eight bytes at a time: most of a large document's text.
void JsonScanner::skipPlainAscii() {
    constexpr std::uint64_t ones = 0x0101010101010101u;
    constexpr std::uint64_t highs = 0x8080808080808080u;
    while (n_ - i_ >= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, d_ + i_, 8);
        const std::uint64_t quote = w ^ (ones * '"');
        const std::uint64_t backslash = w ^ (ones * '\\');
        // A byte is zero in `quote` or `backslash` where w has that character.
        const std::uint64_t special = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash);
        if (((special | w) & highs) != 0)
            return;
        i_ += 8;
    }
}

bool JsonScanner::literal(const char* rest, std::size_t need, JsonType type, JsonValue* out) {
    if (n_ - i_ < need)
        return fail(QJsonParseError::IllegalValue);
    // Consumes up to and including the first wrong character, as QJsonDocument does.
    for (const char* r = rest; *r != 0; ++r)
        if (d_[i_++] != *r)
            return fail(QJsonParseError::IllegalValue);
    if (out != nullptr) {
        out->type = type;
        out->isInteger = false;
        out->boolean = *rest == 'r'; // "rue"
        out->number = 0;
    }
    return true;
}

// One UTF-8 encoded character of two or more bytes at i_, well formed as QUtf8 wants it
// (no overlong forms, no surrogates, nothing above U+10FFFF); i_ stays put if not.
bool JsonScanner::skipUtf8() {
    const auto* p = reinterpret_cast<const unsigned char*>(d_ + i_);
    const std::size_t left = n_ - i_;
    const unsigned char b = p[0];
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        if (b == 0xE0)
            low = 0xA0;
        else if (b == 0xED)
            high = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        if (b == 0xF0)
            low = 0x90;
        else if (b == 0xF4)
            high = 0x8F;
    } else {
        return false;
    }
    if (left < length || p[1] < low || p[1] > high)
        return false;
    for (std::size_t k = 2; k < length; ++k)
        if ((p[k] & 0xC0) != 0x80)
            return false;
    i_ += length;
    return true;
}

// An escape sequence at i_ (the backslash). Anything after a backslash but u is taken
// literally, as QJsonDocument does; \u needs four hex digits.
bool JsonScanner::escape(char32_t* unit, bool* fromHex) {
    ++i_;
    if (i_ >= n_)
        return false;
    const auto c = static_cast<unsigned char>(d_[i_++]);
    *fromHex = false;
    switch (c) {
    case 'b':
        *unit = 0x8;
        return true;
    case 'f':
        *unit = 0xC;
        return true;
    case 'n':
        *unit = 0xA;
        return true;
    case 'r':
        *unit = 0xD;
        return true;
    case 't':
        *unit = 0x9;
        return true;
    case 'u': {
        if (i_ + 4 > n_)
            return false;
        char32_t value = 0;
        for (int k = 0; k < 4; ++k) {
            const char h = d_[i_];
            value <<= 4;
            if (h >= '0' && h <= '9')
                value |= char32_t(h - '0');
            else if (h >= 'a' && h <= 'f')
                value |= char32_t(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                value |= char32_t(h - 'A' + 10);
            else
                return false;
            ++i_;
        }
        *unit = value;
        *fromHex = true;
        return true;
    }
    default:
        *unit = c;
        return true;
    }
}

// A string to decode into; stable until resetCapture(), reused after it.
std::string* JsonScanner::scratch() {
    if (scratchUsed_ == scratch_.size())
        scratch_.push_back(std::make_unique<std::string>());
    std::string* s = scratch_[scratchUsed_++].get();
    s->clear();
    return s;
}

} // namespace tasklane
