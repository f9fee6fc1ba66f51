#include "chart/lane_folder.h"

#include <algorithm>
#include <cmath>

namespace tasklane {

namespace {

constexpr double kMinWidth = 1.0; // slices narrower than this are folded per pixel column

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

// The slices of the block at `p` are about to be read one by one (it straddles a column's
// edge): ask for all of them at once, rather than wait for each in turn after a skip.
void prefetchBlock(const Trace& trace, const GanttLane& lane, std::size_t p, std::size_t last) {
    const std::size_t end = std::min(last, p + kLaneBlock);
    for (std::size_t q = p; q < end; ++q)
        __builtin_prefetch(&trace.events[lane.events[q]]);
}

// What the slices folded into one item add up to so far: a pixel column's, or a merged run's.
struct Folded {
    bool open = false;
    std::uint32_t first = 0; // the first event (index into Trace::events)
    std::uint32_t count = 0;
    std::uint32_t task = 0; // the first event's
    bool mixedTasks = false;
    std::int64_t end = 0; // the latest (clipped) end folded in

    void start(std::uint32_t index, const TraceEvent& e, std::int64_t clippedEnd) {
        open = true;
        first = index;
        task = e.task;
        end = clippedEnd;
    }
    // Slice `e`, clipped to [b, en), of colour `key`.
    void absorb(const TraceEvent& e, std::int64_t b, std::int64_t en, std::uint32_t key,
                ColourTally& tally) {
        end = std::max(end, en);
        if (e.task != task)
            mixedTasks = true;
        ++count;
        tally.add(key, std::max<std::int64_t>(en - b, 1));
    }
    // Every slice of `block` (which needs no clipping).
    void absorb(const GanttLaneBlock& block, ColourTally& tally) {
        end = std::max(end, block.maxEnd);
        if (block.task != task)
            mixedTasks = true;
        count += block.count;
        tally.add(block);
    }
    std::uint32_t commonTask() const { return mixedTasks ? 0 : task; }
};

} // namespace

// The open pixel column: sub-pixel slices that begin in it are drawn as one item.
struct LaneFolder::Column : Folded {
    double col = 0, x0 = 0;
    std::int64_t colEnd = 0; // the first time that maps into the next column
};

// The open run of an overlapping lane: slices that overlap it or leave a gap under a pixel.
struct LaneFolder::Run : Folded {
    std::int64_t begin = 0; // clipped
};

LaneFolder::LaneFolder(const Trace& trace, TimeRange visible, double plotLeft, double plotWidth,
                       bool byTrack, std::vector<GanttDrawItem>& out)
    : trace_(trace)
    , visible_(visible)
    , left_(plotLeft)
    , scale_(plotWidth / double(visible.span()))
    , tinyNs_(std::int64_t(std::ceil(1.0 / scale_)))
    , byTrack_(byTrack)
    , ownFill_(byTrack ? FillKind::Track : FillKind::State)
    , tally_(byTrack ? trace.tracks.size() + 1 : std::size_t(kStateCount))
    , items_(out) {}

// extendColumn, closeColumn and closeRun are forced inline: they run once per pixel column,
// and as calls they made a zoomed layout (about one slice per column) 6 % slower than the
// lambdas they were written as before.

// The rest of the open column after position `p`, in a tight loop: zoomed out, most slices
// land here, and most of them in blocks that fold whole. Returns the last position folded.
[[gnu::always_inline]] inline std::size_t
LaneFolder::extendColumn(const GanttLane& lane, std::size_t p, std::size_t last, Column& column) {
    // A block folds whole into the open column when each of its slices would: it begins in
    // the column, is narrower than a pixel and needs no clipping.
    const auto fitsColumn = [&](const GanttLaneBlock& block) {
        return block.lastBegin < column.colEnd && block.maxDuration < tinyNs_ &&
               block.firstBegin >= visible_.begin_ns && block.maxEnd <= visible_.end_ns;
    };
    for (; p + 1 < last; ++p) {
        if (!lane.blocks.empty()) {
            if (const GanttLaneBlock* block = blockAt(lane, p + 1, last, fitsColumn)) {
                column.absorb(*block, tally_);
                p += block->count - 1;
                continue;
            }
            if ((p + 1) % kLaneBlock == 0)
                prefetchBlock(trace_, lane, p + 1, last);
        }
        const TraceEvent& f = trace_.events[lane.events[p + 1]];
        if (f.begin_ns >= column.colEnd || f.end_ns - f.begin_ns >= tinyNs_ ||
            f.begin_ns < visible_.begin_ns || f.end_ns > visible_.end_ns)
            break;
        column.absorb(f, f.begin_ns, f.end_ns, colourKey(trace_, f, byTrack_), tally_);
    }
    return p;
}

[[gnu::always_inline]] inline void LaneFolder::closeColumn(Column& column, DrawKind kind) {
    if (!column.open)
        return;
    column.open = false;
    GanttDrawItem item;
    item.kind = kind;
    item.event = column.first;
    item.count = column.count;
    item.task = column.commonTask();
    const double x1 = left_ + double(column.end - visible_.begin_ns) * scale_;
    item.rect = QRectF(column.x0, 0, std::max(x1 - column.x0, kMinWidth), 0);
    const ColourTally::Verdict colour =
        tally_.take(colourKey(trace_, trace_.events[column.first], byTrack_));
    // A single slice is its own colour; a fold is that of the colour dominating it, or mixed.
    if (column.count == 1 || colour.dominant) {
        item.fill = ownFill_;
        item.fillIndex = colour.key;
    } else {
        item.fill = FillKind::Mixed;
        hasMixed_ = true;
    }
    if (column.count == 1) {
        items_.push_back(item);
        return;
    }
    // Neighbouring columns of the same colour become one rect: fewer to paint.
    if (lastFold_ >= 0 && std::size_t(lastFold_) + 1 == items_.size()) {
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
    lastFold_ = std::ptrdiff_t(items_.size()) - 1;
}

void LaneFolder::foldSortedLane(const GanttLane& lane, DrawKind kind) {
    const auto [first, last] = lane.candidates(trace_, visible_.begin_ns, visible_.end_ns);
    const auto endsBefore = [&](const GanttLaneBlock& block) {
        return block.maxEnd < visible_.begin_ns;
    };
    lastFold_ = -1;
    Column column;
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
        const TraceEvent& e = trace_.events[index];
        const bool visible = e.begin_ns < visible_.end_ns &&
                             (e.end_ns > visible_.begin_ns ||
                              (e.end_ns == e.begin_ns && e.begin_ns >= visible_.begin_ns));
        if (!visible)
            continue;
        const std::int64_t b = std::max(e.begin_ns, visible_.begin_ns);
        const std::int64_t en = std::min(e.end_ns, visible_.end_ns);
        // xForTime inlined: this loop runs once per visible slice.
        const double x0 = left_ + double(b - visible_.begin_ns) * scale_;
        const double x1 = left_ + double(en - visible_.begin_ns) * scale_;
        if (x1 - x0 >= kMinWidth) {
            closeColumn(column, kind);
            GanttDrawItem item;
            item.kind = kind;
            item.event = index;
            item.task = e.task;
            item.fill = ownFill_;
            item.fillIndex = colourKey(trace_, e, byTrack_);
            item.rect = QRectF(x0, 0, x1 - x0, 0);
            items_.push_back(item);
            continue;
        }
        const double col = std::floor(x0);
        if (!column.open || col > column.col) {
            closeColumn(column, kind);
            column = Column{};
            column.start(index, e, en);
            column.col = col;
            column.colEnd = visible_.begin_ns + std::int64_t(std::ceil((col + 1 - left_) / scale_));
            column.x0 = x0;
        }
        column.absorb(e, b, en, colourKey(trace_, e, byTrack_), tally_);
        p = extendColumn(lane, p, last, column);
    }
    closeColumn(column, kind);
}

[[gnu::always_inline]] inline void LaneFolder::closeRun(Run& run, DrawKind kind) {
    if (!run.open)
        return;
    run.open = false;
    GanttDrawItem item;
    item.kind = kind;
    item.event = run.first;
    item.count = run.count;
    item.task = run.commonTask();
    const ColourTally::Verdict colour = tally_.take(std::uint32_t(trace_.events[run.first].state));
    item.fill = run.count == 1 || colour.dominant ? FillKind::State : FillKind::Mixed;
    item.fillIndex = item.fill == FillKind::State ? colour.key : 0;
    hasMixed_ = hasMixed_ || item.fill == FillKind::Mixed;
    const double x0 = left_ + double(run.begin - visible_.begin_ns) * scale_;
    const double x1 = left_ + double(run.end - visible_.begin_ns) * scale_;
    item.rect = QRectF(x0, 0, std::max(x1 - x0, kMinWidth), 0);
    items_.push_back(item);
}

void LaneFolder::mergeOverlappingLane(const GanttLane& lane, DrawKind kind) {
    const auto [first, last] = lane.candidates(trace_, visible_.begin_ns, visible_.end_ns);
    const std::int64_t gapNs = tinyNs_; // a gap narrower than a pixel does not show
    Run run;
    // A block merges whole into the open run when its first slice would and no gap in it
    // is wider than a pixel, and none of it needs clipping (or is left of the range).
    const auto fitsRun = [&](const GanttLaneBlock& block) {
        return block.firstBegin <= run.end + gapNs && block.maxGap <= gapNs &&
               block.firstBegin > visible_.begin_ns && block.maxEnd <= visible_.end_ns;
    };
    const auto endsBefore = [&](const GanttLaneBlock& block) {
        return block.maxEnd <= visible_.begin_ns;
    };
    for (std::size_t p = first; p < last; ++p) {
        if (!lane.blocks.empty()) {
            const GanttLaneBlock* block = run.open ? blockAt(lane, p, last, fitsRun)
                                                   : blockAt(lane, p, last, endsBefore, false);
            if (block) {
                if (run.open)
                    run.absorb(*block, tally_);
                p += block->count - 1;
                continue;
            }
        }
        const std::uint32_t index = lane.events[p];
        const TraceEvent& e = trace_.events[index];
        if (e.begin_ns >= visible_.end_ns || e.end_ns <= visible_.begin_ns)
            continue;
        const std::int64_t b = std::max(e.begin_ns, visible_.begin_ns);
        const std::int64_t en = std::min(e.end_ns, visible_.end_ns);
        if (!run.open || b > run.end + gapNs) {
            closeRun(run, kind);
            run = Run{};
            run.start(index, e, en);
            run.begin = b;
        }
        run.absorb(e, b, en, std::uint32_t(e.state), tally_);
    }
    closeRun(run, kind);
}

} // namespace tasklane
