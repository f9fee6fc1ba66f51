// How a speedup is written where a learner reads it (window, command line). Two decimals,
// except where they would print "0.00": that reads as a broken figure, while the truth is
// that the tasks' own work was tiny next to starting and coordinating the workers.
#pragma once

#include <cstdio>
#include <string>

namespace tasklane {

// Below this a speedup is written "< 0.01" rather than rounded to "0.00".
inline constexpr double kSmallestShownSpeedup = 0.01;
// Below this the run was mostly overhead, and the Summary says so in words.
inline constexpr double kOverheadSpeedup = 0.1;

inline bool speedupRoundsToZero(double speedup) {
    return speedup < kSmallestShownSpeedup / 2;
}

// "0.86" or "< 0.01", without the "x" the caller's sentence puts after it.
inline std::string speedupNumber(double speedup) {
    if (speedupRoundsToZero(speedup))
        return "< 0.01";
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", speedup);
    return text;
}

} // namespace tasklane
