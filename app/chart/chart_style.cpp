#include "chart/chart_style.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <algorithm>
#include <cmath>

namespace tasklane {

namespace {

QColor blend(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// Indexed by State: running, queued, sleeping, awaiting, lock-wait, lock-held, gil-wait,
// spawning, idle, waiting-for-core. Mid-lightness hues so that one set reads on white and on
// near-black.
std::array<QColor, kStateCount> stateColours(bool dark) {
    return {
        QColor(0x22, 0x77, 0xC8),                                   // running: strong blue
        dark ? QColor(0x8E, 0x98, 0xA4) : QColor(0xB4, 0xBC, 0xC6), // queued: light grey
        QColor(0xF0, 0xA2, 0x02),                                   // sleeping (I/O): amber
        QColor(0xB3, 0x9D, 0xDB),                                   // awaiting: light violet
        QColor(0xE8, 0x60, 0x2C),                                   // lock-wait: red-orange
        QColor(0xA0, 0x66, 0x2B),                                   // lock-held: orange-brown
        QColor(0xD6, 0x33, 0x6C),                                   // gil-wait: crimson pink
        QColor(0x7E, 0x57, 0xC2),                                   // spawning: purple
        dark ? QColor(0x4A, 0x50, 0x58) : QColor(0xE3, 0xE6, 0xEA), // idle: faint grey
        // waiting-for-core: running's blue washed out, ready to run but without a core.
        dark ? QColor(0x5E, 0x7E, 0xA6) : QColor(0xA8, 0xC4, 0xE6),
    };
}

// Paul Tol's "muted" hues without the rose and purple that would pass for gil-wait or
// spawning: core rows must not be read as states. Distinguishable for colour-blind readers.
std::vector<QColor> trackColours() {
    return {QColor(0x44, 0xAA, 0x99), QColor(0x33, 0x22, 0x88), QColor(0x11, 0x77, 0x33),
            QColor(0xDD, 0xCC, 0x77), QColor(0x88, 0xCC, 0xEE), QColor(0x88, 0x22, 0x55),
            QColor(0x99, 0x99, 0x33), QColor(0x1F, 0x5F, 0x6B)};
}

} // namespace

ChartStyle ChartStyle::light() {
    ChartStyle s;
    s.background = Qt::white;
    s.alternateRow = QColor(0xF3, 0xF5, 0xF8);
    s.text = QColor(0x1F, 0x23, 0x28);
    s.mutedText = QColor(0x5A, 0x62, 0x6C);
    s.grid = QColor(0xE2, 0xE5, 0xEA);
    s.axis = QColor(0x6A, 0x72, 0x7C);
    s.separator = QColor(0x9A, 0xA2, 0xAC);
    s.mixed = QColor(0x7C, 0x83, 0x8D);
    s.instant = QColor(0x24, 0x29, 0x2F);
    s.flow = QColor(0x3C, 0x44, 0x4E, 150);
    s.states = stateColours(false);
    s.trackPalette = trackColours();
    return s;
}

ChartStyle ChartStyle::dark() {
    ChartStyle s;
    s.background = QColor(0x1E, 0x20, 0x24);
    s.alternateRow = QColor(0x26, 0x29, 0x2E);
    s.text = QColor(0xE6, 0xE8, 0xEB);
    s.mutedText = QColor(0xA5, 0xAC, 0xB5);
    s.grid = QColor(0x33, 0x37, 0x3D);
    s.axis = QColor(0x8A, 0x92, 0x9C);
    s.separator = QColor(0x6A, 0x72, 0x7C);
    s.mixed = QColor(0x9A, 0xA1, 0xAB);
    s.instant = QColor(0xF2, 0xF3, 0xF5);
    s.flow = QColor(0xD0, 0xD5, 0xDC, 150);
    s.states = stateColours(true);
    s.trackPalette = trackColours();
    // The darkest hues (indigo, green, wine) vanish on a dark background: lift them.
    for (QColor& c : s.trackPalette)
        if (c.lightnessF() < 0.35)
            c = c.lighter(170);
    return s;
}

QColor ChartStyle::dimmed(const QColor& colour) const {
    return blend(colour, background, 0.75);
}

QColor ChartStyle::textOn(const QColor& fill) {
    // Relative luminance with the sRGB weights; above about 0.55 white text stops reading.
    const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return l > 0.55 ? QColor(0x1F, 0x23, 0x28) : QColor(Qt::white);
}

QString stateLabel(State state) {
    // In State's order; the same words as stateName(), marked for lupdate.
    static constexpr const char* kLabels[kStateCount] = {
        QT_TRANSLATE_NOOP("tasklane::State", "running"),
        QT_TRANSLATE_NOOP("tasklane::State", "queued"),
        QT_TRANSLATE_NOOP("tasklane::State", "sleeping"),
        QT_TRANSLATE_NOOP("tasklane::State", "awaiting"),
        QT_TRANSLATE_NOOP("tasklane::State", "lock-wait"),
        QT_TRANSLATE_NOOP("tasklane::State", "lock-held"),
        QT_TRANSLATE_NOOP("tasklane::State", "gil-wait"),
        QT_TRANSLATE_NOOP("tasklane::State", "spawning"),
        QT_TRANSLATE_NOOP("tasklane::State", "idle"),
        QT_TRANSLATE_NOOP("tasklane::State", "waiting-for-core"),
    };
    return QCoreApplication::translate("tasklane::State", kLabels[std::size_t(state)]);
}

QFont chartFont() {
    QFont font = QGuiApplication::font();
    // "Sans Serif" is fontconfig's name for its default sans font. An SVG viewer does not
    // know it and falls back to a serif; "sans-serif" means the same to fontconfig and to SVG.
    if (font.family().isEmpty() || font.family().compare(u"Sans Serif", Qt::CaseInsensitive) == 0)
        font.setFamily(QStringLiteral("sans-serif"));
    if (font.pixelSize() <= 0) {
        const double points = font.pointSizeF() > 0 ? font.pointSizeF() : 9.0;
        font.setPixelSize(std::max(12, int(std::lround(points * 96.0 / 72.0))));
    }
    return font;
}

QFont chartTitleFont(const QFont& font) {
    QFont title = font;
    if (font.pixelSize() > 0)
        title.setPixelSize(int(std::lround(font.pixelSize() * 1.3)));
    else
        title.setPointSizeF(font.pointSizeF() * 1.3);
    title.setBold(true);
    return title;
}

} // namespace tasklane
