// TimerQueue: the event loop's timers, earliest deadline first, and among equal deadlines in
// the order they were armed (FIFO), as asyncio's `_scheduled` heap of (when, seq) and libuv's
// timer heap order them. A min-heap keyed by (deadline, arming order) underneath, with one
// fast path the loop measured a reason for: deadlines that arrive in order, the common case
// (every sleep of one length: a gather of 10 000 sleep(10 ms)), join an ordered ring instead,
// where they never move: O(1) in and out, and removing one just leaves an empty entry. A heap
// alone was 30 % of that gather: each pop moved log n entries and wrote each one's new index
// into its task, a cache miss apiece. The others (a shorter deadline after a longer one) go to
// the heap. Which of the two holds a timer is invisible outside: top() is the earliest of both.
//
// Timers are intrusive (Node): a task carries its own, so arming a sleep allocates nothing,
// and a node knows its place, so removal needs no search. Loop-thread only.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tasklane {

class TimerQueue {
public:
    using Clock = std::chrono::steady_clock;

    // A place in the queue, embedded in what the timer wakes.
    struct Node {
        enum Where : std::uint8_t { None, Heap, Ring };
        std::uint32_t slot = 0; // its index in heap or ring, kept up to date
        Where where = None;
        bool armed() const { return where != None; }
    };

    struct Entry {
        Clock::time_point when;
        std::uint64_t seq; // arming order: FIFO among equal deadlines
        Node* node;        // null: removed from the ring, not yet dropped
    };

    TimerQueue() = default;
    TimerQueue(const TimerQueue&) = delete;
    TimerQueue& operator=(const TimerQueue&) = delete;

    // Arms the node for `when`; an armed node moves (its old deadline goes).
    void push(Node& node, Clock::time_point when);
    // Disarms the node; does nothing when it is not armed.
    void remove(Node& node);
    // The earliest timer, or null when none is armed.
    const Entry* top() const {
        // The ring's ends are never empty entries, so its head is its earliest.
        const Entry* ring = ringCount_ > 0 ? &ringAt(0) : nullptr;
        const Entry* heap = heap_.empty() ? nullptr : &heap_.front();
        if (!ring || !heap)
            return ring ? ring : heap;
        return earlier(*ring, *heap) ? ring : heap;
    }
    // Disarms and returns the earliest timer if its deadline is at or before `now`.
    Node* popDue(Clock::time_point now);

    bool empty() const { return heap_.empty() && ringCount_ == 0; }
    // Armed timers.
    std::size_t size() const { return heap_.size() + ringCount_ - ringDead_; }
    // Entries held, counting the removed ones the ring has not dropped yet.
    std::size_t held() const { return heap_.size() + ringCount_; }

    // Empties the queue, handing each armed node, disarmed, to `drop`.
    template <class Drop> void clear(Drop&& drop) {
        for (Entry& e : heap_)
            dropEntry(e, drop);
        for (std::size_t i = 0; i < ringCount_; ++i)
            dropEntry(ringAt(i), drop);
        heap_.clear();
        ring_.clear();
        ringHead_ = ringCount_ = ringDead_ = 0;
    }

private:
    // The ring's first size: 6 KB, so a loop with a few timers never grows it; it doubles
    // from there (a gather of 10 000 sleeps doubles it six times, once per loop).
    static constexpr std::size_t kFirstRingCapacity = 256;
    // Removed entries inside the ring are dropped in one pass once there are more than this
    // many and they are more than half of it: rarely enough that the pass costs O(1) per
    // removal, soon enough that the ring never holds mostly holes (asyncio rebuilds its heap
    // of cancelled handles on the same rule, with 100 and a half).
    static constexpr std::size_t kCompactAfterRemoved = 64;

    static bool earlier(const Entry& a, const Entry& b) {
        return a.when != b.when ? a.when < b.when : a.seq < b.seq;
    }
    template <class Drop> static void dropEntry(Entry& e, Drop& drop) {
        if (!e.node)
            return;
        e.node->where = Node::None;
        drop(*e.node);
    }

    Entry& ringAt(std::size_t i) { return ring_[(ringHead_ + i) & (ring_.size() - 1)]; }
    const Entry& ringAt(std::size_t i) const { return ring_[(ringHead_ + i) & (ring_.size() - 1)]; }
    void ringPush(const Entry& e);
    void ringRemove(std::size_t slot);
    void ringRebuild(std::size_t capacity); // drops the removed entries

    void heapPlace(std::size_t i, const Entry& e) {
        heap_[i] = e;
        e.node->slot = static_cast<std::uint32_t>(i);
    }
    void heapRemove(std::size_t slot);
    void siftUp(std::size_t i);
    void siftDown(std::size_t i);

    std::vector<Entry> heap_;
    std::vector<Entry> ring_; // a power of two long
    std::size_t ringHead_ = 0;
    std::size_t ringCount_ = 0; // entries from the head, removed ones included
    std::size_t ringDead_ = 0;  // removed ones among them
    std::uint64_t nextSeq_ = 0;
};

} // namespace tasklane
