// wait_for(task, timeout): asyncio.wait_for. Waits for the task (scheduling a coroutine
// first) at most `timeout`; when it runs out, cancels the task, waits for its cleanup to
// finish, and raises TimeoutError. Cancelling the waiting task cancels the inner one too.
#pragma once

#include "aio/event_loop.h"
#include "aio/task.h"
#include "aio/wait_tasks.h"
#include "concurrency/python_error.h"

#include <chrono>
#include <string>

namespace tasklane {

template <class T, class Rep, class Period>
Task<T> wait_for(Task<T> task, std::chrono::duration<Rep, Period> timeout) {
    detail::ensureScheduled(task);
    const auto limit = std::chrono::ceil<std::chrono::nanoseconds>(timeout);
    bool timedOut = false;
    {
        detail::WaitTasks wait({task.core().get()}, detail::WaitTasks::Until::AllDone,
                               EventLoop::Clock::now() + limit);
        co_await wait;
        timedOut = wait.timedOut();
    }
    if (!timedOut)
        co_return task.result();
    task.cancel();
    detail::WaitTasks cleanup({task.core().get()}, detail::WaitTasks::Until::AllDone);
    co_await cleanup;
    throw TimeoutError("wait_for timed out after " + std::to_string(limit.count() / 1'000'000) +
                       " ms (" + task.name() + ")");
}

} // namespace tasklane
