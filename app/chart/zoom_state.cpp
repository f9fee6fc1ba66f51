#include "chart/zoom_state.h"

#include <algorithm>
#include <cmath>

namespace tasklane {

TimeRange clampToRange(TimeRange range, TimeRange full, std::int64_t minSpan) {
    if (full.span() <= 0)
        return full;
    const std::int64_t span = std::clamp(
        range.span(), std::min(std::max<std::int64_t>(minSpan, 1), full.span()), full.span());
    const std::int64_t begin = std::clamp(range.begin_ns, full.begin_ns, full.end_ns - span);
    return TimeRange{begin, begin + span};
}

TimeRange zoomAround(TimeRange visible, std::int64_t anchor, double factor, TimeRange full,
                     std::int64_t minSpan) {
    if (full.span() <= 0 || visible.span() <= 0 || !(factor > 0))
        return clampToRange(visible, full, minSpan);
    // The anchor's share of the width, kept; the span, clamped before placing the range, so
    // that hitting the zoom limit does not move the anchor either.
    const double share = double(anchor - visible.begin_ns) / double(visible.span());
    const double wanted = std::round(double(visible.span()) * factor);
    const std::int64_t span =
        std::clamp(wanted >= double(full.span()) ? full.span() : std::int64_t(wanted),
                   std::min(std::max<std::int64_t>(minSpan, 1), full.span()), full.span());
    const std::int64_t begin = anchor - std::llround(double(span) * share);
    return clampToRange(TimeRange{begin, begin + span}, full, minSpan);
}

ZoomState::ZoomState(QObject* parent)
    : QObject(parent) {}

double ZoomState::zoomShare() const {
    return full_.span() > 0 ? double(visible_.span()) / double(full_.span()) : 1.0;
}

void ZoomState::reset(TimeRange full) {
    const bool hadHistory = canGoBack() || canGoForward();
    const bool hadSelection = selection_.has_value();
    const bool moved = full != visible_;
    full_ = full;
    visible_ = full;
    back_.clear();
    forward_.clear();
    mergeable_ = false;
    selection_.reset();
    if (moved)
        Q_EMIT visibleRangeChanged(visible_);
    if (hadHistory)
        Q_EMIT historyChanged();
    if (hadSelection)
        Q_EMIT selectionChanged();
}

void ZoomState::show(TimeRange range) {
    visible_ = range;
    Q_EMIT visibleRangeChanged(visible_);
}

bool ZoomState::setVisibleRange(TimeRange range, History history) {
    range = clampToRange(range, full_);
    if (range == visible_)
        return false;
    const bool couldGoBack = canGoBack();
    const bool couldGoForward = canGoForward();
    if (history == History::Push || !mergeable_) {
        back_.push_back(visible_);
        if (back_.size() > std::size_t(kMaxHistory))
            back_.erase(back_.begin());
    }
    forward_.clear();
    // Fitting is a destination of its own: a wheel turn right after it starts a new step.
    mergeable_ = range != full_;
    show(range);
    if (couldGoBack != canGoBack() || couldGoForward != canGoForward())
        Q_EMIT historyChanged();
    return true;
}

bool ZoomState::zoomAt(std::int64_t anchor, double factor, History history) {
    return setVisibleRange(zoomAround(visible_, anchor, factor, full_), history);
}

bool ZoomState::panBy(std::int64_t delta_ns, History history) {
    return setVisibleRange(TimeRange{visible_.begin_ns + delta_ns, visible_.end_ns + delta_ns},
                           history);
}

bool ZoomState::zoomToSelection() {
    return selection_ && setVisibleRange(*selection_);
}

bool ZoomState::back() {
    if (back_.empty())
        return false;
    forward_.push_back(visible_);
    const TimeRange range = back_.back();
    back_.pop_back();
    mergeable_ = false;
    show(range);
    Q_EMIT historyChanged();
    return true;
}

bool ZoomState::forward() {
    if (forward_.empty())
        return false;
    back_.push_back(visible_);
    const TimeRange range = forward_.back();
    forward_.pop_back();
    mergeable_ = false;
    show(range);
    Q_EMIT historyChanged();
    return true;
}

void ZoomState::setSelection(TimeRange range) {
    std::optional<TimeRange> next;
    const TimeRange clipped{std::max(range.begin_ns, full_.begin_ns),
                            std::min(range.end_ns, full_.end_ns)};
    if (clipped.span() > 0)
        next = clipped;
    if (next == selection_)
        return;
    selection_ = next;
    Q_EMIT selectionChanged();
}

void ZoomState::clearSelection() {
    setSelection(TimeRange{});
}

} // namespace tasklane
