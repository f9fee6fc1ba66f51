// Params: the values of a pattern's parameters for one run, by name. Missing names fall
// back to the spec's default when read through a Pattern.
#pragma once

#include "patterns/param_spec.h"

#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace tasklane {

class Params {
public:
    Params() = default;
    // Params{{"workers", 4LL}, {"cpu-ms", 50.0}}: a preset's values, written as a table.
    Params(std::initializer_list<std::pair<const std::string, ParamValue>> values)
        : values_(values) {}

    void set(const std::string& name, ParamValue value) { values_[name] = std::move(value); }
    bool has(const std::string& name) const { return values_.count(name) != 0; }
    const ParamValue& at(const std::string& name) const { return values_.at(name); }

    long long integer(const std::string& name) const;
    double number(const std::string& name) const; // accepts an Int too
    const std::string& text(const std::string& name) const;
    const std::vector<long long>& list(const std::string& name) const;

    const std::map<std::string, ParamValue>& values() const { return values_; }

private:
    std::map<std::string, ParamValue> values_;
};

} // namespace tasklane
