#include "patterns/pattern.h"

#include <QtGlobal> // QT_TRANSLATE_NOOP

#include <algorithm>
#include <cmath>
#include <thread>

namespace tasklane {

double Pattern::expectedMs(const Params& given) const {
    const Params p = withDefaults(given);
    const auto number = [&](const char* name, double fallback) {
        const auto spec = param(name);
        if (!spec || (spec->kind != ParamKind::Int && spec->kind != ParamKind::Double))
            return fallback;
        return p.number(name);
    };
    const double scale = number("time-scale", 1);
    if (const auto spec = param("delays"); spec && spec->kind == ParamKind::IntList) {
        const auto& delays = p.list("delays");
        const long long longest =
            delays.empty() ? 0 : *std::max_element(delays.begin(), delays.end());
        return double(longest) * scale + 10;
    }
    const double workers = std::max(1.0, number("workers", 1));
    double tasks = std::max(1.0, number("tasks", 1));
    if (param("increments"))
        tasks = workers * std::max(1.0, number("increments", 1));
    const double cpu = number("cpu-ms", 0) * scale;
    const double io = number("io-ms", 0) * scale;
    const double cores = cpuParallelism(p);
    const double parallel = std::min(workers, tasks);
    // Waits overlap across the workers; CPU work only across the cores; and every task
    // costs some bookkeeping however small it is.
    return std::ceil(tasks / parallel) * io + tasks * cpu / std::min(parallel, cores) +
           tasks * taskOverheadMs(p) + startupMs(p) + 10;
}

double Pattern::taskOverheadMs(const Params&) const {
    return 0.002;
}

double Pattern::startupMs(const Params&) const {
    return 0;
}

double Pattern::cpuParallelism(const Params&) const {
    return std::max(1u, std::thread::hardware_concurrency());
}

Params Pattern::preset(Preset preset) const {
    return withDefaults(preset == Preset::Lesson ? lessonParams() : Params());
}

Params Pattern::withDefaults(const Params& given) const {
    Params out = given;
    for (const ParamSpec& spec : params())
        if (!out.has(spec.name))
            out.set(spec.name, spec.defaultValue);
    return out;
}

std::optional<std::string> Pattern::validate(const Params& params) const {
    if (auto error = validateMessage(params))
        return error->render();
    return std::nullopt;
}

std::optional<TextMessage> Pattern::validateMessage(const Params& params) const {
    const auto specs = this->params();
    for (const auto& [name, value] : params.values()) {
        const ParamSpec* spec = nullptr;
        for (const auto& s : specs)
            if (s.name == name)
                spec = &s;
        if (spec == nullptr) {
            std::string known;
            for (const auto& s : specs)
                known += (known.empty() ? "--" : ", --") + s.name;
            return TextMessage{
                "tasklane::ParamError",
                QT_TRANSLATE_NOOP("tasklane::ParamError", "--%1 does not apply to pattern %2 (its "
                                                          "options: %3)"),
                {TextMessage::plain(name), TextMessage::plain(id()), TextMessage::plain(known)}};
        }
        if (auto error = spec->validateMessage(value))
            return error;
    }
    return std::nullopt;
}

std::optional<ParamSpec> Pattern::param(const std::string& name) const {
    for (auto& s : params())
        if (s.name == name)
            return s;
    return std::nullopt;
}

} // namespace tasklane
