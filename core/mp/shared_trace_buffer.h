// SharedTraceBuffer: how trace events cross from child processes to the parent. The parent
// creates it in shared memory before starting workers; a child attaches it to its
// TraceRecorder (TraceRecorder::attachSharedBuffer), so TaskContext and the workload functions
// trace in a child exactly as in a thread; the parent copies the events into its own recorder
// once the children are done (drainInto). CLOCK_MONOTONIC is shared by every process, so the
// times line up. Writers claim slots with one atomic add and never wrap: when the buffer is
// full, events are counted as dropped rather than overwriting (and tearing) older ones.
//
// TraceRecorder knows it only as a TraceSink, so the trace library stays below mp/.
#pragma once

#include "mp/shared_memory.h"
#include "trace/trace_event.h"
#include "trace/trace_sink.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace tasklane {

class TraceRecorder;

class SharedTraceBuffer final : public TraceSink {
public:
    // About a million events: 48 MiB of address space, of which only the pages written to
    // cost memory.
    static constexpr std::size_t kDefaultCapacity = std::size_t(1) << 20;

    explicit SharedTraceBuffer(std::size_t capacity = kDefaultCapacity);
    // In a spawned worker: maps the buffer behind an inherited fd (taking the fd over).
    static std::unique_ptr<SharedTraceBuffer> attach(int fd);
    ~SharedTraceBuffer() override;
    SharedTraceBuffer(const SharedTraceBuffer&) = delete;
    SharedTraceBuffer& operator=(const SharedTraceBuffer&) = delete;

    int fd() const { return memory_.fd(); }
    std::size_t capacity() const { return capacity_; }

    // Lock-free and async-signal-safe; any thread of any process that maps the buffer.
    // False when full: the event is dropped and counted.
    bool append(const TraceEvent& event) noexcept override {
        const std::uint64_t i = std::atomic_ref<std::uint64_t>(header_->reserved)
                                    .fetch_add(1, std::memory_order_relaxed);
        if (i >= capacity_) [[unlikely]] {
            std::atomic_ref<std::uint64_t>(header_->dropped)
                .fetch_add(1, std::memory_order_relaxed);
            return false;
        }
        Slot& slot = slots_[i];
        slot.event = event;
        std::atomic_ref<std::uint32_t>(slot.ready).store(1, std::memory_order_release);
        return true;
    }

    std::size_t size() const;      // slots claimed so far, at most capacity()
    std::uint64_t dropped() const; // events that found the buffer full

    // Copies the events written since the last call into `recorder`, in slot order; returns how
    // many. A slot claimed but not yet written stops the copy, unless `final` says every writer
    // is gone: then it is one a killed writer never finished, and is skipped. Events naming a
    // track the recorder does not have are skipped too (a child cannot add tracks).
    std::size_t drainInto(TraceRecorder& recorder, bool final);

private:
    struct Header {
        std::uint64_t magic;
        std::uint64_t capacity;
        alignas(64) std::uint64_t reserved; // next slot to claim; grows past capacity when full
        alignas(64) std::uint64_t dropped;
    };
    struct Slot {
        TraceEvent event;
        std::uint32_t ready; // 1 once `event` is completely written
    };
    static_assert(std::atomic_ref<std::uint64_t>::is_always_lock_free,
                  "shared counters must be lock-free to work across processes");
    static constexpr std::uint64_t kMagic = 0x7461736b6c74726bull;

    explicit SharedTraceBuffer(SharedMemory memory);
    static std::size_t bytesFor(std::size_t capacity);

    SharedMemory memory_;
    Header* header_ = nullptr;
    Slot* slots_ = nullptr;
    std::uint64_t capacity_ = 0; // a private copy: a child must not be able to widen it
    std::uint64_t read_ = 0;     // the next slot drainInto copies
};

} // namespace tasklane
