#include "mp/task_registry.h"

#include "mp/shared_value.h"
#include "workload/workload.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <unistd.h>

namespace tasklane {

namespace {

long long arg(std::span<const long long> args, std::size_t i, long long fallback) {
    return i < args.size() ? args[i] : fallback;
}

void print(const TaskEnv& env, std::string_view line) {
    if (env.output != nullptr) {
        env.output->print(line);
        return;
    }
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
}

// The optional work parameters: microseconds of CPU work, then of blocking I/O.
void work(std::span<const long long> args, std::size_t first) {
    if (const long long us = arg(args, first, 0); us > 0)
        workload::cpu(std::chrono::microseconds(us));
    if (const long long us = arg(args, first + 1, 0); us > 0)
        workload::io(std::chrono::microseconds(us));
}

// Python's integers do not overflow; ours wrap (unsigned arithmetic, so it is defined).
long long wrapMul(long long a, long long b) {
    return static_cast<long long>(static_cast<unsigned long long>(a) *
                                  static_cast<unsigned long long>(b));
}

long long square(std::span<const long long> args, const TaskEnv&) {
    work(args, 1);
    return wrapMul(args[0], args[0]);
}

long long cube(std::span<const long long> args, const TaskEnv&) {
    work(args, 1);
    return wrapMul(wrapMul(args[0], args[0]), args[0]);
}

long long cpu(std::span<const long long> args, const TaskEnv&) {
    work(args, 0);
    return 0;
}

long long io(std::span<const long long> args, const TaskEnv&) {
    if (args[0] > 0)
        workload::io(std::chrono::microseconds(args[0]));
    return 0;
}

long long printNumbers(std::span<const long long> args, const TaskEnv& env) {
    const long long count = arg(args, 0, 5);
    const long long delayUs = arg(args, 1, 0);
    for (long long i = 0; i < count; ++i) {
        print(env, "Number: " + std::to_string(i));
        if (delayUs > 0)
            workload::io(std::chrono::microseconds(delayUs));
    }
    return 0;
}

long long increment(std::span<const long long> args, const TaskEnv& env) {
    const long long times = arg(args, 0, 1);
    const bool locked = arg(args, 1, 1) != 0;
    const long long cpuUs = arg(args, 2, 0);
    SharedValue<long long>* value = env.shared_value;
    if (value == nullptr)
        throw std::invalid_argument("increment needs a shared value (the shared_value option of "
                                    "Process, Pool or ProcessPoolExecutor)");
    long long last = 0;
    for (long long i = 0; i < times; ++i) {
        if (cpuUs > 0)
            workload::cpu(std::chrono::microseconds(cpuUs));
        if (locked) {
            std::lock_guard lock(value->get_lock());
            last = value->value() + 1;
            value->set(last);
        } else {
            value->increment_unlocked();
            last = value->value();
        }
    }
    return last;
}

long long fail(std::span<const long long> args, const TaskEnv&) {
    throw std::runtime_error("fail(" + std::to_string(arg(args, 0, 0)) + "): failed on purpose");
}

long long crash(std::span<const long long>, const TaskEnv&) {
    std::abort();
}

long long exitNow(std::span<const long long> args, const TaskEnv&) {
    ::_exit(int(arg(args, 0, 0)));
}

long long getPid(std::span<const long long>, const TaskEnv&) {
    return ::getpid();
}

constexpr std::array<TaskRegistry::Task, 10> kTasks = {{
    {"square", square, 1, 3, 1, "square(n, cpu_us=0, io_us=0)",
     "n ** 2, after cpu_us of CPU work and io_us of blocking I/O"},
    {"cube", cube, 1, 3, 1, "cube(n, cpu_us=0, io_us=0)",
     "n ** 3, after cpu_us of CPU work and io_us of blocking I/O"},
    {"cpu", cpu, 1, 1, 1, "cpu(us)", "us microseconds of CPU work (real arithmetic); returns 0"},
    {"io", io, 1, 1, 1, "io(us)", "blocks us microseconds, as I/O does; returns 0"},
    {"print_numbers", printNumbers, 0, 2, 0, "print_numbers(count=5, delay_us=0)",
     "prints Number: 0 .. Number: count-1; returns 0"},
    {"increment", increment, 0, 3, 0, "increment(times=1, lock=1, cpu_us=0)",
     "adds 1 to the shared value `times` times, under get_lock() unless lock=0; returns the "
     "value it last saw"},
    {"fail", fail, 0, 1, 1, "fail(n=0)", "raises an error naming n (for tests)"},
    {"crash", crash, 0, 0, 0, "crash()", "abort()s the process (for tests)"},
    {"exit", exitNow, 0, 1, 1, "exit(code=0)", "ends the process at once with `code` (for tests)"},
    {"getpid", getPid, 0, 0, 0, "getpid()", "the pid of the process that runs it"},
}};

} // namespace

std::string TaskCall::label() const {
    return TaskRegistry::label(name, args);
}

std::span<const TaskRegistry::Task> TaskRegistry::tasks() {
    return kTasks;
}

const TaskRegistry::Task* TaskRegistry::find(std::string_view name) {
    for (const Task& t : kTasks)
        if (t.name == name)
            return &t;
    return nullptr;
}

const TaskRegistry::Task& TaskRegistry::check(std::string_view name, std::size_t argc) {
    const Task* task = find(name);
    if (task == nullptr) {
        std::string known;
        for (const Task& t : kTasks)
            known += (known.empty() ? "" : ", ") + std::string(t.name);
        throw std::invalid_argument("unknown task '" + std::string(name) + "' (known: " + known +
                                    ")");
    }
    if (argc < std::size_t(task->min_args) || argc > std::size_t(task->max_args)) {
        const std::string range =
            task->min_args == task->max_args
                ? std::to_string(task->min_args)
                : std::to_string(task->min_args) + " to " + std::to_string(task->max_args);
        throw std::invalid_argument(std::string(name) + " takes " + range + " arguments: " +
                                    std::string(task->signature) + "; got " + std::to_string(argc));
    }
    return *task;
}

long long TaskRegistry::call(std::string_view name, std::span<const long long> args,
                             const TaskEnv& env) {
    return check(name, args.size()).function(args, env);
}

std::string TaskRegistry::label(std::string_view name, std::span<const long long> args) {
    const Task* task = find(name);
    const std::size_t shown =
        task != nullptr ? std::min(args.size(), std::size_t(task->label_args)) : args.size();
    std::string text(name);
    text += '(';
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0)
            text += ", ";
        text += std::to_string(args[i]);
    }
    text += ')';
    return text;
}

} // namespace tasklane
