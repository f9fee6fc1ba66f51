#include "trace/csv_writer.h"
#include "trace/save_file.h"

#include <QIODevice>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace tasklane {

namespace {

constexpr qsizetype kChunk = qsizetype(1) << 20;

std::string_view typeName(EventType type) {
    switch (type) {
    case EventType::Slice:
        return "slice";
    case EventType::AsyncSlice:
        return "async-slice";
    case EventType::Instant:
        return "instant";
    case EventType::Counter:
        return "counter";
    case EventType::FlowStart:
        return "flow-start";
    case EventType::FlowEnd:
        return "flow-end";
    }
    return "unknown";
}

// Rows are built in a std::string chunk (inline appends, cheaper per call than QByteArray's)
// that moves on, when full, to the file or to the result QByteArray.
void appendInteger(std::string& out, std::int64_t v) {
    char tmp[24];
    const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    out.append(tmp, std::size_t(r.ptr - tmp));
}

// Shortest text that reads back as the same double; the spellings Python's float() accepts
// for the non-finite ones.
void appendNumber(std::string& out, double v) {
    if (std::isnan(v))
        return out.append("nan"), void();
    if (std::isinf(v))
        return out.append(v > 0 ? "inf" : "-inf"), void();
    char tmp[32];
    const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    out.append(tmp, std::size_t(r.ptr - tmp));
}

void appendField(std::string& out, std::string_view s) {
    // Edge spaces are quoted too: some readers trim unquoted fields.
    const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote)
        return out.append(s), void();
    out.push_back('"');
    for (const char c : s) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

// Writes the whole file to `target` or, chunk by chunk, to `device`.
bool writeCsv(const Trace& trace, QByteArray* target, QIODevice* device) {
    std::string out;
    out.reserve(std::size_t(kChunk) + 4096);
    bool ok = true;
    const auto flush = [&] {
        if (target != nullptr)
            target->append(out.data(), qsizetype(out.size()));
        else if (ok)
            ok = device->write(out.data(), qint64(out.size())) == qint64(out.size());
        out.clear();
        return ok;
    };
    if (target != nullptr)
        target->reserve(qsizetype(trace.events.size()) * 72 + 128); // a row is ~60 bytes
    out.append("track,track_name,kind,pid,tid,type,state,begin_ns,end_ns,duration_ns,cpu,"
               "task,label,value\r\n");
    for (const TraceEvent& e : trace.events) {
        if (e.track >= trace.tracks.size())
            continue;
        const Track& t = trace.tracks[e.track];
        appendInteger(out, e.track);
        out.push_back(',');
        appendField(out, t.name);
        out.push_back(',');
        out.append(trackKindName(t.kind));
        out.push_back(',');
        appendInteger(out, t.pid);
        out.push_back(',');
        appendInteger(out, t.tid);
        out.push_back(',');
        out.append(typeName(e.type));
        out.push_back(',');
        if (e.isSlice())
            out.append(stateName(e.state));
        out.push_back(',');
        appendInteger(out, e.begin_ns);
        out.push_back(',');
        appendInteger(out, e.end_ns);
        out.push_back(',');
        appendInteger(out, e.duration_ns());
        out.push_back(',');
        appendInteger(out, e.cpu);
        out.push_back(',');
        appendInteger(out, e.task);
        out.push_back(',');
        if (e.label < trace.strings.size())
            appendField(out, trace.strings[e.label]);
        out.push_back(',');
        if (e.type == EventType::Counter || e.type == EventType::FlowStart ||
            e.type == EventType::FlowEnd)
            appendNumber(out, e.value);
        out.append("\r\n");
        if (out.size() >= std::size_t(kChunk) && !flush())
            return false;
    }
    return flush();
}

} // namespace

QByteArray CsvWriter::toCsv(const Trace& trace) {
    QByteArray csv;
    writeCsv(trace, &csv, nullptr);
    return csv;
}

SaveResult CsvWriter::write(const Trace& trace, const QString& path) {
    return saveFile(path, [&](QIODevice& file) { return writeCsv(trace, nullptr, &file); });
}

} // namespace tasklane
