// gather(tasks...): asyncio.gather. Schedules the coroutines it is given as tasks, waits
// for them and returns their results in argument order (a tuple, or a vector for the
// vector overload; std::monostate stands for void). Without return_exceptions the first
// exception to occur propagates at once and the other tasks keep running, as in Python;
// gather(return_exceptions, ...) returns each outcome as a value or an exception_ptr.
// Cancelling the task awaiting a gather cancels every task it gathers.
#pragma once

#include "aio/task.h"
#include "aio/wait_tasks.h"

#include <exception>
#include <tuple>
#include <variant>
#include <vector>

namespace tasklane {

struct ReturnExceptions {};
inline constexpr ReturnExceptions return_exceptions{};

// A gathered task's value or the exception it raised.
template <class T> using Outcome = std::variant<detail::ValueOf<T>, std::exception_ptr>;

namespace detail {

template <class T> ValueOf<T> valueOf(const Task<T>& task) {
    if constexpr (std::is_void_v<T>) {
        task.result();
        return {};
    } else {
        return task.result();
    }
}

template <class T> Outcome<T> outcomeOf(const Task<T>& task) {
    if (auto error = task.exception())
        return error;
    return valueOf(task);
}

} // namespace detail

template <class... Ts> Task<std::tuple<detail::ValueOf<Ts>...>> gather(Task<Ts>... tasks) {
    (detail::ensureScheduled(tasks), ...);
    detail::WaitTasks wait({tasks.core().get()...}, detail::WaitTasks::Until::AllDoneOrError);
    co_await wait;
    if (auto failed = wait.firstError()) {
        const detail::TaskCore* cores[] = {tasks.core().get()...};
        std::rethrow_exception(cores[*failed]->error());
    }
    co_return std::tuple<detail::ValueOf<Ts>...>(detail::valueOf(tasks)...);
}

template <class... Ts>
Task<std::tuple<Outcome<Ts>...>> gather(ReturnExceptions, Task<Ts>... tasks) {
    (detail::ensureScheduled(tasks), ...);
    detail::WaitTasks wait({tasks.core().get()...}, detail::WaitTasks::Until::AllDone);
    co_await wait;
    co_return std::tuple<Outcome<Ts>...>(detail::outcomeOf(tasks)...);
}

template <class T> Task<std::vector<detail::ValueOf<T>>> gather(std::vector<Task<T>> tasks) {
    detail::WaitTasks wait(detail::WaitTasks::Until::AllDoneOrError);
    wait.reserve(tasks.size());
    for (auto& t : tasks) {
        detail::ensureScheduled(t);
        wait.add(t.core().get()); // `tasks` holds it
    }
    co_await wait;
    if (auto failed = wait.firstError())
        std::rethrow_exception(tasks[*failed].exception());
    if constexpr (std::is_void_v<T>) {
        // None failed: every result is None, no need to visit the tasks again.
        co_return std::vector<std::monostate>(tasks.size());
    } else {
        std::vector<T> results;
        results.reserve(tasks.size());
        for (auto& t : tasks)
            results.push_back(detail::valueOf(t));
        co_return results;
    }
}

template <class T>
Task<std::vector<Outcome<T>>> gather(ReturnExceptions, std::vector<Task<T>> tasks) {
    detail::WaitTasks wait(detail::WaitTasks::Until::AllDone);
    wait.reserve(tasks.size());
    for (auto& t : tasks) {
        detail::ensureScheduled(t);
        wait.add(t.core().get());
    }
    co_await wait;
    std::vector<Outcome<T>> results;
    results.reserve(tasks.size());
    for (auto& t : tasks)
        results.push_back(detail::outcomeOf(t));
    co_return results;
}

} // namespace tasklane
