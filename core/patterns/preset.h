// Preset: a pattern's ready-made parameter sets. `tutorial` is the tutorial's literal example
// (the parameters' defaults, which scripts and the tutorial's printed outputs rely on);
// `lesson` shows what the pattern teaches within the two-second rule on a small machine (the
// thread pool's GIL convoy, the process pool on every core), where the tutorial's example
// often shows only start-up overhead ("speedup 0.00×"). The window opens a pattern with its
// lesson; `tasklane-cli run --preset` picks either.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tasklane {

enum class Preset { Lesson, Tutorial };

// "lesson" or "tutorial"; anything else: nothing.
std::optional<Preset> presetFromName(std::string_view name);
std::string presetName(Preset preset);
// The allowed names, for messages: "lesson|tutorial".
constexpr const char* kPresetNames = "lesson|tutorial";

} // namespace tasklane
