// ChromeTraceWriter: saves a Trace as Chrome Trace Event JSON, the format Perfetto UI and
// chrome://tracing open, laid out so that ChromeTraceReader gets every field back exactly.
//
// The mapping, which ChromeTraceReader undoes:
// - {"traceEvents":[...], "displayTimeUnit":"ns", "otherData":{..., "origin_ns":N}}, one event
//   per line. `ts`/`dur` are microseconds with 3 decimals, counted from `origin_ns` (the
//   earliest begin, an exact JSON integer). Absolute CLOCK_MONOTONIC microseconds would not
//   survive a double after ~50 days of uptime and lose nanoseconds in the viewers' JavaScript
//   numbers much earlier; small relative values stay exact everywhere.
// - `M` process_name / process_sort_index per pid, thread_name {"name", "kind"} and
//   thread_sort_index (= track index) per track, so tracks without events survive too.
// - Slice -> `X` with args {"state","cpu","task"}; AsyncSlice -> a `b`/`e` pair written
//   back to back, id "0x<task>" (tasks 0 get ids above 2^32); Instant -> `i` ("s":"t");
//   Counter -> `C` {"value": v}; FlowStart/FlowEnd -> `s`/`f` ("bp":"e") with the flow id.
//   `name` is the label, or the state name when the label is empty; a label that equals
//   its state name is repeated in args.label so the reader can tell the two apart.
// - Two tracks sharing (pid, tid) would merge in every viewer, so every track after the
//   first gets a synthesized tid (above the pid's highest) and its thread_name carries the
//   real one in args.tid.
// - Output order is a total order over the written fields, so write(read(write(T))) is
//   byte-identical to write(T) even when events tie on (track, begin, end).
// - Events whose track index is out of range are skipped; invalid UTF-8 in labels and
//   names becomes U+FFFD; non-finite counter values are written as the strings "NaN",
//   "Infinity", "-Infinity"; -0 as 0 (QJsonDocument drops its sign anyway).
#pragma once

#include "trace/save_file.h"
#include "trace/trace.h"

#include <QByteArray>
#include <QString>

namespace tasklane {

class ChromeTraceWriter {
public:
    // Writes through QSaveFile: on failure the target is left as it was and the result says
    // why, as saveFile's does.
    static SaveResult write(const Trace& trace, const QString& path);
    static QByteArray toJson(const Trace& trace);
};

} // namespace tasklane
