#include "trace/save_file.h"

#include <QSaveFile>
#include <QtGlobal> // QT_TRANSLATE_NOOP only marks: the window translates, core stays English

namespace tasklane {

namespace {

// The path and the system's words (QSaveFile::errorString()) are put in as they are.
bool fail(const char* source, const QString& path, const QString& why, QString* error,
          TextMessage* message) {
    TextMessage m{"tasklane::SaveFile",
                  source,
                  {TextMessage::plain(path.toStdString()), TextMessage::plain(why.toStdString())}};
    if (error != nullptr)
        *error = QString::fromStdString(m.render());
    if (message != nullptr)
        *message = std::move(m);
    return false;
}

} // namespace

bool saveFile(const QString& path, const std::function<bool(QIODevice&)>& write, QString* error,
              TextMessage* message) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QT_TRANSLATE_NOOP("tasklane::SaveFile", "cannot open %1 for writing: %2"), path,
                    file.errorString(), error, message);
    if (!write(file)) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(QT_TRANSLATE_NOOP("tasklane::SaveFile", "cannot write %1: %2"), path, why,
                    error, message);
    }
    if (!file.commit())
        return fail(QT_TRANSLATE_NOOP("tasklane::SaveFile", "cannot save %1: %2"), path,
                    file.errorString(), error, message);
    return true;
}

} // namespace tasklane
