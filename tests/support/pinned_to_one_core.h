// PinnedToOneCore: pins the calling thread, and so the threads and processes it starts, to one
// core (the first it may use) for as long as it lives, and restores the old affinity however
// the test function leaves (a failed QVERIFY returns early). Tests of the waiting-for-core
// state use it to make oversubscription certain on any machine.
#pragma once

#include <sched.h>

class PinnedToOneCore {
public:
    PinnedToOneCore() {
        if (sched_getaffinity(0, sizeof old_, &old_) != 0)
            return;
        int first = 0;
        while (first < CPU_SETSIZE && !CPU_ISSET(first, &old_))
            ++first;
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(first, &one);
        pinned_ = sched_setaffinity(0, sizeof one, &one) == 0;
    }
    ~PinnedToOneCore() {
        if (pinned_)
            sched_setaffinity(0, sizeof old_, &old_);
    }
    PinnedToOneCore(const PinnedToOneCore&) = delete;
    PinnedToOneCore& operator=(const PinnedToOneCore&) = delete;
    bool pinned() const { return pinned_; }

private:
    cpu_set_t old_{};
    bool pinned_ = false;
};
