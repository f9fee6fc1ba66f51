#include "python_highlighter.h"

namespace tasklane {

namespace {

QTextCharFormat charFormat(const QColor& colour, bool bold = false, bool italic = false) {
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document) {
    // Later rules win where they overlap: strings and comments come last so a keyword
    // inside them is not coloured as one.
    rules_.push_back({QRegularExpression(QStringLiteral(
                          "\\b(and|as|async|await|def|elif|else|for|from|if|import|in|is|"
                          "lambda|not|or|pass|return|while|with|yield|None|True|False)\\b")),
                      charFormat(QColor(0x7a, 0x3e, 0x9d), true)});
    rules_.push_back({QRegularExpression(QStringLiteral(
                          "\\b(print|range|list|len|open|sum|min|max|int|str)\\b(?=\\()")),
                      charFormat(QColor(0x00, 0x5c, 0xc5))});
    rules_.push_back({QRegularExpression(QStringLiteral("\\bdef\\s+(\\w+)")),
                      charFormat(QColor(0x00, 0x6b, 0x75), true), 1});
    rules_.push_back({QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d+)?\\b")),
                      charFormat(QColor(0xb0, 0x50, 0x00))});
    rules_.push_back({QRegularExpression(QStringLiteral(
                          "[rbf]?(\"[^\"\\\\]*(\\\\.[^\"\\\\]*)*\"|'[^'\\\\]*(\\\\.[^'\\\\]*)*')")),
                      charFormat(QColor(0x1a, 0x7f, 0x37))});
    rules_.push_back({QRegularExpression(QStringLiteral("#[^\\n]*")),
                      charFormat(QColor(0x6a, 0x73, 0x7d), false, true)});
}

void PythonHighlighter::highlightBlock(const QString& text) {
    for (const Rule& rule : rules_) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            setFormat(int(match.capturedStart(rule.group)), int(match.capturedLength(rule.group)),
                      rule.format);
        }
    }
}

} // namespace tasklane
