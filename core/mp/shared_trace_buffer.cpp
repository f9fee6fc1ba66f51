#include "mp/shared_trace_buffer.h"

#include "trace/trace_recorder.h"

#include <algorithm>
#include <stdexcept>

namespace tasklane {

std::size_t SharedTraceBuffer::bytesFor(std::size_t capacity) {
    return sizeof(Header) + capacity * sizeof(Slot);
}

SharedTraceBuffer::SharedTraceBuffer(std::size_t capacity)
    : SharedTraceBuffer(
          SharedMemory::create(bytesFor(std::max<std::size_t>(capacity, 1)), "tasklane-trace")) {
    capacity_ = std::max<std::size_t>(capacity, 1);
    header_->magic = kMagic;
    header_->capacity = capacity_;
}

SharedTraceBuffer::SharedTraceBuffer(SharedMemory memory)
    : memory_(std::move(memory)) {
    header_ = static_cast<Header*>(memory_.data());
    slots_ = reinterpret_cast<Slot*>(static_cast<char*>(memory_.data()) + sizeof(Header));
}

std::unique_ptr<SharedTraceBuffer> SharedTraceBuffer::attach(int fd) {
    std::unique_ptr<SharedTraceBuffer> buffer(new SharedTraceBuffer(SharedMemory::attach(fd)));
    const Header* h = buffer->header_;
    if (buffer->memory_.size() < sizeof(Header) || h->magic != kMagic ||
        bytesFor(h->capacity) > buffer->memory_.size())
        throw std::runtime_error("the inherited fd is not a trace buffer");
    buffer->capacity_ = h->capacity;
    return buffer;
}

SharedTraceBuffer::~SharedTraceBuffer() = default;

std::size_t SharedTraceBuffer::size() const {
    return std::size_t(
        std::min(std::atomic_ref<std::uint64_t>(header_->reserved).load(std::memory_order_acquire),
                 capacity_));
}

std::uint64_t SharedTraceBuffer::dropped() const {
    return std::atomic_ref<std::uint64_t>(header_->dropped).load(std::memory_order_relaxed);
}

std::size_t SharedTraceBuffer::drainInto(TraceRecorder& recorder, bool final) {
    const std::uint64_t end = size();
    const std::size_t tracks = recorder.trackCount();
    std::size_t copied = 0;
    for (; read_ < end; ++read_) {
        Slot& slot = slots_[read_];
        if (std::atomic_ref<std::uint32_t>(slot.ready).load(std::memory_order_acquire) == 0) {
            if (!final)
                break;
            continue;
        }
        const TraceEvent event = slot.event;
        if (event.track < tracks) {
            recorder.record(event);
            ++copied;
        }
    }
    return copied;
}

} // namespace tasklane
