// saveFile: every exported file goes through QSaveFile, so a failed write leaves the old
// file as it was and no half-written or temporary file behind; the error names the path.
// `error` is English (the command line prints it); `message`, when asked for, is the same
// sentence as a TextMessage (context "tasklane::SaveFile") for the window to translate.
#pragma once

#include "text/text_message.h"

#include <QIODevice>
#include <QString>

#include <functional>

namespace tasklane {

// `write` fills the device and says whether it succeeded.
bool saveFile(const QString& path, const std::function<bool(QIODevice&)>& write,
              QString* error = nullptr, TextMessage* message = nullptr);

} // namespace tasklane
