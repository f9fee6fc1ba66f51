#include "mp/bulk_region_cache.h"

#include <algorithm>
#include <mutex>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

namespace tasklane {

namespace {
// The regions no map is using, for the next.
struct Cache {
    std::mutex mutex;
    std::vector<std::unique_ptr<BulkRegionCache::Region>> free;
    std::size_t bytes = 0;
    std::uint32_t lastId = 0;
};

Cache& cache() {
    static Cache* cache = new Cache; // never destroyed: maps may end after main()
    return *cache;
}

// The smallest free region that holds `bytes`, taken out of the cache; null if none does.
std::unique_ptr<BulkRegionCache::Region> takeFitting(Cache& c, std::size_t bytes) {
    std::lock_guard lock(c.mutex);
    auto best = c.free.end();
    for (auto it = c.free.begin(); it != c.free.end(); ++it)
        if ((*it)->memory.size() >= bytes &&
            (best == c.free.end() || (*it)->memory.size() < (*best)->memory.size()))
            best = it;
    if (best == c.free.end())
        return nullptr;
    std::unique_ptr<BulkRegionCache::Region> region = std::move(*best);
    c.free.erase(best);
    c.bytes -= region->memory.size();
    return region;
}
} // namespace

std::shared_ptr<BulkRegionCache::Region> BulkRegionCache::take(std::size_t values) {
    const std::size_t bytes = std::max<std::size_t>(values, 1) * sizeof(long long);
    Cache& c = cache();
    std::unique_ptr<Region> region = takeFitting(c, bytes);
    if (!region) {
        region = std::make_unique<Region>();
        // Rounded up to 1 MiB, so that maps of about the same size share regions.
        const std::size_t size = (bytes + (1u << 20) - 1) & ~std::size_t((1u << 20) - 1);
        region->memory = SharedMemory::create(size, "tasklane-map", SharedMemory::Pages::Populate);
        std::lock_guard lock(c.mutex);
        region->id = ++c.lastId;
    }
    return std::shared_ptr<Region>(region.release(), &BulkRegionCache::giveBack);
}

void BulkRegionCache::giveBack(Region* region) {
    std::unique_ptr<Region> owned(region);
    if (!owned->reusable.load())
        return;
    Cache& c = cache();
    std::lock_guard lock(c.mutex);
    // Over the limit: the oldest regions go.
    while (!c.free.empty() && c.bytes + owned->memory.size() > kCacheBytes) {
        c.bytes -= c.free.front()->memory.size();
        c.free.erase(c.free.begin());
    }
    if (owned->memory.size() <= kCacheBytes) {
        c.bytes += owned->memory.size();
        c.free.push_back(std::move(owned));
    }
}

std::size_t BulkRegionCache::cachedBytes() {
    Cache& c = cache();
    std::lock_guard lock(c.mutex);
    return c.bytes;
}

void BulkRegionCache::release() {
    std::vector<std::unique_ptr<Region>> released; // unmapped outside the lock
    Cache& c = cache();
    std::lock_guard lock(c.mutex);
    released.swap(c.free);
    c.bytes = 0;
}

void BulkRegionCache::discardAndPopulate(void* data, std::size_t bytes) {
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 // Linux 5.14; glibc 2.36's headers may not name it
#endif
    // The whole pages inside [data, data + bytes), found as offsets from `data` so that the
    // pointer stays one (no integer-to-pointer cast).
    const auto page = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    const auto at = std::uintptr_t(data);
    const std::size_t head = (page - at % page) % page;
    const std::size_t tail = (at + bytes) % page;
    if (bytes <= head + tail)
        return;
    char* begin = static_cast<char*>(data) + head;
    const std::size_t length = bytes - head - tail;
    // Errors are fine (no THP, a kernel older than 5.14): then pages come as they are touched.
    ::madvise(begin, length, MADV_DONTNEED);
    ::madvise(begin, length, MADV_HUGEPAGE);
    ::madvise(begin, length, MADV_POPULATE_WRITE);
}

} // namespace tasklane
