#include "trace/chrome_trace_writer.h"
#include "trace/save_file.h"

#include <QIODevice>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <compare>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tasklane {

namespace {

// A file is written in chunks of this size, so a million-event trace never needs its whole
// text in memory.
constexpr qsizetype kChunk = qsizetype(1) << 20;
// Task-less async slices need ids that no task id (a uint32) can take.
constexpr std::uint64_t kAnonymousAsyncBase = std::uint64_t(1) << 32;

// Length of the valid UTF-8 sequence starting at s[i], 0 if it is not one.
int utf8Length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    const std::size_t left = s.size() - i;
    const auto cont = [&](std::size_t k) { return (byte(k) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF)
        return left >= 2 && cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || !cont(i + 1) || !cont(i + 2))
            return 0;
        if (c == 0xE0 && byte(i + 1) < 0xA0)
            return 0; // overlong
        if (c == 0xED && byte(i + 1) > 0x9F)
            return 0; // UTF-16 surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || !cont(i + 1) || !cont(i + 2) || !cont(i + 3))
            return 0;
        if (c == 0xF0 && byte(i + 1) < 0x90)
            return 0; // overlong
        if (c == 0xF4 && byte(i + 1) > 0x8F)
            return 0; // beyond U+10FFFF
        return 4;
    }
    return 0;
}

// Appends JSON text to a std::string chunk (inline appends, much cheaper per call than
// QByteArray's) and moves each full chunk on: to the device when writing a file, so a
// million-event trace never sits in memory as text, else to the result QByteArray.
class JsonOut {
public:
    JsonOut(QByteArray* target, QIODevice* device)
        : target_(target)
        , device_(device) {
        chunk_.reserve(std::size_t(kChunk) + 4096);
    }

    bool ok() const { return ok_; }
    // An X event with args is ~170 bytes; a track's metadata ~300.
    void reserve(std::size_t events, std::size_t tracks) {
        if (target_ != nullptr)
            target_->reserve(qsizetype(events) * 180 + qsizetype(tracks) * 300 + 512);
    }

    JsonOut& raw(std::string_view s) {
        chunk_.append(s);
        return *this;
    }
    JsonOut& raw(char c) {
        chunk_.push_back(c);
        return *this;
    }
    JsonOut& integer(std::int64_t v) {
        char tmp[24];
        const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
        chunk_.append(tmp, std::size_t(r.ptr - tmp));
        return *this;
    }
    JsonOut& unsignedInteger(std::uint64_t v) {
        char tmp[24];
        const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
        chunk_.append(tmp, std::size_t(r.ptr - tmp));
        return *this;
    }
    // Nanoseconds as microseconds with exactly three decimals, so no digit is ever lost.
    JsonOut& micros(std::int64_t ns) {
        const std::uint64_t magnitude = ns < 0 ? 0 - std::uint64_t(ns) : std::uint64_t(ns);
        if (ns < 0)
            chunk_.push_back('-');
        unsignedInteger(magnitude / 1000);
        const auto frac = unsigned(magnitude % 1000);
        const char digits[4] = {'.', char('0' + frac / 100), char('0' + frac / 10 % 10),
                                char('0' + frac % 10)};
        chunk_.append(digits, 4);
        return *this;
    }
    // Shortest text that reads back as the same double; JSON has no NaN or infinities, and
    // QJsonDocument reads "-0" as 0, so -0 is written as 0 to keep the round trip byte-exact.
    JsonOut& number(double v) {
        if (v == 0)
            return raw('0');
        if (std::isnan(v))
            return raw("\"NaN\"");
        if (std::isinf(v))
            return raw(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        char tmp[32];
        const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
        chunk_.append(tmp, std::size_t(r.ptr - tmp));
        return *this;
    }
    JsonOut& string(std::string_view s) {
        chunk_.push_back('"');
        std::size_t run = 0; // start of the bytes not yet copied
        std::size_t i = 0;
        const auto copyRun = [&] { chunk_.append(s.data() + run, i - run); };
        while (i < s.size()) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
                ++i;
                continue;
            }
            if (c >= 0x80) {
                if (const int n = utf8Length(s, i); n > 0) {
                    i += std::size_t(n);
                    continue;
                }
                copyRun();
                chunk_.append("\xEF\xBF\xBD"); // U+FFFD keeps the file valid JSON
                run = ++i;
                continue;
            }
            copyRun();
            switch (c) {
            case '"':
                chunk_.append("\\\"");
                break;
            case '\\':
                chunk_.append("\\\\");
                break;
            case '\b':
                chunk_.append("\\b");
                break;
            case '\f':
                chunk_.append("\\f");
                break;
            case '\n':
                chunk_.append("\\n");
                break;
            case '\r':
                chunk_.append("\\r");
                break;
            case '\t':
                chunk_.append("\\t");
                break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";
                const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                chunk_.append(esc, 6);
            }
            }
            run = ++i;
        }
        copyRun();
        chunk_.push_back('"');
        return *this;
    }

    // Called between events.
    void maybeFlush() {
        if (chunk_.size() >= std::size_t(kChunk))
            flush();
    }
    bool flush() {
        if (chunk_.empty())
            return ok_;
        if (target_ != nullptr)
            target_->append(chunk_.data(), qsizetype(chunk_.size()));
        else if (ok_)
            ok_ = device_->write(chunk_.data(), qint64(chunk_.size())) == qint64(chunk_.size());
        chunk_.clear(); // keeps the capacity for the next chunk
        return ok_;
    }

private:
    QByteArray* target_;
    QIODevice* device_;
    std::string chunk_;
    bool ok_ = true;
};

std::string_view labelOf(const Trace& trace, const TraceEvent& e) {
    return e.label < trace.strings.size() ? std::string_view(trace.strings[e.label])
                                          : std::string_view();
}

// The order events are written in. Trace::finalize() leaves ties on (track, begin, end) in
// whatever order the sort left them; breaking ties on every written field makes the output
// independent of that order, hence byte-identical after a read.
std::vector<std::uint32_t> writeOrder(const Trace& trace) {
    const auto& ev = trace.events;
    std::vector<std::uint32_t> order;
    order.reserve(ev.size());
    for (std::size_t i = 0; i < ev.size(); ++i)
        if (ev[i].track < trace.tracks.size())
            order.push_back(std::uint32_t(i));

    const auto base = [&](std::uint32_t a, std::uint32_t b) -> std::strong_ordering {
        const TraceEvent& x = ev[a];
        const TraceEvent& y = ev[b];
        if (auto c = x.track <=> y.track; std::is_neq(c))
            return c;
        if (auto c = x.begin_ns <=> y.begin_ns; std::is_neq(c))
            return c;
        return y.end_ns <=> x.end_ns; // enclosing slice first, as Trace::finalize()
    };
    // Only what each type writes, compared as written (-0 is 0, every NaN the same), so that
    // ties order the same before and after a read.
    const auto written = [](double v) {
        return v == 0 ? 0.0 : std::isnan(v) ? std::numeric_limits<double>::quiet_NaN() : v;
    };
    const auto full = [&](std::uint32_t a, std::uint32_t b) {
        if (auto c = base(a, b); std::is_neq(c))
            return std::is_lt(c);
        const TraceEvent& x = ev[a];
        const TraceEvent& y = ev[b];
        if (x.type != y.type)
            return x.type < y.type;
        const bool slice = x.isSlice();
        const bool counter = x.type == EventType::Counter;
        const bool flow = x.type == EventType::FlowStart || x.type == EventType::FlowEnd;
        if (slice && x.state != y.state)
            return x.state < y.state;
        if (!counter && x.task != y.task)
            return x.task < y.task;
        if (!counter && !flow && x.cpu != y.cpu)
            return x.cpu < y.cpu;
        if (counter || flow)
            if (auto c = std::strong_order(written(x.value), written(y.value)); std::is_neq(c))
                return std::is_lt(c);
        return !flow && labelOf(trace, x) < labelOf(trace, y);
    };

    bool sorted = true;
    for (std::size_t i = 1; i < order.size() && sorted; ++i)
        sorted = std::is_lteq(base(order[i - 1], order[i]));
    if (!sorted) {
        std::sort(order.begin(), order.end(), full);
        return order;
    }
    // Already in finalize() order: only the runs of ties need sorting.
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i + 1;
        while (j < order.size() && std::is_eq(base(order[i], order[j])))
            ++j;
        if (j - i > 1)
            std::sort(order.begin() + std::ptrdiff_t(i), order.begin() + std::ptrdiff_t(j), full);
        i = j;
    }
    return order;
}

// The tid each track is written with: its own, unless an earlier track already took that
// (pid, tid), in which case one above the highest tid of that pid.
std::vector<std::int64_t> fileTids(const Trace& trace) {
    std::set<std::pair<std::int64_t, std::int64_t>> taken;
    std::map<std::int64_t, std::int64_t> highest;
    for (const Track& t : trace.tracks) {
        auto [it, inserted] = highest.try_emplace(t.pid, t.tid);
        if (!inserted)
            it->second = std::max(it->second, t.tid);
    }
    std::vector<std::int64_t> tids;
    tids.reserve(trace.tracks.size());
    for (const Track& t : trace.tracks) {
        std::int64_t tid = t.tid;
        if (!taken.emplace(t.pid, tid).second) {
            std::int64_t& top = highest[t.pid];
            tid = std::max<std::int64_t>(top, 0) + 1;
            while (!taken.emplace(t.pid, tid).second)
                ++tid;
            top = tid;
        }
        tids.push_back(tid);
    }
    return tids;
}

// Where the file's times start: the earliest begin among the events written.
std::int64_t originOf(const Trace& trace, const std::vector<std::uint32_t>& order) {
    std::int64_t origin = 0;
    if (!order.empty()) {
        origin = trace.events[order.front()].begin_ns;
        for (std::uint32_t i : order)
            origin = std::min(origin, trace.events[i].begin_ns);
    }
    return origin;
}

// One trace as a file: the metadata of its processes and tracks, its events in writeOrder()
// with times relative to originOf(), and otherData, which gives that origin.
class TraceWriter {
public:
    TraceWriter(const Trace& trace, JsonOut& out)
        : trace_(trace)
        , out_(out)
        , tids_(fileTids(trace))
        , order_(writeOrder(trace))
        , origin_(originOf(trace, order_)) {}

    void write() {
        out_.reserve(order_.size(), trace_.tracks.size());
        out_.raw("{\"traceEvents\":[\n");
        processMetadata();
        trackMetadata();
        out_.maybeFlush();
        for (std::uint32_t index : order_) {
            event(trace_.events[index]);
            out_.maybeFlush();
        }
        out_.raw("\n],\n\"displayTimeUnit\":\"ns\",\n\"otherData\":{\"generator\":\"tasklane\",");
        out_.raw("\"clock\":\"CLOCK_MONOTONIC\",\"origin_ns\":").integer(origin_).raw("}}\n");
    }

private:
    // Before each event of traceEvents but the first.
    void next() {
        if (!first_)
            out_.raw(",\n");
        first_ = false;
    }

    // Each process's name and place, in the order its first track comes.
    void processMetadata() {
        std::vector<std::int64_t> pids;
        for (const Track& t : trace_.tracks)
            if (std::find(pids.begin(), pids.end(), t.pid) == pids.end())
                pids.push_back(t.pid);
        for (std::size_t k = 0; k < pids.size(); ++k) {
            next();
            out_.raw("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":").integer(pids[k]);
            out_.raw(",\"args\":{\"name\":").string(k == 0 ? "tasklane" : "tasklane worker");
            out_.raw("}}");
            next();
            out_.raw("{\"ph\":\"M\",\"name\":\"process_sort_index\",\"pid\":").integer(pids[k]);
            out_.raw(",\"args\":{\"sort_index\":").integer(std::int64_t(k)).raw("}}");
        }
    }

    // Each track's name and kind (and its real tid when the file's had to differ), and place.
    void trackMetadata() {
        for (std::size_t i = 0; i < trace_.tracks.size(); ++i) {
            const Track& t = trace_.tracks[i];
            next();
            out_.raw("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":").integer(t.pid);
            out_.raw(",\"tid\":").integer(tids_[i]);
            out_.raw(",\"args\":{\"name\":").string(t.name);
            out_.raw(",\"kind\":").string(trackKindName(t.kind));
            if (tids_[i] != t.tid)
                out_.raw(",\"tid\":").integer(t.tid);
            out_.raw("}}");
            next();
            out_.raw("{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":").integer(t.pid);
            out_.raw(",\"tid\":").integer(tids_[i]);
            out_.raw(",\"args\":{\"sort_index\":").integer(std::int64_t(i)).raw("}}");
        }
    }

    void event(const TraceEvent& e) {
        next();
        switch (e.type) {
        case EventType::Slice:
            slice(e);
            break;
        case EventType::AsyncSlice:
            asyncSlice(e);
            break;
        case EventType::Instant:
            out_.raw("{\"ph\":\"i\",\"s\":\"t\",\"name\":").string(labelOf(trace_, e));
            where(e);
            out_.raw(",\"ts\":").micros(e.begin_ns - origin_);
            out_.raw(",\"args\":{\"task\":").integer(e.task);
            if (e.cpu != -1)
                out_.raw(",\"cpu\":").integer(e.cpu);
            out_.raw("}}");
            break;
        case EventType::Counter:
            out_.raw("{\"ph\":\"C\",\"name\":").string(labelOf(trace_, e));
            where(e);
            out_.raw(",\"ts\":").micros(e.begin_ns - origin_);
            out_.raw(",\"args\":{\"value\":").number(e.value).raw("}}");
            break;
        case EventType::FlowStart:
        case EventType::FlowEnd:
            out_.raw(e.type == EventType::FlowStart ? "{\"ph\":\"s\""
                                                    : "{\"ph\":\"f\",\"bp\":\"e\"");
            out_.raw(",\"name\":\"flow\",\"cat\":\"flow\",\"id\":").number(e.value);
            where(e);
            out_.raw(",\"ts\":").micros(e.begin_ns - origin_);
            out_.raw(",\"args\":{\"task\":").integer(e.task).raw("}}");
            break;
        }
    }

    // A slice's name is its label, or its state when it has none; its category the state.
    void nameAndCategory(const TraceEvent& e) {
        const std::string_view label = labelOf(trace_, e);
        const std::string_view state = stateName(e.state);
        out_.raw(",\"name\":").string(label.empty() ? state : label);
        out_.raw(",\"cat\":").string(state);
    }

    void slice(const TraceEvent& e) {
        out_.raw("{\"ph\":\"X\"");
        nameAndCategory(e);
        where(e);
        out_.raw(",\"ts\":").micros(e.begin_ns - origin_);
        out_.raw(",\"dur\":").micros(e.end_ns - e.begin_ns);
        out_.raw(",\"args\":{");
        stateArgs(e);
        out_.raw("}}");
    }

    // A b event and its e, back to back, so even overlapping slices of one task pair up
    // unambiguously.
    void asyncSlice(const TraceEvent& e) {
        const std::uint64_t id = e.task != 0 ? e.task : kAnonymousAsyncBase + anonymousAsync_++;
        char hex[20];
        const auto r = std::to_chars(hex, hex + sizeof hex, id, 16);
        const std::string_view idText(hex, std::size_t(r.ptr - hex));
        out_.raw("{\"ph\":\"b\"");
        nameAndCategory(e);
        out_.raw(",\"id\":\"0x").raw(idText).raw('"');
        where(e);
        out_.raw(",\"ts\":").micros(e.begin_ns - origin_);
        out_.raw(",\"args\":{");
        stateArgs(e);
        out_.raw(",\"track\":").integer(e.track).raw("}},\n");
        out_.raw("{\"ph\":\"e\"");
        nameAndCategory(e);
        out_.raw(",\"id\":\"0x").raw(idText).raw('"');
        where(e);
        out_.raw(",\"ts\":").micros(e.end_ns - origin_).raw('}');
    }

    void where(const TraceEvent& e) {
        out_.raw(",\"pid\":").integer(trace_.tracks[e.track].pid);
        out_.raw(",\"tid\":").integer(tids_[e.track]);
    }

    // A slice's args: its state, a label that is a state's name (the name alone would read
    // back as a label-less slice), cpu, task, and the CPU time measured inside it.
    void stateArgs(const TraceEvent& e) {
        const std::string_view label = labelOf(trace_, e);
        const std::string_view state = stateName(e.state);
        out_.raw("\"state\":").string(state);
        if (!label.empty() && label == state)
            out_.raw(",\"label\":").string(label);
        out_.raw(",\"cpu\":").integer(e.cpu).raw(",\"task\":").integer(e.task);
        if (e.isSlice() && e.value > 0)
            out_.raw(",\"cpu_ns\":").integer(std::int64_t(e.value));
    }

    const Trace& trace_;
    JsonOut& out_;
    const std::vector<std::int64_t> tids_;
    const std::vector<std::uint32_t> order_;
    const std::int64_t origin_;
    std::uint64_t anonymousAsync_ = 0; // ids of task-less async slices, in order
    bool first_ = true;
};

} // namespace

QByteArray ChromeTraceWriter::toJson(const Trace& trace) {
    QByteArray json;
    JsonOut out(&json, nullptr);
    TraceWriter(trace, out).write();
    out.flush();
    return json;
}

SaveResult ChromeTraceWriter::write(const Trace& trace, const QString& path) {
    return saveFile(path, [&](QIODevice& file) {
        JsonOut out(nullptr, &file);
        TraceWriter(trace, out).write();
        return out.flush();
    });
}

} // namespace tasklane
