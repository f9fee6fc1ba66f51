#include "patterns/pattern_registry.h"

#include "patterns/async_patterns.h"
#include "patterns/compare_pattern.h"
#include "patterns/process_patterns.h"
#include "patterns/thread_pool_pattern.h"

namespace tasklane {

PatternRegistry::PatternRegistry() {
    // The tutorial's order: multiprocessing (2), asyncio (3), concurrent.futures (4).
    patterns_.push_back(std::make_unique<ProcessPattern>());
    patterns_.push_back(std::make_unique<PoolMapPattern>());
    patterns_.push_back(std::make_unique<SharedValuePattern>());
    patterns_.push_back(std::make_unique<AsyncHelloPattern>());
    patterns_.push_back(std::make_unique<AsyncGatherPattern>());
    patterns_.push_back(std::make_unique<AsyncFilePattern>());
    patterns_.push_back(std::make_unique<ThreadPoolPattern>());
    patterns_.push_back(std::make_unique<ProcessPoolPattern>());
    patterns_.push_back(std::make_unique<ComparePattern>());
}

const PatternRegistry& PatternRegistry::instance() {
    static const PatternRegistry registry;
    return registry;
}

const Pattern* PatternRegistry::find(const std::string& id) const {
    for (const auto& p : patterns_)
        if (p->id() == id)
            return p.get();
    return nullptr;
}

std::string PatternRegistry::idsText() const {
    std::string out;
    for (const auto& p : patterns_)
        out += (out.empty() ? "" : ", ") + p->id();
    return out;
}

} // namespace tasklane
