// RunControl: how the caller of a run watches and stops it: a progress callback (called
// from worker threads; keep it cheap and thread-safe) and a stop flag the run checks.
#pragma once

#include <atomic>
#include <functional>

namespace tasklane {

class RunControl {
public:
    std::function<void(long long done, long long total)> onProgress;

    void requestStop() { stop_.store(true, std::memory_order_relaxed); }
    bool stopRequested() const { return stop_.load(std::memory_order_relaxed); }
    void progress(long long done, long long total) const {
        if (onProgress)
            onProgress(done, total);
    }

private:
    std::atomic<bool> stop_{false};
};

// Thrown by a run that was stopped through RunControl.
struct RunStopped {};

} // namespace tasklane
