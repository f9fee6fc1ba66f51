// TestJsonScanner: the JSON scanner under ChromeTraceReader, on its own — strings, numbers,
// literals, nesting, skipped values, captured objects, and errors at the right line and column
// with the right reason. The scanner promises to accept and refuse exactly what
// QJsonDocument::fromJson does, at the same offset, so every row is also checked against
// QJsonDocument; where that is not what RFC 8259 says (".5", "\q", raw control characters),
// the row says so.
#include "trace/json_scanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <random>
#include <string>
#include <string_view>

using namespace tasklane;
using namespace Qt::StringLiterals;

namespace {

// Qt's English for an error (no translator is installed here).
QString reasonOf(QJsonParseError::ParseError error) {
    QJsonParseError e;
    e.error = error;
    return e.errorString();
}

// "error L:C reason" for the scanner's first error.
QString errorText(const QByteArray& document, const JsonScanner& scanner) {
    const JsonScanner::Position at =
        JsonScanner::position(std::string_view(document.constData(), std::size_t(document.size())),
                              scanner.errorOffset());
    return u"error %1:%2 %3"_s.arg(at.line).arg(at.column).arg(reasonOf(scanner.error()));
}

// Text as UTF-8 with control characters spelled out, so that a row can be read.
QString shown(std::string_view text) {
    QByteArray out;
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20)
            out += "\\x" +
                   QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
        else
            out += c;
    }
    return QString::fromUtf8(out);
}

QString describe(const JsonScanner& scanner, const JsonValue& v, bool outerStore) {
    switch (v.type) {
    case JsonType::Undefined:
        return u"undefined"_s;
    case JsonType::Null:
        return u"null"_s;
    case JsonType::Bool:
        return v.boolean ? u"true"_s : u"false"_s;
    case JsonType::Number:
        if (v.isInteger)
            return u"int %1"_s.arg(v.integer);
        return u"double %1"_s.arg(QString::number(v.number, 'g', 17));
    case JsonType::String:
        return u"\"%1\""_s.arg(shown(v.text));
    case JsonType::Array:
        return u"array"_s;
    case JsonType::Object: {
        // An object's members live in the store of its depth: the outer one for a value read
        // with capture 2, the inner one for its member objects.
        QStringList members;
        const JsonObject object = scanner.objectOf(v, outerStore);
        for (const JsonMember* m : object.sortedUnique())
            members << shown(m->key) + u'=' + describe(scanner, m->value, false);
        return u'{' + members.join(u',') + u'}';
    }
    }
    return {};
}

// Reads `value` as the one element of an array ("[" + value + "]", so the value starts at
// column 2) with the given capture, as ChromeTraceReader reads an event.
QString scanElement(const QByteArray& document, int capture) {
    JsonScanner scanner(document.constData(), std::size_t(document.size()));
    QString got;
    scanner.eatBom();
    const bool ok = scanner.nextToken() == '[' && scanner.parseElements([&] {
        JsonValue v;
        if (!scanner.parseValue(capture > 0 ? &v : nullptr, capture))
            return false;
        got = capture > 0 ? describe(scanner, v, capture >= 2) : u"skipped"_s;
        return true;
    }) && scanner.atEndOfDocument();
    return ok ? got : errorText(document, scanner);
}

// Any document: its elements or members checked, not kept.
QString scanDocument(const QByteArray& document) {
    JsonScanner scanner(document.constData(), std::size_t(document.size()));
    scanner.eatBom();
    bool ok = false;
    switch (scanner.nextToken()) {
    case '[':
        ok = scanner.parseElements([&] { return scanner.parseValue(nullptr, 0); });
        break;
    case '{':
        ok = scanner.parseMembers(false,
                                  [&](std::string_view) { return scanner.parseValue(nullptr, 0); });
        break;
    default:
        ok = scanner.fail(QJsonParseError::IllegalValue);
    }
    ok = ok && scanner.atEndOfDocument();
    return ok ? u"ok"_s : errorText(document, scanner);
}

// What QJsonDocument says of the same document, in scanDocument's words.
QString qtVerdict(const QByteArray& document) {
    QJsonParseError error;
    QJsonDocument::fromJson(document, &error);
    if (error.error == QJsonParseError::NoError)
        return u"ok"_s;
    const JsonScanner::Position at =
        JsonScanner::position(std::string_view(document.constData(), std::size_t(document.size())),
                              std::size_t(error.offset));
    return u"error %1:%2 %3"_s.arg(at.line).arg(at.column).arg(reasonOf(error.error));
}

// QJsonDocument's reading of the element, in describe()'s words for a scalar.
QString qtElement(const QByteArray& document) {
    const QJsonValue v = QJsonDocument::fromJson(document).array().first();
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        // An integer when it is one and fits, as the scanner keeps it.
        const qint64 a = v.toInteger(1);
        if (a == v.toInteger(2))
            return u"int %1"_s.arg(a);
        return u"double %1"_s.arg(QString::number(v.toDouble(), 'g', 17));
    }
    case QJsonValue::String:
        return u"\"%1\""_s.arg(shown(v.toString().toUtf8().toStdString()));
    case QJsonValue::Array:
        return u"array"_s;
    default:
        return u"(not a scalar or an array)"_s;
    }
}

void addRow(const char* name, const QByteArray& value, const QString& expected) {
    QTest::newRow(name) << value << expected;
}

} // namespace

class TestJsonScanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void strings_data();
    void strings() { checkElement(); }
    void numbers_data();
    void numbers() { checkElement(); }
    void literals_data();
    void literals() { checkElement(); }
    void documents_data();
    void documents();
    void capturedObjects_data();
    void capturedObjects();
    void membersInOrder();
    void position_data();
    void position();
    void truncatedDocuments();
    void damagedDocumentsAsQJsonDocument();

private:
    void checkElement();
};

// Each row: a value, read as "[" + value + "]", and what the scanner makes of it.
void TestJsonScanner::checkElement() {
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    const QByteArray document = "[" + value + "]";
    const QString got = scanElement(document, 2);
    QCOMPARE(got, expected);
    // QJsonDocument agrees: the same error at the same place, or the same value.
    const QString qt = qtVerdict(document);
    if (got.startsWith(u"error"_s))
        QCOMPARE(qt, got);
    else
        QCOMPARE(qtElement(document), got);
    // Skipping a value checks it as reading it does.
    QCOMPARE(scanElement(document, 0), got.startsWith(u"error"_s) ? got : u"skipped"_s);
}

void TestJsonScanner::strings_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");
    addRow("plain", R"("plain")", uR"("plain")"_s);
    addRow("empty", R"("")", uR"("")"_s);
    addRow("UTF-8 as it is", "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"", u"\"café 😀\""_s);
    addRow("long, escape after the first eight bytes", R"("abcdefghijklmnop\"q")",
           uR"("abcdefghijklmnop"q")"_s);
    addRow("the short escapes", R"("\" \\ \/ \b \f \n \r \t")",
           uR"("" \ / \x08 \x0c \x0a \x0d \x09")"_s);
    addRow("\\u, lower and upper case hex", R"("\u00e9\u20AC\u0041")", u"\"é€A\""_s);
    addRow("\\u0000", R"("a\u0000b")", uR"("a\x00b")"_s);
    addRow("surrogate pair", R"("\ud83d\ude00")", u"\"😀\""_s);
    addRow("lone high surrogate", R"("\ud83d")", uR"("?")"_s);
    addRow("lone high surrogate, then a character", R"("\ud83dx")", uR"("?x")"_s);
    addRow("lone low surrogate", R"("\ude00")", uR"("?")"_s);
    addRow("high, high, low", R"("\ud83d\ud83d\ude00")", u"\"?😀\""_s);
    addRow("low, then high", R"("\ude00\ud83d")", uR"("??")"_s);
    // RFC 8259 refuses these two; QJsonDocument takes them.
    addRow("unknown escape: the character", R"("\q\'")", uR"("q'")"_s);
    addRow("raw control characters", "\"a\tb\x01\"", uR"("a\x09b\x01")"_s);

    addRow("\\u with three hex digits", R"("\u12")", u"error 1:7 invalid escape sequence"_s);
    addRow("\\u with a letter past F", R"("\u00g0")", u"error 1:7 invalid escape sequence"_s);
    addRow("backslash before the bracket: escapes it", "\"\\", u"error 1:5 unterminated string"_s);
    addRow("unterminated", R"("abc)", u"error 1:7 unterminated string"_s);
    addRow("overlong UTF-8", "\"\xC0\xAF\"", u"error 1:3 invalid UTF8 string"_s);
    addRow("UTF-8 surrogate", "\"ok \xED\xA0\x80\"", u"error 1:6 invalid UTF8 string"_s);
    addRow("UTF-8 above U+10FFFF", "\"\xF4\x90\x80\x80\"", u"error 1:3 invalid UTF8 string"_s);
    addRow("UTF-8 cut short", "\"\xC3\"", u"error 1:3 invalid UTF8 string"_s);
    addRow("lone continuation byte", "\"abcdefghij\x80\"", u"error 1:13 invalid UTF8 string"_s);
}

void TestJsonScanner::numbers_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");
    addRow("zero", "0", u"int 0"_s);
    addRow("minus zero", "-0", u"int 0"_s);
    addRow("integer", "42", u"int 42"_s);
    addRow("negative", "-42", u"int -42"_s);
    addRow("int64 max", "9223372036854775807", u"int 9223372036854775807"_s);
    addRow("int64 min", "-9223372036854775808", u"int -9223372036854775808"_s);
    addRow("past int64", "9223372036854775808", u"double 9.2233720368547758e+18"_s);
    addRow("fraction", "1.5", u"double 1.5"_s);
    addRow("whole fraction", "1.000", u"int 1"_s);
    addRow("exponent", "1e3", u"int 1000"_s);
    addRow("exponent with sign", "2.5E-3", u"double 0.0025000000000000001"_s);
    addRow("negative with exponent", "-1.25e+2", u"int -125"_s);
    addRow("smallest subnormal", "5e-324", u"double 4.9406564584124654e-324"_s);
    // QJsonDocument reads what QByteArray::toDouble reads once JSON's grammar has been
    // skipped: a fraction without its integer part, or without digits, passes.
    addRow("no integer part", ".5", u"double 0.5"_s);
    addRow("point without digits", "1.", u"int 1"_s);

    addRow("too big", "1e400", u"error 1:7 illegal number"_s);
    addRow("too small", "1e-400", u"error 1:8 illegal number"_s);
    addRow("bare minus", "-", u"error 1:3 illegal number"_s);
    addRow("exponent without digits", "1e", u"error 1:4 illegal number"_s);
    addRow("leading zero", "01", u"error 1:4 missing value separator"_s);
    addRow("hex", "0x10", u"error 1:4 missing value separator"_s);
    addRow("plus sign", "+1", u"error 1:2 illegal number"_s);
    addRow("NaN", "NaN", u"error 1:2 illegal number"_s);
    addRow("Infinity", "-Infinity", u"error 1:3 illegal number"_s);
    addRow("two numbers", "1 2", u"error 1:5 missing value separator"_s);
}

void TestJsonScanner::literals_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");
    addRow("true", "true", u"true"_s);
    addRow("false", "false", u"false"_s);
    addRow("null", "null", u"null"_s);
    addRow("cut short", "tru", u"error 1:3 illegal value"_s);
    addRow("wrong letter", "nulx", u"error 1:6 illegal value"_s);
    addRow("capital", "True", u"error 1:2 illegal number"_s);
    addRow("two in a row", "nullnull", u"error 1:7 missing value separator"_s);
    addRow("an array: checked, not kept", "[1, [2, {}]]", u"array"_s);
}

void TestJsonScanner::documents_data() {
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("expected");
    const QByteArray deep(1024, '[');
    QTest::newRow("empty array") << QByteArray("[]") << u"ok"_s;
    QTest::newRow("empty object") << QByteArray(" { } ") << u"ok"_s;
    QTest::newRow("BOM and whitespace") << QByteArray("\xEF\xBB\xBF\r\n\t [ 1 , 2 ]\n") << u"ok"_s;
    QTest::newRow("1024 deep") << deep + QByteArray(1024, ']') << u"ok"_s;
    QTest::newRow("1025 deep") << "[" + deep + QByteArray(1025, ']')
                               << u"error 1:1026 too deeply nested document"_s;
    QTest::newRow("objects count too") << "{\"a\":" + deep + QByteArray(1024, ']') + "}"
                                       << u"error 1:1030 too deeply nested document"_s;
    QTest::newRow("skipped nested values")
        << QByteArray(R"({"a":[1,{"b":[true,null,"x\u00e9"]}],"c":{"d":{}}})") << u"ok"_s;
    QTest::newRow("comma before the end of an array")
        << QByteArray("[1,]") << u"error 1:5 object is missing after a comma"_s;
    QTest::newRow("comma before the end of an object")
        << QByteArray(R"({"a":1,})") << u"error 1:9 object is missing after a comma"_s;
    QTest::newRow("missing colon")
        << QByteArray(R"({"a" 1})") << u"error 1:7 missing name separator"_s;
    QTest::newRow("missing value")
        << QByteArray(R"({"a":})") << u"error 1:7 object is missing after a comma"_s;
    QTest::newRow("comma for a value")
        << QByteArray(R"({"a":,"b":1})") << u"error 1:7 illegal value"_s;
    QTest::newRow("key not a string")
        << QByteArray(R"({1:2})") << u"error 1:3 unterminated object"_s;
    QTest::newRow("on line 3") << QByteArray("[\n  1,\n  -]") << u"error 3:4 illegal number"_s;
    // Reported past the token it took for a separator, and past the whitespace after that.
    QTest::newRow("missing comma")
        << QByteArray("[\n  1,\n  2 3\n]") << u"error 4:1 missing value separator"_s;
    QTest::newRow("column counts characters")
        << QByteArray("[\"\xC3\xA9\xC3\xA9\", x]") << u"error 1:8 illegal number"_s;
    QTest::newRow("a raw newline in a string is a line")
        << QByteArray("[\"a\nb\" 1]") << u"error 2:5 missing value separator"_s;
    QTest::newRow("garbage at the end")
        << QByteArray("[1] x") << u"error 1:5 garbage at the end of the document"_s;
}

void TestJsonScanner::documents() {
    QFETCH(QByteArray, document);
    QFETCH(QString, expected);
    QCOMPARE(scanDocument(document), expected);
    QCOMPARE(qtVerdict(document), expected);
}

// Objects are kept two levels deep for a value read with capture 2, one with capture 1.
void TestJsonScanner::capturedObjects_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("capture");
    QTest::addColumn<QString>("expected");
    const QByteArray event = R"({"ph":"X","args":{"n":1,"deep":{"x":2}},"s":"a\nb","t":"c\td"})";
    QTest::newRow("capture 2") << event << 2
                               << uR"({args={deep={},n=int 1},ph="X",s="a\x0ab",t="c\x09d"})"_s;
    QTest::newRow("capture 1") << event << 1 << uR"({args={},ph="X",s="a\x0ab",t="c\x09d"})"_s;
    QTest::newRow("capture 0") << event << 0 << u"skipped"_s;
    QTest::newRow("escaped keys") << QByteArray(R"({"p\u0068":1,"\"":2})") << 2
                                  << uR"({"=int 2,ph=int 1})"_s;
}

void TestJsonScanner::capturedObjects() {
    QFETCH(QByteArray, value);
    QFETCH(int, capture);
    QFETCH(QString, expected);
    QCOMPARE(scanElement("[" + value + "]", capture), expected);
}

// parseMembers hands over every member in document order, repeated keys too; an object read
// as a value answers with a repeated key's last value, as QJsonObject does.
void TestJsonScanner::membersInOrder() {
    const QByteArray document = R"({"b":1,"a\u0041":[2],"b":"three"})";
    JsonScanner scanner(document.constData(), std::size_t(document.size()));
    QStringList keys;
    QCOMPARE(scanner.nextToken(), '{');
    QVERIFY(scanner.parseMembers(true, [&](std::string_view key) {
        keys << QString::fromUtf8(key.data(), qsizetype(key.size()));
        return scanner.parseValue(nullptr, 0);
    }));
    QVERIFY(scanner.atEndOfDocument());
    QCOMPARE(keys, (QStringList{u"b"_s, u"aA"_s, u"b"_s}));

    const QByteArray element = "[" + document + "]";
    JsonScanner again(element.constData(), std::size_t(element.size()));
    JsonValue value;
    QCOMPARE(again.nextToken(), '[');
    QVERIFY(again.parseElements([&] { return again.parseValue(&value, 2); }));
    const JsonObject object = again.objectOf(value, true);
    QCOMPARE(object.value("b").toString(), std::string_view("three"));
    QVERIFY(object.contains("aA"));
    QVERIFY(!object.contains("a"));
    QVERIFY(object.value("nope").isUndefined());
    QCOMPARE(object.sortedUnique().size(), std::size_t(2));
}

void TestJsonScanner::position_data() {
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("start") << QByteArray("[1]") << 0 << 1 << 1;
    QTest::newRow("after a newline") << QByteArray("[\n1]") << 2 << 2 << 1;
    QTest::newRow("CR LF: the CR ends the line before") << QByteArray("[\r\n1]") << 2 << 1 << 3;
    QTest::newRow("characters, not bytes")
        << QByteArray("[\"\xC3\xA9\xF0\x9F\x98\x80\"]") << 8 << 1 << 5;
    QTest::newRow("past the end is the end") << QByteArray("[\n12") << 99 << 2 << 3;
}

void TestJsonScanner::position() {
    QFETCH(QByteArray, document);
    QFETCH(int, offset);
    QFETCH(int, line);
    QFETCH(int, column);
    const JsonScanner::Position at = JsonScanner::position(
        std::string_view(document.constData(), std::size_t(document.size())), std::size_t(offset));
    QCOMPARE(at.line, line);
    QCOMPARE(at.column, column);
}

// Every prefix of a document holding each kind of token is refused where QJsonDocument
// refuses it, with its reason: input that ends in a string, a number, a literal, an escape,
// between members or inside nested containers.
void TestJsonScanner::truncatedDocuments() {
    const QByteArray document =
        "\xEF\xBB\xBF{\"a\": [1, -2.5e3, true, false, null, \"s\\u00e9\\n\xC3\xA9\"],\n"
        " \"b\": {\"c\": {}, \"d\": [[]]}, \"e\": 0}";
    QCOMPARE(scanDocument(document), u"ok"_s);
    QSet<QString> reasons;
    for (qsizetype n = 0; n < document.size(); ++n) {
        const QByteArray prefix = document.left(n);
        const QString got = scanDocument(prefix);
        QVERIFY2(got.startsWith(u"error"_s), prefix.constData());
        QCOMPARE(got, qtVerdict(prefix));
        reasons << got.section(u' ', 2);
    }
    // The ends it met: in a string, in a number, in a literal, in an array, in an object.
    QVERIFY2(reasons.size() >= 5, qPrintable(QStringList(reasons.values()).join(u" | ")));
}

// Random damage to a document: wherever the result still opens with '[' or '{' (QJsonDocument
// has its own words for anything else), the scanner accepts it or refuses it as QJsonDocument
// does.
void TestJsonScanner::damagedDocumentsAsQJsonDocument() {
    const QByteArray seed = R"({"traceEvents":[{"ph":"X","name":"caf\u00e9 \"q\"","ts":1.5,)"
                            R"("dur":2e3,"args":{"a":[true,false,null,-0,{}]}}],"x":"é"})";
    const char alphabet[] = "{}[],:\"\\ \n0123456789.eE-+tfnulxu\xC3\xA9\xFF";
    std::mt19937 random(20261207); // fixed: a failure must reproduce
    int refused = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray json = seed;
        for (int e = 0, edits = 1 + int(random() % 3); e < edits; ++e) {
            const auto at = qsizetype(random() % std::uint32_t(json.size() + 1));
            const char c = alphabet[random() % (sizeof(alphabet) - 1)];
            if (random() % 2 == 0)
                json.insert(at, c);
            else if (at < json.size())
                json.remove(at, 1 + qsizetype(random() % 3));
        }
        if (!json.startsWith('{') && !json.startsWith('['))
            continue;
        const QString qt = qtVerdict(json);
        refused += qt != u"ok"_s;
        QVERIFY2(scanDocument(json) == qt,
                 qPrintable(u"round %1: %2\nscanner: %3\nQJsonDocument: %4"_s.arg(round).arg(
                     QString::fromUtf8(json), scanDocument(json), qt)));
    }
    QVERIFY(refused > 1000);
}

QTEST_GUILESS_MAIN(TestJsonScanner)
#include "tst_json_scanner.moc"
