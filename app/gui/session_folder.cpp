#include "session_folder.h"

#include "text/qt_text.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

namespace tasklane {

namespace {

bool emptyFolderParam(const ParamSpec& spec, const Params& params) {
    if (spec.kind != ParamKind::Folder)
        return false;
    if (!params.has(spec.name))
        return true; // the default, which is empty: the pattern's own run folder
    const auto* text = std::get_if<std::string>(&params.at(spec.name));
    return text != nullptr && text->empty();
}

} // namespace

SessionFolder::SessionFolder(QObject* parent)
    : QObject(parent) {}

SessionFolder::~SessionFolder() = default; // QTemporaryDir removes the folder

bool SessionFolder::wanted(const Pattern& pattern, const Params& params) {
    for (const ParamSpec& spec : pattern.params())
        if (emptyFolderParam(spec, params))
            return true;
    return false;
}

Params SessionFolder::fill(const Pattern& pattern, Params params) {
    if (!wanted(pattern, params) || !makeOrEmpty(pattern))
        return params;
    for (const ParamSpec& spec : pattern.params())
        if (emptyFolderParam(spec, params))
            params.set(spec.name, path().toStdString());
    return params;
}

QString SessionFolder::path() const {
    return dir_ ? dir_->path() : QString();
}

void SessionFolder::remove() {
    dir_.reset();
}

bool SessionFolder::makeOrEmpty(const Pattern& pattern) {
    if (dir_ && QFileInfo(dir_->path()).isDir()) {
        // The previous run's files go: a run of 2 files after one of 10 shows only its own.
        QDir folder(dir_->path());
        for (const QFileInfo& entry : folder.entryInfoList(QDir::AllEntries | QDir::Hidden |
                                                           QDir::System | QDir::NoDotAndDotDot)) {
            if (entry.isDir() && !entry.isSymLink())
                QDir(entry.filePath()).removeRecursively();
            else
                folder.remove(entry.fileName());
        }
        return true;
    }
    // Named as the pattern names its own run folders (async-file: tasklane-async-file-...).
    dir_ = std::make_unique<QTemporaryDir>(
        QDir::temp().filePath(QStringLiteral("tasklane-%1-XXXXXX").arg(qs(pattern.id()))));
    if (!dir_->isValid()) {
        dir_.reset();
        return false;
    }
    return true;
}

} // namespace tasklane
