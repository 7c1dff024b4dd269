#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace VinhDanh::Core {

/// A stored code and the label a clerk reads (translated: Vietnamese by default).
struct CodeLabel
{
    QString code;
    QString label;
};

/// The fixed vocabularies of the registry. Codes are stable ASCII text stored in the database
/// and the interchange file; labels are for people. Each set lists its codes in display order.
namespace Codes {

enum class Set {
    UnitKind,        // provincial_agency, commune_ward, department, enterprise, front_org, social_org, cooperative
    BlocKind,        // cum, khoi
    PersonCategory,  // can_bo, cong_chuc, vien_chuc, nguoi_lao_dong, doanh_nhan, nhan_dan
    Gender,          // male, female
    TaskRating,      // HTXSNV, HTTNV, HTNV, KHTNV (best first)
    AwardKind,       // cong_trang, dot_xuat, theo_dot, cong_hien
    InitiativeLevel, // co_so, tinh, toan_quoc
    DisciplineKind,  // khien_trach, canh_cao, ha_bac_luong, giang_chuc, cach_chuc, buoc_thoi_viec, khac
    Occasion,        // annual, so_ket, tong_ket
    Recipients,      // individual, collective, both
};

QList<CodeLabel> list(Set set);
bool isValid(Set set, const QString &code);
/// The label of a code, or the code itself when unknown (never an empty cell).
QString label(Set set, const QString &code);
/// The codes of a set joined for messages: "HTXSNV, HTTNV, HTNV, KHTNV".
QString codesText(Set set);

/// Whom a signature block signs for (Decree 30/2020, Appendix I): the prefix before the
/// signer's title. Stored as "", "TM", "KT" or "Q" (decisions.authority, the letterhead's
/// signers); the decision page, the letterhead dialog, the CLI and the documents read this one
/// vocabulary.
enum class Authority {
    Own,      // "": the signer signs in their own name
    OnBehalf, // "TM" (thay mặt): on behalf of a collective body, "TM. ỦY BAN NHÂN DÂN"
    Deputy,   // "KT" (ký thay): a deputy signs for the head, "KT. CHỦ TỊCH"
    Acting,   // "Q" (quyền): the acting head, "Q. GIÁM ĐỐC"
};

/// Every authority in the order a clerk chooses from, Own first.
QList<Authority> authorities();
QString authorityCode(Authority authority);
/// The authority a stored code names; nullopt for any other text (which the writers refuse).
std::optional<Authority> authorityFromCode(const QString &code);
/// As the signature block prints it before the title: "TM.", "KT.", "Q." or "" — Vietnamese
/// in every language of the interface, being document text.
QString authorityPrefix(Authority authority);
/// The prefix of a stored code ("" for none or an unknown code).
QString authorityPrefix(const QString &code);
/// The clerk's name of it in a choice: "TM. (on behalf of the collective)", translated.
QString authorityLabel(Authority authority);
/// What it means, for a tooltip: "On behalf of the collective (thay mặt)", translated.
QString authorityToolTip(Authority authority);
/// The codes of the authorities but Own, with their labels (a drop-down that offers "none" itself).
QList<CodeLabel> authorityList();

} // namespace Codes
} // namespace VinhDanh::Core
