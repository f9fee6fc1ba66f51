#include "trace/save_file.h"

#include <QSaveFile>
#include <QtGlobal> // QT_TRANSLATE_NOOP only marks: the window translates, core stays English

namespace tasklane {

namespace {

// The path and the system's words (QSaveFile::errorString()) are put in as they are.
SaveResult fail(const char* source, const QString& path, const QString& why) {
    return SaveResult::failed(
        {"tasklane::SaveFile",
         source,
         {TextMessage::plain(path.toStdString()), TextMessage::plain(why.toStdString())}});
}

} // namespace

SaveResult saveFile(const QString& path, const std::function<bool(QIODevice&)>& write) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QT_TRANSLATE_NOOP("tasklane::SaveFile", "cannot open %1 for writing: %2"), path,
                    file.errorString());
    if (!write(file)) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(QT_TRANSLATE_NOOP("tasklane::SaveFile", "cannot write %1: %2"), path, why);
    }
    if (!file.commit())
        return fail(QT_TRANSLATE_NOOP("tasklane::SaveFile", "cannot save %1: %2"), path,
                    file.errorString());
    return {};
}

} // namespace tasklane
