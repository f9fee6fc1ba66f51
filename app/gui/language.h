// Language: the window's language. It follows the system locale unless the user picked one
// (Help > Language, kept in QSettings). Korean is the tutorial's language; English is the
// source text, so it needs no translation file. The translations are Qt Linguist files
// (resources/translations/*.ts) compiled into the binary as :/i18n/tasklane_<lang>.qm.
#pragma once

#include <QLocale>
#include <QString>

namespace tasklane {

class Language {
public:
    enum class Choice { System, English, Korean };

    // The stored choice ("ui/language": system, en or ko); System when unset or unknown.
    static Choice stored();
    static void store(Choice choice);

    static QLocale localeFor(Choice choice); // System: QLocale::system()
    // The language's name in itself ("한국어", "American English"); empty for the C locale
    // and any other without a language (a system with LANG=C), which has no name to show.
    static QString nativeName(const QLocale& locale);
    static QString settingsName(Choice choice);
    static Choice fromSettingsName(const QString& name);

    // Installs the translators for `locale` on the application, replacing those installed
    // by an earlier call: Tasklane's own and Qt's (the standard dialogs' buttons), and makes
    // `locale` the default for numbers. True when Tasklane has a translation for the locale's
    // language; a language without one gets English.
    static bool apply(const QLocale& locale);

    // Removes what apply() installed: the source texts show again, numbers as the system's.
    static void uninstall();

    // The language the installed translation is for: "ko", or "en" when none is installed.
    static QString current();

    // Counts apply() and uninstall() calls: texts made on a worker thread under an older
    // count (a run's chart rows, its output) are in a language no longer on screen.
    static quint64 generation();
};

} // namespace tasklane
