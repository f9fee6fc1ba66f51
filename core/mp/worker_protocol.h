// The conversation between a parent and a worker process, shared by Process, Pool and
// ProcessPoolExecutor, and by both start methods: a forked child calls runWorker() directly,
// the spawned tasklane-worker calls it from main(). Internal to the mp/ and futures/ code.
//
// One AF_UNIX stream socket per worker carries length-prefixed frames (header: u32 type,
// u32 payload size; native byte order, as both ends are this build on this machine):
//   parent -> worker  Task     job, task name, items x arguments, trace ids per item
//   worker -> parent  Ready    the worker runs (the end of its `spawning` slice)
//                     Started  it picked a job up (the end of the job's `queued` slice)
//                     Printed  a line a task printed, with its time
//                     Result   the values of the job's items, or the message of the one
//                              that raised (the items after it do not run, as in Python)
// The parent ends the conversation with shutdown(SHUT_WR): the worker sees end of file and
// exits 0. A socket, not a pipe, so that writes can use MSG_NOSIGNAL (a dead peer is an error
// code, never a SIGPIPE that would kill the GUI) and so that shutdown() reaches the worker
// even if another child inherited a copy of the parent's end.
#pragma once

#include "mp/start_method.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tasklane {

class SharedTraceBuffer;
class TraceRecorder;
template <class T> class SharedValue;

namespace detail {

enum class Message : std::uint32_t { Task = 1, Ready, Started, Printed, Result };

struct TaskRequest {
    std::uint64_t job = 0;
    std::string name;
    std::uint32_t count = 0;           // items
    std::uint32_t arity = 0;           // arguments per item
    std::vector<long long> args;       // count * arity
    std::vector<std::uint32_t> tasks;  // trace task id per item; empty when untraced
    std::vector<std::uint32_t> labels; // interned label per item; empty when untraced
    std::span<const long long> argsOf(std::size_t item) const {
        return {args.data() + item * arity, arity};
    }
};

struct TaskReply {
    std::uint64_t job = 0;
    std::vector<long long> values; // of the items that returned, in order
    bool failed = false;           // then item values.size() raised `error`
    std::string error;
};

// Where a big map's values travel instead of the frames: a region of shared memory (a memfd)
// that the parent fills with the arguments and the workers answer into. The parent passes its
// fd to a worker (SCM_RIGHTS) with the first Task frame that uses it; the worker maps it and
// keeps it until the next region arrives. Positions count values (long long) from its start.
struct BulkRef {
    std::uint32_t id = 0;         // the region; a new id means a new fd comes with this frame
    std::uint64_t args_at = 0;    // count * arity argument values
    std::uint64_t results_at = 0; // count result values
};

// A Task frame's fields, as read from a payload without copying: `name` and the arrays point
// into it (unaligned; read them with argsOf / taskOf / labelOf).
struct TaskView {
    std::uint64_t job = 0;
    std::string_view name;
    std::uint32_t count = 0;
    std::uint32_t arity = 0;
    bool traced = false;
    bool bulk = false; // the values are in shared memory: see `where`; args is null
    BulkRef where;
    const char* args = nullptr;   // count * arity values
    const char* tasks = nullptr;  // count values when traced
    const char* labels = nullptr; // count values when traced
    void argsOf(std::size_t item, long long* out) const;
    std::uint32_t taskOf(std::size_t item) const;
    std::uint32_t labelOf(std::size_t item) const;
};

// A Result frame's fields, read without copying: `values` points into the payload.
struct ReplyView {
    std::uint64_t job = 0;
    std::uint32_t count = 0;
    const char* values = nullptr; // count values, unaligned; null when bulk
    bool bulk = false;            // the values are in the task's shared region, not here
    bool failed = false;
    std::string_view error;
    void copyValues(long long* out, std::size_t n) const; // n <= count
};

// Appends a whole Task frame to `out`. `args` holds count * arity values, or is empty when
// `bulk` says where they are; `tasks` and `labels` are empty (untraced) or hold count values
// each.
void appendTask(std::string& out, std::uint64_t job, std::string_view name, std::uint32_t count,
                std::uint32_t arity, std::span<const long long> args,
                std::span<const std::uint32_t> tasks, std::span<const std::uint32_t> labels,
                const BulkRef* bulk = nullptr);
bool decodeTask(std::string_view payload, TaskView& view);
bool decodeReply(std::string_view payload, ReplyView& view);

// What Ready, Started and Printed carry.
struct Stamp {
    std::uint64_t job = 0;
    std::int64_t at = 0;
    std::int32_t cpu = -1;
    std::string_view text;
};

std::string encode(const TaskRequest& request);
std::string encode(const TaskReply& reply);
std::string encodeStamp(Message type, const Stamp& stamp);
bool decode(std::string_view payload, TaskRequest& request);
bool decode(std::string_view payload, TaskReply& reply);
bool decodeStamp(std::string_view payload, Stamp& stamp);

// A byte buffer that grows without zero-filling and never shrinks: frames are read into and
// built in place, and the memory is reused from one frame to the next.
class ByteBuffer {
public:
    char* data() { return data_.get(); }
    const char* data() const { return data_.get(); }
    std::size_t size() const { return size_; }
    std::size_t capacity() const { return capacity_; }
    std::string_view view() const { return {data_.get(), size_}; }
    void clear() { size_ = 0; }
    void reserve(std::size_t n);
    void resize(std::size_t n) { // new bytes are left uninitialised
        reserve(n);
        size_ = n;
    }
    void append(const void* p, std::size_t n);

private:
    std::unique_ptr<char[]> data_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

// Splits the bytes read from a socket into frames.
class FrameReader {
public:
    // Reads what the socket holds now, without blocking. False once the peer has closed.
    bool readFrom(int fd);
    // One blocking read of whatever arrives (a blocking socket). False at end of file.
    bool readBlocking(int fd);
    // The next complete frame; `payload` stays valid until the next readFrom() / readBlocking().
    bool next(Message& type, std::string_view& payload);
    // The oldest fd that came with the bytes read so far (SCM_RIGHTS, readBlocking only), now
    // the caller's; -1 if none came.
    int takeFd();

    FrameReader() = default;
    FrameReader(const FrameReader&) = delete;
    FrameReader& operator=(const FrameReader&) = delete;
    ~FrameReader(); // closes the fds nobody took

private:
    void makeRoom(); // free space for at least the rest of the frame being read, or 64 KiB

    ByteBuffer buffer_;
    std::size_t pos_ = 0;
    std::vector<int> fds_;
};

// Blocking writes of whole frames; false when the peer is gone.
bool sendAll(int fd, std::string_view data);

// What a worker needs to know; the same for both start methods.
struct WorkerSetup {
    int fd = -1;                       // the socket to the parent
    bool single = false;               // a Process: exit code 1 if its task raised
    std::string_view name;             // "worker 1", for the traceback a Process prints
    std::uint32_t track = 0;           // its track in the parent's recorder
    TraceRecorder* recorder = nullptr; // attached to the shared trace buffer; null: untraced
    SharedValue<long long>* shared_value = nullptr;
};

// The worker's loop: Ready, then run every Task it is sent until end of file. Returns the exit
// code. Never throws.
int runWorker(const WorkerSetup& setup) noexcept;

// How to start one worker process.
struct LaunchSpec {
    StartMethod method = StartMethod::Fork;
    WorkerSetup setup;                               // fd is filled in by launch()
    SharedTraceBuffer* trace = nullptr;              // with setup.recorder: where the child records
    const std::function<void()>* function = nullptr; // fork only: run this, not the loop
    std::uint32_t function_task = 0;
    std::uint32_t function_label = 0;
    bool close_other_fds = true; // a forked child keeps only its socket (and 0, 1, 2)
};

struct Launched {
    int pid = -1;
    int fd = -1;    // the parent's end of the socket, non-blocking, close-on-exec
    int pidfd = -1; // readable once the process has ended; -1 if the kernel has no pidfd
};

// In a child: asks the kernel for SIGKILL when the parent dies (PR_SET_PDEATHSIG), then
// checks that the parent is still `expected`: one that died before the request was made
// left the child to init already, and no signal would ever come. Then the child dies now.
// The kernel's "parent" is the thread that forked or spawned: a worker is started by the
// thread that runs its pool or Process, which outlives it.
void dieWithParent(int expected) noexcept;

// Forks or spawns. Throws std::system_error when the process cannot be started.
Launched launch(const LaunchSpec& spec);

// "was terminated by signal 9 (Killed)", "exited with code 3": Python's wording of a status.
std::string describeExit(int status);
// Python's exitcode: the exit status, or minus the signal number that killed it.
int exitCodeOf(int status);

// pidfd_open / pidfd_send_signal through syscall(): glibc 2.36's <sys/pidfd.h> lacks
// extern "C", so its wrappers cannot be linked from C++. -1 when the kernel has no pidfds.
int pidfdOpen(int pid);
bool pidfdSignal(int pidfd, int sig);

// waitpid() that retries on EINTR; returns the pid, 0 (WNOHANG, still running) or -1.
int waitFor(int pid, int* status, bool block);
// Waits until the process ended (pidfd readable) or `timeoutMs` passed (-1: no limit); true if
// it ended. Without a pidfd, polls waitpid every few milliseconds.
bool waitExit(int pid, int pidfd, int timeoutMs, int* status);

} // namespace detail
} // namespace tasklane
