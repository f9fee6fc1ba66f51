#include "aio/task.h"

#include "aio/event_loop.h"
#include "trace/trace_recorder.h"
#include "workload/task_context.h"

#include <cstdio>
#include <optional>

namespace tasklane::detail {

TaskCore::~TaskCore() {
    destroyFrame();
}

void TaskCore::destroyFrame() {
    // Destroying a suspended frame runs the destructors of its locals (RAII cleanup), and
    // of the inline-awaited frames it owns, so whole await chains go at once.
    if (auto frame = std::exchange(frame_, {}))
        frame.destroy();
    resumePoint_ = {};
}

std::coroutine_handle<> TaskCore::startInline(std::coroutine_handle<> continuation) {
    if (startedInline_ || status_ != Status::Created)
        throw std::logic_error("RuntimeError: cannot reuse already awaited coroutine");
    startedInline_ = true;
    promise_->continuation = continuation;
    return frame_;
}

bool TaskCore::cancel() {
    if (!loop_ || status_ == Status::Done)
        return false;
    cancelRequested_ = true;
    if (status_ == Status::Suspended) {
        auto forward = std::exchange(onCancel_, nullptr);
        if (forward && forward())
            return true; // what it waits for will finish cancelled and wake it
        ++waitId_;       // whatever was going to wake it is stale now
        schedule();
    }
    // Created/Scheduled/Running: raised at the next await point the task reaches.
    return true;
}

std::uint64_t TaskCore::suspend(std::coroutine_handle<> at, std::function<bool()> onCancel) {
    resumePoint_ = at;
    onCancel_ = std::move(onCancel);
    status_ = Status::Suspended;
    return ++waitId_;
}

void TaskCore::wake(std::uint64_t id) {
    if (waitingFor(id))
        schedule();
}

void TaskCore::schedule() {
    status_ = Status::Scheduled;
    onCancel_ = nullptr;
    loop_->ready_.push_back({shared_from_this(), {}});
}

void TaskCore::throwIfCancelled() {
    if (std::exchange(cancelRequested_, false))
        throw CancelledError();
}

void TaskCore::addDoneCallback(std::function<void(TaskCore&)> fn) {
    if (status_ == Status::Done)
        fn(*this);
    else
        doneCallbacks_.push_back(std::move(fn));
}

void TaskCore::step() {
    auto self = shared_from_this(); // a done callback may drop the last other reference
    EventLoop& loop = *loop_;
    TraceRecorder* rec = loop.options_.recorder;
    TaskCore* outer = std::exchange(loop.running_task_, this);
    status_ = Status::Running;
    const std::int64_t begin = rec ? TraceRecorder::now() : 0;
    if (rec && waitingSince_)
        rec->asyncSlice(loop.track_, started_ ? State::Awaiting : State::Queued, waitingSince_,
                        begin, traceId_, label_);

    // The step's running slice on the loop track goes through a TaskContext, so blocking
    // work done inside a coroutine (a workload's io(), the classic asyncio mistake) shows
    // as that state on the loop track, blocking everything else.
    std::optional<TaskContext> context;
    if (rec) {
        context.emplace(rec, loop.track_, traceId_, label_, nullptr);
        context->enter(State::Running);
    }

    if (!started_ && cancelRequested_) {
        // Cancelled before it ever ran: the body never starts, as in asyncio.
        cancelRequested_ = false;
        promise_->error = std::make_exception_ptr(CancelledError());
    } else {
        started_ = true;
        std::exchange(resumePoint_, {}).resume();
    }

    if (rec) {
        context.reset();
        const std::int64_t end = TraceRecorder::now();
        rec->asyncSlice(loop.track_, State::Running, begin, end, traceId_, label_);
        waitingSince_ = end;
    }
    loop.running_task_ = outer;

    if (!frame_ || frame_.done() || (!started_ && promise_->error)) {
        finish();
    } else if (status_ == Status::Running) {
        // Suspended on an awaitable that is not the loop's: nothing will ever resume it.
        std::fprintf(stderr,
                     "tasklane: task '%s' awaited something the event loop cannot "
                     "wake; it stays suspended\n",
                     name_.c_str());
        status_ = Status::Suspended;
        ++waitId_;
    }
}

void TaskCore::finish() {
    status_ = Status::Done;
    onCancel_ = nullptr;
    if (promise_->error) {
        try {
            std::rethrow_exception(promise_->error);
        } catch (const CancelledError&) {
            cancelled_ = true;
        } catch (...) {
        }
    }
    auto callbacks = std::move(doneCallbacks_);
    doneCallbacks_.clear();
    for (auto& fn : callbacks)
        fn(*this);
    loop_->forget(this);
}

TaskCore& currentTask() {
    EventLoop* loop = EventLoop::current();
    if (!loop || !loop->runningTask())
        throw std::runtime_error("RuntimeError: no running event loop (await inside a task)");
    return *loop->runningTask();
}

} // namespace tasklane::detail
