// qs(): core keeps its text in UTF-8 std::strings (the tutorial prints Korean), Qt in
// QStrings; this is the one conversion between them.
#pragma once

#include <QString>

#include <string_view>

namespace tasklane {

inline QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace tasklane
