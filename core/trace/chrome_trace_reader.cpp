#include "trace/chrome_trace_reader.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace tasklane {

using namespace Qt::StringLiterals;

namespace {

using Error = ChromeTraceReader::Error;

// String pids, tids and flow ids that are not numbers get ids from here, far above real ones.
constexpr std::int64_t kSyntheticIdBase = std::int64_t(1) << 40;
// |ts| and |dur| in microseconds: their nanoseconds, plus an origin, must fit in an int64.
constexpr double kMaxMicros = 4e15;

std::optional<qint64> integerOf(const QJsonValue& v) {
    if (!v.isDouble())
        return std::nullopt;
    // toInteger() returns its default for anything that is not a whole qint64; two different
    // defaults tell that case apart from a real value.
    const qint64 a = v.toInteger(0);
    if (a != v.toInteger(1))
        return std::nullopt;
    return a;
}

std::optional<State> stateOf(const QString& s) {
    if (s.isEmpty())
        return std::nullopt;
    for (int i = 0; i < kStateCount; ++i) {
        const std::string_view name = stateName(State(i));
        if (s == QLatin1StringView(name.data(), qsizetype(name.size())))
            return State(i);
    }
    return std::nullopt;
}

std::optional<double> nonFiniteFromName(const QString& s) {
    if (s == "NaN"_L1)
        return std::numeric_limits<double>::quiet_NaN();
    if (s == "Infinity"_L1)
        return std::numeric_limits<double>::infinity();
    if (s == "-Infinity"_L1)
        return -std::numeric_limits<double>::infinity();
    return std::nullopt;
}

void setPosition(Error& error, const QByteArray& json, qint64 offset) {
    offset = std::clamp<qint64>(offset, 0, json.size());
    error.offset = offset;
    int line = 1;
    qint64 lineStart = 0;
    for (qint64 i = 0; i < offset; ++i) {
        if (json[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (qint64 i = lineStart; i < offset; ++i)
        if ((static_cast<unsigned char>(json[i]) & 0xC0) != 0x80) // count characters, not bytes
            ++column;
    error.line = line;
    error.column = column;
}

// Byte offset where element `index` of the event array starts. QJsonDocument keeps no
// positions; the text is known to be valid JSON here, so tracking strings and depth suffices.
qint64 eventOffset(const QByteArray& json, bool bareArray, qsizetype index) {
    const char* p = json.constData();
    const qsizetype n = json.size();
    int depth = 0;
    int arrayDepth = -1;
    bool inString = false;
    bool escaped = false;
    bool wantElement = false;
    qsizetype stringStart = 0;
    qsizetype count = 0;
    QByteArray lastString;
    QByteArray key;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
                if (depth == 1)
                    lastString = QByteArray(p + stringStart, i - stringStart);
            }
            continue;
        }
        if (wantElement && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            if (count == index)
                return i;
            wantElement = false;
        }
        switch (c) {
        case '"':
            inString = true;
            stringStart = i + 1;
            break;
        case ':':
            if (depth == 1)
                key = lastString;
            break;
        case '{':
        case '[':
            ++depth;
            if (arrayDepth < 0 && c == '[' &&
                (bareArray ? depth == 1 : depth == 2 && key == "traceEvents")) {
                arrayDepth = depth;
                wantElement = true;
            }
            break;
        case '}':
        case ']':
            if (depth == arrayDepth)
                return i;
            --depth;
            break;
        case ',':
            if (depth == arrayDepth) {
                ++count;
                wantElement = true;
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

struct OpenSlice {
    std::int64_t begin = 0;
    std::uint32_t track = 0;
    QString name;
    QString cat;
    QJsonObject args;
};

struct TrackInfo {
    Track track;
    std::optional<qint64> sortIndex;
};

class Parser {
public:
    explicit Parser(const QByteArray& json)
        : json_(json) {}

    std::optional<Trace> run(Error* error) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json_, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            // Qt says "illegal value" for both of these; say what is actually wrong.
            qsizetype first = json_.startsWith("\xEF\xBB\xBF") ? 3 : 0; // a BOM is fine
            while (first < json_.size() && std::isspace(static_cast<unsigned char>(json_[first])))
                ++first;
            if (first == json_.size())
                return report(error, first, u"empty document: no JSON value"_s);
            if (json_[first] != '{' && json_[first] != '[')
                return report(error, first,
                              u"not a JSON object or array (%1)"_s.arg(parseError.errorString()));
            return report(error, parseError.offset, parseError.errorString());
        }
        QJsonArray events;
        if (doc.isArray()) {
            events = doc.array();
            bare_ = true;
        } else {
            const QJsonObject top = doc.object();
            const QJsonValue list = top.value("traceEvents"_L1);
            if (list.isUndefined())
                return report(error, 0, u"no 'traceEvents' array in the top-level object"_s);
            if (!list.isArray())
                return report(error, 0, u"'traceEvents' is not an array"_s);
            events = list.toArray();
            const QJsonValue origin = top.value("otherData"_L1).toObject().value("origin_ns"_L1);
            if (!origin.isUndefined()) {
                const auto value = integerOf(origin);
                constexpr auto limit = std::int64_t(kMaxMicros * 1000);
                if (!value || *value > limit || *value < -limit)
                    return report(error, 0, u"'otherData.origin_ns' is not a valid integer"_s);
                origin_ = *value;
            }
        }
        events_.reserve(std::size_t(events.size()));
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (!handle(events.at(i)))
                return report(error, eventOffset(json_, bare_, i),
                              u"event %1: %2"_s.arg(i).arg(reason_));
        }
        closeUnfinished();
        return finish();
    }

private:
    std::optional<Trace> report(Error* error, qint64 offset, const QString& reason) const {
        if (error != nullptr) {
            *error = Error{};
            error->reason = reason;
            setPosition(*error, json_, offset);
        }
        return std::nullopt;
    }

    bool fail(const QString& reason) {
        reason_ = reason;
        return false;
    }

    bool handle(const QJsonValue& value) {
        if (!value.isObject())
            return fail(u"not an object"_s);
        const QJsonObject o = value.toObject();
        const QJsonValue phase = o.value("ph"_L1);
        if (phase.isUndefined())
            return fail(u"no 'ph'"_s);
        if (!phase.isString())
            return fail(u"'ph' is not a string"_s);
        const QString ph = phase.toString();
        if (ph.size() != 1)
            return fail(u"unknown phase '%1'"_s.arg(ph.left(16)));
        ph_ = ph.at(0);
        switch (ph_.unicode()) {
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
        // Legal in the format but nothing a Trace holds: samples, objects, marks, async
        // instants and steps, clock syncs, memory dumps, context.
        case 'P':
        case 'O':
        case 'N':
        case 'D':
        case 'R':
        case 'n':
        case 'c':
        case 'T':
        case 'p':
        case 'V':
        case 'v':
        case '(':
        case ')':
            return true;
        default:
            return fail(u"unknown phase '%1'"_s.arg(ph));
        }
    }

    // --- fields ---

    bool idOf(const QJsonValue& v, QLatin1StringView key, std::int64_t* id, QString* name) {
        if (v.isDouble()) {
            const auto n = integerOf(v);
            if (!n)
                return fail(u"'%1' is not an integer"_s.arg(key));
            *id = *n;
            return true;
        }
        if (v.isString()) {
            const QString s = v.toString();
            bool ok = false;
            const qint64 n = s.toLongLong(&ok);
            if (ok) {
                *id = n;
                return true;
            }
            auto it = stringIds_.constFind(s);
            if (it == stringIds_.constEnd())
                it = stringIds_.insert(s, kSyntheticIdBase + stringIds_.size());
            *id = it.value();
            *name = s;
            return true;
        }
        return fail(u"'%1' is not a number or a string"_s.arg(key));
    }

    bool trackOf(const QJsonObject& o, std::uint32_t* track) {
        std::int64_t pid = 0;
        std::int64_t tid = 0;
        QString pidName;
        QString tidName;
        if (const QJsonValue v = o.value("pid"_L1); !v.isUndefined())
            if (!idOf(v, "pid"_L1, &pid, &pidName))
                return false;
        if (const QJsonValue v = o.value("tid"_L1); !v.isUndefined()) {
            if (!idOf(v, "tid"_L1, &tid, &tidName))
                return false;
        } else {
            tid = pid; // as Perfetto does: a process-wide event lands on the main thread
            tidName = pidName;
        }
        const std::pair key(pid, tid);
        if (const auto it = trackIds_.constFind(key); it != trackIds_.constEnd()) {
            *track = it.value();
            return true;
        }
        TrackInfo info;
        info.track.pid = pid;
        info.track.tid = tid;
        info.track.kind = tid == pid ? TrackKind::Main : TrackKind::Thread;
        info.track.name =
            tidName.isEmpty() ? "thread " + std::to_string(tid) : tidName.toStdString();
        *track = std::uint32_t(tracks_.size());
        tracks_.push_back(std::move(info));
        openB_.emplace_back();
        trackIds_.insert(key, *track);
        return true;
    }

    // A time field in nanoseconds, not yet shifted by the origin.
    bool nanos(const QJsonObject& o, QLatin1StringView key, std::int64_t* ns) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return fail(u"%1 event has no '%2'"_s.arg(ph_).arg(key));
        if (!v.isDouble())
            return fail(u"'%1' is not a number"_s.arg(key));
        const double micros = v.toDouble();
        if (!std::isfinite(micros) || std::abs(micros) > kMaxMicros)
            return fail(u"'%1' is out of range"_s.arg(key));
        *ns = std::llround(micros * 1000.0);
        return true;
    }

    bool timestamp(const QJsonObject& o, std::int64_t* ns) {
        std::int64_t relative = 0;
        if (!nanos(o, "ts"_L1, &relative))
            return false;
        *ns = origin_ + relative; // both bounded by kMaxMicros: cannot overflow
        seen(*ns);
        return true;
    }

    void seen(std::int64_t ns) {
        last_ = anyTime_ ? std::max(last_, ns) : ns;
        anyTime_ = true;
    }

    static std::int16_t cpuOf(const QJsonValue& v) {
        const auto n = integerOf(v);
        return n && *n >= -1 && *n <= std::numeric_limits<std::int16_t>::max() ? std::int16_t(*n)
                                                                               : std::int16_t(-1);
    }

    static std::uint32_t taskOf(const QJsonValue& v) {
        const auto n = integerOf(v);
        return n && *n >= 0 && *n <= std::numeric_limits<std::uint32_t>::max() ? std::uint32_t(*n)
                                                                               : 0;
    }

    std::uint32_t intern(const QString& s) {
        if (s.isEmpty())
            return 0;
        if (const auto it = labels_.constFind(s); it != labels_.constEnd())
            return it.value();
        const auto id = std::uint32_t(strings_.size());
        strings_.push_back(s.toStdString());
        labels_.insert(s, id);
        return id;
    }

    void addSlice(EventType type, std::uint32_t track, std::int64_t begin, std::int64_t end,
                  const QString& name, const QString& cat, const QJsonObject& args) {
        TraceEvent e;
        e.type = type;
        e.track = track;
        e.begin_ns = begin;
        e.end_ns = end;
        const QJsonValue stateArg = args.value("state"_L1);
        const std::optional<State> named = stateOf(stateArg.toString());
        e.state = named ? *named : stateOf(cat).value_or(State::Running);
        e.cpu = cpuOf(args.value("cpu"_L1));
        e.task = taskOf(args.value("task"_L1));
        e.value = std::max(0.0, args.value("cpu_ns"_L1).toDouble());
        // ChromeTraceWriter names a label-less slice after its state, and repeats a label that
        // happens to equal the state name in args.label.
        if (named && name == stateArg.toString())
            e.label = intern(args.value("label"_L1).toString());
        else
            e.label = intern(name);
        events_.push_back(e);
    }

    // --- phases ---

    bool complete(const QJsonObject& o) {
        std::uint32_t track = 0;
        std::int64_t begin = 0;
        std::int64_t duration = 0;
        if (!trackOf(o, &track) || !timestamp(o, &begin) || !nanos(o, "dur"_L1, &duration))
            return false;
        if (duration < 0)
            return fail(u"X event has a negative 'dur'"_s);
        std::int64_t end = 0;
        if (__builtin_add_overflow(begin, duration, &end))
            return fail(u"'dur' is out of range"_s);
        seen(end);
        addSlice(EventType::Slice, track, begin, end, o.value("name"_L1).toString(),
                 o.value("cat"_L1).toString(), o.value("args"_L1).toObject());
        return true;
    }

    bool beginSlice(const QJsonObject& o) {
        OpenSlice s;
        if (!trackOf(o, &s.track) || !timestamp(o, &s.begin))
            return false;
        s.name = o.value("name"_L1).toString();
        s.cat = o.value("cat"_L1).toString();
        s.args = o.value("args"_L1).toObject();
        openB_[s.track].push_back(std::move(s));
        return true;
    }

    // Closes `open` at `end`; the end event may add args and fill in a missing name or cat.
    bool close(EventType type, OpenSlice open, std::int64_t end, const QJsonObject& o) {
        if (end < open.begin)
            return fail(u"%1 event ends before its begin event"_s.arg(ph_));
        const QJsonObject extra = o.value("args"_L1).toObject();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            open.args.insert(it.key(), it.value());
        if (open.name.isEmpty())
            open.name = o.value("name"_L1).toString();
        if (open.cat.isEmpty())
            open.cat = o.value("cat"_L1).toString();
        addSlice(type, open.track, open.begin, end, open.name, open.cat, open.args);
        return true;
    }

    bool endSlice(const QJsonObject& o) {
        std::uint32_t track = 0;
        std::int64_t at = 0;
        if (!trackOf(o, &track) || !timestamp(o, &at))
            return false;
        auto& stack = openB_[track];
        if (stack.empty())
            return fail(u"E event without a matching B event"_s);
        OpenSlice open = std::move(stack.back());
        stack.pop_back();
        return close(EventType::Slice, std::move(open), at, o);
    }

    bool idText(const QJsonValue& v, QLatin1StringView key, QString* text) {
        if (v.isString()) {
            *text = v.toString();
            return true;
        }
        if (const auto n = integerOf(v)) {
            *text = QString::number(*n);
            return true;
        }
        if (v.isDouble()) {
            *text = QString::number(v.toDouble(), 'g', 17);
            return true;
        }
        return fail(u"'%1' is not a number or a string"_s.arg(key));
    }

    // Async slices pair up on category and id; an id2 "local" id is scoped to its process.
    bool asyncKey(const QJsonObject& o, std::uint32_t track, QString* key) {
        const QString cat = o.value("cat"_L1).toString();
        QString id;
        if (o.contains("id"_L1)) {
            if (!idText(o.value("id"_L1), "id"_L1, &id))
                return false;
        } else if (const QJsonValue id2 = o.value("id2"_L1); id2.isObject()) {
            const QJsonObject scoped = id2.toObject();
            if (scoped.contains("local"_L1)) {
                if (!idText(scoped.value("local"_L1), "id2.local"_L1, &id))
                    return false;
                id = u"local:%1:%2"_s.arg(tracks_[track].track.pid).arg(id);
            } else if (scoped.contains("global"_L1)) {
                if (!idText(scoped.value("global"_L1), "id2.global"_L1, &id))
                    return false;
                id = "global:"_L1 + id;
            } else {
                return fail(u"'id2' has neither 'local' nor 'global'"_s);
            }
        } else {
            return fail(u"%1 event has no 'id'"_s.arg(ph_));
        }
        *key = cat + QChar(0x1F) + id;
        return true;
    }

    bool asyncBegin(const QJsonObject& o) {
        OpenSlice s;
        QString key;
        if (!trackOf(o, &s.track) || !timestamp(o, &s.begin) || !asyncKey(o, s.track, &key))
            return false;
        s.name = o.value("name"_L1).toString();
        s.cat = o.value("cat"_L1).toString();
        s.args = o.value("args"_L1).toObject();
        openAsync_[key].push_back(std::move(s));
        return true;
    }

    bool asyncEnd(const QJsonObject& o) {
        std::uint32_t track = 0;
        std::int64_t at = 0;
        QString key;
        if (!trackOf(o, &track) || !timestamp(o, &at) || !asyncKey(o, track, &key))
            return false;
        const auto it = openAsync_.find(key);
        if (it == openAsync_.end() || it->empty())
            return fail(u"%1 event without a matching %2 event"_s.arg(ph_).arg(
                ph_ == u'F' ? QChar(u'S') : QChar(u'b')));
        // The innermost open slice of that name, else simply the innermost.
        std::vector<OpenSlice>& stack = *it;
        auto match = std::prev(stack.end());
        const QString name = o.value("name"_L1).toString();
        if (!name.isEmpty()) {
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
        return close(EventType::AsyncSlice, std::move(open), at, o);
    }

    bool instant(const QJsonObject& o) {
        TraceEvent e;
        if (!trackOf(o, &e.track) || !timestamp(o, &e.begin_ns))
            return false;
        e.end_ns = e.begin_ns;
        e.type = EventType::Instant;
        const QJsonObject args = o.value("args"_L1).toObject();
        e.task = taskOf(args.value("task"_L1));
        e.cpu = cpuOf(args.value("cpu"_L1));
        e.label = intern(o.value("name"_L1).toString());
        events_.push_back(e);
        return true;
    }

    bool counter(const QJsonObject& o) {
        TraceEvent e;
        if (!trackOf(o, &e.track) || !timestamp(o, &e.begin_ns))
            return false;
        e.end_ns = e.begin_ns;
        e.type = EventType::Counter;
        const QJsonValue argsValue = o.value("args"_L1);
        if (!argsValue.isUndefined() && !argsValue.isObject())
            return fail(u"C event's 'args' is not an object"_s);
        const QJsonObject args = argsValue.toObject();
        const QString name = o.value("name"_L1).toString();
        const bool single = args.size() == 1 && args.contains("value"_L1);
        for (auto it = args.begin(); it != args.end(); ++it) {
            const QJsonValue v = it.value();
            std::optional<double> value;
            if (v.isDouble())
                value = v.toDouble();
            else if (v.isString())
                value = nonFiniteFromName(v.toString());
            if (!value)
                continue; // not a sample: the viewers ignore such args too
            e.value = *value;
            e.label = intern(single ? name : name + u'.' + it.key());
            events_.push_back(e);
        }
        return true;
    }

    bool flowId(const QJsonObject& o, double* id) {
        QJsonValue v = o.value("id"_L1);
        if (v.isUndefined()) {
            const QJsonObject id2 = o.value("id2"_L1).toObject();
            v = id2.contains("local"_L1) ? id2.value("local"_L1) : id2.value("global"_L1);
        }
        if (v.isUndefined())
            return fail(u"%1 event has no 'id'"_s.arg(ph_));
        if (v.isDouble()) {
            *id = v.toDouble();
            return true;
        }
        if (!v.isString())
            return fail(u"'id' is not a number or a string"_s);
        const QString s = v.toString();
        if (const auto special = nonFiniteFromName(s)) {
            *id = *special;
            return true;
        }
        bool ok = false;
        const qulonglong n = s.startsWith("0x"_L1, Qt::CaseInsensitive)
                                 ? s.mid(2).toULongLong(&ok, 16)
                                 : s.toULongLong(&ok, 10);
        if (ok) {
            *id = double(n);
            return true;
        }
        auto it = flowNames_.constFind(s);
        if (it == flowNames_.constEnd())
            it = flowNames_.insert(s, kSyntheticIdBase + flowNames_.size());
        *id = double(it.value());
        return true;
    }

    bool flow(const QJsonObject& o) {
        TraceEvent e;
        if (!trackOf(o, &e.track) || !timestamp(o, &e.begin_ns) || !flowId(o, &e.value))
            return false;
        e.end_ns = e.begin_ns;
        e.task = taskOf(o.value("args"_L1).toObject().value("task"_L1));
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

    bool metadata(const QJsonObject& o) {
        const QString name = o.value("name"_L1).toString();
        const bool threadName = name == "thread_name"_L1;
        if (!threadName && name != "thread_sort_index"_L1)
            return true; // process names and the like: a Trace has no place for them
        std::uint32_t index = 0;
        if (!trackOf(o, &index))
            return false;
        TrackInfo& info = tracks_[index];
        const QJsonObject args = o.value("args"_L1).toObject();
        if (!threadName) {
            if (const auto sortIndex = integerOf(args.value("sort_index"_L1)))
                info.sortIndex = *sortIndex;
            return true;
        }
        if (const QJsonValue n = args.value("name"_L1); n.isString())
            info.track.name = n.toString().toStdString();
        if (const QJsonValue kind = args.value("kind"_L1); kind.isString())
            if (const auto k = trackKindFromName(kind.toString().toStdString()))
                info.track.kind = *k;
        // ChromeTraceWriter's note of the real tid when it had to make the file's one unique.
        if (const auto tid = integerOf(args.value("tid"_L1)))
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
        for (auto& stack : openAsync_)
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
        for (TraceEvent& e : events_)
            e.track = newIndex[e.track];
        trace.events = std::move(events_);
        trace.strings = std::move(strings_);
        trace.finalize();
        return trace;
    }

    const QByteArray& json_;
    bool bare_ = false;
    std::int64_t origin_ = 0;
    std::int64_t last_ = 0;
    bool anyTime_ = false;
    QChar ph_;
    QString reason_;

    std::vector<TrackInfo> tracks_;
    QHash<std::pair<std::int64_t, std::int64_t>, std::uint32_t> trackIds_;
    QHash<QString, std::int64_t> stringIds_;
    QHash<QString, std::int64_t> flowNames_;
    std::vector<std::vector<OpenSlice>> openB_; // per track
    QHash<QString, std::vector<OpenSlice>> openAsync_;

    std::vector<TraceEvent> events_;
    std::vector<std::string> strings_{std::string()};
    QHash<QString, std::uint32_t> labels_; // Trace::intern is linear: too slow for 1M events
};

} // namespace

QString ChromeTraceReader::Error::toString() const {
    QString text = reason;
    for (QChar& c : text)
        if (c == u'\n' || c == u'\r')
            c = u' ';
    if (line <= 0)
        return text;
    return u"line %1, column %2: %3"_s.arg(line).arg(column).arg(text);
}

std::optional<Trace> ChromeTraceReader::read(const QString& path, Error* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error != nullptr) {
            *error = Error{};
            error->reason = u"cannot open %1: %2"_s.arg(path, file.errorString());
        }
        return std::nullopt;
    }
    const QByteArray json = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error != nullptr) {
            *error = Error{};
            error->reason = u"cannot read %1: %2"_s.arg(path, file.errorString());
        }
        return std::nullopt;
    }
    return fromJson(json, error);
}

std::optional<Trace> ChromeTraceReader::fromJson(const QByteArray& json, Error* error) {
    return Parser(json).run(error);
}

} // namespace tasklane
