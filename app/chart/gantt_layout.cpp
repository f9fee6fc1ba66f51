#include "chart/gantt_layout.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace tasklane {

namespace {

constexpr double kMargin = 10;
constexpr double kLabelPadding = 8;
constexpr double kChipSize = 10;
constexpr double kMinWidth = 1.0; // slices narrower than this are folded per pixel column
constexpr double kTickLength = 5;
constexpr double kInstantWidth = 7;
constexpr double kInstantHeight = 6;
constexpr double kLaneIndent = 14; // lane rows' names sit under their track's, indented
// A process's rows make room for the disclosure triangle in front of their names.
constexpr double kDisclosureIndent = 14;
constexpr double kDisclosureSize = 9;
// Lane rows are a little thinner than track rows: a dozen lifelines stay on one screen, and
// the tracks (where the CPU time goes) stay the rows the eye finds first.
constexpr double kLaneShare = 0.72;

// Thinner than a track row, but not thinner than a line of text unless track rows are too.
double laneHeightFor(double rowHeight, double textHeight) {
    return std::min(rowHeight, std::max(std::round(rowHeight * kLaneShare), std::ceil(textHeight)));
}

// Floor division that rounds towards -infinity, for ticks left of the origin.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

QString unitName(std::int64_t unit) {
    switch (unit) {
    case 1'000'000'000:
        return QStringLiteral("s");
    case 1'000'000:
        return QStringLiteral("ms");
    case 1'000:
        return QString(QChar(0x00B5)) + QLatin1Char('s');
    default:
        return QStringLiteral("ns");
    }
}

// The colour key of a slice: its State, or on a core row the track that ran it (the last key,
// tracks.size(), for a slice of a track the trace does not name).
std::uint32_t colourKey(const Trace& trace, const TraceEvent& e, bool byTrack) {
    return byTrack ? std::min<std::uint32_t>(e.track, std::uint32_t(trace.tracks.size()))
                   : std::uint32_t(e.state);
}

void addWeight(GanttLaneBlock& block, std::uint32_t key, std::int64_t weight) {
    if (block.keys == GanttLaneBlock::kUnsummed)
        return;
    for (int k = 0; k < block.keys; ++k) {
        if (block.key[std::size_t(k)] == key) {
            block.weight[std::size_t(k)] += weight;
            return;
        }
    }
    if (block.keys == GanttLaneBlock::kMaxKeys) {
        block.keys = GanttLaneBlock::kUnsummed;
        return;
    }
    block.key[block.keys] = key;
    block.weight[block.keys] = weight;
    ++block.keys;
}

// The block sums of a lane (see GanttLaneBlock). A few bytes per slice; lanes too short to
// need them get none.
void summarise(GanttLane& lane, const Trace& trace, bool byTrack) {
    lane.blocks.clear();
    const auto& ev = trace.events;
    const std::size_t n = lane.events.size();
    if (n < 2 * kLaneBlock)
        return;
    std::vector<GanttLaneBlock> level;
    level.reserve((n + kLaneBlock - 1) / kLaneBlock);
    for (std::size_t i = 0; i < n; i += kLaneBlock) {
        const std::size_t end = std::min(n, i + kLaneBlock);
        GanttLaneBlock b;
        const TraceEvent& head = ev[lane.events[i]];
        b.firstBegin = head.begin_ns;
        b.maxEnd = head.end_ns;
        b.task = head.task;
        for (std::size_t j = i; j < end; ++j) {
            const TraceEvent& e = ev[lane.events[j]];
            b.maxGap = std::max(b.maxGap, e.begin_ns - b.maxEnd);
            b.maxEnd = std::max(b.maxEnd, e.end_ns);
            b.lastBegin = e.begin_ns;
            b.maxDuration = std::max(b.maxDuration, e.duration_ns());
            if (e.task != b.task)
                b.task = GanttLaneBlock::kMixedTask;
            addWeight(b, colourKey(trace, e, byTrack), std::max<std::int64_t>(e.duration_ns(), 1));
        }
        b.count = std::uint32_t(end - i);
        level.push_back(b);
    }
    lane.blocks.push_back(std::move(level));
    while (lane.blocks.back().size() >= 2 * kLaneBlock) {
        const std::vector<GanttLaneBlock>& below = lane.blocks.back();
        std::vector<GanttLaneBlock> up;
        up.reserve((below.size() + kLaneBlock - 1) / kLaneBlock);
        for (std::size_t i = 0; i < below.size(); i += kLaneBlock) {
            GanttLaneBlock b = below[i];
            for (std::size_t j = i + 1; j < std::min(below.size(), i + kLaneBlock); ++j) {
                const GanttLaneBlock& c = below[j];
                // An upper bound of the gaps: c's own are measured from fewer ends.
                b.maxGap = std::max({b.maxGap, c.maxGap, c.firstBegin - b.maxEnd});
                b.maxEnd = std::max(b.maxEnd, c.maxEnd);
                b.lastBegin = c.lastBegin;
                b.maxDuration = std::max(b.maxDuration, c.maxDuration);
                b.count += c.count;
                if (c.task != b.task)
                    b.task = GanttLaneBlock::kMixedTask;
                if (c.keys == GanttLaneBlock::kUnsummed)
                    b.keys = GanttLaneBlock::kUnsummed;
                for (int k = 0; k < c.keys && c.keys != GanttLaneBlock::kUnsummed; ++k)
                    addWeight(b, c.key[std::size_t(k)], c.weight[std::size_t(k)]);
            }
            up.push_back(b);
        }
        lane.blocks.push_back(std::move(up));
    }
}

void finishLane(GanttLane& lane, const Trace& trace, bool byTrack = false) {
    std::int64_t lastEnd = std::numeric_limits<std::int64_t>::min();
    const std::size_t n = lane.events.size();
    lane.sums.assign(n / kLaneSumStride + 1, GanttLaneSum{});
    GanttLaneSum sum;
    for (std::size_t p = 0; p < n; ++p) {
        const TraceEvent& e = trace.events[lane.events[p]];
        lane.maxDuration = std::max(lane.maxDuration, e.duration_ns());
        if (e.end_ns < lastEnd)
            lane.endsSorted = false;
        lastEnd = std::max(lastEnd, e.end_ns);
        if (p % kLaneSumStride == 0)
            lane.sums[p / kLaneSumStride] = sum;
        addToSum(sum, e);
    }
    if (n % kLaneSumStride == 0)
        lane.sums[n / kLaneSumStride] = sum;
    summarise(lane, trace, byTrack);
}

// The slices of the block at `p` are about to be read one by one (it straddles a column's
// edge): ask for all of them at once, rather than wait for each in turn after a skip.
void prefetchBlock(const Trace& trace, const GanttLane& lane, std::size_t p, std::size_t last) {
    const std::size_t end = std::min(last, p + kLaneBlock);
    for (std::size_t q = p; q < end; ++q)
        __builtin_prefetch(&trace.events[lane.events[q]]);
}

// The largest block of `lane` that begins at position `p` and ends by `last`, for which
// `fits` holds: tried from the largest level down. Null when none does (read slice p then).
// Blocks without sums qualify only when `needSums` is false (to be skipped, not folded).
template <typename Fits>
const GanttLaneBlock* blockAt(const GanttLane& lane, std::size_t p, std::size_t last, Fits fits,
                              bool needSums = true) {
    std::size_t size = kLaneBlock;
    std::size_t levels = 0;
    while (levels < lane.blocks.size() && p % size == 0) {
        ++levels;
        size *= kLaneBlock;
    }
    for (std::size_t k = levels; k-- > 0;) {
        size /= kLaneBlock;
        const GanttLaneBlock& b = lane.blocks[k][p / size];
        if (p + b.count <= last && (!needSums || b.keys != GanttLaneBlock::kUnsummed) && fits(b))
            return &b;
    }
    return nullptr;
}

// Merges the sorted runs [bounds[i], bounds[i+1]) of `v` pairwise until one is left: the
// O(n log tracks) way to interleave tracks that are each in time order already.
template <typename Less>
void mergeRuns(std::vector<std::uint32_t>& v, std::vector<std::size_t> bounds, Less less) {
    while (bounds.size() > 2) {
        std::vector<std::size_t> next{bounds.front()};
        std::size_t i = 0;
        for (; i + 2 < bounds.size(); i += 2) {
            std::inplace_merge(v.begin() + std::ptrdiff_t(bounds[i]),
                               v.begin() + std::ptrdiff_t(bounds[i + 1]),
                               v.begin() + std::ptrdiff_t(bounds[i + 2]), less);
            next.push_back(bounds[i + 2]);
        }
        if (i + 1 < bounds.size())
            next.push_back(bounds.back()); // an odd run out: carried to the next round
        bounds = std::move(next);
    }
}

QString fromUtf8(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Lane rows for one track's async slices (`events`, in begin order). A lifeline is one
// task's slices, or one task-less slice; lifelines are packed greedily in begin order into
// the lowest free lane, which needs the fewest lanes in which none overlaps (the interval
// partitioning bound: as many as overlap at the busiest moment). Beyond `maxLanes`, the
// first maxLanes - 1 lanes stay exact and the last takes the rest. O(n * maxLanes).
std::vector<GanttRow> packLanes(const Trace& trace, std::uint32_t track,
                                const std::vector<std::uint32_t>& events, int maxLanes) {
    const auto& ev = trace.events;
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    struct Unit {
        std::int64_t begin = 0, end = 0;
        std::uint32_t task = 0, label = 0;
    };
    std::vector<Unit> units;
    units.reserve(events.size());
    std::vector<std::uint32_t> unitOf(events.size());

    // The open lifeline of each task. Task ids are usually dense (the recorder counts them),
    // so a vector indexes them; sparse ids from an imported trace take a hash map.
    std::uint32_t maxTask = 0;
    for (std::uint32_t i : events)
        maxTask = std::max(maxTask, ev[i].task);
    const bool dense = std::uint64_t(maxTask) <= 4 * std::uint64_t(events.size()) + 4096;
    std::vector<std::uint32_t> denseUnit(dense ? std::size_t(maxTask) + 1 : 0, kNone);
    std::unordered_map<std::uint32_t, std::uint32_t> sparseUnit;
    for (std::size_t k = 0; k < events.size(); ++k) {
        const TraceEvent& e = ev[events[k]];
        std::uint32_t* open = nullptr;
        if (e.task != 0) {
            if (dense)
                open = &denseUnit[e.task];
            else
                open = &sparseUnit.try_emplace(e.task, kNone).first->second;
        }
        // A task's slices that overlap each other (only an imported trace has them) go on in
        // a new lifeline, so that no lane ever holds an overlap it does not own up to.
        if (open && *open != kNone && e.begin_ns >= units[*open].end) {
            Unit& u = units[*open];
            u.end = std::max(u.end, e.end_ns);
            if (u.label == 0)
                u.label = e.label;
            unitOf[k] = *open;
            continue;
        }
        unitOf[k] = std::uint32_t(units.size());
        if (open)
            *open = unitOf[k];
        units.push_back(Unit{e.begin_ns, e.end_ns, e.task, e.label});
    }

    // Units were made in begin order, but a unit's end is known only once all its task's
    // slices are seen: packing is a pass of its own. Units that begin together (tasks that
    // one step created) go in task order, which is the order they were created in, rather
    // than the trace's longest-first order: gather(A, B, C) shows A, B, C.
    std::vector<std::uint32_t> order(units.size());
    std::iota(order.begin(), order.end(), 0U);
    const auto taskKey = [&](std::uint32_t u) {
        return units[u].task != 0 ? units[u].task : kNone; // task-less ones last
    };
    for (std::size_t a = 0; a < order.size();) {
        std::size_t b = a + 1;
        while (b < order.size() && units[order[b]].begin == units[order[a]].begin)
            ++b;
        if (b - a > 1)
            std::stable_sort(
                order.begin() + std::ptrdiff_t(a), order.begin() + std::ptrdiff_t(b),
                [&](std::uint32_t x, std::uint32_t y) { return taskKey(x) < taskKey(y); });
        a = b;
    }
    // Lowest free lane first. Lanes 0..maxLanes-2 come out the same whether or not lane
    // maxLanes-1 exists, so one pass with maxLanes lanes decides both cases: if anything
    // found no lane, the last lane and what found none become the overflow lane. A scan of
    // at most maxLanes ends per lifeline: the cap is a screenful, so this beats a heap.
    maxLanes = std::max(maxLanes, 1);
    std::vector<std::int64_t> laneEnd;
    std::vector<int> laneOf(units.size());
    bool overflow = false;
    for (const std::uint32_t u : order) {
        const Unit& unit = units[u];
        int lane = 0;
        while (lane < int(laneEnd.size()) && laneEnd[std::size_t(lane)] > unit.begin)
            ++lane;
        if (lane == int(laneEnd.size())) {
            if (lane < maxLanes) {
                laneEnd.push_back(unit.end);
            } else {
                lane = maxLanes; // none free: the overflow, for now
                overflow = true;
            }
        } else {
            laneEnd[std::size_t(lane)] = unit.end;
        }
        laneOf[u] = lane;
    }
    const int exact = overflow ? maxLanes - 1 : int(laneEnd.size());
    if (overflow)
        for (int& lane : laneOf)
            lane = std::min(lane, exact);

    std::vector<GanttRow> lanes(std::size_t(exact + (overflow ? 1 : 0)));
    std::vector<std::uint32_t> stateMask(lanes.size(), 0);
    std::vector<std::uint32_t> firstUnit(lanes.size(), kNone);
    for (const std::uint32_t u : order) {
        const auto lane = std::size_t(laneOf[u]);
        ++lanes[lane].units;
        if (firstUnit[lane] == kNone)
            firstUnit[lane] = u;
    }
    for (std::size_t k = 0; k < events.size(); ++k) {
        const auto lane = std::size_t(laneOf[unitOf[k]]);
        lanes[lane].asyncSlices.events.push_back(events[k]);
        stateMask[lane] |= 1U << int(ev[events[k]].state);
    }
    for (std::size_t l = 0; l < lanes.size(); ++l) {
        GanttRow& row = lanes[l];
        row.kind = RowKind::Lane;
        row.track = track;
        row.overflow = overflow && l + 1 == lanes.size();
        finishLane(row.asyncSlices, trace);
        // What its slices are, in a word: one state's name, or "async" when they differ.
        const std::uint32_t mask = stateMask[l];
        QString what = QCoreApplication::translate("tasklane::GanttLayout", "async");
        if (mask != 0 && (mask & (mask - 1)) == 0)
            what = stateLabel(State(std::countr_zero(mask)));
        const Unit& first = units[firstUnit[l]];
        if (row.overflow) {
            row.name = QCoreApplication::translate("tasklane::GanttLayout", "+%1 more %2")
                           .arg(row.units)
                           .arg(what);
        } else if (row.units == 1) {
            row.task = first.task;
            row.name = first.label != 0 ? fromUtf8(trace.strings[first.label])
                       : first.task != 0
                           ? QCoreApplication::translate("tasklane::GanttLayout", "task %1")
                                 .arg(first.task)
                           : what;
        } else {
            row.name = QCoreApplication::translate("tasklane::GanttLayout", "%1 · %2 tasks")
                           .arg(what)
                           .arg(row.units);
        }
    }
    return lanes;
}

QString trackName(const Track& track) {
    if (!track.name.empty())
        return QString::fromStdString(track.name);
    const auto kind = trackKindName(track.kind);
    return QStringLiteral("%1 %2")
        .arg(QString::fromLatin1(kind.data(), qsizetype(kind.size())))
        .arg(track.tid);
}

} // namespace

void addToSum(GanttLaneSum& sum, const TraceEvent& e) {
    sum.stateNs[std::size_t(e.state)] += e.duration_ns();
    if (!isBusyState(e.state) || e.end_ns <= e.begin_ns)
        return;
    // Every slice so far began at or before this one, and the one that reached busyEnd covers
    // [its begin, busyEnd): only the part past busyEnd is new.
    if (e.begin_ns >= sum.busyEnd) {
        sum.busyNs += e.end_ns - e.begin_ns;
        sum.busyEnd = e.end_ns;
    } else if (e.end_ns > sum.busyEnd) {
        sum.busyNs += e.end_ns - sum.busyEnd;
        sum.busyEnd = e.end_ns;
    }
}

std::optional<GroupBy> groupByFromName(QStringView name) {
    if (name.compare(u"worker", Qt::CaseInsensitive) == 0)
        return GroupBy::Worker;
    if (name.compare(u"core", Qt::CaseInsensitive) == 0)
        return GroupBy::Core;
    if (name.compare(u"both", Qt::CaseInsensitive) == 0)
        return GroupBy::Both;
    return std::nullopt;
}

QString groupByName(GroupBy groupBy) {
    switch (groupBy) {
    case GroupBy::Worker:
        return QStringLiteral("worker");
    case GroupBy::Core:
        return QStringLiteral("core");
    case GroupBy::Both:
        break;
    }
    return QStringLiteral("both");
}

std::pair<std::size_t, std::size_t> GanttLane::candidates(const Trace& trace, std::int64_t from,
                                                          std::int64_t to) const {
    const auto& ev = trace.events;
    const auto last =
        std::lower_bound(events.begin(), events.end(), to,
                         [&](std::uint32_t i, std::int64_t t) { return ev[i].begin_ns < t; });
    std::vector<std::uint32_t>::const_iterator first;
    if (endsSorted) {
        // Ends in order: the first that ends at or after `from` is the first visible one.
        first = std::lower_bound(events.begin(), last, from,
                                 [&](std::uint32_t i, std::int64_t t) { return ev[i].end_ns < t; });
    } else {
        // Overlapping (async, nested or skewed core slices): anything beginning more than the
        // longest duration before `from` has ended before it.
        const std::int64_t earliest = from - maxDuration;
        first =
            std::lower_bound(events.begin(), last, earliest,
                             [&](std::uint32_t i, std::int64_t t) { return ev[i].begin_ns < t; });
    }
    return {std::size_t(first - events.begin()), std::size_t(last - events.begin())};
}

GanttRows::GanttRows(const Trace& trace, GroupBy groupBy, int maxLanes)
    : trace_(&trace)
    , groupBy_(groupBy) {
    const auto& ev = trace.events;
    rowOfTrack_.assign(trace.tracks.size(), -1);

    if (groupBy != GroupBy::Worker && trace.maxCpu() >= 0) {
        std::vector<std::vector<std::uint32_t>> byCpu(std::size_t(trace.maxCpu()) + 1);
        rowOfCpu_.assign(byCpu.size(), -1);
        // Events come sorted by track, then time: each CPU's list is a run per track.
        std::vector<std::vector<std::size_t>> runs(byCpu.size());
        std::vector<bool> ranOnCore(trace.tracks.size(), false);
        for (std::uint32_t i = 0; i < ev.size(); ++i) {
            const TraceEvent& e = ev[i];
            if (e.type == EventType::Slice && e.state == State::Running && e.cpu >= 0) {
                auto& list = byCpu[std::size_t(e.cpu)];
                if (list.empty() || ev[list.back()].track != e.track)
                    runs[std::size_t(e.cpu)].push_back(list.size());
                list.push_back(i);
                if (e.track < ranOnCore.size())
                    ranOnCore[e.track] = true;
            }
        }
        for (std::size_t cpu = 0; cpu < byCpu.size(); ++cpu) {
            if (byCpu[cpu].empty())
                continue;
            GanttRow row;
            row.kind = RowKind::Core;
            row.cpu = int(cpu);
            row.name = QStringLiteral("CPU %1").arg(cpu);
            row.slices.events = std::move(byCpu[cpu]);
            runs[cpu].push_back(row.slices.events.size());
            mergeRuns(
                row.slices.events, std::move(runs[cpu]),
                [&](std::uint32_t a, std::uint32_t b) { return ev[a].begin_ns < ev[b].begin_ns; });
            finishLane(row.slices, trace, true);
            rowOfCpu_[cpu] = int(rows_.size());
            rows_.push_back(std::move(row));
        }
        for (std::uint32_t t = 0; t < ranOnCore.size(); ++t)
            if (ranOnCore[t])
                coreTracks_.push_back(t);
    }
    coreRows_ = int(rows_.size());

    if (groupBy != GroupBy::Core) {
        // Each track's row and its async slices; lanes come once it is known how many tracks
        // share the lane budget.
        std::vector<std::pair<GanttRow, std::vector<std::uint32_t>>> trackRows;
        trackRows.reserve(trace.tracks.size());
        int asyncTracks = 0;
        for (std::uint32_t t = 0; t < trace.tracks.size(); ++t) {
            GanttRow row;
            row.kind = RowKind::Track;
            row.track = t;
            row.name = trackName(trace.tracks[t]);
            std::vector<std::uint32_t> async;
            for (const TraceEvent& e : trace.eventsOf(t)) {
                const auto index = std::uint32_t(&e - ev.data());
                switch (e.type) {
                case EventType::Slice:
                    row.slices.events.push_back(index);
                    stateMask_ |= 1U << int(e.state);
                    break;
                case EventType::AsyncSlice:
                    async.push_back(index);
                    stateMask_ |= 1U << int(e.state);
                    break;
                case EventType::Instant:
                    row.instants.push_back(index);
                    break;
                case EventType::Counter:
                    row.counters.push_back(index);
                    break;
                default:
                    break;
                }
            }
            finishLane(row.slices, trace);
            asyncTracks += async.empty() ? 0 : 1;
            hasInstants_ = hasInstants_ || !row.instants.empty();
            trackRows.emplace_back(std::move(row), std::move(async));
        }
        hasAsync_ = asyncTracks > 0;
        // A few tracks may each take maxLanes; many share kLaneBudget, so that a 16-worker
        // pool with a long queue is not 128 lane rows. Never fewer than two exact lanes and
        // the overflow, which still show how a queue drains.
        maxLanes = std::max(maxLanes, 1);
        const int perTrack =
            asyncTracks > 0 ? std::clamp(kLaneBudget / asyncTracks, std::min(3, maxLanes), maxLanes)
                            : maxLanes;
        for (auto& [row, async] : trackRows) {
            const std::uint32_t t = row.track;
            const int parent = int(rows_.size());
            rowOfTrack_[t] = parent;
            rows_.push_back(std::move(row));
            if (async.empty())
                continue;
            for (GanttRow& lane : packLanes(trace, t, async, perTrack)) {
                lane.parent = parent;
                hasOverflow_ = hasOverflow_ || lane.overflow;
                rows_.push_back(std::move(lane));
            }
        }

        pairFlows();
        buildGroups();
    }
}

void GanttRows::buildGroups() {
    // The track rows and lane rows of each pid, in row order; a pid with two or more of them
    // is a process that can be collapsed.
    std::vector<GanttProcessGroup> all;
    std::unordered_map<std::int64_t, std::size_t> groupOfPid;
    for (int r = 0; r < size(); ++r) {
        const GanttRow& row = rows_[std::size_t(r)];
        if (row.kind == RowKind::Core || row.track >= trace_->tracks.size())
            continue;
        const std::int64_t pid = trace_->tracks[row.track].pid;
        const auto [it, fresh] = groupOfPid.try_emplace(pid, all.size());
        if (fresh)
            all.push_back(GanttProcessGroup{pid, {}, 0, -1});
        GanttProcessGroup& group = all[it->second];
        group.rows.push_back(r);
        group.threads += row.kind == RowKind::Track ? 1 : 0;
    }
    groupOfRow_.assign(rows_.size(), -1);
    for (GanttProcessGroup& group : all) {
        if (group.rows.size() < 2)
            continue;
        const int id = int(groups_.size());
        GanttRow summary;
        summary.kind = RowKind::Summary;
        summary.track = rows_[std::size_t(group.rows.front())].track;
        QString processName;
        for (const int r : group.rows) {
            const GanttRow& row = rows_[std::size_t(r)];
            if (row.kind == RowKind::Track && processName.isEmpty() &&
                trace_->tracks[row.track].kind == TrackKind::Process)
                processName = row.name;
        }
        const QString name =
            processName.isEmpty()
                ? QCoreApplication::translate("tasklane::GanttLayout", "pid %1").arg(group.pid)
                : processName;
        summary.name = group.threads > 1
                           ? QCoreApplication::translate("tasklane::GanttLayout", "%1 · %2 threads")
                                 .arg(name)
                                 .arg(group.threads)
                           : QCoreApplication::translate("tasklane::GanttLayout", "%1 · %2 rows")
                                 .arg(name)
                                 .arg(group.rows.size());
        group.summary = size() + id;
        for (const int r : group.rows)
            groupOfRow_[std::size_t(r)] = id;
        summaries_.push_back(std::move(summary));
        groups_.push_back(std::move(group));
    }
    summaryOnce_ = std::make_unique<std::once_flag[]>(groups_.size());
    summaryBuilt_ = std::make_unique<std::atomic<bool>[]>(groups_.size());
}

const GanttRow& GanttRows::summaryRow(int group) const {
    std::call_once(summaryOnce_[std::size_t(group)], [this, group] { buildSummary(group); });
    return summaries_[std::size_t(group)];
}

bool GanttRows::hasSummary(int group) const {
    return group >= 0 && std::size_t(group) < groups_.size() &&
           summaryBuilt_[std::size_t(group)].load(std::memory_order_acquire);
}

void GanttRows::buildSummary(int group) const {
    // Where any of its threads was busy: their busy slices (of some length), each thread's in
    // time order already, merged into one lane (in which they overlap, as threads run in
    // parallel).
    const auto& ev = trace_->events;
    GanttLane& lane = summaries_[std::size_t(group)].slices;
    std::vector<std::size_t> bounds{0};
    for (const int r : groups_[std::size_t(group)].rows) {
        const GanttRow& row = rows_[std::size_t(r)];
        if (row.kind != RowKind::Track)
            continue;
        for (const std::uint32_t i : row.slices.events)
            if (isBusyState(ev[i].state) && ev[i].end_ns > ev[i].begin_ns)
                lane.events.push_back(i);
        if (lane.events.size() != bounds.back())
            bounds.push_back(lane.events.size());
    }
    mergeRuns(lane.events, std::move(bounds),
              [&](std::uint32_t a, std::uint32_t b) { return ev[a].begin_ns < ev[b].begin_ns; });
    finishLane(lane, *trace_);
    summaryBuilt_[std::size_t(group)].store(true, std::memory_order_release);
}

int GanttRows::groupOfRow(int row) const {
    return row >= 0 && std::size_t(row) < groupOfRow_.size() ? groupOfRow_[std::size_t(row)] : -1;
}

int GanttRows::groupOfPid(std::int64_t pid) const {
    for (std::size_t g = 0; g < groups_.size(); ++g)
        if (groups_[g].pid == pid)
            return int(g);
    return -1;
}

void GanttRows::pairFlows() {
    // Flows connect track rows; events are sorted by track, so an end may come first. Flow
    // ids are the recorder's counter (1, 2, 3...), so a vector indexed by id pairs a million
    // of them at the cost of a scan; other ids (an imported trace's) take a sorted list. A
    // hash map here cost over a second for a million flows.
    const auto& ev = trace_->events;
    std::vector<std::pair<double, std::uint32_t>> starts;
    bool dense = true;
    for (std::uint32_t i = 0; i < ev.size(); ++i) {
        if (ev[i].type != EventType::FlowStart)
            continue;
        starts.emplace_back(ev[i].value, i);
        dense = dense && ev[i].value >= 0 && ev[i].value == std::floor(ev[i].value);
    }
    if (starts.empty())
        return;
    const double maxId = std::max_element(starts.begin(), starts.end())->first;
    dense = dense && maxId <= 4.0 * double(starts.size()) + 4096;
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> byId;
    if (dense) {
        byId.assign(std::size_t(maxId) + 1, kNone);
        for (const auto& [id, i] : starts)
            if (byId[std::size_t(id)] == kNone) // the first start of an id wins, as before
                byId[std::size_t(id)] = i;
    } else {
        std::stable_sort(starts.begin(), starts.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    for (std::uint32_t i = 0; i < ev.size(); ++i) {
        if (ev[i].type != EventType::FlowEnd)
            continue;
        const double id = ev[i].value;
        std::uint32_t start = kNone;
        if (dense) {
            if (id >= 0 && id <= maxId && id == std::floor(id))
                start = byId[std::size_t(id)];
        } else {
            const auto it = std::lower_bound(
                starts.begin(), starts.end(), id,
                [](const std::pair<double, std::uint32_t>& a, double v) { return a.first < v; });
            if (it != starts.end() && it->first == id)
                start = it->second;
        }
        if (start != kNone)
            flows_.push_back({start, i});
    }

    // In time order of their earlier end, with each one's later end alongside, and the later
    // ends sorted on their own: a layout counts the flows in view with two binary searches
    // and visits only those that may be in it (see visibleFlows).
    // Sorted with their times alongside: looking them up in the trace from the comparison
    // made this sort most of the rows' cost.
    struct Keyed {
        std::int64_t lo, hi;
        GanttFlow flow;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(flows_.size());
    for (const GanttFlow& f : flows_) {
        const std::int64_t a = ev[f.start].begin_ns, b = ev[f.end].begin_ns;
        keyed.push_back({std::min(a, b), std::max(a, b), f});
    }
    std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
        return std::tie(a.lo, a.flow.start) < std::tie(b.lo, b.flow.start);
    });
    flowHi_.reserve(flows_.size());
    for (std::size_t k = 0; k < keyed.size(); ++k) {
        flows_[k] = keyed[k].flow;
        flowHi_.push_back(keyed[k].hi);
        maxFlowSpan_ = std::max(maxFlowSpan_, keyed[k].hi - keyed[k].lo);
    }
    flowHiSorted_ = flowHi_;
    std::sort(flowHiSorted_.begin(), flowHiSorted_.end());
}

std::size_t GanttRows::visibleFlowCount(std::int64_t from, std::int64_t to) const {
    if (flows_.empty() || from >= to)
        return 0;
    const auto& ev = trace_->events;
    // In view: begins before `to` and ends at or after `from`. Those that end before `from`
    // began before `to` too, so they are a subset to take away.
    const auto began =
        std::lower_bound(flows_.begin(), flows_.end(), to,
                         [&](const GanttFlow& f, std::int64_t t) {
                             return std::min(ev[f.start].begin_ns, ev[f.end].begin_ns) < t;
                         }) -
        flows_.begin();
    const auto ended =
        std::lower_bound(flowHiSorted_.begin(), flowHiSorted_.end(), from) - flowHiSorted_.begin();
    return std::size_t(began - ended);
}

std::pair<std::size_t, std::size_t> GanttRows::flowCandidates(std::int64_t from,
                                                              std::int64_t to) const {
    if (flows_.empty() || from >= to)
        return {0, 0};
    const auto& ev = trace_->events;
    const auto before = [&](const GanttFlow& f, std::int64_t t) {
        return std::min(ev[f.start].begin_ns, ev[f.end].begin_ns) < t;
    };
    const auto last = std::lower_bound(flows_.begin(), flows_.end(), to, before);
    const auto first = std::lower_bound(flows_.begin(), last, from - maxFlowSpan_, before);
    return {std::size_t(first - flows_.begin()), std::size_t(last - flows_.begin())};
}

int GanttRows::rowOfTrack(std::uint32_t track) const {
    return track < rowOfTrack_.size() ? rowOfTrack_[track] : -1;
}

void GanttRows::dropBlockSums() {
    for (GanttRow& row : rows_) {
        row.slices.blocks.clear();
        row.asyncSlices.blocks.clear();
    }
}

int GanttRows::rowOfCpu(int cpu) const {
    return cpu >= 0 && std::size_t(cpu) < rowOfCpu_.size() ? rowOfCpu_[std::size_t(cpu)] : -1;
}

std::pair<int, int> GanttRows::rowsOf(std::uint32_t index) const {
    if (!trace_ || index >= trace_->events.size())
        return {-1, -1};
    const auto& ev = trace_->events;
    const TraceEvent& e = ev[index];
    int own = rowOfTrack(e.track);
    if (e.type == EventType::AsyncSlice) {
        // Its lane is one of the rows right under the track's; each lane is in begin order.
        const int parent = own;
        own = -1;
        for (int r = parent + 1;
             parent >= 0 && r < size() && rows_[std::size_t(r)].parent == parent; ++r) {
            const auto& list = rows_[std::size_t(r)].asyncSlices.events;
            auto it = std::lower_bound(
                list.begin(), list.end(), e.begin_ns,
                [&](std::uint32_t i, std::int64_t t) { return ev[i].begin_ns < t; });
            for (; it != list.end() && ev[*it].begin_ns == e.begin_ns; ++it)
                if (*it == index)
                    own = r;
            if (own >= 0)
                break;
        }
    } else if (e.type != EventType::Slice) {
        own = -1;
    }
    const int core = e.type == EventType::Slice && e.state == State::Running ? rowOfCpu(e.cpu) : -1;
    return {own, core};
}

GanttTaskEvents GanttRows::eventsOfTask(std::uint32_t task) const {
    GanttTaskEvents found;
    found.task = task;
    if (!trace_ || task == 0)
        return found;
    const auto& ev = trace_->events;
    for (std::uint32_t i = 0; i < ev.size(); ++i) {
        if (ev[i].task != task || !ev[i].isSlice())
            continue;
        const auto [own, core] = rowsOf(i);
        if (own >= 0)
            found.slices.emplace_back(own, i);
        if (core >= 0)
            found.slices.emplace_back(core, i);
    }
    for (const GanttFlow& flow : flows_)
        if (ev[flow.start].task == task || ev[flow.end].task == task)
            found.flows.push_back(flow);
    return found;
}

TickSpec chooseTicks(std::int64_t span_ns, double width_px, double minSpacing_px) {
    span_ns = std::max<std::int64_t>(span_ns, 1);
    width_px = std::max(width_px, 1.0);
    const double wanted = double(span_ns) * minSpacing_px / width_px;
    TickSpec spec;
    spec.step_ns = 1;
    bool found = false;
    for (std::int64_t power = 1; !found && power <= 1'000'000'000'000'000'000; power *= 10) {
        for (std::int64_t m : {1, 2, 5}) {
            if (double(m * power) >= wanted) {
                spec.step_ns = m * power;
                found = true;
                break;
            }
        }
    }
    for (std::int64_t unit : {1'000'000'000LL, 1'000'000LL, 1'000LL, 1LL}) {
        if (span_ns >= unit) {
            spec.unit_ns = unit;
            break;
        }
    }
    std::int64_t scaled = spec.step_ns;
    while (scaled % spec.unit_ns != 0 && spec.decimals < 9) {
        scaled *= 10;
        ++spec.decimals;
    }
    return spec;
}

QString formatTick(std::int64_t ns, const TickSpec& spec) {
    QString number = QString::number(double(ns) / double(spec.unit_ns), 'f', spec.decimals);
    if (number.contains(QLatin1Char('.'))) {
        while (number.endsWith(QLatin1Char('0')))
            number.chop(1);
        if (number.endsWith(QLatin1Char('.')))
            number.chop(1);
    }
    if (number == QLatin1String("-0"))
        number = QStringLiteral("0");
    return number + QLatin1Char(' ') + unitName(spec.unit_ns);
}

TimeRange GanttLayout::fullRange(const Trace& trace) {
    TimeRange range{trace.beginNs(), trace.endNs()};
    if (range.span() <= 0)
        range.end_ns = range.begin_ns + 1000; // one instant, or nothing: a 1 µs window
    return range;
}

GanttLayout::GanttLayout(const GanttRows& rows, QSizeF size, TimeRange visible,
                         const GanttLayoutOptions& options)
    : rows_(&rows)
    , options_(options)
    , size_(size)
    , visible_(visible) {
    if (visible_.span() <= 0)
        visible_.end_ns = visible_.begin_ns + 1;
    const Trace* trace = rows.trace();
    origin_ = options_.origin_ns.value_or(trace ? trace->beginNs() : 0);

    const QFontMetricsF fm(options_.font);
    const double width = std::max(size.width(), 2 * kMargin + 120);
    size_.setWidth(width);

    // The rows on screen: a collapsed process's summary row in place of its first row, its
    // other rows left out. Every other row keeps its place.
    const auto& groups = rows.processGroups();
    const int ids = rows.size() + int(groups.size());
    screenRowOf_.assign(std::size_t(ids), -1);
    for (int r = 0; r < rows.size(); ++r) {
        const int g = rows.groupOfRow(r);
        if (g >= 0 && isCollapsed(groups[std::size_t(g)].pid)) {
            const GanttProcessGroup& group = groups[std::size_t(g)];
            if (r == group.rows.front()) {
                screenRowOf_[std::size_t(group.summary)] = int(rowSource_.size());
                rowSource_.push_back(group.summary);
            }
            screenRowOf_[std::size_t(r)] = screenRowOf_[std::size_t(group.summary)];
            continue;
        }
        screenRowOf_[std::size_t(r)] = int(rowSource_.size());
        rowSource_.push_back(r);
    }
    const int shown = int(rowSource_.size());

    // Horizontal: the label column is as wide as the longest name, within reason. Every row
    // and summary row counts, shown or not, so that collapsing does not move the plot.
    double labelWidth = fm.horizontalAdvance(QStringLiteral("CPU 00"));
    for (int id = 0; id < ids; ++id) {
        if (id >= rows.size()) {
            const QString& name = rows.summaryName(id - rows.size());
            labelWidth = std::max(labelWidth, fm.horizontalAdvance(name) + kDisclosureIndent);
            continue;
        }
        const GanttRow& row = rows.row(id);
        double w = fm.horizontalAdvance(row.name);
        if (rows.hasCoreRows() && row.kind == RowKind::Track)
            w += kChipSize + 6;
        if (row.kind == RowKind::Lane)
            w += kLaneIndent;
        if (rows.groupOfRow(id) >= 0)
            w += kDisclosureIndent;
        labelWidth = std::max(labelWidth, w);
    }
    labelWidth = std::min(labelWidth + 2 * kLabelPadding, std::floor(width * 0.35));
    const double tickRoom = fm.horizontalAdvance(QStringLiteral("000 ms")) / 2 + 4;
    const double plotLeft = kMargin + labelWidth;
    const double plotRight = std::max(plotLeft + 40, width - kMargin - tickRoom);
    plotRect_ = QRectF(plotLeft, 0, plotRight - plotLeft, 0);

    // Level of detail first: it depends on x only, and tells the legend whether "mixed" occurs.
    itemStart_.assign(std::size_t(shown) + 1, 0);
    if (trace) {
        for (int r = 0; r < shown; ++r) {
            itemStart_[std::size_t(r)] = std::uint32_t(items_.size());
            foldRow(r);
        }
    }
    itemStart_[std::size_t(shown)] = std::uint32_t(items_.size());
    buildFlows();

    const double legendHeight = options_.legend ? buildLegend(width - 2 * kMargin, fm) : 0;

    // Vertical: title, rows, axis, legend.
    double y = kMargin;
    if (!options_.title.isEmpty()) {
        const double h = QFontMetricsF(chartTitleFont(options_.font)).height();
        titleRect_ = QRectF(kMargin, y, width - 2 * kMargin, h);
        y += h + 8;
    }
    const double naturalRow = std::ceil(fm.height() * 1.7);
    const auto laneRows = int(std::count_if(rowSource_.begin(), rowSource_.end(), [&](int id) {
        return rows.row(id).kind == RowKind::Lane;
    }));
    const int tallRows = shown - laneRows;
    // In track-row heights, for sharing a fixed height out.
    const double rowSlots = std::max(tallRows + laneRows * kLaneShare, 1.0);
    const auto rowsHeight = [&] {
        // An empty chart keeps one row's room, for its message.
        return (shown == 0 ? 1 : tallRows) * rowHeight_ + laneRows * laneHeight_;
    };
    const double axisHeight = options_.axis ? kTickLength + 3 + fm.height() + 2 : 0;
    const double legendBlock = legendHeight > 0 ? legendHeight + 10 : 0;
    double plotHeight = 0;
    if (size.height() <= 0) {
        rowHeight_ = options_.rowHeight > 0 ? options_.rowHeight : naturalRow;
        laneHeight_ = laneHeightFor(rowHeight_, fm.height());
        plotHeight = rowsHeight();
    } else {
        const double available = size.height() - y - axisHeight - legendBlock - kMargin;
        rowHeight_ = options_.rowHeight > 0
                         ? options_.rowHeight
                         : std::clamp(available / rowSlots, 1.0, naturalRow * 1.5);
        laneHeight_ = laneHeightFor(rowHeight_, fm.height());
        if (options_.rowHeight <= 0 && laneRows > 0 && rowsHeight() > available) {
            // Lanes kept a line of text and overran: track rows give the room back, or, when
            // that would make them thinner than the lanes, all rows share alike.
            const double rest = (available - laneRows * laneHeight_) / tallRows;
            if (rest >= laneHeight_)
                rowHeight_ = rest;
            else
                rowHeight_ = laneHeight_ = std::max(1.0, available / shown);
        }
        plotHeight = std::max(available, rowsHeight());
    }
    plotRect_.setTop(y);
    plotRect_.setHeight(plotHeight);
    labelColumn_ = QRectF(kMargin, y, labelWidth, plotHeight);
    axisRect_ = QRectF(plotRect_.left(), plotRect_.bottom(), plotRect_.width(), axisHeight);
    if (legendHeight > 0) {
        legendRect_ = QRectF(kMargin, axisRect_.bottom() + 10, width - 2 * kMargin, legendHeight);
        for (GanttLegendEntry& entry : legend_) {
            entry.swatch.translate(legendRect_.topLeft());
            entry.textRect.translate(legendRect_.topLeft());
        }
    }
    const double bottom = (legendHeight > 0 ? legendRect_.bottom() : axisRect_.bottom()) + kMargin;
    if (size.height() <= 0)
        size_.setHeight(std::ceil(bottom));

    buildRows(width);
    placeItems();
    for (int r = 0; r < rowCount(); ++r)
        buildCounters(r);
    if (options_.axis)
        buildTicks(fm);
    for (QLineF& line : flowLines_) {
        // buildFlows stored row numbers in y; now that rows have a place, use their centres.
        line.setP1(QPointF(line.x1(), rowGeometry_[std::size_t(line.y1())].sliceLane.center().y()));
        line.setP2(QPointF(line.x2(), rowGeometry_[std::size_t(line.y2())].sliceLane.center().y()));
    }

    if (!trace || trace->empty())
        emptyMessage_ =
            QCoreApplication::translate("tasklane::GanttLayout", "no events in this trace");
    else if (rows.size() == 0 && rows.groupBy() == GroupBy::Core)
        emptyMessage_ = QCoreApplication::translate(
            "tasklane::GanttLayout", "this trace has no CPU numbers: group by worker instead");
    else if (rows.size() == 0)
        emptyMessage_ = QCoreApplication::translate("tasklane::GanttLayout", "no rows to show");
}

bool GanttLayout::isCollapsed(std::int64_t pid) const {
    const auto& pids = options_.collapsedPids;
    return std::find(pids.begin(), pids.end(), pid) != pids.end();
}

int GanttLayout::rowOfSource(int id) const {
    return id >= 0 && std::size_t(id) < screenRowOf_.size() ? screenRowOf_[std::size_t(id)] : -1;
}

int GanttLayout::disclosureAt(QPointF pos) const {
    // The whole name of a process's first row, not only its triangle: a target worth aiming
    // at, as a tree view's header.
    const int r = rowAt(pos.y());
    if (r < 0 || row(r).disclosureRect.isNull() || pos.x() < labelColumn_.left() - kMargin ||
        pos.x() >= plotRect_.left())
        return -1;
    return row(r).group;
}

void GanttLayout::buildRows(double width) {
    const GanttRows& rows = *rows_;
    rowGeometry_.resize(rowSource_.size());
    std::vector<bool> ranOnCore;
    if (rows.hasCoreRows() && rows.trace()) {
        ranOnCore.assign(rows.trace()->tracks.size(), false);
        for (std::uint32_t t : rows.coreTracks())
            ranOnCore[t] = true;
    }
    double top = plotRect_.top();
    int group = -1;
    for (int r = 0; r < int(rowSource_.size()); ++r) {
        const int id = sourceRow(r);
        const GanttRow& row = rows.row(id);
        GanttRowGeometry& g = rowGeometry_[std::size_t(r)];
        const bool lane = row.kind == RowKind::Lane;
        const double h = lane ? laneHeight_ : rowHeight_;
        if (!lane)
            ++group;
        g.shaded = group % 2 == 1;
        g.rect = QRectF(kMargin, top, width - 2 * kMargin, h);
        g.labelRect = QRectF(labelColumn_.left() + kLabelPadding, top,
                             labelColumn_.width() - 2 * kLabelPadding, h);
        const bool summary = row.kind == RowKind::Summary;
        g.group = summary ? id - rows.size() : rows.groupOfRow(id);
        if (g.group >= 0) {
            const GanttProcessGroup& group = rows.processGroups()[std::size_t(g.group)];
            if (summary || group.rows.front() == id) {
                const double side = std::min(kDisclosureSize, std::max(h - 4, 4.0));
                g.disclosureRect = QRectF(g.labelRect.left(), top + (h - side) / 2, side, side);
            }
            g.collapsed = summary;
            g.labelRect.setLeft(g.labelRect.left() + kDisclosureIndent);
        }
        if (lane)
            g.labelRect.setLeft(g.labelRect.left() + kLaneIndent);
        if (row.kind == RowKind::Track && row.track < ranOnCore.size() && ranOnCore[row.track]) {
            const double chip = std::min(kChipSize, h - 2);
            g.chipRect = QRectF(g.labelRect.left(), top + (h - chip) / 2, chip, chip);
            g.labelRect.setLeft(g.labelRect.left() + kChipSize + 6);
        }
        // Padding keeps neighbouring rows apart; thin rows (a fitted many-core chart) lose it.
        const double pad = h >= 10 ? std::max(2.0, std::round(h * 0.12)) : 0;
        g.sliceLane = QRectF(plotRect_.left(), top + pad, plotRect_.width(), h - 2 * pad);
        if (r > 0 && (rowData(r - 1).kind == RowKind::Core) != (row.kind == RowKind::Core))
            separators_.push_back(top);
        top += h;
    }
}

void GanttLayout::foldRow(int r) {
    const Trace& trace = *rows_->trace();
    const GanttRow& row = rowData(r);
    const bool byTrack = row.kind == RowKind::Core;
    std::vector<std::int64_t> weights(byTrack ? trace.tracks.size() + 1 : kStateCount, 0);
    std::vector<std::uint32_t> touched;

    auto foldLane = [&](const GanttLane& lane, DrawKind kind) {
        const auto [first, last] = lane.candidates(trace, visible_.begin_ns, visible_.end_ns);
        const auto keyOf = [&](const TraceEvent& e) {
            return byTrack ? std::min<std::uint32_t>(e.track, std::uint32_t(trace.tracks.size()))
                           : std::uint32_t(e.state);
        };
        const FillKind ownFill = byTrack ? FillKind::Track : FillKind::State;
        // xForTime inlined: this loop runs once per visible slice.
        const double left = plotRect_.left();
        const double scale = plotRect_.width() / double(visible_.span());
        std::ptrdiff_t lastFold = -1; // the item that the next folded column may extend

        // The open pixel column: sub-pixel slices that begin in it are drawn as one rect.
        struct Column {
            bool open = false;
            double col = 0, x0 = 0;
            std::int64_t colEnd = 0; // the first time that maps into the next column
            std::int64_t end = 0;    // the latest (clipped) end folded in
            std::uint32_t first = 0, count = 0, task = 0;
            bool mixedTasks = false;
            std::int64_t total = 0;
        } acc;
        // Shorter than this is narrower than a pixel.
        const auto tinyNs = std::int64_t(std::ceil(1.0 / scale));

        const auto absorbBlock = [&](const GanttLaneBlock& block) {
            acc.end = std::max(acc.end, block.maxEnd);
            if (block.task != acc.task)
                acc.mixedTasks = true;
            acc.count += block.count;
            for (int k = 0; k < block.keys; ++k) {
                const std::uint32_t key = block.key[std::size_t(k)];
                if (weights[key] == 0)
                    touched.push_back(key);
                weights[key] += block.weight[std::size_t(k)];
                acc.total += block.weight[std::size_t(k)];
            }
        };
        // A block folds whole into the open column when each of its slices would: it begins in
        // the column, is narrower than a pixel and needs no clipping.
        const auto fitsColumn = [&](const GanttLaneBlock& block) {
            return block.lastBegin < acc.colEnd && block.maxDuration < tinyNs &&
                   block.firstBegin >= visible_.begin_ns && block.maxEnd <= visible_.end_ns;
        };

        const auto endsBefore = [&](const GanttLaneBlock& block) {
            return block.maxEnd < visible_.begin_ns;
        };

        const auto absorb = [&](const TraceEvent& e, std::int64_t b, std::int64_t en) {
            acc.end = std::max(acc.end, en);
            if (e.task != acc.task)
                acc.mixedTasks = true;
            ++acc.count;
            const std::int64_t weight = std::max<std::int64_t>(en - b, 1);
            const std::uint32_t key = keyOf(e);
            if (weights[key] == 0)
                touched.push_back(key);
            weights[key] += weight;
            acc.total += weight;
        };

        const auto flush = [&] {
            if (!acc.open)
                return;
            acc.open = false;
            GanttDrawItem item;
            item.kind = kind;
            item.event = acc.first;
            item.count = acc.count;
            item.task = acc.mixedTasks ? 0 : acc.task;
            const double x1 = left + double(acc.end - visible_.begin_ns) * scale;
            item.rect = QRectF(acc.x0, 0, std::max(x1 - acc.x0, kMinWidth), 0);
            std::uint32_t best = keyOf(trace.events[acc.first]);
            std::int64_t bestWeight = 0;
            for (std::uint32_t key : touched) {
                if (weights[key] > bestWeight) {
                    best = key;
                    bestWeight = weights[key];
                }
                weights[key] = 0;
            }
            touched.clear();
            // A colour stands for the column only when it covers most of it; otherwise the
            // honest answer is "mixed", not whichever state happened to be first.
            if (acc.count == 1 || bestWeight * 5 >= acc.total * 3) {
                item.fill = ownFill;
                item.fillIndex = best;
            } else {
                item.fill = FillKind::Mixed;
                hasMixed_ = true;
            }
            if (acc.count == 1) {
                items_.push_back(item);
                return;
            }
            // Neighbouring columns of the same colour become one rect: fewer to paint.
            if (lastFold >= 0 && std::size_t(lastFold) + 1 == items_.size()) {
                GanttDrawItem& prev = items_.back();
                if (prev.fill == item.fill && prev.fillIndex == item.fillIndex &&
                    item.rect.left() - prev.rect.right() < kMinWidth) {
                    prev.rect.setRight(std::max(prev.rect.right(), item.rect.right()));
                    if (prev.task != item.task)
                        prev.task = 0;
                    prev.count += item.count;
                    return;
                }
            }
            items_.push_back(item);
            lastFold = std::ptrdiff_t(items_.size()) - 1;
        };

        for (std::size_t p = first; p < last; ++p) {
            // Overlapping lanes start their candidates a longest slice early: most of those
            // ended before the range, and whole blocks of them are passed over unread.
            if (!lane.endsSorted && !lane.blocks.empty()) {
                if (const GanttLaneBlock* block = blockAt(lane, p, last, endsBefore, false)) {
                    p += block->count - 1;
                    continue;
                }
            }
            const std::uint32_t index = lane.events[p];
            const TraceEvent& e = trace.events[index];
            const bool visible = e.begin_ns < visible_.end_ns &&
                                 (e.end_ns > visible_.begin_ns ||
                                  (e.end_ns == e.begin_ns && e.begin_ns >= visible_.begin_ns));
            if (!visible)
                continue;
            const std::int64_t b = std::max(e.begin_ns, visible_.begin_ns);
            const std::int64_t en = std::min(e.end_ns, visible_.end_ns);
            const double x0 = left + double(b - visible_.begin_ns) * scale;
            const double x1 = left + double(en - visible_.begin_ns) * scale;
            if (x1 - x0 >= kMinWidth) {
                flush();
                GanttDrawItem item;
                item.kind = kind;
                item.event = index;
                item.task = e.task;
                item.fill = ownFill;
                item.fillIndex = keyOf(e);
                item.rect = QRectF(x0, 0, x1 - x0, 0);
                items_.push_back(item);
                continue;
            }
            const double col = std::floor(x0);
            if (!acc.open || col > acc.col) {
                flush();
                acc = Column{};
                acc.open = true;
                acc.col = col;
                acc.colEnd = visible_.begin_ns + std::int64_t(std::ceil((col + 1 - left) / scale));
                acc.x0 = x0;
                acc.end = en;
                acc.first = index;
                acc.task = e.task;
            }
            absorb(e, b, en);
            // The rest of the column in a tight loop: zoomed out, most slices land here, and
            // most of them in blocks that fold whole.
            for (; p + 1 < last; ++p) {
                if (!lane.blocks.empty()) {
                    if (const GanttLaneBlock* block = blockAt(lane, p + 1, last, fitsColumn)) {
                        absorbBlock(*block);
                        p += block->count - 1;
                        continue;
                    }
                    if ((p + 1) % kLaneBlock == 0)
                        prefetchBlock(trace, lane, p + 1, last);
                }
                const TraceEvent& f = trace.events[lane.events[p + 1]];
                if (f.begin_ns >= acc.colEnd || f.end_ns - f.begin_ns >= tinyNs ||
                    f.begin_ns < visible_.begin_ns || f.end_ns > visible_.end_ns)
                    break;
                absorb(f, f.begin_ns, f.end_ns);
            }
        }
        flush();
    };

    // The overflow lane's slices overlap, and each may be wide: drawn one by one, half a
    // million queued tasks would be half a million rects. Overlapping ones (and gaps under a
    // pixel) merge into one rect, coloured by the state that fills most of it.
    const auto mergeLane = [&](const GanttLane& lane, DrawKind kind) {
        const auto [first, last] = lane.candidates(trace, visible_.begin_ns, visible_.end_ns);
        const double left = plotRect_.left();
        const double scale = plotRect_.width() / double(visible_.span());
        const auto gapNs = std::int64_t(std::ceil(1.0 / scale));
        bool open = false;
        std::int64_t runBegin = 0, runEnd = 0, total = 0;
        GanttDrawItem item;
        item.kind = kind;
        const auto flush = [&] {
            if (!open)
                return;
            open = false;
            std::uint32_t best = std::uint32_t(trace.events[item.event].state);
            std::int64_t bestWeight = 0;
            for (std::uint32_t key : touched) {
                if (weights[key] > bestWeight) {
                    best = key;
                    bestWeight = weights[key];
                }
                weights[key] = 0;
            }
            touched.clear();
            item.fill =
                item.count == 1 || bestWeight * 5 >= total * 3 ? FillKind::State : FillKind::Mixed;
            item.fillIndex = item.fill == FillKind::State ? best : 0;
            hasMixed_ = hasMixed_ || item.fill == FillKind::Mixed;
            const double x0 = left + double(runBegin - visible_.begin_ns) * scale;
            const double x1 = left + double(runEnd - visible_.begin_ns) * scale;
            item.rect = QRectF(x0, 0, std::max(x1 - x0, kMinWidth), 0);
            items_.push_back(item);
        };
        // A block merges whole into the open run when its first slice would and no gap in it
        // is wider than a pixel, and none of it needs clipping (or is left of the range).
        const auto fitsRun = [&](const GanttLaneBlock& block) {
            return block.firstBegin <= runEnd + gapNs && block.maxGap <= gapNs &&
                   block.firstBegin > visible_.begin_ns && block.maxEnd <= visible_.end_ns;
        };
        const auto endsBefore = [&](const GanttLaneBlock& block) {
            return block.maxEnd <= visible_.begin_ns;
        };
        for (std::size_t p = first; p < last; ++p) {
            if (!open && !lane.blocks.empty()) {
                if (const GanttLaneBlock* block = blockAt(lane, p, last, endsBefore, false)) {
                    p += block->count - 1;
                    continue;
                }
            }
            if (open && !lane.blocks.empty()) {
                if (const GanttLaneBlock* block = blockAt(lane, p, last, fitsRun)) {
                    runEnd = std::max(runEnd, block->maxEnd);
                    item.count += block->count;
                    if (block->task != item.task)
                        item.task = 0;
                    for (int k = 0; k < block->keys; ++k) {
                        const std::uint32_t key = block->key[std::size_t(k)];
                        if (weights[key] == 0)
                            touched.push_back(key);
                        weights[key] += block->weight[std::size_t(k)];
                        total += block->weight[std::size_t(k)];
                    }
                    p += block->count - 1;
                    continue;
                }
            }
            const std::uint32_t index = lane.events[p];
            const TraceEvent& e = trace.events[index];
            if (e.begin_ns >= visible_.end_ns || e.end_ns <= visible_.begin_ns)
                continue;
            const std::int64_t b = std::max(e.begin_ns, visible_.begin_ns);
            const std::int64_t en = std::min(e.end_ns, visible_.end_ns);
            if (!open || b > runEnd + gapNs) {
                flush();
                open = true;
                runBegin = b;
                runEnd = en;
                total = 0;
                item.event = index;
                item.count = 0;
                item.task = e.task;
            }
            runEnd = std::max(runEnd, en);
            ++item.count;
            if (item.task != e.task)
                item.task = 0;
            const std::int64_t weight = std::max<std::int64_t>(en - b, 1);
            if (weights[std::size_t(e.state)] == 0)
                touched.push_back(std::uint32_t(e.state));
            weights[std::size_t(e.state)] += weight;
            total += weight;
        }
        flush();
    };

    // A collapsed process's threads overlap in its summary row: merged as the overflow lane.
    if (row.kind == RowKind::Summary)
        mergeLane(row.slices, DrawKind::Slice);
    else
        foldLane(row.slices, DrawKind::Slice);
    if (row.overflow)
        mergeLane(row.asyncSlices, DrawKind::Async);
    else
        foldLane(row.asyncSlices, DrawKind::Async);

    // Instants: one mark per pixel column, counting what it stands for.
    const auto& ev = trace.events;
    auto it = std::lower_bound(row.instants.begin(), row.instants.end(), visible_.begin_ns,
                               [&](std::uint32_t i, std::int64_t t) { return ev[i].begin_ns < t; });
    double lastCol = -std::numeric_limits<double>::infinity();
    for (; it != row.instants.end() && ev[*it].begin_ns < visible_.end_ns; ++it) {
        const double x = xForTime(ev[*it].begin_ns);
        if (std::floor(x) == lastCol) {
            ++items_.back().count;
            if (items_.back().task != ev[*it].task)
                items_.back().task = 0;
            continue;
        }
        lastCol = std::floor(x);
        GanttDrawItem item;
        item.kind = DrawKind::Instant;
        item.event = *it;
        item.task = ev[*it].task;
        item.rect = QRectF(x, 0, 0, 0);
        items_.push_back(item);
    }
}

void GanttLayout::placeItems() {
    for (int r = 0; r < rowCount(); ++r) {
        const GanttRowGeometry& g = rowGeometry_[std::size_t(r)];
        for (std::uint32_t i = itemStart_[std::size_t(r)]; i < itemStart_[std::size_t(r) + 1];
             ++i) {
            GanttDrawItem& item = items_[i];
            switch (item.kind) {
            case DrawKind::Slice:
            case DrawKind::Async:
                item.rect.setTop(g.sliceLane.top());
                item.rect.setHeight(g.sliceLane.height());
                break;
            case DrawKind::Instant: {
                const double h = std::min(kInstantHeight, std::max(2.0, rowHeight_ / 3));
                item.rect = QRectF(item.rect.left() - kInstantWidth / 2, g.rect.top() + 1,
                                   kInstantWidth, h);
                break;
            }
            }
        }
    }
}

void GanttLayout::buildCounters(int r) {
    const GanttRow& row = rowData(r);
    GanttRowGeometry& g = rowGeometry_[std::size_t(r)];
    const Trace* trace = rows_->trace();
    if (!trace || row.counters.empty())
        return;
    const auto& ev = trace->events;
    double top = 0;
    for (std::uint32_t i : row.counters)
        top = std::max(top, ev[i].value);
    if (top <= 0)
        top = 1;
    const QRectF lane = g.sliceLane.adjusted(0, 2, 0, -2);
    const auto yFor = [&](double v) { return lane.bottom() - lane.height() * (v / top); };
    // The sample in force at the left edge, then every change; changes within one pixel
    // column keep only the last, so the line has at most a point pair per column.
    auto it = std::upper_bound(row.counters.begin(), row.counters.end(), visible_.begin_ns,
                               [&](std::int64_t t, std::uint32_t i) { return t < ev[i].begin_ns; });
    double value = it == row.counters.begin() ? 0.0 : ev[*std::prev(it)].value;
    QPolygonF line;
    line << QPointF(plotRect_.left(), yFor(value));
    for (; it != row.counters.end() && ev[*it].begin_ns < visible_.end_ns; ++it) {
        const double x = xForTime(ev[*it].begin_ns);
        if (line.size() >= 2 && std::floor(line.back().x()) == std::floor(x)) {
            line.back().setY(yFor(ev[*it].value));
        } else {
            line << QPointF(x, yFor(value)) << QPointF(x, yFor(ev[*it].value));
        }
        value = ev[*it].value;
    }
    line << QPointF(plotRect_.right(), yFor(value));
    g.counterLine = line;
    g.counterText = QStringLiteral("%1 (max %2)").arg(value).arg(top);
}

void GanttLayout::buildFlows() {
    const Trace* trace = rows_->trace();
    if (!trace)
        return;
    // Counted before any is placed: a fitted million-task pool has a million arrows in view,
    // all to be hidden, and placing them first cost more than the rest of the layout.
    const std::size_t inView = rows_->visibleFlowCount(visible_.begin_ns, visible_.end_ns);
    if (inView > std::size_t(std::max(options_.maxFlows, 0))) {
        hiddenFlows_ = int(std::min<std::size_t>(inView, std::numeric_limits<int>::max()));
        return;
    }
    // Endpoints' rows go in y for now; the constructor swaps them for row centres.
    const auto [first, last] = rows_->flowCandidates(visible_.begin_ns, visible_.end_ns);
    for (std::size_t k = first; k < last; ++k) {
        if (rows_->flowEnd(k) < visible_.begin_ns)
            continue;
        const GanttFlow& flow = rows_->flows()[k];
        const TraceEvent& s = trace->events[flow.start];
        const TraceEvent& e = trace->events[flow.end];
        const int r1 = rowOfSource(rows_->rowOfTrack(s.track));
        const int r2 = rowOfSource(rows_->rowOfTrack(e.track));
        // Within a collapsed process an arrow would go nowhere.
        if (r1 < 0 || r2 < 0 || (r1 == r2 && rowData(r1).kind == RowKind::Summary))
            continue;
        flowLines_.emplace_back(xForTime(s.begin_ns), r1, xForTime(e.begin_ns), r2);
    }
}

void GanttLayout::buildTicks(const QFontMetricsF& fm) {
    const double minSpacing = fm.horizontalAdvance(QStringLiteral("-000.00 ms")) + 16;
    tickSpec_ = chooseTicks(visible_.span(), plotRect_.width(), minSpacing);
    const std::int64_t step = tickSpec_.step_ns;
    std::int64_t k = floorDiv(visible_.begin_ns - origin_, step);
    if (origin_ + k * step < visible_.begin_ns)
        ++k;
    const double labelTop = axisRect_.top() + kTickLength + 2;
    for (std::int64_t t = origin_ + k * step; t <= visible_.end_ns; t += step) {
        GanttTick tick;
        tick.x = xForTime(t);
        tick.ns = t - origin_;
        tick.label = formatTick(tick.ns, tickSpec_);
        const double w = fm.horizontalAdvance(tick.label) + 2;
        double left = tick.x - w / 2;
        // The last label may not fit centred; keep it inside the chart rather than cut it.
        left = std::min(left, size_.width() - 2 - w);
        left = std::max(left, kMargin);
        tick.labelRect = QRectF(left, labelTop, w, fm.height());
        ticks_.push_back(tick);
        if (ticks_.size() > 10'000)
            break; // a degenerate range; never loop forever
    }
}

double GanttLayout::buildLegend(double width, const QFontMetricsF& fm) {
    const GanttRows& rows = *rows_;
    const Trace* trace = rows.trace();
    if (!trace || trace->empty())
        return 0;
    const double lineHeight = std::ceil(fm.height() + 6);
    const double swatch = std::round(fm.height() * 0.75);
    double x = 0;
    double y = 0;
    auto add = [&](GanttLegendEntry::Kind kind, std::uint32_t index, const QString& text) {
        GanttLegendEntry entry;
        entry.kind = kind;
        entry.index = index;
        entry.text = text;
        const bool hasSwatch = kind != GanttLegendEntry::Kind::Note;
        const bool wide =
            kind == GanttLegendEntry::Kind::Flow || kind == GanttLegendEntry::Kind::Async;
        const double swatchWidth = wide ? swatch * 1.6 : swatch;
        const double textWidth = fm.horizontalAdvance(text) + 1;
        const double entryWidth = (hasSwatch ? swatchWidth + 5 : 0) + textWidth;
        if (x > 0 && x + entryWidth > width) {
            x = 0;
            y += lineHeight;
        }
        if (hasSwatch) {
            entry.swatch = QRectF(x, y + (lineHeight - swatch) / 2, swatchWidth, swatch);
            x += swatchWidth + 5;
        }
        entry.textRect = QRectF(x, y, std::min(textWidth, width - x), lineHeight);
        x += textWidth + 18;
        legend_.push_back(entry);
    };

    if (rows.hasTrackRows()) {
        for (int s = 0; s < kStateCount; ++s) {
            if (rows.hasState(State(s))) {
                add(GanttLegendEntry::Kind::State, std::uint32_t(s), stateLabel(State(s)));
            }
        }
    } else {
        for (std::uint32_t t : rows.coreTracks())
            add(GanttLegendEntry::Kind::Track, t, trackName(trace->tracks[t]));
    }
    if (hasMixed_)
        add(GanttLegendEntry::Kind::Mixed, 0,
            QCoreApplication::translate("tasklane::GanttLayout", "mixed (folded; zoom in)"));
    if (rows.hasTrackRows() && rows.hasAsyncSlices())
        add(GanttLegendEntry::Kind::Async, 0,
            QCoreApplication::translate(
                "tasklane::GanttLayout",
                "indented rows: task lifelines, side by side where they overlap"));
    if (rows.hasTrackRows() && rows.hasOverflowLanes())
        add(GanttLegendEntry::Kind::Note, 0,
            QCoreApplication::translate("tasklane::GanttLayout",
                                        "“+N more” rows: the rest, overlapping (folded)"));
    if (std::any_of(rowSource_.begin(), rowSource_.end(),
                    [&](int id) { return rows.row(id).kind == RowKind::Summary; }))
        add(GanttLegendEntry::Kind::Note, 0,
            QCoreApplication::translate(
                "tasklane::GanttLayout",
                "▸ rows: a collapsed process, where any of its threads was busy"));
    if (rows.hasTrackRows() && rows.hasInstants())
        add(GanttLegendEntry::Kind::Instant, 0,
            QCoreApplication::translate("tasklane::GanttLayout", "printed line"));
    if (!flowLines_.empty())
        add(GanttLegendEntry::Kind::Flow, 0,
            QCoreApplication::translate("tasklane::GanttLayout", "submit → run"));
    if (hiddenFlows_ > 0)
        add(GanttLegendEntry::Kind::Note, 0,
            QCoreApplication::translate("tasklane::GanttLayout", "%1 arrows hidden (zoom in)")
                .arg(hiddenFlows_));
    if (rows.hasCoreRows())
        add(GanttLegendEntry::Kind::Note, 0,
            rows.hasTrackRows()
                ? QCoreApplication::translate("tasklane::GanttLayout",
                                              "core rows: colour = worker (chip by its name)")
                : QCoreApplication::translate("tasklane::GanttLayout",
                                              "core rows: colour = worker"));
    if (rows.hasTrackRows() && rows.hasState(State::GilWait))
        add(GanttLegendEntry::Kind::Note, 0,
            QCoreApplication::translate("tasklane::GanttLayout",
                                        "gil-wait: the GIL is a model of CPython's, not measured"));
    return legend_.empty() ? 0 : y + lineHeight;
}

int GanttLayout::rowAt(double y) const {
    // Rows differ in height (lanes are thinner): the last row that begins at or above y.
    const auto it =
        std::upper_bound(rowGeometry_.begin(), rowGeometry_.end(), y,
                         [](double v, const GanttRowGeometry& g) { return v < g.rect.top(); });
    if (it == rowGeometry_.begin() || y >= std::prev(it)->rect.bottom())
        return -1;
    return int(std::prev(it) - rowGeometry_.begin());
}

double GanttLayout::xForTime(std::int64_t ns) const {
    // Subtract in integers first: CLOCK_MONOTONIC values lose nanoseconds as doubles.
    return plotRect_.left() +
           double(ns - visible_.begin_ns) * plotRect_.width() / double(visible_.span());
}

std::int64_t GanttLayout::timeForX(double x) const {
    if (plotRect_.width() <= 0)
        return visible_.begin_ns;
    return visible_.begin_ns +
           std::llround((x - plotRect_.left()) * double(visible_.span()) / plotRect_.width());
}

double GanttLayout::nsPerPixel() const {
    return plotRect_.width() > 0 ? double(visible_.span()) / plotRect_.width() : 0;
}

std::optional<std::uint32_t> GanttLayout::eventAt(QPointF pos) const {
    if (!rows_ || !rows_->trace() || pos.x() < plotRect_.left() || pos.x() > plotRect_.right())
        return std::nullopt;
    const int r = rowAt(pos.y());
    if (r < 0)
        return std::nullopt;
    const Trace& trace = *rows_->trace();
    const GanttRow& row = rowData(r);
    const GanttLane& lane = row.kind == RowKind::Lane ? row.asyncSlices : row.slices;

    const std::int64_t t = timeForX(pos.x());
    const auto tolerance = std::int64_t(nsPerPixel() / 2);
    const auto [first, last] = lane.candidates(trace, t - tolerance, t + tolerance + 1);
    std::optional<std::uint32_t> best;
    std::int64_t bestDistance = std::numeric_limits<std::int64_t>::max();
    std::int64_t bestDuration = std::numeric_limits<std::int64_t>::max();
    for (std::size_t p = first; p < last; ++p) {
        const std::uint32_t index = lane.events[p];
        const TraceEvent& e = trace.events[index];
        const std::int64_t distance =
            t < e.begin_ns ? e.begin_ns - t
                           : (t >= e.end_ns && e.end_ns > e.begin_ns ? t - e.end_ns + 1 : 0);
        if (distance > tolerance)
            continue;
        // Inside beats near; among overlapping ones (nested, async), the innermost wins.
        if (distance < bestDistance ||
            (distance == bestDistance && e.duration_ns() < bestDuration)) {
            best = index;
            bestDistance = distance;
            bestDuration = e.duration_ns();
        }
    }
    return best;
}

GanttTaskOverlay GanttLayout::taskOverlay(const GanttTaskEvents& task) const {
    GanttTaskOverlay overlay;
    overlay.task = task.task;
    const Trace* trace = rows_ ? rows_->trace() : nullptr;
    if (!trace)
        return overlay;
    for (const auto& [source, index] : task.slices) {
        const TraceEvent& e = trace->events[index];
        const int r = rowOfSource(source);
        if (r < 0 || r >= rowCount() || e.begin_ns >= visible_.end_ns ||
            e.end_ns < visible_.begin_ns)
            continue;
        // A collapsed process shows where it was busy, and so does the task there.
        if (rowData(r).kind == RowKind::Summary &&
            (e.type != EventType::Slice || !isBusyState(e.state)))
            continue;
        const GanttRowGeometry& g = row(r);
        const double x0 = xForTime(std::max(e.begin_ns, visible_.begin_ns));
        const double x1 = xForTime(std::min(e.end_ns, visible_.end_ns));
        GanttDrawItem item;
        item.kind = e.type == EventType::AsyncSlice ? DrawKind::Async : DrawKind::Slice;
        item.event = index;
        item.task = e.task;
        const bool core = rowData(r).kind == RowKind::Core;
        item.fill = core ? FillKind::Track : FillKind::State;
        item.fillIndex = core ? e.track : std::uint32_t(e.state);
        // At least two pixels: a picked task's slice must be seen among a million.
        const double w = std::max(x1 - x0, 2.0);
        item.rect = QRectF(x0 - (w - (x1 - x0)) / 2, g.sliceLane.top(), w, g.sliceLane.height());
        overlay.items.push_back(item);
    }
    for (const GanttFlow& flow : task.flows) {
        const TraceEvent& s = trace->events[flow.start];
        const TraceEvent& e = trace->events[flow.end];
        const int r1 = rowOfSource(rows_->rowOfTrack(s.track));
        const int r2 = rowOfSource(rows_->rowOfTrack(e.track));
        if (r1 < 0 || r2 < 0 || r1 >= rowCount() || r2 >= rowCount() ||
            std::max(s.begin_ns, e.begin_ns) < visible_.begin_ns ||
            std::min(s.begin_ns, e.begin_ns) >= visible_.end_ns)
            continue;
        overlay.flows.emplace_back(xForTime(s.begin_ns), row(r1).sliceLane.center().y(),
                                   xForTime(e.begin_ns), row(r2).sliceLane.center().y());
    }
    return overlay;
}

std::span<const GanttDrawItem> GanttLayout::drawItems(int row) const {
    if (row < 0 || std::size_t(row) + 1 >= itemStart_.size())
        return {};
    return std::span<const GanttDrawItem>(items_.data() + itemStart_[std::size_t(row)],
                                          itemStart_[std::size_t(row) + 1] -
                                              itemStart_[std::size_t(row)]);
}

} // namespace tasklane
