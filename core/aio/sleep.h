// sleep(delay): asyncio.sleep. Suspends the awaiting task for at least `delay` on the
// loop's steady-clock timers (never early); sleep(0) just yields to the other ready tasks.
// A cancel() while sleeping raises CancelledError here.
#pragma once

#include "aio/event_loop.h"
#include "aio/task.h"

#include <chrono>
#include <coroutine>

namespace tasklane {

class SleepAwaiter {
public:
    explicit SleepAwaiter(std::chrono::nanoseconds delay)
        : delay_(delay) {}

    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> h) {
        task_ = &detail::currentTask();
        if (task_->cancelPending())
            return false;
        if (delay_.count() <= 0) {
            task_->wake(task_->suspend(h));
            return true;
        }
        // The deadline counts from the await, as asyncio's does. The task's own timer: a
        // cancel() or any other wake-up takes it out of the timer queue, so none is left behind.
        task_->suspend(h);
        task_->wakeAt(EventLoop::Clock::now() + delay_);
        return true;
    }
    void await_resume() {
        if (task_)
            task_->throwIfCancelled();
    }

private:
    std::chrono::nanoseconds delay_;
    detail::TaskCore* task_ = nullptr;
};

template <class Rep, class Period>
[[nodiscard]] SleepAwaiter sleep(std::chrono::duration<Rep, Period> delay) {
    return SleepAwaiter(std::chrono::ceil<std::chrono::nanoseconds>(delay));
}

} // namespace tasklane
