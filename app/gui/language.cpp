#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace tasklane {

namespace {

const QString kSettingsKey = QStringLiteral("ui/language");

struct Installed {
    std::unique_ptr<QTranslator> tasklane;
    std::unique_ptr<QTranslator> qt;
    QString language = QStringLiteral("en");
    quint64 generation = 0;
};

Installed& installed() {
    static Installed state;
    return state;
}

void remove(std::unique_ptr<QTranslator>& translator) {
    if (translator) {
        QCoreApplication::removeTranslator(translator.get());
        translator.reset();
    }
}

} // namespace

Language::Choice Language::stored() {
    return fromSettingsName(QSettings().value(kSettingsKey).toString());
}

void Language::store(Choice choice) {
    QSettings().setValue(kSettingsKey, settingsName(choice));
}

QLocale Language::localeFor(Choice choice) {
    switch (choice) {
    case Choice::English:
        return QLocale(QLocale::English, QLocale::UnitedStates);
    case Choice::Korean:
        return QLocale(QLocale::Korean, QLocale::SouthKorea);
    case Choice::System:
        break;
    }
    return QLocale::system();
}

QString Language::nativeName(const QLocale& locale) {
    if (locale.language() == QLocale::C || locale.language() == QLocale::AnyLanguage)
        return {};
    return locale.nativeLanguageName();
}

QString Language::settingsName(Choice choice) {
    switch (choice) {
    case Choice::English:
        return QStringLiteral("en");
    case Choice::Korean:
        return QStringLiteral("ko");
    case Choice::System:
        break;
    }
    return QStringLiteral("system");
}

Language::Choice Language::fromSettingsName(const QString& name) {
    if (name == u"en")
        return Choice::English;
    if (name == u"ko")
        return Choice::Korean;
    return Choice::System;
}

bool Language::apply(const QLocale& locale) {
    uninstall();
    Installed& state = installed();
    ++state.generation;
    QLocale::setDefault(locale);

    auto tasklane = std::make_unique<QTranslator>();
    // Tries every name the locale goes by (ko_KR, ko, ...), as QTranslator does. English is
    // the source text; its file only holds plural forms ("1 track", "2 tracks") and the
    // window's wording of parameter errors ("delays must be…", not the command line's
    // "--delays must be…"), which is also what a language without a translation gets.
    const bool native = tasklane->load(locale, QStringLiteral("tasklane"), QStringLiteral("_"),
                                       QStringLiteral(":/i18n"));
    if (native || tasklane->load(QStringLiteral(":/i18n/tasklane_en.qm"))) {
        QCoreApplication::installTranslator(tasklane.get());
        state.tasklane = std::move(tasklane);
    }
    state.language = native ? QLocale::languageToCode(locale.language()) : QStringLiteral("en");
    if (!native || locale.language() == QLocale::English)
        return native;

    // Qt's own strings (QMessageBox's buttons, QFileDialog) from qt6-translations-l10n, when
    // it is installed.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        state.qt = std::move(qt);
    }
    return true;
}

void Language::uninstall() {
    Installed& state = installed();
    remove(state.tasklane);
    remove(state.qt);
    ++state.generation;
    state.language = QStringLiteral("en");
    QLocale::setDefault(QLocale::system());
}

QString Language::current() {
    return installed().language;
}

quint64 Language::generation() {
    return installed().generation;
}

} // namespace tasklane
