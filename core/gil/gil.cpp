#include "gil/gil.h"

namespace tasklane {

Gil::Gil(bool enabled, std::chrono::nanoseconds switchInterval)
    : enabled_(enabled)
    , interval_(switchInterval) {}

void Gil::acquire() {
    if (!enabled_)
        return;
    std::unique_lock lock(mutex_);
    while (locked_) {
        const std::uint64_t seen = switchNumber_;
        if (!released_.wait_for(lock, interval_, [&] { return !locked_; }) &&
            switchNumber_ == seen) {
            // Waited a whole interval and nobody switched: ask the holder to let go.
            dropRequest_.store(true, std::memory_order_relaxed);
        }
    }
    locked_ = true;
    ++switchNumber_;
    dropRequest_.store(false, std::memory_order_relaxed);
    switched_.notify_all();
}

void Gil::releaseLocked(std::unique_lock<std::mutex>&) {
    locked_ = false;
    released_.notify_one();
}

void Gil::release() {
    if (!enabled_)
        return;
    std::unique_lock lock(mutex_);
    releaseLocked(lock);
}

void Gil::yield() {
    if (!enabled_)
        return;
    {
        std::unique_lock lock(mutex_);
        const std::uint64_t mine = switchNumber_;
        releaseLocked(lock);
        // Forced switching: without it the dropping thread often takes the lock straight
        // back and the waiter starves.
        switched_.wait(lock, [&] { return switchNumber_ != mine; });
    }
    acquire();
}

std::uint64_t Gil::switches() const {
    std::lock_guard lock(mutex_);
    return switchNumber_;
}

} // namespace tasklane
