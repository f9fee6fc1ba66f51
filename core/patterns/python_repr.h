// How Python prints values, so that Tasklane's output reads as the tutorial's does.
#pragma once

#include <sstream>
#include <string>
#include <vector>

namespace tasklane {

template <class T> std::string pythonList(const std::vector<T>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i != 0)
            out += ", ";
        out += std::to_string(values[i]);
    }
    out += ']';
    return out;
}

// A number as a Python literal: 0.1, 2.5, 1e-05 (what the programs' sleeps and budgets take).
inline std::string pythonNumber(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

// "1" for a flag a Python template tests with {{#if name}}, "" for one it does not.
inline std::string flag(bool on) {
    return on ? "1" : "";
}

} // namespace tasklane
