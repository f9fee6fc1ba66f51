// How Python prints values, so that Tasklane's output reads as the tutorial's does.
#pragma once

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

} // namespace tasklane
