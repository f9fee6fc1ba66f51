// The chart at scale (issue 6, item 2): a trace of a million slices must stay interactive.
//   Paint/*       GanttPainter::paint of a prebuilt layout into a 1600x900 QImage (a window's
//                 chart), fitted and at 1 % zoom. Goal: <= 16 ms, a frame.
//   Layout/*      GanttLayout rebuilt for a new visible range, what every wheel step and
//                 pan step costs before the paint. Goal: <= 50 ms.
//   Frame/*       both, as the window does them for one wheel step.
//   Rows/*        GanttRows, built once per trace and grouping (off the goals; shown because
//                 a grouping change pays it).
//   Stats/*       selectionStats over the whole run and over 1 %, what a dragged selection
//                 costs per frame (before issue 6's running totals: a scan of the range).
//   Collapsed/*   GanttLayout rebuilt with every process collapsed into its summary row (the
//                 summary's lane merged once, before the loop; FirstCollapse/* times that).
//   Memory        the view's bytes per slice beyond the Trace: GanttRows + GanttLayout,
//                 measured with mallinfo2 deltas (what malloc handed out, capacity slack
//                 included). Goal: <= 64 bytes.
//   ExportManyRows/threads/pids  ChartExporter::exportChart of a PNG of `threads` threads (one
//                 2 us slice each) dealt to `pids` processes: issue 14's trace, which took
//                 over 30 s and 5 GB before exports folded processes and capped rows at 400.
//                 Goal: <= 3 s; peak_rss_mb (getrusage, the whole process: run it alone with
//                 --benchmark_filter=ExportManyRows) <= 300 MB.
// Two traces: `synthetic`, exactly 1 000 000 slices on 6 worker threads and 2 cores (running
// and gil-wait in turn, as a GIL-bound pool), and `thread-pool`, the real pattern's own trace
// of ThreadPoolExecutor().map over 1 000 000 numbers (about 3 slices per task: queued, running,
// gil-wait, plus the submit -> run arrows), recorded in-process once.
//
// Run: QT_QPA_PLATFORM=offscreen build/<dir>/tests/bench/tasklane_bench_chart
//      [--benchmark_repetitions=N] (medians are reported by default over 5 repetitions).
#include "chart/chart_exporter.h"
#include "chart/gantt_layout.h"
#include "chart/gantt_painter.h"
#include "chart/selection_stats.h"
#include "patterns/pattern_registry.h"
#include "patterns/run_control.h"

#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/resource.h>

#include <cstdlib>
#include <memory>
#include <string>

using namespace tasklane;

namespace {

constexpr QSizeF kSize(1600, 900);
constexpr int kRepetitions = 5;

Trace syntheticTrace() {
    constexpr int kWorkers = 6;
    constexpr int kSlices = 1'000'000;
    Trace t;
    for (int w = 0; w < kWorkers; ++w)
        t.tracks.push_back(
            Track{100, 101 + w, TrackKind::Thread, "worker " + std::to_string(w + 1)});
    t.events.reserve(kSlices);
    const std::uint32_t label = t.intern("square");
    const std::int64_t t0 = 5'000'000'000'000; // CLOCK_MONOTONIC is far from zero
    for (int i = 0; i < kSlices; ++i) {
        const int w = i % kWorkers;
        const int k = i / kWorkers;
        TraceEvent e;
        // Slices of 2-5 µs with gaps: 3.5 s in all, as the real 1M-task run.
        e.begin_ns = t0 + std::int64_t(k) * 21'000 + (k % 7) * 100;
        e.end_ns = e.begin_ns + 2'000 + (i % 4) * 1'000;
        e.track = std::uint32_t(w);
        e.task = std::uint32_t(i + 1);
        e.label = label;
        const bool waits = (k + w) % 3 == 0;
        e.state = waits ? State::GilWait : State::Running;
        e.cpu = waits ? -1 : std::int16_t(w % 2);
        t.events.push_back(e);
    }
    t.finalize();
    return t;
}

Trace threadPoolTrace() {
    const Pattern* pattern = PatternRegistry::instance().find("thread-pool");
    Params params;
    params.set("tasks", 1'000'000LL);
    RunControl control;
    return pattern->run(params, control).trace;
}

const Trace& trace(int which) {
    static const Trace synthetic = syntheticTrace();
    if (which == 0)
        return synthetic;
    static const Trace real = threadPoolTrace();
    return real;
}

std::size_t slices(const Trace& t) {
    std::size_t n = 0;
    for (const TraceEvent& e : t.events)
        n += e.isSlice() ? 1 : 0;
    return n;
}

const char* traceName(int which) {
    return which == 0 ? "synthetic" : "thread-pool";
}

// The middle 1 % of the run, or all of it.
TimeRange range(const Trace& t, bool zoomed) {
    const TimeRange full = GanttLayout::fullRange(t);
    if (!zoomed)
        return full;
    const std::int64_t span = full.span() / 100;
    const std::int64_t begin = full.begin_ns + (full.span() - span) / 2;
    return TimeRange{begin, begin + span};
}

const GanttRows& rows(int which) {
    // The window's default grouping, the heaviest: core rows, then track rows with lanes.
    static std::unique_ptr<GanttRows> built[2];
    if (!built[which])
        built[which] = std::make_unique<GanttRows>(trace(which), GroupBy::Both);
    return *built[which];
}

void label(benchmark::State& state, int which, bool zoomed, const GanttLayout* layout = nullptr) {
    const Trace& t = trace(which);
    state.SetLabel(std::string(traceName(which)) + (zoomed ? " 1%" : " fitted"));
    state.counters["slices"] = double(slices(t));
    if (layout)
        state.counters["drawn"] = double(layout->drawItemCount());
}

// args: trace (0 synthetic, 1 thread-pool), zoomed (0 fitted, 1 at 1 %)
void BM_Paint(benchmark::State& state) {
    const int which = int(state.range(0));
    const bool zoomed = state.range(1) != 0;
    const GanttLayout layout(rows(which), kSize, range(trace(which), zoomed));
    QImage image(kSize.toSize(), QImage::Format_ARGB32_Premultiplied);
    const GanttPainter painter;
    for (auto _ : state) {
        QPainter p(&image);
        p.setRenderHint(QPainter::TextAntialiasing);
        painter.paint(p, layout);
    }
    label(state, which, zoomed, &layout);
}

void BM_Layout(benchmark::State& state) {
    const int which = int(state.range(0));
    const bool zoomed = state.range(1) != 0;
    const TimeRange visible = range(trace(which), zoomed);
    std::size_t drawn = 0;
    for (auto _ : state) {
        const GanttLayout layout(rows(which), kSize, visible);
        drawn = layout.drawItemCount();
        benchmark::DoNotOptimize(drawn);
    }
    label(state, which, zoomed);
    state.counters["drawn"] = double(drawn);
}

// One wheel step as the window takes it: a layout for the new range, then the paint.
void BM_Frame(benchmark::State& state) {
    const int which = int(state.range(0));
    const bool zoomed = state.range(1) != 0;
    const TimeRange visible = range(trace(which), zoomed);
    QImage image(kSize.toSize(), QImage::Format_ARGB32_Premultiplied);
    const GanttPainter painter;
    for (auto _ : state) {
        const GanttLayout layout(rows(which), kSize, visible);
        QPainter p(&image);
        p.setRenderHint(QPainter::TextAntialiasing);
        painter.paint(p, layout);
    }
    label(state, which, zoomed);
}

// args: trace, grouping (0 worker, 1 core, 2 both)
void BM_Rows(benchmark::State& state) {
    const int which = int(state.range(0));
    const auto groupBy = GroupBy(state.range(1));
    const Trace& t = trace(which);
    for (auto _ : state) {
        const GanttRows built(t, groupBy);
        int size = built.size();
        benchmark::DoNotOptimize(size);
    }
    state.SetLabel(std::string(traceName(which)) + " by " + groupByName(groupBy).toStdString());
    state.counters["slices"] = double(slices(t));
}

void BM_Stats(benchmark::State& state) {
    const int which = int(state.range(0));
    const bool zoomed = state.range(1) != 0;
    const TimeRange selected = range(trace(which), zoomed);
    std::size_t counted = 0;
    for (auto _ : state) {
        const SelectionStats stats = selectionStats(rows(which), selected);
        counted = stats.slices;
        benchmark::DoNotOptimize(counted);
    }
    label(state, which, zoomed);
    state.counters["in_selection"] = double(counted);
}

// A zoom step with every process collapsed: its summary row merges the threads' busy slices,
// which overlap, per pixel column.
void BM_Collapsed(benchmark::State& state) {
    const int which = int(state.range(0));
    const bool zoomed = state.range(1) != 0;
    const TimeRange visible = range(trace(which), zoomed);
    GanttLayoutOptions options;
    for (const GanttProcessGroup& group : rows(which).processGroups())
        options.collapsedPids.push_back(group.pid);
    std::size_t drawn = 0;
    for (auto _ : state) {
        const GanttLayout layout(rows(which), kSize, visible, options);
        drawn = layout.drawItemCount();
        benchmark::DoNotOptimize(drawn);
    }
    label(state, which, zoomed);
    state.counters["drawn"] = double(drawn);
    state.counters["processes"] = double(options.collapsedPids.size());
}

// The first collapse of a process: its summary lane merged from its threads' (once per trace
// and grouping), then the layout.
void BM_FirstCollapse(benchmark::State& state) {
    const int which = int(state.range(0));
    const Trace& t = trace(which);
    GanttLayoutOptions options;
    for (auto _ : state) {
        state.PauseTiming();
        auto built = std::make_unique<GanttRows>(t, GroupBy::Both);
        options.collapsedPids.clear();
        for (const GanttProcessGroup& group : built->processGroups())
            options.collapsedPids.push_back(group.pid);
        state.ResumeTiming();
        const GanttLayout layout(*built, kSize, GanttLayout::fullRange(t), options);
        std::size_t drawn = layout.drawItemCount();
        benchmark::DoNotOptimize(drawn);
        state.PauseTiming();
        built.reset();
        state.ResumeTiming();
    }
    state.SetLabel(traceName(which));
    state.counters["slices"] = double(slices(t));
}

// Bytes malloc handed out for the rows and a fitted layout, per slice. Measured once per
// grouping (the numbers do not vary between runs); the loop times the building.
void BM_Memory(benchmark::State& state) {
    const int which = int(state.range(0));
    const auto groupBy = GroupBy(state.range(1));
    const Trace& t = trace(which);
    double perSlice = 0, rowsPerSlice = 0;
    for (auto _ : state) {
        const std::size_t before = mallinfo2().uordblks + mallinfo2().hblkhd;
        auto built = std::make_unique<GanttRows>(t, groupBy);
        const std::size_t afterRows = mallinfo2().uordblks + mallinfo2().hblkhd;
        auto layout = std::make_unique<GanttLayout>(*built, kSize, GanttLayout::fullRange(t));
        const std::size_t after = mallinfo2().uordblks + mallinfo2().hblkhd;
        rowsPerSlice = double(afterRows - before) / double(slices(t));
        perSlice = double(after - before) / double(slices(t));
        std::size_t drawn = layout->drawItemCount();
        benchmark::DoNotOptimize(drawn);
    }
    state.SetLabel(std::string(traceName(which)) + " by " + groupByName(groupBy).toStdString());
    state.counters["bytes_per_slice"] = perSlice;
    state.counters["rows_bytes_per_slice"] = rowsPerSlice;
    state.counters["slices"] = double(slices(t));
}

// Issue 14's trace: `threads` threads of one 2 us slice each, round-robin over `pids` processes.
Trace manyThreadsTrace(int threads, int pids) {
    Trace t;
    for (int k = 0; k < threads; ++k) {
        t.tracks.push_back(
            Track{1000 + k % pids, 100000 + k, TrackKind::Thread, "thread " + std::to_string(k)});
        TraceEvent e;
        e.begin_ns = k * 3000LL;
        e.end_ns = e.begin_ns + 2000;
        e.track = std::uint32_t(k);
        e.task = std::uint32_t(k + 1);
        t.events.push_back(e);
    }
    t.finalize();
    return t;
}

void BM_ExportManyRows(benchmark::State& state) {
    const Trace t = manyThreadsTrace(int(state.range(0)), int(state.range(1)));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("many.png"));
    for (auto _ : state) {
        const SaveResult saved = ChartExporter::exportChart(t, path, ChartOptions{});
        if (!saved)
            state.SkipWithError(saved.errorText().toStdString().c_str());
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["peak_rss_mb"] = double(usage.ru_maxrss) / 1024;
    state.counters["png_height"] = QImageReader(path).size().height();
}

void fittedAndZoomed(benchmark::internal::Benchmark* b) {
    for (int which : {0, 1})
        for (int zoomed : {0, 1})
            b->Args({which, zoomed});
    b->Unit(benchmark::kMillisecond)->Repetitions(kRepetitions)->ReportAggregatesOnly(true);
}

void groupings(benchmark::internal::Benchmark* b) {
    for (int which : {0, 1})
        for (int g : {0, 1, 2})
            b->Args({which, g});
    b->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true)->Iterations(2);
}

BENCHMARK(BM_Paint)->Apply(fittedAndZoomed);
BENCHMARK(BM_Layout)->Apply(fittedAndZoomed);
BENCHMARK(BM_Frame)->Apply(fittedAndZoomed);
BENCHMARK(BM_Stats)->Apply(fittedAndZoomed);
BENCHMARK(BM_Collapsed)->Apply(fittedAndZoomed);
BENCHMARK(BM_FirstCollapse)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->Iterations(2);
BENCHMARK(BM_Rows)->Apply(groupings);
BENCHMARK(BM_Memory)->Apply(groupings);
BENCHMARK(BM_ExportManyRows)
    ->Args({1000, 1000})
    ->Args({10000, 10000})
    ->Args({10000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

} // namespace

int main(int argc, char** argv) {
    // Fonts need a QGuiApplication; no display is needed.
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
