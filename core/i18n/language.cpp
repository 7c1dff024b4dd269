#include "core/i18n/language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace VinhDanh::Core::Language {

bool install(QCoreApplication &app, const QString &language)
{
    if (language == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        return true;
    }
    QLocale::setDefault(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    auto *translator = new QTranslator(&app);
    if (!translator->load(QStringLiteral(":/i18n/vinhdanh_vi.qm"))) {
        delete translator;
        return false;
    }
    app.installTranslator(translator);
    return true;
}

} // namespace VinhDanh::Core::Language
