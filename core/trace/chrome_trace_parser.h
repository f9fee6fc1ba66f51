// parseChromeTrace: the Chrome Trace Event semantics (phases X, B/E, b/e, i, C, s/f, M; pids,
// tids and flow ids as numbers or strings; nesting; the origin Tasklane writes), applied
// event by event as JsonScanner reads the text. It knows events, not files or bytes on disk:
// ChromeTraceReader opens the file and hands it here, as Perfetto's JSON parser sits apart
// from its tokenizer.
#pragma once

#include "trace/chrome_trace_reader.h"
#include "trace/trace.h"

#include <cstddef>
#include <optional>

namespace tasklane {

// The trace in `data`, or nullopt with `error` (if given) saying where and why.
std::optional<Trace> parseChromeTrace(const char* data, std::size_t size,
                                      ChromeTraceReader::Error* error);

} // namespace tasklane
