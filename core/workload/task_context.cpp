#include "workload/task_context.h"

#include "gil/gil.h"
#include "trace/trace_recorder.h"

#include <algorithm>

namespace tasklane {

namespace {
thread_local TaskContext* t_current = nullptr;
} // namespace

TaskContext::TaskContext(TraceRecorder* recorder, std::uint32_t track, std::uint32_t task,
                         std::uint32_t label, Gil* gil)
    : recorder_(recorder)
    , gil_(gil != nullptr && gil->enabled() ? gil : nullptr)
    , previous_(t_current)
    , track_(track)
    , task_(task)
    , label_(label) {
    t_current = this;
}

TaskContext::~TaskContext() {
    close();
    if (holdsGil_)
        gil_->release();
    t_current = previous_;
}

TaskContext* TaskContext::current() {
    return t_current;
}

void TaskContext::forgetCurrentAfterFork() {
    t_current = nullptr;
}

void TaskContext::recordOpen(std::int64_t now) {
    if (open_ && recorder_ != nullptr && now > since_) {
        TraceEvent e;
        e.begin_ns = since_;
        e.end_ns = now;
        e.value = double(cpuNs_);
        e.track = track_;
        e.task = task_;
        e.label = label_;
        e.cpu = std::int16_t(cpu_);
        e.state = state_;
        recorder_->record(e);
    }
    cpuNs_ = 0;
}

void TaskContext::enter(State state) {
    enterAt(state, TraceRecorder::now());
}

void TaskContext::enterAt(State state, std::int64_t at) {
    recordOpen(at);
    open_ = true;
    state_ = state;
    since_ = at;
    cpu_ = (state == State::Running || state == State::LockHeld) ? TraceRecorder::currentCpu() : -1;
}

void TaskContext::noteOffCore(std::int64_t from, std::int64_t to, std::int64_t ranNs) {
    // Running only: a thread preempted while it holds a lock still holds it, and the chart
    // must keep showing who holds the lock.
    if (!open_ || state_ != State::Running)
        return;
    const std::int64_t lost = (to - from) - ranNs;
    if (lost <= kCoreWaitThresholdNs)
        return;
    // Where in [from, to) the core was taken is not known; the loop checks every ~10 µs, so
    // putting the work first misplaces at most that much.
    enterAt(State::WaitingForCore, std::max(since_, to - lost));
    enterAt(State::Running, to);
}

void TaskContext::close() {
    if (!open_)
        return;
    recordOpen(TraceRecorder::now());
    open_ = false;
}

void TaskContext::noteCpu() {
    if (!open_ || state_ != State::Running)
        return;
    if (TraceRecorder::currentCpu() != cpu_)
        enter(State::Running);
}

void TaskContext::acquireGil() {
    if (gil_ == nullptr || holdsGil_)
        return;
    const State resume = open_ && state_ != State::GilWait ? state_ : State::Running;
    if (!open_ || state_ != State::GilWait) // an open gil-wait slice goes on, unsplit
        enter(State::GilWait);
    gil_->acquire();
    holdsGil_ = true;
    enter(resume == State::GilWait ? State::Running : resume);
}

void TaskContext::releaseGil() {
    if (gil_ == nullptr || !holdsGil_)
        return;
    gil_->release();
    holdsGil_ = false;
}

bool TaskContext::maybeYieldGil() {
    if (gil_ == nullptr || !holdsGil_ || !gil_->dropRequested())
        return false;
    enter(State::GilWait);
    holdsGil_ = false;
    gil_->yield();
    holdsGil_ = true;
    enter(State::Running);
    return true;
}

} // namespace tasklane
