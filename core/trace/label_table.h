// LabelTable: a Trace's string table as a reader builds it, a label per event, each looked up
// by its text. Open addressing over (hash, index) pairs: a million lookups into a node-based
// map cost more than reading the file, and Trace::intern is linear.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tasklane {

class LabelTable {
public:
    // The index of `s` in the table, appended if new; the empty string is always 0.
    std::uint32_t intern(std::string_view s) {
        if (s.empty())
            return 0;
        if (2 * (count_ + 1) > slots_.size())
            grow();
        const std::uint64_t hash = std::hash<std::string_view>()(s);
        const auto tag = std::uint32_t(hash >> 32);
        for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
            Slot& slot = slots_[i];
            if (slot.index == 0) {
                slot = Slot{tag, std::uint32_t(strings_.size())};
                strings_.emplace_back(s);
                ++count_;
                return slot.index;
            }
            if (slot.tag == tag && strings_[slot.index] == s)
                return slot.index;
        }
    }

    // The strings, for a Trace; the table is empty (but for "") afterwards.
    std::vector<std::string> take() {
        std::vector<std::string> strings = std::move(strings_);
        *this = LabelTable();
        return strings;
    }

private:
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t index = 0; // into strings_; 0 (the empty string) marks a free slot
    };

    void grow();

    std::vector<std::string> strings_{std::string()};
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t count_ = 0;
};

} // namespace tasklane
