// ChartStyle: the colours and the font of the Gantt chart, in one place, so that the window,
// the exported files and the legend agree on what blue means. State colours are chosen to
// stay apart for colour-blind readers (Okabe-Ito/Tol hues, distinct in lightness too) and to
// read on both a white and a dark background.
#pragma once

#include "trace/trace_event.h"

#include <QColor>
#include <QFont>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

namespace tasklane {

struct ChartStyle {
    QColor background;
    QColor alternateRow; // every other row, so a long row can be followed by eye
    QColor text;
    QColor mutedText; // notes, axis labels
    QColor grid;      // vertical lines at the axis ticks
    QColor axis;
    QColor separator; // between the core rows and the track rows
    QColor mixed;     // a pixel column where no state dominates
    QColor instant;
    QColor flow;
    std::array<QColor, kStateCount> states;
    std::vector<QColor> trackPalette; // core rows: which worker ran there

    static ChartStyle light();
    static ChartStyle dark();

    QColor stateColour(State state) const { return states[std::size_t(state)]; }
    QColor trackColour(std::uint32_t track) const {
        return trackPalette[track % trackPalette.size()];
    }
    // `colour` faded towards the background: what is not highlighted.
    QColor dimmed(const QColor& colour) const;
    // Black or white, whichever reads on `fill`.
    static QColor textOn(const QColor& fill);
};

// A state's name as the chart shows it: "running"..., translated when the application has a
// translation installed (the window in Korean); the command line installs none, so its
// charts stay English, as the trace files' state names do.
QString stateLabel(State state);

// The application font at a pixel size. Pixel (not point) sizes keep text the same size
// relative to the chart on every device: screen, 2x PNG, SVG (72 dpi by default) and PDF.
// The family is the application's, so fontconfig falls back to a Hangul font for Korean.
QFont chartFont();
// The title line's font: `font`, bold and 1.3 times as large (in its own size unit).
QFont chartTitleFont(const QFont& font);

} // namespace tasklane
