// The Chrome trace reader's sentences, shared by its two halves (ChromeTraceReader, which
// opens the file, and the parser, which gives the events their meaning): English templates
// marked for the window's translation (core never translates), and their arguments as they
// are (a key, a phase, a number, a path).
#pragma once

#include "text/text_message.h"
#include "trace/chrome_trace_reader.h"

#include <QString>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tasklane::chrome_trace {

inline constexpr const char* kContext = "tasklane::ChromeTraceReader";

inline TextMessage text(const char* source, std::vector<TextMessage> args = {}) {
    return {kContext, source, std::move(args)};
}
inline TextMessage plain(const QString& s) {
    return TextMessage::plain(s.toStdString());
}
inline TextMessage plain(std::string_view s) {
    return TextMessage::plain(std::string(s));
}
inline TextMessage plain(const char* s) {
    return TextMessage::plain(s);
}
inline TextMessage plain(long long n) {
    return TextMessage::plain(std::to_string(n));
}

inline void setReason(ChromeTraceReader::Error& error, TextMessage message) {
    error.reason = QString::fromStdString(message.render());
    error.message = std::move(message);
}

} // namespace tasklane::chrome_trace
