// SharedValue<T>: multiprocessing.Value, a number in memory shared with child processes,
// with a lock that works across them (a process-shared, robust pthread mutex: when a
// process dies holding it, the next locker recovers it instead of waiting forever).
//
//     SharedValue<long long> counter(0, &recorder);
//     { std::lock_guard lock(counter.get_lock()); counter.set(counter.value() + 1); }
//
// Under a TaskContext the lock is traced (lock-wait while waiting, lock-held while held)
// and every change records a counter sample ("counter.value") on the task's track, in a child
// process too (through its shared trace buffer). increment_unlocked() is the same update
// without the lock, done the way Python does `counter.value += 1` without get_lock(): read,
// a moment's work, write back, so concurrent processes really lose updates.
//
// The memory is a memfd, so one kind of mapping serves both start methods: a forked child
// inherits it at the same address, a spawned worker maps the fd it is passed (attach).
#pragma once

#include "mp/shared_memory.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <pthread.h>
#include <type_traits>

namespace tasklane {

class TraceRecorder;

namespace detail {

// What SharedValue does not need T for: the mapping, the mutex, tracing.
class SharedValueBase {
public:
    static constexpr std::uint32_t kTaskTrack = 0xffffffffu; // counters on the task's track

    SharedValueBase(const SharedValueBase&) = delete;
    SharedValueBase& operator=(const SharedValueBase&) = delete;

    int fd() const { return memory_.fd(); } // to pass to a spawned worker

protected:
    SharedValueBase(std::size_t valueSize, TraceRecorder* recorder, std::uint32_t counterTrack);
    SharedValueBase(int fd, std::size_t valueSize); // attach to a parent's value
    ~SharedValueBase();

    void* slot() const { return slot_; }
    void lockTraced();
    bool tryLockTraced();
    void unlockTraced();
    void traceChange(double value) const;
    void traceInitial(TraceRecorder* recorder, double value) const;
    static void interleave(); // the moment between the read and the write of an unlocked update

private:
    struct Header {
        pthread_mutex_t mutex;
        std::uint64_t magic;
        std::uint64_t value_size;
        std::uint32_t label;         // "counter.value" in the parent's recorder, 0: untraced
        std::uint32_t counter_track; // kTaskTrack or a track of the parent's recorder
    };
    static constexpr std::size_t kValueOffset = (sizeof(Header) + 63) / 64 * 64;

    void lockRaw();
    bool tryLockRaw();

    SharedMemory memory_;
    Header* header_ = nullptr;
    void* slot_ = nullptr;
    bool owner_ = false; // the creating process destroys the mutex
};

} // namespace detail

template <class T> class SharedValue : public detail::SharedValueBase {
    static_assert(std::is_trivially_copyable_v<T> && std::atomic_ref<T>::is_always_lock_free,
                  "a SharedValue holds a number (as Value('i') or Value('d'))");

public:
    // The lock of get_lock(): usable with std::lock_guard / std::unique_lock.
    class Lock {
    public:
        void lock() { owner_->lockTraced(); }
        bool try_lock() { return owner_->tryLockTraced(); }
        void unlock() { owner_->unlockTraced(); }

    private:
        friend class SharedValue;
        explicit Lock(SharedValue* owner)
            : owner_(owner) {}
        SharedValue* owner_;
    };

    // With a recorder, changes are traced as counter samples on the changing task's track, or
    // on `counterTrack` when one is given (which then also gets a sample of the initial value).
    explicit SharedValue(T initial = T(), TraceRecorder* recorder = nullptr,
                         std::uint32_t counterTrack = kTaskTrack)
        : SharedValueBase(sizeof(T), recorder, counterTrack) {
        std::atomic_ref<T>(*ptr()).store(initial, std::memory_order_release);
        traceInitial(recorder, double(initial));
    }
    // In a spawned worker: the value behind an inherited fd (taking the fd over).
    static std::unique_ptr<SharedValue> attach(int fd) {
        return std::unique_ptr<SharedValue>(new SharedValue(Attach{}, fd));
    }

    Lock& get_lock() { return lock_; }

    T value() const { return std::atomic_ref<T>(*ptr()).load(std::memory_order_acquire); }
    void set(T v) {
        std::atomic_ref<T>(*ptr()).store(v, std::memory_order_release);
        traceChange(double(v));
    }
    // value += delta without the lock: each access is atomic, the update is not.
    void increment_unlocked(T delta = T(1)) {
        const T v = value();
        interleave();
        set(T(v + delta));
    }

private:
    struct Attach {}; // so that SharedValue<int>(0) can never mean "attach fd 0"
    SharedValue(Attach, int fd)
        : SharedValueBase(fd, sizeof(T)) {}
    T* ptr() const { return static_cast<T*>(slot()); }

    Lock lock_{this};
};

} // namespace tasklane
