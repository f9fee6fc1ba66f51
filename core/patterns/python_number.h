// Numbers as Python's int() and float() read a string, so that what the command line and the
// window accept is what the tutorial's program would: surrounding whitespace, a sign,
// underscores between digits ("1_000"); no hex ("0x10"), no "5ms". A float that overflows
// (1e309) or names inf or nan comes back empty, since every double parameter is a finite
// quantity (milliseconds, a scale); Python would give inf there.
#pragma once

#include <optional>
#include <string_view>

namespace tasklane {

std::optional<long long> parsePythonInt(std::string_view text);
std::optional<double> parsePythonFloat(std::string_view text);

} // namespace tasklane
