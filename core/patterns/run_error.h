// RunError: a run that failed for a reason Tasklane itself puts into words (a folder that is
// not there, a disk that is full, a process that exited with an error code). what() is the
// English sentence the command line prints; `message` is the same sentence as a TextMessage,
// so that the window can show it in its language. Core never translates.
//
// Exceptions that carry Python's own words ("BrokenProcessPool: ...", "ValueError: ...",
// "CancelledError: ...") stay plain std::runtime_errors: Python prints those in English too.
#pragma once

#include "text/text_message.h"

#include <stdexcept>
#include <utility>

namespace tasklane {

class RunError : public std::runtime_error {
public:
    explicit RunError(TextMessage message)
        : std::runtime_error(message.render())
        , message_(std::move(message)) {}

    const TextMessage& message() const { return message_; }

private:
    TextMessage message_;
};

} // namespace tasklane
