// WorkerChannel: the parent's end of one worker's socket (see worker_protocol.h for the
// frames). It queues Task frames and sends them without ever blocking, as much as the socket
// takes at a time; a shared region's fd travels with the first frame that uses it
// (SCM_RIGHTS), once per region and worker. It splits what the worker sends into frames.
// Used by WorkerPool's handler thread alone.
#pragma once

#include "mp/bulk_region_cache.h"
#include "mp/worker_protocol.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

namespace tasklane {

class WorkerChannel {
public:
    explicit WorkerChannel(int fd); // the parent's end, non-blocking; now this channel's
    ~WorkerChannel();               // closes it
    WorkerChannel(const WorkerChannel&) = delete;
    WorkerChannel& operator=(const WorkerChannel&) = delete;

    int fd() const { return fd_; }

    // Queues a whole frame behind those not yet sent (`frame` is taken as it is when none
    // waits: no copy). With a region the frame's values are in, that region's fd goes along
    // unless this worker has it already.
    void queue(std::string& frame, const std::shared_ptr<const BulkRegionCache::Region>& region);
    bool hasUnsent() const { return outPos_ < out_.size(); }
    // Sends what the socket takes now; the rest when poll says it takes more (POLLOUT).
    void flush();

    // Reads what the socket holds, without blocking; then next() hands out the whole frames.
    void receive();
    // The next whole frame received; `payload` stays valid until the next receive().
    bool next(detail::Message& type, std::string_view& payload) {
        return reader_.next(type, payload);
    }
    bool eof() const { return eof_; } // the worker closed its end (it is exiting)

    // End of file for the worker: it exits once it has answered what it was sent.
    void sendEof();
    bool eofSent() const { return eofSent_; }
    void close(); // once the worker has ended

private:
    // A shared region's fd goes with the first frame to use it, from this position of out_.
    struct FdMark {
        std::size_t at = 0;
        std::shared_ptr<const BulkRegionCache::Region> region; // keeps the fd open until sent
    };

    int fd_ = -1;
    bool eof_ = false;
    bool eofSent_ = false;
    std::string out_; // frames not yet sent, from outPos_
    std::size_t outPos_ = 0;
    std::deque<FdMark> fdMarks_;
    std::uint32_t regionId_ = 0; // the region this worker has (been sent)
    detail::FrameReader reader_;
};

} // namespace tasklane
