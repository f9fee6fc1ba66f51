#include "futures/thread_pool_executor.h"

#include "gil/gil.h"
#include "trace/trace_recorder.h"

#include <algorithm>
#include <pthread.h>
#include <stdexcept>

namespace tasklane {

int ThreadPoolExecutor::defaultMaxWorkers() {
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    return std::min(32, cores + 4);
}

ThreadPoolExecutor::ThreadPoolExecutor(int max_workers)
    : ThreadPoolExecutor(Options{max_workers}) {}

ThreadPoolExecutor::ThreadPoolExecutor(Options options) : options_(std::move(options)) {
    if (options_.max_workers == 0)
        options_.max_workers = defaultMaxWorkers();
    if (options_.max_workers < 0)
        throw std::invalid_argument("max_workers must be greater than 0");
}

ThreadPoolExecutor::~ThreadPoolExecutor() { shutdown(true); }

int ThreadPoolExecutor::threadCount() const {
    std::lock_guard lock(mutex_);
    return int(threads_.size());
}

void ThreadPoolExecutor::enqueue(std::unique_ptr<WorkItem> item, std::string_view label) {
    if (TraceRecorder* rec = options_.recorder) {
        item->task = rec->newTaskId();
        item->label = rec->intern(label);
        item->submitted = TraceRecorder::now();
    }
    {
        std::lock_guard lock(mutex_);
        if (shutdown_)
            throw std::runtime_error("cannot schedule new futures after shutdown");
        queue_.push_back(std::move(item));
        // Python's _adjust_thread_count: reuse an idle worker, else start one if allowed.
        if (idle_ > 0) {
            --idle_;
        } else if (int(threads_.size()) < options_.max_workers) {
            const int index = int(threads_.size()) + 1;
            threads_.emplace_back([this, index] { workerLoop(index); });
        }
    }
    wake_.notify_one();
}

void ThreadPoolExecutor::workerLoop(int index) {
    const std::string name = options_.thread_name_prefix + " " + std::to_string(index);
    pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
    TraceRecorder* rec = options_.recorder;
    const std::uint32_t track = rec != nullptr ? rec->addTrack(TrackKind::Thread, name) : 0;

    for (;;) {
        std::unique_ptr<WorkItem> item;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return !queue_.empty() || shutdown_; });
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
            ctx.enter(State::Running);
            ctx.acquireGil();
            item->run();
        }
        item.reset();
        {
            std::lock_guard lock(mutex_);
            ++idle_;
        }
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
    for (auto& t : threads)
        t.join();
}

} // namespace tasklane
