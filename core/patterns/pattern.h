// Pattern: one runnable example of the tutorial (thread-pool, pool-map, async-gather...):
// its id and section, its parameters, the equivalent Python program, and run().
#pragma once

#include "patterns/param_spec.h"
#include "patterns/params.h"
#include "patterns/preset.h"
#include "patterns/run_control.h"
#include "patterns/run_result.h"

#include <optional>
#include <string>
#include <vector>

namespace tasklane {

// The two-second rule: a run expected to take at most this long starts by itself (a pattern
// picked, the window opened with saved parameters, an edit with auto-run on); a longer one
// waits for Run. Pattern::startsAtOnce applies it; nothing else compares with it.
inline constexpr double kStartAtOnceMs = 2000;

class Pattern {
public:
    virtual ~Pattern() = default;

    virtual std::string id() const = 0;      // stable: "thread-pool"
    virtual std::string section() const = 0; // the tutorial's section: "4.1"
    virtual std::string title() const = 0;   // "ThreadPoolExecutor.map"
    // The tutorial's own heading for it, in Korean as the tutorial writes it: "스레드 풀 사용".
    virtual std::string tutorialHeading() const = 0;
    virtual std::string description() const = 0;
    virtual std::vector<ParamSpec> params() const = 0;

    // The Python program that does what run() does with these parameters.
    virtual std::string pythonCode(const Params& params) const = 0;

    // Runs for real and records the trace. Throws std::exception with a clear message when
    // the run fails (a task raised, a worker crashed) and RunStopped when stopped.
    virtual RunResult run(const Params& params, RunControl& control) const = 0;

    // About how long run() takes with these parameters, in ms: what the window's auto-run
    // weighs (it re-runs by itself only what takes under two seconds). From the common
    // parameters (tasks, workers, cpu-ms, io-ms, delays, increments, time-scale); a
    // pattern whose time follows other rules overrides it.
    virtual double expectedMs(const Params& params) const;
    // expectedMs's pieces a pattern refines: what each task costs beyond its own work (a
    // thread hand-off, a trip to a worker process), and starting the workers.
    virtual double taskOverheadMs(const Params& params) const;
    virtual double startupMs(const Params& params) const;
    // How many tasks' CPU work can run at once: the cores, unless a lock (the GIL) says one.
    virtual double cpuParallelism(const Params& params) const;
    // The two-second rule (kStartAtOnceMs) for these parameters.
    bool startsAtOnce(const Params& params) const { return expectedMs(params) <= kStartAtOnceMs; }

    // A preset's values, every parameter present: the tutorial's are the defaults; the
    // lesson's are lessonParams() over them.
    Params preset(Preset preset) const;
    // What the lesson preset changes from the tutorial's values; nothing by default (the
    // tutorial's example already shows the lesson within two seconds).
    virtual Params lessonParams() const { return {}; }

    // The parameters with every missing one set to its default.
    Params withDefaults(const Params& given) const;
    // The first invalid or unknown parameter, as one line for the user.
    std::optional<std::string> validate(const Params& params) const;
    // The same as a TextMessage (context "tasklane::ParamError") for the window to translate.
    std::optional<TextMessage> validateMessage(const Params& params) const;
    std::optional<ParamSpec> param(const std::string& name) const;
};

} // namespace tasklane
