#include "mp/start_method.h"

#include <stdexcept>
#include <string>

namespace tasklane {

std::string_view startMethodName(StartMethod method) {
    return method == StartMethod::Spawn ? "spawn" : "fork";
}

StartMethod parseStartMethod(std::string_view name) {
    if (name == "fork")
        return StartMethod::Fork;
    if (name == "spawn")
        return StartMethod::Spawn;
    if (name == "forkserver")
        throw std::invalid_argument("start method forkserver is not available yet (allowed: "
                                    "fork, spawn)");
    throw std::invalid_argument("unknown start method '" + std::string(name) +
                                "' (allowed: fork, spawn)");
}

} // namespace tasklane
