#include "aio/event_loop.h"

#include "futures/thread_pool_executor.h"
#include "trace/trace_recorder.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <stdexcept>
#include <system_error>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace tasklane {

namespace {

thread_local EventLoop* currentLoop = nullptr;

bool laterTimer(const auto& a, const auto& b) {
    return a.when != b.when ? a.when > b.when : a.seq > b.seq;
}

void runCallback(std::function<void()>& fn) {
    try {
        fn();
    } catch (const std::exception& e) {
        // asyncio logs an exception raised by a callback and carries on.
        std::fprintf(stderr, "tasklane: exception in event loop callback: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "tasklane: exception in event loop callback\n");
    }
}

} // namespace

EventLoop::EventLoop()
    : EventLoop(Options{}) {}

EventLoop::EventLoop(TraceRecorder* recorder)
    : EventLoop(Options{recorder, 0, "event loop"}) {}

EventLoop::EventLoop(Options options)
    : options_(std::move(options)) {
    if (currentLoop)
        throw std::runtime_error("RuntimeError: this thread already has an event loop");
    wakeFd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    if (wakeFd_ < 0 || epoll_ < 0) {
        const int err = errno;
        if (wakeFd_ >= 0)
            ::close(wakeFd_);
        if (epoll_ >= 0)
            ::close(epoll_);
        throw std::system_error(err, std::generic_category(), "event loop: eventfd/epoll");
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = wakeFd_;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wakeFd_, &ev);
    if (options_.recorder)
        track_ = options_.recorder->addTrack(TrackKind::EventLoop, options_.track_name);
    currentLoop = this;
}

EventLoop::~EventLoop() {
    // The pool first: its last done callbacks post here, so everything they hold is queued
    // (and released below, on this thread) before the queues go.
    executor_.reset();
    {
        std::lock_guard lock(postedMutex_);
        posted_.clear();
    }
    ready_.clear();
    for (Timer& timer : timers_)
        *timer.cancelled = true; // handles that outlive the loop must not call back into it
    timers_.clear();
    cancelledTimers_ = 0;
    // Pending tasks die with the loop. Their frames go first, explicitly, so that tasks
    // holding each other (a waits for b, b's callback knows a) cannot keep each other alive.
    auto pending = std::move(tasks_);
    tasks_.clear();
    for (auto& [raw, task] : pending) {
        task->doneCallbacks_.clear();
        task->onCancel_ = nullptr;
        task->destroyFrame();
    }
    pending.clear();
    ::close(epoll_);
    ::close(wakeFd_);
    currentLoop = nullptr;
}

EventLoop* EventLoop::current() {
    return currentLoop;
}

EventLoop& EventLoop::require() {
    if (!currentLoop)
        throw std::runtime_error("RuntimeError: no running event loop");
    return *currentLoop;
}

void EventLoop::adopt(const std::shared_ptr<detail::TaskCore>& task, std::string name) {
    if (!task)
        throw std::invalid_argument("create_task: an empty Task");
    if (task->scheduled()) {
        if (task->loop_ != this)
            throw std::logic_error("create_task: the task belongs to another event loop");
        return;
    }
    if (task->startedInline_)
        throw std::logic_error("RuntimeError: cannot reuse already awaited coroutine");
    const std::uint64_t number = nextTaskNumber_++;
    task->name_ = name.empty() ? "Task-" + std::to_string(number) : std::move(name);
    task->loop_ = this;
    if (TraceRecorder* rec = options_.recorder) {
        task->traceId_ = rec->newTaskId();
        task->label_ = rec->intern(task->name_);
        task->waitingSince_ = TraceRecorder::now();
    }
    tasks_.emplace(task.get(), task);
    task->schedule();
}

void EventLoop::call_soon(std::function<void()> fn) {
    ready_.push_back({nullptr, std::move(fn)});
}

void EventLoop::call_soon_threadsafe(std::function<void()> fn) {
    {
        std::lock_guard lock(postedMutex_);
        posted_.push_back(std::move(fn));
    }
    const std::uint64_t one = 1;
    // EAGAIN means the counter is already non-zero: the loop will wake anyway.
    [[maybe_unused]] const auto n = ::write(wakeFd_, &one, sizeof one);
}

TimerHandle EventLoop::call_at(Clock::time_point when, std::function<void()> fn) {
    auto flag = std::make_shared<bool>(false);
    timers_.push_back({when, timerSeq_++, std::move(fn), flag});
    std::push_heap(timers_.begin(), timers_.end(), laterTimer<Timer, Timer>);
    return TimerHandle(this, std::move(flag));
}

void TimerHandle::cancel() {
    if (!flag_ || *flag_)
        return;
    *flag_ = true;
    loop_->timerCancelled();
}

void EventLoop::timerCancelled() {
    // A wait_for that finished early leaves its timeout behind; sweep once such entries
    // are the majority, so a long-lived loop does not accumulate them (asyncio does so too).
    ++cancelledTimers_;
    if (cancelledTimers_ < 64 || cancelledTimers_ * 2 < timers_.size())
        return;
    std::erase_if(timers_, [](const Timer& t) { return *t.cancelled; });
    std::make_heap(timers_.begin(), timers_.end(), laterTimer<Timer, Timer>);
    cancelledTimers_ = 0;
}

ThreadPoolExecutor& EventLoop::executor() {
    if (!executor_) {
        ThreadPoolExecutor::Options o;
        o.max_workers = options_.max_workers;
        o.recorder = options_.recorder;
        o.submitter_track = track_;
        o.thread_name_prefix = "asyncio";
        executor_ = std::make_unique<ThreadPoolExecutor>(std::move(o));
    }
    return *executor_;
}

void EventLoop::print(std::string line) {
    if (TraceRecorder* rec = options_.recorder)
        rec->instant(track_, TraceRecorder::now(), rec->intern(line),
                     running_task_ ? running_task_->traceId() : 0);
    printed_.push_back(std::move(line));
}

void print(std::string line) {
    EventLoop::require().print(std::move(line));
}

void EventLoop::runUntilComplete(detail::TaskCore& main) {
    if (running_)
        throw std::runtime_error("RuntimeError: this event loop is already running");
    if (currentLoop != this)
        throw std::runtime_error("RuntimeError: the event loop runs on the thread that made it");
    running_ = true;
    struct Reset {
        bool& flag;
        ~Reset() { flag = false; }
    } reset{running_};
    while (!main.done())
        runOnce();
    // asyncio.run: cancel what is left and let it run its cleanup to the end.
    std::vector<std::shared_ptr<detail::TaskCore>> left;
    left.reserve(tasks_.size());
    for (auto& [raw, task] : tasks_)
        left.push_back(task);
    for (auto& task : left)
        task->cancel();
    left.clear();
    while (!tasks_.empty())
        runOnce();
}

void EventLoop::runOnce() {
    while (!timers_.empty() && *timers_.front().cancelled) {
        std::pop_heap(timers_.begin(), timers_.end(), laterTimer<Timer, Timer>);
        timers_.pop_back();
        --cancelledTimers_;
    }
    int timeoutMs = -1;
    if (!ready_.empty()) {
        timeoutMs = 0;
    } else if (!timers_.empty()) {
        const auto wait = timers_.front().when - Clock::now();
        // Rounded up: epoll must not return before the deadline (sleep is never early).
        timeoutMs =
            wait.count() <= 0
                ? 0
                : static_cast<int>(std::min<std::int64_t>(
                      std::chrono::ceil<std::chrono::milliseconds>(wait).count(), 1'000'000));
    }
    epoll_event events[4];
    const int n = ::epoll_wait(epoll_, events, 4, timeoutMs);
    if (n > 0) {
        std::uint64_t count = 0;
        [[maybe_unused]] const auto r = ::read(wakeFd_, &count, sizeof count);
    }
    {
        std::vector<std::function<void()>> posted;
        {
            std::lock_guard lock(postedMutex_);
            posted.swap(posted_);
        }
        for (auto& fn : posted)
            ready_.push_back({nullptr, std::move(fn)});
    }
    const auto now = Clock::now();
    while (!timers_.empty() && timers_.front().when <= now) {
        std::pop_heap(timers_.begin(), timers_.end(), laterTimer<Timer, Timer>);
        Timer timer = std::move(timers_.back());
        timers_.pop_back();
        if (*timer.cancelled) {
            --cancelledTimers_;
            continue;
        }
        *timer.cancelled = true; // fired: a later cancel() is a no-op
        ready_.push_back({nullptr, std::move(timer.fn)});
    }
    // Only what is ready now: what these steps schedule runs on the next round, after
    // timers and other threads had their chance, as in asyncio's _run_once.
    for (std::size_t count = ready_.size(); count > 0 && !ready_.empty(); --count) {
        Ready item = std::move(ready_.front());
        ready_.pop_front();
        if (item.task)
            item.task->step();
        else
            runCallback(item.fn);
    }
}

} // namespace tasklane
