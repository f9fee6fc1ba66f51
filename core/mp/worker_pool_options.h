// WorkerPoolOptions: how the worker processes of a Pool or a ProcessPoolExecutor start and what
// they record, one struct for both (each adds its own count of workers, under Python's name:
// Pool's `processes`, ProcessPoolExecutor's `max_workers`).
#pragma once

#include "mp/start_method.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace tasklane {

class TraceRecorder;
template <class T> class SharedValue;

struct WorkerPoolOptions {
    StartMethod start_method = StartMethod::Fork;
    // With a recorder: a track per worker process, each job's queued slice and a flow from
    // `submitter_track`; the workers' own events reach it once the pool has ended, so it must
    // outlive the pool.
    TraceRecorder* recorder = nullptr;
    std::uint32_t submitter_track = 0;              // where flows start; a track of `recorder`
    SharedValue<long long>* shared_value = nullptr; // what `increment` tasks change
    std::string name_prefix = "worker";             // workers are "worker 1", "worker 2", ...
    std::size_t trace_capacity = 0;                 // events the workers may record; 0: the default
};

} // namespace tasklane
