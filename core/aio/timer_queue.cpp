#include "aio/timer_queue.h"

#include <utility>

namespace tasklane {

void TimerQueue::push(Node& node, Clock::time_point when) {
    if (node.armed())
        remove(node);
    const Entry e{when, nextSeq_++, &node};
    // Not before the ring's last deadline: it goes behind it, and the ring stays ordered.
    if (ringCount_ == 0 || ringAt(ringCount_ - 1).when <= when) {
        ringPush(e);
        return;
    }
    node.where = Node::Heap;
    heap_.push_back(e);
    siftUp(heap_.size() - 1);
}

void TimerQueue::remove(Node& node) {
    const auto where = std::exchange(node.where, Node::None);
    if (where == Node::Ring)
        ringRemove(node.slot);
    else if (where == Node::Heap)
        heapRemove(node.slot);
}

TimerQueue::Node* TimerQueue::popDue(Clock::time_point now) {
    const Entry* earliest = top();
    if (!earliest || earliest->when > now)
        return nullptr;
    Node* node = earliest->node;
    remove(*node);
    return node;
}

void TimerQueue::ringPush(const Entry& e) {
    if (ringCount_ == ring_.size())
        ringRebuild(ring_.empty() ? kFirstRingCapacity : ring_.size() * 2);
    const std::size_t pos = (ringHead_ + ringCount_) & (ring_.size() - 1);
    ring_[pos] = e;
    e.node->slot = static_cast<std::uint32_t>(pos);
    e.node->where = Node::Ring;
    ++ringCount_;
}

void TimerQueue::ringRemove(std::size_t slot) {
    ring_[slot].node = nullptr;
    ++ringDead_;
    // Empty entries at either end go at once (a wait that ends early usually removes the
    // newest timer, and firing takes the oldest); the rest when they are many.
    while (ringCount_ > 0 && !ringAt(0).node) {
        ringHead_ = (ringHead_ + 1) & (ring_.size() - 1);
        --ringCount_;
        --ringDead_;
    }
    while (ringCount_ > 0 && !ringAt(ringCount_ - 1).node) {
        --ringCount_;
        --ringDead_;
    }
    if (ringDead_ > kCompactAfterRemoved && ringDead_ * 2 > ringCount_)
        ringRebuild(ring_.size());
}

void TimerQueue::ringRebuild(std::size_t capacity) {
    std::vector<Entry> ring(capacity);
    std::size_t n = 0;
    for (std::size_t i = 0; i < ringCount_; ++i) {
        const Entry& e = ringAt(i);
        if (!e.node)
            continue;
        e.node->slot = static_cast<std::uint32_t>(n);
        ring[n++] = e;
    }
    ring_ = std::move(ring);
    ringHead_ = 0;
    ringCount_ = n;
    ringDead_ = 0;
}

void TimerQueue::heapRemove(std::size_t slot) {
    const Entry last = heap_.back();
    heap_.pop_back();
    if (slot == heap_.size())
        return; // it was the last one
    heapPlace(slot, last);
    siftDown(slot);
    siftUp(slot);
}

void TimerQueue::siftUp(std::size_t i) {
    const Entry e = heap_[i];
    while (i > 0) {
        const std::size_t parent = (i - 1) / 2;
        if (!earlier(e, heap_[parent]))
            break;
        heapPlace(i, heap_[parent]);
        i = parent;
    }
    heapPlace(i, e);
}

void TimerQueue::siftDown(std::size_t i) {
    const Entry e = heap_[i];
    const std::size_t n = heap_.size();
    for (;;) {
        std::size_t child = 2 * i + 1;
        if (child >= n)
            break;
        if (child + 1 < n && earlier(heap_[child + 1], heap_[child]))
            ++child;
        if (!earlier(heap_[child], e))
            break;
        heapPlace(i, heap_[child]);
        i = child;
    }
    heapPlace(i, e);
}

} // namespace tasklane
