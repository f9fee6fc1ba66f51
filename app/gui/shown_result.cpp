#include "shown_result.h"

#include "text/qt_text.h"

#include <QFileInfo>
#include <QLocale>
#include <QStringList>

namespace tasklane {

QString ShownResult::stoppedText() const {
    if (!stopped)
        return {};
    if (stoppedTotal <= 0)
        return tr("stopped");
    return tr("stopped at %1 of %2 tasks")
        .arg(QLocale().toString(stoppedDone), QLocale().toString(stoppedTotal));
}

bool ShownResult::differsFrom(const Pattern* other, const Params& otherParams) const {
    if (!isRun())
        return false;
    return other != pattern ||
           other->withDefaults(otherParams).values() != pattern->withDefaults(params).values();
}

QString ShownResult::exportStem() const {
    if (pattern != nullptr)
        return qs(pattern->id());
    return openedPath.isEmpty() ? QStringLiteral("run") : QFileInfo(openedPath).completeBaseName();
}

QString ShownResult::pinName() const {
    if (isOpenedTrace() && pattern == nullptr)
        return QFileInfo(openedPath).fileName();
    if (!isRun())
        return {};
    QStringList changed;
    for (const ParamSpec& spec : pattern->params()) {
        if (!params.has(spec.name) || params.at(spec.name) == spec.defaultValue)
            continue;
        changed << QStringLiteral("%1 %2").arg(qs(spec.name),
                                               qs(ParamSpec::format(params.at(spec.name))));
    }
    QString name = qs(pattern->id());
    if (!changed.isEmpty())
        name += QStringLiteral(" (%1)").arg(changed.join(QStringLiteral(", ")));
    return name;
}

} // namespace tasklane
