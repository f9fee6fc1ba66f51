// GanttRow: one horizontal lane of the chart as GanttRows builds it (a track, a CPU core, a
// lane row of async slices under its track, or a collapsed process's summary), with the
// events it shows. Lane rows are explained at the top of chart/lane_packing.h.
#pragma once

#include "chart/gantt_lane.h"
#include "trace/trace.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace tasklane {

// Track: a thread, process or event loop. Core: a CPU. Lane: async slices of the track row
// above it. Summary: a collapsed process (GanttProcessGroup).
enum class RowKind : std::uint8_t { Track, Core, Lane, Summary };

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

// A track row's name, also the legend's name for the track on a core-only chart: the track's
// own name, or its kind and thread id ("thread 4711") when it has none.
QString trackName(const Track& track);

} // namespace tasklane
