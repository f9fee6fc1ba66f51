// BulkRegionCache: the shared memory a big map's values travel through, kept from one map to
// the next. Pool writes a big map's arguments into a region before it submits the chunks, the
// workers read them in place and write their results into it (see detail::BulkRef): through
// the sockets the values would be copied four times. A fresh page costs 2-3 us here, so a new
// 16 MB region would cost more than the whole map: regions no map uses are kept, up to
// kCacheBytes in all, for the next map of any pool. Process-wide and thread-safe.
#pragma once

#include "mp/shared_memory.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace tasklane {

class BulkRegionCache {
public:
    struct Region {
        SharedMemory memory;
        std::uint32_t id = 0; // the same while the region is reused: workers keep their mapping
        // Cleared when a job using it failed while a worker may still be writing into it
        // (terminate() does not wait for the workers to die): then it is not reused.
        mutable std::atomic<bool> reusable{true};
        long long* values() const { return static_cast<long long*>(memory.data()); }
    };

    static constexpr std::size_t kCacheBytes = 64u << 20;

    // A region for at least `values` long longs, mapped, for this caller alone until it drops
    // it; then it goes back to the cache (unless it is no longer reusable).
    static std::shared_ptr<Region> take(std::size_t values);
    static std::size_t cachedBytes();
    static void release(); // unmaps and closes the kept regions

    // Readies memory that is about to be written whole (a big map's result vector); what it
    // holds is discarded. Its pages are replaced by fresh ones mapped at once, huge where the
    // kernel allows: one system call rather than a trap per page, and no copy-on-write copies
    // of heap pages that the forked workers share.
    static void discardAndPopulate(void* data, std::size_t bytes);

    BulkRegionCache() = delete;

private:
    static void giveBack(Region* region);
};

} // namespace tasklane
