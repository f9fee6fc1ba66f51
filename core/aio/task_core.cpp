#include "aio/task_core.h"

#include "aio/event_loop.h"
#include "concurrency/python_error.h"
#include "trace/trace_recorder.h"
#include "workload/task_context.h"

#include <cstdio>
#include <optional>

namespace tasklane::detail {

// Runs as the frame is destroyed (the last reference went): the coroutine's locals have gone
// already, with their RAII cleanup and the inline-awaited frames they owned.
TaskCore::~TaskCore() {
    // A pending task is owned by its loop, which disarms what it holds before letting go;
    // this is for a task that dies armed all the same.
    if (armed() && loop_)
        loop_->disarmTimer(*this);
    clearDoneHooks();
}

WeakTaskRef TaskCore::weak_from_this() {
    if (!pending())
        return {};
    const std::uint32_t slot = loop_->weakSlot(*this);
    return WeakTaskRef(loop_, slot, loop_->weakGeneration(slot));
}

TaskRef WeakTaskRef::lock() const {
    return TaskRef(loop_ ? loop_->weakTarget(slot_, generation_) : nullptr);
}

TaskCore::Extras& TaskCore::extras() const {
    if (!extras_)
        extras_ = std::make_unique<Extras>();
    return *extras_;
}

const std::string& TaskCore::name() const {
    // Named on demand: most tasks of a big gather are never asked for theirs.
    if (extras_ && !extras_->name.empty())
        return extras_->name;
    if (number_ == 0) {
        static const std::string unnamed;
        return unnamed;
    }
    return extras().name = "Task-" + std::to_string(number_);
}

std::coroutine_handle<> TaskCore::startInline(std::coroutine_handle<> continuation) {
    if (startedInline_ || status_ != Status::Created)
        throw RuntimeError("cannot reuse already awaited coroutine");
    startedInline_ = true;
    continuation_ = continuation;
    return frame_;
}

bool TaskCore::cancel() {
    if (!loop_ || status_ == Status::Done)
        return false;
    cancelRequested_ = true;
    if (status_ == Status::Suspended) {
        std::function<bool()> forward;
        if (extras_)
            forward = std::exchange(extras_->onCancel, nullptr);
        if (forward && forward()) {
            // What it waits for will finish cancelled and wake it; a deadline must not
            // wake it before that.
            if (armed())
                loop_->disarmTimer(*this);
            return true;
        }
        ++waitId_; // whatever was going to wake it is stale now
        schedule();
    }
    // Created/Scheduled/Running: raised at the next await point the task reaches.
    return true;
}

void TaskCore::setCancelHook(std::function<bool()> onCancel) {
    if (onCancel || extras_)
        extras().onCancel = std::move(onCancel);
}

void TaskCore::wakeAt(std::chrono::steady_clock::time_point when) {
    loop_->armTimer(*this, when);
}

void TaskCore::schedule() {
    status_ = Status::Scheduled;
    if (extras_)
        extras_->onCancel = nullptr;
    if (armed())
        loop_->disarmTimer(*this); // woken by something else first: the deadline goes
    loop_->pushReady(this);
}

void TaskCore::raiseCancelled() {
    cancelRequested_ = false;
    throw CancelledError();
}

void TaskCore::runOwnedCallback(void* ctx, TaskCore& done, std::size_t) {
    (*static_cast<std::function<void(TaskCore&)>*>(ctx))(done);
}

void TaskCore::addDoneCallback(std::function<void(TaskCore&)> fn) {
    if (status_ == Status::Done)
        fn(*this);
    else
        addDoneHook({&runOwnedCallback, new std::function<void(TaskCore&)>(std::move(fn)), 0});
}

void TaskCore::addDoneHook(DoneHook hook) {
    if (status_ == Status::Done) {
        hook.fn(hook.ctx, *this, hook.index);
        return;
    }
    if (!hook_.fn && (!extras_ || extras_->hooks.empty()))
        hook_ = hook;
    else
        extras().hooks.push_back(hook);
}

void TaskCore::removeDoneHooks(const void* ctx) {
    if (hook_.ctx == ctx)
        hook_ = {};
    if (!extras_)
        return;
    if (status_ == Status::Done) {
        // finish() is walking the list: leave the places, empty.
        for (DoneHook& h : extras_->hooks)
            if (h.ctx == ctx)
                h = {};
    } else {
        std::erase_if(extras_->hooks, [ctx](const DoneHook& h) { return h.ctx == ctx; });
    }
}

void TaskCore::clearDoneHooks() {
    auto drop = [](DoneHook& h) {
        if (h.fn == &runOwnedCallback)
            delete static_cast<std::function<void(TaskCore&)>*>(h.ctx);
        h = {};
    };
    drop(hook_);
    if (extras_) {
        for (DoneHook& h : extras_->hooks)
            drop(h);
        extras_->hooks.clear();
    }
}

void TaskCore::step() {
    EventLoop& loop = *loop_;
    TraceRecorder* rec = loop.options_.recorder;
    TaskCore* outer = std::exchange(loop.running_task_, this);
    status_ = Status::Running;
    // Traced tasks keep their ids in extras (made when the task was scheduled).
    Extras* trace = rec ? extras_.get() : nullptr;
    const std::int64_t begin = trace ? TraceRecorder::now() : 0;
    if (trace && trace->waitingSince) {
        const State waited = !started_         ? State::Queued
                             : trace->lockWait ? State::LockWait
                                               : State::Awaiting;
        rec->asyncSlice(loop.track_, waited, trace->waitingSince, begin, trace->traceId,
                        trace->label);
        trace->lockWait = false;
    }

    // The step's running slice on the loop track goes through a TaskContext, so blocking
    // work done inside a coroutine (a workload's io(), the classic asyncio mistake) shows
    // as that state on the loop track, blocking everything else.
    std::optional<TaskContext> context;
    if (trace) {
        context.emplace(rec, loop.track_, trace->traceId, trace->label, nullptr);
        context->enter(State::Running);
    }

    if (!started_ && cancelRequested_) {
        // Cancelled before it ever ran: the body never starts, as in asyncio.
        cancelRequested_ = false;
        error_ = std::make_exception_ptr(CancelledError());
    } else {
        started_ = true;
        std::exchange(resumePoint_, {}).resume();
    }

    if (trace) {
        context.reset();
        const std::int64_t end = TraceRecorder::now();
        rec->asyncSlice(loop.track_, State::Running, begin, end, trace->traceId, trace->label);
        trace->waitingSince = end;
    }
    loop.running_task_ = outer;

    if (frame_.done() || (!started_ && error_)) {
        // The loop's reference goes last, when nothing here touches the task any more.
        const TaskRef last = finish();
    } else if (status_ == Status::Running) {
        // Suspended on an awaitable that is not the loop's: nothing will ever resume it.
        std::fprintf(stderr,
                     "tasklane: task '%s' awaited something the event loop cannot "
                     "wake; it stays suspended\n",
                     name().c_str());
        status_ = Status::Suspended;
        ++waitId_;
    }
}

TaskRef TaskCore::finish() {
    status_ = Status::Done;
    if (armed())
        loop_->disarmTimer(*this);
    if (error_) {
        try {
            std::rethrow_exception(error_);
        } catch (const CancelledError&) {
            cancelled_ = true;
        } catch (...) {
        }
    }
    // One at a time from where they are kept, so a hook removed by an earlier one's
    // effects is not run.
    auto run = [this](DoneHook h) {
        if (h.fn == &runOwnedCallback) {
            std::unique_ptr<std::function<void(TaskCore&)>> fn(
                static_cast<std::function<void(TaskCore&)>*>(h.ctx));
            (*fn)(*this);
        } else if (h.fn) {
            h.fn(h.ctx, *this, h.index);
        }
    };
    run(std::exchange(hook_, {}));
    if (extras_) {
        extras_->onCancel = nullptr;
        for (auto& hook : extras_->hooks)
            run(std::exchange(hook, {}));
        extras_->hooks.clear();
    }
    return loop_->forget(this);
}

TaskCore& currentTask() {
    EventLoop* loop = EventLoop::current();
    if (!loop || !loop->runningTask())
        throw RuntimeError("no running event loop");
    return *loop->runningTask();
}

} // namespace tasklane::detail
