// The Gantt chart's geometry as plain values, testable without painting (as Hotspot's
// TimeLineData): which rows there are (GanttRows, once per trace and grouping), and where
// everything goes for one size and one visible time range (GanttLayout, once per resize,
// zoom or pan). The painter only reads what is computed here.
//
// Async slices (coroutine lifelines, tasks queued for a worker) overlap each other on their
// track, so they cannot share the track's row. They go into lane rows under it: the fewest
// lanes in which none overlaps (interval partitioning), so a lane holds one task's lifeline
// when tasks overlap (asyncio.gather's A, B, C, each named by its task) and is shared by
// tasks that follow each other. Past a cap, the rest go into one last lane that says how many
// it holds and folds them, so a million queued tasks do not make a million rows.
#pragma once

#include "chart/chart_style.h"
#include "trace/trace.h"

#include <QFont>
#include <QLineF>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringView>

#include <array>
#include <atomic>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <utility>
#include <vector>

class QFontMetricsF;

namespace tasklane {

// Rows per track (main, workers, event loop); rows per CPU core; or core rows then track rows.
enum class GroupBy { Worker, Core, Both };

// "worker", "core", "both" (the command line's --group-by values).
std::optional<GroupBy> groupByFromName(QStringView name);
QString groupByName(GroupBy groupBy);

// A half-open interval [begin_ns, end_ns) of CLOCK_MONOTONIC time.
struct TimeRange {
    std::int64_t begin_ns = 0;
    std::int64_t end_ns = 0;

    std::int64_t span() const { return end_ns - begin_ns; }
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

// What a run of consecutive slices of a lane adds up to, so that a layout can fold the run
// into a pixel column without reading its events: zoomed out on a million slices, reading
// each one (40 bytes, mostly cache misses) cost more than a frame. Level 0 sums kLaneBlock
// slices, level k sums kLaneBlock blocks of level k - 1.
struct GanttLaneBlock {
    static constexpr int kMaxKeys = 4;
    std::int64_t firstBegin = 0, lastBegin = 0; // of its first and last slice
    std::int64_t maxEnd = 0;
    std::int64_t maxDuration = 0;
    // Largest gap between a slice's begin and the latest end before it in the block: a run
    // with no gap over a pixel merges whole (overflow lanes).
    std::int64_t maxGap = 0;
    std::uint32_t count = 0;
    std::uint32_t task = 0; // the one task of all its slices, or kMixedTask
    // Weight (duration, at least 1 ns) per colour key: State, or track on core rows. More
    // keys than kMaxKeys: keys = kUnsummed, and the layout reads the slices instead.
    std::uint8_t keys = 0;
    std::array<std::uint32_t, kMaxKeys> key{};
    std::array<std::int64_t, kMaxKeys> weight{};

    static constexpr std::uint32_t kMixedTask = 0xFFFFFFFFU;
    static constexpr std::uint8_t kUnsummed = 0xFF;
};
inline constexpr std::size_t kLaneBlock = 16;

// Running totals of a lane at every kLaneSumStride-th slice, so that what a time range holds
// (time per state, busy time) is found with a binary search and at most a stride of slices
// read at each end, not a scan of the range: a selection's statistics are recomputed on every
// mouse move of a drag. sums[k] covers the lane's events [0, k * kLaneSumStride).
struct GanttLaneSum {
    std::array<std::int64_t, kStateCount> stateNs{}; // durations per State
    // The union of the busy-state (running, lock-held) slices: its length, and where its last
    // run ends (the latest busy end so far; min() before the first).
    std::int64_t busyNs = 0;
    std::int64_t busyEnd = std::numeric_limits<std::int64_t>::min();
};
inline constexpr std::size_t kLaneSumStride = 64;

// On a CPU: what the summary's core utilisation counts too (running, or running with a lock
// held). Waiting, sleeping, queued and spawning are not busy.
constexpr bool isBusyState(State state) {
    return state == State::Running || state == State::LockHeld;
}

// `e` added to a running total; slices must come in begin order.
void addToSum(GanttLaneSum& sum, const TraceEvent& e);

// GanttLane: the indices (into Trace::events) of one kind of slice in one row, in begin
// order, plus what is needed to find the visible ones with a binary search and to fold many
// of them at once.
struct GanttLane {
    std::vector<std::uint32_t> events;
    std::int64_t maxDuration = 0;
    bool endsSorted = true; // no overlaps: end times are in begin order too
    // blocks[k][i] sums events [i * kLaneBlock^(k+1), (i + 1) * kLaneBlock^(k+1)).
    std::vector<std::vector<GanttLaneBlock>> blocks;
    std::vector<GanttLaneSum> sums; // see GanttLaneSum: one per stride, and one for the start

    // [first, last) positions in `events` that may overlap [from, to); every event outside
    // is known not to.
    std::pair<std::size_t, std::size_t> candidates(const Trace& trace, std::int64_t from,
                                                   std::int64_t to) const;
};

// Track: a thread, process or event loop. Core: a CPU. Lane: async slices of the track row
// above it (see the top of this file). Summary: a collapsed process (GanttProcessGroup).
enum class RowKind : std::uint8_t { Track, Core, Lane, Summary };

// At most this many lane rows under one track by default; the last of them takes what
// does not fit in the others. Tracks with lanes share kLaneBudget lane rows between them
// (each keeping at least three), so a pool of many workers stays a chart, not a list.
inline constexpr int kDefaultMaxLanes = 8;
inline constexpr int kLaneBudget = 24;

// GanttRow: one horizontal lane of the chart.
struct GanttRow {
    RowKind kind = RowKind::Track;
    std::uint32_t track = 0; // track and lane rows: index into Trace::tracks
    int cpu = -1;            // core rows: the CPU number
    int parent = -1;         // lane rows: the track row they belong to
    // "main", "worker 2 (pid 4711)", "event loop", "CPU 0"; lanes: the task's name ("Task A"),
    // "queued · 3 tasks" when tasks share it, "+993 more queued" for the overflow lane.
    QString name;
    GanttLane slices;      // track rows: the track's Slice events; core rows: every running Slice
                           // with this cpu, from all tracks; summary rows: the busy Slices of
                           // the process's track rows, merged in begin order (they overlap)
                           // when the row is first asked for
    GanttLane asyncSlices; // lane rows: their AsyncSlice events (track and core rows: none)
    std::vector<std::uint32_t> instants; // track rows: printed lines, in time order
    std::vector<std::uint32_t> counters; // track rows: counter samples, in time order
    std::uint32_t task = 0;  // lane rows: the one task whose slices fill it; 0 when shared
    std::uint32_t units = 0; // lane rows: the lifelines (tasks, or task-less slices) in it
    bool overflow = false;   // lane rows: holds the lifelines beyond the cap; they overlap
};

// A FlowStart/FlowEnd pair with the same flow id (event.value): indices into Trace::events.
struct GanttFlow {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
};

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

// GanttRows: the rows of one trace for one grouping, built once (O(events)) and shared by
// every layout of that trace. Keeps a pointer to the trace, which must outlive it.
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
    const std::vector<GanttFlow>& flows() const { return flows_; }
    // The flows with a part in [from, to), counted in O(log flows).
    std::size_t visibleFlowCount(std::int64_t from, std::int64_t to) const;
    // [first, last) positions in flows() that may have a part in [from, to); every flow outside
    // has none. Those in it that end before `from` (flowEnd) have none either.
    std::pair<std::size_t, std::size_t> flowCandidates(std::int64_t from, std::int64_t to) const;
    std::int64_t flowEnd(std::size_t position) const { return flowHi_[position]; }
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
    const Trace* trace_ = nullptr;
    GroupBy groupBy_ = GroupBy::Worker;
    std::vector<GanttRow> rows_;
    mutable std::vector<GanttRow> summaries_; // one per group, row id size() + group
    std::unique_ptr<std::once_flag[]> summaryOnce_;
    std::unique_ptr<std::atomic<bool>[]> summaryBuilt_;
    std::vector<GanttProcessGroup> groups_;
    std::vector<int> groupOfRow_;
    void buildGroups();
    const GanttRow& summaryRow(int group) const;
    void buildSummary(int group) const;
    std::vector<int> rowOfTrack_;
    std::vector<int> rowOfCpu_;
    void pairFlows();

    std::vector<GanttFlow> flows_;
    std::vector<std::int64_t> flowHi_;       // per flow: the time of its later end
    std::vector<std::int64_t> flowHiSorted_; // the same, sorted
    std::int64_t maxFlowSpan_ = 0;
    std::vector<std::uint32_t> coreTracks_;
    std::uint32_t stateMask_ = 0;
    int coreRows_ = 0;
    bool hasAsync_ = false;
    bool hasOverflow_ = false;
    bool hasInstants_ = false;
};

// How a drawn rect is coloured: by its state, by the track that ran it (core rows), or
// "mixed" when it folds slices of which none dominates.
enum class FillKind : std::uint8_t { State, Track, Mixed };
enum class DrawKind : std::uint8_t { Slice, Async, Instant };

// One rect the painter fills: a slice, or several slices that fall in one pixel column.
struct GanttDrawItem {
    QRectF rect;
    std::uint32_t event = 0;     // the first event drawn in it (index into Trace::events)
    std::uint32_t count = 1;     // events folded into it; 1 = exactly `event`
    std::uint32_t task = 0;      // the task all of them belong to; 0 when they differ
    std::uint32_t fillIndex = 0; // the State (FillKind::State) or the track (FillKind::Track)
    FillKind fill = FillKind::State;
    DrawKind kind = DrawKind::Slice;
};

// A picked task drawn over everything else: each of its slices at least a pixel wide (folded
// or not), and its flow arrows, also when there are too many arrows to draw them all.
struct GanttTaskOverlay {
    std::uint32_t task = 0;
    std::vector<GanttDrawItem> items; // rects in chart coordinates
    std::vector<QLineF> flows;
};

// Where one row's parts go.
struct GanttRowGeometry {
    QRectF rect;      // the whole row, label column included
    QRectF labelRect; // where the name is written (indented for lane rows)
    QRectF chipRect;  // a swatch of the track's core-row colour; null when not needed
    // The triangle that collapses or expands a process (its header row, or its summary row
    // when collapsed); null on other rows.
    QRectF disclosureRect;
    int group = -1;         // the process group the row shows (GanttRows::processGroups()), or -1
    bool collapsed = false; // a summary row: its group is collapsed
    QRectF sliceLane;       // where the row's rects go: its slices, or a lane row's async slices
    // A track and its lane rows share one background, so they read as one group; every
    // other group is shaded.
    bool shaded = false;
    // Counter samples as a step line over the visible range, scaled from 0 (row bottom) to
    // the row's largest sample (row top); empty when the row has none. At most a few points
    // per pixel column, so a million samples still draw at once.
    QPolygonF counterLine;
    QString counterText; // the last visible sample and the largest: "5 (max 5)"
};

// The rule for axis ticks: steps of 1, 2 or 5 x 10^k ns, the smallest one that keeps ticks
// at least `minSpacing` px apart; the unit is the largest of s, ms, µs, ns that is not
// longer than the span, and `decimals` as many as that step needs in that unit.
struct TickSpec {
    std::int64_t step_ns = 1;
    std::int64_t unit_ns = 1;
    int decimals = 0;
};
TickSpec chooseTicks(std::int64_t span_ns, double width_px, double minSpacing_px);
// "0 s", "0.2 s", "150 ms", "-5 µs": `ns` from the axis origin, in the spec's unit.
QString formatTick(std::int64_t ns, const TickSpec& spec);

struct GanttTick {
    double x = 0;
    std::int64_t ns = 0; // from the axis origin
    QString label;
    QRectF labelRect;
};

struct GanttLegendEntry {
    enum class Kind : std::uint8_t { State, Track, Mixed, Async, Instant, Flow, Note };
    Kind kind = Kind::Note;
    std::uint32_t index = 0; // the State or the track
    QRectF swatch;           // null for notes
    QRectF textRect;
    QString text;
};

struct GanttLayoutOptions {
    QFont font = chartFont();
    QString title;      // empty: no title line
    bool legend = true; // a window may show its own
    bool axis = true;
    double rowHeight = 0; // 0: from the font when the height is free, else shared out
    std::optional<std::int64_t> origin_ns; // the axis's zero; default: the trace's start
    int maxFlows = 300; // above this many visible flows, none is drawn (they would be noise)
    // Processes (pids of GanttRows::processGroups()) shown as one summary row each; other pids
    // are ignored. The view's state, kept across layouts.
    std::vector<std::int64_t> collapsedPids;
};

// GanttLayout: all geometry for one size and one visible time range, including the level of
// detail draw list (culled with a binary search, sub-pixel slices folded per pixel column).
// A value: cheap to copy, rebuilt on resize, zoom or pan. Refers to the GanttRows (and its
// trace) it was built from, which must outlive it.
class GanttLayout {
public:
    GanttLayout() = default;
    // A height <= 0 takes the height the rows need (natural row height from the font).
    GanttLayout(const GanttRows& rows, QSizeF size, TimeRange visible,
                const GanttLayoutOptions& options = {});

    // The whole trace, as a chart shows it first.
    static TimeRange fullRange(const Trace& trace);

    const GanttRows* rows() const { return rows_; }
    const GanttLayoutOptions& options() const { return options_; }
    QSizeF size() const { return size_; }
    TimeRange visibleRange() const { return visible_; }
    std::int64_t origin() const { return origin_; }

    QRectF titleRect() const { return titleRect_; }
    QRectF labelColumn() const { return labelColumn_; }
    double labelColumnWidth() const { return labelColumn_.width(); }
    QRectF plotRect() const { return plotRect_; }
    QRectF axisRect() const { return axisRect_; }
    QRectF legendRect() const { return legendRect_; }
    double rowHeight() const { return rowHeight_; }   // of track and core rows
    double laneHeight() const { return laneHeight_; } // of lane rows: a little thinner

    // Rows on screen: the GanttRows' rows, less those of collapsed processes, plus their
    // summary rows. Row indices below are these; rowData() and sourceRow() give the GanttRow.
    int rowCount() const { return int(rowGeometry_.size()); }
    const GanttRowGeometry& row(int index) const { return rowGeometry_[std::size_t(index)]; }
    // The GanttRows id (see GanttRows::row) of the row on screen at `index`.
    int sourceRow(int index) const { return rowSource_[std::size_t(index)]; }
    const GanttRow& rowData(int index) const { return rows_->row(sourceRow(index)); }
    // The row on screen that shows GanttRows row `id`: itself, or its process's summary row
    // when collapsed; -1 when there is none.
    int rowOfSource(int id) const;
    bool isCollapsed(std::int64_t pid) const;
    // The process group whose disclosure triangle (or header label) is at `pos`, or -1.
    int disclosureAt(QPointF pos) const;
    QRectF rowRect(int index) const { return row(index).rect; }
    int rowAt(double y) const; // -1 outside the rows
    // y of the lines between core rows and track rows.
    const std::vector<double>& separators() const { return separators_; }

    double xForTime(std::int64_t ns) const;
    std::int64_t timeForX(double x) const;
    double nsPerPixel() const;

    // The slice (index into trace.events) under `pos`, or nothing over a gap: a lane row's
    // async slices, any other row's slices. Within half a pixel of a slice counts, so that a
    // folded sub-pixel slice can still be pointed at.
    std::optional<std::uint32_t> eventAt(QPointF pos) const;

    // The draw list: what the painter fills, per row, in x order within each lane.
    std::span<const GanttDrawItem> drawItems(int row) const;
    // `task`'s slices and arrows placed for this size and range (those in view). O(its events).
    GanttTaskOverlay taskOverlay(const GanttTaskEvents& task) const;
    std::size_t drawItemCount() const { return items_.size(); }
    bool hasMixed() const { return hasMixed_; }

    const std::vector<GanttTick>& ticks() const { return ticks_; }
    const TickSpec& tickSpec() const { return tickSpec_; }
    const std::vector<GanttLegendEntry>& legend() const { return legend_; }
    const std::vector<QLineF>& flowLines() const { return flowLines_; }
    int hiddenFlows() const { return hiddenFlows_; } // visible but over maxFlows
    // Shown in the plot when there is nothing to draw; empty otherwise.
    const QString& emptyMessage() const { return emptyMessage_; }

private:
    void buildRows(double width);
    void foldRow(int row);
    void buildTicks(const QFontMetricsF& fm);
    double buildLegend(double width, const QFontMetricsF& fm);
    void placeItems();
    void buildFlows();
    void buildCounters(int row);

    const GanttRows* rows_ = nullptr;
    GanttLayoutOptions options_;
    QSizeF size_;
    TimeRange visible_;
    std::int64_t origin_ = 0;
    QRectF titleRect_, labelColumn_, plotRect_, axisRect_, legendRect_;
    double rowHeight_ = 0;
    double laneHeight_ = 0;
    std::vector<GanttRowGeometry> rowGeometry_;
    std::vector<int> rowSource_;   // per row on screen: its GanttRows id
    std::vector<int> screenRowOf_; // per GanttRows id: the row on screen, or -1
    std::vector<double> separators_;
    std::vector<GanttDrawItem> items_;
    std::vector<std::uint32_t> itemStart_; // items of row r: [itemStart_[r], itemStart_[r+1])
    bool hasMixed_ = false;
    TickSpec tickSpec_;
    std::vector<GanttTick> ticks_;
    std::vector<GanttLegendEntry> legend_;
    std::vector<QLineF> flowLines_;
    int hiddenFlows_ = 0;
    QString emptyMessage_;
};

} // namespace tasklane
