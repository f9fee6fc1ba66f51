#include "trace/chrome_trace_parser.h"
#include "text/qt_text.h"
#include "trace/chrome_trace_text.h"
#include "trace/json_scanner.h"
#include "trace/label_table.h"

#include <QJsonParseError>
#include <QtGlobal> // QT_TRANSLATE_NOOP

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <numeric>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tasklane {

namespace {

using namespace Qt::StringLiterals;
using namespace chrome_trace;

using Error = ChromeTraceReader::Error;

// String pids, tids and flow ids that are not numbers get ids from here, far above real ones.
constexpr std::int64_t kSyntheticIdBase = std::int64_t(1) << 40;
// |ts| and |dur| in microseconds: their nanoseconds, plus an origin, must fit in an int64.
constexpr double kMaxMicros = 4e15;
constexpr auto kMaxOriginNs = std::int64_t(kMaxMicros * 1000);

std::optional<State> stateOf(std::string_view s) {
    if (s.empty())
        return std::nullopt;
    return stateFromName(s);
}

std::optional<double> nonFiniteFromName(std::string_view s) {
    if (s == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (s == "Infinity")
        return std::numeric_limits<double>::infinity();
    if (s == "-Infinity")
        return -std::numeric_limits<double>::infinity();
    return std::nullopt;
}

void setPosition(Error& error, const char* data, std::size_t size, std::size_t offset) {
    error.offset = qint64(std::min(offset, size));
    const JsonScanner::Position at = JsonScanner::position({data, size}, offset);
    error.line = at.line;
    error.column = at.column;
}

// ---------------------------------------------------------------------------------------
// The Chrome Trace Event semantics, applied event by event as the scanner reads them.

// The args a slice keeps: only these are ever looked at. A B/E (or b/e) pair merges the end's
// over the begin's, key by key.
template <class Text> struct SliceArgs {
    Text state; // args.state as a string; empty if absent or not a string
    Text label;
    std::optional<std::int64_t> cpu;
    std::optional<std::int64_t> task;
    double cpuNs = 0;

    void mergeFrom(const JsonObject& args) {
        if (args.empty())
            return;
        if (const JsonValue v = args.value("state"); !v.isUndefined())
            state = Text(v.toString());
        if (const JsonValue v = args.value("label"); !v.isUndefined())
            label = Text(v.toString());
        if (const JsonValue v = args.value("cpu"); !v.isUndefined())
            cpu = v.toInteger();
        if (const JsonValue v = args.value("task"); !v.isUndefined())
            task = v.toInteger();
        if (const JsonValue v = args.value("cpu_ns"); !v.isUndefined())
            cpuNs = v.toDouble();
    }
};

struct OpenSlice {
    std::int64_t begin = 0;
    std::uint32_t track = 0;
    std::string name;
    std::string cat;
    SliceArgs<std::string> args;
};

struct TrackInfo {
    Track track;
    std::optional<qint64> sortIndex;
};

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <class T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

struct PairHash {
    std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& p) const {
        return std::hash<std::int64_t>()(p.first) * 31 + std::hash<std::int64_t>()(p.second);
    }
};

class Parser {
public:
    Parser(const char* data, std::size_t size)
        : data_(data)
        , size_(size)
        , json_(data, size) {}

    std::optional<Trace> run(Error* error) {
        const bool parsed = document();
        if (!parsed || json_.error() != QJsonParseError::NoError)
            return syntaxError(error);
        if (!haveEvents_)
            return report(
                error, 0,
                text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                       "no 'traceEvents' array in the top-level object")));
        if (eventsNotArray_)
            return report(error, 0,
                          text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                                 "'traceEvents' is not an array")));
        if (originInvalid_)
            return report(error, 0,
                          text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                                 "'otherData.origin_ns' is not a valid integer")));
        // Times are read relative to the origin, which may come after the events; an end
        // that only overflows once it is added is refused as if it had been seen in place.
        for (const Overflow& o : origin_ > 0 ? overflows_ : std::vector<Overflow>()) {
            if (o.relativeEnd <= std::numeric_limits<std::int64_t>::max() - origin_)
                continue;
            if (!eventError_ || o.index < eventError_->index)
                eventError_ = EventError{
                    o.index, o.offset,
                    text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is out of range"),
                         {plain("dur")})};
            break;
        }
        if (eventError_)
            return report(
                error, qint64(eventError_->offset),
                text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "event %1: %2"),
                     {plain(static_cast<long long>(eventError_->index)), eventError_->reason}));
        closeUnfinished();
        return finish();
    }

private:
    struct EventError {
        qsizetype index = 0;
        std::size_t offset = 0;
        TextMessage reason;
    };
    struct Overflow {
        qsizetype index = 0;
        std::size_t offset = 0;
        std::int64_t relativeEnd = 0;
    };

    // --- the document ---

    bool document() {
        json_.eatBom();
        const char token = json_.nextToken();
        if (token == '[') {
            haveEvents_ = true;
            return eventArray() && json_.atEndOfDocument();
        }
        if (token == '{')
            return topObject() && json_.atEndOfDocument();
        return json_.fail(QJsonParseError::IllegalValue);
    }

    bool topObject() {
        return json_.parseMembers(true, [this](std::string_view key) {
            const std::string name(key);
            json_.resetCapture();
            if (name == "traceEvents") {
                // A key given twice means its last value: forget what the first one held.
                resetEvents();
                haveEvents_ = true;
                if (json_.peek() == '[') {
                    json_.advance();
                    return eventArray();
                }
                eventsNotArray_ = true;
                return json_.parseValue(nullptr, 0);
            }
            if (name == "otherData") {
                JsonValue other;
                if (!json_.parseValue(&other, 2))
                    return false;
                readOrigin(json_.objectOf(other, true));
                return true;
            }
            return json_.parseValue(nullptr, 0);
        });
    }

    void readOrigin(const JsonObject& other) {
        origin_ = 0;
        originInvalid_ = false;
        const JsonValue origin = other.value("origin_ns");
        if (origin.isUndefined())
            return;
        const auto value = origin.toInteger();
        if (!value || *value > kMaxOriginNs || *value < -kMaxOriginNs) {
            originInvalid_ = true;
            return;
        }
        origin_ = *value;
    }

    // The events, '[' consumed: each is read and applied before the next is scanned.
    bool eventArray() {
        qsizetype index = 0;
        return json_.parseElements([&] { return event(index++); });
    }

    bool event(qsizetype index) {
        const std::size_t offset = json_.pos();
        if (eventError_)
            return json_.parseValue(nullptr, 0); // still checked: a syntax error wins
        json_.resetCapture();
        JsonValue value;
        if (!json_.parseValue(&value, 2))
            return false;
        index_ = index;
        offset_ = offset;
        if (!handle(value))
            eventError_ = EventError{index, offset, reason_};
        return true;
    }

    std::optional<Trace> syntaxError(Error* error) const {
        const auto offset = qint64(json_.errorOffset());
        const TextMessage reason = ChromeTraceReader::syntaxMessage(json_.error());
        // QJsonDocument says "illegal value" for both of these; say what is actually wrong.
        std::size_t first = size_ >= 3 && std::memcmp(data_, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        while (first < size_ && std::isspace(static_cast<unsigned char>(data_[first])))
            ++first;
        if (first == size_)
            return report(error, qint64(first),
                          text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                                 "empty document: no JSON value")));
        if (data_[first] != '{' && data_[first] != '[')
            return report(error, qint64(first),
                          text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                                 "not a JSON object or array (%1)"),
                               {reason}));
        // A document cut short: QJsonDocument points past the trailing newline, at a line
        // the file does not have; the end is where its last real character stops.
        std::size_t last = size_;
        while (last > first && std::isspace(static_cast<unsigned char>(data_[last - 1])))
            --last;
        const QJsonParseError::ParseError code = json_.error();
        const bool cutShort =
            code != QJsonParseError::MissingObject && code != QJsonParseError::GarbageAtEnd;
        if (cutShort && std::size_t(offset) >= last)
            return report(error, qint64(last),
                          text(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                                 "unexpected end of file (%1)"),
                               {reason}));
        return report(error, offset, reason);
    }

    std::optional<Trace> report(Error* error, qint64 offset, TextMessage reason) const {
        if (error != nullptr) {
            *error = Error{};
            setReason(*error, std::move(reason));
            setPosition(*error, data_, size_, std::size_t(offset));
        }
        return std::nullopt;
    }

    void resetEvents() {
        tracks_.clear();
        trackIds_.clear();
        lastTrack_.reset();
        stringIds_.clear();
        numericIds_.clear();
        flowNames_.clear();
        openB_.clear();
        openAsync_.clear();
        events_.clear();
        labels_ = LabelTable();
        overflows_.clear();
        eventError_.reset();
        eventsNotArray_ = false;
        last_ = 0;
        anyTime_ = false;
    }

    // An event's error: only ever on the way out, so it may build its message.
    bool fail(const char* source, std::vector<TextMessage> args = {}) {
        reason_ = text(source, std::move(args));
        return false;
    }

    JsonObject objectOf(const JsonValue& v) const { return json_.objectOf(v, false); }

    bool handle(const JsonValue& value) {
        if (!value.isObject())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "not an object"));
        const JsonObject o = json_.objectOf(value, true);
        const JsonValue phase = o.value("ph");
        if (phase.isUndefined())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "no 'ph'"));
        if (!phase.isString())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'ph' is not a string"));
        const std::string_view ph = phase.text;
        if (ph.size() != 1) {
            const QString name = qs(ph);
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "unknown phase '%1'"),
                        {plain(name.size() == 1 ? name : name.left(16))});
        }
        ph_ = QChar(QLatin1Char(ph[0]));
        switch (ph[0]) {
        case 'X':
            return complete(o);
        case 'B':
            return beginSlice(o);
        case 'E':
            return endSlice(o);
        case 'b':
        case 'S':
            return asyncBegin(o);
        case 'e':
        case 'F':
            return asyncEnd(o);
        case 'i':
        case 'I':
            return instant(o);
        case 'C':
            return counter(o);
        case 's':
        case 't':
        case 'f':
            return flow(o);
        case 'M':
            return metadata(o);
        default:
            // Legal in the format but nothing a Trace holds: samples, objects, marks, async
            // instants and steps, clock syncs, memory dumps, context.
            if (std::string_view("PONDRncTpVv()").find(ph[0]) != std::string_view::npos)
                return true;
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "unknown phase '%1'"),
                        {plain(ph)});
        }
    }

    // --- fields ---

    // A string id that is a number in QString::toLongLong's sense ("42", " 42", "+42").
    std::optional<std::int64_t> numericId(std::string_view s) {
        if (const auto it = numericIds_.find(s); it != numericIds_.end())
            return it->second;
        bool ok = false;
        const qint64 n = qs(s).toLongLong(&ok);
        const std::optional<std::int64_t> result =
            ok ? std::optional<std::int64_t>(n) : std::nullopt;
        numericIds_.emplace(std::string(s), result);
        return result;
    }

    // The id of a name that is not a number: the next synthetic one the first time.
    static std::int64_t syntheticId(StringMap<std::int64_t>& ids, std::string_view name) {
        auto it = ids.find(name);
        if (it == ids.end())
            it = ids.emplace(std::string(name), kSyntheticIdBase + std::int64_t(ids.size())).first;
        return it->second;
    }

    bool idOf(const JsonValue& v, const char* key, std::int64_t* id, std::string_view* name) {
        if (v.isNumber()) {
            const auto n = v.toInteger();
            if (!n)
                return fail(
                    QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is not an integer"),
                    {plain(key)});
            *id = *n;
            return true;
        }
        if (v.isString()) {
            if (const auto n = numericId(v.text)) {
                *id = *n;
                return true;
            }
            *id = syntheticId(stringIds_, v.text);
            *name = v.text;
            return true;
        }
        return fail(
            QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is not a number or a string"),
            {plain(key)});
    }

    bool trackOf(const JsonObject& o, std::uint32_t* track) {
        std::int64_t pid = 0;
        std::int64_t tid = 0;
        std::string_view pidName;
        std::string_view tidName;
        if (const JsonValue v = o.value("pid"); !v.isUndefined())
            if (!idOf(v, "pid", &pid, &pidName))
                return false;
        if (const JsonValue v = o.value("tid"); !v.isUndefined()) {
            if (!idOf(v, "tid", &tid, &tidName))
                return false;
        } else {
            tid = pid; // as Perfetto does: a process-wide event lands on the main thread
            tidName = pidName;
        }
        const std::pair key(pid, tid);
        if (lastTrack_ && lastTrack_->first == key) {
            *track = lastTrack_->second;
            return true;
        }
        if (const auto it = trackIds_.find(key); it != trackIds_.end()) {
            *track = it->second;
            lastTrack_ = std::pair(key, *track);
            return true;
        }
        TrackInfo info;
        info.track.pid = pid;
        info.track.tid = tid;
        info.track.kind = tid == pid ? TrackKind::Main : TrackKind::Thread;
        info.track.name = tidName.empty() ? "thread " + std::to_string(tid) : std::string(tidName);
        *track = std::uint32_t(tracks_.size());
        tracks_.push_back(std::move(info));
        openB_.emplace_back();
        trackIds_.emplace(key, *track);
        lastTrack_ = std::pair(key, *track);
        return true;
    }

    // A time field in nanoseconds, relative to the origin.
    bool nanos(const JsonObject& o, const char* key, std::int64_t* ns) {
        const JsonValue v = o.value(key);
        if (v.isUndefined())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "%1 event has no '%2'"),
                        {plain(QString(ph_)), plain(key)});
        if (!v.isNumber())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is not a number"),
                        {plain(key)});
        const double micros = v.number;
        if (!std::isfinite(micros) || std::abs(micros) > kMaxMicros)
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is out of range"),
                        {plain(key)});
        *ns = std::llround(micros * 1000.0);
        return true;
    }

    bool timestamp(const JsonObject& o, std::int64_t* ns) {
        if (!nanos(o, "ts", ns))
            return false;
        seen(*ns);
        return true;
    }

    void seen(std::int64_t ns) {
        last_ = anyTime_ ? std::max(last_, ns) : ns;
        anyTime_ = true;
    }

    static std::int16_t cpuOf(const std::optional<std::int64_t>& n) {
        return n && *n >= -1 && *n <= std::numeric_limits<std::int16_t>::max() ? std::int16_t(*n)
                                                                               : std::int16_t(-1);
    }

    static std::uint32_t taskOf(const std::optional<std::int64_t>& n) {
        return n && *n >= 0 && *n <= std::numeric_limits<std::uint32_t>::max() ? std::uint32_t(*n)
                                                                               : 0;
    }

    template <class Text>
    void addSlice(EventType type, std::uint32_t track, std::int64_t begin, std::int64_t end,
                  std::string_view name, std::string_view cat, const SliceArgs<Text>& args) {
        TraceEvent e;
        e.type = type;
        e.track = track;
        e.begin_ns = begin;
        e.end_ns = end;
        const std::string_view state = args.state;
        const std::optional<State> named = stateOf(state);
        e.state = named ? *named : stateOf(cat).value_or(State::Running);
        e.cpu = cpuOf(args.cpu);
        e.task = taskOf(args.task);
        e.value = std::max(0.0, args.cpuNs);
        // ChromeTraceWriter names a label-less slice after its state, and repeats a label that
        // happens to equal the state name in args.label.
        e.label = labels_.intern(named && name == state ? std::string_view(args.label) : name);
        events_.push_back(e);
    }

    // --- phases ---

    bool complete(const JsonObject& o) {
        std::uint32_t track = 0;
        std::int64_t begin = 0;
        std::int64_t duration = 0;
        if (!trackOf(o, &track) || !timestamp(o, &begin) || !nanos(o, "dur", &duration))
            return false;
        if (duration < 0)
            return fail(
                QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "X event has a negative 'dur'"));
        // Both are within ±4e18 ns: their sum fits. Adding the origin may not (see run()).
        const std::int64_t end = begin + duration;
        if (end > std::numeric_limits<std::int64_t>::max() - kMaxOriginNs)
            overflows_.push_back(Overflow{index_, offset_, end});
        seen(end);
        SliceArgs<std::string_view> args;
        args.mergeFrom(objectOf(o.value("args")));
        addSlice(EventType::Slice, track, begin, end, o.value("name").toString(),
                 o.value("cat").toString(), args);
        return true;
    }

    bool beginSlice(const JsonObject& o) {
        OpenSlice s;
        if (!trackOf(o, &s.track) || !timestamp(o, &s.begin))
            return false;
        s.name = o.value("name").toString();
        s.cat = o.value("cat").toString();
        s.args.mergeFrom(objectOf(o.value("args")));
        openB_[s.track].push_back(std::move(s));
        return true;
    }

    // Closes `open` at `end`; the end event may add args and fill in a missing name or cat.
    bool close(EventType type, OpenSlice open, std::int64_t end, const JsonObject& o) {
        if (end < open.begin)
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                          "%1 event ends before its begin event"),
                        {plain(QString(ph_))});
        open.args.mergeFrom(objectOf(o.value("args")));
        if (open.name.empty())
            open.name = o.value("name").toString();
        if (open.cat.empty())
            open.cat = o.value("cat").toString();
        addSlice(type, open.track, open.begin, end, open.name, open.cat, open.args);
        return true;
    }

    bool endSlice(const JsonObject& o) {
        std::uint32_t track = 0;
        std::int64_t at = 0;
        if (!trackOf(o, &track) || !timestamp(o, &at))
            return false;
        auto& stack = openB_[track];
        if (stack.empty())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                          "E event without a matching B event"));
        OpenSlice open = std::move(stack.back());
        stack.pop_back();
        return close(EventType::Slice, std::move(open), at, o);
    }

    bool idText(const JsonValue& v, const char* key, std::string* text) {
        if (v.isString()) {
            *text = v.text;
            return true;
        }
        if (const auto n = v.toInteger()) {
            *text = std::to_string(*n);
            return true;
        }
        if (v.isNumber()) {
            *text = QString::number(v.number, 'g', 17).toStdString();
            return true;
        }
        return fail(
            QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "'%1' is not a number or a string"),
            {plain(key)});
    }

    // Async slices pair up on category and id; an id2 "local" id is scoped to its process.
    bool asyncKey(const JsonObject& o, std::uint32_t track, std::string* key) {
        std::string id;
        if (o.contains("id")) {
            if (!idText(o.value("id"), "id", &id))
                return false;
        } else if (const JsonValue id2 = o.value("id2"); id2.isObject()) {
            const JsonObject scoped = objectOf(id2);
            if (scoped.contains("local")) {
                if (!idText(scoped.value("local"), "id2.local", &id))
                    return false;
                id = "local:" + std::to_string(tracks_[track].track.pid) + ':' + id;
            } else if (scoped.contains("global")) {
                if (!idText(scoped.value("global"), "id2.global", &id))
                    return false;
                id = "global:" + id;
            } else {
                return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                              "'id2' has neither 'local' nor 'global'"));
            }
        } else {
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "%1 event has no 'id'"),
                        {plain(QString(ph_))});
        }
        const std::string_view cat = o.value("cat").toString();
        key->reserve(cat.size() + 1 + id.size());
        key->assign(cat);
        key->push_back('\x1F');
        key->append(id);
        return true;
    }

    bool asyncBegin(const JsonObject& o) {
        OpenSlice s;
        std::string key;
        if (!trackOf(o, &s.track) || !timestamp(o, &s.begin) || !asyncKey(o, s.track, &key))
            return false;
        s.name = o.value("name").toString();
        s.cat = o.value("cat").toString();
        s.args.mergeFrom(objectOf(o.value("args")));
        openAsync_[std::move(key)].push_back(std::move(s));
        return true;
    }

    bool asyncEnd(const JsonObject& o) {
        std::uint32_t track = 0;
        std::int64_t at = 0;
        std::string key;
        if (!trackOf(o, &track) || !timestamp(o, &at) || !asyncKey(o, track, &key))
            return false;
        const auto it = openAsync_.find(key);
        if (it == openAsync_.end() || it->second.empty())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                          "%1 event without a matching %2 event"),
                        {plain(QString(ph_)), plain(ph_ == u'F' ? "S" : "b")});
        // The innermost open slice of that name, else simply the innermost.
        std::vector<OpenSlice>& stack = it->second;
        auto match = std::prev(stack.end());
        const std::string_view name = o.value("name").toString();
        if (!name.empty()) {
            for (auto s = stack.end(); s != stack.begin();) {
                --s;
                if (s->name == name) {
                    match = s;
                    break;
                }
            }
        }
        OpenSlice open = std::move(*match);
        stack.erase(match);
        if (stack.empty())
            openAsync_.erase(it); // keeps the map small: most pairs close at once
        return close(EventType::AsyncSlice, std::move(open), at, o);
    }

    bool instant(const JsonObject& o) {
        TraceEvent e;
        if (!trackOf(o, &e.track) || !timestamp(o, &e.begin_ns))
            return false;
        e.end_ns = e.begin_ns;
        e.type = EventType::Instant;
        const JsonObject args = objectOf(o.value("args"));
        e.task = taskOf(args.value("task").toInteger());
        e.cpu = cpuOf(args.value("cpu").toInteger());
        e.label = labels_.intern(o.value("name").toString());
        events_.push_back(e);
        return true;
    }

    bool counter(const JsonObject& o) {
        TraceEvent e;
        if (!trackOf(o, &e.track) || !timestamp(o, &e.begin_ns))
            return false;
        e.end_ns = e.begin_ns;
        e.type = EventType::Counter;
        const JsonValue argsValue = o.value("args");
        if (!argsValue.isUndefined() && !argsValue.isObject())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                          "C event's 'args' is not an object"));
        const std::vector<const JsonMember*> args = objectOf(argsValue).sortedUnique();
        const std::string_view name = o.value("name").toString();
        const bool single = args.size() == 1 && args[0]->key == "value";
        std::string label;
        for (const JsonMember* m : args) {
            const JsonValue& v = m->value;
            std::optional<double> value;
            if (v.isNumber())
                value = v.number;
            else if (v.isString())
                value = nonFiniteFromName(v.text);
            if (!value)
                continue; // not a sample: the viewers ignore such args too
            e.value = *value;
            if (single) {
                e.label = labels_.intern(name);
            } else {
                label.assign(name);
                label.push_back('.');
                label.append(m->key);
                e.label = labels_.intern(label);
            }
            events_.push_back(e);
        }
        return true;
    }

    bool flowId(const JsonObject& o, double* id) {
        JsonValue v = o.value("id");
        if (v.isUndefined()) {
            const JsonObject id2 = objectOf(o.value("id2"));
            v = id2.contains("local") ? id2.value("local") : id2.value("global");
        }
        if (v.isUndefined())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader", "%1 event has no 'id'"),
                        {plain(QString(ph_))});
        if (v.isNumber()) {
            *id = v.number;
            return true;
        }
        if (!v.isString())
            return fail(QT_TRANSLATE_NOOP("tasklane::ChromeTraceReader",
                                          "'id' is not a number or a string"));
        if (const auto special = nonFiniteFromName(v.text)) {
            *id = *special;
            return true;
        }
        const QString s = qs(v.text);
        bool ok = false;
        const qulonglong n = s.startsWith("0x"_L1, Qt::CaseInsensitive)
                                 ? s.mid(2).toULongLong(&ok, 16)
                                 : s.toULongLong(&ok, 10);
        if (ok) {
            *id = double(n);
            return true;
        }
        *id = double(syntheticId(flowNames_, v.text));
        return true;
    }

    bool flow(const JsonObject& o) {
        TraceEvent e;
        if (!trackOf(o, &e.track) || !timestamp(o, &e.begin_ns) || !flowId(o, &e.value))
            return false;
        e.end_ns = e.begin_ns;
        e.task = taskOf(objectOf(o.value("args")).value("task").toInteger());
        // A step ends one arrow and starts the next.
        if (ph_ != u's') {
            e.type = EventType::FlowEnd;
            events_.push_back(e);
        }
        if (ph_ != u'f') {
            e.type = EventType::FlowStart;
            events_.push_back(e);
        }
        return true;
    }

    bool metadata(const JsonObject& o) {
        const std::string_view name = o.value("name").toString();
        const bool threadName = name == "thread_name";
        if (!threadName && name != "thread_sort_index")
            return true; // process names and the like: a Trace has no place for them
        std::uint32_t index = 0;
        if (!trackOf(o, &index))
            return false;
        TrackInfo& info = tracks_[index];
        const JsonObject args = objectOf(o.value("args"));
        if (!threadName) {
            if (const auto sortIndex = args.value("sort_index").toInteger())
                info.sortIndex = *sortIndex;
            return true;
        }
        if (const JsonValue n = args.value("name"); n.isString())
            info.track.name = std::string(n.text);
        if (const JsonValue kind = args.value("kind"); kind.isString())
            if (const auto k = trackKindFromName(kind.text))
                info.track.kind = *k;
        // ChromeTraceWriter's note of the real tid when it had to make the file's one unique.
        if (const auto tid = args.value("tid").toInteger())
            info.track.tid = *tid;
        return true;
    }

    // What is still open when the file ends was cut off by the end of the recording;
    // viewers draw it up to the last timestamp, and so does the Trace.
    void closeUnfinished() {
        const auto closeAll = [&](EventType type, std::vector<OpenSlice>& stack) {
            for (OpenSlice& s : stack)
                addSlice(type, s.track, s.begin, std::max(s.begin, last_), s.name, s.cat, s.args);
            stack.clear();
        };
        for (auto& stack : openB_)
            closeAll(EventType::Slice, stack);
        for (auto& [key, stack] : openAsync_)
            closeAll(EventType::AsyncSlice, stack);
    }

    Trace finish() {
        std::vector<std::uint32_t> order(tracks_.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto& x = tracks_[a].sortIndex;
            const auto& y = tracks_[b].sortIndex;
            if (x.has_value() != y.has_value())
                return x.has_value();
            return x.has_value() && *x < *y;
        });
        std::vector<std::uint32_t> newIndex(order.size());
        Trace trace;
        trace.tracks.reserve(order.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            newIndex[order[i]] = std::uint32_t(i);
            trace.tracks.push_back(std::move(tracks_[order[i]].track));
        }
        for (TraceEvent& e : events_) {
            e.track = newIndex[e.track];
            e.begin_ns += origin_; // both within ±4e18 (overflowing ends were refused)
            e.end_ns += origin_;
        }
        trace.events = std::move(events_);
        trace.strings = labels_.take();
        trace.finalize();
        return trace;
    }

    const char* data_;
    std::size_t size_;
    JsonScanner json_;

    bool haveEvents_ = false;
    bool eventsNotArray_ = false;
    bool originInvalid_ = false;
    std::int64_t origin_ = 0;
    std::optional<EventError> eventError_;
    std::vector<Overflow> overflows_;
    qsizetype index_ = 0;    // of the event being handled
    std::size_t offset_ = 0; // where it begins
    std::int64_t last_ = 0;
    bool anyTime_ = false;
    QChar ph_;
    TextMessage reason_;

    std::vector<TrackInfo> tracks_;
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::uint32_t, PairHash> trackIds_;
    std::optional<std::pair<std::pair<std::int64_t, std::int64_t>, std::uint32_t>> lastTrack_;
    StringMap<std::int64_t> stringIds_;
    StringMap<std::optional<std::int64_t>> numericIds_;
    StringMap<std::int64_t> flowNames_;
    std::vector<std::vector<OpenSlice>> openB_; // per track
    StringMap<std::vector<OpenSlice>> openAsync_;

    std::vector<TraceEvent> events_;
    LabelTable labels_; // Trace::intern is linear: too slow for 1M events
};

} // namespace

std::optional<Trace> parseChromeTrace(const char* data, std::size_t size,
                                      ChromeTraceReader::Error* error) {
    return Parser(data, size).run(error);
}

} // namespace tasklane
