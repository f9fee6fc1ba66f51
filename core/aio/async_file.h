// AsyncFile: aiofiles for the event loop. async_open, write, read and close each run the
// blocking system call on the loop's thread pool and are awaited, so the loop keeps
// running other tasks during file I/O. Failures (a missing folder, no permission) arrive
// in the awaiting coroutine as std::system_error naming the path. Modes are Python's:
// "r", "w", "a", "x", with "+" and "b" ("t" is accepted; text is UTF-8 bytes here).
#pragma once

#include "aio/task.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace tasklane {

class AsyncFile {
public:
    AsyncFile() = default;

    const std::string& path() const;
    const std::string& mode() const;
    bool closed() const;

    // Returns the number of bytes written.
    Task<std::size_t> write(std::string data);
    // Reads `size` bytes, or up to the end of the file when size < 0.
    Task<std::string> read(std::int64_t size = -1);
    Task<void> close();

private:
    friend Task<AsyncFile> async_open(std::string path, std::string mode);
    struct State;
    std::shared_ptr<State> state_;
};

Task<AsyncFile> async_open(std::string path, std::string mode = "r");

} // namespace tasklane
