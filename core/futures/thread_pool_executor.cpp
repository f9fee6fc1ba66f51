#include "futures/thread_pool_executor.h"

#include "concurrency/python_error.h"
#include "gil/gil.h"
#include "trace/trace_recorder.h"

#include <algorithm>
#include <pthread.h>
#include <stdexcept>
#include <unistd.h>

namespace tasklane {

int ThreadPoolExecutor::defaultMaxWorkers() {
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    return std::min(32, cores + 4);
}

ThreadPoolExecutor::ThreadPoolExecutor(int max_workers)
    : ThreadPoolExecutor(Options{max_workers}) {}

ThreadPoolExecutor::ThreadPoolExecutor(Options options)
    : options_(std::move(options)) {
    if (options_.max_workers == 0)
        options_.max_workers = defaultMaxWorkers();
    if (options_.max_workers < 0)
        throw ValueError("max_workers must be greater than 0");
}

ThreadPoolExecutor::~ThreadPoolExecutor() {
    shutdown(true);
}

int ThreadPoolExecutor::threadCount() const {
    std::lock_guard lock(mutex_);
    return int(threads_.size());
}

void ThreadPoolExecutor::prepare(WorkItem& item, std::string_view label) {
    if (TraceRecorder* rec = options_.recorder) {
        item.task = rec->newTaskId();
        item.label = rec->intern(label);
        item.submitted = TraceRecorder::now();
    }
}

std::int64_t ThreadPoolExecutor::traceNow() const {
    return options_.recorder != nullptr ? TraceRecorder::now() : 0;
}

void ThreadPoolExecutor::traceSubmitter(std::int64_t submitting, std::int64_t waiting,
                                        std::int64_t done) {
    TraceRecorder* rec = options_.recorder;
    if (rec == nullptr)
        return;
    rec->slice(options_.submitter_track, State::Running, submitting, waiting, 0,
               rec->intern("map: submit"), TraceRecorder::currentCpu());
    rec->slice(options_.submitter_track, State::Idle, waiting, done, 0,
               rec->intern("map: wait for results"));
}

void ThreadPoolExecutor::enqueue(std::vector<std::unique_ptr<WorkItem>>& items) {
    bool wake = false;
    {
        std::lock_guard lock(mutex_);
        if (shutdown_)
            throw RuntimeError("cannot schedule new futures after shutdown");
        for (auto& item : items) {
            queue_.push_back(std::move(item));
            // Python's _adjust_thread_count, per submitted item: reuse an idle worker, else
            // start one if allowed.
            if (idle_ > 0) {
                --idle_;
            } else if (int(threads_.size()) < options_.max_workers) {
                const int index = int(threads_.size()) + 1;
                // Registered here, in index order, so that the chart lists worker 1, 2, 3...
                // rather than in the order the threads happened to start; each thread fills
                // in its own tid.
                const std::uint32_t track =
                    options_.recorder != nullptr
                        ? options_.recorder->addTrack(TrackKind::Thread, workerName(index), -1, 0)
                        : 0;
                threads_.emplace_back([this, index, track] { workerLoop(index, track); });
            }
        }
        wake = sleeping_ > 0;
    }
    if (wake)
        items.size() == 1 ? wake_.notify_one() : wake_.notify_all();
}

std::string ThreadPoolExecutor::workerName(int index) const {
    return options_.thread_name_prefix + " " + std::to_string(index);
}

void ThreadPoolExecutor::workerLoop(int index, std::uint32_t track) {
    const std::string name = workerName(index);
    pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
    TraceRecorder* rec = options_.recorder;
    if (rec != nullptr)
        rec->updateTrack(track, ::getpid(), TraceRecorder::currentTid(), name);

    for (;;) {
        std::unique_ptr<WorkItem> item;
        {
            std::unique_lock lock(mutex_);
            while (queue_.empty() && !shutdown_) {
                ++sleeping_;
                wake_.wait(lock);
                --sleeping_;
            }
            if (queue_.empty())
                return; // shut down and drained
            item = std::move(queue_.front());
            queue_.pop_front();
        }
        if (!item->start())
            continue;
        if (rec != nullptr) {
            const std::int64_t now = TraceRecorder::now();
            rec->asyncSlice(track, State::Queued, item->submitted, now, item->task, item->label);
            rec->flow(rec->newFlowId(), options_.submitter_track, item->submitted, track, now,
                      item->task);
        }
        {
            TaskContext ctx(rec, track, item->task, item->label, options_.gil);
            // Under the GIL the task runs once it holds it: gil-wait first, then running.
            ctx.acquireGil();
            if (!ctx.holdsGil())
                ctx.enter(State::Running);
            item->run();
            // Idle before the future completes, so that a caller who waited for this result
            // and submits again finds this worker rather than starting another thread.
            {
                std::lock_guard lock(mutex_);
                ++idle_;
            }
        }
        // After the task's slice has ended: whoever the result wakes may start more work at
        // once, and its slices must not begin before this one's end in the trace.
        item->complete(); // wakes result() and runs the done callbacks, on this thread
        item.reset();
    }
}

void ThreadPoolExecutor::shutdown(bool wait, bool cancel_futures) {
    std::vector<std::thread> threads;
    std::deque<std::unique_ptr<WorkItem>> cancelled;
    {
        std::lock_guard lock(mutex_);
        shutdown_ = true;
        if (cancel_futures)
            cancelled.swap(queue_);
        if (wait)
            threads.swap(threads_);
    }
    wake_.notify_all();
    // Outside the lock: cancelling runs done callbacks, which may call back into the pool.
    for (auto& item : cancelled)
        item->cancel();
    if (threads.empty())
        return;
    const std::int64_t joining = TraceRecorder::now();
    for (auto& t : threads)
        t.join();
    // Waiting for the workers to finish is part of the run (`with` waits for it): unrecorded,
    // the chart ends in an empty tail that the makespan still counts.
    if (TraceRecorder* rec = options_.recorder)
        rec->slice(options_.submitter_track, State::Sleeping, joining, TraceRecorder::now(), 0,
                   rec->intern("shutdown (join workers)"));
}

} // namespace tasklane
