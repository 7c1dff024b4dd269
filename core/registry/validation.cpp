#include "core/registry/validation.h"

#include "core/domain/codes.h"
#include "core/text/vntext.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Validation {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Validation)
};

void checkYear(QStringList &out, int year)
{
    if (year < 1945 || year > 2100)
        out << Tr::tr("The year %1 is not valid; enter a year between 1945 and 2100.").arg(year);
}

void checkSubject(QStringList &out, const Subject &s)
{
    if ((s.personId > 0) == (s.unitId > 0))
        out << Tr::tr("Choose either a person or a unit.");
}
} // namespace

bool isValidCccd(const QString &cccd)
{
    if (cccd.size() != 12)
        return false;
    return std::all_of(cccd.begin(), cccd.end(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}

QStringList unit(const Unit &u)
{
    QStringList out;
    if (Text::clean(u.name).isEmpty())
        out << Tr::tr("The unit name is required.");
    if (!Codes::isValid(Codes::Set::UnitKind, u.kind))
        out << Tr::tr("Choose the kind of unit.");
    if (u.validFrom.isValid() && u.validTo.isValid() && u.validTo < u.validFrom)
        out << Tr::tr("The valid-to date (%1) is before the valid-from date (%2).")
                   .arg(u.validTo.toString(QStringLiteral("dd/MM/yyyy")), u.validFrom.toString(QStringLiteral("dd/MM/yyyy")));
    if (u.id > 0 && u.parentId == u.id)
        out << Tr::tr("A unit cannot be its own parent.");
    if (u.id > 0 && u.succeededById == u.id)
        out << Tr::tr("A unit cannot succeed itself.");
    return out;
}

QStringList person(const Person &p, const QDate &today)
{
    QStringList out;
    const QString name = Text::clean(p.fullName);
    if (name.isEmpty())
        out << Tr::tr("The full name is required.");
    else if (!name.contains(QLatin1Char(' ')))
        out << Tr::tr("Enter the full name (family name, middle name and given name), not only one word.");
    if (p.unitId <= 0)
        out << Tr::tr("Choose the unit the person works in.");
    if (!Codes::isValid(Codes::Set::PersonCategory, p.category))
        out << Tr::tr("Choose the person's category.");
    if (!p.gender.isEmpty() && !Codes::isValid(Codes::Set::Gender, p.gender))
        out << Tr::tr("The gender must be male or female.");
    if (p.birthDate.isValid()) {
        if (p.birthDate > today)
            out << Tr::tr("The birth date is in the future.");
        else if (p.birthDate.year() < 1900)
            out << Tr::tr("The birth date is before 1900.");
    }
    if (!p.cccd.isEmpty() && !isValidCccd(p.cccd))
        out << Tr::tr("The CCCD number must have exactly 12 digits.");
    return out;
}

QStringList rating(const Rating &r)
{
    QStringList out;
    checkSubject(out, r.subject);
    checkYear(out, r.year);
    if (!Codes::isValid(Codes::Set::TaskRating, r.rating))
        out << Tr::tr("The task rating must be one of %1.").arg(Codes::codesText(Codes::Set::TaskRating));
    return out;
}

QStringList award(const Award &a)
{
    QStringList out;
    checkSubject(out, a.subject);
    checkYear(out, a.year);
    if (a.formCode.isEmpty())
        out << Tr::tr("Choose the award form.");
    if (!Codes::isValid(Codes::Set::AwardKind, a.kind))
        out << Tr::tr("The kind of award must be one of %1.").arg(Codes::codesText(Codes::Set::AwardKind));
    if (a.decisionDate.isValid() && a.decisionDate.year() < a.year)
        out << Tr::tr("The decision date %1 is before the achievement year %2.")
                   .arg(a.decisionDate.toString(QStringLiteral("dd/MM/yyyy")))
                   .arg(a.year);
    return out;
}

QStringList initiative(const Initiative &i)
{
    QStringList out;
    if (Text::clean(i.title).isEmpty())
        out << Tr::tr("The initiative title is required.");
    if (!Codes::isValid(Codes::Set::InitiativeLevel, i.level))
        out << Tr::tr("The initiative level must be one of %1.").arg(Codes::codesText(Codes::Set::InitiativeLevel));
    if (i.holderIds.isEmpty())
        out << Tr::tr("An initiative needs at least one holder.");
    return out;
}

QStringList discipline(const Discipline &d)
{
    QStringList out;
    checkSubject(out, d.subject);
    if (!Codes::isValid(Codes::Set::DisciplineKind, d.kind))
        out << Tr::tr("The kind of discipline must be one of %1.").arg(Codes::codesText(Codes::Set::DisciplineKind));
    if (!d.startDate.isValid())
        out << Tr::tr("The start date of the discipline is required.");
    if (d.startDate.isValid() && d.endDate.isValid() && d.endDate < d.startDate)
        out << Tr::tr("The discipline ends before it starts.");
    return out;
}

} // namespace VinhDanh::Core::Validation
