#include "patterns/preset.h"

namespace tasklane {

std::optional<Preset> presetFromName(std::string_view name) {
    if (name == "lesson")
        return Preset::Lesson;
    if (name == "tutorial")
        return Preset::Tutorial;
    return std::nullopt;
}

std::string presetName(Preset preset) {
    return preset == Preset::Lesson ? "lesson" : "tutorial";
}

} // namespace tasklane
