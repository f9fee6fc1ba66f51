// JsonScanner: a pull parser over a JSON document's bytes, for a reader that takes a large
// document value by value instead of building it (ChromeTraceReader reads a million events
// this way, where QJsonDocument took 12 s and 1.4 GB). It knows JSON and nothing of traces.
//
// It accepts and refuses exactly what QJsonDocument::fromJson does (Qt 6.4), with the same
// error (a QJsonParseError::ParseError) at the same byte offset, so that a broken file is
// reported as it always was. That is not quite RFC 8259: like QJsonDocument it takes raw
// control characters in strings, ".5" and "1." as numbers, and anything after a backslash
// but 'u' as that character. position() turns an offset into a line and a column.
//
// Values: scalars in full (strings decoded to UTF-8, viewing the document when they have no
// escapes, else a scratch string of the scanner's); objects are captured to a depth given
// with each value: 2 keeps an object's members and the members of its member objects, 1 an
// object's members, 0 nothing (the value is checked, not kept). Arrays are always only
// checked. What a value views stays valid until resetCapture().
//
// A document is read as the caller walks it: eatBom(), nextToken() for the '[' or '{' it
// opens with, parseElements() or parseMembers() for the rest of it, atEndOfDocument() after.
#pragma once

#include <QJsonParseError>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tasklane {

enum class JsonType : std::uint8_t { Undefined, Null, Bool, Number, String, Array, Object };

struct JsonValue {
    JsonType type = JsonType::Undefined;
    bool isInteger = false; // a whole number that fits an int64, as QJsonValue stores it
    bool boolean = false;   // true for the literal true
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
    std::vector<const JsonMember*> sortedUnique() const;

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

class JsonScanner {
public:
    using ParseError = QJsonParseError::ParseError;
    // As deep as QJsonDocument goes; deeper documents are refused with its error.
    static constexpr int kNestingLimit = 1024;

    // Where a byte offset falls: 1-based, the column in characters (UTF-8 sequences), as
    // QJsonParseError's offset is shown. An offset past the end is the end.
    struct Position {
        int line = 1;
        int column = 1;
    };
    static Position position(std::string_view document, std::size_t offset);

    JsonScanner(const char* data, std::size_t size)
        : d_(data)
        , n_(size) {}

    // The first error, and the offset QJsonDocument gives it; NoError while there is none.
    ParseError error() const { return error_; }
    std::size_t errorOffset() const { return errorAt_; }
    std::size_t pos() const { return i_; }
    // The byte at pos(), which must not be the end, and a step over it: for a caller that
    // tells a value by its first character.
    char peek() const { return d_[i_]; }
    void advance() { ++i_; }

    // Records `error` at pos() unless an error came first; always false.
    bool fail(ParseError error) {
        if (error_ == QJsonParseError::NoError) {
            error_ = error;
            errorAt_ = i_;
        }
        return false;
    }

    // A UTF-8 byte order mark, skipped if the document starts with one.
    void eatBom();

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
    char nextToken();

    // After the document's value: anything but whitespace is garbage at the end.
    bool atEndOfDocument();

    // The members captured for `v`: from the outer store for a value read with capture 2, from
    // the inner one for an object member of such a value (or a value read with capture 1).
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

    // A value starting at pos() (not whitespace, not the end), captured to depth `capture`
    // (at most 2) into `out`; only checked when `out` is null.
    bool parseValue(JsonValue* out, int capture);

    // The elements of an array whose '[' was just consumed: `element()` is called for each
    // with pos() at its first character and reads it (parseValue), false on an error.
    template <class Element> bool parseElements(Element&& element) {
        bool empty = false;
        if (!openArray(&empty))
            return false;
        if (!empty) {
            for (;;) {
                if (!eatSpace())
                    return fail(QJsonParseError::UnterminatedArray);
                if (!element())
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

    // The members of an object whose '{' was just consumed: `value(key)` is called for each
    // with pos() at the first character of its value and reads it (parseValue), false on an
    // error. The key is decoded only if `keys` (else it is empty), and valid until the next
    // key or resetCapture().
    template <class Value> bool parseMembers(bool keys, Value&& value) {
        if (!openContainer())
            return false;
        char token = nextToken();
        while (token == '"') {
            std::string_view key;
            if (!parseString(keys ? &key : nullptr))
                return false;
            if (nextToken() != ':')
                return fail(QJsonParseError::MissingNameSeparator);
            if (!eatSpace())
                return fail(QJsonParseError::UnterminatedObject);
            if (!value(key))
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
        return true;
    }

    // The rest of a string whose opening quote was just consumed; `out`, when given, views the
    // text as UTF-8 after escapes, as QString::toUtf8 would give it (a lone surrogate is '?').
    bool parseString(std::string_view* out);

private:
    enum class Next { Element, Closed, Error };

    // Every array and object counts toward QJsonDocument's nesting limit.
    bool openContainer() {
        if (++nesting_ > kNestingLimit)
            return fail(QJsonParseError::DeepNesting);
        return true;
    }
    void closeContainer() { --nesting_; }
    // Opens an array whose '[' was just consumed: false on an error, else `empty` says
    // whether it closed at once.
    bool openArray(bool* empty);
    // After an array element: ',' (another follows) or ']' consumed, or an error.
    Next afterElement();

    bool parseArray();
    bool parseObject(JsonValue* out, int capture);
    bool parseNumber(JsonValue* out);
    void skipPlainAscii();
    bool decodeEscapedString(std::string* text);
    bool literal(const char* rest, std::size_t need, JsonType type, JsonValue* out);
    bool skipUtf8();
    bool escape(char32_t* unit, bool* fromHex);
    std::string* scratch();

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

} // namespace tasklane
