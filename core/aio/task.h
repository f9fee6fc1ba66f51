// Task<T>: an asyncio coroutine in C++20. Calling a `Task<T> f()` coroutine creates it
// suspended; `co_await f()` runs it inline in the awaiting task (symmetric transfer, as
// awaiting a coroutine does in Python), while EventLoop::create_task() schedules it as a
// task of its own with a name, a lifeline in the trace and cancel(); awaiting such a task
// waits for it to finish. Copies share one task, as Python references do.
#pragma once

#include "aio/timer_queue.h"
#include "concurrency/python_error.h"

#include <atomic>
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <new>
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

    // The frame shares its allocation with the task's TaskCore (FrameBlock, below).
    static void* operator new(std::size_t size);
    static void operator delete(void* frame, std::size_t size) noexcept;
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

class TaskCore;

// A place among the event loop's timers. Tasks carry one (a task sleeps or waits with a
// deadline on one thing at a time), so arming a timer for a sleep allocates nothing.
struct TimerNode : TimerQueue::Node {
    bool isTask = false; // firing wakes the task; otherwise it is the loop's CallbackTimer
};

// A done callback without a std::function: the waiter registers itself (ctx) and the index
// of the task among those it waits for. Waiters remove their hooks when they go, so a hook
// never outlives its ctx.
struct DoneHook {
    void (*fn)(void* ctx, TaskCore& done, std::size_t index) = nullptr;
    void* ctx = nullptr;
    std::size_t index = 0;
};

// The shared, type-erased state of one coroutine frame: owns the frame and, once scheduled,
// is what the loop runs step by step. Leaf awaitables (sleep, futures, waits on tasks)
// park the task with suspend() and get an id; wake(id) resumes it unless the id went stale
// (the task was cancelled or resumed meanwhile), so late timers and callbacks are harmless.
// Kept small (a suspended task's cost is this, its frame and the loop's bookkeeping):
// what only some tasks need (a given name, a cancel hook, more than one done callback)
// lives in an Extras block made on first use.
class TaskCore : public TimerNode {
public:
    enum class Status : std::uint8_t { Created, Scheduled, Running, Suspended, Done };

    TaskCore(std::coroutine_handle<> frame, PromiseBase* promise)
        : frame_(frame)
        , promise_(promise)
        , resumePoint_(frame) {
        isTask = true;
    }
    ~TaskCore();
    TaskCore(const TaskCore&) = delete;
    TaskCore& operator=(const TaskCore&) = delete;

    bool scheduled() const { return loop_ != nullptr; }
    bool done() const { return status_ == Status::Done; }
    bool cancelled() const { return cancelled_; }
    const std::string& name() const; // "Task-N" unless given one
    std::uint32_t traceId() const { return extras_ ? extras_->traceId : 0; }
    // What wakers hold: a reference that does not keep the task alive. Only a pending task
    // (the one running, or one suspended) has one to give; a finished task needs no waking.
    std::weak_ptr<TaskCore> weak_from_this() const { return selfRef_; }
    std::exception_ptr error() const { return promise_->error; }
    PromiseBase& promise() const { return *promise_; }
    std::coroutine_handle<> frame() const { return frame_; }
    EventLoop& loop() const { return *loop_; }

    // Requests cancellation: a CancelledError is raised at the await point the task is
    // suspended at (or reaches next). False when the task is already done.
    bool cancel();

    // For inline awaiting: the frame may be started once only.
    std::coroutine_handle<> startInline(std::coroutine_handle<> continuation);

    // Leaf awaitables. onCancel forwards a cancellation to what the task waits for and
    // returns true when that thing's completion will wake the task anyway.
    bool cancelPending() const { return cancelRequested_; }
    std::uint64_t suspend(std::coroutine_handle<> at, std::function<bool()> onCancel = {}) {
        resumePoint_ = at;
        if (onCancel || (extras_ && extras_->onCancel))
            setCancelHook(std::move(onCancel));
        status_ = Status::Suspended;
        return ++waitId_;
    }
    // Replaces the hook suspend() installed (for awaitables that learn it later).
    void setCancelHook(std::function<bool()> onCancel);
    // Wakes the suspended task at `when` unless something else wakes it first (its timer
    // is disarmed whenever it is scheduled). Used by sleep and by waits with a deadline.
    void wakeAt(std::chrono::steady_clock::time_point when);
    bool waitingFor(std::uint64_t id) const {
        return status_ == Status::Suspended && id == waitId_;
    }
    void wake(std::uint64_t id) {
        if (waitingFor(id))
            schedule();
    }
    void throwIfCancelled() {
        if (cancelRequested_)
            raiseCancelled(); // consumes the pending cancellation
    }
    // Runs on the loop thread when the task finishes (at once if it has).
    void addDoneCallback(std::function<void(TaskCore&)> fn);
    // The allocation-free form, in the same order as addDoneCallback's. A hook whose ctx
    // goes away before the task finishes must be removed with removeDoneHooks(ctx).
    void addDoneHook(DoneHook hook);
    void removeDoneHooks(const void* ctx);

private:
    friend class tasklane::EventLoop;
    struct Extras {
        std::string name;
        std::function<bool()> onCancel;
        std::vector<DoneHook> hooks;   // after hook_, in the order they were added
        std::int64_t waitingSince = 0; // trace: when the queued/awaiting stretch began
        std::uint32_t traceId = 0;
        std::uint32_t label = 0;
    };
    Extras& extras() const;
    void step();
    std::shared_ptr<TaskCore> finish(); // returns the loop's reference, to drop last
    void schedule();
    void timerFired() { schedule(); }
    void destroyFrame();
    void clearDoneHooks();
    [[noreturn]] void raiseCancelled();
    static void runOwnedCallback(void* ctx, TaskCore& done, std::size_t);

    std::coroutine_handle<> frame_;
    PromiseBase* promise_;
    std::coroutine_handle<> resumePoint_;
    EventLoop* loop_ = nullptr;
    // While pending, the loop owns the task through this, and lists it (prev_/next_).
    std::shared_ptr<TaskCore> selfRef_;
    TaskCore* prev_ = nullptr;
    TaskCore* next_ = nullptr;
    DoneHook hook_;
    mutable std::unique_ptr<Extras> extras_;
    // 32 bits: a stale waker would need to hold an id from 2^32 suspensions ago.
    std::uint32_t waitId_ = 0;
    std::uint32_t number_ = 0; // for the default name
    Status status_ = Status::Created;
    bool started_ = false;
    bool startedInline_ = false;
    bool cancelRequested_ = false;
    bool cancelled_ = false;
};

// One allocation per task instead of two: [coroutine frame][TaskCore inside its shared_ptr
// control block][Trailer]. Halves the allocator's work for a task and keeps a task's state
// next to its frame (a gather of 100 000 walks them several times). The memory goes when
// both users have let go: the frame (destroyed by ~TaskCore, or earlier) and the control
// block (when the last weak reference goes, which may be on a pool thread). Each finds the
// trailer from what it has: operator delete gets the frame's size, the allocator the tail.
struct FrameBlock {
    // libstdc++'s control block is TaskCore plus a vtable pointer, two counts and the
    // allocator (one pointer); TailAllocator::allocate checks that at compile time.
    static constexpr std::size_t kTail = sizeof(TaskCore) + 24;
    struct Trailer {
        std::atomic<std::uint32_t> owners; // the frame, and the control block once placed
        std::uint32_t frameRoom;           // from the frame's start to the tail
    };

    static std::size_t frameRoom(std::size_t frameSize) {
        return (frameSize + 7) & ~std::size_t(7);
    }
    static Trailer& trailer(std::byte* tail) {
        return *std::launder(reinterpret_cast<Trailer*>(tail + kTail));
    }
    static void release(std::byte* tail) noexcept {
        Trailer& t = trailer(tail);
        if (t.owners.fetch_sub(1, std::memory_order_acq_rel) == 1)
            ::operator delete(static_cast<void*>(tail - t.frameRoom));
    }
};

// The frame operator new made last on this thread and the room after it for the core;
// Task's constructor (get_return_object, which runs right after) claims it.
struct NewestFrame {
    void* frame = nullptr;
    std::byte* tail = nullptr;
};
inline thread_local NewestFrame t_newestFrame;

inline void* PromiseBase::operator new(std::size_t size) {
    const std::size_t room = FrameBlock::frameRoom(size);
    auto* frame = static_cast<std::byte*>(
        ::operator new(room + FrameBlock::kTail + sizeof(FrameBlock::Trailer)));
    std::byte* tail = frame + room;
    new (tail + FrameBlock::kTail) FrameBlock::Trailer{{1}, std::uint32_t(room)};
    t_newestFrame = {frame, tail};
    return frame;
}

inline void PromiseBase::operator delete(void* frame, std::size_t size) noexcept {
    FrameBlock::release(static_cast<std::byte*>(frame) + FrameBlock::frameRoom(size));
}

// Places the shared_ptr control block in the tail of the frame's allocation.
template <class U> struct TailAllocator {
    using value_type = U;
    std::byte* tail;

    explicit TailAllocator(std::byte* t) noexcept
        : tail(t) {}
    template <class V>
    TailAllocator(const TailAllocator<V>& o) noexcept
        : tail(o.tail) {}
    U* allocate(std::size_t n) {
        static_assert(sizeof(U) <= FrameBlock::kTail && alignof(U) <= 8,
                      "the control block outgrew FrameBlock::kTail");
        if (n != 1)
            throw std::bad_alloc();
        FrameBlock::trailer(tail).owners.fetch_add(1, std::memory_order_relaxed);
        return reinterpret_cast<U*>(tail);
    }
    void deallocate(U*, std::size_t) noexcept { FrameBlock::release(tail); }
    template <class V> bool operator==(const TailAllocator<V>& o) const noexcept {
        return tail == o.tail;
    }
};

inline std::shared_ptr<TaskCore> makeTaskCore(std::coroutine_handle<> frame, PromiseBase* promise) {
    // The frame is the one just made here unless a compiler places frames differently
    // (or elides the allocation): then the core gets an allocation of its own.
    const NewestFrame newest = std::exchange(t_newestFrame, {});
    if (newest.frame == frame.address())
        return std::allocate_shared<TaskCore>(TailAllocator<TaskCore>(newest.tail), frame, promise);
    return std::make_shared<TaskCore>(frame, promise);
}

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
        : core_(detail::makeTaskCore(h, &h.promise())) {}
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
