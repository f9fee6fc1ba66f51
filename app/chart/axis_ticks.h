// Axis ticks: where the time axis puts its marks and how it labels them, as a rule with its
// own data-driven test (tst_chart tickRule).
#pragma once

#include <QRectF>
#include <QString>

#include <cstdint>

namespace tasklane {

// The rule for axis ticks: steps of 1, 2 or 5 x 10^k ns, the smallest one that keeps ticks
// at least `minSpacing` px apart; the unit is the largest of s, ms, µs, ns that is not
// longer than the span, and `decimals` as many as that step needs in that unit.
struct TickSpec {
    std::int64_t step_ns = 1;
    std::int64_t unit_ns = 1;
    int decimals = 0;
};
TickSpec chooseTicks(std::int64_t span_ns, double width_px, double minSpacing_px);
// "0 s", "0.2 s", "150 ms", "-5 µs": `ns` from the axis origin, in the spec's unit.
QString formatTick(std::int64_t ns, const TickSpec& spec);

struct GanttTick {
    double x = 0;
    std::int64_t ns = 0; // from the axis origin
    QString label;
    QRectF labelRect;
};

} // namespace tasklane
