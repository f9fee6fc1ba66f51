#include "patterns/async_patterns.h"

#include "aio/aio.h"
#include "patterns/python_repr.h"
#include "patterns/python_template.h"
#include "patterns/run_error.h"
#include "patterns/stopped_run_keeper.h"
#include "trace/trace_recorder.h"

#include <QStandardPaths>
#include <QtGlobal> // QT_TRANSLATE_NOOP only marks: the window translates, core stays English

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <filesystem>
#include <iomanip>
#include <sstream>
#include <system_error>

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace tasklane {

namespace {

using Nanos = std::chrono::nanoseconds;

Nanos scaledMs(double ms, double scale) {
    return Nanos(static_cast<std::int64_t>(ms * scale * 1e6));
}

std::string seconds(double ms) {
    std::ostringstream s;
    s << ms / 1000;
    return s.str();
}

// Coroutine parameters are taken by value: they live in the coroutine's frame.
Task<void> sayHello(Nanos delay) {
    print("Hello!");
    co_await sleep(delay);
    print("Goodbye!");
}

Task<void> namedTask(std::string name, Nanos delay) {
    print("Task " + name + " 시작");
    co_await sleep(delay);
    print("Task " + name + " 완료");
}

Task<void> gatherAll(std::vector<std::string> names, std::vector<Nanos> delays) {
    std::vector<Task<void>> tasks;
    for (std::size_t i = 0; i < names.size(); ++i)
        tasks.push_back(create_task(namedTask(names[i], delays[i]), "Task " + names[i]));
    co_await gather(std::move(tasks));
}

std::string taskName(std::size_t i) {
    if (i < 26)
        return std::string(1, char('A' + i));
    // Appended rather than "T" + to_string(): GCC 12 warns (-Wrestrict) on that inlined insert.
    std::string name = "T";
    name += std::to_string(i + 1);
    return name;
}

// Runs `main` on a traced event loop. The sequential estimate is what the coroutines wait
// for back to back (their sleeps), since their own steps take microseconds; a negative one
// keeps the trace's own (the work its tasks did on the loop and the executor threads).
// Efficiency is measured against the tracks its tasks ran on, as for its trace file.
RunResult runOnLoop(Task<void> main, double sequentialMs, RunControl& control) {
    // The workers are the tracks its tasks ran on (the loop, the executor's threads that
    // got a job), as its trace file says when opened.
    const int parallelism = kWorkersOfTrace;
    if (control.stopRequested())
        throw RunStopped{};
    TraceRecorder recorder;
    const StoppedRunKeeper keeper(control, recorder, parallelism);
    RunResult out;
    std::int64_t begin = 0;
    std::int64_t end = 0;
    {
        EventLoop loop(&recorder);
        begin = TraceRecorder::now();
        main = loop.create_task(std::move(main), "main");
        // Stop cancels the main task on the loop's thread: its CancelledError ends the run
        // at once, however long the sleeps it awaits.
        const StopHandler stop(control, [&loop, core = main.core()] {
            loop.call_soon_threadsafe([core] { core->cancel(); });
        });
        stoppable(control, [&] { loop.run(std::move(main)); });
        end = TraceRecorder::now();
        out.output = loop.printed();
    }
    out.trace = recorder.finish();
    out.metrics = computeMetrics(out.trace, begin, end, parallelism);
    if (sequentialMs < 0)
        return out;
    out.metrics = againstBaseline(out.metrics, sequentialMs, parallelism);
    return out;
}

} // namespace

// --- async-hello (3.1) ---------------------------------------------------------------------

std::string AsyncHelloPattern::description() const {
    return QT_TRANSLATE_NOOP(
        "tasklane::Pattern",
        "One coroutine prints, awaits asyncio.sleep (the loop is free meanwhile), prints "
        "again.");
}

std::vector<ParamSpec> AsyncHelloPattern::params() const {
    return {
        {"io-ms",
         ParamKind::Double,
         0,
         60'000,
         1000.0,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec", "the await asyncio.sleep(1) in between"),
         "ms",
         {}},
        timeScaleParam(QT_TRANSLATE_NOOP("tasklane::ParamSpec", "multiplies every duration")),
    };
}

std::string AsyncHelloPattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    const double ms = p.number("io-ms") * p.number("time-scale");
    return renderPythonTemplate(id(), {{"delay_s", seconds(ms)}});
}

RunResult AsyncHelloPattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const double ms = p.number("io-ms") * p.number("time-scale");
    return runOnLoop(sayHello(scaledMs(p.number("io-ms"), p.number("time-scale"))), ms, control);
}

// --- async-gather (3.2) --------------------------------------------------------------------

std::string AsyncGatherPattern::description() const {
    return QT_TRANSLATE_NOOP(
        "tasklane::Pattern",
        "Three coroutines sleep at once on one thread: the whole takes about the longest "
        "delay, not the sum.");
}

std::vector<ParamSpec> AsyncGatherPattern::params() const {
    return {
        {"delays",
         ParamKind::IntList,
         0,
         60'000,
         std::vector<long long>{2000, 1000, 3000},
         QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                           "each task's asyncio.sleep, in order: task A, B, C, ..."),
         "ms",
         {}},
        timeScaleParam(QT_TRANSLATE_NOOP("tasklane::ParamSpec", "multiplies every duration")),
    };
}

// The tutorial's 2 s, 1 s and 3 s halved: the same story (about the longest, not the sum) in
// 1.5 s instead of 3.
Params AsyncGatherPattern::lessonParams() const {
    return {{"delays", std::vector<long long>{1000, 500, 1500}}};
}

std::string AsyncGatherPattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    const auto& delays = p.list("delays");
    const double scale = p.number("time-scale");
    std::string calls;
    for (std::size_t i = 0; i < delays.size(); ++i)
        calls += "        task(\"" + taskName(i) + "\", " + seconds(double(delays[i]) * scale) +
                 ")" + (i + 1 < delays.size() ? ",\n" : "");
    return renderPythonTemplate(id(), {{"calls", calls}});
}

RunResult AsyncGatherPattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const auto& delays = p.list("delays");
    const double scale = p.number("time-scale");
    std::vector<std::string> names;
    std::vector<Nanos> waits;
    double sum = 0;
    for (std::size_t i = 0; i < delays.size(); ++i) {
        names.push_back(taskName(i));
        waits.push_back(scaledMs(double(delays[i]), scale));
        sum += double(delays[i]) * scale;
    }
    return runOnLoop(gatherAll(std::move(names), std::move(waits)), sum, control);
}

// --- async-file (3.3) ----------------------------------------------------------------------

namespace {

std::string errnoText(int err) {
    return std::generic_category().message(err);
}

// A failure in Tasklane's words: the sentence marked for the window's translation, its
// arguments (folders, file names, sizes, the system's words) put in as they are.
[[noreturn]] void fail(const char* source, std::vector<std::string> args) {
    TextMessage message{"tasklane::RunError", source, {}};
    for (std::string& arg : args)
        message.args.push_back(TextMessage::plain(std::move(arg)));
    throw RunError(std::move(message));
}

// asyncio.Semaphore, as much of it as the pattern needs: at most `value` holders, the others
// wait in FIFO order. Loop-thread only. A permit handed to a waiter that is cancelled before
// it resumes goes back, so a cancellation never loses one.
class Semaphore {
public:
    explicit Semaphore(long long value)
        : value_(value) {}

    class Acquire {
    public:
        explicit Acquire(Semaphore& s)
            : s_(s) {}
        bool await_ready() {
            if (s_.value_ > 0 && s_.waiters_.empty()) {
                --s_.value_;
                return true;
            }
            return false;
        }
        bool await_suspend(std::coroutine_handle<> h) {
            task_ = &detail::currentTask();
            if (task_->cancelPending())
                return false;
            const std::uint64_t id = task_->suspend(h, [this] {
                std::erase_if(s_.waiters_, [this](const Waiter& w) { return w.acquire == this; });
                return false; // nothing else will wake it: the task wakes to its CancelledError
            });
            s_.waiters_.push_back({task_->weak_from_this(), id, this});
            task_->waitingForOthers();
            return true;
        }
        void await_resume() {
            if (task_ == nullptr)
                return;
            try {
                task_->throwIfCancelled();
            } catch (...) {
                if (granted_)
                    s_.release();
                throw;
            }
        }

    private:
        friend class Semaphore;
        Semaphore& s_;
        detail::TaskCore* task_ = nullptr;
        bool granted_ = false;
    };

    Acquire acquire() { return Acquire(*this); }

    void release() {
        while (!waiters_.empty()) {
            const Waiter w = waiters_.front();
            waiters_.pop_front();
            // A waiter still parked here has its awaiter alive in its frame.
            if (auto task = w.task.lock(); task && task->waitingFor(w.id)) {
                w.acquire->granted_ = true;
                task->wake(w.id);
                return;
            }
        }
        ++value_;
    }

private:
    struct Waiter {
        detail::WeakTaskRef task;
        std::uint64_t id;
        Acquire* acquire;
    };
    long long value_;
    std::deque<Waiter> waiters_;
};

// `async with limit:` — releases however the block is left (an error, a cancellation).
class SemaphoreHeld {
public:
    explicit SemaphoreHeld(std::shared_ptr<Semaphore> s)
        : s_(std::move(s)) {}
    ~SemaphoreHeld() { s_->release(); }
    SemaphoreHeld(const SemaphoreHeld&) = delete;
    SemaphoreHeld& operator=(const SemaphoreHeld&) = delete;

private:
    std::shared_ptr<Semaphore> s_;
};

struct FileJob {
    std::string folder;
    std::vector<std::string> names;
    std::shared_ptr<const std::string> data;
    long long concurrency = 1;
    const RunControl* control = nullptr;
};

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

// The aiofiles part proper: open, write, close, then open, read, close, each one offloaded
// to the loop's executor and awaited.
Task<std::string> writeAndReadBack(std::string path, std::shared_ptr<const std::string> data) {
    AsyncFile out = co_await async_open(path, "w");
    co_await out.write(*data);
    co_await out.close();
    AsyncFile in = co_await async_open(path, "r");
    std::string back = co_await in.read();
    co_await in.close();
    co_return back;
}

Task<std::string> writeFile(std::shared_ptr<const FileJob> job, std::size_t index,
                            std::shared_ptr<Semaphore> limit, std::shared_ptr<long long> finished) {
    co_await limit->acquire();
    SemaphoreHeld held(limit);
    if (job->control->stopRequested())
        throw RunStopped{};
    const std::string& name = job->names[index];
    std::string back;
    try {
        back = co_await writeAndReadBack(job->folder + "/" + name, job->data);
    } catch (const std::system_error& e) {
        // One line naming the folder and what the system said, whichever call it was.
        fail(QT_TRANSLATE_NOOP("tasklane::RunError", "cannot write into folder '%1': %2 (%3)"),
             {job->folder, e.code().message(), name});
    }
    if (back != *job->data)
        fail(QT_TRANSLATE_NOOP("tasklane::RunError",
                               "%1 in '%2' reads back %3 bytes that differ from the %4 written"),
             {name, job->folder, std::to_string(back.size()), std::to_string(job->data->size())});
    job->control->progress(++*finished, static_cast<long long>(job->names.size()));
    co_return firstLine(back);
}

Task<void> writeFiles(std::shared_ptr<const FileJob> job) {
    auto limit = std::make_shared<Semaphore>(job->concurrency);
    auto finished = std::make_shared<long long>(0);
    std::vector<Task<std::string>> tasks;
    tasks.reserve(job->names.size());
    for (std::size_t i = 0; i < job->names.size(); ++i)
        tasks.push_back(create_task(writeFile(job, i, limit, finished), "write " + job->names[i]));
    const std::vector<std::string> firstLines = co_await gather(std::move(tasks));
    const std::string size = " (" + std::to_string(job->data->size()) + " bytes): ";
    for (std::size_t i = 0; i < firstLines.size(); ++i)
        print(job->names[i] + size + firstLines[i]);
    const std::size_t n = job->names.size();
    print(std::to_string(n) + (n == 1 ? " file in " : " files in ") + job->folder);
}

struct RunFolder {
    std::string path;
    bool made = false; // by this run, under the temp location
};

// The user's folder as given, checked now so that a typo gets its own clear line rather
// than whatever open() says about the first file.
RunFolder givenFolder(const std::string& folder) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT)
            fail(QT_TRANSLATE_NOOP("tasklane::RunError", "out-dir '%1' does not exist"), {folder});
        fail(QT_TRANSLATE_NOOP("tasklane::RunError", "out-dir '%1' cannot be used: %2"),
             {folder, errnoText(err)});
    }
    if (!S_ISDIR(st.st_mode))
        fail(QT_TRANSLATE_NOOP("tasklane::RunError", "out-dir '%1' is not a folder"), {folder});
    // access() is what the kernel would decide for this user (root passes it, and then a
    // read-only file system still fails the first open, reported the same way).
    if (::access(folder.c_str(), W_OK | X_OK) != 0) {
        const int err = errno;
        fail(QT_TRANSLATE_NOOP("tasklane::RunError", "out-dir '%1' is not writable: %2"),
             {folder, errnoText(err)});
    }
    return {folder, false};
}

// A new folder per run, named by the time it was made; mkdtemp makes the name unique even
// for runs in the same second (auto-run), and private to the user (mode 0700).
RunFolder newRunFolder() {
    const std::string temp =
        QStandardPaths::writableLocation(QStandardPaths::TempLocation).toStdString();
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::ostringstream name;
    name << temp << '/' << AsyncFilePattern::kRunFolderPrefix
         << std::put_time(&local, "%Y%m%d-%H%M%S") << "-XXXXXX";
    std::string path = name.str();
    if (::mkdtemp(path.data()) == nullptr) {
        const int err = errno;
        fail(QT_TRANSLATE_NOOP("tasklane::RunError", "cannot make a run folder in '%1': %2"),
             {temp, errnoText(err)});
    }
    return {path, true};
}

// A run that did not finish leaves no run folder of its own behind: nobody was shown it.
void discard(const RunFolder& folder, const std::vector<std::string>& names) {
    if (!folder.made)
        return;
    std::error_code ignored;
    for (const auto& name : names)
        std::filesystem::remove(folder.path + "/" + name, ignored);
    std::filesystem::remove(folder.path, ignored); // only if empty: never more than ours
}

std::string sizeText(double bytes) {
    static const char* const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024 && unit < 4) {
        bytes /= 1024;
        ++unit;
    }
    std::ostringstream s;
    s << std::fixed << std::setprecision(unit == 0 ? 0 : 1) << bytes << ' ' << units[unit];
    return s.str();
}

void checkSpace(const std::string& folder, long long needed) {
    struct statvfs fs {};
    // Not knowing (an error, or a pseudo file system such as /sys that reports no blocks at
    // all) is no reason to refuse: the writes will say what is wrong.
    if (::statvfs(folder.c_str(), &fs) != 0 || fs.f_blocks == 0)
        return;
    const double free = double(fs.f_bavail) * double(fs.f_frsize);
    if (double(needed) > free)
        fail(QT_TRANSLATE_NOOP("tasklane::RunError",
                               "not enough space in '%1': the files need %2, %3 free"),
             {folder, sizeText(double(needed)), sizeText(free)});
}

// How a file of `bytes` bytes is made: the text `copies` times, a newline between them,
// then `padding` dots. Below the text's own size, the text alone.
struct ContentLayout {
    long long copies = 1;
    long long padding = 0;
};

ContentLayout contentLayout(long long bytes) {
    const auto text = static_cast<long long>(std::strlen(AsyncFilePattern::kText));
    if (bytes <= text)
        return {};
    const long long copies = 1 + (bytes - text) / (text + 1);
    return {copies, bytes - (copies * (text + 1) - 1)};
}

// A Python string literal: the text as is (Python 3 source is UTF-8), quotes, backslashes
// and control characters escaped.
std::string pythonString(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[5];
            std::snprintf(escaped, sizeof escaped, "\\x%02x",
                          unsigned(static_cast<unsigned char>(c)));
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + '"';
}

} // namespace

std::string AsyncFilePattern::fileContent(long long bytes) {
    const std::string text = kText;
    const auto [copies, padding] = contentLayout(bytes);
    std::string out;
    out.reserve(std::size_t(std::max(bytes, 0LL)));
    out = text;
    for (long long i = 1; i < copies; ++i)
        out += '\n' + text;
    out.append(std::size_t(padding), '.');
    return out;
}

std::string AsyncFilePattern::fileName(long long index, long long files) {
    if (files <= 1)
        return "example.txt";
    const int width = int(std::to_string(files).size());
    std::ostringstream name;
    name << "example" << std::setw(width) << std::setfill('0') << index + 1 << ".txt";
    return name.str();
}

std::string AsyncFilePattern::description() const {
    return QT_TRANSLATE_NOOP(
        "tasklane::Pattern",
        "Coroutines write \"비동기 파일 작성!\" into files through aiofiles-style async "
        "files: open, write and read run on the executor's threads while the loop waits "
        "for them; each file is read back and checked.");
}

std::vector<ParamSpec> AsyncFilePattern::params() const {
    const long long textBytes = static_cast<long long>(std::strlen(kText));
    return {
        {"files",
         ParamKind::Int,
         1,
         1000,
         1LL,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                           "how many files: example.txt for one, example01.txt... for more"),
         "",
         {}},
        {"bytes",
         ParamKind::Int,
         double(textBytes),
         4 * 1024 * 1024,
         textBytes,
         QT_TRANSLATE_NOOP(
             "tasklane::ParamSpec",
             "each file's size: the text is 24 bytes; more repeats it on further lines and pads "
             "the end with '.'"),
         "",
         {}},
        {"concurrency",
         ParamKind::Int,
         1,
         256,
         4LL,
         QT_TRANSLATE_NOOP("tasklane::ParamSpec",
                           "at most this many files open at once (an asyncio.Semaphore)"),
         "",
         {}},
        {"out-dir",
         ParamKind::Folder,
         0,
         0,
         std::string(),
         QT_TRANSLATE_NOOP(
             "tasklane::ParamSpec",
             "the folder the files go to (existing ones of the same name are replaced); empty: a "
             "new run folder in the temp folder, shown in the output"),
         "",
         {}},
    };
}

// Eight files of 1 MiB, four open at once: the threads' writes and reads overlap while the
// loop waits, where one 24-byte file shows only the cost of offloading.
Params AsyncFilePattern::lessonParams() const {
    return {{"files", 8LL}, {"bytes", 1024LL * 1024}, {"concurrency", 4LL}};
}

// Measured on this machine: 50 files of 1 MiB written and read back in 45 to 62 ms, 50 of
// 4 MiB in about 0.7 s, 1,000 files of 24 bytes in 0.26 s (the page cache taking most).
double AsyncFilePattern::expectedMs(const Params& given) const {
    const Params p = withDefaults(given);
    const double mib = double(p.integer("bytes")) / (1024.0 * 1024.0);
    return double(p.integer("files")) * (0.25 + 1.5 * mib) + 10;
}

std::string AsyncFilePattern::pythonCode(const Params& given) const {
    const Params p = withDefaults(given);
    const long long files = p.integer("files");
    const long long bytes = p.integer("bytes");
    const long long concurrency = p.integer("concurrency");
    const std::string& folder = p.text("out-dir");
    const bool single = files == 1;

    // The content as an expression Python evaluates to the same bytes.
    const auto [copies, padding] = contentLayout(bytes);
    std::string data =
        copies == 1 ? "TEXT" : "\"\\n\".join([TEXT] * " + std::to_string(copies) + ")";
    if (padding > 0)
        data += " + \".\" * " + std::to_string(padding);

    TemplateValues v;
    v["new_folder"] = flag(folder.empty());
    v["folder_prefix"] = kRunFolderPrefix;
    v["folder"] = folder.empty() ? std::string() : pythonString(folder);
    v["text"] = pythonString(kText);
    v["limited"] = flag(!single && concurrency < files);
    v["concurrency"] = std::to_string(concurrency);
    v["data"] = data;
    v["single"] = flag(single);
    v["width"] = std::to_string(std::to_string(files).size());
    v["files_end"] = std::to_string(files + 1);
    return renderPythonTemplate(id(), v);
}

RunResult AsyncFilePattern::run(const Params& given, RunControl& control) const {
    const Params p = withDefaults(given);
    const long long files = p.integer("files");
    const long long bytes = p.integer("bytes");
    const long long concurrency = p.integer("concurrency");
    if (control.stopRequested())
        throw RunStopped{};

    std::string outDir = p.text("out-dir");
    while (outDir.size() > 1 && outDir.back() == '/')
        outDir.pop_back(); // "/tmp/x/" names the same folder, and joins and prints better
    const RunFolder folder = outDir.empty() ? newRunFolder() : givenFolder(outDir);
    auto job = std::make_shared<FileJob>();
    job->folder = folder.path;
    for (long long i = 0; i < files; ++i)
        job->names.push_back(fileName(i, files));
    job->data = std::make_shared<const std::string>(fileContent(bytes));
    job->concurrency = concurrency;
    job->control = &control;
    try {
        checkSpace(folder.path, files * bytes);
        RunResult out = runOnLoop(writeFiles(job), -1, control);
        out.result = folder.path;
        return out;
    } catch (...) {
        discard(folder, job->names);
        throw;
    }
}

} // namespace tasklane
