// Task<T>: an asyncio coroutine in C++20. Calling a `Task<T> f()` coroutine creates it
// suspended; `co_await f()` runs it inline in the awaiting task (symmetric transfer, as
// awaiting a coroutine does in Python), while EventLoop::create_task() schedules it as a
// task of its own with a name, a lifeline in the trace and cancel(); awaiting such a task
// waits for it to finish. Copies share one task, as Python references do.
#pragma once

#include "futures/errors.h"

#include <coroutine>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace tasklane {

class EventLoop;
template <class T = void> class Task;

namespace detail {

template <class T> using ValueOf = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

struct PromiseBase {
    std::coroutine_handle<> continuation; // the inline awaiter, resumed at the end
    std::exception_ptr error;

    std::suspend_always initial_suspend() noexcept { return {}; }
    struct FinalAwaiter {
        bool await_ready() noexcept { return false; }
        template <class P>
        std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
            if (auto next = h.promise().continuation)
                return next;
            return std::noop_coroutine(); // a scheduled task: back to the loop
        }
        void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { error = std::current_exception(); }
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

// The shared, type-erased state of one coroutine frame: owns the frame and, once scheduled,
// is what the loop runs step by step. Leaf awaitables (sleep, futures, waits on tasks)
// park the task with suspend() and get an id; wake(id) resumes it unless the id went stale
// (the task was cancelled or resumed meanwhile), so late timers and callbacks are harmless.
class TaskCore : public std::enable_shared_from_this<TaskCore> {
public:
    enum class Status : std::uint8_t { Created, Scheduled, Running, Suspended, Done };

    TaskCore(std::coroutine_handle<> frame, PromiseBase* promise)
        : frame_(frame)
        , promise_(promise)
        , resumePoint_(frame) {}
    ~TaskCore();
    TaskCore(const TaskCore&) = delete;
    TaskCore& operator=(const TaskCore&) = delete;

    bool scheduled() const { return loop_ != nullptr; }
    bool done() const { return status_ == Status::Done; }
    bool cancelled() const { return cancelled_; }
    const std::string& name() const { return name_; }
    std::uint32_t traceId() const { return traceId_; }
    std::exception_ptr error() const { return promise_->error; }
    PromiseBase& promise() const { return *promise_; }
    std::coroutine_handle<> frame() const { return frame_; }

    // Requests cancellation: a CancelledError is raised at the await point the task is
    // suspended at (or reaches next). False when the task is already done.
    bool cancel();

    // For inline awaiting: the frame may be started once only.
    std::coroutine_handle<> startInline(std::coroutine_handle<> continuation);

    // Leaf awaitables. onCancel forwards a cancellation to what the task waits for and
    // returns true when that thing's completion will wake the task anyway.
    bool cancelPending() const { return cancelRequested_; }
    std::uint64_t suspend(std::coroutine_handle<> at, std::function<bool()> onCancel = {});
    // Replaces the hook suspend() installed (for awaitables that learn it later).
    void setCancelHook(std::function<bool()> onCancel) { onCancel_ = std::move(onCancel); }
    bool waitingFor(std::uint64_t id) const {
        return status_ == Status::Suspended && id == waitId_;
    }
    void wake(std::uint64_t id);
    void throwIfCancelled(); // consumes a pending cancellation
    // Runs on the loop thread when the task finishes (at once if it has).
    void addDoneCallback(std::function<void(TaskCore&)> fn);

private:
    friend class tasklane::EventLoop;
    void step();
    void finish();
    void schedule();
    void destroyFrame();

    std::coroutine_handle<> frame_;
    PromiseBase* promise_;
    std::coroutine_handle<> resumePoint_;
    EventLoop* loop_ = nullptr;
    std::string name_;
    std::function<bool()> onCancel_;
    std::vector<std::function<void(TaskCore&)>> doneCallbacks_;
    std::uint64_t waitId_ = 0;
    std::int64_t waitingSince_ = 0; // trace: when the current queued/awaiting stretch began
    std::uint32_t traceId_ = 0;
    std::uint32_t label_ = 0;
    Status status_ = Status::Created;
    bool started_ = false;
    bool startedInline_ = false;
    bool cancelRequested_ = false;
    bool cancelled_ = false;
};

// The task the calling thread's loop is running; throws when there is none.
TaskCore& currentTask();

} // namespace detail

template <class T> class [[nodiscard]] Task {
public:
    using promise_type = detail::Promise<T>;
    using value_type = T;

    Task() = default;

    bool valid() const { return core_ != nullptr; }
    bool scheduled() const { return core_ && core_->scheduled(); }
    const std::string& name() const { return core_->name(); }
    bool cancel() { return core_ && core_->cancel(); }
    bool done() const { return core_ && core_->done(); }
    bool cancelled() const { return core_ && core_->cancelled(); }

    // A finished task's value; re-raises its exception (CancelledError if cancelled).
    T result() const {
        if (!done())
            throw std::logic_error("InvalidStateError: result is not set");
        if (auto error = core_->error())
            std::rethrow_exception(error);
        if constexpr (!std::is_void_v<T>)
            return *promise().value;
    }
    std::exception_ptr exception() const {
        if (!done())
            throw std::logic_error("InvalidStateError: exception is not set");
        return core_->error();
    }

    const std::shared_ptr<detail::TaskCore>& core() const { return core_; }

    struct Awaiter {
        std::shared_ptr<detail::TaskCore> core;
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
            auto& p = static_cast<promise_type&>(core->promise());
            if (p.error)
                std::rethrow_exception(p.error);
            if constexpr (!std::is_void_v<T>) {
                if (core->scheduled())
                    return *p.value; // others may await it too
                return std::move(*p.value);
            }
        }
    };
    Awaiter operator co_await() const { return Awaiter{core_}; }

private:
    friend struct detail::Promise<T>;
    explicit Task(std::coroutine_handle<promise_type> h)
        : core_(std::make_shared<detail::TaskCore>(h, &h.promise())) {}
    promise_type& promise() const { return static_cast<promise_type&>(core_->promise()); }

    std::shared_ptr<detail::TaskCore> core_;
};

namespace detail {
template <class T> Task<T> Promise<T>::get_return_object() {
    return Task<T>(std::coroutine_handle<Promise<T>>::from_promise(*this));
}
inline Task<void> Promise<void>::get_return_object() {
    return Task<void>(std::coroutine_handle<Promise<void>>::from_promise(*this));
}
} // namespace detail

} // namespace tasklane
