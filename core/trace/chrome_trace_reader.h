// ChromeTraceReader: loads Chrome Trace Event JSON into a Trace — the files
// ChromeTraceWriter writes (exactly, field for field) and what other tools write (VizTracer,
// Perfetto exports, chrome://tracing saves). Anything malformed is refused with a position,
// never half-read.
//
// Accepted: the object form {"traceEvents":[...]} and a bare array; `X` (nested too), `B`/`E`
// (nested; a `B` still open at the end is closed at the last timestamp of the file, as
// viewers show it), `b`/`e` and legacy `S`/`F` async pairs (matched on cat + id, `id2` too;
// become AsyncSlice), `i`/`I`, `C` (one Counter per numeric arg: label "name.key", or just
// "name" for a single "value" arg), `s`/`t`/`f` flows (`t` is an end and a start), and `M`
// thread_name / thread_sort_index. Other phases of the format (P, O, N, D, R, n, c, T, p, V,
// v, (, )) are skipped.
//
// Tracks: one per (pid, tid), ordered by thread_sort_index where given, then by first
// appearance. A missing tid is the pid, a missing pid 0. A tid (or pid) given as a string
// is its number when it is one ("42"); otherwise it gets a synthetic id (2^40 + n, in order of
// first appearance) and, unless a thread_name says otherwise, names the track.
// args.state / args.cpu / args.task / args.kind are used when present and valid (args are
// free-form in the format, so an unknown state name falls back to the category, then to
// Running); a slice named exactly its args.state has no label unless args.label gives one
// (ChromeTraceWriter's convention); otherData.origin_ns is added to every timestamp.
//
// Errors: syntax errors as QJsonDocument::fromJson reports them (its words, its offset);
// errors in an event as "event N: ..." (N counts from 0 in traceEvents) at the line and column
// where it begins. A syntax error anywhere wins over an event's error. The reason is English
// (the command line prints it); Error::message is the same sentence as a TextMessage, marked
// for translation in the context "tasklane::ChromeTraceReader", for the window. QJsonDocument's
// words come from a table of our own (Qt 6.4's English, syntaxMessage), not from
// QJsonParseError::errorString(), which Qt translates with its own catalogue when one is
// installed: the reason stays English, and the window's Korean is Tasklane's.
//
// Speed: the text is scanned once, event by event, without building a document (the reader
// used QJsonDocument until a million events took 12 s and 1.4 GB): JsonScanner
// (trace/json_scanner.h) accepts and refuses exactly what QJsonDocument does, which
// tst_json_scanner and tst_trace_io check on thousands of damaged files.
#pragma once

#include "text/text_message.h"
#include "trace/trace.h"

#include <QByteArray>
#include <QJsonParseError>
#include <QString>

#include <optional>

namespace tasklane {

class ChromeTraceReader {
public:
    struct Error {
        qint64 offset = -1;  // byte offset in the file; -1 for errors that have no position
        int line = 0;        // 1-based; 0 when there is no position (e.g. the file won't open)
        int column = 0;      // 1-based, in characters
        QString reason;      // English: message.render()
        TextMessage message; // the same, translatable
        // "line 12, column 5: <reason>", or just the reason when there is no position.
        QString toString() const;
    };

    // What QJsonParseError::errorString() says for `error` in Qt 6.4's English, as a
    // translatable message ("unterminated string").
    static TextMessage syntaxMessage(QJsonParseError::ParseError error);

    static std::optional<Trace> read(const QString& path, Error* error = nullptr);
    static std::optional<Trace> fromJson(const QByteArray& json, Error* error = nullptr);
};

} // namespace tasklane
