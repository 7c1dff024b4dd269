#include "core/i18n/language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace VinhDanh::Core::Language {

bool install(QCoreApplication &app, const QString &language)
{
    const bool english = language == QLatin1String("en");
    QLocale::setDefault(english ? QLocale(QLocale::English, QLocale::UnitedKingdom) : QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    // English is the source language; its catalogue holds only the plural forms ("%n unit(s)"
    // reads "1 unit", "200 units").
    auto *translator = new QTranslator(&app);
    if (!translator->load(english ? QStringLiteral(":/i18n/vinhdanh_en.qm") : QStringLiteral(":/i18n/vinhdanh_vi.qm"))) {
        delete translator;
        return false;
    }
    app.installTranslator(translator);
    return true;
}

} // namespace VinhDanh::Core::Language
