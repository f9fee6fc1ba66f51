// ThreadPoolExecutor: concurrent.futures.ThreadPoolExecutor in C++. Threads start lazily,
// one per submit while none is idle, up to max_workers (Python's default min(32, cores + 4));
// map returns results in input order and re-raises the first failed item's exception;
// shutdown(wait, cancel_futures) drains the queue unless told to cancel it; the destructor
// waits, as leaving a `with` block does. With a TraceRecorder every task leaves a queued
// slice, its running / gil-wait / sleeping slices on its worker's track, and a flow from
// the submitting thread to the worker.
#pragma once

#include "concurrency/future.h"
#include "workload/task_context.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <variant>
#include <vector>

namespace tasklane {

class Gil;
class TraceRecorder;

class ThreadPoolExecutor {
public:
    struct Options {
        int max_workers = 0; // 0: Python's default, min(32, cores + 4)
        TraceRecorder* recorder = nullptr;
        Gil* gil = nullptr;
        std::uint32_t submitter_track = 0; // where flows start; a track of `recorder`
        std::string thread_name_prefix = "worker";
    };

    explicit ThreadPoolExecutor(int max_workers = 0);
    explicit ThreadPoolExecutor(Options options);
    ~ThreadPoolExecutor();
    ThreadPoolExecutor(const ThreadPoolExecutor&) = delete;
    ThreadPoolExecutor& operator=(const ThreadPoolExecutor&) = delete;

    static int defaultMaxWorkers();
    int max_workers() const { return options_.max_workers; }
    int threadCount() const;

    template <class F, class... Args> auto submit(F&& fn, Args&&... args) {
        return submitLabelled(std::string_view(), std::forward<F>(fn), std::forward<Args>(args)...);
    }

    // As submit; the label names the task in the trace ("square(3)").
    template <class F, class... Args>
    auto submitLabelled(std::string_view label, F&& fn, Args&&... args) {
        auto [item, future] = makeItem(std::forward<F>(fn), std::forward<Args>(args)...);
        prepare(*item, label);
        std::vector<std::unique_ptr<WorkItem>> one;
        one.push_back(std::move(item));
        enqueue(one);
        return future;
    }

    // Submits fn(item) for every item, then collects the results in input order. The first
    // failed item (in input order) re-raises its exception after the items not yet started
    // are cancelled, as Python's map does when its iterator is closed. With a name, tasks
    // are labelled "name(item)".
    template <class F, class Range>
    auto map(F&& fn, const Range& items, std::string_view name = {}) {
        using Item0 = std::decay_t<decltype(*std::begin(items))>;
        using R = std::invoke_result_t<std::decay_t<F>, Item0>;
        const std::int64_t submitting = traceNow();
        std::vector<Future<R>> futures;
        std::vector<std::unique_ptr<WorkItem>> work;
        futures.reserve(std::size(items));
        work.reserve(std::size(items));
        std::string label;
        for (const auto& item : items) {
            if (!name.empty())
                label = labelFor(name, item);
            auto [w, future] = makeItem(fn, item);
            prepare(*w, label);
            work.push_back(std::move(w));
            futures.push_back(std::move(future));
        }
        // One lock for the whole batch: the workers start as soon as it is released.
        enqueue(work);
        const std::int64_t waiting = traceNow();
        std::vector<R> results;
        results.reserve(futures.size());
        for (std::size_t i = 0; i < futures.size(); ++i) {
            try {
                results.push_back(futures[i].result());
            } catch (...) {
                for (std::size_t j = i + 1; j < futures.size(); ++j)
                    futures[j].cancel();
                traceSubmitter(submitting, waiting, traceNow());
                throw;
            }
        }
        traceSubmitter(submitting, waiting, traceNow());
        return results;
    }

    // Stops accepting work. cancel_futures cancels what has not started; wait joins the
    // workers (after they drain what is left in the queue).
    void shutdown(bool wait = true, bool cancel_futures = false);

private:
    struct WorkItem {
        virtual ~WorkItem() = default;
        virtual bool start() = 0;    // false when cancelled before it started
        virtual void run() = 0;      // calls the function, keeps its outcome; never throws
        virtual void complete() = 0; // hands the outcome to the future
        virtual void cancel() = 0;
        std::uint32_t task = 0;
        std::uint32_t label = 0;
        std::int64_t submitted = 0;
    };
    template <class R, class Fn> struct Item final : WorkItem {
        explicit Item(Fn f)
            : fn(std::move(f)) {}
        bool start() override { return future.set_running_or_notify_cancel(); }
        void run() override {
            try {
                if constexpr (std::is_void_v<R>)
                    fn();
                else
                    value.emplace(fn());
            } catch (...) {
                error = std::current_exception();
            }
        }
        void complete() override {
            if (error)
                future.set_exception(std::move(error));
            else if constexpr (std::is_void_v<R>)
                future.set_result();
            else
                future.set_result(std::move(*value));
        }
        void cancel() override { future.cancel(); }
        Fn fn;
        Future<R> future;
        std::optional<std::conditional_t<std::is_void_v<R>, std::monostate, R>> value;
        std::exception_ptr error;
    };

    template <class V> static std::string labelFor(std::string_view name, const V& value) {
        std::string label(name);
        if constexpr (std::is_arithmetic_v<V>) {
            label += '(';
            label += std::to_string(value);
            label += ')';
        }
        return label;
    }

    template <class F, class... Args> static auto makeItem(F&& fn, Args&&... args) {
        using R = std::invoke_result_t<std::decay_t<F>, std::decay_t<Args>...>;
        auto call = [fn = std::forward<F>(fn), ... args = std::forward<Args>(args)]() mutable -> R {
            return std::invoke(fn, args...);
        };
        auto item = std::make_unique<Item<R, decltype(call)>>(std::move(call));
        Future<R> future = item->future;
        return std::pair<std::unique_ptr<WorkItem>, Future<R>>(std::move(item), std::move(future));
    }
    void prepare(WorkItem& item, std::string_view label); // trace ids, submit time
    std::int64_t traceNow() const;                        // 0 when not tracing
    // The calling thread's side of map on the submitter track: running while it submits,
    // idle while it waits for the results.
    void traceSubmitter(std::int64_t submitting, std::int64_t waiting, std::int64_t done);
    void enqueue(std::vector<std::unique_ptr<WorkItem>>& items);
    void workerLoop(int index, std::uint32_t track);
    std::string workerName(int index) const; // "worker 3": the prefix and the 1-based index

    Options options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::unique_ptr<WorkItem>> queue_;
    std::vector<std::thread> threads_;
    int idle_ = 0;     // workers done with their last item (Python's idle semaphore)
    int sleeping_ = 0; // workers blocked on wake_: only they need a notify (a system call)
    bool shutdown_ = false;
};

} // namespace tasklane
