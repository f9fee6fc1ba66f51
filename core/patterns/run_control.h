// RunControl: how the caller of a run watches and stops it: a progress callback (called
// from worker threads; keep it cheap and thread-safe), a stop flag the run checks, and stop
// handlers a run registers for what a flag cannot reach in time (a pool of processes to
// terminate, an event loop to wake), so that Stop ends a run within a few milliseconds.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace tasklane {

struct RunResult;

class RunControl {
public:
    std::function<void(long long done, long long total)> onProgress;

    // Sets the flag, then calls every registered handler (on this thread).
    void requestStop();
    bool stopRequested() const { return stop_.load(std::memory_order_relaxed); }
    // The flag itself, for work that polls it (workload::StopScope).
    const std::atomic<bool>* stopFlag() const { return &stop_; }
    void progress(long long done, long long total) const {
        if (onProgress)
            onProgress(done, total);
    }

    // A handler runs once, when the stop is requested, or at once when it was already. Keep
    // it short and non-blocking: terminate, cancel, post. Removing one waits until a call of
    // it in progress has returned, so what it refers to may be destroyed right after.
    std::uint64_t addStopHandler(std::function<void()> handler);
    void removeStopHandler(std::uint64_t id);

    // What a stopped run had recorded (StoppedRunKeeper leaves it here; the last one kept
    // wins, so a comparison can replace its mode's part with the whole), for the caller to
    // show; null when the run was stopped before it recorded anything.
    void keepStoppedResult(std::shared_ptr<RunResult> partial);
    // Whether the caller wants that partial result (the window shows it; the command line,
    // stopped by a signal, writes nothing). Finishing a large trace (sorting its events)
    // takes hundreds of milliseconds that a signal's stop should not wait for.
    void setKeepsStoppedResult(bool keep) { keepsStopped_ = keep; }
    bool keepsStoppedResult() const { return keepsStopped_; }
    std::shared_ptr<RunResult> takeStoppedResult();

private:
    std::mutex stoppedMutex_;
    std::shared_ptr<RunResult> stopped_;
    bool keepsStopped_ = true;
    std::atomic<bool> stop_{false};
    std::mutex mutex_; // guards handlers_ and is held while they run
    std::map<std::uint64_t, std::function<void()>> handlers_;
    std::uint64_t nextId_ = 1;
};

// A stop handler for the lifetime of a scope: declare it after what the handler touches.
class StopHandler {
public:
    StopHandler(RunControl& control, std::function<void()> handler)
        : control_(control)
        , id_(control.addStopHandler(std::move(handler))) {}
    ~StopHandler() { control_.removeStopHandler(id_); }
    StopHandler(const StopHandler&) = delete;
    StopHandler& operator=(const StopHandler&) = delete;

private:
    RunControl& control_;
    std::uint64_t id_;
};

// Thrown by a run that was stopped through RunControl.
struct RunStopped {};

// Runs `body`. When it ends in an exception after a stop was requested (an interrupted task,
// a terminated pool, a cancelled coroutine: how the primitives end when cut short), throws
// RunStopped instead, so that callers see one way of being stopped.
template <class F> auto stoppable(const RunControl& control, F&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const RunStopped&) {
        throw;
    } catch (...) {
        if (control.stopRequested())
            throw RunStopped{};
        throw;
    }
}

} // namespace tasklane
