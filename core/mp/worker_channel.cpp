#include "mp/worker_channel.h"

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace tasklane {

namespace {
// send(MSG_DONTWAIT | MSG_NOSIGNAL) of `data` with `fd` attached to its first byte
// (SCM_RIGHTS). Returns what send() returns: when positive, the fd went with those bytes.
ssize_t sendWithFd(int socket, std::string_view data, int fd) {
    iovec io{const_cast<char*>(data.data()), data.size()};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr msg{};
    msg.msg_iov = &io;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &fd, sizeof(int));
    return ::sendmsg(socket, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
}
} // namespace

WorkerChannel::WorkerChannel(int fd)
    : fd_(fd) {}

WorkerChannel::~WorkerChannel() {
    close();
}

void WorkerChannel::queue(std::string& frame,
                          const std::shared_ptr<const BulkRegionCache::Region>& region) {
    if (region && region->id != regionId_) {
        fdMarks_.push_back({hasUnsent() ? out_.size() : 0, region});
        regionId_ = region->id;
    }
    if (!hasUnsent()) {
        out_.swap(frame); // nothing pending: take the frame as it is, no copy
        outPos_ = 0;
    } else {
        out_.append(frame); // behind the frames still being sent
    }
    frame = std::string();
}

void WorkerChannel::flush() {
    while (hasUnsent()) {
        // Up to the next frame that carries an fd, or with that fd.
        std::size_t end = out_.size();
        int fd = -1;
        if (!fdMarks_.empty()) {
            if (fdMarks_.front().at == outPos_)
                fd = fdMarks_.front().region->memory.fd();
            else
                end = fdMarks_.front().at;
        }
        const std::string_view data(out_.data() + outPos_, end - outPos_);
        const ssize_t n = fd >= 0
                              ? sendWithFd(fd_, data, fd)
                              : ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0 && fd >= 0)
            fdMarks_.pop_front();
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // the rest when poll says the worker took some
        if (n <= 0)
            break; // the worker is gone; its pidfd tells how
        outPos_ += std::size_t(n);
    }
    out_.clear(); // keeps its capacity for the next frames
    outPos_ = 0;
    fdMarks_.clear(); // none left, but for a worker that is gone
}

void WorkerChannel::receive() {
    if (!eof_ && fd_ >= 0 && !reader_.readFrom(fd_))
        eof_ = true;
}

void WorkerChannel::sendEof() {
    ::shutdown(fd_, SHUT_WR);
    eofSent_ = true;
}

void WorkerChannel::close() {
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = -1;
}

} // namespace tasklane
