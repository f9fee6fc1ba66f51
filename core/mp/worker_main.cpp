// tasklane-worker: the clean program the `spawn` start method runs, as Python's spawn starts
// a fresh interpreter. It links the core library only and never touches Qt: it maps what the
// parent passed (its trace buffer, a shared value), says Ready, then runs the tasks it is sent
// on its socket until end of file. Not meant to be run by hand.
//
//   tasklane-worker --fd N [--name NAME] [--single] [--trace-fd N --track N] [--value-fd N]
//                   [--parent PID]
// With --parent, the worker dies with that process (it is killed when the parent dies).
#include "mp/shared_trace_buffer.h"
#include "mp/shared_value.h"
#include "mp/worker_protocol.h"
#include "trace/trace_recorder.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

namespace {

int usage(const char* why) {
    std::fprintf(stderr,
                 "tasklane-worker: %s\nusage: tasklane-worker --fd N [--name NAME] [--single] "
                 "[--trace-fd N --track N] [--value-fd N] [--parent PID]\n(started by Tasklane's "
                 "spawn start "
                 "method; not meant to be run by hand)\n",
                 why);
    return 2;
}

bool parseInt(const char* text, long& out) {
    char* end = nullptr;
    out = std::strtol(text, &end, 10);
    return end != text && *end == '\0' && out >= 0;
}

} // namespace

int main(int argc, char** argv) {
    using namespace tasklane;
    long fd = -1;
    long traceFd = -1;
    long track = -1;
    long valueFd = -1;
    long parent = -1;
    bool single = false;
    std::string name = "worker";
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool hasValue = i + 1 < argc;
        long* number = arg == "--fd"         ? &fd
                       : arg == "--trace-fd" ? &traceFd
                       : arg == "--track"    ? &track
                       : arg == "--value-fd" ? &valueFd
                       : arg == "--parent"   ? &parent
                                             : nullptr;
        if (number != nullptr) {
            if (!hasValue || !parseInt(argv[++i], *number))
                return usage("a number must follow an fd or track option");
        } else if (arg == "--name" && hasValue) {
            name = argv[++i];
        } else if (arg == "--single") {
            single = true;
        } else {
            return usage(("unknown argument " + std::string(arg)).c_str());
        }
    }
    // First: the parent may already be dying, and its death must take this process along.
    if (parent > 0)
        detail::dieWithParent(int(parent));
    if (fd < 0)
        return usage("--fd is required");
    if ((traceFd < 0) != (track < 0))
        return usage("--trace-fd and --track go together");

    try {
        std::unique_ptr<SharedTraceBuffer> trace;
        std::unique_ptr<TraceRecorder> recorder;
        if (traceFd >= 0) {
            trace = SharedTraceBuffer::attach(int(traceFd));
            recorder = std::make_unique<TraceRecorder>();
            recorder->attachSink(trace.get());
        }
        std::unique_ptr<SharedValue<long long>> value;
        if (valueFd >= 0)
            value = SharedValue<long long>::attach(int(valueFd));

        detail::WorkerSetup setup;
        setup.fd = int(fd);
        setup.single = single;
        setup.name = name;
        setup.track = std::uint32_t(track < 0 ? 0 : track);
        setup.recorder = recorder.get();
        setup.shared_value = value.get();
        return detail::runWorker(setup);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tasklane-worker: %s\n", e.what());
        return 3;
    }
}
