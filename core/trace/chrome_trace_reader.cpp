#include "trace/chrome_trace_reader.h"

#include <QFile>
#include <QJsonParseError>
#include <QtGlobal> // QT_TRANSLATE_NOOP

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tasklane {

using namespace Qt::StringLiterals;

namespace {

using Error = ChromeTraceReader::Error;

// String pids, tids and flow ids that are not numbers get ids from here, far above real ones.
constexpr std::int64_t kSyntheticIdBase = std::int64_t(1) << 40;
// |ts| and |dur| in microseconds: their nanoseconds, plus an origin, must fit in an int64.
constexpr double kMaxMicros = 4e15;
constexpr auto kMaxOriginNs = std::int64_t(kMaxMicros * 1000);
// As deep as QJsonDocument goes; deeper documents are refused with its error.
constexpr int kNestingLimit = 1024;

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The reader's sentences: English templates marked for the window's translation (core never
// translates), and their arguments as they are (a key, a phase, a number, a path).
constexpr const char* kContext = "tasklane::ChromeTraceReader";

TextMessage text(const char* source, std::vector<TextMessage> args = {}) {
    return {kContext, source, std::move(args)};
}
TextMessage plain(const QString& s) {
    return TextMessage::plain(s.toStdString());
}
TextMessage plain(std::string_view s) {
    return TextMessage::plain(std::string(s));
}
TextMessage plain(const char* s) {
    return TextMessage::plain(s);
}
TextMessage plain(long long n) {
    return TextMessage::plain(std::to_string(n));
}

void setReason(Error& error, TextMessage message) {
    error.reason = QString::fromStdString(message.render());
    error.message = std::move(message);
}

std::optional<State> stateOf(std::string_view s) {
    if (s.empty())
        return std::nullopt;
    return stateFromName(s);
}

std::optional<double> nonFiniteFromName(std::string_view s) {
    if (s == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (s == "Infinity")
        return std::numeric_limits<double>::infinity();
    if (s == "-Infinity")
        return -std::numeric_limits<double>::infinity();
    return std::nullopt;
}

void setPosition(Error& error, const char* data, qint64 size, qint64 offset) {
    offset = std::clamp<qint64>(offset, 0, size);
    error.offset = offset;
    int line = 1;
    qint64 lineStart = 0;
    for (qint64 i = 0; i < offset; ++i) {
        if (data[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (qint64 i = lineStart; i < offset; ++i)
        if ((static_cast<unsigned char>(data[i]) & 0xC0) != 0x80) // count characters, not bytes
            ++column;
    error.line = line;
    error.column = column;
}

// ---------------------------------------------------------------------------------------
// JSON values as the reader needs them: scalars in full, objects only as deep as an event's
// args. Strings are decoded UTF-8, viewing either the document or the scanner's scratch.

enum class JsonType : std::uint8_t { Undefined, Null, Bool, Number, String, Array, Object };

struct JsonValue {
    JsonType type = JsonType::Undefined;
    bool isInteger = false; // a whole number that fits an int64, as QJsonValue stores it
    std::int64_t integer = 0;
    double number = 0;
    std::string_view text;
    std::uint32_t first = 0; // an object's members in the scanner's store for its depth
    std::uint32_t count = 0;

    bool isUndefined() const { return type == JsonType::Undefined; }
    bool isNumber() const { return type == JsonType::Number; }
    bool isString() const { return type == JsonType::String; }
    bool isObject() const { return type == JsonType::Object; }
    // QJsonValue's conversions: an empty string, 0, no integer for anything else.
    std::string_view toString() const { return isString() ? text : std::string_view(); }
    double toDouble() const { return isNumber() ? number : 0.0; }
    std::optional<std::int64_t> toInteger() const {
        if (isNumber() && isInteger)
            return integer;
        return std::nullopt;
    }
};

struct JsonMember {
    std::string_view key;
    JsonValue value;
};

// An object's members in document order. Like QJsonObject, a key given twice means its last
// value.
class JsonObject {
public:
    JsonObject() = default;
    JsonObject(const JsonMember* begin, const JsonMember* end)
        : begin_(begin)
        , end_(end) {}

    JsonValue value(std::string_view key) const {
        for (const JsonMember* m = end_; m != begin_;) {
            --m;
            if (sameKey(m->key, key))
                return m->value;
        }
        return {};
    }
    bool contains(std::string_view key) const { return !value(key).isUndefined(); }
    bool empty() const { return begin_ == end_; }

    // The distinct keys in QJsonObject's order (sorted), each with its last value.
    std::vector<const JsonMember*> sortedUnique() const {
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

private:
    // Keys are a few bytes: comparing them inline beats calling memcmp for each.
    static bool sameKey(std::string_view a, std::string_view b) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i] != b[i])
                return false;
        return true;
    }

    const JsonMember* begin_ = nullptr;
    const JsonMember* end_ = nullptr;
};

// ---------------------------------------------------------------------------------------
// JsonScanner: a pull parser over the document's bytes. It accepts and refuses exactly what
// QJsonDocument::fromJson does, with the same error at the same offset, so that a broken file
// is reported as it always was; but it builds no document, and an event's fields are views.
//
// Objects are captured to a depth: 2 for an event (its members, and the members of member
// objects such as args), 1 for a member object, 0 for anything else (checked, not kept).

class JsonScanner {
public:
    using ParseError = QJsonParseError::ParseError;

    JsonScanner(const char* data, std::size_t size)
        : d_(data)
        , n_(size) {}

    ParseError error() const { return error_; }
    std::size_t errorOffset() const { return errorAt_; }
    std::size_t pos() const { return i_; }
    char peek() const { return d_[i_]; }
    bool atEnd() const { return i_ >= n_; }
    void advance() { ++i_; }

    bool fail(ParseError error) {
        if (error_ == QJsonParseError::NoError) {
            error_ = error;
            errorAt_ = i_;
        }
        return false;
    }

    void eatBom() {
        if (n_ - i_ > 3 && std::memcmp(d_ + i_, "\xEF\xBB\xBF", 3) == 0)
            i_ += 3;
    }

    // Skips JSON's four whitespace characters; false at the end of the document.
    bool eatSpace() {
        while (i_ < n_) {
            const char c = d_[i_];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                break;
            ++i_;
        }
        return i_ < n_;
    }

    // The next structural character, consumed; 0 (consuming what was there) for anything else.
    char nextToken() {
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

    // Members captured for the object being read (depth 2) and for its member objects.
    const std::vector<JsonMember>& outer() const { return outer_; }
    const std::vector<JsonMember>& inner() const { return inner_; }
    JsonObject objectOf(const JsonValue& v, bool outerStore) const {
        if (!v.isObject() || v.count == 0)
            return {};
        const std::vector<JsonMember>& store = outerStore ? outer_ : inner_;
        return JsonObject(store.data() + v.first, store.data() + v.first + v.count);
    }
    // Forgets what earlier values captured; their views become invalid.
    void resetCapture() {
        outer_.clear();
        inner_.clear();
        scratchUsed_ = 0;
    }

    // A value starting at pos() (not whitespace, not the end).
    bool parseValue(JsonValue* out, int capture) {
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

    // The rest of an array whose '[' was just consumed, elements checked only.
    bool parseArray() {
        bool empty = false;
        if (!openArray(&empty))
            return false;
        if (!empty) {
            for (;;) {
                if (!eatSpace())
                    return fail(QJsonParseError::UnterminatedArray);
                if (!parseValue(nullptr, 0))
                    return false;
                const Next next = afterElement();
                if (next == Next::Error)
                    return false;
                if (next == Next::Closed)
                    break;
            }
        }
        closeContainer();
        return true;
    }

    // Opens an array whose '[' was just consumed: false on an error, else `empty` says
    // whether it closed at once. Each element then follows: eatSpace, parseValue, afterElement.
    bool openArray(bool* empty) {
        if (!openContainer())
            return false;
        if (!eatSpace())
            return fail(QJsonParseError::UnterminatedArray);
        *empty = d_[i_] == ']';
        if (*empty)
            ++i_;
        return true;
    }

    enum class Next { Element, Closed, Error };
    // After an array element: ',' (another follows) or ']' consumed, or an error.
    Next afterElement() {
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

    // Every array and object counts toward QJsonDocument's nesting limit.
    bool openContainer() {
        if (++nesting_ > kNestingLimit)
            return fail(QJsonParseError::DeepNesting);
        return true;
    }
    void closeContainer() { --nesting_; }

    // The rest of an object whose '{' was just consumed.
    bool parseObject(JsonValue* out, int capture) {
        if (!openContainer())
            return false;
        std::vector<JsonMember>* store = out == nullptr ? nullptr
                                         : capture >= 2 ? &outer_
                                         : capture == 1 ? &inner_
                                                        : nullptr;
        const std::size_t first = store != nullptr ? store->size() : 0;
        char token = nextToken();
        while (token == '"') {
            // In place: a member's own value captures into the other store, if at all.
            JsonMember* member = store != nullptr ? &store->emplace_back() : nullptr;
            if (!parseString(member != nullptr ? &member->key : nullptr))
                return false;
            if (nextToken() != ':')
                return fail(QJsonParseError::MissingNameSeparator);
            if (!eatSpace())
                return fail(QJsonParseError::UnterminatedObject);
            if (!parseValue(member != nullptr ? &member->value : nullptr, capture - 1))
                return false;
            token = nextToken();
            if (token != ',')
                break;
            token = nextToken();
            if (token == '}')
                return fail(QJsonParseError::MissingObject);
        }
        if (token != '}')
            return fail(QJsonParseError::UnterminatedObject);
        closeContainer();
        if (out != nullptr) {
            out->type = JsonType::Object;
            out->first = std::uint32_t(first);
            out->count = store != nullptr ? std::uint32_t(store->size() - first) : 0;
        }
        return true;
    }

    // The rest of a string whose opening quote was just consumed; `out`, when given, views the
    // text as UTF-8 after escapes, as QString::toUtf8 would give it (a lone surrogate is '?').
    bool parseString(std::string_view* out) {
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
        if (out != nullptr)
            *out = *text;
        return true;
    }

    // A number as QJsonDocument reads it: whole numbers that fit become integers (-0 too),
    // anything out of a double's range is an error.
    bool parseNumber(JsonValue* out) {
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

private:
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    // Skips ASCII other than '"' and '\\' eight bytes at a time: most of a trace's text.
    void skipPlainAscii() {
        constexpr std::uint64_t ones = 0x0101010101010101u;
        constexpr std::uint64_t highs = 0x8080808080808080u;
        while (n_ - i_ >= 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, d_ + i_, 8);
            const std::uint64_t quote = w ^ (ones * '"');
            const std::uint64_t backslash = w ^ (ones * '\\');
            // A byte is zero in `quote` or `backslash` where w has that character.
            const std::uint64_t special =
                ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash);
            if (((special | w) & highs) != 0)
                return;
            i_ += 8;
        }
    }

    static void setInteger(JsonValue* out, std::int64_t n) {
        out->type = JsonType::Number;
        out->isInteger = true;
        out->integer = n;
        out->number = double(n);
    }

    // "-?[0-9]+" that fits an int64.
    static bool wholeNumber(const char* p, std::size_t length, std::int64_t* out) {
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

    bool literal(const char* rest, std::size_t need, JsonType type, JsonValue* out) {
        if (n_ - i_ < need)
            return fail(QJsonParseError::IllegalValue);
        // Consumes up to and including the first wrong character, as QJsonDocument does.
        for (const char* r = rest; *r != 0; ++r)
            if (d_[i_++] != *r)
                return fail(QJsonParseError::IllegalValue);
        if (out != nullptr) {
            out->type = type;
            out->isInteger = false;
            out->number = 0;
        }
        return true;
    }

    // One UTF-8 encoded character of two or more bytes at i_, well formed as QUtf8 wants it
    // (no overlong forms, no surrogates, nothing above U+10FFFF); i_ stays put if not.
    bool skipUtf8() {
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
    bool escape(char32_t* unit, bool* fromHex) {
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

    static void appendUtf8(std::string* out, char32_t c) {
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

    // A string to decode into; stable until resetCapture(), reused after it.
    std::string* scratch() {
        if (scratchUsed_ == scratch_.size())
            scratch_.push_back(std::make_unique<std::string>());
        std::string* s = scratch_[scratchUsed_++].get();
        s->clear();
        return s;
    }

    const char* d_;
    std::size_t n_;
    std::size_t i_ = 0;
    int nesting_ = 0;
    ParseError error_ = QJsonParseError::NoError;
    std::size_t errorAt_ = 0;
    std::vector<JsonMember> outer_;
    std::vector<JsonMember> inner_;
    std::vector<std::unique_ptr<std::string>> scratch_;
    std::size_t scratchUsed_ = 0;
};

// ---------------------------------------------------------------------------------------
// The Chrome Trace Event semantics, applied event by event as the scanner reads them.

// The args a slice keeps: only these are ever looked at. A B/E (or b/e) pair merges the end's
// over the begin's, key by key.
template <class Text> struct SliceArgs {
    Text state; // args.state as a string; empty if absent or not a string
    Text label;
    std::optional<std::int64_t> cpu;
    std::optional<std::int64_t> task;
    double cpuNs = 0;

    void mergeFrom(const JsonObject& args) {
        if (args.empty())
            return;
        if (const JsonValue v = args.value("state"); !v.isUndefined())
            state = Text(v.toString());
        if (const JsonValue v = args.value("label"); !v.isUndefined())
            label = Text(v.toString());
        if (const JsonValue v = args.value("cpu"); !v.isUndefined())
            cpu = v.toInteger();
        if (const JsonValue v = args.value("task"); !v.isUndefined())
            task = v.toInteger();
        if (const JsonValue v = args.value("cpu_ns"); !v.isUndefined())
            cpuNs = v.toDouble();
    }
};

struct OpenSlice {
    std::int64_t begin = 0;
    std::uint32_t track = 0;
    std::string name;
    std::string cat;
    SliceArgs<std::string> args;
};

struct TrackInfo {
    Track track;
    std::optional<qint64> sortIndex;
};

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <class T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

struct PairHash {
    std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& p) const {
        return std::hash<std::int64_t>()(p.first) * 31 + std::hash<std::int64_t>()(p.second);
    }
};

// The index of a string in a Trace's table, by its text. Open addressing over (hash, index)
// pairs: a million lookups into a node-based map cost more than reading the file.
class LabelTable {
public:
    std::uint32_t intern(std::string_view s, std::vector<std::string>& strings) {
        if (2 * (count_ + 1) > slots_.size())
            grow(strings);
        const std::uint64_t hash = std::hash<std::string_view>()(s);
        const auto tag = std::uint32_t(hash >> 32);
        for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
            Slot& slot = slots_[i];
            if (slot.index == 0) {
                slot = Slot{tag, std::uint32_t(strings.size())};
                strings.emplace_back(s);
                ++count_;
                return slot.index;
            }
            if (slot.tag == tag && strings[slot.index] == s)
                return slot.index;
        }
    }

private:
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t index = 0; // into the strings; 0 (the empty string) marks a free slot
    };

    void grow(const std::vector<std::string>& strings) {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
        mask_ = slots_.size() - 1;
        for (const Slot& slot : old) {
            if (slot.index == 0)
                continue;
            const std::uint64_t hash = std::hash<std::string_view>()(strings[slot.index]);
            std::size_t i = hash & mask_;
            while (slots_[i].index != 0)
                i = (i + 1) & mask_;
            slots_[i] = slot;
        }
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t count_ = 0;
};

class Parser {
public:
    Parser(const char* data, std::size_t size)
        : data_(data)
        , size_(size)
        , json_(data, size) {}

    std::optional<Trace> run(Error* error) {
        const bool parsed = document();
        if (!parsed || json_.error() != QJsonParseError::NoError)
            return syntaxError(error);
        if (!haveEvents_)
            return report(
                error, 0,
                text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                       "no 'traceEvents' array in the top-level object")));
        if (eventsNotArray_)
            return report(error, 0,
                          text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                                 "'traceEvents' is not an array")));
        if (originInvalid_)
            return report(error, 0,
                          text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                                 "'otherData.origin_ns' is not a valid integer")));
        // Times are read relative to the origin, which may come after the events; an end
        // that only overflows once it is added is refused as if it had been seen in place.
        for (const Overflow& o : origin_ > 0 ? overflows_ : std::vector<Overflow>()) {
            if (o.relativeEnd <= std::numeric_limits<std::int64_t>::max() - origin_)
                continue;
            if (!eventError_ || o.index < eventError_->index)
                eventError_ = EventError{
                    o.index, o.offset,
                    text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is out of range"),
                         {plain("dur")})};
            break;
        }
        if (eventError_)
            return report(
                error, qint64(eventError_->offset),
                text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "event %1: %2"),
                     {plain(static_cast<long long>(eventError_->index)), eventError_->reason}));
        closeUnfinished();
        return finish();
    }

private:
    struct EventError {
        qsizetype index = 0;
        std::size_t offset = 0;
        TextMessage reason;
    };
    struct Overflow {
        qsizetype index = 0;
        std::size_t offset = 0;
        std::int64_t relativeEnd = 0;
    };

    // --- the document ---

    bool document() {
        json_.eatBom();
        const char token = json_.nextToken();
        if (token == '[') {
            haveEvents_ = true;
            return eventArray() && atEndOfDocument();
        }
        if (token == '{')
            return topObject() && atEndOfDocument();
        return json_.fail(QJsonParseError::IllegalValue);
    }

    bool atEndOfDocument() {
        if (json_.eatSpace())
            return json_.fail(QJsonParseError::GarbageAtEnd);
        return true;
    }

    bool topObject() {
        if (!json_.openContainer())
            return false;
        char token = json_.nextToken();
        while (token == '"') {
            json_.resetCapture();
            std::string_view key;
            if (!json_.parseString(&key))
                return false;
            const std::string name(key);
            if (json_.nextToken() != ':')
                return json_.fail(QJsonParseError::MissingNameSeparator);
            if (!json_.eatSpace())
                return json_.fail(QJsonParseError::UnterminatedObject);
            if (name == "traceEvents") {
                // A key given twice means its last value: forget what the first one held.
                resetEvents();
                haveEvents_ = true;
                if (json_.peek() == '[') {
                    json_.advance();
                    if (!eventArray())
                        return false;
                } else {
                    eventsNotArray_ = true;
                    if (!json_.parseValue(nullptr, 0))
                        return false;
                }
            } else if (name == "otherData") {
                JsonValue other;
                if (!json_.parseValue(&other, 2))
                    return false;
                readOrigin(json_.objectOf(other, true));
            } else if (!json_.parseValue(nullptr, 0)) {
                return false;
            }
            token = json_.nextToken();
            if (token != ',')
                break;
            token = json_.nextToken();
            if (token == '}')
                return json_.fail(QJsonParseError::MissingObject);
        }
        if (token != '}')
            return json_.fail(QJsonParseError::UnterminatedObject);
        json_.closeContainer();
        return true;
    }

    void readOrigin(const JsonObject& other) {
        origin_ = 0;
        originInvalid_ = false;
        const JsonValue origin = other.value("origin_ns");
        if (origin.isUndefined())
            return;
        const auto value = origin.toInteger();
        if (!value || *value > kMaxOriginNs || *value < -kMaxOriginNs) {
            originInvalid_ = true;
            return;
        }
        origin_ = *value;
    }

    // The events, '[' consumed: each is read and applied before the next is scanned.
    bool eventArray() {
        bool empty = false;
        if (!json_.openArray(&empty))
            return false;
        if (empty) {
            json_.closeContainer();
            return true;
        }
        for (qsizetype index = 0;; ++index) {
            if (!json_.eatSpace())
                return json_.fail(QJsonParseError::UnterminatedArray);
            const std::size_t offset = json_.pos();
            if (eventError_) {
                if (!json_.parseValue(nullptr, 0)) // still checked: a syntax error wins
                    return false;
            } else {
                json_.resetCapture();
                JsonValue value;
                if (!json_.parseValue(&value, 2))
                    return false;
                index_ = index;
                offset_ = offset;
                if (!handle(value))
                    eventError_ = EventError{index, offset, reason_};
            }
            const JsonScanner::Next next = json_.afterElement();
            if (next == JsonScanner::Next::Error)
                return false;
            if (next == JsonScanner::Next::Closed) {
                json_.closeContainer();
                return true;
            }
        }
    }

    std::optional<Trace> syntaxError(Error* error) const {
        const auto offset = qint64(json_.errorOffset());
        const TextMessage reason = ChromeTraceReader::syntaxMessage(json_.error());
        // QJsonDocument says "illegal value" for both of these; say what is actually wrong.
        std::size_t first = size_ >= 3 && std::memcmp(data_, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        while (first < size_ && std::isspace(static_cast<unsigned char>(data_[first])))
            ++first;
        if (first == size_)
            return report(error, qint64(first),
                          text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                                 "empty document: no JSON value")));
        if (data_[first] != '{' && data_[first] != '[')
            return report(error, qint64(first),
                          text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                                 "not a JSON object or array (%1)"),
                               {reason}));
        return report(error, offset, reason);
    }

    std::optional<Trace> report(Error* error, qint64 offset, TextMessage reason) const {
        if (error != nullptr) {
            *error = Error{};
            setReason(*error, std::move(reason));
            setPosition(*error, data_, qint64(size_), offset);
        }
        return std::nullopt;
    }

    void resetEvents() {
        tracks_.clear();
        trackIds_.clear();
        lastTrack_.reset();
        stringIds_.clear();
        numericIds_.clear();
        flowNames_.clear();
        openB_.clear();
        openAsync_.clear();
        events_.clear();
        strings_.assign(1, std::string());
        labels_ = LabelTable();
        overflows_.clear();
        eventError_.reset();
        eventsNotArray_ = false;
        last_ = 0;
        anyTime_ = false;
    }

    // An event's error: only ever on the way out, so it may build its message.
    bool fail(const char* source, std::vector<TextMessage> args = {}) {
        reason_ = text(source, std::move(args));
        return false;
    }

    JsonObject objectOf(const JsonValue& v) const { return json_.objectOf(v, false); }

    bool handle(const JsonValue& value) {
        if (!value.isObject())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "not an object"));
        const JsonObject o = json_.objectOf(value, true);
        const JsonValue phase = o.value("ph");
        if (phase.isUndefined())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "no 'ph'"));
        if (!phase.isString())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'ph' is not a string"));
        const std::string_view ph = phase.text;
        if (ph.size() != 1) {
            const QString name = qs(ph);
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "unknown phase '%1'"),
                        {plain(name.size() == 1 ? name : name.left(16))});
        }
        ph_ = QChar(QLatin1Char(ph[0]));
        switch (ph[0]) {
        case 'X':
            return complete(o);
        case 'B':
            return beginSlice(o);
        case 'E':
            return endSlice(o);
        case 'b':
        case 'S':
            return asyncBegin(o);
        case 'e':
        case 'F':
            return asyncEnd(o);
        case 'i':
        case 'I':
            return instant(o);
        case 'C':
            return counter(o);
        case 's':
        case 't':
        case 'f':
            return flow(o);
        case 'M':
            return metadata(o);
        // Legal in the format but nothing a Trace holds: samples, objects, marks, async
        // instants and steps, clock syncs, memory dumps, context.
        case 'P':
        case 'O':
        case 'N':
        case 'D':
        case 'R':
        case 'n':
        case 'c':
        case 'T':
        case 'p':
        case 'V':
        case 'v':
        case '(':
        case ')':
            return true;
        default:
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "unknown phase '%1'"),
                        {plain(ph)});
        }
    }

    // --- fields ---

    // A string id that is a number in QString::toLongLong's sense ("42", " 42", "+42").
    std::optional<std::int64_t> numericId(std::string_view s) {
        if (const auto it = numericIds_.find(s); it != numericIds_.end())
            return it->second;
        bool ok = false;
        const qint64 n = qs(s).toLongLong(&ok);
        const std::optional<std::int64_t> result =
            ok ? std::optional<std::int64_t>(n) : std::nullopt;
        numericIds_.emplace(std::string(s), result);
        return result;
    }

    bool idOf(const JsonValue& v, const char* key, std::int64_t* id, std::string_view* name) {
        if (v.isNumber()) {
            const auto n = v.toInteger();
            if (!n)
                return fail(
                    QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is not an integer"),
                    {plain(key)});
            *id = *n;
            return true;
        }
        if (v.isString()) {
            if (const auto n = numericId(v.text)) {
                *id = *n;
                return true;
            }
            auto it = stringIds_.find(v.text);
            if (it == stringIds_.end())
                it = stringIds_
                         .emplace(std::string(v.text),
                                  kSyntheticIdBase + std::int64_t(stringIds_.size()))
                         .first;
            *id = it->second;
            *name = v.text;
            return true;
        }
        return fail(
            QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is not a number or a string"),
            {plain(key)});
    }

    bool trackOf(const JsonObject& o, std::uint32_t* track) {
        std::int64_t pid = 0;
        std::int64_t tid = 0;
        std::string_view pidName;
        std::string_view tidName;
        if (const JsonValue v = o.value("pid"); !v.isUndefined())
            if (!idOf(v, "pid", &pid, &pidName))
                return false;
        if (const JsonValue v = o.value("tid"); !v.isUndefined()) {
            if (!idOf(v, "tid", &tid, &tidName))
                return false;
        } else {
            tid = pid; // as Perfetto does: a process-wide event lands on the main thread
            tidName = pidName;
        }
        const std::pair key(pid, tid);
        if (lastTrack_ && lastTrack_->first == key) {
            *track = lastTrack_->second;
            return true;
        }
        if (const auto it = trackIds_.find(key); it != trackIds_.end()) {
            *track = it->second;
            lastTrack_ = std::pair(key, *track);
            return true;
        }
        TrackInfo info;
        info.track.pid = pid;
        info.track.tid = tid;
        info.track.kind = tid == pid ? TrackKind::Main : TrackKind::Thread;
        info.track.name = tidName.empty() ? "thread " + std::to_string(tid) : std::string(tidName);
        *track = std::uint32_t(tracks_.size());
        tracks_.push_back(std::move(info));
        openB_.emplace_back();
        trackIds_.emplace(key, *track);
        lastTrack_ = std::pair(key, *track);
        return true;
    }

    // A time field in nanoseconds, relative to the origin.
    bool nanos(const JsonObject& o, const char* key, std::int64_t* ns) {
        const JsonValue v = o.value(key);
        if (v.isUndefined())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "%1 event has no '%2'"),
                        {plain(QString(ph_)), plain(key)});
        if (!v.isNumber())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is not a number"),
                        {plain(key)});
        const double micros = v.number;
        if (!std::isfinite(micros) || std::abs(micros) > kMaxMicros)
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is out of range"),
                        {plain(key)});
        *ns = std::llround(micros * 1000.0);
        return true;
    }

    bool timestamp(const JsonObject& o, std::int64_t* ns) {
        if (!nanos(o, "ts", ns))
            return false;
        seen(*ns);
        return true;
    }

    void seen(std::int64_t ns) {
        last_ = anyTime_ ? std::max(last_, ns) : ns;
        anyTime_ = true;
    }

    static std::int16_t cpuOf(const std::optional<std::int64_t>& n) {
        return n && *n >= -1 && *n <= std::numeric_limits<std::int16_t>::max() ? std::int16_t(*n)
                                                                               : std::int16_t(-1);
    }

    static std::uint32_t taskOf(const std::optional<std::int64_t>& n) {
        return n && *n >= 0 && *n <= std::numeric_limits<std::uint32_t>::max() ? std::uint32_t(*n)
                                                                               : 0;
    }

    std::uint32_t intern(std::string_view s) {
        if (s.empty())
            return 0;
        return labels_.intern(s, strings_);
    }

    template <class Text>
    void addSlice(EventType type, std::uint32_t track, std::int64_t begin, std::int64_t end,
                  std::string_view name, std::string_view cat, const SliceArgs<Text>& args) {
        TraceEvent e;
        e.type = type;
        e.track = track;
        e.begin_ns = begin;
        e.end_ns = end;
        const std::string_view state = args.state;
        const std::optional<State> named = stateOf(state);
        e.state = named ? *named : stateOf(cat).value_or(State::Running);
        e.cpu = cpuOf(args.cpu);
        e.task = taskOf(args.task);
        e.value = std::max(0.0, args.cpuNs);
        // ChromeTraceWriter names a label-less slice after its state, and repeats a label that
        // happens to equal the state name in args.label.
        e.label = intern(named && name == state ? std::string_view(args.label) : name);
        events_.push_back(e);
    }

    // --- phases ---

    bool complete(const JsonObject& o) {
        std::uint32_t track = 0;
        std::int64_t begin = 0;
        std::int64_t duration = 0;
        if (!trackOf(o, &track) || !timestamp(o, &begin) || !nanos(o, "dur", &duration))
            return false;
        if (duration < 0)
            return fail(
                QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "X event has a negative 'dur'"));
        // Both are within ±4e18 ns: their sum fits. Adding the origin may not (see run()).
        const std::int64_t end = begin + duration;
        if (end > std::numeric_limits<std::int64_t>::max() - kMaxOriginNs)
            overflows_.push_back(Overflow{index_, offset_, end});
        seen(end);
        SliceArgs<std::string_view> args;
        args.mergeFrom(objectOf(o.value("args")));
        addSlice(EventType::Slice, track, begin, end, o.value("name").toString(),
                 o.value("cat").toString(), args);
        return true;
    }

    bool beginSlice(const JsonObject& o) {
        OpenSlice s;
        if (!trackOf(o, &s.track) || !timestamp(o, &s.begin))
            return false;
        s.name = o.value("name").toString();
        s.cat = o.value("cat").toString();
        s.args.mergeFrom(objectOf(o.value("args")));
        openB_[s.track].push_back(std::move(s));
        return true;
    }

    // Closes `open` at `end`; the end event may add args and fill in a missing name or cat.
    bool close(EventType type, OpenSlice open, std::int64_t end, const JsonObject& o) {
        if (end < open.begin)
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                          "%1 event ends before its begin event"),
                        {plain(QString(ph_))});
        open.args.mergeFrom(objectOf(o.value("args")));
        if (open.name.empty())
            open.name = o.value("name").toString();
        if (open.cat.empty())
            open.cat = o.value("cat").toString();
        addSlice(type, open.track, open.begin, end, open.name, open.cat, open.args);
        return true;
    }

    bool endSlice(const JsonObject& o) {
        std::uint32_t track = 0;
        std::int64_t at = 0;
        if (!trackOf(o, &track) || !timestamp(o, &at))
            return false;
        auto& stack = openB_[track];
        if (stack.empty())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                          "E event without a matching B event"));
        OpenSlice open = std::move(stack.back());
        stack.pop_back();
        return close(EventType::Slice, std::move(open), at, o);
    }

    bool idText(const JsonValue& v, const char* key, std::string* text) {
        if (v.isString()) {
            *text = v.text;
            return true;
        }
        if (const auto n = v.toInteger()) {
            *text = std::to_string(*n);
            return true;
        }
        if (v.isNumber()) {
            *text = QString::number(v.number, 'g', 17).toStdString();
            return true;
        }
        return fail(
            QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is not a number or a string"),
            {plain(key)});
    }

    // Async slices pair up on category and id; an id2 "local" id is scoped to its process.
    bool asyncKey(const JsonObject& o, std::uint32_t track, std::string* key) {
        std::string id;
        if (o.contains("id")) {
            if (!idText(o.value("id"), "id", &id))
                return false;
        } else if (const JsonValue id2 = o.value("id2"); id2.isObject()) {
            const JsonObject scoped = objectOf(id2);
            if (scoped.contains("local")) {
                if (!idText(scoped.value("local"), "id2.local", &id))
                    return false;
                id = "local:" + std::to_string(tracks_[track].track.pid) + ':' + id;
            } else if (scoped.contains("global")) {
                if (!idText(scoped.value("global"), "id2.global", &id))
                    return false;
                id = "global:" + id;
            } else {
                return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                              "'id2' has neither 'local' nor 'global'"));
            }
        } else {
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "%1 event has no 'id'"),
                        {plain(QString(ph_))});
        }
        const std::string_view cat = o.value("cat").toString();
        key->reserve(cat.size() + 1 + id.size());
        key->assign(cat);
        key->push_back('\x1F');
        key->append(id);
        return true;
    }

    bool asyncBegin(const JsonObject& o) {
        OpenSlice s;
        std::string key;
        if (!trackOf(o, &s.track) || !timestamp(o, &s.begin) || !asyncKey(o, s.track, &key))
            return false;
        s.name = o.value("name").toString();
        s.cat = o.value("cat").toString();
        s.args.mergeFrom(objectOf(o.value("args")));
        openAsync_[std::move(key)].push_back(std::move(s));
        return true;
    }

    bool asyncEnd(const JsonObject& o) {
        std::uint32_t track = 0;
        std::int64_t at = 0;
        std::string key;
        if (!trackOf(o, &track) || !timestamp(o, &at) || !asyncKey(o, track, &key))
            return false;
        const auto it = openAsync_.find(key);
        if (it == openAsync_.end() || it->second.empty())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                          "%1 event without a matching %2 event"),
                        {plain(QString(ph_)), plain(ph_ == u'F' ? "S" : "b")});
        // The innermost open slice of that name, else simply the innermost.
        std::vector<OpenSlice>& stack = it->second;
        auto match = std::prev(stack.end());
        const std::string_view name = o.value("name").toString();
        if (!name.empty()) {
            for (auto s = stack.end(); s != stack.begin();) {
                --s;
                if (s->name == name) {
                    match = s;
                    break;
                }
            }
        }
        OpenSlice open = std::move(*match);
        stack.erase(match);
        if (stack.empty())
            openAsync_.erase(it); // keeps the map small: most pairs close at once
        return close(EventType::AsyncSlice, std::move(open), at, o);
    }

    bool instant(const JsonObject& o) {
        TraceEvent e;
        if (!trackOf(o, &e.track) || !timestamp(o, &e.begin_ns))
            return false;
        e.end_ns = e.begin_ns;
        e.type = EventType::Instant;
        const JsonObject args = objectOf(o.value("args"));
        e.task = taskOf(args.value("task").toInteger());
        e.cpu = cpuOf(args.value("cpu").toInteger());
        e.label = intern(o.value("name").toString());
        events_.push_back(e);
        return true;
    }

    bool counter(const JsonObject& o) {
        TraceEvent e;
        if (!trackOf(o, &e.track) || !timestamp(o, &e.begin_ns))
            return false;
        e.end_ns = e.begin_ns;
        e.type = EventType::Counter;
        const JsonValue argsValue = o.value("args");
        if (!argsValue.isUndefined() && !argsValue.isObject())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                          "C event's 'args' is not an object"));
        const std::vector<const JsonMember*> args = objectOf(argsValue).sortedUnique();
        const std::string_view name = o.value("name").toString();
        const bool single = args.size() == 1 && args[0]->key == "value";
        std::string label;
        for (const JsonMember* m : args) {
            const JsonValue& v = m->value;
            std::optional<double> value;
            if (v.isNumber())
                value = v.number;
            else if (v.isString())
                value = nonFiniteFromName(v.text);
            if (!value)
                continue; // not a sample: the viewers ignore such args too
            e.value = *value;
            if (single) {
                e.label = intern(name);
            } else {
                label.assign(name);
                label.push_back('.');
                label.append(m->key);
                e.label = intern(label);
            }
            events_.push_back(e);
        }
        return true;
    }

    bool flowId(const JsonObject& o, double* id) {
        JsonValue v = o.value("id");
        if (v.isUndefined()) {
            const JsonObject id2 = objectOf(o.value("id2"));
            v = id2.contains("local") ? id2.value("local") : id2.value("global");
        }
        if (v.isUndefined())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "%1 event has no 'id'"),
                        {plain(QString(ph_))});
        if (v.isNumber()) {
            *id = v.number;
            return true;
        }
        if (!v.isString())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                          "'id' is not a number or a string"));
        if (const auto special = nonFiniteFromName(v.text)) {
            *id = *special;
            return true;
        }
        const QString s = qs(v.text);
        bool ok = false;
        const qulonglong n = s.startsWith("0x"_L1, Qt::CaseInsensitive)
                                 ? s.mid(2).toULongLong(&ok, 16)
                                 : s.toULongLong(&ok, 10);
        if (ok) {
            *id = double(n);
            return true;
        }
        auto it = flowNames_.find(v.text);
        if (it == flowNames_.end())
            it = flowNames_
                     .emplace(std::string(v.text),
                              kSyntheticIdBase + std::int64_t(flowNames_.size()))
                     .first;
        *id = double(it->second);
        return true;
    }

    bool flow(const JsonObject& o) {
        TraceEvent e;
        if (!trackOf(o, &e.track) || !timestamp(o, &e.begin_ns) || !flowId(o, &e.value))
            return false;
        e.end_ns = e.begin_ns;
        e.task = taskOf(objectOf(o.value("args")).value("task").toInteger());
        // A step ends one arrow and starts the next.
        if (ph_ != u's') {
            e.type = EventType::FlowEnd;
            events_.push_back(e);
        }
        if (ph_ != u'f') {
            e.type = EventType::FlowStart;
            events_.push_back(e);
        }
        return true;
    }

    bool metadata(const JsonObject& o) {
        const std::string_view name = o.value("name").toString();
        const bool threadName = name == "thread_name";
        if (!threadName && name != "thread_sort_index")
            return true; // process names and the like: a Trace has no place for them
        std::uint32_t index = 0;
        if (!trackOf(o, &index))
            return false;
        TrackInfo& info = tracks_[index];
        const JsonObject args = objectOf(o.value("args"));
        if (!threadName) {
            if (const auto sortIndex = args.value("sort_index").toInteger())
                info.sortIndex = *sortIndex;
            return true;
        }
        if (const JsonValue n = args.value("name"); n.isString())
            info.track.name = std::string(n.text);
        if (const JsonValue kind = args.value("kind"); kind.isString())
            if (const auto k = trackKindFromName(kind.text))
                info.track.kind = *k;
        // ChromeTraceWriter's note of the real tid when it had to make the file's one unique.
        if (const auto tid = args.value("tid").toInteger())
            info.track.tid = *tid;
        return true;
    }

    // What is still open when the file ends was cut off by the end of the recording;
    // viewers draw it up to the last timestamp, and so does the Trace.
    void closeUnfinished() {
        const auto closeAll = [&](EventType type, std::vector<OpenSlice>& stack) {
            for (OpenSlice& s : stack)
                addSlice(type, s.track, s.begin, std::max(s.begin, last_), s.name, s.cat, s.args);
            stack.clear();
        };
        for (auto& stack : openB_)
            closeAll(EventType::Slice, stack);
        for (auto& [key, stack] : openAsync_)
            closeAll(EventType::AsyncSlice, stack);
    }

    Trace finish() {
        std::vector<std::uint32_t> order(tracks_.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto& x = tracks_[a].sortIndex;
            const auto& y = tracks_[b].sortIndex;
            if (x.has_value() != y.has_value())
                return x.has_value();
            return x.has_value() && *x < *y;
        });
        std::vector<std::uint32_t> newIndex(order.size());
        Trace trace;
        trace.tracks.reserve(order.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            newIndex[order[i]] = std::uint32_t(i);
            trace.tracks.push_back(std::move(tracks_[order[i]].track));
        }
        for (TraceEvent& e : events_) {
            e.track = newIndex[e.track];
            e.begin_ns += origin_; // both within ±4e18 (overflowing ends were refused)
            e.end_ns += origin_;
        }
        trace.events = std::move(events_);
        trace.strings = std::move(strings_);
        trace.finalize();
        return trace;
    }

    const char* data_;
    std::size_t size_;
    JsonScanner json_;

    bool haveEvents_ = false;
    bool eventsNotArray_ = false;
    bool originInvalid_ = false;
    std::int64_t origin_ = 0;
    std::optional<EventError> eventError_;
    std::vector<Overflow> overflows_;
    qsizetype index_ = 0;    // of the event being handled
    std::size_t offset_ = 0; // where it begins
    std::int64_t last_ = 0;
    bool anyTime_ = false;
    QChar ph_;
    TextMessage reason_;

    std::vector<TrackInfo> tracks_;
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::uint32_t, PairHash> trackIds_;
    std::optional<std::pair<std::pair<std::int64_t, std::int64_t>, std::uint32_t>> lastTrack_;
    StringMap<std::int64_t> stringIds_;
    StringMap<std::optional<std::int64_t>> numericIds_;
    StringMap<std::int64_t> flowNames_;
    std::vector<std::vector<OpenSlice>> openB_; // per track
    StringMap<std::vector<OpenSlice>> openAsync_;

    std::vector<TraceEvent> events_;
    std::vector<std::string> strings_{std::string()};
    LabelTable labels_; // Trace::intern is linear: too slow for 1M events
};

} // namespace

QString ChromeTraceReader::Error::toString() const {
    QString text = reason;
    for (QChar& c : text)
        if (c == u'\n' || c == u'\r')
            c = u' ';
    if (line <= 0)
        return text;
    return u"line %1, column %2: %3"_s.arg(line).arg(column).arg(text);
}

std::optional<Trace> ChromeTraceReader::read(const QString& path, Error* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error != nullptr) {
            *error = Error{};
            // The system's words (file.errorString()) are put in as they are.
            setReason(*error,
                      text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "cannot open %1: %2"),
                           {plain(path), plain(file.errorString())}));
        }
        return std::nullopt;
    }
    const QByteArray json = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error != nullptr) {
            *error = Error{};
            setReason(*error,
                      text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "cannot read %1: %2"),
                           {plain(path), plain(file.errorString())}));
        }
        return std::nullopt;
    }
    return fromJson(json, error);
}

TextMessage ChromeTraceReader::syntaxMessage(QJsonParseError::ParseError error) {
    // Qt 6.4's words (qjsonparser.cpp), checked against errorString() by tst_trace_io.
    switch (error) {
    case QJsonParseError::NoError:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "no error occurred"));
    case QJsonParseError::UnterminatedObject:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "unterminated object"));
    case QJsonParseError::MissingNameSeparator:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "missing name separator"));
    case QJsonParseError::UnterminatedArray:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "unterminated array"));
    case QJsonParseError::MissingValueSeparator:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "missing value separator"));
    case QJsonParseError::IllegalValue:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "illegal value"));
    case QJsonParseError::TerminationByNumber:
        return text(
            QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "invalid termination by number"));
    case QJsonParseError::IllegalNumber:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "illegal number"));
    case QJsonParseError::IllegalEscapeSequence:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "invalid escape sequence"));
    case QJsonParseError::IllegalUTF8String:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "invalid UTF8 string"));
    case QJsonParseError::UnterminatedString:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "unterminated string"));
    case QJsonParseError::MissingObject:
        return text(
            QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "object is missing after a comma"));
    case QJsonParseError::DeepNesting:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "too deeply nested document"));
    case QJsonParseError::DocumentTooLarge:
        return text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "too large document"));
    case QJsonParseError::GarbageAtEnd:
        return text(
            QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "garbage at the end of the document"));
    }
    // A code a later Qt added: its own words.
    QJsonParseError unknown;
    unknown.error = error;
    return plain(unknown.errorString());
}

std::optional<Trace> ChromeTraceReader::fromJson(const QByteArray& json, Error* error) {
    return Parser(json.constData(), std::size_t(json.size())).run(error);
}

} // namespace tasklane
