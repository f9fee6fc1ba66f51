// saveFile: every exported file goes through QSaveFile, so a failed write leaves the old
// file as it was and no half-written or temporary file behind. Writers return a SaveResult:
// on failure, one sentence naming the path and why, as a TextMessage (context
// "tasklane::SaveFile", or the writer's own), which the command line prints in English
// (render()) and the window translates.
#pragma once

#include "text/text_message.h"

#include <QIODevice>
#include <QString>

#include <functional>
#include <utility>

namespace tasklane {

class [[nodiscard]] SaveResult {
public:
    SaveResult() = default; // success
    static SaveResult failed(TextMessage why) { return SaveResult(std::move(why)); }

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    // Why it failed; empty on success.
    const TextMessage& error() const { return error_; }
    // The same in English, for the command line and logs.
    QString errorText() const { return QString::fromStdString(error_.render()); }

private:
    explicit SaveResult(TextMessage why)
        : failed_(true)
        , error_(std::move(why)) {}

    bool failed_ = false;
    TextMessage error_;
};

// `write` fills the device and says whether it succeeded.
SaveResult saveFile(const QString& path, const std::function<bool(QIODevice&)>& write);

} // namespace tasklane
