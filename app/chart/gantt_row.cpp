#include "chart/gantt_row.h"

namespace tasklane {

QString trackName(const Track& track) {
    if (!track.name.empty())
        return QString::fromStdString(track.name);
    const auto kind = trackKindName(track.kind);
    return QStringLiteral("%1 %2")
        .arg(QString::fromLatin1(kind.data(), qsizetype(kind.size())))
        .arg(track.tid);
}

} // namespace tasklane
