// SharedMemory: a region that a parent and its child processes all map, backed by a memfd.
// A memfd has no name under /dev/shm, so nothing outlives the last process that maps it or
// holds its fd, whatever way a run ends. The fd is close-on-exec: a spawned worker gets it only
// when a parent passes it on deliberately, and a forked child needs none (the mapping is
// inherited at the same address).
#pragma once

#include <cstddef>

namespace tasklane {

class SharedMemory {
public:
    SharedMemory() = default;
    // What to do with the pages when mapping: leave them to be faulted in one by one as they are
    // first touched, or map them all at once (one system call instead of a trap per page: a
    // region that is written whole, such as a map's arguments, costs a quarter as much).
    enum class Pages { OnTouch, Populate };
    // A new zero-filled region.
    static SharedMemory create(std::size_t bytes, const char* name, Pages pages = Pages::OnTouch);
    // Maps the region behind an fd that was inherited or received; takes ownership of the fd.
    static SharedMemory attach(int fd, Pages pages = Pages::OnTouch);

    SharedMemory(SharedMemory&& other) noexcept;
    SharedMemory& operator=(SharedMemory&& other) noexcept;
    SharedMemory(const SharedMemory&) = delete;
    SharedMemory& operator=(const SharedMemory&) = delete;
    ~SharedMemory(); // unmaps and closes

    void* data() const { return data_; }
    std::size_t size() const { return size_; }
    int fd() const { return fd_; }
    explicit operator bool() const { return data_ != nullptr; }

private:
    void reset() noexcept;

    void* data_ = nullptr;
    std::size_t size_ = 0;
    int fd_ = -1;
};

} // namespace tasklane
