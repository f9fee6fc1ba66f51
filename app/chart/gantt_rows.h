// GanttRows: the rows of one trace for one grouping, built once (O(events)) and shared by
// every layout of that trace: which rows there are (tracks, CPU cores, lane rows of async
// slices, see chart/lane_packing.h), the events each shows (GanttRow), the processes that can
// be collapsed and the flow arrows. Keeps a pointer to the trace, which must outlive it.
#pragma once

#include "chart/gantt_flow_index.h"
#include "chart/gantt_row.h"
#include "trace/trace.h"

#include <QString>
#include <QStringView>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace tasklane {

// Rows per track (main, workers, event loop); rows per CPU core; or core rows then track rows.
enum class GroupBy { Worker, Core, Both };

// "worker", "core", "both" (the command line's --group-by values).
std::optional<GroupBy> groupByFromName(QStringView name);
QString groupByName(GroupBy groupBy);

// At most this many lane rows under one track by default; the last of them takes what
// does not fit in the others. Tracks with lanes share kLaneBudget lane rows between them
// (each keeping at least three), so a pool of many workers stays a chart, not a list.
inline constexpr int kDefaultMaxLanes = 8;
inline constexpr int kLaneBudget = 24;

// One task's events and where they are shown: found once when the task is picked (a scan of
// the trace), placed by every layout after that (GanttLayout::taskOverlay).
struct GanttTaskEvents {
    std::uint32_t task = 0;
    std::vector<std::pair<int, std::uint32_t>> slices; // (row, index into Trace::events)
    std::vector<GanttFlow> flows;                      // the arrows that carry the task
};

// A process whose pid owns several rows (threads, or one track and its lanes), which the chart
// can collapse into one summary row. Rows are never reordered: collapsed, the summary takes the
// place of the group's first row (its header) and the others are hidden, so expanding restores
// the chart exactly.
struct GanttProcessGroup {
    std::int64_t pid = 0;
    std::vector<int> rows; // its track and lane rows, in row order; rows.front() is the header
    int threads = 0;       // track rows among them
    int summary = -1;      // the summary row: GanttRows::row(summary), past the ordinary rows
};

class GanttRows {
public:
    GanttRows() = default;
    // `maxLanes` (at least 1) caps the lane rows under each track; with many tracks that
    // have lanes, the budget lowers the cap further (see kLaneBudget).
    GanttRows(const Trace& trace, GroupBy groupBy, int maxLanes = kDefaultMaxLanes);

    const Trace* trace() const { return trace_; }
    GroupBy groupBy() const { return groupBy_; }
    // The ordinary rows (track, core, lane); summary rows are not among them.
    const std::vector<GanttRow>& rows() const { return rows_; }
    int size() const { return int(rows_.size()); }
    // An ordinary row, or for index >= size() a process group's summary row. A summary row's
    // lane is merged the first time it is asked for (thread-safe): a trace whose processes
    // stay expanded pays nothing for it.
    const GanttRow& row(int index) const {
        return index < size() ? rows_[std::size_t(index)] : summaryRow(index - size());
    }
    // Whether the summary row of group `group` has been asked for (and so holds its lane).
    bool hasSummary(int group) const;
    // A summary row's name, without merging its lane.
    const QString& summaryName(int group) const { return summaries_[std::size_t(group)].name; }
    // Processes that can be collapsed (worker and both groupings), in row order.
    const std::vector<GanttProcessGroup>& processGroups() const { return groups_; }
    // The group (index into processGroups()) that ordinary row `row` belongs to, or -1.
    int groupOfRow(int row) const;
    // The group of `pid`, or -1.
    int groupOfPid(std::int64_t pid) const;
    // The track row of `track`, or -1 (core grouping).
    int rowOfTrack(std::uint32_t track) const;

    // States of the slices in track rows (what the state legend must explain).
    bool hasState(State state) const { return (stateMask_ >> int(state)) & 1U; }
    std::uint32_t stateMask() const { return stateMask_; }
    bool hasCoreRows() const { return coreRows_ > 0; }
    bool hasTrackRows() const { return coreRows_ < size(); }
    bool hasAsyncSlices() const { return hasAsync_; } // i.e. lane rows
    bool hasOverflowLanes() const { return hasOverflow_; }
    bool hasInstants() const { return hasInstants_; }
    // In time order of their earlier end.
    const std::vector<GanttFlow>& flows() const { return flows_.flows(); }
    // The flows with a part in [from, to), counted in O(log flows).
    std::size_t visibleFlowCount(std::int64_t from, std::int64_t to) const {
        return trace_ ? flows_.visibleCount(*trace_, from, to) : 0;
    }
    // [first, last) positions in flows() that may have a part in [from, to); every flow outside
    // has none. Those in it that end before `from` (flowEnd) have none either.
    std::pair<std::size_t, std::size_t> flowCandidates(std::int64_t from, std::int64_t to) const {
        return trace_ ? flows_.candidates(*trace_, from, to)
                      : std::pair<std::size_t, std::size_t>{};
    }
    std::int64_t flowEnd(std::size_t position) const { return flows_.laterEnd(position); }
    // Tracks that ran on some core row, in track order (the legend of a core-only chart).
    const std::vector<std::uint32_t>& coreTracks() const { return coreTracks_; }
    // For tests: layouts read every slice, as if no lane had block sums; they must draw the
    // same.
    void dropBlockSums();
    // The core row of `cpu`, or -1.
    int rowOfCpu(int cpu) const;
    // The rows that show `event`: its track row, or the lane row under it for an async slice,
    // and the core row of a running slice. -1 where there is none.
    std::pair<int, int> rowsOf(std::uint32_t event) const;
    // Every slice and flow of `task` (not 0). O(events): once per pick, not per frame.
    GanttTaskEvents eventsOfTask(std::uint32_t task) const;

private:
    void buildCoreRows();
    void buildTrackRows(int maxLanes);
    void buildGroups();
    GanttRow summaryOf(const GanttProcessGroup& group) const;
    const GanttRow& summaryRow(int group) const;
    void buildSummary(int group) const;
    int laneRowOf(int parent, std::uint32_t event) const;

    const Trace* trace_ = nullptr;
    GroupBy groupBy_ = GroupBy::Worker;
    std::vector<GanttRow> rows_;
    mutable std::vector<GanttRow> summaries_; // one per group, row id size() + group
    std::unique_ptr<std::once_flag[]> summaryOnce_;
    std::unique_ptr<std::atomic<bool>[]> summaryBuilt_;
    std::vector<GanttProcessGroup> groups_;
    std::vector<int> groupOfRow_;
    std::vector<int> rowOfTrack_;
    std::vector<int> rowOfCpu_;
    GanttFlowIndex flows_;
    std::vector<std::uint32_t> coreTracks_;
    std::uint32_t stateMask_ = 0;
    int coreRows_ = 0;
    bool hasAsync_ = false;
    bool hasOverflow_ = false;
    bool hasInstants_ = false;
};

} // namespace tasklane
