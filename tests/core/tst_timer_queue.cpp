// Tests of the event loop's TimerQueue on its own, without a loop or a clock: earliest deadline
// first, FIFO among equal deadlines (also when one of them sits in the in-order ring and the
// other in the heap), removal from either path and from the ring's ends and middle, the ring's
// compaction of removed entries, re-arming, and long random runs of pushes, pops and removals
// checked against a plain ordered set.
#include "aio/timer_queue.h"

#include <QTest>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <numeric>
#include <random>
#include <set>
#include <tuple>
#include <vector>

using namespace tasklane;

namespace {

using Node = TimerQueue::Node;
using TimePoint = TimerQueue::Clock::time_point;

TimePoint at(int ms) {
    return TimePoint{} + std::chrono::milliseconds(ms);
}
const TimePoint never = TimePoint::max();

// Nodes whose addresses stay put (the queue points at them), told apart by index.
struct Nodes {
    explicit Nodes(std::size_t n)
        : all(n) {}
    std::size_t indexOf(const Node* node) const { return std::size_t(node - all.data()); }
    Node& operator[](std::size_t i) { return all[i]; }
    std::vector<Node> all;
};

// Pops everything due by `now` and returns the nodes' indices in the order they came.
std::vector<int> popAll(TimerQueue& queue, const Nodes& nodes, TimePoint now = never) {
    std::vector<int> order;
    while (Node* node = queue.popDue(now)) {
        if (node->armed())
            return {-1}; // a popped node must come out disarmed
        order.push_back(int(nodes.indexOf(node)));
    }
    return order;
}

// What the queue must do, said plainly: a set ordered by (deadline, arming order).
struct Model {
    std::set<std::tuple<TimePoint, std::uint64_t, std::size_t>> timers;
    std::vector<std::uint64_t> seqOf;
    std::vector<TimePoint> whenOf;
    std::vector<bool> armed;
    std::uint64_t nextSeq = 0;

    explicit Model(std::size_t n)
        : seqOf(n)
        , whenOf(n)
        , armed(n) {}
    void push(std::size_t i, TimePoint when) {
        remove(i);
        seqOf[i] = nextSeq++;
        whenOf[i] = when;
        armed[i] = true;
        timers.emplace(when, seqOf[i], i);
    }
    void remove(std::size_t i) {
        if (armed[i])
            timers.erase({whenOf[i], seqOf[i], i});
        armed[i] = false;
    }
    // The index that pops next by `now`, or -1.
    long popDue(TimePoint now) {
        if (timers.empty() || std::get<0>(*timers.begin()) > now)
            return -1;
        const std::size_t i = std::get<2>(*timers.begin());
        remove(i);
        return long(i);
    }
};

// The indices of `deadlines` sorted by deadline, stable: the order the queue must pop them in.
std::vector<int> expectedOrder(const QList<int>& deadlines, const QList<int>& removed = {}) {
    std::vector<int> order;
    for (int i = 0; i < deadlines.size(); ++i)
        if (!removed.contains(i))
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return deadlines[a] < deadlines[b]; });
    return order;
}

int countWhere(const Nodes& nodes, Node::Where where) {
    return int(std::count_if(nodes.all.begin(), nodes.all.end(),
                             [where](const Node& n) { return n.where == where; }));
}

} // namespace

class TestTimerQueue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void popsInDeadlineOrder_data() {
        QTest::addColumn<QList<int>>("deadlines");
        QTest::addColumn<int>("inRing"); // how many take the in-order fast path
        QTest::newRow("empty") << QList<int>{} << 0;
        QTest::newRow("one") << QList<int>{7} << 1;
        QTest::newRow("ascending: all in the ring") << QList<int>{1, 2, 3, 4, 5} << 5;
        QTest::newRow("descending: all but the first in the heap")
            << QList<int>{5, 4, 3, 2, 1} << 1;
        QTest::newRow("shuffled") << QList<int>{5, 1, 7, 3, 3, 9, 2, 8} << 3;
        QTest::newRow("sawtooth") << QList<int>{1, 2, 3, 1, 2, 3, 1, 2, 3} << 5;
        QTest::newRow("equal deadlines: FIFO") << QList<int>{4, 4, 4, 4, 4} << 5;
        QTest::newRow("equal deadlines split between ring and heap")
            << QList<int>{5, 3, 3, 5, 3, 5} << 3;
        QTest::newRow("a heap entry ties with the ring's head") << QList<int>{2, 3, 2, 2} << 2;
    }
    void popsInDeadlineOrder() {
        QFETCH(QList<int>, deadlines);
        QFETCH(int, inRing);
        TimerQueue queue;
        Nodes nodes(std::size_t(deadlines.size()));
        for (int i = 0; i < deadlines.size(); ++i)
            queue.push(nodes[std::size_t(i)], at(deadlines[i]));
        QCOMPARE(countWhere(nodes, Node::Ring), inRing);
        QCOMPARE(countWhere(nodes, Node::Heap), int(deadlines.size()) - inRing);
        QCOMPARE(queue.size(), std::size_t(deadlines.size()));
        QCOMPARE(queue.empty(), deadlines.isEmpty());
        if (!deadlines.isEmpty())
            QCOMPARE(queue.top()->when, at(*std::min_element(deadlines.begin(), deadlines.end())));
        QCOMPARE(popAll(queue, nodes), expectedOrder(deadlines));
        QVERIFY(queue.empty());
        QVERIFY(!queue.top());
        QCOMPARE(queue.held(), std::size_t(0));
    }

    void popDueLeavesLaterTimers() {
        TimerQueue queue;
        Nodes nodes(5);
        const int deadlines[] = {10, 1, 3, 2, 3};
        for (std::size_t i = 0; i < 5; ++i)
            queue.push(nodes[i], at(deadlines[i]));
        QCOMPARE(popAll(queue, nodes, at(0)), std::vector<int>{});
        QCOMPARE(popAll(queue, nodes, at(3)), (std::vector<int>{1, 3, 2, 4}));
        QCOMPARE(queue.size(), std::size_t(1));
        QCOMPARE(queue.top()->when, at(10));
        QCOMPARE(popAll(queue, nodes, at(9)), std::vector<int>{});
        QCOMPARE(popAll(queue, nodes, at(10)), std::vector<int>{0});
    }

    void tiesBetweenHeapAndRingGoByArmingOrder() {
        // The heap's entry was armed first: it wins the tie with the ring's, whose ring was
        // empty (so took any deadline) when it was armed.
        TimerQueue queue;
        Nodes nodes(4);
        queue.push(nodes[0], at(5)); // ring
        queue.push(nodes[1], at(3)); // heap: before the ring's last
        queue.remove(nodes[0]);      // the ring is empty again
        queue.push(nodes[2], at(3)); // ring
        queue.push(nodes[3], at(3)); // ring
        QCOMPARE(nodes[1].where, Node::Heap);
        QCOMPARE(nodes[2].where, Node::Ring);
        QCOMPARE(popAll(queue, nodes), (std::vector<int>{1, 2, 3}));
    }

    void removal_data() {
        QTest::addColumn<QList<int>>("deadlines");
        QTest::addColumn<QList<int>>("removed"); // indices, in the order they are removed
        const QList<int> inOrder{1, 2, 3, 4, 5, 6};
        const QList<int> mixed{5, 1, 7, 3, 3, 9, 2, 8};
        QTest::newRow("ring head") << inOrder << QList<int>{0};
        QTest::newRow("ring tail") << inOrder << QList<int>{5};
        QTest::newRow("ring middle") << inOrder << QList<int>{2, 3};
        QTest::newRow("ring middle, then its ends") << inOrder << QList<int>{2, 0, 5, 1};
        QTest::newRow("whole ring") << inOrder << QList<int>{3, 1, 5, 0, 2, 4};
        QTest::newRow("heap top") << mixed << QList<int>{1};
        QTest::newRow("heap middle") << mixed << QList<int>{3, 7};
        QTest::newRow("both paths") << mixed << QList<int>{0, 6, 5, 4};
        QTest::newRow("everything") << mixed << QList<int>{0, 1, 2, 3, 4, 5, 6, 7};
        QTest::newRow("twice: the second does nothing") << mixed << QList<int>{2, 2};
    }
    void removal() {
        QFETCH(QList<int>, deadlines);
        QFETCH(QList<int>, removed);
        TimerQueue queue;
        Nodes nodes(std::size_t(deadlines.size()));
        for (int i = 0; i < deadlines.size(); ++i)
            queue.push(nodes[std::size_t(i)], at(deadlines[i]));
        for (int i : removed) {
            queue.remove(nodes[std::size_t(i)]);
            QVERIFY(!nodes[std::size_t(i)].armed());
        }
        const std::vector<int> expected = expectedOrder(deadlines, removed);
        QCOMPARE(queue.size(), expected.size());
        QVERIFY(queue.held() >= queue.size());
        QCOMPARE(popAll(queue, nodes), expected);
        QCOMPARE(queue.held(), std::size_t(0));
    }

    void removingAnUnarmedNodeDoesNothing() {
        TimerQueue queue;
        Nodes nodes(2);
        queue.push(nodes[0], at(1));
        queue.remove(nodes[1]);
        QCOMPARE(queue.size(), std::size_t(1));
        QCOMPARE(popAll(queue, nodes), std::vector<int>{0});
    }

    void rearmingMovesTheTimer() {
        TimerQueue queue;
        Nodes nodes(3);
        queue.push(nodes[0], at(5)); // ring
        queue.push(nodes[1], at(3)); // heap
        queue.push(nodes[2], at(7)); // ring
        queue.push(nodes[0], at(9)); // from the ring's head to its tail
        queue.push(nodes[1], at(8)); // from the heap to the heap
        QCOMPARE(queue.size(), std::size_t(3));
        QCOMPARE(popAll(queue, nodes), (std::vector<int>{2, 1, 0}));
        // Re-armed at the same deadline, it goes behind the others that have it (FIFO).
        queue.push(nodes[0], at(4));
        queue.push(nodes[1], at(4));
        queue.push(nodes[0], at(4));
        QCOMPARE(popAll(queue, nodes), (std::vector<int>{1, 0}));
    }

    void ringDropsRemovedEntries() {
        // Timers armed in order all take the ring; removed ones scattered through it leave
        // holes, which it must not keep piling up.
        constexpr std::size_t n = 1000;
        TimerQueue queue;
        Nodes nodes(n);
        for (std::size_t i = 0; i < n; ++i)
            queue.push(nodes[i], at(int(i)));
        QCOMPARE(countWhere(nodes, Node::Ring), int(n));
        for (std::size_t k = 0; k < n; ++k) {
            queue.remove(nodes[k * 7 % n]); // every node once, not in order
            const std::size_t holes = queue.held() - queue.size();
            QVERIFY2(holes <= std::max<std::size_t>(64, queue.size()),
                     qPrintable(QStringLiteral("%1 holes for %2 timers after %3 removals")
                                    .arg(holes)
                                    .arg(queue.size())
                                    .arg(k + 1)));
            QCOMPARE(queue.size(), n - k - 1);
        }
        QCOMPARE(queue.held(), std::size_t(0));
        QVERIFY(queue.empty());
        // The survivors of a compaction keep their order and their places.
        for (std::size_t i = 0; i < n; ++i)
            queue.push(nodes[i], at(int(i)));
        std::vector<int> expected;
        for (std::size_t i = 0; i < n; ++i) {
            if (i % 3 == 0)
                queue.remove(nodes[i]);
            else
                expected.push_back(int(i));
        }
        QCOMPARE(popAll(queue, nodes), expected);
    }

    void clearHandsBackEveryArmedNode() {
        TimerQueue queue;
        Nodes nodes(6);
        const int deadlines[] = {3, 1, 4, 1, 5, 9};
        for (std::size_t i = 0; i < 6; ++i)
            queue.push(nodes[i], at(deadlines[i]));
        queue.remove(nodes[2]);
        std::vector<int> dropped;
        queue.clear([&](Node& node) {
            QVERIFY(!node.armed());
            dropped.push_back(int(nodes.indexOf(&node)));
        });
        std::sort(dropped.begin(), dropped.end());
        QCOMPARE(dropped, (std::vector<int>{0, 1, 3, 4, 5}));
        QVERIFY(queue.empty());
        QCOMPARE(queue.held(), std::size_t(0));
        queue.push(nodes[4], at(2)); // usable again
        queue.push(nodes[5], at(1));
        QCOMPARE(popAll(queue, nodes), (std::vector<int>{5, 4}));
    }

    void matchesAModel_data() {
        QTest::addColumn<int>("timers");
        QTest::addColumn<int>("operations");
        QTest::addColumn<int>("inOrderPercent"); // deadlines that follow the last one armed
        QTest::addColumn<int>("removePercent");
        QTest::addColumn<int>("popPercent");
        QTest::addColumn<int>("spread"); // deadlines fall within now + [0, spread) ms
        // Many timers armed, then drained: the gather of 10 000 sleeps and its mirror image.
        QTest::newRow("many, in order") << 100'000 << 100'000 << 100 << 0 << 0 << 1000;
        QTest::newRow("many, random") << 100'000 << 100'000 << 0 << 0 << 0 << 1000;
        QTest::newRow("many, mixed, with removals") << 50'000 << 100'000 << 50 << 25 << 0 << 1000;
        // Pushes, pops and removals interleaved as time moves on: the ring wraps around.
        QTest::newRow("interleaved, in order") << 2000 << 200'000 << 100 << 10 << 40 << 50;
        QTest::newRow("interleaved, mixed") << 2000 << 200'000 << 70 << 10 << 40 << 50;
        QTest::newRow("interleaved, random") << 2000 << 200'000 << 0 << 20 << 40 << 50;
        QTest::newRow("interleaved, equal deadlines") << 500 << 100'000 << 50 << 20 << 40 << 1;
    }
    void matchesAModel() {
        QFETCH(int, timers);
        QFETCH(int, operations);
        QFETCH(int, inOrderPercent);
        QFETCH(int, removePercent);
        QFETCH(int, popPercent);
        QFETCH(int, spread);
        const auto n = std::size_t(timers);
        std::mt19937 random(12345);
        auto percent = [&random](int p) { return int(random() % 100) < p; };
        TimerQueue queue;
        Model model(n);
        Nodes nodes(n);
        int now = 0;
        int last = 0; // the latest deadline armed: in-order pushes go at or after it
        std::size_t ringPushes = 0;
        std::size_t heapPushes = 0;
        std::vector<int> got;
        std::vector<int> want;
        for (int op = 0; op < operations; ++op) {
            const std::size_t i = random() % n;
            if (percent(popPercent)) {
                now += int(random() % 3);
                Node* node = queue.popDue(at(now));
                got.push_back(node ? int(nodes.indexOf(node)) : -1);
                want.push_back(int(model.popDue(at(now))));
            } else if (percent(removePercent)) {
                queue.remove(nodes[i]);
                model.remove(i);
            } else {
                const int when = percent(inOrderPercent) ? std::max(last, now) + int(random() % 3)
                                                         : now + int(random() % unsigned(spread));
                last = std::max(last, when);
                queue.push(nodes[i], at(when));
                model.push(i, at(when));
                (nodes[i].where == Node::Ring ? ringPushes : heapPushes)++;
            }
            if (queue.size() != model.timers.size())
                QFAIL(qPrintable(QStringLiteral("size %1, model %2 after %3 operations")
                                     .arg(queue.size())
                                     .arg(model.timers.size())
                                     .arg(op + 1)));
        }
        QCOMPARE(got, want);
        got.clear();
        want.clear();
        while (Node* node = queue.popDue(never))
            got.push_back(int(nodes.indexOf(node)));
        for (long i; (i = model.popDue(never)) >= 0;)
            want.push_back(int(i));
        QCOMPARE(got, want);
        QCOMPARE(queue.held(), std::size_t(0));
        // Each row exercises the paths it names (and the mixed ones, both).
        if (inOrderPercent > 0)
            QVERIFY(ringPushes > 0);
        if (inOrderPercent < 100)
            QVERIFY(heapPushes > 0);
        qInfo("%zu pushes took the ring, %zu the heap", ringPushes, heapPushes);
    }
};

QTEST_GUILESS_MAIN(TestTimerQueue)
#include "tst_timer_queue.moc"
