// ParameterPanel: the editors for one pattern's parameters, generated from its ParamSpecs
// (a slider paired with a spin box for numbers, a toggle or combo box for choices, a line
// edit for text, a line edit and "Browse…" for folders, and for lists a line edit with a
// slider per item underneath, the two kept in step), with the first problem shown inline
// underneath. It only collects values; checking them is the pattern's job
// (Pattern::validate, ParamSpec::parse).
#pragma once

#include "patterns/pattern.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

class QLabel;
class QGridLayout;
class QLineEdit;

namespace tasklane {

class ParameterPanel : public QWidget {
    Q_OBJECT

public:
    explicit ParameterPanel(QWidget* parent = nullptr);

    // Rebuilds the editors for `pattern`, showing `values` where given and defaults elsewhere.
    void setPattern(const Pattern* pattern, const Params& values = {});
    const Pattern* pattern() const { return pattern_; }

    // The values as edited, every parameter present. May be invalid: check error().
    Params params() const;
    // The first problem with the current values, as one line; nothing when they can run.
    std::optional<QString> error() const { return error_; }
    bool isValid() const { return !error_.has_value(); }

    // Sets one value as if the user had entered it. A value the editors cannot show (out of
    // range, say) is kept as given, so that the pattern's own message explains it.
    bool setValue(const std::string& name, const ParamValue& value);
    void resetToDefaults();
    // Sets every value given (a preset) as one edit: paramsChanged() once.
    void setValues(const Params& values);

Q_SIGNALS:
    // Any edit, valid or not; emitted once per change after error() is up to date.
    void paramsChanged();
    // The texts, error() included, are in a new language; the values are unchanged.
    void retranslated();

protected:
    // QEvent::LanguageChange: retranslateUi(), then retranslated().
    void changeEvent(QEvent* event) override;

private:
    struct Editor {
        ParamSpec spec;
        std::function<ParamValue()> value;           // what the editor shows
        std::function<void(const ParamValue&)> show; // puts a valid value into the editor
        std::optional<TextMessage> parseError;       // text editors: the text does not parse
    };

    // Each returns how many rows of the grid it took.
    int addEditor(int row, const ParamSpec& spec);
    void addNumber(int row, Editor& editor);
    void addChoice(int row, Editor& editor);
    QLineEdit* addText(int row, Editor& editor, int columns = 2);
    void addFolder(int row, Editor& editor);
    int addList(int row, Editor& editor);
    void edited(const std::string& name);
    void markOutOfRange(const Editor& editor);
    void revalidate();
    // The editors' labels, tooltips, placeholders and choices, and the error line, in the
    // current language. A list's sliders do their own (ListSliders).
    void retranslateUi();

    const Pattern* pattern_ = nullptr;
    QGridLayout* grid_ = nullptr;
    QLabel* errorLabel_ = nullptr;
    std::vector<QWidget*> rowWidgets_;
    std::vector<Editor> editors_;
    std::map<std::string, ParamValue> pending_; // set through setValue, not shown by an editor
    std::optional<QString> error_;
    bool loading_ = false;
};

} // namespace tasklane
