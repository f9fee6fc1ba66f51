// ColourTally: which colour a folded rect gets. Slices narrower than a pixel are folded into
// one rect per pixel column (or, where they overlap, per merged run); the tally weighs each
// colour key (a State, or on core rows the track that ran it) by the time its slices cover,
// and names the heaviest, or none when no colour covers enough of the rect to stand for it.
// One tally serves a whole row: between rects it is left empty, not reallocated.
#pragma once

#include "chart/gantt_lane.h"

#include <cstdint>
#include <ratio>
#include <vector>

namespace tasklane {

class ColourTally {
public:
    // The share of a folded rect's weight its heaviest colour must cover to colour it: 3/5.
    // At 60 % that colour outweighs all the others together by half again (3 : 2), so the
    // rect reads as that colour and zooming in shows mostly that. Below it the rect is drawn
    // "mixed" (the legend says: folded, zoom in): a colour that leads by a little would paint
    // a stretch of a GIL-bound pool that waited nearly half the time as if it only ran.
    using DominantShare = std::ratio<3, 5>;

    // The verdict on one rect.
    struct Verdict {
        std::uint32_t key = 0; // the heaviest colour (on a tie, the one added first)
        bool dominant = false; // it covers at least DominantShare of the rect
    };

    // Keys are below `keys`: kStateCount, or on core rows the number of tracks + 1.
    explicit ColourTally(std::size_t keys)
        : weights_(keys, 0) {}

    // A slice (`weight` its visible duration, at least 1 ns) of colour `key`.
    void add(std::uint32_t key, std::int64_t weight) {
        if (weights_[key] == 0)
            touched_.push_back(key);
        weights_[key] += weight;
        total_ += weight;
    }
    // Every slice a block sums (which must have its sums: keys != kUnsummed).
    void add(const GanttLaneBlock& block) {
        for (int k = 0; k < block.keys; ++k)
            add(block.key[std::size_t(k)], block.weight[std::size_t(k)]);
    }

    // The verdict on what was added since the last take (`fallback` as the key when nothing
    // was), and an empty tally for the next rect.
    Verdict take(std::uint32_t fallback) {
        Verdict verdict{fallback, false};
        std::int64_t best = 0;
        for (const std::uint32_t key : touched_) {
            if (weights_[key] > best) {
                verdict.key = key;
                best = weights_[key];
            }
            weights_[key] = 0;
        }
        touched_.clear();
        verdict.dominant = isDominant(best, total_);
        total_ = 0;
        return verdict;
    }

    // The rule alone: whether `weight` of `total` is the dominant share. In integers, so that
    // exactly 60 % counts.
    static constexpr bool isDominant(std::int64_t weight, std::int64_t total) {
        return weight * DominantShare::den >= total * DominantShare::num;
    }

private:
    std::vector<std::int64_t> weights_; // per key; 0 for keys not touched since the last take
    std::vector<std::uint32_t> touched_;
    std::int64_t total_ = 0;
};

} // namespace tasklane
