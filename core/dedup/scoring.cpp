// The scores of likely duplicates (see duplicates.h for the table). Pure functions: no
// database, so the rules are tested on their own and the finder only feeds them.
#include "core/dedup/duplicates.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Dedup {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Dedup)
};

/// Whether two validity periods share a day (a null bound is open).
bool overlaps(const UnitFacts &a, const UnitFacts &b)
{
    const bool aEndsBefore = a.validTo.isValid() && b.validFrom.isValid() && a.validTo < b.validFrom;
    const bool bEndsBefore = b.validTo.isValid() && a.validFrom.isValid() && b.validTo < a.validFrom;
    return !aEndsBefore && !bEndsBefore;
}
} // namespace

Match scorePeople(const PersonFacts &a, const PersonFacts &b)
{
    Match m;
    if (a.id != 0 && a.id == b.id)
        return m;
    if (!a.cccd.isEmpty() && !b.cccd.isEmpty()) {
        if (a.cccd != b.cccd)
            return m; // two identity numbers are two people, however alike the names
        m.score = 100;
        m.reasons << Tr::tr("the same CCCD number");
        if (a.folded == b.folded)
            m.reasons << Tr::tr("the same name (ignoring case and diacritics)");
        else
            m.reasons << Tr::tr("names differ: %1 / %2").arg(a.fullName, b.fullName);
        return m;
    }
    if (a.folded.isEmpty() || a.folded != b.folded)
        return m;
    const bool sameUnit = a.unitId != 0 && a.unitId == b.unitId;
    if (a.birthDate.isValid() && b.birthDate.isValid()) {
        if (a.birthDate != b.birthDate)
            return m; // namesakes: a province has many Nguyễn Văn Hùng
        m.score = sameUnit ? 90 : 80;
        m.reasons << Tr::tr("the same name (ignoring case and diacritics)") << Tr::tr("the same birth date");
        if (sameUnit)
            m.reasons << Tr::tr("the same unit");
        else
            m.reasons << Tr::tr("different units: %1 / %2").arg(a.unitName, b.unitName);
        return m;
    }
    if (!sameUnit)
        return m; // a common name without a birth date says nothing across units
    m.score = 50;
    m.reasons << Tr::tr("the same name (ignoring case and diacritics)") << Tr::tr("the same unit")
              << Tr::tr("no birth date to compare");
    return m;
}

Match scoreUnits(const UnitFacts &a, const UnitFacts &b)
{
    Match m;
    if (a.id == b.id || a.folded.isEmpty() || a.folded != b.folded || a.parentId != b.parentId)
        return m;
    // A unit renamed or merged in the 2025 reorganisation names its successor: not a duplicate.
    if ((a.succeededById && a.succeededById == b.id) || (b.succeededById && b.succeededById == a.id))
        return m;
    if (!overlaps(a, b))
        return m;
    m.reasons << Tr::tr("the same name (ignoring case and diacritics)");
    m.reasons << (a.parentId ? Tr::tr("the same parent unit: %1").arg(a.parentName) : Tr::tr("both top-level units"));
    m.reasons << Tr::tr("valid at the same time");
    if (a.kind == b.kind) {
        m.score = 80;
    } else {
        m.score = 60;
        m.reasons << Tr::tr("different kinds of unit");
    }
    return m;
}

QString maskedCccd(const QString &cccd)
{
    // The last four digits tell two records apart without giving the number away.
    if (cccd.size() <= 4)
        return QString(cccd.size(), QLatin1Char('*'));
    return QString(cccd.size() - 4, QLatin1Char('*')) + cccd.right(4);
}

} // namespace VinhDanh::Core::Dedup
