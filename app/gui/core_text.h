// CoreText: the window's translations of the texts core describes its patterns with. Core
// marks them with QT_TRANSLATE_NOOP and keeps them English (the command line prints them
// so); the window shows them through these, in the language installed by Language::apply.
#pragma once

#include "patterns/param_spec.h"
#include "patterns/run_result.h"
#include "text/text_message.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <string>

namespace tasklane::coretext {

// A pattern's title or description.
inline QString pattern(const std::string& text) {
    return QCoreApplication::translate("tasklane::Pattern", text.c_str());
}
// A parameter's one-line help.
inline QString help(const ParamSpec& spec) {
    return QCoreApplication::translate("tasklane::ParamSpec", spec.help.c_str());
}
// A parameter's label: its option name in English, words in Korean.
inline QString label(const ParamSpec& spec) {
    return QCoreApplication::translate("tasklane::ParamLabel", spec.label());
}
// One of a Choice parameter's values as shown; the value itself stays the key.
inline QString choice(const std::string& value) {
    return QCoreApplication::translate("tasklane::ParamChoice", ParamSpec::choiceLabel(value));
}
// A compare run's mode title ("threads (GIL)").
inline QString mode(const std::string& title) {
    return QCoreApplication::translate("tasklane::ComparePattern", title.c_str());
}

// A sentence core built from numbers: its template translated, its arguments put in (each
// translated the same way when it has a context, as a mode's title does).
inline QString message(const TextMessage& m) {
    const QString source = m.context != nullptr
                               ? QCoreApplication::translate(m.context, m.source.c_str())
                               : QString::fromStdString(m.source);
    QString out;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source[i];
        const int n = i + 1 < source.size() ? source[i + 1].digitValue() : -1;
        if (c == u'%' && n >= 1 && std::size_t(n) <= m.args.size()) {
            out += message(m.args[std::size_t(n - 1)]);
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

// A run's conclusion, sentence by sentence, in the window's language.
inline QStringList conclusion(const RunResult& run) {
    QStringList out;
    if (!run.conclusionMessages.empty()) {
        for (const TextMessage& m : run.conclusionMessages)
            out << message(m);
    } else {
        for (const std::string& sentence : run.conclusion)
            out << QString::fromStdString(sentence);
    }
    return out;
}

} // namespace tasklane::coretext
