// TraceRecorder: collects the events of one run from any number of threads. Each thread
// appends to a buffer of its own (found through a thread_local cache), so the hot path
// takes no shared lock; finish() merges the buffers into a sorted Trace once the
// recording threads are done. Times are CLOCK_MONOTONIC nanoseconds, which every process
// on the machine shares, so events from child processes line up with the parent's.
#pragma once

#include "trace/trace.h"
#include "trace/trace_sink.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace tasklane {

class TraceRecorder {
public:
    TraceRecorder();
    ~TraceRecorder();
    TraceRecorder(const TraceRecorder&) = delete;
    TraceRecorder& operator=(const TraceRecorder&) = delete;

    static std::int64_t now();
    static int currentCpu();          // sched_getcpu(), -1 if unknown
    static std::int64_t currentTid(); // gettid()

    // Registration: thread-safe, takes a lock; call before the hot loop, not inside it.
    std::uint32_t addTrack(TrackKind kind, std::string name, std::int64_t pid = -1,
                           std::int64_t tid = -1); // -1: the calling process / thread
    std::uint32_t intern(std::string_view text);
    std::uint32_t newTaskId() { return nextTask_.fetch_add(1, std::memory_order_relaxed); }
    std::uint32_t newFlowId() { return nextFlow_.fetch_add(1, std::memory_order_relaxed); }
    std::size_t trackCount() const;
    // Fills in a track registered before its process existed: a worker process's track is
    // registered before the fork (the child records on it at once) and named after its pid.
    void updateTrack(std::uint32_t track, std::int64_t pid, std::int64_t tid, std::string name);

    // In a child process: from here on record() appends to `sink`, shared memory that the
    // parent set up and copies from, instead of to this process's own buffers (which the
    // parent never sees). Nothing else of the recorder is used then, so a forked child never
    // takes a lock another thread of the parent may have held at the fork.
    void attachSink(TraceSink* sink) { sink_ = sink; }

    // Hot path: appends to the calling thread's own buffer.
    void record(const TraceEvent& event);

    void slice(std::uint32_t track, State state, std::int64_t begin, std::int64_t end,
               std::uint32_t task = 0, std::uint32_t label = 0, int cpu = -1);
    void asyncSlice(std::uint32_t track, State state, std::int64_t begin, std::int64_t end,
                    std::uint32_t task = 0, std::uint32_t label = 0);
    void instant(std::uint32_t track, std::int64_t at, std::uint32_t label, std::uint32_t task = 0);
    void counter(std::uint32_t track, std::int64_t at, std::uint32_t label, double value);
    // An arrow from (fromTrack, fromNs) to (toTrack, toNs), e.g. submit -> run.
    void flow(std::uint32_t id, std::uint32_t fromTrack, std::int64_t fromNs, std::uint32_t toTrack,
              std::int64_t toNs, std::uint32_t task = 0);

    // Exact once the recording threads have finished; a snapshot otherwise.
    std::size_t eventCount() const;
    // Bytes held by the event buffers (capacity, not size): the memory cost of recording.
    std::size_t bytesReserved() const;

    // Merges every thread's buffer into a sorted Trace and empties the recorder. Call after
    // every thread that recorded has been joined (or has otherwise stopped recording).
    Trace finish();

    class Chunk; // a block of events; public so the chunk pool can hold them

private:
    struct Buffer;
    Buffer& localBuffer();

    std::uint64_t serial_;     // renewed by finish() so no thread's cached buffer outlives it
    mutable std::mutex mutex_; // guards the registries below, never taken on the hot path
    std::vector<std::unique_ptr<Buffer>> buffers_;
    std::unordered_map<std::thread::id, Buffer*> bufferOf_;
    std::vector<Track> tracks_;
    std::vector<std::string> strings_{std::string()};
    std::unordered_map<std::string, std::uint32_t> stringIds_;
    std::atomic<std::uint32_t> nextTask_{1};
    std::atomic<std::uint32_t> nextFlow_{1};
    TraceSink* sink_ = nullptr; // set only in a child process
};

} // namespace tasklane
