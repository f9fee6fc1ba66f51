#include "mp/shared_memory.h"

#include <cerrno>
#include <sys/mman.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace tasklane {

namespace {
[[noreturn]] void fail(int error, const char* what) {
    throw std::system_error(error, std::generic_category(), what);
}
} // namespace

SharedMemory SharedMemory::create(std::size_t bytes, const char* name, Pages pages) {
    SharedMemory m;
    m.fd_ = ::memfd_create(name, MFD_CLOEXEC);
    if (m.fd_ < 0)
        fail(errno, "memfd_create");
    if (::ftruncate(m.fd_, off_t(bytes)) != 0)
        fail(errno, "ftruncate of shared memory");
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                     MAP_SHARED | (pages == Pages::Populate ? MAP_POPULATE : 0), m.fd_, 0);
    if (p == MAP_FAILED)
        fail(errno, "mmap of shared memory");
    m.data_ = p;
    m.size_ = bytes;
    return m;
}

SharedMemory SharedMemory::attach(int fd, Pages pages) {
    SharedMemory m;
    m.fd_ = fd; // owned from here, so it is closed on every error below
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        fail(errno, "fstat of shared memory");
    if (st.st_size <= 0)
        fail(EINVAL, "empty shared memory");
    void* p = ::mmap(nullptr, std::size_t(st.st_size), PROT_READ | PROT_WRITE,
                     MAP_SHARED | (pages == Pages::Populate ? MAP_POPULATE : 0), fd, 0);
    if (p == MAP_FAILED)
        fail(errno, "mmap of shared memory");
    m.data_ = p;
    m.size_ = std::size_t(st.st_size);
    return m;
}

SharedMemory::SharedMemory(SharedMemory&& other) noexcept
    : data_(std::exchange(other.data_, nullptr))
    , size_(std::exchange(other.size_, 0))
    , fd_(std::exchange(other.fd_, -1)) {}

SharedMemory& SharedMemory::operator=(SharedMemory&& other) noexcept {
    if (this != &other) {
        reset();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

SharedMemory::~SharedMemory() {
    reset();
}

void SharedMemory::reset() noexcept {
    if (data_ != nullptr)
        ::munmap(data_, size_);
    if (fd_ >= 0)
        ::close(fd_);
    data_ = nullptr;
    size_ = 0;
    fd_ = -1;
}

} // namespace tasklane
