#include "mp/shared_value.h"

#include "trace/trace_recorder.h"
#include "workload/task_context.h"

#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace tasklane::detail {

namespace {
constexpr std::uint64_t kMagic = 0x7461736b6c76616cull;

void check(int rc, const char* what) {
    if (rc != 0)
        throw std::system_error(rc, std::generic_category(), what);
}
} // namespace

SharedValueBase::SharedValueBase(std::size_t valueSize, TraceRecorder* recorder,
                                 std::uint32_t counterTrack)
    : memory_(SharedMemory::create(kValueOffset + valueSize, "tasklane-value"))
    , owner_(true) {
    header_ = static_cast<Header*>(memory_.data());
    slot_ = static_cast<char*>(memory_.data()) + kValueOffset;
    pthread_mutexattr_t attr;
    check(pthread_mutexattr_init(&attr), "pthread_mutexattr_init");
    pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    const int rc = pthread_mutex_init(&header_->mutex, &attr);
    pthread_mutexattr_destroy(&attr);
    check(rc, "pthread_mutex_init");
    header_->magic = kMagic;
    header_->value_size = valueSize;
    header_->label = recorder != nullptr ? recorder->intern("counter.value") : 0;
    header_->counter_track = counterTrack;
}

SharedValueBase::SharedValueBase(int fd, std::size_t valueSize)
    : memory_(SharedMemory::attach(fd)) {
    header_ = static_cast<Header*>(memory_.data());
    slot_ = static_cast<char*>(memory_.data()) + kValueOffset;
    if (memory_.size() < kValueOffset + valueSize || header_->magic != kMagic ||
        header_->value_size != valueSize)
        throw std::runtime_error("the inherited fd is not a shared value of this type");
}

SharedValueBase::~SharedValueBase() {
    if (owner_ && header_ != nullptr)
        pthread_mutex_destroy(&header_->mutex);
}

void SharedValueBase::lockRaw() {
    int rc = pthread_mutex_lock(&header_->mutex);
    // The previous owner died holding the lock (killed mid-update). Python's lock would stay
    // locked forever; here the value is whatever it last wrote, and the lock goes on working.
    if (rc == EOWNERDEAD)
        rc = pthread_mutex_consistent(&header_->mutex);
    check(rc, "SharedValue lock");
}

bool SharedValueBase::tryLockRaw() {
    int rc = pthread_mutex_trylock(&header_->mutex);
    if (rc == EBUSY)
        return false;
    if (rc == EOWNERDEAD)
        rc = pthread_mutex_consistent(&header_->mutex);
    check(rc, "SharedValue try_lock");
    return true;
}

void SharedValueBase::lockTraced() {
    TaskContext* ctx = TaskContext::current();
    if (ctx == nullptr) {
        lockRaw();
        return;
    }
    // No lock-wait slice at all when the lock is free: the chart shows only real waits.
    if (!tryLockRaw()) {
        ctx->enter(State::LockWait);
        lockRaw();
    }
    ctx->enter(State::LockHeld);
}

bool SharedValueBase::tryLockTraced() {
    if (!tryLockRaw())
        return false;
    if (TaskContext* ctx = TaskContext::current())
        ctx->enter(State::LockHeld);
    return true;
}

void SharedValueBase::unlockTraced() {
    // Fails only when this process does not hold the lock; unlock must not throw (it runs in
    // lock_guard's destructor), and there is nothing to undo.
    pthread_mutex_unlock(&header_->mutex);
    if (TaskContext* ctx = TaskContext::current())
        ctx->enter(State::Running);
}

void SharedValueBase::traceChange(double value) const {
    if (header_->label == 0)
        return;
    TaskContext* ctx = TaskContext::current();
    if (ctx == nullptr || ctx->recorder() == nullptr)
        return;
    const std::uint32_t track =
        header_->counter_track == kTaskTrack ? ctx->track() : header_->counter_track;
    ctx->recorder()->counter(track, TraceRecorder::now(), header_->label, value);
}

void SharedValueBase::traceInitial(TraceRecorder* recorder, double value) const {
    if (recorder != nullptr && header_->counter_track != kTaskTrack)
        recorder->counter(header_->counter_track, TraceRecorder::now(), header_->label, value);
}

void SharedValueBase::interleave() {
    // About a microsecond: what an interpreter spends between loading counter.value and
    // storing the sum back, long enough for another process's update to land in between.
    const std::int64_t until = TraceRecorder::now() + 1000;
    while (TraceRecorder::now() < until) {
    }
}

} // namespace tasklane::detail
