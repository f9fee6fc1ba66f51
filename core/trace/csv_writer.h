// CsvWriter: saves a Trace as one CSV row per event, for spreadsheets and pandas. Plain
// numbers (nanoseconds, not microseconds) and names instead of indices, so the file reads
// on its own.
//
// Header: track,track_name,kind,pid,tid,type,state,begin_ns,end_ns,duration_ns,cpu,task,
// label,value. type is slice, async-slice, instant, counter, flow-start or flow-end; state
// is filled for slices only, value for counters (the sample) and flows (the flow id).
// RFC 4180: CRLF line ends, fields with a comma, quote, CR, LF or edge space are quoted and
// quotes doubled. Rows follow trace.events; events whose track is out of range are skipped.
#pragma once

#include "trace/save_file.h"
#include "trace/trace.h"

#include <QByteArray>
#include <QString>

namespace tasklane {

class CsvWriter {
public:
    // Writes through QSaveFile: on failure the target is left as it was and the result says
    // why, as saveFile's does.
    static SaveResult write(const Trace& trace, const QString& path);
    static QByteArray toCsv(const Trace& trace);
};

} // namespace tasklane
