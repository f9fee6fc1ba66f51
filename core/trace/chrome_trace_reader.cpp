#include "trace/chrome_trace_reader.h"
#include "trace/chrome_trace_parser.h"
#include "trace/chrome_trace_text.h"

#include <QFile>
#include <QJsonParseError>
#include <QtGlobal> // QT_TRANSLATE_NOOP

#include <iterator>

namespace tasklane {

using namespace Qt::StringLiterals;
using namespace chrome_trace;

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
    // Qt 6.4's words (qjsonparser.cpp), in the order of the codes, checked against
    // errorString() by tst_trace_io.
    static constexpr const char* kWords[] = {
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "no error occurred"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "unterminated object"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "missing name separator"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "unterminated array"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "missing value separator"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "illegal value"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "invalid termination by number"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "illegal number"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "invalid escape sequence"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "invalid UTF8 string"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "unterminated string"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "object is missing after a comma"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "too deeply nested document"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "too large document"),
        QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "garbage at the end of the document"),
    };
    static_assert(std::size(kWords) == QJsonParseError::GarbageAtEnd + 1);
    if (error >= 0 && std::size_t(error) < std::size(kWords))
        return text(kWords[error]);
    // A code a later Qt added: its own words.
    QJsonParseError unknown;
    unknown.error = error;
    return plain(unknown.errorString());
}

std::optional<Trace> ChromeTraceReader::fromJson(const QByteArray& json, Error* error) {
    return parseChromeTrace(json.constData(), std::size_t(json.size()), error);
}

} // namespace tasklane
