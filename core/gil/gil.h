// Gil: a model of CPython's global interpreter lock, for thread-based patterns. A thread
// holds it while it runs (Python) CPU work and drops it around I/O. A thread that has
// waited a whole switch interval asks the holder to drop it, and the holder then waits
// until another thread has taken it (CPython's forced switching, ceval_gil.c). Disabled,
// every call is a no-op: free-threaded Python. This is the one modelled thing in Tasklane;
// the chart says so wherever `gil-wait` appears.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace tasklane {

class Gil {
public:
    static constexpr std::chrono::nanoseconds kDefaultSwitchInterval = std::chrono::milliseconds(5);

    explicit Gil(bool enabled = true,
                 std::chrono::nanoseconds switchInterval = kDefaultSwitchInterval);

    bool enabled() const { return enabled_; }
    std::chrono::nanoseconds switchInterval() const { return interval_; }

    void acquire();
    void release();
    // True when another thread has waited a full interval: the holder should yield().
    bool dropRequested() const { return dropRequest_.load(std::memory_order_relaxed); }
    // Drops the lock, waits until another thread took it, then waits to take it back.
    void yield();

    std::uint64_t switches() const; // how many times the lock changed hands

private:
    void releaseLocked(std::unique_lock<std::mutex>& lock);

    const bool enabled_;
    const std::chrono::nanoseconds interval_;
    mutable std::mutex mutex_;
    std::condition_variable released_;
    std::condition_variable switched_;
    bool locked_ = false;
    std::uint64_t switchNumber_ = 0;
    std::atomic<bool> dropRequest_{false};
};

} // namespace tasklane
