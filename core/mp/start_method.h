// StartMethod: how a worker process comes to life, as multiprocessing's start methods.
// `fork` copies the parent (cheap; the child runs core code only, never Qt); `spawn` execs
// the clean tasklane-worker binary (costs an exec and a fresh start, shown as a longer
// `spawning` slice). `forkserver` is not implemented yet and is refused by name.
#pragma once

#include <string_view>

namespace tasklane {

enum class StartMethod { Fork, Spawn };

std::string_view startMethodName(StartMethod method); // "fork", "spawn"
// Throws std::invalid_argument with a message fit for the user: "start method forkserver is
// not available yet", or "unknown start method 'x' (allowed: fork, spawn)".
StartMethod parseStartMethod(std::string_view name);

} // namespace tasklane
