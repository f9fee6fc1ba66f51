#include "patterns/pattern.h"

namespace tasklane {

Params Pattern::withDefaults(const Params& given) const {
    Params out = given;
    for (const ParamSpec& spec : params())
        if (!out.has(spec.name))
            out.set(spec.name, spec.defaultValue);
    return out;
}

std::optional<std::string> Pattern::validate(const Params& params) const {
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
            return "--" + name + " does not apply to pattern " + id() + " (its options: " + known +
                   ")";
        }
        if (auto error = spec->validate(value))
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
