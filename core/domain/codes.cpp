#include "core/domain/codes.h"

#include <QCoreApplication>

#include <iterator>
#include <utility>

namespace VinhDanh::Core::Codes {

namespace {
struct Entry
{
    const char *code;
    const char *label; // source text (English), translated in context "Codes"
};

template<size_t N>
QList<CodeLabel> toList(const Entry (&entries)[N])
{
    QList<CodeLabel> out;
    out.reserve(int(N));
    for (const Entry &e : entries)
        out.append({QString::fromLatin1(e.code), QCoreApplication::translate("Codes", e.label)});
    return out;
}

const Entry kUnitKinds[] = {
    {"provincial_agency", QT_TRANSLATE_NOOP("Codes", "Provincial agency or unit")},
    {"commune_ward", QT_TRANSLATE_NOOP("Codes", "Commune or ward People's Committee")},
    {"department", QT_TRANSLATE_NOOP("Codes", "Department inside a unit")},
    {"enterprise", QT_TRANSLATE_NOOP("Codes", "Enterprise")},
    {"front_org", QT_TRANSLATE_NOOP("Codes", "Fatherland Front or socio-political organisation")},
    {"social_org", QT_TRANSLATE_NOOP("Codes", "Social organisation")},
    {"cooperative", QT_TRANSLATE_NOOP("Codes", "Cooperative")},
};
const Entry kBlocKinds[] = {
    {"cum", QT_TRANSLATE_NOOP("Codes", "Emulation cluster")},
    {"khoi", QT_TRANSLATE_NOOP("Codes", "Emulation bloc")},
};
const Entry kPersonCategories[] = {
    {"can_bo", QT_TRANSLATE_NOOP("Codes", "Official (cán bộ)")},  {"cong_chuc", QT_TRANSLATE_NOOP("Codes", "Civil servant")},
    {"vien_chuc", QT_TRANSLATE_NOOP("Codes", "Public employee")}, {"nguoi_lao_dong", QT_TRANSLATE_NOOP("Codes", "Worker")},
    {"doanh_nhan", QT_TRANSLATE_NOOP("Codes", "Entrepreneur")},   {"nhan_dan", QT_TRANSLATE_NOOP("Codes", "Citizen")},
};
const Entry kGenders[] = {
    {"male", QT_TRANSLATE_NOOP("Codes", "Male")},
    {"female", QT_TRANSLATE_NOOP("Codes", "Female")},
};
const Entry kRatings[] = {
    {"HTXSNV", QT_TRANSLATE_NOOP("Codes", "HTXSNV – completed tasks excellently")},
    {"HTTNV", QT_TRANSLATE_NOOP("Codes", "HTTNV – completed tasks well")},
    {"HTNV", QT_TRANSLATE_NOOP("Codes", "HTNV – completed tasks")},
    {"KHTNV", QT_TRANSLATE_NOOP("Codes", "KHTNV – did not complete tasks")},
};
const Entry kAwardKinds[] = {
    {"cong_trang", QT_TRANSLATE_NOOP("Codes", "Merit and achievement (regular)")},
    {"dot_xuat", QT_TRANSLATE_NOOP("Codes", "One-off outstanding achievement")},
    {"theo_dot", QT_TRANSLATE_NOOP("Codes", "Periodic or thematic movement")},
    {"cong_hien", QT_TRANSLATE_NOOP("Codes", "Long contribution")},
};
const Entry kInitiativeLevels[] = {
    {"co_so", QT_TRANSLATE_NOOP("Codes", "Grassroots")},
    {"tinh", QT_TRANSLATE_NOOP("Codes", "Provincial")},
    {"toan_quoc", QT_TRANSLATE_NOOP("Codes", "National")},
};
const Entry kDisciplineKinds[] = {
    {"khien_trach", QT_TRANSLATE_NOOP("Codes", "Reprimand")},
    {"canh_cao", QT_TRANSLATE_NOOP("Codes", "Warning")},
    {"ha_bac_luong", QT_TRANSLATE_NOOP("Codes", "Salary grade reduction")},
    {"giang_chuc", QT_TRANSLATE_NOOP("Codes", "Demotion")},
    {"cach_chuc", QT_TRANSLATE_NOOP("Codes", "Dismissal from post")},
    {"buoc_thoi_viec", QT_TRANSLATE_NOOP("Codes", "Forced termination")},
    {"khac", QT_TRANSLATE_NOOP("Codes", "Other sanction")},
};
const Entry kOccasions[] = {
    {"annual", QT_TRANSLATE_NOOP("Codes", "Annual")},
    {"so_ket", QT_TRANSLATE_NOOP("Codes", "Interim review (sơ kết)")},
    {"tong_ket", QT_TRANSLATE_NOOP("Codes", "Final review (tổng kết)")},
};
const Entry kRecipients[] = {
    {"individual", QT_TRANSLATE_NOOP("Codes", "Individuals")},
    {"collective", QT_TRANSLATE_NOOP("Codes", "Collectives")},
    {"both", QT_TRANSLATE_NOOP("Codes", "Collectives and individuals")},
};
} // namespace

namespace {
/// The raw entries of a set (untranslated), for lookups that need one label only.
std::pair<const Entry *, size_t> entries(Set set)
{
    switch (set) {
    case Set::UnitKind: return {kUnitKinds, std::size(kUnitKinds)};
    case Set::BlocKind: return {kBlocKinds, std::size(kBlocKinds)};
    case Set::PersonCategory: return {kPersonCategories, std::size(kPersonCategories)};
    case Set::Gender: return {kGenders, std::size(kGenders)};
    case Set::TaskRating: return {kRatings, std::size(kRatings)};
    case Set::AwardKind: return {kAwardKinds, std::size(kAwardKinds)};
    case Set::InitiativeLevel: return {kInitiativeLevels, std::size(kInitiativeLevels)};
    case Set::DisciplineKind: return {kDisciplineKinds, std::size(kDisciplineKinds)};
    case Set::Occasion: return {kOccasions, std::size(kOccasions)};
    case Set::Recipients: return {kRecipients, std::size(kRecipients)};
    }
    return {nullptr, 0};
}
} // namespace

QList<CodeLabel> list(Set set)
{
    switch (set) {
    case Set::UnitKind: return toList(kUnitKinds);
    case Set::BlocKind: return toList(kBlocKinds);
    case Set::PersonCategory: return toList(kPersonCategories);
    case Set::Gender: return toList(kGenders);
    case Set::TaskRating: return toList(kRatings);
    case Set::AwardKind: return toList(kAwardKinds);
    case Set::InitiativeLevel: return toList(kInitiativeLevels);
    case Set::DisciplineKind: return toList(kDisciplineKinds);
    case Set::Occasion: return toList(kOccasions);
    case Set::Recipients: return toList(kRecipients);
    }
    return {};
}

bool isValid(Set set, const QString &code)
{
    // Called per record by the imports (a province's 100,000 people): compare the ASCII codes
    // where they are, without building and translating the set's list each time.
    const auto [first, count] = entries(set);
    for (size_t i = 0; i < count; ++i)
        if (code == QLatin1String(first[i].code))
            return true;
    return false;
}

QString label(Set set, const QString &code)
{
    // Called per row by the eligibility sweep and every listing: compare the ASCII codes and
    // translate only the one that matches, not the whole set.
    const auto [first, count] = entries(set);
    for (size_t i = 0; i < count; ++i)
        if (code == QLatin1String(first[i].code))
            return QCoreApplication::translate("Codes", first[i].label);
    return code;
}

namespace {
struct AuthorityEntry
{
    Authority authority;
    const char *code;
    const char *prefix;  // document text: never translated
    const char *label;   // source text (English), translated in context "Codes"
    const char *toolTip; // the same
};

const AuthorityEntry kAuthorities[] = {
    {Authority::Own, "", "", QT_TRANSLATE_NOOP("Codes", "— (signs in own name)"),
     QT_TRANSLATE_NOOP("Codes", "The signer signs in their own name, without a prefix")},
    {Authority::OnBehalf, "TM", "TM.", QT_TRANSLATE_NOOP("Codes", "TM. (on behalf of the collective)"),
     QT_TRANSLATE_NOOP("Codes", "On behalf of the collective (thay mặt)")},
    {Authority::Deputy, "KT", "KT.", QT_TRANSLATE_NOOP("Codes", "KT. (a deputy signs for the head)"),
     QT_TRANSLATE_NOOP("Codes", "A deputy signs for the head (ký thay)")},
    {Authority::Acting, "Q", "Q.", QT_TRANSLATE_NOOP("Codes", "Q. (acting head)"), QT_TRANSLATE_NOOP("Codes", "Acting head (quyền)")},
};

const AuthorityEntry &entryOf(Authority authority)
{
    for (const AuthorityEntry &e : kAuthorities)
        if (e.authority == authority)
            return e;
    return kAuthorities[0];
}
} // namespace

QList<Authority> authorities()
{
    QList<Authority> out;
    for (const AuthorityEntry &e : kAuthorities)
        out << e.authority;
    return out;
}

QString authorityCode(Authority authority)
{
    // Never a null string: the column is NOT NULL and "" means signing in one's own name.
    return QString::fromLatin1(entryOf(authority).code);
}

std::optional<Authority> authorityFromCode(const QString &code)
{
    for (const AuthorityEntry &e : kAuthorities)
        if (code == QLatin1String(e.code))
            return e.authority;
    return std::nullopt;
}

QString authorityPrefix(Authority authority)
{
    return QString::fromLatin1(entryOf(authority).prefix);
}

QString authorityPrefix(const QString &code)
{
    return authorityPrefix(authorityFromCode(code).value_or(Authority::Own));
}

QString authorityLabel(Authority authority)
{
    return QCoreApplication::translate("Codes", entryOf(authority).label);
}

QString authorityToolTip(Authority authority)
{
    return QCoreApplication::translate("Codes", entryOf(authority).toolTip);
}

QList<CodeLabel> authorityList()
{
    QList<CodeLabel> out;
    for (const Authority a : authorities())
        if (a != Authority::Own)
            out.append({authorityCode(a), authorityLabel(a)});
    return out;
}

QString codesText(Set set)
{
    QStringList codes;
    for (const CodeLabel &e : list(set))
        codes.append(e.code);
    return codes.join(QStringLiteral(", "));
}

} // namespace VinhDanh::Core::Codes
