// to_thread(fn, args...): asyncio.to_thread. Runs blocking fn(args...) on the loop's
// thread pool and suspends the awaiting task until it is done, so the loop keeps running
// other tasks meanwhile; the result or exception arrives in the awaiting coroutine. A
// cancel() raises CancelledError at once; work already started runs on, as in Python.
// GCC 12 caveat: a lambda with captures built in the same expression as a co_await is
// destroyed twice (a GCC 12 bug, not ours): write `co_await to_thread(fn, args...)` with
// the data as arguments, or name the lambda first (`auto work = [s] {...};`).
#pragma once

#include "aio/event_loop.h"
#include "aio/task.h"
#include "concurrency/future.h"
#include "futures/thread_pool_executor.h"

#include <coroutine>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace tasklane {

namespace detail {

// Awaits a concurrent Future on the loop: its done callback (on a pool thread) posts the
// wake-up with call_soon_threadsafe.
template <class R> class FutureAwaiter {
public:
    explicit FutureAwaiter(Future<R> future)
        : future_(std::move(future)) {}

    bool await_ready() const { return future_.done(); }
    bool await_suspend(std::coroutine_handle<> h) {
        task_ = &currentTask();
        if (task_->cancelPending())
            return false;
        const std::uint64_t id = task_->suspend(h, [f = future_]() mutable {
            f.cancel(); // only stops work that has not started
            return false;
        });
        EventLoop* loop = &EventLoop::require();
        future_.add_done_callback([loop, w = task_->weak_from_this(), id](const Future<R>&) {
            // A weak reference: it holds no count, so dropping it on the pool thread can
            // never destroy the task there.
            loop->call_soon_threadsafe([w, id] {
                if (auto t = w.lock())
                    t->wake(id);
            });
        });
        return true;
    }
    R await_resume() {
        if (task_)
            task_->throwIfCancelled();
        return future_.result();
    }

private:
    Future<R> future_;
    TaskCore* task_ = nullptr;
};

// The callable behind a shared pointer: a coroutine gets no parameter of closure type.
// GCC 12 destroys a closure (or std::function) passed by value to a coroutine once too
// often when the call is the operand of co_await, so closures never cross that boundary.
template <class R> struct Callable {
    virtual ~Callable() = default;
    virtual R operator()() = 0;
};
template <class R, class Fn> struct CallableOf final : Callable<R> {
    explicit CallableOf(Fn f)
        : fn(std::move(f)) {}
    R operator()() override { return fn(); }
    Fn fn;
};

template <class R> Task<R> offloadCall(std::string label, std::shared_ptr<Callable<R>> call) {
    auto future =
        EventLoop::require().executor().submitLabelled(label, [call] { return (*call)(); });
    co_return co_await FutureAwaiter<R>(std::move(future));
}

// to_thread with the label the trace gives the work on the pool thread.
template <class F, class... Args> auto offload(std::string label, F&& fn, Args&&... args) {
    using R = std::invoke_result_t<std::decay_t<F>, std::decay_t<Args>...>;
    auto bound = [fn = std::forward<F>(fn), ... args = std::forward<Args>(args)]() mutable -> R {
        return std::invoke(fn, args...);
    };
    return offloadCall<R>(std::move(label),
                          std::make_shared<CallableOf<R, decltype(bound)>>(std::move(bound)));
}

} // namespace detail

template <class F, class... Args> auto to_thread(F&& fn, Args&&... args) {
    EventLoop* loop = EventLoop::current();
    std::string label;
    if (loop && loop->runningTask())
        label = loop->runningTask()->name();
    return detail::offload(std::move(label), std::forward<F>(fn), std::forward<Args>(args)...);
}

} // namespace tasklane
