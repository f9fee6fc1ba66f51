// Future<T>: the result of work running elsewhere, as concurrent.futures.Future: result()
// blocks and re-raises the task's exception, cancel() succeeds only before the task starts,
// done callbacks run once it finishes (at once if it already has). Copies share one state.
// The executor side (set_running_or_notify_cancel, set_result, set_exception) is public,
// as in Python, so any executor can complete one.
#pragma once

#include "concurrency/python_error.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace tasklane {

template <class T> class Future {
    using Stored = std::conditional_t<std::is_void_v<T>, std::monostate, T>;
    enum class Status { Pending, Running, Cancelled, Finished };

    struct State {
        std::mutex mutex;
        std::condition_variable cv;
        Status status = Status::Pending;
        std::optional<Stored> value;
        std::exception_ptr error;
        std::vector<std::function<void(const Future&)>> callbacks;
        int waiters = 0; // threads blocked in result(): only then is a notify needed
    };

public:
    Future()
        : state_(std::make_shared<State>()) {}

    bool cancel() {
        std::unique_lock lock(state_->mutex);
        if (state_->status == Status::Running || state_->status == Status::Finished)
            return false;
        if (state_->status == Status::Cancelled)
            return true;
        state_->status = Status::Cancelled;
        complete(lock);
        return true;
    }
    bool cancelled() const { return is(Status::Cancelled); }
    bool running() const { return is(Status::Running); }
    bool done() const {
        std::lock_guard lock(state_->mutex);
        return state_->status == Status::Cancelled || state_->status == Status::Finished;
    }

    // Blocks until done; returns the value or re-raises the task's exception.
    T result() const { return result(std::nullopt); }
    template <class Rep, class Period> T result(std::chrono::duration<Rep, Period> timeout) const {
        return result(std::optional<std::chrono::nanoseconds>(timeout));
    }
    // The task's exception (nullptr if it returned normally).
    std::exception_ptr exception() const {
        std::unique_lock lock(state_->mutex);
        waitLocked(lock, std::nullopt);
        return state_->error;
    }
    void wait() const {
        std::unique_lock lock(state_->mutex);
        blockUntil(lock, std::nullopt);
    }

    void add_done_callback(std::function<void(const Future&)> fn) {
        {
            std::lock_guard lock(state_->mutex);
            if (!finishedOrCancelled()) {
                state_->callbacks.push_back(std::move(fn));
                return;
            }
        }
        fn(*this);
    }

    // Executor side. Returns false when the future was cancelled (the work must not run).
    bool set_running_or_notify_cancel() {
        std::lock_guard lock(state_->mutex);
        if (state_->status == Status::Cancelled)
            return false;
        state_->status = Status::Running;
        return true;
    }
    template <class... V> void set_result(V&&... v) {
        std::unique_lock lock(state_->mutex);
        state_->value.emplace(std::forward<V>(v)...);
        state_->status = Status::Finished;
        complete(lock);
    }
    void set_exception(std::exception_ptr error) {
        std::unique_lock lock(state_->mutex);
        state_->error = std::move(error);
        state_->status = Status::Finished;
        complete(lock);
    }

private:
    bool is(Status s) const {
        std::lock_guard lock(state_->mutex);
        return state_->status == s;
    }
    bool finishedOrCancelled() const {
        return state_->status == Status::Cancelled || state_->status == Status::Finished;
    }
    // Returns false on timeout.
    bool blockUntil(std::unique_lock<std::mutex>& lock,
                    std::optional<std::chrono::nanoseconds> timeout) const {
        const auto ready = [&] { return finishedOrCancelled(); };
        if (ready())
            return true;
        ++state_->waiters;
        bool ok = true;
        if (!timeout)
            state_->cv.wait(lock, ready);
        else
            ok = state_->cv.wait_for(lock, *timeout, ready);
        --state_->waiters;
        return ok;
    }
    void waitLocked(std::unique_lock<std::mutex>& lock,
                    std::optional<std::chrono::nanoseconds> timeout) const {
        if (!blockUntil(lock, timeout))
            throw TimeoutError();
        if (state_->status == Status::Cancelled)
            throw CancelledError();
    }
    // Called with the status just set under `lock`: wakes the waiters and runs the callbacks
    // outside the lock, in the thread that completed the future, as Python does.
    void complete(std::unique_lock<std::mutex>& lock) {
        std::vector<std::function<void(const Future&)>> callbacks;
        callbacks.swap(state_->callbacks);
        const bool notify = state_->waiters > 0;
        lock.unlock();
        if (notify)
            state_->cv.notify_all();
        for (auto& fn : callbacks) {
            try {
                fn(*this);
            } catch (...) {
                // Python logs and ignores an exception raised by a done callback.
            }
        }
    }
    T result(std::optional<std::chrono::nanoseconds> timeout) const {
        std::unique_lock lock(state_->mutex);
        waitLocked(lock, timeout);
        if (state_->error)
            std::rethrow_exception(state_->error);
        if constexpr (!std::is_void_v<T>)
            return *state_->value;
    }
    std::shared_ptr<State> state_;
};

} // namespace tasklane
