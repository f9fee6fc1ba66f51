// PythonHighlighter: colours the Python tab (keywords, builtins, strings, numbers,
// comments) so the generated program reads like code in an editor. A handful of regular
// expressions is enough for the short programs the patterns generate.
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

namespace tasklane {

class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit PythonHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0; // the capture group to colour
    };
    std::vector<Rule> rules_;
};

} // namespace tasklane
