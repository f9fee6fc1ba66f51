#include "chart/axis_ticks.h"

#include <algorithm>

namespace tasklane {

namespace {

QString unitName(std::int64_t unit) {
    switch (unit) {
    case 1'000'000'000:
        return QStringLiteral("s");
    case 1'000'000:
        return QStringLiteral("ms");
    case 1'000:
        return QString(QChar(0x00B5)) + QLatin1Char('s');
    default:
        return QStringLiteral("ns");
    }
}

} // namespace

TickSpec chooseTicks(std::int64_t span_ns, double width_px, double minSpacing_px) {
    span_ns = std::max<std::int64_t>(span_ns, 1);
    width_px = std::max(width_px, 1.0);
    const double wanted = double(span_ns) * minSpacing_px / width_px;
    TickSpec spec;
    spec.step_ns = 1;
    bool found = false;
    for (std::int64_t power = 1; !found && power <= 1'000'000'000'000'000'000; power *= 10) {
        for (std::int64_t m : {1, 2, 5}) {
            if (double(m * power) >= wanted) {
                spec.step_ns = m * power;
                found = true;
                break;
            }
        }
    }
    for (std::int64_t unit : {1'000'000'000LL, 1'000'000LL, 1'000LL, 1LL}) {
        if (span_ns >= unit) {
            spec.unit_ns = unit;
            break;
        }
    }
    std::int64_t scaled = spec.step_ns;
    while (scaled % spec.unit_ns != 0 && spec.decimals < 9) {
        scaled *= 10;
        ++spec.decimals;
    }
    return spec;
}

QString formatTick(std::int64_t ns, const TickSpec& spec) {
    QString number = QString::number(double(ns) / double(spec.unit_ns), 'f', spec.decimals);
    if (number.contains(QLatin1Char('.'))) {
        while (number.endsWith(QLatin1Char('0')))
            number.chop(1);
        if (number.endsWith(QLatin1Char('.')))
            number.chop(1);
    }
    if (number == QLatin1String("-0"))
        number = QStringLiteral("0");
    return number + QLatin1Char(' ') + unitName(spec.unit_ns);
}

} // namespace tasklane
