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
#include <memory>
#include <optional>
#include <vector>

namespace tasklane::detail {

class WaitTasks {
public:
    enum class Until { AllDone, AllDoneOrError };

    WaitTasks(std::vector<std::shared_ptr<TaskCore>> tasks, Until until,
              std::optional<EventLoop::Clock::time_point> deadline = std::nullopt)
        : tasks_(std::move(tasks))
        , state_(std::make_shared<State>())
        , deadline_(deadline) {
        state_->until = until;
        for (std::size_t i = 0; i < tasks_.size(); ++i) {
            if (!tasks_[i]->done())
                ++state_->remaining;
            else if (tasks_[i]->error() && !state_->firstError)
                state_->firstError = i; // already failed: argument order among those
        }
    }

    bool await_ready() const { return state_->satisfied(); }
    bool await_suspend(std::coroutine_handle<> h) {
        waiter_ = &currentTask();
        if (waiter_->cancelPending())
            return false;
        auto cancelAll = [tasks = tasks_, state = state_] {
            state->cancelling = true; // from now on wait for all, failed or not
            bool any = false;
            for (auto& t : tasks)
                any = t->cancel() || any;
            return any && !state->satisfied();
        };
        const std::uint64_t id = waiter_->suspend(h, std::move(cancelAll));
        auto w = waiter_->weak_from_this();
        for (std::size_t i = 0; i < tasks_.size(); ++i) {
            if (tasks_[i]->done())
                continue;
            tasks_[i]->addDoneCallback([state = state_, w, id, i](TaskCore& t) {
                --state->remaining;
                if (t.error() && !state->firstError)
                    state->firstError = i;
                if (state->satisfied())
                    if (auto waiter = w.lock())
                        waiter->wake(id);
            });
        }
        if (deadline_)
            timer_ = EventLoop::require().call_at(*deadline_, [w, id] {
                if (auto waiter = w.lock())
                    waiter->wake(id);
            });
        return true;
    }
    void await_resume() {
        timer_.cancel(); // done before the deadline: the timeout goes
        if (waiter_)
            waiter_->throwIfCancelled();
    }

    bool timedOut() const { return !state_->satisfied(); }
    // The index of the task that failed first (in time), if any did.
    std::optional<std::size_t> firstError() const { return state_->firstError; }

private:
    struct State {
        std::size_t remaining = 0;
        std::optional<std::size_t> firstError;
        Until until = Until::AllDone;
        bool cancelling = false;
        bool satisfied() const {
            return remaining == 0 || (until == Until::AllDoneOrError && firstError && !cancelling);
        }
    };
    std::vector<std::shared_ptr<TaskCore>> tasks_;
    std::shared_ptr<State> state_;
    std::optional<EventLoop::Clock::time_point> deadline_;
    TaskCore* waiter_ = nullptr;
    TimerHandle timer_;
};

// gather and wait_for wrap coroutines in tasks, as asyncio.ensure_future does.
template <class T> void ensureScheduled(Task<T>& task) {
    if (!task.scheduled())
        task = EventLoop::require().create_task(std::move(task));
}

} // namespace tasklane::detail
