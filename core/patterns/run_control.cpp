#include "patterns/run_control.h"

#include "patterns/run_result.h"

namespace tasklane {

void RunControl::requestStop() {
    stop_.store(true, std::memory_order_relaxed);
    std::lock_guard lock(mutex_);
    for (auto& [id, handler] : handlers_)
        handler();
    handlers_.clear(); // each runs once
}

std::uint64_t RunControl::addStopHandler(std::function<void()> handler) {
    std::lock_guard lock(mutex_);
    if (stopRequested()) {
        handler();
        return 0;
    }
    const std::uint64_t id = nextId_++;
    handlers_.emplace(id, std::move(handler));
    return id;
}

void RunControl::keepStoppedResult(std::shared_ptr<RunResult> partial) {
    std::lock_guard lock(stoppedMutex_);
    stopped_ = std::move(partial);
}

std::shared_ptr<RunResult> RunControl::takeStoppedResult() {
    std::lock_guard lock(stoppedMutex_);
    return std::move(stopped_);
}

void RunControl::removeStopHandler(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    handlers_.erase(id);
}

} // namespace tasklane
