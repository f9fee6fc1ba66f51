// PatternRegistry: the catalogue of patterns, in the tutorial's order; the window's list,
// the CLI's `list` and `run PATTERN` all read it.
#pragma once

#include "patterns/pattern.h"

#include <memory>
#include <string>
#include <vector>

namespace tasklane {

class PatternRegistry {
public:
    static const PatternRegistry& instance();

    const std::vector<std::unique_ptr<Pattern>>& all() const { return patterns_; }
    const Pattern* find(const std::string& id) const;
    std::string idsText() const; // "thread-pool, ..." for error messages

private:
    PatternRegistry();
    std::vector<std::unique_ptr<Pattern>> patterns_;
};

} // namespace tasklane
