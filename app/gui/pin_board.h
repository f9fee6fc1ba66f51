// PinBoard: the runs the user pinned for the Compare tab, oldest first, at most kCapacity.
// Pinning one more drops the oldest, as a fixed-size history does. Keeps the stacked trace of
// the pinned runs (their starts lined up, one group of rows per run) up to date, so the view
// and the export draw the same thing. No widgets: tested on its own.
#pragma once

#include "patterns/run_result.h"

#include <QString>

#include <memory>
#include <vector>

namespace tasklane {

struct PinnedRun {
    QString name; // "thread-pool · workers 4, tasks 8" — what the run was
    std::shared_ptr<const RunResult> result;
};

class PinBoard {
public:
    static constexpr int kCapacity = 4;

    // Pins `run` (ignored when its result is null). Returns the run it dropped to make room,
    // if any (its name, for the status line); empty otherwise.
    QString pin(PinnedRun run);
    void unpin(int index);
    void clear();

    int size() const { return int(runs_.size()); }
    bool empty() const { return runs_.empty(); }
    const std::vector<PinnedRun>& runs() const { return runs_; }
    // Whether this very result is pinned already (pinning it twice would show it twice).
    bool contains(const RunResult* result) const;

    // The pinned runs on one time axis, each group's tracks prefixed "1 · ", "2 · " ... in pin
    // order; null when nothing is pinned.
    std::shared_ptr<const Trace> stacked() const { return stacked_; }

private:
    void restack();

    std::vector<PinnedRun> runs_;
    std::shared_ptr<const Trace> stacked_;
};

} // namespace tasklane
