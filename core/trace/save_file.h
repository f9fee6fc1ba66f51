// saveFile: every exported file goes through QSaveFile, so a failed write leaves the old
// file as it was and no half-written or temporary file behind; the error names the path.
#pragma once

#include <QIODevice>
#include <QString>

#include <functional>

namespace tasklane {

// `write` fills the device and says whether it succeeded.
bool saveFile(const QString& path, const std::function<bool(QIODevice&)>& write,
              QString* error = nullptr);

} // namespace tasklane
