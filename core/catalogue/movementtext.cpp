#include "core/catalogue/movementtext.h"

#include "core/catalogue/movementjson.h"
#include "core/domain/codes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace VinhDanh::Core::MovementText {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MovementText)
};

} // namespace

QString summary(const QList<Movement> &movements)
{
    QString out;
    const QLocale locale;
    for (const Movement &m : movements) {
        out += QStringLiteral("%1  %2%3\n")
                   .arg(m.key, m.name, m.isCatalogue ? QStringLiteral("  [") + Tr::tr("catalogue") + QLatin1Char(']') : QString());
        if (!m.issuer.isEmpty())
            out += QStringLiteral("    ") + Tr::tr("Issuer: %1").arg(m.issuer) + QLatin1Char('\n');
        const QString number = m.planNumber.isEmpty() ? Tr::tr("no number") : m.planNumber;
        const QString date = m.planDate.isValid() ? locale.toString(m.planDate, QLocale::ShortFormat) : Tr::tr("no date");
        out += QStringLiteral("    ") + Tr::tr("Plan: %1, %2").arg(number, date) + QLatin1Char('\n');
        out += QStringLiteral("    ") + Tr::tr("Period: %1–%2").arg(m.periodFrom).arg(m.periodTo) + QLatin1Char('\n');
        for (const MovementPhase &p : m.phases) {
            QString line = Tr::tr("Phase %1: %2–%3").arg(p.name).arg(p.fromYear).arg(p.toYear);
            if (!p.review.isEmpty())
                line += QStringLiteral(", ") + Codes::label(Codes::Set::Occasion, p.review)
                        + (p.reviewYear ? QStringLiteral(" %1").arg(p.reviewYear) : QString());
            out += QStringLiteral("    ") + line + QLatin1Char('\n');
        }
        for (const CodeLabel &occasion : Codes::list(Codes::Set::Occasion)) {
            QStringList names;
            for (const MovementAward &a : m.awards)
                if (a.occasion == occasion.code)
                    names << a.name;
            if (!names.isEmpty())
                out += QStringLiteral("    ") + Tr::tr("Awards (%1): %2").arg(occasion.label, names.join(QStringLiteral("; ")))
                       + QLatin1Char('\n');
        }
        out += QStringLiteral("    ")
               + Tr::tr("%1 content areas, %2 nominee categories, %3 standards groups")
                     .arg(m.contents.size())
                     .arg(m.categories.size())
                     .arg(m.standards.size())
               + QLatin1Char('\n');
    }
    return out;
}

QJsonDocument json(const QList<Movement> &movements)
{
    QJsonArray array;
    for (const Movement &m : movements) {
        QJsonObject o = MovementJson::toJson(m);
        o.insert(QStringLiteral("catalogue"), m.isCatalogue);
        array.append(o);
    }
    return QJsonDocument(array);
}

} // namespace VinhDanh::Core::MovementText
