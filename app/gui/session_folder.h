// SessionFolder: the window's one folder for the files a run writes when the user chose no
// folder for them (async-file's out-dir left empty). Made at the first such run, emptied of
// the previous run's files before each next one, and removed when the window closes: runs no
// longer leave a new tasklane-async-file-* folder each in the temp folder. A folder the user
// chose is theirs, and is never touched.
#pragma once

#include "patterns/pattern.h"

#include <QObject>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace tasklane {

class SessionFolder : public QObject {
    Q_OBJECT

public:
    // A child of the window made after its RunController, so that Qt deletes it after the
    // controller has waited for its run: nothing writes into the folder as it goes.
    explicit SessionFolder(QObject* parent = nullptr);
    ~SessionFolder() override;

    // Whether `params` leave one of `pattern`'s folder parameters empty: its run gets the
    // session's folder.
    static bool wanted(const Pattern& pattern, const Params& params);
    // `params` with `pattern`'s empty folder parameters set to the session's folder, made
    // now if need be and emptied of the previous run's files. Unchanged when nothing is
    // empty, or when the folder cannot be made (the pattern then makes one of its own).
    Params fill(const Pattern& pattern, Params params);
    // The folder, or empty while there is none.
    QString path() const;
    // Deletes the folder and what is in it; the next fill() makes a new one.
    void remove();

private:
    bool makeOrEmpty(const Pattern& pattern);

    std::unique_ptr<QTemporaryDir> dir_;
};

} // namespace tasklane
