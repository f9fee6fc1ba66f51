#include "trace/label_table.h"

#include <algorithm>

namespace tasklane {

void LabelTable::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.index == 0)
            continue;
        const std::uint64_t hash = std::hash<std::string_view>()(strings_[slot.index]);
        std::size_t i = hash & mask_;
        while (slots_[i].index != 0)
            i = (i + 1) & mask_;
        slots_[i] = slot;
    }
}

} // namespace tasklane
