// EventLoop: asyncio's event loop on one thread. A ready queue of task steps and callbacks,
// a timer heap on the steady clock, and an eventfd watched through epoll so that other
// threads (the to_thread pool) can hand it work with call_soon_threadsafe(). run() is
// asyncio.run: it runs the main task to completion, then cancels what is left and lets it
// clean up. One loop per thread (EventLoop::current()); destroying it destroys the frames
// of tasks still pending. With a TraceRecorder it draws an "event loop" track: a running
// slice per coroutine step, a lifeline per task, and the lines print() emits.
#pragma once

#include "aio/task.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tasklane {

class ThreadPoolExecutor;
class TraceRecorder;

class EventLoop;

// What call_at/call_later return, as asyncio's TimerHandle: cancel() drops the callback
// (a cancelled entry leaves the heap lazily, or in a sweep once they are the majority).
class TimerHandle {
public:
    TimerHandle() = default;
    void cancel();
    bool cancelled() const { return flag_ && *flag_; }

private:
    friend class EventLoop;
    TimerHandle(EventLoop* loop, std::shared_ptr<bool> flag)
        : loop_(loop)
        , flag_(std::move(flag)) {}
    EventLoop* loop_ = nullptr;
    std::shared_ptr<bool> flag_;
};

class EventLoop {
public:
    using Clock = std::chrono::steady_clock;

    struct Options {
        TraceRecorder* recorder = nullptr;
        int max_workers = 0; // the to_thread pool; 0: Python's default, min(32, cores + 4)
        std::string track_name = "event loop";
    };

    EventLoop();
    explicit EventLoop(TraceRecorder* recorder);
    explicit EventLoop(Options options);
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    // The calling thread's loop, or null; require() throws Python's RuntimeError instead.
    static EventLoop* current();
    static EventLoop& require();

    // Runs `main` (scheduled as the task "main") until it finishes; returns its result or
    // re-raises its exception. Tasks still pending then are cancelled and run to their end.
    template <class T> T run(Task<T> main) {
        if (!main.scheduled())
            main = create_task(std::move(main), "main");
        runUntilComplete(*main.core());
        return main.result();
    }

    // Schedules the coroutine as a task of its own ("Task-N" when unnamed).
    template <class T> Task<T> create_task(Task<T> task, std::string name = {}) {
        adopt(task.core(), std::move(name));
        return task;
    }

    void call_soon(std::function<void()> fn);
    void call_soon_threadsafe(std::function<void()> fn); // from any thread
    TimerHandle call_at(Clock::time_point when, std::function<void()> fn);
    TimerHandle call_later(std::chrono::nanoseconds delay, std::function<void()> fn) {
        return call_at(Clock::now() + delay, std::move(fn));
    }

    // The pool to_thread and the async files offload to; created on first use.
    ThreadPoolExecutor& executor();

    // Records the line as an instant on the loop's track and keeps it (printed()).
    void print(std::string line);
    const std::vector<std::string>& printed() const { return printed_; }

    TraceRecorder* recorder() const { return options_.recorder; }
    std::uint32_t track() const { return track_; }
    bool is_running() const { return running_; }
    std::size_t pendingTasks() const { return tasks_.size(); }
    std::size_t pendingTimers() const { return timers_.size() - cancelledTimers_; }
    std::size_t timerHeapSize() const { return timers_.size(); } // incl. cancelled entries
    detail::TaskCore* runningTask() const { return running_task_; }

private:
    friend class detail::TaskCore;
    friend class TimerHandle;
    struct Ready {
        std::shared_ptr<detail::TaskCore> task; // a step to run, or else
        std::function<void()> fn;               // a callback
    };
    struct Timer {
        Clock::time_point when;
        std::uint64_t seq; // FIFO among equal deadlines
        std::function<void()> fn;
        std::shared_ptr<bool> cancelled; // shared with its TimerHandle; set once fired too
    };
    void timerCancelled();

    void adopt(const std::shared_ptr<detail::TaskCore>& task, std::string name);
    void runUntilComplete(detail::TaskCore& main);
    void runOnce();
    void forget(detail::TaskCore* task) { tasks_.erase(task); }

    Options options_;
    std::uint32_t track_ = 0;
    int epoll_ = -1;
    int wakeFd_ = -1;
    bool running_ = false;
    detail::TaskCore* running_task_ = nullptr;
    std::uint64_t nextTaskNumber_ = 1;
    std::uint64_t timerSeq_ = 0;
    std::deque<Ready> ready_;
    std::vector<Timer> timers_; // a min-heap on (when, seq)
    std::size_t cancelledTimers_ = 0;
    std::mutex postedMutex_;
    std::vector<std::function<void()>> posted_;
    std::unordered_map<detail::TaskCore*, std::shared_ptr<detail::TaskCore>> tasks_; // pending
    std::vector<std::string> printed_;
    std::unique_ptr<ThreadPoolExecutor> executor_;
};

// asyncio.create_task and print on the calling thread's loop.
template <class T> Task<T> create_task(Task<T> task, std::string name = {}) {
    return EventLoop::require().create_task(std::move(task), std::move(name));
}
void print(std::string line);

} // namespace tasklane
