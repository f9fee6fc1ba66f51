#include "chart/gantt_rows.h"

#include "chart/lane_packing.h"

#include <QCoreApplication>

#include <algorithm>
#include <unordered_map>

namespace tasklane {

namespace {

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

// Track `t`'s row with its slices, instants and counters (its lane not yet finished); its
// async slices go to `async`, and the states of both into `stateMask`.
GanttRow trackRow(const Trace& trace, std::uint32_t t, std::vector<std::uint32_t>& async,
                  std::uint32_t& stateMask) {
    const auto& ev = trace.events;
    GanttRow row;
    row.kind = RowKind::Track;
    row.track = t;
    row.name = trackName(trace.tracks[t]);
    for (const TraceEvent& e : trace.eventsOf(t)) {
        const auto index = std::uint32_t(&e - ev.data());
        switch (e.type) {
        case EventType::Slice:
            row.slices.events.push_back(index);
            stateMask |= 1U << int(e.state);
            break;
        case EventType::AsyncSlice:
            async.push_back(index);
            stateMask |= 1U << int(e.state);
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
    return row;
}

} // namespace

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

GanttRows::GanttRows(const Trace& trace, GroupBy groupBy, int maxLanes)
    : trace_(&trace)
    , groupBy_(groupBy) {
    rowOfTrack_.assign(trace.tracks.size(), -1);
    if (groupBy != GroupBy::Worker && trace.maxCpu() >= 0)
        buildCoreRows();
    coreRows_ = int(rows_.size());
    if (groupBy != GroupBy::Core) {
        buildTrackRows(maxLanes);
        flows_ = GanttFlowIndex(trace);
        buildGroups();
    }
}

void GanttRows::buildCoreRows() {
    const Trace& trace = *trace_;
    const auto& ev = trace.events;
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
        mergeRuns(row.slices.events, std::move(runs[cpu]), [&](std::uint32_t a, std::uint32_t b) {
            return ev[a].begin_ns < ev[b].begin_ns;
        });
        finishLane(row.slices, trace, true);
        rowOfCpu_[cpu] = int(rows_.size());
        rows_.push_back(std::move(row));
    }
    for (std::uint32_t t = 0; t < ranOnCore.size(); ++t)
        if (ranOnCore[t])
            coreTracks_.push_back(t);
}

void GanttRows::buildTrackRows(int maxLanes) {
    const Trace& trace = *trace_;
    // Each track's row and its async slices; lanes come once it is known how many tracks
    // share the lane budget.
    std::vector<std::pair<GanttRow, std::vector<std::uint32_t>>> trackRows;
    trackRows.reserve(trace.tracks.size());
    int asyncTracks = 0;
    for (std::uint32_t t = 0; t < trace.tracks.size(); ++t) {
        std::vector<std::uint32_t> async;
        GanttRow row = trackRow(trace, t, async, stateMask_);
        finishLane(row.slices, trace);
        asyncTracks += async.empty() ? 0 : 1;
        hasInstants_ = hasInstants_ || !row.instants.empty();
        trackRows.emplace_back(std::move(row), std::move(async));
    }
    hasAsync_ = asyncTracks > 0;
    // A few tracks may each take maxLanes; many share kLaneBudget, so that a 16-worker pool
    // with a long queue is not 128 lane rows. Never fewer than two exact lanes and the
    // overflow, which still show how a queue drains.
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
        group.summary = size() + id;
        for (const int r : group.rows)
            groupOfRow_[std::size_t(r)] = id;
        summaries_.push_back(summaryOf(group));
        groups_.push_back(std::move(group));
    }
    summaryOnce_ = std::make_unique<std::once_flag[]>(groups_.size());
    summaryBuilt_ = std::make_unique<std::atomic<bool>[]>(groups_.size());
}

// `group`'s summary row with its name ("python · 4 threads"); its lane comes when first asked
// for (buildSummary).
GanttRow GanttRows::summaryOf(const GanttProcessGroup& group) const {
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
    return summary;
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
            if (isOnCpu(ev[i].state) && ev[i].end_ns > ev[i].begin_ns)
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

// The lane row under track row `parent` that holds async slice `index`, or -1.
int GanttRows::laneRowOf(int parent, std::uint32_t index) const {
    // Its lane is one of the rows right under the track's; each lane is in begin order.
    const auto& ev = trace_->events;
    const TraceEvent& e = ev[index];
    for (int r = parent + 1; parent >= 0 && r < size() && rows_[std::size_t(r)].parent == parent;
         ++r) {
        const auto& list = rows_[std::size_t(r)].asyncSlices.events;
        auto it =
            std::lower_bound(list.begin(), list.end(), e.begin_ns,
                             [&](std::uint32_t i, std::int64_t t) { return ev[i].begin_ns < t; });
        for (; it != list.end() && ev[*it].begin_ns == e.begin_ns; ++it)
            if (*it == index)
                return r;
    }
    return -1;
}

std::pair<int, int> GanttRows::rowsOf(std::uint32_t index) const {
    if (!trace_ || index >= trace_->events.size())
        return {-1, -1};
    const TraceEvent& e = trace_->events[index];
    int own = rowOfTrack(e.track);
    if (e.type == EventType::AsyncSlice)
        own = laneRowOf(own, index);
    else if (e.type != EventType::Slice)
        own = -1;
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
    for (const GanttFlow& flow : flows())
        if (ev[flow.start].task == task || ev[flow.end].task == task)
            found.flows.push_back(flow);
    return found;
}

} // namespace tasklane
