#include "trace/trace_recorder.h"

#include <algorithm>
#include <ctime>
#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tasklane {

namespace {
std::atomic<std::uint64_t> g_nextSerial{1};

// Chunks grow from small (a pool of 64 mostly idle workers costs little) to large (a
// million events cost few allocations and at most one half-empty chunk per thread).
// Sizes are in events and multiples of a 4 KiB page (a TraceEvent is 40 bytes).
constexpr std::size_t kFirstChunk = 512;
constexpr std::size_t kMaxChunk = 512 * 16;
} // namespace

// A chunk is mapped with MAP_POPULATE so its pages are faulted in by one system call
// rather than one page fault per hundred events on the hot path.
class TraceRecorder::Chunk {
public:
    explicit Chunk(std::size_t capacity)
        : capacity_(capacity) {
        void* p = ::mmap(nullptr, bytes(), PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (p == MAP_FAILED)
            throw std::bad_alloc();
        data_ = static_cast<TraceEvent*>(p);
    }
    ~Chunk() { ::munmap(data_, bytes()); }
    Chunk(const Chunk&) = delete;
    Chunk& operator=(const Chunk&) = delete;

    TraceEvent* begin() const { return data_; }
    TraceEvent* limit() const { return data_ + capacity_; }
    std::size_t capacity() const { return capacity_; }
    std::size_t bytes() const { return capacity_ * sizeof(TraceEvent); }

private:
    TraceEvent* data_ = nullptr;
    std::size_t capacity_;
};

namespace {
// Freed chunks are kept (up to a cap) for the next run: on this kind of virtual machine
// faulting fresh pages in costs about 20 ns per event, more than recording it, and the
// window re-runs a pattern on every slider move.
class ChunkPool {
public:
    static ChunkPool& instance() {
        static ChunkPool pool;
        return pool;
    }
    std::unique_ptr<TraceRecorder::Chunk> take(std::size_t capacity) {
        {
            std::lock_guard lock(mutex_);
            for (auto it = free_.begin(); it != free_.end(); ++it)
                if ((*it)->capacity() == capacity) {
                    auto chunk = std::move(*it);
                    free_.erase(it);
                    retained_ -= chunk->bytes();
                    return chunk;
                }
        }
        return std::make_unique<TraceRecorder::Chunk>(capacity);
    }
    void give(std::unique_ptr<TraceRecorder::Chunk> chunk) {
        std::lock_guard lock(mutex_);
        if (retained_ + chunk->bytes() > kMaxRetained)
            return; // unmapped here
        retained_ += chunk->bytes();
        free_.push_back(std::move(chunk));
    }

private:
    static constexpr std::size_t kMaxRetained = std::size_t(64) << 20;
    std::mutex mutex_;
    std::vector<std::unique_ptr<TraceRecorder::Chunk>> free_;
    std::size_t retained_ = 0;
};
} // namespace

struct TraceRecorder::Buffer {
    ~Buffer() {
        for (auto& chunk : chunks)
            ChunkPool::instance().give(std::move(chunk));
    }
    std::vector<std::unique_ptr<Chunk>> chunks;
    std::vector<std::size_t> sizes; // of every chunk but the current one
    TraceEvent* next = nullptr;
    TraceEvent* limit = nullptr;

    void append(const TraceEvent& e) {
        if (next == limit) [[unlikely]]
            grow();
        *next++ = e;
    }
    void grow() {
        if (!chunks.empty())
            sizes.push_back(std::size_t(next - chunks.back()->begin()));
        const std::size_t capacity =
            chunks.empty() ? kFirstChunk : std::min(chunks.back()->capacity() * 2, kMaxChunk);
        chunks.push_back(ChunkPool::instance().take(capacity));
        next = chunks.back()->begin();
        limit = chunks.back()->limit();
    }
    std::size_t sizeOf(std::size_t chunk) const {
        return chunk < sizes.size() ? sizes[chunk] : std::size_t(next - chunks[chunk]->begin());
    }
    std::size_t size() const {
        std::size_t n = 0;
        for (std::size_t c = 0; c < chunks.size(); ++c)
            n += sizeOf(c);
        return n;
    }
    std::size_t capacity() const {
        std::size_t n = 0;
        for (const auto& c : chunks)
            n += c->capacity();
        return n;
    }
};

namespace {
struct LocalCache {
    std::uint64_t serial = 0;
    void* buffer = nullptr;
};
// initial-exec: Qt builds everything -fPIC, which would otherwise make every access a
// __tls_get_addr call on the hot path.
__attribute__((tls_model("initial-exec"))) thread_local LocalCache t_cache;
} // namespace

TraceRecorder::TraceRecorder()
    : serial_(g_nextSerial.fetch_add(1)) {}
TraceRecorder::~TraceRecorder() = default;

std::int64_t TraceRecorder::now() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

int TraceRecorder::currentCpu() {
    return sched_getcpu();
}

std::int64_t TraceRecorder::currentTid() {
    return static_cast<std::int64_t>(::gettid());
}

std::uint32_t TraceRecorder::addTrack(TrackKind kind, std::string name, std::int64_t pid,
                                      std::int64_t tid) {
    std::lock_guard lock(mutex_);
    tracks_.push_back(Track{pid < 0 ? std::int64_t(::getpid()) : pid, tid < 0 ? currentTid() : tid,
                            kind, std::move(name)});
    return std::uint32_t(tracks_.size() - 1);
}

void TraceRecorder::updateTrack(std::uint32_t track, std::int64_t pid, std::int64_t tid,
                                std::string name) {
    std::lock_guard lock(mutex_);
    if (track >= tracks_.size())
        return;
    tracks_[track].pid = pid;
    tracks_[track].tid = tid;
    tracks_[track].name = std::move(name);
}

std::size_t TraceRecorder::trackCount() const {
    std::lock_guard lock(mutex_);
    return tracks_.size();
}

std::uint32_t TraceRecorder::intern(std::string_view text) {
    if (text.empty())
        return 0;
    std::lock_guard lock(mutex_);
    auto [it, inserted] = stringIds_.try_emplace(std::string(text), std::uint32_t(strings_.size()));
    if (inserted)
        strings_.emplace_back(text);
    return it->second;
}

TraceRecorder::Buffer& TraceRecorder::localBuffer() {
    if (t_cache.serial == serial_) [[likely]]
        return *static_cast<Buffer*>(t_cache.buffer);
    std::lock_guard lock(mutex_);
    Buffer*& slot = bufferOf_[std::this_thread::get_id()];
    if (slot == nullptr) {
        buffers_.push_back(std::make_unique<Buffer>());
        slot = buffers_.back().get();
    }
    t_cache = LocalCache{serial_, slot};
    return *slot;
}

void TraceRecorder::record(const TraceEvent& event) {
    if (sink_ != nullptr) [[unlikely]] {
        sink_->append(event);
        return;
    }
    localBuffer().append(event);
}

void TraceRecorder::slice(std::uint32_t track, State state, std::int64_t begin, std::int64_t end,
                          std::uint32_t task, std::uint32_t label, int cpu) {
    TraceEvent e;
    e.begin_ns = begin;
    e.end_ns = end;
    e.track = track;
    e.task = task;
    e.label = label;
    e.cpu = std::int16_t(cpu);
    e.state = state;
    e.type = EventType::Slice;
    record(e);
}

void TraceRecorder::asyncSlice(std::uint32_t track, State state, std::int64_t begin,
                               std::int64_t end, std::uint32_t task, std::uint32_t label) {
    TraceEvent e;
    e.begin_ns = begin;
    e.end_ns = end;
    e.track = track;
    e.task = task;
    e.label = label;
    e.state = state;
    e.type = EventType::AsyncSlice;
    record(e);
}

void TraceRecorder::instant(std::uint32_t track, std::int64_t at, std::uint32_t label,
                            std::uint32_t task) {
    TraceEvent e;
    e.begin_ns = e.end_ns = at;
    e.track = track;
    e.task = task;
    e.label = label;
    e.type = EventType::Instant;
    record(e);
}

void TraceRecorder::counter(std::uint32_t track, std::int64_t at, std::uint32_t label,
                            double value) {
    TraceEvent e;
    e.begin_ns = e.end_ns = at;
    e.track = track;
    e.label = label;
    e.value = value;
    e.type = EventType::Counter;
    record(e);
}

void TraceRecorder::flow(std::uint32_t id, std::uint32_t fromTrack, std::int64_t fromNs,
                         std::uint32_t toTrack, std::int64_t toNs, std::uint32_t task) {
    TraceEvent e;
    e.begin_ns = e.end_ns = fromNs;
    e.track = fromTrack;
    e.task = task;
    e.value = id;
    e.type = EventType::FlowStart;
    record(e);
    e.begin_ns = e.end_ns = toNs;
    e.track = toTrack;
    e.type = EventType::FlowEnd;
    record(e);
}

std::size_t TraceRecorder::eventCount() const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& b : buffers_)
        n += b->size();
    return n;
}

std::size_t TraceRecorder::bytesReserved() const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& b : buffers_)
        n += b->capacity() * sizeof(TraceEvent);
    return n;
}

Trace TraceRecorder::finish() {
    Trace trace;
    std::lock_guard lock(mutex_);
    std::size_t total = 0;
    for (const auto& b : buffers_)
        total += b->size();
    trace.events.reserve(total);
    for (auto& b : buffers_)
        for (std::size_t c = 0; c < b->chunks.size(); ++c)
            trace.events.insert(trace.events.end(), b->chunks[c]->begin(),
                                b->chunks[c]->begin() + b->sizeOf(c));
    buffers_.clear();
    bufferOf_.clear();
    serial_ = g_nextSerial.fetch_add(1);
    trace.tracks = tracks_;
    trace.strings = strings_;
    trace.finalize();
    return trace;
}

} // namespace tasklane
