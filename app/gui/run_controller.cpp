#include "run_controller.h"

#include "core_text.h"
#include "language.h"
#include "patterns/run_error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <chrono>
#include <exception>

namespace tasklane {

namespace {

// At most this many progress updates a second reach the event loop, however many tasks a
// run finishes (a million tasks would otherwise flood it with a million queued calls).
constexpr std::int64_t kProgressIntervalNs = 50'000'000;

std::int64_t steadyNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The furthest progress a run reported, from whichever worker thread reported it.
struct ProgressReached {
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    void note(qint64 d, qint64 t) {
        total.store(t, std::memory_order_relaxed);
        qint64 seen = done.load(std::memory_order_relaxed);
        while (d > seen && !done.compare_exchange_weak(seen, d, std::memory_order_relaxed)) {
        }
    }
};

// A stopped run's outcome, with what it had recorded (on this worker thread, as a finished
// run's rows are made).
void keepStopped(RunOutcome& out, RunControl& control, GroupBy groupBy, const QLocale& locale) {
    out.status = RunOutcome::Status::Stopped;
    std::shared_ptr<RunResult> partial = control.takeStoppedResult();
    if (!partial)
        return;
    out.outputText =
        RunController::outputText(partial->output, RunController::kOutputDisplayLimit, locale);
    out.rows = std::make_shared<GanttRows>(partial->trace, groupBy);
    out.result = std::move(partial);
}

} // namespace

RunController::RunController(QObject* parent)
    : QObject(parent) {
    // Two threads: a replaced run may take a moment to notice its stop request, and the new
    // one should not queue behind it.
    pool_.setMaxThreadCount(2);
}

RunController::~RunController() {
    if (control_)
        control_->requestStop();
    pool_.waitForDone();
}

QString RunController::outputText(const std::vector<std::string>& lines, qsizetype limit,
                                  const QLocale& locale) {
    // Characters, not bytes: the note must agree with what the user could count. Counting
    // UTF-8 lead bytes is exact for code points and cheap for megabytes.
    qulonglong total = lines.empty() ? 0 : lines.size() - 1;
    for (const auto& line : lines)
        for (const char c : line)
            total += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;

    QString text;
    for (const auto& line : lines) {
        if (text.size() > limit)
            break;
        if (&line != &lines.front())
            text += u'\n';
        // A UTF-8 character is at most 4 bytes, so this many bytes always reach past the cut.
        const std::size_t bytes = std::min(line.size(), std::size_t(limit + 1) * 4);
        text += QString::fromUtf8(line.data(), qsizetype(bytes));
    }
    if (text.size() > limit) {
        text.truncate(limit);
        text += QCoreApplication::translate("tasklane::RunController",
                                            "\n\n[… output cut: showing the first %1 of %2 "
                                            "characters. Export the trace, or run tasklane-cli, "
                                            "for all of it.]")
                    .arg(locale.toString(qlonglong(limit)), locale.toString(total));
    }
    return text;
}

void RunController::start(const Pattern& pattern, const Params& params, GroupBy groupBy) {
    if (control_)
        control_->requestStop();
    const quint64 generation = ++generation_;
    auto control = std::make_shared<RunControl>();
    control_ = control;

    auto lastProgress = std::make_shared<std::atomic<std::int64_t>>(0);
    auto reached = std::make_shared<ProgressReached>();
    control->onProgress = [this, generation, lastProgress, reached](long long done,
                                                                    long long total) {
        reached->note(done, total);
        const std::int64_t now = steadyNs();
        std::int64_t last = lastProgress->load(std::memory_order_relaxed);
        if (done < total && now - last < kProgressIntervalNs)
            return;
        if (!lastProgress->compare_exchange_strong(last, now, std::memory_order_relaxed))
            return; // another worker reported this interval
        QMetaObject::invokeMethod(
            this,
            [this, generation, done, total] {
                if (generation == generation_ && running_)
                    Q_EMIT progress(done, total);
            },
            Qt::QueuedConnection);
    };

    auto* watcher = new QFutureWatcher<RunOutcome>(this);
    connect(watcher, &QFutureWatcher<RunOutcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_)
            return; // replaced by a newer run: its result must not land
        const RunOutcome outcome = watcher->result();
        running_ = false;
        control_.reset();
        Q_EMIT runningChanged(false);
        Q_EMIT finished(outcome);
    });

    const Pattern* p = &pattern; // the registry's patterns live as long as the program
    watcher->setFuture(
        QtConcurrent::run(&pool_, [p, params, groupBy, control, reached,
                                   language = Language::generation(), locale = QLocale()] {
            RunOutcome out;
            out.groupBy = groupBy;
            out.languageGeneration = language;
            QElapsedTimer clock;
            clock.start();
            try {
                if (control->stopRequested())
                    throw RunStopped{};
                auto result = std::make_shared<RunResult>(p->run(params, *control));
                out.outputText = outputText(result->output, kOutputDisplayLimit, locale);
                out.rows = std::make_shared<GanttRows>(result->trace, groupBy);
                out.result = std::move(result);
                out.status = RunOutcome::Status::Finished;
            } catch (const RunStopped&) {
                keepStopped(out, *control, groupBy, locale);
            } catch (const std::exception& e) {
                // A run told to stop ends however its primitives end when cut short: an
                // interrupted task, a terminated pool, a cancelled coroutine. That is a stop.
                if (control->stopRequested()) {
                    keepStopped(out, *control, groupBy, locale);
                } else {
                    out.status = RunOutcome::Status::Failed;
                    // Tasklane's own sentences (a folder, the disk, a process's exit code) are
                    // RunErrors, shown in the window's language. Python's exceptions
                    // ("BrokenProcessPool: ...", "ValueError: ...", "RuntimeError: ...") keep
                    // their English words: Python prints them in English too.
                    const auto* own = dynamic_cast<const RunError*>(&e);
                    out.error = own != nullptr ? coretext::message(own->message())
                                               : QString::fromUtf8(e.what());
                }
            } catch (...) {
                out.status = RunOutcome::Status::Failed;
                out.error = QCoreApplication::translate("tasklane::RunController",
                                                        "the run failed with an unknown error");
            }
            out.wallMs = double(clock.nsecsElapsed()) / 1e6;
            out.done = reached->done.load();
            out.total = reached->total.load();
            return out;
        }));

    const bool wasRunning = running_;
    running_ = true;
    Q_EMIT started();
    if (!wasRunning)
        Q_EMIT runningChanged(true);
}

void RunController::stop() {
    if (control_)
        control_->requestStop();
}

void RunController::discard() {
    stop();
    control_.reset();
    ++generation_; // its end, whenever it comes, is not this generation's
    if (running_) {
        running_ = false;
        Q_EMIT runningChanged(false);
    }
}

} // namespace tasklane
