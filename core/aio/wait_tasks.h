// WaitTasks: the leaf awaitable under gather and wait_for. Suspends the running task until
// scheduled tasks are done (all of them, or all unless one fails first), or a deadline
// passes. Counts completions instead of scanning, so a gather of 100 000 tasks stays linear.
// Cancelling the waiting task cancels the tasks it waits for and waits for them to finish.
#pragma once

#include "aio/event_loop.h"
#include "aio/task.h"

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <optional>
#include <vector>

namespace tasklane::detail {

class WaitTasks {
public:
    enum class Until { AllDone, AllDoneOrError };

    // The tasks must outlive this (they are the awaiting frame's arguments or locals).
    WaitTasks(const std::vector<TaskCore*>& tasks, Until until,
              std::optional<EventLoop::Clock::time_point> deadline = std::nullopt)
        : WaitTasks(until, deadline) {
        tasks_.reserve(tasks.size());
        for (TaskCore* t : tasks)
            add(t);
    }
    WaitTasks(Until until, std::optional<EventLoop::Clock::time_point> deadline = std::nullopt)
        : deadline_(deadline)
        , until_(until) {}
    // Hooks point here: they go with it, also from a task that is running its hooks now
    // (one of them may have dropped the frame this lives in). remaining_ counts the hooks
    // that have not run, so a finished gather does not walk its tasks once more.
    ~WaitTasks() {
        if (remaining_ > 0)
            for (TaskCore* t : tasks_)
                t->removeDoneHooks(this);
    }
    WaitTasks(const WaitTasks&) = delete;
    WaitTasks& operator=(const WaitTasks&) = delete;

    void reserve(std::size_t n) { tasks_.reserve(n); }
    // Adds a scheduled task, hooked at once: gather touches each task in one pass only.
    void add(TaskCore* task) {
        const std::size_t i = tasks_.size();
        tasks_.push_back(task);
        if (!task->done()) {
            ++remaining_;
            task->addDoneHook({&taskDone, this, i});
        } else if (task->error() && !firstError_) {
            firstError_ = i; // already failed: argument order among those
        }
    }

    bool await_ready() const { return satisfied(); }
    bool await_suspend(std::coroutine_handle<> h) {
        waiter_ = &currentTask();
        if (waiter_->cancelPending())
            return false;
        id_ = waiter_->suspend(h, [this] { return cancelAll(); });
        if (deadline_)
            waiter_->wakeAt(*deadline_); // disarmed when the tasks wake it first
        return true;
    }
    void await_resume() {
        if (waiter_)
            waiter_->throwIfCancelled();
    }

    bool timedOut() const { return !satisfied(); }
    // The index of the task that failed first (in time), if any did.
    std::optional<std::size_t> firstError() const { return firstError_; }

private:
    bool satisfied() const {
        return remaining_ == 0 || (until_ == Until::AllDoneOrError && firstError_ && !cancelling_);
    }
    static void taskDone(void* ctx, TaskCore& task, std::size_t index) {
        auto& self = *static_cast<WaitTasks*>(ctx);
        --self.remaining_;
        if (!self.firstError_ && task.error())
            self.firstError_ = index;
        if (self.satisfied() && self.waiter_)
            self.waiter_->wake(self.id_);
    }
    // The waiter was cancelled: so are the tasks, and it waits for all of them to finish.
    bool cancelAll() {
        cancelling_ = true;
        bool any = false;
        for (TaskCore* t : tasks_)
            any = t->cancel() || any;
        return any && !satisfied();
    }

    std::vector<TaskCore*> tasks_;
    std::optional<EventLoop::Clock::time_point> deadline_;
    TaskCore* waiter_ = nullptr;
    std::uint64_t id_ = 0;
    std::size_t remaining_ = 0;
    std::optional<std::size_t> firstError_;
    Until until_;
    bool cancelling_ = false;
};

// gather and wait_for wrap coroutines in tasks, as asyncio.ensure_future does.
template <class T> void ensureScheduled(Task<T>& task) {
    if (!task.scheduled())
        task = EventLoop::require().create_task(std::move(task));
}

} // namespace tasklane::detail
