#include "trace/save_file.h"

#include <QSaveFile>

namespace tasklane {

bool saveFile(const QString& path, const std::function<bool(QIODevice&)>& write, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error != nullptr)
            *error = QStringLiteral("cannot open %1 for writing: %2").arg(path, file.errorString());
        return false;
    }
    if (!write(file)) {
        if (error != nullptr)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (error != nullptr)
            *error = QStringLiteral("cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace tasklane
