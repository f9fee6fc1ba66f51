#include "pin_board.h"

#include "trace/trace_stack.h"

namespace tasklane {

QString PinBoard::pin(PinnedRun run) {
    if (!run.result)
        return {};
    QString dropped;
    if (int(runs_.size()) >= kCapacity) {
        dropped = runs_.front().name;
        runs_.erase(runs_.begin());
    }
    runs_.push_back(std::move(run));
    restack();
    return dropped;
}

void PinBoard::unpin(int index) {
    if (index < 0 || index >= size())
        return;
    runs_.erase(runs_.begin() + index);
    restack();
}

void PinBoard::clear() {
    runs_.clear();
    restack();
}

bool PinBoard::contains(const RunResult* result) const {
    for (const PinnedRun& r : runs_)
        if (r.result.get() == result)
            return true;
    return false;
}

void PinBoard::restack() {
    if (runs_.empty()) {
        stacked_.reset();
        return;
    }
    std::vector<StackPart> parts;
    for (std::size_t i = 0; i < runs_.size(); ++i) {
        const Trace& t = runs_[i].result->trace;
        parts.push_back({&t, t.beginNs(), std::to_string(i + 1)});
    }
    stacked_ = std::make_shared<const Trace>(stackTraces(parts));
}

} // namespace tasklane
