// TaskCore: the type-erased state of one coroutine, kept in its promise (every Task<T>'s
// promise derives from it), so a task is one allocation: the coroutine frame, state included.
// It is what the loop runs step by step once the task is scheduled. Leaf awaitables (sleep,
// futures, waits on tasks) park the task with suspend() and get an id; wake(id) resumes it
// unless the id went stale (the task was cancelled or resumed meanwhile), so late timers and
// callbacks are harmless.
//
// The state is the promise, as asio keeps an awaitable's in its awaitable_frame; ownership is
// an intrusive count there, as cppcoro's shared_task keeps: TaskRef holds one (every Task<T>
// handle, and the loop while the task is pending), and the last to let go destroys the frame,
// which runs the destructors of the coroutine's locals and frees the one allocation. The
// count is atomic because handles cross threads (a stop request copies one on the GUI thread
// to post a cancel() to the loop), and whichever thread drops the last one destroys the frame,
// ordered after every other thread's use by the count's acquire-release. Nothing else here is
// touched off the loop thread.
//
// What wakes a task without owning it is a WeakTaskRef: the loop's slot number for a pending
// task and that slot's generation, which the loop moves on when the task leaves, so a stale
// one finds nothing. It holds no count, so copying or dropping one on a pool thread (to_thread
// posts its wake-up from there) costs nothing and touches no task; lock() belongs on the loop
// thread, where every wake-up runs.
#pragma once

#include "aio/timer_queue.h"

#include <atomic>
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tasklane {

class EventLoop;

namespace detail {

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

// An owning reference to a task (its state and frame), as std::shared_ptr would be, with the
// count in the task.
class TaskRef {
public:
    TaskRef() = default;
    explicit TaskRef(TaskCore* task) noexcept;
    TaskRef(const TaskRef& other) noexcept
        : TaskRef(other.task_) {}
    TaskRef(TaskRef&& other) noexcept
        : task_(std::exchange(other.task_, nullptr)) {}
    TaskRef& operator=(TaskRef other) noexcept {
        std::swap(task_, other.task_);
        return *this;
    }
    ~TaskRef();

    // Takes over a reference already counted for it.
    static TaskRef adopt(TaskCore* task) noexcept {
        TaskRef ref;
        ref.task_ = task;
        return ref;
    }

    TaskCore* get() const noexcept { return task_; }
    TaskCore* operator->() const noexcept { return task_; }
    TaskCore& operator*() const noexcept { return *task_; }
    explicit operator bool() const noexcept { return task_ != nullptr; }

private:
    TaskCore* task_ = nullptr;
};

// A reference that wakes a pending task without keeping it alive (see the opening comment).
class WeakTaskRef {
public:
    WeakTaskRef() = default;
    // The task while it is pending, else null. On the loop's thread only.
    TaskRef lock() const;

private:
    friend class TaskCore;
    WeakTaskRef(EventLoop* loop, std::uint32_t slot, std::uint32_t generation)
        : loop_(loop)
        , slot_(slot)
        , generation_(generation) {}
    EventLoop* loop_ = nullptr;
    std::uint32_t slot_ = 0;
    std::uint32_t generation_ = 0;
};

// Kept small (a suspended task's cost is this, the rest of its frame and the loop's
// bookkeeping): what only some tasks need (a given name, a cancel hook, more than one done
// callback) lives in an Extras block made on first use.
class TaskCore : public TimerNode {
public:
    enum class Status : std::uint8_t { Created, Scheduled, Running, Suspended, Done };

    TaskCore() { isTask = true; }
    ~TaskCore();
    TaskCore(const TaskCore&) = delete;
    TaskCore& operator=(const TaskCore&) = delete;

    bool scheduled() const { return loop_ != nullptr; }
    bool done() const { return status_ == Status::Done; }
    bool cancelled() const { return cancelled_; }
    const std::string& name() const; // "Task-N" unless given one
    std::uint32_t traceId() const { return extras_ ? extras_->traceId : 0; }
    // What wakers hold. Only a pending task (the one running, or one suspended) has one to
    // give; a finished task needs no waking.
    WeakTaskRef weak_from_this();
    std::exception_ptr error() const { return error_; }
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
    // The wait just begun is for a slot other tasks hold (a semaphore's permit, a lock):
    // traced as lock-wait rather than awaiting, so that the run's figures do not count it as
    // the task's own time (it is the holders' time, counted for them).
    void waitingForOthers() {
        if (extras_)
            extras_->lockWait = true;
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

protected:
    // The promise's part: its frame, once made, and how the coroutine ended.
    void bindFrame(std::coroutine_handle<> frame) { frame_ = resumePoint_ = frame; }
    std::coroutine_handle<> continuation_; // the inline awaiter, resumed at the end
    std::exception_ptr error_;

private:
    friend class tasklane::EventLoop;
    friend class TaskRef;
    struct Extras {
        std::string name;
        std::function<bool()> onCancel;
        std::vector<DoneHook> hooks;   // after hook_, in the order they were added
        std::int64_t waitingSince = 0; // trace: when the queued/awaiting stretch began
        std::uint32_t traceId = 0;
        std::uint32_t label = 0;
        bool lockWait = false; // the stretch since waitingSince is a waitingForOthers() one
    };
    Extras& extras() const;
    // Relaxed is enough to take a reference from one already held; the release that drops
    // the last must see every write made through the others (acq_rel), as shared_ptr's does.
    void addRef() noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
    static void release(TaskCore* task) noexcept;
    bool pending() const { return loop_ && status_ != Status::Done; }
    void step();
    TaskRef finish(); // returns the loop's reference, to drop last
    void schedule();
    void timerFired() { schedule(); }
    void clearDoneHooks();
    [[noreturn]] void raiseCancelled();
    static void runOwnedCallback(void* ctx, TaskCore& done, std::size_t);

    std::coroutine_handle<> frame_;
    std::coroutine_handle<> resumePoint_;
    EventLoop* loop_ = nullptr;
    // While pending, the loop holds a reference and lists the task (prev_/next_).
    TaskCore* prev_ = nullptr;
    TaskCore* next_ = nullptr;
    DoneHook hook_;
    mutable std::unique_ptr<Extras> extras_;
    std::atomic<std::uint32_t> refs_{0};
    // 32 bits: a stale waker would need to hold an id from 2^32 suspensions ago.
    std::uint32_t waitId_ = 0;
    std::uint32_t number_ = 0;    // for the default name
    std::uint32_t wakerSlot_ = 0; // 1 + its slot among the loop's weak references; 0: none
    Status status_ = Status::Created;
    bool started_ = false;
    bool startedInline_ = false;
    bool cancelRequested_ = false;
    bool cancelled_ = false;
};

inline TaskRef::TaskRef(TaskCore* task) noexcept
    : task_(task) {
    if (task_)
        task_->addRef();
}

inline TaskRef::~TaskRef() {
    if (task_)
        TaskCore::release(task_);
}

inline void TaskCore::release(TaskCore* task) noexcept {
    if (task->refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        // The state lives in the frame: destroying it ends both.
        const std::coroutine_handle<> frame = task->frame_;
        frame.destroy();
    }
}

// The task the calling thread's loop is running; throws RuntimeError when there is none.
TaskCore& currentTask();

} // namespace detail
} // namespace tasklane
