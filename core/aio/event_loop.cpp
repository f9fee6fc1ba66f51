#include "aio/event_loop.h"

#include "concurrency/python_error.h"
#include "futures/thread_pool_executor.h"
#include "trace/trace_recorder.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <stdexcept>
#include <system_error>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

namespace tasklane {

namespace {

thread_local EventLoop* currentLoop = nullptr;

// How far ahead of the step it runs a ready round fetches a task into the cache: a step
// takes tens of nanoseconds and a miss to memory about a hundred, so a few steps ahead. One
// fetch per task: its state is its frame's promise, near the frame's start, where resuming reads
// first. (A second fetch, of the frame's start or of the line after the state, two steps
// ahead, measured no faster on a gather of 100 000 once both were one allocation.)
constexpr std::size_t kPrefetchAhead = 4;

// The loop watches two descriptors (the wake-up eventfd and the timerfd); one epoll_wait
// reports both with room to spare.
constexpr int kMaxEpollEvents = 4;

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
        throw RuntimeError("this thread already has an event loop");
    wakeFd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    timerFd_ = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    if (wakeFd_ < 0 || timerFd_ < 0 || epoll_ < 0) {
        const int err = errno;
        for (int fd : {wakeFd_, timerFd_, epoll_})
            if (fd >= 0)
                ::close(fd);
        throw std::system_error(err, std::generic_category(), "event loop: eventfd/timerfd/epoll");
    }
    for (int fd : {wakeFd_, timerFd_}) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev);
    }
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
    callbacks_.clear();
    // Handles that outlive the loop must not call back into it.
    std::vector<std::shared_ptr<detail::CallbackTimer>> callbackTimers;
    timers_.clear([&callbackTimers](TimerQueue::Node& node) {
        auto& timer = static_cast<detail::TimerNode&>(node);
        if (!timer.isTask) {
            auto& callback = static_cast<detail::CallbackTimer&>(timer);
            callback.done = true;
            callbackTimers.push_back(std::move(callback.self));
        }
    });
    callbackTimers.clear();
    // Pending tasks die with the loop: its references go, and with the last one a frame
    // (running its locals' destructors). First the hooks and cancel forwarders, which point
    // into other tasks' frames or hold them, so none outlives what it points to and tasks
    // waiting on each other (a waits for b, b's callback knows a) keep nothing alive. A task
    // still held elsewhere (a Task handle kept past its loop) is cut off from the loop, and
    // its frame goes with that handle. (Frames that hold handles to each other would keep
    // each other, as any counted references do; tasks only hold the tasks they await.)
    std::vector<detail::TaskRef> pending;
    pending.reserve(pendingCount_);
    while (pendingHead_)
        pending.push_back(forget(pendingHead_));
    for (auto& task : pending) {
        task->clearDoneHooks();
        if (task->extras_)
            task->extras_->onCancel = nullptr;
        task->loop_ = nullptr;
    }
    pending.clear();
    ::close(epoll_);
    ::close(timerFd_);
    ::close(wakeFd_);
    currentLoop = nullptr;
}

EventLoop* EventLoop::current() {
    return currentLoop;
}

EventLoop& EventLoop::require() {
    if (!currentLoop)
        throw RuntimeError("no running event loop");
    return *currentLoop;
}

void EventLoop::adopt(detail::TaskCore* task, std::string name) {
    // An empty handle (default-made or moved from) is what None is to create_task().
    if (!task)
        throw TypeError("a coroutine was expected, got None");
    if (task->scheduled()) {
        // As asyncio.ensure_future(task, loop=this) words it.
        if (task->loop_ != this)
            throw ValueError(
                "The future belongs to a different loop than the one specified as the loop "
                "argument");
        return;
    }
    if (task->startedInline_)
        throw RuntimeError("cannot reuse already awaited coroutine");
    task->number_ = static_cast<std::uint32_t>(nextTaskNumber_++);
    if (!name.empty())
        task->extras().name = std::move(name);
    task->loop_ = this;
    if (TraceRecorder* rec = options_.recorder) {
        auto& extras = task->extras();
        extras.traceId = rec->newTaskId();
        extras.label = rec->intern(task->name());
        extras.waitingSince = TraceRecorder::now();
    }
    task->addRef(); // the loop's, handed back by forget()
    task->prev_ = pendingTail_;
    task->next_ = nullptr;
    (pendingTail_ ? pendingTail_->next_ : pendingHead_) = task;
    pendingTail_ = task;
    ++pendingCount_;
    task->schedule();
}

detail::TaskRef EventLoop::forget(detail::TaskCore* task) {
    (task->prev_ ? task->prev_->next_ : pendingHead_) = task->next_;
    (task->next_ ? task->next_->prev_ : pendingTail_) = task->prev_;
    task->prev_ = task->next_ = nullptr;
    --pendingCount_;
    dropWeakSlot(*task);
    return detail::TaskRef::adopt(task);
}

std::uint32_t EventLoop::weakSlot(detail::TaskCore& task) {
    if (task.wakerSlot_ == 0) {
        std::uint32_t slot = 0;
        if (freeWeakSlots_.empty()) {
            slot = static_cast<std::uint32_t>(weakSlots_.size());
            weakSlots_.emplace_back();
        } else {
            slot = freeWeakSlots_.back();
            freeWeakSlots_.pop_back();
        }
        weakSlots_[slot].task = &task;
        task.wakerSlot_ = slot + 1;
    }
    return task.wakerSlot_ - 1;
}

void EventLoop::dropWeakSlot(detail::TaskCore& task) {
    if (task.wakerSlot_ == 0)
        return;
    const std::uint32_t slot = std::exchange(task.wakerSlot_, 0) - 1;
    // 32 bits: a stale reference would need to outlive 2^32 tasks in its slot.
    weakSlots_[slot].task = nullptr;
    ++weakSlots_[slot].generation;
    freeWeakSlots_.push_back(slot);
}

void EventLoop::ReadyQueue::grow() {
    std::vector<detail::TaskCore*> bigger(ring_.empty() ? kFirstCapacity : ring_.size() * 2);
    for (std::size_t i = 0; i < count_; ++i)
        bigger[i] = ring_[(head_ + i) & (ring_.size() - 1)];
    ring_ = std::move(bigger);
    head_ = 0;
}

void EventLoop::call_soon(std::function<void()> fn) {
    callbacks_.push_back(std::move(fn));
    ready_.push(nullptr);
}

void EventLoop::call_soon_threadsafe(std::function<void()> fn) {
    {
        std::lock_guard lock(postedMutex_);
        posted_.push_back(std::move(fn));
        hasPosted_.store(true, std::memory_order_release);
    }
    const std::uint64_t one = 1;
    // EAGAIN means the counter is already non-zero: the loop will wake anyway.
    [[maybe_unused]] const auto n = ::write(wakeFd_, &one, sizeof one);
}

void EventLoop::drainPosted() {
    if (!hasPosted_.exchange(false, std::memory_order_acquire))
        return;
    std::vector<std::function<void()>> posted;
    {
        std::lock_guard lock(postedMutex_);
        posted.swap(posted_);
    }
    for (auto& fn : posted)
        call_soon(std::move(fn));
}

TimerHandle EventLoop::call_at(Clock::time_point when, std::function<void()> fn) {
    auto timer = std::make_shared<detail::CallbackTimer>();
    timer->fn = std::move(fn);
    timer->loop = this;
    timer->self = timer;
    armTimer(*timer, when);
    return TimerHandle(std::move(timer));
}

void TimerHandle::cancel() {
    if (!timer_ || timer_->done)
        return;
    timer_->done = true;
    if (timer_->armed())
        timer_->loop->disarmTimer(*timer_);
    timer_->self.reset(); // this handle holds it now
}

void EventLoop::fireTimer(detail::TimerNode& node) {
    if (node.isTask) {
        // Straight to the ready queue: the step runs in this round, as the wake-up
        // callback asyncio would queue first would.
        static_cast<detail::TaskCore&>(node).timerFired();
        return;
    }
    auto& timer = static_cast<detail::CallbackTimer&>(node);
    timer.done = true; // fired: a later cancel() is a no-op
    call_soon(std::move(timer.fn));
    timer.self.reset(); // last: it may be the only reference
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
        throw RuntimeError("This event loop is already running");
    if (currentLoop != this)
        throw RuntimeError("the event loop runs on the thread that made it");
    running_ = true;
    struct Reset {
        bool& flag;
        ~Reset() { flag = false; }
    } reset{running_};
    while (!main.done())
        runOnce();
    // asyncio.run: cancel what is left and let it run its cleanup to the end.
    std::vector<detail::TaskRef> left;
    left.reserve(pendingCount_);
    for (detail::TaskCore* t = pendingHead_; t; t = t->next_)
        left.emplace_back(t);
    for (auto& task : left)
        task->cancel();
    left.clear();
    while (pendingCount_ > 0)
        runOnce();
}

void EventLoop::runOnce() {
    if (ready_.empty()) {
        // Nothing to run: block until the earliest deadline or another thread's call.
        bool due = false;
        if (const TimerQueue::Entry* earliest = timers_.top()) {
            const Clock::time_point when = earliest->when;
            if (when <= Clock::now()) {
                due = true;
            } else if (when != timerFdSetFor_) {
                const auto ns =
                    std::chrono::duration_cast<std::chrono::nanoseconds>(when.time_since_epoch())
                        .count();
                itimerspec spec{};
                spec.it_value.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
                spec.it_value.tv_nsec = static_cast<long>(ns % 1'000'000'000);
                // steady_clock is CLOCK_MONOTONIC: the deadline goes in as it is, absolute.
                ::timerfd_settime(timerFd_, TFD_TIMER_ABSTIME, &spec, nullptr);
                timerFdSetFor_ = when;
            }
        }
        if (!due && !hasPosted_.load(std::memory_order_acquire)) {
            epoll_event events[kMaxEpollEvents];
            const int n = ::epoll_wait(epoll_, events, kMaxEpollEvents, -1);
            for (int i = 0; i < n; ++i) {
                std::uint64_t count = 0;
                [[maybe_unused]] const auto r = ::read(events[i].data.fd, &count, sizeof count);
                if (events[i].data.fd == timerFd_)
                    timerFdSetFor_ = {};
            }
        }
    }
    drainPosted();
    if (!timers_.empty()) {
        const auto now = Clock::now();
        while (TimerQueue::Node* due = timers_.popDue(now))
            fireTimer(static_cast<detail::TimerNode&>(*due));
    }
    // Only what is ready now: what these steps schedule runs on the next round, after
    // timers and other threads had their chance, as in asyncio's _run_once.
    for (std::size_t count = ready_.size(); count > 0 && !ready_.empty(); --count) {
        // A big round steps tasks scattered over more memory than the caches hold: fetch
        // the next ones while this one runs.
        if (detail::TaskCore* next = ready_.peek(kPrefetchAhead))
            __builtin_prefetch(next);
        if (detail::TaskCore* task = ready_.pop()) {
            task->step();
        } else {
            std::function<void()> fn = std::move(callbacks_.front());
            callbacks_.pop_front();
            runCallback(fn);
        }
    }
}

} // namespace tasklane
