// EventLoop: asyncio's event loop on one thread. A ready queue of task steps and callbacks,
// a TimerQueue on the steady clock, and an eventfd watched through epoll so that other
// threads (the to_thread pool) can hand it work with call_soon_threadsafe(). The loop
// blocks in epoll on a timerfd set to the earliest deadline: epoll_wait's own timeout
// counts whole milliseconds and takes the thread's timer slack (50 us), timerfd neither,
// so sleeps end within microseconds of their deadline. run() is asyncio.run: it runs the
// main task to completion, then cancels what is left and lets it clean up. One loop per
// thread (EventLoop::current()); destroying it drops its references to tasks still
// pending, and with them their frames. With a TraceRecorder it draws an "event loop"
// track: a running slice per coroutine step, a lifeline per task, and the lines print()
// emits.
#pragma once

#include "aio/task.h"
#include "aio/timer_queue.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace tasklane {

class ThreadPoolExecutor;
class TraceRecorder;

class EventLoop;

namespace detail {
// A call_at callback in the timer queue. The queue owns it (self) while it is armed, the
// TimerHandle for as long as the caller keeps that.
struct CallbackTimer : TimerNode {
    std::function<void()> fn;
    std::shared_ptr<CallbackTimer> self;
    EventLoop* loop = nullptr;
    bool done = false; // cancelled, fired, or its loop is gone
};
} // namespace detail

// What call_at/call_later return, as asyncio's TimerHandle: cancel() takes the callback out
// of the timer queue.
class TimerHandle {
public:
    TimerHandle() = default;
    void cancel();
    bool cancelled() const { return timer_ && timer_->done; }

private:
    friend class EventLoop;
    explicit TimerHandle(std::shared_ptr<detail::CallbackTimer> timer)
        : timer_(std::move(timer)) {}
    std::shared_ptr<detail::CallbackTimer> timer_;
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
    // `name` is moved into adopt(); clang-tidy 14 misreads this template's moved-from
    // parameter as only read.
    // NOLINTNEXTLINE(performance-unnecessary-value-param)
    template <class T> Task<T> create_task(Task<T> task, std::string name = {}) {
        adopt(task.core().get(), std::move(name));
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
    std::size_t pendingTasks() const { return pendingCount_; }
    std::size_t pendingTimers() const { return timers_.size(); }
    // Entries held, counting the cancelled ones the timer queue has not dropped yet.
    std::size_t timersHeld() const { return timers_.held(); }
    detail::TaskCore* runningTask() const { return running_task_; }

private:
    friend class detail::TaskCore;
    friend class detail::WeakTaskRef;
    friend class TimerHandle;
    // Task steps in FIFO order; a null entry stands for the next of callbacks_, so steps
    // cost a pointer each and callbacks keep their place among them.
    class ReadyQueue {
    public:
        bool empty() const { return count_ == 0; }
        std::size_t size() const { return count_; }
        void push(detail::TaskCore* task) {
            if (count_ == ring_.size())
                grow();
            ring_[(head_ + count_) & (ring_.size() - 1)] = task;
            ++count_;
        }
        // The entry `ahead` places behind the head, or null (a callback, or past the end).
        detail::TaskCore* peek(std::size_t ahead) const {
            return ahead < count_ ? ring_[(head_ + ahead) & (ring_.size() - 1)] : nullptr;
        }
        detail::TaskCore* pop() {
            detail::TaskCore* task = ring_[head_];
            head_ = (head_ + 1) & (ring_.size() - 1);
            --count_;
            return task;
        }
        void clear() {
            head_ = 0;
            count_ = 0;
        }

    private:
        // 8 KB: rounds of up to a thousand steps never grow it; a gather of 100 000 doubles
        // it seven times, once per loop.
        static constexpr std::size_t kFirstCapacity = 1024;
        void grow();
        std::vector<detail::TaskCore*> ring_; // a power of two long
        std::size_t head_ = 0;
        std::size_t count_ = 0;
    };

    void adopt(detail::TaskCore* task, std::string name);
    void runUntilComplete(detail::TaskCore& main);
    void runOnce();
    void pushReady(detail::TaskCore* task) { ready_.push(task); }
    detail::TaskRef forget(detail::TaskCore* task); // the loop's reference, handed back
    void drainPosted();

    // WeakTaskRef's side: a slot per pending task that asked for one, given back (its
    // generation moved on, so stale references find nothing) when the task leaves.
    struct WeakSlot {
        detail::TaskCore* task = nullptr;
        std::uint32_t generation = 0;
    };
    std::uint32_t weakSlot(detail::TaskCore& task);
    std::uint32_t weakGeneration(std::uint32_t slot) const { return weakSlots_[slot].generation; }
    detail::TaskCore* weakTarget(std::uint32_t slot, std::uint32_t generation) const {
        const bool live = slot < weakSlots_.size() && weakSlots_[slot].generation == generation;
        return live ? weakSlots_[slot].task : nullptr;
    }
    void dropWeakSlot(detail::TaskCore& task);

    void armTimer(detail::TimerNode& node, Clock::time_point when) { timers_.push(node, when); }
    void disarmTimer(detail::TimerNode& node) { timers_.remove(node); }
    void fireTimer(detail::TimerNode& node);

    Options options_;
    std::uint32_t track_ = 0;
    int epoll_ = -1;
    int wakeFd_ = -1;
    int timerFd_ = -1;
    Clock::time_point timerFdSetFor_{}; // the deadline the timerfd holds, or epoch: none
    bool running_ = false;
    detail::TaskCore* running_task_ = nullptr;
    std::uint64_t nextTaskNumber_ = 1;
    ReadyQueue ready_;
    std::deque<std::function<void()>> callbacks_;
    TimerQueue timers_;
    std::atomic<bool> hasPosted_{false};
    std::mutex postedMutex_;
    std::vector<std::function<void()>> posted_;
    // Pending tasks, in the order they were scheduled; the loop holds a reference to each.
    detail::TaskCore* pendingHead_ = nullptr;
    detail::TaskCore* pendingTail_ = nullptr;
    std::size_t pendingCount_ = 0;
    std::vector<WeakSlot> weakSlots_;
    std::vector<std::uint32_t> freeWeakSlots_;
    std::vector<std::string> printed_;
    std::unique_ptr<ThreadPoolExecutor> executor_;
};

// asyncio.create_task and print on the calling thread's loop.
template <class T> Task<T> create_task(Task<T> task, std::string name = {}) {
    return EventLoop::require().create_task(std::move(task), std::move(name));
}
void print(std::string line);

} // namespace tasklane
