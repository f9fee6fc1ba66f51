#include "parameter_panel.h"

#include "core_text.h"
#include "open_range_spin_box.h"
#include "text/qt_text.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <climits>
#include <cmath>
#include <memory>

namespace tasklane {

namespace {

// Slider positions <-> values. A range a slider can step through one by one stays linear;
// a wide one (tasks 1..1,000,000, cpu-ms 0..10,000) is logarithmic, so that the small
// values, where the chart changes most, get most of the track.
class SliderScale {
public:
    explicit SliderScale(const ParamSpec& spec)
        : min_(spec.min)
        , max_(spec.max)
        , integer_(spec.kind == ParamKind::Int || spec.kind == ParamKind::IntList) {
        const double span = max_ - min_;
        if (integer_ && span <= 200) {
            mode_ = Mode::Linear;
            steps_ = std::max(1, int(span));
        } else if (min_ > 0 && max_ / min_ >= 100) {
            mode_ = Mode::Log;
        } else if (min_ >= 0 && span > 1000) {
            mode_ = Mode::LogOffset;
        } else {
            mode_ = Mode::Linear;
        }
    }

    int steps() const { return steps_; }

    double valueAt(int position) const {
        const double t = double(position) / steps_;
        double v = min_;
        switch (mode_) {
        case Mode::Linear:
            v = min_ + t * (max_ - min_);
            break;
        case Mode::Log:
            v = min_ * std::pow(max_ / min_, t);
            break;
        case Mode::LogOffset:
            v = min_ + std::expm1(t * std::log1p(max_ - min_));
            break;
        }
        v = std::clamp(v, min_, max_);
        return integer_ ? std::round(v) : snap(v);
    }

    int positionOf(double value) const {
        const double v = std::clamp(value, min_, max_);
        double t = 0;
        switch (mode_) {
        case Mode::Linear:
            t = max_ > min_ ? (v - min_) / (max_ - min_) : 0;
            break;
        case Mode::Log:
            t = std::log(v / min_) / std::log(max_ / min_);
            break;
        case Mode::LogOffset:
            t = std::log1p(v - min_) / std::log1p(max_ - min_);
            break;
        }
        return int(std::lround(t * steps_));
    }

private:
    enum class Mode { Linear, Log, LogOffset };

    // Values from a log slider keep two significant digits (12, 1200, 0.35): a slider is
    // for choosing a magnitude, the spin box for exact values.
    double snap(double v) const {
        if (mode_ == Mode::Linear || v <= 0)
            return v;
        const double magnitude = std::pow(10.0, std::floor(std::log10(v)) - 1);
        return std::clamp(std::round(v / magnitude) * magnitude, min_, max_);
    }

    Mode mode_ = Mode::Linear;
    double min_ = 0;
    double max_ = 0;
    int steps_ = 1000;
    bool integer_ = false;
};

QString editorName(const ParamSpec& spec, const char* role) {
    return QStringLiteral("param-%1-%2").arg(qs(spec.name), QLatin1String(role));
}

// "cpu-ms" already says its unit; "delay" with unit "ms" becomes "delay (ms)".
// Under a translation the label is words ("워커 수") and the unit is added the same way.
QString labelText(const ParamSpec& spec) {
    const QString name = qs(spec.name);
    QString label = coretext::label(spec);
    if (spec.unit.empty() || name.endsWith(u'-' + qs(spec.unit)))
        return label;
    return QStringLiteral("%1 (%2)").arg(label, qs(spec.unit));
}

// The help line, translated; when the label is translated too, the option it stands for
// follows, so that a reader of the Korean window still finds --workers on the command line.
QString helpText(const ParamSpec& spec) {
    QString help = coretext::help(spec);
    if (coretext::label(spec) == qs(spec.name))
        return help;
    return QStringLiteral("%1 (--%2)").arg(help, qs(spec.name));
}

// Enough decimals for the smallest step the range suggests: 0.01..10 needs two.
int decimalsFor(const ParamSpec& spec) {
    if (spec.min > 0 && spec.min < 1)
        return std::clamp(int(std::ceil(-std::log10(spec.min))), 1, 4);
    return 1;
}

double asNumber(const ParamValue& value) {
    if (const auto* i = std::get_if<long long>(&value))
        return double(*i);
    if (const auto* d = std::get_if<double>(&value))
        return *d;
    return 0;
}

const QString kInvalidStyle = QStringLiteral("QLineEdit { border: 1px solid #c62828; }");
const QString kInvalidSpinStyle = QStringLiteral("QAbstractSpinBox { border: 1px solid #c62828; }");

// The name the patterns give a list's n-th task (async-gather: Task A, B, C, ... T27).
QString itemName(int index) {
    return index < 26 ? QString(QChar(u'A' + index)) : QStringLiteral("T%1").arg(index + 1);
}

// A slider and spin box per item of a list parameter (async-gather's delays: one per task),
// under the list's line edit, with a button to remove an item and one to add another. Rows
// are positional (row i shows item i), so removing an item shifts the values up and the
// last row goes. It reports edits through `edited` and is told the list through
// setValues(); the panel keeps it and the line edit in step.
class ListSliders final : public QWidget {
public:
    // A letter per task, as the tasks are named; a longer list is edited as text.
    static constexpr int kMaxRows = 26;

    ListSliders(const ParamSpec& spec, QWidget* parent,
                std::function<void(const std::vector<long long>&)> edited)
        : QWidget(parent)
        , spec_(spec)
        , scale_(spec)
        , edited_(std::move(edited)) {
        setObjectName(QStringLiteral("param-%1-sliders").arg(qs(spec.name)));
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        rows_ = new QVBoxLayout;
        rows_->setContentsMargins(0, 0, 0, 0);
        rows_->setSpacing(2);
        layout->addLayout(rows_);
        note_ = new QLabel(this);
        note_->setObjectName(QStringLiteral("param-%1-sliders-note").arg(qs(spec.name)));
        note_->setWordWrap(true);
        note_->hide();
        layout->addWidget(note_);
        add_ = new QPushButton(this);
        add_->setObjectName(QStringLiteral("param-%1-add").arg(qs(spec.name)));
        retranslateUi();
        connect(add_, &QPushButton::clicked, this, [this] {
            std::vector<long long> values = values_;
            values.push_back(values.empty() ? firstDefault() : values.back());
            edited_(values);
        });
        layout->addWidget(add_, 0, Qt::AlignLeft);
    }

    // Shows `values`, adding or removing rows to match. The row whose slider is being
    // dragged keeps its handle where the mouse put it.
    void setValues(const std::vector<long long>& values) {
        values_ = values;
        const int wanted = values.size() <= std::size_t(kMaxRows) ? int(values.size()) : 0;
        while (int(rows_->count()) > wanted) {
            QLayoutItem* item = rows_->takeAt(rows_->count() - 1);
            QWidget* row = item->widget();
            delete item;
            row->hide();
            row->setParent(nullptr); // gone from findChild at once; its button may be emitting
            row->deleteLater();
        }
        while (rows_->count() < wanted)
            addRow(rows_->count());
        for (int i = 0; i < wanted; ++i) {
            QWidget* row = rows_->itemAt(i)->widget();
            auto* spin = row->findChild<QSpinBox*>();
            auto* slider = row->findChild<QSlider*>();
            const QSignalBlocker blockSpin(spin);
            const QSignalBlocker blockSlider(slider);
            spin->setValue(int(values[std::size_t(i)]));
            if (i != driving_)
                slider->setValue(scale_.positionOf(double(values[std::size_t(i)])));
            row->findChild<QToolButton*>()->setEnabled(wanted > 1);
        }
        note_->setVisible(values.size() > std::size_t(kMaxRows));
        showNote();
        add_->setEnabled(values.size() < std::size_t(kMaxRows));
    }

protected:
    void changeEvent(QEvent* event) override {
        QWidget::changeEvent(event);
        if (event->type() == QEvent::LanguageChange)
            retranslateUi();
    }

private:
    void retranslateUi() {
        add_->setText(ParameterPanel::tr("Add task"));
        add_->setToolTip(ParameterPanel::tr("Adds a task with the last task's value"));
        for (int i = 0; i < rows_->count(); ++i)
            setRowTexts(rows_->itemAt(i)->widget(), i);
        showNote();
    }

    void showNote() {
        if (values_.size() > std::size_t(kMaxRows))
            note_->setText(
                ParameterPanel::tr("%1 tasks: edit the list above (sliders for up to %2)")
                    .arg(values_.size())
                    .arg(kMaxRows));
    }

    void setRowTexts(QWidget* row, int index) {
        const QString tip = ParameterPanel::tr("Task %1: %2").arg(itemName(index), helpText(spec_));
        row->findChild<QSlider*>()->setToolTip(tip);
        row->findChild<QSpinBox*>()->setToolTip(tip);
        row->findChild<QToolButton*>()->setToolTip(
            ParameterPanel::tr("Remove task %1").arg(itemName(index)));
    }

    long long firstDefault() const {
        const auto* list = std::get_if<std::vector<long long>>(&spec_.defaultValue);
        return list != nullptr && !list->empty() ? list->front() : (long long)(spec_.min);
    }

    void addRow(int index) {
        const QString base = QStringLiteral("param-%1-").arg(qs(spec_.name));
        const QString suffix = QString::number(index);
        auto* row = new QWidget(this);
        auto* layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(6);

        auto* label = new QLabel(itemName(index), row);
        label->setObjectName(base + QStringLiteral("item-") + suffix);
        label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("T00")));
        layout->addWidget(label);

        auto* slider = new QSlider(Qt::Horizontal, row);
        slider->setObjectName(base + QStringLiteral("slider-") + suffix);
        slider->setRange(0, scale_.steps());
        slider->setMinimumWidth(70);
        layout->addWidget(slider, 1);

        // A value typed out of range goes into the list's text, whose line names the range.
        auto* spin = new OpenRangeSpinBox<QSpinBox>(row);
        spin->setObjectName(base + QStringLiteral("spin-") + suffix);
        spin->setAllowedRange(int(std::max<double>(spec_.min, INT_MIN)),
                              int(std::min<double>(spec_.max, INT_MAX)));
        spin->setSuffix(spec_.unit.empty() ? QString() : u' ' + qs(spec_.unit));
        spin->setGroupSeparatorShown(spec_.max >= 10'000);
        spin->setAlignment(Qt::AlignRight);
        layout->addWidget(spin);

        auto* remove = new QToolButton(row);
        remove->setObjectName(base + QStringLiteral("remove-") + suffix);
        remove->setText(QStringLiteral("×"));
        remove->setAutoRaise(true);
        layout->addWidget(remove);
        setRowTexts(row, index);

        connect(slider, &QSlider::valueChanged, this, [this, index, spin](int position) {
            driving_ = index;
            spin->setValue(int(scale_.valueAt(position)));
            driving_ = -1;
        });
        connect(spin, &QSpinBox::valueChanged, this, [this, index](int value) {
            if (std::size_t(index) >= values_.size())
                return;
            std::vector<long long> values = values_;
            values[std::size_t(index)] = value;
            edited_(values);
        });
        connect(remove, &QToolButton::clicked, this, [this, index] {
            if (values_.size() <= 1 || std::size_t(index) >= values_.size())
                return;
            std::vector<long long> values = values_;
            values.erase(values.begin() + index);
            edited_(values);
        });
        rows_->addWidget(row);
    }

    ParamSpec spec_;
    SliderScale scale_;
    std::function<void(const std::vector<long long>&)> edited_;
    std::vector<long long> values_;
    QVBoxLayout* rows_ = nullptr;
    QLabel* note_ = nullptr;
    QPushButton* add_ = nullptr;
    int driving_ = -1; // the row whose slider is moving the value, while it does
};

} // namespace

ParameterPanel::ParameterPanel(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QWidget(this);
    grid_ = new QGridLayout(form);
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setHorizontalSpacing(8);
    grid_->setVerticalSpacing(6);
    grid_->setColumnStretch(1, 1);
    layout->addWidget(form);

    errorLabel_ = new QLabel(this);
    errorLabel_->setObjectName(QStringLiteral("param-error"));
    errorLabel_->setWordWrap(true);
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLabel_->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    errorLabel_->hide();
    layout->addWidget(errorLabel_);
    layout->addStretch(1); // rows stay together at the top, however tall the panel is
}

void ParameterPanel::setPattern(const Pattern* pattern, const Params& values) {
    pattern_ = pattern;
    pending_.clear();
    editors_.clear();
    for (QWidget* w : rowWidgets_)
        delete w;
    rowWidgets_.clear();

    if (pattern_ != nullptr) {
        const auto specs = pattern_->params();
        editors_.reserve(specs.size());
        int row = 0;
        for (const ParamSpec& spec : specs)
            row += addEditor(row, spec);
    }
    retranslateUi();
    setValues(values);
}

int ParameterPanel::addEditor(int row, const ParamSpec& spec) {
    editors_.push_back(Editor{spec, {}, {}, std::nullopt});
    Editor& editor = editors_.back();

    // Texts: retranslateUi().
    auto* label = new QLabel(grid_->parentWidget());
    label->setObjectName(editorName(spec, "label"));
    grid_->addWidget(label, row, 0);
    rowWidgets_.push_back(label);

    int rows = 1;
    switch (spec.kind) {
    case ParamKind::Int:
    case ParamKind::Double:
        addNumber(row, editor);
        break;
    case ParamKind::Choice:
        addChoice(row, editor);
        break;
    case ParamKind::IntList:
        rows = addList(row, editor);
        break;
    case ParamKind::Text:
        addText(row, editor);
        break;
    case ParamKind::Folder:
        addFolder(row, editor);
        break;
    }
    editor.show(spec.defaultValue);
    return rows;
}

void ParameterPanel::addNumber(int row, Editor& editor) {
    const ParamSpec& spec = editor.spec;
    const std::string name = spec.name;
    const auto scale = std::make_shared<SliderScale>(spec);
    // While the slider drives the spin box, the spin box must not move the slider back to
    // its own rounding of the value: the handle would jitter under the mouse.
    const auto fromSlider = std::make_shared<bool>(false);
    QWidget* parent = grid_->parentWidget();

    auto* slider = new QSlider(Qt::Horizontal, parent);
    slider->setObjectName(editorName(spec, "slider"));
    slider->setRange(0, scale->steps());
    slider->setMinimumWidth(90);
    grid_->addWidget(slider, row, 1);
    rowWidgets_.push_back(slider);

    const QString suffix = spec.unit.empty() ? QString() : u' ' + qs(spec.unit);
    if (spec.kind == ParamKind::Int) {
        // Out of range typed stays as typed, and the pattern's message names the range.
        auto* spin = new OpenRangeSpinBox<QSpinBox>(parent);
        spin->setObjectName(editorName(spec, "spin"));
        spin->setAllowedRange(int(std::max<double>(spec.min, INT_MIN)),
                              int(std::min<double>(spec.max, INT_MAX)));
        spin->setGroupSeparatorShown(spec.max >= 10'000);
        spin->setSuffix(suffix);
        spin->setAlignment(Qt::AlignRight);
        grid_->addWidget(spin, row, 2);
        rowWidgets_.push_back(spin);
        connect(slider, &QSlider::valueChanged, this, [=](int position) {
            *fromSlider = true;
            spin->setValue(int(scale->valueAt(position)));
            *fromSlider = false;
        });
        connect(spin, &QSpinBox::valueChanged, this, [=, this](int value) {
            if (!*fromSlider) {
                const QSignalBlocker blocker(slider);
                slider->setValue(scale->positionOf(value));
            }
            edited(name);
        });
        editor.value = [spin] { return ParamValue(static_cast<long long>(spin->value())); };
        editor.show = [spin, slider, scale](const ParamValue& v) {
            const QSignalBlocker blockSpin(spin);
            const QSignalBlocker blockSlider(slider);
            spin->setValue(int(asNumber(v)));
            slider->setValue(scale->positionOf(asNumber(v)));
        };
    } else {
        auto* spin = new OpenRangeSpinBox<QDoubleSpinBox>(parent);
        spin->setObjectName(editorName(spec, "spin"));
        spin->setDecimals(decimalsFor(spec));
        spin->setAllowedRange(spec.min, spec.max);
        spin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        spin->setGroupSeparatorShown(spec.max >= 10'000);
        spin->setSuffix(suffix);
        spin->setAlignment(Qt::AlignRight);
        grid_->addWidget(spin, row, 2);
        rowWidgets_.push_back(spin);
        connect(slider, &QSlider::valueChanged, this, [=](int position) {
            *fromSlider = true;
            spin->setValue(scale->valueAt(position));
            *fromSlider = false;
        });
        connect(spin, &QDoubleSpinBox::valueChanged, this, [=, this](double value) {
            if (!*fromSlider) {
                const QSignalBlocker blocker(slider);
                slider->setValue(scale->positionOf(value));
            }
            edited(name);
        });
        editor.value = [spin] { return ParamValue(spin->value()); };
        editor.show = [spin, slider, scale](const ParamValue& v) {
            const QSignalBlocker blockSpin(spin);
            const QSignalBlocker blockSlider(slider);
            spin->setValue(asNumber(v));
            slider->setValue(scale->positionOf(asNumber(v)));
        };
    }
}

void ParameterPanel::addChoice(int row, Editor& editor) {
    const ParamSpec& spec = editor.spec;
    const std::string name = spec.name;
    auto* combo = new QComboBox(grid_->parentWidget());
    combo->setObjectName(editorName(spec, "combo"));
    // Shown translated (retranslateUi); the item's data is the value itself (the command
    // line's key).
    for (const auto& choice : spec.choices)
        combo->addItem(QString(), qs(choice));
    grid_->addWidget(combo, row, 1, 1, 2);
    rowWidgets_.push_back(combo);
    connect(combo, &QComboBox::currentIndexChanged, this, [this, name] { edited(name); });
    editor.value = [combo] { return ParamValue(combo->currentData().toString().toStdString()); };
    editor.show = [combo](const ParamValue& v) {
        const QSignalBlocker blocker(combo);
        if (const auto* s = std::get_if<std::string>(&v))
            combo->setCurrentIndex(combo->findData(qs(*s)));
    };
}

QLineEdit* ParameterPanel::addText(int row, Editor& editor, int columns) {
    const ParamSpec& spec = editor.spec;
    const std::string name = spec.name;
    auto* edit = new QLineEdit(grid_->parentWidget());
    edit->setObjectName(editorName(spec, "edit"));
    grid_->addWidget(edit, row, 1, 1, columns);
    rowWidgets_.push_back(edit);
    const ParamSpec specCopy = spec;
    connect(edit, &QLineEdit::textChanged, this, [this, name] { edited(name); });
    editor.value = [edit, specCopy] {
        auto parsed = specCopy.parse(edit->text().toStdString());
        if (auto* value = std::get_if<ParamValue>(&parsed))
            return *value;
        return specCopy.defaultValue;
    };
    editor.show = [edit](const ParamValue& v) {
        const QSignalBlocker blocker(edit);
        edit->setText(qs(ParamSpec::format(v)));
        edit->setStyleSheet(QString());
    };
    return edit;
}

void ParameterPanel::addFolder(int row, Editor& editor) {
    QLineEdit* edit = addText(row, editor, 1);
    auto* browse = new QPushButton(grid_->parentWidget());
    browse->setObjectName(editorName(editor.spec, "browse"));
    grid_->addWidget(browse, row, 2);
    rowWidgets_.push_back(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, spec = editor.spec] {
        const QString title = tr("Folder for %1").arg(coretext::label(spec));
        const QString current = edit->text().trimmed();
        const QString start =
            !current.isEmpty() && QFileInfo(current).isDir() ? current : QDir::homePath();
        const QString chosen = QFileDialog::getExistingDirectory(this, title, start);
        if (!chosen.isEmpty())
            edit->setText(QDir::toNativeSeparators(chosen)); // textChanged: an edit like typing
    });
}

int ParameterPanel::addList(int row, Editor& editor) {
    QLineEdit* edit = addText(row, editor);
    const ParamSpec spec = editor.spec;
    // A slider's edit rewrites the list's text, which then updates the sliders as typing
    // does: one path for both, so they cannot disagree.
    auto* sliders =
        new ListSliders(spec, grid_->parentWidget(), [edit](const std::vector<long long>& values) {
            edit->setText(qs(ParamSpec::format(ParamValue(values))));
        });
    grid_->addWidget(sliders, row + 1, 1, 1, 2);
    rowWidgets_.push_back(sliders);
    connect(edit, &QLineEdit::textChanged, sliders, [spec, sliders](const QString& text) {
        // While the text does not parse, the sliders keep the last list that did.
        auto parsed = spec.parse(text.toStdString());
        if (auto* value = std::get_if<ParamValue>(&parsed))
            sliders->setValues(std::get<std::vector<long long>>(*value));
    });
    editor.show = [show = editor.show, sliders](const ParamValue& v) {
        show(v);
        if (const auto* list = std::get_if<std::vector<long long>>(&v))
            sliders->setValues(*list);
    };
    return 2;
}

Params ParameterPanel::params() const {
    Params out;
    for (const Editor& e : editors_) {
        const auto pending = pending_.find(e.spec.name);
        out.set(e.spec.name, pending != pending_.end() ? pending->second : e.value());
    }
    return out;
}

bool ParameterPanel::setValue(const std::string& name, const ParamValue& value) {
    auto it = std::find_if(editors_.begin(), editors_.end(),
                           [&](const Editor& e) { return e.spec.name == name; });
    if (it == editors_.end())
        return false;
    // Numbers arrive as long long or double whichever the caller had; the editor wants its own.
    ParamValue v = value;
    if (it->spec.kind == ParamKind::Double)
        if (const auto* i = std::get_if<long long>(&value))
            v = double(*i);
    if (it->spec.kind == ParamKind::Int)
        if (const auto* d = std::get_if<double>(&value); d != nullptr && std::trunc(*d) == *d)
            v = static_cast<long long>(*d);

    pending_.erase(name);
    it->parseError.reset();
    // A number out of range shows in its box as typed would (outlined in red); one the box
    // cannot hold either (too many digits or decimals) is kept aside.
    const bool number =
        ((it->spec.kind == ParamKind::Int && std::holds_alternative<long long>(v)) ||
         (it->spec.kind == ParamKind::Double && std::holds_alternative<double>(v))) &&
        std::abs(asNumber(v)) <= kOpenRangeLimit;
    if (!it->spec.validate(v) || number)
        it->show(v);
    if (it->spec.validate(v) && (!number || it->value() != v))
        pending_[name] = v;
    if (!loading_) {
        revalidate();
        Q_EMIT paramsChanged();
    }
    return true;
}

void ParameterPanel::resetToDefaults() {
    pending_.clear();
    for (Editor& e : editors_) {
        e.parseError.reset();
        e.show(e.spec.defaultValue);
    }
    revalidate();
    Q_EMIT paramsChanged();
}

void ParameterPanel::setValues(const Params& values) {
    {
        const QSignalBlocker blocker(this);
        loading_ = true;
        for (const auto& [name, value] : values.values())
            setValue(name, value);
        loading_ = false;
    }
    revalidate();
    Q_EMIT paramsChanged();
}

void ParameterPanel::edited(const std::string& name) {
    pending_.erase(name);
    for (Editor& e : editors_) {
        if (e.spec.name != name)
            continue;
        if (e.spec.kind == ParamKind::IntList || e.spec.kind == ParamKind::Text ||
            e.spec.kind == ParamKind::Folder) {
            auto* edit = findChild<QLineEdit*>(editorName(e.spec, "edit"));
            auto parsed = e.spec.parseMessage(edit->text().toStdString());
            if (auto* message = std::get_if<TextMessage>(&parsed))
                e.parseError = *message;
            else
                e.parseError.reset();
            edit->setStyleSheet(e.parseError ? kInvalidStyle : QString());
        }
    }
    if (loading_)
        return;
    revalidate();
    Q_EMIT paramsChanged();
}

// A number typed out of range is kept (revalidate() says why it cannot run); its box is
// marked as the list and text fields are.
void ParameterPanel::markOutOfRange(const Editor& editor) {
    auto* spin = findChild<QAbstractSpinBox*>(editorName(editor.spec, "spin"));
    const QString style = editor.spec.validate(editor.value()) ? kInvalidSpinStyle : QString();
    if (spin != nullptr && spin->styleSheet() != style)
        spin->setStyleSheet(style);
}

void ParameterPanel::retranslateUi() {
    for (const Editor& e : editors_) {
        const ParamSpec& spec = e.spec;
        const QString help = helpText(spec);
        if (auto* label = findChild<QLabel*>(editorName(spec, "label"))) {
            label->setText(labelText(spec));
            label->setToolTip(help);
        }
        for (const char* role : {"slider", "spin", "combo", "edit"})
            if (auto* editor = findChild<QWidget*>(editorName(spec, role)))
                editor->setToolTip(help);
        if (auto* combo = findChild<QComboBox*>(editorName(spec, "combo")))
            for (int i = 0; i < combo->count(); ++i)
                combo->setItemText(i,
                                   coretext::choice(combo->itemData(i).toString().toStdString()));
        // "a folder", "text" and a list's words are translated; a range ("1..64") stays.
        if (auto* edit = findChild<QLineEdit*>(editorName(spec, "edit")))
            edit->setPlaceholderText(spec.kind == ParamKind::Folder
                                         ? tr("new run folder")
                                         : coretext::message(spec.rangeMessage()));
        if (auto* browse = findChild<QPushButton*>(editorName(spec, "browse"))) {
            browse->setText(tr("Browse…"));
            browse->setToolTip(tr("Choose an existing folder"));
        }
    }
    // The error line from the values as they are, an unfinished text included.
    revalidate();
}

void ParameterPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        Q_EMIT retranslated();
    }
}

void ParameterPanel::revalidate() {
    error_.reset();
    for (const Editor& e : editors_)
        if (e.spec.kind == ParamKind::Int || e.spec.kind == ParamKind::Double)
            markOutOfRange(e);
    for (const Editor& e : editors_)
        if (e.parseError) {
            error_ = coretext::message(*e.parseError); // in the window's language
            break;
        }
    if (!error_ && pattern_ != nullptr)
        if (auto message = pattern_->validateMessage(params()))
            error_ = coretext::message(*message);
    errorLabel_->setText(error_.value_or(QString()));
    errorLabel_->setVisible(error_.has_value());
}

} // namespace tasklane
