// ZoomState: which part of a trace is on screen, how the user got there, and which time range
// they have selected, in one QObject that every view of the trace observes (the chart, the
// ruler over it, the window's Back/Forward actions and statistics), as Hotspot's
// FilterAndZoomStack. Views ask it for changes and redraw when it says so, so they cannot
// disagree. No widget code: the maths below is tested as plain values.
#pragma once

#include "chart/gantt_layout.h"

#include <QObject>

#include <cstdint>
#include <optional>
#include <vector>

namespace tasklane {

// Zooming in stops at 1 µs across the plot: below that, clock resolution shows.
inline constexpr std::int64_t kMinZoomSpanNs = 1'000;

// `range` shifted (never stretched) to lie within `full`, its span first clamped to
// [min(minSpan, full.span()), full.span()].
TimeRange clampToRange(TimeRange range, TimeRange full, std::int64_t minSpan = kMinZoomSpanNs);

// `visible` scaled by `factor` (below 1 zooms in) around `anchor`: the time at `anchor` keeps
// its place on screen, then the result is clamped to `full`. Only a zoom out at an edge of the
// trace moves the anchor (the range would otherwise leave the trace).
TimeRange zoomAround(TimeRange visible, std::int64_t anchor, double factor, TimeRange full,
                     std::int64_t minSpan = kMinZoomSpanNs);

class ZoomState : public QObject {
    Q_OBJECT

public:
    // Push: a new step, which Back returns from. Merge: the continuation of a gesture (the
    // wheel turning, a drag moving): it replaces the current range, so that one gesture is
    // one step of history however many events it took.
    enum class History { Push, Merge };

    // Back goes this many steps at most; older ones are dropped.
    static constexpr int kMaxHistory = 100;

    explicit ZoomState(QObject* parent = nullptr);

    TimeRange fullRange() const { return full_; }
    TimeRange visibleRange() const { return visible_; }
    bool isFitted() const { return visible_ == full_; }
    // The visible share of the trace: 1 when fitted, 0.01 at 1 % zoom.
    double zoomShare() const;

    // A new trace: fitted, with no history and no selection.
    void reset(TimeRange full);

    // Clamped to the trace. False when the range on screen stays the same.
    bool setVisibleRange(TimeRange range, History history = History::Push);
    // See zoomAround.
    bool zoomAt(std::int64_t anchor, double factor, History history = History::Push);
    bool panBy(std::int64_t delta_ns, History history = History::Push);
    bool fit() { return setVisibleRange(full_); }
    // The selection, filling the screen. False without a selection.
    bool zoomToSelection();

    bool canGoBack() const { return !back_.empty(); }
    bool canGoForward() const { return !forward_.empty(); }
    bool back();
    bool forward();

    // A time range the user marked (shift-drag on the chart), clamped to the trace; statistics
    // are shown for it. Independent of zoom: it stays while the view moves.
    std::optional<TimeRange> selection() const { return selection_; }
    void setSelection(TimeRange range); // an empty range clears it
    void clearSelection();

Q_SIGNALS:
    void visibleRangeChanged(tasklane::TimeRange range);
    void historyChanged(); // canGoBack() or canGoForward() may have changed
    void selectionChanged();

private:
    void show(TimeRange range);

    TimeRange full_;
    TimeRange visible_;
    std::vector<TimeRange> back_;
    std::vector<TimeRange> forward_;
    // Whether a Merge may extend the last step: not after Back, Forward, Fit or a reset,
    // whose ranges must stay in the history as they are.
    bool mergeable_ = false;
    std::optional<TimeRange> selection_;
};

} // namespace tasklane
