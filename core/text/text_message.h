// TextMessage: a sentence as a translatable template and the arguments put into it, so that
// the window can show in Korean what core builds from measured numbers and names (the compare
// pattern's conclusion, a parameter's error line, why a trace file was refused, why a run or
// an export failed), while core and the command line use the English text, render().
// Core never translates: `context` and `source` are what QT_TRANSLATE_NOOP marked for
// lupdate, and the window passes them to QCoreApplication::translate.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tasklane {

struct TextMessage {
    const char* context = nullptr; // null: `source` is shown as it is (a number, a list)
    std::string source;            // "%1 finished first: %2"; %1..%9 stand for args
    std::vector<TextMessage> args;

    static TextMessage plain(std::string text) { return {nullptr, std::move(text), {}}; }

    // The English text: `source` with each %n replaced by args[n - 1].render().
    std::string render() const {
        std::string out;
        for (std::size_t i = 0; i < source.size(); ++i) {
            const char c = source[i];
            if (c == '%' && i + 1 < source.size() && source[i + 1] >= '1' && source[i + 1] <= '9' &&
                std::size_t(source[i + 1] - '1') < args.size()) {
                out += args[std::size_t(source[i + 1] - '1')].render();
                ++i;
            } else {
                out += c;
            }
        }
        return out;
    }
};

} // namespace tasklane
