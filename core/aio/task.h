// Task<T>: an asyncio coroutine in C++20. Calling a `Task<T> f()` coroutine creates it
// suspended; `co_await f()` runs it inline in the awaiting task (symmetric transfer, as
// awaiting a coroutine does in Python), while EventLoop::create_task() schedules it as a
// task of its own with a name, a lifeline in the trace and cancel(); awaiting such a task
// waits for it to finish. Copies share one task, as Python references do: a Task is a
// counted reference to the coroutine's frame, whose promise holds the task's state
// (TaskCore), so the frame is the task's only allocation.
#pragma once

#include "aio/task_core.h"
#include "concurrency/python_error.h"

#include <coroutine>
#include <exception>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace tasklane {

template <class T = void> class Task;

namespace detail {

template <class T> using ValueOf = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

// The promise is the task's state; this adds what the coroutine machinery asks of it.
struct PromiseBase : TaskCore {
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct FinalAwaiter {
        bool await_ready() noexcept { return false; }
        template <class P>
        std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
            if (auto next = h.promise().continuation_)
                return next;
            return std::noop_coroutine(); // a scheduled task: back to the loop
        }
        void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { error_ = std::current_exception(); }

protected:
    // Binds the state to its frame and hands out the first reference, the Task's.
    template <class P> TaskRef firstReference(P& promise) {
        bindFrame(std::coroutine_handle<P>::from_promise(promise));
        return TaskRef(this);
    }
};

template <class T> struct Promise : PromiseBase {
    std::optional<T> value;
    Task<T> get_return_object();
    template <class V> void return_value(V&& v) { value.emplace(std::forward<V>(v)); }
};

template <> struct Promise<void> : PromiseBase {
    Task<void> get_return_object();
    void return_void() noexcept {}
};

} // namespace detail

template <class T> class [[nodiscard]] Task {
public:
    using promise_type = detail::Promise<T>;
    using value_type = T;

    Task() = default;

    bool valid() const { return static_cast<bool>(core_); }
    bool scheduled() const { return core_ && core_->scheduled(); }
    const std::string& name() const { return core_->name(); }
    bool cancel() { return core_ && core_->cancel(); }
    bool done() const { return core_ && core_->done(); }
    bool cancelled() const { return core_ && core_->cancelled(); }

    // A finished task's value; re-raises its exception (CancelledError if cancelled).
    T result() const {
        if (!done())
            throw InvalidStateError("Result is not set.");
        if (auto error = core_->error())
            std::rethrow_exception(error);
        if constexpr (!std::is_void_v<T>)
            return *promise().value;
    }
    std::exception_ptr exception() const {
        if (!done())
            throw InvalidStateError("Exception is not set.");
        return core_->error();
    }

    const detail::TaskRef& core() const { return core_; }

    struct Awaiter {
        detail::TaskRef core;
        detail::TaskCore* waiter = nullptr; // set when waiting for a scheduled task

        bool await_ready() const { return core->scheduled() && core->done(); }
        std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) {
            if (!core->scheduled())
                return core->startInline(h);
            waiter = &detail::currentTask();
            if (waiter->cancelPending())
                return h; // raise the CancelledError without suspending
            const std::uint64_t id = waiter->suspend(h, [c = core] { return c->cancel(); });
            core->addDoneCallback([w = waiter->weak_from_this(), id](detail::TaskCore&) {
                if (auto t = w.lock())
                    t->wake(id);
            });
            return std::noop_coroutine();
        }
        T await_resume() {
            if (waiter)
                waiter->throwIfCancelled();
            if (auto error = core->error())
                std::rethrow_exception(error);
            if constexpr (!std::is_void_v<T>) {
                auto& p = static_cast<promise_type&>(*core);
                if (core->scheduled())
                    return *p.value; // others may await it too
                return std::move(*p.value);
            }
        }
    };
    Awaiter operator co_await() const { return Awaiter{core_}; }

private:
    friend struct detail::Promise<T>;
    explicit Task(detail::TaskRef core)
        : core_(std::move(core)) {}
    promise_type& promise() const { return static_cast<promise_type&>(*core_); }

    detail::TaskRef core_;
};

namespace detail {
template <class T> Task<T> Promise<T>::get_return_object() {
    return Task<T>(firstReference(*this));
}
inline Task<void> Promise<void>::get_return_object() {
    return Task<void>(firstReference(*this));
}
} // namespace detail

} // namespace tasklane
