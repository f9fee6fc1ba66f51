// TaskRegistry: the functions a worker process can run by name, as pickle lets Python send a
// module-level function to a child by its qualified name. A task takes integer arguments and
// returns an integer (or throws). The table is fixed at compile time and compiled into the
// parent, forked children and the spawned tasklane-worker alike, so a name means the same code
// in all of them, and looking one up takes no lock (safe in a child of a multi-threaded parent).
//
// The tutorial's functions take optional trailing arguments that make them heavy, so a
// pattern can give `square` real work: square(n, cpu_us, io_us).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tasklane {

template <class T> class SharedValue;

// Where a task's print() goes: to the parent through the worker's pipe in a child process.
class TaskOutput {
public:
    virtual ~TaskOutput() = default;
    virtual void print(std::string_view line) = 0;
};

// What a task may use besides its arguments.
struct TaskEnv {
    TaskOutput* output = nullptr;                   // print(); stdout when null
    SharedValue<long long>* shared_value = nullptr; // what increment() changes
};

// One call: a registered name and its arguments.
struct TaskCall {
    std::string name;
    std::vector<long long> args;
    std::string label() const; // as the trace names it: "square(3)"
};

class TaskRegistry {
public:
    using Function = long long (*)(std::span<const long long> args, const TaskEnv& env);
    struct Task {
        std::string_view name;
        Function function;
        int min_args;
        int max_args;
        int label_args;             // how many leading arguments the label shows
        std::string_view signature; // "square(n, cpu_us=0, io_us=0)"
        std::string_view doc;
    };

    static std::span<const Task> tasks();
    static const Task* find(std::string_view name); // null when unknown

    // The task, or std::invalid_argument naming what is wrong: "unknown task 'x' (known:
    // square, cube, ...)" or "square takes 1 to 3 arguments: square(n, cpu_us=0, io_us=0);
    // got 0". Pools check a call with it before sending it to a worker.
    static const Task& check(std::string_view name, std::size_t argc);

    // Runs the task here, in this thread; throws what check() throws, or what the task throws.
    static long long call(std::string_view name, std::span<const long long> args,
                          const TaskEnv& env = {});

    // "square(3)": the name and the arguments the label shows (not the work parameters).
    static std::string label(std::string_view name, std::span<const long long> args);
};

} // namespace tasklane
