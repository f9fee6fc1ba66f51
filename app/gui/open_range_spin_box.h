// OpenRangeSpinBox: a QSpinBox or QDoubleSpinBox that takes any number typed, inside its
// allowed range or not, so that the parameter panel can refuse a value with a message naming
// the range. A plain spin box corrects silently instead: it drops the digit that would leave
// the range (999 typed into 1..64 shows 9) and puts the previous value back on leaving the
// field (0 typed into 0.01..10 shows 1.00). The arrows, Page keys and wheel stay inside the
// allowed range, and the box is as wide as that range's numbers need.
#pragma once

#include <QAbstractSpinBox>
#include <QFontMetrics>
#include <QSignalBlocker>
#include <QSize>

#include <algorithm>

namespace tasklane {

// The widest number any box takes as typed: a few more digits than any parameter allows.
inline constexpr double kOpenRangeLimit = 999'999'999;

template <class Base> class OpenRangeSpinBox : public Base {
public:
    using Value = decltype(std::declval<const Base&>().value());

    explicit OpenRangeSpinBox(QWidget* parent = nullptr)
        : Base(parent) {}

    void setAllowedRange(Value min, Value max) {
        allowedMin_ = min;
        allowedMax_ = max;
        Base::setRange(Value(-kOpenRangeLimit), Value(kOpenRangeLimit));
    }
    Value allowedMinimum() const { return allowedMin_; }
    Value allowedMaximum() const { return allowedMax_; }
    bool inAllowedRange() const {
        return this->value() >= allowedMin_ && this->value() <= allowedMax_;
    }

    void stepBy(int steps) override {
        const Value before = this->value();
        Value after = before;
        {
            // The base's step (adaptive for decimals), clamped, and reported once.
            const QSignalBlocker blocker(this);
            Base::setValue(std::clamp(before, allowedMin_, allowedMax_));
            Base::stepBy(steps);
            after = std::clamp(this->value(), allowedMin_, allowedMax_);
            Base::setValue(before);
        }
        Base::setValue(after);
        this->selectAll();
    }

    QSize sizeHint() const override { return narrowed(Base::sizeHint()); }
    QSize minimumSizeHint() const override { return narrowed(Base::minimumSizeHint()); }

protected:
    QAbstractSpinBox::StepEnabled stepEnabled() const override {
        QAbstractSpinBox::StepEnabled enabled = QAbstractSpinBox::StepNone;
        if (this->value() < allowedMax_)
            enabled |= QAbstractSpinBox::StepUpEnabled;
        if (this->value() > allowedMin_)
            enabled |= QAbstractSpinBox::StepDownEnabled;
        return enabled;
    }

private:
    // The base sizes the box for the wide typing range; the allowed one is what it shows.
    QSize narrowed(QSize hint) const {
        const QFontMetrics fm(this->font());
        const auto width = [&](Value a, Value b) {
            return std::max(fm.horizontalAdvance(this->textFromValue(a)),
                            fm.horizontalAdvance(this->textFromValue(b)));
        };
        hint.rwidth() -=
            std::max(0, width(this->minimum(), this->maximum()) - width(allowedMin_, allowedMax_));
        return hint;
    }

    Value allowedMin_ = 0;
    Value allowedMax_ = 99;
};

} // namespace tasklane
